"""GraphML through networkx, with every attribute kept: for network-analysis tools.

Gephi, Cytoscape, yEd, igraph and networkx itself read GraphML, so a debate can be
analysed as a network there. Each claim is a node keyed by its id with ``label``
(its text), ``kind``, ``base``, ``date``, ``tags``, ``note``, and, when computed,
``strength`` and ``side``; each relation an edge keyed by its id with ``type``,
``weight``, ``scheme``, ``note`` and ``order`` (its place in the file). GraphML values are
scalars, so lists and objects (attributions, tags, meta) are stored as JSON text, and
actors and documents as JSON on the graph; :func:`from_graphml` (in
:mod:`~arggraph.formats.graphml_read`, with how other tools' GraphML is read) reads them
all back.

An edge joins two nodes, so a relation of ``arggraph/1.1`` that runs from linked
premises is drawn from its first premise and keeps them all in ``sources`` (JSON); one
aimed at a relation is drawn to the claim that relation bears on in the end and keeps
the relation's id in ``target_relation``. Network tools see a plain edge; arggraph reads
back the relation.

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
from typing import Any

from ..graph import Graph
from ..io import needed_format
from ..model import Relation
from .escape import XML_FORBIDDEN, xml_text
from .graphml_read import CLAIM_SCALARS, JSON_ATTRIBUTES, from_graphml
from .report import Report, plural
from .sides import MIXED, sides

__all__ = ["from_graphml", "to_graphml"]


def _dumps(value: Any) -> str:
    """JSON text XML can carry: the few characters it cannot are JSON-escaped, which
    reads back exactly."""
    return XML_FORBIDDEN.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
    )


def _drawn_end(graph: Graph, rel: Relation) -> str:
    """The claim an edge for ``rel`` is drawn to: its target, or for a relation aimed at
    a relation the claim that relation (and so on) bears on; in a circle of relations
    aimed at one another, the first premise of the relation aimed at."""
    seen = {rel.id}
    here: Relation | None = graph.target_relation(rel)
    last = rel
    while here is not None and here.id not in seen:
        seen.add(here.id)
        last = here
        here = graph.target_relation(here)
    return last.target if here is None else last.premises[0]


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
            "format": needed_format(m),
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
        for key in CLAIM_SCALARS:
            if key in data:
                attrs[key] = x(data[key]) if isinstance(data[key], str) else data[key]
        for key in JSON_ATTRIBUTES:
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
        if rel.scheme:
            attrs["scheme"] = x(rel.scheme)
        for key in ("attributions", "meta"):
            if data.get(key):
                attrs[key] = _dumps(data[key])
        if rel.sources is not None:
            attrs["sources"] = _dumps(rel.sources)
        end = rel.target
        if graph.target_relation(rel) is not None:
            attrs["target_relation"] = x(rel.target)
            end = _drawn_end(graph, rel)
        g.add_edge(x(rel.premises[0]), x(end), key=x(rid), **attrs)
    if report is not None and changed:
        report.note(
            f"{plural(changed, 'text')} held characters XML cannot carry, "
            "shown as escapes such as \\x1f"
        )
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n"
