"""Saves are atomic and never silently overwrite a file changed on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph import ClaimScore, ScoreSheet, load, load_scores, loads, save, save_scores
from arggraph.atomic import atomic_write
from arggraph.errors import FileAccessError, StaleFileError
from arggraph.io import dump_graph

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [{"id": "p", "text": "P", "kind": "position"}, {"id": "c", "text": "C"}],
    "relations": [{"type": "support", "source": "c", "target": "p"}],
}


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    p = tmp_path / "g.json"
    p.write_text(json.dumps(GRAPH), encoding="utf-8")
    return p


def test_save_round_trips(graph_file: Path) -> None:
    g = load(graph_file)
    out = save(g, graph_file.with_name("copy.json"))
    again = load(out)
    assert again.model == g.model


def test_save_refuses_a_file_changed_on_disk(graph_file: Path) -> None:
    g = load(graph_file)
    graph_file.write_text(json.dumps({**GRAPH, "title": "edited elsewhere"}), encoding="utf-8")
    with pytest.raises(StaleFileError, match="changed on disk"):
        save(g)
    assert "edited elsewhere" in graph_file.read_text(encoding="utf-8")  # nothing lost
    save(g, force=True)
    assert "edited elsewhere" not in graph_file.read_text(encoding="utf-8")


def test_save_then_save_again_is_fine(graph_file: Path) -> None:
    g = load(graph_file)
    save(g)
    save(g)  # the stamp follows our own writes
    assert load(graph_file).model == g.model


def test_save_over_a_deleted_file_writes_it(graph_file: Path) -> None:
    g = load(graph_file)
    graph_file.unlink()
    save(g)
    assert load(graph_file).id == "g"


def test_atomic_write_leaves_no_temp_file_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_atomic_write_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    target.write_text("old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(FileAccessError, match="disk full"):
        atomic_write(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_score_sheet_round_trip_and_stale_refusal(tmp_path: Path) -> None:
    p = tmp_path / "s.json"
    sheet = ScoreSheet(graph="g", scorer="ana", scores={"c": ClaimScore(base=0.8, note="why")})
    save_scores(sheet, p)
    loaded = load_scores(p)
    assert loaded.scores["c"].base == 0.8
    assert loaded.scores["c"].note == "why"
    p.write_text(p.read_text().replace("0.8", "0.3"))
    loaded.scores["c"] = ClaimScore(base=0.9)
    with pytest.raises(StaleFileError):
        save_scores(loaded, p)
    assert '"base": 0.3' in p.read_text()
    save_scores(loaded, p, force=True)
    assert load_scores(p).scores["c"].base == 0.9


ids = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8
)


@settings(max_examples=60)
@given(
    texts=st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=6),
    bases=st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
def test_dump_and_load_round_trip(texts: list[str], bases: list[float]) -> None:
    claims = [{"id": f"c{i}", "text": t, "base": bases[i]} for i, t in enumerate(texts)]
    g = loads(json.dumps({"format": "arggraph/1", "id": "g", "claims": claims}))
    assert loads(dump_graph(g.model)).model == g.model
