"""``o``: the debate's actors and documents. Add one, change or remove the one under the
cursor (an actor or a document still named by an attribution is not removed: the
message says where), and attribute the claim that was focused to an actor.

Every change is a graph edit of the session's one history (ctrl+z on the main screen
undoes it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from arggraph.edit import (
    Edit,
    add_actor,
    add_attribution,
    add_document,
    change_actor,
    change_document,
    remove_actor,
    remove_document,
)
from arggraph.errors import ArggraphError

from ..render import fit, literal
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from .edit import EditFlow

__all__ = ["SourcesScreen"]

#: Option ids: ``actor:ID`` or ``document:ID``.
ACTOR, DOCUMENT = "actor:", "document:"


class SourcesScreen(ModalScreen[None]):
    """The actors and documents, and what can be done with them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", id="sources.close"),
        Binding("a", "add_actor", "add actor", id="sources.add-actor"),
        Binding("n", "add_document", "add document", id="sources.add-document"),
        Binding("c", "change", "change", id="sources.change"),
        Binding("delete", "remove", "remove", id="sources.remove"),
        Binding("enter", "attribute", "attribute the claim", id="sources.attribute"),
    ]

    def __init__(self, flow: EditFlow, claim: str | None) -> None:
        super().__init__(classes="dialog")
        self.flow = flow
        self.claim = claim

    def compose(self) -> ComposeResult:
        with Vertical(classes="box picker sources") as box:
            box.border_title = "Actors and documents"
            box.border_subtitle = (
                "a add actor · n add document · c change · delete remove · "
                "Enter attribute the claim · Escape"
            )
            yield Static(self._about(), classes="message", id="sources-about")
            yield OptionList(*self._options(), id="sources-list")

    def _about(self) -> Text:
        if self.claim is None:
            return Text("No claim was focused: Enter attributes nothing.", style="dim")
        text = Text("Enter attributes ")
        claim = self.flow.session.graph.claims.get(self.claim)
        text.append(fit(claim.text if claim else self.claim, 60), style="bold")
        text.append(" to the actor under the cursor.")
        return text

    def _options(self) -> list[Option]:
        graph = self.flow.session.graph
        out: list[Option] = []
        for a in graph.actors.values():
            label = Text("actor     ", style="cyan")
            label.append(literal(f"{a.name} ({a.kind})"))
            out.append(Option(label, id=ACTOR + a.id))
        for d in graph.documents.values():
            label = Text("document  ", style="magenta")
            label.append(literal(f"{d.title}" + (f", {d.published}" if d.published else "")))
            out.append(Option(label, id=DOCUMENT + d.id))
        if not out:
            out.append(Option(Text("No actors or documents yet: a or n adds one."), id="none"))
        return out

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def redraw(self) -> None:
        """Show the lists as the graph now has them."""
        options = self.query_one(OptionList)
        at = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        if at is not None and options.option_count:
            options.highlighted = min(at, options.option_count - 1)

    def _current(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        ident = options.get_option_at_index(options.highlighted).id
        return ident if ident and ident != "none" else None

    def _apply(self, edit: Edit) -> None:
        if self.flow.apply(edit):
            self.redraw()

    def _form(
        self, title: str, fields: list[Field], build: Callable[[Mapping[str, str]], Edit]
    ) -> None:
        made: dict[str, Edit] = {}

        def check(values: Mapping[str, str]) -> str | None:
            try:
                made["edit"] = build({k: v for k, v in values.items()})
            except ArggraphError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self._apply(made["edit"])

        self.app.push_screen(FormScreen(title, Text(""), fields, check=check), done)

    def action_add_actor(self) -> None:
        fields: list[Field] = [
            ("name", "Name", "", "who said it: a person or an organisation"),
            ("kind", "Kind", "", "analyst, official, commander, media, think-tank..."),
            ("role", "Role (optional)", "", ""),
        ]
        self._form(
            "Add an actor",
            fields,
            lambda v: add_actor(
                self.flow.session.graph, v["name"], kind=v["kind"], **_given(v, "role")
            ),
        )

    def action_add_document(self) -> None:
        fields: list[Field] = [
            ("title", "Title", "", "the article's or report's title"),
            ("publisher", "Publisher (optional)", "", ""),
            ("published", "Published (optional)", "", "YYYY-MM-DD"),
            ("url", "URL (optional)", "", "https://..."),
        ]
        self._form(
            "Add a document",
            fields,
            lambda v: add_document(
                self.flow.session.graph, v["title"], **_given(v, "publisher", "published", "url")
            ),
        )

    def action_change(self) -> None:
        current = self._current()
        graph = self.flow.session.graph
        if current is None:
            return
        if current.startswith(ACTOR):
            aid = current.removeprefix(ACTOR)
            a = graph.actors[aid]
            fields: list[Field] = [
                ("name", "Name", a.name, ""),
                ("kind", "Kind", a.kind, ""),
                ("role", "Role", a.role or "", ""),
            ]
            self._form(
                f"Change actor {aid}",
                fields,
                lambda v: change_actor(
                    self.flow.session.graph,
                    aid,
                    name=v["name"],
                    kind=v["kind"],
                    role=v["role"] or None,
                ),
            )
            return
        did = current.removeprefix(DOCUMENT)
        d = graph.documents[did]
        fields = [
            ("title", "Title", d.title, ""),
            ("publisher", "Publisher", d.publisher or "", ""),
            ("published", "Published", d.published or "", "YYYY-MM-DD"),
            ("url", "URL", d.url or "", ""),
        ]
        self._form(
            f"Change document {did}",
            fields,
            lambda v: change_document(
                self.flow.session.graph,
                did,
                title=v["title"],
                publisher=v["publisher"] or None,
                published=v["published"] or None,
                url=v["url"] or None,
            ),
        )

    def action_remove(self) -> None:
        current = self._current()
        graph = self.flow.session.graph
        try:
            if current is not None and current.startswith(ACTOR):
                edit = remove_actor(graph, current.removeprefix(ACTOR))
            elif current is not None:
                edit = remove_document(graph, current.removeprefix(DOCUMENT))
            else:
                return
        except ArggraphError as exc:
            self.flow.say(f"Not removed: {exc}", severity="warning", timeout=10)
            return
        self._apply(edit)

    def action_attribute(self) -> None:
        current = self._current()
        claim = self.claim
        if claim is None:
            self.flow.say("No claim was focused to attribute: close, move to one, press o.")
            return
        if current is None or not current.startswith(ACTOR):
            self.flow.say("Move to an actor to attribute the claim to them.")
            return
        actor = current.removeprefix(ACTOR)
        fields: list[Field] = [
            ("quote", "Their words, verbatim (optional)", "", ""),
            (
                "document",
                "Document id (optional)",
                "",
                ", ".join(self.flow.session.graph.documents),
            ),
            ("date", "Date (optional)", "", "YYYY-MM-DD"),
        ]
        self._form(
            f"Attribute the claim to {actor}",
            fields,
            lambda v: add_attribution(
                self.flow.session.graph,
                claim,
                actor=actor,
                on="claim",
                **_given(v, "quote", "document", "date"),
            ),
        )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_attribute()

    def action_close(self) -> None:
        self.dismiss(None)


def _given(values: Mapping[str, str], *names: str) -> dict[str, Any]:
    """The optional fields the user filled in."""
    return {n: values[n] for n in names if values.get(n)}
