"""Building blocks of what the screens print: safe text, bars, glyphs, figures.

Everything that comes from a graph file reaches the screen through this module, and
this module alone calls the library's escaping (:mod:`arggraph.text`): :func:`literal`
and :func:`line` give a :class:`rich.text.Text`, which Textual shows as is (so ``[bold]``
in a claim stays the seven characters ``[bold]``), and :func:`safe`, :func:`flat` and
:func:`fit` give plain strings for what takes one (a notification, the terminal's title,
a padded column). Each makes control characters, escape sequences and bidirectional
overrides visible instead of obeyed.

Support and attack are told apart by glyph *and* colour, so they survive a monochrome
terminal or colour blindness: ``+`` supports, ``−`` attacks, ``↻`` marks a claim that
appears again on its own path (a cycle) and is not expanded there, ``∴`` an inference
(premises that bear on a claim only together, or a link something backs or undercuts)
and ``&`` each of its premises.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from rich.text import Text

from arggraph.text import identifier, one_line, shorten, terminal_safe

__all__ = [
    "ACCENT",
    "ATTACK",
    "ATTACK_GLYPH",
    "CYCLE_GLYPH",
    "INFERENCE_GLYPH",
    "LENS",
    "POSITION_GLYPH",
    "PREMISE_GLYPH",
    "QUESTION_GLYPH",
    "SUPPORT",
    "SUPPORT_GLYPH",
    "bar",
    "figure",
    "fit",
    "flat",
    "glyph",
    "home_short",
    "ident",
    "line",
    "path_forms",
    "literal",
    "safe",
    "signed",
    "strength_style",
    "visible",
]

SUPPORT = "green"
ATTACK = "red"
#: The colours of the question, the positions and an actor lens's marks.
ACCENT = "#4ea8de"
LENS = "#ffa62b"
SUPPORT_GLYPH = "+"
ATTACK_GLYPH = "−"
CYCLE_GLYPH = "↻"
#: An inference node ("therefore"), and each of its premises ("and").
INFERENCE_GLYPH = "∴"
PREMISE_GLYPH = "&"
POSITION_GLYPH = "◆"
QUESTION_GLYPH = "?"

_EIGHTHS = " ▏▎▍▌▋▊▉"


def literal(text: str, style: str = "") -> Text:
    """Graph text as a Text shown literally (control characters made visible).

    >>> literal("[bold]x\\x1b[0m").plain
    '[bold]x\\\\x1b[0m'
    """
    return Text(terminal_safe(text), style=style)


#: What :func:`visible` replaces: control characters but tab and line breaks, the line
#: separators a text view would break on, bidirectional overrides, lone surrogates.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e"
    r"\u2066-\u2069\ud800-\udfff]"
)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␀ ␁ ... ␟
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    r"""A document's text for a text view, one character for one (so offsets into it
    are offsets into the text): each control character but tab, newline and carriage
    return shown as its control picture, line separators and bidirectional overrides
    as U+FFFD; nothing is obeyed.

    >>> visible("a\x1b[2Jb\u202ec\n") == "a\u241b[2Jb\ufffdc\n"
    True
    """
    return _INVISIBLE.sub(_picture, text)


def ident(claim_id: str, style: str = "", width: int | None = None) -> Text:
    """An id (of a claim, a relation, an actor...) as a Text: every invisible character,
    joiner and blank but the plain space shown as an escape (:func:`arggraph.text.identifier`),
    so two ids that differ never look alike; cut to ``width`` when given.

    >>> ident("a\\u00a0").plain, ident("withdraw-from-bakhmut", width=9).plain
    ('a\\\\xa0', 'withdraw…')
    """
    shown = identifier(claim_id)
    return Text(shorten(shown, width) if width is not None else shown, style=style)


def safe(text: str) -> str:
    """Graph text as a plain string with control characters made visible.

    >>> safe("bell\x07")
    'bell\\\\x07'
    """
    return terminal_safe(text)


def flat(text: str) -> str:
    """Graph text made safe and folded onto one line (for a title)."""
    return one_line(text)


def fit(text: str, width: int) -> str:
    """Graph text made safe, on one line, cut to ``width`` characters with an ellipsis.

    >>> fit("[b]x\x1b[0m and more", 10)
    '[b]x\\\\x1b[…'
    """
    return shorten(text, width)


def home_short(path: Path) -> str:
    """A path as people read it: the home folder as ``~``, control characters shown.

    >>> home_short(Path.home() / "notes" / "x.json") == "~/notes/x.json"
    True
    """
    resolved = Path(path).expanduser().absolute()
    try:
        text = "~/" + resolved.relative_to(Path.home()).as_posix()
    except ValueError:
        text = resolved.as_posix()
    return terminal_safe(text)


def path_forms(path: str) -> list[str]:
    """A path from longest to shortest, each cut only at a folder separator.

    >>> path_forms("~/.local/share/arggraph/scores/g.json")
    ['~/.local/share/arggraph/scores/g.json', '…/scores/g.json', 'g.json']
    """
    parts = path.split("/")
    forms = [path]
    if len(parts) > 2:
        forms.append("…/" + "/".join(parts[-2:]))
    if len(parts) > 1:
        forms.append(parts[-1])
    return forms


def line(text: str, width: int, style: str = "") -> Text:
    """Graph text on one line, cut to ``width`` cells with an ellipsis."""
    return Text(shorten(text, width), style=style, no_wrap=True, overflow="ellipsis")


def glyph(kind: str) -> Text:
    """The marker of a relation type: ``+`` (support) or ``−`` (attack), coloured.

    >>> glyph("support").plain, glyph("attack").plain
    ('+', '−')
    """
    if kind == "support":
        return Text(SUPPORT_GLYPH, style=f"bold {SUPPORT}")
    return Text(ATTACK_GLYPH, style=f"bold {ATTACK}")


def figure(value: float | None) -> str:
    """A strength or score as two decimals; ``—`` when there is none.

    >>> figure(0.625), figure(None), figure(float("nan"))
    ('0.62', ' —  ', ' —  ')
    """
    if value is None or math.isnan(value):
        return " —  "
    return f"{value:.2f}"


def signed(value: float) -> str:
    """A change, with its sign.

    >>> signed(0.1), signed(-0.05), signed(0.0)
    ('+0.10', '−0.05', ' 0.00')
    """
    if abs(value) < 0.005:
        return " 0.00"
    return f"+{value:.2f}" if value > 0 else f"−{abs(value):.2f}"


def strength_style(value: float | None) -> str:
    """A colour that grows with strength (weak dim, strong bright), never the only cue."""
    if value is None or math.isnan(value):
        return "dim"
    if value >= 0.75:
        return "bold bright_white"
    if value >= 0.5:
        return "white"
    if value >= 0.25:
        return "grey70"
    return "grey50"


def bar(value: float | None, width: int, style: str = "", empty: str = "grey30") -> Text:
    """A horizontal bar of ``width`` cells filled to ``value`` (0..1), in eighths.

    >>> bar(0.5, 4).plain, bar(1.0, 3).plain, bar(None, 2).plain
    ('██░░', '███', '░░')
    """
    out = Text(no_wrap=True)
    if value is None or math.isnan(value):
        out.append("░" * width, style=empty)
        return out
    v = min(1.0, max(0.0, value))
    eighths = round(v * width * 8)
    full, part = divmod(eighths, 8)
    out.append("█" * full, style=style)
    rest = width - full
    if part and rest:
        out.append(_EIGHTHS[part], style=style)
        rest -= 1
    out.append("░" * rest, style=empty)
    return out
