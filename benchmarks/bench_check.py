"""Speed of `arggraph check`: every rule on large graphs, and quote verification's scaling.

Part 1 generates seeded graphs of 10k and 100k claims (two positions; each claim with an
attribution: actor, document, a quote from that document's text, a date; three relations
a claim, to earlier claims) and the texts of their 20 documents in a temporary folder,
with 1 quote in 100 altered so that P006 fires and computes its closest-passage hint.
It times, in this one process, median of ``--repeat`` runs:

- ``arggraph.loads`` of the file (the baseline: what any command pays first);
- ``check`` without documents (every rule but the three that read texts), and each
  family alone (S, P, R);
- ``check`` with ``documents=`` (quotes verified).

Part 2 shows that quote verification is linear, not quadratic: it verifies ``q`` quotes
against one document of ``L`` characters for growing ``q`` and ``L`` (both doubled each
row) with the checks' way (the document normalised once, one substring search per quote
part) and with the naive way (the document normalised again for each quote), whose time
grows as ``q * L``.

Run: ``python benchmarks/bench_check.py [--sizes 10000,100000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from arggraph.checks import check
from arggraph.io import loads
from arggraph.quotes import find_quote, normalize

WORDS = ("the front line city defence supply road troops artillery losses russian ukrainian "
         "forces withdraw hold position bridge hills west east north south ammunition "
         "reserves brigade commander analysts said report week month counteroffensive "
         "attrition symbolic strategic value casualties ratio").split()
N_DOCS, N_ACTORS = 20, 50


def sentence(rng: random.Random, i: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(12)) + f" number {i}."


def make_case(n: int, folder: Path, seed: int = 11) -> bytes:
    """A graph of ``n`` claims as file bytes; its documents' texts go to ``folder``."""
    rng = random.Random(seed)
    texts: list[list[str]] = [[] for _ in range(N_DOCS)]
    claims: list[dict[str, Any]] = [
        {"id": "withdraw", "text": "Withdraw", "kind": "position"},
        {"id": "hold", "text": "Hold", "kind": "position"},
    ]
    for i in range(2, n):
        d = i % N_DOCS
        said = sentence(rng, i)
        texts[d].append(said + " " + sentence(rng, -i))  # the quote and some filler
        quote = said[:-1] if i % 100 else said.replace("the", "a", 1) + " (altered)"
        claims.append({
            "id": f"c{i}", "text": f"Claim {i} about the question.",
            "kind": rng.choice(["claim", "claim", "evidence"]),
            "attributions": [{"actor": f"a{i % N_ACTORS}", "document": f"d{d}",
                              "quote": quote, "date": f"2023-{1 + i % 4:02d}-{1 + i % 28:02d}"}],
        })
    relations = [{"type": "attack", "source": "withdraw", "target": "hold"},
                 {"type": "attack", "source": "hold", "target": "withdraw"}]
    for i in range(2, n):
        said = claims[i]["attributions"][0]
        for t in sorted({rng.randrange(i) for _ in range(3)}):
            relations.append({
                "type": rng.choice(["support", "attack"]), "source": f"c{i}",
                "target": claims[t]["id"], "attributions": [dict(said)]})
    for d, parts in enumerate(texts):
        (folder / f"d{d}.txt").write_text("\n".join(parts), encoding="utf-8")
    graph = {
        "format": "arggraph/1", "id": "bench", "title": "bench", "question": "?",
        "documents": [{"id": f"d{d}", "title": f"Doc {d}", "published": "2023-05-01",
                       "file": f"d{d}.txt"} for d in range(N_DOCS)],
        "actors": [{"id": f"a{j}", "name": f"Actor {j}", "kind": "analyst"}
                   for j in range(N_ACTORS)],
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


def part_one(sizes: list[int], repeat: int) -> None:
    print("## check on generated graphs\n")
    print("| claims | relations | quotes | load s (baseline) | check s, no texts | ratio "
          "| S s | P s | R s | check s, with texts | ratio | findings | peak MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            data = make_case(n, folder)
            load_t = timed(lambda: loads(data, strict=False), repeat)
            g = loads(data, strict=False)
            g.framework  # noqa: B018 - built once, as any command would

            def run(select: list[str] | None = None, docs: Path | None = None) -> int:
                return len(check(g, documents=docs, select=select))

            plain = timed(run, repeat)
            fam = [timed(lambda f=f: run([f]), repeat) for f in "SPR"]
            normalize.cache_clear()  # the texts are read and normalised inside the timing
            full = timed(lambda: (normalize.cache_clear(), run(None, folder)), repeat)
            count = run(None, folder)
            peak = peak_mib(lambda: run(None, folder))
            quotes = sum(len(c.attributions) for c in g.model.claims)
            print(f"| {n:,} | {len(g.relations):,} | {quotes:,} | {load_t:.2f} | {plain:.2f} "
                  f"| {plain / load_t:.2f}x | {fam[0]:.2f} | {fam[1]:.2f} | {fam[2]:.2f} "
                  f"| {full:.2f} | {full / load_t:.2f}x | {count:,} | {peak:.0f} |")
            print(f"  done {n}", file=sys.stderr)


def part_two(repeat: int) -> None:
    print("\n## quote verification: q quotes against one document of L characters\n")
    print("| q quotes | L chars | normalise once s | per quote us | naive s "
          "| naive / once |")
    print("|---:|---:|---:|---:|---:|---:|")
    rng = random.Random(5)
    naive_normalize = normalize.__wrapped__
    for step in range(5):
        q, lines = 100 * 2**step, 200 * 2**step
        body = [sentence(rng, i) for i in range(lines)]
        text = "\n".join(body)
        quotes = [body[rng.randrange(lines)][:-1] for _ in range(q)]

        def once(text: str = text, quotes: list[str] = quotes) -> None:
            doc = naive_normalize(text)
            assert all(find_quote(quote, doc) for quote in quotes)

        def naive(text: str = text, quotes: list[str] = quotes) -> None:
            assert all(find_quote(quote, naive_normalize(text)) for quote in quotes)

        t_once = timed(once, repeat)
        t_naive = timed(naive, 1) if step < 3 else float("nan")
        ratio = f"{t_naive / t_once:.0f}x" if t_naive == t_naive else "(skipped)"
        naive_s = f"{t_naive:.2f}" if t_naive == t_naive else "-"
        print(f"| {q:,} | {len(text):,} | {t_once:.3f} | {t_once / q * 1e6:.0f} | {naive_s} "
              f"| {ratio} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    part_one([int(s) for s in args.sizes.split(",")], args.repeat)
    part_two(args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:.0f} MiB (python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
