"""GraphML import: arggraph's own GraphML read back exactly, other tools' read as they wrote it.

A file :func:`~arggraph.formats.graphml.to_graphml` wrote (its graph says
``format: arggraph/1``) comes back as it was: every attribute in its place, bad values
refused with their line. A file another tool wrote (networkx, Gephi, yEd, Argdown's yEd
export) is read for what it says:

- each node is a claim keyed by its id; its text is its ``label`` or ``text`` data, else
  its yEd label (of two labels, as Argdown writes a title and a text, the first is kept
  as the title in ``meta`` and the others are the text), else its id; HTML labels become
  plain text;
- a group node (one holding a nested graph, as yEd and Argdown's sections are) is no
  claim: its label is kept in its members' ``meta`` (``graphml.group``);
- each edge is a relation. Its kind is what the file says: a ``type``, ``kind`` or
  ``relation`` value, or an edge label, naming support or attack; else, for an edge
  drawn as Argdown draws them, its colour (red attack, green support, purple undercut;
  diamonds at both ends a contradiction, read as attacks both ways). An edge whose kind
  the file does not say is read as a support, marked ``graphml.kind: unknown`` in its
  ``meta`` and named on stderr;
- edge ids are optional in GraphML, and networkx repeats them in multigraphs: when every
  edge has an id and no two share one, they are the relations' ids, else each relation's
  id comes from its type, source and target (``support:a->b``, then ``-2``...);
- other data is kept in ``meta`` (``graphml.data``), and anything dropped is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import parse_json
from ..model import FORMATS, default_relation_id
from . import yed
from .graphml_xml import GraphmlDocument, Item, read_graphml
from .imported import Ids, ImportResult, fail, model_from
from .imported import graph_id as id_from_path
from .report import Report

__all__ = ["CLAIM_SCALARS", "JSON_ATTRIBUTES", "from_graphml"]

#: Claim fields GraphML carries as plain values, and those it carries as JSON text.
CLAIM_SCALARS = ("kind", "base", "date", "reconstructed", "note")
JSON_ATTRIBUTES = ("tags", "attributions", "meta")

_KIND_KEYS = ("type", "kind", "relation", "relationType", "relation_type", "label")
_WORDS = {
    "support": "support",
    "supports": "support",
    "pro": "support",
    "+": "support",
    "entails": "support",
    "attack": "attack",
    "attacks": "attack",
    "con": "attack",
    "-": "attack",
    "rebut": "attack",
    "rebuttal": "attack",
    "undercut": "attack",
    "contrary": "attack",
    "contradictory": "attack",
    "contradiction": "attack",
}
_UNKNOWN_NAMED = 20


def _loads(value: Any, path: str | Path | None, line: int, what: str) -> Any:
    if not isinstance(value, str):
        raise fail(f"{what}: expected JSON text, found {str(value)[:40]!r}", path, line)
    try:
        return parse_json(value)
    except JSONLimitError as exc:
        raise fail(f"{what}: {exc.message}", path, line) from None
    except JSONSyntaxError:
        raise fail(f"{what}: expected JSON text, found {value[:40]!r}", path, line) from None


def _word(value: Any) -> str | None:
    return _WORDS.get(value.strip().lower()) if isinstance(value, str) else None


class _Import:
    def __init__(self, doc: GraphmlDocument, path: str | Path | None) -> None:
        self.doc = doc
        self.path = path
        self.ours = doc.data.get("format") in FORMATS
        self.report = Report()
        self.groups = {n.id: yed.group_label(n.graphics) for n in doc.nodes if n.is_group}

    # ------------------------------------------------------------------ claims
    def claims(self) -> list[dict[str, Any]]:
        out = []
        for node in self.doc.nodes:
            if node.is_group:
                continue
            assert node.id is not None
            out.append(self.ours_claim(node) if self.ours else self.their_claim(node))
        self.report.kept(
            "group node|group nodes",
            len(self.groups),
            "as their members' meta (graphml.group), not as claims",
        )
        return out

    def ours_claim(self, node: Item) -> dict[str, Any]:
        data = node.data
        claim: dict[str, Any] = {"id": node.id, "text": str(data.get("label") or node.id)}
        for key in CLAIM_SCALARS:
            if key in data:
                claim[key] = data[key]
        for key in JSON_ATTRIBUTES:
            if key in data:
                claim[key] = _loads(data[key], self.path, node.line, f"node {node.id!r} {key}")
        return claim

    def their_claim(self, node: Item) -> dict[str, Any]:
        data = dict(node.data)
        labels = yed.node_labels(node.graphics)
        given = data.pop("label", None) or data.pop("text", None)
        title = None
        if isinstance(given, str) and given.strip():
            text = yed.plain_label(given)
        elif len(labels) > 1:
            title, text = labels[0], " ".join(labels[1:])
        elif labels:
            text = labels[0]
        else:
            text = str(node.id)
        graphml: dict[str, Any] = {}
        if title is not None:
            graphml["title"] = title
        groups = [g for g in (self.groups.get(p) for p in node.groups) if g]
        if groups:
            graphml["group"] = groups[-1]
            if len(groups) > 1:
                graphml["groups"] = groups
        if data:
            graphml["data"] = data
        claim: dict[str, Any] = {"id": node.id, "text": text or str(node.id)}
        if graphml:
            claim["meta"] = {"graphml": graphml}
        return claim

    # ------------------------------------------------------------------ relations
    def relations(self) -> list[dict[str, Any]]:
        edges = [e for e in self.doc.edges if not self.touches_group(e)]
        if self.ours:
            edges.sort(key=lambda e: e.data["order"] if isinstance(e.data.get("order"), int) else 0)
        file_ids = [e.id for e in edges]
        usable = all(file_ids) and len(set(file_ids)) == len(file_ids)
        if not usable and any(file_ids):
            self.report.note(
                "the edges' ids are missing or repeated (as networkx writes multigraphs): "
                "relation ids are made from type, source and target"
            )
        ids = Ids()
        out: list[dict[str, Any]] = []
        unknown: list[str] = []
        by_colour = 0
        for edge in edges:
            rel_type, how, said = self.kind(edge)
            if said == "colour":
                by_colour += 1
            rel = self.relation(edge, rel_type or "support")
            if rel_type is None:
                unknown.append(self.name(edge))
                rel.setdefault("meta", {}).setdefault("graphml", {})["kind"] = "unknown"
            if how is not None:
                rel.setdefault("meta", {}).setdefault("graphml", {})["relation"] = how
            wanted = str(edge.id) if usable else default_relation_id(*_triple(rel))
            rel["id"] = ids.new(wanted)
            out.append(rel)
            if how == "contradiction":
                back = {**rel, "source": rel["target"], "target": rel["source"]}
                back["id"] = ids.new(default_relation_id(*_triple(back)))
                out.append(back)
        self.say_kinds(unknown, by_colour)
        return out

    def touches_group(self, edge: Item) -> bool:
        if edge.source in self.groups or edge.target in self.groups:
            self.report.dropped(
                "edge to or from a group node|edges to or from group nodes",
                1,
                "a group is no claim",
                example=self.name(edge),
            )
            return True
        return False

    def kind(self, edge: Item) -> tuple[str | None, str | None, str]:
        """(relation type, how, where the file says it): ``None`` when it does not."""
        data = edge.data
        if self.ours and data.get("type") in ("support", "attack"):
            return str(data["type"]), None, "data"
        for key in _KIND_KEYS:
            word = _word(data.get(key))
            if word is not None:
                return word, None, "data"
        style = yed.edge_style(edge.graphics)
        if style is not None:
            word = _word(style.label)
            if word is not None:
                return word, None, "label"
            found = yed.argdown_kind(style)
            if found is not None:
                return found[0], found[1], "colour"
        return None, None, ""

    def relation(self, edge: Item, rel_type: str) -> dict[str, Any]:
        rel: dict[str, Any] = {"type": rel_type, "source": edge.source, "target": edge.target}
        data = dict(edge.data)
        if self.ours:
            for key in ("weight", "note", "scheme"):
                if key in data:
                    rel[key] = data[key]
            for key in ("attributions", "meta", "sources"):
                if key in data:
                    rel[key] = _loads(data[key], self.path, edge.line, f"{self.name(edge)} {key}")
            if "sources" in rel:
                del rel["source"]  # linked premises, drawn from the first
            if "target_relation" in data:
                rel["target"] = data["target_relation"]  # drawn to where it leads
            return rel
        for key in _KIND_KEYS:
            if _word(data.get(key)) is not None:
                data.pop(key)
        weight = data.get("weight")
        if isinstance(weight, int | float) and not isinstance(weight, bool) and 0 <= weight <= 1:
            rel["weight"] = float(data.pop("weight"))
        if data:
            rel["meta"] = {"graphml": {"data": data}}
        return rel

    def name(self, edge: Item) -> str:
        ends = f"{edge.source} -> {edge.target}"
        return f"{edge.id} ({ends})" if edge.id else ends

    def say_kinds(self, unknown: list[str], by_colour: int) -> None:
        if by_colour:
            many = by_colour > 1
            self.report.note(
                f"read the kind of {by_colour} edge{'s' if many else ''} from "
                f"{'their' if many else 'its'} colour, as Argdown's yEd export draws them "
                "(red attack, green support, purple undercut)"
            )
        if unknown:
            self.report.kept(
                "edge whose kind the file does not say|edges whose kind the file does not say",
                len(unknown),
                "as support, marked in meta (graphml.kind: unknown)",
            )
            named = ", ".join(unknown[:_UNKNOWN_NAMED])
            if len(unknown) > _UNKNOWN_NAMED:
                named += f" and {len(unknown) - _UNKNOWN_NAMED} more"
            self.report.note(f"edges of unknown kind: {named}")

    # ------------------------------------------------------------------ graph
    def payload(self, graph_id: str | None) -> dict[str, Any]:
        attrs = self.doc.data
        claims = self.claims()
        relations = self.relations()
        payload: dict[str, Any] = {
            "id": graph_id or attrs.get("graph_id") or id_from_path(self.path),
            "title": str(attrs.get("title", "")) if self.ours else "",
            "question": str(attrs.get("question", "")) if self.ours else "",
            "claims": claims,
            "relations": relations,
        }
        if self.ours:
            if attrs.get("description"):
                payload["description"] = attrs["description"]
            for key in ("actors", "documents", "meta"):
                if key in attrs:
                    payload[key] = _loads(attrs[key], self.path, 1, f"graph {key}")
        else:
            payload["meta"] = {"imported_from": "graphml"}
            if attrs:
                payload["meta"]["graphml"] = attrs
        if not self.doc.directed:
            self.report.note("the graph's edges are undirected: each is read from source to target")
        self.report.dropped("hyperedge", self.doc.hyperedges, "a relation joins two claims")
        self.report.dropped("graph after the first", self.doc.other_graphs, "one graph a file")
        return payload


def _triple(rel: dict[str, Any]) -> tuple[str, str | list[str], str]:
    """(type, premises, target) of a relation being read, for its default id."""
    sources = rel.get("sources")
    premises = [str(p) for p in sources] if isinstance(sources, list) else str(rel["source"])
    return str(rel["type"]), premises, str(rel["target"])


def from_graphml(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from GraphML (see the module's docstring for how other tools' files are
    read). Raises ``ImportFormatError`` naming the line for malformed XML or GraphML,
    a value its key's type refuses, and JSON attributes of arggraph's own that are not
    JSON; and naming the item for what arggraph/1 refuses (a base above 1...)."""
    importer = _Import(read_graphml(text, path), path)
    payload = importer.payload(graph_id)
    return ImportResult(model_from(payload, path), importer.report)
