"""What hangs on a claim, a relation, an actor or a document: what removing it takes
with it (or, for actors and documents, what keeps it from being removed).

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1.1", "claims": [{"id": "a", "text": "A"}, '
...     '{"id": "b", "text": "B"}, {"id": "u", "text": "U"}], "relations": ['
...     '{"id": "r", "type": "attack", "source": "a", "target": "b"}, '
...     '{"type": "attack", "source": "u", "target": "r"}]}')
>>> d = claim_dependents(g, "a")
>>> d.relations, d.aimed
(('r',), ('attack:u->r',))
>>> print(d.describe(g))
Removing claim 'a' also removes:
  the attack 'r' (A -> B)
  the attack 'attack:u->r' aimed at it (U -> r)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import Graph
from ..model import Attribution

__all__ = [
    "Dependents",
    "Uses",
    "actor_uses",
    "claim_dependents",
    "document_uses",
    "relation_dependents",
]


@dataclass(frozen=True)
class Dependents:
    """What goes with a claim or a relation when it is removed.

    ``relations``: the relations into or out of the claim (it is a premise, linked or
    not, or the target); for a relation, itself. ``aimed``: the relations aimed at
    those (undercuts and backings), and at those in turn, in file order. ``attributions``:
    how many attributions the claim or relation itself carries (they go with it).
    """

    what: str
    ident: str
    relations: tuple[str, ...]
    aimed: tuple[str, ...]
    attributions: int

    @property
    def count(self) -> int:
        """How many relations go with it (besides a removed relation itself)."""
        own = 1 if self.what == "relation" else 0
        return len(self.relations) + len(self.aimed) - own

    def describe(self, graph: Graph, *, limit: int = 12) -> str:
        """The list a user reads before confirming, one line an item, texts cut to 60
        characters, at most ``limit`` relations (then how many more)."""
        lines = [f"Removing {self.what} {self.ident!r} also removes:"]
        shown = 0
        for rid in self.relations:
            if rid == self.ident:
                continue
            if shown < limit:
                lines.append(f"  the {_relation_line(graph, rid)}")
            shown += 1
        for rid in self.aimed:
            if shown < limit:
                lines.append(f"  the {_relation_line(graph, rid, aimed=True)}")
            shown += 1
        if shown > limit:
            lines.append(f"  and {shown - limit} more relations")
        if self.attributions:
            n = self.attributions
            lines.append(f"  its {n} attribution{'s' if n != 1 else ''} (who said it, where)")
        if len(lines) == 1:
            lines = [f"Nothing else hangs on {self.what} {self.ident!r}."]
        return "\n".join(lines)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _end(graph: Graph, ident: str) -> str:
    claim = graph.claims.get(ident)
    return _short(claim.text, 30) if claim is not None else ident


def _relation_line(graph: Graph, rid: str, *, aimed: bool = False) -> str:
    rel = graph.relations[rid]
    premises = " + ".join(_end(graph, p) for p in rel.premises)
    where = " aimed at it" if aimed else ""
    return f"{rel.type} {rid!r}{where} ({premises} -> {_end(graph, rel.target)})"


def _aimed_at(graph: Graph, roots: list[str]) -> tuple[str, ...]:
    """The relations aimed at any of ``roots``, and at those, transitively (file order)."""
    seen = set(roots)
    frontier = list(roots)
    found: set[str] = set()
    while frontier:
        nxt = []
        for target in frontier:
            for rel in graph.relations_into(target):
                if rel.id not in seen and target not in graph.claims:
                    seen.add(rel.id)
                    found.add(rel.id)
                    nxt.append(rel.id)
        frontier = nxt
    return tuple(r for r in graph.relations if r in found)


def claim_dependents(graph: Graph, claim_id: str) -> Dependents:
    """What removing the claim ``claim_id`` removes with it.

    Raises :class:`~arggraph.errors.UnknownIdError` for a claim the graph lacks."""
    claim = graph.claim(claim_id)
    touching = tuple(
        r.id for r in graph.relations.values() if claim_id in r.premises or r.target == claim_id
    )
    return Dependents(
        "claim", claim_id, touching, _aimed_at(graph, list(touching)), len(claim.attributions)
    )


def relation_dependents(graph: Graph, relation_id: str) -> Dependents:
    """What removing the relation ``relation_id`` removes with it: the relations aimed
    at it (undercuts, backings) and at those.

    Raises :class:`~arggraph.errors.UnknownIdError` for a relation the graph lacks."""
    rel = graph.relation(relation_id)
    return Dependents(
        "relation",
        relation_id,
        (relation_id,),
        _aimed_at(graph, [relation_id]),
        len(rel.attributions),
    )


@dataclass(frozen=True)
class Uses:
    """Where an actor or a document is named: each claim's or relation's id with how
    many of its attributions name it."""

    what: str
    ident: str
    claims: tuple[tuple[str, int], ...]
    relations: tuple[tuple[str, int], ...]

    @property
    def count(self) -> int:
        """How many attributions name it."""
        return sum(n for _, n in self.claims) + sum(n for _, n in self.relations)

    def describe(self, *, limit: int = 5) -> str:
        """``actor 'x' is named by 3 attributions (claim 'a', relation 'r', ...)``."""
        owners = [f"claim {c!r}" for c, _ in self.claims]
        owners += [f"relation {r!r}" for r, _ in self.relations]
        shown = ", ".join(owners[:limit]) + (
            f" and {len(owners) - limit} more" if len(owners) > limit else ""
        )
        n = self.count
        many = "s" if n != 1 else ""
        return f"{self.what} {self.ident!r} is named by {n} attribution{many} ({shown})"


def _uses(graph: Graph, what: str, ident: str, field: str) -> Uses:
    def count(attributions: list[Attribution]) -> int:
        return sum(1 for a in attributions if getattr(a, field) == ident)

    claims = tuple((c.id, n) for c in graph.claims.values() if (n := count(c.attributions)))
    relations = tuple((r.id, n) for r in graph.relations.values() if (n := count(r.attributions)))
    return Uses(what, ident, claims, relations)


def actor_uses(graph: Graph, actor_id: str) -> Uses:
    """The attributions that name the actor ``actor_id``."""
    return _uses(graph, "actor", actor_id, "actor")


def document_uses(graph: Graph, document_id: str) -> Uses:
    """The attributions that name the document ``document_id``."""
    return _uses(graph, "document", document_id, "document")
