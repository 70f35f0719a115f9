"""Which position each claim ends up serving, for colouring a diagram by side.

A claim that supports a position serves it; a claim that supports a claim that
supports it serves it too; an attack flips the side. So the side of a claim is the
product of the signs along its shortest chain of relations to a position. Serving
*against* a position is serving its opponent when it has exactly one: the one
position it attacks or is attacked by, or the other one when a graph has just two.

A claim that undercuts an argument serves against what the argument serves, one that
backs it serves with it; each linked premise serves as a lone premise would.
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


#: A node of the search: ``("claim", id)`` or ``("relation", id)``.
_Node = tuple[str, str]

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
    # Relations are nodes of the search too (keyed apart from claims, whose ids may be
    # the same in arggraph/1): a relation serves its target's side (an attack the other
    # side), its premises serve what it serves, each linked premise like a lone one, and
    # an undercut or a backing bears on the relation it aims at.
    incoming: dict[_Node, list[tuple[_Node, int]]] = defaultdict(list)
    for rel in graph.relations.values():
        if not graph.is_usable(rel) or rel.target == rel.id:
            continue
        node = ("relation", rel.id)
        target = ("claim" if rel.target in graph.claims else "relation", rel.target)
        incoming[target].append((node, -1 if rel.type == "attack" else 1))
        incoming[node].extend((("claim", premise), 1) for premise in rel.premises)
    opp = opponents(graph)

    def resolve(position: str, sign: int) -> Side:
        if sign > 0:
            return Side(position)
        if position in opp:
            return Side(opp[position])
        return Side(position, against=True)

    # state per node: (position, sign) or None for mixed
    state: dict[_Node, tuple[str, int] | None] = {}
    frontier: list[_Node] = []
    for claim in graph.positions:
        state["claim", claim.id] = (claim.id, 1)
        frontier.append(("claim", claim.id))
    while frontier:
        level: dict[_Node, tuple[str, int] | None] = {}
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
    return {
        ident: (MIXED if s is None else resolve(*s))
        for (kind, ident), s in state.items()
        if kind == "claim"
    }
