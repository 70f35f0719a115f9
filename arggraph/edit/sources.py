"""Edits of who said what, and where: actors, documents, and the attributions of claims
and relations to them.

An actor or a document that an attribution names cannot be removed until no
attribution names it (:func:`~arggraph.edit.actor_uses` says which do); an attribution
can only name an actor and a document the graph has.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "claims": [{"id": "a", "text": "A"}]}')
>>> add_attribution(g, "a", actor="kofman")
Traceback (most recent call last):
...
arggraph.errors.EditError: claim 'a': no actor 'kofman' (add the actor first)
>>> add_actor(g, "Michael Kofman", kind="analyst").label
"add actor 'michael-kofman'"
"""

from __future__ import annotations

from typing import Any, Literal

from ..errors import EditError
from ..graph import Graph
from ..model import Actor, Attribution, Claim, Document, Relation
from ._base import Edit, fresh_id, validated
from ._steps import Delete, Insert, Replace
from .impact import actor_uses, document_uses

__all__ = [
    "add_actor",
    "add_attribution",
    "add_document",
    "change_actor",
    "change_attribution",
    "change_document",
    "remove_actor",
    "remove_attribution",
    "remove_document",
]

_ACTOR_FIELDS = frozenset({"name", "kind", "role", "affiliation", "note"})
_DOCUMENT_FIELDS = frozenset(
    {"title", "publisher", "author", "published", "url", "file", "sha256", "accessed", "note"}
)
_ATTRIBUTION_FIELDS = frozenset({"actor", "document", "quote", "date", "illocution", "note"})

Owner = Literal["claim", "relation"]


def _fields(given: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise EditError(
            f"cannot set {', '.join(sorted(unknown))} of {what} here "
            f"(only {', '.join(sorted(allowed))})"
        )


def add_actor(
    graph: Graph, name: str, *, kind: str, ident: str | None = None, **fields: Any
) -> Edit:
    """Add an actor called ``name`` of ``kind`` (analyst, think-tank, official...), its
    id ``ident`` or one made from the name; ``fields``: ``role``, ``affiliation``,
    ``note``.

    Raises :class:`~arggraph.errors.EditError` for an id taken or an empty name or kind."""
    _fields(fields, _ACTOR_FIELDS, "an actor")
    aid = ident if ident is not None else fresh_id(name, graph.actors, fallback="actor")
    if aid in graph.actors:
        raise EditError(f"there is already an actor {aid!r}")
    actor = validated(Actor, {"id": aid, "name": name, "kind": kind, **fields}, f"actor {aid!r}")
    return Edit(f"add actor {aid!r}", (Insert("actors", actor),))


def change_actor(graph: Graph, actor_id: str, **changes: Any) -> Edit:
    """Change the actor's ``name``, ``kind``, ``role``, ``affiliation`` or ``note``.

    Raises :class:`~arggraph.errors.EditError` for an unknown actor or a bad value."""
    _fields(changes, _ACTOR_FIELDS, "an actor")
    return _change(Actor, "actor", _get(graph.actors, actor_id, "actor"), actor_id, changes)


def remove_actor(graph: Graph, actor_id: str) -> Edit:
    """Remove an actor no attribution names.

    Raises :class:`~arggraph.errors.EditError` while one does (saying where)."""
    _get(graph.actors, actor_id, "actor")
    uses = actor_uses(graph, actor_id)
    if uses.count:
        raise EditError(uses.describe() + ": remove or change those attributions first")
    return Edit(f"remove actor {actor_id!r}", (Delete("actors", actor_id),))


def add_document(graph: Graph, title: str, *, ident: str | None = None, **fields: Any) -> Edit:
    """Add a document (an article, a report) with ``title``, its id ``ident`` or one
    made from the title; ``fields``: ``publisher``, ``author``, ``published`` (a date),
    ``url``, ``file``, ``sha256``, ``accessed``, ``note``.

    Raises :class:`~arggraph.errors.EditError` for an id taken or a bad value."""
    _fields(fields, _DOCUMENT_FIELDS, "a document")
    did = ident if ident is not None else fresh_id(title, graph.documents, fallback="document")
    if did in graph.documents:
        raise EditError(f"there is already a document {did!r}")
    doc = validated(Document, {"id": did, "title": title, **fields}, f"document {did!r}")
    return Edit(f"add document {did!r}", (Insert("documents", doc),))


def change_document(graph: Graph, document_id: str, **changes: Any) -> Edit:
    """Change the document's fields (those :func:`add_document` takes, and ``title``).

    Raises :class:`~arggraph.errors.EditError` for an unknown document or a bad value."""
    _fields(changes, _DOCUMENT_FIELDS | {"title"}, "a document")
    doc = _get(graph.documents, document_id, "document")
    return _change(Document, "document", doc, document_id, changes)


def remove_document(graph: Graph, document_id: str) -> Edit:
    """Remove a document no attribution names.

    Raises :class:`~arggraph.errors.EditError` while one does (saying where)."""
    _get(graph.documents, document_id, "document")
    uses = document_uses(graph, document_id)
    if uses.count:
        raise EditError(uses.describe() + ": remove or change those attributions first")
    return Edit(f"remove document {document_id!r}", (Delete("documents", document_id),))


def _change(
    cls: type[Actor] | type[Document], what: str, current: Any, ident: str, changes: dict[str, Any]
) -> Edit:
    """The edit that replaces ``current`` (an actor or a document) by itself with
    ``changes``, validated; no step when nothing changes."""
    changed = validated(cls, {**current.model_dump(), **changes}, f"{what} {ident!r}")
    section: Literal["actors", "documents"] = "actors" if cls is Actor else "documents"
    steps = () if changed == current else (Replace(section, changed),)
    return Edit(f"change {what} {ident}", steps)


def _get(items: dict[str, Any], ident: str, what: str) -> Any:
    try:
        return items[ident]
    except KeyError:
        raise EditError(f"there is no {what} {ident!r}") from None


def _owner(graph: Graph, owner: str, on: Owner | None) -> Claim | Relation:
    """The claim or relation ``owner`` (``on`` says which where an ``arggraph/1`` graph
    has both under one id; else the claim)."""
    if on != "relation" and owner in graph.claims:
        return graph.claims[owner]
    if on != "claim" and owner in graph.relations:
        return graph.relations[owner]
    raise EditError(f"there is no {on or 'claim or relation'} {owner!r}")


def _label(item: Claim | Relation) -> str:
    return f"{'claim' if isinstance(item, Claim) else 'relation'} {item.id!r}"


def _with_attributions(item: Claim | Relation, attributions: list[Attribution]) -> Edit:
    section: Literal["claims", "relations"] = "claims" if isinstance(item, Claim) else "relations"
    return Edit("", (Replace(section, item.model_copy(update={"attributions": attributions})),))


def _attribution(graph: Graph, where: str, data: dict[str, Any]) -> Attribution:
    att = validated(Attribution, data, where)
    if att.actor not in graph.actors:
        raise EditError(f"no actor {att.actor!r} (add the actor first)", place=where)
    if att.document is not None and att.document not in graph.documents:
        raise EditError(f"no document {att.document!r} (add the document first)", place=where)
    return att


def add_attribution(
    graph: Graph, owner: str, *, actor: str, on: Owner | None = None, **fields: Any
) -> Edit:
    """Attribute the claim (or relation) ``owner`` to ``actor``; ``fields``:
    ``document``, ``quote`` (verbatim), ``date``, ``illocution``, ``note``. The actor
    and the document must be in the graph.

    Raises :class:`~arggraph.errors.EditError` for an unknown owner, actor or document,
    or a bad value."""
    _fields(fields, _ATTRIBUTION_FIELDS, "an attribution")
    item = _owner(graph, owner, on)
    att = _attribution(graph, _label(item), {"actor": actor, **fields})
    edit = _with_attributions(item, [*item.attributions, att])
    return Edit(f"attribute {_label(item)} to {actor}", edit.steps)


def change_attribution(
    graph: Graph, owner: str, index: int, *, on: Owner | None = None, **changes: Any
) -> Edit:
    """Change the ``index``-th attribution of ``owner`` (0-based).

    Raises :class:`~arggraph.errors.EditError` for an index out of range or a bad value."""
    _fields(changes, _ATTRIBUTION_FIELDS, "an attribution")
    item = _owner(graph, owner, on)
    where = f"{_label(item)}, attribution {index}"
    if not 0 <= index < len(item.attributions):
        raise EditError(f"{_label(item)} has no attribution {index}")
    old = item.attributions[index]
    att = _attribution(graph, where, {**old.model_dump(), **changes})
    if att == old:
        return Edit(f"change {where}", ())
    atts = list(item.attributions)
    atts[index] = att
    return Edit(f"change {where}", _with_attributions(item, atts).steps)


def remove_attribution(graph: Graph, owner: str, index: int, *, on: Owner | None = None) -> Edit:
    """Remove the ``index``-th attribution of ``owner`` (0-based).

    Raises :class:`~arggraph.errors.EditError` for an index out of range."""
    item = _owner(graph, owner, on)
    if not 0 <= index < len(item.attributions):
        raise EditError(f"{_label(item)} has no attribution {index}")
    atts = [a for i, a in enumerate(item.attributions) if i != index]
    return Edit(
        f"remove attribution {index} of {_label(item)}", _with_attributions(item, atts).steps
    )
