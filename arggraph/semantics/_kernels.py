"""The influence functions of the built-in gradual semantics, on arrays and on scalars.

Each :class:`~.registry.Kernels` takes the base score ``b`` and the aggregates ``va``
(attackers) and ``vs`` (supporters), already combined by the entry's aggregation (see
:mod:`.registry`), and gives the strength; ``derivatives`` gives its partial derivatives
by ``b``, ``va`` and ``vs``. The registry points here; nothing else names these.

>>> b, va, vs = np.array([0.5]), np.array([0.4]), np.array([0.0])
>>> DFQUAD.vector(b, va, vs).tolist(), DFQUAD.scalar(0.5, 0.4, 0.0)
([0.3], 0.3)
>>> [x.tolist() for x in HCAT.derivatives(np.array([1.0]), np.array([1.0]), np.array([0.0]))]
[[0.5], [-0.25], [0.0]]
"""

from __future__ import annotations

import math

import numpy as np

from ..framework import FloatArray
from .registry import Kernels

__all__ = ["DFQUAD", "EULER", "EULER_CAP", "HCAT", "QE"]

#: Euler-based semantics caps ``vs - va`` here: the strength is 1 to double precision
#: well before, and ``exp`` cannot overflow.
EULER_CAP = 700.0


# ---------------------------------------------------------------------- DF-QuAD
def _dfquad(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
    d = va - vs
    return np.where(d >= 0.0, b - b * d, b - (1.0 - b) * d)


def _dfquad1(b: float, va: float, vs: float) -> float:
    d = va - vs
    return b - b * d if d >= 0.0 else b - (1.0 - b) * d


def _dfquad_d(
    b: FloatArray, va: FloatArray, vs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    d = va - vs
    up = d >= 0.0
    return 1.0 - np.abs(d), np.where(up, -b, b - 1.0), np.where(up, b, 1.0 - b)


def _dfquad_l(b: FloatArray) -> FloatArray:
    # Piecewise linear in va - vs with slopes b and 1 - b.
    out: FloatArray = np.maximum(b, 1.0 - b)
    return out


DFQUAD = Kernels(_dfquad, _dfquad1, _dfquad_d, _dfquad_l)


# ---------------------------------------------------------------------- quadratic energy
def _qe(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
    e = vs - va
    p = np.maximum(e, 0.0)
    q = np.maximum(-e, 0.0)
    return b - b * (q * q / (1.0 + q * q)) + (1.0 - b) * (p * p / (1.0 + p * p))


def _qe1(b: float, va: float, vs: float) -> float:
    e = vs - va
    p = e if e > 0.0 else 0.0
    q = -e if e < 0.0 else 0.0
    return b - b * (q * q / (1.0 + q * q)) + (1.0 - b) * (p * p / (1.0 + p * p))


def _qe_d(
    b: FloatArray, va: FloatArray, vs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    e = vs - va
    p = np.maximum(e, 0.0)
    q = np.maximum(-e, 0.0)
    hp, hq = p * p / (1.0 + p * p), q * q / (1.0 + q * q)
    dp, dq = 2.0 * p / (1.0 + p * p) ** 2, 2.0 * q / (1.0 + q * q) ** 2
    de = b * dq + (1.0 - b) * dp
    return 1.0 - hq - hp, -de, de


def _qe_l(b: FloatArray) -> FloatArray:
    # h(x) = x^2 / (1 + x^2) has slope at most 3 sqrt(3) / 8, at x = 1 / sqrt(3).
    out: FloatArray = np.maximum(b, 1.0 - b) * (3.0 * math.sqrt(3.0) / 8.0)
    return out


QE = Kernels(_qe, _qe1, _qe_d, _qe_l)


# ---------------------------------------------------------------------- Euler-based
def _euler(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
    # At E = 0 the formula is exactly w; evaluated in floating point it can miss by an
    # ulp, and a claim with nothing for or against it must keep its base exactly.
    e = np.minimum(vs - va, EULER_CAP)
    return np.where(e == 0.0, b, 1.0 - (1.0 - b * b) / (1.0 + b * np.exp(e)))


def _euler1(b: float, va: float, vs: float) -> float:
    e = min(vs - va, EULER_CAP)
    return b if e == 0.0 else 1.0 - (1.0 - b * b) / (1.0 + b * math.exp(e))


def _euler_d(
    b: FloatArray, va: FloatArray, vs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    raw = vs - va
    e = np.minimum(raw, EULER_CAP)
    ex = np.exp(e)
    u = 1.0 / (1.0 + b * ex)
    de = np.where(raw < EULER_CAP, (1.0 - b * b) * ((b * ex) * u) * u, 0.0)
    return 2.0 * b * u + (1.0 - b * b) * (ex * u) * u, -de, de


def _euler_l(b: FloatArray) -> FloatArray:
    # (1 - w^2) y / (1 + y)^2 with y = w exp(E) is at most (1 - w^2) / 4, at y = 1.
    out: FloatArray = (1.0 - b * b) / 4.0
    return out


EULER = Kernels(_euler, _euler1, _euler_d, _euler_l)


# ---------------------------------------------------------------------- h-categorizer
def _hcat(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
    return b / (1.0 + va)


def _hcat1(b: float, va: float, vs: float) -> float:
    return b / (1.0 + va)


def _hcat_d(
    b: FloatArray, va: FloatArray, vs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    denom = 1.0 + va
    return 1.0 / denom, -b / (denom * denom), np.zeros_like(vs)


def _hcat_l(b: FloatArray) -> FloatArray:
    # w / (1 + A)^2 is at most w, at A = 0.
    out: FloatArray = np.array(b, dtype=np.float64, copy=True)
    return out


HCAT = Kernels(_hcat, _hcat1, _hcat_d, _hcat_l)
