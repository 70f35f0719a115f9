"""An engine for interactive scoring: change one number, recompute only what follows.

When a user moves one claim's base score (or one relation's weight) only the claims
downstream of it can change. :class:`GradualEngine` keeps a framework's strengths and,
on each edit, finds that downstream cone and recomputes it alone, in the order of the
full computation (each claim once its inputs are final; each cyclic component solved
from its base scores once everything upstream of it is final), so the result equals a
full recompute. A cone of a few hundred claims is walked in plain Python over
``memoryview`` s of the engine's arrays (no NumPy call overhead for a two-keystroke
edit); a larger one is recomputed with the vectorised evaluation of the full engine.

:meth:`GradualEngine.probe` answers "what if this claim's base were each of these
values?" for many values at once, without changing the engine: the verdict's flip
points and lever curves are built on it.

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["p", "a", "b"], [0.5, 0.8, 0.4],
...                           attacks=[("a", "p")], supports=[("b", "a")])
>>> engine = GradualEngine(fw)
>>> round(engine.strength("p"), 4)
0.06
>>> {k: round(v, 4) for k, v in engine.set_base("b", 0.0).items()}
{'p': 0.1, 'a': 0.8, 'b': 0.0}
>>> engine.set_base("b", 0.0)
{}
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..errors import InvalidValueError, SemanticsError, UnknownIdError
from ..framework import FloatArray, Framework, IntArray
from ._engine import (
    _DFQUAD,
    DAMPING_RESTARTS,
    MAX_ROUNDS,
    NEWTON_AFTER,
    PATIENCE,
    PREMISE,
    SUPPORT,
    TOLERANCE,
    Layout,
    Region,
    Scenario,
    compute,
    evaluate,
    prepare,
)
from ._sparse import views_of

__all__ = ["GradualEngine"]


# Cones up to this many claims are recomputed in plain Python.
_SMALL_CONE = 200


def _unit(value: float, what: str) -> float:
    """``value`` as a score in [0, 1], or an InvalidValueError (a ValueError too)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if not 0.0 <= v <= 1.0:  # also false for NaN
        raise InvalidValueError(f"{what} must be a number from 0 to 1, not {value!r}")
    return v


class GradualEngine:
    """A framework's strengths under one gradual semantics, kept up to date on edits.

    ``values`` is aligned with ``framework.ids``. Edits return the claims whose strength
    changed, with their new strengths.
    """

    def __init__(
        self,
        fw: Framework,
        semantics: str = "dfquad",
        *,
        tol: float = TOLERANCE,
        max_rounds: int = MAX_ROUNDS,
    ) -> None:
        self._fw0 = fw
        lay, self._rule, _ = prepare(fw, semantics)
        self._lay: Layout = lay
        #: Every node's base: the claims' base scores, then the inferences' weights.
        self._base: FloatArray = np.array(lay.node_base(fw), dtype=np.float64)
        #: The relations' weights, and the engine's (the same array unless a mean scales it).
        self._w: FloatArray = lay.weights(fw).copy()
        self._we: FloatArray = self._rule.weights(lay, self._w)
        self.semantics = semantics
        self.tol = tol
        self.max_rounds = max_rounds
        self._s: FloatArray = compute(
            lay, self._rule, self._base, self._we, tol=tol, max_rounds=max_rounds
        )
        self._fw: Framework | None = fw
        self._regions: OrderedDict[tuple[int, tuple[int, ...]], Region | None] = OrderedDict()
        # The claims that reach each watched set (probes of one verdict share them).
        self._upstream: OrderedDict[tuple[int, ...], IntArray] = OrderedDict()

    # ------------------------------------------------------------------ reading
    @property
    def framework(self) -> Framework:
        """The framework with the engine's current base scores and weights."""
        if self._fw is None:
            lay = self._lay
            na, n = lay.n_att, lay.n_claims
            self._fw = replace(
                self._fw0,
                base=self._base[:n].copy(),
                att_w=self._w[:na].copy(),
                sup_w=self._w[na : lay.n_plain].copy(),
                inf_w=self._base[n:].copy(),
            )
        return self._fw

    @property
    def values(self) -> FloatArray:
        """Every claim's current strength (a read-only view, aligned with the ids)."""
        view = self._s[: self._lay.n_claims].view()
        view.flags.writeable = False
        return view

    def strengths(self) -> dict[str, float]:
        """Every claim's current strength, by claim id."""
        n = self._lay.n_claims
        return dict(zip(self._lay.ids, self._s[:n].tolist(), strict=True))

    def strength(self, claim_id: str) -> float:
        """One claim's current strength."""
        return float(self._s[self._fw0.index_of(claim_id)])

    def inferences(self) -> dict[str, float]:
        """Every inference's current value, by relation id (empty without inferences):
        the strength in [0, 1] with which it bears on its target, i.e. its weakest
        premise's strength times its effective weight (its weight moved by its
        undercutters and backers; see :class:`~arggraph.framework.Framework`).

        >>> from arggraph.framework import Link
        >>> fw = Framework.from_links(["c", "p", "q", "u"], [0.5, 0.8, 0.6, 0.5], [
        ...     Link("attack", ("p", "q"), "c", id="r"), Link("attack", ("u",), "r")])
        >>> round(GradualEngine(fw).inferences()["r"], 6)  # 0.6 * (1 - 0.5)
        0.3
        """
        n = self._lay.n_claims
        return dict(zip(self._fw0.inf_rel, self._s[n : n + self._fw0.k].tolist(), strict=True))

    def base(self, claim_id: str) -> float:
        """One claim's current base score."""
        return float(self._base[self._fw0.index_of(claim_id)])

    def weight(self, relation_id: str) -> float:
        """One relation's current weight."""
        kind, i = self._edge(relation_id)
        return float(self._w[i] if kind != "inference" else self._base[i])

    def _edge(self, relation_id: str) -> tuple[str, int]:
        """``(kind, index)``: a plain relation's edge, or an inference's node."""
        try:
            kind, k = self._fw0.relation_index[relation_id]
        except KeyError:
            raise UnknownIdError(
                "relation", relation_id, known=list(self._fw0.relation_index)
            ) from None
        if kind == "inference":
            return kind, self._lay.n_claims + k
        return kind, k if kind == "attack" else self._lay.n_att + k

    # ------------------------------------------------------------------ edits
    def set_base(self, claim_id: str, value: float) -> dict[str, float]:
        """Set a claim's base score; returns the claims whose strength changed."""
        v = self._fw0.index_of(claim_id)
        value = _unit(value, f"the base score of {claim_id!r}")
        if self._base[v] == value:
            return {}
        self._base[v] = value
        self._fw = None
        return self._recompute([v])

    def set_weight(self, relation_id: str, value: float) -> dict[str, float]:
        """Set a relation's weight; returns the claims whose strength changed."""
        kind, e = self._edge(relation_id)
        value = _unit(value, f"the weight of {relation_id!r}")
        entry = self._rule.entry
        lay = self._lay
        support = kind == "support" or (kind == "inference" and bool(lay.sup[self._out_edge(e)]))
        if not entry.supports and support and value > 0.0:
            raise SemanticsError(
                f"{entry.label} takes attacks only; relation "
                f"{relation_id!r} is a support and must keep weight 0"
            )
        if kind == "inference":  # an inference's weight is its node's base
            if self._base[e] == value:
                return {}
            self._base[e] = value
            self._fw = None
            return self._recompute([e])
        if self._w[e] == value:
            return {}
        self._w[e] = value
        if self._we is not self._w:
            self._we[e] = value * self._lay.edge_scale[e]
        self._fw = None
        return self._recompute([int(self._lay.tgt[e])])

    def _out_edge(self, node: int) -> int:
        """The edge from inference node ``node`` to its target."""
        return self._lay.n_plain + node - self._lay.n_claims

    def _recompute(self, seeds: list[int]) -> dict[str, float]:
        cone = self._lay.descendants(seeds)
        old = self._s[cone]
        if len(cone) <= _SMALL_CONE:
            self._recompute_small(cone.tolist())
        else:
            region = Region.build(self._lay, cone)
            values = evaluate(
                region,
                self._rule,
                self._s,
                self._base,
                self._we,
                self._lay.ids,
                tol=self.tol,
                max_rounds=self.max_rounds,
            )
            self._s[region.nodes] = values[0, : region.size]
        new = self._s[cone]
        changed = np.flatnonzero((new != old) & (cone < self._lay.n_claims))
        ids = self._lay.ids
        return {
            ids[v]: x for v, x in zip(cone[changed].tolist(), new[changed].tolist(), strict=True)
        }

    # ------------------------------------------------------------------ small cones
    def _recompute_small(self, cone: list[int]) -> None:
        lay = self._lay
        rank, scc = lay.rank, lay.scc
        cone.sort(key=lambda v: (int(rank[v]), int(scc[v])))
        ptr, edge = lay.in_csr
        vptr, vedge, vsrc, vkind, vw, vs, vb = views_of(
            ptr, edge, lay.src, lay.kind, self._we, self._s, self._base
        )
        fin = self._rule.kernels.scalar
        ident = self._rule.reducer.identity
        mult = self._rule.reducer.multiplicative
        n = lay.n_claims
        combine = _DFQUAD.scalar

        def update(v: int) -> float:
            if v >= n:  # an inference: its weight moved by DF-QuAD, times its weakest premise
                a = s = 1.0
                m = math.inf
                for j in range(vptr[v], vptr[v + 1]):
                    e = vedge[j]
                    x = vw[e] * vs[vsrc[e]]
                    k = vkind[e]
                    if k == PREMISE:
                        m = x if x < m else m
                    elif k == SUPPORT:
                        s *= 1.0 - x
                    else:
                        a *= 1.0 - x
                return combine(vb[v], 1.0 - a, 1.0 - s) * m
            a = s = ident
            for j in range(vptr[v], vptr[v + 1]):
                e = vedge[j]
                x = vw[e] * vs[vsrc[e]]
                if vkind[e] == SUPPORT:
                    s = s * (1.0 - x) if mult else s + x
                else:
                    a = a * (1.0 - x) if mult else a + x
            return fin(vb[v], 1.0 - a, 1.0 - s) if mult else fin(vb[v], a, s)

        i = 0
        while i < len(cone):
            v = cone[i]
            comp = int(scc[v])
            if comp < 0:
                vs[v] = update(v)
                i += 1
                continue
            j = i
            while j < len(cone) and int(scc[cone[j]]) == comp:
                j += 1
            self._solve_small(cone[i:j], update, vs, vb)
            i = j

    def _solve_small(
        self, members: list[int], update: Callable[[int], float], sview: Any, bview: Any
    ) -> None:
        """One cyclic component by the schedule of the vectorised evaluation.

        Plain and damped iteration in Python; a component that has not settled when the
        vectorised evaluation would turn to Newton's method is handed to it (rare, and
        then the same steps give the same fixed point as a full recompute).
        """
        current = [bview[v] for v in members]
        damping = 1.0
        for round_ in range(1, min(self.max_rounds, NEWTON_AFTER - 1) + 1):
            for v, c in zip(members, current, strict=True):
                sview[v] = c
            target = [update(v) for v in members]
            step = [t - c for t, c in zip(target, current, strict=True)]
            if max(abs(d) for d in step) <= self.tol:
                for v, t in zip(members, target, strict=True):
                    sview[v] = t
                return
            current = [c + damping * d for c, d in zip(current, step, strict=True)]
            if round_ % PATIENCE == 0 and round_ < PATIENCE * (DAMPING_RESTARTS + 1):
                damping /= 2.0
        region = Region.build(self._lay, np.array(sorted(members), dtype=np.int64))
        values = evaluate(
            region,
            self._rule,
            self._s,
            self._base,
            self._we,
            self._lay.ids,
            tol=self.tol,
            max_rounds=self.max_rounds,
        )
        self._s[region.nodes] = values[0, : region.size]

    # ------------------------------------------------------------------ what if
    def probe(
        self, claim_id: str, values: Sequence[float] | FloatArray, watch: Sequence[str]
    ) -> FloatArray:
        """The strengths of ``watch`` if ``claim_id``'s base were each of ``values``.

        Returns an array of shape ``(len(values), len(watch))``; the engine is left as it
        was. Only the claims between the changed claim and the watched ones are
        recomputed, for every value at once.

        >>> from arggraph.framework import Framework
        >>> fw = Framework.from_edges(["p", "a"], [0.5, 0.5], attacks=[("a", "p")])
        >>> GradualEngine(fw).probe("a", [0.0, 1.0], ["p", "a"]).tolist()
        [[0.5, 0.0], [0.0, 1.0]]
        """
        v = self._fw0.index_of(claim_id)
        targets = [self._fw0.index_of(t) for t in watch]
        vals = np.asarray(values, dtype=np.float64).reshape(-1)
        out = np.tile(self._s[targets], (len(vals), 1))
        region = self._probe_region(v, tuple(targets))
        if region is None:
            return out
        col = self._column(region, v)
        scenario = Scenario(rows=len(vals), base_col=col, base_values=vals)
        result = evaluate(
            region,
            self._rule,
            self._s,
            self._base,
            self._we,
            self._lay.ids,
            scenario,
            tol=self.tol,
            max_rounds=self.max_rounds,
        )
        for j, t in enumerate(targets):
            c = self._column(region, t)
            if c >= 0:
                out[:, j] = result[:, c]
        return out

    @staticmethod
    def _column(region: Region, node: int) -> int:
        hits = np.flatnonzero(region.nodes == node)
        return int(hits[0]) if len(hits) else -1

    def _probe_region(self, v: int, targets: tuple[int, ...]) -> Region | None:
        key = (v, targets)
        if key in self._regions:
            self._regions.move_to_end(key)
            return self._regions[key]
        down = self._lay.descendants([v])
        up = self._upstream.get(targets)
        if up is None:
            up = self._upstream[targets] = self._lay.ancestors(list(targets))
            if len(self._upstream) > 16:
                self._upstream.popitem(last=False)
        members = np.intersect1d(down, up, assume_unique=True)
        region = Region.build(self._lay, members) if len(members) else None
        self._regions[key] = region
        if len(self._regions) > 256:
            self._regions.popitem(last=False)
        return region
