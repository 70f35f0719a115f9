"""Loading speed: parse + validate + index an arggraph/1 file, against `json.loads`.

Generates a seeded graph file (claims with an attribution each, three relations a
claim), then times in this one process, median of several runs:

- the baseline ``json.loads`` of the same bytes (parsing only, no validation);
- ``arggraph.loads`` (parse and validate with pydantic-core, then index ids and check
  every reference) and, separately, building the engine's arrays.

Run: ``python benchmarks/bench_load.py [--sizes 1000,10000,100000] [--repeat 3]``.
The goal (issue: foundation) is loading within 3x ``json.loads``.

``--options N`` instead weighs the ways of loading a *plain* file of ``N`` claims (the
issue "loading": id, text, kind, base; 2.87 relations a claim, made by
``bench_pipeline.graph_file``), each step in CPU seconds (the fastest of ``--repeat``)
against ``json.loads``: the reader with its hooks and the C parser alone with its key
count, validation into models with the garbage collector on and off and into TypedDicts
through a ``TypeAdapter``, the fast path's columns, the claim ids interned, and the
engine's arrays from the models against from the columns.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, Literal, NotRequired
from unittest.mock import patch

from _timing import median_and_peak
from pydantic import Field
from typing_extensions import TypedDict

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


# The plain file as TypedDicts, for pydantic's TypeAdapter (one of the options weighed).
Unit = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]


class ClaimDict(TypedDict):
    id: str
    text: str
    kind: NotRequired[Literal["position", "claim", "evidence"]]
    base: NotRequired[Unit]


class RelationDict(TypedDict):
    type: Literal["attack", "support"]
    source: str
    target: str
    weight: NotRequired[Unit]


class FileDict(TypedDict):
    format: NotRequired[str]
    id: NotRequired[str]
    claims: list[ClaimDict]
    relations: list[RelationDict]


def cpu(fn: Callable[[], object], repeat: int, collect: bool = False) -> float:
    """The fastest CPU time of ``repeat`` runs of ``fn``, the cyclic collector off unless
    ``collect`` (as the loader runs)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if not collect:
            gc.disable()
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
        gc.enable()
    return best


def options(n: int, repeat: int) -> None:
    """The table of the ways of loading a plain file of ``n`` claims."""
    from bench_pipeline import graph_file
    from pydantic import TypeAdapter

    from arggraph._columns import columns, key_count, string_colons
    from arggraph.graph import _columns_framework
    from arggraph.jsonio import bulk_parse, parse_json, quick_parse
    from arggraph.model import GraphModel

    data = graph_file(n)
    text = data.decode()
    raw = json.loads(text)
    adapter = TypeAdapter(FileDict)
    model = GraphModel.model_validate(raw)
    cols = columns(raw)
    assert cols is not None
    graph = Graph(model)
    base = cpu(lambda: json.loads(text), repeat)

    def standard_quick_parse(text: str, data: bytes) -> object:
        with patch("arggraph.jsonio.BULK_BYTES", len(data) + 1):  # the standard parser
            return quick_parse(text, data)

    def interned() -> object:
        ids = [sys.intern(c["id"]) for c in raw["claims"]]
        index = dict(zip(ids, range(len(ids)), strict=True))
        return [index[sys.intern(r["source"])] for r in raw["relations"]]

    rows = [
        ("json.loads (the baseline)", base),
        ("parse_json: C parser with hooks (duplicate keys, NaN, long integers)", None),
        ("quick_parse: C parser alone, keys counted", None),
        ("bulk_parse: msgspec's parser, from the bytes", None),
        ("keys counted from the colons (no \\u escape)", None),
        ("models: GraphModel.model_validate, collector on", None),
        ("models: GraphModel.model_validate, collector off", None),
        ("TypedDicts: TypeAdapter.validate_python, collector off", None),
        ("fast path: columns checked in bulk", None),
        ("ids interned, then each relation's source looked up", None),
        ("Graph indexes over the models", None),
        ("arrays from the models (Graph.framework)", None),
        ("arrays from the columns", None),
    ]
    times = [
        base,
        cpu(lambda: parse_json(text, data=data), repeat),
        cpu(lambda: standard_quick_parse(text, data), repeat),
        cpu(lambda: bulk_parse(data), repeat),
        cpu(lambda: data.count(b":") - string_colons(raw, cols) == key_count(raw), repeat),
        cpu(lambda: GraphModel.model_validate(raw), repeat, collect=True),
        cpu(lambda: GraphModel.model_validate(raw), repeat),
        cpu(lambda: adapter.validate_python(raw), repeat),
        cpu(lambda: columns(raw), repeat),
        cpu(interned, repeat),
        cpu(lambda: Graph(model), repeat),
        cpu(lambda: build_arrays(graph), repeat),
        cpu(lambda: _columns_framework(cols), repeat),
    ]
    mib = len(data) / 2**20
    print(f"plain file: {n:,} claims, {len(raw['relations']):,} relations, {mib:.0f} MiB")
    print("| step | CPU s | x json.loads |")
    print("|---|---:|---:|")
    for (label, _), t in zip(rows, times, strict=True):
        print(f"| {label} | {t:.3f} | {t / base:.2f}x |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--options", type=int, metavar="N", help="weigh the ways of loading")
    args = parser.parse_args(argv)
    if args.options:
        options(args.options, args.repeat)
        return 0
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
