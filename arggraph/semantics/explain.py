"""Why a claim ends up as strong as it does: every other claim's contribution to it.

For a topic claim ``t``, :func:`explain` reports for each claim ``c`` that can reach it:

- ``removal``: ``t``'s strength minus its strength in the graph without ``c`` (and its
  relations). Removing a claim is the same as holding its strength at 0, since a
  contribution of 0 is no contribution to a probabilistic sum or a sum; so all removals
  are computed side by side, one row of a matrix per removed claim, over the claims
  between the removed ones and the topic only (the engine's vectorised evaluation),
  chunk by chunk. (Under a mean a removed claim also leaves the count of its targets'
  relations, so there each removal is recomputed on its own.)
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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..errors import SemanticsError
from ..framework import FloatArray, Framework, IntArray
from ._engine import (
    MAX_ROUNDS,
    TOLERANCE,
    Layout,
    Region,
    Rule,
    Scenario,
    compute,
    evaluate,
    framework_of,
    prepare,
)
from ._sparse import views_of

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = ["Contribution", "Explanation", "explain"]


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

    ``removal``: topic strength with the claim minus without it. ``gradient``: how much
    the topic's strength moves per unit of the claim's base score. ``path``: claim ids
    from this claim to the topic.
    """

    claim: str
    removal: float
    gradient: float
    path: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Explanation:
    """The topic's strength and what drives it.

    ``contributions`` lists every claim that can reach the topic (others contribute
    exactly nothing), sorted by absolute removal, then absolute gradient, then id.
    ``weights`` maps each relation into a claim that can reach the topic (or into the
    topic) to ``d strength / d weight``.
    """

    topic: str
    strength: float
    contributions: list[Contribution]
    weights: dict[str, float]
    semantics: str = "dfquad"


def explain(
    graph: Graph | Framework,
    topic: str,
    semantics: str = "dfquad",
    scores: ScoreSheet | None = None,
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> Explanation:
    """Every other claim's contribution to ``topic``: by removal, by gradient, and how.

    ``graph`` is a loaded graph or a framework, ``scores`` a score sheet applied first.
    Returns an :class:`Explanation`: the topic's strength in [0, 1]; one
    :class:`Contribution` per claim that can reach the topic (``removal`` in strength
    units, ``gradient`` in strength per unit of base score, ``path`` of claim ids), and
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
    if rule.reducer.scaled:
        raw = lay.weights(fw)
        removal = np.array(
            [
                strength[t]
                - _without(lay, region, rule, strength, base, raw, c, t, tol, max_rounds)
                for c in others.tolist()
            ]
        )
    else:
        removal = _removals(lay, region, rule, strength, base, w, t, others, tol, max_rounds)
    nxt = _strongest_paths(lay, region, sens, t)
    ids = fw.ids
    contributions = []
    for c, r in zip(others.tolist(), removal.tolist(), strict=True):
        path = [c]
        while path[-1] != t:
            path.append(nxt[path[-1]])
        steps = [ids[v] for v in path if v < n]  # an inference is a step between claims
        contributions.append(Contribution(ids[c], r, float(grad_base[c]), steps))
    contributions.sort(key=lambda x: (-abs(x.removal), -abs(x.gradient), x.claim))
    # A plain relation's weight is its edge's; an inference's, its node's base.
    into = np.isin(lay.tgt[: lay.n_plain], region.nodes)
    rel_ids = lay.relation_ids
    weights = {rel_ids[e]: float(grad_w[e]) for e in np.flatnonzero(into).tolist()}
    for v in region.nodes[region.nodes >= n].tolist():
        weights[lay.node_name(v)] = float(grad_base[v])
    return Explanation(ids[t], float(strength[t]), contributions, weights, semantics)


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
    """Gradients of the topic by every base and weight, and each edge's sensitivity."""
    r = region.size
    row = strength[region.nodes]
    node_base = base[region.nodes]
    lam = np.zeros(r)
    lam[int(np.flatnonzero(region.nodes == t)[0])] = 1.0
    grad_base = np.zeros(lay.n)
    grad_w = np.zeros(lay.m)
    sens = np.zeros(lay.m)
    with np.errstate(over="ignore"):
        for group in reversed(region.groups):
            lo, hi = group.lo, group.hi
            d_b, p = group.partials(rule, row, w, node_base[lo:hi])
            s_e = p * w[group.edges]
            inside = (group.src_col >= lo) & (group.src_col < hi)
            if group.cyclic:
                lam[lo:hi] = _solve_adjoint(
                    hi - lo,
                    group.tgt_col[inside],
                    group.src_col[inside] - lo,
                    s_e[inside],
                    lam[lo:hi],
                )
            lam_g = lam[lo:hi]
            grad_base[region.nodes[lo:hi]] = lam_g * d_b
            grad_w[group.edges] = lam_g[group.tgt_col] * p * row[group.src_col]
            sens[group.edges] = s_e
            out = ~inside
            np.add.at(lam, group.src_col[out], lam_g[group.tgt_col[out]] * s_e[out])
    return grad_base, grad_w, sens


def _solve_adjoint(
    size: int, tgt: IntArray, src: IntArray, value: FloatArray, rhs: FloatArray
) -> FloatArray:
    """Solve ``(I - J)^T l = rhs`` where ``J[tgt, src] += value``."""
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
) -> FloatArray:
    """Topic strength minus its strength without each claim of ``others``."""
    out = np.zeros(len(others))
    if not len(others):
        return out
    order = _locality_order(lay, region, t, others)
    up = np.zeros(lay.n, dtype=bool)
    up[region.nodes] = True
    start = 0
    rows = max(1, min(256, _BATCH_CELLS // max(region.size, 1)))
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
            sub, rule, strength, base, w, lay.ids, scenario, tol=tol, max_rounds=max_rounds
        )
        out[chunk_idx] = strength[t] - values[:, col[t]]
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
def _strongest_paths(lay: Layout, region: Region, sens: FloatArray, t: int) -> dict[int, int]:
    """For each claim of the region, the next claim on its strongest path to ``t``."""
    ptr, edge = lay.in_csr
    vptr, vedge, vsrc, vsens = views_of(ptr, edge, lay.src, sens)
    cost: dict[int, float] = {t: 0.0}
    nxt: dict[int, int] = {}
    done: set[int] = set()
    heap = [(0.0, t)]
    while heap:
        c, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
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
