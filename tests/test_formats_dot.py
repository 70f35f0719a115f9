"""The Graphviz argument map: structure, conventions, hostile text, rendering."""

from __future__ import annotations

import re
import subprocess
import warnings
import xml.etree.ElementTree as ET

import pydot
import pytest
from _support import BAKHMUT, HAVE_DOT, needs_bakhmut, needs_graphviz

from arggraph.errors import ToolMissingError, UnknownIdError, UsageError
from arggraph.formats import render as render_mod
from arggraph.formats.dot import read_stats, to_dot
from arggraph.formats.render import choose_layout, engine_args, render
from arggraph.formats.sides import MIXED, Side, sides
from arggraph.graph import Graph
from arggraph.io import load
from arggraph.model import Actor, Attribution, Claim, Document, GraphModel, Relation

HOSTILE = [
    '"; n0 -> n1; evil [label="pwn',
    "</TD></TR></TABLE>>]; x [label=<",
    "\\N \\G \\L \\E \\T \\H back\\slash \\",
    "<<B>bold</B>> &amp; &#x41; & &lt;",
    "{a|b} | <port> record",
    "bell\x07 esc\x1b[31m nul\x00 del\x7f c1\x85",
    "bidi\u202eevil\u2066 zero\u200f",
    "line one\nline two\r\nline three\rend",
    "emoji \U0001f600 and ]]> and <!-- comment -->",
    "tab\there 'single' \"double\" `back`",
]


def hostile_graph() -> Graph:
    claims = [Claim(id="pos", text="The position", kind="position")]
    for i, text in enumerate(HOSTILE):
        claims.append(
            Claim(
                id=f'c{i}"<&>\\',
                text=text,
                kind="evidence" if i % 2 else "claim",
                attributions=[Attribution(actor='a<"&>', quote=text)],
            )
        )
    relations = [
        Relation(type="attack" if i % 2 else "support", source=c.id, target="pos")
        for i, c in enumerate(claims[1:])
    ]
    return Graph(
        GraphModel(
            id="hostile",
            title='Title "with" <tags> & \\N',
            question="Q \\G <b>?\n\x1b",
            actors=[Actor(id='a<"&>', name='Name "<&>" \\N\x1b', kind="analyst")],
            documents=[Document(id="d", title="Doc <&> \\")],
            claims=claims,
            relations=relations,
        )
    )


def small() -> Graph:
    return Graph(
        GraphModel(
            id="g",
            title="Hold or go",
            question="Should we go?",
            actors=[
                Actor(id="ana", name="Ana Analyst", kind="analyst"),
                Actor(id="bo", name="Bo Official", kind="official"),
            ],
            documents=[
                Document(id="d1", title="Report one"),
                Document(id="d2", title="Report two"),
            ],
            claims=[
                Claim(id="go", text="We should go", kind="position"),
                Claim(id="stay", text="We should stay", kind="position"),
                Claim(
                    id="cheap",
                    text="Going is cheap",
                    attributions=[Attribution(actor="ana", document="d1", quote="cheap")],
                ),
                Claim(
                    id="costly",
                    text="Going costs a lot",
                    kind="evidence",
                    attributions=[Attribution(actor="bo", document="d2", quote="costly")],
                ),
                Claim(id="lonely", text="Unrelated claim"),
            ],
            relations=[
                Relation(type="attack", source="go", target="stay"),
                Relation(type="support", source="cheap", target="go"),
                Relation(type="attack", source="costly", target="cheap", weight=0.5),
            ],
        )
    )


def parse(dot_text: str) -> pydot.Dot:
    # pydot's parser uses pyparsing names that pyparsing 3.3 deprecates; the
    # warning is pydot's business, not a failure of the DOT text under test.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graphs = pydot.graph_from_dot_data(dot_text)
    assert graphs is not None
    assert len(graphs) == 1
    return graphs[0]


def all_nodes(g: pydot.Graph) -> dict[str, pydot.Node]:
    """Node statements by name; the one with a label wins over bare mentions such as
    those in a ``{ rank=same; ... }`` group."""
    out: dict[str, pydot.Node] = {}
    for n in g.get_nodes():
        if n.get_name() not in out or n.get("label") is not None:
            out[n.get_name()] = n
    for sub in g.get_subgraphs():
        for name, n in all_nodes(sub).items():
            if name not in out or n.get("label") is not None:
                out[name] = n
    return out


def source(e: pydot.Edge) -> str:
    """The node an edge leaves (pydot types an end as a name, a number or a port)."""
    name = e.get_source()
    assert isinstance(name, str), name
    return name


def all_edges(g: pydot.Graph) -> list[pydot.Edge]:
    out = list(g.get_edges())
    for sub in g.get_subgraphs():
        out.extend(all_edges(sub))
    return out


# ---------------------------------------------------------------------- structure
def test_nodes_edges_and_conventions() -> None:
    g = small()
    text = to_dot(g, strengths={"go": 0.7, "stay": 0.2, "cheap": 0.9, "costly": 0.4, "lonely": 0.5})
    dot = parse(text)
    nodes = all_nodes(dot)
    claim_nodes = {k: v for k, v in nodes.items() if re.fullmatch(r"n\d+", k)}
    assert len(claim_nodes) == 5
    edges = [e for e in all_edges(dot) if source(e).startswith("n")]
    assert len(edges) == 3
    by_pair = {(e.get_source(), e.get_destination()): e for e in edges}
    # targets first, drawn back to the source: the target ranks above
    support = by_pair[("n0", "n2")]
    attack = by_pair[("n2", "n3")]
    assert support.get("dir") == "back"
    assert attack.get("dir") == "back"
    # colour, line style and arrowhead all differ
    assert support.get("color") != attack.get("color")
    assert support.get("style") == "solid"
    assert attack.get("style") == "dashed"
    assert support.get("arrowtail") == "normal"
    assert attack.get("arrowtail") == "tee"
    # a weight other than 1 is printed on the edge
    assert attack.get("label") == '"×0.5"'
    # positions are bold, evidence a note; the question is the title
    assert "bold" in nodes["n0"].get("style")
    assert nodes["n3"].get("shape") == "note"
    assert "Should we go?" in text
    # the strength figure and bar
    assert "0.90" in nodes["n2"].get("label")
    assert "base 0.50" in nodes["n2"].get("label")
    assert "cluster_legend" in text
    assert "supports" in text
    assert "attacks" in text


def test_fill_deepens_with_strength_and_follows_side() -> None:
    g = small()
    weak = to_dot(g, strengths={c: 0.1 for c in g.claims})
    strong = to_dot(g, strengths={c: 0.9 for c in g.claims})
    fill_weak = all_nodes(parse(weak))["n2"].get("fillcolor")
    fill_strong = all_nodes(parse(strong))["n2"].get("fillcolor")
    assert fill_weak != fill_strong
    # "cheap" serves go, "costly" attacks it and so serves stay: different hues
    nodes = all_nodes(parse(strong))
    assert nodes["n2"].get("fillcolor") != nodes["n3"].get("fillcolor")
    assert nodes["n2"].get("fillcolor") != nodes["n4"].get("fillcolor")  # no side: grey


def test_sides_follow_the_chain_of_relations() -> None:
    s = sides(small())
    assert s["cheap"] == Side("go")
    assert s["costly"] == Side("stay")
    assert "lonely" not in s
    # one position only: attacking it is serving *against* it
    g = Graph(
        GraphModel(
            id="g",
            claims=[
                Claim(id="p", text="P", kind="position"),
                Claim(id="x", text="X"),
                Claim(id="y", text="Y"),
            ],
            relations=[
                Relation(type="attack", source="x", target="p"),
                Relation(type="support", source="y", target="x"),
            ],
        )
    )
    assert sides(g)["y"] == Side("p", against=True)
    # equally near to both sides: mixed
    g = Graph(
        GraphModel(
            id="g",
            claims=[
                Claim(id="a", text="A", kind="position"),
                Claim(id="b", text="B", kind="position"),
                Claim(id="m", text="M"),
            ],
            relations=[
                Relation(type="support", source="m", target="a"),
                Relation(type="support", source="m", target="b"),
            ],
        )
    )
    assert sides(g)["m"] == MIXED


def test_label_modes() -> None:
    g = small()
    actors = to_dot(g, label="actors")
    assert "Ana Analyst" in actors
    assert "Bo Official" in actors
    ids = to_dot(g, label="id")
    assert "Going is cheap" not in ids.split("tooltip")[0]
    assert "cheap" in ids


def test_clusters_group_by_first_attribution() -> None:
    g = small()
    for mode, names in (
        ("actor", ("Ana Analyst", "Bo Official")),
        ("document", ("Report one", "Report two")),
    ):
        dot = parse(to_dot(g, cluster=mode))
        clusters = [
            s
            for s in dot.get_subgraphs()
            if (s.get_name() or "").startswith("cluster_") and s.get_name() != "cluster_legend"
        ]
        assert len(clusters) == 2
        labels = " ".join(str(c.get("label")) for c in clusters)
        assert all(n in labels for n in names)


def test_focus_depth_and_rankdir() -> None:
    g = small()
    text = to_dot(g, focus="costly", depth=1, rankdir="LR")
    nodes = {k for k in all_nodes(parse(text)) if re.fullmatch(r"n\d+", k)}
    assert nodes == {"n2", "n3"}  # costly and what it attacks
    assert "rankdir=LR" in text
    assert "around costly (depth 1)" in text
    assert read_stats(text) is not None
    stats = read_stats(text)
    assert stats is not None
    assert stats.nodes == 2
    deeper = to_dot(g, focus="costly", depth=2)
    assert len({k for k in all_nodes(parse(deeper)) if re.fullmatch(r"n\d+", k)}) == 3
    with pytest.raises(UnknownIdError, match="did you mean 'costly'"):
        to_dot(g, focus="costy")
    with pytest.raises(UsageError):
        to_dot(g, depth=2)
    with pytest.raises(UsageError):
        to_dot(g, rankdir="XY")


def test_many_arguments_are_staggered() -> None:
    claims = [Claim(id="p", text="P", kind="position")]
    claims += [Claim(id=f"c{i}", text=f"C{i}") for i in range(12)]
    rels = [Relation(type="support", source=f"c{i}", target="p") for i in range(12)]
    text = to_dot(Graph(GraphModel(id="g", claims=claims, relations=rels)))
    assert "minlen=2" in text
    assert "minlen=3" in text


# ---------------------------------------------------------------------- hostile text
def test_hostile_text_stays_data_for_pydot() -> None:
    g = hostile_graph()
    text = to_dot(g, strengths={c: 0.5 for c in g.claims}, label="actors", cluster="actor")
    for ch in "\x00\x07\x1b\x7f\x85\u202e\u2066\u200f\r":
        assert ch not in text
    dot = parse(text)
    names = set(all_nodes(dot))
    assert "evil" not in names
    assert "x" not in names
    claim_nodes = {k for k in names if re.fullmatch(r"n\d+", k)}
    assert len(claim_nodes) == len(g.claims)
    assert len([e for e in all_edges(dot) if source(e).startswith("n")]) == len(HOSTILE)


@needs_graphviz
def test_hostile_text_renders_and_reads_back_verbatim() -> None:
    g = hostile_graph()
    text = to_dot(g, label="actors")
    svg = render(text, "svg", "dot")
    root = ET.fromstring(svg)  # well-formed XML: no control character got through
    shown = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    shown = " ".join(shown.split())
    for piece in (
        '"; n0 -> n1; evil [label="pwn',
        "</TD></TR></TABLE>>];",
        "\\N \\G \\L",
        "<<B>bold</B>> &amp; &#x41; &",
        "{a|b} | <port>",
        "esc\\x1b[31m",
        "bidi\\u202eevil",
        "]]> and <!-- comment -->",
    ):
        assert piece in shown, piece
    assert 'Name "<&>" \\N\\x1b' in shown
    # dot itself parses the DOT text (canonical output has the same nodes)
    canon = subprocess.run(
        ["dot", "-Tcanon"], input=text.encode(), capture_output=True, check=True
    ).stdout.decode()
    assert "evil" not in re.findall(r"^\s*(\w+)\s*\[", canon, re.MULTILINE)


# ---------------------------------------------------------------------- rendering
@needs_graphviz
@pytest.mark.parametrize(
    ("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")]
)
def test_render_formats(fmt: str, magic: bytes) -> None:
    data = render(to_dot(small(), strengths={c: 0.5 for c in small().claims}), fmt)
    assert data.startswith(magic)


@needs_graphviz
def test_render_layouts_and_errors() -> None:
    text = to_dot(small())
    for layout in ("dot", "sfdp", "neato"):
        assert render(text, "svg", layout).startswith(b"<?xml")
    with pytest.raises(UsageError):
        render(text, "gif")
    with pytest.raises(UsageError):
        render(text, "svg", "circo")
    with pytest.raises(render_mod.RenderError, match="Graphviz dot failed"):
        render("digraph { a -> }", "svg", "dot")


def test_missing_graphviz_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("arggraph.formats.render.shutil.which", lambda name: None)
    with pytest.raises(ToolMissingError) as err:
        render(to_dot(small()), "svg")
    message = str(err.value)
    assert "apt-get install graphviz" in message
    assert "brew install graphviz" in message
    assert "--to dot" in message
    assert err.value.exit_code == 2


def test_layout_auto_by_size_and_shape() -> None:
    def stats(nodes: int, edges: int, cycles: int) -> str:
        return f"// arggraph-diagram: nodes={nodes} edges={edges} cycles={cycles}\ndigraph {{}}"

    assert choose_layout(stats(81, 97, 17)) == "dot"
    assert choose_layout(stats(150, 440, 291)) == "dot"
    assert "-Gnslimit=1" in engine_args("dot", stats(150, 440, 291))
    assert "-Gnslimit=1" not in engine_args("dot", stats(81, 97, 17))
    assert choose_layout(stats(1000, 3000, 2001)) == "sfdp"
    # a debate: a tree below two positions that attack each other
    assert choose_layout(stats(2000, 2000, 1)) == "dot"
    assert choose_layout(stats(10000, 10000, 1)) == "sfdp"
    # the stats line counts cycles, directions ignored
    claims = [Claim(id=x, text=x) for x in "abcd"]
    rels = [
        Relation(type="support", source="b", target="a"),
        Relation(type="attack", source="c", target="a"),
        Relation(type="attack", source="a", target="c"),
    ]
    line = read_stats(to_dot(Graph(GraphModel(id="g", claims=claims, relations=rels))))
    assert line is not None
    assert (line.nodes, line.edges, line.cycles) == (4, 3, 1)
    # DOT text from elsewhere is estimated from its edges
    foreign = "digraph {\n" + "".join(f"a{i} -> a{(i * 7) % 900};\n" for i in range(900))
    assert choose_layout(foreign + "}") == "sfdp"


@pytest.mark.slow
@needs_bakhmut
def test_bakhmut_diagram_parses() -> None:
    from arggraph.semantics.gradual import score

    g = load(BAKHMUT)
    text = to_dot(g, strengths=score(g), label="actors", semantics="DF-QuAD")
    dot = parse(text)
    assert len([n for n in all_nodes(dot) if re.fullmatch(r"n\d+", n)]) == len(g.claims)
    if HAVE_DOT:
        assert render(text, "svg").startswith(b"<?xml")
