"""The argument map as a Mermaid flowchart, which GitHub and GitLab render inline.

A Markdown report or an issue can then carry the map as text. It follows the
Graphviz diagram's conventions as far as Mermaid allows: ``flowchart BT`` puts the
positions on top; positions are stadiums with a thick border, evidence a
parallelogram, other claims rounded boxes; supports are solid green arrows, attacks
dotted red lines ending in a cross; linked premises meet at a junction, a small
circle in the relation's colour from which one link runs to the conclusion, and an
undercut or a backing is a link into the junction of the inference it bears on (the
comments at the top say so, as a legend); each claim is filled in its side's hue at an
intensity set by its strength, which is also printed under the text.

Texts are escaped with Mermaid's entity codes (``#quot;``, ``#35;``...), so no
quote, bracket or ``#`` in a claim can end its label or start a directive.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", question="Go?", claims=[
...     Claim(id="go", text="Go", kind="position"), Claim(id="e", text='Say "no" #1')],
...     relations=[Relation(type="attack", source="e", target="go")]))
>>> text = to_mermaid(g)
>>> "n1 -.-x n0" in text and "#quot;no#quot; #35;1" in text
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ..graph import Graph
from ._junctions import junction_legend, plan
from .escape import clean, wrap
from .focus import neighbourhood
from .palette import ATTACK, MIXED_FILL, NO_SIDE, SUPPORT, fill, hue_for, mix
from .sides import MIXED, sides

__all__ = ["escape_label", "to_mermaid"]

WRAP = 36
MAX_CHARS = 280

_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    ";": "#59;",
}


def escape_label(text: str) -> str:
    """One line of text safe inside a quoted Mermaid label.

    >>> escape_label('a "b" <c> #d')
    'a #quot;b#quot; #lt;c#gt; #35;d'
    """
    return "".join(_ENTITIES.get(ch, ch) for ch in clean(text).replace("\n", " "))


def _label(text: str, extra: list[str]) -> str:
    flat = " ".join(text.split())
    if len(flat) > MAX_CHARS:
        flat = flat[: MAX_CHARS - 1] + "…"
    lines = [escape_label(line) for line in wrap(flat, WRAP)]
    lines += [escape_label(x) for x in extra]
    return '"' + "<br/>".join(lines) + '"'


def to_mermaid(
    graph: Graph,
    *,
    strengths: Mapping[str, float] | None = None,
    focus: str | None = None,
    depth: int | None = None,
    label: str = "text",
    rankdir: str = "TB",
) -> str:
    """A Mermaid ``flowchart`` of the graph (or of the neighbourhood of ``focus``).

    ``label`` is ``text``, ``actors`` (text and who said it) or ``id``; ``rankdir``
    ``TB`` puts positions on top, ``LR`` on the left.
    """
    keep = neighbourhood(graph, focus, depth) if focus is not None else None
    shown = [cid for cid in graph.claims if keep is None or cid in keep]
    names = {cid: f"n{i}" for i, cid in enumerate(shown)}
    side_of = sides(graph)
    hues = {c.id: hue_for(i) for i, c in enumerate(graph.positions)}
    direction = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}.get(rankdir, "BT")
    out: list[str] = []
    title = graph.model.question or graph.model.title
    if title:
        out += [
            "---",
            "title: " + json.dumps(clean(" ".join(title.split())), ensure_ascii=False),
            "---",
        ]
    out.append(f"flowchart {direction}")
    out.append("  %% supports: solid green arrows; attacks: dotted red lines ending in x")
    legend_at = len(out)
    styles: list[str] = []
    for cid in shown:
        claim = graph.claims[cid]
        extra: list[str] = []
        if label == "actors":
            who: list[str] = []
            for att in claim.attributions:
                actor = graph.actors.get(att.actor)
                name = actor.name if actor is not None else att.actor
                if name not in who:
                    who.append(name)
            if who:
                extra.append("— " + ", ".join(who))
        strength = strengths.get(cid) if strengths is not None else None
        if strength is not None:
            extra.append(f"strength {strength:.2f}")
        text = cid if label == "id" else claim.text
        body = _label(text, extra)
        n = names[cid]
        if claim.kind == "position":
            out.append(f"  {n}([{body}])")
        elif claim.kind == "evidence":
            out.append(f"  {n}[/{body}/]")
        else:
            out.append(f"  {n}({body})")
        side = side_of.get(cid)
        if side is None:
            colour = fill(NO_SIDE, strength)
        elif side == MIXED:
            colour = MIXED_FILL
        elif side.against:
            colour = fill(NO_SIDE, strength)
        else:
            colour = fill(hues.get(side.position, NO_SIDE), strength)
        stroke = "#595959"
        width = "1px"
        if claim.kind == "position":
            stroke = mix(hues.get(cid, NO_SIDE), "#000000", 0.35)
            width = "3px"
        if cid == focus:
            stroke, width = "#000000", "4px"
        styles.append(
            f"  style {n} fill:{colour},stroke:{stroke},stroke-width:{width},color:#000000"
        )
    drawn = plan(graph, set(shown))
    out[legend_at:legend_at] = [f"  %% {line}" for line in junction_legend(drawn)]
    links: dict[str, list[int]] = {"support": [], "attack": []}
    for d in drawn:
        rel = d.rel
        target = names[rel.target] if d.target_junction is None else f"j{d.target_junction}"
        arrow = "-.-x" if rel.type == "attack" else "-->"
        if d.junction is None:
            out.append(f"  {names[rel.premises[0]]} {arrow} {target}")
            links[rel.type].append(sum(map(len, links.values())))
            continue
        j = f"j{d.junction}"
        colour = ATTACK if rel.type == "attack" else SUPPORT
        out.append(f'  {j}((" "))')
        styles.append(f"  style {j} fill:{colour},stroke:{colour}")
        line = "-.-" if rel.type == "attack" else "---"
        for premise in rel.premises:
            out.append(f"  {names[premise]} {line} {j}")
            links[rel.type].append(sum(map(len, links.values())))
        out.append(f"  {j} {arrow} {target}")
        links[rel.type].append(sum(map(len, links.values())))
    supports, attacks = links["support"], links["attack"]
    out += styles
    if supports:
        out.append(
            "  linkStyle " + ",".join(map(str, supports)) + f" stroke:{SUPPORT},stroke-width:2px"
        )
    if attacks:
        out.append(
            "  linkStyle "
            + ",".join(map(str, attacks))
            + f" stroke:{ATTACK},stroke-width:2px,stroke-dasharray:5 4"
        )
    return "\n".join(out) + "\n"
