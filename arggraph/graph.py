"""A loaded debate: the validated file, its indexes, and the engine's arrays.

:class:`Graph` wraps a :class:`~arggraph.model.GraphModel` with what every consumer
needs and should not rebuild: items by id, the integrity problems found (duplicate
ids, references that point nowhere), and the :class:`~arggraph.framework.Framework`
of arrays the engine computes on. It is read-only by convention: scores change
through score sheets, never by rewriting the graph.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="p", text="P", kind="position"),
...                                      Claim(id="c", text="C")],
...                      relations=[Relation(type="attack", source="c", target="p")]))
>>> [c.id for c in g.positions], g.framework.att_tgt.tolist()
(['p'], [0])
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import numpy as np

from .atomic import FileStamp
from .errors import DanglingReferenceError, DuplicateIdError, IntegrityError, UnknownIdError
from .framework import Framework
from .locate import path_steps
from .model import Actor, Claim, Document, GraphModel, Relation, default_relation_id

__all__ = ["Graph", "IntegrityProblem"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class IntegrityProblem:
    """An id that clashes or a reference that points nowhere.

    ``kind`` is ``"duplicate"`` or ``"dangling"``; ``place`` the JSON path of the
    offending item or field; ``ident`` the id concerned; ``target`` what kind of item
    it names (claim, relation, actor, document). A duplicate also has ``first``, the
    JSON path of the item that holds the id first; ``same_relation`` is the
    (type, source, target) of a relation written twice without ids of its own (its id
    is the default ``TYPE:SOURCE->TARGET``, which the user never wrote).
    """

    kind: Literal["duplicate", "dangling"]
    place: str
    ident: str
    target: str
    message: str
    first: str | None = None
    same_relation: tuple[str, str, str] | None = None


class Graph:
    """A debate graph ready to compute on.

    With ``strict`` (the default) the first integrity problem raises
    :class:`~arggraph.errors.DuplicateIdError` or
    :class:`~arggraph.errors.DanglingReferenceError`; otherwise the problems are kept
    in :attr:`problems` (the checks report them), later duplicates are ignored, and
    relations whose ends are missing are left out of the framework.
    """

    def __init__(
        self,
        model: GraphModel,
        *,
        path: str | Path | None = None,
        stamp: FileStamp | None = None,
        strict: bool = True,
    ) -> None:
        self.model = model
        self.path = Path(path) if path is not None else None
        self.stamp = stamp
        self.claims: dict[str, Claim]
        self.relations: dict[str, Relation]
        self.actors: dict[str, Actor]
        self.documents: dict[str, Document]
        self.problems: list[IntegrityProblem] = []
        self._index_items()
        if strict and self.problems:
            self._raise_first()

    # ------------------------------------------------------------------ indexing
    def _index_items(self) -> None:
        """Index items by id and record clashing ids and references that point nowhere.

        Written for large files: dictionaries and sets are built in bulk, and only when
        their sizes show a problem is the slow, place-finding scan run.
        """
        m = self.model
        for rel in m.relations:
            if not rel.id:
                rel.id = default_relation_id(rel.type, rel.source, rel.target)
        self.documents = self._collect("documents", "document", m.documents)
        self.actors = self._collect("actors", "actor", m.actors)
        self.claims = self._collect("claims", "claim", m.claims)
        self.relations = self._collect("relations", "relation", m.relations)

        ends = {r.source for r in m.relations} | {r.target for r in m.relations}
        if not ends <= self.claims.keys():
            for i, rel in enumerate(m.relations):
                for end in ("source", "target"):
                    ref = getattr(rel, end)
                    if ref not in self.claims:
                        self._dangling(
                            f"relations[{i}].{end}", ref, "claim", f"relation {rel.id!r}"
                        )
        groups = [c.attributions for c in m.claims if c.attributions]
        groups += [r.attributions for r in m.relations if r.attributions]
        actors = {a.actor for g in groups for a in g}
        documents = {a.document for g in groups for a in g if a.document is not None}
        if actors <= self.actors.keys() and documents <= self.documents.keys():
            return
        owners = [(f"claims[{i}]", c.attributions) for i, c in enumerate(m.claims)]
        owners += [(f"relations[{i}]", r.attributions) for i, r in enumerate(m.relations)]
        for where, attributions in owners:
            for j, att in enumerate(attributions):
                owner = f"{where}.attributions[{j}]"
                if att.actor not in self.actors:
                    self._dangling(f"{owner}.actor", att.actor, "actor", "attribution")
                if att.document is not None and att.document not in self.documents:
                    self._dangling(f"{owner}.document", att.document, "document", "attribution")

    def _collect(self, section: str, what: str, items: list[T]) -> dict[str, T]:
        """Items by id; on clashing ids the first wins and each later one is recorded."""
        out = {item.id: item for item in items}
        if len(out) == len(items):
            return out
        out = {}
        first_at: dict[str, int] = {}
        for i, item in enumerate(items):
            j = first_at.get(item.id)
            if j is None:
                first_at[item.id] = i
                out[item.id] = item
                continue
            same = _same_relation(items[j], item)
            if same is not None:
                rel_type, source, target = same
                self.problems.append(
                    IntegrityProblem(
                        "duplicate",
                        f"{section}[{i}]",
                        item.id,
                        what,
                        f"the same {rel_type} {source!r} -> {target!r} appears twice, at "
                        f"{section}[{j}] and {section}[{i}]",
                        first=f"{section}[{j}]",
                        same_relation=same,
                    )
                )
                continue
            self.problems.append(
                IntegrityProblem(
                    "duplicate",
                    f"{section}[{i}].id",
                    item.id,
                    what,
                    f"duplicate {what} id {item.id!r}, at {section}[{j}] and {section}[{i}]",
                    first=f"{section}[{j}].id",
                )
            )
        return out

    def _dangling(self, place: str, ref: str, target: str, who: str) -> None:
        self.problems.append(
            IntegrityProblem(
                "dangling",
                place,
                ref,
                target,
                f"{who} refers to unknown {target} {ref!r}",
            )
        )

    def _raise_first(self) -> None:
        raise self.integrity_error()

    def integrity_error(self, text: str | None = None) -> IntegrityError:
        """The error for the first of :attr:`problems` (the others counted), which
        ``Graph(strict=True)`` raises; given the file's ``text``, it names the lines of
        the items concerned and has the line and column of its place.

        The caller makes sure there is a problem (:class:`IndexError` otherwise)."""
        first = self.problems[0]
        more = len(self.problems) - 1
        message = first.message
        steps = path_steps(first.place)
        line = column = None
        if text is not None:
            from .locate import JsonLocator

            locator = JsonLocator(text)
            line, column = locator.position(steps)
            if first.first is not None:
                message += f" (lines {locator.line(first.first)} and {line})"
        message += f" (and {more} more)" if more else ""
        err: IntegrityError
        if first.kind == "dangling":
            err = DanglingReferenceError(
                message, path=self.path, place=first.place, json_path=steps
            )
            err.line, err.column = line, column
            return err
        hint = None
        if first.same_relation is not None:
            hint = (
                "keep one, with the attributions of both: the same relation twice counts "
                "twice; give each an id of its own if both are meant"
            )
        err = DuplicateIdError(
            message, path=self.path, place=first.place, json_path=steps, hint=hint
        )
        err.line, err.column = line, column
        return err

    # ------------------------------------------------------------------ reading
    @property
    def id(self) -> str:
        """The graph's id (score sheets name it)."""
        return self.model.id

    @property
    def positions(self) -> list[Claim]:
        """The claims of kind ``position``, in file order."""
        return [c for c in self.claims.values() if c.kind == "position"]

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id, or :class:`~arggraph.errors.UnknownIdError`."""
        try:
            return self.claims[claim_id]
        except KeyError:
            raise UnknownIdError(
                "claim", claim_id, path=self.path, known=list(self.claims)
            ) from None

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id, or :class:`~arggraph.errors.UnknownIdError`."""
        try:
            return self.relations[relation_id]
        except KeyError:
            raise UnknownIdError(
                "relation", relation_id, path=self.path, known=list(self.relations)
            ) from None

    @cached_property
    def framework(self) -> Framework:
        """Claims and usable relations as arrays (see :mod:`arggraph.framework`)."""
        ids = tuple(self.claims)
        index = {cid: i for i, cid in enumerate(ids)}
        base = np.fromiter((c.base for c in self.claims.values()), dtype=np.float64, count=len(ids))
        lists: dict[str, tuple[list[int], list[int], list[float], list[str]]] = {
            "attack": ([], [], [], []),
            "support": ([], [], [], []),
        }
        for rel in self.relations.values():
            s = index.get(rel.source)
            t = index.get(rel.target)
            if s is None or t is None:
                continue
            src, tgt, w, rid = lists[rel.type]
            src.append(s)
            tgt.append(t)
            w.append(rel.weight)
            rid.append(rel.id)
        a_src, a_tgt, a_w, a_id = lists["attack"]
        s_src, s_tgt, s_w, s_id = lists["support"]
        return Framework(
            ids,
            base,
            np.array(a_src, dtype=np.int64),
            np.array(a_tgt, dtype=np.int64),
            np.array(a_w, dtype=np.float64),
            np.array(s_src, dtype=np.int64),
            np.array(s_tgt, dtype=np.int64),
            np.array(s_w, dtype=np.float64),
            att_rel=tuple(a_id),
            sup_rel=tuple(s_id),
            _index=index,
        )

    def __repr__(self) -> str:
        where = f" from {self.path}" if self.path else ""
        return (
            f"<Graph {self.id!r}{where}: {len(self.claims)} claims, "
            f"{len(self.relations)} relations>"
        )


def _same_relation(first: object, later: object) -> tuple[str, str, str] | None:
    """(type, source, target) when two items sharing an id are relations of the same
    type between the same claims, the later one with no id of its own but the default
    ``TYPE:SOURCE->TARGET``; else None (a plain duplicate id)."""
    if not (isinstance(first, Relation) and isinstance(later, Relation)):
        return None
    triple = (later.type, later.source, later.target)
    if (first.type, first.source, first.target) != triple:
        return None
    if later.id != default_relation_id(*triple):
        return None
    return triple
