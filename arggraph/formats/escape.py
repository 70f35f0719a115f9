"""Text from a graph file, made safe for the markup the diagrams are written in.

Claim texts and quotes come from files anyone can write, so nothing in them may end
a DOT string early, open an HTML-like tag, expand a Graphviz escape such as ``\\N``,
or put a control character into an SVG (which XML forbids). Each function here
escapes for one context; the exporters never paste raw text anywhere else.

>>> dot_quote('say "hi" \\\\N')
'"say \\\\"hi\\\\" \\\\\\\\N"'
>>> html_text("a < b & \\"c\\"")
'a &lt; b &amp; &quot;c&quot;'
>>> html_text("\\\\N")
'\\\\\\\\N'
>>> wrap("Ukraine should withdraw from Bakhmut before it is encircled", 24)
['Ukraine should withdraw', 'from Bakhmut before it', 'is encircled']
"""

from __future__ import annotations

import re
import textwrap

from ..text import markup_safe

__all__ = [
    "XML_FORBIDDEN",
    "clean",
    "dot_quote",
    "dot_tooltip",
    "html_lines",
    "html_text",
    "wrap",
    "xml_text",
]

#: ``text`` with control, bidi and non-XML characters shown as visible escapes
#: (:func:`arggraph.text.markup_safe`, under the name the exporters use).
clean = markup_safe


#: Characters XML 1.0 cannot carry at all (GraphML and SVG are XML).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with only the characters XML cannot hold shown as visible escapes
    (everything else, bidi marks included, is kept as it is).

    >>> xml_text("a\\x1fb\\u202ec")
    'a\\\\x1fb\\u202ec'
    """
    return XML_FORBIDDEN.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def dot_quote(text: str) -> str:
    """A double-quoted DOT string holding ``text`` literally.

    Backslashes are doubled (so Graphviz's ``\\N``, ``\\G``, ``\\l`` escapes cannot
    fire), double quotes escaped, and line breaks become ``\\n``.
    """
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def dot_tooltip(text: str) -> str:
    r"""A double-quoted DOT string that Graphviz shows as ``text`` in a tooltip (SVG's
    ``xlink:title``, image maps).

    Graphviz reads a tooltip twice: as an escString (``\N`` the node's name, ``\G`` the
    graph's, ``\\`` a backslash) and then as XML text that may hold entities. So a
    backslash is written as four (what both readings leave as one), ``&`` as ``&#38;``
    (so ``&amp;`` in a claim stays ``&amp;``), a double quote as ``\"`` and a line break
    as ``\n``.

    >>> print(dot_tooltip('a \\N & "b" &amp;'))
    "a \\\\N &#38; \"b\" &#38;amp;"
    """
    text = clean(text).replace("\\", "\\\\\\\\").replace('"', '\\"').replace("&", "&#38;")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


_HTML = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "\t": " ",
        "\\": "\\\\",
        "]": "&#93;",
    }
)


def html_text(text: str) -> str:
    """``text`` escaped for the inside of a Graphviz HTML-like label (one line).

    Graphviz expands ``\\N`` (node name), ``\\G`` (graph name)... even inside HTML
    labels and even when the backslash is written as an entity, so a backslash is
    doubled: ``\\\\`` is the one form it prints as a plain backslash. A ``]`` is written
    as ``&#93;``: Graphviz's label parser refuses a cell that holds nothing else.

    >>> html_text("]")
    '&#93;'
    """
    return clean(text).translate(_HTML).replace("\n", " ").replace("\r", " ")


def wrap(text: str, width: int) -> list[str]:
    """``text`` folded into lines of at most ``width`` characters (words are not cut
    unless a single word is longer than a line)."""
    flat = " ".join(text.split())
    if not flat:
        return [""]
    return textwrap.wrap(flat, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def html_lines(text: str, width: int, *, max_lines: int | None = None) -> str:
    """``text`` wrapped, escaped and joined with left-aligned HTML line breaks.

    With ``max_lines`` the text is cut after that many lines with an ellipsis, so
    one very long claim does not swallow the diagram.

    >>> html_lines("one two three four", 9)
    'one two<BR ALIGN="LEFT"/>three<BR ALIGN="LEFT"/>four<BR ALIGN="LEFT"/>'
    """
    lines = wrap(clean(text), width)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: max(0, width - 1)] if len(last) >= width else last) + "…"
    return "".join(html_text(line) + '<BR ALIGN="LEFT"/>' for line in lines)
