"""Explanations: removals equal recomputation, gradients equal finite differences."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gradual_properties import contractive, medium

from arggraph.errors import UnknownIdError
from arggraph.framework import Framework
from arggraph.semantics.explain import explain
from arggraph.semantics.gradual import strengths


def without(fw: Framework, claim: str) -> Framework:
    """The framework with a claim and its relations deleted, rebuilt from scratch."""
    keep = [c for c in fw.ids if c != claim]
    ids = fw.ids

    def edges(src: np.ndarray, tgt: np.ndarray, w: np.ndarray) -> list[tuple[str, str, float]]:
        return [
            (ids[s], ids[t], float(x))
            for s, t, x in zip(src, tgt, w, strict=True)
            if claim not in (ids[s], ids[t])
        ]

    return Framework.from_edges(
        keep,
        {c: float(fw.base[fw.index[c]]) for c in keep},
        attacks=edges(fw.att_src, fw.att_tgt, fw.att_w),
        supports=edges(fw.sup_src, fw.sup_tgt, fw.sup_w),
    )


def interior(fw: Framework, seed: int) -> Framework:
    """Bases and weights away from 0 and 1, so central differences stay inside [0, 1]."""
    rng = np.random.default_rng(seed)
    return replace(
        fw,
        base=rng.uniform(0.05, 0.95, fw.n),
        att_w=np.clip(fw.att_w, 0.05, 0.95),
        sup_w=np.clip(fw.sup_w, 0.05, 0.95),
    )


def check(fw: Framework, topic: str, sem: str, limit: int = 40) -> None:
    tol = 1e-14
    ex = explain(fw, topic, sem, tol=tol)
    t = fw.index_of(topic)
    s = strengths(fw, sem, tol=tol)
    assert ex.strength == pytest.approx(s[t], abs=1e-12)
    removals = [c.removal for c in ex.contributions]
    assert all(r is not None for r in removals)  # every one exact without top=
    keys = [(-abs(c.removal or 0.0), -abs(c.gradient), c.claim) for c in ex.contributions]
    assert keys == sorted(keys)
    edges = set(
        zip(
            np.concatenate([fw.att_src, fw.sup_src]).tolist(),
            np.concatenate([fw.att_tgt, fw.sup_tgt]).tolist(),
            strict=True,
        )
    )
    h = 1e-6
    for c in ex.contributions[:limit]:
        assert c.path[0] == c.claim
        assert c.path[-1] == topic
        for u, v in zip(c.path, c.path[1:], strict=False):
            assert (fw.index_of(u), fw.index_of(v)) in edges
        reduced = without(fw, c.claim)
        alone = strengths(reduced, sem, tol=tol)[reduced.index_of(topic)]
        assert c.removal == pytest.approx(s[t] - alone, abs=1e-9)
        b = float(fw.base[fw.index_of(c.claim)])
        up = strengths(fw.with_base({c.claim: b + h}), sem, tol=tol)[t]
        down = strengths(fw.with_base({c.claim: b - h}), sem, tol=tol)[t]
        assert c.gradient == pytest.approx((up - down) / (2 * h), abs=1e-6)
    for rid, g in list(ex.weights.items())[:limit]:
        w = float(
            np.concatenate([fw.att_w, fw.sup_w])[
                fw.relation_index[rid][1]
                + (len(fw.att_w) if fw.relation_index[rid][0] == "support" else 0)
            ]
        )
        up = strengths(fw.with_weights({rid: w + h}), sem, tol=tol)[t]
        down = strengths(fw.with_weights({rid: w - h}), sem, tol=tol)[t]
        assert g == pytest.approx((up - down) / (2 * h), abs=1e-6)
    reach = {c.claim for c in ex.contributions}
    for cid in set(fw.ids) - reach - {topic}:
        reduced = without(fw, cid)
        assert strengths(reduced, sem, tol=tol)[reduced.index_of(topic)] == pytest.approx(
            s[t], abs=1e-12
        )


@pytest.mark.parametrize("sem", ["dfquad", "qe", "euler"])
@pytest.mark.parametrize("acyclic", [True, False])
def test_removals_and_gradients(sem: str, acyclic: bool) -> None:
    fw = interior(medium(11, 70, 170, acyclic), 3)
    if not acyclic:
        fw = contractive(fw)
    topic = fw.ids[
        int(np.argmax(np.bincount(np.concatenate([fw.att_tgt, fw.sup_tgt]), minlength=fw.n)))
    ]
    check(fw, topic, sem)


def test_hcat_on_cycles() -> None:
    fw = contractive(interior(medium(4, 60, 150, False, supports=False), 2))
    check(fw, fw.ids[int(fw.att_tgt[0])], "hcat")


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["dfquad", "qe", "euler"]))
def test_small_random_graphs(seed: int, sem: str) -> None:
    fw = interior(medium(seed, 12, 25, acyclic=bool(seed % 2)), seed)
    fw = contractive(fw)
    check(fw, fw.ids[int(np.concatenate([fw.att_tgt, fw.sup_tgt, [0]])[0])], sem)


def test_worked_example() -> None:
    """t (0.5) attacked by a (0.6), supported by b (0.5): a = 0.6 + 0.4*0.5 = 0.8, t = 0.1.

    Without a, t = 0.5 (removal -0.4); without b, a = 0.6 and t = 0.2 (removal -0.1).
    d t / d base(a) = (-0.5) * (1 - 0.5) = -0.25; d t / d base(b) = (-0.5) * 0.4 = -0.2;
    d t / d weight(a->t) = -0.5 * 0.8 = -0.4.
    """
    fw = Framework.from_edges(
        ["t", "a", "b"], [0.5, 0.6, 0.5], attacks=[("a", "t")], supports=[("b", "a")]
    )
    ex = explain(fw, "t")
    assert [(c.claim, c.path) for c in ex.contributions] == [
        ("a", ["a", "t"]),
        ("b", ["b", "a", "t"]),
    ]
    assert [c.removal for c in ex.contributions] == pytest.approx([-0.4, -0.1])
    assert [c.gradient for c in ex.contributions] == pytest.approx([-0.25, -0.2])
    assert ex.weights["attack:a->t"] == pytest.approx(-0.4)
    assert ex.weights["support:b->a"] == pytest.approx(-0.5 * 0.4 * 0.5)


def test_isolated_topic_and_unknown_topic() -> None:
    fw = Framework.from_edges(["t", "x"], [0.3, 0.9], attacks=[("t", "x")])
    ex = explain(fw, "t")
    assert ex.contributions == []
    assert ex.weights == {}
    assert ex.strength == 0.3
    with pytest.raises(UnknownIdError, match="did you mean 't'"):
        explain(fw, "tt")


def test_strongest_path_prefers_the_weightier_route() -> None:
    fw = Framework.from_edges(
        ["t", "m1", "m2", "c"],
        [0.5] * 4,
        supports=[("m1", "t", 0.1), ("m2", "t", 0.9), ("c", "m1"), ("c", "m2")],
    )
    path = {c.claim: c.path for c in explain(fw, "t").contributions}
    assert path["c"] == ["c", "m2", "t"]
