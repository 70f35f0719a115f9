"""Argdown read as Argdown's own parser reads it (relations where the author wrote them,
one premise-conclusion structure per argument, headings that run on), and the round
trip arggraph/1 -> Argdown -> arggraph/1 with provenance, weights and schemes in {data}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT_FIRST_EDITION, ROOT

from arggraph.cli import main
from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.argdown import from_argdown, to_argdown
from arggraph.graph import Graph
from arggraph.io import load

FIXTURES = ROOT / "tests" / "fixtures" / "argdown"


def triples(g: Graph) -> set[tuple[str, str, str]]:
    return {(r.type, r.premises[0], r.target) for r in g.relations.values()}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_relation_belongs_to_the_element_it_is_written_under() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    # "- <Cost>" is written under [V], which two arguments conclude: it attacks V
    assert ("attack", "Cost", "V") in triples(g)
    assert not any(r.premises[0] == "Cost" and r.target != "V" for r in g.relations.values())
    # "-> [Wait]" is written under (3) [V], the conclusion of <Protect>: V attacks Wait
    assert ("attack", "V", "Wait") in triples(g)
    assert not any(r.target == "Wait" and r.premises[0] == "Protect" for r in g.relations.values())


def test_two_arguments_that_conclude_one_statement_stay_apart() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    between = {
        (r.premises[0], r.target)
        for r in g.relations.values()
        if {r.premises[0], r.target} <= {"Protect", "Herd"}
    }
    assert between == set()
    # each supports its conclusion, once, though "+ <Protect>" is also written under [V]
    into_v = sorted((r.type, r.premises[0]) for r in g.relations.values() if r.target == "V")
    assert into_v == [("attack", "Cost"), ("support", "Herd"), ("support", "Protect")]


def test_headings_run_on_and_emphasis_is_not_text() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    v = g.claim("V")
    assert v.text == "Care workers should be vaccinated first."
    assert (v.meta or {})["argdown"]["section"] == "Whether to vaccinate the care workers first"
    assert (g.claim("Rush").meta or {})["argdown"]["section"] == "Objections"
    inference = (g.claim("Herd").meta or {})["argdown"]["pcs"][1]["inference"]
    assert inference == "by the *precautionary* principle"


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (
            "second-structure.argdown",
            9,
            "a second premise-conclusion structure for the argument <Protect> "
            "(its first starts on line 3); an argument has one",
        ),
        (
            "incomplete-structure.argdown",
            3,
            "incomplete premise-conclusion structure: it needs premises, an inference line "
            "(----) and a conclusion after it, with no empty line between them",
        ),
        (
            "heading-then-statement.argdown",
            2,
            "a heading ends with an empty line; found '[V]: Care workers should be vaccinated.'",
        ),
    ],
)
def test_what_argdown_refuses_is_refused_with_its_line(
    name: str, line: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / name
    code, out, err = run(["import", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"arggraph: error: {path}: line {line}: {message}\n"


def test_the_round_trip_keeps_provenance_weights_and_schemes() -> None:
    original = load(FIXTURES / "provenance.json")
    text = to_argdown(original)
    assert text == (FIXTURES / "provenance.argdown").read_text(encoding="utf-8")
    back = from_argdown(text)
    assert back.report.lines() == []

    def bare(g: Graph) -> dict[str, Any]:
        data = g.model.model_dump(mode="json", exclude={"schema_", "meta"})
        for claim in data["claims"]:
            claim.pop("meta")
        for rel in data["relations"]:
            rel.pop("meta")
        data["relations"].sort(key=lambda r: r["id"])  # Argdown writes them by target
        return data

    assert bare(back.graph()) == bare(original)


def test_the_bundled_debate_survives_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "bakhmut.argdown"
    code, _, err = run(
        ["export", str(BAKHMUT_FIRST_EDITION), "--to", "argdown", "-o", str(exported)], capsys
    )
    assert (code, err) == (0, "")
    imported = tmp_path / "bakhmut.json"
    assert run(["import", str(exported), "-o", str(imported)], capsys)[0] == 0
    g, back = load(BAKHMUT_FIRST_EDITION), load(imported)
    assert sum(len(c.attributions) for c in g.claims.values()) == 127
    assert sum(len(r.attributions) for r in g.relations.values()) == 99
    for cid, claim in g.claims.items():
        got = back.claim(cid)
        assert (got.attributions, got.kind, got.tags, got.base, got.note) == (
            claim.attributions,
            claim.kind,
            claim.tags,
            claim.base,
            claim.note,
        )
    assert {r.id: (r.attributions, r.weight, r.type) for r in back.relations.values()} == {
        r.id: (r.attributions, r.weight, r.type) for r in g.relations.values()
    }
    assert (back.model.actors, back.model.documents) == (g.model.actors, g.model.documents)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '{attributions: [{actor: ana, date: "2021-13-01"}]}',
            "[A] attribution 1: date: not a real date",
        ),
        ('{attributions: "ana"}', "[A] attributions: expected a list"),
        (
            "{relations: [{from: B, type: support, weight: 2}]}",
            "[A] relations: from 'B': weight must be a number from 0 to 1, not 2",
        ),
    ],
)
def test_bad_data_is_refused_with_its_line(data: str, message: str) -> None:
    text = f"// a map\n\n[A]: a {data}\n  + [B]: b\n"
    with pytest.raises(ImportFormatError) as err:
        from_argdown(text, path="m.argdown")
    assert err.value.place == "line 3"
    assert message in str(err.value)


def test_bad_front_matter_is_refused_with_its_line() -> None:
    text = '===\ntitle: "T"\nactors: [{"id": "ana"}]\n===\n\n[A]: a\n'
    with pytest.raises(ImportFormatError) as err:
        from_argdown(text, path="m.argdown")
    assert err.value.place == "line 3"
    assert "front matter actors[0]: name: Field required" in str(err.value)


def test_actors_named_only_in_attributions_are_added() -> None:
    text = "[A]: a {attributions: [{actor: ana, document: leaflet, quote: q}]}\n"
    result = from_argdown(text)
    g = result.graph()
    assert [(a.id, a.name) for a in g.actors.values()] == [("ana", "ana")]
    assert [(d.id, d.title) for d in g.documents.values()] == [("leaflet", "leaflet")]
    assert result.report.lines() == [
        "kept: 1 actor named only in an attribution with its id as name",
        "kept: 1 document named only in an attribution with its id as title",
    ]


def test_other_data_stays_in_meta() -> None:
    g = from_argdown('[A]: a {source: "C1a", kind: "premise", isInMap: false}\n').graph()
    assert g.claim("A").kind == "claim"
    assert (g.claim("A").meta or {})["argdown"]["data"] == {
        "source": "C1a",
        "kind": "premise",
        "isInMap": False,
    }
