"""Mermaid flowcharts and GraphML: structure, escaping, attributes for network tools."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import networkx as nx

from arggraph.formats.graphml import from_graphml, to_graphml
from arggraph.formats.mermaid import escape_label, to_mermaid
from arggraph.graph import Graph
from arggraph.model import Actor, Attribution, Claim, GraphModel, Relation


def graph() -> Graph:
    return Graph(
        GraphModel(
            id="g",
            title="T",
            question='Go "now"?',
            actors=[Actor(id="a", name="Ana", kind="analyst")],
            claims=[
                Claim(id="go", text="We go", kind="position"),
                Claim(id="stay", text="We stay", kind="position"),
                Claim(
                    id="e",
                    text='He said "no" #1 <b>; ok & done `x`',
                    kind="evidence",
                    attributions=[Attribution(actor="a", quote="no")],
                ),
                Claim(id="c", text="A claim with a rather long text that must wrap over lines"),
            ],
            relations=[
                Relation(type="attack", source="go", target="stay"),
                Relation(type="support", source="e", target="go"),
                Relation(type="attack", source="c", target="e"),
            ],
        )
    )


def test_mermaid_structure() -> None:
    text = to_mermaid(graph(), strengths={"go": 0.6, "stay": 0.3, "e": 0.5, "c": 0.5})
    lines = text.splitlines()
    assert lines[:3] == ["---", 'title: "Go \\"now\\"?"', "---"]
    assert lines[3] == "flowchart BT"
    assert 'n0(["We go<br/>strength 0.60"])' in lines[5]
    assert any(line.startswith("  n2[/") and line.endswith("/]") for line in lines)  # evidence
    assert "  n0 -.-x n1" in lines
    assert "  n2 --> n0" in lines
    assert "  n3 -.-x n2" in lines
    link_styles = [line for line in lines if line.startswith("  linkStyle")]
    assert link_styles[0].startswith("  linkStyle 1 stroke:#1b7837")
    assert link_styles[1].startswith("  linkStyle 0,2 stroke:#b2182b")
    assert "stroke-dasharray" in link_styles[1]
    # every claim styled; positions with a thick border
    assert len([line for line in lines if line.startswith("  style n")]) == 4
    assert "stroke-width:3px" in next(x for x in lines if x.startswith("  style n0 "))


def test_mermaid_escapes_every_label() -> None:
    text = to_mermaid(graph())
    label = next(x for x in text.splitlines() if x.startswith("  n2["))
    inner = label[len('  n2[/"') : -len('"/]')]
    assert '"' not in inner
    assert "#1" not in inner
    assert "<b>" not in inner
    assert "#quot;no#quot; #35;1 #lt;b#gt;#59; ok #amp; done #96;x#96;" in inner
    assert escape_label("a\nb\x1b") == "a b\\x1b"


def test_mermaid_labels_focus_direction() -> None:
    text = to_mermaid(graph(), label="actors", focus="e", depth=1, rankdir="LR")
    assert "flowchart RL" in text
    assert "— Ana" in text
    assert "We stay" not in text  # two relations away from e
    ids = to_mermaid(graph(), label="id")
    assert '"e"' in ids
    assert "He said" not in ids
    assert len(re.findall(r"<br/>", to_mermaid(graph()))) >= 1  # long text wrapped


def test_graphml_for_network_tools() -> None:
    g = graph()
    text = to_graphml(g, strengths={"go": 0.6, "stay": 0.3, "e": 0.5, "c": 0.25})
    ET.fromstring(text.encode())
    nxg = nx.parse_graphml(text, force_multigraph=True)
    assert set(nxg.nodes) == {"go", "stay", "e", "c"}
    assert nxg.nodes["e"]["label"].startswith('He said "no"')
    assert nxg.nodes["e"]["kind"] == "evidence"
    assert nxg.nodes["c"]["strength"] == 0.25
    assert nxg.nodes["e"]["side"] == "go"
    assert nxg.nodes["c"]["side"] == "stay"
    edge = nxg.edges["c", "e", "attack:c->e"]
    assert edge["type"] == "attack"
    assert edge["weight"] == 1.0
    assert nxg.graph["question"] == 'Go "now"?'
    back = from_graphml(text).model
    assert back.model_dump() == g.model.model_dump()


def test_graphml_from_other_tools() -> None:
    # a plain networkx graph: no types, labels or arggraph attributes
    plain = nx.DiGraph()
    plain.add_edge("x", "y")
    result = from_graphml("\n".join(nx.generate_graphml(plain)), path="net.graphml")
    g = result.graph()
    assert g.id == "net"
    assert g.claim("x").text == "x"
    assert [r.type for r in g.relations.values()] == ["support"]
    assert result.report.lines() == [
        "kept: 1 edge whose kind the file does not say as support, marked in meta "
        "(graphml.kind: unknown)",
        "note: edges of unknown kind: x -> y",
    ]
