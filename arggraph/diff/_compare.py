"""Comparing paired items field by field. Private to :mod:`arggraph.diff`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from ..graph import Graph
from ..model import Attribution, Claim, Relation
from ._match import Pair
from .result import FieldChange, ItemChange, Match, Section

#: The fields compared, in the format's order (ids, premises, targets and attributions
#: are compared apart).
CLAIM_FIELDS = ("text", "kind", "base", "date", "reconstructed", "tags", "note", "meta")
RELATION_FIELDS = ("type", "weight", "scheme", "note", "meta")
DOCUMENT_FIELDS = (
    "title",
    "publisher",
    "author",
    "published",
    "url",
    "file",
    "sha256",
    "accessed",
    "note",
    "meta",
)
ACTOR_FIELDS = ("name", "kind", "role", "affiliation", "note", "meta")
GRAPH_FIELDS = ("id", "format", "title", "question", "description", "meta")

T = TypeVar("T", bound=BaseModel)


def _value(item: BaseModel, name: str) -> Any:
    value = getattr(item, name)
    return value.model_dump(mode="json") if isinstance(value, BaseModel) else value


def fields(old: BaseModel, new: BaseModel, names: Sequence[str]) -> tuple[FieldChange, ...]:
    """The fields ``names`` whose values differ, old and new."""
    out = []
    for name in names:
        a, b = _value(old, name), _value(new, name)
        if a != b:
            out.append(FieldChange(name, a, b))
    return tuple(out)


def _key(att: Attribution) -> str:
    return json.dumps(att.model_dump(mode="json", exclude_none=True), sort_keys=True)


def attributions(
    old: Iterable[Attribution], new: Iterable[Attribution]
) -> tuple[tuple[Attribution, ...], tuple[Attribution, ...]]:
    """(added, removed): the attributions of ``new`` that ``old`` lacks and those of
    ``old`` that ``new`` lacks, counted as multisets, each in its list's order."""
    ours, theirs = list(old), list(new)
    if not ours and not theirs:
        return (), ()
    left = Counter(_key(a) for a in ours) - Counter(_key(a) for a in theirs)
    right = Counter(_key(a) for a in theirs) - Counter(_key(a) for a in ours)

    def take(items: list[Attribution], counts: Counter[str]) -> tuple[Attribution, ...]:
        out = []
        for a in items:
            k = _key(a)
            if counts[k] > 0:
                counts[k] -= 1
                out.append(a)
        return tuple(out)

    return take(theirs, right), take(ours, left)


def claim_section(old: Graph, new: Graph, pairs: Sequence[Pair]) -> Section:
    """The claims' section of the diff, from the pairing."""

    def change(a: Claim, b: Claim) -> ItemChange:
        added, removed = attributions(a.attributions, b.attributions)
        return ItemChange(a.id, b.id, fields(a, b, CLAIM_FIELDS), added, removed)

    return _section(old.claims, new.claims, pairs, change)


def relation_section(
    old: Graph, new: Graph, pairs: Sequence[Pair], claims: Mapping[str, str]
) -> Section:
    """The relations' section of the diff, from the pairing of relations and that of
    claims (old id -> new id), through which premises and targets are compared."""
    relations = {p.old: p.new for p in pairs}

    def change(a: Relation, b: Relation) -> ItemChange:
        added, removed = attributions(a.attributions, b.attributions)
        changes = list(fields(a, b, RELATION_FIELDS))
        mapped = {claims.get(p): p for p in a.premises}
        premises_added = tuple(p for p in b.premises if p not in mapped)
        premises_removed = tuple(p for p in a.premises if claims.get(p) not in b.premises)
        target = claims.get(a.target) if a.target in old.claims else relations.get(a.target)
        if target != b.target:
            changes.append(FieldChange("target", a.target, b.target))
        return ItemChange(
            a.id, b.id, tuple(changes), added, removed, premises_added, premises_removed
        )

    return _section(old.relations, new.relations, pairs, change)


def _section(
    old: Mapping[str, T],
    new: Mapping[str, T],
    pairs: Sequence[Pair],
    change: Callable[[T, T], ItemChange],
) -> Section:
    taken = {p.new for p in pairs}
    paired = {p.old for p in pairs}
    changed = []
    for p in pairs:
        c = change(old[p.old], new[p.new])
        if c.fields or c.attributions_added or c.attributions_removed:
            changed.append(c)
        elif c.premises_added or c.premises_removed:
            changed.append(c)
    return Section(
        added=tuple(i for i in new if i not in taken),
        removed=tuple(i for i in old if i not in paired),
        matches=tuple(Match(p.old, p.new, p.confidence, p.evidence) for p in pairs),
        changed=tuple(changed),
    )


def by_id_section(
    old: Mapping[str, BaseModel], new: Mapping[str, BaseModel], names: Sequence[str]
) -> Section:
    """Documents or actors, paired by id."""
    pairs = [Pair(i, i, 1.0) for i in old if i in new]

    def change(a: BaseModel, b: BaseModel) -> ItemChange:
        ident = str(a.id)  # type: ignore[attr-defined]
        return ItemChange(ident, ident, fields(a, b, names))

    return _section(old, new, pairs, change)
