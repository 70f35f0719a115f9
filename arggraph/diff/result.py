"""What changed between two versions of a graph, as frozen values.

:func:`arggraph.diff.diff_graphs` returns a :class:`GraphDiff`: for each kind of item
(claims, relations, documents, actors) a :class:`Section` of the items added, removed,
paired (:class:`Match`, with the confidence of a pair found by evidence when the id
changed) and changed (:class:`ItemChange`: each field's old and new value, attributions
added and removed, and for relations the premises added and removed); and the graph's own
fields that changed (title, question, ...). It is the data every output of ``arggraph
diff`` (text, Markdown, JSON) is written from, and what the id map is derived from
(:meth:`GraphDiff.id_map`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import Attribution
    from ..renames import IdMap

__all__ = ["FieldChange", "GraphDiff", "ItemChange", "Match", "Section"]


@dataclass(frozen=True)
class FieldChange:
    """One field of an item (or of the graph) with its old and new value, as JSON values
    (``None`` where the field is absent). For a relation's ``target`` the values are
    ids in each version's own terms."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Match:
    """An item of the old version paired with one of the new.

    ``confidence`` is 1 for an id kept or an exact correspondence (a relation whose
    type, premises and target correspond through the claims paired), else the weighted
    mean of the ``evidence`` present, each a similarity in [0, 1] (``None`` where neither
    item had any: no attributions, no neighbours paired). Claims weigh ``text`` 0.5,
    ``position`` 0.2 and ``provenance`` 0.3; relations ``premises`` 0.4, ``target`` 0.25,
    ``type`` 0.15 and ``provenance`` 0.2.

    >>> Match("losses", "casualties", 0.93).renamed
    True
    """

    old: str
    new: str
    confidence: float = 1.0
    evidence: tuple[tuple[str, float | None], ...] = ()

    @property
    def renamed(self) -> bool:
        """Whether the id changed."""
        return self.old != self.new


@dataclass(frozen=True)
class ItemChange:
    """What changed in one paired item: ``fields`` (in the format's order),
    attributions added and removed (order ignored; an attribution edited is one removed
    and one added), and for a relation the premises added (new ids) and removed (old
    ids), a renamed premise being no change."""

    old: str
    new: str
    fields: tuple[FieldChange, ...] = ()
    attributions_added: tuple[Attribution, ...] = ()
    attributions_removed: tuple[Attribution, ...] = ()
    premises_added: tuple[str, ...] = ()
    premises_removed: tuple[str, ...] = ()

    def field(self, name: str) -> FieldChange | None:
        """The change of the field ``name``, or ``None`` when it did not change.

        >>> ItemChange("a", "a", (FieldChange("base", 0.5, 0.7),)).field("base").new
        0.7
        """
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True)
class Section:
    """The items of one kind: ``added`` (ids in the new version), ``removed`` (ids in the
    old), ``matches`` (every pair, in the old version's order) and ``changed`` (the
    pairs whose content changed)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    matches: tuple[Match, ...] = ()
    changed: tuple[ItemChange, ...] = ()

    @property
    def renamed(self) -> tuple[Match, ...]:
        """The pairs whose id changed."""
        return tuple(m for m in self.matches if m.renamed)

    @property
    def mapping(self) -> dict[str, str]:
        """Old id -> new id, for every pair."""
        return {m.old: m.new for m in self.matches}

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)


@dataclass(frozen=True)
class GraphDiff:
    """Everything that changed from ``old`` to ``new`` (both kept, unchanged, for the
    texts the outputs show).

    A diff of a graph with itself is empty (``bool(diff)`` is false).
    """

    old: Graph = field(repr=False, compare=False)
    new: Graph = field(repr=False, compare=False)
    graph: tuple[FieldChange, ...] = ()
    claims: Section = Section()
    relations: Section = Section()
    documents: Section = Section()
    actors: Section = Section()

    def __bool__(self) -> bool:
        return bool(self.graph or self.claims or self.relations or self.documents or self.actors)

    @property
    def attributions_added(self) -> int:
        """How many attributions the paired claims and relations gained."""
        return sum(
            len(c.attributions_added) for s in (self.claims, self.relations) for c in s.changed
        )

    @property
    def attributions_removed(self) -> int:
        """How many attributions the paired claims and relations lost."""
        return sum(
            len(c.attributions_removed) for s in (self.claims, self.relations) for c in s.changed
        )

    def id_map(
        self,
        *,
        from_sha256: list[str] | None = None,
        to_sha256: str | None = None,
        note: str | None = None,
    ) -> IdMap:
        """The old-to-new id map of claims and relations (``arggraph-id-map/1``), which
        carries score sheets over to the new version (:func:`arggraph.renames.migrate`):
        ``renamed`` for every pair whose id changed, ``removed`` for every old claim and
        relation with no successor (sorted). ``from_sha256`` and ``to_sha256`` are the
        SHA-256 of the old and new files; by default those the graphs were loaded with.
        """
        from ..renames import IdMap

        if from_sha256 is None:
            from_sha256 = [self.old.stamp.sha256] if self.old.stamp is not None else []
        if to_sha256 is None and self.new.stamp is not None:
            to_sha256 = self.new.stamp.sha256
        renamed = {m.old: m.new for s in (self.claims, self.relations) for m in s.renamed}
        removed = sorted({*self.claims.removed, *self.relations.removed})
        return IdMap(
            graph=self.new.id,
            note=note,
            from_sha256=from_sha256,
            to_sha256=to_sha256,
            renamed=renamed,
            removed=removed,
        )
