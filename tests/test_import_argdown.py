"""Argdown read as Argdown's own parser reads it (relations where the author wrote them,
one premise-conclusion structure per argument, headings that run on), and the round
trip arggraph/1 -> Argdown -> arggraph/1 with provenance, weights and schemes in {data}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT, ROOT, needs_bakhmut

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


def test_each_structure_is_an_inference_with_all_its_premises() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    protect = g.relation("Protect")
    assert (protect.type, protect.sources, protect.target) == (
        "support",
        ["Frail", "Protect (2)"],
        "V",
    )
    assert protect.note == "Vaccinated staff protect the frail."
    # an untitled premise is a claim named by its argument and its number
    assert g.claim("Protect (2)").text == "Vaccinated staff do not pass the virus on."
    herd = g.relation("Herd")
    assert (herd.source, herd.target) == ("Herd (1)", "V")
    assert "Protect" not in g.claims
    assert "Herd" not in g.claims
    # "+ <Protect>" under [V] is the argument for V that Protect is, not a second relation
    into_v = sorted((r.type, tuple(r.premises)) for r in g.relations.values() if r.target == "V")
    assert into_v == [
        ("attack", ("Cost",)),
        ("support", ("Frail", "Protect (2)")),
        ("support", ("Herd (1)",)),
    ]


def test_an_undercut_bears_on_the_inference() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    undercut = g.relation("attack:Queue->Protect")
    assert g.target_relation(undercut) is g.relation("Protect")
    assert (undercut.meta or {})["argdown"] == {"relation": "undercut"}
    # Cost has no premise-conclusion structure: it stays a claim-like node
    assert (g.claim("Cost").meta or {})["argdown"]["type"] == "argument"


def test_untitled_ids_stay_when_other_text_changes() -> None:
    text = (FIXTURES / "conclusions.argdown").read_text(encoding="utf-8")
    before = import_file(FIXTURES / "conclusions.argdown").graph()
    edited = text.replace("[V]: Care workers should be vaccinated **first**.", "[V]: Other.")
    edited = edited.replace("# Whether to vaccinate", "[New]: A new statement.\n\n# Whether")
    after = from_argdown(edited).graph()
    assert {"Protect (2)", "Herd (1)"} <= set(after.claims)
    assert after.claim("Protect (2)").text == before.claim("Protect (2)").text


def test_headings_run_on_and_emphasis_is_not_text() -> None:
    g = import_file(FIXTURES / "conclusions.argdown").graph()
    v = g.claim("V")
    assert v.text == "Care workers should be vaccinated first."
    assert (v.meta or {})["argdown"]["section"] == "Whether to vaccinate the care workers first"
    assert (g.claim("Rush").meta or {})["argdown"]["section"] == "Objections"
    inference = (g.relation("Herd").meta or {})["argdown"]["inference"]
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
            "no-premises.argdown",
            3,
            "a conclusion with no premises: an inference line (----) needs numbered "
            "premises above it",
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


@needs_bakhmut
def test_the_bundled_debate_survives_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``arggraph export`` to Argdown and ``arggraph import`` back keep the bundled map
    (arggraph/1.1): every claim's provenance, kind, tags, score, note and reconstructed
    mark, every relation's provenance, weight, type, linked premises and target (an
    undercut aimed at the inference it undercuts), the actors and documents."""
    exported = tmp_path / "bakhmut.argdown"
    code, _, err = run(["export", str(BAKHMUT), "--to", "argdown", "-o", str(exported)], capsys)
    assert (code, err) == (0, "")
    imported = tmp_path / "bakhmut.json"
    assert run(["import", str(exported), "-o", str(imported)], capsys)[0] == 0
    g, back = load(BAKHMUT), load(imported)
    assert sum(len(c.attributions) for c in g.claims.values()) == 138
    assert sum(len(r.attributions) for r in g.relations.values()) == 86
    assert sum(len(r.premises) > 1 for r in g.relations.values()) == 3
    assert sum(r.target in g.relations for r in g.relations.values()) == 3
    for cid, claim in g.claims.items():
        got = back.claim(cid)
        assert (got.attributions, got.kind, got.tags, got.base, got.note, got.reconstructed) == (
            claim.attributions,
            claim.kind,
            claim.tags,
            claim.base,
            claim.note,
            claim.reconstructed,
        )

    def relations(x: Graph) -> dict[str, tuple[object, ...]]:
        return {
            r.id: (r.attributions, r.weight, r.type, tuple(r.premises), r.target, r.note)
            for r in x.relations.values()
        }

    assert relations(back) == relations(g)
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


def test_undercuts_as_argdown_writes_them() -> None:
    g = import_file(FIXTURES / "structures.argdown").graph()

    def aimed(source: str) -> set[str]:
        return {r.target for r in g.relations.values() if r.premises == [source]}

    # under the inference line, and "_>" from a statement: Protect's inference
    assert aimed("Queue") == {"Protect"}
    assert "Protect" in aimed("Cut2")
    # a bare "_" under an argument with a structure: its (main) inference
    assert aimed("Bare") == {"Herd"}
    # a plain attack on an argument with a structure bears on its inference too, noted
    plain = g.relation("attack:Plain->Herd")
    assert g.target_relation(plain) is g.relation("Herd")
    assert (plain.meta or {})["argdown"] == {"relation": "attack of the argument"}
    # an argument without a structure stays a claim: attacks and undercuts hit it
    assert aimed("Hit") == {"Loose"}
    assert aimed("Cut") == {"Loose"}
    assert g.target_relation(g.relation("attack:Cut->Loose")) is None
    # a relation under a premise bears on it; "<_" under a premise before any
    # inference line is an attack on it, as Argdown's parser reads it
    assert aimed("Robust") == {"Frail"}
    assert aimed("Odd") == {"Frail"}


def test_intermediary_conclusions_and_uses() -> None:
    g = import_file(FIXTURES / "structures.argdown").graph()
    step = g.relation("Herd (to 2)")
    assert (step.source, step.target) == ("Herd (1)", "Herd (2)")  # {uses: [1]}
    herd = g.relation("Herd")
    assert (herd.sources, herd.target) == (["Herd (2)", "Herd (3)"], "V")
    assert (step.meta or {})["argdown"]["of"] == "Herd"


def test_argdown_to_arggraph_and_back_keeps_the_structures() -> None:
    first = import_file(FIXTURES / "structures.argdown").graph()
    again = from_argdown(to_argdown(first)).graph()

    def shape(g: Graph) -> list[tuple[str, str, tuple[str, ...], str, str | None]]:
        return sorted(
            (r.id, r.type, tuple(r.premises), r.target, r.note) for r in g.relations.values()
        )

    assert shape(again) == shape(first)
    assert list(again.claims) == list(first.claims)
