"""Structure rules (``S``): is the graph coherent as a graph?

Ids that clash or point nowhere, relations that make no sense (a claim joined to itself,
a pair joined both ways, circles of support), and claims or positions cut off from the
question. Everything here is linear in the size of the graph: reachability and cycles
are computed on sparse matrices (SciPy), not by walks from every claim.

Linked premises count premise by premise: each premise of a linked support or attack is
joined to its target (a premise that is also the target joins a claim to itself).
A relation aimed at a relation leads on to where that relation leads, so a claim that
undercuts or backs an argument for a position reaches the position.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from ..text import character_kind, control_character
from .context import Checker, ClaimView, Context, quote_id, show_claim, show_premises
from .finding import Finding

if TYPE_CHECKING:
    from ..model import Claim

__all__ = ["CHECKERS"]

# How many candidate ids did-you-mean hints may compare in all, so a large graph with
# many dangling references is not checked in quadratic time.
_HINT_BUDGET = 2_000_000
_OWNER = re.compile(r"^(claims|relations|actors|documents)\[(\d+)\]")


def _owner_id(ctx: Context, place: str) -> str | None:
    """The id of the item a JSON path lies in (``relations[3].source`` -> its id)."""
    m = _OWNER.match(place)
    if m is None:
        return None
    items = getattr(ctx.graph.model, m.group(1))
    i = int(m.group(2))
    return str(items[i].id) if i < len(items) else None


def integrity(ctx: Context) -> Iterator[Finding]:
    """S001 and S002, from the problems the loader kept instead of raising."""
    g = ctx.graph
    if not g.problems:
        return
    known: dict[str, list[str]] = {
        "claim": list(g.claims),
        "actor": list(g.actors),
        "document": list(g.documents),
        "relation": list(g.relations),
        "claim or relation": [*g.claims, *g.relations],
    }
    budget = _HINT_BUDGET
    for p in g.problems:
        owner = _owner_id(ctx, p.place)
        if p.kind == "self":
            if "S003" in ctx.enabled:
                message = f"relation {quote_id(p.ident)} is aimed at itself"
                yield ctx.finding("S003", message, (p.ident,), p.place)
            continue
        if p.kind == "duplicate" and p.same_relation is not None:
            rel_type, premises, target = p.same_relation
            yield ctx.finding(
                "S002",
                f"the same {rel_type} {show_premises(premises)} -> {quote_id(target)} appears "
                f"twice (first at {p.first})",
                (*premises, target),
                p.place,
                "keep one, with the attributions of both; give each an id of its own if "
                "both are meant",
            )
            continue
        if p.kind == "duplicate" and p.target == "claim or relation":
            yield ctx.finding(
                "S002",
                f"id {quote_id(p.ident)} names both a claim and a relation (first used at "
                f"{p.first}); in arggraph/1.1 they share one namespace",
                (p.ident,),
                p.place,
            )
            continue
        if p.kind == "duplicate":
            first = {
                "claim": ctx.claim_path,
                "relation": ctx.relation_path,
                "actor": ctx.actor_path,
                "document": ctx.document_path,
            }[p.target]
            where = first.get(p.ident)
            message = f"duplicate {p.target} id {quote_id(p.ident)}"
            if where is not None:
                message += f" (first used at {where})"
            yield ctx.finding("S002", message, (p.ident,), p.place)
            continue
        candidates = known.get(p.target, [])
        close: list[str] = []
        if budget >= len(candidates):  # a did-you-mean costs a pass over the candidates
            budget -= len(candidates)
            close = difflib.get_close_matches(p.ident, candidates, n=3, cutoff=0.6)
        hint = ("did you mean " + ", ".join(quote_id(c) for c in close) + "?") if close else None
        what = re.sub(r"\[\d+\]$", "", p.place.rsplit(".", 1)[-1])
        holder = "relation" if p.place.startswith("relations") else "claim"
        if ".attributions[" in p.place:
            holder = f"an attribution of {holder}"
        message = (
            f"{holder} {quote_id(owner or '?')}: {what} refers to unknown "
            f"{p.target} {quote_id(p.ident)}{p.why}"
        )
        ids = (owner, p.ident) if owner is not None else (p.ident,)
        yield ctx.finding("S001", message, ids, p.place, hint)


def relations(ctx: Context) -> Iterator[Finding]:
    """S003 (self-relations), S004 (support and attack on one pair), S009 (duplicates),
    read from the framework's arrays: the relations the semantics compute on (those
    with a missing end are S001's).

    A relation aimed at a relation joins no two claims: only S009 concerns it."""
    g = ctx.graph
    fw = g.framework
    k = fw.k
    counts = np.diff(fw.inf_ptr)
    owner = np.repeat(np.arange(k, dtype=np.int64), counts)
    # Inferences with a premise that is also their target (plain relations: src == tgt).
    selfish = np.unique(owner[fw.inf_prem == fw.inf_tgt[owner]]).tolist() if k else []
    selfish_ids = {fw.inf_rel[i] for i in selfish}
    for kind, src, tgt in (("attack", fw.att_src, fw.att_tgt), ("support", fw.sup_src, fw.sup_tgt)):
        loops = np.flatnonzero(src == tgt).tolist()
        if loops:  # (the ids of a large graph's relations are made only when needed)
            rids = fw.att_ids if kind == "attack" else fw.sup_ids
            selfish_ids.update(rids[j] for j in loops)
    selfish_rels = [g.relations[r] for r in selfish_ids]
    if selfish_rels:
        position = ctx.relation_path.positions
        selfish_rels.sort(key=lambda r: position[r.id])
    for rel in selfish_rels:
        premises = rel.premises
        verb = "supports" if rel.type == "support" else "attacks"
        message = f"relation {quote_id(rel.id)}: claim {quote_id(rel.target)} {verb} itself"
        if len(premises) > 1:
            message += f" (with {show_premises([p for p in premises if p != rel.target])})"
        yield ctx.finding("S003", message, (rel.id, rel.target), ctx.relation_path[rel.id])
    if "S004" in ctx.enabled:
        yield from _support_and_attack(ctx, selfish_ids)
    if "S009" in ctx.enabled:
        yield from _same_relations(ctx, selfish_ids, owner)


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct values of ``keys``, sorted: by a sort, which on a large graph's
    scattered 64-bit pair keys is many times faster than ``np.unique`` (hashing, in
    NumPy 2.3 and later) and than what ``np.intersect1d`` does without
    ``assume_unique``.

    >>> _distinct(np.array([5, 1, 5, 3])).tolist()
    [1, 3, 5]
    """
    ordered = np.sort(keys)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _support_and_attack(ctx: Context, selfish: set[str]) -> Iterator[Finding]:
    """S004: claim pairs joined (premise by premise) by a support and by an attack."""
    g = ctx.graph
    fw = g.framework
    n = fw.n
    edges = {}
    for kind in ("support", "attack"):
        # (The relation ids of a large graph are made only when a pair is found.)
        src, tgt = fw.claim_edge_ends(kind)
        keep = src != tgt
        if selfish and fw.k:
            rids = fw.claim_edges(kind)[2]
            keep &= np.fromiter((r not in selfish for r in rids), dtype=bool, count=len(rids))
        keys = np.minimum(src, tgt) * n + np.maximum(src, tgt)
        edges[kind] = (keys, keep)
    both = np.intersect1d(
        _distinct(edges["support"][0][edges["support"][1]]),
        _distinct(edges["attack"][0][edges["attack"][1]]),
        assume_unique=True,
    )
    if not len(both):
        return
    position = ctx.relation_path.positions
    joined: dict[int, dict[str, list[str]]] = {}
    for kind, (keys, keep) in edges.items():
        rids = fw.claim_edges(kind)[2]
        for j in np.flatnonzero(keep & np.isin(keys, both)).tolist():
            joined.setdefault(int(keys[j]), {"support": [], "attack": []})[kind].append(rids[j])
    for key, by_kind in joined.items():
        a, b = fw.ids[key // n], fw.ids[key % n]
        supports = sorted(by_kind["support"], key=position.__getitem__)
        attacks = sorted(by_kind["attack"], key=position.__getitem__)
        parts = [
            f"{r.type} {quote_id(r.id)} ({show_premises(r.premises)} -> {quote_id(r.target)})"
            for r in (g.relations[supports[0]], g.relations[attacks[0]])
        ]
        yield ctx.finding(
            "S004",
            f"claims {quote_id(a)} and {quote_id(b)} are joined by both a support and "
            f"an attack: {parts[0]}, {parts[1]}",
            supports + attacks,
            ctx.relation_path[attacks[0]],
        )


def _same_relations(ctx: Context, selfish: set[str], owner: np.ndarray) -> Iterator[Finding]:
    """S009: relations of one type from the same premises (in any order) to the same
    claim or relation."""
    g = ctx.graph
    fw = g.framework
    nodes = fw.n + fw.k
    # One integer per relation from one premise: (type, premise, target node).
    keys = [fw.att_src * nodes + fw.att_tgt, (nodes + fw.sup_src) * nodes + fw.sup_tgt]
    rids: list[Callable[[], tuple[str, ...]]] = [lambda: fw.att_ids, lambda: fw.sup_ids]
    linked: dict[tuple[bool, tuple[str, ...], int], list[str]] = {}
    if fw.k:
        counts = np.diff(fw.inf_ptr)
        single = np.flatnonzero(counts == 1)
        first = fw.inf_prem[fw.inf_ptr[single]]
        keys.append((np.where(fw.inf_sup[single], nodes, 0) + first) * nodes + fw.inf_tgt[single])
        singles = tuple(fw.inf_rel[i] for i in single.tolist())
        rids.append(lambda: singles)
        ptr, prem = fw.inf_ptr.tolist(), fw.inf_prem.tolist()
        for i in np.flatnonzero(counts > 1).tolist():
            premises = tuple(sorted(fw.ids[p] for p in prem[ptr[i] : ptr[i + 1]]))
            key = (bool(fw.inf_sup[i]), premises, int(fw.inf_tgt[i]))
            linked.setdefault(key, []).append(fw.inf_rel[i])
    every = np.concatenate(keys)
    ordered = np.sort(every)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]  # a key that more than one relation has
    groups: list[list[str]] = []
    if len(twice):
        names = [r for part in rids for r in part()]
        by_key: dict[int, list[str]] = {}
        for j in np.flatnonzero(np.isin(every, twice)).tolist():
            by_key.setdefault(int(every[j]), []).append(names[j])
        groups += by_key.values()
    groups += [ids for ids in linked.values() if len(ids) > 1]
    if not groups:
        return
    position = ctx.relation_path.positions
    for group in groups:
        rel_ids = sorted((r for r in group if r not in selfish), key=position.__getitem__)
        if len(rel_ids) < 2:
            continue
        rel = g.relations[rel_ids[0]]
        yield ctx.finding(
            "S009",
            f"{len(rel_ids)} {rel.type}s run from {show_premises(sorted(rel.premises))} to "
            f"{quote_id(rel.target)}: " + ", ".join(quote_id(r) for r in rel_ids),
            rel_ids,
            ctx.relation_path[rel_ids[1]],
        )


def support_cycles(ctx: Context) -> Iterator[Finding]:
    """S005: the strongly connected components of the support graph, one finding each
    (each premise of a linked support supports its conclusion).

    The supports that cannot lie on a circle are peeled off first in NumPy rounds
    (:func:`~arggraph.semantics._sparse.cyclic_edges`): an acyclic map, the usual case,
    is settled without the components, which a large graph takes from SciPy."""
    from ..semantics._sparse import components, cyclic_edges, ptr_of

    fw = ctx.graph.framework
    all_src, all_tgt = fw.claim_edge_ends("support")
    keep = all_src != all_tgt
    src, tgt = all_src[keep], all_tgt[keep]
    if not len(src):
        return
    n = fw.n
    left = cyclic_edges(n, src, tgt)
    if left is not None and not left.any():
        return
    if left is not None:  # the components of what is left are the graph's
        labels, count = components(n, src[left], tgt[left])
    else:
        labels, count = components(n, src, tgt)
    sizes = np.bincount(labels, minlength=count)
    if not (sizes > 1).any():
        return
    all_ids = fw.claim_edges("support")[2]
    rel_ids = [all_ids[j] for j in np.flatnonzero(keep).tolist()]
    edge_of = {(s, t): r for s, t, r in zip(src.tolist(), tgt.tolist(), rel_ids, strict=True)}
    # Each claim's supported claims in ascending order, as SciPy's canonical CSR had them
    # (so the shortest circle reported is the same whichever way the components came).
    indptr, indices = ptr_of(src, n), tgt[np.lexsort((tgt, src))]
    for label in np.flatnonzero(sizes > 1).tolist():
        members = np.flatnonzero(labels == label)
        start = int(members.min())
        cycle = _shortest_cycle(start, indptr, indices, labels, label)
        names = [fw.ids[i] for i in cycle]
        loop = " -> ".join(quote_id(c) for c in names + names[:1])
        message = f"supports run in a circle: {loop}"
        if len(members) > len(cycle):
            message += f" ({len(members)} claims support one another in circles)"
        first_rel = edge_of[(cycle[0], cycle[1 % len(cycle)])]
        yield ctx.finding("S005", message, names, ctx.relation_path.get(first_rel))


def _shortest_cycle(
    start: int, indptr: np.ndarray, indices: np.ndarray, labels: np.ndarray, label: int
) -> list[int]:
    """A shortest cycle through ``start`` inside its strongly connected component."""
    parent = {start: -1}
    frontier = [start]
    while frontier:
        nxt: list[int] = []
        for u in frontier:
            for v in indices[indptr[u] : indptr[u + 1]].tolist():
                if v == start:
                    path = [u]
                    while parent[path[-1]] != -1:
                        path.append(parent[path[-1]])
                    return path[::-1]
                if v not in parent and labels[v] == label:
                    parent[v] = u
                    nxt.append(v)
        frontier = nxt
    return [start]  # pragma: no cover - a component of size > 1 always has a cycle


def relevance(ctx: Context) -> Iterator[Finding]:
    """S006 (claims that reach no position), S007 (unargued positions), S008 (none)."""
    g = ctx.graph
    positions = ctx.position_ids
    if not positions:
        yield ctx.finding("S008", 'the graph has no claim of kind "position"', (g.id,), None)
        return
    fw = g.framework
    if "S007" in ctx.enabled:
        is_position = np.zeros(fw.n, dtype=bool)
        number = ctx.claim_numbers
        is_position[[number[p] for p in positions]] = True
        argued = np.zeros(fw.n, dtype=bool)
        for kind in ("attack", "support"):  # a linked relation bears on a position unless
            src, tgt = fw.claim_edge_ends(kind)  # all its premises are positions themselves
            argued[tgt[~is_position[src]]] = True
        cols = g.columns
        shown: Iterable[Claim | ClaimView] = (
            g.positions  # (a plain graph's from its columns: no model, nor pydantic, loaded)
            if cols is None
            else (ctx.claim(cols.claim_ids[i]) for i in ctx.position_items)
        )
        for claim in shown:
            if not argued[number[claim.id]]:
                yield ctx.finding(
                    "S007",
                    f"no argument bears on position {show_claim(claim)}",
                    (claim.id,),
                    ctx.claim_path[claim.id],
                )
    if "S006" in ctx.enabled:
        unreachable = _unreachable(ctx).tolist()
        mended = _through_broken(ctx) if unreachable else set()
        for i in unreachable:
            if fw.ids[i] in mended:
                continue  # (S001 or S003 names the relation that would connect it)
            unreached = ctx.claim(fw.ids[i])
            yield ctx.finding(
                "S006",
                f"claim {show_claim(unreached)} reaches no position along relations",
                (unreached.id,),
                ctx.claim_path[unreached.id],
            )


def _through_broken(ctx: Context) -> set[str]:
    """The claims that reach a position once the relations S001 and S003 report (and
    that the framework leaves out) are counted as written: a relation's premises lead
    to it and it to its target, whatever is missing. Only when such a finding is
    reported; else empty, without a look at the relations (the common path: a graph
    with no broken relation)."""
    g = ctx.graph
    code = {"dangling": "S001", "self": "S003"}
    if not any(
        p.place.startswith("relations[")
        and ".attributions[" not in p.place
        and code.get(p.kind) in ctx.enabled
        for p in g.problems
    ):
        return set()
    claims = g.claims
    leads_into: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for rel in g.model.relations:
        node = ("relation", rel.id)
        target = ("claim", rel.target) if rel.target in claims else ("relation", rel.target)
        leads_into[target].append(node)
        leads_into[node] += [("claim", p) for p in rel.premises]
    todo = [("claim", p) for p in ctx.position_ids]
    seen = set(todo)
    while todo:
        for before in leads_into.get(todo.pop(), ()):
            if before not in seen:
                seen.add(before)
                todo.append(before)
    return {ident for kind, ident in seen if kind == "claim"}


def _unreachable(ctx: Context) -> np.ndarray:
    """Indices of the claims from which no relation path leads to a position: one
    breadth-first search backwards from the positions over the framework's nodes
    (claims, then inferences: relations from linked premises or aimed at by others),
    in NumPy rounds and, for a deep map, in C
    (:func:`~arggraph.semantics._sparse.reach`). Each premise leads to its inference,
    which leads to its target, so a claim that undercuts or backs an argument reaches
    where it leads."""
    from ..semantics._sparse import group, reach

    fw = ctx.graph.framework
    n = fw.n
    total = n + fw.k
    src, tgt = fw.node_edges()
    number = ctx.claim_numbers
    pos = np.array([number[p] for p in ctx.position_ids], dtype=np.int64)
    # Reverse edges (target -> source), as a CSR index.
    ptr, order = group(tgt, total)
    reached = reach(ptr, src[order], pos, total)
    return np.flatnonzero(~reached[:n])


def duplicate_texts(ctx: Context) -> Iterator[Finding]:
    """S010: claims whose texts are equal up to case and spacing."""
    claim_ids, claim_texts = ctx.claim_texts
    texts = [" ".join(text.casefold().split()) for text in claim_texts]
    if len(set(texts)) == len(texts):
        return
    groups: dict[str, list[str]] = defaultdict(list)
    for text, cid in zip(texts, claim_ids, strict=True):
        groups[text].append(cid)
    for ids in groups.values():
        if len(ids) > 1:
            claim = ctx.claim(ids[0])
            yield ctx.finding(
                "S010",
                f"{len(ids)} claims have the text of {show_claim(claim)}: "
                + ", ".join(quote_id(c) for c in ids),
                ids,
                ctx.claim_path[ids[1]],
            )


def control_characters(ctx: Context) -> Iterator[Finding]:
    """S013: the first control or invisible character of each id, text, name, title and
    quote that holds one, and in ids a blank other than the space: what output shows as
    an escape (:func:`arggraph.text.control_character`; in ids as
    :func:`arggraph.text.identifier` escapes them, in texts as
    :func:`arggraph.text.terminal_safe` does, which keeps emoji sequences).

    A plain graph's ids and texts are tested joined, in one pass each: a large graph
    with none (the usual case) costs two regular-expression scans."""
    cols = ctx.graph.columns
    if cols is not None:
        ids, texts = "|".join(cols.claim_ids), "\n".join(cols.texts)
        relation_ids = "|".join(cols.relation_ids or ())
        if not (
            control_character(ids, ident=True)
            or control_character(texts)
            or control_character(relation_ids, ident=True)
        ):
            return
    m = ctx.graph.model
    fields: list[tuple[str, list[Any], tuple[str, ...], str]] = [
        ("documents", m.documents, ("id", "title"), "document"),
        ("actors", m.actors, ("id", "name"), "actor"),
        ("claims", m.claims, ("id", "text"), "claim"),
        ("relations", m.relations, ("id",), "relation"),
    ]
    for section, items, names, noun in fields:
        for i, item in enumerate(items):
            for name in names:
                if name == "id" and section == "relations" and "id" not in item.model_fields_set:
                    continue  # a default id is made of claim ids, reported there
                value = getattr(item, name)
                found = control_character(value, ident=name == "id")
                if found is not None:
                    yield _control(ctx, noun, item.id, name, found, f"{section}[{i}].{name}")
            for j, att in enumerate(getattr(item, "attributions", ())):
                found = control_character(att.quote)
                if found is not None:
                    where = f"{section}[{i}].attributions[{j}].quote"
                    yield _control(ctx, noun, item.id, "quote", found, where)


def _control(
    ctx: Context, noun: str, ident: str, name: str, found: tuple[int, str], path: str
) -> Finding:
    offset, shown = found
    kind = character_kind(shown)
    message = (
        f"{noun} {quote_id(ident)}: its {name} holds {kind} ({shown} at character {offset + 1})"
    )
    return ctx.finding("S013", message, (ident,), path)


def linked_relations(ctx: Context) -> Iterator[Finding]:
    """S011: ``"sources"`` with one claim; S012: a premise of an inference among the
    premises of an attack aimed at it (read from the framework's inference arrays)."""
    g = ctx.graph
    if "S011" in ctx.enabled and g.extended_relations:
        for i, rel in enumerate(g.model.relations):
            if rel.sources is not None and len(rel.sources) == 1:
                (premise,) = rel.sources
                yield ctx.finding(
                    "S011",
                    f'relation {quote_id(rel.id)} lists one claim under "sources" '
                    f"({quote_id(premise)}): linked premises are two or more",
                    (rel.id, premise),
                    f"relations[{i}].sources",
                    f'give {quote_id(premise)} as "source" instead, or add the premises '
                    "that bear on the target together with it",
                )
    fw = g.framework
    if "S012" not in ctx.enabled or not fw.k:
        return
    n, k = fw.n, fw.k
    # (premise, inference) pairs of every inference, as one integer each.
    counts = np.diff(fw.inf_ptr)
    owner = np.repeat(np.arange(k, dtype=np.int64), counts)
    own = fw.inf_prem * k + owner
    # The attacks aimed at an inference, premise by premise: plain ones, then linked.
    plain = fw.att_tgt >= n
    linked = np.repeat(~fw.inf_sup & (fw.inf_tgt >= n), counts)
    src = np.concatenate([fw.att_src[plain], fw.inf_prem[linked]])
    tgt = np.concatenate([fw.att_tgt[plain], fw.inf_tgt[owner[linked]]]) - n
    attacks = [fw.att_ids[j] for j in np.flatnonzero(plain).tolist()]
    attacks += [fw.inf_rel[j] for j in owner[linked].tolist()]
    hits = np.flatnonzero(np.isin(src * k + tgt, own))
    reported: set[str] = set()
    for h in hits.tolist():
        attack = attacks[h]
        if attack in reported:
            continue
        reported.add(attack)
        premise, inference = fw.ids[int(src[h])], fw.inf_rel[int(tgt[h])]
        yield ctx.finding(
            "S012",
            f"relation {quote_id(attack)}: claim {quote_id(premise)} attacks the inference "
            f"{quote_id(inference)}, of which it is a premise",
            (attack, premise, inference),
            ctx.relation_path.get(attack),
        )


CHECKERS = [
    Checker(frozenset({"S001", "S002", "S003"}), integrity),
    Checker(frozenset({"S003", "S004", "S009"}), relations),
    Checker(frozenset({"S005"}), support_cycles),
    Checker(frozenset({"S006", "S007", "S008"}), relevance),
    Checker(frozenset({"S010"}), duplicate_texts),
    Checker(frozenset({"S011", "S012"}), linked_relations),
    Checker(frozenset({"S013"}), control_characters),
]
