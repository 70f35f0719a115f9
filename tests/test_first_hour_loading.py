"""A new user's first hour with loading: a bare framework needs no id, and a relation
written twice is named as the user wrote it, not by an id they never wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from arggraph.checks import check
from arggraph.cli import main
from arggraph.errors import DuplicateIdError
from arggraph.io import load, loads
from arggraph.schema import schema

BARE: dict[str, Any] = {
    "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
    "relations": [{"type": "attack", "source": "a", "target": "b"}],
}


def test_a_bare_framework_loads_and_is_named_after_its_file(tmp_path: Path) -> None:
    path = tmp_path / "my-framework.json"
    path.write_text(json.dumps(BARE), encoding="utf-8")
    assert load(path).id == "my-framework"
    assert loads(json.dumps(BARE)).id == "graph"
    assert loads(json.dumps({**BARE, "id": "given"}), path=path).id == "given"


def test_the_schema_accepts_a_bare_framework() -> None:
    validator = jsonschema.Draft202012Validator(schema("graph"))
    assert validator.is_valid(BARE)
    assert schema("graph")["properties"]["id"]["default"] == "graph"


def test_the_cli_scores_a_bare_framework_with_a_sheet_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(BARE), encoding="utf-8")
    sheet = tmp_path / "mine.json"
    sheet.write_text(
        json.dumps({"format": "arggraph-scores/1", "graph": "fw", "scores": {"a": {"base": 1.0}}}),
        encoding="utf-8",
    )
    code = main(["score", str(path), "--scores", str(sheet), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    assert json.loads(out)["strengths"] == {"a": 1.0, "b": 0.0}


DUPLICATED = """{"format": "arggraph/1", "id": "g",
 "claims": [{"id": "a", "text": "A"},
            {"id": "b", "text": "B"}],
 "relations": [
   {"type": "attack", "source": "a", "target": "b"},
   {"type": "support", "source": "b", "target": "a"},
   {"type": "attack", "source": "a", "target": "b"}
 ]}
"""


def test_a_relation_written_twice_is_named_by_its_ends_and_both_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g.json"
    path.write_text(DUPLICATED, encoding="utf-8")
    with pytest.raises(DuplicateIdError) as info:
        load(path)
    err = info.value
    assert err.message.startswith(
        "the same attack 'a' -> 'b' appears twice, at relations[0] and relations[2] (lines 5 and "
        "7); keep one"
    )
    assert "attack:a->b" not in str(err)
    assert (err.place, err.line, err.json_path) == ("relations[2]", 7, ("relations", 2))
    assert err.hint is not None
    assert "keep one" in err.hint
    code = main(["score", str(path)])
    stderr = capsys.readouterr().err
    assert code == 2
    assert stderr.startswith(
        f"arggraph: error: {path}: relations[2]: the same attack 'a' -> 'b' appears twice"
    )
    assert len(stderr.splitlines()) == 1  # the hint in the message: one message, one line
    assert err.hint in stderr
    assert "Traceback" not in stderr


def test_check_names_a_relation_written_twice_the_same_way() -> None:
    graph = loads(DUPLICATED, strict=False)
    (finding,) = [f for f in check(graph) if f.code == "S002"]
    assert finding.message == ("the same attack 'a' -> 'b' appears twice (first at relations[0])")
    assert finding.ids == ("a", "b")
    assert finding.path == "relations[2]"


def test_other_duplicate_ids_name_both_places() -> None:
    text = '{"id": "g", "claims": [{"id": "a", "text": "A"},\n {"id": "a", "text": "B"}]}'
    with pytest.raises(DuplicateIdError) as info:
        loads(text)
    assert (
        info.value.message == "duplicate claim id 'a', at claims[0] and claims[1] (lines 1 and 2)"
    )
    relations = (
        '{"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "relations": ['
        '{"id": "r", "type": "attack", "source": "a", "target": "b"},'
        '{"id": "r", "type": "support", "source": "b", "target": "a"}]}'
    )
    with pytest.raises(DuplicateIdError, match=r"^relations\[1\]\.id: duplicate relation id 'r'"):
        loads(relations)
