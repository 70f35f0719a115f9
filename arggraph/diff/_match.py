"""Pairing the claims and relations of two versions of a graph.

Private to :mod:`arggraph.diff`. An id present in both versions names the same item,
unless the item behind it plainly changed into another (a claim whose text has a
similarity under 0.5 with the old one, a relation with a default id whose ends no longer
correspond), in which case the id competes with the rest. Items left over are paired by evidence:

- claims by their *text* (the larger of the Indel similarity of the two texts and of
  their words sorted, from ``rapidfuzz``), their *position* (the overlap of their
  neighbourhoods through claims already paired: the same kind of relation to the same
  claim) and their *provenance* (the same actors quoted in the same words:
  :func:`provenance_similarity`);
- relations by their *premises* (overlap through the claim pairing), *target* (the
  same claim or relation; half when one aims at a relation that bears on the other's
  target), *type* and *provenance*.

Each kind of evidence gives a similarity in [0, 1]; one that neither item has (no
neighbours paired yet, no attributions) is left out, and the *confidence* of a pair is
the weighted mean of the rest. The pairing that maximises the total confidence is found
by ``scipy.optimize.linear_sum_assignment`` (the Hungarian problem, Jonker and Volgenant's
algorithm in SciPy), pairs under the threshold are dropped, and the rounds repeat while
new pairs give the position evidence more to go on.

``rapidfuzz`` computes every text similarity of the two sets at once in C++
(``process.cdist``): on 500 by 500 claim texts it is over 200 times faster than the
standard library's ``difflib.SequenceMatcher`` (``benchmarks/bench_diff.py``).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..graph import Graph
from ..model import Attribution, Relation

FloatMatrix = npt.NDArray[np.float64]

#: Weights of the evidence for claims: text, position, provenance.
CLAIM_WEIGHTS: Mapping[str, float] = {"text": 0.5, "position": 0.2, "provenance": 0.3}
#: Weights of the evidence for relations: premises, target, type, provenance.
RELATION_WEIGHTS: Mapping[str, float] = {
    "premises": 0.4,
    "target": 0.25,
    "type": 0.15,
    "provenance": 0.2,
}
#: The least confidence of a pair of claims found by evidence.
ACCEPT = 0.6
#: The least confidence of a pair of relations found by evidence (they share a premise
#: too): a relation from the same premises, of the same type, re-aimed at another target
#: with other words quoted for it scores 0.55, and is taken for the same argument.
RELATION_ACCEPT = 0.55
#: A claim matched by evidence needs this much of its text or its provenance in common:
#: a position alone never makes two claims one.
CONTENT = 0.6
#: Below this text similarity an id present in both versions competes with the rest.
REUSED = 0.5
_ROUNDS = 8
_CHUNK = 256


@dataclass(frozen=True)
class Pair:
    """An old item paired with a new one: ``confidence`` in [0, 1] (1 for a kept id)
    and each kind of evidence's similarity (``None`` where neither had any)."""

    old: str
    new: str
    confidence: float
    evidence: tuple[tuple[str, float | None], ...] = ()


def normalise(text: str) -> str:
    """Text as it is compared: lower case, whitespace folded.

    >>> normalise("  Bakhmut\\n HOLDS ")
    'bakhmut holds'
    """
    return " ".join(text.casefold().split())


def text_similarity(old: Sequence[str], new: Sequence[str]) -> FloatMatrix:
    """Every pair's text similarity in [0, 1], shape ``(len(old), len(new))``: the larger
    of the normalised Indel similarity of the texts and of their words sorted.

    >>> text_similarity(["Losses mount", "a b"], ["losses  MOUNT", "b a"]).round(2).tolist()
    [[1.0, 0.13], [0.13, 1.0]]
    """
    if not old or not new:
        return np.zeros((len(old), len(new)))
    from rapidfuzz import fuzz, process, utils

    a = [utils.default_process(t) for t in old]
    b = [utils.default_process(t) for t in new]
    plain = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.float64, workers=-1)
    words = process.cdist(a, b, scorer=fuzz.token_sort_ratio, dtype=np.float64, workers=-1)
    out: FloatMatrix = np.maximum(plain, words) / 100.0
    return out


def pair_similarity(a: str, b: str) -> float:
    """:func:`text_similarity` of one pair of texts.

    >>> pair_similarity("Losses mount", "mount losses")
    1.0
    """
    from rapidfuzz import fuzz, utils

    x, y = utils.default_process(a), utils.default_process(b)
    return max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)) / 100.0


def _overlap(
    left: Sequence[frozenset[Hashable]], right: Sequence[frozenset[Hashable]], *, jaccard: bool
) -> FloatMatrix:
    """For every pair of feature sets: the size of their intersection over that of the
    larger set (or, with ``jaccard``, over that of their union); ``nan`` where both are
    empty. Computed as one sparse product."""
    from scipy import sparse

    index: dict[Hashable, int] = {}
    for features in (*left, *right):
        for f in features:
            index.setdefault(f, len(index))

    def matrix(sets: Sequence[frozenset[Hashable]]) -> sparse.csr_matrix:
        rows = [i for i, s in enumerate(sets) for _ in s]
        cols = [index[f] for s in sets for f in s]
        data = np.ones(len(rows))
        return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), max(len(index), 1)))

    inter = np.asarray((matrix(left) @ matrix(right).T).todense(), dtype=np.float64)
    a = np.array([len(s) for s in left], dtype=np.float64)[:, None]
    b = np.array([len(s) for s in right], dtype=np.float64)[None, :]
    denominator = (a + b - inter) if jaccard else np.maximum(a, b)
    with np.errstate(invalid="ignore", divide="ignore"):
        out: FloatMatrix = np.where(denominator > 0, inter / denominator, np.nan)
    return out


def _confidence(parts: Mapping[str, FloatMatrix], weights: Mapping[str, float]) -> FloatMatrix:
    """The weighted mean of the evidence present (``nan`` is absent)."""
    total = np.zeros_like(next(iter(parts.values())))
    mass = np.zeros_like(total)
    for name, values in parts.items():
        present = ~np.isnan(values)
        total += np.where(present, values, 0.0) * weights[name]
        mass += present * weights[name]
    with np.errstate(invalid="ignore", divide="ignore"):
        out: FloatMatrix = np.where(mass > 0, total / mass, 0.0)
    return out


#: Beyond this many pairs of attributions, quotes are compared for equality only.
_QUOTE_PAIRS = 4_000_000


def provenance_similarity(
    left: Sequence[Sequence[Attribution]], right: Sequence[Sequence[Attribution]]
) -> FloatMatrix:
    """For every pair of items, how much their attributions agree, in [0, 1] (``nan``
    where neither has any, 0 where one has none): each attribution's best match among
    the other item's by the same actor, its quote compared by RapidFuzz's
    ``partial_ratio`` (so a quote cut shorter still matches), averaged over the
    attributions of both. Shape ``(len(left), len(right))``.

    >>> from arggraph.model import Attribution as A
    >>> provenance_similarity([[A(actor="k", quote="losses are mounting fast")]],
    ...                       [[A(actor="k", quote="losses are mounting")], []]).tolist()
    [[1.0, 0.0]]
    """
    count_l = np.array([len(a) for a in left], dtype=np.float64)
    count_r = np.array([len(a) for a in right], dtype=np.float64)
    total = count_l[:, None] + count_r[None, :]
    out: FloatMatrix = np.where(total > 0, 0.0, np.nan)
    rows = [i for i, atts in enumerate(left) if atts]
    cols = [j for j, atts in enumerate(right) if atts]
    if not rows or not cols:
        return out
    ours = [a for i in rows for a in left[i]]
    theirs = [a for j in cols for a in right[j]]
    quotes_l = [normalise(a.quote) for a in ours]
    quotes_r = [normalise(a.quote) for a in theirs]
    if len(ours) * len(theirs) <= _QUOTE_PAIRS:
        from rapidfuzz import fuzz, process

        sim = process.cdist(
            quotes_l, quotes_r, scorer=fuzz.partial_ratio, dtype=np.float64, workers=-1
        )
        sim /= 100.0
    else:
        sim = (
            np.array(quotes_l, dtype=object)[:, None] == np.array(quotes_r, dtype=object)[None, :]
        ).astype(np.float64)
    empty_l = np.array([not q for q in quotes_l])
    empty_r = np.array([not q for q in quotes_r])
    sim[empty_l[:, None] & empty_r[None, :]] = 1.0  # the same actor, no quote either side
    actors_l = np.array([a.actor for a in ours], dtype=object)
    actors_r = np.array([a.actor for a in theirs], dtype=object)
    sim *= actors_l[:, None] == actors_r[None, :]
    starts_l = np.cumsum([0] + [len(left[i]) for i in rows[:-1]])
    starts_r = np.cumsum([0] + [len(right[j]) for j in cols[:-1]])
    best_in_r = np.maximum.reduceat(sim, starts_r, axis=1)  # each of ours, per item of theirs
    best_in_l = np.maximum.reduceat(sim, starts_l, axis=0)  # each of theirs, per item of ours
    agree = np.add.reduceat(best_in_r, starts_l, axis=0) + np.add.reduceat(
        best_in_l, starts_r, axis=1
    )
    out[np.ix_(rows, cols)] = agree / total[np.ix_(rows, cols)]
    return out


def _assign(score: FloatMatrix, keep: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """The pairs of the assignment that maximises the total score, those ``keep``
    (a mask of the same shape) accepts."""
    if score.size == 0:
        return []
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(score, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if keep[i, j]]


# ---------------------------------------------------------------------- claims
def _claim_neighbours(graph: Graph) -> dict[str, list[tuple[str, str, str]]]:
    """Each claim's neighbourhood: (role, relation type, other claim) for every relation
    it is a premise of (``"for"``: the claim the relation bears on, through relations
    aimed at relations), the target of (``"from"``: each premise), or a linked premise
    beside another (``"with"``)."""
    out: dict[str, list[tuple[str, str, str]]] = {c: [] for c in graph.claims}

    def bears_on(rel: Relation) -> str | None:
        seen: set[str] = set()
        while rel.target not in graph.claims:
            nxt = graph.relations.get(rel.target)
            if nxt is None or rel.target in seen:
                return None
            seen.add(rel.target)
            rel = nxt
        return rel.target

    for rel in graph.relations.values():
        premises = [p for p in rel.premises if p in graph.claims]
        target = bears_on(rel)
        for p in premises:
            if target is not None:
                out[p].append(("for", rel.type, target))
                if rel.target == target:
                    out[target].append(("from", rel.type, p))
            out[p].extend(("with", rel.type, q) for q in premises if q != p)
    return out


def _position_features(
    neighbours: Mapping[str, list[tuple[str, str, str]]],
    ids: Sequence[str],
    translate: Mapping[str, str],
) -> list[frozenset[Hashable]]:
    """Each claim's neighbourhood through paired claims, in the new version's ids."""
    return [
        frozenset((role, kind, translate[o]) for role, kind, o in neighbours[c] if o in translate)
        for c in ids
    ]


def match_claims(old: Graph, new: Graph) -> list[Pair]:
    """Pair the claims of ``old`` with those of ``new`` (see the module's docstring),
    in ``old``'s order; claims left unpaired were removed or added."""
    pairs: dict[str, Pair] = {}
    contested: set[str] = set()
    shared = [c for c in old.claims if c in new.claims]
    for cid in shared:
        a, b = old.claims[cid].text, new.claims[cid].text
        if a == b or pair_similarity(a, b) >= REUSED:
            pairs[cid] = Pair(cid, cid, 1.0)
        else:
            contested.add(cid)
    left = [c for c in old.claims if c not in pairs]
    right = [c for c in new.claims if c not in pairs]
    sides = _Sides.of(old, new)
    if left and right:
        _exact_texts(old, new, left, right, pairs)
        _by_evidence(sides, pairs)
    taken = {p.new for p in pairs.values()}
    for cid in sorted(contested):
        if cid not in pairs and cid not in taken:
            pairs[cid] = Pair(cid, cid, 1.0)  # nothing fits better: the id stays
    return _final(sides, pairs)


def _exact_texts(
    old: Graph, new: Graph, left: list[str], right: list[str], pairs: dict[str, Pair]
) -> None:
    """Pair claims whose text, normalised, is the same and is found once on each side
    among the claims left."""

    def unique(graph: Graph, ids: list[str]) -> dict[str, str]:
        seen: dict[str, str | None] = {}
        for cid in ids:
            key = normalise(graph.claims[cid].text)
            seen[key] = None if key in seen else cid
        return {k: v for k, v in seen.items() if v is not None}

    theirs = unique(new, right)
    for key, cid in unique(old, left).items():
        match = theirs.get(key)
        if match is not None:
            pairs[cid] = Pair(cid, match, 1.0)


@dataclass(frozen=True)
class _Sides:
    """The two versions and each one's claim neighbourhoods, computed once per diff."""

    old: Graph
    new: Graph
    old_neighbours: Mapping[str, list[tuple[str, str, str]]]
    new_neighbours: Mapping[str, list[tuple[str, str, str]]]

    @classmethod
    def of(cls, old: Graph, new: Graph) -> _Sides:
        return cls(old, new, _claim_neighbours(old), _claim_neighbours(new))

    def evidence(
        self,
        left: Sequence[str],
        right: Sequence[str],
        pairs: Mapping[str, Pair],
        texts: FloatMatrix | None = None,
    ) -> dict[str, FloatMatrix]:
        """The evidence matrices of claims ``left`` (old) against ``right`` (new)."""
        old, new = self.old, self.new
        if texts is None:
            texts = text_similarity(
                [old.claims[c].text for c in left], [new.claims[c].text for c in right]
            )
        translate = {o: p.new for o, p in pairs.items()}
        identity = {n: n for n in translate.values()}
        position = _overlap(
            _position_features(self.old_neighbours, left, translate),
            _position_features(self.new_neighbours, right, identity),
            jaccard=False,
        )
        source = provenance_similarity(
            [old.claims[c].attributions for c in left],
            [new.claims[c].attributions for c in right],
        )
        return {"text": texts, "position": position, "provenance": source}


def _by_evidence(sides: _Sides, pairs: dict[str, Pair]) -> None:
    """Pair the claims left, round by round, by text, position and provenance."""
    old, new = sides.old, sides.new
    left = [c for c in old.claims if c not in pairs]
    taken = {p.new for p in pairs.values()}
    right = [c for c in new.claims if c not in taken]
    all_texts = text_similarity(
        [old.claims[c].text for c in left], [new.claims[c].text for c in right]
    )
    row = {c: i for i, c in enumerate(left)}
    col = {c: j for j, c in enumerate(right)}
    for _ in range(_ROUNDS):
        if not left or not right:
            break
        texts = all_texts[np.ix_([row[c] for c in left], [col[c] for c in right])]
        parts = sides.evidence(left, right, pairs, texts)
        score = _confidence(parts, CLAIM_WEIGHTS)
        content = np.fmax(parts["text"], parts["provenance"])

        found = _assign(score, (score >= ACCEPT) & (content >= CONTENT))
        if not found:
            break
        for i, j in found:
            pairs[left[i]] = Pair(left[i], right[j], float(score[i, j]))
        done_left = {left[i] for i, _ in found}
        done_right = {right[j] for _, j in found}
        left = [c for c in left if c not in done_left]
        right = [c for c in right if c not in done_right]


def _final(sides: _Sides, pairs: dict[str, Pair]) -> list[Pair]:
    """The pairs in the old version's order, each renamed one with its confidence and
    evidence computed against the whole final pairing."""
    old = sides.old
    renamed = [c for c in old.claims if c in pairs and pairs[c].new != c]
    for start in range(0, len(renamed), _CHUNK):  # matrices of bounded size
        chunk = renamed[start : start + _CHUNK]
        targets = [pairs[c].new for c in chunk]
        parts = sides.evidence(chunk, targets, pairs)
        diagonal = {name: values.diagonal()[:, None] for name, values in parts.items()}
        score = _confidence(diagonal, CLAIM_WEIGHTS)[:, 0]
        for k, cid in enumerate(chunk):
            evidence = tuple(
                (name, None if np.isnan(v[k, 0]) else round(float(v[k, 0]), 6))
                for name, v in diagonal.items()
            )
            pairs[cid] = Pair(cid, pairs[cid].new, round(float(score[k]), 6), evidence)
    return [pairs[c] for c in old.claims if c in pairs]


# ------------------------------------------------------------------- relations
def _written(rel: Relation) -> bool:
    """Whether a relation's id was written in its file (not its default)."""
    from .._ids import default_relation_id

    return rel.id != default_relation_id(rel.type, rel.premises, rel.target)


def match_relations(old: Graph, new: Graph, claims: Mapping[str, str]) -> list[Pair]:
    """Pair the relations of ``old`` with those of ``new``, given the claim pairing
    ``claims`` (old id -> new id), in ``old``'s order."""
    pairs: dict[str, Pair] = {}
    contested: set[str] = set()

    def translated(rel: Relation) -> object:
        """The old relation's (type, premises, target) in the new version's ids, or
        ``None`` while an end of it is unpaired."""
        mapped = [claims.get(p) for p in rel.premises]
        if rel.target in old.claims:
            target = claims.get(rel.target)
        else:
            paired = pairs.get(rel.target)
            target = paired.new if paired is not None else None
        if target is None or any(p is None for p in mapped):
            return None
        return (rel.type, tuple(sorted(p for p in mapped if p is not None)), target)

    def own(rel: Relation) -> object:
        return (rel.type, tuple(sorted(rel.premises)), rel.target)

    for rid, rel in old.relations.items():
        theirs = new.relations.get(rid)
        if theirs is None:
            continue
        if _written(rel) and _written(theirs):
            pairs[rid] = Pair(rid, rid, 1.0)
        else:
            contested.add(rid)
    # Exact: the same type, premises and target through the pairing, found once on each
    # side; repeated, since a relation aimed at a relation needs that one paired first.
    while True:
        taken = {p.new for p in pairs.values()}
        theirs_by_key: dict[object, str | None] = {}
        for rid, rel in new.relations.items():
            if rid in taken:
                continue
            k = own(rel)
            theirs_by_key[k] = None if k in theirs_by_key else rid
        ours_by_key: dict[object, str | None] = {}
        for rid, rel in old.relations.items():
            if rid in pairs:
                continue
            k = translated(rel)
            if k is not None:
                ours_by_key[k] = None if k in ours_by_key else rid
        found = 0
        for k, ours in ours_by_key.items():
            match = theirs_by_key.get(k)
            if ours is not None and match is not None:
                pairs[ours] = Pair(ours, match, 1.0)
                found += 1
        if not found:
            break
    _relations_by_evidence(old, new, claims, pairs)
    taken = {p.new for p in pairs.values()}
    for rid in sorted(contested):
        if rid not in pairs and rid not in taken:
            pairs[rid] = Pair(rid, rid, 1.0)
    return [pairs[r] for r in old.relations if r in pairs]


def _relations_by_evidence(
    old: Graph, new: Graph, claims: Mapping[str, str], pairs: dict[str, Pair]
) -> None:
    """Pair the relations left by premises, target, type and provenance."""
    for _ in range(_ROUNDS):
        taken = {p.new for p in pairs.values()}
        left = [r for r in old.relations if r not in pairs]
        right = [r for r in new.relations if r not in taken]
        if not left or not right:
            return
        translate = {**claims, **{o: p.new for o, p in pairs.items()}}
        parts = _relation_evidence(old, new, left, right, translate)
        score = _confidence(parts, RELATION_WEIGHTS)
        premises = parts["premises"]

        found = _assign(score, (score >= RELATION_ACCEPT) & (premises > 0))
        if not found:
            return
        for i, j in found:
            evidence = tuple(
                (name, None if np.isnan(v[i, j]) else round(float(v[i, j]), 6))
                for name, v in parts.items()
            )
            pairs[left[i]] = Pair(left[i], right[j], round(float(score[i, j]), 6), evidence)


def _relation_evidence(
    old: Graph,
    new: Graph,
    left: Sequence[str],
    right: Sequence[str],
    translate: Mapping[str, str],
) -> dict[str, FloatMatrix]:
    """The evidence matrices of relations ``left`` (old) against ``right`` (new)."""
    ours = [old.relations[r] for r in left]
    theirs = [new.relations[r] for r in right]
    premises = _overlap(
        [frozenset(translate.get(p, ("old", p)) for p in r.premises) for r in ours],
        [frozenset(r.premises) for r in theirs],
        jaccard=True,
    )
    type_ = np.array([[float(a.type == b.type) for b in theirs] for a in ours]).reshape(
        len(ours), len(theirs)
    )
    target = np.zeros((len(ours), len(theirs)))
    for i, a in enumerate(ours):
        mine = translate.get(a.target)
        mine_bears = _bears_on(new, mine) if mine is not None else None
        for j, b in enumerate(theirs):
            if mine is not None and b.target == mine:
                target[i, j] = 1.0
            elif mine is not None and (
                _bears_on(new, b.target) == mine
                or (mine_bears is not None and mine_bears == b.target)
            ):
                target[i, j] = 0.5
    source = provenance_similarity([r.attributions for r in ours], [r.attributions for r in theirs])
    return {"premises": premises, "target": target, "type": type_, "provenance": source}


def _bears_on(graph: Graph, ident: str | None) -> str | None:
    """The target of the relation ``ident`` in ``graph`` (``None`` for a claim or an
    unknown id)."""
    if ident is None or ident in graph.claims:
        return None
    rel = graph.relations.get(ident)
    return rel.target if rel is not None else None
