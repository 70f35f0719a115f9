"""Colours of the diagrams: one hue per position, one per relation type.

The hues are from the Okabe-Ito palette, which stays distinguishable for readers
with the common colour-vision deficiencies; supports and attacks get a dark green
and a dark red that no position uses, and they also differ in line style and
arrowhead so the map survives greyscale printing. Strength is drawn as fill
intensity: a mix of white and the side's hue, never so dark that black text
becomes hard to read.

>>> mix("#ffffff", "#0072b2", 0.0), mix("#ffffff", "#0072b2", 1.0)
('#ffffff', '#0072b2')
>>> fill("#0072b2", 1.0) != fill("#0072b2", 0.0)
True
"""

from __future__ import annotations

__all__ = [
    "ATTACK",
    "MIXED_FILL",
    "NO_SIDE",
    "POSITION_HUES",
    "SUPPORT",
    "fill",
    "hue_for",
    "mix",
]

#: Hues for the sides, in the order positions appear in the graph.
POSITION_HUES = ("#0072b2", "#e69f00", "#cc79a7", "#56b4e9", "#f0e442", "#8c6d31", "#6a3d9a")
#: Support edges: dark green, solid, a filled arrowhead.
SUPPORT = "#1b7837"
#: Attack edges: dark red, dashed, a flat bar (tee) at the attacked claim.
ATTACK = "#b2182b"
#: Fill hue of claims that serve no position.
NO_SIDE = "#9e9e9e"
#: Fill of claims whose nearest chains reach different sides.
MIXED_FILL = "#f5f5f5"


def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (both ``#rrggbb``)."""
    t = min(1.0, max(0.0, t))
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


def fill(hue: str, strength: float | None) -> str:
    """The fill of a node of this hue: light for weak claims, deep for strong ones.

    Without a strength (no semantics computed) a middle intensity is used.
    """
    t = 0.35 if strength is None else 0.1 + 0.6 * min(1.0, max(0.0, strength))
    return mix("#ffffff", hue, t)


def hue_for(index: int) -> str:
    """The hue of the ``index``-th position (the palette repeats after seven)."""
    return POSITION_HUES[index % len(POSITION_HUES)]
