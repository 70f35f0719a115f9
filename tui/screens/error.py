"""The screen shown instead of the debate when the graph (or its sheet) cannot be opened."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from arggraph.errors import ArggraphError, FileAccessError

from ..render import literal

__all__ = ["ErrorScreen", "error_text"]


def error_text(error: ArggraphError) -> Text:
    """The error laid out: file, place, what is wrong, and how to fix it if known."""
    out = Text()
    out.append("This file could not be opened.\n\n", style="bold red")
    rows = [
        ("file", error.path),
        ("place", error.place),
        ("problem", error.message),
        ("hint", error.hint if error.hint and error.hint not in error.message else None),
    ]
    for name, value in rows:
        if value:
            out.append(f"{name:>8}  ", style="bold")
            out.append_text(literal(value))
            out.append("\n")
    if isinstance(error, FileAccessError):
        # Nothing in the file to fix: it is missing, a folder, unreadable or empty.
        out.append("\nCheck the path (and that you may read it), then open it again.")
    else:
        out.append("\nFix the file and open it again, or run ")
        out.append("arggraph check FILE", style="bold")
        out.append(" for every problem at once.")
    out.append(" Press q to quit; the message stays in the terminal.")
    return out


class ErrorScreen(Screen[None]):
    """Says what went wrong and where; ``q`` quits with exit code 2."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit_now(2)", "quit", id="error.quit"),
    ]

    def __init__(self, error: ArggraphError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="box error-box") as box:
            box.border_title = "arggraph"
            yield Static(error_text(self.error), id="error-text")
        yield Footer()
