"""Re-solving a cyclic component after a small change, from the fixed point it had.

Private to :mod:`arggraph.semantics`; :func:`~._engine.evaluate` calls it when asked to
start warm (``explain``'s removals: each holds one claim at 0 and asks for the topic's
strength then).

A cold start iterates every claim of a component from its base scores until no claim
moves by more than the tolerance: about as many rounds as the first computation took,
over the whole component, for every removal. Here each (scenario row, claim) starts at
the strength it had before the change, and a round evaluates only the *dirty* pairs,
the claims one of whose inputs has moved since they were last evaluated; a claim whose
update moves it by more than the tolerance is moved, and its targets become dirty, while
one within the tolerance keeps its value. A removal's effect fades along every path
through a contractive component, so the rounds cover the claims it reaches, not the
component (on a 6,400-claim component of a random graph, the removals that decide an
explanation evaluated from a few percent to some 40% of one full round each, in all,
against some 19 full rounds cold).

**Exactness.** It stops when no dirty pair is left: every claim of the component then
has residual ``|F(s) - s|`` within the tolerance (a claim not evaluated since its
inputs last moved keeps the residual it was evaluated with, at most the tolerance, or 0
right after it moved), which is the test a cold start stops on; and, as a cold start
does, it returns one last update ``F(s)`` of every claim (those left within the
tolerance take the value they were last evaluated at, their inputs unchanged since).
Both answers are within the tolerance's reach of the one fixed point, not equal to the
last digit: two removals equal in exact arithmetic can come out about the tolerance
apart, and their order in a sorted list may then differ from a cold start's.

**Where.** Only on components whose update is proven a contraction
(:func:`contractive`), which then have exactly one fixed point: the one a cold start
reaches too, so starting elsewhere changes the path, not the answer. Elsewhere (a
semantics without Lipschitz constants, a component not proven contractive, a row whose
bases differ) the component is left to the cold start, as is one the warm iteration
has not settled within ``PATIENCE`` rounds. Asynchronous iterations of a contraction in
a (weighted) max norm converge whatever the order in which the claims are updated
(Bertsekas and Tsitsiklis, *Parallel and Distributed Computation: Numerical Methods*,
1989, sec. 6.2).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from ..framework import BoolArray, FloatArray, IntArray
from ._sparse import contraction, expand, ptr_of, ready

if TYPE_CHECKING:
    from ._engine import Group, Rule

__all__ = ["contractive", "factors", "solve_warm"]

#: The kind of edge that carries an inference's premise (as in :mod:`._engine`).
_PREMISE = 2


def _edge_bounds(
    grp: Group, rule_: Rule, b: FloatArray, w: FloatArray
) -> tuple[IntArray, IntArray, FloatArray] | None:
    """``(target, source, bound)`` of each edge inside the group (group columns), or None
    without Lipschitz constants."""
    lipschitz = rule_.kernels.lipschitz
    if lipschitz is None:
        return None
    inside = (grp.src_col >= grp.lo) & (grp.src_col < grp.hi)
    tgt = grp.tgt_col[inside]
    slope = lipschitz(b)
    if grp.has_inferences:
        slope = np.where(grp.inf, np.maximum(b, 1.0 - b), slope)
    kind = grp.seg_kind[grp.edge_segment][inside]
    bound = np.where(kind == _PREMISE, 1.0, slope[tgt]) * w[grp.edges[inside]]
    return tgt, grp.src_col[inside] - grp.lo, bound


def factors(grp: Group, rule_: Rule, b: FloatArray, w: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``(p, q)``: for each strongly connected component of a cyclic group (in
    ``grp.scc_start`` order), the largest row sum and the largest column sum of its
    matrix of bounds ``L``; infinite without Lipschitz constants.

    ``b`` holds the group's bases (one row), ``w`` the engine's weights by edge. Each
    edge inside a component is bounded by the semantics' Lipschitz constant of its target
    (``Kernels.lipschitz``; DF-QuAD's ``max(b, 1 - b)`` into an inference, 1 for a
    premise) times its weight, as in :func:`~.explain.removal_bounds`, so that
    ``|F(x) - F(y)| <= L |x - y|`` claim by claim. ``p < 1`` makes the update a
    contraction by ``p`` in the max norm, ``q < 1`` by ``q`` in the sum norm.
    """
    comps = len(grp.scc_start)
    edges = _edge_bounds(grp, rule_, b, w)
    if edges is None or not comps:
        return np.full(comps, np.inf), np.full(comps, np.inf)
    tgt, src, bound = edges
    k = grp.hi - grp.lo
    rows = np.bincount(tgt, weights=bound, minlength=k)
    cols = np.bincount(src, weights=bound, minlength=k)
    p: FloatArray = np.maximum.reduceat(rows, grp.scc_start)
    q: FloatArray = np.maximum.reduceat(cols, grp.scc_start)
    return p, q


def contractive(grp: Group, rule_: Rule, b: FloatArray, w: FloatArray) -> BoolArray:
    """Whether the update of each strongly connected component of a cyclic group is
    proven a contraction, by its :func:`factors` (``p`` or ``q`` below 1) or, failing
    those, by weights under which ``L`` shrinks every claim's bound
    (:func:`~._sparse.contraction`, a contraction in a weighted max norm). Either way it
    has exactly one fixed point. All False for a semantics without Lipschitz constants.
    """
    p, q = factors(grp, rule_, b, w)
    out: BoolArray = (p < 1.0) | (q < 1.0)
    if out.all():
        return out
    edges = _edge_bounds(grp, rule_, b, w)
    if edges is None:
        return out
    tgt, src, bound = edges
    gamma, _ = contraction(tgt, src, bound, grp.hi - grp.lo, grp.scc_start)
    proven: BoolArray = out | np.isfinite(gamma)
    return proven


def solve_warm(
    grp: Group,
    rule_: Rule,
    values: FloatArray,
    b: FloatArray,
    w: FloatArray,
    ref: FloatArray,
    clamp: tuple[IntArray, IntArray] | None,
    which: BoolArray,
    tol: float,
    max_rounds: int,
) -> BoolArray:
    """Solve the components ``which`` of a cyclic group in every row of ``values`` from
    the fixed point ``ref``, iterating only the claims a row's change reaches.

    ``values`` is the evaluation's matrix (rows x columns, see :class:`~._engine.Region`):
    the group's upstream columns hold the row's inputs, and the group's own columns
    (``grp.lo:grp.hi``) get the result for the components solved. ``ref`` holds every
    column's value before the change (a fixed point of each component, within the
    tolerance); ``b`` the group's bases (one row, the same in every row); ``clamp`` the
    (row, group column) pairs held at 0 (removed claims). Returns which of ``which`` were
    solved (those not settled within ``max_rounds`` rounds are left for a cold start, their
    columns holding no answer).
    """
    lo, hi = grp.lo, grp.hi
    k = hi - lo
    rows, width = values.shape
    if not values.flags.c_contiguous:  # written through a flat view below
        return np.zeros(len(which), dtype=bool)
    sizes = np.diff(np.append(grp.scc_start, k))
    cols = np.repeat(which, sizes)
    view = values[:, lo:hi]
    view[:, cols] = ref[lo:hi][cols]
    held = np.zeros((rows, k), dtype=bool)
    if clamp is not None:
        held[clamp] = True
        view[clamp] = 0.0
    held_flat = held.reshape(-1)
    # In-edges by target column (the group's order); the edges inside it by source.
    tgt_col, src_col = grp.tgt_col, grp.src_col
    in_ptr = np.searchsorted(tgt_col, np.arange(k + 1))
    kind = grp.seg_kind[grp.edge_segment]
    inside = np.flatnonzero((src_col >= lo) & (src_col < hi))
    out_src = src_col[inside] - lo
    order = np.argsort(out_src, kind="stable")
    out_ptr = ptr_of(out_src, k)
    out_tgt = tgt_col[inside][order]
    mask = np.zeros(rows * k, dtype=bool)

    # Dirty at first: the targets of every edge whose source differs from before.
    moved = values[:, src_col] != ref[src_col]
    r_idx, e_idx = np.nonzero(moved)
    first = r_idx * k + tgt_col[e_idx]
    first = first[cols[tgt_col[e_idx]]]
    dirty = ready(first, mask)
    dirty = dirty[~held_flat[dirty]]

    flat = values.reshape(-1)
    pending = np.zeros(rows * k, dtype=bool)
    last = np.zeros(rows * k)
    b_row = np.ascontiguousarray(b, dtype=np.float64)
    red = rule_.reducer
    with np.errstate(over="ignore"):
        for _ in range(max_rounds):
            if not len(dirty):
                break
            row, col = np.divmod(dirty, k)
            starts = in_ptr[col]
            counts = in_ptr[col + 1] - starts
            e = expand(starts, counts)
            pair = np.repeat(np.arange(len(dirty), dtype=np.int64), counts)
            key = pair * 3 + kind[e]
            seg = np.flatnonzero(np.diff(key, prepend=-1))
            at = replace(
                grp,
                lo=0,
                hi=len(dirty),
                cyclic=False,
                edges=grp.edges[e],
                src_col=np.repeat(row, counts) * width + src_col[e],
                tgt_col=pair,
                seg_start=seg,
                seg_tgt=pair[seg],
                seg_kind=kind[e][seg],
                scc_start=np.zeros(0, dtype=np.int64),
                inf=grp.inf[col],
            )
            va, vs, vm = at.aggregate(red, flat[None, :], w)
            new = at.finish(rule_, b_row[None, col], va, vs, vm)[0]
            place = row * width + lo + col
            far = ~(np.abs(new - flat[place]) <= tol)  # NaN moves on, to the cold start
            moving = dirty[far]
            flat[place[far]] = new[far]
            pending[moving] = False
            near = dirty[~far]
            pending[near] = True
            last[near] = new[~far]
            m_row, m_col = np.divmod(moving, k)
            o_start = out_ptr[m_col]
            o_count = out_ptr[m_col + 1] - o_start
            nxt = np.repeat(m_row * k, o_count) + out_tgt[expand(o_start, o_count)]
            dirty = ready(nxt, mask)
            dirty = dirty[~held_flat[dirty]]
        else:
            if len(dirty):
                return np.zeros(len(which), dtype=bool)
    # One last update, as a cold start ends: those within the tolerance move to F(s).
    done = np.flatnonzero(pending)
    d_row, d_col = np.divmod(done, k)
    flat[d_row * width + lo + d_col] = last[done]
    solved: BoolArray = which.copy()
    return solved
