"""What a new version does to the verdict and to the claims' strengths.

:func:`effect` scores both versions of a graph under one gradual semantics (each with its
own base scores and weights, or with a score sheet) and compares them through the claims
paired by the diff: the verdict before and after, whether its leader changed, how many
claims' strengths moved, and the largest moves. :func:`carry_sheet` gives one sheet's
version for each side, carried across by the id map the diff derives.

>>> from arggraph.diff import diff_graphs
>>> from arggraph.io import loads
>>> old = loads('{"claims": [{"id": "go", "text": "Go", "kind": "position"},'
...             ' {"id": "stay", "text": "Stay", "kind": "position"},'
...             ' {"id": "cost", "text": "It costs", "base": 0.8}],'
...             ' "relations": [{"type": "attack", "source": "cost", "target": "go"}]}')
>>> new = loads('{"claims": [{"id": "go", "text": "Go", "kind": "position"},'
...             ' {"id": "stay", "text": "Stay", "kind": "position"},'
...             ' {"id": "price", "text": "It costs", "base": 0.8}],'
...             ' "relations": [{"type": "attack", "source": "price", "target": "stay"}]}')
>>> e = effect(diff_graphs(old, new))
>>> e.before.leader, e.after.leader, e.flipped
('stay', 'go', True)
>>> [(c.old, c.new, round(c.delta, 2)) for c in e.largest]
[('go', 'go', 0.4), ('stay', 'stay', -0.4)]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..semantics.gradual import strengths
from ..semantics.verdict import TIE, Verdict, verdict

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet
    from ..renames import IdMap, Migration
    from .result import GraphDiff

__all__ = ["Effect", "StrengthChange", "carry_sheet", "effect", "graph_sha256"]


@dataclass(frozen=True)
class StrengthChange:
    """One claim's strength in the old version (``before``, as ``old``) and in the new
    (``after``, as ``new``), each in [0, 1]."""

    old: str
    new: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        """``after - before``, in strength units."""
        return self.after - self.before


@dataclass(frozen=True)
class Effect:
    """The verdict and the strengths under one semantics, before and after.

    ``scores`` names where the base scores and weights came from (``None``: each
    version's own); ``before`` and ``after`` are the verdicts (``None`` for a version with
    no positions); ``moved`` counts the claims present in both whose strength moved by
    more than 1e-9; ``largest`` holds the largest moves, largest first.
    """

    semantics: str
    scores: str | None
    before: Verdict | None
    after: Verdict | None
    moved: int
    largest: tuple[StrengthChange, ...]
    leader_before: str | None = None

    @property
    def flipped(self) -> bool:
        """Whether the leader changed (a tie has no leader): the old leader, as renamed,
        is not the new one."""
        if self.before is None or self.after is None:
            return False
        return self.leader_before != self.after.leader


def effect(
    diff: GraphDiff,
    semantics: str = "dfquad",
    *,
    old_scores: ScoreSheet | None = None,
    new_scores: ScoreSheet | None = None,
    scores: str | None = None,
    top: int = 10,
) -> Effect:
    """Score both versions of ``diff`` under ``semantics`` (each with its sheet, when
    given) and compare them: returns an :class:`Effect` whose ``largest`` holds up to
    ``top`` claims present in both, by the size of their move; ``scores`` only labels
    the sheet.

    Raises :class:`~arggraph.errors.SemanticsError` when a version does not fit the
    semantics (or a cycle does not settle), and
    :class:`~arggraph.errors.UnknownIdError` when a sheet names an id its version lacks.
    """
    old, new = diff.old, diff.new
    before_fw = old.framework.with_scores(old_scores)
    after_fw = new.framework.with_scores(new_scores)
    s_before = strengths(before_fw, semantics)
    s_after = strengths(after_fw, semantics)
    pairs = [m for m in diff.claims.matches]
    i = np.array([before_fw.index[m.old] for m in pairs], dtype=np.int64)
    j = np.array([after_fw.index[m.new] for m in pairs], dtype=np.int64)
    a, b = s_before[i], s_after[j]
    delta = b - a
    moved = int(np.count_nonzero(np.abs(delta) > TIE))
    order = np.argsort(-np.abs(delta), kind="stable")[: max(top, 0)]
    largest = tuple(
        StrengthChange(pairs[k].old, pairs[k].new, float(a[k]), float(b[k]))
        for k in order.tolist()
        if abs(float(delta[k])) > TIE
    )
    v_before = verdict(before_fw, semantics, positions=_positions(old)) if old.positions else None
    v_after = verdict(after_fw, semantics, positions=_positions(new)) if new.positions else None
    lead = None
    if v_before is not None and v_before.leader is not None:
        lead = diff.claims.mapping.get(v_before.leader, f"{v_before.leader} (removed)")
    return Effect(semantics, scores, v_before, v_after, moved, largest, lead)


def _positions(graph: Graph) -> list[str]:
    return [c.id for c in graph.positions]


def graph_sha256(graph: Graph) -> str:
    """The SHA-256 of the file ``graph`` was loaded from (hex), or of its model's JSON
    text when it was built in memory."""
    if graph.stamp is not None:
        return graph.stamp.sha256
    from ..io import dump_graph

    return hashlib.sha256(dump_graph(graph.model).encode("utf-8")).hexdigest()


def carry_sheet(diff: GraphDiff, sheet: ScoreSheet) -> tuple[ScoreSheet, ScoreSheet, Migration]:
    """The sheet for each version: ``(for old, for new, what moved)``.

    A sheet that records the new version's file (``graph_sha256``) is the new version's:
    it applies to the new version as it is and to the old through the diff's id map run
    backwards. Any other sheet is taken as the old version's: it applies to the old one
    as it is, and to the new one through the diff's id map (:meth:`GraphDiff.id_map`),
    every id mapped (renamed, or dropped when its claim or relation was removed).
    """
    from ..renames import migrate

    old_sha, new_sha = graph_sha256(diff.old), graph_sha256(diff.new)
    if sheet.graph_sha256 == new_sha and new_sha != old_sha:
        back = _backwards(diff, new_sha)
        known = set(diff.old.claims) | set(diff.old.relations)
        mine, moved = migrate(sheet, back, current_sha256=None, known=known)
        return mine, sheet, moved
    forward = diff.id_map(from_sha256=[old_sha], to_sha256=new_sha)
    known = set(diff.new.claims) | set(diff.new.relations)
    pinned = sheet.model_copy(update={"graph_sha256": old_sha})
    theirs, moved = migrate(pinned, forward, current_sha256=None, known=known)
    theirs = theirs.model_copy(update={"graph_sha256": sheet.graph_sha256})
    return sheet, theirs, moved


def _backwards(diff: GraphDiff, new_sha: str) -> IdMap:
    from ..renames import IdMap

    renamed = {m.new: m.old for s in (diff.claims, diff.relations) for m in s.renamed}
    removed = sorted({*diff.claims.added, *diff.relations.added})
    return IdMap(graph=diff.old.id, from_sha256=[new_sha], renamed=renamed, removed=removed)
