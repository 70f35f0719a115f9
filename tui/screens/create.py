"""``arggraph tui FILE`` on a path where there is no file yet: offer to start a new
debate there (the question, and two positions to build on), or quit."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from arggraph.edit import create_debate
from arggraph.errors import ArggraphError
from arggraph.graph import Graph

from ..render import literal

__all__ = ["CreateScreen"]


class CreateScreen(Screen[None]):
    """Type the question to create the file, or Escape to quit (nothing is written)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.quit_now(0)", "quit, writing nothing", id="create.quit"),
    ]

    class Created(Message):
        """The new debate was written: open it."""

        def __init__(self, graph: Graph) -> None:
            super().__init__()
            self.graph = graph

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="box create-box") as box:
            box.border_title = "A new debate"
            about = Text("There is no file at ")
            about.append_text(literal(str(self.path)))
            about.append(
                ".\nType the question the debate answers and press Enter to create it there, "
                "with two positions (Yes and No, to rename with c) to build on; Escape quits "
                "and writes nothing."
            )
            yield Static(about, classes="message")
            yield Input(placeholder="Should the town build the bypass?", id="create-question")
            yield Static("", id="create-error", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            graph = create_debate(self.path, event.value)
        except ArggraphError as exc:
            self.query_one("#create-error", Static).update(literal(str(exc)))
            return
        self.post_message(self.Created(graph))
