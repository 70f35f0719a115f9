"""Text from a file or a path is data: make it safe to print.

Claims, quotes, ids, JSON keys and file names come from files and folders anyone can
write, so before they reach a terminal, a report or a CI log every control character
(escape sequences, carriage returns, bells, C1 controls, bidirectional overrides) is
shown as a visible escape instead of being obeyed. This module is the one place that
does it: the command line's messages and reports, ``check``'s formats and the terminal
UI all call it. JSON output escapes itself (:func:`arggraph.jsonio.dumps`); markup
languages (Rich, DOT, HTML) have their own escaping where they are produced.

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
    "github_data",
    "github_property",
    "inline",
    "one_line",
    "shorten",
    "terminal_safe",
]

# C0 controls but tab and newline, DEL, C1 controls, the bidi/format controls that can
# reorder what a terminal shows, and lone surrogates (which no terminal can be sent).
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# The same, and tab and newline too: for what must stay on one line as it was.
_UNSAFE_INLINE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_inline(match: re.Match[str]) -> str:
    return _NAMED.get(match.group()) or _escape(match)


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
