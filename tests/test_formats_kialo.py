"""Kialo discussion exports: the four real files (both layouts, LF and CRLF), links,
sources, escapes, and files that are not Kialo exports."""

from __future__ import annotations

from collections import Counter

import pytest
from _support import realdata

from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.kialo import from_kialo
from arggraph.graph import Graph

EXODUS = "did-the-exodus-really-happen-14445.txt"
HATE = "should-hate-speech-be-illegal-6148.txt"
EDU = "what-are-the-most-useful-educational-resources-websites-on-the-internet-14768.txt"
BIDEN = "is-biden-an-incompetent-president-44217.txt"


def types(g: Graph) -> Counter[str]:
    return Counter(r.type for r in g.relations.values())


@pytest.mark.realdata
def test_old_layout_lf_with_links_and_escapes() -> None:
    result = import_file(realdata("kialo", EXODUS))
    g = result.graph()
    # 98 numbered claims, 6 of them links to others
    assert len(g.claims) == 92
    assert types(g) == {"support": 39, "attack": 58}
    assert g.model.title == "Did the Exodus Really Happen?"
    assert [c.id for c in g.positions] == ["1"]
    # "1.3.2. Pro: -> See 1.1.3.1." reuses 1.1.3.1 as a supporter of 1.3
    assert ("support", "1.1.3.1", "1.3") in {
        (r.type, r.source, r.target) for r in g.relations.values()
    }
    assert "1.3.2" not in g.claims
    text = g.claim("1.1.2.1").text
    assert "Burden_of_proof_(philosophy)" in text
    assert "\\(" not in text
    odd = g.claim("1.2.3.1").text
    assert "Egyptologist \nKenneth" in odd
    assert "\\n" not in odd
    assert "\ue009" in odd
    assert "kept: 6 '-> See' links as relations of the claim they name" in result.report.lines()


@pytest.mark.realdata
def test_old_layout_crlf() -> None:
    g = import_file(realdata("kialo", HATE)).graph()
    assert len(g.claims) == 105
    assert types(g) == {"support": 42, "attack": 63}
    assert all("\r" not in c.text for c in g.claims.values())
    assert g.claim("1").text == "Hate speech should be banned."


@pytest.mark.realdata
def test_new_layout_multi_thesis_question_crlf() -> None:
    result = import_file(realdata("kialo", EDU))
    g = result.graph()
    assert g.model.question == (
        "What are the most important websites for self-education and research?"
    )
    assert g.model.title.startswith("What are the most useful educational resources")
    positions = g.positions
    assert len(positions) == 38
    assert positions[0].text == "Facebook"
    assert types(g) == {"support": 117, "attack": 79}
    # a text over five lines keeps its line breaks
    assert g.claim("1.2.1").text.endswith('kinds of:\nRelationships\nWork\nLeisure\nCulture"')
    # footnotes become documents; the claim names its sources
    claim = g.claim("1.1.4.1")
    assert claim.meta is not None
    assert claim.meta["kialo"]["sources"] == ["source-1"]
    doc = g.documents["source-1"]
    assert doc.url == (
        "https://www.statista.com/statistics/264810/"
        "number-of-monthly-active-facebook-users-worldwide/"
    )
    # excerpt lines after a source are kept in its note
    assert any(d.note and "Wikipedia" in d.note for d in g.documents.values())
    # links to other discussions become claims holding their title
    other = [c for c in g.claims.values() if c.id.startswith("discussion-")]
    assert len(other) == 7
    assert g.claims["discussion-34335"].text == "Wikipedia is a reliable source of information."
    lines = result.report.lines()
    assert (
        "kept: 7 links to other Kialo discussions as claims holding the other "
        "discussion's title" in lines
    )


@pytest.mark.realdata
def test_new_layout_lf_deep_with_sources() -> None:
    g = import_file(realdata("kialo", BIDEN)).graph()
    assert len(g.claims) == 226
    assert types(g) == {"support": 125, "attack": 109}
    assert max(c.id.count(".") for c in g.claims.values()) == 11
    assert len(g.documents) > 100
    assert g.documents["source-1"].title.startswith("today.law.harvard.edu")


SMALL_NEW = """Discussion Name:
Tea or coffee?

1. Thesis:
Tea is better than coffee.

  1.1. Pro:
  Tea has less caffeine [1].

    1.1.1. Con:
    -> See 1.2.

  1.2. Con:
  Coffee tastes better.
  Much better.

Sources:
[1] https://example.org/caffeine
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_new_layout_small(newline: str) -> None:
    g = from_kialo(SMALL_NEW.replace("\n", newline), path="tea.txt").graph()
    assert g.id == "tea"
    assert g.claim("1").kind == "position"
    assert g.claim("1.2").text == "Coffee tastes better.\nMuch better."
    assert {(r.type, r.source, r.target) for r in g.relations.values()} == {
        ("support", "1.1", "1"),
        ("attack", "1.2", "1"),
        ("attack", "1.2", "1.1"),
    }
    assert g.documents["source-1"].url == "https://example.org/caffeine"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("Title: no\n1. x\n", 1, "expected 'Discussion Title: ...' or 'Discussion Name:'"),
        ("Discussion Title: T\n\nhello\n", 3, "expected the first claim"),
        ("Discussion Title: T\n\n1. A\n1.2.1. Pro: B\n", 4, "has no parent 1.2."),
        ("Discussion Title: T\n\n1. A\n1.1. Pro: -> See 1.9.\n", 4, "points at no claim"),
        ("Discussion Title: T\n\n1. A\n1.1. Pro: B\n1.1. Con: C\n", 5, "appears twice"),
        ("Discussion Name:\n", 1, "followed by no name"),
        ("Discussion Title: T\n\n", 2, "no claims"),
    ],
)
def test_not_kialo(text: str, line: int, expected: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        from_kialo(text, path="k.txt")
    assert err.value.place == f"line {line}"
    assert expected in str(err.value)
