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
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt

from ._ids import default_relation_id
from .errors import InvalidValueError, UnknownIdError

if TYPE_CHECKING:
    from .model import ScoreSheet

__all__ = ["BoolArray", "Edge", "FloatArray", "Framework", "IntArray", "Link", "number"]

# The array types the engine's modules share.
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: An edge given by claim ids, with an optional weight (default 1).
Edge = tuple[str, str] | tuple[str, str, float]


class Link(NamedTuple):
    """A relation as :meth:`Framework.from_links` takes it: its type (``"attack"`` or
    ``"support"``), its premises (one claim id, or several linked ones), its target (a
    claim id or another link's relation id), its weight and its id (default as the file
    format gives: ``TYPE:SOURCE->TARGET``, or ``TYPE+:["A","B"]->TARGET`` when linked)."""

    type: str
    premises: tuple[str, ...]
    target: str
    weight: float = 1.0
    id: str | None = None


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

    **Inferences.** A relation with linked premises (several sources that bear on the
    target only together: AIF's RA or CA node with several premises, Argdown's
    premise-conclusion structure), or one that is itself attacked (an *undercutter*
    aims at it) or supported (a *backing*), is an *inference*: inference ``i`` has the
    relation id ``inf_rel[i]``, is a support when ``inf_sup[i]`` (else an attack),
    weighs ``inf_w[i]``, has the premises ``inf_prem[inf_ptr[i]:inf_ptr[i + 1]]`` (claim
    indices) and aims at node ``inf_tgt[i]``. Nodes are the claims ``0..n-1`` and then the
    inferences ``n..n+k-1``, so a target (``att_tgt``, ``sup_tgt``, ``inf_tgt``) that is
    ``n + i`` is inference ``i``: an attack or support aimed at an inference. Sources are
    always claims. Frameworks without inferences are exactly the plain weighted QBAF.
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
    inf_rel: tuple[str, ...] = ()
    inf_sup: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    inf_w: FloatArray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    inf_ptr: IntArray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    inf_prem: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    inf_tgt: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def k(self) -> int:
        """The number of inferences (relations computed as nodes; see the class)."""
        return len(self.inf_rel)

    def node_name(self, node: int) -> str:
        """The id of node ``node``: a claim's id, or an inference's relation id."""
        return self.ids[node] if node < len(self.ids) else self.inf_rel[node - len(self.ids)]

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
        # Nodes past the claims are inferences, named by their relation ids: one tuple of
        # names indexed straight (a call to node_name per relation was some 40% of the
        # time on a large graph).
        names = (*ids, *self.inf_rel) if self.k else ids
        pairs = zip(src.tolist(), tgt.tolist(), strict=True)
        return tuple([f"{kind}:{ids[s]}->{names[t]}" for s, t in pairs])

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

    @classmethod
    def from_links(
        cls,
        ids: Sequence[str],
        base: Sequence[float] | Mapping[str, float] | None = None,
        links: Iterable[Link] = (),
    ) -> Framework:
        """Build a framework from relations that may have linked premises or aim at
        other relations (see the class's *Inferences*).

        A relation becomes an inference when it has several premises or something aims
        at it; any other is a plain attack or support. Raises
        :class:`~arggraph.errors.UnknownIdError` for a premise that is no claim or a
        target that is neither a claim nor a relation, and
        :class:`~arggraph.errors.InvalidValueError` for a relation aimed at itself or two
        relations with one id.

        >>> fw = Framework.from_links(["p", "q", "c", "u"], None, [
        ...     Link("support", ("p", "q"), "c"), Link("attack", ("u",), 'support+:["p","q"]->c')])
        >>> fw.k, fw.inf_prem.tolist(), fw.att_tgt.tolist()
        (1, [0, 1], [4])
        """
        plain = cls.from_edges(ids, base)
        index = plain.index
        n = len(index)
        items = list(links)
        rids = [lk.id or default_relation_id(lk.type, lk.premises, lk.target) for lk in items]
        by_id: dict[str, int] = {}
        for i, rid in enumerate(rids):
            if rid in by_id:
                raise InvalidValueError(f"two relations have the id {rid!r}")
            by_id[rid] = i
        targeted = {lk.target for lk in items if lk.target not in index}
        inference = [
            len(lk.premises) > 1 or rid in targeted for lk, rid in zip(items, rids, strict=True)
        ]
        inf_at: dict[str, int] = {}
        for lk, rid, is_inf in zip(items, rids, inference, strict=True):
            if is_inf:
                inf_at[rid] = len(inf_at)
            if lk.target == rid:
                raise InvalidValueError(f"relation {rid!r} is aimed at itself")

        def node(target: str) -> int:
            if target in index:
                return index[target]
            if target in inf_at:
                return n + inf_at[target]
            raise UnknownIdError("claim or relation", target, known=[*index, *by_id])

        plain_lists: dict[str, tuple[list[int], list[int], list[float], list[str]]] = {
            "attack": ([], [], [], []),
            "support": ([], [], [], []),
        }
        inf_rel: list[str] = []
        inf_sup: list[bool] = []
        inf_w: list[float] = []
        inf_ptr = [0]
        inf_prem: list[int] = []
        inf_tgt: list[int] = []
        for lk, rid, is_inf in zip(items, rids, inference, strict=True):
            if lk.type not in plain_lists:
                raise InvalidValueError(
                    f"relation {rid!r}: type {lk.type!r} is not attack or support"
                )
            premises = [cls._lookup(index, p) for p in lk.premises]
            weight = number(lk.weight, f"the weight of {rid!r}")
            if is_inf:
                inf_rel.append(rid)
                inf_sup.append(lk.type == "support")
                inf_w.append(weight)
                inf_prem.extend(premises)
                inf_ptr.append(len(inf_prem))
                inf_tgt.append(node(lk.target))
            else:
                src, tgt, w, rel = plain_lists[lk.type]
                src.append(premises[0])
                tgt.append(node(lk.target))
                w.append(weight)
                rel.append(rid)
        a_src, a_tgt, a_w, a_id = plain_lists["attack"]
        s_src, s_tgt, s_w, s_id = plain_lists["support"]
        return cls(
            plain.ids,
            plain.base,
            _ints(a_src),
            _ints(a_tgt),
            _floats(a_w),
            _ints(s_src),
            _ints(s_tgt),
            _floats(s_w),
            att_rel=tuple(a_id),
            sup_rel=tuple(s_id),
            _index=index,
            inf_rel=tuple(inf_rel),
            inf_sup=np.array(inf_sup, dtype=bool),
            inf_w=_floats(inf_w),
            inf_ptr=_ints(inf_ptr),
            inf_prem=_ints(inf_prem),
            inf_tgt=_ints(inf_tgt),
        )

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

    def claim_edges(self, kind: str) -> tuple[IntArray, IntArray, tuple[str, ...]]:
        """The relations of ``kind`` (``"attack"`` or ``"support"``) aimed at a claim, as
        claim-to-claim edges: ``(src, tgt, relation ids)``, one edge per premise (a linked
        relation gives one from each of its premises), plain relations first. Relations
        aimed at an inference are left out. This is the premise-to-conclusion projection
        structural checks read (a circle of supports, who argues against whom).

        >>> fw = Framework.from_links(["p", "q", "c"], None, [Link("support", ("p", "q"), "c")])
        >>> src, tgt, rids = fw.claim_edges("support")
        >>> src.tolist(), tgt.tolist(), rids
        ([0, 1], [2, 2], ('support+:["p","q"]->c', 'support+:["p","q"]->c'))
        """
        src, tgt = self.claim_edge_ends(kind)
        rids = self.att_ids if kind == "attack" else self.sup_ids
        if not self.k:
            return src, tgt, rids
        plain_tgt, take = self._claim_edges(kind)[1:]
        kept = [r for r, ok in zip(rids, (plain_tgt < self.n).tolist(), strict=True) if ok]
        chosen = np.repeat(np.arange(self.k), np.diff(self.inf_ptr))[take]
        inf_rel = self.inf_rel
        return src, tgt, (*kept, *(inf_rel[i] for i in chosen.tolist()))

    def claim_edge_ends(self, kind: str) -> tuple[IntArray, IntArray]:
        """:meth:`claim_edges` without the relation ids: ``(src, tgt)``, for what needs
        the ends only (making the ids of a large graph's relations costs more than the
        arrays).

        >>> fw = Framework.from_links(["p", "q", "c"], None, [Link("support", ("p", "q"), "c")])
        >>> [a.tolist() for a in fw.claim_edge_ends("support")]
        [[0, 1], [2, 2]]
        """
        src, tgt, take = self._claim_edges(kind)
        if take is None:
            return src, tgt
        n = self.n
        plain = tgt < n
        chosen = np.repeat(np.arange(self.k), np.diff(self.inf_ptr))[take]
        out_src = np.concatenate([src[plain], self.inf_prem[take]])
        out_tgt = np.concatenate([tgt[plain], self.inf_tgt[chosen]])
        return out_src, out_tgt

    def _claim_edges(self, kind: str) -> tuple[IntArray, IntArray, BoolArray | None]:
        """The plain relations of ``kind`` and, with inferences, which premise entries
        (of ``inf_prem``) belong to inferences of ``kind`` aimed at a claim."""
        if kind == "attack":
            src, tgt, want = self.att_src, self.att_tgt, ~self.inf_sup
        elif kind == "support":
            src, tgt, want = self.sup_src, self.sup_tgt, self.inf_sup
        else:
            raise InvalidValueError(f"no relation kind {kind!r}: attack or support")
        if not self.k:
            return src, tgt, None
        per = np.repeat(np.arange(self.k), np.diff(self.inf_ptr))
        return src, tgt, (want & (self.inf_tgt < self.n))[per]

    def links(self) -> list[Link]:
        """Every relation as a :class:`Link` (plain attacks, plain supports, then the
        inferences), with its weight and id: what :meth:`from_links` takes back.

        >>> fw = Framework.from_links(["p", "q", "c"], None, [Link("attack", ("p", "q"), "c")])
        >>> [(lk.type, lk.premises, lk.target, lk.id) for lk in fw.links()]
        [('attack', ('p', 'q'), 'c', 'attack+:["p","q"]->c')]
        """
        ids, name = self.ids, self.node_name
        out = [
            Link("attack", (ids[s],), name(t), w, r)
            for s, t, w, r in zip(
                self.att_src.tolist(),
                self.att_tgt.tolist(),
                self.att_w.tolist(),
                self.att_ids,
                strict=True,
            )
        ]
        out += [
            Link("support", (ids[s],), name(t), w, r)
            for s, t, w, r in zip(
                self.sup_src.tolist(),
                self.sup_tgt.tolist(),
                self.sup_w.tolist(),
                self.sup_ids,
                strict=True,
            )
        ]
        ptr = self.inf_ptr.tolist()
        prem = self.inf_prem.tolist()
        for i, rid in enumerate(self.inf_rel):
            out.append(
                Link(
                    "support" if self.inf_sup[i] else "attack",
                    tuple(ids[p] for p in prem[ptr[i] : ptr[i + 1]]),
                    name(int(self.inf_tgt[i])),
                    float(self.inf_w[i]),
                    rid,
                )
            )
        return out

    def node_edges(self) -> tuple[IntArray, IntArray]:
        """Every edge between nodes (claims, then inferences; see the class), as
        ``(src, tgt)``: attacks and supports, each premise to its inference, and each
        inference to its target. What reachability reads: a claim reaches whatever the
        relations it takes part in lead to.

        >>> fw = Framework.from_links(["p", "q", "c", "u"], None, [
        ...     Link("support", ("p", "q"), "c", id="r"), Link("attack", ("u",), "r")])
        >>> [(fw.node_name(s), fw.node_name(t)) for s, t in zip(*fw.node_edges())]
        [('u', 'r'), ('p', 'r'), ('q', 'r'), ('r', 'c')]
        """
        counts = np.diff(self.inf_ptr)
        premise_tgt = self.n + np.repeat(np.arange(self.k, dtype=np.int64), counts)
        src = np.concatenate(
            [self.att_src, self.sup_src, self.inf_prem, self.n + np.arange(self.k, dtype=np.int64)]
        )
        tgt = np.concatenate([self.att_tgt, self.sup_tgt, premise_tgt, self.inf_tgt])
        return src.astype(np.int64, copy=False), tgt.astype(np.int64, copy=False)

    @cached_property
    def relation_index(self) -> dict[str, tuple[str, int]]:
        """Relation id -> ("attack" | "support" | "inference", index in its arrays)."""
        out: dict[str, tuple[str, int]] = {}
        for k, rid in enumerate(self.att_ids):
            out[rid] = ("attack", k)
        for k, rid in enumerate(self.sup_ids):
            out[rid] = ("support", k)
        for k, rid in enumerate(self.inf_rel):
            out[rid] = ("inference", k)
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
        arrays = {"attack": self.att_w.copy(), "support": self.sup_w.copy()}
        arrays["inference"] = self.inf_w.copy()
        rel = self.relation_index
        for rid, value in updates.items():
            try:
                kind, k = rel[rid]
            except KeyError:
                raise UnknownIdError("relation", rid, known=list(rel)) from None
            arrays[kind][k] = number(value, f"the weight of {rid!r}")
        return replace(
            self,
            att_w=arrays["attack"],
            sup_w=arrays["support"],
            inf_w=arrays["inference"],
            _index=self._index,
        )

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
