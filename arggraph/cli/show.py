"""``arggraph show GRAPH``: title, question, positions, counts and date range."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "show",
        help="summarise a graph: question, positions, counts, date range",
        description="Summarise a graph: title, question, positions, counts of claims by "
        "kind and relations by type, actors, documents, and the date range of the "
        "attributions.",
    )
    p.add_argument("graph", metavar="GRAPH", help="an arggraph/1 JSON file")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..summary import summarize
    from ..text import identifier, one_line
    from .common import emit, emit_json, load_graph

    graph = load_graph(args.graph, provenance=True)  # (the summary reads it all)
    s = summarize(graph)
    if args.format == "json":
        emit_json(s)
        return 0
    c, r = s["claims"], s["relations"]
    lines = [
        one_line(s["title"] or s["id"]),
        f"question:   {one_line(s['question'])}" if s["question"] else "question:   (none)",
        "positions:",
        *(f"  - {one_line(p['text'])}  [{identifier(p['id'])}]" for p in s["positions"]),
        *(["  (none)"] if not s["positions"] else []),
        f"claims:     {c['total']} ({c['position']} positions, {c['claim']} claims, "
        f"{c['evidence']} evidence)",
        f"relations:  {r['total']} ({r['support']} supports, {r['attack']} attacks"
        + (
            f"; {r['linked']} from linked premises, {r['on relations']} aimed at relations)"
            if "linked" in r
            else ")"
        ),
        f"actors:     {s['actors']}",
        f"documents:  {s['documents']}",
        f"quotes:     {s['attributions']} attributions",
    ]
    d = s["dates"]
    lines.append(
        f"dates:      {d['first']} to {d['last']}"
        if d["first"]
        else "dates:      (no dated attributions)"
    )
    emit("\n".join(lines))
    return 0
