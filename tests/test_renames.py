"""Id maps: score sheets follow a graph's renamed ids (``arggraph.renames``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.cli import main
from arggraph.io import load, load_scores
from arggraph.model import ClaimScore, ScoreSheet, WeightScore
from arggraph.renames import IdMap, dump_id_map, id_map_path, load_id_map, migrate
from arggraph.sheets import open_book

OLD: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay", "kind": "position"},
        {"id": "losses", "text": "Losses mount"},
        {"id": "symbol", "text": "A symbol"},
    ],
    "relations": [
        {"type": "support", "source": "losses", "target": "go"},
        {"type": "support", "source": "symbol", "target": "stay"},
    ],
}
# The new version renames 'losses' and drops 'symbol' (and so its support).
NEW: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay", "kind": "position"},
        {"id": "casualties", "text": "Losses mount"},
    ],
    "relations": [{"type": "support", "source": "casualties", "target": "go"}],
}


def sha(data: dict[str, Any]) -> str:
    return hashlib.sha256(text(data).encode("utf-8")).hexdigest()


def text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2) + "\n"


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    """The new graph with its id map beside it, and a sheet saved against the old one."""
    graph = tmp_path / "g.json"
    graph.write_text(text(NEW), encoding="utf-8")
    id_map = IdMap(
        graph="g",
        from_sha256=[sha(OLD)],
        to_sha256=sha(NEW),
        renamed={"losses": "casualties", "support:losses->go": "support:casualties->go"},
        removed=["symbol", "support:symbol->stay"],
    )
    id_map_path(graph).write_text(dump_id_map(id_map), encoding="utf-8")
    sheet = tmp_path / "ana.json"
    sheet.write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "g",
                "scorer": "ana",
                "graph_sha256": sha(OLD),
                "scores": {"losses": {"base": 0.9}, "symbol": {"base": 0.2}},
                "weights": {"support:losses->go": {"weight": 0.5}},
            }
        ),
        encoding="utf-8",
    )
    return graph, sheet


def test_score_follows_renamed_ids(
    world: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheet = world
    assert main(["score", str(graph), "--scores", str(sheet), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    # go = 0.5 + 0.5 * (0.9 * 0.5): the renamed claim's base and relation's weight apply.
    assert json.loads(out)["strengths"]["go"] == pytest.approx(0.5 + 0.5 * 0.45)
    assert "follows the graph's new version: 2 ids renamed and 1 removed, by g.id-map.json" in err


def test_without_the_map_the_old_sheet_is_refused(
    world: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheet = world
    id_map_path(graph).unlink()
    assert main(["score", str(graph), "--scores", str(sheet)]) == 2
    assert "no claim with id 'losses'" in capsys.readouterr().err


def test_the_score_book_follows_and_saves_the_new_ids(world: tuple[Path, Path]) -> None:
    graph_path, sheet = world
    graph = load(graph_path)
    book = open_book(graph, scores=sheet, user="ana")
    assert book.migration.renamed == [
        ("losses", "casualties"),
        ("support:losses->go", "support:casualties->go"),
    ]
    assert book.base("casualties") == 0.9
    assert book.weight("support:casualties->go") == 0.5
    assert book.unknown == []  # removed ids are dropped, not kept as unknown
    book.save(force=True)
    saved = load_scores(sheet)
    assert set(saved.scores) == {"casualties"}
    assert saved.graph_sha256 == sha(NEW)
    again = open_book(load(graph_path), scores=sheet, user="ana")
    assert not again.migration  # saved against the new version: nothing to move twice
    assert again.base("casualties") == 0.9


def test_a_map_for_another_graph_is_refused(
    world: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheet = world
    id_map_path(graph).write_text(dump_id_map(IdMap(graph="other")), encoding="utf-8")
    assert main(["score", str(graph), "--scores", str(sheet)]) == 2
    err = capsys.readouterr().err
    assert "g.id-map.json" in err
    assert "this id map is for graph 'other', not 'g'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"renamed": {"a": "c", "b": "c"}}, "'a' and 'b' both become 'c'"),
        ({"renamed": {"a": "b"}, "removed": ["a"]}, "'a' is also renamed"),
        ({"from_sha256": ["abc"]}, "is not a lower-case hex SHA-256"),
        ({"format": "arggraph-id-map/9"}, "arggraph-id-map/9"),
    ],
)
def test_a_bad_map_names_the_file_and_the_problem(
    tmp_path: Path, payload: dict[str, Any], message: str
) -> None:
    from arggraph.errors import InputError

    p = tmp_path / "g.id-map.json"
    p.write_text(json.dumps({"format": "arggraph-id-map/1", "graph": "g", **payload}), "utf-8")
    with pytest.raises(InputError) as info:
        load_id_map(p)
    assert str(p) in str(info.value)
    assert message in str(info.value)


def test_a_swap_is_applied_at_once() -> None:
    old = "1" * 64
    m = IdMap(graph="g", from_sha256=[old], renamed={"a": "b", "b": "a"})
    sheet = ScoreSheet(
        graph="g",
        graph_sha256=old,
        scores={"a": ClaimScore(base=0.1), "b": ClaimScore(base=0.2)},
    )
    new, done = migrate(sheet, m, current_sha256="2" * 64, known={"a", "b"})
    assert {k: v.base for k, v in new.scores.items()} == {"b": 0.1, "a": 0.2}
    assert done.renamed == [("a", "b"), ("b", "a")]
    assert {k: v.base for k, v in sheet.scores.items()} == {"a": 0.1, "b": 0.2}  # pure


def test_a_followed_sheet_is_not_moved_again() -> None:
    """A sheet the command line followed, then followed again by a panel, stays put: it
    records the version it now speaks (a swap applied twice undid itself)."""
    old, current = "1" * 64, "2" * 64
    m = IdMap(graph="g", from_sha256=[old], renamed={"a": "b", "b": "a"})
    sheet = ScoreSheet(
        graph="g",
        graph_sha256=old,
        scores={"a": ClaimScore(base=0.1), "b": ClaimScore(base=0.2)},
    )
    once, _ = migrate(sheet, m, current_sha256=current, known={"a", "b"})
    twice, done = migrate(once, m, current_sha256=current, known={"a", "b"})
    assert once.graph_sha256 == current
    assert {k: v.base for k, v in twice.scores.items()} == {"b": 0.1, "a": 0.2}
    assert not done


IDS = st.sampled_from([f"c{i}" for i in range(8)])


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(IDS, st.floats(0, 1), max_size=8),
    st.permutations([f"c{i}" for i in range(8)]),
    st.sets(IDS, max_size=3),
)
def test_an_exact_migration_loses_nothing_but_the_removed(
    scores: dict[str, float], order: list[str], removed: set[str]
) -> None:
    old = "a" * 64
    renamed = {f"c{i}": order[i] for i in range(8) if f"c{i}" not in removed}
    m = IdMap(graph="g", from_sha256=[old], renamed=renamed, removed=sorted(removed))
    sheet = ScoreSheet(
        graph="g",
        graph_sha256=old,
        scores={k: ClaimScore(base=v) for k, v in scores.items()},
        weights={"w": WeightScore(weight=0.5)},
    )
    new, done = migrate(sheet, m, current_sha256=None, known=set(order))
    expected = {renamed[k]: v for k, v in scores.items() if k not in removed}
    assert {k: v.base for k, v in new.scores.items()} == expected
    assert sorted(done.removed) == sorted(k for k in scores if k in removed)
    assert set(new.weights) == {"w"}  # not in the map: kept as it is
    # A sheet saved against the current version is never moved.
    current = sheet.model_copy(update={"graph_sha256": "b" * 64})
    same, nothing = migrate(current, m, current_sha256="b" * 64, known=set(order))
    assert same is current
    assert not nothing


def test_a_merge_keeps_the_kept_id_and_reports_the_other() -> None:
    old = "3" * 64
    # 'a' is merged into 'b' (which keeps its id); 'c' becomes 'd'.
    m = IdMap(graph="g", from_sha256=[old], renamed={"a": "b", "c": "d"})
    sheet = ScoreSheet(
        graph="g",
        graph_sha256=old,
        scores={"a": ClaimScore(base=0.1), "b": ClaimScore(base=0.2), "c": ClaimScore(base=0.3)},
    )
    new, done = migrate(sheet, m, current_sha256=None, known={"b", "d"})
    assert {k: v.base for k, v in new.scores.items()} == {"b": 0.2, "d": 0.3}
    assert done.merged == [("a", "b")]
    assert done.renamed == [("c", "d")]
    assert "1 merged, its score dropped ('a' into 'b')" in done.describe()
