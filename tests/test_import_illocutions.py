"""Illocutions: the one table, the optional fields in model and schema, and the reasoning
checks counting only the attributions that commit their actor."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from _support import BAKHMUT_FIRST_EDITION, ROOT

from arggraph.checks import check
from arggraph.illocutions import ILLOCUTIONS, canonical, commits, lookup
from arggraph.io import dump_graph, load, loads
from arggraph.schema import schema


def graph(illocution: str | None, other: str | None = "Asserting") -> dict[str, Any]:
    """An actor says ``late`` (with ``illocution``) and ``timely`` (with ``other``),
    and ``timely`` attacks ``late``."""

    def said(how: str | None) -> dict[str, Any]:
        att: dict[str, Any] = {"actor": "host", "quote": "q", "date": "2020-05-28"}
        if how is not None:
            att["illocution"] = how
        return att

    return {
        "format": "arggraph/1",
        "id": "g",
        "actors": [{"id": "host", "name": "Fiona Bruce", "kind": "journalist"}],
        "claims": [
            {
                "id": "late",
                "text": "The lockdown came too late",
                "attributions": [said(illocution)],
            },
            {"id": "timely", "text": "It came in time", "attributions": [said(other)]},
        ],
        "relations": [{"type": "attack", "source": "timely", "target": "late"}],
    }


def r001(data: dict[str, Any]) -> list[str]:
    return [f.code for f in check(loads(json.dumps(data)), select=["R001"])]


@pytest.mark.parametrize(
    ("illocution", "expected"),
    [
        (None, ["R001"]),
        ("Asserting", ["R001"]),
        ("Agreeing", ["R001"]),
        ("Assertive Questioning", ["R001"]),
        ("RhetoricalQuestioning", ["R001"]),
        ("Pure Questioning", []),
        ("PureQuestioning", []),
        ("Pure Challenging", []),
        ("Assertive Challenging", []),
        ("Disagreeing", []),
        ("Reporting", []),
        ("Something the table does not know", []),
    ],
)
def test_r001_counts_only_committing_attributions(
    illocution: str | None, expected: list[str]
) -> None:
    assert r001(graph(illocution)) == expected


def test_both_sides_must_commit() -> None:
    assert r001(graph("Asserting", "Pure Questioning")) == []
    assert r001(graph("Pure Questioning", None)) == []


def test_r003_counts_only_committing_attributions() -> None:
    data = graph("Pure Questioning", "Asserting")
    data["relations"] = []
    for claim in data["claims"]:
        claim["kind"] = "position"
    assert [f.code for f in check(loads(json.dumps(data)), select=["R003"])] == []
    data["claims"][0]["attributions"][0]["illocution"] = "Asserting"
    assert [f.code for f in check(loads(json.dumps(data)), select=["R003"])] == ["R003"]


def test_the_table() -> None:
    names = [i.name for i in ILLOCUTIONS]
    assert len(set(names)) == len(names)
    committing = {i.name for i in ILLOCUTIONS if i.commits}
    for name in ("Asserting", "Agreeing", "Arguing", "Restating"):
        assert name in committing
    for name in ("Assertive Questioning", "Rhetorical Questioning", "Popular Conceding"):
        assert name in committing
    for name in ("Pure Questioning", "Pure Challenging", "Assertive Challenging", "Disagreeing"):
        assert name not in committing
    assert lookup("assertive_questioning") == lookup("Assertive Questioning")
    assert canonical(" PopularConceding") == "Popular Conceding"
    assert commits(None)
    assert not commits("")


def test_readme_shows_the_same_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Illocutions: who endorses what", 1)[1]
    table = section.split("| illocution | commits the speaker |", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    expected = [f"| {i.name} | {'yes' if i.commits else 'no'} | {i.meaning} |" for i in ILLOCUTIONS]
    assert rows == expected


def test_schema_knows_the_new_fields() -> None:
    validator = jsonschema.Draft202012Validator(schema("graph"))
    data = graph("Pure Questioning")
    data["relations"][0]["scheme"] = "Argument From Expert Opinion"
    validator.validate(data)
    g = loads(json.dumps(data))
    assert g.claim("late").attributions[0].illocution == "Pure Questioning"
    assert g.relations["attack:timely->late"].scheme == "Argument From Expert Opinion"
    validator.validate(json.loads(dump_graph(g.model)))
    for bad in ("", 3):
        data["claims"][0]["attributions"][0]["illocution"] = bad
        assert not validator.is_valid(data)
    data["claims"][0]["attributions"][0]["illocution"] = "Asserting"
    data["relations"][0]["scheme"] = ""
    assert not validator.is_valid(data)


def test_old_files_load_and_save_unchanged() -> None:
    text = BAKHMUT_FIRST_EDITION.read_text(encoding="utf-8")
    assert "illocution" not in text
    assert '"scheme"' not in text
    g = load(BAKHMUT_FIRST_EDITION)
    assert all(a.illocution is None for c in g.claims.values() for a in c.attributions)
    assert all(r.scheme is None for r in g.relations.values())
    again = dump_graph(g.model)
    assert "illocution" not in again
    assert '"scheme"' not in again
    assert loads(again).model == g.model
