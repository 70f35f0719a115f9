"""A list computed off the UI thread (extensions, check findings); Enter goes to a claim.

The main screen hands in the computation; this screen shows "working…", runs it in a
worker, and lists the rows. A row that names a claim can be followed with Enter; the
screen answers that claim's id (``None`` on Escape).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from arggraph.errors import ArggraphError

from ..viewmodels import Results

__all__ = ["ResultScreen"]


class ResultScreen(ModalScreen[str | None]):
    """Runs ``compute`` in a thread and lists what it returns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "close", id="results.close"),
    ]

    def __init__(self, title: str, compute: Callable[[], Results]) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._compute = compute
        self.results: Results | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box results") as box:
            box.border_title = self._title
            box.border_subtitle = "Enter goes to the claim · Escape closes"
            yield Static(
                Text("working it out…", style="italic"), id="results-summary", classes="message"
            )
            yield OptionList(id="results-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._run()

    @work(thread=True, exclusive=True, group="results", description="results", exit_on_error=False)
    def _run(self) -> None:
        try:
            results = self._compute()
        except ArggraphError as exc:
            results = Results(Text(str(exc), style="bold red"), [])
        except Exception as exc:  # a fault of ours: said on screen, not a crash
            results = Results(
                Text(f"could not work this out: {type(exc).__name__}: {exc}", style="bold red"), []
            )
        self.app.call_from_thread(self._show, results)

    def _show(self, results: Results) -> None:
        self.results = results
        self.query_one("#results-summary", Static).update(results.summary)
        options = self.query_one(OptionList)
        options.clear_options()
        for i, row in enumerate(results.rows):
            options.add_option(Option(row.prompt, id=f"{i}"))
        if results.rows:
            options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.results is None or event.option.id is None:
            return
        row = self.results.rows[int(event.option.id)]
        if row.claim is not None:
            self.dismiss(row.claim)
        else:
            self.notify("This row names no claim to go to.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
