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
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from ..illocutions import commits
from .context import Checker, Context, bounds, quote_id, show_claim
from .finding import Finding

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
    for cid, claim in ctx.graph.claims.items():
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


def conflicts(ctx: Context) -> Iterator[Finding]:
    """R001 (attack between claims an actor endorses at once), R003 (two positions at
    once) and R002 (either, at dates surely apart)."""
    g = ctx.graph
    endorsed = _endorsements(ctx)
    positions = ctx.position_ids
    # (actor, claim a, claim b) -> the attack relations between a and b (a < b by id)
    pairs: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for rel in g.relations.values():
        if rel.type != "attack" or rel.weight <= 0 or rel.source == rel.target:
            continue
        if rel.source in positions and rel.target in positions:
            continue  # two positions: below
        src, tgt = endorsed.get(rel.source), endorsed.get(rel.target)
        if not src or not tgt:
            continue
        for actor in src.keys() & tgt.keys():
            a, b = sorted((rel.source, rel.target))
            pairs[(actor, a, b)].append(rel.id)
    for (actor, a, b), rel_ids in pairs.items():
        yield from _judge(ctx, actor, a, b, endorsed, rel_ids)
    by_actor: dict[str, list[str]] = defaultdict(list)
    for claim in g.positions:
        for actor in endorsed.get(claim.id, {}):
            by_actor[actor].append(claim.id)
    for actor, held in by_actor.items():
        for p, q in combinations(held, 2):
            yield from _judge(ctx, actor, p, q, endorsed, [])


def _link(ctx: Context, first: str, second: str, rel_ids: list[str]) -> str:
    """How the later claim of a pair stands to the earlier one, for messages."""
    if not rel_ids:
        return ""
    directions = {(ctx.graph.relations[r].source, ctx.graph.relations[r].target) for r in rel_ids}
    if len(directions) > 1:
        return ", and they attack each other"
    return ", which attacks it" if (second, first) in directions else ", which it attacks"


def _judge(
    ctx: Context,
    actor: str,
    a: str,
    b: str,
    endorsed: dict[str, dict[str, list[Endorsement]]],
    rel_ids: list[str],
) -> Iterator[Finding]:
    g = ctx.graph
    ea, eb = endorsed[a][actor], endorsed[b][actor]
    ca, cb = g.claims[a], g.claims[b]
    who = quote_id(actor)
    what = "claims" if rel_ids else "positions"
    pair = _concurrent(ea, eb)
    if pair is not None:
        if rel_ids:
            rel = g.relations[rel_ids[0]]
            conflict = (
                "they attack each other"
                if _link(ctx, a, b, rel_ids).endswith("each other")
                else f"{quote_id(rel.source)} attacks {quote_id(rel.target)}"
            )
        else:
            conflict = "they are alternative answers to the question"
        message = (
            f"actor {who} endorses the {what} {show_claim(ca)} and {show_claim(cb)} "
            f"at the same time ({_same_time(*pair)}), but {conflict}"
        )
        yield ctx.finding(
            "R001" if rel_ids else "R003", message, (actor, a, b, *rel_ids), pair[1].path
        )
        return
    order = _order(ea, eb)
    kind = "view" if rel_ids else "sides"
    if order == 0:
        message = (
            f"actor {who} changed {kind} back and forth: endorsed the {what} "
            f"{show_claim(ca)} on {_dates(ea)} and {show_claim(cb)} on {_dates(eb)}"
            f"{_link(ctx, a, b, rel_ids).replace('which', 'the latter')}"
        )
        yield ctx.finding("R002", message, (actor, a, b, *rel_ids), eb[0].path)
        return
    (first, e1), (second, e2) = ((ca, ea), (cb, eb)) if order < 0 else ((cb, eb), (ca, ea))
    noun = "" if rel_ids else "position "
    message = (
        f"actor {who} changed {kind}: on {_dates(e1)} endorsed {noun}"
        f"{show_claim(first)}, on {_dates(e2)} {noun}{show_claim(second)}"
        f"{_link(ctx, first.id, second.id, rel_ids)}"
    )
    yield ctx.finding("R002", message, (actor, first.id, second.id, *rel_ids), e2[0].path)


def failed_rebuttals(ctx: Context) -> Iterator[Finding]:
    """R004: claims attacked, but by no claim of the grounded extension.

    A claim attacked by a member of the grounded extension is out; every other attacked
    claim (in, or undecided) is reported, with each attacker labelled defeated (out) or
    undecided. Self-attacks are S003's and are left out.
    """
    import numpy as np

    from ..semantics.dung import grounded

    g = ctx.graph
    fw = g.framework
    keep = (fw.att_w > 0) & (fw.att_src != fw.att_tgt)
    src, tgt = fw.att_src[keep], fw.att_tgt[keep]
    if not len(src):
        return
    n = fw.n
    inside = np.zeros(n, dtype=bool)
    inside[[fw.index[c] for c in grounded(g)]] = True
    out = np.zeros(n, dtype=bool)
    out[tgt[inside[src]]] = True
    attacked = np.zeros(n, dtype=bool)
    attacked[tgt] = True
    report = attacked & ~out
    if not report.any():
        return
    chosen = report[tgt]
    attackers: dict[int, list[int]] = defaultdict(list)
    for s, t in zip(src[chosen].tolist(), tgt[chosen].tolist(), strict=True):
        attackers[t].append(s)
    for t, sources in attackers.items():
        claim = g.claims[fw.ids[t]]
        names = [
            f"{quote_id(fw.ids[s])} ({'defeated' if out[s] else 'undecided'})" for s in sources[:5]
        ]
        if len(sources) > 5:
            names.append(f"and {len(sources) - 5} more")
        state = "it stands" if inside[t] else "it stays undecided"
        yield ctx.finding(
            "R004",
            f"every attack on {show_claim(claim)} comes from outside the grounded "
            f"extension, so {state}: " + ", ".join(names),
            (claim.id, *(fw.ids[s] for s in sources)),
            ctx.claim_path[claim.id],
        )


CHECKERS = [
    Checker(frozenset({"R001", "R002", "R003"}), conflicts),
    Checker(frozenset({"R004"}), failed_rebuttals),
]
