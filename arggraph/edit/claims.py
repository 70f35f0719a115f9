"""Edits of claims and of the graph's own fields: add a claim (alone, or with the
relation by which it supports or attacks a claim or a relation), change its text, kind,
base, date, tags or note, remove it with what hangs on it; change the title, question
or description.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "claims": [{"id": "go", "text": "Go", '
...     '"kind": "position"}]}')
>>> e = add_argument(g, "Roads are cut", type_="support", target="go")
>>> e.label, [type(s).__name__ for s in e.steps]
("add claim 'roads-are-cut' supporting go", ['Insert', 'Insert'])
>>> change_claim(g, "go", kind="opinion")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
arggraph.errors.EditError: claim 'go': kind: Input should be 'position', 'claim' or 'evidence'...
"""

from __future__ import annotations

from typing import Any

from ..errors import EditError
from ..graph import Graph
from ..model import Claim, ClaimKind, RelationType
from ._base import Edit, check_new_id, fresh_id, taken_ids, validated
from ._steps import Delete, Insert, Replace, SetField, Step
from .impact import claim_dependents
from .relations import new_relation

__all__ = ["add_argument", "add_claim", "change_claim", "change_graph", "remove_claim"]

_CHANGEABLE = frozenset({"text", "kind", "base", "date", "tags", "note", "reconstructed"})
_GRAPH_FIELDS = ("title", "question", "description")


def _new_claim(
    graph: Graph,
    text: str,
    kind: ClaimKind,
    ident: str | None,
    fields: dict[str, Any],
) -> Claim:
    unknown = set(fields) - _CHANGEABLE
    if unknown:
        raise EditError(f"a claim has no {', '.join(sorted(unknown))} to set here")
    cid = ident if ident is not None else fresh_id(text, taken_ids(graph))
    check_new_id(graph, cid, "claim")
    data = {"id": cid, "text": text, "kind": kind, **fields}
    return validated(Claim, data, f"claim {cid!r}")


def add_claim(
    graph: Graph,
    text: str,
    *,
    kind: ClaimKind = "claim",
    ident: str | None = None,
    **fields: Any,
) -> Edit:
    """Add a claim (a ``"position"``, ``"claim"`` or ``"evidence"``) with ``text``, its
    id ``ident`` or one made from the text (:func:`~arggraph.edit.fresh_id`); other
    ``fields`` as :func:`change_claim` takes them. A claim joins the end of the claims.

    Raises :class:`~arggraph.errors.EditError` for an empty text, an id taken, a value
    out of range."""
    claim = _new_claim(graph, text, kind, ident, fields)
    noun = "position" if kind == "position" else "claim"
    return Edit(f"add {noun} {claim.id!r}", (Insert("claims", claim),))


def add_argument(
    graph: Graph,
    text: str,
    *,
    type_: RelationType,
    target: str,
    kind: ClaimKind = "claim",
    ident: str | None = None,
    weight: float = 1.0,
    **fields: Any,
) -> Edit:
    """Add a claim with ``text`` and the ``type_`` by which it bears on ``target``, in
    one edit: a supporter or an attacker of a claim, or (``target`` a relation) an
    undercutter or a backer of that inference.

    Raises :class:`~arggraph.errors.EditError` as :func:`add_claim` and
    :func:`~arggraph.edit.add_relation` do."""
    claim = _new_claim(graph, text, kind, ident, fields)
    rel = new_relation(graph, type_, claim.id, target, weight=weight, new_claims={claim.id})
    doing = {"support": "supporting", "attack": "attacking"}[type_]
    if target in graph.relations and target not in graph.claims:
        doing = {"support": "backing", "attack": "undercutting"}[type_]
    label = f"add claim {claim.id!r} {doing} {target}"
    return Edit(label, (Insert("claims", claim), Insert("relations", rel)))


def change_claim(graph: Graph, claim_id: str, **changes: Any) -> Edit:
    """Change the claim ``claim_id``: ``text``, ``kind``, ``base`` (0..1), ``date``
    (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an interval ``START/END``; ``None`` for
    none), ``tags`` (a list of strings), ``note``, ``reconstructed``. Its id stays.
    An edit that changes nothing has no steps.

    Raises :class:`~arggraph.errors.EditError` for another field or a value the format
    refuses, :class:`~arggraph.errors.UnknownIdError` for a claim the graph lacks."""
    claim = graph.claim(claim_id)
    unknown = set(changes) - _CHANGEABLE
    if unknown:
        raise EditError(
            f"cannot change {', '.join(sorted(unknown))} of a claim here "
            f"(only {', '.join(sorted(_CHANGEABLE))})"
        )
    if "tags" in changes:
        changes["tags"] = list(changes["tags"] or [])
    changed = validated(Claim, {**claim.model_dump(), **changes}, f"claim {claim_id!r}")
    what = sorted(k for k in changes if getattr(changed, k) != getattr(claim, k))
    if not what:
        return Edit(f"change claim {claim_id}", ())
    return Edit(f"change {', '.join(what)} of claim {claim_id}", (Replace("claims", changed),))


def remove_claim(graph: Graph, claim_id: str) -> Edit:
    """Remove the claim ``claim_id`` with every relation into or out of it (linked ones
    included) and every relation aimed at those; its attributions go with it.
    :func:`~arggraph.edit.claim_dependents` says what that is, to show first.

    Raises :class:`~arggraph.errors.UnknownIdError` for a claim the graph lacks."""
    deps = claim_dependents(graph, claim_id)
    steps: list[Step] = [Delete("relations", rid) for rid in (*deps.aimed, *deps.relations)]
    steps.append(Delete("claims", claim_id))
    return Edit(f"remove claim {claim_id!r}", tuple(steps))


def change_graph(graph: Graph, **changes: str | None) -> Edit:
    """Change the graph's ``title``, ``question`` or ``description`` (``None``: no
    description).

    Raises :class:`~arggraph.errors.EditError` for another field."""
    unknown = set(changes) - set(_GRAPH_FIELDS)
    if unknown:
        raise EditError(f"cannot change {', '.join(sorted(unknown))} of the graph here")
    steps: list[Step] = []
    for name in _GRAPH_FIELDS:
        if name not in changes:
            continue
        value = changes[name]
        if name != "description" and value is None:
            value = ""
        if value != getattr(graph.model, name):
            steps.append(SetField(name, value))  # type: ignore[arg-type]
    what = ", ".join(s.name for s in steps if isinstance(s, SetField))
    return Edit(f"change the graph's {what}", tuple(steps))
