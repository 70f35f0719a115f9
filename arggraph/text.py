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

Invisible characters are shown as escapes too, as two texts (or ids) that differ only by
one would print alike. The rule:

- Everywhere: characters that show nothing and have no job in prose (zero-width space
  U+200B, word joiner and invisible operators U+2060-U+2064, U+FEFF inside text, soft
  hyphen U+00AD, combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160,
  U+3164, U+FFA0, Khmer's invisible vowels U+17B4/U+17B5, the Mongolian vowel separator
  U+180E, the deprecated format characters U+206A-U+206F, the interlinear annotation
  marks U+FFF9-U+FFFB, musical format characters, the language tag U+E0001 and the
  unassigned tag-plane characters).
- In texts (claims, quotes, names, messages), the characters that do show something in
  context are kept: the zero-width joiner (U+200D) between pictographs (an emoji
  sequence: 👩‍🚀) or after a letter of a script that joins (Arabic, Indic...), the
  zero-width non-joiner (U+200C) after such a letter, emoji presentation selectors
  (U+FE0E/U+FE0F) after a pictograph or a keycap base, other variation selectors after
  a CJK ideograph or a mathematical operator, and tag characters (U+E0020-U+E007F) in an
  emoji flag's tag sequence (🏴 then tags). Anywhere else they are escaped.
- In ids (:func:`identifier`), which name things and are compared, all of them are
  always escaped, emoji sequences too, and so are the characters that print as a blank
  but are not the plain space: the no-break space U+00A0, the other Unicode spaces
  (U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) and the braille blank U+2800. An id
  is never folded: two ids that differ print differently.
- :func:`one_line` folds runs of ASCII whitespace; other spaces (a no-break space) are
  kept inside a text, but shown as escapes at either end, where folding would drop them.

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
    "character_kind",
    "control_character",
    "github_data",
    "github_property",
    "identifier",
    "inline",
    "is_plain_id",
    "markdown_code",
    "markdown_text",
    "markup_safe",
    "one_line",
    "quoted",
    "shorten",
    "terminal_safe",
]

# C0 controls but tab and newline, DEL, C1 controls, the bidi/format controls that can
# reorder what a terminal shows (the Arabic letter mark among them), the line and
# paragraph separators (a line break to some terminals, whitespace that one_line would
# fold away to others), and lone surrogates (which no terminal can be sent).
_CONTROLS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff"
)
# Characters that show nothing anywhere (see the module's docstring): in the Basic
# Multilingual Plane, and beyond it.
_INVISIBLE_BMP = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u206a-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb"
)
_INVISIBLE = _INVISIBLE_BMP + "\U0001d173-\U0001d17a\U000e0000-\U000e001f\U000e0080-\U000e00ff"
# Characters that show something only in context: joiners, variation selectors, tags.
_CONTEXTUAL_BMP = "\u200c\u200d\ufe00-\ufe0f"
_CONTEXTUAL = _CONTEXTUAL_BMP + "\U000e0020-\U000e007f\U000e0100-\U000e01ef"
# What may come before or after them where they do show something.
_PICTOGRAPH = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u21ff\u2300-\u23ff\u24c2\u25a0-\u27bf"
    "\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_JOINING = (  # scripts whose letters the joiners shape: Arabic, Syriac..., Indic, SE Asian
    "\u0600-\u08ff\u0900-\u0dff\u0f00-\u109f\u1780-\u18af\ua800-\ua8ff\ufb50-\ufdff\ufe70-\ufefe"
)
_IDEOGRAPH = "\u2200-\u22ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_IN_CONTEXT = (
    f"(?<![{_PICTOGRAPH}\ufe0f\u20e3{_JOINING}])\u200d"  # ZWJ: in an emoji sequence, a script
    f"|\u200d(?![{_PICTOGRAPH}]|(?<=[{_JOINING}]\u200d))"
    f"|(?<![{_JOINING}])\u200c"  # ZWNJ: after a letter it keeps apart
    f"|(?<![{_PICTOGRAPH}0-9#*])[\ufe0e\ufe0f]"  # emoji or text presentation
    f"|(?<![{_IDEOGRAPH}\u1800-\u18af])[\ufe00-\ufe0d\U000e0100-\U000e01ef]"
    "|(?<![\U0001f3f4\U000e0020-\U000e007e])[\U000e0020-\U000e007f]"  # a flag's tags
)
_UNSAFE = re.compile(f"[{_CONTROLS}{_INVISIBLE}]|{_IN_CONTEXT}")
# The same, and tab and newline too: for what must stay on one line as it was.
_UNSAFE_INLINE = re.compile(f"[\t\n{_CONTROLS}{_INVISIBLE}]|{_IN_CONTEXT}")
# Speed: the alternation of _IN_CONTEXT (look-behinds) is tried at every position of a
# text (Python's re has no first character to skip to), and a class with ranges beyond
# the Basic Multilingual Plane checks each range at every character: over a long text
# either is several times slower than a class of BMP characters alone. Nearly every
# text holds nothing to escape, so _clean first says so by the quickest look (ASCII
# controls; else one class of BMP candidates, and astral ones only in a text that has
# astral characters), and only a text that may hold something meets the full patterns.
_ASCII_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_ASCII_UNSAFE_INLINE = re.compile("[\x00-\x1f\x7f]")
_CANDIDATES = re.compile(f"[{_CONTROLS}{_INVISIBLE_BMP}{_CONTEXTUAL_BMP}]")
_CANDIDATES_INLINE = re.compile(f"[\t\n{_CONTROLS}{_INVISIBLE_BMP}{_CONTEXTUAL_BMP}]")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_CANDIDATES_BEYOND_BMP = re.compile(
    f"[{_INVISIBLE[len(_INVISIBLE_BMP) :]}{_CONTEXTUAL[len(_CONTEXTUAL_BMP) :]}]"
)
# Blanks other than the plain space: in an id they would pass for one, or for nothing.
_BLANKS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u2800\u3000"
# Ids: all of the above, and the contextual characters and other blanks always.
_UNSAFE_ID = re.compile(f"[\t\n{_CONTROLS}{_INVISIBLE}{_CONTEXTUAL}{_BLANKS}]")
# What one_line folds (ASCII whitespace; the other controls are escaped first).
_FOLD = re.compile("[ \t\n\r\f\v]+")
# Blanks one_line keeps inside a text but shows at either end, where they would vanish.
_END_BLANKS = re.compile(f"^[{_BLANKS}]+|[{_BLANKS}]+$")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Characters XML 1.0 cannot hold even escaped (SVG, HTML, GraphML), beyond the controls
# terminal_safe already shows as escapes.
_NON_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def _clean(text: str, *, inline: bool) -> bool:
    """Whether ``text`` surely holds nothing :data:`_UNSAFE` (with ``inline``,
    :data:`_UNSAFE_INLINE`) would find: the quick look that spares nearly every text
    the full patterns."""
    if text.isascii():  # (printable ASCII holds nothing to escape: told in C)
        pattern = _ASCII_UNSAFE_INLINE if inline else _ASCII_UNSAFE
        return text.isprintable() or pattern.search(text) is None
    if (_CANDIDATES_INLINE if inline else _CANDIDATES).search(text) is not None:
        return False
    return _BEYOND_BMP.search(text) is None or _CANDIDATES_BEYOND_BMP.search(text) is None


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escape_inline(match: re.Match[str]) -> str:
    return _NAMED.get(match.group()) or _escape(match)


def control_character(
    text: str, *, one_line: bool = False, ident: bool = False
) -> tuple[int, str] | None:
    """The offset and the escape of the first character of ``text`` that
    :func:`terminal_safe` would escape (with ``one_line``, as :func:`inline` would: tab
    and newline too; with ``ident``, as :func:`identifier` would), or ``None`` when
    there is none.

    >>> control_character("red\\x1b[31m"), control_character("a\\tb")
    ((3, '\\\\x1b'), None)
    >>> control_character("a\\tb", one_line=True)
    (1, '\\\\t')
    >>> control_character("a\\u200bb"), control_character("x\\u00a0", ident=True)
    ((1, '\\\\u200b'), (1, '\\\\xa0'))
    """
    if ident:
        if text.isascii() and text.isprintable():
            return None  # (the common case, in C)
        pattern = _UNSAFE_ID
    elif _clean(text, inline=one_line):
        return None
    else:
        pattern = _UNSAFE_INLINE if one_line else _UNSAFE
    match = pattern.search(text)
    if match is None:
        return None
    return match.start(), (_escape_inline if one_line or ident else _escape)(match)


def character_kind(escape: str) -> str:
    """What the character an escape from :func:`control_character` shows is, for a
    message: ``"a control character"``, ``"an invisible character"`` or ``"a blank
    other than the space"``.

    >>> character_kind("\\\\x1b"), character_kind("\\\\u200b"), character_kind("\\\\xa0")
    ('a control character', 'an invisible character', 'a blank other than the space')
    """
    ch = {"\\t": "\t", "\\n": "\n", "\\r": "\r"}.get(escape) or chr(int(escape[2:], 16))
    if re.match(f"[\t\n{_CONTROLS}]", ch):
        return "a control character"
    if re.match(f"[{_BLANKS}]", ch):
        return "a blank other than the space"
    return "an invisible character"


def terminal_safe(text: str) -> str:
    """``text`` with every control and invisible character (see the module's rule) but
    tab and newline shown as an escape."""
    return text if _clean(text, inline=False) else _UNSAFE.sub(_escape, text)


#: What a spreadsheet reads as the start of a formula in a cell (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A text cell of a CSV file: as :func:`terminal_safe`, and a cell a spreadsheet
    would run as a formula (one that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return) led by an apostrophe, which spreadsheets show as text and hide.
    Ids and texts come from the file, which may be anyone's: ``=HYPERLINK(...)`` in an
    id must not become a live link, or worse, in the reader's spreadsheet (OWASP, "CSV
    Injection"). Numbers are written by their own columns, never through here.

    >>> print(csv_cell("=HYPERLINK('http://x')"), csv_cell("-x"), csv_cell("withdraw"))
    '=HYPERLINK('http://x') '-x withdraw
    """
    safe = terminal_safe(text)
    return "'" + safe if safe.startswith(_FORMULA_START) else safe


def inline(text: str) -> str:
    """``text`` safe for the terminal and on one line, with nothing folded: every control
    character, tab and newline too, shown as an escape (``\\n``, ``\\x1b``). For
    messages that quote what a file holds (an error naming a key, a path)."""
    return text if _clean(text, inline=True) else _UNSAFE_INLINE.sub(_escape_inline, text)


def identifier(text: str) -> str:
    """An id (of a claim, a relation, an actor, a document) as it is printed: as
    :func:`inline`, and every invisible character, joiner, variation selector, tag and
    blank other than the plain space shown as an escape, emoji sequences too; nothing
    folded. Two ids that differ print differently.

    >>> print(identifier("x\\u00a0"), identifier("a\\u200db"), identifier("👩\\u200d🚀"))
    x\\xa0 a\\u200db 👩\\u200d🚀
    """
    return _UNSAFE_ID.sub(_escape_inline, text)


def is_plain_id(text: str) -> bool:
    """Whether ``text`` prints as it is as an id, on one line with no space: nothing for
    :func:`identifier` to escape (the common case, tested in C).

    >>> is_plain_id("claim-1"), is_plain_id("a b"), is_plain_id("x\\u3164")
    (True, False, False)
    """
    return (
        " " not in text
        and text.isprintable()
        and (text.isascii() or _UNSAFE_ID.search(text) is None)
    )


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
    """``text`` made safe and folded onto one line: runs of ASCII whitespace become a
    space and are dropped at either end; other blanks (a no-break space) are kept inside
    but shown as escapes at either end, where they would vanish.

    >>> one_line("  two\\n lines\\u00a0"), one_line("10\\u00a0km")
    ('two lines\\\\xa0', '10\\xa0km')
    """
    folded = _FOLD.sub(" ", terminal_safe(text)).strip(" ")
    return _END_BLANKS.sub(lambda m: _UNSAFE_ID.sub(_escape_inline, m.group()), folded)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> shorten("Ukraine should withdraw from Bakhmut", 20)
    'Ukraine should with…'
    """
    flat = one_line(text)
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def quoted(value: str, width: int = 60) -> str:
    """``value`` quoted for a message as Python writes a string (``'...'``, control
    characters as escapes), at most ``width`` characters: a longer value is cut, with an
    ellipsis inside the quotes, before it is quoted, so that no escape is cut in half
    and a value of 4,000 characters does not fill the screen.

    >>> quoted("1" * 4000, 12), quoted("a\\x00b"), quoted("\\x00" * 10, 16)
    ("'111111111…'", "'a\\\\x00b'", "'\\\\x00\\\\x00\\\\x00…'")
    """
    text = repr(value)
    if len(text) <= width:
        return text
    cut = value[:width]
    while cut and len(repr(cut + "…")) > width:
        cut = cut[:-1]
    return repr(cut + "…")


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
