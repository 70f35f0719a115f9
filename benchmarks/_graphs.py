"""Seeded graph generators shared by the benchmark scripts.

Every generator builds the :class:`arggraph.Framework` arrays directly with NumPy (no
per-edge Python loop), so a 1M-claim / 3M-relation graph takes about a second to make
and the benchmark times the engine, not the generator. The same ``seed`` gives the same
graph on every machine (NumPy's PCG64 ``default_rng``).

- ``random_af(n, m, seed)``: ``m`` distinct attacks between random pairs of distinct
  claims (cycles likely; no self-attacks); bases uniform in [0, 1); weights 1.
- ``random_dag(n, m, seed)``: like ``random_af`` but every attack runs from a later to an
  earlier claim of a hidden random order, so the graph is acyclic while claim ``i`` is not
  in topological order (an engine has to sort it).
- ``chain(n)``: ``a0 -> a1 -> ... -> a{n-1}``, each attacking the next (the deepest
  graph of its size: ``n`` levels); bases 0.5.
- ``random_bipolar(n, m, seed, acyclic)``: ``m`` distinct relations, each an attack or a
  support with even odds, weights uniform in [0.05, 1]; acyclic as ``random_dag`` when
  ``acyclic`` is true.

- ``debate(n, seed, positions=2, cross=0.2)``: the shape of a mapped debate. The first
  ``positions`` claims are positions that attack one another (the only cycles); every
  later claim supports or attacks one earlier claim chosen at random (a random recursive
  tree: depth about ``e*ln(n)``) and, with probability ``cross``, one more; bases
  uniform in [0.2, 0.9], weights in [0.3, 1]. An edit reaches only the claims on its
  way to the positions, as in a real debate.

Claim ids are ``a0``, ``a1``, ...; relation ids are left to the Framework's default
(``attack:SOURCE->TARGET``), built only if someone asks for them.

>>> fw = random_dag(50, 120, seed=1)
>>> fw.n, len(fw.att_src), bool((fw.att_src != fw.att_tgt).all())
(50, 120, True)
>>> chain(3).att_src.tolist(), chain(3).att_tgt.tolist()
([0, 1], [1, 2])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from arggraph import Framework

__all__ = ["chain", "debate", "random_af", "random_bipolar", "random_dag"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def _ids(n: int) -> tuple[str, ...]:
    return tuple(f"a{i}" for i in range(n))


def _pairs(rng: np.random.Generator, n: int, m: int, acyclic: bool) -> tuple[IntArray, IntArray]:
    """``m`` distinct ordered pairs (source, target) of distinct claims, in random order."""
    if n < 2:
        if m:
            raise ValueError("need at least two claims for an edge")
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    limit = n * (n - 1) // (2 if acyclic else 1)
    if m > limit:
        raise ValueError(f"at most {limit} distinct edges fit on {n} claims")
    codes = np.zeros(0, dtype=np.int64)
    while len(codes) < m:
        want = int((m - len(codes)) * 1.1) + 16
        src = rng.integers(0, n, size=want, dtype=np.int64)
        tgt = rng.integers(0, n, size=want, dtype=np.int64)
        keep = src != tgt
        src, tgt = src[keep], tgt[keep]
        if acyclic:
            # Edges run from the larger rank to the smaller one: no cycle can form.
            src, tgt = np.maximum(src, tgt), np.minimum(src, tgt)
        new = src * n + tgt
        # Keep first occurrences only, in draw order, so the result is seed-stable.
        merged = np.concatenate([codes, new])
        _, first = np.unique(merged, return_index=True)
        codes = merged[np.sort(first)]
    codes = codes[:m]
    return codes // n, codes % n


def _framework(
    n: int,
    base: FloatArray,
    att: tuple[IntArray, IntArray, FloatArray],
    sup: tuple[IntArray, IntArray, FloatArray],
) -> Framework:
    return Framework(_ids(n), base, att[0], att[1], att[2], sup[0], sup[1], sup[2])


def _no_edges() -> tuple[IntArray, IntArray, FloatArray]:
    return (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def random_af(n: int, m: int, seed: int = 0) -> Framework:
    """A random attack-only framework: ``n`` claims, ``m`` distinct attacks, cycles allowed."""
    rng = np.random.default_rng(seed)
    base = rng.random(n)
    src, tgt = _pairs(rng, n, m, acyclic=False)
    return _framework(n, base, (src, tgt, np.ones(len(src))), _no_edges())


def random_dag(n: int, m: int, seed: int = 0) -> Framework:
    """A random acyclic attack-only framework whose claim order is not topological."""
    rng = np.random.default_rng(seed)
    base = rng.random(n)
    src, tgt = _pairs(rng, n, m, acyclic=True)
    rank_to_claim = rng.permutation(n).astype(np.int64)
    src, tgt = rank_to_claim[src], rank_to_claim[tgt]
    return _framework(n, base, (src, tgt, np.ones(len(src))), _no_edges())


def chain(n: int) -> Framework:
    """``n`` claims each attacking the next: ``a0 -> a1 -> ... -> a{n-1}``."""
    src = np.arange(max(n - 1, 0), dtype=np.int64)
    return _framework(n, np.full(n, 0.5), (src, src + 1, np.ones(len(src))), _no_edges())


def alternating_chain(n: int) -> Framework:
    """``n`` claims in a line, ``a{i+1}`` attacking ``a{i}`` for even ``i`` and supporting
    it for odd ``i``, bases spread over [0.2, 0.8]: the deepest graph there is (every
    claim reaches ``a0`` through all the others)."""
    src = np.arange(1, n, dtype=np.int64)
    tgt = src - 1
    att = tgt % 2 == 0
    base = np.linspace(0.2, 0.8, n)
    return _framework(
        n,
        base,
        (src[att], tgt[att], np.ones(int(att.sum()))),
        (src[~att], tgt[~att], np.ones(int((~att).sum()))),
    )


def random_bipolar(n: int, m: int, seed: int = 0, acyclic: bool = True) -> Framework:
    """``m`` distinct relations, each an attack or a support, with random weights."""
    rng = np.random.default_rng(seed)
    base = rng.random(n)
    src, tgt = _pairs(rng, n, m, acyclic=acyclic)
    if acyclic:
        rank_to_claim = rng.permutation(n).astype(np.int64)
        src, tgt = rank_to_claim[src], rank_to_claim[tgt]
    weight = rng.uniform(0.05, 1.0, size=len(src))
    is_att = rng.random(len(src)) < 0.5
    att = (src[is_att], tgt[is_att], weight[is_att])
    sup = (src[~is_att], tgt[~is_att], weight[~is_att])
    return _framework(n, base, att, sup)


def debate(n: int, seed: int = 0, positions: int = 2, cross: float = 0.2) -> Framework:
    """A debate-shaped graph: argument trees under mutually attacking positions."""
    rng = np.random.default_rng(seed)
    base = rng.uniform(0.2, 0.9, size=n)
    later = np.arange(positions, n, dtype=np.int64)
    parent = (rng.random(len(later)) * later).astype(np.int64)
    extra = later[rng.random(len(later)) < cross]
    extra_parent = (rng.random(len(extra)) * extra).astype(np.int64)
    src = np.concatenate([later, extra])
    tgt = np.concatenate([parent, extra_parent])
    pairs = np.array(
        [(i, j) for i in range(positions) for j in range(positions) if i != j], dtype=np.int64
    ).reshape(-1, 2)
    weight = rng.uniform(0.3, 1.0, size=len(src))
    is_att = rng.random(len(src)) < 0.5
    att = (
        np.concatenate([pairs[:, 0], src[is_att]]),
        np.concatenate([pairs[:, 1], tgt[is_att]]),
        np.concatenate([np.ones(len(pairs)), weight[is_att]]),
    )
    sup = (src[~is_att], tgt[~is_att], weight[~is_att])
    return _framework(n, base, att, sup)
