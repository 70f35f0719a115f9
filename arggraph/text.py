"""Text from a file or a path is data: make it safe to print.

Claims, quotes, ids, JSON keys and file names come from files and folders anyone can
write, so before they reach a terminal, a report or a CI log every control character
(escape sequences, carriage returns, bells, C1 controls, bidirectional overrides) is
shown as a visible escape instead of being obeyed. This module is the one place that
does it: the command line's messages and reports, ``check``'s formats and the terminal
UI all call it. JSON output escapes itself (:func:`arggraph.jsonio.dumps`); Markdown's
escaping is here too (:func:`markdown_text`, :func:`markdown_code`: the report and the
diff write Markdown); the other markup languages (Rich, DOT, HTML) have their own
escaping where they are produced, each starting from :func:`markup_safe`.

>>> terminal_safe("red\\x1b[31m alert\\u202e")
'red\\\\x1b[31m alert\\\\u202e'
>>> one_line("two\\nlines")
'two lines'
>>> inline("key\\x1b]8;;http://x\\x07\\nnext")
'key\\\\x1b]8;;http://x\\\\x07\\\\nnext'
"""

from __future__ import annotations

import re

__all__ = [
    "control_character",
    "github_data",
    "github_property",
    "inline",
    "markdown_code",
    "markdown_text",
    "markup_safe",
    "one_line",
    "shorten",
    "terminal_safe",
]

# C0 controls but tab and newline, DEL, C1 controls, the bidi/format controls that can
# reorder what a terminal shows (the Arabic letter mark among them), the line and
# paragraph separators (a line break to some terminals, whitespace that one_line would
# fold away to others), and lone surrogates (which no terminal can be sent).
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)
# The same, and tab and newline too: for what must stay on one line as it was.
_UNSAFE_INLINE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Characters XML 1.0 cannot hold even escaped (SVG, HTML, GraphML), beyond the controls
# terminal_safe already shows as escapes.
_NON_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_inline(match: re.Match[str]) -> str:
    return _NAMED.get(match.group()) or _escape(match)


def control_character(text: str, *, one_line: bool = False) -> tuple[int, str] | None:
    """The offset and the escape of the first character of ``text`` that
    :func:`terminal_safe` would escape (with ``one_line``, as :func:`inline` would: tab
    and newline too), or ``None`` when there is none.

    >>> control_character("red\\x1b[31m"), control_character("a\\tb")
    ((3, '\\\\x1b'), None)
    >>> control_character("a\\tb", one_line=True)
    (1, '\\\\t')
    """
    match = (_UNSAFE_INLINE if one_line else _UNSAFE).search(text)
    if match is None:
        return None
    return match.start(), (_escape_inline if one_line else _escape)(match)


def terminal_safe(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def inline(text: str) -> str:
    """``text`` safe for the terminal and on one line, with nothing folded: every control
    character, tab and newline too, shown as an escape (``\\n``, ``\\x1b``). For
    messages that quote what a file holds (an error naming a key, a path)."""
    return _UNSAFE_INLINE.sub(_escape_inline, text)


def github_data(text: str) -> str:
    """``text`` as the message of a GitHub Actions workflow command (``::error ...::TEXT``):
    control characters escaped as for a terminal (a CR among them; tab and newline kept),
    then ``%`` and newlines percent-encoded, as the runner decodes them.

    >>> github_data("50% done\\nnext \\x1b[2J")
    '50%25 done%0Anext \\\\x1b[2J'
    """
    safe = terminal_safe(text)
    return safe.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """``text`` as a property of a GitHub Actions workflow command (``file=``,
    ``title=``): as :func:`github_data`, and ``:`` and ``,`` encoded too, which would end
    the property.

    >>> github_property("a,b:c.json")
    'a%2Cb%3Ac.json'
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def one_line(text: str) -> str:
    """``text`` made safe and folded onto one line (whitespace runs become a space)."""
    return " ".join(terminal_safe(text).split())


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> shorten("Ukraine should withdraw from Bakhmut", 20)
    'Ukraine should with…'
    """
    flat = one_line(text)
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def markup_safe(text: str) -> str:
    """``text`` with control, bidirectional and non-XML characters (``U+FFFE``,
    ``U+FFFF``, lone surrogates) shown as visible escapes: the first step of every
    markup's escaping (DOT, SVG, HTML, Mermaid, Markdown). Tab and newline are kept.

    >>> markup_safe("bell\\x07 and tab\\t \\uffff")
    'bell\\\\x07 and tab\\t \\\\uffff'
    """
    return _NON_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", terminal_safe(text))


# ---------------------------------------------------------------------- Markdown
# Backslash-escaped: every ASCII punctuation character that CommonMark or GitHub's
# Markdown reads somewhere (emphasis, links and images, headings, lists, tables, code,
# strikethrough, math, emoji, setext underlines, autolinks); "&", "<" and ">" become
# entities instead, which read the same in Markdown and inside raw HTML (<summary>).
_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~:$=")
_ZWSP = "&#8203;"
_MD = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "@" + _ZWSP, "#": "\\#" + _ZWSP}
_MD.update({ch: "\\" + ch for ch in _MD_SPECIAL if ch not in _MD})
_MD_TABLE = str.maketrans(_MD)


def _flat(text: str, limit: int | None) -> str:
    safe = markup_safe(text)
    return shorten(safe, limit) if limit is not None else one_line(safe)


def markdown_text(text: str, limit: int | None = None) -> str:
    """``text`` on one line, shown literally by GitHub-flavoured Markdown (CommonMark
    too): in a paragraph, a heading, a list item, a block quote, a link's text, a table
    cell or a raw-HTML ``<summary>``.

    Control, bidirectional and non-XML characters are shown as escapes
    (:func:`markup_safe`); whitespace runs (line breaks too, which could start a list,
    a heading or a code block) fold into one space; with ``limit`` the text is cut to
    that many characters, an ellipsis last. Then every ASCII punctuation character
    Markdown reads gets a backslash, ``&``, ``<`` and ``>`` become entities (no text can
    open an HTML tag), and a zero-width space (``&#8203;``) follows every ``@`` and
    ``#``, so that GitHub reads neither a mention (``@name``, an e-mail address) nor an
    issue reference (``#12``): it links those in the rendered text, where no backslash
    reaches (as Renovate writes its pull requests).

    >>> print(markdown_text("**bold** <b>x</b> | @kofman #12\\nnext 1. $5"))
    \\*\\*bold\\*\\* &lt;b&gt;x&lt;/b&gt; \\| @&#8203;kofman \\#&#8203;12 next 1\\. \\$5
    >>> markdown_text("Ukraine should withdraw from Bakhmut", 20)
    'Ukraine should with…'
    """
    return _flat(text, limit).translate(_MD_TABLE)


def markdown_code(text: str, *, cell: bool = False, limit: int | None = None) -> str:
    """``text`` on one line as a Markdown code span (for an id, a formula), shown
    literally: made safe and folded as :func:`markdown_text` does, fenced with one more
    backtick than its longest run of them, padded with a space where it starts or ends
    with a backtick or is blank. In a table ``cell`` its ``|`` is escaped (GitHub reads
    that escape inside code spans too).

    >>> markdown_code("a`b|c", cell=True)
    '``a`b\\\\|c``'
    >>> markdown_code("`x")
    '`` `x ``'
    """
    flat = _flat(text, limit)
    if cell:
        flat = flat.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    if flat.startswith("`") or flat.endswith("`") or not flat.strip():
        flat = f" {flat} "
    return f"{fence}{flat}{fence}"
