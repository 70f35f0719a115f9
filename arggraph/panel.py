"""Panels of scorers: several score sheets for one graph, side by side.

A *panel* is a group of people (analysts in a team, a class, a newsroom) who each
scored the same graph in a sheet of their own (``arggraph-scores/1``). :class:`Panel`
puts their sheets side by side as arrays: for every claim (its base score) and every
relation (its weight, inferences included), each scorer's value, where a value a scorer
left out counts as the graph's own and is marked as such (:attr:`Panel.scored`).

:func:`compare` says where they disagree and which disagreements decide the verdict:
each scorer's verdict under a gradual semantics, the panel's *consensus* (the median of
their values, or the mean), and for every item its *spread* (highest value minus lowest)
and its *lever over the panel's range*: the consensus leader's margin as that one value
runs over [lowest, highest] with every other value held at the consensus. An item is
*decisive* when the verdict changes anywhere on that range (a tie counts as a change);
its *swing* is how far the margin moves over it, and the items come ordered by swing.
:func:`robustness` asks whether the leader is the same under every gradual semantics of
the registry and for every scorer, and names what turns it.

A sheet must name the graph (its ``"graph"`` id): one for another graph is refused by
name (:func:`check_sheet`), never mixed in. A sheet saved against another version of
the graph (its ``graph_sha256`` differs from the graph file's) is kept and flagged
(:attr:`Member.graph_changed`), and the ids it scores that the graph no longer has are
listed (:attr:`Member.unknown`) and not applied.

>>> from arggraph.io import loads
>>> from arggraph.model import ClaimScore, ScoreSheet
>>> g = loads('{"id": "g", "claims": [{"id": "go", "text": "Go", "kind": "position"},'
...           ' {"id": "stay", "text": "Stay", "kind": "position"},'
...           ' {"id": "gain", "text": "Gain", "base": 0.6}, {"id": "cost", "text": "Cost"}],'
...           ' "relations": [{"type": "support", "source": "gain", "target": "go"},'
...           ' {"type": "attack", "source": "cost", "target": "go"}]}')
>>> sheets = [ScoreSheet(graph="g", scorer=name, scores={"cost": ClaimScore(base=b)})
...           for name, b in (("ana", 0.1), ("ben", 0.9), ("cy", 0.3))]
>>> panel = Panel.of(g, sheets)
>>> panel.values[panel.index["cost"]].tolist(), float(panel.spread[panel.index["cost"]])
([0.1, 0.9, 0.3], 0.8)
>>> result = compare(panel)
>>> [(v.leader, round(v.margin, 2)) for v in result.verdicts]
[('go', 0.25), ('stay', 0.15), ('go', 0.15)]
>>> top = result.items[0]
>>> top.id, top.decisive, round(top.flips_at or 0, 6), round(top.swing, 2)
('cost', True, 0.6, 0.4)
>>> print(robustness(panel).line().replace(", but", ",\\nbut").replace("; ", ";\\n"))
not robust: go leads under the median (dfquad),
but stay leads for ben under dfquad, qe and euler;
hcat left out (weighted h-categorizer takes attacks only, and this graph has supports)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from .errors import (
    ArggraphError,
    ConvergenceError,
    InputError,
    SemanticsError,
    UnknownIdError,
    UsageError,
)
from .framework import BoolArray, FloatArray, Framework
from .graph import Graph
from .io import load_scores
from .model import ClaimScore, ScoreSheet, WeightScore
from .renames import Migration, follow
from .semantics.incremental import GradualEngine
from .semantics.registry import GRADUAL, gradual
from .semantics.verdict import TIE, Verdict, judge, leaders, nearest_flip
from .sheets import DECIMALS, check_sheet

__all__ = [
    "CONSENSUS_PREFIX",
    "Cell",
    "Comparison",
    "ConsensusMethod",
    "Lever",
    "Member",
    "Panel",
    "Robustness",
    "SAMPLES",
    "SheetSearch",
    "check_ids",
    "check_sheet",
    "compare",
    "is_consensus",
    "load_panel",
    "robustness",
    "scorer_names",
    "sheets_in",
]

#: How the panel's values are combined into one: the median (the default, which one
#: outlying scorer cannot drag) or the mean.
ConsensusMethod = Literal["median", "mean"]

#: The ``scorer`` of a consensus sheet starts with this, then says how it was made:
#: ``consensus: median of ana, ben, cy``.
CONSENSUS_PREFIX = "consensus: "

#: The grid of the lever over a panel's range: this many evenly spaced values (plus every
#: scorer's own value and the consensus). A flip window narrower than the grid's step can
#: be missed; ``samples`` raises it.
SAMPLES = 33
#: A flip is narrowed down to this width: finer than any score a sheet keeps
#: (:data:`arggraph.sheets.DECIMALS` decimal places).
_RESOLUTION = 1e-7


# ---------------------------------------------------------------------- sheets
def is_consensus(sheet: ScoreSheet) -> bool:
    """Whether ``sheet`` is a panel's consensus (written by :meth:`Panel.consensus_sheet`),
    not one scorer's own.

    >>> is_consensus(ScoreSheet(graph="g", scorer="consensus: median of a, b"))
    True
    >>> is_consensus(ScoreSheet(graph="g", scorer="ana"))
    False
    """
    return sheet.scorer.startswith(CONSENSUS_PREFIX)


def check_ids(graph: Graph, sheet: ScoreSheet, path: str | Path | None = None) -> None:
    """Refuse a sheet that scores a claim or weighs a relation ``graph`` does not have
    (where a panel lists such ids as :attr:`Member.unknown`, a command that applies one
    sheet, or a report, refuses it).

    Raises :class:`~arggraph.errors.UnknownIdError` for the first such id, naming the
    sheet's file, the place (``scores['x']``, ``weights['y']``) and the nearest ids.

    >>> from arggraph.io import loads
    >>> g = loads('{"id": "g", "claims": [{"id": "cost", "text": "It costs"}]}')
    >>> try:
    ...     check_ids(g, ScoreSheet(graph="g", scores={"cots": ClaimScore(base=0.2)}), "s.json")
    ... except UnknownIdError as exc:
    ...     print(exc)
    s.json: scores['cots']: no claim with id 'cots'; did you mean 'cost'?
    >>> g = loads('{"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],'
    ...     ' "relations": [{"id": "r", "type": "attack", "source": "a", "target": "b"}]}')
    >>> try:
    ...     check_ids(g, ScoreSheet(graph="graph", scores={"r": ClaimScore(base=0.2)}))
    ... except UnknownIdError as exc:
    ...     print(exc)
    scores['r']: no claim with id 'r'; it is a relation: weigh it under "weights"
    """
    for section, kind, known, other, instead in (
        (
            "scores",
            "claim",
            graph.claims,
            graph.relations,
            'it is a relation: weigh it under "weights"',
        ),
        (
            "weights",
            "relation",
            graph.relations,
            graph.claims,
            'it is a claim: score its base under "scores"',
        ),
    ):
        for ident in getattr(sheet, section):
            if ident not in known:
                hint = instead if ident in other else None
                err = UnknownIdError(kind, ident, path=path, known=list(known), instead=hint)
                err.place = f"{section}[{ident!r}]"
                err.json_path = (section, ident)
                raise err


@dataclass(frozen=True)
class SheetSearch:
    """What :func:`sheets_in` found in a folder: the sheets for the graph (path and
    sheet, by file name) and the files left out, each with the reason."""

    found: list[tuple[Path, ScoreSheet]]
    skipped: list[tuple[Path, str]]


def sheets_in(folder: str | Path, graph: Graph) -> SheetSearch:
    """The score sheets for ``graph`` in ``folder`` (its ``*.json`` files, not its
    subfolders; hidden files left out), by file name.

    A file that is not a readable ``arggraph-scores/1`` sheet, a sheet for another graph
    and a consensus sheet (a panel's summary, not a scorer) are left out, each in
    :attr:`SheetSearch.skipped` with the reason, so a folder may hold other files.

    Raises :class:`~arggraph.errors.InputError` when ``folder`` is not a readable folder.
    """
    root = Path(folder)
    try:
        files = sorted(
            p for p in root.iterdir() if p.suffix == ".json" and not p.name.startswith(".")
        )
    except OSError as exc:
        raise InputError(f"cannot read the folder: {exc.strerror or exc}", path=root) from None
    found: list[tuple[Path, ScoreSheet]] = []
    skipped: list[tuple[Path, str]] = []
    for path in files:
        if not path.is_file():
            continue
        try:
            sheet = load_scores(path)
        except ArggraphError as exc:
            skipped.append((path, f"not a score sheet ({exc.message})"))
            continue
        if sheet.graph != graph.id:
            skipped.append((path, f"a sheet for graph {sheet.graph!r}, not {graph.id!r}"))
        elif is_consensus(sheet):
            skipped.append((path, f"a consensus ({sheet.scorer}), not a scorer"))
        else:
            found.append((path, sheet))
    return SheetSearch(found, skipped)


# ---------------------------------------------------------------------- the panel
@dataclass(frozen=True)
class Member:
    """One scorer of a panel: their name (unique in the panel), their sheet and its file.

    ``unknown`` lists the ids the sheet scores that the graph does not have (not
    applied); ``graph_changed`` says the sheet was saved against another version of the
    graph (its ``graph_sha256`` is not the graph file's); ``migration`` what the id map
    shipped beside the graph carried over (renamed or removed ids, :mod:`.renames`).
    """

    name: str
    sheet: ScoreSheet
    path: Path | None = None
    unknown: tuple[str, ...] = ()
    graph_changed: bool = False
    migration: Migration = field(default_factory=Migration)


def scorer_names(sheets: Sequence[ScoreSheet], paths: Sequence[Path | None]) -> list[str]:
    """Each sheet's scorer, else its file's name, made unique: the members' names.

    >>> scorer_names([ScoreSheet(graph="g", scorer="ana")] * 2 + [ScoreSheet(graph="g")],
    ...              [None, None, Path("b.json")])
    ['ana', 'ana #2', 'b']
    """
    out: list[str] = []
    seen: set[str] = set()
    for i, (sheet, path) in enumerate(zip(sheets, paths, strict=True)):
        base = sheet.scorer.strip() or (path.stem if path is not None else f"scorer {i + 1}")
        name, k = base, 2
        while name in seen:
            name, k = f"{base} #{k}", k + 1
        seen.add(name)
        out.append(name)
    return out


@dataclass(frozen=True, eq=False)
class Panel:
    """Several scorers' values for one graph, as arrays (build with :meth:`of`).

    ``items`` are the claim ids (in the framework's order) and then the relation ids the
    framework holds (plain attacks, plain supports, inferences); the first ``n_claims``
    are claims, whose value is a base score, the rest relations, whose value is a weight.
    ``own`` (shape ``(m,)``) holds the graph's own values; ``values`` (shape ``(m, s)``,
    one column per member) each scorer's, the graph's own where they left it out;
    ``scored`` (``(m, s)``, bool) says where a scorer gave a value. All in [0, 1].
    ``index`` gives a claim's row by its id, ``relation_index`` a relation's (an
    ``arggraph/1`` file may give a claim and a relation one id).
    """

    graph: Graph
    members: tuple[Member, ...]
    items: tuple[str, ...]
    n_claims: int
    own: FloatArray
    values: FloatArray
    scored: BoolArray
    index: dict[str, int] = field(repr=False)
    relation_index: dict[str, int] = field(repr=False)

    @classmethod
    def of(
        cls,
        graph: Graph,
        sheets: Sequence[ScoreSheet],
        paths: Sequence[str | Path | None] | None = None,
    ) -> Panel:
        """The panel of ``sheets`` (one per scorer, in order) for ``graph``.

        ``paths`` names each sheet's file (for messages; default: none). A sheet saved
        against an earlier version is first carried over to the graph's ids by the id map
        shipped beside the graph, when there is one (:func:`arggraph.renames.follow`).
        Raises :class:`~arggraph.errors.InputError` for a sheet for another graph
        (:func:`check_sheet`) or an id map that cannot be used, and
        :class:`~arggraph.errors.UsageError` for no sheets.
        """
        if not sheets:
            raise UsageError("a panel needs at least one score sheet")
        where = [Path(p) if p is not None else None for p in (paths or [None] * len(sheets))]
        if len(where) != len(sheets):
            raise UsageError("give one path per sheet (or none)")
        for sheet, path in zip(sheets, where, strict=True):
            check_sheet(graph, sheet, path)
        followed = [follow(sheet, graph) for sheet in sheets]
        fw = graph.framework
        relations = [*fw.att_ids, *fw.sup_ids, *fw.inf_rel]
        items = (*fw.ids, *relations)
        index = dict(fw.index)
        rel_index = {rid: fw.n + k for k, rid in enumerate(relations)}
        own = np.concatenate([fw.base, fw.att_w, fw.sup_w, fw.inf_w]).astype(np.float64)
        s = len(sheets)
        values = np.repeat(own[:, None], s, axis=1)
        scored = np.zeros((len(items), s), dtype=bool)
        members = []
        stamp = graph.stamp.sha256 if graph.stamp is not None else None
        for j, ((sheet, moved), path, name) in enumerate(
            zip(followed, where, scorer_names(sheets, where), strict=True)
        ):
            unknown: list[str] = []
            entries: Iterable[tuple[str, float, dict[str, int]]] = [
                *((cid, sc.base, index) for cid, sc in sheet.scores.items()),
                *((rid, ws.weight, rel_index) for rid, ws in sheet.weights.items()),
            ]
            for ident, value, rows in entries:
                i = rows.get(ident)
                if i is None:
                    unknown.append(ident)
                    continue
                values[i, j] = value
                scored[i, j] = True
            changed = bool(
                sheet.graph_sha256 is not None and stamp is not None and sheet.graph_sha256 != stamp
            )
            members.append(Member(name, sheet, path, tuple(sorted(unknown)), changed, moved))
        return cls(graph, tuple(members), items, fw.n, own, values, scored, index, rel_index)

    # ------------------------------------------------------------------ reading
    @property
    def names(self) -> tuple[str, ...]:
        """The members' names, in order."""
        return tuple(m.name for m in self.members)

    def kind(self, i: int) -> Literal["claim", "relation"]:
        """Whether item ``i`` is a claim (its value a base score) or a relation (a weight)."""
        return "claim" if i < self.n_claims else "relation"

    @property
    def low(self) -> FloatArray:
        """Each item's lowest value on the panel, shape ``(m,)``."""
        return np.asarray(self.values.min(axis=1), dtype=np.float64)

    @property
    def high(self) -> FloatArray:
        """Each item's highest value on the panel, shape ``(m,)``."""
        return np.asarray(self.values.max(axis=1), dtype=np.float64)

    @property
    def spread(self) -> FloatArray:
        """Each item's spread, highest value minus lowest, shape ``(m,)`` (0 where the
        panel agrees), rounded as sheets keep scores."""
        return np.round(self.high - self.low, DECIMALS)

    def consensus(self, method: ConsensusMethod = "median") -> FloatArray:
        """Each item's consensus value, shape ``(m,)``: the median (of an even panel, the
        mean of the two middle values) or the mean of the members' values, rounded as
        sheets keep scores. Raises :class:`~arggraph.errors.UsageError` for another
        method."""
        if method == "median":
            middle = np.median(self.values, axis=1)
        elif method == "mean":
            middle = self.values.mean(axis=1)
        else:
            raise UsageError(
                f"no consensus method {method!r} (the methods are "
                f"{', '.join(get_args(ConsensusMethod))})"
            )
        return np.asarray(np.round(middle, DECIMALS), dtype=np.float64)

    def framework_at(self, values: FloatArray) -> Framework:
        """The graph's framework with every item at ``values`` (shape ``(m,)``)."""
        fw = self.graph.framework
        n, na, ns = fw.n, len(fw.att_w), len(fw.sup_w)
        v = np.asarray(values, dtype=np.float64)
        return replace(
            fw,
            base=v[:n].copy(),
            att_w=v[n : n + na].copy(),
            sup_w=v[n + na : n + na + ns].copy(),
            inf_w=v[n + na + ns :].copy(),
            _index=fw.index,
        )

    def member_framework(self, j: int) -> Framework:
        """Member ``j``'s framework: the graph with their sheet applied."""
        return self.framework_at(self.values[:, j])

    def consensus_sheet(self, method: ConsensusMethod = "median") -> ScoreSheet:
        """The panel's consensus as a score sheet, named as one.

        Its ``scorer`` says what it is (``consensus: median of ana, ben, cy``); it
        scores every item at least one member scored, each with a note giving every
        member's value (``median of ana 0.8, ben 0.3, cy 0.5 (graph's own)``); it records
        the graph's SHA-256 as a sheet saved against it does.
        """
        middle = self.consensus(method)
        scores: dict[str, ClaimScore] = {}
        weights: dict[str, WeightScore] = {}
        for i in np.flatnonzero(self.scored.any(axis=1)).tolist():
            parts = []
            for j, name in enumerate(self.names):
                own = "" if self.scored[i, j] else " (graph's own)"
                parts.append(f"{name} {_num(self.values[i, j])}{own}")
            note = f"{method} of " + ", ".join(parts)
            value = float(middle[i])
            if i < self.n_claims:
                scores[self.items[i]] = ClaimScore(base=value, note=note)
            else:
                weights[self.items[i]] = WeightScore(weight=value, note=note)
        stamp = self.graph.stamp
        return ScoreSheet(
            graph=self.graph.id,
            scorer=f"{CONSENSUS_PREFIX}{method} of {', '.join(self.names)}",
            graph_sha256=stamp.sha256 if stamp is not None else None,
            scores=scores,
            weights=weights,
        )


def _num(value: float) -> str:
    """A score as sheets' notes write it: at most six decimals, no trailing zeros.

    >>> _num(0.5), _num(1.0), _num(0.3333333)
    ('0.5', '1', '0.333333')
    """
    return f"{round(value, DECIMALS):.6f}".rstrip("0").rstrip(".") or "0"


def load_panel(graph: Graph, sources: Sequence[str | Path]) -> tuple[Panel, list[tuple[Path, str]]]:
    """The panel of the sheets at ``sources`` for ``graph``: each a sheet file, or a
    folder whose sheets for the graph join (:func:`sheets_in`).

    Returns the panel and the files left out of folders, each with the reason. Raises
    :class:`~arggraph.errors.InputError` for a named file that cannot be read as a sheet
    or that names another graph (by its path), and
    :class:`~arggraph.errors.UsageError` when no sheet is found at all.
    """
    sheets: list[ScoreSheet] = []
    paths: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            search = sheets_in(path, graph)
            skipped.extend(search.skipped)
            pairs = search.found
        else:
            sheet = load_scores(path)
            check_sheet(graph, sheet, path)
            pairs = [(path, sheet)]
        for p, sheet in pairs:
            key = p.resolve()
            if key in seen:  # named twice, or named and in a folder: one member
                continue
            seen.add(key)
            sheets.append(sheet)
            paths.append(p)
    if not sheets:
        raise UsageError(
            f"no score sheet for graph {graph.id!r} in " + ", ".join(str(s) for s in sources)
        )
    return Panel.of(graph, sheets, paths), skipped


# ---------------------------------------------------------------------- comparing
@dataclass(frozen=True)
class Lever:
    """One item across the panel, and what its disagreement does to the verdict.

    ``values`` and ``scored`` are per member (a value not scored is the graph's own,
    ``own``); ``low``, ``high``, ``spread`` and ``consensus`` as :class:`Panel` gives
    them. ``curve`` is the lever over the panel's range: ``(value, margin)`` points, the
    consensus leader's strength minus the strongest other position's as this item runs
    from ``low`` to ``high`` with every other item at the consensus (negative where
    another position leads). ``swing`` is the curve's highest margin minus its lowest;
    ``decisive`` says whether the leader changes (or ties) anywhere on the range, and
    ``flips_at`` is then the value nearest the consensus at which it does (narrowed to
    1e-7).
    """

    id: str
    kind: Literal["claim", "relation"]
    own: float
    values: tuple[float, ...]
    scored: tuple[bool, ...]
    low: float
    high: float
    spread: float
    consensus: float
    swing: float = 0.0
    decisive: bool = False
    flips_at: float | None = None
    curve: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """What :func:`compare` found: each member's verdict, the consensus's, and every
    item's :class:`Lever`, the largest swing first (then the largest spread, then the
    framework's order)."""

    panel: Panel
    semantics: str
    method: ConsensusMethod
    positions: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    consensus: Verdict
    items: tuple[Lever, ...]

    @property
    def decisive(self) -> list[Lever]:
        """The items whose disagreement can change the verdict, largest swing first."""
        return [lv for lv in self.items if lv.decisive]

    @property
    def disputed(self) -> list[Lever]:
        """The items the panel does not agree on (spread above 0), largest swing first."""
        return [lv for lv in self.items if lv.spread > 0]


def _positions(panel: Panel, positions: Sequence[str] | None) -> list[str]:
    if positions is None:
        return [c.id for c in panel.graph.positions]
    chosen = list(dict.fromkeys(positions))
    for p in chosen:
        panel.graph.claim(p)  # UnknownIdError, with the nearest ids
    return chosen


class _Probe:
    """The positions' strengths as one item of the consensus framework takes many
    values (rows), on the incremental engine: a claim's base through
    :meth:`~arggraph.semantics.incremental.GradualEngine.probe` (every value at once),
    a relation's weight edit by edit (each recomputing only what it reaches)."""

    def __init__(self, engine: GradualEngine, watch: list[str], columns: list[int]) -> None:
        self.engine = engine
        self.watch = watch
        self.columns = columns

    def __call__(self, item: str, is_claim: bool, values: FloatArray, rest: float) -> FloatArray:
        if is_claim:
            return self.engine.probe(item, values, self.watch)
        out = np.empty((len(values), len(self.watch)))
        try:
            for r, v in enumerate(values.tolist()):
                self.engine.set_weight(item, v)
                out[r] = self.engine.values[self.columns]
        finally:
            self.engine.set_weight(item, rest)
        return out


def _margins(table: FloatArray, lead: int) -> FloatArray:
    """The margin of position ``lead`` over the strongest other, per row."""
    others = np.delete(table, lead, axis=1)
    rival = others.max(axis=1) if others.shape[1] else np.zeros(len(table))
    return np.asarray(table[:, lead] - rival, dtype=np.float64)


def compare(
    panel: Panel,
    semantics: str = "dfquad",
    *,
    method: ConsensusMethod = "median",
    positions: Sequence[str] | None = None,
    samples: int = SAMPLES,
    on_item: Callable[[], None] | None = None,
) -> Comparison:
    """Where a panel disagrees, and which disagreements decide the verdict.

    Computes each member's verdict and the consensus's under ``semantics`` (a name in
    :data:`~arggraph.semantics.registry.GRADUAL`) between ``positions`` (default: the
    graph's claims of kind ``position``), then each disputed item's :class:`Lever`: the
    consensus leader's margin (strength units) on ``samples`` evenly spaced values over
    the panel's range plus every member's value, with every other item at the
    consensus; the first value on each side of the consensus at which the leader
    changes is narrowed to 1e-7 and the nearer one kept. A flip window narrower than
    the grid's step can be missed (raise ``samples``). ``on_item`` is called once per
    disputed item done (for a progress bar). A graph without positions gets values and
    spreads only (no verdicts, swings or flips).

    Returns a :class:`Comparison`. Raises :class:`~arggraph.errors.SemanticsError` for
    an unknown semantics or one the graph cannot take (a support under h-categorizer),
    :class:`~arggraph.errors.ConvergenceError` for a cycle that does not settle,
    :class:`~arggraph.errors.UnknownIdError` for an unknown position, and
    :class:`~arggraph.errors.UsageError` for an unknown ``method``.

    The lever and flip point are those of :func:`~arggraph.semantics.verdict.margin_curve`
    and :func:`~arggraph.semantics.verdict.flip_points`, restricted to the panel's range.
    """
    gradual(semantics)
    middle = panel.consensus(method)
    names = _positions(panel, positions)
    low, high, spread = panel.low, panel.high, panel.spread
    m, s = panel.values.shape
    verdicts: list[Verdict] = []
    consensus = Verdict({}, None, None, 0.0)
    probe: _Probe | None = None
    lead = current = 0
    if names:
        from .semantics.gradual import strengths

        fw0 = panel.framework_at(middle)
        columns = [fw0.index_of(p) for p in names]
        for j in range(s):
            values = strengths(panel.member_framework(j), semantics)
            verdicts.append(judge(names, values[columns]))
        engine = GradualEngine(fw0, semantics)
        now = np.asarray(engine.values[columns], dtype=np.float64)
        consensus = judge(names, now)
        lead = int(np.flatnonzero(now >= now.max() - TIE)[0])
        current = int(leaders(now[None, :])[0])
        probe = _Probe(engine, names, columns)
    grid = np.linspace(0.0, 1.0, max(samples, 2))
    levers: list[Lever] = []
    for i, item in enumerate(panel.items):
        lever = Lever(
            id=item,
            kind=panel.kind(i),
            own=float(panel.own[i]),
            values=tuple(panel.values[i].tolist()),
            scored=tuple(panel.scored[i].tolist()),
            low=float(low[i]),
            high=float(high[i]),
            spread=float(spread[i]),
            consensus=float(middle[i]),
        )
        if probe is not None and spread[i] > 0:
            lever = _lever(lever, probe, i < panel.n_claims, grid, lead, current)
            if on_item is not None:
                on_item()
        levers.append(lever)
    order = sorted(range(m), key=lambda i: (-levers[i].swing, -levers[i].spread, i))
    return Comparison(
        panel,
        semantics,
        method,
        tuple(names),
        tuple(verdicts),
        consensus,
        tuple(levers[i] for i in order),
    )


def _lever(
    lever: Lever, probe: _Probe, is_claim: bool, grid: FloatArray, lead: int, current: int
) -> Lever:
    """``lever`` with its curve, swing and flip point over [low, high]."""
    lo, hi, mid = lever.low, lever.high, lever.consensus
    points = np.union1d(lo + (hi - lo) * grid, [*lever.values, mid])
    points = points[(points >= lo) & (points <= hi)]
    table = probe(lever.id, is_claim, points, mid)
    margins = _margins(table, lead)
    flipped = np.asarray(leaders(table) != current)

    def changed(values: FloatArray) -> BoolArray:
        return np.asarray(leaders(probe(lever.id, is_claim, values, mid)) != current)

    flips_at = nearest_flip(points, flipped, mid, changed, _RESOLUTION)
    curve = tuple(zip(points.tolist(), margins.tolist(), strict=True))
    swing = float(margins.max() - margins.min())
    return replace(
        lever, swing=swing, decisive=flips_at is not None, flips_at=flips_at, curve=curve
    )


# ---------------------------------------------------------------------- robustness
@dataclass(frozen=True)
class Cell:
    """One member's (or the consensus's) verdict under one semantics: the leader
    (``None`` on a tie) and the margin, or the ``problem`` that kept it from being
    computed (a cycle that did not settle, a support h-categorizer cannot take)."""

    leader: str | None
    margin: float
    problem: str | None = None


@dataclass(frozen=True)
class Robustness:
    """Whether a panel's leader holds under every gradual semantics and for every scorer.

    ``reference`` is the consensus's leader under ``semantics`` (``None`` on a tie);
    ``columns`` the members' names and then the consensus's (``median`` or ``mean``);
    ``cells`` maps each semantics the graph can take to one :class:`Cell` per column;
    ``left_out`` each semantics it cannot take to the reason.
    """

    semantics: str
    reference: str | None
    columns: tuple[str, ...]
    cells: Mapping[str, tuple[Cell, ...]]
    left_out: Mapping[str, str]
    method: ConsensusMethod = "median"

    @property
    def turns(self) -> list[tuple[str, str, str | None]]:
        """Every ``(semantics, column, leader)`` whose leader is not the reference
        (``None``: a tie there), in the registry's order, then the columns'."""
        return [
            (name, col, cell.leader)
            for name, row in self.cells.items()
            for col, cell in zip(self.columns, row, strict=True)
            if cell.problem is None and cell.leader != self.reference
        ]

    @property
    def problems(self) -> list[tuple[str, str, str]]:
        """Every ``(semantics, column, problem)`` that could not be computed."""
        return [
            (name, col, cell.problem)
            for name, row in self.cells.items()
            for col, cell in zip(self.columns, row, strict=True)
            if cell.problem is not None
        ]

    @property
    def robust(self) -> bool:
        """Whether one position leads in every cell computed (and there is one)."""
        return self.reference is not None and not self.turns

    def line(self) -> str:
        """The answer in one line: ``robust: ...`` or ``not robust: ...``, naming the
        semantics and scorers that turn the leader and the semantics left out.

        >>> r = Robustness("dfquad", "go", ("ana", "median"),
        ...     {"dfquad": (Cell("go", 0.1), Cell("go", 0.1)),
        ...      "qe": (Cell("stay", 0.2), Cell("go", 0.1))}, {"hcat": "takes attacks only"})
        >>> print(r.line().replace("; ", ";\\n"))
        not robust: go leads under the median (dfquad), but stay leads for ana under qe;
        hcat left out (takes attacks only)
        """
        sems = list(self.cells)
        who = self._who
        if self.robust:
            scorers = self.columns[:-1]
            head = (
                f"robust: {self.reference} leads for every scorer ({', '.join(scorers)}) "
                f"and the {self.method} under {_and(sems)}"
            )
        else:
            if self.reference is None:
                head = f"not robust: the {self.method} is a tie under {self.semantics}"
            else:
                head = (
                    f"not robust: {self.reference} leads under the {self.method} ({self.semantics})"
                )
            groups: dict[tuple[str, str | None], list[str]] = {}
            for name, col, leader in self.turns:
                groups.setdefault((col, leader), []).append(name)
            pieces = []
            for (col, leader), names in groups.items():
                what = f"{leader} leads" if leader is not None else "a tie"
                pieces.append(f"{what} for {who(col)} under {_and(names)}")
            if pieces:
                head += ", but " + "; ".join(pieces)
        tail = [f"{name} left out ({why})" for name, why in self.left_out.items()]
        tail += [
            f"{name} could not score {who(col)} ({problem})" for name, col, problem in self.problems
        ]
        return "; ".join([head, *tail])

    def _who(self, column: str) -> str:
        return f"the {self.method}" if column == self.columns[-1] else column


def _and(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _unfit_reason(name: str, exc: SemanticsError) -> str:
    """Why a semantics cannot take the graph, in a few words (the registry says which
    semantics take attacks only; anything else, the error's own message)."""
    entry = gradual(name)
    if not entry.supports:
        return f"{entry.label} takes attacks only, and this graph has supports"
    return exc.message


def robustness(
    panel: Panel,
    semantics: str = "dfquad",
    *,
    method: ConsensusMethod = "median",
    positions: Sequence[str] | None = None,
) -> Robustness:
    """Does the leader stay the same under every gradual semantics and for every scorer?

    Computes the verdict of each member and of the consensus (``method``) under every
    semantics of :data:`~arggraph.semantics.registry.GRADUAL`; the reference is the
    consensus's leader under ``semantics``. A semantics that cannot take the consensus's
    framework (h-categorizer on a graph with supports) is left out with the reason; a
    member it cannot take, or a cycle that does not settle, is a cell's ``problem``.

    Raises :class:`~arggraph.errors.UsageError` when the graph has no positions, and as
    :func:`compare` does for an unknown semantics, position or method; a reference
    semantics the graph cannot take raises its :class:`~arggraph.errors.SemanticsError`.
    """
    from .semantics.gradual import strengths

    gradual(semantics)
    names = _positions(panel, positions)
    if not names:
        raise UsageError(
            "there are no positions to compare: the graph has no claims of kind 'position'"
        )
    middle = panel.consensus(method)
    frameworks = [panel.member_framework(j) for j in range(len(panel.members))]
    frameworks.append(panel.framework_at(middle))
    columns = [frameworks[-1].index_of(p) for p in names]
    cells: dict[str, tuple[Cell, ...]] = {}
    left_out: dict[str, str] = {}
    for name in GRADUAL:
        row: list[Cell] = []
        try:
            strengths(frameworks[-1], name)
        except ConvergenceError:
            pass  # the consensus's own cell says so below
        except SemanticsError as exc:
            if name == semantics:
                raise
            left_out[name] = _unfit_reason(name, exc)
            continue
        for fw in frameworks:
            try:
                v = judge(names, strengths(fw, name)[columns])
            except SemanticsError as exc:
                row.append(Cell(None, math.nan, exc.message))
            else:
                row.append(Cell(v.leader, v.margin))
        cells[name] = tuple(row)
    reference = cells[semantics][-1].leader
    return Robustness(
        semantics,
        reference,
        (*panel.names, method),
        cells,
        left_out,
        method,
    )
