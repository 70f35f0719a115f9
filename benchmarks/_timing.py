"""Timing helpers the benchmark scripts share."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable


def median_and_peak(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs of ``fn``, and the peak memory (MiB) that
    tracemalloc sees during one more run (NumPy's buffers included)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    try:
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return statistics.median(times), peak
