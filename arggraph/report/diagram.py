"""The map for a report: inline SVG drawn by Graphviz, or an outline where it cannot be.

An HTML report carries two drawings of the same map (:func:`draw`): the whole map, which a
desktop screen and print show, and the neighbourhood of the positions (the claims one
relation away from a position) laid out left to right, which a narrow screen shows in its
place; the page's CSS picks one. When the neighbourhood is the whole map, there is one
drawing. Both come from :func:`~arggraph.formats.dot.to_dot` (every text escaped there),
coloured by the strengths under the report's scores.

Each SVG is made fit to sit inside a page (:func:`inline_svg`): the XML prolog and
comments go, every ``id`` gets a prefix of its own (two drawings on one page must not
share ids), and the root gets ``role="img"`` with a ``<title>`` and a ``<desc>`` a screen
reader reads out (escaped), as the alternative text of the picture.

Without Graphviz on the machine (or when it fails), :attr:`Drawing.missing` says why, and
the writers show the map as an outline instead and say so.

>>> svg = b'<?xml version="1.0"?>\\n<!-- x -->\\n<svg width="10pt" viewBox="0 0 10 10">'
>>> svg += b'<g id="graph0"><title>arggraph</title></g></svg>'
>>> out = inline_svg(svg, "m", "A map of <this>", "Two claims.")
>>> print(out.replace("><", ">\\n<"))
<svg role="img" aria-labelledby="m-title m-desc" class="map-svg" width="10pt" viewBox="0 0 10 10">
<title id="m-title">A map of &lt;this&gt;</title>
<desc id="m-desc">Two claims.</desc>
<g id="m-graph0">
<title>arggraph</title>
</g>
</svg>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ..errors import ArggraphError
from ..formats.dot import to_dot
from ..formats.focus import neighbourhood, restrict
from ..formats.render import graphviz_available, render
from ..text import one_line
from ._words import plural

if TYPE_CHECKING:
    from ..graph import Graph
    from .content import ReportContent

__all__ = ["NEAR_DEPTH", "Drawing", "draw", "inline_svg", "near_positions"]

#: How many relations away from a position the narrow screen's map reaches.
NEAR_DEPTH = 1

_ID = re.compile(r'(\sid=")([^"]*")')
_REFS = re.compile(r'((?:xlink:)?href="#|url\(#)')


@dataclass(frozen=True)
class Drawing:
    """The report's map: ``whole`` and ``near`` (the positions' neighbourhood, ``None``
    when it is the whole map) are SVG markup ready to inline; ``missing`` says why there
    is no drawing (then both are ``None``)."""

    whole: str | None = None
    near: str | None = None
    missing: str | None = None
    near_claims: int = 0


def inline_svg(svg: bytes, prefix: str, title: str, desc: str) -> str:
    """Graphviz's SVG ``svg`` as markup for inside an HTML page (see the module).

    ``prefix`` goes before every id (and every reference to one), ``title`` and ``desc``
    (plain text, escaped here) become the picture's accessible name and description.
    """
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :].strip()
    text = _ID.sub(lambda m: f"{m[1]}{prefix}-{m[2]}", text)
    text = _REFS.sub(lambda m: f"{m[1]}{prefix}-", text)
    head_end = text.index(">")
    head = text[4:head_end]
    head = (
        f' role="img" aria-labelledby="{prefix}-title {prefix}-desc" class="map-svg"' + head
    ).replace("\n", " ")
    label = (
        f'<title id="{prefix}-title">{escape(one_line(title))}</title>'
        f'<desc id="{prefix}-desc">{escape(one_line(desc))}</desc>'
    )
    return f"<svg{head}>{label}{text[head_end + 1 :]}"


def near_positions(graph: Graph, depth: int = NEAR_DEPTH) -> set[str]:
    """The ids of the claims within ``depth`` relations of a position (positions too)."""
    keep: set[str] = set()
    for p in graph.positions:
        keep |= neighbourhood(graph, p.id, depth)
    return keep


def _description(graph: Graph, claims: int, relations: int) -> str:
    return (
        f"{plural(claims, 'claim')} and {plural(relations, 'relation')}. Positions are bold "
        "boxes on top; supports are green solid arrows, attacks red dashed lines ending in a "
        "bar; the deeper a box's fill, the stronger the claim, and its strength is printed "
        "in it. The list of claims on this page says the same in words."
    )


def draw(content: ReportContent) -> Drawing:
    """The report's map as inline SVG (see the module), or why it cannot be drawn."""
    if not graphviz_available("dot"):
        return Drawing(
            missing="Graphviz is not installed on the machine that made this report, so the "
            "map is given as an outline"
        )
    graph = content.graph
    label = content.semantics.label
    base = None
    if content.sheet is not None:
        fw = graph.framework.with_scores(content.sheet)
        base = dict(zip(fw.ids, fw.base.tolist(), strict=True))
    question = content.question or content.title or graph.id
    keep = near_positions(graph)
    try:
        whole_dot = to_dot(graph, strengths=content.strengths, semantics=label, base=base)
        whole = inline_svg(
            render(whole_dot, "svg"),
            "map-whole",
            f"The argument map: {question}",
            _description(graph, len(graph.claims), len(graph.relations)),
        )
        near = None
        if graph.positions and len(keep) < len(graph.claims):
            part = restrict(graph, keep)
            near_dot = to_dot(
                part, strengths=content.strengths, semantics=label, base=base, rankdir="LR"
            )
            near = inline_svg(
                render(near_dot, "svg"),
                "map-near",
                f"The positions and what bears on them directly: {question}",
                _description(part, len(part.claims), len(part.relations)),
            )
    except ArggraphError as exc:
        return Drawing(
            missing=f"Graphviz could not draw the map ({exc.message}), so it is given as an outline"
        )
    return Drawing(whole, near, near_claims=len(keep))
