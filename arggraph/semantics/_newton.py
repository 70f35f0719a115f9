"""Newton's method for a cyclic component whose fixed-point iteration stalls.

The strengths of a cyclic component are a fixed point ``s = F(s)`` of the semantics'
update on ``[0, 1]^k``; one exists for every continuous update (Brouwer). Plain and damped
iteration find it when ``F`` contracts near it, but where the Jacobian ``J`` of ``F`` has
an eigenvalue 1 at the fixed point (DF-QuAD on a self-attack, say), iteration slows to
about ``1/t``: ten thousand rounds leave an error near ``1e-4``. Newton's method on
``G(s) = F(s) - s`` solves ``(I - J) d = G`` for the step instead, and converges
quadratically at a regular root and linearly (halving the error each step) at a simple
singular one (Decker, Keller and Kelley, "Convergence rates for Newton's method at singular
points", SIAM J. Numer. Anal. 20, 1983). Steps are kept in the box ``[0, 1]^k`` and
halved until the residual falls (a backtracking line search; Nocedal and Wright,
*Numerical Optimization*, 2nd ed., 2006, ch. 3 and 11); where ``I - J`` is singular the
step is its least-squares solution.

It stops when the residual ``max |F(s) - s|`` and the last Newton step are both within
the tolerance: near a root the Newton step estimates the error, so the answer is within
the tolerance of the fixed point and not only a point where ``F`` moves little.

>>> import numpy as np
>>> g = lambda x: (x * (1.0 - 0.5 * x)) - x          # F(x) = x(1 - x/2): a double root at 0
>>> j = lambda x: np.array([[1.0 - x[0]]])
>>> x, res, ok = solve(np.array([0.01]), g, j, 1e-9)
>>> ok, bool(abs(x[0]) <= 2e-9)
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..framework import FloatArray

__all__ = ["STEPS", "solve"]

#: Newton steps allowed before giving up (each halves the error at worst, at a simple
#: singular root; far fewer are needed at a regular one).
STEPS = 200
#: Line search: the shortest fraction of a Newton step tried before giving up.
_SHORTEST = 2.0**-30


def solve(
    x0: FloatArray,
    residual: Callable[[FloatArray], FloatArray],
    jacobian: Callable[[FloatArray], FloatArray],
    tol: float,
    steps: int = STEPS,
) -> tuple[FloatArray, float, bool]:
    """Newton's method for ``residual(x) = F(x) - x = 0`` on ``[0, 1]^k`` from ``x0``.

    ``jacobian(x)`` is ``F``'s Jacobian, shape ``(k, k)``. Returns ``(x, max |residual|,
    converged)``; ``converged`` when both the residual and the last step are within
    ``tol``. Never raises for a singular system (the least-squares step is taken).
    """
    x = np.clip(np.asarray(x0, dtype=np.float64), 0.0, 1.0)
    g = residual(x)
    res = float(np.max(np.abs(g), initial=0.0))
    k = len(x)
    eye = np.eye(k)
    for _ in range(steps):
        a = eye - jacobian(x)
        try:
            d = np.linalg.solve(a, g)
        except np.linalg.LinAlgError:
            d = np.linalg.lstsq(a, g, rcond=None)[0]
        if not np.all(np.isfinite(d)):
            d = np.linalg.lstsq(a, g, rcond=None)[0]
        t = 1.0
        while t >= _SHORTEST:
            trial = np.clip(x + t * d, 0.0, 1.0)
            g_trial = residual(trial)
            res_trial = float(np.max(np.abs(g_trial), initial=0.0))
            if res_trial < res or res_trial <= tol:
                break
            t /= 2.0
        else:
            return x, res, res <= tol  # no step lowers the residual: stalled here
        moved = float(np.max(np.abs(trial - x), initial=0.0))
        x, g, res = trial, g_trial, res_trial
        if res <= tol and moved <= tol:
            return x, res, True
    return x, res, False
