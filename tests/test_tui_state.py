"""The state behind the main screen and the answers of its slower panels, without a
terminal: the session's strengths always equal a full recomputation, views restrict the
verdict, and the Why and Lever panels say what the engine says."""

from __future__ import annotations

from pathlib import Path

import pytest

from arggraph.graph import Graph
from arggraph.io import load
from arggraph.semantics.explain import explain
from arggraph.semantics.gradual import score
from arggraph.semantics.verdict import flip_points, margin_curve
from arggraph.sheets import ScoreBook
from arggraph.views import actor_lens, restrict
from tui.insight import deciders, drivers, extensions_results, findings_results, lever_state
from tui.state import Session

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def graph() -> Graph:
    return load(FIXTURES / "bypass.json")


def session_for(graph: Graph, tmp_path: Path, semantics: str = "dfquad") -> Session:
    return Session(graph, ScoreBook(graph, path=tmp_path / "s.json", scorer="t"), semantics)


def exact(session: Session) -> dict[str, float]:
    return score(session.fw, session.semantics)


def test_edits_keep_every_strength_exact(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    s.set_base("accidents", 0.9)
    s.set_weight("attack:cost->build", 0.3)
    s.set_base("grant", 0.1)
    assert s.strengths == pytest.approx(exact(s), abs=1e-12)
    full = score(
        graph.framework.with_base({"accidents": 0.9, "grant": 0.1}).with_weights(
            {"attack:cost->build": 0.3}
        )
    )
    assert s.strengths == pytest.approx(full, abs=1e-12)


def test_every_semantics_and_the_one_that_does_not_fit(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    for name in ("qe", "euler"):
        s.set_semantics(name)
        assert s.problem is None and s.strengths == pytest.approx(exact(s), abs=1e-12)
    s.set_semantics("hcat")
    assert s.problem is not None and "support" in s.problem
    assert s.strengths == {} and s.standing().leader is None
    assert s.set_base("cost", 0.2) == {}  # scoring still records the score
    assert s.book.bases == {"cost": 0.2}
    s.set_semantics("dfquad")
    assert s.strength("cost") is not None and s.problem is None
    with pytest.raises(Exception, match="unknown semantics"):
        s.set_semantics("nope")


def test_the_lens_computes_the_verdict_from_the_actors_claims(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    s.set_base("lorries", 0.9)
    s.set_view(actor="mayor", day=None)
    lens = actor_lens(graph, "mayor")
    expected = score(restrict(graph.framework.with_base({"lorries": 0.9}), lens))
    assert s.strengths == pytest.approx(expected, abs=1e-12)
    assert s.strength("cost") is None
    s.set_base("lorries", 0.2)  # scoring inside the lens
    assert s.strength("lorries") is not None
    s.set_base("cost", 0.7)  # outside it: kept in the book, no strength
    assert s.book.bases["cost"] == 0.7 and s.strength("cost") is None
    s.set_view(actor=None, day=None)
    assert s.strengths == pytest.approx(
        score(graph.framework.with_base({"lorries": 0.2, "cost": 0.7})), abs=1e-12
    )


def test_stepping_through_the_dates(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    assert s.step_day(1) == "2022-03-01" and s.step_day(-1) == "2022-07-20"
    s.set_view(actor=None, day="2022-04-12")
    assert (s.step_day(1), s.step_day(-1)) == ("2022-06", "2022-03-01")
    s.set_view(actor=None, day="2022-07-20")
    assert s.step_day(1) is None
    assert s.dated_view is not None and s.dated_view.claims == s.view.claims


def test_drivers_are_explains_top_contributions(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    state = drivers(s.snapshot(), "build")
    contributions = explain(graph, "build").contributions
    assert [d.claim for d in state.drivers] == [c.claim for c in contributions[:4]]
    assert state.strength == pytest.approx(s.strength("build"))
    assert not any(d.flip_known for d in state.drivers)
    with_flips = drivers(s.snapshot(), "build", with_flips=True)
    flips = flip_points(graph, positions=["build", "dont-build"])
    assert all(d.flip_known and d.flip == flips[d.claim] for d in with_flips.drivers)
    assert drivers(s.snapshot(), "survey").drivers == ()  # nothing bears on it


def test_deciders_rank_the_claims_by_their_share_of_the_margin(
    graph: Graph, tmp_path: Path
) -> None:
    s = session_for(graph, tmp_path)
    s.set_base("lorries", 0.9)
    snap = s.snapshot()
    state = deciders(snap)
    standing = s.standing()
    assert state.leader == standing.leader == "build"
    lead = {c.claim: c.removal for c in explain(snap.fw, "build").contributions}
    rival = {c.claim: c.removal for c in explain(snap.fw, "dont-build").contributions}
    first = state.deciders[0]
    assert first.effect == pytest.approx(lead.get(first.claim, 0) - rival.get(first.claim, 0))
    assert abs(first.effect) >= max(abs(d.effect) for d in state.deciders)
    assert state.flips == flip_points(snap.fw, positions=["build", "dont-build"])
    assert state.nearest is not None and state.nearest.flip is not None


def test_the_lever_is_the_verdicts_margin_curve(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    snap = s.snapshot()
    state = lever_state(snap, "lorries", "support:lorries->build", link=False)
    assert state.curve == tuple(margin_curve(graph, "lorries", positions=["build", "dont-build"]))
    assert state.current == 0.5


def test_the_link_lever_moves_the_weight(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    state = lever_state(s.snapshot(), "lorries", "support:lorries->build", link=True)
    assert state.what == "link weight" and state.current == 1.0
    assert len(state.curve) == 21
    for w, margin in state.curve[::5]:
        values = score(graph.framework.with_weights({"support:lorries->build": w}))
        assert margin == pytest.approx(values["dont-build"] - values["build"], abs=1e-9)
    none = lever_state(s.snapshot(), "build", None, link=True)
    assert none.curve == () and none.note is not None and "no link" in none.note


def test_extensions_and_findings_name_claims_to_go_to(graph: Graph, tmp_path: Path) -> None:
    s = session_for(graph, tmp_path)
    ext = extensions_results(s.snapshot())
    assert {row.claim for row in ext.rows} == set(graph.claims)
    assert "Grounded:" in ext.summary.plain
    found = findings_results(graph)
    assert found.rows and all(r.claim is None or r.claim in graph.claims for r in found.rows)
