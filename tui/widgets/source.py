"""The bar of a live source: which file the map comes from, and why the map on screen
is not what the file holds now, when it is not.

One line, dim, while the file parses (``live: map.argdown · read again 3 times``), with
a line for each thing the import left out (Argdown prose, say); on an error, the file,
the line and the message, escaped, on the error colour, and that the map shown is the
last good one. The screen hands it a frozen :class:`~tui.viewmodels.SourceState`; it
posts nothing.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from ..render import literal
from ..viewmodels import SourceState
from .panel import Panel

__all__ = ["SourceBar"]


class SourceBar(Panel):
    """Where the map comes from, and what keeps the file's new version off the screen."""

    DEFAULT_CSS = """
    SourceBar { height: auto; padding: 0 1; background: $panel; color: $text-muted; }
    SourceBar.-failing { background: $error 35%; color: $text; }
    """

    state: reactive[SourceState | None] = reactive(None)

    def watch_state(self) -> None:
        self.set_class(self.state is not None and self.state.failing, "-failing")
        self.rebuild()

    def build(self) -> Text:
        state = self.state
        out = Text()
        if state is None:
            return out
        if state.problem is None:
            out.append("live: ", style="bold")
            out.append_text(literal(state.file))
            if state.reloads:
                times = "once" if state.reloads == 1 else f"{state.reloads} times"
                out.append(f" · read again {times} since opened")
            out.append(" · saved changes show here", style="italic")
            for note in state.notes[:3]:
                out.append("\n  ")
                out.append_text(literal(note))
            if len(state.notes) > 3:
                out.append(f"\n  and {len(state.notes) - 3} more notes from the import")
            return out
        out.append("✗ ", style="bold")
        out.append_text(literal(state.file, style="bold"))
        if state.line is not None:
            out.append(f", line {state.line}", style="bold")
        out.append(": ")
        out.append_text(literal(state.problem))
        out.append("  (showing the last version that parsed)", style="italic")
        return out
