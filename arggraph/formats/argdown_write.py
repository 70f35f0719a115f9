"""Argdown export: one statement per claim, its incoming relations under it, and in
Argdown's ``{...}`` data and front matter what Argdown has no syntax for.

Each claim is a statement ``[id]: text #tags {data}`` (text escaped with Argdown's
backslash, on one line), followed by the claims that support (``+``) or attack (``-``)
it. The data holds the claim's kind, base score, date, reconstructed mark, note and
attributions, and, under
``relations``, what its incoming relations carry beyond their type (id, weight, scheme,
note, attributions), one entry per relation line, matched by source and type. The front
matter holds the title, question, description (``subTitle``), id, positions, actors and
documents. Argdown tools ignore data they do not know, and
:func:`~arggraph.formats.argdown.from_argdown` reads all of it back.

>>> from arggraph.model import Actor, Attribution, Claim, GraphModel, Relation
>>> g = Graph(GraphModel(id="g", actors=[Actor(id="ana", name="Ana", kind="analyst")],
...     claims=[Claim(id="go", text="We go.", kind="position"), Claim(id="low", text="Cheap.",
...     attributions=[Attribution(actor="ana", quote="it's cheap")])],
...     relations=[Relation(type="support", source="low", target="go", weight=0.5)]))
>>> print(write_argdown(g), end="")
===
id: "g"
positions: ["go"]
actors: [{"id": "ana", "name": "Ana", "kind": "analyst"}]
===
<BLANKLINE>
[go]: We go. {"kind": "position", "relations": [{"from": "low", "type": "support", "weight": 0.5}]}
  + [low]
<BLANKLINE>
[low]: Cheap. {"attributions": [{"actor": "ana", "quote": "it's cheap"}]}
"""

from __future__ import annotations

import re
from typing import Any

from ..graph import Graph
from ..model import Relation, default_relation_id
from .argdown_data import data_json
from .plain import plain_relations, source_of
from .registry import report_losses
from .report import Report, plural

__all__ = ["escape_text", "to_argdown", "write_argdown"]

_SPECIAL = re.compile(r"[\\\[\]<>#@{}*_]|/(?=[/*])")


def escape_text(text: str) -> str:
    """Text safe as an Argdown statement: syntax characters escaped with a backslash,
    on one line.

    >>> escape_text("see [1] <b> #tag a_b // no comment")
    'see \\\\[1\\\\] \\\\<b\\\\> \\\\#tag a\\\\_b \\\\// no comment'
    """
    flat = " ".join(text.split())
    return _SPECIAL.sub(lambda m: "\\" + m.group(), flat)


def _title(ident: str) -> str:
    flat = " ".join(ident.split())
    return flat.replace("[", "(").replace("]", ")") or "untitled"


def _tag(tag: str) -> str:
    flat = " ".join(tag.split()).replace(")", "")
    return f"#{flat}" if re.fullmatch(r"[\w-]+", flat) else f"#({flat})"


def _titles(graph: Graph) -> tuple[dict[str, str], int]:
    """Claim id -> its Argdown title, and how many ids had to change."""
    titles: dict[str, str] = {}
    used: set[str] = set()
    renamed = 0
    for cid in graph.claims:
        title = _title(cid)
        if title != cid:
            renamed += 1
        while title in used:
            title += "'"
        used.add(title)
        titles[cid] = title
    return titles, renamed


def _front(graph: Graph, titles: dict[str, str]) -> list[str]:
    m = graph.model
    out = ["==="]
    for key, value in (("title", m.title), ("question", m.question), ("subTitle", m.description)):
        if value:
            out.append(f"{key}: {data_json(' '.join(value.split()))}")
    out.append(f"id: {data_json(m.id)}")
    out.append("positions: " + data_json([titles[c.id] for c in graph.positions]))
    for key, items in (("actors", m.actors), ("documents", m.documents)):
        if items:
            dumped = [x.model_dump(mode="json", exclude_none=True) for x in items]
            out.append(f"{key}: {data_json(dumped)}")
    return [*out, "==="]


def _relation_data(rel: Relation, titles: dict[str, str], twin: bool) -> dict[str, Any]:
    """What a relation holds beyond its type, source and target (its id too when a
    ``twin`` has the same type and source, so that each line finds its own entry)."""
    data: dict[str, Any] = {}
    default = default_relation_id(rel.type, titles[source_of(rel)], titles[rel.target])
    if twin or rel.id != default:
        data["id"] = rel.id
    if rel.weight != 1.0:
        data["weight"] = rel.weight
    if rel.scheme:
        data["scheme"] = rel.scheme
    if rel.note:
        data["note"] = rel.note
    if rel.attributions:
        data["attributions"] = [
            a.model_dump(mode="json", exclude_none=True) for a in rel.attributions
        ]
    return data


def write_argdown(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as Argdown (see the module's docstring); ``report`` hears of renamed ids
    only (:func:`to_argdown` also counts what Argdown cannot hold)."""
    titles, renamed = _titles(graph)
    out = [*_front(graph, titles), ""]
    incoming: dict[str, list[Relation]] = {}
    for rel in plain_relations(graph):  # linked premises and undercuts: reported as losses
        incoming.setdefault(rel.target, []).append(rel)
    for cid, claim in graph.claims.items():
        line = f"[{titles[cid]}]: {escape_text(claim.text)}"
        if claim.tags:
            line += " " + " ".join(_tag(t) for t in claim.tags)
        data: dict[str, Any] = {}
        if claim.kind != "claim":
            data["kind"] = claim.kind
        if claim.base != 0.5:
            data["base"] = claim.base
        if claim.date:
            data["date"] = claim.date
        if claim.reconstructed is not None:
            data["reconstructed"] = claim.reconstructed
        if claim.note:
            data["note"] = claim.note
        if claim.attributions:
            data["attributions"] = [
                a.model_dump(mode="json", exclude_none=True) for a in claim.attributions
            ]
        entries = []
        pairs = [(r.type, r.source) for r in incoming.get(cid, [])]
        for rel in incoming.get(cid, []):
            extra = _relation_data(rel, titles, pairs.count((rel.type, rel.source)) > 1)
            if extra:
                entries.append({"from": titles[source_of(rel)], "type": rel.type, **extra})
        if entries:
            data["relations"] = entries
        if data:
            line += " " + data_json(data)
        out.append(line)
        for rel in incoming.get(cid, []):
            out.append(f"  {'-' if rel.type == 'attack' else '+'} [{titles[source_of(rel)]}]")
        out.append("")
    if report is not None and renamed:
        report.note(
            f"renamed {plural(renamed, 'claim id')} that cannot be Argdown "
            "titles (square brackets become parentheses)"
        )
    return "\n".join(out).rstrip("\n") + "\n"


def to_argdown(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as Argdown (see :func:`write_argdown`); what Argdown cannot hold (line
    breaks in texts, ``meta``: its entry in :mod:`~arggraph.formats.registry`) and
    renamed ids are counted in ``report``."""
    text = write_argdown(graph, report=report)
    report_losses("argdown", graph, report)
    return text
