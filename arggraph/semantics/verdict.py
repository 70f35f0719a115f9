"""The verdict between the positions, and what it would take to change it.

:func:`verdict` says which position leads and by how much (the *margin*: the leader's
strength minus the runner-up's; a lone position leads by its own strength). Two
positions within 1e-9 of each other are a tie: no leader.

:func:`flip_points` finds, for each claim, the base score nearest its current one at
which the leader would change (or ``None`` when no base in [0, 1] changes it), and
:func:`margin_curve` traces the margin of the current leader as one claim's base runs
over [0, 1] (the "lever" chart: where the curve drops below 0, the verdict flips).

Both run on :meth:`~.incremental.GradualEngine.probe`, which recomputes only the claims
between the moved claim and the positions, for many base values at once. A flip point
is found by scanning a grid of ``samples`` bases, then narrowing the first bracket on
each side of the current base (ok, flipped) sixteen-fold per probe until it is under
1e-10 wide, and returning its flipped end; the nearer side wins. The strength of a
position need not be monotone in a claim's base (a claim may support one side through
one path and undercut it through another), so a flip window narrower than the grid step
can be missed; raise ``samples`` to look closer.

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["go", "stay", "e"], [0.5, 0.5, 0.6],
...                           supports=[("e", "go")])
>>> v = verdict(fw, positions=["go", "stay"])
>>> v.leader, v.runner_up, round(v.margin, 2)
('go', 'stay', 0.3)
>>> round(flip_points(fw, positions=["go", "stay"])["e"], 6)
0.0
>>> [(b, round(m, 2)) for b, m in margin_curve(fw, "e", positions=["go", "stay"], samples=3)]
[(0.0, 0.0), (0.5, 0.25), (1.0, 0.5)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import UsageError
from ..framework import BoolArray, FloatArray, Framework, IntArray
from ..steps import Steps
from ._engine import framework_of
from .incremental import GradualEngine

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "TIE",
    "Verdict",
    "flip_points",
    "judge",
    "leaders",
    "margin_curve",
    "nearest_flip",
    "verdict",
]


#: Positions whose strengths differ by no more than this are tied.
TIE = 1e-9
_RESOLUTION = 1e-10
_SPLIT = 15


@dataclass(frozen=True)
class Verdict:
    """Which position leads and by how much.

    ``strengths`` holds the positions' strengths; ``leader`` and ``runner_up`` are
    ``None`` on a tie (and ``runner_up`` when there is one position); ``margin`` is the
    leader's strength minus the runner-up's (minus 0 when alone).
    """

    strengths: dict[str, float]
    leader: str | None
    runner_up: str | None
    margin: float


def _positions(
    graph: Graph | Framework, fw: Framework, positions: Sequence[str] | None
) -> list[str]:
    if positions is not None:
        chosen = list(dict.fromkeys(positions))
        for p in chosen:
            if isinstance(graph, Framework):
                fw.index_of(p)
            else:
                graph.claim(p)
    elif isinstance(graph, Framework):
        raise UsageError("a bare framework has no claim kinds: pass positions=[...]")
    else:
        chosen = [c.id for c in graph.positions]
    if not chosen:
        raise UsageError(
            "there are no positions to compare: the graph has no claims of kind 'position'"
        )
    return chosen


def leaders(table: FloatArray) -> IntArray:
    """The leading position of each row of ``table`` (shape ``(rows, positions)``: a
    row a scenario, a column a position's strength), as a column index, or -1 where the
    top two are within :data:`TIE`; shape ``(rows,)``. One position always leads.

    >>> leaders(np.array([[0.7, 0.2], [0.5, 0.5], [0.1, 0.3]])).tolist()
    [0, -1, 1]
    """
    if table.shape[1] == 1:
        return np.zeros(table.shape[0], dtype=np.int64)
    rows = np.arange(len(table))
    top = np.argmax(table, axis=1)
    rest = table.copy()
    rest[rows, top] = -np.inf
    gap = table[rows, top] - rest.max(axis=1)
    return np.where(gap > TIE, top, -1).astype(np.int64)


def judge(names: Sequence[str], values: FloatArray) -> Verdict:
    """The :class:`Verdict` between positions ``names`` at strengths ``values`` (shape
    ``(len(names),)``, in [0, 1]): leader and runner-up ``None`` when the top two are
    within :data:`TIE`; one position leads by its strength.

    >>> v = judge(["go", "stay"], np.array([0.3, 0.75]))
    >>> v.leader, v.runner_up, round(v.margin, 2)
    ('stay', 'go', 0.45)
    """
    strengths = dict(zip(names, values.tolist(), strict=True))
    order = np.argsort(-values, kind="stable")
    best = float(values[order[0]])
    second = float(values[order[1]]) if len(order) > 1 else 0.0
    margin = best - second
    if len(order) > 1 and margin <= TIE:
        return Verdict(strengths, None, None, margin)
    runner = names[int(order[1])] if len(order) > 1 else None
    return Verdict(strengths, names[int(order[0])], runner, margin)


def verdict(
    graph: Graph | Framework,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    positions: list[str] | None = None,
) -> Verdict:
    """Which position leads and by how much, under a gradual semantics.

    ``graph`` is a loaded graph or a framework; ``scores`` a score sheet applied first;
    ``positions`` the claims compared (default: the graph's claims of kind ``position``;
    a bare :class:`~arggraph.framework.Framework` needs them passed). Returns a
    :class:`Verdict`: the positions' strengths in [0, 1], the leader and runner-up (both
    ``None`` when the top two are within ``TIE``, 1e-9) and the margin (strength units).

    Raises :class:`~arggraph.errors.UsageError` when there are no positions,
    :class:`~arggraph.errors.UnknownIdError` for a position not in the graph, and
    :class:`~arggraph.errors.SemanticsError` as :func:`~.gradual.strengths` does.

    >>> fw = Framework.from_edges(["go", "stay", "cost"], [0.5, 0.5, 0.8],
    ...                           attacks=[("cost", "go")])
    >>> v = verdict(fw, positions=["go", "stay"])
    >>> v.leader, round(v.margin, 2)
    ('stay', 0.4)
    """
    from .gradual import strengths

    fw = framework_of(graph, scores)
    names = _positions(graph, fw, positions)
    values = strengths(fw, semantics)[[fw.index_of(p) for p in names]]
    return judge(names, values)


def flip_points(
    graph: Graph | Framework,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    positions: list[str] | None = None,
    claims: Sequence[str] | None = None,
    samples: int = 33,
    progress: Steps | None = None,
) -> dict[str, float | None]:
    """For each claim, the base score nearest its own at which the leader changes.

    Returns ``{claim id: base in [0, 1] or None}``, ``None`` where no base score in
    [0, 1] changes the leader (a tie counts as a change). ``claims`` limits the search
    to some claims (default: every claim); ``samples`` is the number of evenly spaced
    bases tried before each bracket is narrowed to 1e-10 (a flip window narrower than
    ``1 / (samples - 1)`` can be missed). Raises as :func:`verdict` does, and
    :class:`~arggraph.errors.UnknownIdError` for an unknown claim in ``claims``.
    ``progress`` (:class:`~arggraph.steps.Steps`) is told the count of claims and each
    as it is done: each costs ``samples`` recomputations and more, which on a large
    cyclic graph add up to minutes.

    >>> fw = Framework.from_edges(["go", "stay", "cost"], [0.5, 0.5, 0.8],
    ...                           attacks=[("cost", "go")])
    >>> round(flip_points(fw, positions=["go", "stay"], claims=["cost"])["cost"], 6)
    0.0
    """
    fw = framework_of(graph, scores)
    names = _positions(graph, fw, positions)
    engine = GradualEngine(fw, semantics)
    current = leaders(engine.values[[fw.index_of(p) for p in names]][None, :])[0]
    grid = np.linspace(0.0, 1.0, max(samples, 2))
    out: dict[str, float | None] = {}
    chosen = fw.ids if claims is None else claims
    if progress is not None:
        progress.total(len(chosen))
    for cid in chosen:
        b0 = engine.base(cid)
        values = np.union1d(grid, [b0])

        def changed(at: FloatArray, cid: str = cid) -> BoolArray:
            return np.asarray(leaders(engine.probe(cid, at, names)) != current)

        out[cid] = nearest_flip(values, changed(values), b0, changed, _RESOLUTION)
        if progress is not None:
            progress.advance(1)
    return out


def nearest_flip(
    points: FloatArray,
    flipped: BoolArray,
    at: float,
    changed: Callable[[FloatArray], BoolArray],
    resolution: float,
) -> float | None:
    """The value nearest ``at`` at which the leader changes, or ``None`` where it
    changes at none of ``points``.

    ``points`` (shape ``(k,)``) are sorted and hold ``at`` itself; ``flipped`` (shape
    ``(k,)``, bool) says where the leader differs from the one at ``at`` (a tie counts as
    a change); ``changed(values)`` says the same for other values. On each side of
    ``at``, the first grid step where the leader changes is narrowed (by
    ``changed``, 15 values a round) to within ``resolution``; of the two, the nearer
    one to ``at`` (on equal distance, the lower) is returned. This is the flip point of
    :func:`flip_points` and of a panel's lever (:func:`arggraph.panel.compare`).

    >>> grid = np.linspace(0.0, 1.0, 5)
    >>> def changed(v):
    ...     return np.asarray(v) > 0.6
    >>> round(nearest_flip(grid, changed(grid), 0.25, changed, 1e-9), 6)
    0.6
    """
    if not flipped.any():
        return None
    here = int(np.searchsorted(points, at))
    found: list[float] = []
    right = np.flatnonzero(flipped[here + 1 :])
    if len(right):
        j = here + 1 + int(right[0])
        found.append(_narrow(changed, float(points[j - 1]), float(points[j]), resolution))
    left = np.flatnonzero(flipped[:here])
    if len(left):
        j = int(left[-1])
        found.append(_narrow(changed, float(points[j + 1]), float(points[j]), resolution))
    return min(found, key=lambda x: (abs(x - at), x))


def _narrow(
    changed: Callable[[FloatArray], BoolArray], ok: float, bad: float, resolution: float
) -> float:
    """Shrink the bracket (leader unchanged at ``ok``, changed at ``bad``) to within
    ``resolution``; returns its changed end."""
    while abs(bad - ok) > resolution:
        points = np.linspace(ok, bad, _SPLIT + 2)[1:-1]
        flipped = changed(points)
        if flipped.any():
            j = int(np.flatnonzero(flipped)[0])
            bad = float(points[j])
            if j:
                ok = float(points[j - 1])
        else:
            ok = float(points[-1])
    return float(bad)


def margin_curve(
    graph: Graph | Framework,
    claim: str,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    positions: list[str] | None = None,
    samples: int = 21,
) -> list[tuple[float, float]]:
    """The current leader's margin as ``claim``'s base runs evenly over [0, 1].

    Each point is ``(base, margin)``: the leader's strength minus the strongest other
    position's (negative where the verdict flips). On a tie the first tied position
    (in ``positions`` order) stands in for the leader.
    """
    fw = framework_of(graph, scores)
    names = _positions(graph, fw, positions)
    engine = GradualEngine(fw, semantics)
    if not isinstance(graph, Framework):
        graph.claim(claim)
    now = engine.values[[fw.index_of(p) for p in names]]
    lead = int(np.flatnonzero(now >= now.max() - TIE)[0])
    bases = np.linspace(0.0, 1.0, max(samples, 2))
    table = engine.probe(claim, bases, names)
    others = np.delete(table, lead, axis=1)
    rival = others.max(axis=1) if others.shape[1] else np.zeros(len(bases))
    margin = table[:, lead] - rival
    return list(zip(bases.tolist(), margin.tolist(), strict=True))
