"""Which claims an AIF import marks as positions: the top conclusions someone asks about,
else a map's only top conclusion, else none (the rule in :mod:`arggraph.formats.aif`)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _support import ROOT, realdata

from arggraph.checks import check
from arggraph.formats import import_file
from arggraph.formats.aif import from_aif


def aif(tops: int, asked: tuple[int, ...] = ()) -> str:
    """``tops`` arguments, each a premise supporting a conclusion of its own; the
    conclusions numbered in ``asked`` are asked about (Pure Questioning) by a host."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    for i in range(tops):
        nodes += [
            {"nodeID": f"c{i}", "text": f"Conclusion {i}", "type": "I"},
            {"nodeID": f"p{i}", "text": f"Premise {i}", "type": "I"},
            {"nodeID": f"ra{i}", "text": "Default Inference", "type": "RA"},
        ]
        edges += [{"fromID": f"p{i}", "toID": f"ra{i}"}, {"fromID": f"ra{i}", "toID": f"c{i}"}]
    for i in asked:
        nodes += [
            {"nodeID": f"l{i}", "text": f"Host : is it so that conclusion {i}?", "type": "L"},
            {"nodeID": f"ya{i}", "text": "Pure Questioning", "type": "YA"},
        ]
        edges += [{"fromID": f"l{i}", "toID": f"ya{i}"}, {"fromID": f"ya{i}", "toID": f"c{i}"}]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


def positions(text: str) -> tuple[list[str], list[str]]:
    result = from_aif(text)
    notes = [line for line in result.report.lines() if "position" in line]
    return sorted(c.id for c in result.graph().positions), notes


def test_one_argument_has_its_conclusion_as_position() -> None:
    found, notes = positions(aif(1))
    assert found == ["c0"]
    assert notes == [
        "note: marked the map's one top conclusion (argued for or against, arguing for or "
        "against nothing) as its position"
    ]


def test_several_top_conclusions_are_no_positions() -> None:
    found, notes = positions(aif(3))
    assert found == []
    assert notes == [
        "note: marked no position: the 3 top conclusions (argued for or against, arguing "
        "for or against nothing) are not said to answer one question; give the positions "
        'you compare kind "position" (c in arggraph tui)'
    ]


def test_the_top_conclusions_someone_asks_about_are_the_positions() -> None:
    found, notes = positions(aif(3, asked=(0, 2)))
    assert found == ["c0", "c2"]
    assert notes == [
        "note: marked 2 claims that someone asks about and that others argue for or "
        "against as positions"
    ]


def test_question_time_keeps_its_two_questions_as_positions() -> None:
    g = import_file(ROOT / "tests" / "fixtures" / "aif" / "question-time.json").graph()
    assert {c.id for c in g.positions} == {"103", "113"}


DIALOGUES = [
    "qt30_nodeset18317.json",
    "us2016_nodeset10450.json",
    "moralmaze_nodeset6064_arguebuf.json",
]
ARGUMENTS = {
    "araucaria_nodeset137.json": "1279",
    "microtexts_nodeset6414.json": "120398",
    "ova3_xaif_example_arguebuf.json": "2_164926129380455983",
}


@pytest.mark.realdata
@pytest.mark.parametrize("name", DIALOGUES)
def test_a_dialogue_corpus_has_no_positions_and_no_both_sides_errors(name: str) -> None:
    """AIFdb dialogues have several top conclusions and no question: none is a position,
    so no speaker is said to take both sides (R003) and no claim fails to reach one
    (S006); check notes the missing positions once (S008)."""
    g = import_file(realdata("aif", name)).graph()
    tops = {
        t
        for t in (r.target for r in g.relations.values())
        if t in g.claims and not any(t in r.premises for r in g.relations.values())
    }
    assert len(tops) > 1
    assert list(g.positions) == []
    codes = [f.code for f in check(g)]
    assert "R003" not in codes and "S006" not in codes
    assert codes.count("S008") == 1


@pytest.mark.realdata
@pytest.mark.parametrize(("name", "thesis"), sorted(ARGUMENTS.items()))
def test_a_single_argument_has_its_thesis_as_position(name: str, thesis: str) -> None:
    g = import_file(realdata("aif", name)).graph()
    assert [c.id for c in g.positions] == [thesis]
    assert "S008" not in [f.code for f in check(g)]
