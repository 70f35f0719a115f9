"""Whole processes, as a user runs them: each command against a bare ``json.load``.

Generates seeded graph files of the shape the loading issue measured: ``n`` claims (id,
text, kind, base) and about ``2.87 n`` random acyclic relations (at most one per ordered
pair, 60% attacks), written as compact JSON (300,000 claims: about 80 MB). Then runs, each
as its own process (``python -m arggraph ...``), the fastest of ``--repeat`` runs:

- ``score F --format json``, ``extensions F --semantics grounded --format json`` and
  ``show F``, each against ``python -c "import json; json.load(open(F))"`` on the same file;
- start-up: ``--version``, ``rules``, ``schema``, ``show`` and ``score`` on the bundled
  81-claim debate (``graphs/bakhmut.json``), against ``python -c pass``.

Times are the CPU seconds of the child process (user + system, from
``resource.getrusage``), which a shared machine disturbs less than wall time; the load
average is printed beside them. Every output is checked (exit 0, and the JSON parses).
Each command runs once untimed first, with ``PYTHONDONTWRITEBYTECODE`` unset, so that
every timed run reads the modules' cached bytecode, as an installed package does (without
it each start compiles arggraph's own modules again: some 0.05 s more).

Run: ``python benchmarks/bench_pipeline.py [--sizes 1000,10000,100000,300000]
[--repeat 3] [--keep DIR]``. Targets (issue: loading): score, grounded and show on 300k
claims within 3x ``json.load``; ``score`` on the bundled debate within 8x ``python -c
pass``, ``--version`` within 3x.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from _graphs import _pairs

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "graphs" / "bakhmut.json"
KINDS = ("position", "claim", "evidence")


def graph_file(n: int, seed: int = 16) -> bytes:
    """An ``arggraph/1`` file of ``n`` claims and ``round(2.87 n)`` random acyclic
    relations (60% attacks), as compact JSON bytes; the same ``seed``, the same bytes.

    >>> doc = json.loads(graph_file(10))
    >>> len(doc["claims"]), len(doc["relations"]), doc["claims"][0]["id"]
    (10, 29, 'c0')
    """
    rng = np.random.default_rng(seed)
    m = min(round(n * 2.87), n * (n - 1) // 2)
    src, tgt = _pairs(rng, n, m, acyclic=True)
    rank_to_claim = rng.permutation(n)
    src, tgt = rank_to_claim[src], rank_to_claim[tgt]
    attack = (rng.random(m) < 0.6).tolist()
    base = np.round(rng.random(n), 3).tolist()
    kind = rng.integers(0, 3, n).tolist()
    claims = [
        {
            "id": f"c{i}",
            "text": f"Claim {i} about the question",
            "kind": KINDS[k] if i < 4 else KINDS[1 + k % 2],  # a few positions
            "base": b,
        }
        for i, (k, b) in enumerate(zip(kind, base, strict=True))
    ]
    relations = [
        {"type": "attack" if a else "support", "source": f"c{s}", "target": f"c{t}"}
        for s, t, a in zip(src.tolist(), tgt.tolist(), attack, strict=True)
    ]
    doc = {"format": "arggraph/1", "id": "bench", "claims": claims, "relations": relations}
    return json.dumps(doc).encode()


#: The children's environment: bytecode is cached (see the module's docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(cmd: list[str], check_json: bool = False) -> float:
    """CPU seconds (user + system) of one run of ``cmd`` as a child process; raises when
    it fails or (``check_json``) prints what is not JSON."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # (Run outside the source tree, so PYTHONPATH can choose which arggraph runs.)
    done = subprocess.run(cmd, capture_output=True, check=False, cwd=tempfile.gettempdir(), env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{cmd} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    if check_json:
        json.loads(done.stdout)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fastest(cmd: list[str], repeat: int, check_json: bool = False) -> float:
    """The fastest of ``repeat`` runs, after one untimed run that caches the bytecode."""
    cpu_seconds(cmd, check_json)
    return min(cpu_seconds(cmd, check_json) for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,300000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="write the graph files here and keep them")
    args = parser.parse_args(argv)
    py = sys.executable
    cli = [py, "-m", "arggraph"]
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-pipeline-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)

    rows: list[tuple[str, str, float, float]] = []
    bare = fastest([py, "-c", "pass"], args.repeat * 2)
    for label, extra in (
        ("--version", ["--version"]),
        ("rules", ["rules"]),
        ("schema", ["schema"]),
        ("show bakhmut.json", ["show", str(BUNDLED)]),
        ("score bakhmut.json", ["score", str(BUNDLED)]),
    ):
        rows.append((label, "python -c pass", fastest(cli + extra, args.repeat * 2), bare))
        print(f"  done {label}", file=sys.stderr)
    for n in (int(s) for s in args.sizes.split(",")):
        f = folder / f"graph-{n}.json"
        if not f.exists():
            f.write_bytes(graph_file(n))
        load = fastest([py, "-c", f"import json; json.load(open({str(f)!r}, 'rb'))"], args.repeat)
        name = f"{n:,} claims ({f.stat().st_size / 2**20:.0f} MiB)"
        for label, extra, is_json in (
            ("score --format json", ["score", str(f), "--format", "json"], True),
            (
                "extensions --semantics grounded --format json",
                ["extensions", str(f), "--semantics", "grounded", "--format", "json"],
                True,
            ),
            ("show", ["show", str(f)], False),
        ):
            rows.append(
                (f"{label}, {name}", "json.load", fastest(cli + extra, args.repeat, is_json), load)
            )
        print(f"  done {n}", file=sys.stderr)
    print(f"load average after: {os.getloadavg()[0]:.2f}", file=sys.stderr)
    print("| command | baseline | arggraph CPU s | baseline CPU s | ratio |")
    print("|---|---|---:|---:|---:|")
    for label, against, t, b in rows:
        print(f"| `{label}` | `{against}` | {t:.3f} | {b:.3f} | {t / b:.1f}x |")
    if not args.keep:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
