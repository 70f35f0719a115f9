"""The main screen: the verdict on top, the debate tree, the focused claim, why, lever.

The screen owns the state (a :class:`~tui.state.Session`) and passes it down; widgets
post messages up (the tree's highlight and select, the detail's ``Follow``) and the
screen decides what changes. A score change is applied synchronously, so on a small
graph every figure on screen is current before the next key is read; the slower
answers (why, the lever) run in a worker when the graph is large.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Tree
from textual.worker import WorkerState, get_current_worker

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.live import Failed, SourceWatcher
from arggraph.semantics.registry import gradual
from arggraph.views import SearchIndex, loose_tops, path_from_position

from ..insight import (
    deciders,
    drivers,
    extensions_results,
    extensions_title,
    findings_results,
    lever_state,
)
from ..keys import main_bindings
from ..live import LiveReload, SourceChanged, cursor_trail, other_graph, restore_cursor
from ..render import fit, home_short, safe
from ..state import Session
from ..viewmodels import (
    Item,
    LeverState,
    Location,
    Mode,
    Snapshot,
    SourceState,
    VerdictState,
    WhyState,
)
from ..widgets.detail import ClaimDetail
from ..widgets.keybar import KeyBar
from ..widgets.lever import LeverChart
from ..widgets.source import SourceBar
from ..widgets.status import Breadcrumbs, ModeLine
from ..widgets.tree import DebateTree, Node
from ..widgets.verdict import VerdictBar
from ..widgets.why import WhyPanel
from .dialogs import PromptScreen, parse_score
from .export import ExportFlow
from .panel import ScorerScreen, panel_results
from .pickers import ActorScreen, TimelineScreen
from .results import ResultScreen
from .save import SaveFlow
from .search import SearchScreen

__all__ = ["Location", "MainScreen"]

#: Up to this many claims, why and the lever are computed before the key returns;
#: above it, in a worker thread (the figures in the tree and the verdict stay instant).
SMALL = 1500
#: On a large graph, the slow panels wait for this long a pause in the keys (seconds).
QUIET = 0.15
#: A delay meaning "once the next frame is on screen".
AFTER_FRAME = -1.0


class MainScreen(Screen[None]):
    """Walk the debate, score it, watch the verdict."""

    BINDINGS: ClassVar[list[BindingType]] = list(main_bindings())
    AUTO_FOCUS = "#tree"

    def __init__(
        self,
        session: Session,
        *,
        bundled: bool = False,
        notes: tuple[str, ...] = (),
        watcher: SourceWatcher | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        #: The file the map is read from again when it changes (a live source), if any.
        self.live = LiveReload(self, watcher) if watcher is not None else None
        self._source = (
            SourceState(str(watcher.path), notes=watcher.notes) if watcher is not None else None
        )
        #: Files of a panel's folders that were left out, and why (said on opening).
        self.notes = notes
        self.bundled = bundled
        self.scoring_link = False
        #: Link mode is on because the cursor is on an inference, which has no base
        #: score: it ends as the cursor leaves, without a word.
        self._link_auto = False
        self.history: list[Location] = []
        self._index: SearchIndex | None = None
        self._query = ""
        #: Bumped by every change of scores, semantics or view.
        self._version = 0
        self._deciders_asked = -1
        self._deciders = WhyState(verdict_pending=True)
        self._pending_jobs: dict[str, Timer] = {}
        self._after_frame: dict[str, Callable[[], object]] = {}
        self._snap: Snapshot = session.snapshot()
        self.exporter = ExportFlow(self, self.say)
        self.saver = SaveFlow(self, session.book, self.say, self.refresh_mode, self._reloaded)

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield VerdictBar(id="verdict")
        yield ModeLine(id="mode")
        if self.live is not None:
            yield SourceBar(id="source")
        with Horizontal(id="body"):
            yield DebateTree(id="tree")
            with VerticalScroll(id="side"):
                yield ClaimDetail(id="detail")
        yield Breadcrumbs(id="crumbs")
        yield KeyBar(main_bindings(), id="keys")

    @property
    def debate(self) -> DebateTree:
        return self.query_one(DebateTree)

    @property
    def detail(self) -> ClaimDetail:
        return self.query_one(ClaimDetail)

    def on_mount(self) -> None:
        self.query_one("#side", VerticalScroll).can_focus = False
        self.push_state()
        tree = self.debate
        tree.reopen()
        self.refresh_verdict()
        self.refresh_mode()
        self.show_focus()
        book = self.session.book
        unknown = book.unknown
        lacking = ""
        if unknown:
            shown = ", ".join(unknown[:5]) + (
                f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            )
            lacking = (
                f"{len(unknown)} score(s) in the sheet name claims or relations this graph "
                f"lacks ({shown}): kept in the sheet, not used."
            )
        if book.moved_from is not None:
            self.say(
                f"Your scores were read from {book.moved_from}, beside the graph; they are "
                f"saved from now on to {book.path}, with every other sheet.",
                timeout=12,
            )
        if book.migration:
            self.say(
                f"Your score sheet follows the graph's new version: {book.migration.describe()}"
                ". Save (ctrl+s) to keep it that way.",
                timeout=12,
            )
        if book.graph_changed:
            self.say(
                "The graph changed since your score sheet was saved. " + lacking,
                severity="warning",
                timeout=12,
            )
        elif lacking:
            self.say(lacking, severity="warning")
        self._say_panel()
        if self.live is not None:
            self.query_one(SourceBar).state = self._source
            self.live.start()

    def say(
        self, message: str, *, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        """A notification, shown literally (it may quote file names and ids)."""
        self.notify(safe(message), severity=severity, timeout=timeout, markup=False)

    # ------------------------------------------------------------------ reading state
    def current_node(self) -> Node | None:
        return self.debate.cursor_node

    def current_item(self) -> Item | None:
        node = self.current_node()
        return node.data if node is not None else None

    def location(self) -> Location:
        return self.debate.location(self.current_node())

    # ------------------------------------------------------------------ refreshing
    def push_state(self) -> Snapshot:
        """Freeze the session and hand the snapshot down to the widgets that draw it."""
        snap = self.session.snapshot()
        self._snap = snap
        self.debate.state = snap
        self.detail.state = snap
        return snap

    def refresh_verdict(self) -> None:
        snap = self._snap
        model = snap.graph.model
        self.query_one(VerdictBar).state = VerdictState(
            question=model.question or model.title or model.id,
            standing=snap.standing(),
            texts=tuple((pid, snap.graph.claims[pid].text) for pid in snap.positions),
            semantics=snap.semantics,
            problem=snap.problem,
            warning=snap.warning,
            scope=snap.scope,
        )

    def refresh_mode(self) -> None:
        s = self.session
        item = self.current_item()
        self.query_one(ModeLine).mode = Mode(
            semantics=s.semantics,
            scoring_link=self.scoring_link,
            lens=s.graph.actors[s.actor].name if s.actor is not None else None,
            day=s.day,
            unsaved=s.book.unsaved,
            link_available=item is not None and item.relation is not None,
            sheet=home_short(s.book.path),
            sheet_exists=s.book.path.is_file(),
            panel=len(s.books),
            read_only_scorer=self.scorer_names()[s.driving] if s.read_only else None,
        )

    def refresh_crumbs(self) -> None:
        node = self.current_node()
        trail: list[str] = []
        s = self.session
        while node is not None:
            item = node.data
            if item is None or item.role == "question":
                trail.append(s.graph.model.question or s.graph.model.title or "question")
            elif item.role == "loose-group":
                trail.append("bearing on no position")
            elif item.role == "inference" and item.relation is not None:
                rel = s.graph.relations[item.relation]
                trail.append(f"∴ {self._snap.inference_words(rel)}")
            elif item.claim is not None:
                trail.append(s.graph.claims[item.claim].text)
            node = node.parent
        trail.reverse()
        crumbs = self.query_one(Breadcrumbs)
        crumbs.trail = tuple(trail)
        crumbs.back = len(self.history)

    def show_focus(self) -> None:
        """Show the node under the cursor in the detail, why and lever panels.

        A claim other than the one shown opens at the top of its panel (its text and
        scores first), whatever the previous claim's panel was scrolled to.
        """
        detail = self.detail
        detail.scoring_link = self.scoring_link
        item = self.current_item()
        if item != detail.item:
            self.query_one("#side", VerticalScroll).scroll_home(animate=False, immediate=True)
        detail.show(item)
        self.refresh_crumbs()
        self.refresh_mode()
        self.update_insight()

    def update_insight(self) -> None:
        """Recompute the Why and Lever panels for the focused claim.

        On a small graph the focused claim's part is computed at once; on a large one in
        a worker, after a short pause in the keys. The verdict's flip points do not
        depend on the focus: they are computed in a worker once per change of scores,
        semantics or view.
        """
        item = self.current_item()
        claim = item.claim if item is not None else None
        relation = item.relation if item is not None else None
        snap = self._snap
        subject = "this claim"
        if item is not None and item.role == "inference" and relation is not None:
            claim = snap.conclusion(relation)  # an inference moves the claim it bears on
            subject = "the claim it bears on"
        small = snap.fw.n <= SMALL
        if self._deciders_asked != self._version:
            self._deciders_asked = self._version
            self._deciders = self._deciders.verdict_outdated()
            version = self._version
            # Started after the next frame, so the thread does not delay the figures the
            # user just changed; on a large graph only after a pause in the keys.
            self._later(
                "deciders",
                AFTER_FRAME if small else QUIET,
                lambda: self._deciders_worker(snap, version),
            )
        if small:
            try:
                why = drivers(snap, claim, subject=subject)
                lever = lever_state(snap, claim, relation, self.scoring_link)
            except Exception as exc:  # a fault of ours: a notice, not a crash
                self.post_message(self.WorkFailed("why and lever", exc))
                return
            self._set_insight(why, lever)
            return
        what = "link weight" if self.scoring_link else "base score"
        why = self.query_one(WhyPanel).state
        lever = self.query_one(LeverChart).state
        if why.topic == claim and claim is not None and lever.what == what:
            self._set_insight(why.outdated(), replace(lever, stale=True))
        else:
            self._set_insight(WhyState(pending=True), LeverState(what=what, pending=True))
        link = self.scoring_link
        self._later(
            "focus",
            QUIET / 2,
            lambda: self._insight_worker(snap, claim, relation, link, subject),
        )

    def _later(self, name: str, delay: float, job: Callable[[], object]) -> None:
        """Run ``job`` after ``delay`` seconds unless asked again meanwhile (a burst of
        keys on a large graph starts one computation, not one per key)."""
        old = self._pending_jobs.pop(name, None)
        if old is not None:
            old.stop()
        if delay == AFTER_FRAME:
            self._after_frame[name] = job
            self.call_after_refresh(self._run_after_frame, name)
            return
        if delay <= 0:
            job()
            return

        def run() -> None:
            self._pending_jobs.pop(name, None)
            job()

        self._pending_jobs[name] = self.set_timer(delay, run)

    def _run_after_frame(self, name: str) -> None:
        job = self._after_frame.pop(name, None)
        if job is not None:
            job()

    @property
    def working(self) -> bool:
        """Whether a slow panel is still being computed (or waits to start)."""
        running = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.workers)
        return bool(self._pending_jobs) or bool(self._after_frame) or running

    class WorkFailed(Message):
        """A computation in the background (or inline on a small graph) failed: the
        screen says so and keeps going, instead of the app exiting with a traceback."""

        def __init__(self, what: str, error: BaseException) -> None:
            super().__init__()
            self.what = what
            self.error = error

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        error = message.error
        text = error.message if isinstance(error, ArggraphError) else str(error)
        note = f"could not work out {message.what}: {type(error).__name__}: {text}"
        self.say(note[0].upper() + note[1:], severity="error", timeout=10)
        if message.what == "flip points":
            self._deciders = WhyState(verdict_note=note)
            panel = self.query_one(WhyPanel)
            panel.state = panel.state.with_verdict(self._deciders)
        else:
            what = "link weight" if self.scoring_link else "base score"
            self._set_insight(WhyState(note=note), LeverState(what=what, note=note))

    @work(
        thread=True,
        exclusive=True,
        group="insight",
        description="why and lever",
        exit_on_error=False,
    )
    def _insight_worker(
        self, snap: Snapshot, claim: str | None, relation: str | None, link: bool, subject: str
    ) -> None:
        try:
            why = drivers(snap, claim, with_flips=True, subject=subject)
            lever = lever_state(snap, claim, relation, link)
        except Exception as exc:  # a fault of ours: a notice, not a crash
            self.post_message(self.WorkFailed("why and lever", exc))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._set_insight, why, lever)

    @work(
        thread=True,
        exclusive=True,
        group="deciders",
        description="flip points",
        exit_on_error=False,
    )
    def _deciders_worker(self, snap: Snapshot, version: int) -> None:
        try:
            result = deciders(snap)
        except Exception as exc:  # a fault of ours: a notice, not a crash
            self.post_message(self.WorkFailed("flip points", exc))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._set_deciders, version, result)

    def _set_deciders(self, version: int, result: WhyState) -> None:
        if version != self._version:  # the scores moved on meanwhile
            return
        self._deciders = result
        panel = self.query_one(WhyPanel)
        panel.state = panel.state.with_verdict(result)

    def _set_insight(self, why: WhyState, lever: LeverState) -> None:
        self.query_one(WhyPanel).state = why.with_verdict(self._deciders)
        self.query_one(LeverChart).state = lever

    def after_change(
        self, changed: dict[str, float], claim: str | None, relation: str | None = None
    ) -> None:
        """Redraw what a score change moved (``relation``: a link whose weight changed)."""
        self._version += 1
        self.push_state()
        tree = self.debate
        if relation is not None:
            tree.refresh_relation(relation)
        if len(changed) >= len(self.session.strengths) > 0:
            tree.refresh_labels()
        else:
            ids = set(changed)
            if claim is not None:
                ids.add(claim)
            tree.refresh_labels(ids)
        self.refresh_verdict()
        self.refresh_mode()
        self.detail.refresh_figures()
        self.update_insight()

    def after_view_change(self) -> None:
        """Rebuild the tree for a new view and keep the cursor where it was if it can."""
        self._version += 1
        self.push_state()
        where = self.location()
        tree = self.debate
        tree.reopen()
        tree.go(where)
        self.refresh_verdict()
        self.show_focus()

    # ------------------------------------------------------------------ tree events
    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[Item]) -> None:
        item = event.node.data
        if item is not None and item.role == "inference":
            # An inference has no base score: the keys score its weight while on it.
            if not self.scoring_link:
                self._link_auto = True
            self.scoring_link = True
        elif self.scoring_link and item != self.detail.item:
            # A digit meant for one link must never land on another claim's base: the
            # mode is for the link it was switched on at.
            self.scoring_link = False
            if not self._link_auto:
                self.app.clear_notifications()
                self.say("Link mode ended as you moved: the score keys score claim bases again.")
            self._link_auto = False
        self.show_focus()

    @on(DebateTree.Follow)
    def _follow_in_tree(self, event: DebateTree.Follow) -> None:
        """Enter in the tree: open the claim (or close it when open); the cursor stays,
        as the help says (→ then ↓ goes into it)."""
        node = event.node
        tree = self.debate
        item = node.data
        if item is not None and item.repeat:
            self.say("This claim is already on the path above (a cycle); it is opened higher up.")
            return
        if node.is_expanded and node.children:
            node.collapse()
            return
        tree.open(node)
        if not node.children and item is not None and item.claim is not None:
            self.say("Nothing supports or attacks this claim.")

    @on(ClaimDetail.Follow)
    def _follow(self, message: ClaimDetail.Follow) -> None:
        """Enter in the For/against list: go to that supporter or attacker."""
        tree = self.debate
        node = self.current_node()
        if node is None:
            return
        child = tree.child(node, message.key)
        if child is None:
            return
        self.history.append(tree.location(node))
        tree.place_cursor(child)
        tree.focus()

    # ------------------------------------------------------------------ moving
    def action_scroll_side(self, lines: int) -> None:
        """ctrl+↓/ctrl+↑: scroll the claim's panel (its quotes run long)."""
        side = self.query_one("#side", VerticalScroll)
        side.scroll_relative(y=lines, animate=False)

    def action_back(self) -> None:
        """Backspace: return to where the last jump started."""
        if not self.history:
            self.say("Nothing to go back to.")
            return
        if self.debate.go(self.history.pop()) is None:
            self.say("That place is not in the current view.")
        self.debate.focus()
        self.refresh_crumbs()

    def jump_to_claim(self, claim: str) -> bool:
        """Open the tree down to ``claim`` (shortest path from a position) and go there."""
        s = self.session
        if s.dated_view is not None and claim not in s.dated_view.claims:
            self.say(f"That claim is not in the debate as of {s.day}.", severity="warning")
            return False
        before = self.location()
        if self.place_claim(claim) is None:
            self.say("That claim could not be placed in the tree.", severity="warning")
            return False
        self.history.append(before)
        self.debate.focus()
        self.refresh_crumbs()
        return True

    def place_claim(self, claim: str) -> Node | None:
        """Open the tree down to ``claim`` by the shortest path from a position (or from a
        claim that bears on none) and put the cursor there; ``None`` when it is not in
        the tree (the as-of view hides it)."""
        s = self.session
        if claim not in s.graph.claims:
            return None
        if s.dated_view is not None and claim not in s.dated_view.claims:
            return None
        path = path_from_position(s.graph, claim, s.dated_view)
        node = None
        if path is not None:
            top = path[0].target if path else claim
            node = self.debate.reveal(top, [r.id for r in path], claim=claim)
        else:
            tops = loose_tops(s.graph, s.dated_view)
            path = path_from_position(s.graph, claim, s.dated_view, roots=tops)
            if path is not None:
                top = path[0].target if path else claim
                node = self.debate.reveal(
                    top, [r.id for r in path], loose=bool(s.positions), claim=claim
                )
        return node

    def action_search(self) -> None:
        """``/``: search claim texts, quotes and actors; Enter goes to the claim."""
        if self._index is None:
            self._index = SearchIndex(self.session.graph)

        screen = SearchScreen(self.session.graph, self._index, self._query)

        def done(claim: str | None) -> None:
            self._query = screen.query_text
            if claim:
                self.jump_to_claim(claim)

        self.app.push_screen(screen, done)

    # ------------------------------------------------------------------ scoring
    def _scoring_target(self) -> Item | None:
        """The tree item the score keys act on, or None after saying why there is none."""
        item = self.current_item()
        s = self.session
        if s.read_only:
            self.say(
                f"{self.scorer_names()[s.driving]}'s sheet is read-only: press v and pick "
                "yours to score.",
                severity="warning",
            )
            return None
        if item is not None and item.role == "inference":
            return item  # its weight: link mode is always on there
        if item is None or item.claim is None:
            self.say("Move the cursor to a claim to score it.")
            return None
        if self.scoring_link and item.relation is None:
            self.say(
                "This claim has no link to a claim above it here; press w to "
                "score its base instead.",
                severity="warning",
            )
            return None
        return item

    def _apply_score(self, item: Item, value: float) -> None:
        s = self.session
        if self.scoring_link:
            assert item.relation is not None
            self.after_change(s.set_weight(item.relation, value), item.claim, item.relation)
        else:
            assert item.claim is not None
            self.after_change(s.set_base(item.claim, value), item.claim)

    def _score(self, value: float) -> None:
        item = self._scoring_target()
        if item is not None:
            self._apply_score(item, value)

    def action_set_score(self, value: float) -> None:
        """``0``-``9`` and ``=``: set the score."""
        self._score(value)

    def action_nudge(self, step: float) -> None:
        """``+``/``-``: move the score by 0.05."""
        item = self._scoring_target()
        if item is None:
            return
        s = self.session
        if self.scoring_link:
            assert item.relation is not None
            self._apply_score(item, s.nudged_weight(item.relation, step))
        else:
            assert item.claim is not None
            self._apply_score(item, s.nudged_base(item.claim, step))

    def action_type_score(self) -> None:
        """``s``: type an exact score."""
        item = self._scoring_target()
        if item is None:
            return
        s = self.session
        what = "link weight" if self.scoring_link else "base score"
        if self.scoring_link and item.relation is not None:
            now = s.book.weight(item.relation)
        else:
            assert item.claim is not None
            now = s.book.base(item.claim)
        if item.claim is not None:
            about = s.graph.claims[item.claim].text
        else:  # an inference
            assert item.relation is not None
            about = "∴ " + self._snap.inference_words(s.graph.relations[item.relation])
        message = Text(f"The {what} of\n")
        message.append(fit(about, 70), style="bold")
        message.append(f"\nnow {now:.2f}. Type a number from 0 to 1 (0.35, or 35%).")

        def check(text: str) -> str | None:
            parsed = parse_score(text)
            return parsed if isinstance(parsed, str) else None

        def done(text: str | None) -> None:
            if text is None:
                return
            parsed = parse_score(text)
            if isinstance(parsed, float):
                self._score(parsed)

        self.app.push_screen(PromptScreen(f"Score: {what}", message, f"{now:g}", check=check), done)

    def action_toggle_link(self) -> None:
        """``w``: switch the score keys between the claim's base and its link's weight
        (for this link only: moving the cursor ends it)."""
        item = self.current_item()
        self.app.clear_notifications()
        if item is not None and item.role == "inference":
            self.say(
                "An inference has no base score: on it the score keys score its weight "
                "(how much its premises together bear on the claim)."
            )
            return
        if not self.scoring_link and (item is None or item.relation is None):
            self.say(
                "This claim has no link to a claim above it here: move to one that has, "
                "then press w to score that link's weight.",
                severity="warning",
            )
            return
        self.scoring_link = not self.scoring_link
        self._link_auto = False
        if self.scoring_link:
            self.say("Scoring this link's weight; moving the cursor goes back to bases.")
        self.show_focus()

    def action_reset_score(self) -> None:
        """``r``: drop the user's score: back to the graph's own value."""
        item = self._scoring_target()
        if item is None:
            return
        s = self.session
        if self.scoring_link:
            assert item.relation is not None
            changed = s.reset_weight(item.relation)
            self.after_change(changed, item.claim, item.relation)
            value, what = s.book.weight(item.relation), "link weight"
        else:
            assert item.claim is not None
            self.after_change(s.reset_base(item.claim), item.claim)
            value, what = s.book.base(item.claim), "base score"
        self.say(f"Back to the graph's {what}: {value:.2f}.")

    # ------------------------------------------------------------------ views
    def action_semantics(self) -> None:
        """``m``: the next gradual semantics."""
        s = self.session
        name = s.next_semantics()
        skipped = s.skipped(name)
        s.set_semantics(name)
        self._version += 1
        self.push_state()
        self.debate.refresh_labels()
        self.refresh_verdict()
        self.show_focus()
        entry = gradual(s.semantics)
        message = f"Semantics: {entry.name} ({entry.label}, {entry.citation})"
        for skip, reason in skipped:
            message += f". Skipped {skip}: {reason}"
        self.say(message)

    def action_lens(self) -> None:
        """``a``: pick an actor whose claims alone decide the verdict."""

        def done(actor: str | None) -> None:
            if actor is None:
                return
            self.session.set_view(actor=actor or None, day=self.session.day)
            self.after_view_change()

        self.app.push_screen(ActorScreen(self.session.graph, self.session.actor), done)

    def action_timeline(self) -> None:
        """``t``: pick an as-of date."""

        def done(day: str | None) -> None:
            if day is None:
                return
            self._set_day(day or None)

        s = self.session
        self.app.push_screen(TimelineScreen(s.graph, s.dates, s.day), done)

    def action_step_day(self, step: int) -> None:
        """``[``/``]``: the previous or next date of the timeline."""
        s = self.session
        if not s.dates:
            self.say("This graph carries no dates.")
            return
        self._set_day(s.step_day(step))

    def _set_day(self, day: str | None) -> None:
        s = self.session
        s.set_view(actor=s.actor, day=day)
        self.after_view_change()
        if day is None:
            self.say("Timeline off: the whole debate.")
        else:
            shown = len(s.dated_view.claims) if s.dated_view is not None else 0
            self.say(f"As of {day}: {shown} of {len(s.graph.claims)} claims.")

    def action_extensions(self) -> None:
        """``x``: the grounded labelling and preferred extensions of this view."""
        snap = self._snap
        self.app.push_screen(
            ResultScreen(extensions_title(), lambda: extensions_results(snap)),
            self._jump_if,
        )

    def action_findings(self) -> None:
        """``d``: what the checks find; Enter goes to the claim concerned."""
        graph = self.session.graph
        self.app.push_screen(
            ResultScreen("Check findings", lambda: findings_results(graph)), self._jump_if
        )

    def _jump_if(self, claim: str | None) -> None:
        if claim:
            self.jump_to_claim(claim)

    # ------------------------------------------------------------------ the panel
    def scorer_names(self) -> list[str]:
        """The name of each sheet of the panel (the user's own first), made unique."""
        from arggraph.panel import scorer_names

        books = self.session.books
        return scorer_names([b.to_sheet() for b in books], [b.path for b in books])

    def _say_panel(self) -> None:
        """On opening with a panel: whose sheet is edited, and what a folder left out."""
        s = self.session
        if len(s.books) > 1:
            names = self.scorer_names()
            self.say(
                f"{len(s.books)} score sheets: yours ({names[0]}) is the one you score and "
                f"ctrl+s saves; {', '.join(names[1:])} read-only. v picks whose scores "
                "drive the screen, p shows where they disagree.",
                timeout=12,
            )
        for note in self.notes:
            self.say(f"Left out {note}", severity="warning", timeout=12)

    def action_scorer(self) -> None:
        """``v``: pick whose sheet drives the strengths, the verdict and the tree."""
        s = self.session
        if len(s.books) == 1:
            self.say(
                "Only your sheet is open: give --scores more than once (or a folder of "
                "sheets) to compare scorers."
            )
            return

        def done(index: int | None) -> None:
            if index is None or index == s.driving:
                return
            s.drive(index)
            self.scoring_link = False
            self._reloaded()
            name = self.scorer_names()[index]
            self.say(
                f"Your scores drive the screen again ({name})."
                if index == 0
                else f"{name}'s scores drive the screen; read-only (ctrl+s still saves yours)."
            )

        self.app.push_screen(
            ScorerScreen(self.scorer_names(), [b.path for b in s.books], s.driving), done
        )

    def action_panel(self) -> None:
        """``p``: where the panel's sheets disagree and which disagreements are decisive."""
        s = self.session
        sheets = [b.to_sheet() for b in s.books]
        paths = [b.path for b in s.books]
        graph, semantics, driving = s.graph, s.semantics, s.driving
        self.app.push_screen(
            ResultScreen(
                f"Panel: {len(sheets)} sheet{'s' if len(sheets) != 1 else ''}",
                lambda: panel_results(graph, sheets, paths, semantics, driving=driving),
            ),
            self._jump_if,
        )

    # ------------------------------------------------------------------ files
    def export_stem(self) -> Path:
        """Where an export goes by default: beside the graph when that folder is the
        user's, else (the bundled graph, a graph in someone else's folder) the user's
        data folder's ``exports``, so nothing lands in a project's working tree unasked."""
        from arggraph.sheets import data_folder, is_users_folder

        s = self.session
        path = s.graph.path
        parts = [path.stem if path is not None else s.graph.id]
        if s.actor is not None:
            parts.append(s.actor)
        if s.day is not None:
            parts.append(s.day)
        name = "-".join(parts)
        if path is not None and not self.bundled and is_users_folder(path.resolve().parent):
            return path.resolve().parent / name
        return data_folder(self.session.book.env).parent / "exports" / name

    def action_export(self) -> None:
        """``e``: export the current view as DOT or SVG."""
        item = self.current_item()
        claim = item.claim if item is not None else None
        if item is not None and item.role == "inference" and item.relation is not None:
            claim = self._snap.conclusion(item.relation)
        self.exporter.start(self._snap, claim, self.export_stem())

    def _reloaded(self) -> None:
        """The sheet was read again: every strength may have changed."""
        self.session.rebuild()
        self._version += 1
        self.push_state()
        self.debate.refresh_labels()
        self.refresh_verdict()
        self.show_focus()

    def action_save(self) -> None:
        """``ctrl+s``: save the score sheet (and say where)."""
        self.save_scores(None)

    def save_scores(
        self, then: Callable[[bool], None] | None, path: Path | None = None, force: bool = False
    ) -> None:
        """Save the score sheet, asking on a sheet changed on disk (:class:`SaveFlow`)."""
        self.saver.save(then, path, force)

    # ------------------------------------------------------------------ a live source
    @on(SourceChanged)
    def _source_changed(self, message: SourceChanged) -> None:
        """The live source was read again: show its new graph, or keep the last good one
        and say why the file cannot be shown (the source bar)."""
        outcome = message.outcome
        assert self._source is not None
        refused = (
            None if isinstance(outcome, Failed) else other_graph(self.session.graph, outcome.graph)
        )
        if isinstance(outcome, Failed):
            self._source = replace(self._source, problem=outcome.message, line=outcome.line)
        elif refused is not None:
            self._source = replace(self._source, problem=refused, line=None)
        else:
            self._source = replace(
                self._source,
                reloads=self._source.reloads + 1,
                problem=None,
                line=None,
                notes=outcome.notes,
            )
            if outcome.graph is not self.session.graph:
                self.replace_graph(outcome.graph)
        self.query_one(SourceBar).state = self._source

    def replace_graph(self, graph: Graph) -> None:
        """Go on with ``graph``, a new version of the map: the user's scores carried over
        (:meth:`~tui.state.Session.replace_graph`), the cursor kept on the same claim or
        else the nearest one above it that is still there."""
        book = self.session.own
        unknown = set(book.unknown)
        trail = cursor_trail(self.debate, self.current_node())
        self.session.replace_graph(graph)
        self._index = None
        self.history.clear()
        self.scoring_link = False
        self._version += 1
        self.push_state()
        self.debate.reopen()
        restore_cursor(self.debate, trail, lambda claim: self.place_claim(claim) is not None)
        self.refresh_verdict()
        self.show_focus()
        lost = sorted(set(book.unknown) - unknown)
        if lost:
            shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
            self.say(
                f"{len(lost)} of your scores name what the file no longer has ({shown}): "
                "kept in your sheet, and used again if it comes back.",
                severity="warning",
            )
