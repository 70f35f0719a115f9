"""Dialogs for editing: a form of a few labelled fields, and picking a claim by search."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from arggraph.graph import Graph
from arggraph.views import SearchIndex

from ..render import literal, safe
from .search import SearchScreen

__all__ = ["Field", "FormScreen", "PickClaimScreen"]

#: A form's field: its name, its label, the value it starts with, a placeholder.
Field = tuple[str, str, str, str]


class FormScreen(ModalScreen[dict[str, str] | None]):
    """A few labelled fields; Enter in any field submits them all.

    A field starts with its value made safe to show (control characters as escapes:
    :func:`~tui.render.safe`); a field left as it was gives back the value itself, so
    opening the form to change one field never rewrites another.

    ``check`` gets the values (stripped) and returns what is wrong (the edit's own
    refusal, say) or ``None``; the form stays open and says what is wrong until they
    pass or the user presses Escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        message: Text,
        fields: Sequence[Field],
        *,
        check: Callable[[Mapping[str, str]], str | None] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._message = message
        self._fields = list(fields)
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="box form") as box:
            box.border_title = self._title
            yield Static(self._message, classes="message")
            for name, label, value, placeholder in self._fields:
                yield Label(Text(label), classes="field-label")
                yield Input(safe(value), placeholder=placeholder, id=f"field-{name}")
            yield Static("", id="form-error", classes="error")
            yield Static(Text("Enter to confirm · Tab to the next field · Escape", style="dim"))

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def values(self) -> dict[str, str]:
        """What the fields hold now, stripped (a field left as it was: its value)."""
        out = {}
        for name, _label, value, _placeholder in self._fields:
            typed = self.query_one(f"#field-{name}", Input).value
            out[name] = value if typed == safe(value) else typed.strip()
        return out

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = self.values()
        problem = self._check(values) if self._check is not None else None
        if problem is not None:
            self.query_one("#form-error", Static).update(literal(problem))
            return
        self.dismiss(values)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#form-error", Static).update(Text(""))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickClaimScreen(SearchScreen):
    """Pick a claim by searching its text, quotes or speakers (the search dialog with
    its own title): Enter picks the claim under the cursor."""

    def __init__(self, graph: Graph, index: SearchIndex, title: str, query: str = "") -> None:
        super().__init__(graph, index, query)
        self._title = title

    def on_mount(self) -> None:
        super().on_mount()
        box = self.query_one(".box", Vertical)
        box.border_title = self._title
        box.border_subtitle = "Enter picks the claim · Escape cancels"
