"""The graph as the engine sees it: claims by index, edges as parallel arrays.

A weighted quantitative bipolar argumentation framework (QBAF): ``n`` claims with base
scores, and two edge lists (attacks and supports), each three arrays ``src``, ``tgt``
(claim indices) and ``w`` (relation weights), plus the relation ids so score sheets can
override weights. Every semantics, check and view computes from this, never from
pydantic objects, so hot loops run over NumPy arrays.

>>> fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b")], supports=[("c", "b", 0.5)])
>>> fw.n, fw.att_src.tolist(), fw.sup_w.tolist()
(3, [0], [0.5])
>>> fw.with_base({"a": 0.9}).base.tolist()
[0.9, 0.5, 0.5]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .errors import InvalidValueError, UnknownIdError

if TYPE_CHECKING:
    from .model import ScoreSheet

__all__ = ["BoolArray", "Edge", "FloatArray", "Framework", "IntArray", "number"]

# The array types the engine's modules share.
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: An edge given by claim ids, with an optional weight (default 1).
Edge = tuple[str, str] | tuple[str, str, float]


def number(value: object, what: str) -> float:
    """``value`` as a float, or an :class:`~arggraph.errors.InvalidValueError` naming
    ``what`` (a ``ValueError`` too). Whether it is in range is the semantics' business.

    >>> number("0.5", "a base"), number(1, "a base")
    (0.5, 1.0)
    >>> number("lots", "the base of 'a'")
    Traceback (most recent call last):
    ...
    arggraph.errors.InvalidValueError: the base of 'a' must be a number, not 'lots'
    """
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidValueError(f"{what} must be a number, not {value!r}") from None


def _ints(values: Iterable[int]) -> IntArray:
    return np.fromiter(values, dtype=np.int64)


def _floats(values: Iterable[float]) -> FloatArray:
    return np.fromiter(values, dtype=np.float64)


@dataclass(frozen=True, eq=False)
class Framework:
    """A weighted quantitative bipolar argumentation framework (QBAF) as arrays.

    Claims with base scores, attacks and supports with weights: the weighted QBAF of
    Baroni, Rago and Toni ("From fine-grained properties to broad principles for gradual
    argumentation", International Journal of Approximate Reasoning 105, 2019), plus the
    relation ids that score sheets key weights on. Immutable, so results can be cached by
    identity.

    ``ids[i]`` is the id of claim ``i``; ``base[i]`` its base score. Attack ``k`` runs
    from ``att_src[k]`` to ``att_tgt[k]`` with weight ``att_w[k]`` and relation id
    ``att_ids[k]``; supports likewise.
    """

    ids: tuple[str, ...]
    base: FloatArray
    att_src: IntArray
    att_tgt: IntArray
    att_w: FloatArray
    sup_src: IntArray
    sup_tgt: IntArray
    sup_w: FloatArray
    att_rel: tuple[str, ...] | None = None
    sup_rel: tuple[str, ...] | None = None
    _index: dict[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def att_ids(self) -> tuple[str, ...]:
        """The relation id of each attack (``attack:SOURCE->TARGET`` when none was given)."""
        if self.att_rel is None:
            object.__setattr__(
                self, "att_rel", self._default_ids("attack", self.att_src, self.att_tgt)
            )
        assert self.att_rel is not None
        return self.att_rel

    @property
    def sup_ids(self) -> tuple[str, ...]:
        """The relation id of each support (``support:SOURCE->TARGET`` when none was given)."""
        if self.sup_rel is None:
            object.__setattr__(
                self, "sup_rel", self._default_ids("support", self.sup_src, self.sup_tgt)
            )
        assert self.sup_rel is not None
        return self.sup_rel

    def _default_ids(self, kind: str, src: IntArray, tgt: IntArray) -> tuple[str, ...]:
        ids = self.ids
        return tuple(
            f"{kind}:{ids[s]}->{ids[t]}" for s, t in zip(src.tolist(), tgt.tolist(), strict=True)
        )

    # ------------------------------------------------------------------ building
    @classmethod
    def from_edges(
        cls,
        ids: Sequence[str],
        base: Sequence[float] | Mapping[str, float] | None = None,
        attacks: Iterable[Edge] = (),
        supports: Iterable[Edge] = (),
    ) -> Framework:
        """Build a framework from claim ids and edges given by id (for tests and scripts).

        ``base`` is a sequence parallel to ``ids``, a mapping id -> score (others 0.5),
        or ``None`` (all 0.5).
        """
        ids_t = tuple(ids)
        index = {cid: i for i, cid in enumerate(ids_t)}
        if len(index) != len(ids_t):
            raise InvalidValueError("claim ids must be unique")
        if base is None:
            base_arr = np.full(len(ids_t), 0.5)
        elif isinstance(base, Mapping):
            base_arr = np.full(len(ids_t), 0.5)
            for cid, value in base.items():
                base_arr[cls._lookup(index, cid)] = number(value, f"the base of {cid!r}")
        else:
            base_arr = np.asarray(base, dtype=np.float64).copy()
            if base_arr.shape != (len(ids_t),):
                raise InvalidValueError("base must have one score per claim")

        def arrays(edges: Iterable[Edge]) -> tuple[IntArray, IntArray, FloatArray]:
            src: list[int] = []
            tgt: list[int] = []
            w: list[float] = []
            for edge in edges:
                src.append(cls._lookup(index, edge[0]))
                tgt.append(cls._lookup(index, edge[1]))
                w.append(
                    number(edge[2], f"the weight of {edge[0]!r}->{edge[1]!r}")
                    if len(edge) == 3
                    else 1.0
                )
            return _ints(src), _ints(tgt), _floats(w)

        a_src, a_tgt, a_w = arrays(attacks)
        s_src, s_tgt, s_w = arrays(supports)
        return cls(ids_t, base_arr, a_src, a_tgt, a_w, s_src, s_tgt, s_w, _index=index)

    @staticmethod
    def _lookup(index: Mapping[str, int], cid: str) -> int:
        try:
            return index[cid]
        except KeyError:
            raise UnknownIdError("claim", cid, known=list(index)) from None

    # ------------------------------------------------------------------ reading
    @property
    def n(self) -> int:
        """The number of claims."""
        return len(self.ids)

    @property
    def index(self) -> dict[str, int]:
        """Claim id -> claim index."""
        if self._index is None:
            object.__setattr__(self, "_index", {cid: i for i, cid in enumerate(self.ids)})
        assert self._index is not None
        return self._index

    def index_of(self, claim_id: str) -> int:
        """The index of a claim (into ``ids`` and ``base``).

        Raises :class:`~arggraph.errors.UnknownIdError` (with the nearest ids as a hint)
        for an id the framework lacks.

        >>> Framework.from_edges(["a", "b"]).index_of("b")
        1
        """
        return self._lookup(self.index, claim_id)

    def position(self, claim_id: str) -> int:
        """Deprecated alias of :meth:`index_of` (the word is a claim kind's), for one release."""
        import warnings

        warnings.warn(
            "Framework.position() is renamed Framework.index_of(); position() goes in 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.index_of(claim_id)

    @cached_property
    def relation_index(self) -> dict[str, tuple[str, int]]:
        """Relation id -> ("attack" | "support", edge index)."""
        out: dict[str, tuple[str, int]] = {}
        for k, rid in enumerate(self.att_ids):
            out[rid] = ("attack", k)
        for k, rid in enumerate(self.sup_ids):
            out[rid] = ("support", k)
        return out

    # ------------------------------------------------------------------ variants
    def with_base(self, updates: Mapping[str, float]) -> Framework:
        """A copy whose base scores are overridden for the given claim ids."""
        base = self.base.copy()
        for cid, value in updates.items():
            base[self.index_of(cid)] = number(value, f"the base of {cid!r}")
        return replace(self, base=base, _index=self._index)

    def with_weights(self, updates: Mapping[str, float]) -> Framework:
        """A copy whose relation weights are overridden for the given relation ids."""
        att_w = self.att_w.copy()
        sup_w = self.sup_w.copy()
        rel = self.relation_index
        for rid, value in updates.items():
            try:
                kind, k = rel[rid]
            except KeyError:
                raise UnknownIdError("relation", rid, known=list(rel)) from None
            (att_w if kind == "attack" else sup_w)[k] = number(value, f"the weight of {rid!r}")
        return replace(self, att_w=att_w, sup_w=sup_w, _index=self._index)

    def with_scores(self, sheet: ScoreSheet | None) -> Framework:
        """A copy with a score sheet's base scores and weights applied."""
        if sheet is None:
            return self
        out = self
        if sheet.scores:
            out = out.with_base({cid: s.base for cid, s in sheet.scores.items()})
        if sheet.weights:
            out = out.with_weights({rid: s.weight for rid, s in sheet.weights.items()})
        return out
