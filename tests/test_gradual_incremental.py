"""The incremental engine equals a full recompute after any sequence of edits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gradual_properties import contractive, frameworks, medium

from arggraph.errors import InputError, SemanticsError, UnknownIdError
from arggraph.framework import Framework
from arggraph.semantics.gradual import strengths
from arggraph.semantics.incremental import GradualEngine

edits = st.lists(
    st.tuples(st.booleans(), st.integers(0, 10_000), st.floats(0.0, 1.0)), min_size=1, max_size=8
)


def apply(engine: GradualEngine, fw: Framework, steps: list[tuple[bool, int, float]]) -> None:
    rel = fw.att_ids + fw.sup_ids
    for on_claim, k, value in steps:
        if on_claim or not rel:
            cid = fw.ids[k % fw.n]
            changed = engine.set_base(cid, value)
            assert engine.base(cid) == value
        else:
            rid = rel[k % len(rel)]
            changed = engine.set_weight(rid, value)
            assert engine.weight(rid) == value
        for cid, s in changed.items():
            assert engine.strength(cid) == s


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from([True, False]).flatmap(lambda a: frameworks(acyclic=a)),
    edits,
    st.sampled_from(["dfquad", "qe", "euler"]),
)
def test_small_graphs_edits_equal_full_recompute(
    fw: Framework, steps: list[tuple[bool, int, float]], sem: str
) -> None:
    engine = GradualEngine(fw, sem, tol=1e-13)
    before = engine.values.copy()
    apply(engine, fw, steps)
    full = strengths(engine.framework, sem, tol=1e-13)
    assert engine.values.tolist() == pytest.approx(full.tolist(), abs=1e-9)
    # Claims not reported as changed kept their strength.
    assert engine.framework.n == len(before)


@pytest.mark.parametrize("acyclic", [True, False])
@pytest.mark.parametrize("sem", ["dfquad", "qe", "euler"])
def test_large_cones_edits_equal_full_recompute(acyclic: bool, sem: str) -> None:
    fw = medium(3, 800, 2400, acyclic)
    engine = GradualEngine(fw, sem, tol=1e-13)
    rng = np.random.default_rng(5)
    steps = [
        (bool(rng.random() < 0.6), int(rng.integers(10_000)), float(rng.random()))
        for _ in range(25)
    ]
    apply(engine, fw, steps)
    full = strengths(engine.framework, sem, tol=1e-13)
    assert np.abs(engine.values - full).max() < 1e-9


def test_changed_claims_are_the_downstream_ones() -> None:
    fw = Framework.from_edges(
        ["p", "a", "b", "x"], [0.5, 0.8, 0.4, 0.3], attacks=[("a", "p")], supports=[("b", "a")]
    )
    engine = GradualEngine(fw)
    changed = engine.set_base("b", 0.0)
    assert set(changed) == {"b", "a", "p"}
    assert changed["a"] == pytest.approx(0.8)
    assert changed["p"] == pytest.approx(0.1)
    assert engine.set_base("b", 0.0) == {}
    assert engine.set_weight("attack:a->p", 0.5) == {"p": pytest.approx(0.5 - 0.5 * 0.4)}
    assert engine.strength("x") == 0.3


def test_probe_leaves_the_engine_unchanged() -> None:
    fw = contractive(medium(1, 300, 700, acyclic=False))
    engine = GradualEngine(fw, tol=1e-13)
    before = engine.values.copy()
    watch = list(fw.ids[:5])
    values = [0.0, 0.25, 1.0]
    got = engine.probe(fw.ids[7], values, watch)
    want = np.array([strengths(fw.with_base({fw.ids[7]: v}), tol=1e-13)[:5] for v in values])
    assert np.abs(got - want).max() < 1e-9
    assert np.array_equal(engine.values, before)


def test_edit_errors() -> None:
    fw = Framework.from_edges(["a", "b"], attacks=[("a", "b")], supports=[("b", "a", 0.0)])
    engine = GradualEngine(fw, "hcat")
    with pytest.raises(UnknownIdError, match="did you mean 'a'"):
        engine.set_base("aa", 0.5)
    with pytest.raises(UnknownIdError):
        engine.set_weight("attack:b->a", 0.5)
    with pytest.raises(InputError, match="from 0 to 1"):
        engine.set_base("a", 1.5)
    with pytest.raises(InputError):
        engine.set_base("a", float("nan"))
    with pytest.raises(SemanticsError, match="attacks only"):
        engine.set_weight("support:b->a", 0.5)
    assert engine.values.flags.writeable is False
    assert engine.strengths() == {"a": 0.5, "b": pytest.approx(0.5 / 1.5)}
