"""Text from a graph, made inert for GitHub-flavoured Markdown. Private to
:mod:`arggraph.diff`.

A claim's text, an id or a quote may hold anything: Markdown emphasis, links, a ``|``
that would split a table cell, raw HTML (``<details>``, ``<img>``), a line break that
would end a list item, ``@name`` (which pings a person on GitHub) or ``#12`` (which
links an issue). Each is shown literally: ASCII punctuation that Markdown reads is
backslash-escaped, ``&``, ``<`` and ``>`` become entities, control characters are shown
as escapes, whitespace runs fold into one space, and a zero-width space follows ``@``
and ``#`` so that neither is read as a mention or a reference (as Renovate does in the
pull requests it writes).

>>> text("**bold** <b>x</b> | @kofman #12\\nnext")
'\\\\*\\\\*bold\\\\*\\\\* &lt;b&gt;x&lt;/b&gt; \\\\| @&#8203;kofman \\\\#&#8203;12 next'
>>> code("a`b|c", cell=True)
'``a`b\\\\|c``'
"""

from __future__ import annotations

import html
import re

from ..text import one_line, shorten

# Backslash-escaped: what Markdown reads anywhere in a line (the marks of lists and
# headings, "-", "+", "." and "#" at a line's start, never begin one here: escaped text
# always follows something).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~:])")
_ZWSP = "&#8203;"


def text(value: str, limit: int | None = None) -> str:
    """``value`` on one line, cut to ``limit`` characters (with an ellipsis) when given,
    and escaped to show literally in Markdown, in a table cell too."""
    flat = shorten(value, limit) if limit is not None else one_line(value)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    return flat.replace("@", "@" + _ZWSP).replace("\\#", "\\#" + _ZWSP)


def code(value: str, *, cell: bool = False, limit: int | None = None) -> str:
    """``value`` on one line as a code span (an id): fenced with more backticks than it
    holds in a row, padded where it starts or ends with one; in a table ``cell`` its
    ``|`` escaped (GFM reads that escape inside code spans too)."""
    flat = shorten(value, limit) if limit is not None else one_line(value)
    if cell:
        flat = flat.replace("|", "\\|")
    runs = [len(r) for r in re.findall(r"`+", flat)]
    fence = "`" * (max(runs, default=0) + 1)
    if flat.startswith("`") or flat.endswith("`") or not flat.strip():
        flat = f" {flat} "
    return f"{fence}{flat}{fence}"


def html_text(value: str) -> str:
    """``value`` on one line, escaped for HTML (inside ``<summary>``)."""
    return html.escape(one_line(value), quote=True).replace("@", "@" + _ZWSP)
