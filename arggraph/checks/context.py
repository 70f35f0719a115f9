"""What every rule needs to know about one graph, computed once per check.

Rules read the graph through a :class:`Context`: where each item sits in the file (for
the JSON paths of findings), every attribution with its place, each attribution's
effective date, and the documents' texts when a folder of them is given. Rules never
build these themselves, so a check of a large graph walks the file a fixed number of
times, whatever the number of rules selected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Literal, NamedTuple

from ..dates import date_bounds
from ..graph import Graph
from ..model import Attribution, Claim, Relation
from ..text import one_line, shorten
from .documents import DocumentStore
from .finding import Finding
from .registry import RULES

__all__ = ["Checker", "Context", "Located", "bounds", "quote_id", "show_claim", "show_premises"]

#: A rule family's check: reads the context, yields findings of the codes it declares.
CheckFn = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Checker:
    """A function that produces findings of the given codes (it runs if any is enabled)."""

    codes: frozenset[str]
    run: CheckFn


class Located(NamedTuple):
    """An attribution with its owner (a claim or a relation) and its JSON path."""

    owner_kind: Literal["claim", "relation"]
    owner_id: str
    path: str
    attribution: Attribution


@lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[date, date]:
    """:func:`arggraph.dates.date_bounds`, remembered: a graph has many attributions but
    few distinct dates."""
    return date_bounds(value)


def quote_id(ident: str) -> str:
    """An id as messages show it: quoted, on one line, control characters escaped.

    >>> quote_id("a\\x1bb")
    "'a\\\\x1bb'"
    """
    return f"'{one_line(ident)}'"


def show_premises(premises: tuple[str, ...] | list[str]) -> str:
    """Premises as messages name them: ``'a'``, or ``'a' + 'b'`` for linked ones.

    >>> show_premises(["a", "b"])
    "'a' + 'b'"
    """
    return " + ".join(quote_id(p) for p in premises)


def show_claim(claim: Claim, width: int = 40) -> str:
    """A claim as messages name it: its id and the start of its text.

    >>> print(show_claim(Claim(id="c", text="Bakhmut has symbolic rather than strategic value")))
    'c' ("Bakhmut has symbolic rather than strate…")
    """
    return f'{quote_id(claim.id)} ("{shorten(claim.text, width)}")'


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

    # ---------------------------------------------------------------- places
    @cached_property
    def claim_path(self) -> dict[str, str]:
        """Claim id -> JSON path of the claim that id stands for (the first of a kind)."""
        return _first_paths("claims", [c.id for c in self.graph.model.claims])

    @cached_property
    def relation_path(self) -> dict[str, str]:
        """Relation id -> JSON path of the relation that id stands for."""
        return _first_paths("relations", [r.id for r in self.graph.model.relations])

    @cached_property
    def actor_path(self) -> dict[str, str]:
        """Actor id -> JSON path."""
        return _first_paths("actors", [a.id for a in self.graph.model.actors])

    @cached_property
    def document_path(self) -> dict[str, str]:
        """Document id -> JSON path."""
        return _first_paths("documents", [d.id for d in self.graph.model.documents])

    @cached_property
    def attributions(self) -> list[Located]:
        """Every attribution of every claim and relation in the file, in file order."""
        out: list[Located] = []
        m = self.graph.model
        items: list[tuple[Literal["claim", "relation"], str, Claim | Relation]]
        items = [("claim", f"claims[{i}]", c) for i, c in enumerate(m.claims) if c.attributions]
        items += [
            ("relation", f"relations[{i}]", r) for i, r in enumerate(m.relations) if r.attributions
        ]
        for kind, where, item in items:
            for j, att in enumerate(item.attributions):
                out.append(Located(kind, item.id, f"{where}.attributions[{j}]", att))
        return out

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
    def position_ids(self) -> frozenset[str]:
        """The ids of the claims of kind ``position``."""
        return frozenset(c.id for c in self.graph.claims.values() if c.kind == "position")


def _first_paths(section: str, ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, ident in enumerate(ids):
        out.setdefault(ident, f"{section}[{i}]")
    return out
