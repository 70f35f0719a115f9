"""A document's text, to pick a quote from: search it, select a passage with the
keyboard, attach it to the claim or relation the main screen was on.

The quote is the text's own words (:func:`arggraph.passages.pick_quote`), so ``arggraph
check --documents`` finds it verbatim; attaching is one graph edit of the session's
history (:func:`arggraph.passages.attach_quote`, with the new actor when one is named),
undone by ctrl+z on the main screen. The document gets its text's ``sha256`` when it has
none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from arggraph.edit import Edit, Editor, add_actor
from arggraph.errors import ArggraphError, EditError
from arggraph.graph import Graph
from arggraph.passages import SourceText, attach_quote, pick_quote, search

from ..render import fit, literal
from ..widgets.keybar import KeyBar
from ..widgets.source_text import SourceView
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from .edit import EditFlow

__all__ = ["DocumentScreen", "owner_text", "resolve_actor"]

Owner = Literal["claim", "relation"]


def owner_text(graph: Graph, owner: str, on: Owner) -> str:
    """How a claim or a relation is named to the user: a claim's text, a relation's
    premises and target."""
    if on == "claim":
        return graph.claims[owner].text
    rel = graph.relations[owner]
    premises = " & ".join(graph.claims[p].text if p in graph.claims else p for p in rel.premises)
    target = graph.claims[rel.target].text if rel.target in graph.claims else rel.target
    return f"the link ∴ {premises} → {target}"


def resolve_actor(graph: Graph, given: str) -> str | None:
    """The id of the actor ``given`` names (its id, or its name in any case), or ``None``
    for a new one."""
    if given in graph.actors:
        return given
    folded = given.casefold()
    for actor in graph.actors.values():
        if actor.name.casefold() == folded or actor.id.casefold() == folded:
            return actor.id
    return None


class DocumentScreen(Screen[bool]):
    """The text of one document and the keys to pick a quote from it; dismissed with
    whether a quote was attached."""

    CSS_PATH = "document.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "search", key_display="/", id="document.search"),
        Binding("n", "next_match", "next match", id="document.next"),
        Binding("N", "previous_match", "previous match", show=False, id="document.previous"),
        Binding(
            "a,enter",
            "attach",
            "attach the selection",
            key_display="a",
            id="document.attach",
            tooltip="attribute the claim (or link) to an actor, quoting the selection",
        ),
        Binding("escape", "close", "back", key_display="esc", id="document.close"),
    ]

    def __init__(
        self, flow: EditFlow, owner: str, on: Owner, document: str, source: SourceText
    ) -> None:
        super().__init__()
        self.flow = flow
        self.owner = owner
        self.on = on
        self.document = document
        self.source = source
        self.query_text = ""
        self.matches: list[tuple[int, int]] = []

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="document-heading")
        yield SourceView(self.source.text, id="document-text")
        yield Input(placeholder="search the text (Enter finds, Escape closes)", id="document-find")
        yield Static(self._help(), id="document-status")
        keys = [b for b in (*SourceView.BINDINGS, *self.BINDINGS) if isinstance(b, Binding)]
        yield KeyBar(keys, id="document-keys")

    def _heading(self) -> Text:
        graph = self.flow.session.graph
        doc = graph.documents[self.document]
        out = Text("Quote from ", style="dim")
        out.append_text(literal(fit(doc.title, 60), "bold"))
        if doc.file:
            out.append_text(literal(f" ({fit(doc.file, 40)})", "dim"))
        if doc.sha256 is not None and doc.sha256.lower() != self.source.sha256:
            out.append(
                "  ⚠ the text changed since its hash was recorded (check P013)", style="bold yellow"
            )
        out.append("\nfor ", style="dim")
        out.append_text(literal(fit(owner_text(graph, self.owner, self.on), 90)))
        return out

    @staticmethod
    def _help() -> Text:
        return Text(
            "Move with the arrows (ctrl+←/→ by word); select with shift+arrows, or m to "
            "mark where the quote starts and move to its end.",
            style="dim",
        )

    @property
    def view(self) -> SourceView:
        return self.query_one(SourceView)

    def on_mount(self) -> None:
        self.query_one("#document-find", Input).display = False
        self.view.focus()

    def status(self, message: Text | str) -> None:
        """Say something on the status line."""
        self.query_one("#document-status", Static).update(
            message if isinstance(message, Text) else Text(message)
        )

    @on(SourceView.SelectionChanged)
    def _selection(self, event: SourceView.SelectionChanged) -> None:
        start, end = self.view.span
        if start == end:
            mark = " (marked: move to the quote's end)" if self.view.marking else ""
            self.status(Text(f"Line {event.selection.end[0] + 1}{mark}", style="dim"))
            return
        if (start, end) in self.matches:
            number = self.matches.index((start, end)) + 1
            text = Text(f"Match {number} of {len(self.matches)}: ", style="dim")
            text.append_text(literal(fit(self.source.text[start:end], 60), "bold"))
            text.append("  (n next · shift+arrows widen · a attaches)", style="dim")
            self.status(text)
            return
        text = Text(f"{end - start} characters selected: ", style="dim")
        text.append_text(literal(fit(self.source.text[start:end], 70), "bold"))
        text.append("  (a attaches)", style="dim")
        self.status(text)

    # ------------------------------------------------------------------ search
    def action_search(self) -> None:
        """``/``: type what to find."""
        find = self.query_one("#document-find", Input)
        find.display = True
        find.value = self.query_text
        find.focus()

    @on(Input.Submitted, "#document-find")
    def _find(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_text = event.value
        self.matches = search(self.source.text, event.value)
        event.input.display = False
        self.view.focus()
        self._go(1, include_here=True)

    def _go(self, step: int, *, include_here: bool = False) -> None:
        if not self.query_text.strip():
            self.status("Nothing to find: / to search.")
            return
        if not self.matches:
            self.status(literal(f"Not in the text: {fit(self.query_text, 60)}"))
            return
        here = self.view.cursor_offset if not include_here else self.view.span[0]
        if step > 0:
            after = [m for m in self.matches if m[0] >= here + (0 if include_here else 1)]
            start, end = after[0] if after else self.matches[0]
        else:
            before = [m for m in self.matches if m[1] < here]
            start, end = before[-1] if before else self.matches[-1]
        self.view.show(start, end)

    def action_next_match(self) -> None:
        """``n``: the next match (after the last, the first)."""
        self._go(1)

    def action_previous_match(self) -> None:
        """``N``: the match before."""
        self._go(-1)

    # ------------------------------------------------------------------ attach
    def _edit(self, start: int, end: int, values: Mapping[str, str]) -> Edit:
        """The edit that attaches the selection with the form's values (a new actor
        first, when the name is not one of the graph's)."""
        graph = self.flow.session.graph
        given, date = values["actor"], values["date"] or None
        actor = resolve_actor(graph, given)
        if actor is not None:
            return attach_quote(
                graph,
                self.owner,
                source=self.source,
                document=self.document,
                start=start,
                end=end,
                actor=actor,
                date=date,
                on=self.on,
            )
        if not given:
            raise EditError("name the actor: an existing one's id or name, or a new name")
        made = add_actor(graph, given, kind=values["kind"])
        trial = Editor(graph)
        trial.apply(made)
        new_id = next(a for a in trial.graph.actors if a not in graph.actors)
        quoted = attach_quote(
            trial.graph,
            self.owner,
            source=self.source,
            document=self.document,
            start=start,
            end=end,
            actor=new_id,
            date=date,
            on=self.on,
        )
        return Edit(f"{quoted.label}, a new actor", made.steps + quoted.steps)

    def action_attach(self) -> None:
        """``a``: attribute the owner to an actor, quoting the selection."""
        start, end = self.view.span
        try:
            quote = pick_quote(self.source.text, start, end)
        except ArggraphError as exc:
            self.status(Text(f"{exc.message if start != end else 'Select the words first'}."))
            return
        graph = self.flow.session.graph
        doc = graph.documents[self.document]
        known = ", ".join(a.id for a in graph.actors.values()) or "none yet"
        fields: list[Field] = [
            ("actor", "Actor: an existing one's id or name, or a new name", "", known),
            ("kind", "Kind (only for a new actor)", "", "analyst, official, media..."),
            ("date", "Date said (optional)", doc.published or "", "YYYY-MM-DD"),
        ]
        made: dict[str, Edit] = {}

        def check(values: Mapping[str, str]) -> str | None:
            try:
                made["edit"] = self._edit(start, end, values)
            except ArggraphError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is not None and self.flow.apply(made["edit"], self._focus()):
                self.dismiss(True)

        message = Text("Quote: ", style="dim")
        message.append_text(literal(fit(quote, 200), "bold"))
        self.app.push_screen(FormScreen("Attach the quote", message, fields, check=check), done)

    def _focus(self) -> str | None:
        if self.on == "claim":
            return self.owner
        return None

    def action_close(self) -> None:
        """Escape: out of the search box; else back to the debate, nothing attached."""
        find = self.query_one("#document-find", Input)
        if find.display:
            find.display = False
            self.view.focus()
            return
        self.dismiss(False)
