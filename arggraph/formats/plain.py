"""The relations every format can hold: from one claim to one claim.

``arggraph/1.1`` lets a relation run from linked premises and aim at another relation;
most formats cannot say either yet. Their writers draw and write the plain relations
only (:func:`plain_relations`), and the registry's loss statements
(:func:`~arggraph.formats.losses.linked_relations`,
:func:`~arggraph.formats.losses.relations_on_relations`) report what is left out.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(claims=[Claim(id=x, text=x) for x in "abc"], relations=[
...     Relation(type="support", source="a", target="c"),
...     Relation(id="r", type="attack", sources=["a", "b"], target="c"),
...     Relation(type="attack", source="b", target="r")]))
>>> [r.id for r in plain_relations(g)]
['support:a->c']
"""

from __future__ import annotations

from ..graph import Graph
from ..model import Relation

__all__ = ["plain_relations", "source_of"]


def plain_relations(graph: Graph) -> list[Relation]:
    """The relations from one claim of the graph to another, in file order."""
    claims = graph.claims
    return [r for r in graph.relations.values() if r.source in claims and r.target in claims]


def source_of(rel: Relation) -> str:
    """The one claim a relation runs from; a relation with linked premises has none
    (:class:`ValueError`: only :func:`plain_relations` are written one to one)."""
    if rel.source is None:
        raise ValueError(f"relation {rel.id!r} runs from linked premises")
    return rel.source
