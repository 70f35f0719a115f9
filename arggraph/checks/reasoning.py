"""Reasoning rules (``R``): do the actors' stances and the attacks add up?

An actor *endorses* a claim when one of the claim's attributions names them and commits
them to it: one with no illocution, or with one that :mod:`arggraph.illocutions` lists
as committing (asserting, agreeing...; not a speaker who only asked or challenged). Two
endorsed claims conflict when one attacks the other (with a weight above 0) or when both
are positions (alternative answers to the question). A conflict is a contradiction when
the two endorsements may be of the same day (R001, R003: errors) and a change of view
when every date of one is surely before every date of the other (R002: info). Dates are
periods (``2023-03`` is any day of March): two are *at the same time* unless one surely
precedes the other, and an undated endorsement may be at any time.

R004 reads the graph as a Dung framework (attacks only) and notes the claims whose every
attacker is outside the grounded extension.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations, islice, product
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ..illocutions import commits
from .context import Checker, Context, bounds, quote_id, show_claim, show_premises
from .finding import Finding
from .registry import RULES

if TYPE_CHECKING:
    from ..model import Relation

__all__ = ["CHECKERS", "Endorsement", "surely_before"]


@dataclass(frozen=True)
class Endorsement:
    """An actor's attribution of a claim: when (``None``: undated) and where in the file."""

    date: str | None
    path: str


def surely_before(a: str | None, b: str | None) -> bool:
    """Whether date ``a`` is surely before date ``b`` (every day of ``a`` precedes every
    day of ``b``); never when either is unknown.

    >>> surely_before("2023-01", "2023-03-06"), surely_before("2023-03", "2023-03-06")
    (True, False)
    """
    return a is not None and b is not None and bounds(a)[1] < bounds(b)[0]


def _endorsements(ctx: Context) -> dict[str, dict[str, list[Endorsement]]]:
    """Claim id -> actor id -> that actor's endorsements of the claim (the attributions
    whose illocution commits the actor)."""
    out: dict[str, dict[str, list[Endorsement]]] = {}
    if ctx.graph.columns is not None:
        return out  # a plain graph has no attribution
    for cid, claim in ctx.graph.claims.items():
        if not claim.attributions:
            continue
        base = ctx.claim_path[cid]
        by_actor: dict[str, list[Endorsement]] = defaultdict(list)
        for j, att in enumerate(claim.attributions):
            if commits(att.illocution):
                by_actor[att.actor].append(
                    Endorsement(ctx.date_of(att), f"{base}.attributions[{j}]")
                )
        if by_actor:
            out[cid] = by_actor
    return out


def _dates(items: list[Endorsement]) -> str:
    known = sorted({e.date for e in items if e.date is not None}, key=bounds)
    text = ", ".join(known)
    if any(e.date is None for e in items):
        text = f"{text} and undated" if text else "undated"
    return text


def _concurrent(
    xs: list[Endorsement], ys: list[Endorsement]
) -> tuple[Endorsement, Endorsement] | None:
    """A pair of endorsements that may be of the same day, if there is one."""
    for x in xs:
        for y in ys:
            if not surely_before(x.date, y.date) and not surely_before(y.date, x.date):
                return x, y
    return None


def _same_time(x: Endorsement, y: Endorsement) -> str:
    if x.date is None or y.date is None:
        return "one of them undated, so possibly at the same time"
    if x.date == y.date:
        return f"both on {x.date}"
    return f"on {x.date} and {y.date}, possibly the same day"


def _order(xs: list[Endorsement], ys: list[Endorsement]) -> int:
    """-1 when every date of ``xs`` precedes every date of ``ys``, 1 the other way, 0
    when they interleave (a view left and taken up again)."""
    if all(surely_before(x.date, y.date) for x in xs for y in ys):
        return -1
    if all(surely_before(y.date, x.date) for x in xs for y in ys):
        return 1
    return 0


class _Side(NamedTuple):
    """One side of a conflict: a claim, or the linked premises of an attack held
    together; how messages show it; and the actor's endorsements of it."""

    ids: tuple[str, ...]
    shown: str
    endorsements: list[Endorsement]


#: How many combinations of endorsements of linked premises are intersected at most.
_COMBINATIONS = 1000


def _together(groups: list[list[Endorsement]]) -> list[Endorsement]:
    """When an actor may endorse every one of some claims at once: one entry per way of
    picking an endorsement of each whose dates can share a day, dated with the days they
    share (undated when all are), placed at the last pick.

    >>> e = lambda d: Endorsement(d, "x")
    >>> [x.date for x in _together([[e("2023-03")], [e("2023-03-10"), e("2023-05")]])]
    ['2023-03-10']
    >>> [x.date for x in _together([[e("2023-03")], [e(None)]])]
    ['2023-03']
    """
    out: list[Endorsement] = []
    for combo in islice(product(*groups), _COMBINATIONS):
        dated = [e.date for e in combo if e.date is not None]
        if not dated:
            out.append(Endorsement(None, combo[-1].path))
            continue
        first = max(bounds(d)[0] for d in dated)
        last = min(bounds(d)[1] for d in dated)
        if first > last:
            continue
        exact = [d for d in dated if bounds(d) == (first, last)]
        when = exact[0] if exact else f"{first.isoformat()}/{last.isoformat()}"
        if first == last and not exact:
            when = first.isoformat()
        out.append(Endorsement(when, combo[-1].path))
    return out


def conflicts(ctx: Context) -> Iterator[Finding]:
    """R001 (attack between claims an actor endorses at once), R003 (two positions at
    once) and R002 (either, at dates surely apart).

    Linked premises of an attack count together: an actor who endorses every premise
    and the target conflicts with themselves when they may endorse all of them on one
    day. Attacks aimed at a relation (undercuts) are left out: they join no two claims.
    """
    g = ctx.graph
    endorsed = _endorsements(ctx)
    if not endorsed:
        return
    positions = ctx.position_ids
    # (actor, claim a, claim b) -> the attack relations between a and b (a < b by id)
    pairs: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    # (actor, premises, target) -> the linked attacks from those premises on the target
    linked: dict[tuple[str, tuple[str, ...], str], list[str]] = defaultdict(list)
    for rel in _endorsed_attacks(ctx, endorsed):
        if rel.weight <= 0 or not g.is_usable(rel):
            continue
        premises = rel.premises
        if rel.target not in g.claims or rel.target in premises:
            continue
        if {*premises, rel.target} <= positions:
            continue  # positions only: below
        tgt = endorsed.get(rel.target)
        holds = [endorsed.get(p) or {} for p in premises]
        if not tgt or not all(holds):
            continue
        actors = [a for a in tgt if all(a in held for held in holds)]
        for actor in actors:
            if rel.source is not None:
                a, b = sorted((rel.source, rel.target))
                pairs[(actor, a, b)].append(rel.id)
            else:
                linked[(actor, tuple(premises), rel.target)].append(rel.id)
    for (actor, a, b), rel_ids in pairs.items():
        yield from _judge(
            ctx,
            actor,
            _claim_side(ctx, a, actor, endorsed),
            _claim_side(ctx, b, actor, endorsed),
            rel_ids,
        )
    for (actor, group, target), rel_ids in linked.items():
        together = _together([endorsed[p][actor] for p in group])
        if not together:
            continue  # never held at once: no conflict through this argument
        side = _Side(group, show_premises(group), together)
        yield from _judge(ctx, actor, side, _claim_side(ctx, target, actor, endorsed), rel_ids)
    by_actor: dict[str, list[str]] = defaultdict(list)
    for claim in g.positions:
        for actor in endorsed.get(claim.id, {}):
            by_actor[actor].append(claim.id)
    for actor, both in by_actor.items():
        for p, q in combinations(both, 2):
            yield from _judge(
                ctx,
                actor,
                _claim_side(ctx, p, actor, endorsed),
                _claim_side(ctx, q, actor, endorsed),
                [],
            )


def _endorsed_attacks(
    ctx: Context, endorsed: dict[str, dict[str, list[Endorsement]]]
) -> list[Relation]:
    """The attacks aimed at a claim whose target and premises someone endorses, in file
    order: found on the framework's arrays, so a large graph with few endorsements
    costs little."""
    if not endorsed:
        return []
    g = ctx.graph
    fw = g.framework
    n = fw.n
    held = np.zeros(n, dtype=bool)
    held[[fw.index[c] for c in endorsed]] = True
    src, tgt, rids = fw.att_src, fw.att_tgt, fw.att_ids
    aimed = tgt < n
    pick = np.flatnonzero(aimed & held[src] & held[np.where(aimed, tgt, 0)])
    chosen = {rids[j] for j in pick.tolist()}
    if fw.k:
        counts = np.diff(fw.inf_ptr)
        owner = np.repeat(np.arange(fw.k, dtype=np.int64), counts)
        missing = np.bincount(owner[~held[fw.inf_prem]], minlength=fw.k)
        tgt_ok = fw.inf_tgt < n
        ok = tgt_ok & ~fw.inf_sup & (missing == 0) & held[np.where(tgt_ok, fw.inf_tgt, 0)]
        chosen.update(fw.inf_rel[i] for i in np.flatnonzero(ok).tolist())
    position = ctx.relation_path.positions
    return [g.relations[r] for r in sorted(chosen, key=position.__getitem__)]


def _claim_side(
    ctx: Context, claim: str, actor: str, endorsed: dict[str, dict[str, list[Endorsement]]]
) -> _Side:
    return _Side((claim,), show_claim(ctx.graph.claims[claim]), endorsed[claim][actor])


def _link(
    ctx: Context, first: _Side, second: _Side, rel_ids: list[str], latter: bool = False
) -> str:
    """How the later side of a pair stands to the earlier one, for messages (with
    ``latter``, naming the later side "the latter")."""
    if not rel_ids:
        return ""
    rels = [ctx.graph.relations[r] for r in rel_ids]
    directions = {(tuple(r.premises), r.target) for r in rels}
    if len(directions) > 1:
        return ", and they attack each other"
    which = "the latter" if latter else "which"
    if (second.ids, first.ids[0]) in directions:  # the later side attacks the earlier
        return f", {which} together attack it" if len(second.ids) > 1 else f", {which} attacks it"
    if len(first.ids) > 1:
        return ", which the former attack together" if latter else ", which they together attack"
    return f", {which} it attacks"


def _judge(
    ctx: Context,
    actor: str,
    a: _Side,
    b: _Side,
    rel_ids: list[str],
) -> Iterator[Finding]:
    g = ctx.graph
    ea, eb = a.endorsements, b.endorsements
    who = quote_id(actor)
    what = "claims" if rel_ids else "positions"
    pair = _concurrent(ea, eb)
    ids = (actor, *a.ids, *b.ids, *rel_ids)
    if pair is not None:
        if rel_ids:
            rel = g.relations[rel_ids[0]]
            if _link(ctx, a, b, rel_ids).endswith("each other"):
                conflict = "they attack each other"
            elif rel.source is None:
                conflict = f"{show_premises(rel.premises)} together attack {quote_id(rel.target)}"
            else:
                conflict = f"{quote_id(rel.source)} attacks {quote_id(rel.target)}"
        else:
            conflict = "they are alternative answers to the question"
        message = (
            f"actor {who} endorses the {what} {a.shown} and {b.shown} "
            f"at the same time ({_same_time(*pair)}), but {conflict}"
        )
        yield ctx.finding("R001" if rel_ids else "R003", message, ids, pair[1].path)
        return
    order = _order(ea, eb)
    kind = "view" if rel_ids else "sides"
    if order == 0:
        message = (
            f"actor {who} changed {kind} back and forth: endorsed the {what} "
            f"{a.shown} on {_dates(ea)} and {b.shown} on {_dates(eb)}"
            f"{_link(ctx, a, b, rel_ids, latter=True)}"
        )
        yield ctx.finding("R002", message, ids, eb[0].path)
        return
    first, second = (a, b) if order < 0 else (b, a)
    noun = "" if rel_ids else "position "
    message = (
        f"actor {who} changed {kind}: on {_dates(first.endorsements)} endorsed {noun}"
        f"{first.shown}, on {_dates(second.endorsements)} {noun}{second.shown}"
        f"{_link(ctx, first, second, rel_ids)}"
    )
    ordered = (actor, *first.ids, *second.ids, *rel_ids)
    yield ctx.finding("R002", message, ordered, second.endorsements[0].path)


def failed_rebuttals(ctx: Context) -> Iterator[Finding]:
    """R004: claims attacked, but by no attack that stands in the grounded extension.

    A claim attacked by an attack that stands (its source in the grounded extension, or,
    with linked premises or undercutters, the attack's own argument in the flattened
    framework's: :func:`~arggraph.semantics.dung.flatten`) is out; every other attacked
    claim (in, or undecided) is reported, with each attack labelled defeated (out) or
    undecided and named by its premises. Self-attacks are S003's and are left out.
    """
    from ..semantics.dung import IN, OUT, flatten, grounded_codes

    g = ctx.graph
    fw = g.framework
    n = fw.n
    flat = flatten(fw)
    codes = grounded_codes(flat)
    names = flat.ids
    # An attack whose premises include its target attacks itself (S003's).
    selfish: set[str] = set()
    if fw.k:
        counts = np.diff(fw.inf_ptr)
        owner = np.repeat(np.arange(fw.k, dtype=np.int64), counts)
        hit = np.unique(owner[fw.inf_prem == fw.inf_tgt[owner]])
        selfish = {fw.inf_rel[i] for i in hit.tolist() if not fw.inf_sup[i]}
    keep = (flat.att_w > 0) & (flat.att_tgt < n) & (flat.att_src != flat.att_tgt)
    if fw.k:
        keep &= np.fromiter(
            (names[s] not in selfish for s in flat.att_src.tolist()), dtype=bool, count=len(keep)
        )
    src, tgt = flat.att_src[keep], flat.att_tgt[keep]
    if not len(src):
        return
    out = np.zeros(n, dtype=bool)
    out[tgt[codes[src] == IN]] = True
    attacked = np.zeros(n, dtype=bool)
    attacked[tgt] = True
    report = attacked & ~out
    if not report.any():
        return
    # Each reported claim's attacks, in the order of the file's relations: the attacks
    # sorted by target (stably), cut where the target changes.
    chosen = report[tgt]
    by_target = np.argsort(tgt[chosen], kind="stable")
    targets, starts = np.unique(tgt[chosen][by_target], return_index=True)
    attacks = src[chosen][by_target].tolist()
    ends = [*starts.tolist()[1:], len(attacks)]

    def premises(s: int) -> list[str]:
        return [names[s]] if s < n else list(g.relations[names[s]].premises)

    # A large graph may have tens of thousands of these findings: the loop reads lists,
    # and quotes ids without escaping when no id needs it.
    label = codes.tolist()
    plain = ctx.plain_ids
    quoted: Callable[[str], str] = (lambda p: f"'{p}'") if plain else quote_id

    def attack(s: int) -> str:
        """An attack as the message names it: its premises, and its label."""
        said = "defeated" if label[s] == OUT else "undecided"
        if s < n:  # (one premise, a claim: the usual case)
            return f"'{names[s]}' ({said})" if plain else f"{quote_id(names[s])} ({said})"
        return f"{' + '.join(map(quoted, premises(s)))} ({said})"

    severity, file, path_of = RULES["R004"].severity, ctx.file, ctx.claim_path
    # Claims in framework order, which is file order: the findings come sorted.
    for t, lo, hi in zip(targets.tolist(), starts.tolist(), ends, strict=True):
        sources = attacks[lo:hi]
        claim = ctx.claim(fw.ids[t])
        shown = [attack(s) for s in sources[:5]]
        if len(sources) > 5:
            shown.append(f"and {len(sources) - 5} more")
        state = "it stands" if label[t] == IN else "it stays undecided"
        if max(sources) < n:
            involved = dict.fromkeys([names[s] for s in sources])
        else:
            involved = dict.fromkeys(p for s in sources for p in premises(s))
        message = (
            f"every attack on {show_claim(claim)} comes from outside the grounded "
            f"extension, so {state}: " + ", ".join(shown)
        )
        ident = claim.id
        yield Finding("R004", severity, message, (ident, *involved), path_of[ident], file)


CHECKERS = [
    Checker(frozenset({"R001", "R002", "R003"}), conflicts),
    Checker(frozenset({"R004"}), failed_rebuttals, ordered=True),
]
