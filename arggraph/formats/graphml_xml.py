"""GraphML read as the format defines it: keys, nested graphs, nodes, edges and their data.

GraphML (graphml.graphdrawing.org) declares its attributes as ``<key>`` elements (a
name, a type, what they apply to, an optional default) and gives each node and edge
``<data>`` for some of them. Edge ids are optional; a node holding a ``<graph>`` is a
group of the nodes inside it (yEd's group nodes are such nodes). This module reads a file
into :class:`GraphmlDocument` with every node and edge (at any depth), its data typed as
its key says, yEd's graphics elements kept for :mod:`~arggraph.formats.yed`, and the line
each starts on, so every error names its place. The XML is read with expat; a file that
declares entities is refused (they could expand without bound).

>>> doc = read_graphml('''<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
...   <key id="w" for="edge" attr.name="weight" attr.type="double"/>
...   <graph edgedefault="directed"><node id="a"/><node id="b"/>
...   <edge source="a" target="b"><data key="w">0.5</data></edge></graph></graphml>''')
>>> [n.id for n in doc.nodes], [(e.id, e.source, e.target, e.data) for e in doc.edges]
(['a', 'b'], [(None, 'a', 'b', {'weight': 0.5})])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from .imported import fail

__all__ = ["Element", "GraphmlDocument", "Item", "parse_xml", "read_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


@dataclass
class Element:
    """An XML element: ``tag`` is ``{namespace}name`` (or ``name``), ``text`` the
    character data directly inside it, ``line`` where it starts (1-based)."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    @property
    def name(self) -> str:
        """The tag without its namespace."""
        return self.tag.rpartition("}")[2]

    def all(self, name: str) -> list[Element]:
        """The children named ``name`` (any namespace)."""
        return [c for c in self.children if c.name == name]

    def walk(self) -> list[Element]:
        """This element and every element inside it, in document order."""
        out = [self]
        for child in self.children:
            out += child.walk()
        return out


def parse_xml(text: str, path: str | Path | None) -> Element:
    """The root element of an XML document. Raises ``ImportFormatError`` naming the line
    and column of malformed XML, and refusing entity declarations."""
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[Element] = []
    root: list[Element] = []

    def start(tag: str, attrib: dict[str, str]) -> None:
        name = "{" + tag if "}" in tag else tag
        el = Element(name, dict(attrib), parser.CurrentLineNumber)
        (stack[-1].children if stack else root).append(el)
        stack.append(el)

    def end(tag: str) -> None:
        stack.pop()

    def data(chars: str) -> None:
        if stack:
            stack[-1].text += chars

    def entity(*args: object) -> None:
        raise ValueError("the file declares XML entities, which arggraph does not expand")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise fail(
            f"not XML: {expat.ErrorString(exc.code)}",
            path,
            place=f"line {exc.lineno}, column {exc.offset + 1}",
        ) from None
    except ValueError as exc:
        raise fail(str(exc), path, place=f"line {parser.CurrentLineNumber}") from None
    return root[0]


@dataclass(frozen=True)
class _Key:
    domain: str
    name: str
    type: str
    yfiles: str | None
    default: str | None


@dataclass
class Item:
    """A node or an edge: its id (``None`` for an edge without one), typed data by key
    name, yEd's graphics element if any, and its line. Nodes have ``groups``, the ids of
    the group nodes around them (outermost first), and ``is_group``; edges ``source``
    and ``target``."""

    id: str | None
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    graphics: Element | None = None
    groups: tuple[str, ...] = ()
    is_group: bool = False
    source: str = ""
    target: str = ""


@dataclass
class GraphmlDocument:
    """A GraphML file's first graph: its data, its nodes and edges at every depth, and
    what arggraph does not read (``hyperedges``, ``other_graphs``); ``directed`` is
    false when the graph's edges default to undirected."""

    data: dict[str, Any]
    nodes: list[Item]
    edges: list[Item]
    directed: bool = True
    hyperedges: int = 0
    other_graphs: int = 0


_TYPES = {"boolean", "int", "long", "float", "double", "string"}


def _typed(raw: str, kind: str) -> Any:
    """A data value as its key's ``attr.type`` says; ``ValueError`` if it is not one."""
    value = raw.strip()
    if kind == "boolean":
        if value.lower() not in ("true", "false", "1", "0"):
            raise ValueError
        return value.lower() in ("true", "1")
    if kind in ("int", "long"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    return raw


def _keys(root: Element, path: str | Path | None) -> dict[str, _Key]:
    keys: dict[str, _Key] = {}
    for el in root.all("key"):
        ident = el.attrib.get("id")
        if not ident:
            raise fail("a <key> without an id", path, el.line)
        kind = el.attrib.get("attr.type", "string")
        if kind not in _TYPES:
            raise fail(f"key {ident!r} has the unknown attr.type {kind!r}", path, el.line)
        defaults = el.all("default")
        keys[ident] = _Key(
            el.attrib.get("for", "all"),
            el.attrib.get("attr.name") or el.attrib.get("yfiles.type") or ident,
            kind,
            el.attrib.get("yfiles.type"),
            defaults[0].text if defaults else None,
        )
    return keys


class _Reader:
    def __init__(self, root: Element, path: str | Path | None) -> None:
        self.path = path
        self.keys = _keys(root, path)
        self.nodes: list[Item] = []
        self.edges: list[Item] = []
        self.hyperedges = 0

    def data(self, el: Element, domain: str, what: str) -> tuple[dict[str, Any], Element | None]:
        out: dict[str, Any] = {}
        graphics = None
        for key in self.keys.values():
            if key.domain in (domain, "all") and key.default is not None and not key.yfiles:
                out[key.name] = self.value(key.default, key, what, el.line)
        for d in el.all("data"):
            ref = d.attrib.get("key", "")
            key = self.keys.get(ref, _Key(domain, ref or "data", "string", None, None))
            if key.yfiles is not None:
                graphics = d
                continue
            if d.children:
                continue  # another tool's XML extension: not a value
            out[key.name] = self.value(d.text, key, what, d.line)
        return out, graphics

    def value(self, raw: str, key: _Key, what: str, line: int) -> Any:
        try:
            return _typed(raw, key.type)
        except ValueError:
            raise fail(
                f"{what}: {key.name!r} should be a {key.type}, found {raw.strip()[:40]!r}",
                self.path,
                line,
            ) from None

    def graph(self, el: Element, groups: tuple[str, ...]) -> None:
        for child in el.children:
            if child.name == "node":
                self.node(child, groups)
            elif child.name == "edge":
                self.edge(child)
            elif child.name == "hyperedge":
                self.hyperedges += 1

    def node(self, el: Element, groups: tuple[str, ...]) -> None:
        ident = el.attrib.get("id")
        if not ident:
            raise fail("a <node> without an id", self.path, el.line)
        data, graphics = self.data(el, "node", f"node {ident!r}")
        inner = el.all("graph")
        self.nodes.append(Item(ident, el.line, data, graphics, groups, is_group=bool(inner)))
        for graph in inner:
            self.graph(graph, (*groups, ident))

    def edge(self, el: Element) -> None:
        ident = el.attrib.get("id") or None
        source, target = el.attrib.get("source"), el.attrib.get("target")
        what = f"edge {ident!r}" if ident else "an edge"
        if not source or not target:
            raise fail(f"{what} has no source or no target", self.path, el.line)
        data, graphics = self.data(el, "edge", what)
        self.edges.append(Item(ident, el.line, data, graphics, source=source, target=target))


def read_graphml(text: str, path: str | Path | None = None) -> GraphmlDocument:
    """The first graph of a GraphML document, with every node and edge inside it.

    Raises ``ImportFormatError`` naming the line for malformed XML, a root that is not
    ``<graphml>``, no ``<graph>``, a node without an id or given twice, an edge without
    source or target or naming an undeclared node, and a value its key's type refuses.
    """
    root = parse_xml(text, path)
    if root.name != "graphml":
        raise fail(f"not GraphML: the root element is <{root.name}>", path, root.line)
    graphs = root.all("graph")
    if not graphs:
        raise fail("no <graph> in this GraphML file", path, root.line)
    reader = _Reader(root, path)
    graph_data, _ = reader.data(graphs[0], "graph", "the graph")
    reader.graph(graphs[0], ())
    seen: dict[str, int] = {}
    for node in reader.nodes:
        assert node.id is not None
        if node.id in seen:
            raise fail(
                f"node {node.id!r} is declared twice (first on line {seen[node.id]})",
                path,
                node.line,
            )
        seen[node.id] = node.line
    for edge in reader.edges:
        for end in (edge.source, edge.target):
            if end not in seen:
                what = f"edge {edge.id!r}" if edge.id else f"edge {edge.source} -> {edge.target}"
                raise fail(f"{what} names node {end!r}, which no <node> declares", path, edge.line)
    return GraphmlDocument(
        graph_data,
        reader.nodes,
        reader.edges,
        directed=graphs[0].attrib.get("edgedefault", "directed") != "undirected",
        hyperedges=reader.hyperedges,
        other_graphs=len(graphs) - 1,
    )
