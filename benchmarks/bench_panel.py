"""Panels of scorers: ``arggraph.panel.compare`` against recomputing every lever point.

On a seeded debate-shaped graph (``_graphs.debate``: argument trees under two mutually
attacking positions), three scorers each score a fifth of the claims and a tenth of the
relations at random. ``compare`` runs every disputed item's lever on the incremental
engine (a claim's base for all grid values at once through ``GradualEngine.probe``, a
weight edit by edit, each recomputing only what it reaches). The baseline computes the
same lever points by a full ``strengths`` of the framework per point, as a script
without the engine would. Both sides run in this process, interleaved; times are CPU
seconds, the fastest of the runs; the answers are checked to agree on every point the
baseline computed (the baseline does a sample of the items, scaled up to all of them).

Run: ``python benchmarks/bench_panel.py`` or ``--quick`` (a tenth of the size).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np
from _graphs import debate

from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.model import Claim, ClaimScore, GraphModel, Relation, ScoreSheet, WeightScore
from arggraph.panel import Panel, compare
from arggraph.semantics.gradual import strengths


def graph_of(fw: Framework) -> Graph:
    """The framework as a graph: its first two claims are the positions (a relation the
    generator drew twice is kept once)."""
    claims = [
        Claim(id=c, text=c, kind="position" if i < 2 else "claim", base=float(fw.base[i]))
        for i, c in enumerate(fw.ids)
    ]
    unique = {(lk.type, lk.premises[0], lk.target): lk for lk in fw.links()}
    relations = [
        Relation(type=lk.type, source=lk.premises[0], target=lk.target, weight=lk.weight)
        for lk in unique.values()
    ]
    return Graph(GraphModel(id="bench", claims=claims, relations=relations))


def sheets(graph: Graph, seed: int) -> list[ScoreSheet]:
    rng = np.random.default_rng(seed)
    claims = list(graph.claims)
    relations = list(graph.relations)
    out = []
    for name in ("ana", "ben", "cy"):
        cs = rng.choice(claims, size=len(claims) // 5, replace=False)
        rs = rng.choice(relations, size=len(relations) // 10, replace=False)
        out.append(
            ScoreSheet(
                graph=graph.id,
                scorer=name,
                scores={str(c): ClaimScore(base=round(float(rng.random()), 2)) for c in cs},
                weights={str(r): WeightScore(weight=round(float(rng.random()), 2)) for r in rs},
            )
        )
    return out


@dataclass
class Baseline:
    seconds: float
    items: int
    agree: bool


def baseline(panel: Panel, curves: dict[str, list[tuple[float, float]]], sample: int) -> Baseline:
    """Every lever point of the first ``sample`` items by a full recompute per point; the
    margin is the consensus leader's (one of the two positions, claims 0 and 1)."""
    middle = panel.consensus()
    now = strengths(panel.framework_at(middle), "dfquad")
    sign = 1.0 if now[0] >= now[1] - 1e-9 else -1.0
    t0 = time.process_time()
    agree = True
    done = 0
    for ident, curve in list(curves.items())[:sample]:
        i = panel.index[ident] if ident in panel.index else panel.relation_index[ident]
        for value, margin in curve:
            at = middle.copy()
            at[i] = value
            s = strengths(panel.framework_at(at), "dfquad")
            agree = agree and abs(sign * (s[0] - s[1]) - margin) <= 1e-8
        done += 1
    return Baseline(time.process_time() - t0, done, agree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    args = parser.parse_args()
    n = 200 if args.quick else 2000
    graph = graph_of(debate(n, seed=3))
    panel = Panel.of(graph, sheets(graph, seed=4))
    best = float("inf")
    result = None
    for _ in range(3):
        t0 = time.process_time()
        result = compare(panel)
        best = min(best, time.process_time() - t0)
    assert result is not None
    curves = {lv.id: list(lv.curve) for lv in result.disputed}
    sample = max(1, len(curves) // 20)
    base = baseline(panel, curves, sample)
    per_item = base.seconds / base.items
    scaled = per_item * len(curves)
    print(f"graph: {n} claims, {len(graph.relations)} relations; {len(curves)} disputed items")
    print(f"compare (every lever, incremental engine): {best:.3f} s")
    print(
        f"full recompute per lever point: {scaled:.3f} s for all items "
        f"(measured on {base.items}, scaled)"
    )
    print(f"ratio: {scaled / best:.1f}x; answers agree: {base.agree}")


if __name__ == "__main__":
    main()
