"""The verdict, its flip points (which really flip) and the margin curve."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gradual_properties import medium

from arggraph import loads
from arggraph.errors import UnknownIdError, UsageError
from arggraph.framework import Framework
from arggraph.semantics.gradual import strengths
from arggraph.semantics.verdict import TIE, flip_points, margin_curve, nearest_flip, verdict

POSITIONS = ["go", "stay"]


def debate() -> Framework:
    """go (0.5) supported by e1 (0.6); stay (0.5) supported by e2 (0.5), attacked by x (0.3)."""
    return Framework.from_edges(
        ["go", "stay", "e1", "e2", "x", "idle"],
        [0.5, 0.5, 0.6, 0.5, 0.3, 0.9],
        supports=[("e1", "go"), ("e2", "stay")],
        attacks=[("x", "stay"), ("go", "idle")],
    )


def leader(fw: Framework, positions: list[str]) -> str | None:
    return verdict(fw, positions=positions).leader


def test_verdict_by_hand() -> None:
    """go = 0.5 + 0.5*0.6 = 0.8; stay: vs = 0.5 > va = 0.3, so 0.5 + 0.5*0.2 = 0.6."""
    v = verdict(debate(), positions=POSITIONS)
    assert v.strengths == pytest.approx({"go": 0.8, "stay": 0.6})
    assert (v.leader, v.runner_up) == ("go", "stay")
    assert v.margin == pytest.approx(0.2)


def test_flip_points_by_hand_and_really_flip() -> None:
    """Lowering e1 to 0.2 makes go 0.6: the tie. Below it stay leads.

    Raising x to 0.9 gives stay 0.5 - 0.5*0.4 = 0.3, never above go: no flip from x.
    Raising e2 to 1 gives stay 0.5 + 0.5*0.7 = 0.85 > 0.8: flip where 0.5 + 0.5*(e2 - 0.3)
    reaches 0.8, at e2 = 0.9.
    """
    fw = debate()
    flips = flip_points(fw, positions=POSITIONS)
    assert flips["x"] is None
    assert flips["idle"] is None
    assert flips["e1"] == pytest.approx(0.2, abs=1e-8)
    assert flips["e2"] == pytest.approx(0.9, abs=1e-8)
    # go's own base b: 0.4*b + 0.6 ties stay only at b = 0; stay's: 0.8*b + 0.2 = 0.8 at 0.75.
    assert flips["go"] == pytest.approx(0.0, abs=1e-8)
    assert flips["stay"] == pytest.approx(0.75, abs=1e-8)
    for cid, at in flips.items():
        if at is None:
            continue
        assert leader(fw.with_base({cid: at}), POSITIONS) != "go"
        b = float(fw.base[fw.index_of(cid)])
        back = at + (1e-6 if b > at else -1e-6)
        assert leader(fw.with_base({cid: back}), POSITIONS) == "go"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_flip_points_flip_on_random_graphs(seed: int) -> None:
    fw = medium(seed, 40, 90, acyclic=True)
    positions = ["a0", "a1", "a2"]
    before = leader(fw, positions)
    flips = flip_points(fw, positions=positions, samples=17)
    for cid, at in flips.items():
        if at is None:
            continue
        assert leader(fw.with_base({cid: at}), positions) != before
        b = float(fw.base[fw.index_of(cid)])
        assert at != b


def test_tie_has_no_leader() -> None:
    fw = Framework.from_edges(["go", "stay"], [0.5, 0.5 + TIE / 2])
    v = verdict(fw, positions=["go", "stay"])
    assert v.leader is None
    assert v.runner_up is None
    assert v.margin <= TIE
    flips = flip_points(fw, positions=["go", "stay"])
    assert flips["go"] is not None
    assert abs(flips["go"] - 0.5) < 1e-6


def test_margin_curve() -> None:
    fw = debate()
    curve = margin_curve(fw, "e1", positions=POSITIONS, samples=5)
    assert [b for b, _ in curve] == [0.0, 0.25, 0.5, 0.75, 1.0]
    want = [0.5 + 0.5 * b - 0.6 for b, _ in curve]
    assert [m for _, m in curve] == pytest.approx(want)
    flat = margin_curve(fw, "idle", positions=POSITIONS, samples=3)
    assert [m for _, m in flat] == pytest.approx([0.2, 0.2, 0.2])
    s = strengths(fw)
    assert s[fw.index_of("go")] - s[fw.index_of("stay")] == pytest.approx(0.2)


def test_single_position_and_errors() -> None:
    fw = debate()
    v = verdict(fw, positions=["go"])
    assert v.leader == "go"
    assert v.runner_up is None
    assert v.margin == pytest.approx(0.8)
    with pytest.raises(UsageError, match="positions"):
        verdict(fw)
    with pytest.raises(UnknownIdError):
        verdict(fw, positions=["gone"])


def test_graph_positions_are_the_default() -> None:
    graph = loads("""{"format": "arggraph/1", "id": "g", "claims": [
        {"id": "go", "text": "Go", "kind": "position", "base": 0.6},
        {"id": "stay", "text": "Stay", "kind": "position"},
        {"id": "e", "text": "E", "kind": "evidence", "base": 0.8}],
        "relations": [{"type": "attack", "source": "e", "target": "go"}]}""")
    v = verdict(graph)
    assert v.leader == "stay"
    assert v.strengths["go"] == pytest.approx(0.6 - 0.6 * 0.8)
    assert flip_points(graph)["e"] == pytest.approx(1 / 6, abs=1e-8)
    curve = margin_curve(graph, "e", samples=2)
    assert np.allclose([m for _, m in curve], [0.5 - 0.6, 0.5 - 0.0])
    empty = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
    with pytest.raises(UsageError, match="no claims of kind 'position'"):
        verdict(empty)


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.integers(min_value=2, max_value=40),
)
def test_nearest_flip_finds_the_nearer_edge_of_a_window(
    at: float, low: float, high: float, samples: int
) -> None:
    """The flip search shared by flip_points and a panel's levers: the leader differs
    from ``at``'s on [low, high] (a window not holding ``at``); the answer is the
    window's edge nearest ``at``, to within the resolution."""
    low, high = min(low, high), max(low, high)
    if low <= at <= high:
        return
    grid = np.union1d(np.linspace(0.0, 1.0, samples), [at])

    def changed(values: np.ndarray) -> np.ndarray:
        values = np.asarray(values)
        return (values >= low) & (values <= high)

    found = nearest_flip(grid, changed(grid), at, changed, 1e-9)
    if not changed(grid).any():
        assert found is None  # a window between two grid points can be missed
        return
    assert found is not None
    edge = low if at < low else high
    assert found == pytest.approx(edge, abs=1e-9)
    assert bool(changed(np.array([found]))[0])
