"""``o``: the debate's actors and documents, and the attributions of the focused claim and
of its link (the relation by which it bears on the claim above). Add an actor or a
document, change or remove the one under the cursor (an actor or a document still named
by an attribution is not removed: the message says where); attribute the focused claim
(Enter) or its link (``r``) to the actor under the cursor; change (``c``, Enter) or
remove (``delete``) an attribution.

Every change is a graph edit of the session's one history (ctrl+z on the main screen
undoes it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from arggraph.edit import (
    Edit,
    add_actor,
    add_attribution,
    add_document,
    change_actor,
    change_attribution,
    change_document,
    remove_actor,
    remove_attribution,
    remove_document,
)
from arggraph.errors import ArggraphError
from arggraph.model import Attribution

from ..render import fit, ident, literal
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from .edit import EditFlow

__all__ = ["SourcesScreen"]

#: What an attribution belongs to.
Owner = Literal["claim", "relation"]

#: Option ids: ``actor:ID``, ``document:ID``, or ``said:claim:N`` / ``said:relation:N``
#: for attribution N of the focused claim or of its link.
ACTOR, DOCUMENT, SAID = "actor:", "document:", "said:"
#: What the attributions' owners are called here.
_OWNER = {"claim": "the claim", "relation": "its link"}


class SourcesScreen(ModalScreen[None]):
    """The actors and documents, and what can be done with them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", id="sources.close"),
        Binding("a", "add_actor", "add actor", id="sources.add-actor"),
        Binding("n", "add_document", "add document", id="sources.add-document"),
        Binding("c", "change", "change", id="sources.change"),
        Binding("delete", "remove", "remove", id="sources.remove"),
        Binding("enter", "attribute", "attribute the claim", id="sources.attribute"),
        Binding("r", "attribute_link", "attribute its link", id="sources.attribute-link"),
        Binding("ctrl+z", "undo", "undo", show=False, id="sources.undo"),
        Binding("ctrl+y", "redo", "redo", show=False, id="sources.redo"),
    ]

    def __init__(self, flow: EditFlow, claim: str | None, relation: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.flow = flow
        self.claim = claim
        self.relation = relation

    def compose(self) -> ComposeResult:
        with Vertical(classes="box picker sources") as box:
            box.border_title = "Actors and documents"
            box.border_subtitle = (
                "a add actor · n add document · c change · del remove · "
                "Enter attribute · r its link · Esc"
            )
            yield Static(self._about(), classes="message", id="sources-about")
            yield OptionList(*self._options(), id="sources-list")

    def _about(self) -> Text:
        if self.claim is None:
            return Text("No claim was focused: Enter attributes nothing.", style="dim")
        graph = self.flow.session.graph
        text = Text("Enter attributes ")
        claim = graph.claims.get(self.claim)
        text.append(fit(claim.text if claim else self.claim, 60), style="bold")
        text.append(" to the actor under the cursor")
        rel = graph.relations.get(self.relation) if self.relation is not None else None
        if rel is not None:
            text.append("; r attributes its link (")
            text.append(ident(rel.id, "bold"))  # (a default id names its type)
            text.append(")")
        text.append(".")
        return text

    def _owners(self) -> list[tuple[str, str, list[Attribution]]]:
        """The focused claim and its link that exist: (kind, id, attributions)."""
        graph = self.flow.session.graph
        out: list[tuple[str, str, list[Attribution]]] = []
        if self.claim is not None and self.claim in graph.claims:
            out.append(("claim", self.claim, graph.claims[self.claim].attributions))
        if self.relation is not None and self.relation in graph.relations:
            out.append(("relation", self.relation, graph.relations[self.relation].attributions))
        return out

    def _options(self) -> list[Option]:
        graph = self.flow.session.graph
        out: list[Option] = []
        for kind, _, attributions in self._owners():
            for i, att in enumerate(attributions):
                label = Text("said      ", style="green")
                label.append(literal(_shown(att, graph.actors, graph.documents)))
                label.append(f"  ({_OWNER[kind]})", style="dim")
                out.append(Option(label, id=f"{SAID}{kind}:{i}"))
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
        options = self.query_one(OptionList)
        options.focus()
        # The cursor starts on the first actor, so Enter attributes the claim to them
        # (the attributions listed above it are one key away).
        ids = [options.get_option_at_index(i).id or "" for i in range(options.option_count)]
        actors = [i for i, ident in enumerate(ids) if ident.startswith(ACTOR)]
        if actors:
            options.highlighted = actors[0]

    def redraw(self) -> None:
        """Show the lists as the graph now has them."""
        options = self.query_one(OptionList)
        at, current = options.highlighted, self._current()
        options.clear_options()
        options.add_options(self._options())
        if at is None or not options.option_count:
            return
        try:  # the same item stays under the cursor, wherever the change moved it
            options.highlighted = options.get_option_index(current or "")
        except OptionDoesNotExist:
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
        if current.startswith(SAID):
            self._change_attribution(current)
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
            if current is not None and current.startswith(SAID):
                kind, owner, index = self._said(current)
                edit = remove_attribution(graph, owner, index, on=kind)
            elif current is not None and current.startswith(ACTOR):
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
        if current is not None and current.startswith(SAID):
            self._change_attribution(current)
            return
        if self.claim is None:
            self.flow.say("No claim was focused to attribute: close, move to one, press o.")
            return
        self._attribute("claim", self.claim, current)

    def action_attribute_link(self) -> None:
        if self.relation is None:
            self.flow.say(
                "No link was focused to attribute: close, move to a supporter or attacker "
                "(or an inference ∴), press o."
            )
            return
        self._attribute("relation", self.relation, self._current())

    def _attribute(self, kind: Owner, owner: str, current: str | None) -> None:
        """Attribute ``owner`` (a claim, or the link ``relation``) to the actor under the
        cursor, with the words, document and date the form asks for."""
        if current is None or not current.startswith(ACTOR):
            self.flow.say(f"Move to an actor to attribute {_OWNER[kind]} to them.")
            return
        actor = current.removeprefix(ACTOR)
        self._form(
            f"Attribute {_OWNER[kind]} to {actor}",
            self._attribution_fields(None),
            lambda v: add_attribution(
                self.flow.session.graph,
                owner,
                actor=actor,
                on=kind,
                **_given(v, "quote", "document", "date"),
            ),
        )

    def _attribution_fields(self, att: Attribution | None) -> list[Field]:
        documents = ", ".join(self.flow.session.graph.documents)
        fields: list[Field] = [
            ("quote", "Their words, verbatim (optional)", att.quote if att else "", ""),
            ("document", "Document id (optional)", (att.document or "") if att else "", documents),
            ("date", "Date (optional)", (att.date or "") if att else "", "YYYY-MM-DD"),
        ]
        if att is not None:  # a change may name another actor
            actors = ", ".join(self.flow.session.graph.actors)
            fields.insert(0, ("actor", "Actor id", att.actor, actors))
        return fields

    def _said(self, current: str) -> tuple[Owner, str, int]:
        """The owner's kind and id and the attribution's index of a ``said:`` option."""
        kind, _, index = current.removeprefix(SAID).partition(":")
        owner = self.claim if kind == "claim" else self.relation
        assert owner is not None and kind in _OWNER
        return cast(Owner, kind), owner, int(index)

    def _change_attribution(self, current: str) -> None:
        kind, owner, index = self._said(current)
        graph = self.flow.session.graph
        item = graph.claims[owner] if kind == "claim" else graph.relations[owner]
        att = item.attributions[index]
        self._form(
            f"Change this attribution of {_OWNER[kind]}",
            self._attribution_fields(att),
            lambda v: change_attribution(
                self.flow.session.graph,
                owner,
                index,
                on=kind,
                actor=v["actor"],
                quote=v["quote"],
                document=v["document"] or None,
                date=v["date"] or None,
            ),
        )

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_attribute()

    def action_undo(self) -> None:
        """``ctrl+z`` here as on the main screen (each change's notice says so)."""
        self.flow.undo()
        self.redraw()

    def action_redo(self) -> None:
        self.flow.redo()
        self.redraw()

    def action_close(self) -> None:
        self.dismiss(None)


def _shown(att: Attribution, actors: Mapping[str, Any], documents: Mapping[str, Any]) -> str:
    """An attribution on one line: who, their words (cut), the document and the date."""
    actor = actors.get(att.actor)
    out = actor.name if actor is not None else att.actor
    if att.quote.strip():
        words = " ".join(att.quote.split())
        out += f": “{words if len(words) <= 50 else words[:49] + '…'}”"
    parts: list[str] = []
    if att.document is not None:
        doc = documents.get(att.document)
        parts.append(doc.title if doc is not None else att.document)
    if att.date:
        parts.append(att.date)
    return out + (f" ({', '.join(parts)})" if parts else "")


def _given(values: Mapping[str, str], *names: str) -> dict[str, Any]:
    """The optional fields the user filled in."""
    return {n: values[n] for n in names if values.get(n)}
