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
   ``explain``'s removals re-solve a component proven to have one fixed point from the
   strengths it had before, iterating only what the removal reaches
   (:func:`evaluate` with ``warm``; :mod:`._warm`).
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import ConvergenceError, SemanticsError
from ..framework import BoolArray, FloatArray, Framework, IntArray
from ._aggregate import Reducer, edge_scale, reducer
from ._kernels import DFQUAD
from ._sparse import (
    AnyIntArray,
    closure,
    components,
    expand,
    group,
    levels,
    ptr_of,
    ready,
    unique_ints,
    views_of,
)
from ._warm import contractive, solve_warm
from .registry import GRADUAL, PROBABILISTIC_SUM, GradualSemantics, Kernels, gradual

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

#: Kinds of edge: an attack and a support (into a claim or an inference), a premise of
#: an inference.
ATTACK, SUPPORT, PREMISE = 0, 1, 2

# An inference aggregates what attacks and supports it by the probabilistic sum and
# moves its weight by DF-QuAD's rule, under every semantics.
_PRODUCT = reducer(PROBABILISTIC_SUM)
_DFQUAD = DFQUAD


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


def check_inputs(entry: GradualSemantics, lay: Layout, base: FloatArray, w: FloatArray) -> None:
    """Raise :class:`~arggraph.errors.SemanticsError` for inputs the semantics cannot take.

    ``base`` holds every node's base (claims' base scores, inferences' weights) and ``w``
    the plain edges' weights first. Bases and weights outside [0, 1]; a support of weight
    above 0 under a semantics that takes attacks only (a support of weight 0 is no
    relation), a backing (a support aimed at a relation) named as such.
    """
    n = lay.n_claims
    if base.size and not (np.all(base >= 0.0) and np.all(base <= 1.0)):
        bad = int(np.flatnonzero(~((base >= 0.0) & (base <= 1.0)))[0])
        if bad < n:
            raise SemanticsError(
                f"base score of claim {lay.ids[bad]!r} is {float(base[bad])!r}, not in [0, 1]"
            )
        raise SemanticsError(
            f"weight of relation {lay.node_name(bad)!r} is {float(base[bad])!r}, not in [0, 1]"
        )
    plain = lay.plain_weights(w)
    if plain.size and not (np.all(plain >= 0.0) and np.all(plain <= 1.0)):
        bad = int(np.flatnonzero(~((plain >= 0.0) & (plain <= 1.0)))[0])
        raise SemanticsError(
            f"weight of relation {lay.relation_ids[bad]!r} is {float(plain[bad])!r}, not in [0, 1]"
        )
    if entry.supports:
        return
    # A support counts when it weighs anything: a plain one by its weight, an inference
    # by its own (its node's base).
    weight = np.where(lay.src >= n, base[np.minimum(lay.src, len(base) - 1)], w)
    counts = lay.sup & (weight > 0.0)
    if np.any(counts):
        bad = int(np.flatnonzero(counts)[0])
        rid = lay.relation_ids[bad]
        takes = ", ".join(name for name, e in GRADUAL.items() if e.supports)
        what = "a backing (a support aimed at a relation)" if lay.tgt[bad] >= n else "a support"
        raise SemanticsError(
            f"{entry.label} takes attacks only, and relation {rid!r} is {what} (use "
            f"{takes}, or give the support weight 0)"
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

    Nodes are the claims, then the inferences (``node >= n_claims``; see
    :class:`~arggraph.framework.Framework`). Edges are numbered plain attacks, plain
    supports, then each inference's edge to its target, then the inferences' premise
    edges; ``kind`` says which each is (:data:`ATTACK`, :data:`SUPPORT`,
    :data:`PREMISE`). An edge into a claim is aggregated by the semantics; an attack or
    support into an inference by the probabilistic sum, whatever the semantics; premises by
    their minimum. The out-edges (by source) drive the topological sweep; the in-edges
    (by target and kind) drive recomputation of any set of nodes. Built with it:
    :attr:`schedule` (the sweep's rounds), ``rank`` (orders the claims for recomputation:
    along every edge outside a cyclic component the rank grows, and the claims of one
    cyclic component share a rank), ``scc`` (>= 0 names a claim's cyclic component; -1
    for claims on no cycle) and ``remainder`` (the claims on or below a cycle, sorted).
    """

    def __init__(self, fw: Framework) -> None:
        self.ids = fw.ids
        self.n_claims = n = fw.n
        self.k = k = fw.k
        self.n = n + k
        self.n_att = len(fw.att_src)
        self.n_plain = self.n_att + len(fw.sup_src)
        inference = np.arange(n, n + k, dtype=np.int64)
        counts = np.diff(fw.inf_ptr)
        self.src: IntArray = np.concatenate(
            [fw.att_src, fw.sup_src, inference, fw.inf_prem]
        ).astype(np.int64, copy=False)
        self.tgt: IntArray = np.concatenate(
            [fw.att_tgt, fw.sup_tgt, fw.inf_tgt, np.repeat(inference, counts)]
        ).astype(np.int64, copy=False)
        self.m = len(self.src)
        self.kind: npt.NDArray[np.int8] = np.concatenate(
            [
                np.full(self.n_att, ATTACK, dtype=np.int8),
                np.full(len(fw.sup_src), SUPPORT, dtype=np.int8),
                fw.inf_sup.astype(np.int8),
                np.full(len(fw.inf_prem), PREMISE, dtype=np.int8),
            ]
        )
        self.sup: BoolArray = self.kind == SUPPORT
        #: Whether each node is an inference (its update is the inference's, not the
        #: semantics').
        self.inf: BoolArray = np.zeros(self.n, dtype=bool)
        self.inf[n:] = True
        # The framework itself is not kept: the layout cache maps frameworks to layouts
        # weakly, and a reference back would keep both alive forever.
        self._given_ids = (fw.att_rel, fw.sup_rel)
        self._inf_rel = fw.inf_rel
        self.schedule, self.rank = self._schedule()
        self.remainder: IntArray = np.flatnonzero(self.rank < 0)
        self.scc: IntArray = np.full(self.n, -1, dtype=np.int64)
        self._order_remainder()

    def node_name(self, node: int) -> str:
        """A claim's id, or an inference's relation id."""
        return self.ids[node] if node < self.n_claims else self._inf_rel[node - self.n_claims]

    @cached_property
    def relation_ids(self) -> tuple[str, ...]:
        """The relation id of each edge (``TYPE:SOURCE->TARGET`` for a plain one given
        none; an inference's own id for its edge to its target and for its premises')."""
        out: list[str] = []
        parts = (slice(0, self.n_att), slice(self.n_att, self.n_plain))
        for given, kind, part in zip(self._given_ids, ("attack", "support"), parts, strict=True):
            if given is not None:
                out.extend(given)
                continue
            ids, name = self.ids, self.node_name
            out.extend(
                f"{kind}:{ids[a]}->{name(b)}"
                for a, b in zip(self.src[part].tolist(), self.tgt[part].tolist(), strict=True)
            )
        out.extend(self._inf_rel)
        out.extend(self.node_name(t) for t in self.tgt[self.n_plain + self.k :].tolist())
        return tuple(out)

    def plain_weights(self, w: FloatArray) -> FloatArray:
        """The weights the user scores among the engine's: plain edges' (inferences'
        weights are their nodes' bases)."""
        return w[: self.n_plain]

    @cached_property
    def out_csr(self) -> tuple[IntArray, IntArray, AnyIntArray]:
        """``(ptr, edge, key)``: out-edges grouped by source.

        ``key`` is ``3*target + kind``, the accumulator slot an edge feeds (32-bit
        where the nodes' count allows: half the memory traffic).
        """
        ptr, order = group(self.src, self.n)
        small = 3 * self.n + 2 < 1 << 31
        slot: AnyIntArray = self.tgt.astype(np.int32 if small else np.int64)
        slot *= 3
        slot += self.kind
        key: AnyIntArray = slot[order]
        return ptr, order, key

    @cached_property
    def out_tgt(self) -> AnyIntArray:
        """The target of each out-edge, in :attr:`out_csr` order."""
        tgt: AnyIntArray = self.out_csr[2] // 3
        return tgt

    @cached_property
    def in_csr(self) -> tuple[IntArray, IntArray]:
        """``(ptr, edge)``: in-edges grouped by target, then by kind (attacks, supports,
        premises)."""
        by_slot = group(self.tgt * 3 + self.kind, 3 * self.n)[1]
        return ptr_of(self.tgt, self.n), by_slot

    @cached_property
    def in_src(self) -> IntArray:
        """The source of each in-edge, in :attr:`in_csr` order."""
        src: IntArray = self.src[self.in_csr[1]]
        return src

    @cached_property
    def edge_scale(self) -> FloatArray:
        """``1/k`` per edge into a claim, ``k`` the edges of its kind into that claim (for a
        mean); 1 for edges into inferences, which aggregate by the probabilistic sum."""
        into_claim = self.tgt < self.n_claims
        scale = edge_scale(self.n, self.tgt, self.sup)
        out: FloatArray = np.where(into_claim, scale, 1.0)
        return out

    def descendants(self, seeds: Sequence[int]) -> IntArray:
        """The claims reachable from ``seeds`` along relations, seeds included (sorted)."""
        return closure(self.out_csr[0], self.out_tgt, seeds, self.n)

    def ancestors(self, seeds: Sequence[int]) -> IntArray:
        """The claims from which ``seeds`` can be reached, seeds included (sorted)."""
        return closure(self.in_csr[0], self.in_src, seeds, self.n)

    def weights(self, fw: Framework) -> FloatArray:
        """The engine's edge weights of ``fw`` (same structure): the plain edges' own, 1 for
        an inference's edges (its weight is its node's base)."""
        ones = np.ones(self.m - self.n_plain)
        return np.concatenate([fw.att_w, fw.sup_w, ones]).astype(np.float64, copy=False)

    def node_base(self, fw: Framework) -> FloatArray:
        """The bases of every node: the claims' base scores, then the inferences' weights."""
        return np.concatenate([fw.base, fw.inf_w]).astype(np.float64, copy=False)

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
    """Nodes of one rank inside a :class:`Region` (columns ``lo:hi``) and their in-edges.

    In-edges are sorted by target then kind; a *segment* is the run of edges of one kind
    into one target (``seg_start`` indexes ``edges``; ``seg_tgt`` is the target's column
    within the group; ``seg_kind`` its kind). ``inf`` marks the group's inferences. A
    cyclic group holds whole strongly connected components, in contiguous column runs
    starting at ``scc_start``.
    """

    lo: int
    hi: int
    cyclic: bool
    edges: IntArray
    src_col: IntArray
    tgt_col: IntArray
    seg_start: IntArray
    seg_tgt: IntArray
    seg_kind: npt.NDArray[np.int8]
    scc_start: IntArray
    inf: BoolArray

    @cached_property
    def has_inferences(self) -> bool:
        return bool(self.inf.any())

    @cached_property
    def edge_segment(self) -> IntArray:
        """The segment of each edge."""
        out = np.zeros(len(self.edges), dtype=np.int64)
        if len(self.seg_start) > 1:
            out[self.seg_start[1:]] = 1
        return np.cumsum(out)

    @cached_property
    def _seg_into_inf(self) -> BoolArray:
        into: BoolArray = self.inf[self.seg_tgt]
        return into

    def aggregate(
        self, red: Reducer, values: FloatArray, w: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """``(va, vs, vm)`` of each node, per row: the aggregates of its attacks and of its
        supports (by the semantics' reducer into a claim, by the probabilistic sum into an
        inference), and the weakest premise of an inference (1 for a claim)."""
        shape = (values.shape[0], self.hi - self.lo)
        va = np.zeros(shape)
        vs = np.zeros(shape)
        vm = np.ones(shape)
        if not len(self.edges):
            return va, vs, vm
        x = values[:, self.src_col] * w[self.edges]
        agg = red.reduceat(x, self.seg_start)
        kind, tgt = self.seg_kind, self.seg_tgt
        if self.has_inferences:
            into = self._seg_into_inf
            if not red.multiplicative and into.any():
                agg[:, into] = _PRODUCT.reduceat(x, self.seg_start)[:, into]
            prem = kind == PREMISE
            if prem.any():
                vm[:, tgt[prem]] = np.minimum.reduceat(x, self.seg_start, axis=-1)[:, prem]
        att, sup = kind == ATTACK, kind == SUPPORT
        va[:, tgt[att]] = agg[:, att]
        vs[:, tgt[sup]] = agg[:, sup]
        return va, vs, vm

    def finish(
        self, rule_: Rule, b: FloatArray, va: FloatArray, vs: FloatArray, vm: FloatArray
    ) -> FloatArray:
        """Every node's value from its bases and aggregates: a claim's strength by the
        semantics; an inference's contribution, its weight moved by DF-QuAD's rule times
        its weakest premise (the same rule under every semantics)."""
        out = rule_.kernels.vector(b, va, vs)
        if self.has_inferences:
            inf = self.inf
            out[:, inf] = _DFQUAD.vector(b[:, inf], va[:, inf], vs[:, inf]) * vm[:, inf]
        return out

    def partials(
        self, rule_: Rule, row: FloatArray, w: FloatArray, b: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """``(d value / d base`` per node, ``d value(target) / d x_e`` per in-edge), at the
        values ``row`` (one scenario's ``V``) with bases ``b`` of the group's nodes.

        ``x_e`` is edge ``e``'s weighted source value; times the edge's weight this is the
        node-to-node sensitivity, the Jacobian entry ``d v_target / d v_source``. An
        inference's value ``c(w, a, b) * m`` (``m`` its weakest premise) passes
        ``d/dm = c`` to the premise that is weakest; where premises tie, to the first of
        them in the relation's order (one stated rule: the one-sided derivative as that
        premise alone moves down).
        """
        va, vs, vm = self.aggregate(rule_.reducer, row[None, :], w)
        va0, vs0, vm0 = va[0], vs[0], vm[0]
        d_b, g_att, g_sup = rule_.kernels.derivatives(b, va0, vs0)
        inf = self.inf
        if self.has_inferences:
            c = _DFQUAD.vector(b[inf], va0[inf], vs0[inf])
            i_b, i_att, i_sup = _DFQUAD.derivatives(b[inf], va0[inf], vs0[inf])
            m = vm0[inf]
            d_b = d_b.copy()
            g_att, g_sup = g_att.copy(), g_sup.copy()
            d_b[inf] = i_b * m
            g_att[inf] = i_att * m
            g_sup[inf] = i_sup * m
            g_prem = np.zeros_like(d_b)
            g_prem[inf] = c
        if not len(self.edges):
            return d_b, np.zeros(0)
        seg = self.edge_segment
        kind = self.seg_kind[seg]
        tcol = self.tgt_col
        per_type = np.where(kind == SUPPORT, g_sup[tcol], g_att[tcol])
        x = row[self.src_col] * w[self.edges]
        # The probabilistic sum: d va / d x_e is the product of the other factors (1 - x)
        # of its segment. It aggregates into every inference, and into claims when the
        # semantics' reducer is multiplicative.
        product = inf[tcol] if not rule_.reducer.multiplicative else np.ones(len(x), dtype=bool)
        product &= kind != PREMISE
        if product.any():
            f = 1.0 - x
            zero = f == 0.0
            safe = np.where(zero, 1.0, f)
            prod = np.multiply.reduceat(safe, self.seg_start)[seg]
            zeros = np.add.reduceat(zero.astype(np.int64), self.seg_start)[seg]
            others = np.where(
                zero, np.where(zeros == 1, prod, 0.0), np.where(zeros > 0, 0.0, prod / safe)
            )
            per_type = np.where(product, per_type * others, per_type)
        if self.has_inferences:
            prem = kind == PREMISE
            if prem.any():
                weakest = _first_minimum(x, self.seg_start, seg)
                per_type = np.where(prem, np.where(weakest, g_prem[tcol], 0.0), per_type)
        return d_b, per_type


def _first_minimum(x: FloatArray, seg_start: IntArray, seg: IntArray) -> BoolArray:
    """Whether each value is the first minimum of its segment."""
    low = np.minimum.reduceat(x, seg_start)[seg]
    at = np.flatnonzero(x == low)
    first = np.full(len(seg_start), len(x), dtype=np.int64)
    np.minimum.at(first, seg[at], at)
    out = np.zeros(len(x), dtype=bool)
    out[first[first < len(x)]] = True
    return out


@dataclass(frozen=True, eq=False)
class Region:
    """A set of claims to (re)compute, in rank order, with the sources feeding it.

    Values live in a matrix ``V`` of shape ``(rows, len(nodes) + len(ext))``: column ``j
    < len(nodes)`` is claim ``nodes[j]``; the last ``len(ext)`` columns hold the fixed
    strengths of claims outside the region that feed it. Every row is one scenario
    (a base score tried, a claim removed), computed side by side.

    The in-edges of all nodes are held once, sorted by target column then kind
    (``edges``, ``src_col``, ``tgt_col``; segments start at ``seg_start``); rank ``g``
    is columns ``col_bounds[g]:col_bounds[g + 1]`` with edges
    ``edge_bounds[g]:edge_bounds[g + 1]``, cyclic when ``cyclic[g]``. Its
    :class:`Group` is built when asked for (:meth:`group`, :attr:`groups`): a deep graph
    has a rank per claim, and what needs no order (:attr:`flat`) never builds them.
    """

    nodes: IntArray
    ext: IntArray
    edges: IntArray
    src_col: IntArray
    tgt_col: IntArray
    kind: npt.NDArray[np.int8]
    seg_start: IntArray
    col_bounds: IntArray
    edge_bounds: IntArray
    seg_bounds: IntArray
    cyclic: BoolArray
    scc: IntArray
    inf: BoolArray

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
        ext = unique_ints(src[outside])
        src_col[outside] = r + np.searchsorted(ext, src[outside])
        kind = lay.kind[edges]
        key = tgt_col * 3 + kind
        seg_start = np.flatnonzero(np.diff(key, prepend=-1)) if len(key) else key
        bounds = np.concatenate([[0], np.flatnonzero(np.diff(rank)) + 1, [r]]).astype(np.int64)
        e_bounds = np.searchsorted(tgt_col, bounds).astype(np.int64)
        s_bounds = np.searchsorted(seg_start, e_bounds).astype(np.int64)
        node_scc = lay.scc[nodes]
        cyclic = node_scc[bounds[:-1]] >= 0 if r else np.zeros(0, dtype=bool)
        return cls(
            nodes,
            ext,
            edges,
            src_col,
            tgt_col,
            kind,
            seg_start,
            bounds,
            e_bounds,
            s_bounds,
            cyclic,
            node_scc,
            lay.inf[nodes],
        )

    @property
    def size(self) -> int:
        return len(self.nodes)

    @property
    def group_count(self) -> int:
        return len(self.col_bounds) - 1

    def group(self, g: int) -> Group:
        """Rank ``g``'s :class:`Group`."""
        lo, hi = int(self.col_bounds[g]), int(self.col_bounds[g + 1])
        e0, e1 = int(self.edge_bounds[g]), int(self.edge_bounds[g + 1])
        s0, s1 = int(self.seg_bounds[g]), int(self.seg_bounds[g + 1])
        cyclic = bool(self.cyclic[g])
        if cyclic:
            comp = self.scc[lo:hi]
            scc_start = np.flatnonzero(np.diff(comp, prepend=-2)).astype(np.int64)
        else:
            scc_start = np.zeros(0, dtype=np.int64)
        segs = self.seg_start[s0:s1]
        return Group(
            lo,
            hi,
            cyclic,
            self.edges[e0:e1],
            self.src_col[e0:e1],
            self.tgt_col[e0:e1] - lo,
            segs - e0,
            self.tgt_col[segs] - lo,
            self.kind[segs],
            scc_start,
            self.inf[lo:hi],
        )

    @cached_property
    def groups(self) -> tuple[Group, ...]:
        """Every rank's :class:`Group`, in rank order."""
        return tuple(self.group(g) for g in range(self.group_count))

    @cached_property
    def flat(self) -> tuple[Group, IntArray]:
        """Every rank's in-edges as one group over all the region's columns, and where
        each rank's edges begin in it (``bounds[g]:bounds[g + 1]``).

        For what needs only the final values, not their order (partial derivatives, edge
        Lipschitz constants): one vectorised call for the whole region instead of one per
        rank, which on a deep graph (a rank per claim) would cost a NumPy call per claim.
        """
        segs = self.seg_start
        merged = Group(
            0,
            self.size,
            False,
            self.edges,
            self.src_col,
            self.tgt_col,
            segs,
            self.tgt_col[segs],
            self.kind[segs],
            np.zeros(0, dtype=np.int64),
            self.inf,
        )
        return merged, self.edge_bounds


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
    warm: bool = False,
) -> FloatArray:
    """Compute every claim of ``region`` from its inputs, for each row of a scenario.

    ``strength`` gives the (final) strengths of the claims outside the region; ``w`` are
    the engine's weights (:meth:`Rule.weights`). Returns ``V`` (see :class:`Region`).

    With ``warm``, ``strength`` also holds a fixed point of the region's own claims under
    the same bases and weights (the strengths before the scenario's change): each cyclic
    component whose update is proven a contraction is then re-solved from it, iterating
    only what the change reaches (:mod:`._warm`), to the same tolerance; the others, and
    a group whose bases a scenario changes, start from their base scores as without it.
    """
    sc = scenario or Scenario()
    r = region.size
    values = np.empty((sc.rows, r + len(region.ext)))
    values[:, r:] = strength[region.ext]
    node_base = base[region.nodes]
    ref = np.concatenate([strength[region.nodes], strength[region.ext]]) if warm else None
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
            solved = None
            if ref is not None and not grp.lo <= sc.base_col < grp.hi:
                fits = contractive(grp, rule_, node_base[grp.lo : grp.hi], w)
                if fits.any():
                    solved = solve_warm(
                        grp,
                        rule_,
                        values,
                        node_base[grp.lo : grp.hi],
                        w,
                        ref,
                        clamp,
                        fits,
                        tol,
                        min(PATIENCE, max_rounds),
                    )
            _iterate(region, grp, rule_, values, b, w, ids, clamp, tol, max_rounds, solved)
        else:
            va, vs, vm = grp.aggregate(rule_.reducer, values, w)
            out = grp.finish(rule_, b, va, vs, vm)
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
    solved: BoolArray | None = None,
) -> None:
    """Solve the cyclic components of a group, each row and component on its own.

    Every (row, component) starts from the base scores and stops as soon as its residual
    ``max |F(s) - s|`` is within ``tol``; the damping schedule is shared (a component's
    stage depends only on the round number), so the result for each one is what it
    would be if it were solved alone. A component still unsettled once the damping has
    reached its last stage (``NEWTON_AFTER`` rounds) is finished by Newton's method from
    where the iteration got (:mod:`._newton`); only if that fails too does the damped
    iteration go on to ``max_rounds``, and then a :class:`ConvergenceError` reports the
    residual left. Components ``solved`` already (their columns of ``values`` hold the
    answer: :mod:`._warm`) are left as they are.
    """
    lo, hi = grp.lo, grp.hi
    current = np.array(b, dtype=np.float64)
    if clamp is not None:
        current[clamp] = 0.0
    sizes = np.diff(np.append(grp.scc_start, hi - lo))
    active = np.ones((values.shape[0], len(grp.scc_start)), dtype=bool)
    if solved is not None and solved.any():
        if solved.all():
            return
        active[:, solved] = False
        done_cols = np.repeat(solved, sizes)
        current[:, done_cols] = values[:, lo:hi][:, done_cols]
    damping = 1.0
    newton_tried = False
    residual = np.zeros(active.shape)
    with np.errstate(over="ignore"):
        for round_ in range(1, max_rounds + 1):
            values[:, lo:hi] = current
            va, vs, vm = grp.aggregate(rule_.reducer, values, w)
            target = grp.finish(rule_, b, va, vs, vm)
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
    keep = free[a:z]
    inside = (
        (grp.tgt_col >= a) & (grp.tgt_col < z) & (grp.src_col >= lo + a) & (grp.src_col < lo + z)
    )
    e_tgt = grp.tgt_col[inside] - a
    e_src = grp.src_col[inside] - lo - a
    edge_w = w[grp.edges][inside]

    def residual_of(x: FloatArray) -> FloatArray:
        row[lo + a : lo + z] = x
        va, vs, vm = grp.aggregate(rule_.reducer, row[None, :], w)
        out = grp.finish(rule_, b_row[None, :], va, vs, vm)[0, a:z]
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
    """Values of every node on no cycle and below none, by the layout's schedule.

    ``base`` holds every node's base (:meth:`Layout.node_base`). Nodes left over (on or
    below a cycle) keep their base in the result.
    """
    sched = lay.schedule
    ptr, order, out_key = lay.out_csr
    out_w = w[order]
    red = rule_.reducer
    finish = rule_.kernels.vector
    n = lay.n_claims
    mixed = lay.k > 0
    acc = np.empty(3 * lay.n)
    acc[0::3] = red.identity
    acc[1::3] = red.identity
    acc[2::3] = np.inf
    if mixed:  # what attacks or supports an inference aggregates by the probabilistic sum
        acc[3 * n :: 3] = 1.0
        acc[3 * n + 1 :: 3] = 1.0
    strength = base.astype(np.float64, copy=True)
    views: tuple[Any, ...] | None = None
    bounds = sched.bounds.tolist()
    edge_bounds = sched.edge_bounds.tolist()
    with np.errstate(over="ignore"):
        for k, vec in enumerate(sched.vector.tolist()):
            f = sched.order[bounds[k] : bounds[k + 1]]
            if vec:
                if mixed:
                    sf = _finish_mixed(rule_, base, acc, f, n)
                else:
                    sf = finish(base[f], red.value(acc[3 * f]), red.value(acc[3 * f + 1]))
                strength[f] = sf
                e = sched.edges[edge_bounds[k] : edge_bounds[k + 1]]
                starts = ptr[f]
                x = out_w[e] * np.repeat(sf, ptr[f + 1] - starts)
                slots = out_key[e]
                if mixed:
                    _accumulate_mixed(red, acc, slots, x, n)
                else:
                    red.accumulate(acc, slots, x)
                continue
            if views is None:
                views = views_of(
                    ptr, out_key, out_w, acc, strength, np.ascontiguousarray(base, dtype=np.float64)
                )
            if mixed:
                _run_mixed(f.tolist(), rule_, n, *views)
            else:
                run = _run_product if red.multiplicative else _run_sum
                run(f.tolist(), rule_.kernels.scalar, *views)
    return strength


def _finish_mixed(
    rule_: Rule, base: FloatArray, acc: FloatArray, f: IntArray, n: int
) -> FloatArray:
    """The values of the ready nodes ``f``: claims by the semantics, inferences by theirs."""
    red = rule_.reducer
    out = np.empty(len(f))
    claim = f < n
    fc, fi = f[claim], f[~claim]
    out[claim] = rule_.kernels.vector(base[fc], red.value(acc[3 * fc]), red.value(acc[3 * fc + 1]))
    weight = _DFQUAD.vector(base[fi], 1.0 - acc[3 * fi], 1.0 - acc[3 * fi + 1])
    out[~claim] = weight * acc[3 * fi + 2]
    return out


def _accumulate_mixed(
    red: Reducer, acc: FloatArray, slots: AnyIntArray, x: FloatArray, n: int
) -> None:
    """Fold values into their slots: premises by their minimum, what aims at an
    inference by the probabilistic sum, what aims at a claim by the semantics."""
    kind = slots % 3
    prem = kind == PREMISE
    into_inf = (slots >= 3 * n) & ~prem
    claim = ~(prem | into_inf)
    if prem.any():
        np.minimum.at(acc, slots[prem], x[prem])
    if into_inf.any():
        np.multiply.at(acc, slots[into_inf], 1.0 - x[into_inf])
    red.accumulate(acc, slots[claim], x[claim])


def _run_mixed(
    run: list[int],
    rule_: Rule,
    n: int,
    vptr: Any,
    vkey: Any,
    vw: Any,
    vacc: Any,
    vs: Any,
    vb: Any,
) -> None:
    """A run of the sweep in plain Python on a framework with inferences."""
    finish1 = rule_.kernels.scalar
    combine = _DFQUAD.scalar
    mult = rule_.reducer.multiplicative
    for v in run:
        a, s = vacc[3 * v], vacc[3 * v + 1]
        if v < n:
            sv = finish1(vb[v], 1.0 - a, 1.0 - s) if mult else finish1(vb[v], a, s)
        else:
            sv = combine(vb[v], 1.0 - a, 1.0 - s) * vacc[3 * v + 2]
        vs[v] = sv
        j, end = vptr[v], vptr[v + 1]
        while j < end:
            slot = vkey[j]
            x = vw[j] * sv
            kind = slot % 3
            if kind == PREMISE:
                if x < vacc[slot]:
                    vacc[slot] = x
            elif slot >= 3 * n or mult:
                vacc[slot] = vacc[slot] * (1.0 - x)
            else:
                vacc[slot] = vacc[slot] + x
            j += 1


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
        sv = finish1(vb[v], 1.0 - vacc[3 * v], 1.0 - vacc[3 * v + 1])
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
        sv = finish1(vb[v], vacc[3 * v], vacc[3 * v + 1])
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
    """The layout, the rule and the engine's edge weights of ``fw``, its inputs checked
    (the nodes' bases are :meth:`Layout.node_base`).

    Raises :class:`~arggraph.errors.SemanticsError` for an unknown semantics, a base or
    weight outside [0, 1], or a support under a semantics that takes attacks only.
    """
    rule_ = rule(semantics)
    lay = layout(fw)
    w = lay.weights(fw)
    check_inputs(rule_.entry, lay, lay.node_base(fw), w)
    return lay, rule_, rule_.weights(lay, w)


def framework_of(graph: Graph | Framework, scores: ScoreSheet | None = None) -> Framework:
    """The framework of a graph (or the framework itself), with a score sheet applied."""
    fw = graph if isinstance(graph, Framework) else graph.framework
    return fw.with_scores(scores)
