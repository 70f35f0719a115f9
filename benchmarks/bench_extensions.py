"""Dung semantics: grounded against a plain Python queue and py_arg; preferred and stable
through the SAT solver on random 1k-argument frameworks.

Everything runs in this one process on seeded graphs (``_graphs.random_af``, ``chain``
and two made here), times are medians, and every row checks its answer:

- grounded: ``grounded_mask`` against a plain Python queue written below (adjacency
  lists and a ``deque``, given Python lists made before the clock starts) at 1k, 10k,
  100k and 1M arguments; against python-argumentation (``py_arg``) at 1k when it is
  installed (``pip install python-argumentation``; it is never a dependency of arggraph);
  on a 1M attack chain in order and shuffled, and on a 1M "two-attacker chain" (every
  argument attacked by the two before it: no single-attacker path to contract, so the
  engine's queue fallback does the work);
- preferred and stable: against py_arg's enumeration where it can still answer (25
  arguments), and alone at 1k arguments with 2k to 4k attacks, each extension verified
  (stable: conflict-free and attacking everything outside; preferred: complete);
- acceptance (credulous and sceptical for every argument) at 1k.

Peak memory is tracemalloc's peak over one extra run of the arggraph side (Python and
NumPy allocations; the SAT solver's own C memory is not traced).

Run: ``python benchmarks/bench_extensions.py [--quick] [--repeat 3] [--solvers]``.
``--quick`` stops at 100k arguments; ``--solvers`` also times the python-sat solvers
that ``arggraph.semantics.sat`` could use, on easy and on hard random frameworks.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np
from _graphs import chain, random_af

from arggraph.framework import Framework
from arggraph.semantics import sat
from arggraph.semantics.dung import acceptance, extensions, grounded, grounded_mask
from arggraph.semantics.reference import grounded_queue

Row = dict[str, Any]


# ---------------------------------------------------------------------- baselines
def py_arg_framework(fw: Framework) -> Any:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat

    args = [Argument(i) for i in fw.ids]
    defeats = [
        Defeat(args[s], args[t])
        for s, t in zip(fw.att_src.tolist(), fw.att_tgt.tolist(), strict=True)
    ]
    return AbstractArgumentationFramework("bench", args, defeats)


def has_py_arg() -> bool:
    try:
        import py_arg  # noqa: F401
    except ImportError:
        return False
    return True


# ---------------------------------------------------------------------- graphs
def framework(n: int, src: np.ndarray, tgt: np.ndarray) -> Framework:
    empty = np.zeros(0, dtype=np.int64)
    return Framework(
        tuple(f"a{i}" for i in range(n)),
        np.full(n, 0.5),
        src.astype(np.int64),
        tgt.astype(np.int64),
        np.ones(len(src)),
        empty,
        empty.copy(),
        np.zeros(0),
    )


def shuffled_chain(n: int, seed: int = 3) -> Framework:
    perm = np.random.default_rng(seed).permutation(n)
    return framework(n, perm[:-1], perm[1:])


def two_attacker_chain(n: int, seed: int = 4) -> Framework:
    perm = np.random.default_rng(seed).permutation(n)
    i = np.arange(2, n)
    return framework(
        n,
        np.concatenate([[perm[0]], perm[i - 1], perm[i - 2]]),
        np.concatenate([[perm[1]], perm[i], perm[i]]),
    )


# ---------------------------------------------------------------------- checks
def verify(fw: Framework, ext: set[str], semantics: str) -> bool:
    """Stable: conflict-free and attacks all else; preferred/complete: complete."""
    member = np.zeros(fw.n, dtype=np.bool_)
    member[[fw.index[c] for c in ext]] = True
    src, tgt = fw.att_src, fw.att_tgt
    if (member[src] & member[tgt]).any():
        return False
    hit = np.zeros(fw.n, dtype=np.bool_)
    hit[tgt[member[src]]] = True
    if semantics == "stable":
        return bool((member | hit).all())
    # admissible: every attacker of a member is hit; complete: all it defends is in
    if not hit[src[member[tgt]]].all():
        return False
    undefended = np.zeros(fw.n, dtype=np.bool_)
    undefended[tgt[~hit[src]]] = True
    return bool(member[~undefended].all())


# ---------------------------------------------------------------------- timing
def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    result: Any = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_bytes(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def human_bytes(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


def seconds(t: float | None) -> str:
    if t is None:
        return "-"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


# ---------------------------------------------------------------------- rows
def grounded_row(task: str, size: str, fw: Framework, repeat: int, baseline: str) -> Row:
    ours_t, mask = median_time(lambda: grounded_mask(fw), repeat)
    peak = peak_bytes(lambda: grounded_mask(fw))
    if baseline == "py_arg":
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

        af = py_arg_framework(fw)
        base_t, ext = median_time(lambda: get_grounded_extension(af), 1)
        agree = {a.name for a in ext} == {fw.ids[i] for i in np.flatnonzero(mask)}
    else:
        src, tgt = fw.att_src.tolist(), fw.att_tgt.tolist()
        base_t, ref = median_time(lambda: grounded_queue(fw.n, src, tgt), repeat)
        agree = [code == 1 for code in ref] == mask.tolist()
    return {
        "task": task,
        "size": size,
        "ours": ours_t,
        "baseline": baseline,
        "base": base_t,
        "peak": peak,
        "agree": "yes" if agree else "NO",
    }


def structured_af(n: int, seed: int) -> Framework:
    """A random framework of ``n`` claims and ``3n`` attacks, a tenth of them by linked
    pairs, and ``n/20`` undercutters aimed at random attacks."""
    from arggraph.framework import Link

    rng = np.random.default_rng(seed)
    ids = [f"a{i}" for i in range(n)]
    links: list[Link] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for i in range(3 * n):
        k = 2 if rng.random() < 0.1 else 1
        premises = tuple(sorted({ids[int(x)] for x in rng.integers(0, n, k)}))
        key = (premises, ids[int(rng.integers(0, n))])
        if key not in seen:
            seen.add(key)
            links.append(Link("attack", premises, key[1], id=f"r{i}"))
    for j in range(n // 20):
        victim = links[int(rng.integers(0, len(links)))].id
        assert victim is not None
        links.append(Link("attack", (ids[int(rng.integers(0, n))],), victim, id=f"u{j}"))
    return Framework.from_links(ids, None, links)


def structured_row(n: int, repeat: int) -> Row:
    """Grounded with set attacks and undercutters: the flattening (built anew each run,
    one argument per attack) and the labelling, against the plain queue on the
    flattening."""
    from arggraph.semantics.dung import flatten

    fw = structured_af(n, 1)

    def ours() -> list[str]:
        return sorted(grounded(replace(fw, base=fw.base.copy())))

    ours_t, got = median_time(ours, repeat)
    flat = flatten(fw)
    src, tgt = flat.att_src.tolist(), flat.att_tgt.tolist()
    base_t, ref = median_time(lambda: grounded_queue(flat.n, src, tgt), repeat)
    want = sorted(flat.ids[i] for i, code in enumerate(ref) if code == 1 and i < fw.n)
    return {
        "task": "grounded, set attacks and undercuts",
        "size": f"{n // 1000}k / {len(flat.att_src) // 1000}k defeats",
        "ours": ours_t,
        "baseline": "plain queue on the flattening",
        "base": base_t,
        "peak": peak_bytes(ours),
        "agree": "yes" if got == want else "NO",
    }


def enumeration_row(semantics: str, n: int, m: int, repeat: int, seed: int = 1) -> Row:
    fw = random_af(n, m, seed)
    ours_t, found = median_time(lambda: extensions(fw, semantics), repeat)
    peak = peak_bytes(lambda: extensions(fw, semantics))
    row: Row = {
        "task": f"{semantics} ({len(found)} found)",
        "size": f"{n} / {m}",
        "ours": ours_t,
        "peak": peak,
    }
    if n <= 30 and has_py_arg():
        from py_arg.algorithms.semantics.get_preferred_extensions import (
            get_preferred_extensions,
        )
        from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

        af = py_arg_framework(fw)
        get = get_preferred_extensions if semantics == "preferred" else get_stable_extensions
        base_t, theirs = median_time(lambda: get(af), 1)
        same = {frozenset(a.name for a in e) for e in theirs} == {frozenset(e) for e in found}
        row.update(baseline="py_arg", base=base_t, agree="yes" if same else "NO")
    else:
        ok = all(verify(fw, e, semantics) for e in found)
        row.update(baseline="(none answers)", base=None, agree="verified" if ok else "NO")
    return row


def acceptance_row(semantics: str, n: int, m: int, repeat: int, seed: int = 1) -> Row:
    fw = random_af(n, m, seed)
    ours_t, acc = median_time(lambda: acceptance(fw, semantics), repeat)
    peak = peak_bytes(lambda: acceptance(fw, semantics))
    # check against the extensions themselves
    found = extensions(fw, semantics)
    cred = {c for e in found for c in e}
    scep = set.intersection(*found) if found else set(fw.ids)
    ok = all(
        v["credulous"] == (c in cred) and v["sceptical"] == (c in scep) for c, v in acc.items()
    )
    return {
        "task": f"{semantics} acceptance, all args",
        "size": f"{n} / {m}",
        "ours": ours_t,
        "baseline": "via extensions",
        "base": None,
        "peak": peak,
        "agree": "yes" if ok else "NO",
    }


def table(rows: list[Row]) -> str:
    head = (
        "| task | size (args / attacks) | arggraph | baseline | baseline time | ratio "
        "| peak memory | answers agree |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r['base'] / r['ours']:.1f}x" if r.get("base") else "-"
        lines.append(
            f"| {r['task']} | {r['size']} | {seconds(r['ours'])} | {r['baseline']} "
            f"| {seconds(r.get('base'))} | {ratio} | {human_bytes(r['peak'])} "
            f"| {r['agree']} |"
        )
    return "\n".join(lines)


def solver_table(repeat: int) -> str:
    """Time the candidate solvers on easy and hard random 1k frameworks."""
    cases = [
        ("preferred", 1000, 3000, None),
        ("preferred", 1000, 4000, None),
        ("stable", 1000, 4000, None),
        ("stable", 1000, 4500, 1),
    ]
    lines = [
        "| solver | "
        + " | ".join(f"{s} {n}/{m}" + (" (first)" if lim else "") for s, n, m, lim in cases)
        + " |",
        "|---|" + "---|" * len(cases),
    ]
    chosen = sat.SOLVER
    try:
        for name in ("cadical195", "glucose4", "glucose42", "minisat22", "maplechrono"):
            sat.SOLVER = name
            cells = []
            for semantics, n, m, lim in cases:
                fw = random_af(n, m, 1)
                t, _ = median_time(partial(extensions, fw, semantics, limit=lim), repeat)
                cells.append(seconds(t))
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
            print(lines[-1], file=sys.stderr, flush=True)
    finally:
        sat.SOLVER = chosen
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--quick", action="store_true", help="stop at 100k arguments")
    parser.add_argument("--solvers", action="store_true", help="also compare SAT solvers")
    args = parser.parse_args(argv)
    repeat = args.repeat
    rows: list[Row] = []

    def add(row: Row) -> None:
        rows.append(row)
        print(f"  {row['task']} {row['size']}: {seconds(row['ours'])}", file=sys.stderr, flush=True)

    sizes = [1_000, 10_000, 100_000] + ([] if args.quick else [1_000_000])
    if has_py_arg():
        add(
            grounded_row(
                "grounded, random AF", "1k / 3k", random_af(1000, 3000, 1), repeat, "py_arg"
            )
        )
    else:
        print(
            "py_arg is not installed: its row is skipped (the issue measured 4.75 s at 1k)",
            file=sys.stderr,
        )
    for n in sizes:
        label = f"{n // 1000}k / {3 * n // 1000}k" if n < 1_000_000 else "1M / 3M"
        add(
            grounded_row(
                "grounded, random AF", label, random_af(n, 3 * n, 1), repeat, "plain queue"
            )
        )
    for n in [10_000, 100_000]:
        add(structured_row(n, repeat))
    big = 100_000 if args.quick else 1_000_000
    label = "100k" if args.quick else "1M"
    add(
        grounded_row(
            "grounded, attack chain in order",
            f"{label} / {label}",
            chain(big),
            repeat,
            "plain queue",
        )
    )
    add(
        grounded_row(
            "grounded, attack chain shuffled",
            f"{label} / {label}",
            shuffled_chain(big),
            repeat,
            "plain queue",
        )
    )
    add(
        grounded_row(
            "grounded, two-attacker chain",
            f"{label} / 2x",
            two_attacker_chain(big),
            repeat,
            "plain queue",
        )
    )
    for semantics in ("preferred", "stable"):
        add(enumeration_row(semantics, 25, 50, repeat))
    for m in (2000, 3000, 4000):
        for semantics in ("preferred", "stable"):
            add(enumeration_row(semantics, 1000, m, repeat))
    for semantics in ("preferred", "stable"):
        add(acceptance_row(semantics, 1000, 4000, repeat))
    print(table(rows))
    if args.solvers:
        print()
        print(solver_table(repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
