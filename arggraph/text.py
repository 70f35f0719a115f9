"""Text from a graph file is data: make it safe to print.

Claims and quotes come from files anyone can write, so before they reach a terminal
every control character (escape sequences, carriage returns, bells, C1 controls and
bidirectional overrides) is shown as a visible escape instead of being obeyed. Markup
languages (Rich, DOT, HTML) have their own escaping where they are produced.

>>> terminal_safe("red\\x1b[31m alert\\u202e")
'red\\\\x1b[31m alert\\\\u202e'
>>> one_line("two\\nlines")
'two lines'
"""

from __future__ import annotations

import re

__all__ = ["one_line", "shorten", "terminal_safe"]

# C0 controls but tab and newline, DEL, C1 controls, and the bidi/format controls that
# can reorder what a terminal shows.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return _UNSAFE.sub(_escape, text)


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
