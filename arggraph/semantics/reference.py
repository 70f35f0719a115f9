"""The gradual semantics in plain Python, written straight from the formulas.

This is the yardstick the fast engine (:mod:`arggraph.semantics.gradual`) is tested and
benchmarked against: no NumPy, no cleverness, one claim at a time, so that a reader can
check each line against the papers. For claim ``a`` with base score ``w``, let ``A`` be
the attackers' strengths and ``S`` the supporters' strengths, each multiplied by the
weight of its relation:

- ``dfquad`` (Rago et al. 2016): ``F(V) = 1 - prod(1 - v for v in V)``, ``va = F(A)``,
  ``vs = F(S)``; strength ``w - w*(va - vs)`` if ``va >= vs``, else
  ``w + (1 - w)*(vs - va)``.
- ``qe`` (Potyka 2018): ``E = sum(S) - sum(A)``, ``h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)``;
  strength ``w - w*h(-E) + (1 - w)*h(E)``.
- ``euler`` (Amgoud & Ben-Naim 2018): ``E = sum(S) - sum(A)``;
  strength ``1 - (1 - w**2) / (1 + w*exp(E))``.
- ``hcat`` (weighted h-categorizer; attacks only): strength ``w / (1 + sum(A))``.

Each is computed as its entry in :data:`~.registry.GRADUAL` says: its aggregation,
written here in plain Python (:data:`AGGREGATE`, one function per kind), then the scalar
kernel of its influence function; so a semantics added to the table is checked here too.

On an acyclic graph :func:`strengths` visits the claims in topological order (Kahn's
queue) and computes each once. On a cyclic graph it iterates the update of every claim
at once (Jacobi) from the base scores until no claim moves by more than ``tol``; every
``patience`` rounds without settling, the step is damped further, ``s <- s + d*(f(s) -
s)`` with ``d`` halved (at most ``DAMPING_RESTARTS`` times): the explicit Euler scheme of
the continuous model (Potyka 2018), which settles where plain iteration oscillates and
has the same fixed points.

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["a", "b", "c"], [0.5, 0.5, 0.8],
...                           attacks=[("a", "c")], supports=[("b", "c")])
>>> [round(x, 6) for x in strengths(fw, "dfquad")]
[0.5, 0.5, 0.8]
>>> round(strengths(fw, "euler")[2], 6)
0.8
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

from ..errors import ConvergenceError, SemanticsError
from ..framework import Framework
from .registry import GRADUAL, Aggregation, gradual

__all__ = [
    "AGGREGATE",
    "DAMPING_RESTARTS",
    "SEMANTICS",
    "grounded_queue",
    "is_acyclic",
    "strength_of",
    "strengths",
]

#: The gradual semantics the reference computes: every entry of the registry.
SEMANTICS = tuple(GRADUAL)

#: How many times a cyclic computation halves its damping (every ``patience`` rounds).
DAMPING_RESTARTS = 4

# One incoming edge as the update function sees it: (source node, weight, kind), kind
# False an attack, True a support, None a premise of an inference.
InEdge = tuple[int, float, bool | None]


def _probabilistic_sum(xs: list[float]) -> float:
    return 1.0 - math.prod(1.0 - x for x in xs)


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


#: Each aggregation kind of the registry, straight from its formula.
AGGREGATE: dict[str, Callable[[list[float]], float]] = {
    "product": _probabilistic_sum,
    "sum": math.fsum,
    "mean": _mean,
}


def _aggregate(aggregation: Aggregation, xs: list[float]) -> float:
    return AGGREGATE[aggregation.kind](xs)


Update = Callable[[float, list[float], list[float]], float]


def _update_of(semantics: str) -> Update:
    """One claim's strength from its base and weighted attackers and supporters."""
    entry = gradual(semantics)
    influence = entry.kernels().scalar
    agg = entry.aggregation

    def update(w: float, att: list[float], sup: list[float]) -> float:
        return influence(w, _aggregate(agg, att), _aggregate(agg, sup))

    return update


def strength_of(
    semantics: str, base: float, attackers: list[float], supporters: list[float]
) -> float:
    """One claim's strength from its base and its weighted attackers and supporters.

    >>> strength_of("dfquad", 0.5, [0.4], [])
    0.3
    >>> strength_of("hcat", 1.0, [1.0, 1.0], [])
    0.3333333333333333
    """
    return _update_of(semantics)(base, attackers, supporters)


def _dfquad_combine(w: float, a: float, b: float) -> float:
    """DF-QuAD's influence: a base ``w`` moved by aggregates ``a`` (against), ``b`` (for)."""
    return w - w * (a - b) if a >= b else w + (1.0 - w) * (b - a)


def _in_edges(fw: Framework) -> list[list[InEdge]]:
    """The edges into every node (claims, then inferences): (source, weight, kind) with
    kind ``False`` attack, ``True`` support, ``None`` premise."""
    n = fw.n
    incoming: list[list[InEdge]] = [[] for _ in range(n + fw.k)]
    for s, t, w in zip(fw.att_src.tolist(), fw.att_tgt.tolist(), fw.att_w.tolist(), strict=True):
        incoming[t].append((s, w, False))
    for s, t, w in zip(fw.sup_src.tolist(), fw.sup_tgt.tolist(), fw.sup_w.tolist(), strict=True):
        incoming[t].append((s, w, True))
    for i in range(fw.k):
        support = bool(fw.inf_sup[i])
        incoming[int(fw.inf_tgt[i])].append((n + i, 1.0, support))
        for p in fw.inf_prem[fw.inf_ptr[i] : fw.inf_ptr[i + 1]].tolist():
            incoming[n + i].append((p, 1.0, None))
    return incoming


def _topological(fw: Framework, incoming: list[list[InEdge]]) -> list[int] | None:
    """Kahn's order of the nodes, or None when the graph has a cycle."""
    size = len(incoming)
    outgoing: list[list[int]] = [[] for _ in range(size)]
    indegree = [len(edges) for edges in incoming]
    for t, edges in enumerate(incoming):
        for s, _, _ in edges:
            outgoing[s].append(t)
    queue = deque(i for i in range(size) if indegree[i] == 0)
    order: list[int] = []
    while queue:
        v = queue.popleft()
        order.append(v)
        for t in outgoing[v]:
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    return order if len(order) == size else None


def is_acyclic(fw: Framework) -> bool:
    """Whether the supports and attacks together form no cycle.

    >>> is_acyclic(Framework.from_edges(["a", "b"], attacks=[("a", "b"), ("b", "a")]))
    False
    """
    return _topological(fw, _in_edges(fw)) is not None


def _node_update(
    fw: Framework, update: Update
) -> Callable[[int, float, list[InEdge], list[float]], float]:
    """The update of any node: a claim by the semantics; an inference by its definition
    (its weight moved by DF-QuAD's rule by the probabilistic sums of what attacks and
    what supports it, times its weakest premise)."""
    n = fw.n

    def node_update(v: int, base: float, edges: list[InEdge], strength: list[float]) -> float:
        att = [w * strength[s] for s, w, kind in edges if kind is False]
        sup = [w * strength[s] for s, w, kind in edges if kind is True]
        if v < n:
            return update(base, att, sup)
        premises = [strength[s] for s, _, kind in edges if kind is None]
        weight = _dfquad_combine(base, _probabilistic_sum(att), _probabilistic_sum(sup))
        return weight * min(premises)

    return node_update


def strengths(
    fw: Framework,
    semantics: str = "dfquad",
    *,
    tol: float = 1e-9,
    max_rounds: int = 10_000,
    patience: int = 500,
) -> list[float]:
    """Every claim's final strength, in the order of ``fw.ids``.

    Inferences (linked premises, relations attacked or supported) are nodes here too,
    computed from their definition (:func:`_node_update`). Raises
    :class:`~arggraph.errors.SemanticsError` for an unknown semantics or for supports
    under ``hcat``, and :class:`~arggraph.errors.ConvergenceError` when a cyclic graph
    does not settle within ``max_rounds`` rounds in all.
    """
    update = _update_of(semantics)
    entry = gradual(semantics)
    if not entry.supports and (len(fw.sup_src) or bool(fw.inf_sup.any())):
        raise SemanticsError(f"{entry.label} takes attacks only, and this graph has supports")
    base = fw.base.tolist() + fw.inf_w.tolist()
    incoming = _in_edges(fw)
    node_update = _node_update(fw, update)
    order = _topological(fw, incoming)
    if order is not None:
        strength = list(base)
        for v in order:
            strength[v] = node_update(v, base[v], incoming[v], strength)
        return strength[: fw.n]
    return _iterate(fw, node_update, base, incoming, tol, max_rounds, patience)[: fw.n]


def _iterate(
    fw: Framework,
    node_update: Callable[[int, float, list[InEdge], list[float]], float],
    base: list[float],
    incoming: list[list[InEdge]],
    tol: float,
    max_rounds: int,
    patience: int,
) -> list[float]:
    damping = 1.0
    strength = list(base)
    size = len(base)
    residual = [0.0] * size
    for round_ in range(1, max_rounds + 1):
        target = [node_update(v, base[v], incoming[v], strength) for v in range(size)]
        residual = [abs(t - s) for t, s in zip(target, strength, strict=True)]
        if max(residual, default=0.0) <= tol:
            return target
        strength = [s + damping * (t - s) for s, t in zip(strength, target, strict=True)]
        if round_ % patience == 0 and round_ < patience * (DAMPING_RESTARTS + 1):
            damping /= 2.0
    moving = {fw.node_name(v): strength[v] for v in range(size) if residual[v] > tol}
    raise ConvergenceError(
        f"no fixed point within {max_rounds} rounds: {len(moving)} claims still moving",
        moving=moving,
        last={fw.node_name(v): strength[v] for v in range(size)},
    )


def grounded_queue(n: int, src: list[int], tgt: list[int]) -> list[int]:
    """Dung's grounded labelling by the textbook queue, in plain Python.

    The yardstick for :func:`arggraph.semantics.dung.grounded_codes` (tests) and its
    baseline (benchmarks): a claim is IN (1) once every attacker is OUT, OUT (2) once an
    attacker is IN, and UNDECIDED (0) when neither ever happens. ``src[k]`` attacks
    ``tgt[k]``; weights are the caller's business (drop weight-0 attacks first).

    >>> grounded_queue(3, [0, 1], [1, 2])
    [1, 2, 1]
    >>> grounded_queue(2, [0, 1], [1, 0])
    [0, 0]
    """
    out: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for s, t in zip(src, tgt, strict=True):
        out[s].append(t)
        waiting[t] += 1
    label = [0] * n
    queue = deque(i for i in range(n) if waiting[i] == 0)
    for i in queue:
        label[i] = 1
    while queue:
        a = queue.popleft()
        for b in out[a]:
            if label[b] == 0:
                label[b] = 2
                for c in out[b]:
                    waiting[c] -= 1
                    if waiting[c] == 0 and label[c] == 0:
                        label[c] = 1
                        queue.append(c)
    return label
