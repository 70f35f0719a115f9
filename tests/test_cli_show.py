"""`arggraph show` summarises a graph on stdout, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arggraph.cli import main

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "title": "Hold or go",
    "question": "Should we?",
    "documents": [{"id": "d", "title": "D", "published": "2023-05-03"}],
    "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay \x1b[31m", "kind": "position"},
        {
            "id": "e",
            "text": "E",
            "kind": "evidence",
            "attributions": [{"actor": "x", "document": "d", "quote": "q", "date": "2023-01"}],
        },
        {"id": "c", "text": "C", "attributions": [{"actor": "x", "document": "d", "quote": "q"}]},
    ],
    "relations": [
        {"type": "attack", "source": "go", "target": "stay"},
        {"type": "support", "source": "e", "target": "go"},
    ],
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "g.json"
    p.write_text(json.dumps(GRAPH), encoding="utf-8")
    return p


def test_show_text(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Hold or go" in out
    assert "Should we?" in out
    assert "4 (2 positions, 1 claims, 1 evidence)" in out
    assert "2 (1 supports, 1 attacks)" in out
    # the undated attribution takes its document's date
    assert "2023-01 to 2023-05-03" in out
    assert "\x1b" not in out
    assert "\\x1b[31m" in out


def test_show_json(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["claims"] == {"total": 4, "position": 2, "claim": 1, "evidence": 1}
    assert [p["id"] for p in data["positions"]] == ["go", "stay"]
    assert data["dates"] == {"first": "2023-01", "last": "2023-05-03"}


def test_bad_option_is_exit_2(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["show", str(path), "--format", "xml"])
    assert info.value.code == 2
