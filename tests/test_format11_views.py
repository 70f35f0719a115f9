"""Views of arggraph/1.1 graphs: a linked relation stays with its premises, a relation
aimed at a relation with that relation, and the tree shows each argument once."""

from __future__ import annotations

import json
from typing import Any

from arggraph.graph import Graph
from arggraph.io import loads
from arggraph.views import (
    actor_claims,
    actor_lens,
    as_of,
    children,
    everything,
    link_children,
    loose_tops,
    path_from_position,
    relations_among,
    search,
    subgraph,
)


def rel(type_: str, premises: str | list[str], target: str, ident: str) -> dict[str, Any]:
    ends = {"source": premises} if isinstance(premises, str) else {"sources": premises}
    return {"id": ident, "type": type_, **ends, "target": target}


def debate() -> Graph:
    """p <- linked (a + b); a <- u undercuts `linked`; k backs `linked`; w undercuts the
    undercut; c <- d, with d dated later."""
    said = [{"actor": "ana", "quote": "so it is", "date": "2023-03-01"}]
    return loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "id": "g",
                "actors": [
                    {"id": "ana", "name": "Ana", "kind": "analyst"},
                    {"id": "bo", "name": "Bo", "kind": "official"},
                ],
                "claims": [
                    {"id": "p", "text": "P", "kind": "position"},
                    {"id": "a", "text": "A"},
                    {"id": "b", "text": "B"},
                    {"id": "u", "text": "U", "attributions": said},
                    {"id": "k", "text": "K"},
                    {"id": "w", "text": "W"},
                    {"id": "c", "text": "C"},
                    {
                        "id": "d",
                        "text": "D",
                        "attributions": [{"actor": "bo", "date": "2023-05-02/2023-05-09"}],
                    },
                ],
                "relations": [
                    {
                        **rel("support", ["a", "b"], "p", "linked"),
                        "attributions": [
                            {"actor": "bo", "quote": "both together", "date": "2023-03"}
                        ],
                    },
                    {**rel("attack", "u", "linked", "undercut"), "attributions": said},
                    rel("support", "k", "linked", "backing"),
                    rel("attack", "w", "undercut", "second"),
                    rel("attack", "c", "p", "plain"),
                    rel("support", "d", "c", "later"),
                ],
            }
        )
    )


def test_children_hold_a_linked_relation_once_under_its_conclusion() -> None:
    g = debate()
    kids = children(g)
    assert [r.id for r in kids["p"]] == ["linked", "plain"]
    assert kids["a"] == [] and kids["b"] == []
    assert [r.id for r in g.relations_into("linked")] == ["undercut", "backing"]


def test_everything_keeps_every_usable_relation() -> None:
    g = debate()
    assert everything(g).relations == frozenset(g.relations)


def test_a_linked_relation_needs_all_of_its_premises() -> None:
    g = debate()
    kept = relations_among(g, {"p", "a", "u", "k", "w", "c", "d"})  # b left out
    assert sorted(kept) == ["later", "plain"]  # the undercut, backing and second go too
    kept = relations_among(g, {"p", "a", "b", "u", "c"})
    assert sorted(kept) == ["linked", "plain", "undercut"]


def test_a_circle_of_relations_aimed_at_one_another_stays_together() -> None:
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                "relations": [rel("attack", "a", "r2", "r1"), rel("attack", "b", "r1", "r2")],
            }
        )
    )
    assert sorted(relations_among(g, {"a", "b"})) == ["r1", "r2"]
    assert relations_among(g, {"a"}) == frozenset()


def test_an_actor_stating_a_linked_relation_commits_to_every_premise() -> None:
    g = debate()
    assert sorted(actor_claims(g, "bo")) == ["a", "b", "d", "p"]
    lens = actor_lens(g, "bo")
    assert sorted(lens.relations) == ["linked"]
    # Ana states the undercut: she commits to its premise, not to what it undercuts
    assert sorted(actor_claims(g, "ana")) == ["u"]
    assert actor_lens(g, "ana").relations == frozenset()


def test_the_timeline_keeps_what_was_said_by_then() -> None:
    g = debate()
    early = as_of(g, "2023-03-31")
    assert {"linked", "undercut"} <= early.relations
    assert "later" not in early.relations and "d" not in early.claims
    assert "later" in as_of(g, "2023-05-09").relations
    assert "later" not in as_of(g, "2023-05-08").relations  # the interval ends on the 9th


def test_a_subgraph_has_no_dangling_relation() -> None:
    g = debate()
    view = actor_lens(g, "bo")
    sub = subgraph(g, view)
    assert sub.problems == []
    assert sorted(sub.relations) == ["linked"]


def test_the_path_from_a_position_runs_through_any_premise() -> None:
    g = debate()
    path = path_from_position(g, "b")
    assert path is not None and [r.id for r in path] == ["linked"]
    assert path_from_position(g, "d") is not None


def test_the_path_runs_through_undercuts_and_backings_to_the_link_they_bear_on() -> None:
    g = debate()
    for claim, ids in (
        ("u", ["linked", "undercut"]),
        ("k", ["linked", "backing"]),
        ("w", ["linked", "undercut", "second"]),
    ):
        path = path_from_position(g, claim)
        assert path is not None, claim
        assert [r.id for r in path] == ids
    dated = as_of(g, "2023-02-28")  # before the undercut was said: no way through it
    assert path_from_position(g, "u", dated) is None
    assert link_children(g) == {
        "linked": [g.relations["backing"], g.relations["undercut"]],
        "undercut": [g.relations["second"]],
    }


def test_loose_tops_follow_relations_aimed_at_relations() -> None:
    g = debate()
    assert loose_tops(g) == []  # u, k and w bear on the argument for p
    lonely = loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "claims": [
                    {"id": "p", "text": "P", "kind": "position"},
                    {"id": "x", "text": "X"},
                    {"id": "y", "text": "Y"},
                    {"id": "z", "text": "Z"},
                ],
                "relations": [rel("support", "x", "y", "xy"), rel("attack", "z", "xy", "zxy")],
            }
        )
    )
    assert loose_tops(lonely) == ["y", "z"]


def test_a_quote_on_a_linked_relation_finds_its_first_premise() -> None:
    g = debate()
    assert [h.claim for h in search(g, "both together")] == ["a"]
