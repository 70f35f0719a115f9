"""Diagram speed: DOT export and SVG rendering at 100, 1k and 10k claims.

For two shapes of seeded graph (a *tree*, each claim supporting or attacking one
earlier claim, as a mapped debate mostly is; and a *dense* graph, three relations a
claim, which is what made Graphviz's ``dot`` take minutes), times in this one process:

- ``to_dot`` (arggraph writes the DOT text directly), median of several runs, with its
  peak traced memory; against the baseline of building the same nodes and edges (same
  labels and attributes) as pydot objects and calling ``to_string()``;
- rendering that text to SVG with ``--layout auto`` (the engine it picks is shown,
  with arggraph's settings for it), against plain ``dot -Tsvg`` as a user would run it
  on the same text, stopped after ``--dot-timeout`` seconds.

Run: ``python benchmarks/bench_export.py [--sizes 100,1000,10000] [--repeat 3]
[--dot-timeout 60]``. Graphviz must be installed for the rendering columns.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from functools import partial
from typing import Any

from _timing import median_and_peak

from arggraph.formats.dot import _Writer, to_dot
from arggraph.formats.render import choose_layout, render
from arggraph.graph import Graph
from arggraph.model import Actor, Attribution, Claim, GraphModel, Relation


def make_graph(n: int, dense: bool, seed: int = 7) -> Graph:
    rng = random.Random(seed)
    actors = [Actor(id=f"a{j}", name=f"Actor {j}", kind="analyst") for j in range(20)]
    claims = [
        Claim(id="p0", text="Ukraine should withdraw from the town.", kind="position"),
        Claim(id="p1", text="Ukraine should keep holding the town.", kind="position"),
    ]
    for i in range(2, n):
        claims.append(
            Claim(
                id=f"c{i}",
                kind=rng.choice(["claim", "claim", "evidence"]),
                text=f"Claim {i}: a sentence of the usual length about what follows "
                "from holding or leaving, with a reason attached.",
                base=round(rng.random(), 3),
                attributions=[Attribution(actor=f"a{i % 20}", quote=f"words {i}")],
            )
        )
    relations = [
        Relation(type="attack", source="p0", target="p1"),
        Relation(type="attack", source="p1", target="p0"),
    ]
    seen = {("p0", "p1"), ("p1", "p0")}
    for i in range(2, n):
        targets = rng.sample(range(i), min(3, i)) if dense else [rng.randrange(i)]
        for t in targets:
            pair = (f"c{i}", claims[t].id)
            if pair not in seen:
                seen.add(pair)
                relations.append(
                    Relation(type=rng.choice(["support", "attack"]), source=pair[0], target=pair[1])
                )
    return Graph(
        GraphModel(
            id="bench",
            question="Withdraw or hold?",
            actors=actors,
            claims=claims,
            relations=relations,
        )
    )


def pydot_baseline(graph: Graph, strengths: dict[str, float]) -> str:
    """The same diagram built as pydot objects (labels made by the same code)."""
    import pydot

    w = _Writer(graph, strengths, "text", "DF-QuAD")
    dot = pydot.Dot("arggraph", graph_type="digraph", rankdir="TB")
    for cid, claim in graph.claims.items():
        hue, _ = w.hue(cid)
        dot.add_node(
            pydot.Node(
                w.names[cid],
                label=w.node_label(claim, strengths[cid]),
                fillcolor=f'"{hue}"',
                style='"rounded,filled"',
                tooltip=f'"{cid}"',
            )
        )
    for rel in graph.relations.values():
        attack = rel.type == "attack"
        dot.add_edge(
            pydot.Edge(
                w.names[rel.target],
                w.names[rel.premises[0]],
                dir="back",
                color='"#b2182b"' if attack else '"#1b7837"',
                style="dashed" if attack else "solid",
                arrowtail="tee" if attack else "normal",
            )
        )
    return str(dot.to_string())


def render_time(text: str, engine: str | None, timeout: float) -> str:
    """Seconds to render ``text`` to SVG, or why it did not finish."""
    t0 = time.perf_counter()
    try:
        if engine is None:
            render(text, "svg", "auto")
        else:
            program = shutil.which(engine)
            assert program is not None
            subprocess.run(
                [program, "-Tsvg"],
                input=text.encode(),
                capture_output=True,
                check=True,
                timeout=timeout,
            )
    except subprocess.TimeoutExpired:
        return f">{timeout:g} s (stopped)"
    return f"{time.perf_counter() - t0:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dot-timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    have_graphviz = shutil.which("dot") is not None and shutil.which("sfdp") is not None
    rows: list[dict[str, Any]] = []
    for n in (int(s) for s in args.sizes.split(",")):
        for dense in (False, True):
            g = make_graph(n, dense)
            strengths = {cid: c.base for cid, c in g.claims.items()}
            t_dot, mem = median_and_peak(partial(to_dot, g, strengths=strengths), args.repeat)
            t_pydot, mem_pydot = median_and_peak(partial(pydot_baseline, g, strengths), args.repeat)
            text = to_dot(g, strengths=strengths)
            row = {
                "claims": n,
                "shape": "dense" if dense else "tree",
                "relations": len(g.relations),
                "to_dot": t_dot,
                "pydot": t_pydot,
                "ratio": t_pydot / t_dot,
                "mem": mem,
                "mem_pydot": mem_pydot,
                "engine": choose_layout(text),
                "auto": "-",
                "forced": "-",
            }
            if have_graphviz:
                row["auto"] = render_time(text, None, args.dot_timeout)
                if len(g.relations) > 5000:
                    row["forced"] = "not run"
                else:
                    row["forced"] = render_time(text, "dot", args.dot_timeout)
            rows.append(row)
            print(f"done: {n} claims, {row['shape']}", file=sys.stderr)
    print(
        f"{'claims':>7} {'shape':>6} {'rels':>6} {'to_dot':>9} {'pydot':>9} {'x':>6} "
        f"{'peak MiB':>9} {'pydot MiB':>10}  {'auto engine':>11} {'svg auto':>10} "
        f"{'svg, plain dot':>16}"
    )
    for r in rows:
        print(
            f"{r['claims']:>7} {r['shape']:>6} {r['relations']:>6} {r['to_dot']:>8.3f}s "
            f"{r['pydot']:>8.3f}s {r['ratio']:>5.1f}x {r['mem']:>9.1f} "
            f"{r['mem_pydot']:>10.1f}  {r['engine']:>11} {r['auto']:>10} {r['forced']:>16}"
        )
    if not have_graphviz:
        print("Graphviz is not installed: rendering not timed (apt-get install graphviz)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
