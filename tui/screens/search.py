"""``/``: find a claim by its text, a quote, or the name of who said it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from arggraph.graph import Graph
from arggraph.views import SearchIndex

from ..render import fit, literal

__all__ = ["SearchScreen"]

FIELD_NAMES = {"text": "claim", "quote": "quote", "actor": "said by", "id": "id"}
LIMIT = 200


class SearchScreen(ModalScreen[str | None]):
    """Type to search; ↓ moves into the results; Enter goes to a claim."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="search.cancel"),
        Binding("down", "results", "results", show=False, id="search.results"),
    ]

    def __init__(self, graph: Graph, index: SearchIndex, query: str = "") -> None:
        super().__init__(classes="dialog")
        self.graph = graph
        self.index = index
        self._query = query
        #: The text in the search box, kept by the caller for the next search.
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(classes="box search") as box:
            box.border_title = "Search claims, quotes and actors"
            box.border_subtitle = "Enter goes to the claim · Escape cancels"
            yield Input(
                self._query, placeholder="words to find, e.g. fire control", id="search-input"
            )
            yield Static("", id="search-count", classes="message")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._update(self._query)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, query: str) -> None:
        self.query_text = query
        results = self.query_one(OptionList)
        results.clear_options()
        count = self.query_one("#search-count", Static)
        if not query.strip():
            count.update(Text("Type to search.", style="dim"))
            return
        hits = self.index.search(query, limit=LIMIT)
        count.update(
            Text(
                f"{len(hits)}{'+' if len(hits) == LIMIT else ''} "
                f"claim{'s' if len(hits) != 1 else ''} found",
                style="dim",
            )
        )
        room = results.size.width or int(self.size.width * 0.8) - 6
        width = max(20, room - 12)
        for hit in hits:
            claim = self.graph.claims[hit.claim]
            prompt = Text()
            prompt.append(f"{FIELD_NAMES[hit.field]:<8} ", style="dim")
            prompt.append_text(literal(fit(claim.text, width), style="bold"))
            if hit.field != "text":
                prompt.append("\n         ")
                who = self.graph.actors.get(hit.actor or "")
                if hit.field == "quote":
                    prompt.append_text(
                        literal("“" + fit(hit.excerpt, width - 30) + "”", style="italic")
                    )
                    if who is not None:
                        prompt.append(" — ", style="dim")
                        prompt.append_text(literal(fit(who.name, 28), style="dim"))
                elif hit.field == "actor":
                    prompt.append_text(literal(fit(hit.excerpt, width), style="italic"))
                else:
                    prompt.append_text(literal(fit(hit.excerpt, width), style="dim"))
            results.add_option(Option(prompt, id=hit.claim))
        if hits:
            results.highlighted = 0

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(OptionList)
        if results.option_count and results.highlighted is not None:
            option = results.get_option_at_index(results.highlighted)
            self.dismiss(option.id)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
