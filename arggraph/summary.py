"""What a graph holds, at a glance: the figures ``arggraph show`` prints.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "question": "Q?", "claims": ['
...           '{"id": "p", "text": "P", "kind": "position"}, {"id": "e", "text": "E"}]}')
>>> s = summarize(g)
>>> s["claims"], s["positions"][0]["id"]
({'total': 2, 'position': 1, 'claim': 1, 'evidence': 0}, 'p')
"""

from __future__ import annotations

from typing import Any

from .dates import earliest, interval_ends, latest
from .graph import Graph

__all__ = ["attribution_dates", "summarize"]


def attribution_dates(graph: Graph) -> list[str]:
    """Every date an attribution carries (or its document's date where it has none)."""
    dates: list[str] = []
    groups = [c.attributions for c in graph.claims.values()]
    groups += [r.attributions for r in graph.relations.values()]
    for group in groups:
        for att in group:
            when = att.date
            if when is None and att.document in graph.documents:
                when = graph.documents[att.document].published
            if when is not None:
                dates.append(when)
    return dates


def summarize(graph: Graph) -> dict[str, Any]:
    """Title, question, positions, counts by kind and type, and the date range (from the
    start of the earliest date, an interval's start, to the end of the latest). Relations
    with linked premises (``linked``) and relations aimed at relations (``on
    relations``) are counted when the graph has them."""
    kinds = {"position": 0, "claim": 0, "evidence": 0}
    kinds.update(graph.kind_counts())
    types: dict[str, int] = {"support": 0, "attack": 0}
    types.update(graph.type_counts())
    totals = sum(kinds.values()), sum(types.values())
    extended = graph.extended_relations
    if extended:
        types["linked"] = sum(1 for r in extended if r.sources is not None)
        types["on relations"] = sum(1 for r in extended if graph.target_relation(r) is not None)
    dates = attribution_dates(graph) if graph.attributed else []
    first = interval_ends(min(dates, key=earliest))[0] if dates else None
    last = interval_ends(max(dates, key=latest))[1] if dates else None
    n_attr = 0
    if graph.attributed:
        n_attr = sum(len(c.attributions) for c in graph.claims.values()) + sum(
            len(r.attributions) for r in graph.relations.values()
        )
    return {
        "id": graph.id,
        "title": graph.title,
        "question": graph.question,
        "positions": [{"id": i, "text": t} for i, t in graph.position_texts().items()],
        "claims": {"total": totals[0], **kinds},
        "relations": {"total": totals[1], **types},
        "actors": len(graph.actors),
        "documents": len(graph.documents),
        "attributions": n_attr,
        "dates": {"first": first, "last": last},
    }
