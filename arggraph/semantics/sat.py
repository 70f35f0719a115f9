"""SAT encodings of Dung's complete and stable semantics, and the searches built on them.

Everything here works on a bare attack graph of ``k`` arguments numbered ``0..k-1``
(``src[i]`` attacks ``tgt[i]``). :mod:`arggraph.semantics.dung` calls it on the
*core* of a framework: the arguments its grounded labelling leaves undecided, with the
attacks among them. Every complete labelling agrees with the grounded one outside the
core, so the solver never sees the (usually large) settled part.

Why a SAT solver: deciding whether an argument belongs to a preferred or a stable
extension is NP-hard, and enumerating subsets dies at a few dozen arguments. A CDCL
solver with incremental assumptions answers frameworks with thousands of arguments. The
solver is CaDiCaL 1.9.5 (``cadical195`` in python-sat): every search here makes many
calls to one solver under assumptions, which CaDiCaL supports incrementally (Kissat, in
python-sat, does not), and on the hard band of random frameworks (about 4.5 to 5 attacks
per argument, where even "is there a non-empty admissible set?" takes a CDCL solver
seconds) it was the most even of the candidates in our runs: the first stable extension
of three seeded 1000-argument / 4500-attack frameworks took CaDiCaL 1.4, 3.9 and 1.6 s,
Glucose 4 2.3, 6.0 and over 10 s, MiniSat 2.2 0.4, 5.1 and 8.4 s. On easy frameworks
its heavier start per call costs a few milliseconds at most.
``benchmarks/bench_extensions.py --solvers`` times the candidates side by side.

Encodings (variables are 1-based: ``in(a) = a + 1``, ``out(a) = k + a + 1``):

- *complete* (Caminada labellings): ``out(a) <-> OR in(b)`` over the attackers ``b`` of
  ``a``; ``in(a) <-> AND out(b)``; ``not (in(a) and out(a))``. Models are in one-to-one
  correspondence with complete extensions (the ``in`` variables fix the rest).
- *stable*: ``x(a) <-> not OR x(b)`` over the attackers ``b``: conflict-free and
  attacking everything outside.

Searches (:class:`SatSemantics`: an encoding plus two flags; :data:`COMPLETE`,
:data:`PREFERRED` and :data:`STABLE` are the three the registry points to):

- complete, stable: enumerate models, blocking each one found.
- preferred (``maximal``): PrefSAT style. Find a complete extension not contained in any preferred
  one found so far, then grow it under assumptions (contain it, and add one more
  argument) until the solver says no larger one exists: that set is preferred. No subset
  is ever enumerated.
- credulous acceptance: "cover" the arguments: ask for an extension containing an
  argument not yet seen in one, until none exists (at most ``k`` calls, usually far
  fewer).
- sceptical acceptance: keep the candidates (arguments in every extension found), and
  ask for an extension missing one of them; stop when none exists.

>>> sorted(map(sorted, complete_extensions(2, [0, 1], [1, 0])))
[[], [0], [1]]
>>> sorted(map(sorted, preferred_extensions(3, [0, 1, 2], [1, 2, 0])))
[[]]
>>> sorted(map(sorted, stable_extensions(3, [0, 1, 2], [1, 2, 0])))
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..framework import BoolArray, IntArray

__all__ = [
    "COMPLETE",
    "PREFERRED",
    "SOLVER",
    "STABLE",
    "SatSemantics",
    "complete_encoding",
    "complete_extensions",
    "preferred_extensions",
    "stable_encoding",
    "stable_extensions",
]

#: The python-sat solver every search uses (see the module docstring for why).
SOLVER = "cadical195"

Clause = list[int]


def _arrays(
    src: Sequence[int] | IntArray, tgt: Sequence[int] | IntArray
) -> tuple[IntArray, IntArray]:
    return np.asarray(src, dtype=np.int64), np.asarray(tgt, dtype=np.int64)


def _attackers(k: int, src: IntArray, tgt: IntArray) -> list[list[int]]:
    """For each argument, the list of its attackers (duplicates removed)."""
    out: list[list[int]] = [[] for _ in range(k)]
    if src.size:
        pairs = np.unique(tgt * k + src)
        for t, s in zip((pairs // k).tolist(), (pairs % k).tolist(), strict=True):
            out[t].append(s)
    return out


def complete_clauses(k: int, src: IntArray, tgt: IntArray) -> list[Clause]:
    """CNF whose models are the complete labellings (``in(a) = a+1``, ``out(a) = k+a+1``)."""
    ins = np.arange(1, k + 1, dtype=np.int64)
    clauses: list[Clause] = np.stack([-ins, -(ins + k)], axis=1).tolist()  # not both
    if src.size:
        # an attacker in puts its target out; a target in needs each attacker out
        clauses += np.stack([-(src + 1), tgt + 1 + k], axis=1).tolist()
        clauses += np.stack([-(tgt + 1), src + 1 + k], axis=1).tolist()
    for a, attackers in enumerate(_attackers(k, src, tgt)):
        # out needs an attacker in; all attackers out makes it in
        clauses.append([-(k + a + 1), *(b + 1 for b in attackers)])
        clauses.append([a + 1, *(-(k + b + 1) for b in attackers)])
    return clauses


def stable_clauses(k: int, src: IntArray, tgt: IntArray) -> list[Clause]:
    """CNF whose models are the stable extensions (``x(a) = a+1``)."""
    clauses: list[Clause] = []
    if src.size:
        clauses += np.stack([-(src + 1), -(tgt + 1)], axis=1).tolist()
    for a, attackers in enumerate(_attackers(k, src, tgt)):
        clauses.append([a + 1, *(b + 1 for b in attackers)])
    return clauses


class _Search:
    """One incremental solver over ``k`` arguments, with the model read back as a set."""

    def __init__(self, k: int, clauses: list[Clause], nvars: int) -> None:
        from pysat.solvers import Solver

        self.k = k
        self.top = nvars
        self.solver: Any = Solver(name=SOLVER, bootstrap_with=clauses)

    def close(self) -> None:
        self.solver.delete()

    def fresh(self) -> int:
        """A new variable, for activation literals."""
        self.top += 1
        return self.top

    def add(self, clause: Clause) -> None:
        self.solver.add_clause(clause)

    def solve(self, assumptions: Sequence[int] = ()) -> frozenset[int] | None:
        """The ``in`` set of a model, or None when unsatisfiable."""
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        model = self.solver.get_model()
        values = np.asarray(model[: self.k], dtype=np.int64)
        return frozenset(np.flatnonzero(values > 0).tolist())

    def outside(self, chosen: frozenset[int]) -> list[int]:
        """Positive literals of the arguments not in ``chosen``."""
        return [a + 1 for a in range(self.k) if a not in chosen]

    def grow(self, start: frozenset[int]) -> frozenset[int]:
        """A maximal model containing ``start``: add one argument at a time, by assumption."""
        current = start
        while True:
            rest = self.outside(current)
            if not rest:
                return current
            act = self.fresh()
            self.add([-act, *rest])
            bigger = self.solve([act, *(a + 1 for a in current)])
            self.add([-act])  # retire the activation literal for good
            if bigger is None:
                return current
            current = bigger


Encoding = Callable[[int, IntArray, IntArray], tuple[list[Clause], int]]


def complete_encoding(k: int, src: IntArray, tgt: IntArray) -> tuple[list[Clause], int]:
    """The complete labellings: :func:`complete_clauses` over ``2k`` variables."""
    return complete_clauses(k, src, tgt), 2 * k


def stable_encoding(k: int, src: IntArray, tgt: IntArray) -> tuple[list[Clause], int]:
    """The stable extensions: :func:`stable_clauses` over ``k`` variables."""
    return stable_clauses(k, src, tgt), k


@dataclass(frozen=True)
class SatSemantics:
    """How the solver answers one extension semantics; each solver-backed entry of
    :data:`arggraph.semantics.registry.EXTENSION` points to one of these.

    ``encode(k, src, tgt)`` gives the clauses and the number of variables they use;
    variables ``1..k`` say which arguments are in. The extensions are the ``in`` sets of
    the models, or with ``maximal`` only the maximal ones under set inclusion (preferred:
    the maximal complete extensions). ``subset_free`` promises that no model's ``in`` set
    is a proper subset of another's (stable), so one clause, "holds an argument outside
    it", keeps a found extension from coming back.

    Every search below works for any encoding: a new semantics is an encoding and a
    line of flags, not a new search.

    >>> sorted(map(sorted, PREFERRED.extensions(3, [0, 1], [1, 0])))
    [[0, 2], [1, 2]]
    >>> STABLE.credulous(3, [0, 1, 2], [1, 2, 0]).tolist()
    [False, False, False]
    """

    encode: Encoding
    maximal: bool = False
    subset_free: bool = False

    def _search(
        self, k: int, src: Sequence[int] | IntArray, tgt: Sequence[int] | IntArray
    ) -> _Search:
        s, t = _arrays(src, tgt)
        clauses, nvars = self.encode(k, s, t)
        return _Search(k, clauses, nvars)

    def extensions(
        self,
        k: int,
        src: Sequence[int] | IntArray,
        tgt: Sequence[int] | IntArray,
        limit: int | None = None,
    ) -> Iterator[frozenset[int]]:
        """Every extension (at most ``limit``), lazily, in the order the solver finds them.

        Maximal ones are found PrefSAT style: each round asks for a model that is not a
        subset of any extension found so far (one clause per found extension: "holds an
        argument outside it") and grows it to a maximal one; when there is no such model,
        all have been found.
        """
        search = self._search(k, src, tgt)
        if self.maximal:
            return _maximal(search, limit)
        return _enumerate(search, limit, self.subset_free)

    def credulous(
        self, k: int, src: Sequence[int] | IntArray, tgt: Sequence[int] | IntArray
    ) -> BoolArray:
        """Which arguments belong to at least one extension (a boolean array of ``k``).

        ``maximal`` changes nothing here: every model grows into a maximal one, so complete
        and preferred agree.
        """
        search = self._search(k, src, tgt)
        seen = np.zeros(k, dtype=np.bool_)
        try:
            while True:
                open_ = np.flatnonzero(~seen)
                if not open_.size:
                    break
                # Permanent: each later "cover one of these" clause is stronger still.
                search.add((open_ + 1).tolist())
                chosen = search.solve()
                if chosen is None:
                    break
                seen[list(chosen)] = True
        finally:
            search.close()
        return seen

    def sceptical(
        self, k: int, src: Sequence[int] | IntArray, tgt: Sequence[int] | IntArray
    ) -> BoolArray | None:
        """Which arguments belong to every extension (a boolean array of ``k``).

        Returns None when there is no extension at all (possible for stable): the caller
        decides how to report a vacuous "every".
        """
        search = self._search(k, src, tgt)
        candidates: BoolArray | None = None
        try:
            while True:
                if candidates is None:
                    chosen = search.solve()
                else:
                    keep = np.flatnonzero(candidates)
                    if not keep.size:
                        break
                    # An extension missing at least one candidate, if there is one.
                    act = search.fresh()
                    search.add([-act, *(-(keep + 1)).tolist()])
                    chosen = search.solve([act])
                    search.add([-act])
                if chosen is None:
                    break
                if self.maximal:
                    chosen = search.grow(chosen)
                    rest = search.outside(chosen)
                    if rest:
                        search.add(rest)  # never find this maximal one (or a subset) again
                member = np.zeros(k, dtype=np.bool_)
                member[list(chosen)] = True
                candidates = member if candidates is None else candidates & member
                if self.maximal and not search.outside(chosen):
                    break  # everything is in: the unique maximal extension
        finally:
            search.close()
        return candidates

    def accepts(
        self, k: int, src: Sequence[int] | IntArray, tgt: Sequence[int] | IntArray, a: int
    ) -> tuple[bool, bool | None]:
        """(credulous, sceptical) for argument ``a`` alone, in a few solver calls.

        Sceptical is None when there is no extension at all. For maximal extensions: look
        for one without ``a`` by growing models that lack ``a``; every one that grows to
        include ``a`` anyway is excluded, with its subsets, from the next search.

        >>> PREFERRED.accepts(3, [0, 1], [1, 2], 2)
        (True, True)
        """
        search = self._search(k, src, tgt)
        lit = a + 1
        try:
            cred = search.solve([lit]) is not None
            if not cred:
                return False, (None if search.solve() is None else False)
            if not self.maximal:
                return True, search.solve([-lit]) is None
            while True:
                start = search.solve([-lit])
                if start is None:
                    return True, True
                best = search.grow(start)
                if a not in best:
                    return True, False
                rest = search.outside(best)
                if not rest:
                    return True, True
                search.add(rest)
        finally:
            search.close()


#: Complete extensions: every complete labelling's ``in`` set.
COMPLETE = SatSemantics(complete_encoding)
#: Preferred extensions: the maximal complete ones.
PREFERRED = SatSemantics(complete_encoding, maximal=True)
#: Stable extensions: conflict-free sets that attack everything outside; none is a
#: proper subset of another.
STABLE = SatSemantics(stable_encoding, subset_free=True)


def _enumerate(search: _Search, limit: int | None, subset_free: bool) -> Iterator[frozenset[int]]:
    """Every model's ``in`` set once. ``subset_free``: no model is a subset of another,
    so "contains something outside" blocks one as well as "differs from"."""
    found = 0
    try:
        while limit is None or found < limit:
            chosen = search.solve()
            if chosen is None:
                return
            yield chosen
            found += 1
            rest = search.outside(chosen)
            if subset_free:
                if not rest:
                    return
                search.add(rest)
            else:
                search.add([*(-(a + 1) for a in chosen), *rest])
    finally:
        search.close()


def _maximal(search: _Search, limit: int | None) -> Iterator[frozenset[int]]:
    found = 0
    try:
        while limit is None or found < limit:
            start = search.solve()
            if start is None:
                return
            best = search.grow(start)
            yield best
            found += 1
            rest = search.outside(best)
            if not rest:
                return
            search.add(rest)
    finally:
        search.close()


def complete_extensions(
    k: int,
    src: Sequence[int] | IntArray,
    tgt: Sequence[int] | IntArray,
    limit: int | None = None,
) -> Iterator[frozenset[int]]:
    """Every complete extension of the attack graph (at most ``limit``), lazily."""
    return COMPLETE.extensions(k, src, tgt, limit)


def stable_extensions(
    k: int,
    src: Sequence[int] | IntArray,
    tgt: Sequence[int] | IntArray,
    limit: int | None = None,
) -> Iterator[frozenset[int]]:
    """Every stable extension (at most ``limit``), lazily; none at all is possible."""
    return STABLE.extensions(k, src, tgt, limit)


def preferred_extensions(
    k: int,
    src: Sequence[int] | IntArray,
    tgt: Sequence[int] | IntArray,
    limit: int | None = None,
) -> Iterator[frozenset[int]]:
    """Every preferred extension (at most ``limit``), lazily, by growing complete ones."""
    return PREFERRED.extensions(k, src, tgt, limit)
