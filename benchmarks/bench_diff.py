"""``arggraph diff``: pairing two versions of a graph, against the time to load them.

Times in this one process, median of several runs:

- every text similarity between N old and N new claim texts: RapidFuzz's ``cdist``
  (what :mod:`arggraph.diff` uses) against the standard library's
  ``difflib.SequenceMatcher.ratio`` in a loop (the baseline; on fewer rows, scaled up);
- ``diff_graphs`` on a seeded graph and a second version of it (a tenth of the claims
  renamed with their texts edited, a twentieth removed, a twentieth added), against
  ``arggraph.loads`` of both files (the baseline: what any diff must pay first).

Run: ``python benchmarks/bench_diff.py [--sizes 1000,5000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
import time
from functools import partial

from _timing import median_and_peak

from arggraph import loads
from arggraph.diff import diff_graphs
from arggraph.diff._match import text_similarity

WORDS = (
    "the garrison town roads supply losses attacker reserves bridge river ferry cost winter "
    "front line artillery shells morale convicts units hold withdraw flank city south north "
    "east west encircle defend retreat commanders ammunition"
).split()


def text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))


def versions(n: int, seed: int = 11) -> tuple[bytes, bytes, int]:
    """An old and a new version of an n-claim graph, and how many claims were renamed."""
    rng = random.Random(seed)
    claims = [{"id": f"c{i}", "text": text(rng)} for i in range(n)]
    relations = []
    for i in range(1, n):
        for t in rng.sample(range(i), min(2, i)):
            kind = rng.choice(["support", "attack"])
            relations.append({"type": kind, "source": f"c{i}", "target": f"c{t}"})
    old = {"id": "g", "claims": claims, "relations": relations}
    renamed = {f"c{i}": f"k{i}" for i in rng.sample(range(n), n // 10)}
    removed = set(rng.sample(sorted(set(range(n)) - {int(c[1:]) for c in renamed}), n // 20))
    gone = {f"c{i}" for i in removed}
    new_claims = []
    for c in claims:
        if c["id"] in gone:
            continue
        edited = dict(c)
        if c["id"] in renamed:
            edited["id"] = renamed[c["id"]]
            edited["text"] = c["text"] + " " + rng.choice(WORDS)
        new_claims.append(edited)
    new_claims += [{"id": f"n{i}", "text": text(rng)} for i in range(n // 20)]
    new_relations = [
        {
            **r,
            "source": renamed.get(r["source"], r["source"]),
            "target": renamed.get(r["target"], r["target"]),
        }
        for r in relations
        if r["source"] not in gone and r["target"] not in gone
    ]
    new = {"id": "g", "claims": new_claims, "relations": new_relations}
    return json.dumps(old).encode(), json.dumps(new).encode(), len(renamed)


def load_both(old: bytes, new: bytes) -> None:
    loads(old)
    loads(new)


def difflib_matrix(a: list[str], b: list[str]) -> list[list[float]]:
    return [[difflib.SequenceMatcher(None, x, y).ratio() for y in b] for x in a]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[tuple[str, str, float, float, float]] = []

    rng = random.Random(3)
    for n in (200, 500):
        a = [text(rng) for _ in range(n)]
        b = [text(rng) for _ in range(n)]
        ours, _ = median_and_peak(partial(text_similarity, a, b), args.repeat)
        sample = 20
        t0 = time.perf_counter()
        difflib_matrix(a[:sample], b)
        base = (time.perf_counter() - t0) * n / sample
        rows.append(("text similarity matrix", f"{n} x {n} texts", ours, base, 0.0))

    for n in (int(s) for s in args.sizes.split(",")):
        old, new, renamed = versions(n)
        g_old, g_new = loads(old), loads(new)
        d = diff_graphs(g_old, g_new)
        found = len(d.claims.renamed)
        ours, peak = median_and_peak(partial(diff_graphs, g_old, g_new), args.repeat)
        base, _ = median_and_peak(partial(load_both, old, new), args.repeat)
        size = f"{n:,} claims, {renamed} renamed ({found} found)"
        rows.append(("diff_graphs vs loading both", size, ours, base, peak))

    print(
        f"{'task':<30} {'size':<40} {'arggraph':>10} {'baseline':>10} {'ratio':>7} {'peak MiB':>9}"
    )
    for task, size, ours, base, peak in rows:
        ratio = base / ours if ours else float("inf")
        print(f"{task:<30} {size:<40} {ours:>9.3f}s {base:>9.3f}s {ratio:>6.1f}x {peak:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
