"""A panel of scorers: one consensus sheet from several, the median of their values.

When several people score the same graph, the report gives each scorer's verdict and one
line for the panel as a whole: the verdict under the panel's *median* scores. Each claim's
base score and each relation's weight is the median of the scorers' values, where a value
a scorer left out counts as the graph's own (so a scorer who did not touch a claim agrees
with the graph about it). The median, not the mean, so that one scorer far from the others
cannot move the panel alone.

This module is self-contained on purpose: it is the one place the report forms a panel, so
it can later defer to a shared panel module without touching the rest of the report.

>>> from arggraph.io import loads
>>> from arggraph.model import ClaimScore, ScoreSheet
>>> g = loads('{"id": "g", "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}')
>>> sheets = [ScoreSheet(graph="g", scores={"a": ClaimScore(base=b)}) for b in (0.1, 0.2, 0.9)]
>>> med = median_sheet(g, sheets)
>>> med.scorer, med.scores["a"].base, "b" in med.scores
('median of 3 sheets', 0.2, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import TYPE_CHECKING

from ..model import ClaimScore, ScoreSheet, WeightScore

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["median_sheet"]


def median_sheet(graph: Graph, sheets: Sequence[ScoreSheet]) -> ScoreSheet:
    """The panel's consensus: a sheet of the median of ``sheets``' values.

    For every claim (relation) that at least one sheet scores (weighs), the median over all
    the sheets of each one's base score (weight), a sheet that leaves it out counting with
    the graph's own value; items no sheet names are left out, so they keep the graph's.
    With an even number of sheets the median is the mean of the middle two. Raises
    :class:`ValueError` for no sheets.
    """
    if not sheets:
        raise ValueError("a panel needs at least one score sheet")
    claims = dict.fromkeys(cid for s in sheets for cid in s.scores)
    relations = dict.fromkeys(rid for s in sheets for rid in s.weights)
    scores = {
        cid: ClaimScore(
            base=median(
                s.scores[cid].base if cid in s.scores else graph.claims[cid].base for s in sheets
            )
        )
        for cid in claims
    }
    weights = {
        rid: WeightScore(
            weight=median(
                s.weights[rid].weight if rid in s.weights else graph.relations[rid].weight
                for s in sheets
            )
        )
        for rid in relations
    }
    return ScoreSheet(
        graph=graph.id,
        scorer=f"median of {len(sheets)} sheet{'s' if len(sheets) != 1 else ''}",
        scores=scores,
        weights=weights,
    )
