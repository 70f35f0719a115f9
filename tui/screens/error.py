"""The screen shown instead of the debate when the graph (or its sheet) cannot be opened."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from arggraph.errors import ArggraphError, FileAccessError
from arggraph.graph import Graph
from arggraph.live import Failed, SourceWatcher

from ..live import LiveReload, SourceChanged
from ..render import literal

__all__ = ["ErrorScreen", "error_text"]


def error_text(error: ArggraphError, following: bool = False) -> Text:
    """The error laid out: file, place, what is wrong, and how to fix it if known;
    ``following`` when the screen watches the file and opens the map once it reads."""
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
    if following:
        out.append("\nWatching the file: the map opens as soon as it reads (fix it and ")
        out.append("save it in your editor). Press q to quit.")
        return out
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
    """Says what went wrong and where; ``q`` quits with exit code 2.

    Given the ``watcher`` of a live source (a file another tool writes, such as
    Argdown) that did not read at start, it follows the file as the main screen does
    (:class:`~tui.live.LiveReload`): each new error replaces the one shown, and once the
    file reads it posts :class:`Recovered`, on which the app opens the map."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit_now(2)", "quit", id="error.quit"),
    ]

    class Recovered(Message):
        """The live source reads now: ``graph``."""

        def __init__(self, graph: Graph) -> None:
            super().__init__()
            self.graph = graph

    def __init__(self, error: ArggraphError, watcher: SourceWatcher | None = None) -> None:
        super().__init__()
        self.error = error
        self.live = LiveReload(self, watcher) if watcher is not None else None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box error-box") as box:
            box.border_title = "arggraph"
            yield Static(error_text(self.error, self.live is not None), id="error-text")
        yield Footer()

    def on_mount(self) -> None:
        if self.live is not None:
            self.live.start()

    def show(self, error: ArggraphError) -> None:
        """Show ``error`` in place of the one shown."""
        self.error = error
        self.query_one("#error-text", Static).update(error_text(error, self.live is not None))

    @on(SourceChanged)
    def _source_changed(self, message: SourceChanged) -> None:
        outcome = message.outcome
        if isinstance(outcome, Failed):
            self.show(outcome.error)
            return
        assert self.live is not None
        self.live.stop()  # the main screen follows the file from here
        self.post_message(self.Recovered(outcome.graph))
