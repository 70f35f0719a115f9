"""GraphML through networkx, with every attribute kept: for network-analysis tools.

Gephi, Cytoscape, yEd, igraph and networkx itself read GraphML, so a debate can be
analysed as a network there. Each claim is a node keyed by its id with ``label``
(its text), ``kind``, ``base``, ``date``, ``tags``, ``note``, and, when computed,
``strength`` and ``side``; each relation an edge keyed by its id with ``type``,
``weight``, ``note`` and ``order`` (its place in the file). GraphML values are
scalars, so lists and objects (attributions, tags, meta) are stored as JSON text, and
actors and documents as JSON on the graph; :func:`from_graphml` reads them all back.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="a", text="A", tags=["x"]),
...     Claim(id="b", text="B")], relations=[Relation(type="attack", source="a", target="b")]))
>>> back = from_graphml(to_graphml(g)).model
>>> back.claims[0].tags, back.relations[0].type
(['x'], 'attack')
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..graph import Graph
from .escape import XML_FORBIDDEN, xml_text
from .imported import ImportResult, fail, model_from
from .imported import graph_id as id_from_path
from .report import Report, plural
from .sides import MIXED, sides

__all__ = ["from_graphml", "to_graphml"]

_CLAIM_SCALARS = ("kind", "base", "date", "note")
_JSON = ("tags", "attributions", "meta")


def _dumps(value: Any) -> str:
    """JSON text XML can carry: the few characters it cannot are JSON-escaped, which
    reads back exactly."""
    return XML_FORBIDDEN.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
    )


def to_graphml(
    graph: Graph, *, strengths: Mapping[str, float] | None = None, report: Report | None = None
) -> str:
    """The graph as GraphML text (UTF-8 XML).

    Control characters XML cannot hold are shown as visible escapes in plain
    attributes (and counted in ``report``); in the JSON ones they are escaped exactly.
    """
    import networkx as nx

    changed = 0

    def x(text: str) -> str:
        nonlocal changed
        safe = xml_text(text)
        changed += safe != text
        return safe

    g = nx.MultiDiGraph()
    m = graph.model
    g.graph.update(
        {
            "graph_id": x(m.id),
            "title": x(m.title),
            "question": x(m.question),
            "format": "arggraph/1",
        }
    )
    if m.description:
        g.graph["description"] = x(m.description)
    for key, items in (("actors", m.actors), ("documents", m.documents)):
        if items:
            g.graph[key] = _dumps([x.model_dump(mode="json", exclude_none=True) for x in items])
    if m.meta:
        g.graph["meta"] = _dumps(m.meta)
    side_of = sides(graph)
    for cid, claim in graph.claims.items():
        attrs: dict[str, Any] = {"label": x(claim.text)}
        data = claim.model_dump(mode="json", exclude_none=True)
        for key in _CLAIM_SCALARS:
            if key in data:
                attrs[key] = x(data[key]) if isinstance(data[key], str) else data[key]
        for key in _JSON:
            if data.get(key):
                attrs[key] = _dumps(data[key])
        if strengths is not None and cid in strengths:
            attrs["strength"] = float(strengths[cid])
        side = side_of.get(cid)
        if side is not None and side != MIXED:
            attrs["side"] = x(("against " if side.against else "") + side.position)
        elif side == MIXED:
            attrs["side"] = "mixed"
        g.add_node(x(cid), **attrs)
    for order, (rid, rel) in enumerate(graph.relations.items()):
        data = rel.model_dump(mode="json", exclude_none=True)
        attrs = {"type": rel.type, "weight": rel.weight, "order": order}
        if rel.note:
            attrs["note"] = x(rel.note)
        for key in ("attributions", "meta"):
            if data.get(key):
                attrs[key] = _dumps(data[key])
        g.add_edge(x(rel.source), x(rel.target), key=x(rid), **attrs)
    if report is not None and changed:
        report.note(
            f"{plural(changed, 'text')} held characters XML cannot carry, "
            "shown as escapes such as \\x1f"
        )
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n"


def _loads(value: Any, path: str | Path | None, place: str) -> Any:
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        raise fail(f"expected JSON text, found {str(value)[:40]!r}", path, place=place) from None


def from_graphml(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from GraphML: nodes become claims (``label`` or ``text`` as text, the
    attributes :func:`to_graphml` writes read back), edges relations (``type``
    ``attack`` or ``support``; edges without one are read as supports and reported).
    """
    import networkx as nx

    report = Report()
    try:
        g = nx.parse_graphml(text, force_multigraph=True)
    except Exception as exc:  # networkx raises many kinds on malformed XML
        raise fail(f"not GraphML: {exc}", path) from None
    attrs = dict(g.graph)
    claims = []
    for node, data in g.nodes(data=True):
        claim: dict[str, Any] = {
            "id": str(node),
            "text": str(data.get("label") or data.get("text") or node),
        }
        for key in _CLAIM_SCALARS:
            if key in data:
                claim[key] = data[key]
        for key in _JSON:
            if key in data:
                claim[key] = _loads(data[key], path, f"node {node!r} {key}")
        claims.append(claim)
    relations = []
    edges = sorted(
        g.edges(keys=True, data=True),
        key=lambda e: e[3].get("order", 0) if isinstance(e[3].get("order"), int) else 0,
    )
    for source, target, key, data in edges:
        rel_type = data.get("type")
        if rel_type not in ("attack", "support"):
            report.kept("edge without a support/attack type", 1, "as a support")
            rel_type = "support"
        rel: dict[str, Any] = {
            "id": str(key),
            "type": rel_type,
            "source": str(source),
            "target": str(target),
        }
        if "weight" in data:
            rel["weight"] = data["weight"]
        if "note" in data:
            rel["note"] = data["note"]
        for k in ("attributions", "meta"):
            if k in data:
                rel[k] = _loads(data[k], path, f"edge {key!r} {k}")
        relations.append(rel)
    payload: dict[str, Any] = {
        "id": graph_id or attrs.get("graph_id") or id_from_path(path),
        "title": attrs.get("title", ""),
        "question": attrs.get("question", ""),
        "claims": claims,
        "relations": relations,
    }
    if attrs.get("description"):
        payload["description"] = attrs["description"]
    for key in ("actors", "documents", "meta"):
        if key in attrs:
            payload[key] = _loads(attrs[key], path, f"graph {key}")
    return ImportResult(model_from(payload, path), report)
