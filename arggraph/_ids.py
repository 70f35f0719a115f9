"""The default id of a relation: one rule, shared by the file format (:mod:`arggraph.model`)
and the engine's view of relations (:meth:`arggraph.framework.Framework.from_links`), kept
here so the engine need not import pydantic."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

__all__ = ["default_relation_id", "default_relation_ids"]


def default_relation_id(type_: str, premises: str | Sequence[str], target: str) -> str:
    """The id a relation gets when its file gives none: ``TYPE:SOURCE->TARGET`` for one
    premise (a string or a list of one), and for linked premises ``TYPE+:`` then the
    sorted premises as a compact JSON array, then ``->TARGET``. No single-premise
    default starts with ``TYPE+:``, and the array is self-delimiting, so two relations
    with different premises or targets never share a default, whatever their ids hold.

    >>> default_relation_id("support", "a", "b")
    'support:a->b'
    >>> print(default_relation_id("attack", ["b", "a"], "c"))
    attack+:["a","b"]->c
    """
    if isinstance(premises, str):
        return f"{type_}:{premises}->{target}"
    if len(premises) == 1:
        return f"{type_}:{premises[0]}->{target}"
    listed = json.dumps(sorted(premises), ensure_ascii=False, separators=(",", ":"))
    return f"{type_}+:{listed}->{target}"


def default_relation_ids(
    types: Iterable[str], sources: Iterable[str], targets: Iterable[str]
) -> list[str]:
    """:func:`default_relation_id` of many relations from one premise each, given as
    parallel iterables of types, sources and targets: one f-string an id, no call per
    relation (a large graph has hundreds of thousands).

    >>> default_relation_ids(["support", "attack"], ["a", "b"], ["b", "c"])
    ['support:a->b', 'attack:b->c']
    """
    return [f"{kind}:{a}->{b}" for kind, a, b in zip(types, sources, targets, strict=True)]
