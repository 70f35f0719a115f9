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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import UsageError
from ..framework import FloatArray, Framework, IntArray
from ._engine import framework_of
from .incremental import GradualEngine

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = ["TIE", "Verdict", "flip_points", "margin_curve", "verdict"]


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


def _leaders(table: FloatArray) -> IntArray:
    """The leading position of each row (column index), or -1 on a tie."""
    if table.shape[1] == 1:
        return np.zeros(table.shape[0], dtype=np.int64)
    top = np.argmax(table, axis=1)
    best = table[np.arange(len(table)), top]
    rest = table.copy()
    rest[np.arange(len(table)), top] = -np.inf
    gap = best - rest.max(axis=1)
    return np.where(gap > TIE, top, -1).astype(np.int64)


def _judge(names: list[str], values: FloatArray) -> Verdict:
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
    return _judge(names, values)


def flip_points(
    graph: Graph | Framework,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    positions: list[str] | None = None,
    claims: Sequence[str] | None = None,
    samples: int = 33,
) -> dict[str, float | None]:
    """For each claim, the base score nearest its own at which the leader changes.

    Returns ``{claim id: base in [0, 1] or None}``, ``None`` where no base score in
    [0, 1] changes the leader (a tie counts as a change). ``claims`` limits the search
    to some claims (default: every claim); ``samples`` is the number of evenly spaced
    bases tried before each bracket is narrowed to 1e-10 (a flip window narrower than
    ``1 / (samples - 1)`` can be missed). Raises as :func:`verdict` does, and
    :class:`~arggraph.errors.UnknownIdError` for an unknown claim in ``claims``.

    >>> fw = Framework.from_edges(["go", "stay", "cost"], [0.5, 0.5, 0.8],
    ...                           attacks=[("cost", "go")])
    >>> round(flip_points(fw, positions=["go", "stay"], claims=["cost"])["cost"], 6)
    0.0
    """
    fw = framework_of(graph, scores)
    names = _positions(graph, fw, positions)
    engine = GradualEngine(fw, semantics)
    current = _leaders(engine.values[[fw.index_of(p) for p in names]][None, :])[0]
    grid = np.linspace(0.0, 1.0, max(samples, 2))
    out: dict[str, float | None] = {}
    for cid in fw.ids if claims is None else claims:
        b0 = engine.base(cid)
        values = np.union1d(grid, [b0])
        flipped = _leaders(engine.probe(cid, values, names)) != current
        if not flipped.any():
            out[cid] = None
            continue
        here = int(np.searchsorted(values, b0))
        found: list[float] = []
        right = np.flatnonzero(flipped[here + 1 :])
        if len(right):
            j = here + 1 + int(right[0])
            found.append(_narrow(engine, cid, names, current, values[j - 1], values[j]))
        left = np.flatnonzero(flipped[:here])
        if len(left):
            j = int(left[-1])
            found.append(_narrow(engine, cid, names, current, values[j + 1], values[j]))
        out[cid] = min(found, key=lambda x: (abs(x - b0), x))
    return out


def _narrow(
    engine: GradualEngine, cid: str, names: list[str], current: int, ok: float, bad: float
) -> float:
    """Shrink the bracket (leader unchanged at ``ok``, changed at ``bad``) to a point."""
    while abs(bad - ok) > _RESOLUTION:
        points = np.linspace(ok, bad, _SPLIT + 2)[1:-1]
        flipped = _leaders(engine.probe(cid, points, names)) != current
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
