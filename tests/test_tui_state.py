"""The state behind the main screen and the answers of its slower panels, without a
terminal: the session's strengths always equal a full recomputation, views restrict the
verdict, and the Why and Lever panels say what the engine says."""

from __future__ import annotations

import pytest

from arggraph.graph import Graph
from arggraph.semantics.explain import explain
from arggraph.semantics.gradual import score
from arggraph.semantics.verdict import flip_points, margin_curve
from arggraph.views import actor_lens, restrict
from tui.insight import deciders, drivers, extensions_results, findings_results, lever_state
from tui.state import Session


def exact(session: Session) -> dict[str, float]:
    return score(session.fw, session.semantics)


def test_edits_keep_every_strength_exact(bypass: Graph, session: Session) -> None:
    session.set_base("accidents", 0.9)
    session.set_weight("attack:cost->build", 0.3)
    session.set_base("grant", 0.1)
    assert session.strengths == pytest.approx(exact(session), abs=1e-12)
    full = score(
        bypass.framework.with_base({"accidents": 0.9, "grant": 0.1}).with_weights(
            {"attack:cost->build": 0.3}
        )
    )
    assert session.strengths == pytest.approx(full, abs=1e-12)


def test_every_semantics_and_the_one_that_does_not_fit(session: Session) -> None:
    for name in ("qe", "euler"):
        session.set_semantics(name)
        assert session.problem is None
        assert session.strengths == pytest.approx(exact(session), abs=1e-12)
    session.set_semantics("hcat")
    assert session.problem is not None
    assert "support" in session.problem
    assert session.strengths == {}
    assert session.standing().leader is None
    assert session.set_base("cost", 0.2) == {}  # scoring still records the score
    assert session.book.bases == {"cost": 0.2}
    session.set_semantics("dfquad")
    assert session.strength("cost") is not None
    assert session.problem is None
    with pytest.raises(Exception, match="unknown semantics"):
        session.set_semantics("nope")


def test_the_lens_computes_the_verdict_from_the_actors_claims(
    bypass: Graph, session: Session
) -> None:
    session.set_base("lorries", 0.9)
    session.set_view(actor="mayor", day=None)
    lens = actor_lens(bypass, "mayor")
    expected = score(restrict(bypass.framework.with_base({"lorries": 0.9}), lens))
    assert session.strengths == pytest.approx(expected, abs=1e-12)
    assert session.strength("cost") is None
    session.set_base("lorries", 0.2)  # scoring inside the lens
    assert session.strength("lorries") is not None
    session.set_base("cost", 0.7)  # outside it: kept in the book, no strength
    assert session.book.bases["cost"] == 0.7
    assert session.strength("cost") is None
    session.set_view(actor=None, day=None)
    assert session.strengths == pytest.approx(
        score(bypass.framework.with_base({"lorries": 0.2, "cost": 0.7})), abs=1e-12
    )


def test_stepping_through_the_dates(session: Session) -> None:
    assert session.step_day(1) == "2022-03-01"
    assert session.step_day(-1) == "2022-07-20"
    session.set_view(actor=None, day="2022-04-12")
    assert (session.step_day(1), session.step_day(-1)) == ("2022-06", "2022-03-01")
    session.set_view(actor=None, day="2022-07-20")
    assert session.step_day(1) is None
    assert session.dated_view is not None
    assert session.dated_view.claims == session.view.claims


def test_drivers_are_explains_top_contributions(bypass: Graph, session: Session) -> None:
    state = drivers(session.snapshot(), "build")
    contributions = explain(bypass, "build").contributions
    assert [d.claim for d in state.drivers] == [c.claim for c in contributions[:4]]
    assert state.strength == pytest.approx(session.strength("build"))
    assert not any(d.flip_known for d in state.drivers)
    with_flips = drivers(session.snapshot(), "build", with_flips=True)
    flips = flip_points(bypass, positions=["build", "dont-build"])
    for d in with_flips.drivers:
        assert d.flip_known, d.claim
        assert d.flip == flips[d.claim], d.claim
    assert drivers(session.snapshot(), "survey").drivers == ()  # nothing bears on it


def test_deciders_rank_the_claims_by_their_share_of_the_margin(session: Session) -> None:
    session.set_base("lorries", 0.9)
    snap = session.snapshot()
    state = deciders(snap)
    standing = session.standing()
    assert state.leader == standing.leader == "build"
    lead = {c.claim: c.removal or 0.0 for c in explain(snap.fw, "build").contributions}
    rival = {c.claim: c.removal or 0.0 for c in explain(snap.fw, "dont-build").contributions}
    first = state.deciders[0]
    assert first.effect == pytest.approx(lead.get(first.claim, 0) - rival.get(first.claim, 0))
    assert abs(first.effect) >= max(abs(d.effect) for d in state.deciders)
    assert state.flips == flip_points(snap.fw, positions=["build", "dont-build"])
    assert state.nearest is not None
    assert state.nearest.flip is not None


def test_the_lever_is_the_verdicts_margin_curve(bypass: Graph, session: Session) -> None:
    snap = session.snapshot()
    state = lever_state(snap, "lorries", "support:lorries->build", link=False)
    assert state.curve == tuple(margin_curve(bypass, "lorries", positions=["build", "dont-build"]))
    assert state.current == 0.5


def test_the_link_lever_moves_the_weight(bypass: Graph, session: Session) -> None:
    state = lever_state(session.snapshot(), "lorries", "support:lorries->build", link=True)
    assert state.what == "link weight"
    assert state.current == 1.0
    assert len(state.curve) == 21
    for w, margin in state.curve[::5]:
        values = score(bypass.framework.with_weights({"support:lorries->build": w}))
        assert margin == pytest.approx(values["dont-build"] - values["build"], abs=1e-9)
    none = lever_state(session.snapshot(), "build", None, link=True)
    assert none.curve == ()
    assert none.note is not None
    assert "no link" in none.note


def test_extensions_and_findings_name_claims_to_go_to(bypass: Graph, session: Session) -> None:
    ext = extensions_results(session.snapshot())
    assert {row.claim for row in ext.rows} == set(bypass.claims)
    assert "Grounded:" in ext.summary.plain
    found = findings_results(bypass)
    assert found.rows
    assert all(r.claim is None or r.claim in bypass.claims for r in found.rows)
