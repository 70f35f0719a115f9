"""Gradual semantics on cycles: always an answer, within the stated tolerance.

DF-QuAD's update is continuous on [0, 1]^n, so a fixed point always exists (Brouwer);
where plain and damped iteration stall (the Jacobian has an eigenvalue 1 there), the
engine finishes with Newton's method.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.cli import main
from arggraph.errors import SemanticsError
from arggraph.framework import Framework
from arggraph.semantics import explain, reference
from arggraph.semantics.gradual import TOLERANCE, strengths
from arggraph.semantics.incremental import GradualEngine

#: Within this of a singular fixed point, double precision cannot tell the residual from
#: rounding (about the square root of the machine epsilon).
SINGULAR_ERROR = 1e-8


def self_attacking_pair() -> Framework:
    """The issue's example: mutual attacks plus a self-attack; bases 1, weights 1 and 0.5.

    s_b = 1 - s_a and s_a = s_a (1 - s_a / 2): the only fixed point is (0, 1), where the
    update's Jacobian has the eigenvalue 1 (iteration creeps at about 1/t).
    """
    return Framework.from_edges(
        ["a", "b"],
        [1.0, 1.0],
        attacks=[("a", "b", 1.0), ("b", "a", 1.0), ("a", "a", 0.5)],
    )


def residual(fw: Framework, semantics: str, s: list[float]) -> float:
    """``max |F(s) - s|``, the update computed by the plain-Python reference."""
    out = 0.0
    for v in range(fw.n):
        att = [w * s[a] for a, t, w in zip(fw.att_src, fw.att_tgt, fw.att_w, strict=True) if t == v]
        sup = [w * s[a] for a, t, w in zip(fw.sup_src, fw.sup_tgt, fw.sup_w, strict=True) if t == v]
        f = reference.strength_of(semantics, float(fw.base[v]), att, sup)
        out = max(out, abs(f - s[v]))
    return out


def test_the_stalling_example_scores() -> None:
    got = strengths(self_attacking_pair()).tolist()
    assert got == pytest.approx([0.0, 1.0], abs=SINGULAR_ERROR)
    assert residual(self_attacking_pair(), "dfquad", got) <= TOLERANCE


def test_the_incremental_engine_reaches_the_same_fixed_point() -> None:
    fw = self_attacking_pair()
    engine = GradualEngine(fw.with_base({"a": 0.5}))
    engine.set_base("a", 1.0)
    assert engine.values.tolist() == pytest.approx(strengths(fw).tolist(), abs=1e-12)


def test_explain_says_the_gradient_is_undefined_at_a_singular_fixed_point() -> None:
    with pytest.raises(SemanticsError, match="gradient is undefined"):
        explain(self_attacking_pair(), "b")


@pytest.mark.parametrize(
    ("bases", "expected"),
    [
        # s_a = 1 - s_b, s_b = 0.5 (1 - s_a): the unique fixed point is (1, 0).
        ((1.0, 0.5), (1.0, 0.0)),
        # Symmetric mutual attack: every (x, 1 - x) is a fixed point; from the bases the
        # (damped) iteration reaches the symmetric one, and does so every time.
        ((1.0, 1.0), (0.5, 0.5)),
    ],
)
def test_hand_worked_mutual_attacks(
    bases: tuple[float, float], expected: tuple[float, float]
) -> None:
    fw = Framework.from_edges(["a", "b"], list(bases), attacks=[("a", "b"), ("b", "a")])
    first = strengths(fw).tolist()
    assert first == pytest.approx(list(expected), abs=SINGULAR_ERROR)
    assert (
        strengths(
            Framework.from_edges(["a", "b"], list(bases), attacks=[("a", "b"), ("b", "a")])
        ).tolist()
        == first
    )


UNIT = st.one_of(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), st.floats(0.0, 1.0))


@st.composite
def cyclic_frameworks(draw: st.DrawFn) -> Framework:
    """Any small framework, cycles and self-loops included, weights not tamed."""
    n = draw(st.integers(1, 6))
    ids = [f"c{i}" for i in range(n)]
    base = [draw(UNIT) for _ in ids]
    edges = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.booleans(), UNIT),
            min_size=1,
            max_size=3 * n,
            unique_by=lambda e: (e[0], e[1], e[2]),
        )
    )
    att = [(ids[a], ids[b], w) for a, b, is_att, w in edges if is_att]
    sup = [(ids[a], ids[b], w) for a, b, is_att, w in edges if not is_att]
    return Framework.from_edges(ids, base, attacks=att, supports=sup)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(cyclic_frameworks(), st.sampled_from(["dfquad", "qe", "euler"]))
def test_every_cyclic_framework_scores_within_the_tolerance(fw: Framework, sem: str) -> None:
    """A component stops when its residual is within the tolerance and then takes one
    last update, which moves the residual by at most the update's Lipschitz constant:
    below 1 on a contraction, at most the largest in-degree where the update is locally
    expanding (every weight and slope of these semantics is at most 1). A four-claim
    DF-QuAD cycle gave 1.01e-9 after that update."""
    s = strengths(fw, sem).tolist()
    assert all(0.0 <= x <= 1.0 for x in s)
    indegree = np.bincount(np.concatenate([fw.att_tgt, fw.sup_tgt]), minlength=fw.n)
    assert residual(fw, sem, s) <= TOLERANCE * max(1, int(indegree.max()))


def test_a_semantics_error_names_the_graph_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "g",
                "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                "relations": [{"type": "support", "source": "a", "target": "b"}],
            }
        )
    )
    assert main(["score", str(graph), "--semantics", "hcat"]) == 2
    err = capsys.readouterr().err
    assert f"arggraph: error: {graph}: " in err
    assert "attacks only" in err


def test_plain_iteration_still_answers_where_it_converges() -> None:
    """Frameworks the damped iteration already solved give the same figures."""
    rng = np.random.default_rng(3)
    for _ in range(20):
        n = 6
        ids = [f"c{i}" for i in range(n)]
        att = [(ids[i], ids[(i + 1) % n], float(rng.uniform(0, 0.4))) for i in range(n)]
        fw = Framework.from_edges(ids, rng.uniform(0, 1, n).tolist(), attacks=att)
        got = strengths(fw).tolist()
        assert got == pytest.approx(reference.strengths(fw, "dfquad", tol=1e-13), abs=1e-9)
