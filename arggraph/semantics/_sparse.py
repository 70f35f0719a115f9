"""Sparse-graph helpers the gradual engine builds on: CSR grouping, expansion, closures,
strongly connected components and DAG levels, all on NumPy arrays.

Private to :mod:`arggraph`: the semantics and the checks use them. Each helper picks
between a plain-Python path and a vectorised one by the size of its input, because both
matter here: an edit in the TUI touches a handful of claims, where one NumPy call costs
more than the whole Python loop, and a million-claim file needs array speed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from ..framework import BoolArray, FloatArray, IntArray

__all__ = [
    "AnyIntArray",
    "closure",
    "components",
    "contraction",
    "expand",
    "group",
    "levels",
    "cyclic_edges",
    "order_by",
    "ptr_of",
    "reach",
    "ready",
    "unique_ints",
    "views_of",
]

#: Integer arrays of any width (32-bit keys where the sizes allow: half the memory traffic).
AnyIntArray = npt.NDArray[np.signedinteger[Any]]

#: Above this many nodes, strongly connected components come from SciPy's compiled
#: routine; below it, from Tarjan's algorithm in Python. The split serves start-up: a
#: debate of a few hundred claims never imports SciPy (0.3 s measured here), and a big
#: graph never runs a Python loop per edge.
SCIPY_COMPONENTS = 4000


def order_by(keys: IntArray, bound: int) -> IntArray:
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


def group(keys: IntArray, bound: int) -> tuple[IntArray, IntArray]:
    """``(ptr, order)``: the items grouped by key (a CSR index)."""
    return ptr_of(keys, bound), order_by(keys, bound)


def expand(starts: IntArray, counts: IntArray, count_up: AnyIntArray | None = None) -> IntArray:
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


def unique_ints(values: AnyIntArray) -> IntArray:
    """The distinct values of an integer array, sorted: :func:`numpy.unique` without its
    look for a masked array, which imports ``numpy.ma`` (some 0.05 s) the first time.

    >>> unique_ints(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    ordered = np.sort(np.asarray(values, dtype=np.int64))
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def ready(found: AnyIntArray, mask: BoolArray) -> IntArray:
    """The distinct claims of ``found``, sorted (``mask`` is all False, and left so).

    Sorted frontiers keep the next round's gathers close to sequential in memory. A big
    set is read off a boolean mask (one pass over all claims); a small one is sorted.
    """
    if len(found) * 64 < len(mask):
        return unique_ints(found)
    mask[found] = True
    out = np.flatnonzero(mask)
    mask[out] = False
    return out


def ptr_of(keys: IntArray, n: int) -> IntArray:
    """CSR row pointers of ``keys`` (below ``n``): ``ptr[k]:ptr[k+1]`` holds key ``k``."""
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=ptr[1:])
    return ptr


def closure(
    ptr: IntArray, nbr: AnyIntArray, seeds: Sequence[int], n: int, small: int = 256
) -> IntArray:
    """Every node reachable from ``seeds`` in the CSR graph ``(ptr, nbr)``, sorted.

    A plain-Python search while the set is small (an edit in a debate usually reaches a
    handful of claims), then SciPy's breadth-first search, in C whatever the shape (NumPy
    rounds were one round per step of a deep chain; 3-30x slower on 10k-100k claims).
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
    # Grown past a handful: SciPy's breadth-first search (C), from a virtual node joined
    # to every node found so far, over the CSR arrays as they are (no copy of the graph
    # but the virtual node's row).
    import scipy.sparse as sp
    from scipy.sparse.csgraph import breadth_first_order

    found = np.fromiter(seen, dtype=np.int64, count=len(seen))
    ptr2 = np.append(ptr, ptr[-1] + len(found))
    nbr2 = np.concatenate([np.asarray(nbr, dtype=np.int64), found])
    graph = sp.csr_matrix((np.ones(len(nbr2), dtype=np.int8), nbr2, ptr2), shape=(n + 1, n + 1))
    order = breadth_first_order(graph, n, directed=True, return_predecessors=False)
    out = np.sort(order[order != n]).astype(np.int64, copy=False)
    return out


#: NumPy rounds :func:`reach` and :func:`cyclic_edges` take before a compiled routine
#: finishes the work: most argument maps, however large, are a few dozen steps deep, and
#: are settled in these rounds without importing SciPy (some 0.17 s of CPU); a deep
#: chain is not, and goes on in C.
SHALLOW_ROUNDS = 64


def reach(ptr: IntArray, nbr: AnyIntArray, seeds: IntArray, n: int) -> BoolArray:
    """Whether each of the ``n`` nodes is reachable from ``seeds`` (themselves included)
    in the CSR graph ``(ptr, nbr)``: a breadth-first search, a NumPy round a step for
    :data:`SHALLOW_ROUNDS` steps, then :func:`closure` from what is still to visit.

    >>> ptr, nbr = np.array([0, 1, 2, 2, 2]), np.array([1, 2])
    >>> reach(ptr, nbr, np.array([0]), 4).tolist()
    [True, True, True, False]
    """
    seen = np.zeros(n, dtype=bool)
    frontier = unique_ints(seeds)
    seen[frontier] = True
    mask = np.zeros(n, dtype=bool)
    for _ in range(SHALLOW_ROUNDS):
        if not len(frontier):
            return seen
        starts = ptr[frontier]
        found = np.asarray(nbr)[expand(starts, ptr[frontier + 1] - starts)]
        frontier = ready(found[~seen[found]], mask)
        seen[frontier] = True
    if len(frontier):  # a deep graph: the rest in C
        seen[closure(ptr, nbr, frontier.tolist(), n)] = True
    return seen


def cyclic_edges(n: int, src: IntArray, tgt: IntArray) -> BoolArray | None:
    """Which edges ``src -> tgt`` (over ``n`` nodes) may lie on a cycle: those left after
    peeling, round after round, every edge from a node nothing leads to or into a node
    that leads nowhere (Kahn's algorithm, from both ends). An empty mask proves the graph
    acyclic; ``None`` when :data:`SHALLOW_ROUNDS` rounds did not settle it (the strongly
    connected components then say). The components of what is left are the graph's.

    >>> cyclic_edges(3, np.array([0, 1, 2]), np.array([1, 2, 1])).tolist()
    [False, True, True]
    """
    alive = np.ones(len(src), dtype=bool)
    left = np.arange(len(src))
    for _ in range(SHALLOW_ROUNDS):
        s, t = src[left], tgt[left]
        peel = (np.bincount(t, minlength=n)[s] == 0) | (np.bincount(s, minlength=n)[t] == 0)
        if not peel.any():
            return alive
        alive[left[peel]] = False
        left = left[~peel]
    return alive if not len(left) else None


def components(n: int, src: IntArray, tgt: IntArray) -> tuple[IntArray, int]:
    """Strongly connected components: (label of each node, number of components)."""
    if n > SCIPY_COMPONENTS:
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        graph = sp.csr_array((np.ones(len(src), dtype=np.int8), (src, tgt)), shape=(n, n))
        count, labels = connected_components(graph, directed=True, connection="strong")
        return labels.astype(np.int64), int(count)
    # Iterative Tarjan, for small inputs (see SCIPY_COMPONENTS).
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


def levels(n: int, src: IntArray, tgt: IntArray) -> IntArray:
    """Longest-path level of each node of a DAG (sources 0), by Kahn's rounds."""
    level = np.zeros(n, dtype=np.int64)
    if not len(src):
        return level
    order = order_by(src, n)
    ptr, out = ptr_of(src, n), tgt[order]
    indeg = np.bincount(tgt, minlength=n)
    mask = np.zeros(n, dtype=bool)
    frontier = np.flatnonzero(indeg == 0)
    depth = 0
    while len(frontier):
        level[frontier] = depth
        depth += 1
        starts = ptr[frontier]
        targets = out[expand(starts, ptr[frontier + 1] - starts)]
        np.subtract.at(indeg, targets, 1)
        frontier = ready(targets[indeg[targets] == 0], mask)
    return level


#: A weighted-norm factor must stay this far below 1 to count as a proof (it is computed
#: in floating point).
_CONTRACTION_MARGIN = 1e-9


def contraction(
    row: IntArray, col: IntArray, value: FloatArray, size: int, blocks: IntArray, rounds: int = 64
) -> tuple[FloatArray, FloatArray]:
    """``(gamma, v)``: for a nonnegative matrix ``M[row, col] += value`` that is block
    diagonal (blocks of consecutive indices starting at ``blocks``), weights ``v >= 1`` and,
    per block, ``gamma = max (M v)_i / v_i`` over its indices where that is below 1 (else
    ``inf``).

    A certificate: for any positive ``v``, ``M`` maps ``|x| <= v`` into ``|x| <= gamma v``,
    so an update whose Jacobian is bounded by ``M`` entry by entry is a contraction by
    ``gamma`` in the weighted max norm ``max |x_i| / v_i``. The best ``gamma`` is the
    spectral radius of ``M`` (Collatz-Wielandt), approached by ``v = 1 + M 1 + M^2 1 + ...``
    (the Neumann sums, ``(I - M)^(-1) 1`` when they converge, where ``gamma = 1 - 1 /
    max v``); ``rounds`` of them are summed, stopping early once every block is proven.
    Unlike the largest row or column sum, this proves a matrix contracting whose rows sum
    above 1 in places (a claim with many attackers) as long as its paths fade on the whole.
    """
    import scipy.sparse as sp

    mat = sp.csr_array((value, (row, col)), shape=(size, size))
    v = np.ones(size)
    gamma = np.full(len(blocks), np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        for r in range(1, rounds + 1):
            v = 1.0 + mat @ v
            if r % 8 and r != rounds:
                continue
            ratio = (mat @ v) / v
            found = np.maximum.reduceat(ratio, blocks) if size else np.zeros(0)
            gamma = np.where(found < 1.0 - _CONTRACTION_MARGIN, found, np.inf)
            if np.isfinite(gamma).all() or not np.isfinite(v).all():
                break
    out_v: FloatArray = np.asarray(v, dtype=np.float64)
    out_g: FloatArray = np.asarray(gamma, dtype=np.float64)
    return out_g, out_v
