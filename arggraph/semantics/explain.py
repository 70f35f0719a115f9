"""Why a claim ends up as strong as it does: every other claim's contribution to it.

For a topic claim ``t``, :func:`explain` reports for each claim ``c`` that can reach it:

- ``removal``: ``t``'s strength minus its strength in the graph without ``c`` (and its
  relations). Removing a claim is the same as holding its strength at 0, since a
  contribution of 0 is no contribution to a probabilistic sum or a sum; so all removals
  are computed side by side, one row of a matrix per removed claim, over the claims
  between the removed ones and the topic only (the engine's vectorised evaluation),
  chunk by chunk. On a cyclic component whose update is proven a contraction, a removal
  is re-solved from the fixed point the component had with the claim, iterating only the
  claims its change reaches (to the same tolerance and the same stopping test as a solve
  from the base scores; :mod:`._warm`); others are solved from their base scores. (Under
  a mean a removed claim also leaves the count of its targets' relations, so there each
  removal is recomputed on its own, from the base scores.)
- ``gradient``: ``d strength(t) / d base(c)``, exact, for every ``c`` at once by one
  reverse pass (reverse-mode differentiation through the engine): claims are visited
  from the topic back towards the leaves, each passing its adjoint to its attackers and
  supporters through the analytic partial derivatives of its update formula. On a
  cyclic component the strengths are a fixed point ``s = F(s)``, so the adjoint there
  solves ``(I - J)^T l = l_downstream`` with ``J`` the component's Jacobian (implicit
  differentiation; a dense solve up to 3000 claims, SciPy's sparse LU beyond). Peers
  estimate each gradient by finite differences, rebuilding the graph twice per claim.
- ``path``: the chain of claims from ``c`` to ``t`` that carries most of its influence
  (the path maximising the product of the local sensitivities ``|d s_v / d s_u|``,
  found by Dijkstra's algorithm on ``-log`` of them; links of sensitivity 0 are used
  only where no other path exists).

The same reverse pass gives ``weights``: ``d strength(t) / d weight(r)`` for every
relation ``r`` into a claim that can reach the topic. At DF-QuAD's kink (a claim whose
attack and support aggregates are exactly equal) derivatives are those of the branch the
formula takes (``va >= vs``).

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["t", "a", "b"], [0.5, 0.6, 0.5],
...                           attacks=[("a", "t")], supports=[("b", "a")])
>>> ex = explain(fw, "t")
>>> round(ex.strength, 4)
0.1
>>> [(c.claim, round(c.removal, 4), round(c.gradient, 4), c.path) for c in ex.contributions]
[('a', -0.4, -0.25, ['a', 't']), ('b', -0.1, -0.2, ['b', 'a', 't'])]
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..errors import SemanticsError
from ..framework import BoolArray, FloatArray, Framework, IntArray
from ..steps import Steps
from ._engine import (
    MAX_ROUNDS,
    PREMISE,
    TOLERANCE,
    Group,
    Layout,
    Region,
    Rule,
    Scenario,
    compute,
    evaluate,
    framework_of,
    prepare,
)
from ._sparse import contraction, views_of

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "Contribution",
    "Explanation",
    "MarginShares",
    "explain",
    "margin_shares",
    "removal_bounds",
    "removals",
]


# Values held at once by the removal matrix (rows x claims), about 32 MB.
_BATCH_CELLS = 4_000_000
# The cost of following a link of sensitivity 0 when looking for paths.
_DEAD_LINK = 1e6
# An adjoint this large means I - J is singular to working precision: a fixed point the
# solver reached within about the square root of the machine epsilon of a singular one
# (the error that is left there) has I - J with a singular value near 1e-8.
_SINGULAR = 1e6


@dataclass(frozen=True)
class Contribution:
    """One claim's contribution to the topic.

    ``removal``: topic strength with the claim minus without it, or ``None`` where it was
    not computed (``explain(..., top=N)``); ``bound``: a bound on the removal's size,
    never below it (from the semantics' Lipschitz constants: :func:`removal_bounds`), or
    the removal's size where it is exact; ``gradient``: how much the topic's strength
    moves per unit of the claim's base score (always exact); ``path``: claim ids from this
    claim to the topic.
    """

    claim: str
    removal: float | None
    gradient: float
    path: list[str] = field(default_factory=list)
    bound: float = math.inf

    @property
    def exact(self) -> bool:
        """Whether the removal was computed (else only its bound is known)."""
        return self.removal is not None


@dataclass(frozen=True)
class Explanation:
    """The topic's strength and what drives it.

    ``contributions`` lists every claim that can reach the topic (others contribute
    exactly nothing): those whose removal was computed first, by absolute removal, then
    absolute gradient, then id; then the others by their bound.
    ``weights`` maps each relation into a claim that can reach the topic (or into the
    topic) to ``d strength / d weight``.
    """

    topic: str
    strength: float
    contributions: list[Contribution]
    weights: dict[str, float]
    semantics: str = "dfquad"
    #: Whether the exact removals include the true largest ones: always without ``top``;
    #: with it, unless branch and bound ran out of its budget before the next claim's
    #: bound fell below the ``top``-th exact removal (bounds too loose to tell: a dense
    #: cycle, or many paths in parallel).
    top_complete: bool = True


def explain(
    graph: Graph | Framework,
    topic: str,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    top: int | None = None,
    claims: Iterable[str] = (),
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
    progress: Steps | None = None,
) -> Explanation:
    """Every other claim's contribution to ``topic``: by removal, by gradient, and how.

    With ``top=None`` (the default) every removal is computed exactly, each by
    recomputing what lies between the claim and the topic: quadratic in the depth of a
    deep graph. With ``top=N`` a bound on each removal comes first from one reverse pass
    (:func:`removal_bounds`), and exact removals only for the ``N`` largest, found by
    branch and bound (claims in decreasing order of their bound until the next bound is
    below the ``N``-th largest exact removal), and for ``claims``; the others keep
    ``removal=None`` and their bound. Gradients and paths are always exact.

    ``graph`` is a loaded graph or a framework, ``scores`` a score sheet applied first.
    ``progress`` (:class:`~arggraph.steps.Steps`, a progress bar) is told how many exact
    removals there are to compute and each as it is done: they are nearly all the time
    on a large or cyclic graph. Returns an
    :class:`Explanation`: the topic's strength in [0, 1]; one :class:`Contribution` per
    claim that can reach the topic (``removal`` in strength
    units, ``gradient`` in strength per unit of base score, ``path`` of claim ids, given
    for the claims whose removal was computed), and
    ``weights``, ``d strength / d weight`` per relation upstream of the topic. The
    gradients are exact (reverse-mode differentiation; implicit differentiation at the
    fixed point of a cycle), not finite differences; the attribution by removal and by
    gradient follows the contribution functions of Kampik, Potyka, Yin, Cyras and Toni,
    "Contribution functions for quantitative bipolar argumentation graphs: a principle-based
    analysis" (International Journal of Approximate Reasoning, 2024).

    Raises :class:`~arggraph.errors.UnknownIdError` for an unknown ``topic`` (with the
    nearest ids as a hint), :class:`~arggraph.errors.SemanticsError` as
    :func:`~.gradual.strengths` does, and also when a gradient is undefined (a cycle
    whose fixed point is not locally unique).
    """
    fw = framework_of(graph, scores)
    t = _position(graph, fw, topic)
    lay, rule, w = prepare(fw, semantics)
    base = lay.node_base(fw)
    strength = compute(lay, rule, base, w, tol=tol, max_rounds=max_rounds)
    region = Region.build(lay, lay.ancestors([t]))
    grad_base, grad_w, sens = _reverse(lay, region, rule, strength, base, w, t)
    if rule.reducer.scaled:  # the gradient by a relation's own weight, not the scaled one
        grad_w *= lay.edge_scale
    n = lay.n_claims
    # Contributions are claims' (an inference's weight is scored, and explained, as a
    # relation's weight below).
    others = region.nodes[(region.nodes != t) & (region.nodes < n)]

    def exact(chosen: IntArray) -> FloatArray:
        if rule.reducer.scaled:
            raw = lay.weights(fw)
            out = np.zeros(len(chosen))
            for k, c in enumerate(chosen.tolist()):
                without = _without(lay, region, rule, strength, base, raw, c, t, tol, max_rounds)
                out[k] = strength[t] - without
                if progress is not None:
                    progress.advance(1)
            return out
        return _removals(lay, region, rule, strength, base, w, t, chosen, tol, max_rounds, progress)

    if top is None or rule.kernels.lipschitz is None or rule.reducer.scaled:
        if progress is not None:
            progress.total(len(others))
        done = np.ones(len(others), dtype=bool)
        removal = exact(others)
        bound = np.abs(removal)
    else:
        bound = _bounds(lay, region, rule, strength, base, w, t)[others]
        wanted = {fw.index_of(c) for c in claims}
        # Among equal bounds (capped at 1) the steepest gradients first.
        tie = np.abs(grad_base[others])
        removal, done, complete = _branch_and_bound(others, bound, tie, max(top, 0), wanted, exact)
        bound = np.where(done, np.abs(removal), bound)
    nxt = _strongest_paths(lay, sens, t, others[done].tolist())
    ids = fw.ids
    contributions = []
    for c, r, ok, b in zip(
        others.tolist(), removal.tolist(), done.tolist(), bound.tolist(), strict=True
    ):
        steps: list[str] = []
        if ok:  # a path costs its length: only for the claims computed exactly
            path = [c]
            while path[-1] != t:
                path.append(nxt[path[-1]])
            steps = [ids[v] for v in path if v < n]  # an inference is a step between claims
        contributions.append(
            Contribution(ids[c], r if ok else None, float(grad_base[c]), steps, bound=b)
        )
    contributions.sort(
        key=lambda x: (
            x.removal is None,
            -abs(x.removal) if x.removal is not None else -x.bound,
            -abs(x.gradient),
            x.claim,
        )
    )
    # A plain relation's weight is its edge's; an inference's, its node's base.
    into = np.isin(lay.tgt[: lay.n_plain], region.nodes)
    rel_ids = lay.relation_ids
    weights = {rel_ids[e]: float(grad_w[e]) for e in np.flatnonzero(into).tolist()}
    for v in region.nodes[region.nodes >= n].tolist():
        weights[lay.node_name(v)] = float(grad_base[v])
    return Explanation(
        ids[t],
        float(strength[t]),
        contributions,
        weights,
        semantics,
        top_complete=top is None or bool(done.all()) or complete,
    )


def _position(graph: Graph | Framework, fw: Framework, topic: str) -> int:
    if not isinstance(graph, Framework):
        graph.claim(topic)  # raises UnknownIdError naming the graph's file
    return fw.index_of(topic)


# ---------------------------------------------------------------------- gradients
def _reverse(
    lay: Layout,
    region: Region,
    rule: Rule,
    strength: FloatArray,
    base: FloatArray,
    w: FloatArray,
    t: int,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Gradients of the topic by every base and weight, and each edge's sensitivity.

    The partial derivatives need only the final values, so they are computed for the
    whole region at once; the adjoints then flow back rank by rank (:func:`_backward`).
    """
    row = strength[region.nodes]
    node_base = base[region.nodes]
    merged, bounds = region.flat
    with np.errstate(over="ignore"):
        d_b, p = merged.partials(rule, row, w, node_base)
    s_e = p * w[merged.edges]
    lam = np.zeros(region.size)
    lam[int(np.flatnonzero(region.nodes == t)[0])] = 1.0

    def cyclic(group: Group, e0: int, e1: int, inside: BoolArray) -> None:
        lo, hi = group.lo, group.hi
        lam[lo:hi] = _solve_adjoint(
            hi - lo,
            merged.tgt_col[e0:e1][inside] - lo,
            merged.src_col[e0:e1][inside] - lo,
            s_e[e0:e1][inside],
            lam[lo:hi],
        )

    _backward(region, merged, bounds, s_e, lam, cyclic)
    grad_base = np.zeros(lay.n)
    grad_base[region.nodes] = lam * d_b
    grad_w = np.zeros(lay.m)
    grad_w[merged.edges] = lam[merged.tgt_col] * p * row[merged.src_col]
    sens = np.zeros(lay.m)
    sens[merged.edges] = s_e
    return grad_base, grad_w, sens


# A group with fewer edges than this passes its adjoints back in plain Python.
_THIN_GROUP = 32


def _backward(
    region: Region,
    merged: Group,
    bounds: IntArray,
    per_edge: FloatArray,
    lam: FloatArray,
    cyclic: Callable[[Group, int, int, BoolArray], None],
) -> None:
    """Pass adjoints back through the region's groups, last rank first: each edge adds
    its target's adjoint times ``per_edge`` to its source's (sources outside the region,
    columns at or above ``region.size``, are dropped). A cyclic group first has its own
    adjoints solved by ``cyclic(group, e0, e1, inside)``."""
    r = region.size
    src_col, tgt_col = merged.src_col, merged.tgt_col
    vsrc, vtgt, vper, vlam = views_of(src_col, tgt_col, per_edge, lam)
    edge_bounds = bounds.tolist()
    col_bounds = region.col_bounds.tolist()
    is_cyclic = region.cyclic.tolist()
    with np.errstate(invalid="ignore", over="ignore"):
        for g in range(region.group_count - 1, -1, -1):
            e0, e1 = edge_bounds[g], edge_bounds[g + 1]
            if e0 == e1:
                continue
            lo, hi = col_bounds[g], col_bounds[g + 1]
            if is_cyclic[g]:
                src = src_col[e0:e1]
                inside = (src >= lo) & (src < hi)
                cyclic(region.group(g), e0, e1, inside)
            elif e1 - e0 < _THIN_GROUP:
                for e in range(e0, e1):
                    u = vsrc[e]
                    if u < r:
                        x = vper[e]
                        if x != 0.0:
                            vlam[u] += vlam[vtgt[e]] * x
                continue
            src = src_col[e0:e1]
            out = ((src < lo) | (src >= hi)) & (src < r)
            step = lam[tgt_col[e0:e1][out]] * per_edge[e0:e1][out]
            np.add.at(lam, src[out], np.where(per_edge[e0:e1][out] != 0.0, step, 0.0))


def _solve_adjoint(
    size: int, tgt: IntArray, src: IntArray, value: FloatArray, rhs: FloatArray
) -> FloatArray:
    """Solve ``(I - J)^T l = rhs`` where ``J[tgt, src] += value``.

    A large component is first tried by iteration, ``l <- rhs + J^T l`` (a sparse
    product a round), which converges wherever ``J`` contracts, as it does around the
    fixed points plain iteration reaches; only if it does not settle within its rounds
    is the system solved directly (dense up to 3000 claims, SciPy's sparse LU beyond).
    """
    if size > _ITERATE_ABOVE:
        sol_it = _iterate_adjoint(size, tgt, src, value, rhs)
        if sol_it is not None:
            return sol_it
    if size <= 3000:
        jac = np.zeros((size, size))
        np.add.at(jac, (tgt, src), value)
        try:
            sol = np.linalg.solve(np.eye(size) - jac.T, rhs)
        except np.linalg.LinAlgError:
            sol = np.full(size, np.nan)
    else:
        import warnings

        import scipy.sparse as sp
        from scipy.sparse.linalg import spsolve

        mat = sp.eye(size, format="csc") - sp.csc_array((value, (src, tgt)), shape=(size, size))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sol = np.asarray(spsolve(mat, rhs), dtype=np.float64)
    if not np.all(np.isfinite(sol)) or float(np.max(np.abs(sol), initial=0.0)) > _SINGULAR:
        raise SemanticsError(
            "the gradient is undefined here: a cycle's fixed point is not locally unique "
            "(I - J is singular there, to working precision: its Jacobian has an "
            "eigenvalue 1)"
        )
    return np.asarray(sol, dtype=np.float64)


# A cyclic component larger than this has its adjoints tried by iteration first.
_ITERATE_ABOVE = 400
_ADJOINT_ROUNDS = 2000


def _iterate_adjoint(
    size: int, tgt: IntArray, src: IntArray, value: FloatArray, rhs: FloatArray
) -> FloatArray | None:
    """``l = rhs + J^T l`` iterated to a relative change of 1e-13, or None if it does not
    settle (then the caller solves directly)."""
    import scipy.sparse as sp

    jt = sp.csr_array((value, (src, tgt)), shape=(size, size))
    sol = rhs.astype(np.float64, copy=True)
    scale = max(float(np.max(np.abs(rhs), initial=0.0)), 1e-300)
    for _ in range(_ADJOINT_ROUNDS):
        nxt = rhs + jt @ sol
        change = float(np.max(np.abs(nxt - sol), initial=0.0))
        sol = nxt
        if not np.isfinite(change):
            return None
        if change <= 1e-13 * max(scale, float(np.max(np.abs(sol), initial=0.0))):
            return np.asarray(sol, dtype=np.float64)
    return None


# ---------------------------------------------------------------------- bounds
def _bounds(
    lay: Layout,
    region: Region,
    rule: Rule,
    strength: FloatArray,
    base: FloatArray,
    w: FloatArray,
    t: int,
) -> FloatArray:
    """A bound on every claim's removal effect on the topic, by node (capped at 1, as
    strengths lie in [0, 1])."""
    out = np.ones(lay.n)
    lipschitz = rule.kernels.lipschitz
    if lipschitz is None:
        return out
    lam = removal_bounds(lay, region, rule, base, w, t, lipschitz)
    own = strength[region.nodes]
    # A node at strength 0 cannot move the topic by being removed, whatever its path sum
    # (which may be infinite): leave it out of the product rather than form inf * 0.
    with np.errstate(invalid="ignore"):
        out[region.nodes] = np.minimum(1.0, np.where((lam > 0.0) & (own > 0.0), lam * own, 0.0))
    return out


def removal_bounds(
    lay: Layout,
    region: Region,
    rule: Rule,
    base: FloatArray,
    w: FloatArray,
    t: int,
    lipschitz: Callable[[FloatArray], FloatArray],
) -> FloatArray:
    """For each node of ``region``, a bound on ``|change of the topic| / |change of the
    node|`` over any change: the sum over paths of products of edge Lipschitz constants.

    One reverse pass, as for the gradients, with every local derivative replaced by a
    bound on it over the whole domain: the semantics' ``lipschitz(b)`` into a claim (times
    the edge's weight; a sum, a probabilistic sum and a minimum are each 1-Lipschitz in
    every term), DF-QuAD's ``max(w, 1 - w)`` into an inference by what attacks or supports
    it, and 1 by a premise. By the triangle inequality along the topological order, the
    topic moves by at most this times the node's own change; removing a claim changes it
    by its strength. On a cyclic component the path sums converge when its matrix of
    bounds ``L`` contracts, as every row sum or every column sum below 1 proves, or weights
    under which it shrinks every claim's bound (:func:`~._sparse.contraction`); then
    ``(I - L)^T x = rhs`` is solved, with a bound on what the iteration leaves
    (:func:`_bound_cycle`). Where nothing proves it, the bound is infinite (and a
    removal's is then 1, strengths lying in [0, 1]).
    Returns an array aligned with ``region.nodes``.
    """
    merged, bounds = region.flat
    b = base[region.nodes]
    k = lipschitz(b)
    if merged.has_inferences:
        k = np.where(merged.inf, np.maximum(b, 1.0 - b), k)
    if len(merged.edges):
        kind = merged.seg_kind[merged.edge_segment]
        per_edge = np.where(kind == PREMISE, 1.0, k[merged.tgt_col]) * w[merged.edges]
    else:
        per_edge = np.zeros(0)
    lam = np.zeros(region.size)
    lam[int(np.flatnonzero(region.nodes == t)[0])] = 1.0

    def cyclic(group: Group, e0: int, e1: int, inside: BoolArray) -> None:
        lo, hi = group.lo, group.hi
        size = hi - lo
        mat_tgt = merged.tgt_col[e0:e1][inside] - lo
        mat_src = merged.src_col[e0:e1][inside] - lo
        mat_val = per_edge[e0:e1][inside]
        lam[lo:hi] = _bound_cycle(mat_tgt, mat_src, mat_val, size, lam[lo:hi], group.scc_start)

    _backward(region, merged, bounds, per_edge, lam, cyclic)
    return lam


def _bound_cycle(
    tgt: IntArray,
    src: IntArray,
    value: FloatArray,
    size: int,
    rhs: FloatArray,
    components: IntArray,
) -> FloatArray:
    """``x = (I - L^T)^{-1} rhs`` for a cyclic component's matrix of edge bounds
    ``L[tgt, src] = value``, or an upper bound on it; ``inf`` where none is finite.

    The Neumann series ``sum (L^T)^k rhs`` is that solution when it converges, and the
    iteration ``x <- rhs + L^T x`` from ``rhs`` rises to it. If the largest column sum of
    ``L``, ``q``, is below 1, ``L^T`` contracts in the largest-entry norm and ``x* <= x_k
    + q / (1 - q) * max|x_k - x_(k-1)|``; if the largest row sum ``p`` is, it contracts in
    the sum norm and ``x* <= x_k + p / (1 - p) * sum|x_k - x_(k-1)|``. If neither is,
    weights ``u`` under which ``L^T`` contracts by ``g < 1`` in the norm ``max |x_i| /
    u_i`` may still prove it, strongly connected component by component
    (:func:`~._sparse.contraction`; ``components`` are their first columns): then ``x* <=
    x_k + u * g / (1 - g) * max(|x_k - x_(k-1)| / u)`` over the component. The bound is
    returned after the last round (the tightest that holds). A component nothing proves
    may have diverging sums: the bound is infinite for every node of it if it reaches the
    topic at all.
    """
    import scipy.sparse as sp

    q = float(np.bincount(src, weights=value, minlength=size).max(initial=0.0))
    p = float(np.bincount(tgt, weights=value, minlength=size).max(initial=0.0))
    lt = sp.csr_array((value, (src, tgt)), shape=(size, size))
    endless = np.isinf(rhs)
    if endless.any():
        # An infinite right-hand side (a node downstream whose sums diverge) makes every
        # node reaching it by a nonzero bound infinite too; the rest solve on finite terms
        # (iterating with it would form inf * 0 on the edges bounded by 0).
        live = value > 0.0
        reach = sp.csr_array((np.ones(int(live.sum())), (src[live], tgt[live])), shape=(size, size))
        frontier = endless
        while frontier.any():
            step = (reach @ frontier.astype(np.float64)) > 0.0
            frontier = step & ~endless
            endless |= step
        finite = _bound_cycle(tgt, src, value, size, np.where(endless, 0.0, rhs), components)
        return np.where(endless, np.inf, finite)
    sizes = np.diff(np.append(components, size))
    gamma = weights = None
    lost = np.zeros(size, dtype=bool)
    if q >= 1.0 and p >= 1.0:
        gamma, weights = contraction(src, tgt, value, size, components)
        unproven = np.repeat(~np.isfinite(gamma), sizes)
        reaches = np.repeat(np.maximum.reduceat(rhs, components) > 0.0, sizes)
        lost = unproven & reaches
        if unproven.all():
            return np.where(lost, np.inf, 0.0)
        rhs = np.where(unproven, 0.0, rhs)  # those stay at 0 as they iterate
    x = rhs.astype(np.float64, copy=True)
    diff = np.zeros(size)
    for _ in range(_ADJOINT_ROUNDS):
        nxt = rhs + lt @ x
        diff = np.abs(nxt - x)
        x = nxt
        if float(diff.sum()) <= 1e-12 * max(float(x.max(initial=0.0)), 1e-300):
            break
    if gamma is not None and weights is not None:
        per = np.maximum.reduceat(diff / weights, components)
        g = np.where(np.isfinite(gamma), gamma, 0.0)  # unproven ones stayed at 0
        tail = np.repeat(per * g / (1.0 - g), sizes)
        with np.errstate(invalid="ignore"):  # inf * 0 where unproven, not taken
            extra = np.where(tail > 0.0, weights * tail, 0.0)
        bounded: FloatArray = np.where(lost, np.inf, x + extra)
        return bounded
    slack = np.inf
    if q < 1.0:
        slack = q / (1.0 - q) * float(diff.max(initial=0.0))
    if p < 1.0:
        slack = min(slack, p / (1.0 - p) * float(diff.sum()))
    out: FloatArray = np.asarray(x + slack, dtype=np.float64)
    return out


def _branch_and_bound(
    others: IntArray,
    bound: FloatArray,
    tie: FloatArray,
    top: int,
    wanted: set[int],
    exact: Callable[[IntArray], FloatArray],
) -> tuple[FloatArray, BoolArray, bool]:
    """Exact removals for the ``top`` largest and for ``wanted``: ``(removal, done,
    complete)``.

    Claims go in decreasing order of their bound (``tie`` breaks ties), a chunk at a
    time, until the next bound is at most the ``top``-th largest exact removal (then no
    claim left can be among the ``top``: ``complete``) or the budget of ``max(4 * top,
    64)`` exact removals is spent (bounds too loose to tell).
    """
    removal = np.zeros(len(others))
    done = np.zeros(len(others), dtype=bool)
    must = np.flatnonzero(np.isin(others, np.array(sorted(wanted), dtype=np.int64)))
    if len(must):
        removal[must] = exact(others[must])
        done[must] = True
    if top <= 0:
        return removal, done, True
    order = np.lexsort((-tie, -bound))
    order = order[~done[order]]
    budget = max(4 * top, 64)
    i = 0
    chunk = max(top, 16)
    while i < len(order):
        pick = order[i : min(i + chunk, budget)]
        if not len(pick):
            return removal, done, False
        removal[pick] = exact(others[pick])
        done[pick] = True
        i += len(pick)
        best = np.sort(np.abs(removal[done]))[::-1]
        if len(best) >= top and (i >= len(order) or bound[order[i]] <= best[top - 1]):
            return removal, done, True
    return removal, done, True


# ---------------------------------------------------------------------- removals
def _removals(
    lay: Layout,
    region: Region,
    rule: Rule,
    strength: FloatArray,
    base: FloatArray,
    w: FloatArray,
    t: int,
    others: IntArray,
    tol: float,
    max_rounds: int,
    progress: Steps | None = None,
) -> FloatArray:
    """Topic strength minus its strength without each claim of ``others`` (each chunk
    done reported to ``progress``)."""
    out = np.zeros(len(others))
    if not len(others):
        return out
    rows = max(1, min(256, _BATCH_CELLS // max(region.size, 1)))
    # Claims close together share their way to the topic: chunks of them recompute few
    # claims. One chunk needs no order (a search of the whole region).
    if len(others) > rows:
        order = _locality_order(lay, region, t, others)
    else:
        order = np.arange(len(others))
    up = np.zeros(lay.n, dtype=bool)
    up[region.nodes] = True
    start = 0
    while start < len(order):
        chunk_idx = order[start : start + rows]
        start += len(chunk_idx)
        chunk = others[chunk_idx]
        down = lay.descendants(chunk.tolist())
        members = down[up[down]]
        sub = Region.build(lay, members)
        col = np.full(lay.n, -1, dtype=np.int64)
        col[sub.nodes] = np.arange(sub.size, dtype=np.int64)
        scenario = Scenario(
            rows=len(chunk), clamp_rows=np.arange(len(chunk)), clamp_cols=col[chunk]
        )
        values = evaluate(
            sub,
            rule,
            strength,
            base,
            w,
            lay.ids,
            scenario,
            tol=tol,
            max_rounds=max_rounds,
            warm=True,
        )
        out[chunk_idx] = strength[t] - values[:, col[t]]
        if progress is not None:
            progress.advance(len(chunk_idx))
    return out


def _without(
    lay: Layout,
    region: Region,
    rule: Rule,
    strength: FloatArray,
    base: FloatArray,
    raw: FloatArray,
    c: int,
    t: int,
    tol: float,
    max_rounds: int,
) -> float:
    """The topic's strength without claim ``c``, under an aggregation that scales weights.

    Under a mean, a removed claim also leaves the count of its targets' relations, so
    holding its strength at 0 (as :func:`_removals` does for every claim at once) is not
    its removal: its targets' other relations are rescaled here, one claim at a time.
    """
    slot = lay.tgt * 3 + lay.kind
    keep = lay.src != c
    count = np.bincount(slot[keep], minlength=3 * lay.n)
    # A mean divides by the count of relations into a claim; into an inference the
    # aggregate is the probabilistic sum, unscaled.
    scale = np.where(lay.tgt < lay.n_claims, 1.0 / np.maximum(count[slot], 1), 1.0)
    w = np.where(keep, raw * scale, 0.0)
    down = lay.descendants([c])
    members = np.intersect1d(down, region.nodes, assume_unique=True)
    sub = Region.build(lay, members)
    col = np.full(lay.n, -1, dtype=np.int64)
    col[sub.nodes] = np.arange(sub.size, dtype=np.int64)
    scenario = Scenario(rows=1, clamp_rows=np.zeros(1, dtype=np.int64), clamp_cols=col[[c]])
    values = evaluate(
        sub, rule, strength, base, w, lay.ids, scenario, tol=tol, max_rounds=max_rounds
    )
    return float(values[0, col[t]])


def _locality_order(lay: Layout, region: Region, t: int, others: IntArray) -> IntArray:
    """Indices into ``others`` in depth-first order from the topic backwards.

    Claims close in this order share their way to the topic, so a chunk of them
    recomputes few claims.
    """
    ptr, _ = lay.in_csr
    vptr, vsrc = views_of(ptr, lay.in_src)
    seen = {t}
    stack = [t]
    order: list[int] = []
    while stack:
        v = stack.pop()
        order.append(v)
        for j in range(vptr[v + 1] - 1, vptr[v] - 1, -1):
            u = vsrc[j]
            if u not in seen:
                seen.add(u)
                stack.append(u)
    rank = np.empty(lay.n, dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int64)
    return np.argsort(rank[others], kind="stable")


# ---------------------------------------------------------------------- paths
def _strongest_paths(lay: Layout, sens: FloatArray, t: int, wanted: list[int]) -> dict[int, int]:
    """The next claim on the strongest path to ``t`` of each of ``wanted`` and of every
    claim on those paths.

    Dijkstra's algorithm from ``t`` backwards stops once every wanted claim is settled:
    the claims on a settled claim's path are settled before it (no step costs less than
    0), so only the claims at least as close as the farthest wanted one are visited.
    """
    ptr, edge = lay.in_csr
    vptr, vedge, vsrc, vsens = views_of(ptr, edge, lay.src, sens)
    cost: dict[int, float] = {t: 0.0}
    nxt: dict[int, int] = {}
    done: set[int] = set()
    left = set(wanted) - {t}
    heap = [(0.0, t)]
    while heap and left:
        c, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        left.discard(v)
        for j in range(vptr[v], vptr[v + 1]):
            e = vedge[j]
            u = vsrc[e]
            if u in done:
                continue
            s = abs(vsens[e])
            step = -math.log(s) if s > 0.0 else _DEAD_LINK
            if s > 0.0 and step < 0.0:  # a sensitivity above 1: no shorter than 0
                step = 0.0
            new = c + step
            if new < cost.get(u, math.inf):
                cost[u] = new
                nxt[u] = v
                heapq.heappush(heap, (new, u))
    return nxt


def removals(
    graph: Graph | Framework,
    topic: str,
    claims: Iterable[str],
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> dict[str, float]:
    """The exact removal contribution of each of ``claims`` to ``topic``: the topic's
    strength with the claim minus without it (0 for a claim that cannot reach it).

    What :func:`explain` computes for every claim, for the chosen ones alone: each costs
    a recomputation of what lies between it and the topic. Raises as :func:`explain`.

    >>> fw = Framework.from_edges(["t", "a"], [0.5, 0.6], attacks=[("a", "t")])
    >>> removals(fw, "t", ["a"])
    {'a': -0.3}
    """
    fw = framework_of(graph, scores)
    t = _position(graph, fw, topic)
    lay, rule, w = prepare(fw, semantics)
    base = lay.node_base(fw)
    strength = compute(lay, rule, base, w, tol=tol, max_rounds=max_rounds)
    region = Region.build(lay, lay.ancestors([t]))
    chosen = [fw.index_of(c) for c in claims]
    inside = np.isin(np.array(chosen, dtype=np.int64), region.nodes)
    picked = np.array([c for c, ok in zip(chosen, inside.tolist(), strict=True) if ok and c != t])
    out = {fw.ids[c]: 0.0 for c in chosen}
    if len(picked):
        picked = picked.astype(np.int64)
        if rule.reducer.scaled:
            raw = lay.weights(fw)
            values = [
                strength[t]
                - _without(lay, region, rule, strength, base, raw, c, t, tol, max_rounds)
                for c in picked.tolist()
            ]
        else:
            values = _removals(
                lay, region, rule, strength, base, w, t, picked, tol, max_rounds
            ).tolist()
        out.update({fw.ids[c]: float(v) for c, v in zip(picked.tolist(), values, strict=True)})
    return out


@dataclass(frozen=True)
class MarginShares:
    """Each claim's share of the margin between two positions: its removal's effect on
    the leader minus its effect on the runner-up (strength units), as
    :func:`margin_shares` found them.

    ``shares`` holds the claims computed exactly (every claim reaching either position
    when ``complete`` and no ``top`` was asked; with ``top=N``, the ``N`` largest and
    those computed on the way); ``bounds`` a bound on each claim's share (the sum of its
    two removal bounds); ``lead`` and ``rival`` the claims reaching each position, in
    decreasing order of their bound on it; ``bearing`` how many claims may bear on the
    two at all (a bound above 0); ``complete`` whether the bounds proved the ``N``
    shares the largest within the budget of exact removals.
    """

    shares: dict[str, float]
    bounds: dict[str, float]
    lead: list[str]
    rival: list[str]
    bearing: int
    complete: bool


def margin_shares(
    graph: Graph | Framework,
    leader: str,
    runner: str,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    top: int | None = None,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> MarginShares:
    """Which claims decide the verdict between ``leader`` and ``runner``: each claim's
    share of the margin, exactly for the ``top`` largest (every one when ``top`` is
    ``None``).

    A share is at most the sum of the claim's two removal bounds (:func:`removal_bounds`,
    one reverse pass per position), so claims are computed exactly in decreasing order
    of that sum, a chunk at a time, until the next sum cannot enter the ``top`` (or a
    budget of ``max(4 * top, 64)`` claims is spent: ``complete`` is then false). One
    strength computation and one region per position serve every chunk. A claim's share
    leaves out its removal's effect on itself (a position's share is its effect on the
    other). Raises as :func:`explain`.

    >>> from arggraph.framework import Framework
    >>> fw = Framework.from_edges(["go", "stay", "a", "b"], [0.5, 0.5, 0.8, 0.4],
    ...                           attacks=[("go", "stay"), ("a", "stay")], supports=[("b", "go")])
    >>> m = margin_shares(fw, "go", "stay")
    >>> {c: round(v, 4) for c, v in sorted(m.shares.items())}
    {'a': 0.12, 'b': 0.22, 'go': 0.07}
    """
    fw = framework_of(graph, scores)
    ts = (_position(graph, fw, leader), _position(graph, fw, runner))
    lay, rule, w = prepare(fw, semantics)
    base = lay.node_base(fw)
    strength = compute(lay, rule, base, w, tol=tol, max_rounds=max_rounds)
    n = lay.n_claims
    regions = [Region.build(lay, lay.ancestors([t])) for t in ts]
    exact_all = top is None or rule.kernels.lipschitz is None or rule.reducer.scaled
    per_topic = []  # (claims reaching t but t, bound on each removal by node)
    for t, region in zip(ts, regions, strict=True):
        others = region.nodes[(region.nodes != t) & (region.nodes < n)]
        bound = np.zeros(lay.n)
        if not exact_all:
            bound[others] = _bounds(lay, region, rule, strength, base, w, t)[others]
        per_topic.append((others, bound))
    total = per_topic[0][1] + per_topic[1][1]
    union = np.union1d(per_topic[0][0], per_topic[1][0])
    ids = fw.ids

    # |removal on the leader| + |removal on the runner| of each claim computed exactly:
    # a claim bears on the two when either is above 0, even if they cancel in its share.
    weight_of: dict[int, float] = {}
    on_topic: tuple[dict[int, float], dict[int, float]] = ({}, {})  # exact removals

    def exact(chosen: IntArray) -> FloatArray:
        """Share of each of ``chosen``: removal on the leader minus on the runner."""
        out = np.zeros(len(chosen))
        size = np.zeros(len(chosen))
        for k, (sign, t, region, (others, _)) in enumerate(
            zip((1.0, -1.0), ts, regions, per_topic, strict=True)
        ):
            inside = np.isin(chosen, others)
            if not inside.any():
                continue
            picked = chosen[inside]
            if rule.reducer.scaled:
                raw = lay.weights(fw)
                vals = np.array(
                    [
                        strength[t]
                        - _without(lay, region, rule, strength, base, raw, c, t, tol, max_rounds)
                        for c in picked.tolist()
                    ]
                )
            else:
                vals = _removals(lay, region, rule, strength, base, w, t, picked, tol, max_rounds)
            out[inside] += sign * vals
            size[inside] += np.abs(vals)
            on_topic[k].update(zip(picked.tolist(), vals.tolist(), strict=True))
        weight_of.update(zip(chosen.tolist(), size.tolist(), strict=True))
        return out

    complete = True
    if exact_all:
        values = exact(union)
        done = np.ones(len(union), dtype=bool)
    else:
        assert top is not None
        values, done, complete = _branch_and_bound(
            union, total[union], np.zeros(len(union)), max(top, 0), set(), exact
        )
    shares = {
        ids[c]: float(v)
        for c, v, ok in zip(union.tolist(), values.tolist(), done.tolist(), strict=True)
        if ok
    }
    bounds = {ids[c]: weight_of[c] if c in weight_of else float(total[c]) for c in union.tolist()}
    orders = []
    for k, (others, bound) in enumerate(per_topic):
        if exact_all:
            key = np.abs(np.array([on_topic[k].get(c, 0.0) for c in others.tolist()]))
        else:
            key = bound[others]
        orders.append([ids[c] for c in others[np.argsort(-key, kind="stable")].tolist()])
    bearing = sum(1 for v in bounds.values() if v > 1e-9)
    return MarginShares(shares, bounds, orders[0], orders[1], bearing, complete)
