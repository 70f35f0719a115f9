"""Invariants of ``arggraph.diff`` on random graphs: a graph against itself is no change,
and a graph against itself with its ids renamed is paired back, renames and all, so a
score sheet carried over by the derived id map scores the same."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.diff import carry_sheet, diff_graphs, effect
from arggraph.graph import Graph
from arggraph.io import loads
from arggraph.model import ClaimScore, ScoreSheet, WeightScore

WORDS = (
    "the garrison town roads supply losses attacker reserves bridge river ferry cost "
    "winter front line artillery shells morale convicts units hold withdraw flank city "
    "south north east west encircle defend retreat"
).split()


@st.composite
def graphs(draw: st.DrawFn, *, unique_texts: bool = True) -> dict[str, Any]:
    """An arggraph/1.1 file as a dict: claims ``c0``..., some relations with linked
    premises, some aimed at relations, some with ids of their own (``r0``...)."""
    n = draw(st.integers(1, 9))
    text = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join)
    texts = draw(st.lists(text, min_size=n, max_size=n, unique=unique_texts))
    claims = [
        {
            "id": f"c{i}",
            "text": t,
            "kind": draw(st.sampled_from(["position", "claim", "evidence"])),
            "base": draw(st.sampled_from([0.2, 0.5, 0.9])),
        }
        for i, t in enumerate(texts)
    ]
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    ids: list[str] = []
    for k in range(draw(st.integers(0, 12))):
        premises = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        sources = [f"c{p}" for p in premises]
        kind = draw(st.sampled_from(["support", "attack"]))
        aim_at_relation = draw(st.booleans())
        if ids and aim_at_relation:
            target = draw(st.sampled_from(ids))
        else:
            target = f"c{draw(st.integers(0, n - 1))}"
        if target in sources:
            continue
        key = (kind, tuple(sorted(sources)), target)
        if key in seen:
            continue
        seen.add(key)
        rel: dict[str, Any] = {"type": kind, "target": target}
        if len(sources) > 1:
            rel["sources"] = sources
        else:
            rel["source"] = sources[0]
        if draw(st.booleans()):
            rel["id"] = f"r{k}"
        rel["weight"] = draw(st.sampled_from([0.5, 1.0]))
        relations.append(rel)
        ids.append(rel.get("id") or _default(kind, sources, target))
    return {"format": "arggraph/1.1", "id": "g", "claims": claims, "relations": relations}


def _default(kind: str, sources: list[str], target: str) -> str:
    from arggraph.model import default_relation_id

    return default_relation_id(kind, sources, target)


def _load(data: dict[str, Any]) -> Graph:
    return loads(json.dumps(data))


def _renamed(
    data: dict[str, Any], claims: dict[str, str], written: dict[str, str]
) -> dict[str, Any]:
    """``data`` with claim ids and relations' own ids renamed (premises and targets
    too, so default ids follow), claims and relations in reverse order."""
    out: dict[str, Any] = json.loads(json.dumps(data))
    old = _load(data)
    for c in out["claims"]:
        c["id"] = claims.get(c["id"], c["id"])
    for r in out["relations"]:
        if "id" in r:
            r["id"] = written.get(r["id"], r["id"])
        if "source" in r:
            r["source"] = claims.get(r["source"], r["source"])
        if "sources" in r:
            r["sources"] = [claims.get(p, p) for p in r["sources"]]
        target = r["target"]
        if target in old.relations:
            r["target"] = _successor(old, target, claims, written)
        else:
            r["target"] = claims.get(target, target)
    out["claims"].reverse()
    out["relations"].reverse()
    return out


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(graphs(unique_texts=False))
def test_a_graph_against_itself_is_no_change(data: dict[str, Any]) -> None:
    g = _load(data)
    d = diff_graphs(g, _load(data))
    assert not d
    assert all(m.confidence == 1.0 for m in d.claims.matches)
    assert len(d.claims.matches) == len(g.claims)
    assert len(d.relations.matches) == len(g.relations)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(graphs(), st.data())
def test_renamed_ids_are_paired_back(data: dict[str, Any], draw: st.DataObject) -> None:
    old = _load(data)
    chosen = draw.draw(st.lists(st.sampled_from(sorted(old.claims)), unique=True))
    claims = {c: f"k{c[1:]}" for c in chosen}
    own = sorted(r["id"] for r in data["relations"] if "id" in r)
    written: dict[str, str] = {}
    if own:
        written = {r: f"s{r[1:]}" for r in draw.draw(st.lists(st.sampled_from(own), unique=True))}
    new_data = _renamed(data, claims, written)
    new = _load(new_data)
    d = diff_graphs(old, new)

    expected_relations: dict[str, str] = {}
    for rid in old.relations:
        successor = _successor(old, rid, claims, written)
        if successor != rid:
            expected_relations[rid] = successor
    assert {m.old: m.new for m in d.claims.renamed} == claims
    assert {m.old: m.new for m in d.relations.renamed} == expected_relations
    assert d.claims.added == d.claims.removed == ()
    assert d.relations.added == d.relations.removed == ()
    assert d.claims.changed == d.relations.changed == ()
    assert d.id_map().renamed == {**claims, **expected_relations}

    # A sheet of the old version, carried over by the derived map, scores the same.
    sheet = ScoreSheet(
        graph="g",
        scores={c: ClaimScore(base=0.8) for c in list(old.claims)[::2]},
        weights={r: WeightScore(weight=0.3) for r in list(old.relations)[::2]},
    )
    for_old, for_new, _ = carry_sheet(d, sheet)
    e = effect(d, old_scores=for_old, new_scores=for_new)
    assert e.moved == 0
    assert not e.flipped


def _successor(graph: Graph, rid: str, claims: dict[str, str], written: dict[str, str]) -> str:
    rel = graph.relations[rid]
    if rid in written:
        return written[rid]
    if rid != _default(rel.type, rel.premises, rel.target):
        return rid
    if rel.target in graph.relations and rel.target not in graph.claims:
        target = _successor(graph, rel.target, claims, written)
    else:
        target = claims.get(rel.target, rel.target)
    return _default(rel.type, [claims.get(p, p) for p in rel.premises], target)
