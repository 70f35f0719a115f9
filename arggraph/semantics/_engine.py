"""The gradual engine's machinery: a framework's layout, regions of claims, evaluation.

Private to :mod:`arggraph.semantics`; :mod:`.gradual` is its public face, and the
incremental engine, ``explain`` and the verdict build on the same pieces, so that every
answer agrees.

How it is computed, and why this way:

1. *The acyclic part, exactly, in one topological sweep (Kahn's algorithm by rounds).*
   :class:`Layout` finds, once, when it is built, the order in which claims become
   final: each *round* is every claim whose attackers and supporters are all final.
   :func:`sweep` then replays that schedule with the values: it computes a round's
   claims at once with NumPy and pushes their weighted strengths along their out-edges
   into per-claim accumulators (``np.multiply.at`` for the probabilistic sum's products,
   ``np.add.at`` for sums). Edges are grouped by source once (one vectorised ``argsort``
   of 32-bit keys), so the rest is O(n + m) array work plus a few NumPy calls per round;
   each round's claims are kept sorted, so its gathers stay close to sequential in
   memory. Random graphs have a few dozen rounds; where the ready set thins out (long
   chains, the tail of a deep graph) the schedule holds a *run* of claims handled one by
   one in plain Python over ``memoryview`` s of the same arrays, and climbs back to NumPy
   when the ready set widens again, so a million-claim chain is never a million NumPy
   calls. No JIT, no compiled extension: small graphs start instantly and big ones run at
   array speed. Computing the schedule apart from the values means a second computation
   on the same framework (another semantics, a score sheet, the TUI's recomputes) skips
   the in-degree bookkeeping altogether.
2. *Cycles, by iteration to a fixed point, one strongly connected component at a time.*
   Claims the sweep cannot reach lie on or below a cycle. Their strongly connected
   components are ordered topologically (condensation levels); each cyclic component is
   solved once everything upstream of it is final: starting from the base scores, every
   claim of the component is updated at once (Jacobi) until no claim moves by more than
   ``tol`` (1e-9). Where plain iteration has not settled after ``PATIENCE`` rounds it
   continues damped, ``s <- s + d*(f(s) - s)`` with ``d`` halved up to
   ``DAMPING_RESTARTS`` times: the explicit Euler scheme of the continuous model Potyka
   (2018) uses for cyclic graphs, which settles where plain iteration oscillates and has
   exactly the same fixed points. A component still unsettled after ``NEWTON_AFTER``
   rounds (where the Jacobian has an eigenvalue 1 and iteration creeps at about 1/t) is
   finished by Newton's method from where the iteration got (:mod:`._newton`). Every
   test is on the residual ``max |F(s) - s|``, never on a step's size. Only if Newton's
   method fails too does the damped iteration go on to ``max_rounds``; then the claims
   still moving are reported by a :class:`~arggraph.errors.ConvergenceError` with their
   last values and the residual left, never returned as if exact. Where a component has
   several fixed points, the result is the one this schedule reaches from the base scores.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConvergenceError, SemanticsError
from ..framework import BoolArray, FloatArray, Framework, IntArray
from ._aggregate import Reducer, edge_scale, reducer
from ._sparse import (
    AnyIntArray,
    closure,
    components,
    expand,
    group,
    levels,
    ptr_of,
    ready,
    views_of,
)
from .registry import GRADUAL, GradualSemantics, Kernels, gradual

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "DAMPING_RESTARTS",
    "MAX_ROUNDS",
    "NEWTON_AFTER",
    "PATIENCE",
    "TOLERANCE",
    "Group",
    "Layout",
    "Region",
    "Rule",
    "Scenario",
    "check_inputs",
    "compute",
    "evaluate",
    "framework_of",
    "layout",
    "prepare",
    "rule",
    "sweep",
]

#: A cyclic component has converged when no claim moves by more than this in a round.
TOLERANCE = 1e-9
#: Rounds allowed to one cyclic component before a ConvergenceError.
MAX_ROUNDS = 10_000
#: Rounds of plain (then each damped) iteration before the damping is halved.
PATIENCE = 500
#: How many times the damping is halved before the last stage runs to MAX_ROUNDS.
DAMPING_RESTARTS = 4
#: Rounds after which a component still unsettled is finished by Newton's method (the
#: damping has then reached its last stage).
NEWTON_AFTER = PATIENCE * (DAMPING_RESTARTS + 1)

# Below this many ready claims the topological sweep runs in plain Python.
_PY_FRONTIER = 32


# ---------------------------------------------------------------------- the rule
@dataclass(frozen=True)
class Rule:
    """A gradual semantics as the engine applies it: its entry, kernels and reducer."""

    entry: GradualSemantics
    kernels: Kernels
    reducer: Reducer

    @property
    def name(self) -> str:
        return self.entry.name

    def weights(self, lay: Layout, w: FloatArray) -> FloatArray:
        """The weights the engine multiplies strengths by (a mean scales them by 1/k)."""
        if self.reducer.scaled:
            scaled: FloatArray = w * lay.edge_scale
            return scaled
        return w


def rule(semantics: str) -> Rule:
    """The :class:`Rule` of a semantics named in the registry (SemanticsError if none)."""
    entry = gradual(semantics)
    return Rule(entry, entry.kernels(), reducer(entry.aggregation))


def check_inputs(
    entry: GradualSemantics,
    ids: Sequence[str],
    base: FloatArray,
    n_att: int,
    w: FloatArray,
    relation_ids: Callable[[], Sequence[str]],
) -> None:
    """Raise :class:`~arggraph.errors.SemanticsError` for inputs the semantics cannot take.

    Bases and weights outside [0, 1]; a support of weight above 0 under a semantics that
    takes attacks only (a support of weight 0 is no relation).
    """
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
    if not entry.supports and np.any(w[n_att:] > 0.0):
        bad = n_att + int(np.flatnonzero(w[n_att:] > 0.0)[0])
        takes = ", ".join(name for name, e in GRADUAL.items() if e.supports)
        raise SemanticsError(
            f"{entry.label} takes attacks only, and relation {relation_ids()[bad]!r} is a "
            f"support (use {takes}, or give the support weight 0)"
        )


# ---------------------------------------------------------------------- layout
@dataclass(frozen=True, eq=False)
class Schedule:
    """The order in which the claims on no cycle (and below none) become final.

    Segment ``k`` is ``order[bounds[k]:bounds[k + 1]]``: a vectorised *round* (claims
    whose inputs are all final, computed at once; its out-edges, as positions in
    :attr:`Layout.out_csr` order, are ``edges[edge_bounds[k]:edge_bounds[k + 1]]``) when
    ``vector[k]``, else a *run* computed one claim at a time in ``order``.
    """

    order: IntArray
    bounds: IntArray
    vector: BoolArray
    edges: AnyIntArray
    edge_bounds: IntArray


class Layout:
    """The structure of a framework's edges, computed once and shared by every run.

    Edges are numbered attacks first, then supports (``e < n_att`` is an attack). The
    out-edges (by source) drive the topological sweep; the in-edges (by target, attacks
    before supports) drive recomputation of any set of claims. Built with it:
    :attr:`schedule` (the sweep's rounds), ``rank`` (orders the claims for recomputation:
    along every edge outside a cyclic component the rank grows, and the claims of one
    cyclic component share a rank), ``scc`` (>= 0 names a claim's cyclic component; -1
    for claims on no cycle) and ``remainder`` (the claims on or below a cycle, sorted).
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
        self.schedule, self.rank = self._schedule()
        self.remainder: IntArray = np.flatnonzero(self.rank < 0)
        self.scc: IntArray = np.full(self.n, -1, dtype=np.int64)
        self._order_remainder()

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
        ptr, order = group(self.src, self.n)
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
        by_slot = group(self.tgt * 2 + self.sup, 2 * self.n)[1]
        return ptr_of(self.tgt, self.n), by_slot

    @cached_property
    def in_src(self) -> IntArray:
        """The source of each in-edge, in :attr:`in_csr` order."""
        src: IntArray = self.src[self.in_csr[1]]
        return src

    @cached_property
    def edge_scale(self) -> FloatArray:
        """``1/k`` per edge, ``k`` the edges of its type into its target (for a mean)."""
        return edge_scale(self.n, self.tgt, self.sup)

    def descendants(self, seeds: Sequence[int]) -> IntArray:
        """The claims reachable from ``seeds`` along relations, seeds included (sorted)."""
        return closure(self.out_csr[0], self.out_tgt, seeds, self.n)

    def ancestors(self, seeds: Sequence[int]) -> IntArray:
        """The claims from which ``seeds`` can be reached, seeds included (sorted)."""
        return closure(self.in_csr[0], self.in_src, seeds, self.n)

    def weights(self, fw: Framework) -> FloatArray:
        """The edge weights of ``fw`` (same structure), attacks first."""
        return np.concatenate([fw.att_w, fw.sup_w]).astype(np.float64, copy=False)

    @cached_property
    def remainder_region(self) -> Region:
        """The claims on or below a cycle, ready to iterate."""
        return Region.build(self, self.remainder)

    # ------------------------------------------------------------------ building
    def _schedule(self) -> tuple[Schedule, IntArray]:
        """Kahn's algorithm on the structure alone: the sweep's schedule and the ranks."""
        n = self.n
        ptr, _, _ = self.out_csr
        out_tgt = self.out_tgt
        indeg = np.bincount(self.tgt, minlength=n).astype(np.int64, copy=False)
        rank = np.full(n, -1, dtype=np.int64)
        mask = np.zeros(n, dtype=bool)
        count_up: AnyIntArray = np.arange(
            max(self.m, n), dtype=np.int32 if self.m < 1 << 31 else np.int64
        )
        parts: list[IntArray] = []
        vector: list[bool] = []
        edge_parts: list[AnyIntArray] = []
        no_edges = np.zeros(0, dtype=count_up.dtype)
        frontier = np.flatnonzero(indeg == 0)
        batch = 0
        views: tuple[Any, ...] | None = None
        while len(frontier):
            if len(frontier) >= _PY_FRONTIER:
                rank[frontier] = batch
                batch += 1
                starts = ptr[frontier]
                e = expand(starts, ptr[frontier + 1] - starts, count_up)
                t = out_tgt[e]
                np.subtract.at(indeg, t, 1)
                parts.append(frontier)
                vector.append(True)
                edge_parts.append(e.astype(count_up.dtype, copy=False))
                frontier = ready(t[indeg[t] == 0], mask)
                continue
            if views is None:
                views = views_of(ptr, out_tgt, indeg)
            vptr, vtgt, vdeg = views
            queue = deque(frontier.tolist())
            done: list[int] = []
            push, pop, keep = queue.append, queue.popleft, done.append
            while queue and len(queue) < _PY_FRONTIER:
                v = pop()
                keep(v)
                j, end = vptr[v], vptr[v + 1]
                while j < end:
                    t1 = vtgt[j]
                    d = vdeg[t1] - 1
                    vdeg[t1] = d
                    if d == 0:
                        push(t1)
                    j += 1
            if done:
                run = np.array(done, dtype=np.int64)
                rank[run] = np.arange(batch, batch + len(done), dtype=np.int64)
                batch += len(done)
                parts.append(run)
                vector.append(False)
                edge_parts.append(no_edges)
            frontier = np.array(queue, dtype=np.int64)
        sizes = np.array([len(p) for p in parts], dtype=np.int64)
        edge_sizes = np.array([len(p) for p in edge_parts], dtype=np.int64)
        schedule = Schedule(
            np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64),
            np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
            np.array(vector, dtype=bool),
            np.concatenate(edge_parts) if edge_parts else no_edges,
            np.concatenate([[0], np.cumsum(edge_sizes)]).astype(np.int64),
        )
        return schedule, rank

    def _order_remainder(self) -> None:
        """Components and ranks of the claims the sweep cannot reach."""
        rest = self.remainder
        if not rest.size:
            return
        local = np.full(self.n, -1, dtype=np.int64)
        local[rest] = np.arange(len(rest), dtype=np.int64)
        inside = local[self.src] >= 0
        e_src, e_tgt = local[self.src[inside]], local[self.tgt[inside]]
        comp, count = components(len(rest), e_src, e_tgt)
        size = np.bincount(comp, minlength=count)
        loops = e_src == e_tgt
        cyclic = size > 1
        cyclic[comp[e_src[loops]]] = True
        across = comp[e_src] != comp[e_tgt]
        level = levels(count, comp[e_src[across]], comp[e_tgt[across]])
        start = int(self.rank.max(initial=-1)) + 1
        self.rank[rest] = start + 2 * level[comp] + cyclic[comp]
        self.scc[rest] = np.where(cyclic[comp], comp, -1)


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

    def aggregate(
        self, red: Reducer, values: FloatArray, w: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """``(va, vs)``: the attack and support aggregates of each claim, per row."""
        shape = (values.shape[0], self.hi - self.lo)
        va = np.zeros(shape)
        vs = np.zeros(shape)
        if len(self.edges):
            x = values[:, self.src_col] * w[self.edges]
            agg = red.reduceat(x, self.seg_start)
            att, sup = self.att_segments, self.sup_segments
            va[:, self.seg_tgt[att]] = agg[:, att]
            vs[:, self.seg_tgt[sup]] = agg[:, sup]
        return va, vs

    def partials(
        self, rule_: Rule, row: FloatArray, w: FloatArray, b: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """``(d strength / d base`` per claim, ``d strength(target) / d x_e`` per in-edge),
        at the values ``row`` (one scenario's ``V``) with bases ``b`` of the group's claims.

        ``x_e`` is edge ``e``'s weighted strength; times the edge's weight this is the
        claim-to-claim sensitivity, the Jacobian entry ``d s_target / d s_source``.
        """
        va, vs = self.aggregate(rule_.reducer, row[None, :], w)
        d_b, g_att, g_sup = rule_.kernels.derivatives(b, va[0], vs[0])
        if not len(self.edges):
            return d_b, np.zeros(0)
        sup = self.seg_sup[self.edge_segment]
        per_type = np.where(sup, g_sup[self.tgt_col], g_att[self.tgt_col])
        if not rule_.reducer.multiplicative:  # d sum / d x_e is 1
            return d_b, per_type
        # d va / d x_e is the product of the other factors (1 - x) of its segment.
        f = 1.0 - row[self.src_col] * w[self.edges]
        zero = f == 0.0
        safe = np.where(zero, 1.0, f)
        seg = self.edge_segment
        prod = np.multiply.reduceat(safe, self.seg_start)[seg]
        zeros = np.add.reduceat(zero.astype(np.int64), self.seg_start)[seg]
        others = np.where(
            zero, np.where(zeros == 1, prod, 0.0), np.where(zeros > 0, 0.0, prod / safe)
        )
        return d_b, per_type * others


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
        rank, scc = lay.rank[members], lay.scc[members]
        nodes = members[np.lexsort((scc, rank))]
        rank = lay.rank[nodes]
        r = len(nodes)
        ptr, in_edge = lay.in_csr
        starts = ptr[nodes]
        counts = ptr[nodes + 1] - starts
        edges = in_edge[expand(starts, counts)]
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
    rule_: Rule,
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

    ``strength`` gives the (final) strengths of the claims outside the region; ``w`` are
    the engine's weights (:meth:`Rule.weights`). Returns ``V`` (see :class:`Region`).
    """
    sc = scenario or Scenario()
    r = region.size
    values = np.empty((sc.rows, r + len(region.ext)))
    values[:, r:] = strength[region.ext]
    node_base = base[region.nodes]
    for grp in region.groups:
        b: FloatArray = np.broadcast_to(node_base[grp.lo : grp.hi], (sc.rows, grp.hi - grp.lo))
        if grp.lo <= sc.base_col < grp.hi:
            assert sc.base_values is not None
            b = b.copy()
            b[:, sc.base_col - grp.lo] = sc.base_values
        clamp: tuple[IntArray, IntArray] | None = None
        if sc.clamp_rows is not None and sc.clamp_cols is not None:
            hit = (sc.clamp_cols >= grp.lo) & (sc.clamp_cols < grp.hi)
            if hit.any():
                clamp = (sc.clamp_rows[hit], sc.clamp_cols[hit] - grp.lo)
        if grp.cyclic:
            _iterate(region, grp, rule_, values, b, w, ids, clamp, tol, max_rounds)
        else:
            va, vs = grp.aggregate(rule_.reducer, values, w)
            out = rule_.kernels.vector(b, va, vs)
            if clamp is not None:
                out[clamp] = 0.0
            values[:, grp.lo : grp.hi] = out
    return values


def _iterate(
    region: Region,
    grp: Group,
    rule_: Rule,
    values: FloatArray,
    b: FloatArray,
    w: FloatArray,
    ids: Sequence[str],
    clamp: tuple[IntArray, IntArray] | None,
    tol: float,
    max_rounds: int,
) -> None:
    """Solve the cyclic components of a group, each row and component on its own.

    Every (row, component) starts from the base scores and stops as soon as its residual
    ``max |F(s) - s|`` is within ``tol``; the damping schedule is shared (a component's
    stage depends only on the round number), so the result for each one is what it
    would be if it were solved alone. A component still unsettled once the damping has
    reached its last stage (``NEWTON_AFTER`` rounds) is finished by Newton's method from
    where the iteration got (:mod:`._newton`); only if that fails too does the damped
    iteration go on to ``max_rounds``, and then a :class:`ConvergenceError` reports the
    residual left.
    """
    lo, hi = grp.lo, grp.hi
    current = np.array(b, dtype=np.float64)
    if clamp is not None:
        current[clamp] = 0.0
    sizes = np.diff(np.append(grp.scc_start, hi - lo))
    active = np.ones((values.shape[0], len(grp.scc_start)), dtype=bool)
    damping = 1.0
    finish = rule_.kernels.vector
    newton_tried = False
    residual = np.zeros(active.shape)
    with np.errstate(over="ignore"):
        for round_ in range(1, max_rounds + 1):
            values[:, lo:hi] = current
            va, vs = grp.aggregate(rule_.reducer, values, w)
            target = finish(b, va, vs)
            if clamp is not None:
                target[clamp] = 0.0
            step = target - current
            residual = np.maximum.reduceat(np.abs(step), grp.scc_start, axis=1)
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
            if not newton_tried and (round_ >= NEWTON_AFTER or round_ == max_rounds):
                newton_tried = True
                _newton_phase(grp, rule_, values, current, b, w, clamp, active, residual, tol)
                if not active.any():
                    values[:, lo:hi] = current
                    return
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
    left = float(residual[active].max(initial=0.0))
    raise ConvergenceError(
        f"no fixed point within tolerance {tol:g} after {max_rounds} rounds and Newton's "
        f"method (residual left {left:.3g}): {len(moving_)} claims on a cycle still "
        f"moving: {shown}{more}",
        moving=moving_,
        last=allv,
    )


def _newton_phase(
    grp: Group,
    rule_: Rule,
    values: FloatArray,
    current: FloatArray,
    b: FloatArray,
    w: FloatArray,
    clamp: tuple[IntArray, IntArray] | None,
    active: BoolArray,
    residual: FloatArray,
    tol: float,
) -> None:
    """Newton's method on each (row, component) still active; settles those it solves
    (``current``, ``active`` and ``residual`` are updated in place)."""
    starts = grp.scc_start.tolist()
    ends = [*starts[1:], grp.hi - grp.lo]
    for r, c in zip(*np.nonzero(active), strict=True):
        r, c = int(r), int(c)
        fixed = np.zeros(grp.hi - grp.lo, dtype=bool)
        if clamp is not None:
            fixed[clamp[1][clamp[0] == r]] = True
        x, left, ok = _component_newton(
            grp,
            rule_,
            values[r].copy(),
            np.ascontiguousarray(b[r]),
            w,
            starts[c],
            ends[c],
            ~fixed,
            current[r],
            tol,
        )
        residual[r, c] = left
        if ok:
            current[r, starts[c] : ends[c]] = x
            active[r, c] = False


def _component_newton(
    grp: Group,
    rule_: Rule,
    row: FloatArray,
    b_row: FloatArray,
    w: FloatArray,
    a: int,
    z: int,
    free: BoolArray,
    start: FloatArray,
    tol: float,
) -> tuple[FloatArray, float, bool]:
    """Newton's method for the component in group columns ``a:z`` of one scenario row
    (``free`` is False for removed claims, held at 0)."""
    from ._newton import solve

    lo = grp.lo
    k = z - a
    finish = rule_.kernels.vector
    keep = free[a:z]
    inside = (
        (grp.tgt_col >= a) & (grp.tgt_col < z) & (grp.src_col >= lo + a) & (grp.src_col < lo + z)
    )
    e_tgt = grp.tgt_col[inside] - a
    e_src = grp.src_col[inside] - lo - a
    edge_w = w[grp.edges][inside]

    def residual_of(x: FloatArray) -> FloatArray:
        row[lo + a : lo + z] = x
        va, vs = grp.aggregate(rule_.reducer, row[None, :], w)
        out = finish(b_row[None, :], va, vs)[0, a:z]
        g: FloatArray = np.where(keep, out, 0.0) - x
        return g

    def jacobian_of(x: FloatArray) -> FloatArray:
        row[lo + a : lo + z] = x
        _, p = grp.partials(rule_, row, w, b_row)
        jac = np.zeros((k, k))
        np.add.at(jac, (e_tgt, e_src), p[inside] * edge_w)
        jac[~keep] = 0.0
        return jac

    return solve(start[a:z].copy(), residual_of, jacobian_of, tol)


# ---------------------------------------------------------------------- full compute
def sweep(lay: Layout, rule_: Rule, base: FloatArray, w: FloatArray) -> FloatArray:
    """Strengths of every claim on no cycle and below none, by the layout's schedule.

    Claims left over (on or below a cycle) keep their base in the result.
    """
    sched = lay.schedule
    ptr, order, out_key = lay.out_csr
    out_w = w[order]
    red = rule_.reducer
    mult = red.multiplicative
    finish = rule_.kernels.vector
    finish1 = rule_.kernels.scalar
    acc = np.full(2 * lay.n, red.identity)
    strength = base.astype(np.float64, copy=True)
    views: tuple[Any, ...] | None = None
    bounds = sched.bounds.tolist()
    edge_bounds = sched.edge_bounds.tolist()
    with np.errstate(over="ignore"):
        for k, vec in enumerate(sched.vector.tolist()):
            f = sched.order[bounds[k] : bounds[k + 1]]
            if vec:
                sf = finish(base[f], red.value(acc[2 * f]), red.value(acc[2 * f + 1]))
                strength[f] = sf
                e = sched.edges[edge_bounds[k] : edge_bounds[k + 1]]
                starts = ptr[f]
                x = out_w[e] * np.repeat(sf, ptr[f + 1] - starts)
                red.accumulate(acc, out_key[e], x)
                continue
            if views is None:
                views = views_of(
                    ptr, out_key, out_w, acc, strength, np.ascontiguousarray(base, dtype=np.float64)
                )
            (_run_product if mult else _run_sum)(f.tolist(), finish1, *views)
    return strength


def _run_product(
    run: list[int],
    finish1: Callable[[float, float, float], float],
    vptr: Any,
    vkey: Any,
    vw: Any,
    vacc: Any,
    vs: Any,
    vb: Any,
) -> None:
    """A run of the sweep in plain Python, accumulating products of complements."""
    for v in run:
        sv = finish1(vb[v], 1.0 - vacc[2 * v], 1.0 - vacc[2 * v + 1])
        vs[v] = sv
        j, end = vptr[v], vptr[v + 1]
        while j < end:
            k = vkey[j]
            vacc[k] = vacc[k] * (1.0 - vw[j] * sv)
            j += 1


def _run_sum(
    run: list[int],
    finish1: Callable[[float, float, float], float],
    vptr: Any,
    vkey: Any,
    vw: Any,
    vacc: Any,
    vs: Any,
    vb: Any,
) -> None:
    """A run of the sweep in plain Python, accumulating sums."""
    for v in run:
        sv = finish1(vb[v], vacc[2 * v], vacc[2 * v + 1])
        vs[v] = sv
        j, end = vptr[v], vptr[v + 1]
        while j < end:
            k = vkey[j]
            vacc[k] = vacc[k] + vw[j] * sv
            j += 1


def compute(
    lay: Layout,
    rule_: Rule,
    base: FloatArray,
    w: FloatArray,
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> FloatArray:
    """Every claim's strength on a laid-out framework with these bases and engine weights."""
    strength = sweep(lay, rule_, base, w)
    if lay.remainder.size:
        region = lay.remainder_region
        values = evaluate(region, rule_, strength, base, w, lay.ids, tol=tol, max_rounds=max_rounds)
        strength[region.nodes] = values[0, : region.size]
    return strength


def prepare(fw: Framework, semantics: str) -> tuple[Layout, Rule, FloatArray]:
    """The layout, the rule and the engine's weights of ``fw``, its inputs checked.

    Raises :class:`~arggraph.errors.SemanticsError` for an unknown semantics, a base or
    weight outside [0, 1], or a support under a semantics that takes attacks only.
    """
    rule_ = rule(semantics)
    lay = layout(fw)
    w = lay.weights(fw)
    check_inputs(rule_.entry, fw.ids, fw.base, lay.n_att, w, lambda: lay.relation_ids)
    return lay, rule_, rule_.weights(lay, w)


def framework_of(graph: Graph | Framework, scores: ScoreSheet | None = None) -> Framework:
    """The framework of a graph (or the framework itself), with a score sheet applied."""
    fw = graph if isinstance(graph, Framework) else graph.framework
    return fw.with_scores(scores)
