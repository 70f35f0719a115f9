"""`check` and the commands that refuse a graph explain a broken reference in the same
words (:class:`arggraph.graph.IntegrityProblem`'s), and S006 leaves out what S001 and
S003 already explain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "bridge.json"


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "g.json"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def findings(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> list[dict[str, Any]]:
    main(["check", "--no-config", "--format", "json", str(path), *args])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return found


def score_error(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["score", str(path)]) == 2
    return capsys.readouterr().err


def test_a_premise_that_names_a_relation_is_explained_as_score_explains_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(tmp_path, '"sources": ["cracks", "load"]', '"sources": ["cracks", "safety"]')
    why = " (premises are claims; 'safety' is a relation)"
    assert score_error(capsys, path).rstrip("\n").endswith(why)
    (s001,) = [f for f in findings(capsys, path) if f["code"] == "S001"]
    assert s001["message"] == f"relation 'safety': sources refers to unknown claim 'safety'{why}"


def test_a_relation_aimed_at_a_relation_in_arggraph_1_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = {
        "format": "arggraph/1",
        "id": "g",
        "claims": [
            {"id": "a", "text": "A", "kind": "position"},
            {"id": "b", "text": "B"},
            {"id": "c", "text": "C"},
        ],
        "relations": [
            {"id": "r", "type": "support", "source": "b", "target": "a"},
            {"id": "cut", "type": "attack", "source": "c", "target": "r"},
        ],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(graph), encoding="utf-8")
    why = ' (a relation: aiming at a relation needs "format": "arggraph/1.1")'
    assert score_error(capsys, path).rstrip("\n").endswith(why)
    (s001,) = [f for f in findings(capsys, path) if f["code"] == "S001"]
    assert s001["message"] == f"relation 'cut': target refers to unknown claim 'r'{why}"


def test_a_relation_aimed_at_itself_has_one_wording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(
        tmp_path,
        '"source": "quay", "target": "detour-keep"',
        '"source": "quay", "target": "quay-cut"',
    )
    assert "relation 'quay-cut' is aimed at itself" in score_error(capsys, path)
    (s003,) = [f for f in findings(capsys, path) if f["code"] == "S003"]
    assert s003["message"] == "relation 'quay-cut' is aimed at itself"


def test_s006_leaves_out_claims_that_a_broken_relation_would_connect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One unknown premise of 'safety' is one error: the other premise, the backer and
    the undercutters of 'safety' reach the position through it once it is mended; 'load',
    the premise the typo dropped, is really cut off."""
    path = broken(tmp_path, '"sources": ["cracks", "load"]', '"sources": ["cracks", "lod"]')
    found = [(f["code"], f["ids"]) for f in findings(capsys, path, "--select", "S")]
    assert sorted(found) == [("S001", ["safety", "lod"]), ("S006", ["load"])]
    # without S001 nothing names the relation: S006 names each claim it leaves cut off
    ignored = findings(capsys, path, "--select", "S", "--ignore", "S001")
    assert sorted(f["ids"][0] for f in ignored if f["code"] == "S006") == [
        "cracks",
        "load",
        "recheck",
        "still-reliable",
        "survey",
    ]


def test_s006_still_names_a_claim_cut_off_for_another_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken(
        tmp_path,
        '"sources": ["cracks", "load"], "target": "close"',
        '"sources": ["cracks", "load"], "target": "nowhere"',
    )
    found = findings(capsys, path, "--select", "S001,S006")
    unreached = sorted(f["ids"][0] for f in found if f["code"] == "S006")
    assert unreached == ["cracks", "load", "recheck", "still-reliable", "survey"]
