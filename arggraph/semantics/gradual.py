"""Gradual semantics: every claim's final strength in [0, 1], computed on arrays.

For claim ``a`` with base score ``w``, let ``A`` be its attackers' strengths and ``S``
its supporters' strengths, each multiplied by the weight of its relation (with every
weight 1 these are the papers' formulas exactly):

- ``dfquad`` (Rago et al. 2016), the default: ``F(V) = 1 - prod(1 - v for v in V)``
  (``F`` of nothing is 0), ``va = F(A)``, ``vs = F(S)``; strength
  ``w - w*(va - vs)`` if ``va >= vs``, else ``w + (1 - w)*(vs - va)``.
- ``qe``, quadratic energy (Potyka 2018): ``E = sum(S) - sum(A)``,
  ``h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)``; strength ``w - w*h(-E) + (1 - w)*h(E)``.
- ``euler``, Euler-based (Amgoud & Ben-Naim 2018): ``E = sum(S) - sum(A)``; strength
  ``1 - (1 - w**2) / (1 + w*exp(E))`` (``E`` is capped at 700, where the strength is 1
  to double precision, so that ``exp`` cannot overflow).
- ``hcat``, weighted h-categorizer (attacks only): strength ``w / (1 + sum(A))``.
  A support of weight 0 is no relation; any other support is a
  :class:`~arggraph.errors.SemanticsError`.

How it is computed, and why this way:

1. *The acyclic part, exactly, in one topological sweep (Kahn's algorithm by rounds).*
   Each round takes every claim whose attackers and supporters are all final, computes
   them at once with NumPy, and pushes their weighted strengths along their outgoing
   edges into per-claim accumulators (``np.multiply.at`` for DF-QuAD's products,
   ``np.add.at`` for the sums). Edges are grouped by source once (one vectorised
   ``argsort`` of 32-bit keys), so the rest of the sweep is O(n + m) array work plus a
   few NumPy calls per round; each round's
   ready claims are kept sorted, so its gathers stay close to sequential in memory.
   Random graphs have a few dozen rounds; when the ready set thins out (long chains, the
   tail of a deep graph) the sweep drops to a plain-Python queue over ``memoryview`` s of
   the same arrays, and climbs back to NumPy when the ready set widens again, so a
   million-claim chain is never a million NumPy calls. No JIT, no compiled extension:
   small graphs start instantly and big ones run at array speed.
2. *Cycles, by iteration to a fixed point, one strongly connected component at a time.*
   Claims the sweep cannot reach lie on or below a cycle. Their strongly connected
   components (Tarjan's algorithm in Python for small remainders, SciPy's compiled one
   for large) are ordered topologically (condensation levels); each cyclic component is
   solved once everything upstream of it is final: starting from the base scores, every
   claim of the component is updated at once (Jacobi) until no claim moves by more than
   ``tol`` (1e-9). Where plain iteration has not settled after ``PATIENCE`` rounds it
   continues damped, ``s <- s + d*(f(s) - s)`` with ``d`` halved up to
   ``DAMPING_RESTARTS`` times: the explicit Euler scheme of the continuous model Potyka
   (2018) uses for cyclic graphs, which settles where plain iteration oscillates and has
   exactly the same fixed points. After ``max_rounds`` rounds in a component the claims
   still moving are reported by a :class:`~arggraph.errors.ConvergenceError` with their
   last values, never returned as if exact. Where a component has several fixed points,
   the result is the one this schedule reaches from the base scores.

The same machinery (:class:`Layout`, :class:`Region`, :func:`evaluate`) serves the
incremental engine, the explanations and the verdict, so that every answer agrees.

>>> fw = Framework.from_edges(["a", "b", "c"], [0.5, 0.5, 0.8],
...                           attacks=[("a", "c", 1.0)], supports=[("b", "c", 0.5)])
>>> strengths(fw, "dfquad").round(4).tolist()
[0.5, 0.5, 0.6]
>>> round(score(fw, "qe")["c"], 4)
0.7529
"""

from __future__ import annotations

import math
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from ..errors import ConvergenceError, SemanticsError
from ..framework import BoolArray, FloatArray, Framework, IntArray

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "DAMPING_RESTARTS",
    "MAX_ROUNDS",
    "PATIENCE",
    "SEMANTICS",
    "TOLERANCE",
    "Group",
    "Layout",
    "Region",
    "Scenario",
    "check_semantics",
    "compute",
    "derivatives",
    "evaluate",
    "finish",
    "framework_of",
    "layout",
    "score",
    "strengths",
    "views_of",
]

AnyIntArray = npt.NDArray[np.signedinteger[Any]]

#: The gradual semantics, default first.
SEMANTICS: tuple[str, ...] = ("dfquad", "qe", "euler", "hcat")
#: A cyclic component has converged when no claim moves by more than this in a round.
TOLERANCE = 1e-9
#: Rounds allowed to one cyclic component before a ConvergenceError.
MAX_ROUNDS = 10_000
#: Rounds of plain (then each damped) iteration before the damping is halved.
PATIENCE = 500
#: How many times the damping is halved before the last stage runs to MAX_ROUNDS.
DAMPING_RESTARTS = 4

# Below this many ready claims the topological sweep runs in plain Python.
_PY_FRONTIER = 32
_EULER_CAP = 700.0


# ---------------------------------------------------------------------- formulas
def _identity(semantics: str) -> float:
    """The empty aggregate: a product of no factors (DF-QuAD) or a sum of no terms."""
    return 1.0 if semantics == "dfquad" else 0.0


def finish(semantics: str, b: FloatArray, a: FloatArray, s: FloatArray) -> FloatArray:
    """Strengths from bases ``b`` and the aggregates of attackers ``a`` and supporters ``s``.

    For DF-QuAD the aggregates are the products ``prod(1 - x)`` (so ``va = 1 - a``);
    for the other semantics they are the sums of the weighted strengths.

    >>> finish("dfquad", np.array([0.5]), np.array([0.6]), np.array([1.0])).tolist()
    [0.3]
    """
    if semantics == "dfquad":
        d = s - a  # va - vs
        return np.where(d >= 0.0, b - b * d, b - (1.0 - b) * d)
    if semantics == "qe":
        e = s - a
        p = np.maximum(e, 0.0)
        q = np.maximum(-e, 0.0)
        return b - b * (q * q / (1.0 + q * q)) + (1.0 - b) * (p * p / (1.0 + p * p))
    if semantics == "euler":
        # At E = 0 the formula is exactly w; evaluated in floating point it can miss by
        # an ulp, and a claim with nothing for or against it must keep its base exactly.
        e = np.minimum(s - a, _EULER_CAP)
        return np.where(e == 0.0, b, 1.0 - (1.0 - b * b) / (1.0 + b * np.exp(e)))
    return b / (1.0 + a)


def _finish_scalar(semantics: str) -> Callable[[float, float, float], float]:
    """The same formulas for one claim, for the plain-Python paths."""
    if semantics == "dfquad":

        def f(b: float, a: float, s: float) -> float:
            d = s - a
            return b - b * d if d >= 0.0 else b - (1.0 - b) * d
    elif semantics == "qe":

        def f(b: float, a: float, s: float) -> float:
            e = s - a
            p = e if e > 0.0 else 0.0
            q = -e if e < 0.0 else 0.0
            return b - b * (q * q / (1.0 + q * q)) + (1.0 - b) * (p * p / (1.0 + p * p))
    elif semantics == "euler":

        def f(b: float, a: float, s: float) -> float:
            e = min(s - a, _EULER_CAP)
            return b if e == 0.0 else 1.0 - (1.0 - b * b) / (1.0 + b * math.exp(e))
    else:

        def f(b: float, a: float, s: float) -> float:
            return b / (1.0 + a)

    return f


def derivatives(
    semantics: str, b: FloatArray, a: FloatArray, s: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Partial derivatives of the strength: by the base, by ``va``/sum(A), by ``vs``/sum(S).

    For DF-QuAD the last two are by ``va`` and ``vs`` (multiply by the product of the
    other factors to get the derivative by one edge's contribution); for the sums they
    are by each attacker's or supporter's weighted strength directly. At DF-QuAD's kink
    ``va == vs`` they are those of the branch the formula takes there (``va >= vs``).

    >>> [x.tolist() for x in derivatives("hcat", np.array([1.0]), np.array([1.0]),
    ...                                  np.array([0.0]))]
    [[0.5], [-0.25], [0.0]]
    """
    if semantics == "dfquad":
        d = s - a
        up = d >= 0.0
        return 1.0 - np.abs(d), np.where(up, -b, b - 1.0), np.where(up, b, 1.0 - b)
    if semantics == "qe":
        e = s - a
        p = np.maximum(e, 0.0)
        q = np.maximum(-e, 0.0)
        hp, hq = p * p / (1.0 + p * p), q * q / (1.0 + q * q)
        dp, dq = 2.0 * p / (1.0 + p * p) ** 2, 2.0 * q / (1.0 + q * q) ** 2
        de = b * dq + (1.0 - b) * dp
        return 1.0 - hq - hp, -de, de
    if semantics == "euler":
        raw = s - a
        e = np.minimum(raw, _EULER_CAP)
        ex = np.exp(e)
        u = 1.0 / (1.0 + b * ex)
        de = np.where(raw < _EULER_CAP, (1.0 - b * b) * ((b * ex) * u) * u, 0.0)
        return 2.0 * b * u + (1.0 - b * b) * (ex * u) * u, -de, de
    denom = 1.0 + a
    return 1.0 / denom, -b / (denom * denom), np.zeros_like(s)


def check_semantics(semantics: str) -> None:
    """Raise :class:`~arggraph.errors.SemanticsError` unless ``semantics`` is known."""
    if semantics not in SEMANTICS:
        import difflib

        close = difflib.get_close_matches(semantics, SEMANTICS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SemanticsError(
            f"unknown gradual semantics {semantics!r}{hint} (choose one of {', '.join(SEMANTICS)})"
        )


def _check_inputs(
    semantics: str,
    ids: Sequence[str],
    base: FloatArray,
    n_att: int,
    w: FloatArray,
    relation_ids: Callable[[], Sequence[str]],
) -> None:
    check_semantics(semantics)
    if base.size and not (np.all(base >= 0.0) and np.all(base <= 1.0)):
        bad = int(np.flatnonzero(~((base >= 0.0) & (base <= 1.0)))[0])
        raise SemanticsError(
            f"base score of claim {ids[bad]!r} is {float(base[bad])!r}, not in [0, 1]"
        )
    if w.size and not (np.all(w >= 0.0) and np.all(w <= 1.0)):
        bad = int(np.flatnonzero(~((w >= 0.0) & (w <= 1.0)))[0])
        raise SemanticsError(
            f"weight of relation {relation_ids()[bad]!r} is {float(w[bad])!r}, not in [0, 1]"
        )
    if semantics == "hcat" and np.any(w[n_att:] > 0.0):
        bad = n_att + int(np.flatnonzero(w[n_att:] > 0.0)[0])
        raise SemanticsError(
            f"h-categorizer takes attacks only, and relation {relation_ids()[bad]!r} is a "
            "support (use dfquad, qe or euler, or give the support weight 0)"
        )


# ---------------------------------------------------------------------- arrays
def _order_by(keys: IntArray, bound: int) -> IntArray:
    """A permutation that groups non-negative integer ``keys`` (below ``bound``) in order.

    Small inputs sort stably. Big ones sort 32-bit copies of the keys with NumPy's
    default argsort (vectorised introsort, the fastest here: a third faster than two
    16-bit radix passes); the order within one key is then arbitrary but deterministic,
    and nothing depends on it.
    """
    if len(keys) < 50_000:
        return np.argsort(keys, kind="stable")
    if bound < 1 << 31:
        return np.argsort(keys.astype(np.int32))
    return np.argsort(keys)  # pragma: no cover - beyond two billion claims


def _group(keys: IntArray, bound: int) -> tuple[IntArray, IntArray]:
    """``(ptr, order)``: the items grouped by key (a CSR index)."""
    return _ptr(keys, bound), _order_by(keys, bound)


def _expand(starts: IntArray, counts: IntArray, count_up: AnyIntArray | None = None) -> IntArray:
    """The concatenation of ``range(start, start + count)`` for each pair.

    ``count_up`` may hold ``arange`` of enough length, to save allocating one per call.
    """
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    out: IntArray = np.repeat(starts - offsets, counts)
    out += count_up[:total] if count_up is not None else np.arange(total, dtype=np.int64)
    return out


def views_of(*arrays: npt.NDArray[Any]) -> tuple[Any, ...]:
    """Memoryviews of arrays, for the plain-Python paths.

    Reading and writing one element through a memoryview costs a third of NumPy's scalar
    indexing and shares the array's memory, so Python and NumPy steps can alternate on
    the same state without copies.
    """
    return tuple(memoryview(cast(Any, a)) for a in arrays)


def _ready(found: AnyIntArray, mask: BoolArray) -> IntArray:
    """The distinct claims of ``found``, sorted (``mask`` is all False, and left so).

    Sorted frontiers keep the next round's gathers close to sequential in memory. A big
    set is read off a boolean mask (one pass over all claims); a small one is sorted.
    """
    if len(found) * 64 < len(mask):
        return np.unique(found).astype(np.int64, copy=False)
    mask[found] = True
    out = np.flatnonzero(mask)
    mask[out] = False
    return out


def _ptr(keys: IntArray, n: int) -> IntArray:
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=ptr[1:])
    return ptr


# ---------------------------------------------------------------------- layout
class Layout:
    """The structure of a framework's edges, computed once and shared by every run.

    Edges are numbered attacks first, then supports (``e < n_att`` is an attack). The
    out-edges (by source) drive the topological sweep; the in-edges (by target, attacks
    before supports) drive recomputation of any set of claims. ``rank`` orders the
    claims for recomputation: along every edge outside a cyclic component the rank
    grows, and the claims of one cyclic component share a rank (``scc`` >= 0 names the
    component; -1 for claims on no cycle).
    """

    def __init__(self, fw: Framework) -> None:
        self.ids = fw.ids
        self.n = fw.n
        self.n_att = len(fw.att_src)
        self.src: IntArray = np.concatenate([fw.att_src, fw.sup_src]).astype(np.int64, copy=False)
        self.tgt: IntArray = np.concatenate([fw.att_tgt, fw.sup_tgt]).astype(np.int64, copy=False)
        self.m = len(self.src)
        self.sup: BoolArray = np.zeros(self.m, dtype=bool)
        self.sup[self.n_att :] = True
        # The framework itself is not kept: the layout cache maps frameworks to layouts
        # weakly, and a reference back would keep both alive forever.
        self._given_ids = (fw.att_rel, fw.sup_rel)
        self.rank: IntArray | None = None
        self.scc: IntArray = np.full(self.n, -1, dtype=np.int64)
        self.remainder: IntArray = np.zeros(0, dtype=np.int64)

    @cached_property
    def relation_ids(self) -> tuple[str, ...]:
        """The relation id of each edge (attacks first; ``TYPE:SOURCE->TARGET`` if none)."""
        out: list[str] = []
        for k, (given, kind) in enumerate(zip(self._given_ids, ("attack", "support"), strict=True)):
            if given is not None:
                out.extend(given)
                continue
            part = slice(0, self.n_att) if k == 0 else slice(self.n_att, self.m)
            ids = self.ids
            out.extend(
                f"{kind}:{ids[a]}->{ids[b]}"
                for a, b in zip(self.src[part].tolist(), self.tgt[part].tolist(), strict=True)
            )
        return tuple(out)

    @cached_property
    def out_csr(self) -> tuple[IntArray, IntArray, AnyIntArray]:
        """``(ptr, edge, key)``: out-edges grouped by source.

        ``key`` is ``2*target + is_support``, the accumulator slot an edge feeds (32-bit
        where the claims' count allows: half the memory traffic).
        """
        ptr, order = _group(self.src, self.n)
        small = 2 * self.n + 1 < 1 << 31
        slot: AnyIntArray = self.tgt.astype(np.int32 if small else np.int64)
        slot <<= 1
        slot |= self.sup
        key: AnyIntArray = slot[order]
        return ptr, order, key

    @cached_property
    def out_tgt(self) -> AnyIntArray:
        """The target of each out-edge, in :attr:`out_csr` order."""
        tgt: AnyIntArray = self.out_csr[2] >> 1
        return tgt

    @cached_property
    def in_csr(self) -> tuple[IntArray, IntArray]:
        """``(ptr, edge)``: in-edges grouped by target, attacks before supports."""
        by_slot = _group(self.tgt * 2 + self.sup, 2 * self.n)[1]
        return _ptr(self.tgt, self.n), by_slot

    @cached_property
    def indegree(self) -> IntArray:
        return np.bincount(self.tgt, minlength=self.n).astype(np.int64, copy=False)

    @cached_property
    def in_src(self) -> IntArray:
        """The source of each in-edge, in :attr:`in_csr` order."""
        src: IntArray = self.src[self.in_csr[1]]
        return src

    def descendants(self, seeds: Sequence[int]) -> IntArray:
        """The claims reachable from ``seeds`` along relations, seeds included (sorted)."""
        return _closure(self.out_csr[0], self.out_tgt, seeds, self.n)

    def ancestors(self, seeds: Sequence[int]) -> IntArray:
        """The claims from which ``seeds`` can be reached, seeds included (sorted)."""
        return _closure(self.in_csr[0], self.in_src, seeds, self.n)

    def weights(self, fw: Framework) -> FloatArray:
        """The edge weights of ``fw`` (same structure), attacks first."""
        return np.concatenate([fw.att_w, fw.sup_w]).astype(np.float64, copy=False)

    @cached_property
    def remainder_region(self) -> Region:
        """The claims on or below a cycle, ready to iterate (after one full compute)."""
        return Region.build(self, self.remainder)

    # ------------------------------------------------------------------ cycles
    def _order_remainder(self) -> None:
        """Components and ranks of the claims the sweep could not reach."""
        assert self.rank is not None
        rest = self.remainder
        if not rest.size:
            return
        local = np.full(self.n, -1, dtype=np.int64)
        local[rest] = np.arange(len(rest), dtype=np.int64)
        inside = local[self.src] >= 0
        e_src, e_tgt = local[self.src[inside]], local[self.tgt[inside]]
        comp, count = _components(len(rest), e_src, e_tgt)
        size = np.bincount(comp, minlength=count)
        loops = e_src == e_tgt
        cyclic = size > 1
        cyclic[comp[e_src[loops]]] = True
        across = comp[e_src] != comp[e_tgt]
        level = _levels(count, comp[e_src[across]], comp[e_tgt[across]])
        start = int(self.rank.max(initial=-1)) + 1
        self.rank[rest] = start + 2 * level[comp] + cyclic[comp]
        scc = np.where(cyclic[comp], comp, -1)
        self.scc[rest] = scc


def _closure(
    ptr: IntArray, nbr: AnyIntArray, seeds: Sequence[int], n: int, small: int = 256
) -> IntArray:
    """Every node reachable from ``seeds`` in the CSR graph ``(ptr, nbr)``, sorted.

    A plain-Python search while the set is small (an edit in a debate usually reaches a
    handful of claims), NumPy rounds once it grows.
    """
    vptr, vnbr = views_of(ptr, nbr)
    seen = set(seeds)
    stack = list(seen)
    while stack and len(seen) <= small:
        v = stack.pop()
        for j in range(vptr[v], vptr[v + 1]):
            t = vnbr[j]
            if t not in seen:
                seen.add(t)
                stack.append(t)
    if not stack:
        return np.array(sorted(seen), dtype=np.int64)
    mask = np.zeros(n, dtype=bool)
    mask[np.fromiter(seen, dtype=np.int64, count=len(seen))] = True
    frontier = np.array(stack, dtype=np.int64)
    while len(frontier):
        starts = ptr[frontier]
        found = nbr[_expand(starts, ptr[frontier + 1] - starts)]
        found = np.unique(found[~mask[found]])
        mask[found] = True
        frontier = found
    return np.flatnonzero(mask).astype(np.int64, copy=False)


def _components(n: int, src: IntArray, tgt: IntArray) -> tuple[IntArray, int]:
    """Strongly connected components: (label of each node, number of components)."""
    if n > 4000:
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        graph = sp.csr_array((np.ones(len(src), dtype=np.int8), (src, tgt)), shape=(n, n))
        count, labels = connected_components(graph, directed=True, connection="strong")
        return labels.astype(np.int64), int(count)
    # Iterative Tarjan, for small remainders (no SciPy import on the path of small graphs).
    adj: list[list[int]] = [[] for _ in range(n)]
    for s, t in zip(src.tolist(), tgt.tolist(), strict=True):
        adj[s].append(t)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    label = [-1] * n
    stack: list[int] = []
    counter = 0
    comps = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            recurse = False
            edges = adj[v]
            while i < len(edges):
                t = edges[i]
                i += 1
                if index[t] < 0:
                    work.append((v, i))
                    work.append((t, 0))
                    recurse = True
                    break
                if on_stack[t]:
                    low[v] = min(low[v], index[t])
            if recurse:
                continue
            if low[v] == index[v]:
                while True:
                    x = stack.pop()
                    on_stack[x] = False
                    label[x] = comps
                    if x == v:
                        break
                comps += 1
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return np.array(label, dtype=np.int64), comps


def _levels(n: int, src: IntArray, tgt: IntArray) -> IntArray:
    """Longest-path level of each node of a DAG (sources 0), by Kahn's rounds."""
    level = np.zeros(n, dtype=np.int64)
    if not len(src):
        return level
    order = _order_by(src, n)
    ptr, out = _ptr(src, n), tgt[order]
    indeg = np.bincount(tgt, minlength=n)
    ready = np.zeros(n, dtype=bool)
    frontier = np.flatnonzero(indeg == 0)
    depth = 0
    while len(frontier):
        level[frontier] = depth
        depth += 1
        starts = ptr[frontier]
        targets = out[_expand(starts, ptr[frontier + 1] - starts)]
        np.subtract.at(indeg, targets, 1)
        frontier = _ready(targets[indeg[targets] == 0], ready)
    return level


_LAYOUTS: weakref.WeakKeyDictionary[Framework, Layout] = weakref.WeakKeyDictionary()


def layout(fw: Framework) -> Layout:
    """The (cached) :class:`Layout` of a framework."""
    lay = _LAYOUTS.get(fw)
    if lay is None:
        lay = Layout(fw)
        _LAYOUTS[fw] = lay
    return lay


# ---------------------------------------------------------------------- regions
@dataclass(frozen=True, eq=False)
class Group:
    """Claims of one rank inside a :class:`Region` (columns ``lo:hi``) and their in-edges.

    In-edges are sorted by target then type; a *segment* is the run of edges of one
    type into one target (``seg_start`` indexes ``edges``; ``seg_tgt`` is the target's
    column within the group). A cyclic group holds whole strongly connected components,
    in contiguous column runs starting at ``scc_start``.
    """

    lo: int
    hi: int
    cyclic: bool
    edges: IntArray
    src_col: IntArray
    tgt_col: IntArray
    seg_start: IntArray
    seg_tgt: IntArray
    seg_sup: BoolArray
    scc_start: IntArray

    @cached_property
    def att_segments(self) -> IntArray:
        return np.flatnonzero(~self.seg_sup)

    @cached_property
    def sup_segments(self) -> IntArray:
        return np.flatnonzero(self.seg_sup)

    @cached_property
    def edge_segment(self) -> IntArray:
        """The segment of each edge."""
        out = np.zeros(len(self.edges), dtype=np.int64)
        if len(self.seg_start) > 1:
            out[self.seg_start[1:]] = 1
        return np.cumsum(out)


@dataclass(frozen=True, eq=False)
class Region:
    """A set of claims to (re)compute, in rank order, with the sources feeding it.

    Values live in a matrix ``V`` of shape ``(rows, len(nodes) + len(ext))``: column ``j
    < len(nodes)`` is claim ``nodes[j]``; the last ``len(ext)`` columns hold the fixed
    strengths of claims outside the region that feed it. Every row is one scenario
    (a base score tried, a claim removed), computed side by side.
    """

    nodes: IntArray
    ext: IntArray
    groups: tuple[Group, ...]

    @classmethod
    def build(cls, lay: Layout, members: IntArray) -> Region:
        """The region of ``members`` (whole cyclic components), ordered by rank."""
        assert lay.rank is not None
        rank, scc = lay.rank[members], lay.scc[members]
        nodes = members[np.lexsort((scc, rank))]
        rank = lay.rank[nodes]
        r = len(nodes)
        ptr, in_edge = lay.in_csr
        starts = ptr[nodes]
        counts = ptr[nodes + 1] - starts
        edges = in_edge[_expand(starts, counts)]
        tgt_col = np.repeat(np.arange(r, dtype=np.int64), counts)
        src = lay.src[edges]
        col_of = np.full(lay.n, -1, dtype=np.int64)
        col_of[nodes] = np.arange(r, dtype=np.int64)
        src_col = col_of[src]
        outside = src_col < 0
        ext = np.unique(src[outside])
        src_col[outside] = r + np.searchsorted(ext, src[outside])
        sup = lay.sup[edges]
        key = tgt_col * 2 + sup
        seg_start = np.flatnonzero(np.diff(key, prepend=-1)) if len(key) else key
        bounds = np.concatenate([[0], np.flatnonzero(np.diff(rank)) + 1, [r]]).astype(np.int64)
        e_bounds = np.searchsorted(tgt_col, bounds)
        s_bounds = np.searchsorted(seg_start, e_bounds)
        groups = []
        for g in range(len(bounds) - 1):
            lo, hi = int(bounds[g]), int(bounds[g + 1])
            e0, e1 = int(e_bounds[g]), int(e_bounds[g + 1])
            s0, s1 = int(s_bounds[g]), int(s_bounds[g + 1])
            cyclic = bool(lay.scc[nodes[lo]] >= 0)
            if cyclic:
                comp = lay.scc[nodes[lo:hi]]
                scc_start = np.flatnonzero(np.diff(comp, prepend=-2)).astype(np.int64)
            else:
                scc_start = np.zeros(0, dtype=np.int64)
            segs = seg_start[s0:s1]
            groups.append(
                Group(
                    lo,
                    hi,
                    cyclic,
                    edges[e0:e1],
                    src_col[e0:e1],
                    tgt_col[e0:e1] - lo,
                    segs - e0,
                    tgt_col[segs] - lo,
                    sup[segs],
                    scc_start,
                )
            )
        return cls(nodes, ext, tuple(groups))

    @property
    def size(self) -> int:
        return len(self.nodes)


def _aggregate(
    semantics: str,
    group: Group,
    values: FloatArray,
    w: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """The attack and support aggregates of each claim of a group, per row."""
    rows = values.shape[0]
    width = group.hi - group.lo
    ident = _identity(semantics)
    a = np.full((rows, width), ident)
    s = np.full((rows, width), ident)
    if len(group.edges):
        x = values[:, group.src_col] * w[group.edges]
        if semantics == "dfquad":
            red = np.multiply.reduceat(1.0 - x, group.seg_start, axis=1)
        else:
            red = np.add.reduceat(x, group.seg_start, axis=1)
        att, sup = group.att_segments, group.sup_segments
        a[:, group.seg_tgt[att]] = red[:, att]
        s[:, group.seg_tgt[sup]] = red[:, sup]
    return a, s


@dataclass
class Scenario:
    """What differs between the rows of an :func:`evaluate` call.

    ``base_col``/``base_values``: the column whose base score each row replaces (one
    value per row). ``clamp_rows``/``clamp_cols``: in row ``clamp_rows[i]`` the claim in
    column ``clamp_cols[i]`` is removed (its strength held at 0, so it contributes
    nothing, exactly as if it and its relations were deleted).
    """

    rows: int = 1
    base_col: int = -1
    base_values: FloatArray | None = None
    clamp_rows: IntArray | None = None
    clamp_cols: IntArray | None = None


def evaluate(
    region: Region,
    semantics: str,
    strength: FloatArray,
    base: FloatArray,
    w: FloatArray,
    ids: Sequence[str],
    scenario: Scenario | None = None,
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> FloatArray:
    """Compute every claim of ``region`` from its inputs, for each row of a scenario.

    ``strength`` gives the (final) strengths of the claims outside the region. Returns
    ``V`` (see :class:`Region`).
    """
    sc = scenario or Scenario()
    r = region.size
    values = np.empty((sc.rows, r + len(region.ext)))
    values[:, r:] = strength[region.ext]
    node_base = base[region.nodes]
    for group in region.groups:
        b: FloatArray = np.broadcast_to(
            node_base[group.lo : group.hi], (sc.rows, group.hi - group.lo)
        )
        if group.lo <= sc.base_col < group.hi:
            assert sc.base_values is not None
            b = b.copy()
            b[:, sc.base_col - group.lo] = sc.base_values
        clamp: tuple[IntArray, IntArray] | None = None
        if sc.clamp_rows is not None and sc.clamp_cols is not None:
            hit = (sc.clamp_cols >= group.lo) & (sc.clamp_cols < group.hi)
            if hit.any():
                clamp = (sc.clamp_rows[hit], sc.clamp_cols[hit] - group.lo)
        if group.cyclic:
            _iterate(region, group, semantics, values, b, w, ids, clamp, tol, max_rounds)
        else:
            a, s = _aggregate(semantics, group, values, w)
            out = finish(semantics, b, a, s)
            if clamp is not None:
                out[clamp] = 0.0
            values[:, group.lo : group.hi] = out
    return values


def _iterate(
    region: Region,
    group: Group,
    semantics: str,
    values: FloatArray,
    b: FloatArray,
    w: FloatArray,
    ids: Sequence[str],
    clamp: tuple[IntArray, IntArray] | None,
    tol: float,
    max_rounds: int,
) -> None:
    """Solve the cyclic components of a group, each row and component on its own.

    Every (row, component) starts from the base scores and stops as soon as none of its
    claims moves by more than ``tol``; the damping schedule is shared (a component's
    stage depends only on the round number), so the result for each one is what it
    would be if it were solved alone.
    """
    lo, hi = group.lo, group.hi
    current = np.array(b, dtype=np.float64)
    if clamp is not None:
        current[clamp] = 0.0
    sizes = np.diff(np.append(group.scc_start, hi - lo))
    active = np.ones((values.shape[0], len(group.scc_start)), dtype=bool)
    damping = 1.0
    with np.errstate(over="ignore"):
        for round_ in range(1, max_rounds + 1):
            values[:, lo:hi] = current
            a, s = _aggregate(semantics, group, values, w)
            target = finish(semantics, b, a, s)
            if clamp is not None:
                target[clamp] = 0.0
            step = target - current
            residual = np.maximum.reduceat(np.abs(step), group.scc_start, axis=1)
            done = active & (residual <= tol)
            moving = np.repeat(active & ~done, sizes, axis=1)
            settled = np.repeat(done, sizes, axis=1)
            current = np.where(settled, target, np.where(moving, current + damping * step, current))
            active &= ~done
            if not active.any():
                values[:, lo:hi] = current
                return
            if round_ % PATIENCE == 0 and round_ < PATIENCE * (DAMPING_RESTARTS + 1):
                damping /= 2.0
    values[:, lo:hi] = current
    cols = np.flatnonzero(np.repeat(active, sizes, axis=1).any(axis=0))
    row = int(np.flatnonzero(active.any(axis=1))[0])
    nodes = region.nodes[lo + cols]
    last = current[row, cols]
    moving_ = {ids[v]: float(x) for v, x in zip(nodes.tolist(), last.tolist(), strict=True)}
    shown = ", ".join(f"{cid!r} at {x:.6g}" for cid, x in list(moving_.items())[:5])
    more = f" and {len(moving_) - 5} more" if len(moving_) > 5 else ""
    allv = {
        ids[v]: float(x)
        for v, x in zip(region.nodes[lo:hi].tolist(), current[row].tolist(), strict=True)
    }
    raise ConvergenceError(
        f"no fixed point within {max_rounds} rounds (tolerance {tol:g}): "
        f"{len(moving_)} claims on a cycle still moving: {shown}{more}",
        moving=moving_,
        last=allv,
    )


# ---------------------------------------------------------------------- full compute
def _sweep(lay: Layout, semantics: str, base: FloatArray, w: FloatArray) -> FloatArray:
    """Strengths of every claim on no cycle and below none, by Kahn's rounds.

    Records the rank of each claim in the layout the first time. Claims left over (on
    or below a cycle) keep their base in the result.
    """
    n = lay.n
    ptr, order, out_key = lay.out_csr
    out_w = w[order]
    indeg = lay.indegree.copy()
    mult = semantics == "dfquad"
    acc = np.full(2 * n, _identity(semantics))
    strength = base.astype(np.float64, copy=True)
    record = lay.rank is None
    rank = np.full(n, -1, dtype=np.int64) if record else np.zeros(0, dtype=np.int64)
    ready = np.zeros(n, dtype=bool)
    count_up: AnyIntArray = np.arange(
        max(lay.m, n), dtype=np.int32 if lay.m < 1 << 31 else np.int64
    )
    frontier = np.flatnonzero(indeg == 0)
    batch = 0
    fin1 = _finish_scalar(semantics)
    views: tuple[Any, ...] | None = None
    with np.errstate(over="ignore"):
        while len(frontier):
            if len(frontier) >= _PY_FRONTIER:
                if record:
                    rank[frontier] = batch
                batch += 1
                sf = finish(semantics, base[frontier], acc[2 * frontier], acc[2 * frontier + 1])
                strength[frontier] = sf
                starts = ptr[frontier]
                counts = ptr[frontier + 1] - starts
                e = _expand(starts, counts, count_up)
                x = out_w[e] * np.repeat(sf, counts)
                k = out_key[e]
                if mult:
                    np.multiply.at(acc, k, 1.0 - x)
                else:
                    np.add.at(acc, k, x)
                t = k >> 1
                np.subtract.at(indeg, t, 1)
                frontier = _ready(t[indeg[t] == 0], ready)
                continue
            if views is None:
                views = views_of(
                    ptr,
                    out_key,
                    out_w,
                    indeg,
                    acc,
                    strength,
                    np.ascontiguousarray(base, dtype=np.float64),
                )
            vptr, vkey, vw, vdeg, vacc, vs, vb = views
            queue = deque(frontier.tolist())
            done: list[int] = []
            while queue and len(queue) < _PY_FRONTIER:
                v = queue.popleft()
                done.append(v)
                sv = fin1(vb[v], vacc[2 * v], vacc[2 * v + 1])
                vs[v] = sv
                for j in range(vptr[v], vptr[v + 1]):
                    x1 = vw[j] * sv
                    k = vkey[j]
                    if mult:
                        vacc[k] *= 1.0 - x1
                    else:
                        vacc[k] += x1
                    t1 = k >> 1
                    d = vdeg[t1] - 1
                    vdeg[t1] = d
                    if d == 0:
                        queue.append(t1)
            if record and done:
                rank[np.array(done, dtype=np.int64)] = np.arange(
                    batch, batch + len(done), dtype=np.int64
                )
            batch += len(done)
            frontier = np.array(queue, dtype=np.int64)
    if record:
        lay.rank = rank
        lay.remainder = np.flatnonzero(rank < 0)
        lay._order_remainder()
    return strength


def compute(
    lay: Layout,
    semantics: str,
    base: FloatArray,
    w: FloatArray,
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> FloatArray:
    """Every claim's strength on a laid-out framework with these bases and weights."""
    strength = _sweep(lay, semantics, base, w)
    if lay.remainder.size:
        region = lay.remainder_region
        values = evaluate(
            region, semantics, strength, base, w, lay.ids, tol=tol, max_rounds=max_rounds
        )
        strength[region.nodes] = values[0, : region.size]
    return strength


def strengths(
    fw: Framework,
    semantics: str = "dfquad",
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> FloatArray:
    """Every claim's final strength under a gradual semantics, aligned with ``fw.ids``.

    >>> fw = Framework.from_edges(["a", "b"], [1.0, 1.0], attacks=[("a", "b"), ("b", "a")])
    >>> strengths(fw, "hcat").round(6).tolist()   # the golden ratio's inverse, twice
    [0.618034, 0.618034]
    """
    lay = layout(fw)
    w = lay.weights(fw)
    _check_inputs(semantics, fw.ids, fw.base, lay.n_att, w, lambda: lay.relation_ids)
    return compute(lay, semantics, fw.base, w, tol=tol, max_rounds=max_rounds)


def framework_of(graph: Graph | Framework, scores: ScoreSheet | None = None) -> Framework:
    """The framework of a graph (or the framework itself), with a score sheet applied."""
    fw = graph if isinstance(graph, Framework) else graph.framework
    return fw.with_scores(scores)


def score(
    graph: Graph | Framework, semantics: str = "dfquad", scores: ScoreSheet | None = None
) -> dict[str, float]:
    """Each claim's final strength, by claim id, in the graph's order.

    ``scores`` (a score sheet) overrides base scores and relation weights first.

    >>> fw = Framework.from_edges(["p", "q"], [0.6, 0.5], attacks=[("q", "p")])
    >>> score(fw)
    {'p': 0.3, 'q': 0.5}
    """
    fw = framework_of(graph, scores)
    return dict(zip(fw.ids, strengths(fw, semantics).tolist(), strict=True))
