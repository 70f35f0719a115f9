"""Linked premises and relations aimed at relations in the diagrams: DOT (and SVG
through Graphviz) and Mermaid draw a junction where linked premises meet, an undercut or
a backing as an arrow into the junction of the inference it bears on, and say so in the
legend; text around them stays data."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from _support import needs_graphviz

from arggraph.formats import Report, export_graph
from arggraph.formats.dot import to_dot
from arggraph.formats.mermaid import to_mermaid
from arggraph.formats.sides import Side, sides
from arggraph.graph import Graph
from arggraph.model import Claim, GraphModel, Relation

TRICKY = '\\N \\G \\\\ &amp; "q" <b> ]'


def supply(
    question: str = "Hold the town?", undercut: str = "attack", text: str = "Shelled"
) -> Graph:
    """A linked support of a position, an attack on that inference, and a plain attack."""
    return Graph(
        GraphModel(
            question=question,
            claims=[
                Claim(id="hold", text="Hold the town", kind="position"),
                Claim(id="roads", text="The supply roads are open"),
                Claim(id="supplies", text="Open roads let supplies through", reconstructed=True),
                Claim(id="shelled", text=text),
                Claim(id="losses", text="Losses are too high"),
            ],
            relations=[
                Relation(
                    id="supplied",
                    type="support",
                    sources=["roads", "supplies"],
                    target="hold",
                    weight=0.8,
                ),
                Relation(id="cut", type=undercut, source="shelled", target="supplied"),
                Relation(type="attack", source="losses", target="hold"),
            ],
        )
    )


def lines_with(text: str, needle: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if needle in line]


def test_dot_draws_a_junction_for_linked_premises_and_an_arrow_into_it() -> None:
    text = to_dot(supply())
    # names: hold n0, roads n1, supplies n2, shelled n3, losses n4; the junction j0
    assert len(lines_with(text, "j0 [shape=circle")) == 1
    into = lines_with(text, "-> j0")
    assert [line.split(" [")[0] for line in into] == ["n0 -> j0"]  # conclusion above
    assert "arrowtail=normal" in into[0]
    assert 'label="×0.8"' in into[0]  # the weight is the inference's
    premises = [line.split(" [")[0] for line in lines_with(text, "dir=none")]
    assert premises == ["j0 -> n1", "j0 -> n2"]
    undercut = lines_with(text, "j0 -> n3")
    assert len(undercut) == 1
    assert "arrowtail=tee" in undercut[0]
    assert "n0 -> n4" in text  # the plain attack stays one edge
    assert "linked premises meet here" in text
    assert "an arrow into it undercuts it (attack) or backs it (support)" in text
    first = text.splitlines()[0]
    assert first == "// arggraph-diagram: nodes=6 edges=5 cycles=0"


def test_a_backing_is_a_support_into_the_junction() -> None:
    text = to_dot(supply(undercut="support"))
    backing = lines_with(text, "j0 -> n3")
    assert "arrowtail=normal" in backing[0]
    assert "the inference supplied (roads + supplies -> hold)" in backing[0]


def test_no_junction_no_legend_line() -> None:
    plain = Graph(
        GraphModel(
            claims=[Claim(id="a", text="A", kind="position"), Claim(id="b", text="B")],
            relations=[Relation(type="attack", source="b", target="a")],
        )
    )
    text = to_dot(plain)
    assert "j0" not in text
    assert "linked premises" not in text
    assert "%% ●" not in to_mermaid(plain)


def test_an_undercutter_serves_against_what_the_argument_serves() -> None:
    side = sides(supply())
    assert side["roads"] == Side("hold")
    assert side["supplies"] == Side("hold")
    assert side["shelled"] == Side("hold", against=True)
    assert sides(supply(undercut="support"))["shelled"] == Side("hold")


def test_a_focused_diagram_draws_an_inference_only_with_all_its_premises() -> None:
    g = supply()
    assert "j0" not in to_dot(g, focus="losses", depth=1)
    around = to_dot(g, focus="roads", depth=1)
    assert "j0 -> n3" in around  # the undercutter is a relation away from the premises


def test_the_diagrams_name_no_structure_as_lost() -> None:
    for fmt in ("dot", "mermaid"):
        report = Report()
        export_graph(supply(), fmt, report=report)
        assert not [line for line in report.lines() if "linked" in line or "aimed" in line]


def test_mermaid_draws_the_same_junction() -> None:
    text = to_mermaid(supply())
    assert '  j0((" "))' in text
    assert "  n1 --- j0" in text
    assert "  n2 --- j0" in text
    assert "  j0 --> n0" in text
    assert "  n3 -.-x j0" in text
    assert "  n4 -.-x n0" in text
    assert "  style j0 fill:#1b7837,stroke:#1b7837" in text
    assert "  %% ● linked premises meet here: they bear on the conclusion only together" in text
    # links are numbered in the order written: 0-2 the linked support, 3-4 the attacks
    assert "  linkStyle 0,1,2 stroke:#1b7837" in text
    assert "  linkStyle 3,4 stroke:#b2182b" in text


def test_mermaid_draws_an_undercut_linked_attack() -> None:
    g = Graph(
        GraphModel(
            claims=[Claim(id=x, text=x.upper()) for x in "abcu"],
            relations=[
                Relation(id="r", type="attack", sources=["a", "b"], target="c"),
                Relation(id="s", type="support", source="u", target="r"),
            ],
        )
    )
    text = to_mermaid(g)
    assert "  a -.- j0" not in text  # nodes are named, never by id
    assert "  n0 -.- j0" in text
    assert "  j0 -.-x n2" in text
    assert "  n3 --> j0" in text


# ---------------------------------------------------------------------- through Graphviz
def svg_of(dot: str) -> ET.Element:
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return ET.fromstring(done.stdout)


def tooltips(root: ET.Element) -> dict[str, str]:
    """SVG group title (node or edge name) -> its tooltip."""
    out = {}
    svg = "{http://www.w3.org/2000/svg}"
    for group in root.iter(f"{svg}g"):
        title = group.find(f"{svg}title")
        link = group.find(f".//{svg}a")
        if title is not None and link is not None and title.text:
            out[title.text] = link.get("{http://www.w3.org/1999/xlink}title", "")
    return out


@needs_graphviz
@pytest.mark.parametrize("question", ["Hold the town?", "   ", TRICKY])
@pytest.mark.parametrize("text", ["]", TRICKY, "Shelled"])
def test_graphviz_parses_it_and_keeps_the_text_literal(question: str, text: str) -> None:
    g = Graph(
        GraphModel(
            question=question,
            claims=[
                Claim(id="hold", text="Hold", kind="position"),
                Claim(id=f"a {TRICKY}", text=text),
                Claim(id="b", text="]"),
                Claim(id="u", text=text),
            ],
            relations=[
                Relation(
                    id=f"r {TRICKY}", type="support", sources=[f"a {TRICKY}", "b"], target="hold"
                ),
                Relation(id="cut", type="attack", source="u", target=f"r {TRICKY}"),
            ],
        )
    )
    root = svg_of(to_dot(g, label="actors"))
    tips = tooltips(root)
    assert tips["j0"] == f"r {TRICKY}: a {TRICKY} + b together support hold"
    assert tips["n1"].startswith(f"a {TRICKY}: {text}")
    assert tips["j0->n3"] == f"u attacks the inference r {TRICKY} (a {TRICKY} + b -> hold)"
    shown = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert f"a {TRICKY}" in " ".join(shown.split())
    if question.strip() == TRICKY:
        assert TRICKY in " ".join(shown.split())
    assert re.search(r"\]", shown)
