"""The aggregations of :mod:`.registry`, implemented once each for the engine.

An :class:`~.registry.Aggregation` names how the weighted strengths ``x`` of a claim's
attackers (or supporters) combine; a :class:`Reducer` is how the engine computes it,
whatever the semantics:

- ``product`` (the probabilistic sum ``1 - prod(1 - x)``) accumulates the product of the
  complements ``1 - x`` (so one edge's term is a multiplication, and the running value
  needs no subtraction until the claim is finished);
- ``sum`` accumulates ``x``;
- ``mean`` is the sum of ``x / k`` where ``k`` is the number of relations of that type
  into the claim: each edge's weight is scaled by ``1/k`` once (:func:`edge_scale`), and
  from then on a mean is a sum everywhere, derivatives included.

>>> r = reducer(PROBABILISTIC_SUM)
>>> r.value(np.array([r.identity, 0.25])).tolist()   # nothing, and two terms of 0.5
[0.0, 0.75]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..framework import BoolArray, FloatArray, IntArray
from .registry import MEAN, PROBABILISTIC_SUM, SUM, Aggregation

__all__ = ["Reducer", "edge_scale", "reducer"]


@dataclass(frozen=True)
class Reducer:
    """How the engine accumulates one :class:`~.registry.Aggregation`.

    ``identity``: the accumulator of no terms. ``multiplicative``: terms are ``1 - x``
    and multiply; otherwise terms are ``x`` and add. ``scaled``: each edge's weight is
    divided by the number of relations of its type into its target (the mean).
    """

    identity: float
    multiplicative: bool
    scaled: bool = False

    def terms(self, x: FloatArray) -> FloatArray:
        """The accumulated terms of weighted strengths ``x``."""
        return 1.0 - x if self.multiplicative else x

    def value(self, acc: FloatArray) -> FloatArray:
        """The aggregates (``va`` or ``vs``) of accumulators ``acc``."""
        return 1.0 - acc if self.multiplicative else acc

    def reduceat(self, x: FloatArray, starts: IntArray) -> FloatArray:
        """The aggregate of each run of ``x`` along the last axis (runs begin at ``starts``)."""
        if self.multiplicative:
            out: FloatArray = 1.0 - np.multiply.reduceat(1.0 - x, starts, axis=-1)
            return out
        summed: FloatArray = np.add.reduceat(x, starts, axis=-1)
        return summed

    def accumulate(self, acc: FloatArray, slots: IntArray, x: FloatArray) -> None:
        """Fold the weighted strengths ``x`` into ``acc`` at ``slots`` (repeats allowed)."""
        if self.multiplicative:
            np.multiply.at(acc, slots, 1.0 - x)
        else:
            np.add.at(acc, slots, x)


_REDUCERS = {
    "product": Reducer(1.0, True),
    "sum": Reducer(0.0, False),
    "mean": Reducer(0.0, False, scaled=True),
}
assert {a.kind for a in (PROBABILISTIC_SUM, SUM, MEAN)} == set(_REDUCERS)


def reducer(aggregation: Aggregation) -> Reducer:
    """The engine's reducer of an aggregation."""
    return _REDUCERS[aggregation.kind]


def edge_scale(n: int, tgt: IntArray, sup: BoolArray) -> FloatArray:
    """``1/k`` per edge, ``k`` the number of edges of its type into its target (the mean)."""
    slot = tgt * 2 + sup
    count = np.bincount(slot, minlength=2 * n)
    out: FloatArray = 1.0 / count[slot]
    return out
