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

From ``arggraph/1.1`` on a relation may run from linked premises and aim at a
relation; :meth:`Graph.target_relation` and :meth:`Graph.relations_into` follow them:

>>> g = Graph(GraphModel(claims=[Claim(id="a", text="A"), Claim(id="b", text="B"),
...     Claim(id="c", text="C"), Claim(id="u", text="U")], relations=[
...     Relation(id="r", type="support", sources=["a", "b"], target="c"),
...     Relation(type="attack", source="u", target="r")]))
>>> [r.id for r in g.relations_into("r")], g.target_relation(g.relation("attack:u->r")).id
(['attack:u->r'], 'r')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeVar

from ._gc import paused_collector
from ._ids import default_relation_id
from .atomic import FileStamp
from .errors import DanglingReferenceError, DuplicateIdError, IntegrityError, UnknownIdError
from .locate import path_steps

if TYPE_CHECKING:
    from ._columns import Columns
    from .framework import Framework
    from .model import Actor, Claim, Document, GraphModel, Relation

# NumPy and the framework's arrays are imported when the framework is first asked for:
# what reads the graph alone (`arggraph show`, the checks' structure) never needs them.

# The models (and pydantic) are imported where a graph needs them: a plain file loaded
# on the fast path, whose models are built only when asked for, never needs them.
_FORMAT_1_1: Final = "arggraph/1.1"

__all__ = ["Graph", "IntegrityProblem"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class IntegrityProblem:
    """An id that clashes or a reference that points nowhere.

    ``kind`` is ``"duplicate"``, ``"dangling"`` or ``"self"`` (an ``arggraph/1.1``
    relation aimed at itself); ``place`` the JSON path of the
    offending item or field; ``ident`` the id concerned; ``target`` what kind of item
    it names (claim, relation, actor, document, or "claim or relation" for the target
    of a relation in ``arggraph/1.1``, and for an ``arggraph/1.1`` id that names both a
    claim and a relation). A duplicate also has ``first``, the JSON path of the item
    that holds the id first; ``same_relation`` is the (type, premises, target) of a
    relation written twice without ids of its own (its id is the default
    ``TYPE:SOURCE->TARGET``, which the user never wrote). ``why`` is the part of the
    message that explains a dangling reference (``" (premises are claims; 'r' is a
    relation)"``), or ``""``: the checks add it to their own wording.
    """

    kind: Literal["duplicate", "dangling", "self"]
    place: str
    ident: str
    target: str
    message: str
    first: str | None = None
    same_relation: tuple[str, tuple[str, ...], str] | None = None
    why: str = ""


class Graph:
    """A debate graph ready to compute on.

    With ``strict`` (the default) the first integrity problem raises
    :class:`~arggraph.errors.DuplicateIdError` or
    :class:`~arggraph.errors.DanglingReferenceError`; otherwise the problems are kept
    in :attr:`problems` (the checks report them), later duplicates are ignored, and
    relations whose ends are missing are left out of the framework.

    A relation's premises are claims; its target is a claim, or (``arggraph/1.1``) a
    relation, resolved once every id is indexed. In ``arggraph/1.1`` claims and
    relations share one namespace: an id that names both is a duplicate, and a relation
    aimed at its own id aims at itself, a problem of its own (``"self"``; strict
    loading raises :class:`~arggraph.errors.IntegrityError`).

    A graph of a file loaded on the fast path (:meth:`from_columns`) has the same
    attributes; its :attr:`model`, :attr:`claims` and :attr:`relations` (and a whole
    file's :attr:`actors` and :attr:`documents`) are validated from the parsed file when
    first read, while :attr:`framework`, :meth:`kind_counts`, :meth:`type_counts`,
    :meth:`position_texts`, :meth:`claim_kinds`, :meth:`claim_texts`,
    :meth:`require_claim`, :attr:`attributed`, :attr:`title` and :attr:`id` never need
    them.
    """

    def __init__(
        self,
        model: GraphModel,
        *,
        path: str | Path | None = None,
        stamp: FileStamp | None = None,
        strict: bool = True,
    ) -> None:
        self._model: GraphModel | None = model
        self.path = Path(path) if path is not None else None
        self.stamp = stamp
        self._claims: dict[str, Claim] | None = None
        self._relations: dict[str, Relation] | None = None
        self._actors: dict[str, Actor] | None = None
        self._documents: dict[str, Document] | None = None
        self.problems: list[IntegrityProblem] = []
        self._raw: dict[str, Any] | None = None
        self._columns: Columns | None = None
        self._id = model.id
        self._index_items()
        if strict and self.problems:
            self._raise_first()

    @classmethod
    def from_columns(
        cls,
        raw: dict[str, Any],
        cols: Columns,
        *,
        graph_id: str,
        path: str | Path | None = None,
        stamp: FileStamp | None = None,
    ) -> Graph:
        """A graph of a file read on the fast path (:mod:`arggraph._columns` for a plain
        file, :mod:`arggraph._document` for a whole one, which found it valid, every id
        once and every reference resolved), with the parsed file ``raw`` it came from
        and the id it takes (``graph_id``). Its models (:attr:`model`, :attr:`claims`,
        :attr:`relations`, and for a whole file :attr:`actors` and :attr:`documents`)
        are validated from ``raw`` when first asked for; the engine's arrays, the counts,
        the claims' kinds and texts and the positions come from the columns."""
        graph = cls.__new__(cls)
        graph._model = None
        graph.path = Path(path) if path is not None else None
        graph.stamp = stamp
        graph._claims = graph._relations = None
        graph._actors = graph._documents = None
        if cols.plain:
            graph._actors, graph._documents = {}, {}  # a plain file has none
        graph.problems = []
        graph._raw = raw
        graph._columns = cols
        graph._id = graph_id
        return graph

    def _materialize(self) -> None:
        """Validate the parsed file into models and index them (the fast path proved
        it valid, so neither raises nor finds a problem)."""
        from .model import GraphModel

        assert self._raw is not None
        # As in loading: hundreds of thousands of new objects and no cycle among them,
        # which the cyclic collector would rescan many times over.
        with paused_collector():
            model = GraphModel.model_validate(self._raw)
            if model.id != self._id:
                model.id = self._id  # a bare framework: named after its file
            self._model = model
            self._index_items()
        self._raw = None

    # ------------------------------------------------------------------ the models
    @property
    def model(self) -> GraphModel:
        """The validated file."""
        if self._model is None:
            self._materialize()
        assert self._model is not None
        return self._model

    @property
    def claims(self) -> dict[str, Claim]:
        """The claims by id, in file order (the first of clashing ids)."""
        if self._claims is None:
            self._materialize()
        assert self._claims is not None
        return self._claims

    @property
    def relations(self) -> dict[str, Relation]:
        """The relations by id (their default id when the file gives none), in file
        order."""
        if self._relations is None:
            self._materialize()
        assert self._relations is not None
        return self._relations

    @property
    def actors(self) -> dict[str, Actor]:
        """The actors by id, in file order."""
        if self._actors is None:
            self._materialize()
        assert self._actors is not None
        return self._actors

    @property
    def documents(self) -> dict[str, Document]:
        """The documents by id, in file order."""
        if self._documents is None:
            self._materialize()
        assert self._documents is not None
        return self._documents

    def kind_counts(self) -> dict[str, int]:
        """How many claims (the first of clashing ids) there are of each kind, by kind.

        >>> from arggraph.io import loads
        >>> loads('{"claims": [{"id": "a", "text": "A", "kind": "position"}]}').kind_counts()
        {'position': 1}
        """
        if self._columns is not None:
            return dict(Counter(self._columns.kinds))
        return dict(Counter(c.kind for c in self.claims.values()))

    def type_counts(self) -> dict[str, int]:
        """How many relations (the first of clashing ids) there are of each type."""
        cols = self._columns
        if cols is not None:  # (from the attack mask: no pass over the types' strings)
            import numpy as np  # (loaded already: the columns are arrays)

            attacks = int(np.count_nonzero(cols.attack))
            counts = {"attack": attacks, "support": len(cols.types) - attacks}
            first = "attack" if cols.attack.size and cols.attack[0] else "support"
            return {t: counts[t] for t in (first, *counts) if counts[t]}
        return dict(Counter(r.type for r in self.relations.values()))

    @property
    def attributed(self) -> bool:
        """Whether any claim or relation has an attribution."""
        cols = self._columns
        if cols is not None and cols.plain:
            return False
        if self._claims is None and cols is not None and self._raw is not None:
            items = chain(self._raw.get("claims", ()), self._raw.get("relations", ()))
            return any(item.get("attributions") for item in items)
        groups = chain(
            (c.attributions for c in self.claims.values()),
            (r.attributions for r in self.relations.values()),
        )
        return any(groups)

    @property
    def columns(self) -> Columns | None:
        """The claims and relations as columns (:class:`arggraph._columns.Columns`: ids,
        texts, kinds, bases, relation types and ends) when the graph was loaded from a
        plain file on the fast path, else ``None``: what reads a large plain graph in
        bulk (the checks) reads without building a model per item. Such a graph has no
        actors, documents or attributions (the columns of a whole file, which has them,
        are not given here)."""
        cols = self._columns
        return cols if cols is not None and cols.plain else None

    # ------------------------------------------------------------------ indexing
    def _index_items(self) -> None:
        """Index items by id and record clashing ids and references that point nowhere.

        Written for large files: dictionaries and sets are built in bulk, and only when
        their sizes show a problem is the slow, place-finding scan run.
        """
        m = self.model
        for rel in m.relations:
            if not rel.id:
                premises = rel.source if rel.source is not None else rel.premises
                rel.id = default_relation_id(rel.type, premises, rel.target)
                rel.model_fields_set.discard("id")  # still unwritten: a save leaves it out
        self._documents = self._collect("documents", "document", m.documents)
        self._actors = self._collect("actors", "actor", m.actors)
        self._claims = self._collect("claims", "claim", m.claims)
        self._relations = self._collect("relations", "relation", m.relations)
        ends = {r.source for r in m.relations} | {r.target for r in m.relations}
        ends.update(p for r in m.relations if r.sources is not None for p in r.sources)
        ends.discard(None)
        loose = not ends <= self.claims.keys()
        if loose and m.format != _FORMAT_1_1 and "format" not in m.model_fields_set:
            if any(r.target not in self.claims and r.target in self.relations for r in m.relations):
                m.format = _FORMAT_1_1  # a model that says no format gets the one it needs
        one_namespace = m.format == _FORMAT_1_1
        if one_namespace and not self.claims.keys().isdisjoint(self.relations.keys()):
            self._namespace_clashes()
        if loose:
            self._dangling_ends(one_namespace)
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

    def _namespace_clashes(self) -> None:
        """In ``arggraph/1.1``: each relation whose id a claim has too, as a duplicate."""
        m = self.model
        claim_at: dict[str, int] = {}
        for i, claim in enumerate(m.claims):
            claim_at.setdefault(claim.id, i)
        for i, rel in enumerate(m.relations):
            j = claim_at.get(rel.id)
            if j is None or self.relations.get(rel.id) is not rel:
                continue
            written = rel.id != default_relation_id(rel.type, rel.premises, rel.target)
            place = f"relations[{i}].id" if written else f"relations[{i}]"
            self.problems.append(
                IntegrityProblem(
                    "duplicate",
                    place,
                    rel.id,
                    "claim or relation",
                    f"id {rel.id!r} names both a claim and a relation, at claims[{j}] and "
                    f"relations[{i}] (in arggraph/1.1 they share one namespace)",
                    first=f"claims[{j}].id",
                )
            )

    def _dangling_ends(self, one_namespace: bool) -> None:
        """Premises that are no claims, and targets that are neither a claim nor (in
        ``arggraph/1.1``) a relation."""
        for i, rel in enumerate(self.model.relations):
            who = f"relation {rel.id!r}"
            if rel.sources is not None:
                places = [(f"relations[{i}].sources[{k}]", p) for k, p in enumerate(rel.sources)]
            else:
                places = [(f"relations[{i}].source", p) for p in rel.premises]
            for place, premise in places:
                if premise not in self.claims:
                    why = (
                        f" (premises are claims; {premise!r} is a relation)"
                        if premise in self.relations
                        else ""
                    )
                    self._dangling(place, premise, "claim", who, why)
            if one_namespace and rel.target == rel.id and rel.target not in self.claims:
                self.problems.append(
                    IntegrityProblem(
                        "self",
                        f"relations[{i}].target",
                        rel.id,
                        "relation",
                        f"relation {rel.id!r} is aimed at itself",
                    )
                )
                continue
            if rel.target in self.claims or (one_namespace and rel.target in self.relations):
                continue
            what = "claim or relation" if one_namespace else "claim"
            why = ""
            if rel.target in self.relations:
                why = f' (a relation: aiming at a relation needs "format": "{_FORMAT_1_1}")'
            self._dangling(f"relations[{i}].target", rel.target, what, who, why)

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
                rel_type, premises, target = same
                source = " + ".join(repr(p) for p in premises)
                self.problems.append(
                    IntegrityProblem(
                        "duplicate",
                        f"{section}[{i}]",
                        item.id,
                        what,
                        f"the same {rel_type} {source} -> {target!r} appears twice, at "
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

    def _dangling(self, place: str, ref: str, target: str, who: str, why: str = "") -> None:
        self.problems.append(
            IntegrityProblem(
                "dangling",
                place,
                ref,
                target,
                f"{who} refers to unknown {target} {ref!r}{why}",
                why=why,
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
        if first.kind == "self":
            err = IntegrityError(message, path=self.path, place=first.place, json_path=steps)
            err.line, err.column = line, column
            return err
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
            message += f"; {hint}"  # (one line: the message holds its hint)
        err = DuplicateIdError(
            message, path=self.path, place=first.place, json_path=steps, hint=hint
        )
        err.line, err.column = line, column
        return err

    # ------------------------------------------------------------------ reading
    @property
    def id(self) -> str:
        """The graph's id (score sheets name it)."""
        return self._id if self._model is None else self._model.id

    @property
    def title(self) -> str:
        """The graph's title (``""`` when it has none)."""
        if self._model is None and self._raw is not None:
            return str(self._raw.get("title", ""))
        return self.model.title

    @property
    def question(self) -> str:
        """The question the graph debates (``""`` when it has none)."""
        if self._model is None and self._raw is not None:
            return str(self._raw.get("question", ""))
        return self.model.question

    @property
    def positions(self) -> list[Claim]:
        """The claims of kind ``position``, in file order."""
        if self._claims is None and self._columns is not None and self._raw is not None:
            # Only the positions' models, from the parsed file: the rest stays unbuilt.
            from .model import Claim

            raw_claims = self._raw.get("claims", [])
            return [Claim.model_validate(raw_claims[i]) for i in self._columns.positions()]
        return [c for c in self.claims.values() if c.kind == "position"]

    def position_texts(self) -> dict[str, str]:
        """The positions' texts by id, in file order (a plain file's from the parsed
        file, with no model built)."""
        if self._claims is None and self._columns is not None and self._raw is not None:
            raw_claims = self._raw.get("claims", [])
            picked = [raw_claims[i] for i in self._columns.positions()]
            return {str(c["id"]): str(c["text"]) for c in picked}
        return {c.id: c.text for c in self.positions}

    def claim_kinds(self) -> dict[str, str]:
        """Each claim's kind by id, in file order (from the columns of a file read on the
        fast path, with no model built)."""
        if self._claims is None and self._columns is not None:
            return dict(zip(self._columns.claim_ids, self._columns.kinds, strict=True))
        return {c.id: c.kind for c in self.claims.values()}

    def claim_texts(self) -> dict[str, str]:
        """Each claim's text by id, in file order (as :meth:`claim_kinds`).

        >>> from arggraph.io import loads
        >>> loads('{"claims": [{"id": "a", "text": "A", "kind": "position"}]}').claim_texts()
        {'a': 'A'}
        """
        if self._claims is None and self._columns is not None:
            return dict(zip(self._columns.claim_ids, self._columns.texts, strict=True))
        return {c.id: c.text for c in self.claims.values()}

    def require_claim(self, claim_id: str) -> None:
        """Raise :class:`~arggraph.errors.UnknownIdError` (which names the nearest ids)
        unless the graph has a claim ``claim_id``; no model is built for it.

        >>> from arggraph.io import loads
        >>> loads('{"claims": [{"id": "withdraw", "text": "W"}]}').require_claim("withdrew")
        Traceback (most recent call last):
        ...
        arggraph.errors.UnknownIdError: no claim with id 'withdrew'; did you mean 'withdraw'?
        """
        cols = self._columns
        if self._claims is None and cols is not None:
            if claim_id not in cols.index:
                raise UnknownIdError("claim", claim_id, path=self.path, known=cols.claim_ids)
            return
        if claim_id not in self.claims:
            raise UnknownIdError("claim", claim_id, path=self.path, known=list(self.claims))

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id, or :class:`~arggraph.errors.UnknownIdError`."""
        self.require_claim(claim_id)
        cols, raw = self._columns, self._raw
        if self._claims is None and cols is not None and raw is not None:
            # The one claim's model, from the parsed file: the rest stays unbuilt.
            from .model import Claim

            return Claim.model_validate(raw["claims"][cols.index[claim_id]])
        return self.claims[claim_id]

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id, or :class:`~arggraph.errors.UnknownIdError`."""
        try:
            return self.relations[relation_id]
        except KeyError:
            raise UnknownIdError(
                "relation", relation_id, path=self.path, known=list(self.relations)
            ) from None

    def is_relation(self, ident: str) -> bool:
        """Whether ``ident`` names a relation of the graph (in ``arggraph/1`` a claim may
        have the same id; a relation's target is then the claim)."""
        return ident in self.relations

    def target_relation(self, rel: Relation) -> Relation | None:
        """The relation ``rel`` aims at (it backs or undercuts it), or ``None`` when it
        aims at a claim (or at nothing the graph has). A target that names a claim is
        the claim."""
        if rel.target in self.claims:
            return None
        return self.relations.get(rel.target)

    def is_usable(self, rel: Relation) -> bool:
        """Whether every premise of ``rel`` is a claim and its target a claim or a
        relation of the graph (the relations the checks and views work with)."""
        ends_ok = all(p in self.claims for p in rel.premises) and bool(rel.premises)
        return ends_ok and (rel.target in self.claims or rel.target in self.relations)

    def relations_into(self, target_id: str) -> list[Relation]:
        """The relations aimed at the claim or relation ``target_id``, in file order
        (those with a missing premise included)."""
        return list(self._into.get(target_id, ()))

    @cached_property
    def extended_relations(self) -> list[Relation]:
        """The relations that run from linked premises or aim at a relation (which
        :attr:`framework` does not hold yet), in file order, those with a missing end
        included (:meth:`is_usable` tells): empty for an ``arggraph/1`` graph."""
        cols = self._columns
        if self._claims is None and cols is not None and cols.links is None:
            return []  # every relation from a claim to a claim
        claims, relations = self.claims, self.relations
        return [
            r
            for r in relations.values()
            if r.sources is not None or (r.target not in claims and r.target in relations)
        ]

    @cached_property
    def _into(self) -> dict[str, list[Relation]]:
        out: dict[str, list[Relation]] = {}
        for rel in self.relations.values():
            out.setdefault(rel.target, []).append(rel)
        return out

    @cached_property
    def framework(self) -> Framework:
        """Claims and usable relations as arrays (see :mod:`arggraph.framework`).

        A relation from linked premises or aimed at another relation (``arggraph/1.1``)
        becomes an inference node (:meth:`Framework.from_links`); a graph with none keeps
        the plain attack and support arrays, built directly. Relations with a missing end
        (kept by ``strict=False`` loading), and those aimed at such a relation, are left
        out, as are relations aimed at themselves: the checks report them.
        """
        cols = self._columns
        if cols is not None and cols.links is not None:
            from .framework import Framework

            return Framework.from_links(tuple(cols.claim_ids), cols.bases.tolist(), cols.links)
        if cols is not None:
            return _columns_framework(cols)
        if self.extended_relations:
            return self._linked_framework()
        import numpy as np

        from .framework import Framework

        ids = tuple(self.claims)
        index = {cid: i for i, cid in enumerate(ids)}
        base = np.fromiter((c.base for c in self.claims.values()), dtype=np.float64, count=len(ids))
        lists: dict[str, tuple[list[int], list[int], list[float], list[str]]] = {
            "attack": ([], [], [], []),
            "support": ([], [], [], []),
        }
        for rel in self.relations.values():
            if rel.source is None:
                continue  # no premise at all (a malformed relation kept for the checks)
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

    def _linked_framework(self) -> Framework:
        """The framework of a graph with linked premises or relations aimed at relations:
        the usable relations (every premise a claim, the target a claim or a usable
        relation other than itself) as :class:`~arggraph.framework.Link` s."""
        from .framework import Framework, Link

        claims, relations = self.claims, self.relations
        usable = {
            rid: rel
            for rid, rel in relations.items()
            if rel.premises and all(p in claims for p in rel.premises) and rel.target != rid
        }
        # Drop relations aimed at a relation that is not kept, until none is left.
        while True:
            gone = [
                rid
                for rid, rel in usable.items()
                if rel.target not in claims and rel.target not in usable
            ]
            if not gone:
                break
            for rid in gone:
                del usable[rid]
        links = [
            Link(rel.type, tuple(rel.premises), rel.target, rel.weight, rid)
            for rid, rel in usable.items()
        ]
        base = [c.base for c in self.claims.values()]
        return Framework.from_links(tuple(claims), base, links)

    def __repr__(self) -> str:
        where = f" from {self.path}" if self.path else ""
        if self._columns is not None:
            n, m = len(self._columns.claim_ids), len(self._columns.types)
        else:
            n, m = len(self.claims), len(self.relations)
        return f"<Graph {self.id!r}{where}: {n} claims, {m} relations>"


def _columns_framework(cols: Columns) -> Framework:
    """The framework of a plain file's columns: its arrays, split by type."""
    from .framework import Framework

    attack = cols.attack
    support = ~attack
    att_rel = sup_rel = None
    if cols.relation_ids is not None:
        att_rel = tuple(compress(cols.relation_ids, attack.tolist()))
        sup_rel = tuple(compress(cols.relation_ids, support.tolist()))
    return Framework(
        tuple(cols.claim_ids),
        cols.bases,
        cols.sources[attack],
        cols.targets[attack],
        cols.weights[attack],
        cols.sources[support],
        cols.targets[support],
        cols.weights[support],
        att_rel=att_rel,
        sup_rel=sup_rel,
        _index=cols.built_index(),
    )


def _same_relation(first: object, later: object) -> tuple[str, tuple[str, ...], str] | None:
    """(type, premises, target) when two items sharing an id are relations of the same
    type from the same premises (in any order) to the same target, the later one with no
    id of its own but the default (``TYPE:SOURCE->TARGET``); else None (a plain
    duplicate id)."""
    from .model import Relation

    if not (isinstance(first, Relation) and isinstance(later, Relation)):
        return None
    if (first.type, sorted(first.premises), first.target) != (
        later.type,
        sorted(later.premises),
        later.target,
    ):
        return None
    if later.id != default_relation_id(later.type, later.premises, later.target):
        return None
    return later.type, tuple(later.premises), later.target
