"""The one claim a relation runs from, for the formats that join one claim to one claim.

``arggraph/1.1`` lets a relation run from linked premises and aim at another relation.
AIF, Argdown, GraphML and the diagrams hold both; the ICCMA formats and BAG write the
relations from one claim to another only, and the registry's loss statements
(:func:`~arggraph.formats.losses.linked_relations`,
:func:`~arggraph.formats.losses.relations_on_relations`) report what they leave out.

>>> from arggraph.model import Relation
>>> source_of(Relation(type="attack", source="a", target="b"))
'a'
"""

from __future__ import annotations

from ..model import Relation

__all__ = ["source_of"]


def source_of(rel: Relation) -> str:
    """The one claim a relation runs from; a relation with linked premises has none
    (:class:`ValueError`: only relations from one claim are written one to one)."""
    if rel.source is None:
        raise ValueError(f"relation {rel.id!r} runs from linked premises")
    return rel.source
