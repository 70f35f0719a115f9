"""Editing the debate from the main screen: each action asks what it needs (a text, a
claim picked by search, a confirmation that shows what hangs on a claim), builds the
edit with :mod:`arggraph.edit` (which checks it and says why when it refuses), and hands
it to the session, whose one history undoes graph edits and scores alike.

The flow owns the dialogs; the screen owns the state and redraws after each change
(:meth:`EditHost.graph_edited`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from arggraph.edit import (
    Edit,
    add_argument,
    add_claim,
    add_relation,
    change_claim,
    change_relation,
    claim_dependents,
    group_premises,
    relation_dependents,
    remove_claim,
    remove_relation,
)
from arggraph.errors import ArggraphError, StaleFileError
from arggraph.live import is_live
from arggraph.model import RelationType
from arggraph.views import SearchIndex

from ..render import fit, ident, literal
from ..state import Session
from ..viewmodels import Item
from .dialogs import ChoiceScreen, PromptScreen
from .export import Say, check_target
from .forms import FormScreen, PickClaimScreen
from .sources import SourcesScreen

__all__ = ["EditFlow", "EditHost"]


class EditHost(Protocol):
    """What the flow needs of the screen it edits from."""

    session: Session

    @property
    def app(self) -> App[Any]: ...

    def current_item(self) -> Item | None: ...

    def graph_edited(self, focus: str | None, message: str) -> None: ...

    def scores_changed(self, message: str) -> None: ...


def _other(type_: str) -> RelationType:
    return "attack" if type_ == "support" else "support"


class EditFlow:
    """The editing actions of the main screen (see the help's "Edit the debate")."""

    def __init__(self, host: EditHost, say: Say) -> None:
        self.host = host
        self.say = say

    # ------------------------------------------------------------------ helpers
    @property
    def session(self) -> Session:
        return self.host.session

    def _push(self, screen: Screen[Any], done: Callable[[Any], None]) -> None:
        self.host.app.push_screen(screen, done)

    def _text(self, ident: str) -> str:
        graph = self.session.graph
        if ident in graph.claims:
            return graph.claims[ident].text
        rel = graph.relations[ident]
        premises = " & ".join(graph.claims[p].text for p in rel.premises if p in graph.claims)
        return f"∴ {premises}"

    def apply(self, edit: Edit, focus: str | None = None) -> bool:
        """Make ``edit``; say why when it is refused. Whether it was made."""
        try:
            entry = self.session.apply(edit)
        except ArggraphError as exc:
            self.say(f"Not done: {exc}", severity="error", timeout=10)
            return False
        if entry is None:
            self.say("Nothing changed.")
            return False
        self.host.graph_edited(focus, f"Done: {entry.label} (ctrl+z undoes it).")
        return True

    def _ask_text(
        self,
        title: str,
        about: str,
        build: Callable[[str], Edit],
        focus: Callable[[Edit], str | None],
        value: str = "",
    ) -> None:
        """Ask for a text, build the edit from it (the dialog says why it is refused)
        and make it."""
        made: dict[str, Edit] = {}

        def check(text: str) -> str | None:
            try:
                made["edit"] = build(text)
            except ArggraphError as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if text is not None:
                self.apply(made["edit"], focus(made["edit"]))

        message = Text(about)
        self._push(PromptScreen(title, message, value, check=check), done)

    def _target(self) -> Item | None:
        item = self.host.current_item()
        if item is None or item.role in ("question", "loose-group"):
            return None
        return item

    def _relation(self, doing: str) -> str | None:
        """The relation the cursor is on (an inference) or under (the link of an
        argument or a premise to what it bears on), or ``None`` after saying so."""
        item = self._target()
        if item is None or item.relation is None:
            self.say(f"Move the cursor to a supporter or attacker (or an inference ∴) to {doing}.")
            return None
        return item.relation

    # ------------------------------------------------------------------ claims
    def add(self) -> None:
        """``n``: a new claim supporting or attacking the focused claim, backing or
        undercutting the focused inference, or a new position."""
        item = self._target()
        if item is None:
            self._add_position()
            return
        if item.role == "inference" and item.relation is not None:
            target = item.relation
            choices = [("attack", "Undercut it", "u"), ("support", "Back it", "b")]
        else:
            assert item.claim is not None
            target = item.claim
            choices = [("support", "Supporter", "s"), ("attack", "Attacker", "a")]
        choices += [("position", "New position", "p"), ("cancel", "Cancel", "c")]
        message = Text("Add a claim that bears on\n")
        message.append(fit(self._text(target), 70), style="bold")

        def answer(choice: str | None) -> None:
            if choice == "position":
                self._add_position()
            elif choice in ("support", "attack"):
                self._add_argument(choice, target)  # type: ignore[arg-type]

        self._push(ChoiceScreen("Add a claim", message, choices), answer)

    def _add_position(self) -> None:
        self._ask_text(
            "Add a position",
            "The text of the new position (an answer to the question):",
            lambda text: add_claim(self.session.graph, text, kind="position"),
            _new_claim,
        )

    def _add_argument(self, type_: RelationType, target: str) -> None:
        doing = {"support": "supports", "attack": "attacks"}[type_]
        if target in self.session.graph.relations and target not in self.session.graph.claims:
            doing = {"support": "backs", "attack": "undercuts"}[type_]
        self._ask_text(
            f"Add a claim that {doing} it",
            f"The text of the claim that {doing}:\n{fit(self._text(target), 70)}",
            lambda text: add_argument(self.session.graph, text, type_=type_, target=target),
            _new_claim,
        )

    def change(self) -> None:
        """``c``: change the focused claim's text, kind, tags and date."""
        item = self._target()
        if item is None or item.claim is None:
            self.say("Move the cursor to a claim to change it.")
            return
        cid = item.claim
        claim = self.session.graph.claims[cid]
        fields = [
            ("text", "Text", claim.text, ""),
            ("kind", "Kind: position, claim or evidence", claim.kind, ""),
            ("tags", "Tags, separated by commas", ", ".join(claim.tags), ""),
            ("date", "Date: YYYY, YYYY-MM, YYYY-MM-DD or START/END", claim.date or "", ""),
        ]
        made: dict[str, Edit] = {}

        def check(values: Mapping[str, str]) -> str | None:
            tags = [t.strip() for t in values["tags"].split(",") if t.strip()]
            try:
                made["edit"] = change_claim(
                    self.session.graph,
                    cid,
                    text=values["text"],
                    kind=values["kind"],
                    tags=tags,
                    date=values["date"] or None,
                )
            except ArggraphError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.apply(made["edit"], cid)

        message = literal("Claim ", "bold").append_text(ident(cid))  # (all of it bold)
        self._push(FormScreen("Change the claim", message, fields, check=check), done)

    def delete(self) -> None:
        """``delete``: remove the focused claim, or only its link, after saying what
        hangs on it; on an inference, the inference."""
        item = self._target()
        if item is None:
            self.say("Move the cursor to a claim or an inference to delete it.")
            return
        graph = self.session.graph
        choices: list[tuple[str, str, str]] = []
        message = Text()
        if item.claim is not None:
            message.append_text(literal(claim_dependents(graph, item.claim).describe(graph)))
            message.append("\n")
            choices.append(("claim", "Delete the claim", "d"))
        premise = item.role == "premise"
        linked = item.relation is not None and len(graph.relations[item.relation].premises) > 1
        if premise and linked and item.claim is not None:
            message.append("\nOr take it out of the linked premises (u): the others bear on ")
            message.append("the claim without it.\n")
            choices.append(("unlink", "Out of the premises", "u"))
        if item.relation is not None:
            deps = relation_dependents(graph, item.relation)
            if item.claim is not None:
                message.append(
                    "\nOr delete only " + ("the inference. " if premise else "its link. ")
                )
            message.append_text(literal(deps.describe(graph)))
            label = "Delete the inference" if item.claim is None or premise else "Only the link"
            choices.append(("relation", label, "l"))
        choices.append(("cancel", "Cancel", "c"))
        claim, relation = item.claim, item.relation

        def answer(choice: str | None) -> None:
            graph = self.session.graph
            if choice == "claim" and claim is not None:
                self.apply(remove_claim(graph, claim))
            elif choice == "relation" and relation is not None:
                self.apply(remove_relation(graph, relation))
            elif choice == "unlink" and claim is not None and relation is not None:
                rest = [p for p in graph.relations[relation].premises if p != claim]
                self._try(lambda: change_relation(graph, relation, premises=rest), claim)

        self._push(ChoiceScreen("Delete", message, choices), answer)

    # ------------------------------------------------------------------ relations
    def _pick(self, title: str, done: Callable[[str], None]) -> None:
        index = SearchIndex(self.session.graph)

        def picked(claim: str | None) -> None:
            if claim:
                done(claim)

        self._push(PickClaimScreen(self.session.graph, index, title), picked)

    def link(self) -> None:
        """``i``: a support or attack from another claim (picked by search) to the
        focused claim or inference."""
        item = self._target()
        if item is None:
            self.say("Move the cursor to the claim the new link goes to.")
            return
        target = item.claim if item.role != "inference" else item.relation
        assert target is not None
        message = Text("The claim you pick next will bear on\n")
        message.append(fit(self._text(target), 70), style="bold")

        def answer(choice: str | None) -> None:
            if choice not in ("support", "attack"):
                return
            type_: RelationType = "support" if choice == "support" else "attack"
            doing = "supports" if choice == "support" else "attacks"

            def picked(source: str) -> None:
                self._try(lambda: add_relation(self.session.graph, type_, source, target), source)

            self._pick(f"Pick the claim that {doing} it", picked)

        choices = [("support", "It supports", "s"), ("attack", "It attacks", "a")]
        self._push(
            ChoiceScreen("Link a claim", message, [*choices, ("cancel", "Cancel", "c")]), answer
        )

    def _try(self, build: Callable[[], Edit], focus: str | None) -> None:
        """Build an edit and make it, or say why it cannot be made."""
        try:
            edit = build()
        except ArggraphError as exc:
            self.say(f"Not done: {exc}", severity="error", timeout=10)
            return
        self.apply(edit, focus)

    def group(self) -> None:
        """``g``: another claim (picked by search) joins the premises of the focused
        link: a linked argument, whose premises bear only together."""
        relation = self._relation("group its premises with another claim")
        if relation is None:
            return

        def done(claim: str) -> None:
            self._try(lambda: group_premises(self.session.graph, relation, claim), claim)

        self._pick("Pick the claim that joins the premises", done)

    def undercut(self) -> None:
        """``u``: a new claim that undercuts the focused link (it denies that the
        premises, true or not, bear on the conclusion)."""
        relation = self._relation("undercut its link")
        if relation is None:
            return
        self._add_argument("attack", relation)

    def flip(self) -> None:
        """``y``: the focused link supports instead of attacking, or the other way."""
        relation = self._relation("change its link's type")
        if relation is None:
            return
        rel = self.session.graph.relations[relation]
        item = self._target()
        self._try(
            lambda: change_relation(self.session.graph, relation, type=_other(rel.type)),
            item.claim if item is not None else None,
        )

    # ------------------------------------------------------------------ sources
    def sources(self) -> None:
        """``o``: the actors and documents; add, change, remove, attribute the focused
        claim or its link, change or remove their attributions."""
        item = self._target()
        claim = item.claim if item is not None else None
        relation = item.relation if item is not None else None
        self.host.app.push_screen(SourcesScreen(self, claim, relation))

    # ------------------------------------------------------------------ history
    def undo(self) -> None:
        """``ctrl+z``: undo the last change, a graph edit or a score."""
        self._step(self.session.undo, "Undid", "Nothing to undo.")

    def redo(self) -> None:
        """``ctrl+y``: redo the last change undone."""
        self._step(self.session.redo, "Redid", "Nothing to redo.")

    def _step(self, step: Callable[[], Any], did: str, nothing: str) -> None:
        try:
            entry = step()
        except ArggraphError as exc:  # a score the graph no longer has a claim for
            self.say(f"Not done: {exc}", severity="error", timeout=10)
            return
        if entry is None:
            self.say(nothing)
        elif entry.changes_graph:
            self.host.graph_edited(None, f"{did}: {entry.label}")
        else:
            self.host.scores_changed(f"{did}: {entry.label}")

    # ------------------------------------------------------------------ saving
    def save(self, path: Path | None = None, *, force: bool = False) -> None:
        """``ctrl+g``: save the graph (never the scores) to its file, atomically; on a
        file changed on disk since it was loaded, ask: overwrite, save elsewhere,
        reload, or cancel."""
        editor = self.session.editor
        if path is None and editor.graph.path is None:
            self._elsewhere(Path(f"{editor.graph.id}.json"))
            return
        known = editor.graph.path
        if path is None and known is not None and is_live(known):
            # A map read from another tool's file (Argdown...) is saved as arggraph JSON
            # beside it, never over it: that file is its author's, written in their editor.
            self._elsewhere(known.with_suffix(".json"))
            return
        try:
            where = editor.save(path, force=force)
        except StaleFileError as exc:
            target = Path(exc.path) if exc.path else editor.graph.path
            assert target is not None
            message = Text()
            message.append_text(literal(str(target), "bold"))
            message.append(
                f"\n{exc.message}.\nOverwrite it with your edits, save them to another "
                "file, reload it (your unsaved edits are dropped), or cancel?"
            )

            def answer(choice: str | None) -> None:
                if choice == "overwrite":
                    self.save(target, force=True)
                elif choice == "elsewhere":
                    self._elsewhere(target)
                elif choice == "reload":
                    self._reload()

            choices = [
                ("overwrite", "Overwrite", "o"),
                ("elsewhere", "Save elsewhere", "e"),
                ("reload", "Reload", "r"),
                ("cancel", "Cancel", "c"),
            ]
            self._push(ChoiceScreen("The graph file changed on disk", message, choices), answer)
            return
        except ArggraphError as exc:
            self.say(f"Graph not saved: {exc}", severity="error", timeout=10)
            return
        self.say(f"Graph saved to {where}")
        self.host.scores_changed("")

    def _elsewhere(self, near: Path) -> None:
        suggestion = near.with_name(near.stem + ".2.json") if near.exists() else near

        def done(text: str | None) -> None:
            if text is not None:
                self.save(Path(text).expanduser())

        self._push(
            PromptScreen(
                "Save the graph as", Text("File name:"), str(suggestion), check=check_target
            ),
            done,
        )

    def _reload(self) -> None:
        try:
            self.session.reload_graph()
        except ArggraphError as exc:
            self.say(f"Not reloaded: {exc}", severity="error", timeout=10)
            return
        self.host.graph_edited(None, "Reloaded the graph file: your unsaved edits were dropped.")


def _new_claim(edit: Edit) -> str | None:
    """The claim an edit adds (to put the cursor on)."""
    added = edit.added("claims")
    return added[0] if added else None
