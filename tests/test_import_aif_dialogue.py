"""AIF dialogues as IAT annotates them: attributions keep their illocution (a host who only
asks endorses nothing), relations their argument scheme, and the export writes both back."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _support import ROOT, realdata

from arggraph.checks import check
from arggraph.formats import import_file
from arggraph.formats.aif import EXTRA_KEY, from_aif, to_aif
from arggraph.graph import Graph
from arggraph.model import Claim, GraphModel, Relation

QUESTION_TIME = ROOT / "tests" / "fixtures" / "aif" / "question-time.json"


def said(g: Graph) -> set[tuple[str, str, str | None]]:
    """(claim text, speaker, illocution) for every attribution of a claim."""
    return {
        (c.text, g.actors[a.actor].name, a.illocution)
        for c in g.claims.values()
        for a in c.attributions
    }


def findings(g: Graph, code: str) -> list[tuple[str, ...]]:
    return [f.ids for f in check(g, select=[code])]


def test_attributions_keep_their_illocution() -> None:
    g = import_file(QUESTION_TIME).graph()
    assert said(g) == {
        ("The lockdown came too late", "Fiona Bruce", "Pure Questioning"),
        ("The lockdown came when the science said it should", "Fiona Bruce", "Asserting"),
        ("Testing failed", "Fiona Bruce", "Assertive Questioning"),
        ("Testing worked in the end", "Fiona Bruce", "Asserting"),
        ("The modelling showed the lockdown's timing was right", "Chris Whitty", "Asserting"),
    }
    arguing = [str(a.illocution) for r in g.relations.values() for a in r.attributions]
    assert sorted(arguing) == ["Arguing", "Disagreeing", "Disagreeing"]


def test_a_host_who_only_asks_endorses_nothing() -> None:
    g = import_file(QUESTION_TIME).graph()
    # she asked whether it came too late and said it came in time: no contradiction;
    # she said testing failed (asking, but giving her view) and that it worked: one
    assert findings(g, "R001") == [("fiona-bruce", "113", "116", "ca118")]
    # both questions' claims are positions (argued about, arguing nothing): she takes one
    assert {c.id for c in g.positions} == {"103", "113"}
    assert findings(g, "R003") == []


def test_illocutions_survive_the_export_as_plain_aif() -> None:
    g = import_file(QUESTION_TIME).graph()
    data = json.loads(to_aif(g))
    ya = {n["text"] for n in data["nodes"] if n["type"] == "YA"}
    assert {"Pure Questioning", "Assertive Questioning", "Arguing", "Disagreeing"} <= ya
    assert {"PureQuestioning", "AssertiveQuestioning"} <= {
        n["scheme"] for n in data["nodes"] if n["type"] == "YA"
    }
    del data[EXTRA_KEY]
    back = from_aif(json.dumps(data)).graph()
    assert said(back) == said(g)


def scheme_nodes(data: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [
        (n["text"], n["scheme"], n.get("schemeID"))
        for n in data["nodes"]
        if n["type"] in ("RA", "CA", "MA")
    ]


def test_the_scheme_is_kept_on_the_relation_and_written_back() -> None:
    g = import_file(QUESTION_TIME).graph()
    expert = g.relations["ra124"]
    assert expert.scheme == "Argument From Expert Opinion"
    assert [r.scheme for r in g.relations.values() if r.id != "ra124"] == [None, None]
    data = json.loads(to_aif(g))
    assert ("Argument From Expert Opinion", "ArgumentFromExpertOpinion", "16") in scheme_nodes(data)
    del data[EXTRA_KEY]
    assert from_aif(json.dumps(data)).model.relations[-1].scheme == expert.scheme


def test_a_scheme_made_in_arggraph_is_written_as_aif_writes_schemes() -> None:
    g = Graph(
        GraphModel(
            id="g",
            claims=[Claim(id="p", text="P"), Claim(id="q", text="Q"), Claim(id="r", text="R")],
            relations=[
                Relation(type="support", source="q", target="p", scheme="Argument From Example"),
                Relation(type="attack", source="r", target="p"),
            ],
        )
    )
    data = json.loads(to_aif(g))
    assert scheme_nodes(data) == [
        ("Argument From Example", "Argument From Example", None),
        ("Default Conflict", "Default Conflict", "71"),
    ]
    del data[EXTRA_KEY]
    assert [r.scheme for r in from_aif(json.dumps(data)).model.relations] == [
        "Argument From Example",
        None,
    ]


@pytest.mark.realdata
def test_us2016_scheme_goes_back_as_it_came() -> None:
    g = import_file(realdata("aif", "us2016_nodeset10450.json")).graph()
    [authority] = [r for r in g.relations.values() if r.scheme]
    assert authority.scheme == "Argument From Authority"
    data = json.loads(to_aif(g))
    assert ("Argument From Authority", "ArgumentFromAuthority", "160") in scheme_nodes(data)


@pytest.mark.realdata
def test_qt30_reported_speech_is_no_endorsement() -> None:
    g = import_file(realdata("aif", "qt30_nodeset18317.json")).graph()
    reported = g.claim("542813").attributions
    assert [(g.actors[a.actor].name, a.illocution) for a in reported] == [
        ("Politicians", "Asserting"),
        ("Alex Massie", "Reporting"),
    ]
    # Alex Massie reported what politicians may say; he did not say it, so the conflict
    # between it and his own "looks to be a terrible mistake" is not his
    pairs = {ids[1:3] for ids in findings(g, "R001")}
    assert ("542804", "542813") not in pairs
    # what he said himself, and the annotators set against each other, still is
    assert ("542831", "542838") in pairs


@pytest.mark.realdata
def test_moral_maze_questions_and_concessions() -> None:
    g = import_file(realdata("aif", "moralmaze_nodeset6064_arguebuf.json")).graph()
    kinds = [a.illocution for c in g.claims.values() for a in c.attributions]
    assert kinds.count("Pure Questioning") == 1
    assert kinds.count("Popular Conceding") == 2
