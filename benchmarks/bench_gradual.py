"""Gradual semantics speed: the NumPy engine against plain-Python baselines, same process.

Every row times arggraph and a baseline on the same seeded graph (``_graphs.py``),
checks that their answers agree, and reports the peak memory of one arggraph run
(tracemalloc, which sees NumPy's buffers):

- ``dfquad``/``qe``/``euler`` on an acyclic random bipolar graph: ``strengths`` on a
  fresh framework (so the layout is built each time) against the pure-Python
  topological reference (:mod:`arggraph.semantics.reference`).
- the same on a cyclic graph, converged to 1e-9, against the reference's Jacobi
  iteration (weights scaled so every claim's incoming weights sum to 0.9 at most, so the
  fixed point is unique and both must reach it).
- one base-score edit on a 10k-claim debate (``debate``): the incremental engine's
  ``set_base`` (median over 300 random edits) against a full recompute.
- ``explain`` of one topic (every removal and every gradient) against the peers' way:
  finite differences and one recomputation per claim with the reference engine. The
  issue's figures for QBAF-Py on 1k claims (12.1 s gradients + 6.9 s removals) are
  printed beside, as published there, not re-measured.
- ``arggraph score graphs/bakhmut.json`` as a whole process (median of 5).
- ``explain --top 10`` against ``score`` on deep graphs (an alternating chain, and a
  random cyclic graph with two relations a claim) at 1k, 10k and 100k claims: the bound
  and branch and bound keep it within a small multiple of scoring where computing every
  removal is quadratic.

In-process times are CPU seconds of this process (both sides are single-threaded, so
that is the work done, whatever else shares the machine), the fastest of several runs,
the baseline's interleaved with the engine's. The edit row compares medians of wall
times (an edit is too short for the CPU clock); the process row is wall time.

Run: ``python benchmarks/bench_gradual.py`` (the full sizes: about ten minutes, most of
it in the plain-Python baselines) or ``--quick`` (a tenth of the sizes); ``--scaling``
runs the last table alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from _graphs import alternating_chain, debate, random_bipolar

from arggraph import Framework
from arggraph.framework import FloatArray
from arggraph.semantics import reference
from arggraph.semantics._engine import layout
from arggraph.semantics.explain import Explanation, explain
from arggraph.semantics.gradual import strengths
from arggraph.semantics.incremental import GradualEngine

ROOT = Path(__file__).resolve().parents[1]
Row = tuple[str, str, float, float | None, float, bool | None]


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs in CPU seconds of this process, and the last result.

    Both sides run single-threaded, so the process's CPU time is the work done; unlike
    the wall clock it does not count the time other programs on a shared machine hold
    the cores. The fastest run is the least disturbed (caches, page faults).
    """
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return min(times), result


def peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def fresh(fw: Framework) -> Framework:
    """A copy with its own identity, so the engine's layout cache cannot help."""
    return replace(fw, base=fw.base.copy())


def fresh_strengths(fw: Framework, semantics: str) -> FloatArray:
    """Strengths of a fresh copy of ``fw`` (see :func:`fresh`), copy made inside the timing."""
    return strengths(fresh(fw), semantics)


def contractive(fw: Framework, total: float = 0.9) -> Framework:
    w = np.concatenate([fw.att_w, fw.sup_w])
    tgt = np.concatenate([fw.att_tgt, fw.sup_tgt])
    into = np.bincount(tgt, weights=w, minlength=fw.n)
    w = w * np.minimum(1.0, total / np.maximum(into[tgt], 1e-300))
    k = len(fw.att_w)
    return replace(fw, att_w=w[:k], sup_w=w[k:])


def semantics_rows(fw: Framework, label: str, size: str, sems: list[str], repeat: int) -> list[Row]:
    rows: list[Row] = []
    for sem in sems:
        fast_times, ref_times = [], []
        for _ in range(2):  # interleaved, so that both sides see the same machine
            t, fast = timed(partial(fresh_strengths, fw, sem), repeat)
            fast_times.append(t)
            t, ref = timed(partial(reference.strengths, fw, sem), 1)
            ref_times.append(t)
        t_fast, t_ref = min(fast_times), min(ref_times)
        agree = bool(np.abs(fast - np.asarray(ref)).max() <= 1e-9)
        mem = peak_mib(partial(fresh_strengths, fw, sem))
        rows.append((f"{sem}, {label}", size, t_fast, t_ref, mem, agree))
    return rows


def incremental_row(n: int, edits: int) -> Row:
    fw = debate(n, seed=1)
    engine = GradualEngine(fw)
    rng = np.random.default_rng(2)
    times = []
    for _ in range(edits):  # wall clock: an edit is too short for the CPU clock
        cid = fw.ids[int(rng.integers(n))]
        t0 = time.perf_counter()
        engine.set_base(cid, float(rng.random()))
        times.append(time.perf_counter() - t0)
    fulls = []
    for _ in range(20):
        t0 = time.perf_counter()
        full = strengths(fresh(engine.framework))
        fulls.append(time.perf_counter() - t0)
    t_full = statistics.median(fulls)
    agree = bool(np.abs(full - engine.values).max() <= 1e-9)
    mem = peak_mib(lambda: engine.set_base(fw.ids[3], 0.123))
    return (
        "one base edit, incremental (median)",
        f"{n:,} claims debate",
        statistics.median(times),
        t_full,
        mem,
        agree,
    )


def peer_explain(fw: Framework, topic: str) -> tuple[dict[str, float], dict[str, float]]:
    """The peers' method: finite differences and one recomputation per claim."""
    t = fw.index_of(topic)
    base = reference.strengths(fw)[t]
    grads: dict[str, float] = {}
    removals: dict[str, float] = {}
    h = 1e-6
    for cid in fw.ids:
        if cid == topic:
            continue
        b = float(fw.base[fw.index_of(cid)])
        up = reference.strengths(fw.with_base({cid: min(b + h, 1.0)}))[t]
        down = reference.strengths(fw.with_base({cid: max(b - h, 0.0)}))[t]
        grads[cid] = (up - down) / (min(b + h, 1.0) - max(b - h, 0.0))
        i = fw.index_of(cid)
        keep_a = (fw.att_src != i) & (fw.att_tgt != i)
        keep_s = (fw.sup_src != i) & (fw.sup_tgt != i)
        cut = replace(
            fw,
            att_src=fw.att_src[keep_a],
            att_tgt=fw.att_tgt[keep_a],
            att_w=fw.att_w[keep_a],
            sup_src=fw.sup_src[keep_s],
            sup_tgt=fw.sup_tgt[keep_s],
            sup_w=fw.sup_w[keep_s],
            att_rel=None,
            sup_rel=None,
        )
        removals[cid] = base - reference.strengths(cut)[t]
    return grads, removals


def explain_row(fw: Framework, label: str, with_baseline: bool) -> Row:
    lay = layout(fw)
    ins = np.bincount(lay.tgt, minlength=fw.n)
    candidates = np.argsort(ins)[-20:].tolist() + [0]
    topic_i = max(candidates, key=lambda c: len(lay.ancestors([c])))
    topic = fw.ids[topic_i]
    t_fast, ex = timed(lambda: explain(fresh(fw), topic), 3)
    mem = peak_mib(lambda: explain(fresh(fw), topic))
    size = f"{fw.n:,} claims, {len(ex.contributions):,} reach the topic"
    if not with_baseline:
        return (f"explain, {label}", size, t_fast, None, mem, None)
    t_peer, (grads, removals) = timed(lambda: peer_explain(fw, topic), 1)
    agree = all(
        abs(c.removal - removals[c.claim]) <= 1e-9 and abs(c.gradient - grads[c.claim]) <= 1e-5
        for c in ex.contributions
    )
    return (f"explain, {label} (vs finite diff.)", size, t_fast, t_peer, mem, agree)


def explain_top(fw: Framework, topic: str, top: int, semantics: str = "dfquad") -> Explanation:
    """``explain --top`` on a fresh copy of ``fw`` (its layout built inside the timing)."""
    return explain(fresh(fw), topic, semantics, top=top)


def scaling_rows(
    sizes: list[int], repeat: int, semantics: str = "dfquad", total: float = 0.9
) -> list[tuple[str, int, int, float, float]]:
    """``explain --top 10`` against ``score`` on deep graphs: an alternating chain and a
    random graph with two relations a claim (cyclic, weights scaled so each claim's incoming
    weights sum to ``total`` at most: below 1, a contraction under every semantics),
    at each size; the topic is the claim the most others reach. Both on a fresh framework,
    so each builds its layout."""
    rows = []
    for n in sizes:
        for label, fw in (
            ("alternating chain", alternating_chain(n)),
            (
                "random, 2 relations a claim",
                contractive(random_bipolar(n, 2 * n, seed=4, acyclic=False), total),
            ),
        ):
            lay = layout(fw)
            ins = np.bincount(lay.tgt, minlength=fw.n)
            candidates = [*np.argsort(ins)[-10:].tolist(), 0]
            topic = fw.ids[max(candidates, key=lambda c: len(lay.ancestors([c])))]
            t_score, _ = timed(partial(fresh_strengths, fw, semantics), repeat)
            t_top, ex = timed(partial(explain_top, fw, topic, 10, semantics), repeat)
            rows.append((label, n, len(ex.contributions), t_score, t_top))
    return rows


def print_scaling(rows: list[tuple[str, int, int, float, float]]) -> None:
    head = ("graph", "claims", "reach the topic", "score", "explain --top 10", "explain / score")
    table = [head]
    for label, n, reach, t_score, t_top in rows:
        table.append(
            (
                label,
                f"{n:,}",
                f"{reach:,}",
                f"{t_score * 1e3:.2f} ms",
                f"{t_top * 1e3:.2f} ms",
                f"{t_top / t_score:.1f}x",
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for j, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if j == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def process_row() -> Row:
    graph = ROOT / "graphs" / "bakhmut.json"
    cmd = [sys.executable, "-m", "arggraph", "score", str(graph), "--format", "json"]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    bare = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    t_py = statistics.median(bare)
    return (
        "`arggraph score bakhmut.json` (process)",
        f"whole process (bare python: {t_py * 1e3:.0f} ms)",
        statistics.median(times),
        None,
        float("nan"),
        None,
    )


def print_table(rows: list[Row]) -> None:
    head = ("task", "size", "arggraph", "baseline", "ratio", "peak MiB", "agree")
    table = [head]
    for task, size, fast, base, mem, agree in rows:
        table.append(
            (
                task,
                size,
                f"{fast * 1e3:.2f} ms" if fast < 1 else f"{fast:.2f} s",
                "-" if base is None else (f"{base * 1e3:.2f} ms" if base < 1 else f"{base:.2f} s"),
                "-" if base is None else f"{base / fast:.0f}x",
                "-" if mem != mem else f"{mem:.1f}",
                "-" if agree is None else ("yes" if agree else "NO"),
            )
        )
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for j, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if j == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--scaling", action="store_true", help="only the last table: explain --top 10 vs score"
    )
    parser.add_argument(
        "--semantics",
        choices=["dfquad", "qe", "euler"],
        default="dfquad",
        help="the last table's semantics",
    )
    parser.add_argument(
        "--total",
        type=float,
        default=0.9,
        help="the last table's cyclic graph: each claim's incoming weights sum to at most this",
    )
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    sizes = [100, 1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    if args.scaling:
        print(
            f"Explaining deep graphs: `explain --top 10` against `score` under {args.semantics}"
            f", incoming weights summing to {args.total} at most (CPU seconds).\n"
        )
        print_scaling(scaling_rows(sizes, args.repeat, args.semantics, args.total))
        return 0
    n_big, n_cyc = 1_000_000 // scale, 100_000 // scale
    rows: list[Row] = []
    dag = random_bipolar(n_big, 3 * n_big, seed=1, acyclic=True)
    rows += semantics_rows(
        dag, "acyclic", f"{n_big:,} / {3 * n_big:,}", ["dfquad", "qe", "euler"], args.repeat
    )
    del dag
    cyc = contractive(random_bipolar(n_cyc, 3 * n_cyc, seed=2, acyclic=False))
    rows += semantics_rows(
        cyc, "cyclic, to 1e-9", f"{n_cyc:,} / {3 * n_cyc:,}", ["dfquad"], args.repeat
    )
    rows.append(incremental_row(10_000, 300))
    rows.append(explain_row(random_bipolar(1000, 3000, seed=3), "random 1k", True))
    rows.append(explain_row(debate(1000, seed=3), "debate 1k", False))
    rows.append(explain_row(debate(10_000, seed=3), "debate 10k", False))
    if (ROOT / "graphs" / "bakhmut.json").exists():
        rows.append(process_row())
    print(
        "Times: CPU seconds of this process, fastest of several runs (edit and process "
        "rows: median wall time).\n"
    )
    print_table(rows)
    print(
        "\nQBAF-Py, as measured in the speed issue on 1k claims: 12.1 s for all gradient "
        "contributions, 6.9 s for all removal contributions."
    )
    print("\nExplaining deep graphs: `explain --top 10` against `score` (CPU seconds).\n")
    print_scaling(scaling_rows(sizes, args.repeat, args.semantics, args.total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
