"""The commands on arggraph/1.1 graphs: the semantics count linked premises and
undercuts, and a score sheet weighs them like any relation."""

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


def test_score_counts_linked_premises_and_undercuts(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # DF-QuAD, every base 0.5: the undercut leaves the linked support 1 - 0.5 = 0.5 of
    # its weight, times its weakest premise (0.5): 0.25 for p; c attacks with 0.5; so p
    # is 0.5 - 0.5 * (0.5 - 0.25).
    graph, _ = files
    assert main(["score", str(graph), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out)["strengths"]["p"] == pytest.approx(0.375)


def test_a_sheet_weighs_a_linked_relation(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # linked at 0.3: 0.3 - 0.3 * 0.5 = 0.15, times 0.5: 0.075; plain at 0.5: 0.25.
    graph, sheet = files
    assert main(["score", str(graph), "--scores", str(sheet), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out)["strengths"]["p"] == pytest.approx(0.5 - 0.5 * (0.25 - 0.075))


def test_explain_names_the_undercut_and_the_linked_premises(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, _ = files
    assert main(["explain", str(graph), "p", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_claim = {c["claim"]: c for c in data["contributions"]}
    assert set(by_claim) == {"a", "b", "u", "c"}
    assert by_claim["u"]["removal"] < 0  # the undercut weakens p's support
    assert by_claim["u"]["path"] == ["u", "p"]  # the inference is a step between claims
    assert set(data["weights"]) == {"linked", "undercut", "plain"}


def test_extensions_say_which_relations_stand(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, _ = files
    assert main(["extensions", str(graph), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Supports do not enter Dung's semantics; c attacks p unopposed; the undercut is an
    # attack nothing defeats (its target, a support, is outside the framework).
    assert data["extensions"] == [["a", "b", "c", "u"]]
    assert data["relations"] == [["plain", "undercut"]]


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
    assert "p" in session.set_weight("linked", 0.1)  # the linked support moves p
    assert book.weight("linked") == 0.1
    assert session.set_weight("plain", 0.0)  # the others still move the strengths
