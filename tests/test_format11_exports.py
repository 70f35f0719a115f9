"""Exports of arggraph/1.1 graphs: GraphML keeps everything; every other format writes
the rest and names what it left out, through the registry's loss statements."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main
from arggraph.formats import Report, export_graph, registry
from arggraph.formats.graphml_read import from_graphml
from arggraph.graph import Graph
from arggraph.io import dump_graph, loads

HAVE_DOT = shutil.which("dot") is not None

DATA: dict[str, Any] = {
    "format": "arggraph/1.1",
    "id": "new",
    "title": "New parts",
    "question": "Hold?",
    "actors": [{"id": "ana", "name": "Ana", "kind": "analyst"}],
    "documents": [
        {
            "id": "d",
            "title": "D",
            "published": "2023-02-27/2023-03-05",
            "sha256": "0f" * 32,
            "accessed": "2024-01-02",
        }
    ],
    "claims": [
        {"id": "p", "text": "Hold", "kind": "position"},
        {"id": "a", "text": "A", "attributions": [{"actor": "ana", "document": "d"}]},
        {"id": "b", "text": "B", "reconstructed": True},
        {"id": "u", "text": "U", "date": "2023/2024"},
        {"id": "c", "text": "C"},
    ],
    "relations": [
        {"id": "linked", "type": "support", "sources": ["a", "b"], "target": "p"},
        {"id": "undercut", "type": "attack", "source": "u", "target": "linked"},
        {"id": "plain", "type": "attack", "source": "c", "target": "p"},
        {"id": "r1", "type": "attack", "source": "c", "target": "r2"},
        {"id": "r2", "type": "support", "sources": ["a", "u"], "target": "r1"},
    ],
}

#: The formats that write linked premises and relations aimed at relations.
HOLD_THEM = {"graphml", "aif", "dot", "svg", "png", "pdf", "mermaid", "argdown"}
LINKED = "relations with linked premises"
AIMED = "relations aimed at relations"


def graph() -> Graph:
    return loads(json.dumps(DATA), path="new.json")


@pytest.mark.parametrize("entry", registry.exports(), ids=lambda f: f.name)
def test_every_format_writes_the_rest_and_names_what_it_left_out(
    entry: registry.Format,
) -> None:
    if entry.graphviz and not HAVE_DOT:
        pytest.skip("Graphviz is not installed")
    report = Report()
    out = export_graph(graph(), entry.name, report=report)
    assert out
    lines = report.lines()
    if entry.name in HOLD_THEM:
        assert not any("linked" in line or "aimed at" in line for line in lines)
        return
    assert any(line.startswith(f"dropped: 2 {LINKED} (") for line in lines), lines
    assert any(line.startswith(f"dropped: 2 {AIMED} (") for line in lines), lines


def test_the_export_command_says_it_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(DATA), encoding="utf-8")
    assert main(["export", str(path), "--to", "bag"]) == 0
    out, err = capsys.readouterr()
    assert (
        "arggraph: dropped: 2 relations with linked premises (BAG joins one claim to one claim)"
    ) in err
    aimed = "arggraph: dropped: 2 relations aimed at relations (BAG aims relations at claims only)"
    assert aimed in err
    assert "att(c, p)." in out  # the plain attack is written


def test_a_diagram_names_no_structure_as_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(DATA), encoding="utf-8")
    assert main(["export", str(path), "--to", "mermaid"]) == 0
    out, err = capsys.readouterr()
    assert "linked" not in err
    assert "aimed at" not in err
    assert "arggraph: dropped: 1 reconstructed mark (a diagram shows none)" in err
    assert "c -.-x" in out or "-.-x" in out  # the plain attack is drawn


def test_the_counts_keep_linked_and_aimed_apart() -> None:
    report = Report()
    export_graph(graph(), "apx", report=report)
    lines = report.lines()
    assert "dropped: 2 relations with linked premises (apx joins one claim to one claim)" in lines
    assert "dropped: 2 relations aimed at relations (apx aims relations at claims only)" in lines


def test_graphml_is_lossless() -> None:
    g = graph()
    text = export_graph(g, "graphml", semantics=None).decode("utf-8")
    assert "arggraph/1.1" in text
    back = from_graphml(text).model
    assert back.format == "arggraph/1.1"
    assert json.loads(dump_graph(back)) == json.loads(dump_graph(g.model))


def test_graphml_of_an_old_graph_still_says_arggraph_1() -> None:
    old = loads(
        json.dumps(
            {
                "format": "arggraph/1",
                "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                "relations": [{"type": "attack", "source": "a", "target": "b"}],
            }
        )
    )
    text = export_graph(old, "graphml", semantics=None).decode("utf-8")
    assert ">arggraph/1<" in text


def test_argdown_keeps_the_reconstructed_mark() -> None:
    from arggraph.formats.argdown import from_argdown

    text = export_graph(graph(), "argdown").decode("utf-8")
    assert '"reconstructed": true' in text
    back = from_argdown(text).model
    assert [c.id for c in back.claims if c.reconstructed] == ["b"]
    assert back.format == "arggraph/1.1"
    assert {d.id: d.sha256 for d in back.documents} == {"d": "0f" * 32}


def test_aif_is_lossless() -> None:
    from arggraph.formats.aif import from_aif

    g = graph()
    back = from_aif(export_graph(g, "aif").decode("utf-8")).model
    assert [c.id for c in back.claims if c.reconstructed] == ["b"]
    assert back.documents[0].accessed == "2024-01-02"
    assert back.format == "arggraph/1.1"
    assert json.loads(dump_graph(back)) == json.loads(dump_graph(g.model))


def test_show_counts_the_new_relations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(DATA), encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "relations:  5 (2 supports, 3 attacks; 2 from linked premises, 3 aimed at relations)"
    ) in out
    assert main(["show", str(path), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["relations"] == {
        "total": 5,
        "support": 2,
        "attack": 3,
        "linked": 2,
        "on relations": 3,
    }


def test_a_focused_export_keeps_a_linked_relation_with_all_its_premises() -> None:
    from arggraph.formats.focus import neighbourhood, restrict

    g = graph()
    assert sorted(restrict(g, {"p", "a", "c"}).relations) == ["plain"]
    assert sorted(restrict(g, {"p", "a", "b", "u"}).relations) == ["linked", "undercut"]
    assert restrict(g, {"p", "a", "b", "u"}).problems == []
    # premises are a relation away from their conclusion, and an undercut from the
    # ends of the argument it undercuts
    assert neighbourhood(g, "b", 1) == {"a", "b", "p", "u"}
    report = Report()
    export_graph(g, "bag", focus="b", depth=1, report=report)
    assert "dropped: 1 relation with linked premises (BAG joins one claim to one claim)" in (
        report.lines()
    )
