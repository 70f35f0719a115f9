"""Argdown: the four real files from the Argdown project, the syntax's corners, and
the export read back."""

from __future__ import annotations

from typing import Any

import pytest
from _support import BAKHMUT_FIRST_EDITION, realdata, relation_triples

from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.argdown import escape_text, from_argdown, parse_data, to_argdown
from arggraph.formats.report import Report
from arggraph.graph import Graph
from arggraph.io import load
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
    # the conclusion's "-> [Censorship]" is the conclusion's attack, as Argdown reads it,
    # and the argument supports its conclusion
    [conclusion] = [
        c.id for c in g.claims.values() if c.text == "Censorship is wrong in principle."
    ]
    assert ("attack", conclusion, "Censorship") in rel
    assert ("support", "Argument from Freedom of Speech", conclusion) in rel
    # a titled premise supports its argument; the argument supports its titled conclusion
    assert ("support", "Absolute Freedom of Speech", "Argument from Freedom of Speech") in rel
    assert ("support", "Argument from racial hatred", "Censorship") in rel
    [debate] = [
        c.id
        for c in g.claims.values()
        if c.text.startswith("Legislation against incitement")
        and c.text.endswith("ought not be enacted.")
    ]
    assert ("support", "Importance of inclusive public debate", debate) in rel
    assert ("attack", debate, "IRC-legislation") in rel
    arg = g.claim("Argument from Freedom of Speech")
    pcs = argdown(arg)["pcs"]
    assert [p["number"] for p in pcs] == [1, 2, 3, 4]
    assert pcs[3]["conclusion"]
    assert pcs[3]["inference"].startswith("Specification, Modus")
    assert argdown(arg)["data"] == {"source": "C1a"}
    assert argdown(g.claim("IRC-legislation"))["data"] == {"isInMap": False}


@pytest.mark.realdata
def test_primer_syntax_tour() -> None:
    result = import_file(realdata("argdown", "argdown-primer.argdown"))
    g = result.graph()
    rel = relation_triples(g)
    assert ("attack", "Intro", "Argument 1") in rel  # "[Intro]\n  -> <Argument 1>"
    # "+>" from a conclusion is the conclusion's, which the argument supports
    [conclusion] = [c.id for c in g.claims.values() if c.text == "And now the conclusion"]
    assert ("support", "Argument 1", conclusion) in rel
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


def test_bakhmut_round_trip() -> None:
    g = load(BAKHMUT_FIRST_EDITION)
    back = from_argdown(to_argdown(g)).graph()
    assert back.id == g.id
    assert back.model.question == g.model.question

    def view(x: Graph) -> dict[str, tuple[object, ...]]:
        return {c.id: (c.text, c.kind, c.base, c.tags, c.date) for c in x.claims.values()}

    assert view(back) == view(g)
    assert relation_triples(back) == relation_triples(g)


def test_not_argdown() -> None:
    with pytest.raises(ImportFormatError, match="no statements or arguments"):
        from_argdown("// only a comment\n\n", path="x.argdown")
