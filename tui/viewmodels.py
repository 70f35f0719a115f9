"""The UI's view models: frozen state that flows down from the screen to its widgets.

The screen owns the mutable :class:`~tui.state.Session`; what a widget draws or a
worker computes from is one of these immutable values, built from the session after
each change (attributes down), while widgets tell the screen what happened by messages
(messages up). They import no widget and no screen, so ``tui.insight`` (which computes
them) and ``tui.screens`` (which shows them) never import each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from rich.text import Text

from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.model import Relation
from arggraph.views import View

__all__ = [
    "TIE",
    "Driver",
    "Item",
    "Key",
    "Location",
    "LeverState",
    "Mode",
    "Results",
    "Role",
    "Row",
    "Snapshot",
    "SourceState",
    "Standing",
    "VerdictState",
    "WhyState",
    "rank",
]


#: Two strengths closer than this are a tie.
TIE = 1e-9


@dataclass(frozen=True)
class Standing:
    """The positions ranked by computed strength: who leads, by how much.

    >>> s = Standing((("a", 0.7), ("b", 0.4)))
    >>> s.leader, s.runner_up, round(s.margin or 0, 2)
    ('a', 'b', 0.3)
    >>> Standing((("a", 0.5), ("b", 0.5))).leader is None
    True
    """

    ranking: tuple[tuple[str, float], ...]

    @property
    def leader(self) -> str | None:
        """The strongest position, or ``None`` when the top two are tied (or none)."""
        if not self.ranking:
            return None
        if len(self.ranking) > 1 and self.ranking[0][1] - self.ranking[1][1] <= TIE:
            return None
        return self.ranking[0][0]

    @property
    def runner_up(self) -> str | None:
        """The second strongest position, if there is one."""
        return self.ranking[1][0] if len(self.ranking) > 1 else None

    @property
    def margin(self) -> float | None:
        """How far the strongest position is ahead of the second (``None`` with one)."""
        if len(self.ranking) < 2:
            return None
        return self.ranking[0][1] - self.ranking[1][1]


def rank(positions: Iterable[str], strengths: Mapping[str, float]) -> Standing:
    """The positions that have a strength, strongest first (file order breaks ties)."""
    ranked = [(p, strengths[p]) for p in positions if p in strengths]
    ranked.sort(key=lambda x: -x[1])
    return Standing(tuple(ranked))


@dataclass(frozen=True, repr=False)
class Snapshot:
    """The session frozen at one moment: what widgets draw and workers compute from.

    The session moves on (the user keeps scoring); a snapshot does not, so a widget
    never reads half an update and a worker never races the UI thread. ``strengths``
    holds the computed strength of every claim in view; ``bases`` and ``weights`` the
    user's own scores (the graph's apply elsewhere); ``view`` what is in view (an actor
    lens dims the rest) and ``dated_view`` what the as-of date keeps (``None``: no
    date); ``children`` the relations into each claim.
    """

    graph: Graph
    fw: Framework
    semantics: str
    positions: tuple[str, ...]
    strengths: Mapping[str, float]
    bases: Mapping[str, float]
    problem: str | None
    view: View
    weights: Mapping[str, float] = field(default_factory=dict)
    dated_view: View | None = None
    actor: str | None = None
    day: str | None = None
    children: Mapping[str, Sequence[Relation]] = field(default_factory=dict)
    warning: str | None = None
    #: Each inference's value (the strength with which it bears on its target), by
    #: relation id, for the inferences in view.
    inferences: Mapping[str, float] = field(default_factory=dict)
    #: The relations aimed at each relation (backings, then undercuts), whatever the view.
    link_children: Mapping[str, Sequence[Relation]] = field(default_factory=dict)

    def __repr__(self) -> str:  # the default would print every strength
        return f"<Snapshot {self.graph.id!r} {self.semantics} {self.fw.n} claims>"

    def base(self, claim: str) -> float:
        """The base score in force for ``claim`` when the snapshot was taken."""
        return self.bases.get(claim, self.graph.claims[claim].base)

    def weight(self, relation: str) -> float:
        """The weight in force for ``relation`` when the snapshot was taken."""
        return self.weights.get(relation, self.graph.relations[relation].weight)

    def strength(self, claim: str) -> float | None:
        """The computed strength of ``claim`` (``None`` outside the view or on a problem)."""
        return self.strengths.get(claim)

    def dated(self, claim: str) -> bool:
        """Whether the as-of date keeps ``claim`` (every claim without a date)."""
        return self.dated_view is None or claim in self.dated_view.claims

    def dated_relation(self, relation: str) -> bool:
        """Whether the as-of date keeps ``relation``."""
        return self.dated_view is None or relation in self.dated_view.relations

    # ------------------------------------------------------------------ the tree
    def aimed_at(self, relation: str) -> list[Relation]:
        """The relations the as-of date keeps that are aimed at ``relation``: its
        backings, then its undercuts."""
        return [r for r in self.link_children.get(relation, ()) if self.dated_relation(r.id)]

    def is_inference(self, rel: Relation) -> bool:
        """Whether the tree shows ``rel`` as an inference node of its own (``∴``): when it
        has linked premises, or something in view backs or undercuts it. Otherwise its
        premise stands for it, as a claim under the claim it bears on."""
        return len(rel.premises) > 1 or bool(self.aimed_at(rel.id))

    def inference(self, relation: str) -> float | None:
        """The value of an inference in view: the strength with which it bears on its
        target (``None`` outside the view or on a problem)."""
        return self.inferences.get(relation)

    def conclusion(self, relation: str) -> str | None:
        """The claim ``relation`` bears on in the end: its target, or the target of the
        relation it is aimed at, and so on (``None`` for a chain that reaches no claim)."""
        seen: set[str] = set()
        rel = self.graph.relations.get(relation)
        while rel is not None and rel.id not in seen:
            if rel.target in self.graph.claims:
                return rel.target
            seen.add(rel.id)
            rel = self.graph.relations.get(rel.target)
        return None

    def relation_item(self, rel: Relation, above: frozenset[str]) -> Item:
        """The tree item of ``rel`` under the claim or inference it bears on: an
        inference node, or its premise as an argument."""
        if self.is_inference(rel):
            return Item("inference", None, rel.id, above, repeat=rel.id in above)
        first = rel.premises[0]
        return Item("argument", first, rel.id, above, repeat=first in above)

    def child_items(self, item: Item) -> list[Item]:
        """What the tree shows under ``item``, in order (the one place that says so; the
        tree and the detail pane's list both read it).

        Under a claim: the relations that bear on it (:meth:`relation_item`). Under an
        inference: its premises (``&``), then what backs it, then what undercuts it.
        Nothing under a repeat (``↻``), and only what the as-of date keeps.
        """
        if item.repeat:
            return []
        if item.role == "inference":
            assert item.relation is not None
            rel = self.graph.relations[item.relation]
            above = item.above | {rel.id}
            out = [Item("premise", p, rel.id, above, repeat=p in above) for p in rel.premises]
            out.extend(self.relation_item(r, above) for r in self.aimed_at(rel.id))
            return out
        if item.claim is None:
            return []
        above = item.above | {item.claim}
        return [
            self.relation_item(rel, above)
            for rel in self.children.get(item.claim, ())
            if self.dated_relation(rel.id)
        ]

    def inference_words(self, rel: Relation) -> str:
        """An inference in words: how many premises, what backs and undercuts it, and
        its scheme if it names one (``2 premises together · 1 undercut``)."""
        n = len(rel.premises)
        parts = [f"{n} premises together" if n > 1 else "1 premise"]
        aimed = self.aimed_at(rel.id)
        backs = sum(1 for r in aimed if r.type == "support")
        cuts = len(aimed) - backs
        if backs:
            parts.append(f"{backs} backing{'s' if backs > 1 else ''}")
        if cuts:
            parts.append(f"{cuts} undercut{'s' if cuts > 1 else ''}")
        words = " · ".join(parts)
        return f"{words} ({rel.scheme})" if rel.scheme else words

    def inference_line(self, rel: Relation) -> str:
        """An inference on one line of the tree: its premises' texts joined by ``&``
        (after how many, when linked), then what backs and undercuts it, so that a line
        cut to fit keeps what the argument says (``2 together: Cracks were found &
        Cracked piers cannot carry lorries · 1 undercut``)."""
        claims = self.graph.claims
        texts = " & ".join(claims[p].text if p in claims else p for p in rel.premises)
        n = len(rel.premises)
        line = f"{n} together: {texts}" if n > 1 else texts
        aimed = self.aimed_at(rel.id)
        backs = sum(1 for r in aimed if r.type == "support")
        cuts = len(aimed) - backs
        if backs:
            line += f" · {backs} backing{'s' if backs > 1 else ''}"
        if cuts:
            line += f" · {cuts} undercut{'s' if cuts > 1 else ''}"
        return line

    @property
    def restricted(self) -> bool:
        """Whether the figures come from part of the debate (a lens, a date)."""
        return self.actor is not None or self.day is not None

    @property
    def scope(self) -> str:
        """What the figures are computed from, in words ("" for the whole debate)."""
        parts = []
        if self.actor is not None:
            parts.append(f"{self.graph.actors[self.actor].name}'s claims alone")
        if self.day is not None:
            parts.append(f"as of {self.day}")
        return ", ".join(parts)

    def standing(self) -> Standing:
        """The positions in the view, strongest first."""
        return rank(self.positions, self.strengths)


@dataclass(frozen=True)
class Driver:
    """A claim that matters. ``effect`` is how much the topic owes it: the topic's
    strength (or the verdict's margin) with the claim minus without it; ``base`` the
    claim's base score now; ``flip`` the base score at which the verdict would change
    (``None``: no score of it does), known when ``flip_known``."""

    claim: str
    text: str
    effect: float
    base: float
    flip: float | None = None
    flip_known: bool = False
    #: The claim backs or undercuts an inference in view (so it moves what it drives
    #: through the weight of that link, not through a claim).
    on_inference: bool = False


@dataclass(frozen=True)
class WhyState:
    """What the panel shows. The first part (``topic`` … ``stale``) is about the focused
    claim, the second (``deciders`` … ``verdict_stale``) about the verdict; each has its
    ``pending`` flag while a worker computes it for the first time and its ``stale``
    flag while it is being recomputed. ``flips`` holds every flip point the verdict part
    found, so the focused claim's drivers can show theirs."""

    topic: str | None = None
    strength: float | None = None
    drivers: tuple[Driver, ...] = ()
    #: What the focused part explains, for the heading: "this claim", or "the claim it
    #: bears on" on an inference.
    subject: str = "this claim"
    note: str | None = None
    pending: bool = False
    stale: bool = False
    deciders: tuple[Driver, ...] = ()
    nearest: Driver | None = None
    flips: Mapping[str, float | None] = field(default_factory=dict)
    leader: str | None = None
    margin: float | None = None
    verdict_note: str | None = None
    verdict_pending: bool = False
    verdict_stale: bool = False
    #: How many claims bear on the two leading positions at all (when none has a share
    #: of the margin, they move both alike).
    bearing: int = 0

    def with_verdict(self, other: WhyState) -> WhyState:
        """This state's focused-claim part with ``other``'s verdict part."""
        return replace(
            self,
            deciders=other.deciders,
            nearest=other.nearest,
            flips=other.flips,
            leader=other.leader,
            margin=other.margin,
            verdict_note=other.verdict_note,
            verdict_pending=other.verdict_pending,
            verdict_stale=other.verdict_stale,
            bearing=other.bearing,
        )

    def outdated(self) -> WhyState:
        """The same figures, marked as being recomputed (shown dimmed meanwhile, so the
        panel keeps its shape instead of blinking to "working it out…")."""
        return replace(self, stale=True)

    def verdict_outdated(self) -> WhyState:
        """The same flip points, marked as being recomputed."""
        if self.verdict_pending:
            return self
        return replace(self, verdict_stale=True)


@dataclass(frozen=True)
class LeverState:
    """``curve`` holds (score, margin) pairs over [0, 1]; ``current`` the score now;
    ``what`` is what is being varied ("base score" or "link weight"); ``leader`` the
    position whose lead the margin measures."""

    curve: tuple[tuple[float, float], ...] = ()
    current: float | None = None
    what: str = "base score"
    leader: str = ""
    pending: bool = False
    note: str | None = None
    stale: bool = False
    #: The positions are tied now: ``leader`` is only the first of them.
    tied: bool = False


@dataclass(frozen=True)
class Row:
    """One line of the list; ``claim`` is where Enter goes (``None``: nowhere)."""

    prompt: Text
    claim: str | None = None


@dataclass(frozen=True)
class Results:
    """What a computation found: a summary above the list, and the rows."""

    summary: Text
    rows: Sequence[Row]


@dataclass(frozen=True)
class VerdictState:
    """What the bar shows. ``texts`` maps position ids to their texts; ``problem`` is
    why there are no strengths (a semantics that does not fit the graph), ``warning``
    a caveat on them (not converged), ``scope`` what the verdict is computed from."""

    question: str
    standing: Standing
    texts: tuple[tuple[str, str], ...]
    semantics: str
    problem: str | None = None
    warning: str | None = None
    scope: str = ""


@dataclass(frozen=True)
class Mode:
    """The state the keys act on: semantics, what a score key scores, the view, and
    how many score changes are unsaved."""

    semantics: str
    scoring_link: bool
    lens: str | None = None
    day: str | None = None
    unsaved: int = 0
    link_available: bool = True
    #: The score sheet in use (``~`` for the home folder) and whether it exists on disk.
    sheet: str = ""
    sheet_exists: bool = True
    #: With a panel of sheets: how many, and whose drives the screen when it is not the
    #: user's own (read-only; ``unsaved`` still counts the user's own changes).
    panel: int = 1
    read_only_scorer: str | None = None


Role = Literal["question", "position", "argument", "inference", "premise", "loose-group", "loose"]

#: How a node is found among its siblings: (its relation, its claim).
Key = tuple[str | None, str | None]
#: Where a tree node is: (top-level claim, the keys of the nodes down from it, under the
#: loose group?). ``(None, (), False)`` is the question.
Location = tuple[str | None, tuple[Key, ...], bool]


@dataclass(frozen=True)
class Item:
    """What a tree node stands for.

    ``claim`` is None for the question, for the group of claims that bear on no
    position and for an inference; ``relation`` is the relation by which the node bears
    on its parent (an ``argument``: its claim is that relation's premise; an
    ``inference``: the relation itself, shown as a node because its premises are linked
    or something backs or undercuts it; a ``premise``: one of that inference's
    premises); ``above`` the claims (and inferences) on the path above it; ``repeat``
    marks one already on that path.
    """

    role: Role
    claim: str | None = None
    relation: str | None = None
    above: frozenset[str] = field(default_factory=frozenset)
    repeat: bool = False

    @property
    def key(self) -> Key:
        """How the node is told from its siblings: (relation, claim).

        >>> Item("premise", "a", "r").key, Item("inference", None, "r").key
        (('r', 'a'), ('r', None))
        """
        return self.relation, self.claim


@dataclass(frozen=True)
class SourceState:
    """What the bar of a live source (a file the TUI reloads when it changes) shows.

    ``file`` is the file as given, ``reloads`` how many new versions were read since the
    TUI opened it, ``notes`` what the import of the version shown left out or changed,
    and ``problem`` (with ``line``, when known) why the file as it is now cannot be
    shown: ``None`` while it parses.

    >>> SourceState("map.argdown", problem="incomplete structure", line=3).failing
    True
    """

    file: str
    reloads: int = 0
    problem: str | None = None
    line: int | None = None
    notes: tuple[str, ...] = ()

    @property
    def failing(self) -> bool:
        """Whether the map on screen is the last good one, not what the file holds."""
        return self.problem is not None
