"""``?``: every key, what the marks on screen mean, and what the numbers are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
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
    INFERENCE_GLYPH,
    LENS,
    POSITION_GLYPH,
    PREMISE_GLYPH,
    SUPPORT_GLYPH,
    glyph,
)

__all__ = ["HelpScreen", "help_renderable", "help_rows", "help_sections", "help_text"]

#: Keys the tree and the app handle, shown in the "Move" and "Files" sections.
TREE_ROWS = [
    ("↑ ↓  j k", "move up and down the tree"),
    ("→ l", "open a claim: show what supports and attacks it"),
    ("← h", "close a claim, or go up to the one it bears on"),
    ("Enter", "open (or close) the claim under the cursor; in the For/against list: go there"),
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
            rows.append(
                (
                    b.key,
                    "set the score to 0.0 … 0.9"
                    if b.group.description == "set score"
                    else b.description,
                )
            )
            continue
        rows.append((_key(b), b.tooltip or b.description))
    return rows


INTRO = (
    "The tree on the left starts at the question; under it are the positions, and under "
    "each claim what supports it and what attacks it. The panel on the right shows the "
    "claim under the cursor in full: its scores, why its strength is what it is, its lever "
    "on the verdict, and who said it where. Score how plausible a claim is (its base "
    "score) or how much it bears on the claim above it (its link weight): every strength "
    "and the verdict at the top are recomputed at once."
)

NUMBERS = [
    ("base score", "how plausible a claim is on its own, before any argument (0 to 1)"),
    (
        "link weight",
        "how much a claim bears on the one above it, if true (0 to 1); of an inference: "
        "how much its premises together bear, before its backings and undercuts move it",
    ),
    (
        "strength",
        "what the semantics makes of the base after weighing every supporter and "
        "attacker (dfquad, qe, euler, hcat: m switches)",
    ),
    ("margin", "how far the leading position is ahead of the next one"),
    (
        "effect",
        "in Why: how much a claim moves the focused claim's strength (or the "
        "margin): with it minus without it",
    ),
    (
        "flips at",
        "the base score at which that claim alone would change which position "
        "leads (now→then); never: no score of it does",
    ),
    (
        "lever",
        "the margin as one claim's base runs from 0 to 1; where the curve crosses "
        "the line, the verdict flips",
    ),
]


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key by section, as (keys, what they do) rows."""
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for title, bindings in SECTIONS:
        rows = help_rows(bindings)
        if title == "Move":
            rows = TREE_ROWS + rows
        sections.append((title, rows))
    return sections


def _marks() -> list[tuple[Text, str]]:
    return [
        (Text("?", style=f"bold {ACCENT}"), "the question"),
        (Text(POSITION_GLYPH, style=f"bold {ACCENT}"), "a position; ▶ marks the one that leads"),
        (glyph("support"), f"({SUPPORT_GLYPH}) supports the claim above it"),
        (glyph("attack"), f"({ATTACK_GLYPH}) attacks the claim above it"),
        (
            Text(INFERENCE_GLYPH, style="bold"),
            "an inference: premises that bear on the claim above only together, or a link "
            "something backs or undercuts; its figure is the strength it bears with, and "
            "the score keys score its weight",
        ),
        (
            Text(PREMISE_GLYPH, style="bold"),
            "a premise of the inference above (the weakest of them counts)",
        ),
        (
            Text(f"{SUPPORT_GLYPH} {ATTACK_GLYPH}", style="bold"),
            f"under {INFERENCE_GLYPH}: backs the inference ({SUPPORT_GLYPH}) or undercuts it "
            f"({ATTACK_GLYPH}), contesting the step rather than the claim",
        ),
        (Text(CYCLE_GLYPH, style="bold"), "already on the path above (a cycle): not opened again"),
        (Text("●", style=f"bold {LENS}"), "said by the actor whose lens is on"),
        (Text("×0.50", style="italic"), "a link weight other than 1"),
        (Text("0.62"), "computed strength (0 to 1); — where the view leaves the claim out"),
        (Text("▲ ▼"), "in Why: raises or lowers the claim's strength (or the margin)"),
        (Text(INFERENCE_GLYPH), "in Why: a claim that backs or undercuts an inference"),
    ]


def _grid(rows: list[tuple[Text | str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=20, no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        key = left if isinstance(left, Text) else Text(left, style="bold")
        grid.add_row(key, right)
    return grid


def help_renderable() -> Group:
    """The whole help: introduction, keys by section, marks, numbers."""
    parts: list[RenderableType] = [
        Text(
            "arggraph: walk a debate, score its arguments, watch the verdict move",
            style=f"bold {ACCENT}",
        ),
        Text(INTRO),
    ]
    for title, rows in help_sections():
        parts.append(Text(f"\n{title}", style="bold underline"))
        parts.append(_grid([(k, d) for k, d in rows]))
    parts.append(Text("\nWhat the marks mean", style="bold underline"))
    parts.append(_grid([(m, d) for m, d in _marks()]))
    parts.append(Text("\nThe numbers", style="bold underline"))
    parts.append(_grid([(k, d) for k, d in NUMBERS]))
    parts.append(
        Text(
            "\nYour scores go to a score sheet of your own (ctrl+s); the graph file "
            "is never changed.",
            style="italic",
        )
    )
    return Group(*parts)


def help_text() -> str:
    """The help as plain text (for tests and for reading without a terminal)."""
    out = [INTRO]
    for title, rows in help_sections():
        out.append(title)
        out.extend(f"{k}  {d}" for k, d in rows)
    out.extend(f"{m.plain}  {d}" for m, d in _marks())
    out.extend(f"{k}  {d}" for k, d in NUMBERS)
    return "\n".join(out)


class HelpScreen(ModalScreen[None]):
    """The help, over the main screen; any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", id="help.close"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="box help") as box:
            box.border_title = "Help"
            box.border_subtitle = "Escape closes"
            with VerticalScroll():
                yield Static(help_renderable(), id="help-text")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()  # so ↑ ↓ PgUp PgDn scroll the help

    def action_close(self) -> None:
        self.dismiss(None)
