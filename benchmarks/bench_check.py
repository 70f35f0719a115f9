"""Speed of `arggraph check`: every rule on large graphs, and quote verification's scaling.

Part 1 generates seeded graphs of 10k and 100k claims (two positions; each claim with an
attribution: actor, document, a quote from that document's text, a date; three relations
a claim, to earlier claims, each attributed with the source claim's quote) and the texts
of their documents (one for every 100 claims, articles of about 20 kB) in a temporary
folder, with 1 quote in 100 altered so that P006 fires and computes its hint.
It times, in this one process, median of ``--repeat`` runs:

- ``arggraph.loads`` of the file (the baseline: what any command pays first);
- ``check`` without documents (every rule but the three that read texts), and each
  family alone (S, P, R);
- ``check`` with ``documents=`` (quotes verified).

Part 2 shows that quote verification is linear, not quadratic: it verifies ``q`` quotes
against one document of ``L`` characters, ``q`` and ``L`` both doubled each row, three
ways: the checks' way (the text normalised once, and indexed by word starts when many
quotes cite it: :class:`arggraph.checks.documents.QuoteFinder`), one plain substring
search per quote on the text normalised once (linear in C, but each search scans up to
``L``), and the naive way (the text normalised again for every quote: ``q * L`` in
Python). The first column pair should grow 2x a row, the naive one 4x.

Part 3 runs ``arggraph check`` as a user does, one whole process per run, on the graph
of the loading benchmark of issue 16 (``debate_file``: claims with id, text, kind and
base, no attributions and no documents; 2.87 random acyclic relations a claim, at most
one per ordered pair, 60% attacks; written as ``json.dumps`` writes it, on one line),
at 10k, 100k and 300k claims, against a whole process that only ``json.load`` s the
same file. Each process is timed by wall clock and by CPU (user + system, from
``wait4``), with its peak resident memory; a shared machine moves the wall times, the
CPU ratios less (peak memory is read from Linux's ``/proc``). Every claim lacks an
attribution and every relation too, so the check
reports a finding for nearly every item (1.2M at 300k): the report is what costs. One
more row checks the 100k graph written indented (one value a line), where finding
lines takes the scan of the file; and one checks eight 50k graphs in one command,
``--jobs 1`` against the default (one process a core).

Run: ``python benchmarks/bench_check.py [--sizes 10000,100000] [--repeat 3]
[--part 1|2|3] [--process-sizes 10000,100000,300000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from arggraph.checks import check
from arggraph.checks.documents import QuoteFinder
from arggraph.io import loads
from arggraph.quotes import find_quote, normalize

WORDS = (
    "the front line city defence supply road troops artillery losses russian ukrainian "
    "forces withdraw hold position bridge hills west east north south ammunition "
    "reserves brigade commander analysts said report week month counteroffensive "
    "attrition symbolic strategic value casualties ratio"
).split()
N_ACTORS = 50


def sentence(rng: random.Random, i: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)) + f" number {i}."


def make_case(n: int, folder: Path, seed: int = 11) -> bytes:
    """A graph of ``n`` claims as file bytes; its documents' texts go to ``folder``."""
    rng = random.Random(seed)
    n_docs = max(20, n // 100)
    texts: list[list[str]] = [[] for _ in range(n_docs)]
    claims: list[dict[str, Any]] = [
        {"id": "withdraw", "text": "Withdraw", "kind": "position"},
        {"id": "hold", "text": "Hold", "kind": "position"},
    ]
    for i in range(2, n):
        d = i % n_docs
        said = sentence(rng, i)
        texts[d].append(said + " " + sentence(rng, -i))  # the quote and some filler
        quote = said[:-1] if i % 100 else said.replace("the", "a", 1) + " (altered)"
        claims.append(
            {
                "id": f"c{i}",
                "text": f"Claim {i} about the question.",
                "kind": rng.choice(["claim", "claim", "evidence"]),
                "attributions": [
                    {
                        "actor": f"a{i % N_ACTORS}",
                        "document": f"d{d}",
                        "quote": quote,
                        "date": f"2023-{1 + i % 4:02d}-{1 + i % 28:02d}",
                    }
                ],
            }
        )
    relations: list[dict[str, Any]] = [
        {"type": "attack", "source": "withdraw", "target": "hold"},
        {"type": "attack", "source": "hold", "target": "withdraw"},
    ]
    for i in range(2, n):
        said = claims[i]["attributions"][0]
        for t in sorted({rng.randrange(i) for _ in range(3)}):
            relations.append(
                {
                    "type": rng.choice(["support", "attack"]),
                    "source": f"c{i}",
                    "target": claims[t]["id"],
                    "attributions": [dict(said)],
                }
            )
    for d, parts in enumerate(texts):
        (folder / f"d{d}.txt").write_text("\n".join(parts), encoding="utf-8")
    graph = {
        "format": "arggraph/1",
        "id": "bench",
        "title": "bench",
        "question": "?",
        "documents": [
            {"id": f"d{d}", "title": f"Doc {d}", "published": "2023-05-01", "file": f"d{d}.txt"}
            for d in range(n_docs)
        ],
        "actors": [
            {"id": f"a{j}", "name": f"Actor {j}", "kind": "analyst"} for j in range(N_ACTORS)
        ],
        "claims": claims,
        "relations": relations,
    }
    return json.dumps(graph).encode()


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak memory traced while ``fn`` runs once (MiB)."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def measure(n: int, repeat: int) -> str:
    """One row of part 1: the graph of ``n`` claims, timed every way."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = make_case(n, folder)
        load_t = timed(lambda: loads(data, strict=False), repeat)
        g = loads(data, strict=False)
        g.framework  # noqa: B018 - built once, as any command would

        def run(select: list[str] | None = None, docs: Path | None = None) -> int:
            return len(check(g, documents=docs, select=select))

        def with_texts() -> int:
            normalize.cache_clear()  # the texts are read and normalised inside the timing
            return run(None, folder)

        plain = timed(run, repeat)
        fam = [timed(partial(run, [f]), repeat) for f in "SPR"]
        full = timed(with_texts, repeat)
        count = with_texts()
        peak = peak_mib(with_texts)
        quotes = sum(len(c.attributions) for c in g.model.claims)
        quotes += sum(len(r.attributions) for r in g.model.relations)
        return (
            f"| {n:,} | {len(g.relations):,} | {len(g.documents):,} | {quotes:,} "
            f"| {load_t:.2f} | {plain:.2f} | {plain / load_t:.2f}x | {fam[0]:.2f} "
            f"| {fam[1]:.2f} | {fam[2]:.2f} | {full:.2f} | {full / load_t:.2f}x "
            f"| {count:,} | {peak:.0f} |"
        )


def part_one(sizes: list[int], repeat: int) -> None:
    print("## check on generated graphs\n")
    print(
        "| claims | relations | documents | quotes | load s (baseline) | check s, no texts "
        "| ratio | S s | P s | R s | check s, with texts | ratio | findings | peak MiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        print(measure(n, repeat), flush=True)
        print(f"  done {n}", file=sys.stderr)


def part_two(repeat: int) -> None:
    print("\n## quote verification: q quotes against one document of L characters\n")
    print(
        "| q quotes | L chars | checks s | us/quote | plain search s | us/quote "
        "| naive s | naive / checks |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    rng = random.Random(5)
    naive_normalize = normalize.__wrapped__
    for step in range(6):
        q, lines = 500 * 2**step, 1000 * 2**step
        body = [sentence(rng, i) for i in range(lines)]
        text = "\n".join(body)
        quotes = [body[rng.randrange(lines)][:-1] for _ in range(q)]

        def checks(text: str = text, quotes: list[str] = quotes) -> None:
            finder = QuoteFinder(naive_normalize(text), expected=len(quotes))
            assert all(finder.found(quote) for quote in quotes)

        def plain(text: str = text, quotes: list[str] = quotes) -> None:
            doc = naive_normalize(text)
            assert all(find_quote(quote, doc) for quote in quotes)

        def naive(text: str = text, quotes: list[str] = quotes[:100]) -> None:
            assert all(find_quote(quote, naive_normalize(text)) for quote in quotes)

        t_checks, t_plain = timed(checks, repeat), timed(plain, repeat)
        # the naive way on 100 quotes, scaled to q: it is linear in q by construction
        t_naive = timed(naive, 1) * q / 100 if step < 4 else float("nan")
        naive_s = f"{t_naive:.1f}" if t_naive == t_naive else "-"
        ratio = f"{t_naive / t_checks:.0f}x" if t_naive == t_naive else "-"
        print(
            f"| {q:,} | {len(text):,} | {t_checks:.3f} | {t_checks / q * 1e6:.0f} "
            f"| {t_plain:.3f} | {t_plain / q * 1e6:.0f} | {naive_s} | {ratio} |"
        )


def debate_file(n: int, seed: int = 16, indent: int | None = None) -> bytes:
    """The loading benchmark's graph of ``n`` claims as file bytes (see part 3)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    m = int(round(n * 2.87))
    src = rng.integers(1, n, size=int(m * 1.1))
    tgt = (rng.random(len(src)) * src).astype(np.int64)  # always an earlier claim
    _, first = np.unique(src * n + tgt, return_index=True)  # one per ordered pair
    first = np.sort(first)[:m]
    src, tgt = src[first], tgt[first]
    attack = rng.random(len(src)) < 0.6
    kinds = rng.choice(["claim", "claim", "evidence"], size=n).tolist()
    base = np.round(rng.random(n), 3).tolist()
    ids = ["p0", "p1", *(f"c{i}" for i in range(2, n))]
    claims = [
        {
            "id": ids[i],
            "text": f"Claim {i} about the question.",
            "kind": "position" if i < 2 else kinds[i],
            "base": base[i],
        }
        for i in range(n)
    ]
    relations = [
        {"type": "attack" if a else "support", "source": ids[s], "target": ids[t]}
        for s, t, a in zip(src.tolist(), tgt.tolist(), attack.tolist(), strict=True)
    ]
    graph = {
        "format": "arggraph/1",
        "id": "bench",
        "title": "bench",
        "question": "?",
        "claims": claims,
        "relations": relations,
    }
    return json.dumps(graph, indent=indent).encode()


#: Prepended to each measured process: at exit it writes its peak resident memory, as
#: Linux counts it for the program itself (VmHWM: a forked process's maxrss would count
#: the benchmark's own memory too).
_PEAK = """
import atexit, sys
def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("\\nPEAK " + line.split()[1] + "\\n")
atexit.register(_peak)
"""


#: The children's environment: bytecode is cached, as an installed package has it (a
#: machine that sets ``PYTHONDONTWRITEBYTECODE`` would recompile every module each run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(code: str) -> tuple[float, float, float]:
    """Run the Python ``code`` as a process of its own (output to /dev/null): wall
    seconds, CPU seconds (user + system) and peak resident memory (MiB)."""
    import subprocess

    t0 = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-c", _PEAK + code], stdout=sink, stderr=subprocess.PIPE, env=ENV
        )
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    returncode = os.waitstatus_to_exitcode(status)
    peaks = [line.split()[1] for line in err.splitlines() if line.startswith("PEAK ")]
    if returncode not in (0, 1) or not peaks:
        raise RuntimeError(f"{code!r} failed ({returncode}): {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, int(peaks[-1]) / 1024


def _check_code(files: list[str], *options: str) -> str:
    argv = ["arggraph", "check", *files, "--no-config", *options]
    return (
        f"import runpy, sys; sys.argv = {argv!r}; runpy.run_module('arggraph', run_name='__main__')"
    )


def best(code: str, repeat: int) -> tuple[float, float, float]:
    """The fastest of ``repeat`` runs by CPU (wall, CPU and peak memory of that run),
    after one untimed run that caches the bytecode."""
    run_process(code)
    return min((run_process(code) for _ in range(repeat)), key=lambda r: r[1])


def part_three(sizes: list[int], repeat: int) -> None:
    print("\n## whole processes: arggraph check against json.load\n")
    print(
        "| graph | file MB | findings | json.load wall s | CPU s | peak MiB "
        "| check wall s | CPU s | peak MiB | wall ratio | CPU ratio | memory ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        cases: list[tuple[str, list[str]]] = []
        for n in sizes:
            path = Path(tmp) / f"debate{n}.json"
            path.write_bytes(debate_file(n))
            cases.append((f"{n:,} claims", [str(path)]))
        if 100_000 in sizes:
            path = Path(tmp) / "debate100000-indented.json"
            path.write_bytes(debate_file(100_000, indent=2))
            cases.append(("100,000 claims, indented", [str(path)]))
        for label, files in cases:
            size = sum(Path(f).stat().st_size for f in files) / 1e6
            load = best(f"import json; json.load(open({files[0]!r}, 'rb'))", repeat)
            check = best(_check_code(files), repeat)
            counted = subprocess_findings(py, files)
            print(
                f"| {label} | {size:.0f} | {counted:,} | {load[0]:.2f} | {load[1]:.2f} "
                f"| {load[2]:.0f} | {check[0]:.2f} | {check[1]:.2f} | {check[2]:.0f} "
                f"| {check[0] / load[0]:.1f}x | {check[1] / load[1]:.1f}x "
                f"| {check[2] / load[2]:.1f}x |",
                flush=True,
            )
        many = []
        for k in range(8):
            path = Path(tmp) / f"many{k}.json"
            path.write_bytes(debate_file(50_000, seed=k))
            many.append(str(path))
        one = best(_check_code(many, "--jobs", "1"), repeat)
        cores = best(_check_code(many), repeat)
        cores_here = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        print(
            f"\neight 50k-claim graphs in one command: --jobs 1 {one[0]:.2f} s wall, default "
            f"{cores[0]:.2f} s wall ({one[0] / cores[0]:.2f}x faster) on {cores_here} cores"
        )


def subprocess_findings(py: str, files: list[str]) -> int:
    """How many findings ``arggraph check`` reports on ``files`` (its summary line)."""
    import re
    import subprocess

    out = subprocess.run(
        [py, "-m", "arggraph", "check", *files, "--no-config", "--statistics"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = re.search(r"Found (\d+) finding", out)
    return int(found.group(1)) if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", choices=["1", "2", "3", "all"], default="all")
    parser.add_argument("--process-sizes", default="10000,100000,300000")
    args = parser.parse_args(argv)
    if args.part in ("1", "all"):
        part_one([int(s) for s in args.sizes.split(",")], args.repeat)
    if args.part in ("2", "all"):
        part_two(args.repeat)
    if args.part in ("3", "all"):
        part_three([int(s) for s in args.process_sizes.split(",")], args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:.0f} MiB (python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
