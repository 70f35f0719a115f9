"""The fast path of loading for a whole file: provenance, linked premises, undercuts.

:mod:`arggraph._columns` takes *plain* files (claims and relations of a few keys). A
file as an analyst writes it also has actors, documents, attributions with quotes and
dates, tags, notes, linked premises and relations aimed at relations: the pydantic
models read those, which costs a command on a small debate more than everything else
it does (importing pydantic and building the models' validators is some 0.1 s of the
0.24 s that ``arggraph score graphs/bakhmut.json`` took). :func:`document_columns`
checks such a file by hand against the same rules, key by key, and gives the same
:class:`~arggraph._columns.Columns` the plain path gives, with the relations the engine
needs as :class:`~arggraph.framework.Link` s when some run from linked premises or aim at
a relation. The :class:`~arggraph.graph.Graph` then builds its models from the parsed
file only when a caller asks for them (the checks, the TUI, an edit).

It is conservative: it answers ``None`` for anything it is not sure the models and the
graph take as they are (a value of another type, even one pydantic would convert, such
as ``1`` for ``true``; a date that is not ASCII; a file that says ``arggraph/1`` but
uses a part of ``arggraph/1.1``; an id twice; a reference to nothing; a relation aimed at
itself), and the models then read the file and say what is wrong, and where. Whatever
it accepts, the models accept with equal values and the graph indexes with no problem
(``tests/test_document.py`` holds it to that with Hypothesis).

>>> cols = document_columns({"format": "arggraph/1.1",
...     "actors": [{"id": "k", "name": "Kofman", "kind": "analyst"}],
...     "claims": [{"id": "a", "text": "A", "attributions": [{"actor": "k"}]},
...                {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
...     "relations": [{"type": "support", "sources": ["a", "b"], "target": "c"}]})
>>> cols.claim_ids, cols.plain, [link.premises for link in cols.links]
(['a', 'b', 'c'], False, [('a', 'b')])
>>> document_columns({"claims": [{"id": "a", "text": "A", "tags": "x"}]}) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from operator import itemgetter, methodcaller
from typing import Any

import numpy as np

from ._columns import Columns, _Finder
from ._ids import default_relation_id, default_relation_ids
from .dates import is_valid_date
from .framework import Link
from .jsonio import all_keys

__all__ = ["document_columns", "key_count"]

_FORMAT_1, _FORMAT_1_1 = "arggraph/1", "arggraph/1.1"
_HEX = frozenset("0123456789abcdefABCDEF")
_ATTACK = "attack"
_EMPTY: list[Any] = []  # (the default of a list-valued key: never changed)
_NO_POSITIONS = np.zeros(0, dtype=np.int64)

# A check of a key's values, all of them at once (a column: one per item that has the
# key, or the key's default where it has none): whether every one is what the models
# take. C loops (set, map) over the column where they can be.
Check = Callable[[list[Any]], bool]


def _types(values: list[Any], allowed: frozenset[type]) -> bool:
    return set(map(type, values)) <= allowed


_NONE_TYPE: type = type(None)
_STR: frozenset[type] = frozenset({str})
_STR_NONE: frozenset[type] = frozenset({str, _NONE_TYPE})
_NUMBER: frozenset[type] = frozenset({int, float})
_BOOL_NONE: frozenset[type] = frozenset({bool, _NONE_TYPE})
_DICT_NONE: frozenset[type] = frozenset({dict, _NONE_TYPE})
_LIST: frozenset[type] = frozenset({list})
_LIST_NONE: frozenset[type] = frozenset({list, _NONE_TYPE})
_DICT: frozenset[type] = frozenset({dict})


def _strings(values: list[Any]) -> bool:
    return _types(values, _STR)


def _ids(values: list[Any]) -> bool:
    """``Id`` and ``Text``: strings of one character or more."""
    return _types(values, _STR) and "" not in values


def _optional_strings(values: list[Any]) -> bool:
    return _types(values, _STR_NONE)


def _optional_ids(values: list[Any]) -> bool:
    return _types(values, _STR_NONE) and "" not in values


def _units(values: list[Any]) -> bool:
    """Numbers in [0, 1] (a bool is no number; an infinity fails the range; the quick
    parse gives no NaN)."""
    return _types(values, _NUMBER) and (not values or (min(values) >= 0 and max(values) <= 1))


def _dates(values: list[Any]) -> bool:
    """Dates or intervals as the models take them (or none), each distinct one checked
    once."""
    if not _types(values, _STR_NONE):
        return False
    written = set(values)
    written.discard(None)
    return all(map(is_valid_date, written))


def _flags(values: list[Any]) -> bool:
    return _types(values, _BOOL_NONE)


def _metas(values: list[Any]) -> bool:
    return _types(values, _DICT_NONE)


def _tags(values: list[Any]) -> bool:
    return _types(values, _LIST) and _strings(list(chain.from_iterable(values)))


def _hashes(values: list[Any]) -> bool:
    if not _types(values, _STR_NONE):
        return False
    return all(len(v) == 64 and set(v) <= _HEX for v in values if v is not None)


def _one_of(*allowed: str) -> Check:
    names = frozenset(allowed)
    return lambda values: _types(values, _STR) and set(values) <= names


#: Each item's keys (the models' fields: arggraph.model): the check of its values and
#: the default it takes when absent (``_REQUIRED`` where it must be given). A default
#: passes its key's check.
_REQUIRED: Any = object()
Spec = dict[str, tuple[Check, Any]]
_ATTRIBUTION: Spec = {
    "actor": (_ids, _REQUIRED),
    "document": (_optional_ids, None),
    "quote": (_strings, ""),
    "date": (_dates, None),
    "illocution": (_optional_ids, None),
    "note": (_optional_strings, None),
}
_DOCUMENT: Spec = {
    "id": (_ids, _REQUIRED),
    "title": (_ids, _REQUIRED),
    "publisher": (_optional_strings, None),
    "author": (_optional_strings, None),
    "published": (_dates, None),
    "url": (_optional_strings, None),
    "file": (_optional_strings, None),
    "sha256": (_hashes, None),
    "accessed": (_dates, None),
    "note": (_optional_strings, None),
    "meta": (_metas, None),
}
_ACTOR: Spec = {
    "id": (_ids, _REQUIRED),
    "name": (_ids, _REQUIRED),
    "kind": (_ids, _REQUIRED),
    "role": (_optional_strings, None),
    "affiliation": (_optional_strings, None),
    "note": (_optional_strings, None),
    "meta": (_metas, None),
}
_CLAIM: Spec = {
    "id": (_ids, _REQUIRED),
    "text": (_ids, _REQUIRED),
    "kind": (_one_of("position", "claim", "evidence"), "claim"),
    "base": (_units, 0.5),
    "date": (_dates, None),
    "reconstructed": (_flags, None),
    "tags": (_tags, _EMPTY),
    "attributions": (lambda values: _types(values, _LIST), _EMPTY),
    "note": (_optional_strings, None),
    "meta": (_metas, None),
}
_RELATION: Spec = {
    "id": (_strings, ""),
    "type": (_one_of("attack", "support"), _REQUIRED),
    "source": (_optional_ids, None),
    "sources": (lambda values: _types(values, _LIST_NONE), None),
    "target": (_ids, _REQUIRED),
    "weight": (_units, 1.0),
    "scheme": (_optional_ids, None),
    "attributions": (lambda values: _types(values, _LIST), _EMPTY),
    "note": (_optional_strings, None),
    "meta": (_metas, None),
}
_TOP: Spec = {
    "$schema": (_optional_strings, None),
    "format": (_one_of(_FORMAT_1, _FORMAT_1_1), _FORMAT_1),
    "id": (_ids, "graph"),
    "title": (_strings, ""),
    "question": (_strings, ""),
    "description": (_optional_strings, None),
    "documents": (lambda values: _types(values, _LIST), _EMPTY),
    "actors": (lambda values: _types(values, _LIST), _EMPTY),
    "claims": (lambda values: _types(values, _LIST), _EMPTY),
    "relations": (lambda values: _types(values, _LIST), _EMPTY),
    "meta": (_metas, None),
}


class _Declined(Exception):
    """Raised inside :func:`document_columns`: the models are to read the file."""


def _section(items: list[Any], spec: Spec) -> dict[str, list[Any]]:
    """The columns of ``items`` (objects of the keys ``spec`` names), each checked;
    raise :class:`_Declined` for an item that is no object, lacks a required key or has
    another, or a value its key's check refuses."""
    if not _types(items, _DICT):
        raise _Declined
    keys = set().union(*items)
    if not keys <= spec.keys():
        raise _Declined
    every = sum(map(len, items)) == len(items) * len(keys)  # each item has each key
    out: dict[str, list[Any]] = {}
    for key, (check, default) in spec.items():
        if default is _REQUIRED:
            values = list(map(itemgetter(key), items))  # (a KeyError: one lacks it)
        elif key not in keys:
            continue  # no item has it: every one has the default
        elif every:
            values = list(map(itemgetter(key), items))
        else:
            values = list(map(methodcaller("get", key, default), items))
        if not check(values):
            raise _Declined
        out[key] = values
    return out


def _column(columns: dict[str, list[Any]], key: str, default: Any, n: int) -> list[Any]:
    """A key's values, or its default for each of the ``n`` items when none has it."""
    values = columns.get(key)
    return values if values is not None else [default] * n


def _distinct(ids: list[str]) -> set[str]:
    found = set(ids)
    if len(found) != len(ids):
        raise _Declined  # an id twice: the graph names both places
    return found


def _intervals(*columns: Iterable[str | None]) -> bool:
    """Whether any date in these columns is an interval (a part of ``arggraph/1.1``)."""
    return "/" in "".join(filter(None, chain(*columns)))


def document_columns(raw: Any) -> Columns | None:
    """The columns of ``raw`` (a parsed ``arggraph/1`` or ``arggraph/1.1`` file of any
    parts) when it is valid as the models read it, every id once and every reference
    resolved (an end a claim, or in ``arggraph/1.1`` a relation's target a relation other
    than itself; an attribution's actor and document ones the file has); ``None``
    otherwise. Never raises. The columns' ``plain`` is ``False``; their ``links`` hold
    every relation (:class:`~arggraph.framework.Link`) when one runs from linked premises
    or aims at a relation, else ``None`` and the relations are in ``sources`` and
    ``targets`` as for a plain file."""
    try:
        return _document_columns(raw)
    except (_Declined, KeyError, TypeError):  # (TypeError: an unhashable value)
        return None


def _document_columns(raw: Any) -> Columns:
    if type(raw) is not dict:
        raise _Declined
    _section([raw], _TOP)
    fmt: str = raw.get("format", _FORMAT_1)
    documents, actors = raw.get("documents", _EMPTY), raw.get("actors", _EMPTY)
    claims, relations = raw.get("claims", _EMPTY), raw.get("relations", _EMPTY)
    doc_cols = _section(documents, _DOCUMENT)
    actor_cols = _section(actors, _ACTOR)
    claim_cols = _section(claims, _CLAIM)
    rel_cols = _section(relations, _RELATION)
    n, m = len(claims), len(relations)

    document_ids = _distinct(doc_cols["id"])
    actor_ids = _distinct(actor_cols["id"])
    ids: list[str] = claim_cols["id"]
    claim_ids = _distinct(ids)

    groups = chain(claim_cols.get("attributions", ()), rel_cols.get("attributions", ()))
    attributions = list(chain.from_iterable(groups))
    att_cols = _section(attributions, _ATTRIBUTION)
    if not actor_ids.issuperset(att_cols["actor"]):
        raise _Declined  # an actor the file does not have
    cited = set(att_cols.get("document", ()))
    cited.discard(None)
    if not document_ids.issuperset(cited):
        raise _Declined

    new_parts = (  # whether a part of arggraph/1.1 is used
        _intervals(
            doc_cols.get("published", ()), claim_cols.get("date", ()), att_cols.get("date", ())
        )
        or any(v is not None for v in doc_cols.get("sha256", ()))
        or any(v is not None for v in doc_cols.get("accessed", ()))
        or any(v is not None for v in claim_cols.get("reconstructed", ()))
    )

    types: list[str] = rel_cols["type"]
    targets: list[str] = rel_cols["target"]
    sources: list[str | None] = _column(rel_cols, "source", None, m)
    linked: list[list[str] | None] = _column(rel_cols, "sources", None, m)
    written: list[str] = _column(rel_cols, "id", "", m)
    is_linked = any(v is not None for v in linked)
    finder = _Finder(ids)
    premises: list[tuple[str, ...]] = []
    sources_at = targets_at = _NO_POSITIONS
    if not is_linked:
        if None in sources:
            raise _Declined  # a relation with no premise: the models say so
        # Each premise's position (a KeyError for one that is no claim: declined).
        sources_at = finder.positions(sources)
        defaults = default_relation_ids(types, sources, targets)  # type: ignore[arg-type]
    else:
        defaults = []
        for kind, source, group, target in zip(types, sources, linked, targets, strict=True):
            if group is None:
                if source is None:
                    raise _Declined
                ends: tuple[str, ...] = (source,)
            elif source is not None or not group or not _ids(group):
                raise _Declined  # both, or an empty list, or a premise no id
            else:
                ends = tuple(group)
                if len(set(ends)) != len(ends):
                    raise _Declined  # a premise twice
            if not claim_ids.issuperset(ends):
                raise _Declined
            premises.append(ends)
            defaults.append(default_relation_id(kind, list(ends), target))
        new_parts = True
    relation_ids = [rid or default for rid, default in zip(written, defaults, strict=True)]
    distinct_relations = _distinct(relation_ids)

    aimed = False  # whether a relation aims at a relation
    if not is_linked:
        try:
            targets_at = finder.positions(targets)
        except KeyError:
            aimed = True
    else:
        aimed = not claim_ids.issuperset(targets)
    if aimed:
        for target, rid in zip(targets, relation_ids, strict=True):
            if target not in claim_ids and (target == rid or target not in distinct_relations):
                raise _Declined  # a reference to nothing, or a relation aimed at itself
        new_parts = True
    if new_parts and fmt == _FORMAT_1:
        if "format" in raw:
            raise _Declined  # said arggraph/1: the models name each new part used
        fmt = _FORMAT_1_1  # said none: it gets the one it needs, as from the models
    if fmt == _FORMAT_1_1 and not claim_ids.isdisjoint(distinct_relations):
        raise _Declined  # one namespace: the graph names the clash

    weights = _column(rel_cols, "weight", 1.0, m)
    attack = np.fromiter(map(_ATTACK.__eq__, types), np.bool_, m)
    links: tuple[Link, ...] | None = None
    if aimed or is_linked:
        # As the graph of the models builds it: every relation a link (all are usable).
        if not is_linked:
            premises = [(source,) for source in sources]  # type: ignore[misc]
        links = tuple(
            Link(kind, ends, target, float(weight), rid)
            for kind, ends, target, weight, rid in zip(
                types, premises, targets, weights, relation_ids, strict=True
            )
        )
        sources_at = targets_at = _NO_POSITIONS
    return Columns(
        fmt,
        ids,
        _column(claim_cols, "kind", "claim", n),
        np.array(_column(claim_cols, "base", 0.5, n), dtype=np.float64),
        types,
        sources_at,
        targets_at,
        attack,
        np.array(weights, dtype=np.float64),
        relation_ids if (fmt == _FORMAT_1_1 or any(written)) else None,
        claim_cols["text"],
        plain=False,
        links=links,
    )


def key_count(raw: dict[str, Any]) -> int | None:
    """How many keys the objects of a file :func:`document_columns` accepted (``raw``)
    hold, to compare with the count of keys written (:func:`arggraph.jsonio.written_keys`),
    so a key written twice is found; ``None`` when a ``meta`` object holds what
    :func:`arggraph.jsonio.parse_json` refuses and the quick parse lets through
    (nesting too deep, a number beyond a float's range). Every other value was checked
    by :func:`document_columns`: only the ``meta`` objects are walked.

    >>> key_count({"claims": [{"id": "a", "text": "A", "meta": {"x": [{"y": 1}]}}]})
    6
    """
    claims, relations = raw.get("claims", _EMPTY), raw.get("relations", _EMPTY)
    items: list[dict[str, Any]] = [
        *raw.get("documents", _EMPTY),
        *raw.get("actors", _EMPTY),
        *claims,
        *relations,
    ]
    groups = chain(claims, relations)
    attributions = list(chain.from_iterable(item.get("attributions", _EMPTY) for item in groups))
    count = len(raw) + sum(map(len, items)) + sum(map(len, attributions))
    # A top-level meta is at depth 2 (the file is 1); an item's at depth 4.
    metas = [(raw.get("meta"), 2)] + [(item.get("meta"), 4) for item in items]
    for meta, depth in metas:
        if meta is None:
            continue
        inside = all_keys(meta, depth)
        if inside is None:
            return None
        count += inside
    return count
