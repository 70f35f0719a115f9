"""The commands on arggraph/1.1 graphs: what the semantics do not count yet is said on
stderr, and a score sheet that weighs such a relation is no error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main
from arggraph.io import load
from arggraph.sheets import ScoreBook
from tui.state import Session

DATA: dict[str, Any] = {
    "format": "arggraph/1.1",
    "id": "new",
    "claims": [
        {"id": "p", "text": "Hold", "kind": "position"},
        {"id": "a", "text": "A"},
        {"id": "b", "text": "B"},
        {"id": "u", "text": "U"},
        {"id": "c", "text": "C"},
    ],
    "relations": [
        {"id": "linked", "type": "support", "sources": ["a", "b"], "target": "p"},
        {"id": "undercut", "type": "attack", "source": "u", "target": "linked"},
        {"id": "plain", "type": "attack", "source": "c", "target": "p"},
    ],
}
NOTE = (
    "arggraph: note: 2 relations from linked premises or aimed at a relation not counted "
    "by the semantics yet"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    graph = tmp_path / "new.json"
    graph.write_text(json.dumps(DATA), encoding="utf-8")
    sheet = tmp_path / "sheet.json"
    weights = {"linked": {"weight": 0.3}, "plain": {"weight": 0.5}}
    sheet.write_text(
        json.dumps({"format": "arggraph-scores/1", "graph": "new", "weights": weights}),
        encoding="utf-8",
    )
    return graph, sheet


@pytest.mark.parametrize(
    "command",
    [["score"], ["explain", "p"], ["extensions"]],
    ids=["score", "explain", "extensions"],
)
def test_the_semantics_say_what_they_do_not_count(
    command: list[str], files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, _ = files
    args = [command[0], str(graph), *command[1:]]
    assert main(args) == 0
    assert NOTE in capsys.readouterr().err


def test_an_old_graph_gets_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    bakhmut = Path(__file__).resolve().parents[1] / "graphs" / "bakhmut.json"
    assert main(["score", str(bakhmut)]) == 0
    assert "not counted" not in capsys.readouterr().err


def test_a_sheet_weighing_a_linked_relation_is_applied_but_for_it(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheet = files
    assert main(["score", str(graph), "--scores", str(sheet), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert (
        "arggraph: note: the sheet weighs 1 relation from linked premises or aimed at a "
        "relation, which the scores do not count yet"
    ) in err
    assert main(["score", str(graph), "--format", "json"]) == 0
    unweighted, _ = capsys.readouterr()
    assert out != unweighted  # the weight of 'plain' still applies


def test_a_sheet_naming_no_relation_is_still_an_error(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph, _ = files
    sheet = tmp_path / "bad.json"
    bad = {"format": "arggraph-scores/1", "graph": "new", "weights": {"linkd": {"weight": 0.3}}}
    sheet.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["score", str(graph), "--scores", str(sheet)]) == 2
    assert "no relation with id 'linkd'; did you mean 'linked'" in capsys.readouterr().err


def test_the_ui_session_opens_with_such_a_sheet(files: tuple[Path, Path]) -> None:
    graph_path, sheet = files
    graph = load(graph_path)
    book = ScoreBook(graph, path=sheet, scorer="tester")
    book.set_weight("linked", 0.2)
    session = Session(graph, book)
    assert session.set_weight("linked", 0.1) == {}  # kept in the sheet, not counted yet
    assert book.weight("linked") == 0.1
    assert session.set_weight("plain", 0.0)  # the others still move the strengths
