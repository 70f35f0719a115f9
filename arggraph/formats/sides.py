"""Which position each claim ends up serving, for colouring a diagram by side.

A claim that supports a position serves it; a claim that supports a claim that
supports it serves it too; an attack flips the side. So the side of a claim is the
product of the signs along its shortest chain of relations to a position. Serving
*against* a position is serving its opponent when it has exactly one: the one
position it attacks or is attacked by, or the other one when a graph has just two.

Claims that reach no position have no side; claims whose shortest chains reach
different sides at the same distance are *mixed*. One breadth-first pass from the
positions backwards over the relations, so it is linear in the size of the graph.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[
...     Claim(id="go", text="Withdraw", kind="position"),
...     Claim(id="stay", text="Hold", kind="position"),
...     Claim(id="a", text="A"), Claim(id="b", text="B"), Claim(id="c", text="C")],
...     relations=[Relation(type="support", source="a", target="go"),
...                Relation(type="attack", source="b", target="a"),
...                Relation(type="support", source="c", target="b")]))
>>> {k: v.position for k, v in sorted(sides(g).items())}
{'a': 'go', 'b': 'stay', 'c': 'stay', 'go': 'go', 'stay': 'stay'}
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..graph import Graph

__all__ = ["MIXED", "Side", "opponents", "sides"]


@dataclass(frozen=True)
class Side:
    """The position a claim serves; ``against`` when it serves against that position
    and the position has no single opponent to name instead."""

    position: str
    against: bool = False


#: The side of a claim whose nearest chains reach different sides.
MIXED = Side(position="", against=False)


def opponents(graph: Graph) -> dict[str, str]:
    """Each position's single opponent, where it has exactly one.

    Positions that attack each other are opponents; with exactly two positions and no
    attack between them, they are each other's opponent.
    """
    positions = [c.id for c in graph.positions]
    pos = set(positions)
    linked: dict[str, set[str]] = defaultdict(set)
    for rel in graph.relations.values():
        if (
            rel.type == "attack"
            and rel.source in pos
            and rel.target in pos
            and rel.source != rel.target
        ):
            linked[rel.source].add(rel.target)
            linked[rel.target].add(rel.source)
    out: dict[str, str] = {}
    for p in positions:
        if len(linked[p]) == 1:
            out[p] = next(iter(linked[p]))
        elif not linked[p] and len(positions) == 2:
            out[p] = positions[1] if p == positions[0] else positions[0]
    return out


def sides(graph: Graph) -> dict[str, Side]:
    """Claim id -> the :class:`Side` it serves; claims that reach no position are absent,
    claims with conflicting nearest chains map to :data:`MIXED`."""
    incoming: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for rel in graph.relations.values():  # each linked premise serves like a lone one
        premises = rel.premises
        if rel.target in graph.claims and premises and all(p in graph.claims for p in premises):
            for premise in premises:
                incoming[rel.target].append((premise, -1 if rel.type == "attack" else 1))
    opp = opponents(graph)

    def resolve(position: str, sign: int) -> Side:
        if sign > 0:
            return Side(position)
        if position in opp:
            return Side(opp[position])
        return Side(position, against=True)

    # state per claim: (position, sign) or None for mixed
    state: dict[str, tuple[str, int] | None] = {}
    frontier: list[str] = []
    for claim in graph.positions:
        state[claim.id] = (claim.id, 1)
        frontier.append(claim.id)
    while frontier:
        level: dict[str, tuple[str, int] | None] = {}
        for node in frontier:
            here = state[node]
            for source, sign in incoming.get(node, ()):
                if source in state:
                    continue
                reached = None if here is None else (here[0], here[1] * sign)
                if source not in level:
                    level[source] = reached
                elif level[source] is not None and (
                    reached is None or resolve(*reached) != resolve(*level[source])  # type: ignore[misc]
                ):
                    level[source] = None
        state.update(level)
        frontier = list(level)
    return {cid: (MIXED if s is None else resolve(*s)) for cid, s in state.items()}
