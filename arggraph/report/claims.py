"""Each claim as a reader meets it: its text, who said it where and when, and how it
bears on the others; the order the report lists claims in; the map as an outline.

A relation is described from the side of each claim it touches, as a *phrase*: a tuple of
plain strings and :class:`Ref` (a reference to another claim), which each writer turns into
its own links. So the HTML and Markdown reports say the same thing in the same words, and
neither pastes text into markup unescaped.

Claims are listed as a reader walks the debate: the positions, then what bears on them,
breadth first, then what bears on those; claims that reach no position come last.

>>> from arggraph.io import loads
>>> g = loads('''{"id": "g", "claims": [
...   {"id": "go", "text": "Go", "kind": "position"}, {"id": "a", "text": "A"},
...   {"id": "b", "text": "B"}, {"id": "u", "text": "U"}],
...  "relations": [{"type": "support", "source": "a", "target": "go"},
...   {"type": "attack", "source": "u", "target": "support:a->go"},
...   {"type": "attack", "source": "b", "target": "a"}]}''')
>>> reading_order(g)
['go', 'a', 'u', 'b']
>>> said = phrases(g, {})
>>> [flat(p) for p in said["a"][0]]
['it supports [go]']
>>> [flat(p) for p in said["go"][1]]
['it is supported by [a]', 'the step from [a] to this claim is attacked by [u]']
>>> [flat(sentence(p)) for p in said["u"][0]]
['It attacks the step from [a] to [go] (an undercutter).']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._words import figure

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import Relation

__all__ = [
    "OutlineNode",
    "Phrase",
    "Ref",
    "feeders",
    "flat",
    "outline",
    "phrases",
    "reading_order",
    "sentence",
]


_ENDS = (".", "!", "?", "…")


@dataclass(frozen=True)
class Ref:
    """A reference to the claim ``claim`` inside a phrase."""

    claim: str


#: A sentence about a claim: plain strings and references to claims, in order.
Phrase = tuple[str | Ref, ...]


def sentence(phrase: Phrase, shown: Callable[[str], str] | None = None) -> Phrase:
    """The phrase as a sentence: its first letter a capital, a full stop at the end, unless
    it ends with a reference whose text as ``shown`` (claim id to text) ends one already."""
    if phrase and isinstance(phrase[0], str):
        phrase = (phrase[0][:1].upper() + phrase[0][1:], *phrase[1:])
    last = phrase[-1] if phrase else None
    if isinstance(last, Ref) and shown is not None and shown(last.claim).rstrip()[-1:] in _ENDS:
        return phrase
    return (*phrase, ".")


def flat(phrase: Phrase) -> str:
    """A phrase as plain text, references as ``[id]`` (for tests and doctests)."""
    return "".join(f"[{p.claim}]" if isinstance(p, Ref) else p for p in phrase)


def _refs(ids: Sequence[str]) -> list[str | Ref]:
    out: list[str | Ref] = []
    for i, cid in enumerate(ids):
        if i:
            out.append(" and " if i == len(ids) - 1 else ", ")
        out.append(Ref(cid))
    return out


def _weight(rel: Relation, weights: Mapping[str, float]) -> list[str | Ref]:
    w = weights.get(rel.id, rel.weight)
    return [] if w == 1.0 else [f" (weight {figure(w)})"]


def _step(graph: Graph, rel: Relation, here: str | None) -> list[str | Ref]:
    """``the step from P to T``, T being ``this claim`` when it is ``here``."""
    out: list[str | Ref] = ["the step from ", *_refs(rel.premises), " to "]
    if rel.target == here:
        out.append("this claim")
    elif rel.target in graph.claims:
        out.append(Ref(rel.target))
    else:
        out.append("another step")
    return out


def phrases(
    graph: Graph, weights: Mapping[str, float]
) -> dict[str, tuple[list[Phrase], list[Phrase]]]:
    """For every claim, what it bears on (``[0]``) and what bears on it (``[1]``), one
    phrase per relation, in the graph's order (one pass over the relations). ``weights``
    are the relation weights in use (a score sheet's), by relation id; a weight other than
    1 is said."""
    found: dict[str, tuple[list[Phrase], list[Phrase]]] = {cid: ([], []) for cid in graph.claims}
    for rel in graph.relations.values():
        if not graph.is_usable(rel):
            continue
        aimed = graph.target_relation(rel)
        attack = rel.type == "attack"
        weight = _weight(rel, weights)
        for claim in dict.fromkeys(rel.premises):
            others = [p for p in rel.premises if p != claim]
            parts: list[str | Ref] = []
            if others:
                parts += ["together with ", *_refs(others), ", "]
            parts.append("it ")
            if aimed is None:
                parts += ["attacks " if attack else "supports ", Ref(rel.target)]
            else:
                parts += ["attacks " if attack else "backs ", *_step(graph, aimed, None)]
                parts.append(" (an undercutter)" if attack else " (a backing)")
            found[claim][0].append(tuple(parts + weight))
        if rel.target in found:
            verb = "it is attacked by " if attack else "it is supported by "
            together = [" together"] if len(rel.premises) > 1 else []
            found[rel.target][1].append(tuple([verb, *_refs(rel.premises), *together, *weight]))
        elif aimed is not None and aimed.target in found:
            verb = " is attacked by " if attack else " is backed by "
            found[aimed.target][1].append(
                tuple([*_step(graph, aimed, aimed.target), verb, *_refs(rel.premises)] + weight)
            )
    return found


def feeders(graph: Graph) -> dict[str, list[tuple[str, str, bool]]]:
    """For each claim, what bears on it: ``(premise, "support" or "attack", on_step)``,
    ``on_step`` for a relation aimed at one of the claim's incoming relations (an
    undercutter or a backing), each premise once per relation, in the graph's order."""
    out: dict[str, list[tuple[str, str, bool]]] = {cid: [] for cid in graph.claims}
    for rel in graph.relations.values():
        if not graph.is_usable(rel):
            continue
        aimed = graph.target_relation(rel)
        if aimed is None:
            out[rel.target].extend((p, rel.type, False) for p in rel.premises)
        elif aimed.target in out:
            out[aimed.target].extend((p, rel.type, True) for p in rel.premises)
    return out


def reading_order(graph: Graph) -> list[str]:
    """Every claim id once: the positions, then breadth first through what bears on them,
    then the claims that reach no position, in the graph's order."""
    into = feeders(graph)
    order = [c.id for c in graph.positions]
    seen = set(order)
    i = 0
    while i < len(order):
        for premise, _, _ in into[order[i]]:
            if premise not in seen:
                seen.add(premise)
                order.append(premise)
        i += 1
    order += [cid for cid in graph.claims if cid not in seen]
    return order


@dataclass(frozen=True)
class OutlineNode:
    """One line of the map as an outline: ``claim``, how it bears on its parent
    (``relation``: ``"support"``, ``"attack"``, or ``None`` at the top), whether on the
    parent's step rather than the parent itself (``on_step``), and what bears on it in
    turn (``children``). A claim is opened once: a later mention is ``repeated``, with no
    children, so an outline is as long as the graph has relations."""

    claim: str
    relation: str | None = None
    on_step: bool = False
    repeated: bool = False
    children: tuple[OutlineNode, ...] = field(default_factory=tuple)


def outline(graph: Graph) -> tuple[OutlineNode, ...]:
    """The debate as a tree from its positions (then the claims no position reaches), each
    claim opened at its first, shallowest mention (breadth first), later ones repeated.

    >>> from arggraph.io import loads
    >>> g = loads('''{"id": "g", "claims": [{"id": "p", "text": "P", "kind": "position"},
    ...   {"id": "a", "text": "A"}], "relations": [{"type": "attack", "source": "a",
    ...   "target": "p"}, {"type": "support", "source": "p", "target": "a"}]}''')
    >>> top = outline(g)[0]
    >>> top.claim, [(c.claim, c.relation) for c in top.children]
    ('p', [('a', 'attack')])
    >>> top.children[0].children[0].repeated
    True
    """
    into = feeders(graph)
    roots = [c.id for c in graph.positions]
    # Breadth first decides where each claim is opened (its parent and the index of the
    # relation there); the trees are then built from that.
    where: dict[str, tuple[str, int]] = {}
    opened = set(roots)
    _spread(list(roots), into, opened, where)
    for cid in graph.claims:  # claims no position reaches: opened at the top, file order
        if cid not in opened:
            opened.add(cid)
            roots.append(cid)
            _spread([cid], into, opened, where)
    return _build(roots, into, where)


def _spread(
    queue: list[str],
    into: Mapping[str, list[tuple[str, str, bool]]],
    opened: set[str],
    where: dict[str, tuple[str, int]],
) -> None:
    i = 0
    while i < len(queue):
        parent = queue[i]
        for k, (premise, _, _) in enumerate(into[parent]):
            if premise not in opened:
                opened.add(premise)
                where[premise] = (parent, k)
                queue.append(premise)
        i += 1


def _build(
    roots: list[str],
    into: Mapping[str, list[tuple[str, str, bool]]],
    where: Mapping[str, tuple[str, int]],
) -> tuple[OutlineNode, ...]:
    """The outline's trees, built bottom-up without recursion (a chain of thousands of
    claims must not hit Python's recursion limit)."""
    # Post-order over the opened tree: children before parents.
    order: list[str] = []
    stack = list(reversed(roots))
    while stack:
        cid = stack.pop()
        order.append(cid)
        for k, (premise, _, _) in enumerate(into[cid]):
            if where.get(premise) == (cid, k):
                stack.append(premise)
    built: dict[str, OutlineNode] = {}
    for cid in reversed(order):
        kids = []
        for k, (premise, kind, step) in enumerate(into[cid]):
            if where.get(premise) == (cid, k):
                node = built.pop(premise)
                kids.append(OutlineNode(premise, kind, step, children=node.children))
            else:
                kids.append(OutlineNode(premise, kind, step, repeated=True))
        built[cid] = OutlineNode(cid, children=tuple(kids))
    return tuple(built[r] for r in roots)
