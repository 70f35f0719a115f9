"""``arggraph new FILE --question TEXT``: a valid debate from nothing, never over a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arggraph.cli import main
from arggraph.io import load


def test_new_writes_a_valid_debate_with_two_positions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bridge-closure.json"
    assert main(["new", str(path), "--question", "Close the old bridge this summer?"]) == 0
    graph = load(path)
    assert graph.id == "bridge-closure"
    assert graph.model.question == "Close the old bridge this summer?"
    assert [(c.id, c.kind) for c in graph.positions] == [("yes", "position"), ("no", "position")]
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "arggraph/1"
    assert "wrote" in capsys.readouterr().err
    assert main(["check", str(path), "--format", "json"]) == 0  # warnings only


def test_new_takes_positions_title_and_id(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    args = ["new", str(path), "--question", "Which route?", "--title", "Routes", "--id", "r"]
    args += ["--position", "North", "--position", "South", "--position", "Neither"]
    assert main(args) == 0
    graph = load(path)
    assert (graph.id, graph.model.title) == ("r", "Routes")
    assert [c.text for c in graph.positions] == ["North", "South", "Neither"]


def test_new_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.json"
    path.write_text("mine", encoding="utf-8")
    assert main(["new", str(path), "--question", "Q?"]) == 2
    assert path.read_text(encoding="utf-8") == "mine"
    err = capsys.readouterr().err
    assert "d.json: a file is already there; not overwritten" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--question", "  "], "a debate needs a question"),
        (["--question", "Q", "--position", "A"], "give --position at least twice"),
        (["--question", "Q", "--position", "A", "--position", "a"], "the positions must differ"),
    ],
)
def test_new_refuses_what_makes_no_debate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    path = tmp_path / "d.json"
    assert main(["new", str(path), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not path.exists()
