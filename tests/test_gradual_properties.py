"""Properties of the gradual engine on random graphs, against the pure-Python reference."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.framework import Framework
from arggraph.semantics import reference
from arggraph.semantics.gradual import strengths

unit = st.floats(0.0, 1.0, allow_nan=False)
ALL = ("dfquad", "qe", "euler", "hcat")


def contractive(fw: Framework, total: float = 0.9) -> Framework:
    """Scale weights so each claim's incoming weights sum to at most ``total``.

    Every update is then a contraction in the max norm (each semantics' partial
    derivatives are at most 1 in size), so a cycle has one fixed point and every
    schedule reaches it: the engine and the reference must agree.
    """
    w = np.concatenate([fw.att_w, fw.sup_w])
    tgt = np.concatenate([fw.att_tgt, fw.sup_tgt])
    into = np.bincount(tgt, weights=w, minlength=fw.n)
    w = w * np.minimum(1.0, total / np.maximum(into[tgt], 1e-300))
    k = len(fw.att_w)
    return replace(fw, att_w=w[:k], sup_w=w[k:])


@st.composite
def frameworks(
    draw: st.DrawFn, acyclic: bool = True, supports: bool = True, max_n: int = 9
) -> Framework:
    n = draw(st.integers(1, max_n))
    ids = [f"c{i}" for i in range(n)]
    base = draw(st.lists(unit, min_size=n, max_size=n))
    raw = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), unit, st.booleans()),
            max_size=3 * n,
        )
    )
    att: list[tuple[str, str, float]] = []
    sup: list[tuple[str, str, float]] = []
    for s, t, w, is_sup in raw:
        if acyclic:
            if s == t:
                continue
            s, t = max(s, t), min(s, t)
        (sup if is_sup and supports else att).append((ids[s], ids[t], w))
    fw = Framework.from_edges(ids, base, attacks=att, supports=sup)
    return fw if acyclic else contractive(fw)


def medium(seed: int, n: int, m: int, acyclic: bool, supports: bool = True) -> Framework:
    """A random graph wide enough for the engine's NumPy rounds (not only its Python path)."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n, m)
    tgt = rng.integers(0, n, m)
    if acyclic:
        keep = src != tgt
        src, tgt = np.maximum(src, tgt)[keep], np.minimum(src, tgt)[keep]
        perm = rng.permutation(n)
        src, tgt = perm[src], perm[tgt]
    is_sup = (rng.random(len(src)) < 0.5) & supports
    w = rng.uniform(0.05, 1.0, len(src))
    fw = Framework(
        tuple(f"a{i}" for i in range(n)),
        rng.random(n),
        src[~is_sup],
        tgt[~is_sup],
        w[~is_sup],
        src[is_sup],
        tgt[is_sup],
        w[is_sup],
    )
    return fw if acyclic else contractive(fw)


def semantics_for(fw: Framework) -> tuple[str, ...]:
    return ALL if not len(fw.sup_src) else ALL[:3]


@settings(max_examples=150, deadline=None)
@given(frameworks(acyclic=True))
def test_acyclic_matches_reference(fw: Framework) -> None:
    for sem in semantics_for(fw):
        got = strengths(fw, sem)
        assert got.tolist() == pytest.approx(reference.strengths(fw, sem), abs=1e-9)
        assert np.all((got >= 0.0) & (got <= 1.0))


@settings(max_examples=100, deadline=None)
@given(frameworks(acyclic=False))
def test_cyclic_matches_reference(fw: Framework) -> None:
    for sem in semantics_for(fw):
        got = strengths(fw, sem, tol=1e-13)
        assert got.tolist() == pytest.approx(reference.strengths(fw, sem, tol=1e-13), abs=1e-9)
        assert np.all((got >= 0.0) & (got <= 1.0))


@pytest.mark.parametrize("acyclic", [True, False])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_wide_graphs_match_reference(seed: int, acyclic: bool) -> None:
    fw = medium(seed, 600, 1500, acyclic)
    for sem in ("dfquad", "qe", "euler"):
        got = strengths(fw, sem, tol=1e-13)
        assert got.tolist() == pytest.approx(reference.strengths(fw, sem, tol=1e-13), abs=1e-9)
    attacks = medium(seed, 600, 1500, acyclic, supports=False)
    got = strengths(attacks, "hcat", tol=1e-13)
    assert got.tolist() == pytest.approx(reference.strengths(attacks, "hcat", tol=1e-13), abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(frameworks(acyclic=False))
def test_unattacked_unsupported_claims_keep_their_base(fw: Framework) -> None:
    fed = set(fw.att_tgt.tolist()) | set(fw.sup_tgt.tolist())
    for sem in semantics_for(fw):
        got = strengths(fw, sem)
        for i in range(fw.n):
            if i not in fed:
                assert got[i] == fw.base[i]


@settings(max_examples=100, deadline=None)
@given(frameworks(acyclic=True), st.data())
def test_dfquad_raising_a_support_never_lowers_its_target(
    fw: Framework, data: st.DataObject
) -> None:
    if not len(fw.sup_src):
        return
    k = data.draw(st.integers(0, len(fw.sup_src) - 1))
    src, tgt, w = int(fw.sup_src[k]), int(fw.sup_tgt[k]), float(fw.sup_w[k])
    before = strengths(fw)[tgt]
    raised_w = fw.sup_w.copy()
    raised_w[k] = data.draw(st.floats(w, 1.0))  # by position: ids may repeat
    assert strengths(replace(fw, sup_w=raised_w))[tgt] >= before - 1e-15
    # The supporter's own base, when this support is its only way out.
    out = np.concatenate([fw.att_src, fw.sup_src]).tolist().count(src)
    if out == 1:
        b = float(fw.base[src])
        raised = fw.with_base({fw.ids[src]: data.draw(st.floats(b, 1.0))})
        assert strengths(raised)[tgt] >= before - 1e-15


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([True, False]).flatmap(lambda a: frameworks(acyclic=a)), st.data())
def test_weight_zero_is_no_relation(fw: Framework, data: st.DataObject) -> None:
    rel = fw.att_ids + fw.sup_ids
    if not rel:
        return
    k = data.draw(st.integers(0, len(rel) - 1))
    na = len(fw.att_src)
    w = np.concatenate([fw.att_w, fw.sup_w])
    w[k] = 0.0  # by position: two relations may share a default id
    zeroed = replace(fw, att_w=w[:na], sup_w=w[na:])
    keep_a = [i for i in range(na) if i != k]
    keep_s = [i for i in range(len(fw.sup_src)) if i + na != k]
    dropped = replace(
        fw,
        att_src=fw.att_src[keep_a],
        att_tgt=fw.att_tgt[keep_a],
        att_w=zeroed.att_w[keep_a],
        sup_src=fw.sup_src[keep_s],
        sup_tgt=fw.sup_tgt[keep_s],
        sup_w=zeroed.sup_w[keep_s],
        att_rel=None,
        sup_rel=None,
    )
    for sem in semantics_for(dropped):
        if sem == "hcat" and len(zeroed.sup_w) and zeroed.sup_w.max() > 0:
            continue
        assert strengths(zeroed, sem, tol=1e-13).tolist() == pytest.approx(
            strengths(dropped, sem, tol=1e-13).tolist(), abs=1e-9
        )


@pytest.mark.parametrize("m", [1_000, 60_000, 250_000])
def test_grouping_orders_by_key(m: int) -> None:
    """Each size takes its own path (a stable argsort when small, 32-bit keys when big)."""
    from arggraph.semantics._sparse import group

    rng = np.random.default_rng(m)
    bound = 70_000
    keys = rng.integers(0, bound, m)
    ptr, order = group(keys, bound)
    assert np.array_equal(np.sort(order), np.arange(m))
    assert np.array_equal(keys[order], np.sort(keys))
    assert np.array_equal(ptr, np.concatenate([[0], np.cumsum(np.bincount(keys, minlength=bound))]))


@pytest.mark.slow
def test_big_graph_takes_the_fast_paths_and_agrees() -> None:
    fw = medium(9, 40_000, 220_000, acyclic=True)
    got = strengths(fw, "dfquad")
    assert got.tolist() == pytest.approx(reference.strengths(fw, "dfquad"), abs=1e-9)


@pytest.mark.parametrize("n", [300, 4500])
def test_components_match_networkx(n: int) -> None:
    """Both paths (Tarjan in Python below 4000 claims, SciPy above) find the same SCCs."""
    import networkx as nx

    from arggraph.semantics._sparse import components

    rng = np.random.default_rng(n)
    src = rng.integers(0, n, int(1.2 * n))
    tgt = rng.integers(0, n, int(1.2 * n))
    labels, count = components(n, src, tgt)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(src.tolist(), tgt.tolist(), strict=True))
    want = {frozenset(c) for c in nx.strongly_connected_components(graph)}
    got: dict[int, set[int]] = {}
    for v, c in enumerate(labels.tolist()):
        got.setdefault(c, set()).add(v)
    assert {frozenset(c) for c in got.values()} == want
    assert count == len(want)
