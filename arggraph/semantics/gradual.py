"""Gradual semantics: every claim's final strength in [0, 1], computed on arrays.

For claim ``a`` with base score ``w``, let ``A`` be its attackers' strengths and ``S``
its supporters' strengths, each multiplied by the weight of its relation (with every
weight 1 these are the papers' formulas exactly). Each semantics aggregates ``A`` into
``va`` and ``S`` into ``vs`` and gives the strength from ``w``, ``va`` and ``vs`` (its
entry in :data:`~.registry.GRADUAL` says how, with its paper):

- ``dfquad`` (Rago et al. 2016), the default: ``va``, ``vs`` are probabilistic sums
  ``1 - prod(1 - v)`` (0 for none); strength ``w - w*(va - vs)`` if ``va >= vs``, else
  ``w + (1 - w)*(vs - va)``.
- ``qe``, quadratic energy (Potyka 2018): sums; ``E = vs - va``,
  ``h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)``; strength ``w - w*h(-E) + (1 - w)*h(E)``.
- ``euler``, Euler-based (Amgoud and Ben-Naim 2018): sums; strength
  ``1 - (1 - w**2) / (1 + w*exp(vs - va))`` (``vs - va`` is capped at 700, where the
  strength is 1 to double precision, so that ``exp`` cannot overflow).
- ``hcat``, weighted h-categorizer (Amgoud et al. 2017; attacks only): strength
  ``w / (1 + va)``. A support of weight 0 is no relation; any other support is a
  :class:`~arggraph.errors.SemanticsError`.

Acyclic parts are computed exactly in one topological sweep; cyclic parts are iterated
to a fixed point, one strongly connected component at a time (the engine's module,
``arggraph.semantics._engine``, says how and why).

>>> fw = Framework.from_edges(["a", "b", "c"], [0.5, 0.5, 0.8],
...                           attacks=[("a", "c", 1.0)], supports=[("b", "c", 0.5)])
>>> strengths(fw, "dfquad").round(4).tolist()
[0.5, 0.5, 0.6]
>>> round(score(fw, "qe")["c"], 4)
0.7529
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from ..framework import FloatArray, Framework
from ._engine import (
    DAMPING_RESTARTS,
    MAX_ROUNDS,
    PATIENCE,
    TOLERANCE,
    compute,
    framework_of,
    prepare,
)
from .registry import GradualName

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "DAMPING_RESTARTS",
    "MAX_ROUNDS",
    "PATIENCE",
    "SEMANTICS",
    "TOLERANCE",
    "score",
    "strengths",
]

#: The names of the built-in gradual semantics, the default first. The table itself,
#: which a plug-in may extend, is :data:`arggraph.semantics.registry.GRADUAL`.
SEMANTICS: tuple[str, ...] = get_args(GradualName)


def strengths(
    fw: Framework,
    semantics: str = "dfquad",
    *,
    tol: float = TOLERANCE,
    max_rounds: int = MAX_ROUNDS,
) -> FloatArray:
    """Every claim's final strength under a gradual semantics, aligned with ``fw.ids``.

    Returns a float64 array of shape ``(fw.n,)``, each value in [0, 1]. ``tol`` is the
    fixed-point tolerance on cycles (the largest step a claim may still make, in units of
    strength); ``max_rounds`` bounds the rounds per cyclic component.

    Raises :class:`~arggraph.errors.SemanticsError` for an unknown semantics, a base or
    weight outside [0, 1] or a support under h-categorizer, and its subclass
    :class:`~arggraph.errors.ConvergenceError` (naming the claims still moving) when a
    cycle does not settle.

    >>> fw = Framework.from_edges(["a", "b"], [1.0, 1.0], attacks=[("a", "b"), ("b", "a")])
    >>> strengths(fw, "hcat").round(6).tolist()   # the golden ratio's inverse, twice
    [0.618034, 0.618034]
    """
    lay, rule, w = prepare(fw, semantics)
    return compute(lay, rule, lay.node_base(fw), w, tol=tol, max_rounds=max_rounds)[: fw.n]


def score(
    graph: Graph | Framework, semantics: str = "dfquad", scores: ScoreSheet | None = None
) -> dict[str, float]:
    """Each claim's final strength, by claim id, in the graph's order.

    ``graph`` is a loaded :class:`~arggraph.graph.Graph` or a
    :class:`~arggraph.framework.Framework`; ``scores`` (a score sheet) overrides base
    scores and relation weights first. Returns ``{claim id: strength in [0, 1]}``. Raises
    as :func:`strengths` does, and :class:`~arggraph.errors.UnknownIdError` when the sheet
    names a claim or relation the graph lacks.

    >>> fw = Framework.from_edges(["p", "q"], [0.6, 0.5], attacks=[("q", "p")])
    >>> score(fw)
    {'p': 0.3, 'q': 0.5}
    """
    fw = framework_of(graph, scores)
    return dict(zip(fw.ids, strengths(fw, semantics).tolist(), strict=True))
