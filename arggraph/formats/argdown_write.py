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

A relation from linked premises, one another relation aims at, and one an Argdown import
read from a premise-conclusion structure is written as an argument: ``<id>: note``, its
weight, scheme and attributions in ``{"arggraph": ...}`` data, the relations aimed at it
under it (an attack as an undercut ``<_``, a support as ``+``), then its premises, an
inference line and its conclusion. Argdown's structures conclude in a statement they
support, so an attack, or a relation aimed at a relation, concludes in a statement that
stands for it (``[id (conclusion)]``, data ``conclusion_of``) and bears on its target
from there (``->``, ``_>`` or ``+>``); the import reads that back as the one relation.

Text is written as it is: control characters too (ESC, a bell, C1 controls), which the
official parser reads back unchanged (tab and line breaks fold into a space), and which
a terminal is shown as escapes (``arggraph export`` to a terminal). Only NUL is refused,
naming the claim or relation and where: a file holding one is binary to text tools, and
no export writes one. It can be in an id, a text, a tag, or a relation's id or note
where the relation is written as an argument; elsewhere (notes, the front matter) it is
in JSON data, escaped, as DEL and the C1 controls are (YAML would not read them raw).

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

from ..errors import InputError
from ..graph import Graph
from ..model import Relation, default_relation_id
from .argdown_data import data_json
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
    default = default_relation_id(
        rel.type, titles[rel.premises[0]], titles.get(rel.target, rel.target)
    )
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


def _argument_title(ident: str) -> str:
    flat = " ".join(ident.split())
    return flat.replace("<", "(").replace(">", ")") or "untitled"


def _as_structures(graph: Graph, drawn: list[Relation]) -> set[str]:
    """The relations written as premise-conclusion structures: those from linked
    premises, those other relations aim at (an undercut needs an inference to bear on),
    and those an Argdown import read from one."""
    aimed = {r.target for r in drawn if r.target not in graph.claims}
    return {
        r.id
        for r in drawn
        if r.sources is not None
        or r.id in aimed
        or ((r.meta or {}).get("argdown") or {}).get("premise_conclusion")
    }


class _Writer:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.titles, self.renamed = _titles(graph)
        self.drawn = [
            r for r in graph.relations.values() if graph.is_usable(r) and r.target != r.id
        ]
        self.pcs = _as_structures(graph, self.drawn)
        used: set[str] = set()
        self.arguments: dict[str, str] = {}
        for rel in self.drawn:
            if rel.id in self.pcs:
                title = _argument_title(rel.id)
                while title in used:
                    title += "'"
                used.add(title)
                self.arguments[rel.id] = title
        statements = set(self.titles.values())
        #: PCS relations whose conclusion Argdown needs as a statement of its own: an
        #: attack, or one aimed at a relation (a structure concludes in a statement that
        #: supports its target).
        self.stand_in: dict[str, str] = {}
        for rel in self.drawn:
            if rel.id in self.pcs and (rel.type == "attack" or rel.target not in graph.claims):
                title = f"{_title(rel.id)} (conclusion)"
                while title in statements:
                    title += "'"
                statements.add(title)
                self.stand_in[rel.id] = title

    def end(self, ident: str) -> str:
        """How a relation line names what it bears on: a claim's statement or a
        relation's argument."""
        if ident in self.graph.claims:
            return f"[{self.titles[ident]}]"
        return f"<{self.arguments[ident]}>"

    def under(self, target: str, rels: list[Relation]) -> tuple[list[dict[str, Any]], list[str]]:
        """The data entries and the lines of the relations written under ``target``."""
        entries, lines = [], []
        pairs = [(r.type, r.premises[0]) for r in rels]
        for rel in rels:
            extra = _relation_data(rel, self.titles, pairs.count((rel.type, rel.premises[0])) > 1)
            if extra:
                entries.append({"from": self.titles[rel.premises[0]], "type": rel.type, **extra})
            if target in self.graph.claims:
                symbol = "-" if rel.type == "attack" else "+"
            else:
                symbol = "<_" if rel.type == "attack" else "+"
            lines.append(f"  {symbol} [{self.titles[rel.premises[0]]}]")
        return entries, lines

    def claim(self, cid: str, incoming: list[Relation]) -> list[str]:
        claim = self.graph.claims[cid]
        line = f"[{self.titles[cid]}]: {escape_text(claim.text)}"
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
        entries, lines = self.under(cid, incoming)
        if entries:
            data["relations"] = entries
        if data:
            line += " " + data_json(data)
        return [line, *lines, ""]

    def structure(self, rel: Relation, incoming: list[Relation]) -> list[str]:
        """A relation as an argument with a premise-conclusion structure: its id as the
        title, its note as the description, what else it holds in ``{"arggraph": ...}``
        data, the relations aimed at it under it, then its premises, an inference line
        and its conclusion."""
        title = self.arguments[rel.id]
        extra: dict[str, Any] = {}
        if title != rel.id:
            extra["id"] = rel.id
        if rel.weight != 1.0:
            extra["weight"] = rel.weight
        if rel.scheme:
            extra["scheme"] = rel.scheme
        description = escape_text(rel.note) if rel.note else ""
        if rel.note is not None and (not rel.note or " ".join(rel.note.split()) != rel.note):
            extra["note"] = rel.note  # kept as written; the description folds it
        if rel.attributions:
            extra["attributions"] = [
                a.model_dump(mode="json", exclude_none=True) for a in rel.attributions
            ]
        data: dict[str, Any] = {"arggraph": extra} if extra else {}
        entries, lines = self.under(rel.id, incoming)
        if entries:
            data["relations"] = entries
        head = f"<{title}>: {description}" if description else f"<{title}>"
        if data:
            head += " " + data_json(data)
        out = [head, *lines, ""]
        for k, premise in enumerate(rel.premises, start=1):
            out.append(f"({k}) [{self.titles[premise]}]")
        out.append("----")
        n = len(rel.premises) + 1
        stand_in = self.stand_in.get(rel.id)
        if stand_in is None:
            out.append(f"({n}) [{self.titles[rel.target]}]")
        else:
            verb = "against" if rel.type == "attack" else "for"
            what = (
                self.graph.claims[rel.target].text
                if rel.target in self.graph.claims
                else f"the inference {rel.target}"
            )
            text = escape_text(f"The premises together speak {verb}: {what}")
            marker = data_json({"conclusion_of": rel.id})
            out.append(f"({n}) [{stand_in}]: {text} {marker}")
            arrow = "->" if rel.type == "attack" else "+>"
            if rel.type == "attack" and rel.target not in self.graph.claims:
                arrow = "_>"
            out.append(f"  {arrow} {self.end(rel.target)}")
        return [*out, ""]

    def write(self) -> list[str]:
        incoming: dict[str, list[Relation]] = {}
        for rel in self.drawn:
            if rel.id not in self.pcs:
                incoming.setdefault(rel.target, []).append(rel)
        out: list[str] = []
        for cid in self.graph.claims:
            out += self.claim(cid, incoming.get(cid, []))
        for rel in self.drawn:
            if rel.id in self.pcs:
                out += self.structure(rel, incoming.get(rel.id, []))
        return out


def _refuse_nul(graph: Graph, structures: set[str]) -> None:
    """An ``InputError`` naming the first claim whose id, text or tags, or relation
    written as an argument (in ``structures``) whose id or note, holds a NUL character
    (see the module's docstring); other relations' ids and notes are written in JSON
    data, escaped."""
    from ..text import identifier

    model = graph.model
    fields: list[tuple[str, str, str, str]] = []  # (noun, id, place, value)
    for i, c in enumerate(model.claims):
        fields.append(("claim", c.id, f"claims[{i}].id", c.id))
        fields.append(("claim", c.id, f"claims[{i}].text", c.text))
        fields += [("claim", c.id, f"claims[{i}].tags[{j}]", t) for j, t in enumerate(c.tags)]
    for i, r in enumerate(model.relations):
        if r.id in structures:
            fields.append(("relation", r.id, f"relations[{i}].id", r.id))
            if r.note:
                fields.append(("relation", r.id, f"relations[{i}].note", r.note))
    for noun, ident, place, value in fields:
        at = value.find("\x00")
        if at != -1:
            what = place.rsplit(".", 1)[1].split("[")[0].replace("tags", "tag")
            raise InputError(
                f"{noun} '{identifier(ident)}': its {what} holds a NUL character (\\x00 at "
                f"character {at + 1}), which Argdown cannot write: a file holding one is "
                "binary to text tools",
                path=graph.path,
                place=place,
                hint="remove the character (arggraph check reports each as S013), or "
                "export to a format that keeps it escaped (aif, graphml)",
            )


def write_argdown(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as Argdown (see the module's docstring); ``report`` hears of renamed ids
    only (:func:`to_argdown` also counts what Argdown cannot hold). Raises
    :class:`~arggraph.errors.InputError` for a NUL character (it writes none)."""
    writer = _Writer(graph)
    _refuse_nul(graph, writer.pcs)
    out = [*_front(graph, writer.titles), "", *writer.write()]
    if report is not None and writer.renamed:
        report.note(
            f"renamed {plural(writer.renamed, 'claim id')} that cannot be Argdown "
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
