"""What yEd's GraphML extension says about nodes and edges, read back as plain facts.

yEd (and the tools that write for it, such as Argdown's "yEd" export) draws a graph in
``<data>`` elements of ``yfiles.type`` ``nodegraphics``/``edgegraphics``: a node's
labels (``y:NodeLabel``, HTML when they start with ``<html>``), a group node's box
(``y:ProxyAutoBoundsNode`` with one ``y:GroupNode`` per state), an edge's colour, arrows
and label. This module turns those into what an argument map needs: label texts as plain
text, and the relation kind an edge's drawing states where it states one.

Argdown's export states a relation's kind only by its colour (its default palette:
green supports, red attacks, purple undercuts) and a contradiction by diamonds at both
ends; :func:`argdown_kind` reads those, and nothing else is guessed.

>>> plain_label("<html>Care&#x20;workers <br/>are <b>frail</b> </html>")
'Care workers are frail'
>>> plain_label("two\\nlines ")
'two\\nlines'
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .graphml_xml import Element

__all__ = ["EdgeStyle", "argdown_kind", "edge_style", "group_label", "node_labels", "plain_label"]

#: Argdown's default relation colours (``relationColors`` of its ColorPlugin), lower case.
ARGDOWN_COLOURS = {
    "#00ff00": ("support", None),
    "#ff0000": ("attack", None),
    "#551a8b": ("attack", "undercut"),
}

_BREAKS = {"br", "p", "div", "li", "tr", "td", "th", "hr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_label(text: str) -> str:
    """A label as plain text: an HTML label (``<html>...``, as yEd and Argdown write
    them) loses its markup, its entities become characters and its white space folds
    (a ``<br>`` is a wrap, not a paragraph); any other label is only stripped."""
    if not text.lstrip().lower().startswith("<html"):
        return text.strip()
    parser = _Text()
    parser.feed(text)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _y(el: Element, name: str) -> list[Element]:
    return [e for e in el.walk() if e.name == name]


def node_labels(graphics: Element | None) -> list[str]:
    """A plain node's label texts, in order, as plain text (empty ones left out)."""
    if graphics is None:
        return []
    labels = [plain_label(label.text) for label in _y(graphics, "NodeLabel")]
    return [text for text in labels if text]


def group_label(graphics: Element | None) -> str | None:
    """A group node's label: that of the state yEd shows (``Realizers active``)."""
    if graphics is None:
        return None
    states = _y(graphics, "GroupNode")
    realizers = _y(graphics, "Realizers")
    if realizers and states:
        try:
            active = int(realizers[0].attrib.get("active", "0"))
        except ValueError:
            active = 0
        states = states[active : active + 1] or states
    for state in states or [graphics]:
        labels = node_labels(state)
        if labels:
            return labels[0]
    return None


@dataclass(frozen=True)
class EdgeStyle:
    """How yEd draws an edge: line colour (lower case, or ``None``), arrow heads at each
    end (``none``, ``standard``, ``diamond``...) and the edge's label text."""

    colour: str | None
    source_arrow: str
    target_arrow: str
    label: str


def edge_style(graphics: Element | None) -> EdgeStyle | None:
    """The drawing of an edge, or ``None`` if it has no yEd graphics."""
    if graphics is None:
        return None
    line = _y(graphics, "LineStyle")
    arrows = _y(graphics, "Arrows")
    label = " ".join(plain_label(e.text) for e in _y(graphics, "EdgeLabel")).strip()
    colour = line[0].attrib.get("color") if line else None
    return EdgeStyle(
        colour.lower() if colour else None,
        arrows[0].attrib.get("source", "none") if arrows else "none",
        arrows[0].attrib.get("target", "standard") if arrows else "standard",
        label,
    )


def argdown_kind(style: EdgeStyle) -> tuple[str, str | None] | None:
    """The relation an edge drawn by Argdown's yEd export stands for, by its colour:
    ``(type, how)`` with ``how`` ``"undercut"``, ``"contradiction"`` (red, diamonds at
    both ends) or ``None``; ``None`` for a colour not in Argdown's palette.

    >>> argdown_kind(EdgeStyle("#ff0000", "diamond", "diamond", ""))
    ('attack', 'contradiction')
    >>> argdown_kind(EdgeStyle("#123456", "none", "standard", "")) is None
    True
    """
    found = ARGDOWN_COLOURS.get(style.colour or "")
    if found is None:
        return None
    if found[0] == "attack" and style.source_arrow == style.target_arrow == "diamond":
        return "attack", "contradiction"
    return found
