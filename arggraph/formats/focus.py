"""The neighbourhood of one claim: what a focused diagram draws.

A debate of hundreds of claims is unreadable as one picture, so ``--focus CLAIM
--depth N`` draws only the claims within ``N`` relations of it, whichever way the
relations point (what it rests on and what rests on it).

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id=x, text=x) for x in "abcd"],
...     relations=[Relation(type="support", source="a", target="b"),
...                Relation(type="attack", source="c", target="b"),
...                Relation(type="attack", source="d", target="c")]))
>>> sorted(neighbourhood(g, "a", 1)), sorted(neighbourhood(g, "a", 2))
(['a', 'b'], ['a', 'b', 'c'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from ..errors import UsageError
from ..graph import Graph
from ..views import relations_among

__all__ = ["DEFAULT_DEPTH", "neighbourhood", "restrict"]

#: How far a focused diagram reaches when no depth is given.
DEFAULT_DEPTH = 2


def neighbourhood(graph: Graph, claim_id: str, depth: int | None = None) -> set[str]:
    """The ids of the claims within ``depth`` relations of ``claim_id`` (itself included).
    Linked premises are each a relation away from their target (and from one another);
    a relation aimed at a relation joins its premises to that relation's premises and
    target.

    Raises :class:`~arggraph.errors.UnknownIdError` for an id not in the graph (with
    close matches as a hint) and :class:`~arggraph.errors.UsageError` for a negative
    depth.
    """
    graph.claim(claim_id)
    if depth is None:
        depth = DEFAULT_DEPTH
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    adjacent: dict[str, set[str]] = defaultdict(set)
    for rel in graph.relations.values():
        ends = {*rel.premises, rel.target}
        aimed = graph.target_relation(rel)
        if aimed is not None:
            ends |= {*aimed.premises, aimed.target}
        for end in ends:
            adjacent[end] |= ends - {end}
    seen = {claim_id}
    frontier = [claim_id]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in adjacent[node]:
                if other not in seen and other in graph.claims:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
        if not frontier:
            break
    return seen


def restrict(graph: Graph, keep: Collection[str]) -> Graph:
    """The graph with only the claims in ``keep`` and the relations between them
    (actors and documents stay, so attributions still resolve; see
    :func:`~arggraph.views.relations_among` for linked premises and relations aimed at
    relations).

    >>> from arggraph.model import Claim, GraphModel, Relation
    >>> g = Graph(GraphModel(id="g", claims=[Claim(id=x, text=x) for x in "abc"],
    ...     relations=[Relation(type="support", source="a", target="b"),
    ...                Relation(type="attack", source="c", target="b")]))
    >>> [r.id for r in restrict(g, {"a", "b"}).relations.values()]
    ['support:a->b']
    """
    kept = relations_among(graph, set(keep))
    model = graph.model.model_copy(
        update={
            "claims": [c for c in graph.model.claims if c.id in keep],
            "relations": [r for r in graph.model.relations if r.id in kept],
        }
    )
    return Graph(model, path=graph.path, strict=False)
