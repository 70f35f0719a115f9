"""The gradual semantics on worked examples, derived by hand from the formulas.

No published strengths are used here: the numbers in each docstring are worked out by
hand from the definitions (Rago et al. 2016 for DF-QuAD, Potyka 2018 for quadratic
energy, Amgoud & Ben-Naim 2018 for Euler-based, the weighted h-categorizer), and the
expected values below are written as that arithmetic, not taken from the engine.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from arggraph.errors import ConvergenceError, SemanticsError
from arggraph.framework import Framework
from arggraph.semantics import SEMANTICS, reference, score, strengths
from arggraph.semantics.gradual import DAMPING_RESTARTS, PATIENCE

# A proposal A with two pros (P1, P2) and a con (C1); C2 undercuts P1.
IDS = ["A", "P1", "P2", "C1", "C2"]
BASE = {"A": 0.5, "P1": 0.6, "P2": 0.4, "C1": 0.7, "C2": 0.5}
PROPOSAL = Framework.from_edges(
    IDS,
    BASE,
    attacks=[("C1", "A"), ("C2", "P1")],
    supports=[("P1", "A"), ("P2", "A")],
)


def h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1 + x * x)


def test_semantics_names() -> None:
    assert SEMANTICS == ("dfquad", "qe", "euler", "hcat")
    assert reference.SEMANTICS == SEMANTICS


def test_dfquad_by_hand() -> None:
    """P1: va = 0.5, vs = 0, so 0.6 - 0.6*0.5 = 0.3.

    A: vs = 1 - (1 - 0.3)(1 - 0.4) = 0.58, va = 0.7 >= vs, so 0.5 - 0.5*(0.7 - 0.58) = 0.44.
    """
    s = score(PROPOSAL)
    assert s["P1"] == pytest.approx(0.3, abs=1e-12)
    assert s["A"] == pytest.approx(0.44, abs=1e-12)
    for leaf in ("P2", "C1", "C2"):
        assert s[leaf] == BASE[leaf]


def test_dfquad_support_branch() -> None:
    """With C1 at 0.1: va = 0.1 < vs = 0.58, so 0.5 + (1 - 0.5)*(0.58 - 0.1) = 0.74."""
    s = score(PROPOSAL.with_base({"C1": 0.1}))
    assert s["A"] == pytest.approx(0.74, abs=1e-12)


def test_qe_by_hand() -> None:
    """P1: E = -0.5, so 0.6 - 0.6*h(0.5) = 0.48; A: E = 0.48 + 0.4 - 0.7 = 0.18."""
    s = score(PROPOSAL, "qe")
    assert s["P1"] == pytest.approx(0.6 - 0.6 * 0.25 / 1.25, abs=1e-12)
    assert s["A"] == pytest.approx(0.5 - 0.5 * h(-0.18) + 0.5 * h(0.18), abs=1e-12)


def test_euler_by_hand() -> None:
    """P1: 1 - (1 - 0.36)/(1 + 0.6 e^-0.5); A: E = s(P1) + 0.4 - 0.7."""
    s = score(PROPOSAL, "euler")
    p1 = 1 - (1 - 0.36) / (1 + 0.6 * math.exp(-0.5))
    assert s["P1"] == pytest.approx(p1, abs=1e-12)
    assert s["A"] == pytest.approx(1 - 0.75 / (1 + 0.5 * math.exp(p1 + 0.4 - 0.7)), abs=1e-12)


def test_hcat_by_hand_and_weights() -> None:
    """P1 = 0.6/(1 + 0.5) = 0.4; A = 0.5/(1 + 0.7 + 0.5*0.4) with P1's attack at weight 0.5."""
    fw = Framework.from_edges(IDS, BASE, attacks=[("C1", "A"), ("C2", "P1"), ("P1", "A", 0.5)])
    s = score(fw, "hcat")
    assert s["P1"] == pytest.approx(0.4, abs=1e-12)
    assert s["A"] == pytest.approx(0.5 / 1.9, abs=1e-12)


def test_weights_scale_contributions() -> None:
    """A support of weight 0.5 from a claim at 0.8 acts as a supporter at 0.4."""
    half = Framework.from_edges(["t", "s"], [0.5, 0.8], supports=[("s", "t", 0.5)])
    full = Framework.from_edges(["t", "s"], [0.5, 0.4], supports=[("s", "t")])
    for sem in ("dfquad", "qe", "euler"):
        assert score(half, sem)["t"] == pytest.approx(score(full, sem)["t"], abs=1e-15)


def test_hcat_rejects_supports_but_not_weight_zero() -> None:
    fw = Framework.from_edges(["a", "b"], supports=[("a", "b")])
    with pytest.raises(SemanticsError, match="attacks only.*support:a->b"):
        strengths(fw, "hcat")
    assert score(fw.with_weights({"support:a->b": 0.0}), "hcat") == {"a": 0.5, "b": 0.5}


def test_unknown_semantics_and_bad_numbers() -> None:
    with pytest.raises(SemanticsError, match="did you mean 'qe'"):
        strengths(PROPOSAL, "qee")
    bad = Framework.from_edges(["a"], [1.5])
    with pytest.raises(SemanticsError, match="base score of claim 'a' is 1.5"):
        strengths(bad)


def test_mutual_attack_hcat_golden_ratio() -> None:
    """s = 1/(1 + s) for both claims: s = (sqrt(5) - 1)/2."""
    fw = Framework.from_edges(["a", "b"], [1.0, 1.0], attacks=[("a", "b"), ("b", "a")])
    assert strengths(fw, "hcat") == pytest.approx([(math.sqrt(5) - 1) / 2] * 2, abs=1e-9)


def test_oscillation_settles_by_damping() -> None:
    """Plain Jacobi on a mutual DF-QuAD attack with bases 1 flips between (1, 1) and (0, 0).

    The damped stage takes (1, 1) to (0.5, 0.5), where s = 1*(1 - s) holds for both.
    """
    fw = Framework.from_edges(["a", "b"], [1.0, 1.0], attacks=[("a", "b"), ("b", "a")])
    s = strengths(fw)
    assert s.tolist() == pytest.approx([0.5, 0.5], abs=1e-9)
    assert reference.strengths(fw) == pytest.approx([0.5, 0.5], abs=1e-9)
    assert PATIENCE * (DAMPING_RESTARTS + 1) < 10_000


def test_no_convergence_names_the_moving_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    """When neither iteration nor Newton's method (made to fail here) settles a cycle,
    the error names the claims still moving and keeps their last values."""
    from arggraph.semantics import _newton

    def stalled(x0: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, bool]:
        return x0, 0.5, False

    monkeypatch.setattr(_newton, "solve", stalled)
    fw = Framework.from_edges(
        ["a", "b", "c"], [1.0, 1.0, 0.3], attacks=[("a", "b"), ("b", "a"), ("c", "a", 0.0)]
    )
    with pytest.raises(ConvergenceError) as info:
        strengths(fw, max_rounds=10)
    err = info.value
    assert set(err.moving) == {"a", "b"}
    assert "'a'" in str(err)
    assert "still moving" in str(err)
    assert set(err.last) == {"a", "b"}
    with pytest.raises(ConvergenceError):
        reference.strengths(fw, max_rounds=10)


def test_cycle_with_acyclic_parts_around_it() -> None:
    """Claims above and below a cycle: above exact, the cycle iterated, below from it."""
    fw = Framework.from_edges(
        ["up", "a", "b", "down"],
        [0.9, 0.6, 0.4, 0.5],
        attacks=[("up", "a", 0.5), ("a", "b", 0.8), ("b", "a", 0.8)],
        supports=[("b", "down")],
    )
    for sem in ("dfquad", "qe", "euler"):
        got = strengths(fw, sem, tol=1e-13)
        want = reference.strengths(fw, sem, tol=1e-13)
        assert got.tolist() == pytest.approx(want, abs=1e-10)
        assert got[0] == 0.9


def test_empty_framework() -> None:
    fw = Framework.from_edges([])
    assert strengths(fw).shape == (0,)
    assert score(fw) == {}


def test_long_chain_alternates() -> None:
    """A chain of attacks with bases 1 alternates 1, 0, 1, 0, ... under DF-QuAD."""
    n = 3000
    ids = [f"c{i}" for i in range(n)]
    fw = Framework.from_edges(ids, [1.0] * n, attacks=[(ids[i], ids[i + 1]) for i in range(n - 1)])
    s = strengths(fw)
    assert np.array_equal(s, np.arange(n) % 2 == 0)


def test_layout_cache_lets_frameworks_go() -> None:
    """The cache of layouts must not keep a framework (or its arrays) alive."""
    import gc
    import weakref

    from arggraph.semantics import _engine

    fw = Framework.from_edges(["a", "b"], attacks=[("a", "b")], supports=[("b", "a")])
    strengths(fw)
    assert _engine.layout(fw).relation_ids == fw.att_ids + fw.sup_ids
    ref = weakref.ref(fw)
    del fw
    gc.collect()
    assert ref() is None
