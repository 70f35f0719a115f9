"""What every rule needs to know about one graph, computed once per check.

Rules read the graph through a :class:`Context`: where each item sits in the file (for
the JSON paths of findings), every attribution with its place, each attribution's
effective date, and the documents' texts when a folder of them is given. Rules never
build these themselves, so a check of a large graph walks the file a fixed number of
times, whatever the number of rules selected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, overload

from .._ids import default_relation_ids
from ..dates import date_bounds
from ..graph import Graph
from ..text import identifier, is_plain_id, one_line, shorten
from .documents import DocumentStore
from .finding import Finding, FindingRun
from .registry import RULES

if TYPE_CHECKING:  # (a plain graph is checked without the models, or pydantic, loaded)
    from ..model import Attribution, Claim

__all__ = [
    "Checker",
    "ClaimView",
    "Context",
    "Located",
    "Places",
    "bounds",
    "flat",
    "quote_id",
    "show_claim",
    "show_premises",
]

#: A rule family's check: reads the context, yields findings of the codes it declares.
CheckFn = Callable[["Context"], Iterable[Finding | FindingRun]]


@dataclass(frozen=True)
class Checker:
    """A function that produces findings of the given codes (it runs if any is enabled)."""

    codes: frozenset[str]
    run: CheckFn
    #: Whether ``run`` yields its findings in the order :func:`check` returns them (by
    #: place in the file, then code), so they can be merged as they come; otherwise
    #: they are sorted first.
    ordered: bool = False


class Located(NamedTuple):
    """An attribution with its owner (a claim or a relation) and its place: item ``item``
    of the file's ``section`` (``claims`` or ``relations``), its attribution ``nth``."""

    owner_kind: Literal["claim", "relation"]
    owner_id: str
    section: str
    item: int
    nth: int
    attribution: Attribution

    @property
    def path(self) -> str:
        """The attribution's JSON path, ``claims[3].attributions[0]``."""
        return f"{self.section}[{self.item}].attributions[{self.nth}]"


class Places(Mapping[str, str]):
    """Id -> JSON path of the item that id stands for (the first of a kind), for one
    section of the file, built on the first lookup: most checks of a large graph look
    up few places, and a path is made only when asked for.

    >>> Places("claims", ["a", "b", "a"])["a"], Places("claims", ["a", "b"]).get("c")
    ('claims[0]', None)
    """

    def __init__(self, section: str, ids: Sequence[str], index: Mapping[str, int] | None = None):
        self.section = section
        self._ids = ids
        self._index = index

    @property
    def positions(self) -> Mapping[str, int]:
        """Id -> index in the section (of its first item)."""
        if self._index is None:
            ids = list(self._ids)
            # Filled from the end, so the first item of an id is the one kept.
            self._index = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        return self._index

    def __getitem__(self, ident: str) -> str:
        return f"{self.section}[{self.positions[ident]}]"

    def __contains__(self, ident: object) -> bool:
        return ident in self.positions

    def __iter__(self) -> Iterator[str]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)


@lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[date, date]:
    """:func:`arggraph.dates.date_bounds`, remembered: a graph has many attributions but
    few distinct dates."""
    return date_bounds(value)


def quote_id(ident: str) -> str:
    """An id as messages show it: quoted, on one line, control and invisible characters
    and blanks other than the space escaped, nothing folded
    (:func:`arggraph.text.identifier`).

    >>> quote_id("a\\x1bb"), quote_id("a\\u00a0")
    ("'a\\\\x1bb'", "'a\\\\xa0'")
    """
    return f"'{ident if is_plain_id(ident) else identifier(ident)}'"


def flat(text: str) -> str:
    """:func:`arggraph.text.one_line`, with no work for text that is already safe on one
    line (printable, no run of spaces, none at either end): most ids and messages.

    >>> flat("claim-1"), flat("two\\nlines  here"), flat("bell\\x07")
    ('claim-1', 'two lines here', 'bell\\\\x07')
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return one_line(text)


def show_premises(premises: tuple[str, ...] | list[str]) -> str:
    """Premises as messages name them: ``'a'``, or ``'a' + 'b'`` for linked ones.

    >>> show_premises(["a", "b"])
    "'a' + 'b'"
    """
    return " + ".join(quote_id(p) for p in premises)


class ClaimView(NamedTuple):
    """What messages show of a claim (its id, text and kind), read from a plain
    graph's columns without building its model."""

    id: str
    text: str
    kind: str


def show_claim(claim: Claim | ClaimView, width: int = 40) -> str:
    """A claim as messages name it: its id and the start of its text.

    >>> from arggraph.model import Claim
    >>> print(show_claim(Claim(id="c", text="Bakhmut has symbolic rather than strategic value")))
    'c' ("Bakhmut has symbolic rather than strate…")
    """
    text = flat(claim.text)  # (shorten's folding, with no work for text already safe)
    if len(text) > width:
        text = shorten(text, width)
    return f'{quote_id(claim.id)} ("{text}")'


class Context:
    """One graph, the rules enabled for it, and what they share."""

    def __init__(
        self, graph: Graph, enabled: frozenset[str], documents: DocumentStore | None = None
    ) -> None:
        self.graph = graph
        self.enabled = enabled
        self.documents = documents
        self.file = str(graph.path) if graph.path is not None else None

    def finding(
        self,
        code: str,
        message: str,
        ids: Iterable[str] = (),
        path: str | None = None,
        hint: str | None = None,
    ) -> Finding:
        """A finding of rule ``code`` with its default severity, for this graph's file."""
        return Finding(code, RULES[code].severity, message, tuple(ids), path, self.file, hint)

    def run(
        self,
        code: str,
        section: str,
        positions: Sequence[int],
        ids: Sequence[str],
        messages: Sequence[str],
        plain: bool,
    ) -> FindingRun:
        """A run of findings of rule ``code`` (:class:`FindingRun`), with its default
        severity, for this graph's file: ``plain`` when every id and message is safe on
        one line as it is."""
        severity = RULES[code].severity
        return FindingRun(code, severity, section, positions, ids, messages, self.file, plain)

    # ---------------------------------------------------------------- places
    @cached_property
    def claim_path(self) -> Places:
        """Claim id -> JSON path of the claim that id stands for (the first of a kind)."""
        cols = self.graph.columns
        if cols is not None:  # a plain file: every id once, its index built in bulk
            return Places("claims", cols.claim_ids, cols.index)
        return Places("claims", _Ids(self.graph.model.claims))

    @cached_property
    def relation_path(self) -> Places:
        """Relation id -> JSON path of the relation that id stands for."""
        if self.graph.columns is not None:
            return Places("relations", self.relation_ids)
        return Places("relations", _Ids(self.graph.model.relations))

    @cached_property
    def relation_ids(self) -> list[str]:
        """Each relation's id (its default id, ``TYPE:SOURCE->TARGET``, where the file
        gives none), in file order."""
        cols = self.graph.columns
        if cols is None:
            return [r.id for r in self.graph.model.relations]
        if cols.relation_ids is not None:
            return cols.relation_ids
        ids = cols.claim_ids
        sources = map(ids.__getitem__, cols.sources.tolist())
        return default_relation_ids(
            cols.types, sources, map(ids.__getitem__, cols.targets.tolist())
        )

    def claim(self, ident: str) -> Claim | ClaimView:
        """The claim of id ``ident`` (a :class:`ClaimView` of a plain graph's columns,
        which builds no model); :class:`KeyError` if there is none."""
        cols = self.graph.columns
        if cols is None:
            return self.graph.claims[ident]
        i = cols.index[ident]
        return ClaimView(ident, cols.texts[i], cols.kinds[i])

    @cached_property
    def claim_texts(self) -> tuple[Sequence[str], Sequence[str]]:
        """The claims' ids and texts, in file order (the first of clashing ids)."""
        cols = self.graph.columns
        if cols is not None:
            return cols.claim_ids, cols.texts
        claims = self.graph.claims
        return list(claims), [c.text for c in claims.values()]

    @cached_property
    def actor_path(self) -> Places:
        """Actor id -> JSON path."""
        return Places("actors", _Ids(self.graph.model.actors))

    @cached_property
    def document_path(self) -> Places:
        """Document id -> JSON path."""
        return Places("documents", _Ids(self.graph.model.documents))

    def iter_attributions(self) -> Iterator[Located]:
        """Every attribution of every claim and relation in the file, in file order,
        made as it is read (a large graph has one or more per item)."""
        if self.graph.columns is not None:
            return  # a plain graph has none (and its models are not built for nothing)
        m = self.graph.model
        sections: tuple[tuple[Literal["claim", "relation"], str, list[Any]], ...] = (
            ("claim", "claims", m.claims),
            ("relation", "relations", m.relations),
        )
        for kind, section, items in sections:
            for i, item in enumerate(items):
                if item.attributions:
                    for j, att in enumerate(item.attributions):
                        yield Located(kind, item.id, section, i, j, att)

    def date_of(self, att: Attribution) -> str | None:
        """When the attribution was said: its own date, else its document's."""
        if att.date is not None:
            return att.date
        if att.document is not None:
            doc = self.graph.documents.get(att.document)
            if doc is not None:
                return doc.published
        return None

    @cached_property
    def plain_ids(self) -> bool:
        """Whether every claim and relation id, and every end a relation names, is safe
        on one line as it is (printable, no space): then a rule that names a million of
        them need not escape each (:func:`quote_id`). One pass over the ids, in C."""
        g = self.graph
        cols = g.columns
        if cols is not None:  # a default relation id joins claim ids with ":" and "->"
            text = "|".join(chain(cols.claim_ids, cols.relation_ids or ()))
            return is_plain_id(text)
        claims, rels = g.model.claims, g.model.relations
        linked = (p for r in g.extended_relations if r.sources is not None for p in r.sources)
        text = "|".join(
            chain(
                map(_ID, claims),
                map(_ID, rels),
                map(_TARGET, rels),
                filter(None, map(_SOURCE, rels)),
                linked,
            )
        )
        return is_plain_id(text)

    @cached_property
    def position_ids(self) -> frozenset[str]:
        """The ids of the claims of kind ``position``."""
        cols = self.graph.columns
        if cols is not None:
            return frozenset(cols.claim_ids[i] for i in self.position_items)
        return frozenset(c.id for c in self.graph.claims.values() if c.kind == "position")

    @cached_property
    def position_items(self) -> list[int]:
        """A plain graph's positions: the indices of its claims of kind ``position``, in
        file order (read once from its columns; empty for a graph of models)."""
        cols = self.graph.columns
        return cols.positions() if cols is not None else []

    @cached_property
    def claim_numbers(self) -> Mapping[str, int]:
        """Claim id -> index in the framework (file order): a plain graph's from its
        columns (the index :meth:`claim` reads, which the framework shares), so that no
        second index of every claim is built."""
        cols = self.graph.columns
        return cols.index if cols is not None else self.graph.framework.index


_ID, _TARGET, _SOURCE = attrgetter("id"), attrgetter("target"), attrgetter("source")


class _Ids(Sequence[str]):
    """The ids of a section's items, read when asked for."""

    def __init__(self, items: Sequence[Any]) -> None:
        self._items = items

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [item.id for item in self._items[i]]
        return str(self._items[i].id)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[str]:
        return map(_ID, self._items)
