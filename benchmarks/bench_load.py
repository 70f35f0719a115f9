"""Loading speed: parse + validate + index an arggraph/1 file, against `json.loads`.

Generates a seeded graph file (claims with an attribution each, three relations a
claim), then times in this one process, median of several runs:

- the baseline ``json.loads`` of the same bytes (parsing only, no validation);
- ``arggraph.loads`` (parse and validate with pydantic-core, then index ids and check
  every reference) and, separately, building the engine's arrays.

Run: ``python benchmarks/bench_load.py [--sizes 1000,10000,100000] [--repeat 3]``.
The goal (issue: foundation) is loading within 3x ``json.loads``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import partial
from typing import Any

from _timing import median_and_peak

from arggraph import loads
from arggraph.framework import Framework
from arggraph.graph import Graph


def make_graph(n: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    claims: list[dict[str, Any]] = [
        {"id": "p0", "text": "Position zero", "kind": "position"},
        {"id": "p1", "text": "Position one", "kind": "position"},
    ]
    for i in range(2, n):
        claims.append(
            {
                "id": f"c{i}",
                "text": f"Claim number {i} about the question, in a sentence of usual length.",
                "kind": rng.choice(["claim", "claim", "evidence"]),
                "base": round(rng.random(), 3),
                "attributions": [
                    {
                        "actor": f"a{i % 50}",
                        "document": f"d{i % 20}",
                        "quote": f"quoted words {i}",
                        "date": "2023-03-06",
                    }
                ],
            }
        )
    relations = []
    for i in range(2, n):
        for t in rng.sample(range(i), min(3, i)):
            relations.append(
                {
                    "type": rng.choice(["support", "attack"]),
                    "source": f"c{i}",
                    "target": claims[t]["id"],
                }
            )
    doc = {
        "format": "arggraph/1",
        "id": "bench",
        "title": "bench",
        "question": "?",
        "documents": [
            {"id": f"d{j}", "title": f"Doc {j}", "published": "2023-05-01"} for j in range(20)
        ],
        "actors": [{"id": f"a{j}", "name": f"Actor {j}", "kind": "analyst"} for j in range(50)],
        "claims": claims,
        "relations": relations,
    }
    return json.dumps(doc).encode()


def build_arrays(g: Graph) -> Framework:
    """The engine's arrays of ``g``, built anew (the cached ones dropped first)."""
    g.__dict__.pop("framework", None)
    return g.framework


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        data = make_graph(n)
        base_t, base_m = median_and_peak(partial(json.loads, data), args.repeat)
        load_t, load_m = median_and_peak(partial(loads, data), args.repeat)
        g = loads(data)
        arr_t, _ = median_and_peak(partial(build_arrays, g), args.repeat)
        rows.append((n, len(data) / 2**20, base_t, base_m, load_t, load_m, arr_t))
        print(f"  done {n}", file=sys.stderr)
    print(
        "| claims | file MiB | json.loads s | peak MiB | arggraph.loads s | peak MiB "
        "| ratio | arrays s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, mib, bt, bm, lt, lm, at in rows:
        print(
            f"| {n:,} | {mib:.1f} | {bt:.3f} | {bm:.0f} | {lt:.3f} | {lm:.0f} "
            f"| {lt / bt:.2f}x | {at:.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
