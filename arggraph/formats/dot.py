"""The debate as a Graphviz diagram: the argument map people put in reports.

The layout reads top-down like a classic argument map: the question as the title,
the positions as bold nodes on top, claims and evidence below them, each relation
drawn from the claim it bears on down to its source (edges are written target to
source with ``dir=back``, so Graphviz ranks targets above their sources while the
arrowheads still sit at the target). Support and attack differ in colour, line
style and arrowhead (green solid arrow, red dashed bar), so they survive greyscale
printing. Linked premises meet at a junction, a small dot in the relation's colour, from
which one arrow runs to the conclusion; an undercut or a backing is an arrow to the
junction of the inference it bears on (:mod:`arggraph.formats._junctions`). Each claim
is filled in the hue of the side it ends up serving (see
:mod:`arggraph.formats.sides`) at an intensity set by its computed strength, which
is also printed as a small figure with a bar. A legend explains all of it.

Every text from the graph is escaped for its context (HTML-like labels, quoted
strings); nodes are named ``n0``, ``n1``... so no claim id ever reaches DOT syntax.
The output is plain DOT text written directly (no pydot objects), so a 10k-claim
diagram is built in well under a second; it parses with pydot and with ``dot``.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", question="Go or stay?", claims=[
...     Claim(id="go", text="We should go", kind="position"),
...     Claim(id="e", text='He said "no" <b>', kind="evidence")],
...     relations=[Relation(type="attack", source="e", target="go")]))
>>> text = to_dot(g, strengths={"go": 0.25, "e": 0.5})
>>> "n0 -> n1" in text and "arrowtail=tee" in text and "&lt;b&gt;" in text
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import UsageError
from ..graph import Graph
from ..model import Claim, Relation
from ._junctions import Drawn, junction_legend, plan
from .escape import dot_quote, dot_tooltip, html_lines, html_text, wrap
from .focus import DEFAULT_DEPTH, neighbourhood
from .palette import ATTACK, MIXED_FILL, NO_SIDE, SUPPORT, fill, hue_for, mix
from .sides import MIXED, Side, sides

__all__ = ["CLUSTERS", "LABELS", "RANKDIRS", "DiagramStats", "read_stats", "to_dot"]

LABELS = ("text", "actors", "id")
CLUSTERS = ("none", "actor", "document")
RANKDIRS = ("TB", "LR", "BT", "RL")

FONT = "Helvetica"
#: Characters per line in a claim's box, and at most how many lines before "…".
WRAP = 34
MAX_LINES = 9
POSITION_WRAP = 30

_STATS_PREFIX = "// arggraph-diagram:"


@dataclass(frozen=True)
class DiagramStats:
    """The size and shape of a diagram, written as its first line so that
    :func:`arggraph.formats.render.render` can choose a layout engine from the DOT
    text alone. ``cycles`` counts the relations that close a cycle when directions
    are ignored (0 for a tree; a debate whose two positions attack each other has 1).
    """

    nodes: int
    edges: int
    cycles: int

    @property
    def tree_like(self) -> bool:
        """A tree with at most a few cross-links, which ``dot`` ranks quickly."""
        return self.cycles <= max(10, self.nodes // 50)

    def line(self) -> str:
        return f"{_STATS_PREFIX} nodes={self.nodes} edges={self.edges} cycles={self.cycles}"


def read_stats(dot_text: str) -> DiagramStats | None:
    """The :class:`DiagramStats` line of a diagram made here, or ``None``.

    >>> read_stats("// arggraph-diagram: nodes=3 edges=2 cycles=0\\ndigraph {}")
    DiagramStats(nodes=3, edges=2, cycles=0)
    """
    first = dot_text.lstrip()[:200].split("\n", 1)[0]
    if not first.startswith(_STATS_PREFIX):
        return None
    fields = dict(part.split("=", 1) for part in first[len(_STATS_PREFIX) :].split() if "=" in part)
    try:
        return DiagramStats(int(fields["nodes"]), int(fields["edges"]), int(fields["cycles"]))
    except (KeyError, ValueError):
        return None


def _cycles(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> int:
    """How many edges close a cycle, directions ignored (union-find)."""
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    closing = 0
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            closing += 1
        else:
            parent[ra] = rb
    return closing


def _attr_list(attrs: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in attrs.items())


def _font(size: int, colour: str | None = None) -> str:
    """An opening FONT tag; the face is named every time because Graphviz loses it
    inside nested tables."""
    col = f' COLOR="{colour}"' if colour else ""
    return f'<FONT FACE="{FONT}" POINT-SIZE="{size}"{col}>'


def _figure(value: float) -> str:
    return f"{value:.2f}"


class _Writer:
    """Builds one diagram; holds the choices so the helpers stay small."""

    def __init__(
        self,
        graph: Graph,
        strengths: Mapping[str, float] | None,
        label: str,
        semantics: str | None,
        base: Mapping[str, float] | None = None,
    ) -> None:
        self.graph = graph
        self.strengths = strengths
        self.base = base
        self.label = label
        self.semantics = semantics
        self.sides = sides(graph)
        self.hues = {c.id: hue_for(i) for i, c in enumerate(graph.positions)}
        self.names = {cid: f"n{i}" for i, cid in enumerate(graph.claims)}

    # ------------------------------------------------------------------ colours
    def hue(self, claim_id: str) -> tuple[str, Side | None]:
        side = self.sides.get(claim_id)
        if side is None:
            return NO_SIDE, None
        if side == MIXED:
            return MIXED_FILL, side
        return self.hues.get(side.position, NO_SIDE), side

    # ------------------------------------------------------------------ nodes
    def actors_of(self, claim: Claim) -> list[str]:
        names: list[str] = []
        for att in claim.attributions:
            actor = self.graph.actors.get(att.actor)
            name = actor.name if actor is not None else att.actor
            if name not in names:
                names.append(name)
        return names

    def node(self, claim: Claim, focus: str | None) -> str:
        strength = self.strengths.get(claim.id) if self.strengths is not None else None
        hue, side = self.hue(claim.id)
        is_position = claim.kind == "position"
        attrs: dict[str, str] = {"label": self.node_label(claim, strength)}
        if side == MIXED:
            attrs["fillcolor"] = dot_quote(MIXED_FILL)
            attrs["style"] = dot_quote("rounded,filled,dotted")
        elif side is not None and side.against:
            attrs["fillcolor"] = dot_quote(fill(NO_SIDE, strength))
            attrs["color"] = dot_quote(hue)
            attrs["style"] = dot_quote("rounded,filled,dashed")
            attrs["penwidth"] = "1.8"
        else:
            attrs["fillcolor"] = dot_quote(fill(hue, strength))
        if is_position:
            attrs["style"] = dot_quote("rounded,filled,bold")
            attrs["penwidth"] = "3"
            attrs["color"] = dot_quote(mix(hue, "#000000", 0.35))
        elif claim.kind == "evidence":
            attrs["shape"] = "note"
            if "style" not in attrs:
                attrs["style"] = "filled"
            else:
                attrs["style"] = attrs["style"].replace("rounded,", "")
        if claim.id == focus:
            attrs["penwidth"] = "4"
            attrs["color"] = dot_quote("#000000")
        tip = f"{claim.id}: {claim.text}"
        if strength is not None:
            base = self.base.get(claim.id, claim.base) if self.base is not None else claim.base
            tip += f"\nstrength {_figure(strength)} (base {_figure(base)})"
        attrs["tooltip"] = dot_tooltip(tip)
        return f"  {self.names[claim.id]} [{_attr_list(attrs)}];"

    def node_label(self, claim: Claim, strength: float | None) -> str:
        rows: list[str] = []
        tag = {"position": "POSITION", "evidence": "EVIDENCE"}.get(claim.kind, "")
        head = f"{tag} · {claim.id}" if tag else claim.id
        rows.append(f'<TR><TD ALIGN="LEFT">{_font(8, "#4d4d4d")}{html_text(head)}</FONT></TD></TR>')
        if self.label != "id":
            if claim.kind == "position":
                body = html_lines(claim.text, POSITION_WRAP, max_lines=MAX_LINES)
                body = f"{_font(14)}<B>{body}</B></FONT>"
            else:
                body = html_lines(claim.text, WRAP, max_lines=MAX_LINES)
            rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD></TR>')
        if self.label == "actors":
            names = self.actors_of(claim)
            if names:
                who = html_lines("— " + ", ".join(names), WRAP + 4, max_lines=3)
                rows.append(
                    f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{_font(9, "#333333")}'
                    f"<I>{who}</I></FONT></TD></TR>"
                )
        if strength is not None:
            base = self.base.get(claim.id, claim.base) if self.base is not None else claim.base
            rows.append(f'<TR><TD ALIGN="RIGHT">{self.strength_bar(strength, base)}</TD></TR>')
        return (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            + "".join(rows)
            + "</TABLE>>"
        )

    @staticmethod
    def strength_bar(strength: float, base: float) -> str:
        total = 50
        filled = max(1, min(total - 1, round(strength * total)))
        bar = (
            '<TABLE BORDER="1" COLOR="#262626" CELLBORDER="0" CELLSPACING="0" '
            'CELLPADDING="0"><TR>'
            f'<TD WIDTH="{filled}" HEIGHT="7" FIXEDSIZE="TRUE" BGCOLOR="#262626"></TD>'
            f'<TD WIDTH="{total - filled}" HEIGHT="7" FIXEDSIZE="TRUE" BGCOLOR="#ffffff">'
            "</TD></TR></TABLE>"
        )
        return (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f"<TD>{_font(8, '#595959')}base {_figure(base)}   </FONT></TD>"
            f"<TD>{bar}</TD>"
            f"<TD>{_font(11)}<B> {_figure(strength)}</B></FONT></TD>"
            "</TR></TABLE>"
        )

    # ------------------------------------------------------------------ edges
    def edge_style(self, rel: Relation) -> dict[str, str]:
        attack = rel.type == "attack"
        return {
            "color": dot_quote(ATTACK if attack else SUPPORT),
            "style": "dashed" if attack else "solid",
            "penwidth": f"{1.0 + 1.6 * rel.weight:.2f}",
        }

    def speakers(self, rel: Relation) -> str:
        """`` — who said it`` for ``--label actors``, else nothing."""
        if self.label != "actors" or not rel.attributions:
            return ""
        names: list[str] = []
        for att in rel.attributions:
            actor = self.graph.actors.get(att.actor)
            name = actor.name if actor is not None else att.actor
            if name not in names:
                names.append(name)
        return " — " + ", ".join(names)

    def what(self, rel: Relation) -> str:
        """What a relation says, for tooltips: ``a + b support c``, ``u attacks the
        inference r``."""
        verb = "attack" if rel.type == "attack" else "support"
        if rel.target in self.graph.claims:
            bears_on = rel.target
        else:
            aimed = self.graph.relations[rel.target]
            bears_on = (
                f"the inference {rel.target} ({' + '.join(aimed.premises)} -> {aimed.target})"
            )
        if rel.sources is not None:
            return f"{' + '.join(rel.premises)} together {verb} {bears_on}"
        return f"{rel.premises[0]} {verb}s {bears_on}"

    def edge(self, d: Drawn, minlen: int = 1) -> list[str]:
        """The DOT lines of one relation: one edge from its premise, or a junction node
        with an edge from each premise and one to the conclusion. Edges are written from
        the target down (``dir=back``) so that Graphviz ranks targets above sources."""
        rel = d.rel
        attack = rel.type == "attack"
        colour = ATTACK if attack else SUPPORT
        style = self.edge_style(rel)
        target = self.names[rel.target] if d.target_junction is None else f"j{d.target_junction}"
        tip = self.what(rel)
        attrs: dict[str, str] = {"dir": "back", **style, "arrowtail": "tee" if attack else "normal"}
        if rel.weight != 1.0:
            attrs["label"] = dot_quote(f"×{rel.weight:g}")
            attrs["fontcolor"] = dot_quote(colour)
            attrs["fontsize"] = "9"
            tip += f" (weight {rel.weight:g})"
        tip += self.speakers(rel)
        attrs["tooltip"] = dot_tooltip(tip)
        if minlen > 1:
            attrs["minlen"] = str(minlen)
        if d.junction is None:
            source = self.names[rel.premises[0]]
            return [f"  {target} -> {source} [{_attr_list(attrs)}];"]
        j = f"j{d.junction}"
        node = {
            "shape": "circle",
            "label": dot_quote(""),
            "width": "0.14",
            "height": "0.14",
            "fixedsize": "true",
            "style": "filled",
            "fillcolor": dot_quote(colour),
            "color": dot_quote(colour),
            "tooltip": dot_tooltip(f"{rel.id}: {tip}"),
        }
        out = [f"  {j} [{_attr_list(node)}];", f"  {target} -> {j} [{_attr_list(attrs)}];"]
        for premise in rel.premises:
            into = {
                "dir": "none",
                **style,
                "tooltip": dot_tooltip(f"{premise}, in {rel.id}: {tip}"),
            }
            out.append(f"  {j} -> {self.names[premise]} [{_attr_list(into)}];")
        return out

    # ------------------------------------------------------------------ frame
    def title(self, focus: str | None, depth: int | None) -> str | None:
        model = self.graph.model
        lines: list[str] = []
        if model.question.strip():  # an empty <B></B> is a syntax error to Graphviz
            lines.append(
                _font(20)
                + "<B>"
                + "<BR/>".join(html_text(x) for x in wrap(model.question, 70))
                + "</B></FONT>"
            )
        sub = [x for x in (model.title if model.title != model.question else "",) if x]
        if focus is not None:
            sub.append(f"around {focus} (depth {depth})")
        if sub:
            lines.append(f"{_font(12, '#4d4d4d')}{html_text(' · '.join(sub))}</FONT>")
        if not lines:
            return None
        return "<" + "<BR/>".join(lines) + "<BR/> >"

    def legend(self, shown: Iterable[str], drawn: list[Drawn] | None = None) -> list[str]:
        shown = list(shown)
        drawn = drawn or []
        sides_shown = {self.sides.get(cid) for cid in shown}
        kinds = {self.graph.claims[cid].kind for cid in shown}
        rows: list[str] = []

        def swatch(colour: str, text: str, border: str = "#4d4d4d") -> str:
            return (
                f'<TR><TD BGCOLOR="{colour}" COLOR="{border}" BORDER="1" WIDTH="18">'
                f'</TD><TD ALIGN="LEFT">{text}</TD></TR>'
            )

        for p in self.graph.positions:
            if Side(p.id) in sides_shown:
                short = html_text(_shorten(p.text, 40))
                rows.append(swatch(fill(self.hues[p.id], 0.6), f"serves: {short}"))
            if Side(p.id, against=True) in sides_shown:
                short = html_text(_shorten(p.text, 40))
                rows.append(swatch(fill(NO_SIDE, 0.6), f"against: {short}", border=self.hues[p.id]))
        if MIXED in sides_shown:
            rows.append(swatch(MIXED_FILL, "mixed: serves more than one side"))
        if None in sides_shown and self.graph.positions:
            rows.append(swatch(fill(NO_SIDE, 0.6), "reaches no position"))
        if self.strengths is not None:
            name = html_text(self.semantics) if self.semantics else "computed"
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_font(9)}'
                f"fill depth and bar: {name} strength (0 to 1)</FONT></TD></TR>"
            )
        shapes = []
        if "position" in kinds:
            shapes.append("bold box: position")
        if "evidence" in kinds:
            shapes.append("folded note: evidence")
        if shapes:
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_font(9)}'
                + html_text("; ".join(shapes))
                + "</FONT></TD></TR>"
            )
        for line in junction_legend(drawn):
            rows.append(
                f'<TR><TD COLSPAN="2" ALIGN="LEFT">{_font(9)}{html_text(line)}</FONT></TD></TR>'
            )
        out = [
            "  subgraph cluster_legend {",
            f'    label=<<B>Legend</B>>; fontsize=11; style="rounded"; color="#bdbdbd";'
            f' fontname="{FONT}";',
            '    node [style="", fillcolor="none", color="#4d4d4d"];',
            '    lg_sup_t [shape=point, width=0.08, color="#4d4d4d"];',
            f'    lg_sup_s [shape=plaintext, label="supports", fontcolor="{SUPPORT}", '
            "fontsize=10];",
            f'    lg_sup_t -> lg_sup_s [dir=back, color="{SUPPORT}", style=solid, '
            "arrowtail=normal, penwidth=2.2];",
            '    lg_att_t [shape=point, width=0.08, color="#4d4d4d"];',
            f'    lg_att_s [shape=plaintext, label="attacks", fontcolor="{ATTACK}", fontsize=10];',
            f'    lg_att_t -> lg_att_s [dir=back, color="{ATTACK}", style=dashed, '
            "arrowtail=tee, penwidth=2.2];",
            "    { rank=same; lg_sup_s; lg_sup_t; }",
            "    { rank=same; lg_att_s; lg_att_t; }",
        ]
        if rows:
            table = (
                '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">'
                + "".join(rows)
                + "</TABLE>>"
            )
            out.append(f"    lg_key [shape=plaintext, fontsize=10, label={table}];")
        out.append("  }")
        return out


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _stagger(rels: list[Relation]) -> dict[str, int]:
    """Longer edges for some of the arguments of a claim that has many of them.

    A position with thirty direct arguments makes a diagram thirty boxes wide;
    putting every second or third of them a rank lower (as Graphviz's ``unflatten``
    does for leaves) keeps the map closer to the shape of a page. Leaves are moved
    first, since lowering them moves nothing else. Returns relation id -> minlen for
    the edges to lengthen.
    """
    incoming: dict[str, list[Relation]] = {}
    for rel in rels:
        incoming.setdefault(rel.target, []).append(rel)
    out: dict[str, int] = {}
    for target, edges in incoming.items():
        if len(edges) <= 4:
            continue
        levels = min(4, -(-len(edges) // 4))
        ordered = sorted(edges, key=lambda r: any(p in incoming for p in r.premises))
        for i, rel in enumerate(ordered):
            if i % levels and target not in rel.premises:
                out[rel.id] = 1 + i % levels
    return out


def _group_key(graph: Graph, claim: Claim, cluster: str) -> tuple[str, str] | None:
    for att in claim.attributions:
        if cluster == "actor":
            actor = graph.actors.get(att.actor)
            return att.actor, actor.name if actor is not None else att.actor
        if cluster == "document" and att.document is not None:
            doc = graph.documents.get(att.document)
            return att.document, doc.title if doc is not None else att.document
    return None


def to_dot(
    graph: Graph,
    *,
    strengths: Mapping[str, float] | None = None,
    focus: str | None = None,
    depth: int | None = None,
    label: str = "text",
    cluster: str = "none",
    rankdir: str = "TB",
    semantics: str | None = None,
    legend: bool = True,
    base: Mapping[str, float] | None = None,
) -> str:
    """The DOT text of the argument map.

    ``strengths`` (claim id -> 0..1, e.g. from the gradual engine) sets each
    claim's fill intensity and printed figure; ``focus``/``depth`` keep only the
    neighbourhood of one claim; ``label`` is ``text`` (the claim's text), ``actors``
    (text and who said it) or ``id``; ``cluster`` groups claims by the ``actor`` or
    ``document`` of their first attribution; ``rankdir`` is Graphviz's (``TB`` puts
    the positions on top, ``LR`` on the left); ``semantics`` names the semantics in
    the legend; ``base`` gives the base scores to print (a score sheet's), where
    they differ from the claims'.
    """
    if label not in LABELS:
        raise UsageError(f"label must be one of {', '.join(LABELS)}, not {label!r}")
    if cluster not in CLUSTERS:
        raise UsageError(f"cluster must be one of {', '.join(CLUSTERS)}, not {cluster!r}")
    if rankdir not in RANKDIRS:
        raise UsageError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {rankdir!r}")
    if depth is not None and focus is None:
        raise UsageError("--depth needs --focus CLAIM")
    keep: set[str] | None = None
    if focus is not None:
        keep = neighbourhood(graph, focus, depth)
        depth = depth if depth is not None else DEFAULT_DEPTH
    w = _Writer(graph, strengths, label, semantics, base)
    shown = [cid for cid in graph.claims if keep is None or cid in keep]
    shown_set = set(shown)
    drawn = plan(graph, shown_set)
    nodes = [w.names[cid] for cid in shown] + [
        f"j{d.junction}" for d in drawn if d.junction is not None
    ]
    lines: list[tuple[str, str]] = []
    for d in drawn:
        end = w.names[d.rel.target] if d.target_junction is None else f"j{d.target_junction}"
        if d.junction is None:
            lines.append((w.names[d.rel.premises[0]], end))
        else:
            lines.append((f"j{d.junction}", end))
            lines += [(w.names[p], f"j{d.junction}") for p in d.rel.premises]
    stats = DiagramStats(len(nodes), len(lines), _cycles(nodes, lines))
    out = [stats.line(), "digraph arggraph {"]
    graph_attrs = {
        "rankdir": rankdir,
        "newrank": "true",
        "charset": dot_quote("UTF-8"),
        "fontname": dot_quote(FONT),
        "nodesep": "0.3",
        "ranksep": "0.5",
        "labelloc": "t",
        "labeljust": "c",
        "pad": "0.3",
        "outputorder": "edgesfirst",
        "tooltip": dot_tooltip(graph.model.title or graph.model.question or graph.id),
    }
    title = w.title(focus, depth)
    if title is not None:
        graph_attrs["label"] = title
    out.append(f"  graph [{_attr_list(graph_attrs)}];")
    out.append(
        f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=11, '
        'margin="0.12,0.06", penwidth=1.2, color="#595959"];'
    )
    out.append(f'  edge [fontname="{FONT}", arrowsize=0.9];')

    groups: dict[str, tuple[str, list[str]]] = {}
    loose: list[str] = []
    for cid in shown:
        claim = graph.claims[cid]
        key = _group_key(graph, claim, cluster) if cluster != "none" else None
        if key is None:
            loose.append(cid)
        else:
            groups.setdefault(key[0], (key[1], []))[1].append(cid)
    for cid in loose:
        out.append(w.node(graph.claims[cid], focus))
    for k, (name, members) in enumerate(groups.values()):
        out.append(f"  subgraph cluster_{k} {{")
        out.append(
            f'    label=<<B>{html_text(_shorten(name, 60))}</B>>; style="rounded,dashed"; '
            f'color="#9e9e9e"; fontsize=12; fontname="{FONT}";'
        )
        out.extend("  " + w.node(graph.claims[cid], focus) for cid in members)
        out.append("  }")
    stagger = _stagger([d.rel for d in drawn if d.target_junction is None])
    for d in drawn:
        out.extend(w.edge(d, stagger.get(d.rel.id, 1)))
    top = [w.names[c.id] for c in graph.positions if c.id in shown_set and c.id in set(loose)]
    if len(top) > 1:
        out.append("  { rank=same; " + " ".join(f"{n};" for n in top) + " }")
    if legend and shown:
        out.extend(w.legend(shown, drawn))
    out.append("}")
    return "\n".join(out) + "\n"
