"""Views of a debate: actor lens, timeline, search, tree paths, restriction."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import UnknownIdError
from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.model import Actor, Attribution, Claim, GraphModel, Relation
from arggraph.views import (
    SearchIndex,
    View,
    actor_claims,
    actor_lens,
    actor_statements,
    as_of,
    children,
    everything,
    graph_dates,
    loose_tops,
    path_from_position,
    restrict,
    search,
    subgraph,
)


# ---------------------------------------------------------------------- actor lens
def test_lens_keeps_the_actors_claims_and_every_position(bypass: Graph) -> None:
    lens = actor_lens(bypass, "mayor")
    assert lens.highlight == {"build", "lorries", "grant", "quieter"}
    assert lens.claims == {"build", "dont-build", "lorries", "grant", "quieter"}
    assert lens.label == "Ada Brennan"


def test_lens_keeps_exactly_the_relations_between_kept_claims(bypass: Graph) -> None:
    lens = actor_lens(bypass, "mayor")
    expected = {
        r.id
        for r in bypass.relations.values()
        if r.source in lens.claims and r.target in lens.claims
    }
    assert lens.relations == expected
    assert "support:lorries->build" in lens.relations
    assert "attack:grant->cost" not in lens.relations  # cost is the treasurer's


def test_lens_counts_the_ends_of_relations_the_actor_states() -> None:
    g = Graph(
        GraphModel(
            id="g",
            actors=[Actor(id="a", name="A", kind="analyst")],
            claims=[
                Claim(id="p", text="P", kind="position"),
                Claim(id="x", text="X"),
                Claim(id="y", text="Y"),
            ],
            relations=[
                Relation(
                    type="support", source="x", target="y", attributions=[Attribution(actor="a")]
                )
            ],
        )
    )
    assert actor_claims(g, "a") == {"x", "y"}
    assert actor_lens(g, "a").claims == {"p", "x", "y"}


def test_lens_of_an_unknown_actor_names_close_ones(bypass: Graph) -> None:
    with pytest.raises(UnknownIdError, match="mayor"):
        actor_lens(bypass, "mayr")


def test_lens_of_an_actor_with_no_claims_keeps_only_the_positions(bypass: Graph) -> None:
    g = Graph(
        bypass.model.model_copy(
            update={"actors": [*bypass.model.actors, Actor(id="silent", name="S", kind="media")]}
        )
    )
    lens = actor_lens(g, "silent")
    assert lens.claims == {"build", "dont-build"}
    assert lens.highlight == frozenset()


# ---------------------------------------------------------------------- timeline
def test_dates_are_in_time_order(bypass: Graph) -> None:
    assert graph_dates(bypass) == ["2022-03-01", "2022-04-12", "2022-06", "2022-07-20"]


def test_as_of_the_first_date(bypass: Graph) -> None:
    view = as_of(bypass, "2022-03-01")
    # Positions always; undated "roads-last" has no date to place it, so it is kept.
    assert view.claims == {"build", "dont-build", "lorries", "accidents", "roads-last"}
    assert "support:accidents->lorries" in view.relations  # undated relation, ends kept
    assert "support:roads-last->dont-build" in view.relations
    assert "support:wetland->dont-build" not in view.relations


def test_a_document_date_stands_in_for_a_missing_attribution_date(bypass: Graph) -> None:
    # "grant-unconfirmed" has no date of its own; its document is dated 2022-06.
    assert "grant-unconfirmed" in as_of(bypass, "2022-06").claims
    assert "grant-unconfirmed" not in as_of(bypass, "2022-05-31").claims


def test_a_month_does_not_count_on_a_day_within_it(bypass: Graph) -> None:
    # Said "in June": not surely by 15 June, surely by the end of June.
    assert "grant-unconfirmed" not in as_of(bypass, "2022-06-15").claims
    assert "grant-unconfirmed" in as_of(bypass, "2022-06-30").claims
    assert "grant-unconfirmed" in as_of(bypass, "2022").claims


def test_as_of_before_everything_keeps_positions_and_undated(bypass: Graph) -> None:
    assert as_of(bypass, "2021").claims == {"build", "dont-build", "roads-last"}


def test_as_of_after_everything_is_everything(bypass: Graph) -> None:
    assert as_of(bypass, "2030-01-01").claims == everything(bypass).claims
    assert as_of(bypass, "2030-01-01").relations == everything(bypass).relations


def test_as_of_rejects_a_malformed_date(bypass: Graph) -> None:
    with pytest.raises(ValueError, match="not a date"):
        as_of(bypass, "March 2022")


def test_lens_and_timeline_combine(bypass: Graph) -> None:
    both = actor_lens(bypass, "mayor") & as_of(bypass, "2022-03-01")
    assert both.claims == {"build", "dont-build", "lorries"}
    assert both.highlight == {"build", "lorries"}
    assert both.label == "Ada Brennan · as of 2022-03-01"


# ---------------------------------------------------------------------- restrict
def test_restrict_renumbers_and_keeps_scores() -> None:
    fw = Framework.from_edges(
        ["a", "b", "c", "d"],
        [0.1, 0.2, 0.3, 0.4],
        attacks=[("a", "b"), ("c", "d")],
        supports=[("d", "b", 0.5)],
    )
    view = View(frozenset({"b", "d", "c"}), frozenset({"attack:c->d", "support:d->b"}))
    sub = restrict(fw.with_base({"d": 0.9}), view)
    assert sub.ids == ("b", "c", "d")
    assert sub.base.tolist() == [0.2, 0.3, 0.9]
    assert (sub.att_src.tolist(), sub.att_tgt.tolist()) == ([1], [2])
    assert (sub.sup_src.tolist(), sub.sup_tgt.tolist(), sub.sup_w.tolist()) == ([2], [0], [0.5])
    assert sub.sup_ids == ("support:d->b",)


def test_restrict_drops_relations_the_view_leaves_out_even_between_kept_claims() -> None:
    fw = Framework.from_edges(["a", "b"], attacks=[("a", "b")])
    sub = restrict(fw, View(frozenset({"a", "b"}), frozenset()))
    assert sub.ids == ("a", "b")
    assert len(sub.att_src) == 0


def test_restrict_to_everything_is_the_same_framework(bypass: Graph) -> None:
    fw = bypass.framework
    sub = restrict(fw, everything(bypass))
    assert sub.ids == fw.ids
    np.testing.assert_array_equal(sub.att_src, fw.att_src)
    np.testing.assert_array_equal(sub.sup_w, fw.sup_w)
    assert sub.att_ids == fw.att_ids


# ---------------------------------------------------------------------- tree
def test_children_list_supporters_before_attackers(bypass: Graph) -> None:
    kids = children(bypass)
    assert [(r.type, r.source) for r in kids["build"]] == [
        ("support", "lorries"),
        ("attack", "dont-build"),
        ("attack", "cost"),
    ]
    assert kids["survey"] == []


def test_path_from_position_is_shortest_and_top_first(bypass: Graph) -> None:
    path = path_from_position(bypass, "grant-unconfirmed")
    assert path is not None
    assert [r.id for r in path] == [
        "attack:cost->build",
        "attack:grant->cost",
        "attack:grant-unconfirmed->grant",
    ]
    assert path_from_position(bypass, "build") == []


def test_path_from_position_respects_the_view(bypass: Graph) -> None:
    view = as_of(bypass, "2022-04-12")
    assert path_from_position(bypass, "grant-unconfirmed", view) is None
    with pytest.raises(UnknownIdError):
        path_from_position(bypass, "nope")


def test_loose_tops_cover_every_claim_that_reaches_no_position() -> None:
    g = Graph(
        GraphModel(
            id="g",
            claims=[
                Claim(id="p", text="P", kind="position"),
                Claim(id="a", text="A"),
                Claim(id="b", text="B"),
                Claim(id="x", text="X"),
                Claim(id="y", text="Y"),
                Claim(id="z", text="Z"),
            ],
            relations=[
                Relation(type="attack", source="a", target="p"),
                Relation(type="attack", source="x", target="y"),
                Relation(type="attack", source="y", target="x"),
                Relation(type="support", source="z", target="y"),
            ],
        )
    )
    assert loose_tops(g) == ["b", "x"]
    path = path_from_position(g, "z", roots=loose_tops(g))
    assert path is not None
    assert [r.id for r in path] == ["attack:y->x", "support:z->y"]


def test_without_positions_the_tops_are_the_whole_graphs() -> None:
    g = Graph(
        GraphModel(
            id="g",
            claims=[Claim(id="a", text="A"), Claim(id="b", text="B")],
            relations=[Relation(type="attack", source="a", target="b")],
        )
    )
    assert loose_tops(g) == ["b"]
    assert path_from_position(g, "a") is None
    path = path_from_position(g, "a", roots=["b"])
    assert path is not None
    assert [r.id for r in path] == ["attack:a->b"]


def test_subgraph_keeps_the_view_in_file_order(bypass: Graph) -> None:
    sub = subgraph(bypass, as_of(bypass, "2022-03-01"))
    assert list(sub.claims) == ["build", "dont-build", "lorries", "accidents", "roads-last"]
    assert len(sub.actors) == len(bypass.actors)
    assert bypass.claims.keys() > sub.claims.keys()  # the original is untouched


# ---------------------------------------------------------------------- search
def test_search_finds_claim_text_before_quotes_before_actors(bypass: Graph) -> None:
    hits = search(bypass, "lorries")
    assert [(h.claim, h.field) for h in hits] == [("lorries", "text"), ("accidents", "quote")]


def test_search_needs_every_word_in_one_field(bypass: Graph) -> None:
    assert [h.claim for h in search(bypass, "market square")] == ["lorries"]
    assert search(bypass, "market wetland") == []


def test_search_by_actor_name(bypass: Graph) -> None:
    hits = search(bypass, "brennan")
    assert {h.claim for h in hits} == {"build", "lorries", "grant", "quieter"}
    for h in hits:
        assert h.field == "actor", h.claim
        assert h.actor == "mayor", h.claim


def test_search_ignores_case_and_typographic_quotes(bypass: Graph) -> None:
    assert [h.claim for h in search(bypass, "COUNCIL\u2019S")] == ["cost"]
    assert search(bypass, "   ") == []


def test_search_finds_ids_last(bypass: Graph) -> None:
    hits = search(bypass, "grant")
    assert [(h.claim, h.field) for h in hits] == [("grant", "text"), ("grant-unconfirmed", "text")]
    assert [(h.claim, h.field) for h in search(bypass, "roads-last")] == [("roads-last", "id")]


def test_search_index_is_reusable_and_limits(bypass: Graph) -> None:
    index = SearchIndex(bypass)
    assert len(index.search("the", limit=3)) == 3
    assert index.search("fen meadows")[0].excerpt.startswith("The line runs")


# ---------------------------------------------------------------------- properties
@st.composite
def dated_graphs(draw: st.DrawFn) -> Graph:
    n = draw(st.integers(2, 8))
    days = st.sampled_from(["2023", "2023-02", "2023-02-10", "2023-03-05", "2024-01"])
    claims = []
    for i in range(n):
        atts = [
            Attribution(actor="a", date=d)
            for d in draw(st.lists(st.one_of(st.none(), days), max_size=2))
        ]
        claims.append(
            Claim(
                id=f"c{i}", text=f"C{i}", attributions=atts, kind="position" if i == 0 else "claim"
            )
        )
    pairs = draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12, unique=True)
    )
    rels = [
        Relation(type=draw(st.sampled_from(["attack", "support"])), source=f"c{s}", target=f"c{t}")
        for s, t in pairs
        if s != t
    ]
    return Graph(
        GraphModel(
            id="g", actors=[Actor(id="a", name="A", kind="x")], claims=claims, relations=rels
        )
    )


@settings(max_examples=80, deadline=None)
@given(dated_graphs())
def test_the_debate_only_grows_with_time(g: Graph) -> None:
    days = graph_dates(g)
    views = [as_of(g, d) for d in days]
    for earlier, later in zip(views, views[1:], strict=False):
        assert earlier.claims <= later.claims
        assert earlier.relations <= later.relations
    for view in views:
        assert {c.id for c in g.positions} <= view.claims
        for rid in view.relations:
            rel = g.relations[rid]
            assert rel.source in view.claims
            assert rel.target in view.claims


@settings(max_examples=80, deadline=None)
@given(dated_graphs())
def test_every_claim_is_reachable_from_a_tree_top(g: Graph) -> None:
    tops = loose_tops(g)
    for cid in g.claims:
        if path_from_position(g, cid) is None:
            assert path_from_position(g, cid, roots=tops) is not None


def test_the_lens_marks_only_what_the_actor_is_quoted_for() -> None:
    """An actor quoted for a relation into a position does not thereby state the
    position: it is in the lens (the relation needs its ends), not marked as theirs."""
    g = Graph(
        GraphModel(
            id="g",
            actors=[Actor(id="a", name="A", kind="analyst")],
            claims=[
                Claim(id="p", text="P", kind="position"),
                Claim(id="x", text="X", attributions=[Attribution(actor="a")]),
                Claim(id="y", text="Y"),
            ],
            relations=[
                Relation(
                    type="support", source="y", target="p", attributions=[Attribution(actor="a")]
                )
            ],
        )
    )
    assert actor_statements(g, "a") == ({"x"}, {"support:y->p"})
    lens = actor_lens(g, "a")
    assert lens.claims == {"p", "x", "y"}
    assert lens.highlight == frozenset({"x"})
