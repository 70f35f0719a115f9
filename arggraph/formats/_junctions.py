"""Which relations a diagram draws, and which of them through a junction.

A diagram draws a relation from one claim to another as one edge. A relation from linked
premises (``arggraph/1.1``) is drawn as a *junction*, a small node where its premises
meet, with an edge from each premise into it and one edge from it to the conclusion; a
relation aimed at a relation (an undercut or a backing) is drawn as an edge to the
junction of the relation it bears on, which therefore gets one too. DOT and Mermaid
draw the same plan (:func:`plan`).

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(claims=[Claim(id=x, text=x) for x in "abcu"], relations=[
...     Relation(id="r", type="support", sources=["a", "b"], target="c"),
...     Relation(id="cut", type="attack", source="u", target="r"),
...     Relation(id="p", type="attack", source="a", target="c")]))
>>> [(d.rel.id, d.junction, d.target_junction) for d in plan(g, set(g.claims))]
[('r', 0, None), ('cut', None, 0), ('p', None, None)]
>>> [d.rel.id for d in plan(g, {"a", "c", "u"})]  # b is not shown: r, and cut with it, go
['p']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..graph import Graph
from ..model import Relation

__all__ = ["Drawn", "junction_legend", "plan"]


@dataclass(frozen=True)
class Drawn:
    """One relation as a diagram draws it: ``junction`` is the number of its junction
    node (``None``: drawn as one edge from its one premise), ``target_junction`` that
    of the relation it aims at (``None``: it aims at the claim ``rel.target``)."""

    rel: Relation
    junction: int | None
    target_junction: int | None

    @property
    def linked(self) -> bool:
        """Whether it runs from linked premises."""
        return self.rel.sources is not None


def plan(graph: Graph, shown: Collection[str]) -> list[Drawn]:
    """The relations drawn among the claims ``shown``, in file order: those whose
    premises are all shown and whose target is a shown claim or a relation drawn too
    (relations with a missing end, which ``strict=False`` loading keeps, are not)."""
    claims = graph.claims
    kept = {
        rid: rel
        for rid, rel in graph.relations.items()
        if rel.premises
        and all(p in shown for p in rel.premises)
        and rel.target != rid
        and (rel.target in shown or (rel.target not in claims and rel.target in graph.relations))
    }
    while True:  # a relation aimed at a relation not drawn is not drawn either
        gone = [
            rid for rid, rel in kept.items() if rel.target not in claims and rel.target not in kept
        ]
        if not gone:
            break
        for rid in gone:
            del kept[rid]
    aimed_at = {rel.target for rel in kept.values() if rel.target not in claims}
    junction: dict[str, int] = {}
    for rid, rel in kept.items():
        if rel.sources is not None or rid in aimed_at:
            junction[rid] = len(junction)
    return [
        Drawn(
            rel,
            junction.get(rid),
            junction[rel.target] if rel.target not in claims else None,
        )
        for rid, rel in kept.items()
    ]


def junction_legend(drawn: Iterable[Drawn]) -> list[str]:
    """What a legend says of the junctions drawn (DOT and Mermaid say the same): where
    linked premises meet, and what an arrow into a junction means.

    >>> junction_legend([Drawn(Relation(type="attack", source="u", target="r"), None, 0)])
    ['● an inference: an arrow into it undercuts it (attack) or backs it (support)']
    """
    drawn = list(drawn)
    out = []
    if any(d.linked for d in drawn):
        out.append("● linked premises meet here: they bear on the conclusion only together")
    if any(d.target_junction is not None for d in drawn):
        out.append("● an inference: an arrow into it undercuts it (attack) or backs it (support)")
    return out
