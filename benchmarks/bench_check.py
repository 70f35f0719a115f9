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

Run: ``python benchmarks/bench_check.py [--sizes 10000,100000] [--repeat 3] [--part 1|2]``.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", choices=["1", "2", "both"], default="both")
    args = parser.parse_args(argv)
    if args.part in ("1", "both"):
        part_one([int(s) for s in args.sizes.split(",")], args.repeat)
    if args.part in ("2", "both"):
        part_two(args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:.0f} MiB (python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
