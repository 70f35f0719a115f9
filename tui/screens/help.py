"""``?``: every key, what the marks on screen mean, and what the numbers are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import SECTIONS
from ..render import (
    ACCENT,
    ATTACK_GLYPH,
    CYCLE_GLYPH,
    LENS,
    POSITION_GLYPH,
    SUPPORT_GLYPH,
    glyph,
)

__all__ = ["HelpScreen", "help_rows"]

#: Keys the tree and the app handle, shown in the "Move" and "Files" sections.
TREE_ROWS = [
    ("↑ ↓  j k", "move up and down the tree"),
    ("→ l", "open a claim: show what supports and attacks it"),
    ("← h", "close a claim, or go up to the one it bears on"),
    ("Enter", "follow: open the claim under the cursor (in the For/against list: go there)"),
    ("space", "open or close the claim under the cursor"),
]

_NAMES = {
    "backspace": "⌫ Backspace",
    "tab": "Tab",
    "ctrl+s": "ctrl+s",
}


def _key(binding: Binding) -> str:
    return binding.key_display or _NAMES.get(binding.key, binding.key)


def help_rows(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, description) rows; bindings of one group share a row.

    >>> from tui.keys import SECTIONS
    >>> help_rows(SECTIONS[1][1])[0]
    ('0 1 2 3 4 5 6 7 8 9', 'set the score to 0.0 … 0.9')
    """
    rows: list[tuple[str, str]] = []
    grouped: dict[str, int] = {}
    for b in bindings:
        if b.group is not None:
            if b.group.description in grouped:
                i = grouped[b.group.description]
                rows[i] = (f"{rows[i][0]} {b.key}", rows[i][1])
                continue
            grouped[b.group.description] = len(rows)
            rows.append((b.key, "set the score to 0.0 … 0.9"
                         if b.group.description == "set score" else b.description))
            continue
        rows.append((_key(b), b.tooltip or b.description))
    return rows


def help_text() -> Text:
    """The whole help as one text."""
    out = Text()
    out.append("arggraph: walk a debate, score its arguments, watch the verdict move\n",
               style=f"bold {ACCENT}")
    out.append(
        "The tree on the left starts at the question; under it are the positions, and under "
        "each claim what supports it and what attacks it. The panel on the right shows the "
        "claim under the cursor in full. Score how plausible a claim is (its base score) or "
        "how much it bears on the claim above it (its link weight): every strength and the "
        "verdict at the top are recomputed at once.\n", style="")
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for title, bindings in SECTIONS:
        rows = help_rows(bindings)
        if title == "Move":
            rows = TREE_ROWS + rows

        sections.append((title, rows))
    for title, rows in sections:
        out.append(f"\n{title}\n", style="bold underline")
        for keys, description in rows:
            out.append(f"  {keys:<22}", style="bold")
            out.append(f"{description}\n")
    out.append("\nWhat the marks mean\n", style="bold underline")
    marks = [
        (Text("?", style=f"bold {ACCENT}"), "the question"),
        (Text(POSITION_GLYPH, style=f"bold {ACCENT}"), "a position; ▶ marks the one that leads"),
        (glyph("support"), f"({SUPPORT_GLYPH}) supports the claim above it"),
        (glyph("attack"), f"({ATTACK_GLYPH}) attacks the claim above it"),
        (Text(CYCLE_GLYPH, style="bold"), "already on the path above (a cycle): not opened again"),
        (Text("●", style=f"bold {LENS}"), "said by the actor whose lens is on"),
        (Text("×0.50", style="italic"), "a link weight other than 1"),
        (Text("0.62"), "computed strength (0 to 1); — when the view leaves the claim out"),
    ]
    for mark, meaning in marks:
        out.append("  ")
        out.append_text(mark)
        out.append(" " * max(1, 22 - mark.cell_len))
        out.append(f"{meaning}\n")
    out.append("\nThe numbers\n", style="bold underline")
    out.append(
        "  base score   how plausible a claim is on its own, before any argument (0 to 1)\n"
        "  link weight  how much a claim bears on the one above it, if true (0 to 1)\n"
        "  strength     what the semantics makes of the base after weighing every supporter\n"
        "               and attacker (dfquad, qe, euler, hcat: m switches)\n"
        "  margin       how far the leading position is ahead of the next one\n"
        "Your scores go to a score sheet of your own (ctrl+s); the graph file is never "
        "changed.\n")
    return out


class HelpScreen(ModalScreen[None]):
    """The help, over the main screen; any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="box help") as box:
            box.border_title = "Help"
            box.border_subtitle = "Escape closes"
            with VerticalScroll():
                yield Static(help_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
