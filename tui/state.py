"""What the main screen shows, kept apart from how it is shown.

A :class:`Session` holds the loaded graph, the user's :class:`~arggraph.sheets.ScoreBook`,
the semantics, the view (an actor lens, an as-of date, both or neither) and the strengths
computed from all of them. The screen changes the session and redraws from it; the
session never touches a widget, so its logic is tested without a terminal.

Strengths come from the incremental engine: a score change recomputes only what depends
on the claim or relation that changed, which keeps a 10k-claim graph interactive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from arggraph.errors import ConvergenceError, SemanticsError
from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.model import Relation
from arggraph.semantics.registry import GRADUAL, gradual
from arggraph.sheets import ScoreBook, nudge
from arggraph.views import (
    View,
    actor_lens,
    as_of,
    children,
    everything,
    graph_dates,
    link_children,
    restrict,
)

from .viewmodels import Snapshot, Standing, rank

if TYPE_CHECKING:
    from arggraph.semantics.incremental import GradualEngine

__all__ = ["Session"]


class Session:
    """The graph, the user's scores and view, and the strengths they give.

    With a panel of sheets (``others``: other scorers' books, read-only), :attr:`book`
    is the one whose scores drive the screen (:meth:`drive`) and :attr:`own` the user's
    own, the only one edited and saved.
    """

    def __init__(
        self,
        graph: Graph,
        book: ScoreBook,
        semantics: str = "dfquad",
        *,
        others: Sequence[ScoreBook] = (),
    ) -> None:
        gradual(semantics)  # SemanticsError, with the nearest name, for an unknown one
        self.graph = graph
        self.book = book
        #: The user's own book: the only one scored and saved.
        self.own = book
        #: Every sheet of the panel, the user's own first.
        self.books: tuple[ScoreBook, ...] = (book, *others)
        self.semantics = semantics
        self.actor: str | None = None
        self.day: str | None = None
        self.view: View = everything(graph)
        #: The as-of view alone (None: no date chosen); the tree hides what it lacks,
        #: while an actor lens only dims what is not theirs.
        self.dated_view: View | None = None
        self.restricted = False
        self.children: dict[str, list[Relation]] = children(graph)
        self.link_children: dict[str, list[Relation]] = link_children(graph)
        self.dates: list[str] = graph_dates(graph)
        self.positions: list[str] = [c.id for c in graph.positions]
        self.fw: Framework = graph.framework
        self.strengths: dict[str, float] = {}
        #: Each inference's value (what it bears on its target with), by relation id.
        self.inferences: dict[str, float] = {}
        self.problem: str | None = None
        self.warning: str | None = None
        self._engine: GradualEngine | None = None
        self.rebuild()

    # ------------------------------------------------------------------ the panel
    @property
    def read_only(self) -> bool:
        """Whether another scorer's sheet drives the screen (scoring keys do nothing)."""
        return self.book is not self.own

    @property
    def driving(self) -> int:
        """The index in :attr:`books` of the sheet that drives the screen."""
        return next(i for i, b in enumerate(self.books) if b is self.book)

    def drive(self, index: int) -> None:
        """Let the sheet ``books[index]`` drive the strengths, the verdict and the tree."""
        self.book = self.books[index]
        self.rebuild()

    def replace_graph(self, graph: Graph) -> None:
        """Go on with ``graph``, a new version of the same graph (its live source read
        again): every sheet of the panel carries its scores over
        (:meth:`~arggraph.sheets.ScoreBook.rebind`: scores of ids that vanished are
        kept, not applied), the lens stays when the new graph still has its actor, the
        date stays, and every strength is computed again."""
        self.graph = graph
        for book in self.books:
            book.rebind(graph)
        self.children = children(graph)
        self.link_children = link_children(graph)
        self.dates = graph_dates(graph)
        self.positions = [c.id for c in graph.positions]
        actor = self.actor if self.actor in graph.actors else None
        self.set_view(actor=actor, day=self.day)

    # ------------------------------------------------------------------ computing
    def scored_framework(self) -> Framework:
        """The whole graph's framework with the user's scores applied."""
        fw = self.graph.framework
        if self.book.bases:
            fw = fw.with_base(self.book.bases)
        # a weight of a relation the framework does not hold (one whose ends are missing)
        # stays in the sheet, unapplied
        held = {r: w for r, w in self.book.weights.items() if r in fw.relation_index}
        if held:
            fw = fw.with_weights(held)
        return fw

    def rebuild(self) -> None:
        """Recompute every strength from scratch (after a change of view or semantics)."""
        from arggraph.semantics.incremental import GradualEngine

        fw = self.scored_framework()
        if self.restricted:
            fw = restrict(fw, self.view)
        self.fw = fw
        self.problem = None
        self.warning = None
        self._engine = None
        self.inferences = {}
        try:
            self._engine = GradualEngine(fw, self.semantics)
            self.strengths = self._all_values()
            self.inferences = self._engine.inferences()
        except ConvergenceError as exc:
            self._not_converged(exc)
        except SemanticsError as exc:
            self.problem = exc.message
            self.strengths = {}

    def _all_values(self) -> dict[str, float]:
        assert self._engine is not None
        return self._engine.strengths()

    def _not_converged(self, exc: ConvergenceError) -> None:
        self.strengths = {k: float(v) for k, v in exc.last.items()}
        moving = len(exc.moving)
        self.warning = (
            f"{self.semantics} did not settle: {moving} claim"
            f"{'s' if moving != 1 else ''} still moving; figures are the last "
            "iteration's"
        )

    def strength(self, claim: str) -> float | None:
        """The computed strength of ``claim`` (``None`` outside the view or on a problem)."""
        return self.strengths.get(claim)

    def standing(self) -> Standing:
        """The positions in the view, strongest first."""
        return rank(self.positions, self.strengths)

    def snapshot(self) -> Snapshot:
        """The session frozen now: what widgets draw and workers compute from (copies of
        what scoring changes; the graph, its views and its relation index are shared,
        being immutable)."""
        return Snapshot(
            graph=self.graph,
            fw=self.fw,
            semantics=self.semantics,
            positions=tuple(self.positions),
            strengths=dict(self.strengths),
            bases=dict(self.book.bases),
            problem=self.problem,
            view=self.view,
            weights=dict(self.book.weights),
            dated_view=self.dated_view,
            actor=self.actor,
            day=self.day,
            children=self.children,
            warning=self.warning,
            inferences=dict(self.inferences),
            link_children=self.link_children,
        )

    def in_view(self, claim: str) -> bool:
        """Whether the current view keeps ``claim``."""
        return claim in self.view.claims

    # ------------------------------------------------------------------ scoring
    def set_base(self, claim: str, value: float) -> dict[str, float]:
        """Score a claim's base; returns the strengths that changed (claim id -> value).

        InvalidValueError (a ValueError) for a value outside [0, 1], as the book raises it.
        """
        return self._base_now(claim, self.book.set_base(claim, value))

    def reset_base(self, claim: str) -> dict[str, float]:
        """Back to the graph's own base for ``claim``; returns the strengths that changed."""
        return self._base_now(claim, self.book.reset_base(claim))

    def set_weight(self, relation: str, value: float) -> dict[str, float]:
        """Score a relation's weight; returns the strengths that changed."""
        return self._weight_now(relation, self.book.set_weight(relation, value))

    def reset_weight(self, relation: str) -> dict[str, float]:
        """Back to the graph's own weight for ``relation``; returns what changed."""
        return self._weight_now(relation, self.book.reset_weight(relation))

    def _base_now(self, claim: str, kept: float) -> dict[str, float]:
        if claim not in self.fw.index:
            return {}
        self.fw = self.fw.with_base({claim: kept})
        return self._engine_edit(lambda engine: engine.set_base(claim, kept))

    def _weight_now(self, relation: str, kept: float) -> dict[str, float]:
        if relation not in self.fw.relation_index:
            return {}
        self.fw = self.fw.with_weights({relation: kept})
        return self._engine_edit(lambda engine: engine.set_weight(relation, kept))

    def _engine_edit(self, edit: Callable[[GradualEngine], dict[str, float]]) -> dict[str, float]:
        """Apply an edit through the incremental engine (rebuilding when it cannot)."""
        if self._engine is None:
            self.rebuild()
            return dict(self.strengths)
        try:
            changed = edit(self._engine)
        except ConvergenceError as exc:
            self._not_converged(exc)
            self.inferences = {}
            return dict(self.strengths)
        except SemanticsError:  # a support given weight under h-categorizer
            self.rebuild()
            return dict(self.strengths)
        if self.fw.k:
            self.inferences = self._engine.inferences()
        return self._apply(changed)

    def _apply(self, changed: dict[str, float]) -> dict[str, float]:
        out = {k: float(v) for k, v in changed.items()}
        self.strengths.update(out)
        if self.warning is not None:  # a change may let a cyclic graph settle again
            self.warning = None
        return out

    def nudged_base(self, claim: str, step: float) -> float:
        """The claim's base score moved by ``step`` (kept in [0, 1])."""
        return nudge(self.book.base(claim), step)

    def nudged_weight(self, relation: str, step: float) -> float:
        """The relation's weight moved by ``step`` (kept in [0, 1])."""
        return nudge(self.book.weight(relation), step)

    # ------------------------------------------------------------------ views
    def set_semantics(self, name: str) -> None:
        """Switch the semantics and recompute."""
        gradual(name)  # SemanticsError, with the nearest name, for an unknown one
        self.semantics = name
        self.rebuild()

    def next_semantics(self) -> str:
        """The semantics after the current one, in the order of the registry's table,
        skipping those this graph cannot take (:meth:`skipped` says why)."""
        names = list(GRADUAL)
        start = names.index(self.semantics) if self.semantics in names else -1
        for step in range(1, len(names) + 1):
            name = names[(start + step) % len(names)]
            if name == self.semantics or self.unfit(name) is None:
                return name
        return self.semantics

    def skipped(self, to: str) -> list[tuple[str, str]]:
        """The semantics :meth:`next_semantics` passed over on its way to ``to``, each
        with the reason this graph does not fit it."""
        names = list(GRADUAL)
        start = names.index(self.semantics) if self.semantics in names else -1
        out = []
        for step in range(1, len(names)):
            name = names[(start + step) % len(names)]
            if name == to:
                break
            reason = self.unfit(name)
            if reason is not None:
                out.append((name, reason))
        return out

    def unfit(self, name: str) -> str | None:
        """Why the scored framework in view cannot be computed under ``name``, or None."""
        from arggraph.semantics.gradual import strengths

        try:
            strengths(self.fw, name, max_rounds=1)
        except ConvergenceError:
            return None  # it fits; it may only take long to settle
        except SemanticsError as exc:
            return exc.message
        return None

    def set_view(self, *, actor: str | None, day: str | None) -> None:
        """Look through an actor's lens, at the debate as of a date, both, or neither."""
        view = everything(self.graph)
        restricted = False
        if actor is not None:
            view = actor_lens(self.graph, actor)
            restricted = True
        dated = None
        if day is not None:
            dated = as_of(self.graph, day)
            view = (view & dated) if restricted else dated
            restricted = True
        self.actor, self.day, self.view, self.restricted = actor, day, view, restricted
        self.dated_view = dated
        self.rebuild()

    def step_day(self, step: int) -> str | None:
        """The date ``step`` places after (or before) the current one among the graph's
        dates; from no date, stepping back starts at the last and forward at the first.
        ``None`` past either end (the whole debate)."""
        if not self.dates:
            return None
        if self.day is None:
            return self.dates[-1] if step < 0 else self.dates[0]
        try:
            i = self.dates.index(self.day)
        except ValueError:
            i = -1 if step > 0 else len(self.dates)
        j = i + step
        return self.dates[j] if 0 <= j < len(self.dates) else None
