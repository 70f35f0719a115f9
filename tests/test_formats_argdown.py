"""Argdown: the four real files from the Argdown project, the syntax's corners, and
the export read back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _support import BAKHMUT, needs_bakhmut, realdata, relation_triples

from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.argdown import escape_text, from_argdown, parse_data, to_argdown
from arggraph.formats.report import Report
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.model import Claim, GraphModel, Relation


def argdown(item: Claim | Relation) -> Any:
    """What the import kept of Argdown in an element's ``meta``."""
    assert item.meta is not None, item.id
    return item.meta["argdown"]


@pytest.mark.realdata
def test_legalisation_pro_con_tree() -> None:
    result = import_file(realdata("argdown", "legalisation-softdrugs.argdown"))
    g = result.graph()
    assert g.model.title == "Pros and Cons Legalisation of Soft Drugs"
    assert len(g.claims) == 18
    assert len(g.relations) == 19
    assert [c.id for c in g.positions] == ["Legalisation of Soft Drugs"]
    rel = relation_triples(g)
    assert ("support", "No harm, no ban", "Legalisation of Soft Drugs") in rel
    assert ("attack", "Law must protect", "Legalisation of Soft Drugs") in rel
    # "-> <No harm, no ban>" under a claim: that claim attacks it
    assert ("attack", "Soft drugs are harmful", "No harm, no ban") in rel
    # a reference reuses the argument: "+ <Soft drugs are harmful>" further down
    assert ("support", "Soft drugs are harmful", "Minimize destructive activity") in rel
    # "<_" undercuts become attacks, noted
    undercut = [(r.source, r.meta) for r in g.relations.values() if r.meta]
    assert {(source, meta["argdown"]["relation"]) for source, meta in undercut} == {
        ("Poor reason", "undercut"),
        ("Addiction no reason to ban", "undercut"),
    }
    # multi-line texts joined, tags taken out of the text, comments skipped
    c = g.claim("No harm, no ban")
    assert c.text.startswith("The role of legislation is to protect society from harm")
    assert c.text.endswith("it should not be a crime at all.")
    assert c.tags == ["pro"]
    assert "undercuts the analogy" not in g.claim("Poor reason").text


@pytest.mark.realdata
def test_state_censorship_premise_conclusion_structures() -> None:
    g = import_file(realdata("argdown", "state-censorship.argdown")).graph()
    rel = relation_triples(g)
    # each argument is an inference from all its premises to its conclusion, with the
    # argument's title as id and its description as note
    speech = g.relation("Argument from Freedom of Speech")
    assert speech.sources == [
        "Absolute Freedom of Speech",
        "Argument from Freedom of Speech (2)",
        "Argument from Freedom of Speech (3)",
    ]
    assert speech.target == "Argument from Freedom of Speech (4)"
    assert g.claim(speech.target).text == "Censorship is wrong in principle."
    assert (speech.note or "").startswith("Censorship is wrong in principle. In a free")
    # the conclusion's "-> [Censorship]" is the conclusion's attack, as Argdown reads it
    assert ("attack", speech.target, "Censorship") in rel
    meta = argdown(speech)
    assert [p["number"] for p in meta["pcs"]] == [1, 2, 3, 4]
    assert meta["pcs"][3]["conclusion"]
    assert meta["inference"].startswith("Specification, Modus")
    assert meta["data"] == {"source": "C1a"}
    assert meta["tags"] == ["con"]
    assert argdown(g.claim("IRC-legislation"))["data"] == {"isInMap": False}
    # a structure with an intermediary conclusion is two inferences
    debate = g.relation("Importance of inclusive public debate")
    step = g.relation("Importance of inclusive public debate (to 3)")
    assert step.sources == [
        "Importance of inclusive public debate (1)",
        "Importance of inclusive public debate (2)",
    ]
    assert step.target == "Importance of inclusive public debate (3)"
    assert debate.sources == [
        "Importance of inclusive public debate (3)",
        "Importance of inclusive public debate (4)",
    ]
    assert ("attack", debate.target, "IRC-legislation") in rel
    # {uses: [1,2]} names the premises of an inference
    assert g.relation("Causal link questionable (to 3)").sources == [
        "Causal link questionable (1)",
        "Causal link questionable (2)",
    ]
    # no argument with a structure is a claim
    assert not {"Argument from Freedom of Speech", "Argument from expertise"} & set(g.claims)


@pytest.mark.realdata
def test_primer_syntax_tour() -> None:
    result = import_file(realdata("argdown", "argdown-primer.argdown"))
    g = result.graph()
    rel = relation_triples(g)
    # "[Intro]\n  -> <Argument 1>": Argument 1 is reconstructed, so the attack bears on
    # its inference
    assert ("attack", "Intro", "Argument 1") in rel
    assert g.target_relation(g.relation("attack:Intro->Argument 1")) is g.relation("Argument 1")
    assert g.relation("Argument 1").sources == ["Argument 1 (1)", "Statement 2"]
    conclusion = g.relation("Argument 1").target
    assert g.claim(conclusion).text == "And now the conclusion"
    # "+>" from a conclusion is the conclusion's
    assert ("support", conclusion, "Yet another argument") in rel
    # a relation after an HTML comment still belongs to the conclusion above it
    assert ("attack", conclusion, "Statement 1") in rel
    assert g.claim("Statement 1").tags == ["Another tag"]
    lines = "\n".join(result.report.lines())
    assert "untitled paragraphs in no relation" in lines


@pytest.mark.realdata
def test_veggie_debate_german() -> None:
    result = import_file(realdata("argdown", "veggie_debate_de.argdown"))
    g = result.graph()
    assert "Fleischküche ist Kulturerbe" in g.claims
    assert ("support", "Fleischküche ist Kulturerbe", "Fleisch-OK") in relation_triples(g)
    assert ("support", "Strikt-Vegan", "Strikt-Veggie") in relation_triples(g)  # "+>"
    assert argdown(g.claim("Vitalitäts-Argument"))["section"] == "Gesundheitliche Erwägungen"
    assert not any("nothing above" in line for line in result.report.lines())


def test_relation_symbols() -> None:
    text = (
        "[A]: a\n  + [B]: b\n  - [C]: c\n  <+ [D]: d\n  <- [E]: e\n  +> [F]: f\n"
        "  -> [G]: g\n  <_ <U>: u\n  >< [X]: x\n"
    )
    rel = relation_triples(from_argdown(text).graph())
    assert rel == {
        ("support", "B", "A"),
        ("attack", "C", "A"),
        ("support", "D", "A"),
        ("attack", "E", "A"),
        ("support", "A", "F"),
        ("attack", "A", "G"),
        ("attack", "U", "A"),
        ("attack", "A", "X"),
        ("attack", "X", "A"),
    }


def test_escapes_and_data() -> None:
    assert escape_text("a [b] <c> #d @e {f} *g* _h_ // i /* j\nk") == (
        "a \\[b\\] \\<c\\> \\#d \\@e \\{f\\} \\*g\\* \\_h\\_ \\// i \\/\\* j k"
    )
    g = from_argdown("[T]: " + escape_text("x [y] #z // w") + " #real {base: 0.8}").graph()
    assert g.claim("T").text == "x [y] #z // w"
    assert g.claim("T").tags == ["real"]
    assert g.claim("T").base == 0.8
    assert parse_data("{a: 'it''s', b: [x, 2.5], c: {d: null}}") == {
        "a": "it's",
        "b": ["x", 2.5],
        "c": {"d": None},
    }
    assert parse_data("{broken") is None


def test_export_reads_back() -> None:
    g = Graph(
        GraphModel(
            id="g",
            title="T: x",
            question='Q "why"?',
            claims=[
                Claim(id="p", text="Position [one] #1", kind="position", tags=["two words"]),
                Claim(
                    id="e[1]",
                    text="Evidence <b> 2 // not a comment",
                    kind="evidence",
                    base=0.8,
                    date="2023-03",
                ),
                Claim(id="c", text="Multi\nline"),
            ],
            relations=[
                Relation(type="support", source="e[1]", target="p"),
                Relation(type="attack", source="c", target="p", weight=0.5),
            ],
        )
    )
    report = Report()
    text = to_argdown(g, report=report)
    back = from_argdown(text).graph()
    assert back.model.title == "T: x"
    assert back.model.question == 'Q "why"?'
    assert back.id == "g"
    assert back.claim("p").text == "Position [one] #1"
    assert back.claim("p").tags == ["two words"]
    assert back.claim("p").kind == "position"
    e = back.claim("e(1)")
    assert (e.text, e.kind, e.base, e.date) == (
        "Evidence <b> 2 // not a comment",
        "evidence",
        0.8,
        "2023-03",
    )
    assert relation_triples(back) == {("support", "e(1)", "p"), ("attack", "c", "p")}
    assert back.relations["attack:c->p"].weight == 0.5
    lines = "\n".join(report.lines())
    assert "dropped: 1 line break in a claim text" in lines
    assert "renamed 1 claim id" in lines


@needs_bakhmut
def test_bakhmut_round_trip() -> None:
    """The bundled map (arggraph/1.1) through Argdown and back: every claim, and every
    relation with its id, type, weight, all its linked premises and its target, an
    undercut's target being the inference it undercuts."""
    g = load(BAKHMUT)
    result = from_argdown(to_argdown(g))
    assert not result.report.lines()
    back = result.graph()
    assert back.id == g.id
    assert back.model.question == g.model.question

    def view(x: Graph) -> dict[str, tuple[object, ...]]:
        return {
            c.id: (c.text, c.kind, c.base, c.tags, c.date, c.reconstructed)
            for c in x.claims.values()
        }

    def relations(x: Graph) -> dict[str, tuple[object, ...]]:
        return {r.id: (r.type, tuple(r.premises), r.target, r.weight) for r in x.relations.values()}

    assert view(back) == view(g)
    assert relations(back) == relations(g)
    assert relation_triples(back) == relation_triples(g)
    assert any(len(r.premises) > 1 for r in g.relations.values())  # linked premises
    assert any(r.target in g.relations for r in g.relations.values())  # undercuts


def test_not_argdown() -> None:
    with pytest.raises(ImportFormatError, match="no statements or arguments"):
        from_argdown("// only a comment\n\n", path="x.argdown")


def test_a_blank_claim_named_before_its_definition_keeps_its_place() -> None:
    """A claim with no text is written ``[title]:``; named earlier by a relation, it
    came back where it was named, before the claims written above it (found by the
    round-trip property test)."""
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "g",
                "claims": [
                    {"id": "a", "text": "A", "kind": "position"},
                    {"id": "b", "text": "B"},
                    {"id": "c", "text": " "},
                ],
                "relations": [{"type": "support", "source": "c", "target": "a"}],
            }
        )
    )
    text = to_argdown(g)
    assert text.index("+ [c]") < text.index("[b]:") < text.index("[c]:")
    assert list(from_argdown(text).graph().claims) == ["a", "b", "c"]
