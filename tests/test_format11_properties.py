"""Random arggraph/1.1 graphs (linked premises, undercuts, backings, circles through
relations, date intervals, reconstructed claims) go through everything: they load, dump
and load back equal, every exporter writes them or refuses with an ArggraphError, GraphML
brings them back whole, and the checks and ``arggraph show`` run on them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.checks import check
from arggraph.cli import main
from arggraph.errors import ArggraphError
from arggraph.formats import export_graph, registry
from arggraph.formats.graphml_read import from_graphml
from arggraph.io import dump_graph, loads

HAVE_DOT = shutil.which("dot") is not None

# Claim ids never hold ":", which every default relation id does, so the two cannot clash;
# they do hold what ids in the wild hold (spaces, quotes, brackets, arrows, accents).
CLAIM_ID = st.text(alphabet="ab \"'[]->+,é\\", min_size=1, max_size=4)
DATES = st.sampled_from(
    [None, "2023", "2023-03", "2023-03-06", "2023-02-27/2023-03-05", "2022/2023", "2023-03/2023-04"]
)


@st.composite
def graphs(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(CLAIM_ID, min_size=2, max_size=7, unique=True))
    claims: list[dict[str, Any]] = []
    for i, cid in enumerate(ids):
        claim: dict[str, Any] = {"id": cid, "text": f"Claim {i}"}
        if i < 2 and draw(st.booleans()):
            claim["kind"] = "position"
        if draw(st.booleans()):
            claim["reconstructed"] = draw(st.booleans())
        date = draw(DATES)
        if date is not None:
            claim["date"] = date
        if draw(st.booleans()):
            att: dict[str, Any] = {"actor": "ana", "quote": draw(st.sampled_from(["", "said"]))}
            when = draw(DATES)
            if when is not None:
                att["date"] = when
            if draw(st.booleans()):
                att["document"] = "doc"
            claim["attributions"] = [att]
        claims.append(claim)
    count = draw(st.integers(min_value=0, max_value=8))
    # the relations others may aim at have ids of their own (r0, r2...); the rest keep
    # their default id unless it would repeat another's
    named = [f"r{k}" for k in range(count) if draw(st.booleans())]
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for k in range(count):
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        others = [r for r in named if r != f"r{k}"]
        target = draw(st.sampled_from(ids + others) if others else st.sampled_from(ids))
        kind = draw(st.sampled_from(["support", "attack"]))
        rel: dict[str, Any] = {"type": kind, "target": target}
        if len(premises) == 1:
            rel["source"] = premises[0]
        else:
            rel["sources"] = premises
        key = (kind, tuple(sorted(premises)), target)
        if f"r{k}" in named or key in seen:
            rel = {"id": f"r{k}", **rel}
        seen.add(key)
        if draw(st.booleans()):
            rel["weight"] = draw(st.sampled_from([0.0, 0.5, 1.0]))
        if draw(st.booleans()):
            rel["attributions"] = [{"actor": "ana", "date": draw(DATES) or "2023"}]
        relations.append(rel)
    return {
        "format": "arggraph/1.1",
        "id": "random",
        "title": "Random",
        "question": "Which?",
        "actors": [{"id": "ana", "name": "Ana", "kind": "analyst"}],
        "documents": [
            {
                "id": "doc",
                "title": "Doc",
                "published": draw(DATES) or "2023-03-06",
                "sha256": "ab" * 32,
                "accessed": "2024-01-02",
            }
        ],
        "claims": claims,
        "relations": relations,
    }


def _exports() -> list[str]:
    return [f.name for f in registry.exports() if HAVE_DOT or not f.graphviz]


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_1_1_graphs_go_through_everything(data: dict[str, Any]) -> None:
    g = loads(json.dumps(data), path="random.json")
    dumped = dump_graph(g.model)
    again = loads(dumped)
    assert again.model == g.model and dump_graph(again.model) == dumped
    assert json.loads(dumped)["format"] == "arggraph/1.1"
    for fmt in _exports():
        try:
            out = export_graph(g, fmt, semantics=None if fmt in ("png", "pdf") else "dfquad")
        except ArggraphError:
            continue
        assert out
        if fmt == "graphml":
            back = from_graphml(out.decode("utf-8")).model
            # GraphML names every relation; the file may leave default ids out
            assert loads(dump_graph(back)).model == again.model
    check(g)


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(graphs())
def test_show_and_check_run_on_random_1_1_files(data: dict[str, Any]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert main(["show", str(path)]) == 0
        assert main(["show", str(path), "--format", "json"]) == 0
        assert main(["check", str(path), "--exit-zero"]) == 0
