"""Edits of relations: add one (from one claim or linked premises, to a claim or to a
relation), change its type, weight, scheme, note, premises or target, group premises
into a linked relation, remove one with what is aimed at it.

A relation whose id is the default (``TYPE:SOURCE->TARGET``, which the file does not
write) keeps following that rule: when its type, premises or target change it takes the
new default, and the relations aimed at it are aimed at the new id in the same edit
(:attr:`~arggraph.edit.Edit.renamed` says so, for score sheets' weights). An id of the
file's own choosing stays as it is.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "claims": [{"id": "a", "text": "A"}, '
...     '{"id": "b", "text": "B"}, {"id": "c", "text": "C"}]}')
>>> add_relation(g, "attack", ["a", "b"], "c").label
'add attack a + b -> c'
>>> add_relation(g, "attack", "c", "c")
Traceback (most recent call last):
...
arggraph.errors.EditError: a claim cannot attack itself ('c')
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from .._ids import default_relation_id
from ..errors import EditError
from ..graph import Graph
from ..model import Attribution, Relation, RelationType
from ._base import Edit, check_new_id, validated
from ._steps import Delete, Insert, Replace, Step
from .impact import relation_dependents

__all__ = [
    "add_relation",
    "change_relation",
    "group_premises",
    "remove_relation",
]

_CHANGEABLE = frozenset({"type", "weight", "scheme", "note", "target", "premises"})


def _premise_list(premises: str | Sequence[str]) -> list[str]:
    return [premises] if isinstance(premises, str) else list(premises)


def _default_of(rel: Relation) -> str:
    return default_relation_id(rel.type, rel.premises, rel.target)


def check_ends(
    graph: Graph,
    type_: str,
    premises: list[str],
    target: str,
    *,
    new_claims: Collection[str] = (),
    besides: str | None = None,
) -> None:
    """Refuse premises and a target that would not make a valid relation: no premise,
    a premise twice, a premise that is no claim (``new_claims`` count as claims), a
    target that is neither a claim nor a relation, a claim aimed at itself, or the same
    relation as one the graph has (other than ``besides``, the one being changed)."""
    if not premises:
        raise EditError("a relation needs at least one premise")
    seen: set[str] = set()
    for p in premises:
        if p in seen:
            raise EditError(f"premise {p!r} is given twice")
        seen.add(p)
        if p not in graph.claims and p not in new_claims:
            why = " (premises are claims)" if p in graph.relations else ""
            raise EditError(f"no claim {p!r} to be a premise{why}")
    if target in seen:
        raise EditError(f"a claim cannot {type_} itself ({target!r})")
    if target not in graph.claims and target not in graph.relations:
        raise EditError(f"no claim or relation {target!r} to aim at")
    if target == besides:
        raise EditError(f"a relation cannot be aimed at itself ({target!r})")
    key = (type_, sorted(premises), target)
    for rel in graph.relations.values():
        if rel.id != besides and (rel.type, sorted(rel.premises), rel.target) == key:
            raise EditError(f"that {type_} is already there, as relation {rel.id!r}")


def _relation_data(
    premises: list[str], base: dict[str, Any] | None = None, **fields: Any
) -> dict[str, Any]:
    data = dict(base or {})
    data.update(fields)
    if len(premises) == 1:
        data["source"], data["sources"] = premises[0], None
    else:
        data["source"], data["sources"] = None, list(premises)
    return data


def new_relation(
    graph: Graph,
    type_: RelationType,
    premises: str | Sequence[str],
    target: str,
    *,
    ident: str | None = None,
    weight: float = 1.0,
    scheme: str | None = None,
    note: str | None = None,
    attributions: Sequence[Attribution] = (),
    new_claims: Collection[str] = (),
) -> Relation:
    """A relation checked against ``graph`` (see :func:`check_ends`), its id the
    default unless ``ident`` is given, and free."""
    listed = _premise_list(premises)
    check_ends(graph, type_, listed, target, new_claims=new_claims)
    rid = ident if ident is not None else default_relation_id(type_, listed, target)
    if rid in new_claims:
        raise EditError(f"id {rid!r} is the new claim's; give the relation another")
    check_new_id(graph, rid, "relation")
    if rid == target:
        raise EditError(f"a relation cannot be aimed at itself ({target!r})")
    data = _relation_data(
        listed,
        id=rid,
        type=type_,
        target=target,
        weight=weight,
        scheme=scheme,
        note=note,
        attributions=[a.model_dump() for a in attributions],
    )
    return _keep_written(validated(Relation, data, f"relation {rid!r}"), ident is not None)


def _describe(graph: Graph, type_: str, premises: list[str], target: str) -> str:
    return f"{type_} {' + '.join(premises)} -> {target}"


def add_relation(
    graph: Graph,
    type_: RelationType,
    premises: str | Sequence[str],
    target: str,
    *,
    ident: str | None = None,
    weight: float = 1.0,
    scheme: str | None = None,
    note: str | None = None,
) -> Edit:
    """Add a ``type_`` (``"support"`` or ``"attack"``) from ``premises`` (one claim id,
    or two or more linked premises) to ``target`` (a claim, or a relation: an attack on
    a relation undercuts it, a support backs it). ``weight`` in [0, 1].

    Raises :class:`~arggraph.errors.EditError` for ends that are not there, a claim aimed
    at itself, the same relation twice, an id taken, a value out of range."""
    rel = new_relation(
        graph, type_, premises, target, ident=ident, weight=weight, scheme=scheme, note=note
    )
    label = "add " + _describe(graph, rel.type, rel.premises, rel.target)
    return Edit(label, (Insert("relations", rel),))


def _keep_written(rel: Relation, written: bool) -> Relation:
    """``rel`` with its id marked as one the file writes (``written``) or as the
    default the file leaves out, as the relation it replaces had it
    (:mod:`arggraph.serialize`)."""
    if not written:
        rel.model_fields_set.discard("id")
    return rel


def _written(rel: Relation) -> bool:
    return "id" in rel.model_fields_set


def _follows_default(rel: Relation) -> bool:
    return rel.id == _default_of(rel)


def _reaim(
    graph: Graph, old: str, new: str, gone: Collection[str] = ()
) -> tuple[list[Step], list[tuple[str, str]]]:
    """Steps that aim every relation aimed at the relation ``old`` at ``new`` instead
    (but those in ``gone``), and the renames that makes: a relation aimed at it whose id
    is the default takes the new default, and what is aimed at it follows in turn."""
    if old in graph.claims:
        return [], []
    steps: list[Step] = []
    renamed: list[tuple[str, str]] = []
    for r in graph.relations_into(old):
        if r.id in gone:
            continue
        nid = default_relation_id(r.type, r.premises, new) if _follows_default(r) else r.id
        moved = _keep_written(r.model_copy(update={"target": new, "id": nid}), _written(r))
        steps.append(Replace("relations", moved, r.id))
        if nid != r.id:
            renamed.append((r.id, nid))
            more, more_renamed = _reaim(graph, r.id, nid, gone)
            steps += more
            renamed += more_renamed
    return steps, renamed


def change_relation(graph: Graph, relation_id: str, **changes: Any) -> Edit:
    """Change the relation ``relation_id``: its ``type``, ``weight``, ``scheme``,
    ``note``, ``target`` or ``premises`` (one claim id or a list; two or more make a
    linked relation). A default id follows the change (see the module).

    Raises :class:`~arggraph.errors.EditError` for a field that cannot be changed here or
    a change that would make an invalid relation, and
    :class:`~arggraph.errors.UnknownIdError` for a relation the graph lacks."""
    rel = graph.relation(relation_id)
    unknown = set(changes) - _CHANGEABLE
    if unknown:
        raise EditError(
            f"cannot change {', '.join(sorted(unknown))} of a relation here "
            f"(only {', '.join(sorted(_CHANGEABLE))})"
        )
    premises = _premise_list(changes.pop("premises", rel.premises))
    type_ = changes.get("type", rel.type)
    target = changes.get("target", rel.target)
    reshaped = (type_, sorted(premises), target) != (rel.type, sorted(rel.premises), rel.target)
    if reshaped:
        check_ends(graph, type_, premises, target, besides=rel.id)
    new_id = rel.id
    if _follows_default(rel):
        new_id = default_relation_id(type_, premises, target)
    renamed: list[tuple[str, str]] = []
    if new_id != rel.id:
        check_new_id(graph, new_id, "relation")
        if new_id == target:
            raise EditError(f"a relation cannot be aimed at itself ({target!r})")
        renamed.append((rel.id, new_id))
    data = _relation_data(premises, rel.model_dump(), **changes)
    data["id"] = new_id
    changed = _keep_written(validated(Relation, data, f"relation {rel.id!r}"), _written(rel))
    if changed == rel:
        return Edit(f"change relation {rel.id}", ())
    steps: list[Step] = [Replace("relations", changed, rel.id)]
    if new_id != rel.id:
        more, more_renamed = _reaim(graph, rel.id, new_id)
        steps += more
        renamed += more_renamed
    what = ", ".join(sorted({*changes, *(["premises"] if premises != rel.premises else [])}))
    return Edit(f"change {what} of relation {rel.id}", tuple(steps), tuple(renamed))


def group_premises(graph: Graph, relation_id: str, claims: str | Sequence[str]) -> Edit:
    """Make ``claims`` linked premises of the relation ``relation_id``, with those it
    has: the premises then bear on the target only together. A relation of the same
    type from one of ``claims`` alone to the same target is taken into the linked one
    (its attributions join it, and what was aimed at it is aimed at the linked one).

    Raises :class:`~arggraph.errors.EditError` for a claim already a premise, the target,
    or not a claim; :class:`~arggraph.errors.UnknownIdError` for an unknown relation."""
    rel = graph.relation(relation_id)
    adding = _premise_list(claims)
    if not adding:
        raise EditError("name at least one claim to join the premises")
    for c in adding:
        if c in rel.premises:
            raise EditError(f"{c!r} is already a premise of relation {rel.id!r}")
    premises = [*rel.premises, *adding]
    check_ends(graph, rel.type, premises, rel.target, besides=rel.id)
    absorbed = [
        r
        for r in graph.relations.values()
        if r.id != rel.id
        and r.type == rel.type
        and r.target == rel.target
        and len(r.premises) == 1
        and r.premises[0] in adding
    ]
    attributions = [*rel.attributions]
    for r in absorbed:
        attributions += [a for a in r.attributions if a not in attributions]
    new_id = rel.id
    if _follows_default(rel):
        new_id = default_relation_id(rel.type, premises, rel.target)
    gone = {r.id for r in absorbed}
    if new_id != rel.id and new_id not in gone:
        check_new_id(graph, new_id, "relation")
    data = _relation_data(premises, rel.model_dump(), id=new_id)
    data["attributions"] = [a.model_dump() for a in attributions]
    linked = _keep_written(validated(Relation, data, f"relation {rel.id!r}"), _written(rel))
    steps: list[Step] = [Delete("relations", r.id) for r in absorbed]
    steps.append(Replace("relations", linked, rel.id))
    renamed: list[tuple[str, str]] = []
    for old in [rel.id, *(r.id for r in absorbed)]:
        if old != new_id:
            renamed.append((old, new_id))
            more, more_renamed = _reaim(graph, old, new_id, gone)
            steps += more
            renamed += more_renamed
    label = f"link {' + '.join(premises)} -> {rel.target} ({rel.type})"
    return Edit(label, tuple(steps), tuple(renamed))


def remove_relation(graph: Graph, relation_id: str) -> Edit:
    """Remove the relation ``relation_id`` and the relations aimed at it (undercuts,
    backings), transitively; :func:`~arggraph.edit.relation_dependents` lists them.

    Raises :class:`~arggraph.errors.UnknownIdError` for a relation the graph lacks."""
    deps = relation_dependents(graph, relation_id)
    steps = tuple(Delete("relations", rid) for rid in (*deps.aimed, relation_id))
    return Edit(f"remove relation {relation_id}", steps)
