"""Linked premises and attacks on inferences in the gradual semantics.

A linked set bears on its target with the strength of its weakest member times the
relation's effective weight (SETAFs: Nielsen and Parsons 2006; weighted bipolar SETAFs:
Yun and Vesic 2021). A relation's effective weight is its weight moved by DF-QuAD's rule
by the probabilistic sums of its undercutters and backers, under every semantics.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import SemanticsError
from arggraph.framework import Framework, Link
from arggraph.io import load
from arggraph.semantics import explain, reference, score
from arggraph.semantics.gradual import strengths
from arggraph.semantics.incremental import GradualEngine
from arggraph.semantics.verdict import flip_points, margin_curve, verdict

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]

LINKED = 'attack+:["p","q"]->c'


def example() -> Framework:
    """c (0.5) is attacked by p (0.8) and q (0.6) together, and by a (0.4); u (0.5)
    undercuts the linked attack; d (0.5) is a second position with nothing on it."""
    return Framework.from_links(
        ["c", "d", "p", "q", "a", "u"],
        [0.5, 0.5, 0.8, 0.6, 0.4, 0.5],
        [
            Link("attack", ("p", "q"), "c"),
            Link("attack", ("a",), "c"),
            Link("attack", ("u",), LINKED),
        ],
    )


# By hand: the linked attack weighs 1 - 1 * 0.5 = 0.5 (undercut by 0.5) and bears with
# its weakest premise, 0.6: it contributes 0.3; the plain attack 0.4.
HAND = {
    # va = 1 - (1 - 0.3)(1 - 0.4) = 0.58: 0.5 - 0.5 * 0.58
    "dfquad": 0.21,
    # E = -(0.3 + 0.4): 0.5 - 0.5 * 0.49 / 1.49
    "qe": 0.5 - 0.5 * 0.49 / 1.49,
    # 1 - (1 - 0.25) / (1 + 0.5 exp(-0.7))
    "euler": 1.0 - 0.75 / (1.0 + 0.5 * math.exp(-0.7)),
    # 0.5 / (1 + 0.7)
    "hcat": 0.5 / 1.7,
}


@pytest.mark.parametrize("semantics", list(HAND))
def test_the_example_by_hand(semantics: str) -> None:
    got = score(example(), semantics)
    assert got["c"] == pytest.approx(HAND[semantics], abs=1e-12)
    assert got["p"] == 0.8
    assert reference.strengths(example(), semantics)[0] == pytest.approx(HAND[semantics], abs=1e-12)


def test_the_example_explained_by_hand() -> None:
    ex = explain(example(), "c")
    by = {c.claim: c for c in ex.contributions}
    # Removing either premise removes the linked attack: c = 0.5 - 0.5 * 0.4 = 0.3.
    assert by["p"].removal == pytest.approx(0.21 - 0.3, abs=1e-12)
    assert by["q"].removal == pytest.approx(0.21 - 0.3, abs=1e-12)
    # Without u the linked attack weighs 1: va = 1 - 0.4 * 0.6, c = 0.12.
    assert by["u"].removal == pytest.approx(0.21 - 0.12, abs=1e-12)
    # q is the weakest premise: d c / d q = -0.5 * 0.6 (d va/d v) * 0.5 (the weight).
    assert by["q"].gradient == pytest.approx(-0.15, abs=1e-12)
    assert by["p"].gradient == 0.0  # not the weakest
    # d c / d u = -0.5 * 0.6 * (-0.6): the undercut lowers the weight by u * 1.
    assert by["u"].gradient == pytest.approx(0.18, abs=1e-12)
    assert by["u"].path == ["u", "c"]  # the inference is a step between claims
    # d c / d weight of the linked attack: -0.5 * 0.6 * (1 - 0.5) * 0.6.
    assert ex.weights[LINKED] == pytest.approx(-0.09, abs=1e-12)
    # d c / d weight of the undercut: as by u's base, times u's strength 0.5.
    assert ex.weights['attack:u->attack+:["p","q"]->c'] == pytest.approx(0.09, abs=1e-12)


def test_the_example_levers_and_flips() -> None:
    fw = example()
    v = verdict(fw, positions=["c", "d"])
    assert v.leader == "d"
    assert v.margin == pytest.approx(0.5 - 0.21, abs=1e-12)
    curve = dict(margin_curve(fw, "u", positions=["c", "d"], samples=3))
    # u at 1 cancels the linked attack: c = 0.5 - 0.5 * 0.4 = 0.3; at 0 c = 0.12.
    assert curve[1.0] == pytest.approx(0.5 - 0.3, abs=1e-12)
    assert curve[0.0] == pytest.approx(0.5 - 0.12, abs=1e-12)
    flips = flip_points(fw, positions=["c", "d"])
    assert flips["u"] is None  # c cannot catch d by u alone
    assert flips["c"] is None  # at base 1, c = 1 - 0.58 = 0.42: still behind
    assert flips["d"] == pytest.approx(0.21, abs=1e-6)  # d down to c's 0.21: a tie


def test_editing_an_inferences_weight_and_its_undercutter() -> None:
    engine = GradualEngine(example())
    engine.set_weight(LINKED, 0.5)
    engine.set_base("u", 1.0)
    fresh = score(example().with_weights({LINKED: 0.5}).with_base({"u": 1.0}))
    assert engine.strengths() == pytest.approx(fresh, abs=1e-12)
    assert engine.weight(LINKED) == 0.5
    assert engine.framework.inf_w.tolist() == [0.5]


def test_a_backing_is_refused_by_h_categorizer_with_the_reason() -> None:
    fw = Framework.from_links(
        ["c", "p", "b"],
        None,
        [Link("attack", ("p",), "c", id="r"), Link("support", ("b",), "r")],
    )
    assert fw.k == 1  # r is backed, so it is an inference
    with pytest.raises(SemanticsError, match="backing"):
        strengths(fw, "hcat")
    # DF-QuAD: r weighs 1 + 0 * 0.5 = 1 (already full), c = 0.5 - 0.5 * 0.5.
    assert score(fw)["c"] == pytest.approx(0.25, abs=1e-12)


def test_old_outputs_are_unchanged() -> None:
    """Single sources and no relation targets: today's values, within 1e-12."""
    old = json.loads((FIXTURES / "gradual-outputs-before-inferences.json").read_text())
    bakhmut = load(FIXTURES / "bakhmut-first-edition.json")
    for sem, values in old["bakhmut"].items():
        assert score(bakhmut, sem) == pytest.approx(values, abs=1e-12)
    for case in old["random"]:
        fw = Framework.from_edges(
            case["ids"],
            case["base"],
            attacks=[tuple(e) for e in case["attacks"]],
            supports=[tuple(e) for e in case["supports"]],
        )
        for sem, values in case["strengths"].items():
            assert score(fw, sem) == pytest.approx(values, abs=1e-12)


# ---------------------------------------------------------------------- random graphs
@st.composite
def structured(draw: st.DrawFn, acyclic: bool = False) -> Framework:
    """Random frameworks with linked sets, undercuts, backings and cycles, weights small
    enough that every cycle contracts (so the plain-Python reference settles too)."""
    n = draw(st.integers(2, 7))
    ids = [f"c{i}" for i in range(n)]
    base = [draw(st.floats(0.05, 0.95)) for _ in ids]
    links: list[Link] = []
    count = draw(st.integers(1, 2 * n))
    for i in range(count):
        size = draw(st.integers(1, 3))
        premises = tuple(
            sorted(set(draw(st.lists(st.integers(0, n - 1), min_size=size, max_size=size))))
        )
        target_claim = draw(st.integers(0, n - 1))
        if acyclic and any(p >= target_claim for p in premises):
            continue
        kind = draw(st.sampled_from(["attack", "support"]))
        links.append(
            Link(
                kind,
                tuple(ids[p] for p in premises),
                ids[target_claim],
                draw(st.floats(0.0, 0.3)),
                f"r{i}",
            )
        )
    # No two relations with the same premises, type and target.
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    unique = []
    for lk in links:
        key = (lk.type, lk.premises, lk.target)
        if key not in seen:
            seen.add(key)
            unique.append(lk)
    # Undercutters and backers aimed at some of them (a relation aimed at a relation).
    for j in range(draw(st.integers(0, 3))):
        if not unique:
            break
        victim = draw(st.sampled_from([lk.id for lk in unique if lk.id is not None]))
        src = draw(st.integers(0, n - 1))
        kind = draw(st.sampled_from(["attack", "support"]))
        key = (kind, (ids[src],), victim)
        if key not in seen:
            seen.add(key)
            unique.append(Link(kind, (ids[src],), victim, draw(st.floats(0.0, 0.3)), f"x{j}"))
    return Framework.from_links(ids, base, unique)


@settings(max_examples=150, deadline=None)
@given(structured())
def test_the_engine_agrees_with_the_reference(fw: Framework) -> None:
    for sem in ("dfquad", "qe", "euler"):
        # Both to well within the compared 1e-9: a residual of 1e-9 on a cycle can leave
        # an error a little above it.
        got = strengths(fw, sem, tol=1e-13).tolist()
        assert got == pytest.approx(reference.strengths(fw, sem, tol=1e-13), abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(structured(), st.data())
def test_edits_agree_with_a_full_recompute(fw: Framework, data: st.DataObject) -> None:
    engine = GradualEngine(fw)
    cid = data.draw(st.sampled_from(fw.ids))
    engine.set_base(cid, data.draw(st.floats(0.0, 1.0)))
    if fw.k:
        rid = data.draw(st.sampled_from(fw.inf_rel))
        engine.set_weight(rid, data.draw(st.floats(0.0, 0.3)))
    assert engine.values.tolist() == pytest.approx(strengths(engine.framework).tolist(), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(structured(acyclic=True))
def test_gradients_match_finite_differences(fw: Framework) -> None:
    """With distinct scores (the minimum is differentiable there), on acyclic graphs."""
    rng = np.random.default_rng(0)
    fw = fw.with_base(dict(zip(fw.ids, rng.uniform(0.1, 0.9, fw.n).tolist(), strict=True)))
    topic = fw.ids[-1]
    ex = explain(fw, topic)
    h = 1e-6
    for c in ex.contributions:
        b = float(fw.base[fw.index_of(c.claim)])
        up = score(fw.with_base({c.claim: min(1.0, b + h)}))[topic]
        down = score(fw.with_base({c.claim: max(0.0, b - h)}))[topic]
        numeric = (up - down) / (min(1.0, b + h) - max(0.0, b - h))
        assert c.gradient == pytest.approx(numeric, abs=1e-5)
