"""Removals on cycles re-solved warm: from the fixed point before, over what they reach.

The warm start must give what a cold start gives (within the tolerance both stop at),
stop on the same test (every claim's residual within the tolerance), leave components
not proven contractive to the cold start, and do the work of what a removal reaches, not
of the whole component.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arggraph.errors import SemanticsError
from arggraph.framework import FloatArray, Framework, Link
from arggraph.semantics._engine import Layout, Region, Rule, Scenario, compute, evaluate, prepare
from arggraph.semantics._sparse import contraction
from arggraph.semantics._warm import contractive, factors, solve_warm
from arggraph.semantics.explain import explain, removals
from arggraph.semantics.gradual import strengths
from arggraph.semantics.registry import GRADUAL

TOL = 1e-9


@st.composite
def cyclic_frameworks(draw: st.DrawFn) -> Framework:
    """A random framework with a cycle: attacks and supports, now and then linked
    premises and an undercut; its weights often scaled so that every claim's incoming
    weights sum to 0.9 at most (a contraction under every semantics)."""
    n = draw(st.integers(2, 12))
    ids = [f"c{i}" for i in range(n)]
    base = [draw(st.floats(0.0, 1.0)) for _ in ids]
    attacks_only = draw(st.booleans())
    order = draw(st.permutations(range(n)))
    ring_ = order[: draw(st.integers(1, n))]
    pairs: list[tuple[tuple[int, ...], int]] = [
        ((ring_[i],), ring_[(i + 1) % len(ring_)]) for i in range(len(ring_))
    ]
    for _ in range(draw(st.integers(0, 3 * n))):
        premises = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=2))
        pairs.append((tuple(sorted(set(premises))), draw(st.integers(0, n - 1))))
    seen: set[tuple[str, tuple[int, ...], int]] = set()
    into = np.zeros(n)
    drawn: list[tuple[str, tuple[int, ...], int, float]] = []
    for premises_, target in pairs:
        kind = "attack" if attacks_only else draw(st.sampled_from(["attack", "support"]))
        if (kind, premises_, target) in seen:
            continue
        seen.add((kind, premises_, target))
        weight = draw(st.floats(0.0, 1.0))
        into[target] += weight
        drawn.append((kind, premises_, target, weight))
    scale = draw(st.booleans())
    links = [
        Link(
            kind,
            tuple(ids[p] for p in premises_),
            ids[target],
            weight * min(1.0, 0.9 / max(into[target], 1e-300)) if scale else weight,
            f"r{i}",
        )
        for i, (kind, premises_, target, weight) in enumerate(drawn)
    ]
    if draw(st.booleans()):
        victim = draw(st.sampled_from([lk.id for lk in links if lk.id]))
        links.append(Link("attack", (draw(st.sampled_from(ids)),), victim, 0.3, "u"))
    return Framework.from_links(ids, base, links)


@dataclass(frozen=True)
class Removals:
    """Everything to evaluate every claim's removal at once, one row per claim."""

    lay: Layout
    rule: Rule
    base: FloatArray
    w: FloatArray
    strength: FloatArray
    region: Region
    scenario: Scenario

    def evaluate(self, warm: bool, rule: Rule | None = None, tol: float = TOL) -> FloatArray:
        return evaluate(
            self.region,
            rule or self.rule,
            self.strength,
            self.base,
            self.w,
            self.lay.ids,
            self.scenario,
            tol=tol,
            warm=warm,
        )


def every_removal(fw: Framework, semantics: str, claims: list[int] | None = None) -> Removals:
    lay, rule, w = prepare(fw, semantics)
    base = lay.node_base(fw)
    strength = compute(lay, rule, base, w, tol=TOL)
    region = Region.build(lay, np.arange(lay.n, dtype=np.int64))
    col = np.full(lay.n, -1, dtype=np.int64)
    col[region.nodes] = np.arange(region.size, dtype=np.int64)
    chosen = np.array(range(lay.n_claims) if claims is None else claims, dtype=np.int64)
    scenario = Scenario(rows=len(chosen), clamp_rows=np.arange(len(chosen)), clamp_cols=col[chosen])
    return Removals(lay, rule, base, w, strength, region, scenario)


def residual_and_factor(case: Removals, values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``|F(s) - s|`` of every node of a cyclic group in every row (removed claims at 0,
    0 elsewhere), and the max-norm factor ``p`` of each node's component (0 elsewhere)."""
    region, rule, sc = case.region, case.rule, case.scenario
    out = np.zeros((values.shape[0], region.size))
    p_of = np.zeros(region.size)
    node_base = case.base[region.nodes]
    assert sc.clamp_rows is not None and sc.clamp_cols is not None
    for grp in region.groups:
        if not grp.cyclic:
            continue
        b = np.broadcast_to(node_base[grp.lo : grp.hi], (values.shape[0], grp.hi - grp.lo))
        va, vs, vm = grp.aggregate(rule.reducer, values, case.w)
        f = grp.finish(rule, b, va, vs, vm)
        hit = (sc.clamp_cols >= grp.lo) & (sc.clamp_cols < grp.hi)
        f[sc.clamp_rows[hit], sc.clamp_cols[hit] - grp.lo] = 0.0
        out[:, grp.lo : grp.hi] = np.abs(f - values[:, grp.lo : grp.hi])
        p, _ = factors(grp, rule, node_base[grp.lo : grp.hi], case.w)
        p_of[grp.lo : grp.hi] = np.repeat(p, np.diff(np.append(grp.scc_start, grp.hi - grp.lo)))
    return out, p_of


def proven_columns(case: Removals) -> np.ndarray:
    region = case.region
    proven = np.zeros(region.size, dtype=bool)
    for grp in region.groups:
        if grp.cyclic:
            fits = contractive(grp, case.rule, case.base[region.nodes[grp.lo : grp.hi]], case.w)
            sizes = np.diff(np.append(grp.scc_start, grp.hi - grp.lo))
            proven[grp.lo : grp.hi] = np.repeat(fits, sizes)
    return proven


@settings(max_examples=200, deadline=None)
@given(cyclic_frameworks(), st.sampled_from(sorted(GRADUAL)))
def test_a_warm_start_gives_what_a_cold_one_gives(fw: Framework, semantics: str) -> None:
    try:
        case = every_removal(fw, semantics)
        cold = case.evaluate(warm=False)
    except SemanticsError:
        assume(False)  # h-categorizer on supports; a cycle the engine cannot settle
    warm = case.evaluate(warm=True)
    r = case.region.size
    proven = proven_columns(case)
    if not proven.any():  # nothing proven contractive: the cold start, to the last bit
        assert np.array_equal(warm, cold)
        return
    # Proven: stopped on the cold start's test (every residual within the tolerance),
    # then one more update, which a contraction by p shrinks to at most p times that.
    residual, p = residual_and_factor(case, warm)
    assert np.all(residual[:, proven] <= TOL * np.maximum(1.0, p[proven]) + 1e-15)
    # Each is then within p / (1 - p) * TOL of the one fixed point given its inputs.
    cyclic = p > 0.0
    if np.all(proven[cyclic]) and p.max() <= 0.95:
        assert np.abs(warm[:, :r] - cold[:, :r]).max() <= 1e-6


def ring(n: int, weight: float) -> Framework:
    """A ring of ``n`` claims, each attacking the next, every 7th supporting instead."""
    ids = [f"c{i}" for i in range(n)]
    att = [(ids[i], ids[(i + 1) % n], weight) for i in range(n) if i % 7]
    sup = [(ids[i], ids[(i + 1) % n], weight) for i in range(n) if not i % 7]
    return Framework.from_edges(ids, np.linspace(0.1, 0.9, n).tolist(), attacks=att, supports=sup)


@pytest.mark.parametrize("semantics", sorted(GRADUAL))
def test_a_removal_on_a_long_cycle_iterates_what_it_reaches(semantics: str) -> None:
    fw = ring(2000, 0.5)
    if not GRADUAL[semantics].supports:
        fw = replace(fw, sup_w=np.zeros_like(fw.sup_w))
    case = every_removal(fw, semantics, [0, 500, 1500])
    kernels = case.rule.kernels
    count = [0]

    def counted(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
        count[0] += b.size
        return kernels.vector(b, va, vs)

    counting = replace(case.rule, kernels=replace(kernels, vector=counted))
    cells = []
    results = []
    for warm in (False, True):
        count[0] = 0
        results.append(case.evaluate(warm, counting))
        cells.append(count[0])
    assert proven_columns(case).all()
    assert np.abs(results[1] - results[0]).max() <= 1e-8
    # Cold, every round updates all 2,000 claims of the ring in each row; warm, the few
    # dozen after each removed claim until its effect fades below the tolerance.
    assert cells[1] * 20 < cells[0]


def test_a_component_not_proven_contractive_starts_cold() -> None:
    # Two claims attacking each other at full weight, one attacking itself: DF-QuAD's
    # slopes max(b, 1 - b) give row and column sums above 1, so nothing proves one
    # fixed point, and the warm start stays out.
    fw = Framework.from_edges(
        ["a", "b", "c"], [0.9, 0.8, 0.5], attacks=[("a", "b"), ("b", "a"), ("a", "a"), ("c", "a")]
    )
    case = every_removal(fw, "dfquad")
    assert not proven_columns(case).any()
    assert np.array_equal(case.evaluate(warm=True), case.evaluate(warm=False))


def test_contraction_is_proven_by_row_or_column_sums() -> None:
    def proven(fw: Framework) -> list[bool]:
        lay, rule, w = prepare(fw, "dfquad")
        region = Region.build(lay, np.arange(lay.n, dtype=np.int64))
        grp = next(g for g in region.groups if g.cyclic)
        fits = contractive(grp, rule, lay.node_base(fw)[region.nodes[grp.lo : grp.hi]], w)
        return [bool(x) for x in fits]

    pair = [("a", "b"), ("b", "a")]
    # Slope max(b, 1 - b) = 0.9 times weight 1: every row and column sums to 0.9.
    assert proven(Framework.from_edges(["a", "b"], [0.9, 0.1], attacks=pair)) == [True]
    # b attacks itself too: b's row sums to 1.8 and so does its column.
    loop = [*pair, ("b", "b")]
    assert proven(Framework.from_edges(["a", "b"], [0.5, 0.9], attacks=loop)) == [False]
    # Column sums alone: c (base 0.9, slope 0.9) attacked by a and b at weight 1 has a
    # row sum of 1.8, but c attacks a and b (slope 0.5) at weight 0.9, so every column
    # sums to 0.9: a contraction in the sum norm.
    both = [("a", "c", 1.0), ("b", "c", 1.0), ("c", "a", 0.9), ("c", "b", 0.9)]
    fw = Framework.from_edges(["a", "b", "c"], [0.5, 0.5, 0.9], attacks=both)
    lay, rule, w = prepare(fw, "dfquad")
    region = Region.build(lay, np.arange(3, dtype=np.int64))
    grp = region.groups[0]
    p, q = factors(grp, rule, lay.node_base(fw)[region.nodes], w)
    assert (p.tolist(), q.tolist()) == ([pytest.approx(1.8)], [pytest.approx(0.9)])
    assert proven(fw) == [True]


def test_a_warm_start_that_does_not_settle_is_left_to_the_cold_start() -> None:
    case = every_removal(ring(200, 0.9), "dfquad")
    region = case.region
    grp = next(g for g in region.groups if g.cyclic)
    b = case.base[region.nodes[grp.lo : grp.hi]]
    ref = np.concatenate([case.strength[region.nodes], case.strength[region.ext]])
    sc = case.scenario
    assert sc.clamp_rows is not None and sc.clamp_cols is not None
    clamp = (sc.clamp_rows, sc.clamp_cols - grp.lo)
    fits = contractive(grp, case.rule, b, case.w)
    assert fits.all()
    values = np.zeros((sc.rows, region.size + len(region.ext)))
    assert not solve_warm(grp, case.rule, values, b, case.w, ref, clamp, fits, TOL, 1).any()
    values = np.zeros((sc.rows, region.size + len(region.ext)))
    assert solve_warm(grp, case.rule, values, b, case.w, ref, clamp, fits, TOL, 500).all()
    assert (
        np.abs(values[:, : region.size] - case.evaluate(warm=False)[:, : region.size]).max() <= 1e-8
    )


def without(fw: Framework, claim: str) -> Framework:
    keep = [c for c in fw.ids if c != claim]

    def edges(src: np.ndarray, tgt: np.ndarray, w: np.ndarray) -> list[tuple[str, str, float]]:
        pairs = zip(src.tolist(), tgt.tolist(), w.tolist(), strict=True)
        return [
            (fw.ids[s], fw.ids[t], x) for s, t, x in pairs if claim not in (fw.ids[s], fw.ids[t])
        ]

    return Framework.from_edges(
        keep,
        {c: float(fw.base[fw.index_of(c)]) for c in keep},
        attacks=edges(fw.att_src, fw.att_tgt, fw.att_w),
        supports=edges(fw.sup_src, fw.sup_tgt, fw.sup_w),
    )


@pytest.mark.parametrize("semantics", sorted(GRADUAL))
def test_explain_top_on_a_cycle_gives_removals_recomputed_from_scratch(semantics: str) -> None:
    fw = ring(300, 0.8)
    if not GRADUAL[semantics].supports:
        fw = replace(fw, sup_w=np.zeros_like(fw.sup_w))
    ex = explain(fw, "c0", semantics, top=5)
    exact = {c.claim: c.removal for c in ex.contributions if c.removal is not None}
    assert len(exact) >= 5
    for claim, value in exact.items():
        cut = without(fw, claim)
        alone = strengths(cut, semantics)[cut.index_of("c0")]
        assert value == pytest.approx(ex.strength - alone, abs=1e-8)
    assert removals(fw, "c0", list(exact), semantics) == pytest.approx(exact, abs=1e-12)


def test_a_contraction_is_certified_where_rows_and_columns_sum_above_1() -> None:
    # Block 0: a 2-cycle with gains 1.5 and 0.1 (row 0 and column 1 sum to 1.5, but a
    # round trip multiplies by 0.15: spectral radius about 0.39). Block 1: gains 1.2 both
    # ways (spectral radius 1.2): nothing can prove it.
    row = np.array([0, 1, 2, 3])
    col = np.array([1, 0, 3, 2])
    value = np.array([1.5, 0.1, 1.2, 1.2])
    gamma, v = contraction(row, col, value, 4, np.array([0, 2]))
    assert gamma[0] < 1.0
    assert gamma[1] == np.inf
    # The certificate holds: M v <= gamma v on the proven block.
    mv = np.array([1.5 * v[1], 0.1 * v[0]])
    assert np.all(mv <= gamma[0] * v[:2] * (1 + 1e-12))
    assert gamma[0] >= np.sqrt(0.15) - 1e-9  # never below the spectral radius


def many_sided() -> Framework:
    """Four claims on one cycle, bases 0.9 (DF-QuAD's slope 0.9): c has two attackers at
    full weight (its row of bounds sums to 1.8) and e two targets (its column sums to
    1.8), but every round trip is damped by a weight of 1/9 somewhere."""
    light = 0.1 / 0.9
    return Framework.from_edges(
        ["a", "b", "c", "e"],
        [0.9, 0.9, 0.9, 0.9],
        attacks=[
            ("a", "c", 1.0),
            ("b", "c", 1.0),
            ("c", "a", light),
            ("c", "b", light),
            ("e", "a", 1.0),
            ("e", "b", 1.0),
            ("a", "e", light),
        ],
    )


def test_a_component_certified_by_weights_is_re_solved_warm_and_bounded() -> None:
    fw = many_sided()
    case = every_removal(fw, "dfquad")
    grp = next(g for g in case.region.groups if g.cyclic)
    b = case.base[case.region.nodes[grp.lo : grp.hi]]
    p, q = factors(grp, case.rule, b, case.w)
    assert p[0] >= 1.0 and q[0] >= 1.0  # neither sum proves it
    assert contractive(grp, case.rule, b, case.w).tolist() == [True]
    warm, cold = case.evaluate(warm=True), case.evaluate(warm=False)
    assert not np.array_equal(warm, cold)  # the warm start was taken
    assert np.abs(warm - cold).max() <= 1e-8
    # The removal bounds are finite (a and b's below 1, where the row and column sums
    # alone left every bound at 1; e's path sums times its strength exceed 1, so 1
    # stands), and never below the exact removals.
    bounds = {c.claim: c.bound for c in explain(fw, "c", top=0).contributions}
    exact = explain(fw, "c")
    assert bounds["a"] < 0.2 and bounds["b"] < 0.2
    for c in exact.contributions:
        assert c.removal is not None
        assert abs(c.removal) <= bounds[c.claim] + 1e-12
