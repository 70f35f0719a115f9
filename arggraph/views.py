"""Ways of looking at a debate: by actor, as of a date, by search, as a tree.

The terminal UI and scripts ask the same questions of a graph: *what did this actor say,
and what follows from it alone?*, *what did the debate look like on this day?*, *where is
the claim that mentions "fire control"?*, *how do I get from a position down to this
claim?* This module answers them with plain sets and lists, never touching the UI.

A :class:`View` is the set of claims and relations a question keeps; :func:`restrict`
cuts a :class:`~arggraph.framework.Framework` down to it, so any semantics computes the
verdict "from their claims alone" or "as it stood then" without knowing about views.

Rules, stated once:

- **Positions are always kept.** A verdict compares the positions; a view without one of
  them could not say which leads, so every view keeps every position (with its base
  score) and only the arguments around them change.
- **Actor lens.** An actor's claims are those with an attribution to them, plus both ends
  of every relation attributed to them (stating "X, so Y" commits to X and to Y bearing on
  it; every linked premise counts, and a relation aimed at a relation commits to its
  premises only). A relation is kept when both of its ends are kept, whoever stated it:
  it records how one claim bears on the other.
- **Linked premises and relations aimed at relations** (``arggraph/1.1``). A relation
  with linked premises is kept with all of its premises or not at all; a relation aimed
  at a relation is kept when that relation is (a backing or an undercut of an argument
  the view leaves out goes with it).
- **Timeline.** An attribution's date is its own ``date``, else its document's
  ``published`` date; a claim's own ``date`` counts as one more. As of day ``D`` an
  attribution counts when it was surely made by the end of ``D`` (the last day its date
  may stand for is on or before the last day ``D`` may stand for: ``2023-03-15`` counts
  as of ``2023-03``, but ``2023-03`` does not count as of ``2023-03-15``; an interval
  ``2023-02-27/2023-03-05`` counts from its end, ``2023-03-05``, on). An item with
  dated attributions is kept once one of them counts. An item with no date at all
  (a bare framework, an undated note) cannot be placed in time and is kept at every
  date. A relation also needs both of its ends.

>>> from arggraph.io import loads
>>> g = loads('''{"format": "arggraph/1", "id": "g",
...   "actors": [{"id": "ana", "name": "Ana", "kind": "analyst"},
...              {"id": "bo", "name": "Bo", "kind": "official"}],
...   "claims": [{"id": "p", "text": "P", "kind": "position"},
...              {"id": "c", "text": "Costs are high", "attributions":
...                 [{"actor": "ana", "quote": "too costly", "date": "2023-02"}]},
...              {"id": "d", "text": "Morale holds", "attributions":
...                 [{"actor": "bo", "quote": "spirits are high", "date": "2023-04-01"}]}],
...   "relations": [{"type": "attack", "source": "c", "target": "p"},
...                 {"type": "support", "source": "d", "target": "p"}]}''')
>>> sorted(actor_lens(g, "ana").claims)
['c', 'p']
>>> sorted(as_of(g, "2023-03").claims), graph_dates(g)
(['c', 'p'], ['2023-02', '2023-04-01'])
>>> [h.claim for h in search(g, "spirits")]
['d']
>>> [r.id for r in path_from_position(g, "d")]
['support:d->p']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from .dates import date_bounds, latest
from .errors import UnknownIdError
from .framework import FloatArray, Framework, IntArray
from .graph import Graph
from .model import Attribution, Claim, Relation

__all__ = [
    "Hit",
    "SearchIndex",
    "View",
    "actor_claims",
    "actor_statements",
    "actor_lens",
    "as_of",
    "attribution_counts",
    "attribution_date",
    "children",
    "everything",
    "graph_dates",
    "item_dates",
    "link_children",
    "loose_tops",
    "path_from_position",
    "relations_among",
    "restrict",
    "search",
    "subgraph",
]


@dataclass(frozen=True)
class View:
    """The claims and relations a way of looking at the graph keeps.

    ``highlight`` is the claims the view is about (an actor's own claims), which a
    display may mark; ``label`` says in a few words what the view is.

    >>> v = View(frozenset({"a", "b"}), frozenset(), label="x")
    >>> (v & View(frozenset({"b"}), frozenset(), label="y")).claims
    frozenset({'b'})
    """

    claims: frozenset[str]
    relations: frozenset[str]
    label: str = ""
    highlight: frozenset[str] = field(default_factory=frozenset)

    def __and__(self, other: View) -> View:
        """Both views at once (an actor's claims as of a date): what both keep."""
        label = " · ".join(x for x in (self.label, other.label) if x)
        highlight = self.highlight | other.highlight
        claims = self.claims & other.claims
        return View(claims, self.relations & other.relations, label, highlight & claims)


def relations_among(
    graph: Graph, claims: Set[str], keep: Mapping[str, bool] | None = None
) -> frozenset[str]:
    """The ids of the relations whose premises are all in ``claims`` (and which ``keep``
    does not drop), aimed at a claim in ``claims`` or at a relation kept too.

    >>> from arggraph.model import Claim, GraphModel, Relation
    >>> g = Graph(GraphModel(claims=[Claim(id=x, text=x) for x in "abcu"], relations=[
    ...     Relation(id="r", type="support", sources=["a", "b"], target="c"),
    ...     Relation(id="x", type="attack", source="u", target="r")]))
    >>> sorted(relations_among(g, {"a", "b", "c", "u"})), sorted(relations_among(g, {"a", "c"}))
    (['r', 'x'], [])
    """
    if not graph.extended_relations:  # one claim to one claim throughout: the old rule
        return frozenset(
            r.id
            for r in graph.relations.values()
            if r.source in claims and r.target in claims and (keep is None or keep[r.id])
        )
    kept: set[str] = set()
    for r in graph.relations.values():
        if keep is not None and not keep[r.id]:
            continue
        if not r.premises or not all(p in claims for p in r.premises):
            continue
        if r.target in claims or (r.target not in graph.claims and r.target in graph.relations):
            kept.add(r.id)
    # A relation aimed at a relation that is not kept goes too, and so on down the chain
    # (relations aimed at one another in a circle stay while nothing drops them).
    dropped = deque(r for r in graph.relations if r not in kept)
    while dropped:
        for rel in graph.relations_into(dropped.popleft()):
            if rel.id in kept and rel.target not in graph.claims:
                kept.discard(rel.id)
                dropped.append(rel.id)
    return frozenset(kept)


def everything(graph: Graph) -> View:
    """The whole graph as a view (relations whose ends are missing are left out)."""
    claims = frozenset(graph.claims)
    return View(claims, relations_among(graph, claims), "")


def _closed(
    graph: Graph,
    claims: set[str],
    label: str,
    highlight: Iterable[str] = (),
    keep: Mapping[str, bool] | None = None,
) -> View:
    """Add the positions, then every relation whose ends are all kept (and which
    ``keep`` does not drop)."""
    claims |= {c.id for c in graph.positions}
    relations = relations_among(graph, claims, keep)
    frozen = frozenset(claims)
    return View(frozen, relations, label, frozenset(highlight) & frozen)


# ---------------------------------------------------------------------- actor lens
def actor_claims(graph: Graph, actor: str) -> set[str]:
    """The claims attributed to ``actor``: those they are quoted for, and both ends of
    each relation they are quoted for.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1", "id": "g", "actors": [{"id": "a", '
    ...           '"name": "A", "kind": "analyst"}], "claims": [{"id": "x", "text": "X"}, '
    ...           '{"id": "y", "text": "Y"}, {"id": "z", "text": "Z"}], "relations": '
    ...           '[{"type": "support", "source": "x", "target": "y", '
    ...           '"attributions": [{"actor": "a"}]}]}')
    >>> sorted(actor_claims(g, "a"))
    ['x', 'y']
    """
    claims, relations = actor_statements(graph, actor)
    out = set(claims)
    for rid in relations:
        rel = graph.relations[rid]
        out.update(x for x in (*rel.premises, rel.target) if x in graph.claims)
    return out


def actor_statements(graph: Graph, actor: str) -> tuple[set[str], set[str]]:
    """What ``actor`` is quoted for: ``(claim ids, relation ids)``.

    A relation an actor states (this supports that) is not a claim of theirs: the lens
    counts and marks the two apart.

    Raises :class:`~arggraph.errors.UnknownIdError` for an actor the graph lacks.
    """
    if actor not in graph.actors:
        raise UnknownIdError("actor", actor, path=graph.path, known=list(graph.actors))
    claims = {c.id for c in graph.claims.values() if any(a.actor == actor for a in c.attributions)}
    relations = {
        r.id for r in graph.relations.values() if any(a.actor == actor for a in r.attributions)
    }
    return claims, relations


def actor_lens(graph: Graph, actor: str) -> View:
    """The debate as ``actor`` argues it: their claims, the ends of the relations they
    state, the positions, and the relations among them. ``highlight`` holds the claims
    the actor is quoted for, and only those (not a position they merely argue about).

    Raises :class:`~arggraph.errors.UnknownIdError` for an actor the graph lacks.
    """
    own, _ = actor_statements(graph, actor)
    return _closed(graph, actor_claims(graph, actor), graph.actors[actor].name, own)


# ---------------------------------------------------------------------- timeline
def attribution_date(graph: Graph, attribution: Attribution) -> str | None:
    """When the attribution was made: its own date, else its document's date, else None."""
    if attribution.date is not None:
        return attribution.date
    doc = graph.documents.get(attribution.document) if attribution.document else None
    return doc.published if doc is not None else None


def item_dates(graph: Graph, item: Claim | Relation) -> list[str]:
    """Every date that places a claim or relation in time (see the module's rules)."""
    dates = [d for d in (attribution_date(graph, a) for a in item.attributions) if d]
    if isinstance(item, Claim) and item.date is not None:
        dates.append(item.date)
    return dates


def attribution_counts(when: str | None, day: str) -> bool:
    """Whether something dated ``when`` was surely said by the end of ``day``.

    Undated things (``None``) cannot be placed and are not counted here; the item rules
    decide what an undated item does.

    >>> attribution_counts("2023-03-15", "2023-03"), attribution_counts("2023-03", "2023-03-15")
    (True, False)
    """
    return when is not None and latest(when) <= latest(day)


def _present(dates: list[str], day: str) -> bool:
    return not dates or any(attribution_counts(d, day) for d in dates)


def as_of(graph: Graph, day: str) -> View:
    """The debate as it stood at the end of ``day`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``): only attributions made by then count.

    Raises :class:`~arggraph.errors.InvalidValueError` (a ValueError) for a string that
    is not such a date.
    """
    date_bounds(day)  # a clear InvalidValueError for a malformed date
    claims = {c.id for c in graph.claims.values() if _present(item_dates(graph, c), day)}
    keep = {r.id: _present(item_dates(graph, r), day) for r in graph.relations.values()}
    return _closed(graph, claims, f"as of {day}", keep=keep)


def graph_dates(graph: Graph) -> list[str]:
    """The distinct dates the graph's claims and relations carry, in the order of the
    last day each may stand for, so that stepping through them only ever adds to the
    debate: ``2023-02-10`` comes before ``2023-02`` (by the end of February), which comes
    before ``2023`` (by the end of the year).

    >>> from arggraph.io import loads
    >>> graph_dates(loads('{"format": "arggraph/1", "id": "g", "claims": ['
    ...     '{"id": "a", "text": "A", "date": "2023"}, {"id": "b", "text": "B", '
    ...     '"date": "2023-02"}, {"id": "c", "text": "C", "date": "2023-02-10"}]}'))
    ['2023-02-10', '2023-02', '2023']
    """
    found: set[str] = set()
    for claim in graph.claims.values():
        found.update(item_dates(graph, claim))
    for rel in graph.relations.values():
        found.update(item_dates(graph, rel))
    return sorted(found, key=lambda d: (*reversed(date_bounds(d)), d))


# ---------------------------------------------------------------------- restricting
def restrict(fw: Framework, view: View) -> Framework:
    """The framework cut down to the view's claims and relations (in the same order).

    Pass a framework with the user's scores applied, so the view keeps them.

    >>> fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b"), ("c", "b")])
    >>> sub = restrict(fw, View(frozenset({"a", "b"}), frozenset({"attack:a->b"})))
    >>> sub.ids, sub.att_src.tolist(), sub.att_tgt.tolist(), sub.att_ids
    (('a', 'b'), [0], [1], ('attack:a->b',))
    """
    if fw.k:
        return _restrict_links(fw, view)
    keep = np.fromiter((cid in view.claims for cid in fw.ids), dtype=bool, count=fw.n)
    ids = tuple(cid for cid, k in zip(fw.ids, keep.tolist(), strict=True) if k)
    new_index = np.full(fw.n, -1, dtype=np.int64)
    new_index[keep] = np.arange(len(ids), dtype=np.int64)

    def edges(
        src: IntArray,
        tgt: IntArray,
        w: FloatArray,
        rel: tuple[str, ...],
    ) -> tuple[IntArray, IntArray, FloatArray, tuple[str, ...]]:
        mask = np.fromiter((r in view.relations for r in rel), dtype=bool, count=len(rel))
        mask &= keep[src] & keep[tgt]
        kept_rel = tuple(r for r, k in zip(rel, mask.tolist(), strict=True) if k)
        return new_index[src[mask]], new_index[tgt[mask]], w[mask].copy(), kept_rel

    a_src, a_tgt, a_w, a_rel = edges(fw.att_src, fw.att_tgt, fw.att_w, fw.att_ids)
    s_src, s_tgt, s_w, s_rel = edges(fw.sup_src, fw.sup_tgt, fw.sup_w, fw.sup_ids)
    return Framework(
        ids,
        fw.base[keep].copy(),
        a_src,
        a_tgt,
        a_w,
        s_src,
        s_tgt,
        s_w,
        att_rel=a_rel,
        sup_rel=s_rel,
    )


def _restrict_links(fw: Framework, view: View) -> Framework:
    """:func:`restrict` for a framework with inferences: the view's relations whose
    premises are all kept, aimed at a kept claim or a kept relation (dropped down the
    chain), rebuilt by :meth:`~arggraph.framework.Framework.from_links`."""
    claims = view.claims
    links = {
        lk.id: lk
        for lk in fw.links()
        if lk.id in view.relations and all(p in claims for p in lk.premises)
    }
    while True:
        gone = [r for r, lk in links.items() if lk.target not in claims and lk.target not in links]
        if not gone:
            break
        for r in gone:
            del links[r]
    ids = tuple(cid for cid in fw.ids if cid in claims)
    base = [float(b) for cid, b in zip(fw.ids, fw.base.tolist(), strict=True) if cid in claims]
    return Framework.from_links(ids, base, links.values())


# ---------------------------------------------------------------------- the tree
def children(graph: Graph) -> dict[str, list[Relation]]:
    """For each claim, the relations that bear on it: its supporters first, then its
    attackers, each in file order. These are a claim's children in the debate tree. A
    relation with linked premises is there once (when every premise is a claim); one
    aimed at a relation is under no claim (:meth:`~arggraph.graph.Graph.relations_into`
    finds it).

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "p", "text": "P"},'
    ...           '{"id": "a", "text": "A"}, {"id": "s", "text": "S"}], "relations": ['
    ...           '{"type": "attack", "source": "a", "target": "p"},'
    ...           '{"type": "support", "source": "s", "target": "p"}]}')
    >>> [r.source for r in children(g)["p"]], children(g)["a"]
    (['s', 'a'], [])
    """
    out: dict[str, list[Relation]] = {cid: [] for cid in graph.claims}
    claims = graph.claims
    for kind in ("support", "attack"):
        for rel in graph.relations.values():
            if rel.type != kind or rel.target not in out:
                continue
            if (
                rel.source in claims
                if rel.sources is None
                else all(p in claims for p in rel.sources)
            ):
                out[rel.target].append(rel)
    return out


def link_children(graph: Graph) -> dict[str, list[Relation]]:
    """For each relation something aims at, the relations aimed at it: its backings
    (supports) first, then its undercutters (attacks), each in file order, those whose
    premises are all claims. In the debate tree they sit under the link they bear on,
    after its premises; a relation nothing aims at has no key.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1.1", "id": "g", "claims": [{"id": "p", "text": "P"},'
    ...           '{"id": "a", "text": "A"}, {"id": "u", "text": "U"}, {"id": "k", "text": "K"}],'
    ...           '"relations": [{"id": "r", "type": "support", "source": "a", "target": "p"},'
    ...           '{"id": "x", "type": "attack", "source": "u", "target": "r"},'
    ...           '{"id": "y", "type": "support", "source": "k", "target": "r"}]}')
    >>> [r.id for r in link_children(g)["r"]], "x" in link_children(g)
    (['y', 'x'], False)
    """
    out: dict[str, list[Relation]] = {}
    claims, relations = graph.claims, graph.relations
    for kind in ("support", "attack"):
        for rel in graph.extended_relations:
            if rel.type != kind or rel.target in claims or rel.target not in relations:
                continue
            if all(p in claims for p in rel.premises):
                out.setdefault(rel.target, []).append(rel)
    return out


def path_from_position(
    graph: Graph, claim: str, view: View | None = None, *, roots: Iterable[str] | None = None
) -> list[Relation] | None:
    """The shortest chain of relations from a position down to ``claim``, top first,
    through the view's relations only: ``[]`` when the claim is a position, ``None`` when
    it bears on no position. The UI opens the tree along it to show a claim found by a
    search or a check. ``roots`` replaces the positions as the places to start from.

    Any premise of a linked relation leads to its target; a relation aimed at a relation
    (an undercut or a backing) leads to that relation, and so on to the claim the last
    one bears on. So each relation after the first bears on a premise of the one before
    it (its ``target`` names that claim) or on the relation before it itself (its
    ``target`` names that relation), and ``claim`` is a premise of the last one.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1.1", "id": "g", "claims": [{"id": "p", "text": "P",'
    ...           '"kind": "position"}, {"id": "a", "text": "A"}, {"id": "b", "text": "B"},'
    ...           '{"id": "u", "text": "U"}], "relations": [{"id": "r", "type": "support",'
    ...           '"sources": ["a", "b"], "target": "p"},'
    ...           '{"id": "x", "type": "attack", "source": "u", "target": "r"}]}')
    >>> [r.id for r in path_from_position(g, "b")], [r.id for r in path_from_position(g, "u")]
    (['r'], ['r', 'x'])
    """
    graph.claim(claim)  # UnknownIdError for an id the graph lacks
    tops = {c.id for c in graph.positions} if roots is None else set(roots)
    if claim in tops:
        return []
    claims, relations = graph.claims, graph.relations
    kept = relations if view is None else {r: relations[r] for r in view.relations}
    # Nodes are claims and relations, told apart by a tag (before arggraph/1.1 a claim
    # and a relation may share an id): a claim leads, through each relation it is a
    # premise of, to that relation's target; a relation something aims at leads,
    # through itself, to its own target.
    Node = tuple[bool, str]  # (is a relation, id)
    premise_of: dict[str, list[Relation]] = {}
    for rel in kept.values():
        for premise in rel.premises:
            premise_of.setdefault(premise, []).append(rel)

    def onward(node: Node) -> Iterable[tuple[Relation, Node]]:
        is_rel, ident = node
        for rel in (kept[ident],) if is_rel else premise_of.get(ident, ()):
            if rel.target in claims:
                yield rel, (False, rel.target)
            elif rel.target in kept:
                yield rel, (True, rel.target)

    start: Node = (False, claim)
    came: dict[Node, tuple[Relation, Node] | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for rel, nxt in onward(here):
            if nxt in came:
                continue
            came[nxt] = (rel, here)
            if not nxt[0] and nxt[1] in tops:
                chain: list[Relation] = []
                node = nxt
                while (step := came[node]) is not None:
                    chain.append(step[0])
                    node = step[1]
                return chain
            queue.append(nxt)
    return None


def loose_tops(graph: Graph, view: View | None = None) -> list[str]:
    """Where a tree starts for the claims that bear on no position: each such claim that
    bears on no other such claim, then one claim (the first in file order) of every cycle
    of them that has none. With no positions at all, these are the whole graph's tops.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "p", "text": "P",'
    ...           '"kind": "position"}, {"id": "a", "text": "A"}, {"id": "b", "text": "B"},'
    ...           '{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}], "relations": ['
    ...           '{"type": "attack", "source": "b", "target": "a"},'
    ...           '{"type": "attack", "source": "x", "target": "y"},'
    ...           '{"type": "attack", "source": "y", "target": "x"}]}')
    >>> loose_tops(g)
    ['a', 'x']
    """
    view = view if view is not None else everything(graph)
    rels = [r for r in graph.relations.values() if r.id in view.relations]
    incoming: dict[str, list[str]] = {}
    aimed_at = {r.target for r in rels if r.target not in graph.claims}
    for rel in rels:
        incoming.setdefault(rel.target, []).extend(rel.premises)
        if rel.id in aimed_at:  # through a relation to the premises of those aimed at it
            incoming[rel.target].append(rel.id)

    def climb(starts: Iterable[str], within: set[str] | None, seen: set[str]) -> None:
        queue = deque(starts)
        seen.update(queue)
        while queue:
            for src in incoming.get(queue.popleft(), ()):
                if src not in seen and (within is None or src in within):
                    seen.add(src)
                    queue.append(src)

    reach: set[str] = set()
    climb((c.id for c in graph.positions if c.id in view.claims), None, reach)
    unreached = [cid for cid in graph.claims if cid in view.claims and cid not in reach]
    pool = set(unreached)
    bears = {p for r in rels if r.target in pool for p in r.premises if p != r.target}
    tops = [cid for cid in unreached if cid not in bears]
    covered: set[str] = set()
    climb(tops, pool, covered)
    for cid in unreached:
        if cid not in covered:
            tops.append(cid)
            climb([cid], pool, covered)
    return tops


def subgraph(graph: Graph, view: View) -> Graph:
    """The graph cut down to the view (for exporting what the user is looking at).

    Actors and documents are kept whole; claims and relations in file order.
    """
    model = graph.model.model_copy(
        update={
            "claims": [c for c in graph.claims.values() if c.id in view.claims],
            "relations": [r for r in graph.relations.values() if r.id in view.relations],
        }
    )
    return Graph(model, path=graph.path, strict=False)


# ---------------------------------------------------------------------- search
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).casefold().split())


Field = Literal["text", "quote", "actor", "id"]


@dataclass(frozen=True)
class Hit:
    """A claim a search found: where the words are (``field``), the text they are in
    (``excerpt``, unshortened) and the actor concerned for a quote or a name."""

    claim: str
    field: Field
    excerpt: str
    actor: str | None = None


@dataclass(frozen=True)
class _Entry:
    claim: str
    field: Field
    folded: str
    excerpt: str
    actor: str | None


_RANK: dict[Field, int] = {"text": 0, "quote": 1, "actor": 2, "id": 3}


class SearchIndex:
    """Claim texts, quotes and actor names folded once (case, curly quotes, dashes,
    whitespace), so each keystroke of a search is only substring tests.

    A quote on a relation finds the relation's source claim (the claim it is the reason
    for; the first of linked premises). A claim matches when every word of the query
    occurs in one of its fields; the claim's text ranks before its quotes, quotes before
    actor names.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        entries: list[_Entry] = []
        names = {a.id: a.name for a in graph.actors.values()}

        def add_attributions(claim: str, attributions: Iterable[Attribution]) -> None:
            for att in attributions:
                if att.quote:
                    entries.append(_Entry(claim, "quote", _fold(att.quote), att.quote, att.actor))
                name = names.get(att.actor, att.actor)
                entries.append(
                    _Entry(claim, "actor", _fold(f"{name} {att.actor}"), name, att.actor)
                )

        for claim in graph.claims.values():
            entries.append(_Entry(claim.id, "text", _fold(claim.text), claim.text, None))
            entries.append(_Entry(claim.id, "id", _fold(claim.id), claim.id, None))
            add_attributions(claim.id, claim.attributions)
        for rel in graph.relations.values():
            premises = rel.premises
            if premises and premises[0] in graph.claims:
                add_attributions(premises[0], rel.attributions)
        self._entries = entries
        self._order = {cid: i for i, cid in enumerate(graph.claims)}

    def search(self, query: str, *, limit: int = 100) -> list[Hit]:
        """The claims matching ``query``, best first, one hit per claim."""
        words = _fold(query).split()
        if not words:
            return []
        best: dict[str, tuple[int, _Entry]] = {}
        for entry in self._entries:
            if all(w in entry.folded for w in words):
                rank = _RANK[entry.field]
                if entry.claim not in best or rank < best[entry.claim][0]:
                    best[entry.claim] = (rank, entry)
        ranked = sorted(best.values(), key=lambda x: (x[0], self._order[x[1].claim]))
        return [Hit(e.claim, e.field, e.excerpt, e.actor) for _, e in ranked[:limit]]


def search(graph: Graph, query: str, *, limit: int = 100) -> list[Hit]:
    """The claims whose text, quotes or actors' names contain every word of ``query``
    (case and typographic quotes ignored). Build a :class:`SearchIndex` to search the
    same graph repeatedly."""
    return SearchIndex(graph).search(query, limit=limit)
