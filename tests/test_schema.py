"""The shipped JSON Schema is the one the models generate, and it validates their output."""

from __future__ import annotations

import json
from typing import Literal

import jsonschema
import pytest
from _support import BAKHMUT

from arggraph.cli import main
from arggraph.io import dump_graph, loads
from arggraph.schema import SCHEMA_FILES, schema, schema_text


@pytest.mark.parametrize("kind", ["graph", "scores", "id-map"])
def test_shipped_schema_matches_the_models(kind: Literal["graph", "scores", "id-map"]) -> None:
    shipped = SCHEMA_FILES[kind].read_text(encoding="utf-8")
    assert shipped == schema_text(kind), "run `python -m arggraph.schema` to regenerate"


def test_schema_validates_the_models_output() -> None:
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "g",
                "title": "T",
                "question": "Q?",
                "documents": [{"id": "d", "title": "D", "published": "2023-03"}],
                "actors": [{"id": "a", "name": "A", "kind": "analyst"}],
                "claims": [
                    {
                        "id": "p",
                        "text": "P",
                        "kind": "position",
                        "attributions": [
                            {"actor": "a", "document": "d", "quote": "q", "date": "2023-03-01"}
                        ],
                    }
                ],
                "relations": [],
            }
        )
    )
    validator = jsonschema.Draft202012Validator(schema("graph"))
    validator.validate(json.loads(dump_graph(g.model)))


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(schema("graph"))
    bad = {"format": "arggraph/1", "id": "g", "claims": [{"id": "c", "text": "t", "base": 2}]}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"format": "arggraph/1", "id": "g", "oops": 1})


def test_bundled_graph_is_valid_against_the_schema() -> None:
    path = BAKHMUT
    if not path.exists():
        pytest.skip("bundled graph not present")
    validator = jsonschema.Draft202012Validator(schema("graph"))
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


def test_cli_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "arggraph/1 graph file"
