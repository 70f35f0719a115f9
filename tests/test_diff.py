"""``arggraph.diff``: what changed between two versions of a graph, on pairs of fixtures
that cover every kind of change (``tests/fixtures/diff``)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from arggraph.diff import GraphDiff, ItemChange, diff_graphs, effect
from arggraph.graph import Graph
from arggraph.io import load, loads

FIXTURES = Path(__file__).parent / "fixtures" / "diff"


def pair(name: str) -> GraphDiff:
    return diff_graphs(load(FIXTURES / f"{name}-1.json"), load(FIXTURES / f"{name}-2.json"))


def changed(section: tuple[ItemChange, ...], new_id: str) -> ItemChange:
    found = [c for c in section if c.new == new_id]
    assert len(found) == 1, f"{new_id} changed {len(found)} times"
    return found[0]


@pytest.fixture(scope="module")
def edition() -> GraphDiff:
    return pair("edition")


@pytest.fixture(scope="module")
def linked() -> GraphDiff:
    return pair("linked")


# ------------------------------------------------------------------- claims
def test_claims_added_and_removed(edition: GraphDiff) -> None:
    assert edition.claims.added == ("supplies", "convicts")
    assert edition.claims.removed == ("symbol",)


def test_a_claim_renamed_with_its_text_edited_is_paired_by_evidence(edition: GraphDiff) -> None:
    renamed = {m.old: m for m in edition.claims.renamed}
    losses = renamed["losses"]
    assert losses.new == "casualties"
    assert 0.6 <= losses.confidence < 1.0
    evidence = dict(losses.evidence)
    assert evidence["provenance"] == 1.0
    assert evidence["position"] == 1.0
    text = evidence["text"]
    assert text is not None
    assert 0.8 < text < 1.0
    change = changed(edition.claims.changed, "casualties")
    assert change.old == "losses"
    assert change.field("text") is not None


def test_a_claim_renamed_with_the_same_text_is_paired_for_certain(edition: GraphDiff) -> None:
    renamed = {m.old: m for m in edition.claims.renamed}
    assert renamed["reserves"].new == "reserves-needed"
    assert renamed["reserves"].confidence == 1.0
    assert dict(renamed["reserves"].evidence)["provenance"] is None  # neither has any
    assert "reserves-needed" not in {c.new for c in edition.claims.changed}


def test_claim_fields_that_changed(edition: GraphDiff) -> None:
    attrition = changed(edition.claims.changed, "attrition")
    assert [f.field for f in attrition.fields] == ["base", "date"]
    date = attrition.field("date")
    assert date is not None
    assert (date.old, date.new) == (None, "2023-02/2023-03")
    roads = changed(edition.claims.changed, "roads")
    assert [f.field for f in roads.fields] == ["text", "kind"]
    wagner = changed(edition.claims.changed, "wagner")
    tags = wagner.field("tags")
    assert tags is not None
    assert (tags.old, tags.new) == ([], ["wagner"])


def test_attributions_added_and_removed(edition: GraphDiff) -> None:
    attrition = changed(edition.claims.changed, "attrition")
    assert [a.quote for a in attrition.attributions_added] == ["grinding them down"]
    assert attrition.attributions_removed == ()
    wagner = changed(edition.claims.changed, "wagner")
    assert [a.quote for a in wagner.attributions_removed] == ["heavy casualties"]
    assert (edition.attributions_added, edition.attributions_removed) == (1, 1)


def test_reconstructed_and_date_interval(linked: GraphDiff) -> None:
    r = changed(linked.claims.changed, "r")
    flag = r.field("reconstructed")
    assert flag is not None
    assert (flag.old, flag.new) == (True, False)
    cost = changed(linked.claims.changed, "cost")
    date = cost.field("date")
    assert date is not None
    assert (date.old, date.new) == ("2023-02", "2023-02-01/2023-02-15")


# ---------------------------------------------------------------- relations
def test_a_relation_whose_end_was_renamed_follows_it(edition: GraphDiff) -> None:
    renamed = {m.old: m for m in edition.relations.renamed}
    follows = renamed["support:losses->withdraw"]
    assert follows.new == "support:casualties->withdraw"
    assert follows.confidence == 1.0
    assert "support:casualties->withdraw" not in {c.new for c in edition.relations.changed}


def test_relations_added_and_removed(edition: GraphDiff) -> None:
    assert edition.relations.added == (
        "attack:convicts->support:attrition->hold",
        "support:casualties->supply-line",
    )
    assert edition.relations.removed == ("support:symbol->hold",)


def test_a_premise_added_to_make_a_linked_relation(edition: GraphDiff) -> None:
    renamed = {m.old: m.new for m in edition.relations.renamed}
    assert renamed["support:roads->withdraw"] == "supply-line"
    supply = changed(edition.relations.changed, "supply-line")
    assert supply.premises_added == ("supplies",)
    assert supply.premises_removed == ()


def test_a_relation_whose_type_changed(edition: GraphDiff) -> None:
    renamed = {m.old: m for m in edition.relations.renamed}
    flipped = renamed["support:wagner->attrition"]
    assert flipped.new == "attack:wagner->attrition"
    assert dict(flipped.evidence)["type"] == 0.0
    change = changed(edition.relations.changed, "attack:wagner->attrition")
    kind = change.field("type")
    assert kind is not None
    assert (kind.old, kind.new) == ("support", "attack")


def test_a_relation_retargeted_from_a_claim_to_a_relation(edition: GraphDiff) -> None:
    change = changed(edition.relations.changed, "attrition-vs-withdraw")
    target = change.field("target")
    assert target is not None
    assert (target.old, target.new) == ("withdraw", "supply-line")
    assert "supply-line" in edition.new.relations


def test_a_weight_changed(edition: GraphDiff) -> None:
    weight = changed(edition.relations.changed, "support:attrition->hold").field("weight")
    assert weight is not None
    assert (weight.old, weight.new) == (1.0, 0.8)


def test_premises_removed_from_linked_relations(linked: GraphDiff) -> None:
    need = changed(linked.relations.changed, "need")
    assert (need.premises_added, need.premises_removed) == ((), ("r",))
    price = changed(linked.relations.changed, "price")  # linked premises to one source
    assert price.premises_removed == ("p",)


def test_undercut_removed_backing_added_and_target_to_a_claim(linked: GraphDiff) -> None:
    assert linked.relations.removed == ("attack:u->need",)
    assert linked.relations.added == ("support:r->need",)
    target = changed(linked.relations.changed, "expert").field("target")
    assert target is not None
    assert (target.old, target.new) == ("need", "c")


# -------------------------------------------------------- the graph, the rest
def test_graph_fields_documents_and_actors(edition: GraphDiff) -> None:
    assert [f.field for f in edition.graph] == ["format", "title", "description"]
    assert edition.documents.added == ("d3",)
    assert [f.field for f in changed(edition.documents.changed, "d1").fields] == ["accessed"]
    assert edition.actors.added == ("syrskyi",)
    austin = changed(edition.actors.changed, "austin")
    assert [f.field for f in austin.fields] == ["affiliation"]


def test_an_id_reused_for_another_claim_is_a_swap() -> None:
    d = pair("swap")
    assert {m.old: m.new for m in d.claims.renamed} == {"a": "weather", "b": "a"}
    assert (d.claims.added, d.claims.removed, d.claims.changed) == ((), (), ())
    assert d.id_map().renamed == {
        "a": "weather",
        "b": "a",
        "support:a->go": "support:weather->go",
        "support:b->go": "support:a->go",
    }


def test_an_id_kept_with_its_text_rewritten_stays_the_same_claim() -> None:
    old = _graph([("go", "We should go"), ("x", "The weather is fine")])
    new = _graph([("go", "We should go"), ("x", "Completely different words here")])
    d = diff_graphs(old, new)
    assert d.claims.renamed == ()
    assert changed(d.claims.changed, "x").field("text") is not None


def test_unrelated_claims_in_the_same_place_are_not_paired() -> None:
    """A claim removed and another added under the same position, with nothing in common
    but their place, are a removal and an addition, not a rename."""
    old = _graph([("go", "We should go"), ("a", "The weather is fine today")], [("a", "go")])
    new = _graph([("go", "We should go"), ("b", "Our budget allows a trip")], [("b", "go")])
    d = diff_graphs(old, new)
    assert (d.claims.removed, d.claims.added, d.claims.renamed) == (("a",), ("b",), ())


def test_a_graph_against_itself_is_empty(edition: GraphDiff) -> None:
    for graph in (edition.old, edition.new):
        d = diff_graphs(graph, graph)
        assert not d
        assert d.id_map().renamed == {}
        assert d.id_map().removed == []


# ------------------------------------------------------------------ effects
def test_the_effect_on_the_verdict(edition: GraphDiff) -> None:
    e = effect(edition)
    assert e.before is not None
    assert e.after is not None
    assert (e.before.leader, e.after.leader, e.flipped) == ("hold", "withdraw", True)
    assert [c.new for c in e.largest] == ["attrition", "withdraw", "hold"]
    assert e.largest[0].delta == pytest.approx(-0.4)
    assert e.moved == 3


def test_the_largest_changes_are_cut_to_top(edition: GraphDiff) -> None:
    assert len(effect(edition, top=1).largest) == 1
    assert effect(edition, top=0).largest == ()


def test_a_renamed_position_keeps_the_leader() -> None:
    old = _graph([("go", "We should go"), ("stay", "We should stay")], kinds="position")
    new = _graph([("leave", "We should go"), ("stay", "We should stay")], kinds="position")
    e = effect(diff_graphs(old, new))
    assert e.before is not None
    assert e.after is not None
    assert e.before.leader is None  # a tie at 0.5
    assert not e.flipped


# ------------------------------------------------------------------ helpers
def _graph(
    claims: list[tuple[str, str]],
    supports: list[tuple[str, str]] | None = None,
    kinds: str = "claim",
) -> Graph:
    data: dict[str, Any] = {
        "claims": [
            {"id": c, "text": t, "kind": "position" if c == "go" else kinds} for c, t in claims
        ],
        "relations": [{"type": "support", "source": s, "target": t} for s, t in supports or []],
    }
    return loads(json.dumps(data))


def test_provenance_beyond_the_budget_compares_quotes_for_equality(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from arggraph.diff import _match
    from arggraph.model import Attribution

    left = [[Attribution(actor="k", quote="losses are mounting fast")], []]
    right = [[Attribution(actor="k", quote="losses are mounting")], [Attribution(actor="k")]]
    fuzzy = _match.provenance_similarity(left, right)
    assert fuzzy[0, 0] == 1.0
    monkeypatch.setattr(_match, "_QUOTE_PAIRS", 0)
    exact = _match.provenance_similarity(left, right)
    assert exact[0, 0] == 0.0
    assert exact[1, 1] == 0.0  # one side has none
    assert math.isnan(_match.provenance_similarity([[]], [[]])[0, 0])  # neither has any
