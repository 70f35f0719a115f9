"""AIF import of real AIFdb/OVA files, the export, and round trips."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _support import BAKHMUT, needs_bakhmut, realdata, relation_triples

from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.aif import EXTRA_KEY, from_aif, speaker_and_words, to_aif
from arggraph.graph import Graph
from arggraph.io import load
from arggraph.model import GraphModel, Relation


def aif(relation: Relation) -> Any:
    """What the import kept of a relation's AIF node (in its ``meta``)."""
    assert relation.meta is not None, relation.id
    return relation.meta["aif"]


@pytest.mark.realdata
def test_qt30_dialogue() -> None:
    result = import_file(realdata("aif", "qt30_nodeset18317.json"))
    g = result.graph()
    assert len(g.claims) == 14  # the I nodes
    nodes = {aif(r)["node"]: aif(r)["type"] for r in g.relations.values()}
    kinds = list(nodes.values())
    assert kinds.count("RA") == 5
    assert kinds.count("CA") == 4
    assert kinds.count("MA") == 3
    assert len(g.relations) == 12  # one relation per S node
    # an RA with two premises is one support from both, linked
    linked = [r for r in g.relations.values() if r.sources is not None]
    assert [r.id for r in linked] == ["ra542833"]
    assert linked[0].sources == ["542831", "542826"]
    assert linked[0].target == "542821"
    # a rephrase is a support, marked as such
    ma = [r for r in g.relations.values() if r.meta and r.meta["aif"]["type"] == "MA"]
    for r in ma:
        assert r.type == "support", r.id
        assert "rephrase" in (r.note or ""), r.id
    # speakers from "Name : words", dates from the locutions, quotes verbatim
    names = {a.name for a in g.actors.values()}
    assert names == {"Alex Massie", "Politicians"}
    c = g.claim("542804")
    assert [(g.actors[a.actor].name, a.quote, a.date) for a in c.attributions] == [
        ("Alex Massie", "looks to be a terrible mistake", "2020-05-28")
    ]
    # reported speech: the reported speaker, and the one who reports
    att = g.claim("542813").attributions
    assert [g.actors[a.actor].name for a in att] == ["Politicians", "Alex Massie"]
    assert [a.illocution for a in att] == ["Asserting", "Reporting"]
    # the arguing speaker (TA -> YA -> RA) owns the relation
    rel = g.relations["ra542833"]
    assert [g.actors[a.actor].name for a in rel.attributions] == ["Alex Massie"]
    lines = "\n".join(result.report.lines())
    assert "dropped: 15 L nodes (locutions) that assert no proposition" in lines
    assert "dropped: 13 TA (transition) nodes" in lines
    assert "kept: 3 MA (rephrase) nodes as supports" in lines


@pytest.mark.realdata
def test_us2016_schemes_and_linked_conflict() -> None:
    g = import_file(realdata("aif", "us2016_nodeset10450.json")).graph()
    assert len(g.claims) == 23
    authority = [r for r in g.relations.values() if r.scheme == "Argument From Authority"]
    assert len(authority) == 1
    assert authority[0].type == "support"
    assert aif(authority[0])["scheme"] == "ArgumentFromAuthority"
    linked = {r.id: (r.type, len(r.premises)) for r in g.relations.values() if r.sources}
    assert linked == {
        "ca218388": ("attack", 2),
        "ra218425": ("support", 2),
        "ra218435": ("support", 2),
    }
    assert {g.actors[a.actor].name for c in g.claims.values() for a in c.attributions} == {
        "KELLY",
        "TRUMP",
    }


@pytest.mark.realdata
def test_moral_maze_analyst_prefix_is_not_a_speaker() -> None:
    g = import_file(realdata("aif", "moralmaze_nodeset6064_arguebuf.json")).graph()
    assert {a.name for a in g.actors.values()} == {"CL", "NL"}
    assert len(g.claims) == 9
    assert len(g.relations) == 5


@pytest.mark.realdata
def test_ova3_xaif_participants_and_int_ids() -> None:
    result = import_file(realdata("aif", "ova3_xaif_example_arguebuf.json"))
    g = result.graph()
    assert [c.text for c in g.claims.values()] == ["A", "B"]
    assert relation_triples(g) == {("support", "15_164926162804546033", "2_164926129380455983")}
    assert [a.name for a in g.actors.values()] == ["Participant Rachel"]
    att = g.claim("2_164926129380455983").attributions[0]
    assert (att.quote, att.date) == ("A", "2021-11-11")
    assert "because" in (g.model.meta or {})["aif_text"]
    assert "dropped: 1 OVA layout" in "\n".join(result.report.lines())


@pytest.mark.realdata
def test_araucaria_locutions_point_at_propositions() -> None:
    g = import_file(realdata("aif", "araucaria_nodeset137.json")).graph()
    assert len(g.claims) == 7
    assert len(g.relations) == 4
    assert {r.id: r.sources for r in g.relations.values() if r.sources} == {
        "ra1288": ["1282", "1283"],
        "ra1289": ["1284", "1285"],
    }
    schemes = {r.scheme for r in g.relations.values()}
    assert {"ExpertOpinion", "ExceptionalCase"} <= schemes
    assert g.claim("1279").attributions[0].actor == "person-1239"
    assert g.claim("1279").kind == "position"


@pytest.mark.realdata
def test_microtexts_attack_on_attack_is_an_undercut() -> None:
    result = import_file(realdata("aif", "microtexts_nodeset6414.json"))
    g = result.graph()
    assert result.model.format == "arggraph/1.1"
    assert len(g.relations) == 4
    undercut = g.relations["ca120406"]
    assert (undercut.type, undercut.premises, undercut.target) == ("attack", ["120402"], "ca120405")
    assert g.target_relation(undercut) is g.relations["ca120405"]
    assert g.relations["ra120404"].sources == ["120399", "120400"]
    assert not any("relation" in line for line in result.report.lines())
    # and the export writes it back as a CA node on the CA node
    data = json.loads(to_aif(g))
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    s_to_s = [e for e in data["edges"] if types[e["fromID"]] == "CA" and types[e["toID"]] == "CA"]
    assert len(s_to_s) == 1


@pytest.mark.realdata
@pytest.mark.parametrize(
    "name",
    [
        "qt30_nodeset18317.json",
        "us2016_nodeset10450.json",
        "moralmaze_nodeset6064_arguebuf.json",
        "ova3_xaif_example_arguebuf.json",
        "araucaria_nodeset137.json",
        "microtexts_nodeset6414.json",
    ],
)
def test_real_files_round_trip_through_the_export(name: str) -> None:
    first = import_file(realdata("aif", name)).model
    again = from_aif(to_aif(Graph(first))).model
    assert again == first


def structure(data: dict[str, Any]) -> dict[str, int]:
    """What "without loss" counts in an AIF file: its I, RA, CA and MA nodes, its S
    nodes with several premises (I nodes in), and its edges from an S node to an S node."""
    root = data["AIF"] if isinstance(data.get("AIF"), dict) else data
    types = {str(n["nodeID"]): n["type"] for n in root["nodes"]}
    edges = [(str(e["fromID"]), str(e["toID"])) for e in root["edges"]]
    s_nodes = {"RA", "CA", "MA"}
    out = {kind: sum(1 for t in types.values() if t == kind) for kind in ("I", *sorted(s_nodes))}
    premises: dict[str, int] = {}
    for a, b in edges:
        if types.get(a) == "I" and types.get(b) in s_nodes:
            premises[b] = premises.get(b, 0) + 1
    out["multi-premise"] = sum(1 for n in premises.values() if n > 1)
    out["S to S"] = sum(1 for a, b in edges if types.get(a) in s_nodes and types.get(b) in s_nodes)
    return out


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("name", "linked", "s_to_s"),
    [
        ("araucaria_nodeset137.json", 2, 0),
        ("us2016_nodeset10450.json", 3, 0),
        ("microtexts_nodeset6414.json", 1, 1),
        ("qt30_nodeset18317.json", 1, 0),
        ("moralmaze_nodeset6064_arguebuf.json", 0, 0),
        ("ova3_xaif_example_arguebuf.json", 0, 0),
    ],
)
def test_real_files_export_without_loss(name: str, linked: int, s_to_s: int) -> None:
    """Import, export, import: the same claims, relations (sources, targets, schemes)
    and attributions; and the export has the file's I, RA, CA and MA nodes, its
    multi-premise S nodes and its S-to-S edges."""
    path = realdata("aif", name)
    original = json.loads(path.read_text(encoding="utf-8"))
    first = import_file(path).model
    exported = to_aif(Graph(first))
    again = from_aif(exported).model
    for a, b in zip(first.relations, again.relations, strict=True):
        assert (a.id, a.type, a.premises, a.target, a.scheme) == (
            b.id,
            b.type,
            b.premises,
            b.target,
            b.scheme,
        )
        assert a.attributions == b.attributions
    assert [(c.id, c.text, c.attributions) for c in first.claims] == [
        (c.id, c.text, c.attributions) for c in again.claims
    ]
    counts = structure(original)
    assert (counts["multi-premise"], counts["S to S"]) == (linked, s_to_s)
    assert structure(json.loads(exported)) == counts
    # and the export read as plain AIF, without the arggraph object, has the same
    # structure between the same texts
    assert by_text(from_aif(strip_extra(exported)).model) == by_text(first)


def by_text(m: GraphModel) -> list[tuple[str, tuple[str, ...], str]]:
    """Each relation as (type, its premises' texts, its target's text, or the same of
    the relation it aims at)."""
    text = {c.id: c.text for c in m.claims}
    rels = {r.id: r for r in m.relations}

    def end(ident: str) -> str:
        if ident in text:
            return text[ident]
        r = rels[ident]
        return f"({' & '.join(text[p] for p in r.premises)} -> {end(r.target)})"

    return sorted((r.type, tuple(text[p] for p in r.premises), end(r.target)) for r in m.relations)


def strip_extra(text: str) -> str:
    data = json.loads(text)
    data.pop(EXTRA_KEY)
    return json.dumps(data)


def aif_view(g: Graph) -> tuple[Any, ...]:
    """What plain AIF holds: texts, relation types between texts (every premise of a
    linked one; a relation aimed at a relation names that one by its texts), and who said
    what in which words (with full dates)."""
    text_of = {cid: c.text for cid, c in g.claims.items()}

    def atts(items: list[Any]) -> frozenset[tuple[str, str, str | None]]:
        return frozenset(
            (g.actors[a.actor].name, a.quote, a.date if a.date and len(a.date) == 10 else None)
            for a in items
        )

    def end(ident: str) -> str:
        if ident in text_of:
            return text_of[ident]
        r = g.relations[ident]
        return f"({' & '.join(text_of[p] for p in r.premises)} -> {end(r.target)})"

    claims = sorted((c.text, atts(c.attributions)) for c in g.claims.values())
    rels = sorted(
        (r.type, tuple(text_of[p] for p in r.premises), end(r.target), atts(r.attributions))
        for r in g.relations.values()
    )
    return tuple(claims), tuple(rels)


@needs_bakhmut
def test_bakhmut_round_trip() -> None:
    """The bundled map (arggraph/1.1) through AIF and back: nothing lost with the
    ``arggraph`` object, and as plain AIF its texts, types, attributions, linked premises
    (one RA or CA node with several premises) and undercuts (an S node aimed at an RA
    node) are all there."""
    g = load(BAKHMUT)
    assert any(len(r.premises) > 1 for r in g.relations.values())
    assert any(r.target in g.relations for r in g.relations.values())
    text = to_aif(g)
    # with the arggraph object: nothing lost
    back = from_aif(text)
    assert not back.report.lines()
    assert back.model.model_dump(exclude={"schema_"}) == g.model.model_dump(exclude={"schema_"})
    # as plain AIF (as AIFdb or OVA would keep it): texts, types and attributions
    plain = from_aif(strip_extra(text))
    assert aif_view(plain.graph()) == aif_view(g)
    data = json.loads(text)
    assert {n["type"] for n in data["nodes"]} == {"I", "RA", "CA", "L", "YA"}
    assert len(data["locutions"]) == sum(len(c.attributions) for c in g.claims.values()) + sum(
        len(r.attributions) for r in g.relations.values()
    )
    kinds = {n["nodeID"]: n["type"] for n in data["nodes"]}
    into = [e["toID"] for e in data["edges"] if kinds[e["fromID"]] == "I"]
    linked = sum(1 for n, k in kinds.items() if k in ("RA", "CA") and into.count(n) > 1)
    s_to_s = sum(1 for e in data["edges"] if {kinds[e["fromID"]], kinds[e["toID"]]} <= {"RA", "CA"})
    assert linked == sum(1 for r in g.relations.values() if len(r.premises) > 1)
    assert s_to_s == sum(1 for r in g.relations.values() if r.target in g.relations)


def test_speaker_parsing() -> None:
    assert speaker_and_words("CL : when news first came") == ("CL", "when news first came")
    assert speaker_and_words("KELLY : For the record : yes") == ("KELLY", "For the record : yes")
    assert speaker_and_words("See https://x.org: a") == (None, "See https://x.org: a")


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("{", "line 1, column 2", "not JSON"),
        ("[]", None, "expected a JSON object"),
        ('{"nodes": []}', None, "expected an AIF object with 'nodes' and 'edges'"),
        ('{"AIF": {"nodes": 3, "edges": []}}', "AIF", "expected an AIF object"),
        ('{"nodes": [{"text": "x", "type": "I"}], "edges": []}', "nodes[0]", "without a nodeID"),
        ('{"nodes": [{"nodeID": 1, "text": "x"}], "edges": []}', "nodes[0].type", "has no type"),
        (
            '{"nodes": [{"nodeID": 1, "text": "x", "type": "I"}, {"nodeID": "1", "text": "y",'
            ' "type": "I"}], "edges": []}',
            "nodes[1].nodeID",
            "two nodes have the id '1'",
        ),
        ('{"nodes": [], "edges": [{"fromID": 1}]}', "edges[0]", "fromID and toID"),
        ('{"format": "arggraph/1", "id": "g"}', "format", "already an arggraph/1 graph"),
    ],
)
def test_malformed_aif_names_the_place(text: str, place: str | None, expected: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        from_aif(text, path="x.json")
    assert err.value.place == place
    assert expected in str(err.value)


def test_edges_to_missing_nodes_are_reported() -> None:
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": 1, "text": "A", "type": "I"},
                {"nodeID": 2, "text": "B", "type": "I"},
                {"nodeID": 3, "text": "RA", "type": "RA"},
            ],
            "edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2}, {"fromID": 9, "toID": 3}],
        }
    )
    result = from_aif(text)
    assert relation_triples(result.graph()) == {("support", "1", "2")}
    assert "dropped: 1 edge to a node that is not in the file" in result.report.lines()
