"""Panels of scorers (``arggraph.panel``): sheets side by side, the consensus, the lever
over the panel's range, robustness across semantics and scorers, and the fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _support import BAKHMUT, FIXTURES, needs_bakhmut
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import InputError, SemanticsError, UsageError
from arggraph.graph import Graph
from arggraph.io import load, load_scores, loads
from arggraph.model import ClaimScore, ScoreSheet, WeightScore
from arggraph.panel import (
    Panel,
    check_sheet,
    compare,
    is_consensus,
    load_panel,
    robustness,
    sheets_in,
)
from arggraph.semantics.verdict import verdict

PANEL = FIXTURES / "panel"
SHEETS = sorted(PANEL.glob("*.json"))


def graph_of(claims: list[dict[str, Any]], relations: list[dict[str, Any]]) -> Graph:
    return loads(json.dumps({"id": "g", "claims": claims, "relations": relations}))


def sheet(
    name: str, scores: dict[str, float], weights: dict[str, float] | None = None
) -> ScoreSheet:
    return ScoreSheet(
        graph="g",
        scorer=name,
        scores={k: ClaimScore(base=v) for k, v in scores.items()},
        weights={k: WeightScore(weight=v) for k, v in (weights or {}).items()},
    )


@pytest.fixture
def small() -> Graph:
    """go (supported by gain 0.6, attacked by cost) against stay (0.5)."""
    return graph_of(
        [
            {"id": "go", "text": "Go", "kind": "position"},
            {"id": "stay", "text": "Stay", "kind": "position"},
            {"id": "gain", "text": "Gain", "base": 0.6},
            {"id": "cost", "text": "Cost"},
            {"id": "idle", "text": "Idle"},
        ],
        [
            {"type": "support", "source": "gain", "target": "go"},
            {"type": "attack", "source": "cost", "target": "go"},
        ],
    )


# ---------------------------------------------------------------------- the fixtures
@needs_bakhmut
def test_three_fixture_sheets_for_the_bundled_graph() -> None:
    assert [p.stem for p in SHEETS] == ["ana", "ben", "cy"]
    graph = load(BAKHMUT)
    for path in SHEETS:
        assert load_scores(path).graph == graph.id


@needs_bakhmut
@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.stem)
def test_fixtures_name_only_ids_the_graph_has(path: Path) -> None:
    """A fixture keyed on an id the bundled graph no longer has fails here (ids may be
    renamed in a new edition: the fixtures must follow)."""
    graph = load(BAKHMUT)
    s = load_scores(path)
    assert sorted(set(s.scores) - set(graph.claims)) == []
    assert sorted(set(s.weights) - set(graph.relations)) == []
    panel = Panel.of(graph, [s], [path])
    assert panel.members[0].unknown == ()


@needs_bakhmut
def test_fixtures_disagree_and_one_disagreement_decides() -> None:
    graph = load(BAKHMUT)
    panel, skipped = load_panel(graph, [PANEL])
    assert skipped == []
    assert panel.names == ("ana", "ben", "cy")
    result = compare(panel)
    leaders = [v.leader for v in result.verdicts]
    assert leaders == ["withdraw", "hold", "withdraw"]
    assert result.consensus.leader == "withdraw"
    assert [lv.id for lv in result.decisive] == ["hold"]
    hold = result.decisive[0]
    assert hold.flips_at is not None
    assert 0.5 < hold.flips_at < 0.7  # ben's presumption for holding, past the flip
    assert len(result.disputed) > 40


# ---------------------------------------------------------------------- the panel
def test_values_count_a_left_out_value_as_the_graphs_own(small: Graph) -> None:
    panel = Panel.of(
        small,
        [sheet("ana", {"cost": 0.2}, {"support:gain->go": 0.5}), sheet("ben", {"gain": 0.9})],
    )
    cost, gain = panel.index["cost"], panel.index["gain"]
    weight = panel.relation_index["support:gain->go"]
    assert panel.values[cost].tolist() == [0.2, 0.5]
    assert panel.scored[cost].tolist() == [True, False]
    assert panel.values[gain].tolist() == [0.6, 0.9]
    assert panel.values[weight].tolist() == [0.5, 1.0]
    assert panel.scored[weight].tolist() == [True, False]
    assert panel.kind(weight) == "relation"
    assert panel.spread[cost] == pytest.approx(0.3)
    assert panel.spread[panel.index["idle"]] == 0.0


def test_claim_and_relation_sharing_an_id_keep_their_own_rows() -> None:
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "g",
                "claims": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}],
                "relations": [{"id": "x", "type": "attack", "source": "x", "target": "y"}],
            }
        )
    )
    panel = Panel.of(g, [sheet("ana", {"x": 0.2}, {"x": 0.4})])
    assert panel.values[panel.index["x"], 0] == 0.2
    assert panel.values[panel.relation_index["x"], 0] == 0.4


def test_names_are_unique(small: Graph) -> None:
    panel = Panel.of(small, [sheet("ana", {}), sheet("ana", {}), sheet("", {})])
    assert panel.names == ("ana", "ana #2", "scorer 3")


def test_consensus_median_and_mean(small: Graph) -> None:
    panel = Panel.of(
        small, [sheet("a", {"cost": 0.1}), sheet("b", {"cost": 0.9}), sheet("c", {"cost": 0.3})]
    )
    i = panel.index["cost"]
    assert panel.consensus()[i] == pytest.approx(0.3)
    assert panel.consensus("mean")[i] == pytest.approx(13 / 30, abs=1e-6)
    with pytest.raises(UsageError, match="no consensus method 'mode'"):
        panel.consensus("mode")  # type: ignore[arg-type]


def test_consensus_sheet_is_named_as_one(small: Graph) -> None:
    panel = Panel.of(
        small,
        [sheet("ana", {"cost": 0.1}), sheet("ben", {"cost": 0.9}, {"support:gain->go": 0.4})],
    )
    out = panel.consensus_sheet()
    assert out.scorer == "consensus: median of ana, ben"
    assert is_consensus(out)
    assert out.graph == "g"
    assert set(out.scores) == {"cost"}  # only what somebody scored
    assert out.scores["cost"].base == pytest.approx(0.5)
    assert out.scores["cost"].note == "median of ana 0.1, ben 0.9"
    assert out.weights["support:gain->go"].weight == pytest.approx(0.7)
    assert out.weights["support:gain->go"].note == "median of ana 1 (graph's own), ben 0.4"
    assert panel.consensus_sheet("mean").scorer == "consensus: mean of ana, ben"


def test_consensus_sheet_records_the_graphs_hash(tmp_path: Path, small: Graph) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"id": "g", "claims": [{"id": "a", "text": "A"}]}))
    g = load(path)
    assert g.stamp is not None
    out = Panel.of(g, [sheet("ana", {"a": 0.1})]).consensus_sheet()
    assert out.graph_sha256 == g.stamp.sha256


def test_a_sheet_for_another_graph_is_refused_by_name(small: Graph, tmp_path: Path) -> None:
    other = ScoreSheet(graph="elsewhere", scorer="dan")
    with pytest.raises(InputError, match="dan's sheet is for graph 'elsewhere', not 'g'"):
        Panel.of(small, [sheet("ana", {}), other])
    path = tmp_path / "dan.json"
    path.write_text(other.model_dump_json())
    with pytest.raises(InputError) as info:
        load_panel(small, [path])
    assert info.value.path == str(path)
    assert info.value.place == "graph"
    with pytest.raises(InputError):
        check_sheet(small, other)


def test_a_sheet_for_another_version_is_flagged_and_its_lost_ids_listed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"id": "g", "claims": [{"id": "a", "text": "A"}]}))
    old = load(path)
    assert old.stamp is not None
    s = ScoreSheet(
        graph="g",
        scorer="ana",
        graph_sha256=old.stamp.sha256,
        scores={"a": ClaimScore(base=0.2), "gone": ClaimScore(base=0.9)},
        weights={"attack:gone->a": WeightScore(weight=0.1)},
    )
    path.write_text(json.dumps({"id": "g", "claims": [{"id": "a", "text": "A2"}]}))
    new = load(path)
    member = Panel.of(new, [s]).members[0]
    assert member.graph_changed
    assert member.unknown == ("attack:gone->a", "gone")
    assert not Panel.of(old, [s]).members[0].graph_changed


def test_sheets_in_a_folder(tmp_path: Path, small: Graph) -> None:
    (tmp_path / "ana.json").write_text(sheet("ana", {"cost": 0.2}).model_dump_json())
    (tmp_path / "dan.json").write_text(ScoreSheet(graph="other", scorer="dan").model_dump_json())
    (tmp_path / "notes.json").write_text('{"hello": 1}')
    (tmp_path / "empty.json").write_text("")
    (tmp_path / ".hidden.json").write_text(sheet("eve", {}).model_dump_json())
    (tmp_path / "readme.txt").write_text("not json")
    consensus = Panel.of(small, [sheet("ana", {"cost": 0.2})]).consensus_sheet()
    (tmp_path / "consensus.json").write_text(consensus.model_dump_json(by_alias=True))
    found = sheets_in(tmp_path, small)
    assert [p.name for p, _ in found.found] == ["ana.json"]
    reasons = {p.name: why for p, why in found.skipped}
    assert set(reasons) == {"consensus.json", "dan.json", "empty.json", "notes.json"}
    assert reasons["dan.json"] == "a sheet for graph 'other', not 'g'"
    assert reasons["consensus.json"].startswith("a consensus (consensus: median of ana)")
    assert reasons["notes.json"].startswith("not a score sheet")


def test_load_panel_takes_files_and_folders_once_each(tmp_path: Path, small: Graph) -> None:
    (tmp_path / "ana.json").write_text(sheet("ana", {"cost": 0.2}).model_dump_json())
    (tmp_path / "ben.json").write_text(sheet("ben", {"cost": 0.4}).model_dump_json())
    panel, _ = load_panel(small, [tmp_path / "ben.json", tmp_path])
    assert panel.names == ("ben", "ana")
    (tmp_path / "none").mkdir()
    with pytest.raises(UsageError, match="no score sheet for graph 'g'"):
        load_panel(small, [tmp_path / "none"])


def test_no_sheets_is_a_usage_error(small: Graph) -> None:
    with pytest.raises(UsageError):
        Panel.of(small, [])


# ---------------------------------------------------------------------- the lever
def test_compare_finds_the_flip_and_orders_by_swing(small: Graph) -> None:
    panel = Panel.of(
        small,
        [
            sheet("ana", {"cost": 0.1, "idle": 0.9}),
            sheet("ben", {"cost": 0.9}),
            sheet("cy", {"cost": 0.3, "gain": 0.65}),
        ],
    )
    result = compare(panel)
    assert [(v.leader, round(v.margin, 6)) for v in result.verdicts] == [
        ("go", 0.25),
        ("stay", 0.15),
        ("go", 0.175),
    ]
    assert result.consensus.leader == "go"
    first, second = result.items[:2]
    assert first.id == "cost"
    assert first.decisive
    assert first.flips_at == pytest.approx(0.6, abs=1e-6)  # go = stay where cost = gain
    assert first.swing == pytest.approx(0.4)
    assert second.id == "gain"
    assert not second.decisive
    assert second.swing == pytest.approx(0.025)
    idle = next(lv for lv in result.items if lv.id == "idle")
    assert idle.spread == pytest.approx(0.4)
    assert idle.swing == 0.0  # bears on nothing
    assert [lv.id for lv in result.decisive] == ["cost"]


def test_a_flip_inside_the_range_counts_not_only_at_its_ends() -> None:
    """go = 0.5 + 0.5 x (1 - x) under DF-QuAD (x supports go twice and attacks it once):
    stay (0.55) leads at both ends of x's range [0, 1], go in its middle."""
    g = graph_of(
        [
            {"id": "go", "text": "Go", "kind": "position"},
            {"id": "stay", "text": "Stay", "kind": "position", "base": 0.55},
            {"id": "x", "text": "X", "base": 0.0},
            {"id": "s", "text": "S", "base": 0.0},
            {"id": "a", "text": "A", "base": 0.0},
        ],
        [
            {"type": "support", "source": "x", "target": "go"},
            {"type": "support", "source": "x", "target": "s"},
            {"type": "support", "source": "s", "target": "go"},
            {"type": "support", "source": "x", "target": "a"},
            {"type": "attack", "source": "a", "target": "go"},
        ],
    )
    panel = Panel.of(g, [sheet("ana", {"x": 0.0}), sheet("ben", {}), sheet("cy", {"x": 1.0})])
    result = compare(panel)
    assert [v.leader for v in result.verdicts] == ["stay", "stay", "stay"]
    lever = next(lv for lv in result.items if lv.id == "x")
    assert lever.decisive
    root = (1 - 0.6**0.5) / 2  # x (1 - x) = 0.1: go = stay
    assert lever.flips_at == pytest.approx(root, abs=1e-6)
    assert min(m for _, m in lever.curve) == pytest.approx(0.55 - 0.625)  # stay minus go


def test_a_weight_is_a_lever_too_and_the_engine_is_left_as_it_was(small: Graph) -> None:
    """go = 0.8 - 0.45 w (cost 0.9 attacks it with weight w, gain 0.6 supports it)
    against stay 0.5: a tie at w = 2/3, stay ahead above it."""
    panel = Panel.of(
        small,
        [
            sheet("ana", {"cost": 0.9}, {"attack:cost->go": 1.0}),
            sheet("ben", {"cost": 0.9}, {"attack:cost->go": 0.0}),
            sheet("cy", {"cost": 0.9}, {"attack:cost->go": 0.1}),
        ],
    )
    result = compare(panel)
    lever = result.items[0]
    assert lever.id == "attack:cost->go"
    assert lever.kind == "relation"
    assert lever.decisive
    assert lever.flips_at == pytest.approx(2 / 3, abs=1e-6)
    assert lever.swing == pytest.approx(0.45)
    assert result.consensus.margin == pytest.approx(0.8 - 0.045 - 0.5)
    again = compare(panel)  # the weight was put back where the consensus has it
    assert again.items[0].curve == lever.curve
    assert again.consensus == result.consensus


def test_compare_without_positions_gives_values_only() -> None:
    g = graph_of([{"id": "a", "text": "A"}], [])
    result = compare(Panel.of(g, [sheet("ana", {"a": 0.1}), sheet("ben", {"a": 0.7})]))
    assert result.positions == ()
    assert result.verdicts == ()
    (lever,) = result.items
    assert lever.spread == pytest.approx(0.6)
    assert not lever.decisive
    assert lever.curve == ()


def test_compare_refuses_a_semantics_the_graph_cannot_take(small: Graph) -> None:
    panel = Panel.of(small, [sheet("ana", {})])
    with pytest.raises(SemanticsError, match="takes attacks only"):
        compare(panel, "hcat")
    with pytest.raises(SemanticsError, match="unknown semantics"):
        compare(panel, "dfqad")


# ---------------------------------------------------------------------- properties
RELATIONS = [
    ("support", "e1", "go"),
    ("attack", "e2", "go"),
    ("support", "e3", "stay"),
    ("attack", "e1", "e3"),
    ("support", "e4", "e2"),
    ("attack", "e4", "stay"),
]
ITEMS = ["go", "stay", "e1", "e2", "e3", "e4"] + [f"{t}:{a}->{b}" for t, a, b in RELATIONS]


def prop_graph() -> Graph:
    return graph_of(
        [{"id": "go", "text": "Go", "kind": "position"}]
        + [{"id": "stay", "text": "Stay", "kind": "position"}]
        + [{"id": f"e{i}", "text": f"E{i}"} for i in range(1, 5)],
        [{"type": t, "source": a, "target": b} for t, a, b in RELATIONS],
    )


values = st.floats(0.0, 1.0).map(lambda v: round(v, 2))
scorer = st.dictionaries(st.sampled_from(ITEMS), values, max_size=len(ITEMS))


@settings(max_examples=40, deadline=None)
@given(st.lists(scorer, min_size=1, max_size=4), st.sampled_from(["dfquad", "qe", "euler"]))
def test_levers_agree_with_a_full_recompute(panel_values: list[dict[str, float]], sem: str) -> None:
    """Every point of every lever is the margin a full recompute gives; a decisive item
    turns the leader at its flip point; a non-decisive one leaves it at every scorer's
    value; the swing is at least the change between the range's ends."""
    g = prop_graph()
    sheets = [
        sheet(
            f"s{j}",
            {k: v for k, v in vals.items() if ":" not in k},
            {k: v for k, v in vals.items() if ":" in k},
        )
        for j, vals in enumerate(panel_values)
    ]
    panel = Panel.of(g, sheets)
    result = compare(panel, sem)
    middle = panel.consensus()
    names = ["go", "stay"]

    def leader_and_margin(i: int, value: float) -> tuple[str | None, float]:
        at = middle.copy()
        at[i] = value
        v = verdict(panel.framework_at(at), sem, positions=names)
        now = result.consensus.strengths
        lead = next(p for p in names if now[p] >= max(now.values()) - 1e-9)
        other = "stay" if lead == "go" else "go"
        return v.leader, v.strengths[lead] - v.strengths[other]

    for lever in result.items:
        i = panel.index[lever.id] if lever.kind == "claim" else panel.relation_index[lever.id]
        if lever.spread == 0:
            assert lever.curve == ()
            continue
        for value, margin in lever.curve[:: max(1, len(lever.curve) // 4)]:
            assert margin == pytest.approx(leader_and_margin(i, value)[1], abs=1e-8)
        ends = [leader_and_margin(i, lever.low)[1], leader_and_margin(i, lever.high)[1]]
        assert lever.swing >= abs(ends[0] - ends[1]) - 1e-9
        if lever.decisive:
            assert lever.flips_at is not None
            assert lever.low <= lever.flips_at <= lever.high
            assert leader_and_margin(i, lever.flips_at)[0] != result.consensus.leader
        else:
            for value in lever.values:
                assert leader_and_margin(i, value)[0] == result.consensus.leader


def test_robustness_names_what_turns_the_leader(small: Graph) -> None:
    panel = Panel.of(small, [sheet("ana", {"cost": 0.1}), sheet("ben", {"cost": 0.9})])
    r = robustness(panel)
    assert r.reference == "go"  # median 0.5: go = 0.55
    assert r.columns == ("ana", "ben", "median")
    assert list(r.cells) == ["dfquad", "qe", "euler"]
    assert set(r.left_out) == {"hcat"}
    assert not r.robust
    assert ("dfquad", "ben", "stay") in r.turns
    line = r.line()
    assert line.startswith("not robust: go leads under the median (dfquad), but stay leads for ben")
    assert "hcat left out (weighted h-categorizer takes attacks only" in line


def test_robustness_robust() -> None:
    g = graph_of(
        [
            {"id": "go", "text": "Go", "kind": "position"},
            {"id": "stay", "text": "Stay", "kind": "position"},
            {"id": "x", "text": "X"},
        ],
        [{"type": "attack", "source": "x", "target": "stay"}],
    )
    panel = Panel.of(g, [sheet("ana", {"x": 0.8}), sheet("ben", {"x": 0.6})])
    r = robustness(panel)
    assert r.robust
    assert r.left_out == {}
    assert r.line() == (
        "robust: go leads for every scorer (ana, ben) and the median under dfquad, qe, euler "
        "and hcat"
    )


def test_robustness_needs_positions() -> None:
    g = graph_of([{"id": "a", "text": "A"}], [])
    with pytest.raises(UsageError, match="no positions"):
        robustness(Panel.of(g, [sheet("ana", {})]))


def test_robustness_of_a_tie_reports_every_leader(small: Graph) -> None:
    panel = Panel.of(small, [sheet("ana", {"cost": 0.6}), sheet("ben", {"cost": 0.6})])
    r = robustness(panel)
    assert r.reference is None
    assert not r.robust
    assert r.line().startswith("not robust: the median is a tie under dfquad")


def test_spread_is_an_array_of_the_items(small: Graph) -> None:
    panel = Panel.of(small, [sheet("ana", {"cost": 0.1})])
    assert panel.spread.shape == (len(panel.items),)
    assert np.all(panel.spread == 0)
