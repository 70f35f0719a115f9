"""GraphML from other tools: edges without ids or with repeated ones (networkx multigraphs),
yEd files as Argdown's export writes them (groups, HTML labels, kinds drawn as colours),
and bad files named with their line."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from _support import ROOT

from arggraph.cli import main
from arggraph.errors import ImportFormatError
from arggraph.formats import import_file
from arggraph.formats.graphml import from_graphml, to_graphml
from arggraph.graph import Graph
from arggraph.io import loads

FIXTURES = ROOT / "tests" / "fixtures"
YED = FIXTURES / "graphml" / "vaccination-argdown-yed.graphml"


def triples(g: Graph) -> list[tuple[str, str, str, str]]:
    return [(r.id, r.type, r.premises[0], r.target) for r in g.relations.values()]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_networkx_multigraph_as_networkx_writes_it(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="Cheap")
    g.add_node("b", label="Buy")
    g.add_node("c", label="Ugly")
    g.add_edge("a", "b", type="support")
    g.add_edge("a", "b", type="support")  # a second edge between the same nodes
    g.add_edge("c", "b", type="attack")
    path = tmp_path / "multi.graphml"
    nx.write_graphml(g, path)
    text = path.read_text(encoding="utf-8")
    assert text.count('id="0"') == 2  # networkx numbers each pair's edges from 0
    result = import_file(path)
    back = result.graph()
    assert [(c.id, c.text) for c in back.claims.values()] == [
        ("a", "Cheap"),
        ("b", "Buy"),
        ("c", "Ugly"),
    ]
    assert triples(back) == [
        ("support:a->b", "support", "a", "b"),
        ("support:a->b-2", "support", "a", "b"),
        ("attack:c->b", "attack", "c", "b"),
    ]
    assert result.report.lines() == [
        "note: the edges' ids are missing or repeated (as networkx writes multigraphs): "
        "relation ids are made from type, source and target"
    ]


def test_edges_without_ids() -> None:
    text = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge source="a" target="b"><data key="k">con</data></edge>
    <edge source="c" target="b"><data key="k">pro</data></edge>
  </graph>
</graphml>"""
    result = from_graphml(text, path="net.graphml")
    assert triples(result.graph()) == [
        ("attack:a->b", "attack", "a", "b"),
        ("support:c->b", "support", "c", "b"),
    ]
    assert result.report.lines() == []


def test_one_edge_with_an_id_keeps_it() -> None:
    text = (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
        '<node id="a"/><node id="b"/><edge id="e7" source="a" target="b"/></graph></graphml>'
    )
    result = from_graphml(text)
    assert [r.id for r in result.model.relations] == ["e7"]
    assert result.report.lines() == [
        "kept: 1 edge whose kind the file does not say as support, marked in meta "
        "(graphml.kind: unknown)",
        "note: edges of unknown kind: e7 (a -> b)",
    ]
    assert result.model.relations[0].meta == {"graphml": {"kind": "unknown"}}


def test_every_edge_of_unknown_kind_is_named() -> None:
    edges = "".join(f'<edge source="n{i}" target="n{i + 1}"/>' for i in range(25))
    nodes = "".join(f'<node id="n{i}"/>' for i in range(26))
    text = f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>{nodes}{edges}</graph></graphml>'
    result = from_graphml(text)
    lines = result.report.lines()
    assert lines[0].startswith("kept: 25 edges whose kind the file does not say")
    assert lines[1].startswith("note: edges of unknown kind: n0 -> n1, n1 -> n2, ")
    assert lines[1].endswith("n19 -> n20 and 5 more")
    unknown = [r for r in result.model.relations if r.meta == {"graphml": {"kind": "unknown"}}]
    assert len(unknown) == 25


def test_argdown_yed_export() -> None:
    result = import_file(YED)
    g = result.graph()
    # the two sections are groups, not claims; their members keep them
    assert list(g.claims) == ["n0", "n1", "n3", "n4", "n5", "n2"]
    mandate = g.claim("n0")
    assert mandate.text == "The city should make the vaccine mandatory for care workers."
    assert mandate.meta == {"graphml": {"title": "Mandate", "group": "Costs & benefits"}}
    trial = g.claim("n2")
    assert trial.text.startswith("A trial in Ålesund found 60% fewer infections")
    assert trial.meta is not None
    assert trial.meta["graphml"]["groups"] == ["Costs & benefits", "Evidence"]
    # kinds from Argdown's colours: green support, red attack, purple undercut, and a
    # contradiction (diamonds at both ends) is an attack each way
    assert triples(g) == [
        ("e1", "support", "n3", "n0"),
        ("e2", "attack", "n5", "n4"),
        ("e3", "attack", "n4", "n0"),
        ("e4", "attack", "n0", "n1"),
        ("attack:n1->n0", "attack", "n1", "n0"),
        ("e5", "support", "n2", "n3"),
    ]
    assert g.relations["e2"].meta == {"graphml": {"relation": "undercut"}}
    assert g.relations["attack:n1->n0"].meta == {"graphml": {"relation": "contradiction"}}
    assert result.report.lines() == [
        "kept: 2 group nodes as their members' meta (graphml.group), not as claims",
        "note: read the kind of 5 edges from their colour, as Argdown's yEd export draws "
        "them (red attack, green support, purple undercut)",
    ]


def test_a_yed_file_says_kinds_by_edge_labels_and_only_so() -> None:
    text = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode>
      <y:NodeLabel>&lt;html&gt;&lt;b&gt;Tax&lt;/b&gt;
        sugar &amp;amp; salt&lt;/html&gt;</y:NodeLabel>
    </y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Prices
rise</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n2"><data key="d6"><y:ShapeNode>
      <y:NodeLabel>Health</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n1" target="n0"><data key="d10"><y:PolyLineEdge>
      <y:LineStyle color="#000000" type="line" width="1.0"/>
      <y:EdgeLabel>attack</y:EdgeLabel></y:PolyLineEdge></data></edge>
    <edge id="e1" source="n2" target="n0"><data key="d10"><y:PolyLineEdge>
      <y:LineStyle color="#3366FF" type="line" width="1.0"/></y:PolyLineEdge></data></edge>
  </graph>
</graphml>"""
    result = from_graphml(text)
    g = result.graph()
    assert [c.text for c in g.claims.values()] == ["Tax sugar & salt", "Prices\nrise", "Health"]
    assert triples(g) == [("e0", "attack", "n1", "n0"), ("e1", "support", "n2", "n0")]
    assert "note: edges of unknown kind: e1 (n2 -> n0)" in result.report.lines()


def test_arggraph_graphml_still_round_trips() -> None:
    g = loads(
        '{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"},'
        ' {"id": "b", "text": "B"}], "relations": [{"id": "r", "type": "attack", "source": "a",'
        ' "target": "b", "scheme": "Argument From Analogy", "weight": 0.25}]}'
    )
    back = from_graphml(to_graphml(g))
    assert back.model == g.model
    assert back.report.lines() == []


@pytest.mark.parametrize(
    ("text", "place", "message"),
    [
        ("<graphml><graph><node id='a'></graph></graphml>", "line 1, column 32", "not XML"),
        ("<html/>", "line 1", "not GraphML: the root element is <html>"),
        ("<graphml/>", "line 1", "no <graph>"),
        (
            "<graphml><graph>\n<node id='a'/>\n<node id='a'/></graph></graphml>",
            "line 3",
            "node 'a' is declared twice (first on line 2)",
        ),
        (
            "<graphml><graph><node id='a'/>\n<edge source='a' target='b'/></graph></graphml>",
            "line 2",
            "edge a -> b names node 'b', which no <node> declares",
        ),
        (
            "<graphml><key id='w' for='edge' attr.name='weight' attr.type='double'/><graph>"
            "<node id='a'/>\n<edge id='x' source='a' target='a'><data key='w'>heavy</data>"
            "</edge></graph></graphml>",
            "line 2",
            "edge 'x': 'weight' should be a double, found 'heavy'",
        ),
        (
            '<!DOCTYPE graphml [<!ENTITY lol "lol">]>\n<graphml/>',
            "line 1",
            "declares XML entities",
        ),
    ],
)
def test_bad_graphml_names_the_place(text: str, place: str, message: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        from_graphml(text, path="bad.graphml")
    assert err.value.place == place
    assert message in str(err.value)


def test_bad_graphml_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text("<graphml><graph>\n<edge source='x' target='y'/></graph></graphml>")
    code, out, err = run(["import", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"arggraph: error: {path}: line 2: edge x -> y names node 'x', which no <node> declares\n"
    )
