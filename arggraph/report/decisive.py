"""The claims that decide the verdict, and the base score at which each would flip it.

A claim's *share* of the verdict is how much of the margin it accounts for: its
contribution by removal (:func:`~arggraph.semantics.explain.explain`) to the leading
position minus its contribution to the runner-up. Positive, it widens the lead; negative,
it narrows it. Its *flip point* (:func:`~arggraph.semantics.verdict.flip_points`) is the
base score nearest its own at which the leader would change, everything else held; a claim
with none cannot change the verdict by its own score anywhere in [0, 1].

The positions themselves are kept apart (:attr:`Deciding.positions`): their own base
scores bear on the verdict directly, and a reader is told so separately.

On a graph of more than :data:`FLIP_ALL` claims, flip points are searched only for the
claims that weigh most on the two leading positions (each search probes the engine dozens
of times), and shares only for the strongest contributors the removal bounds let through.

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["go", "stay", "cost", "view"], [0.5, 0.5, 0.9, 0.5],
...                           attacks=[("cost", "stay")], supports=[("view", "stay")])
>>> d = deciding(fw, "dfquad", ["go", "stay"])
>>> [(x.claim, round(x.share, 3), round(x.flip, 3)) for x in d.claims]
[('cost', 0.45, 0.5), ('view', -0.25, 0.9)]
>>> [(x.claim, None if x.flip is None else round(x.flip, 3)) for x in d.positions]
[('go', 0.3), ('stay', 0.833)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..framework import Framework
from ..semantics.explain import explain
from ..semantics.verdict import TIE, flip_points, verdict

__all__ = ["FLIP_ALL", "LISTED", "Decider", "Deciding", "deciding"]

#: How many claims the report lists as deciding the verdict.
LISTED = 6
#: Up to this many claims, every claim's flip point and share is computed exactly.
FLIP_ALL = 400
#: Above it, flip points of this many top contributors to each of the two leaders.
_CANDIDATES = 12


@dataclass(frozen=True)
class Decider:
    """One claim's weight on the verdict.

    ``base`` is its base score now (0..1); ``share`` its share of the margin (strength
    units: its removal's effect on the leader minus on the runner-up); ``flip`` the base
    score at which the leader would change, or ``None`` when none in [0, 1] does.
    """

    claim: str
    base: float
    share: float
    flip: float | None


@dataclass(frozen=True)
class Deciding:
    """What decides a verdict: the claims that weigh most on it (``claims``, largest share
    first), the one whose base need move least to flip it (``nearest``, also when it is
    not among them), and the positions' own flip points (``positions``)."""

    claims: tuple[Decider, ...] = ()
    nearest: Decider | None = None
    positions: tuple[Decider, ...] = ()


def deciding(fw: Framework, semantics: str, positions: Sequence[str]) -> Deciding:
    """The claims that decide the verdict between ``positions`` in ``fw`` (scores applied).

    Returns an empty :class:`Deciding` when there are fewer than two positions or they
    are tied (then any change decides, and no claim can be singled out). Raises what
    :func:`~arggraph.semantics.verdict.verdict` raises.
    """
    names = list(positions)
    if len(names) < 2:
        return Deciding()
    v = verdict(fw, semantics, positions=names)
    if v.leader is None or v.runner_up is None or v.margin <= TIE:
        return Deciding()
    leader, runner = v.leader, v.runner_up
    top = None if fw.n <= FLIP_ALL else _CANDIDATES
    on_lead = explain(fw, leader, semantics, top=top).contributions
    on_rival = explain(fw, runner, semantics, top=top).contributions
    share: dict[str, float] = {}
    for c in on_lead:
        if c.removal is not None:
            share[c.claim] = c.removal
    for c in on_rival:
        if c.removal is not None:
            share[c.claim] = share.get(c.claim, 0.0) - c.removal
    others = [cid for cid in share if cid not in names and abs(share[cid]) > TIE]
    ranked = sorted(others, key=lambda cid: (-abs(share[cid]), cid))
    candidates = None if fw.n <= FLIP_ALL else list(dict.fromkeys([*ranked, *names]))
    flips = flip_points(fw, semantics, positions=names, claims=candidates)

    def decider(cid: str) -> Decider:
        return Decider(cid, float(fw.base[fw.index_of(cid)]), share.get(cid, 0.0), flips.get(cid))

    near = sorted(
        (abs(x - float(fw.base[fw.index_of(cid)])), cid)
        for cid, x in flips.items()
        if x is not None and cid not in names
    )
    return Deciding(
        claims=tuple(decider(cid) for cid in ranked[:LISTED]),
        nearest=decider(near[0][1]) if near else None,
        positions=tuple(decider(p) for p in names),
    )
