"""The session behind the main screen under edits: strengths, positions, the view and
one history for graph edits and scores, without a terminal."""

from __future__ import annotations

import pytest

from arggraph.edit import add_argument, add_claim, change_relation, remove_claim
from arggraph.errors import EditError
from tui.state import Session


def test_an_edit_recomputes_the_strengths(session: Session) -> None:
    before = session.strength("build")
    assert before is not None
    session.apply(
        add_argument(session.graph, "Nobody drives there", type_="attack", target="build")
    )
    after = session.strength("build")
    assert after is not None and after < before
    assert session.strength("nobody-drives-there") == 0.5
    assert "nobody-drives-there" in {r.premises[0] for r in session.children["build"]}
    session.undo()
    assert session.strength("build") == before
    assert "nobody-drives-there" not in session.strengths


def test_a_new_position_joins_the_verdict(session: Session) -> None:
    session.apply(add_claim(session.graph, "Build a tunnel", kind="position"))
    assert session.positions[-1] == "build-a-tunnel"
    assert "build-a-tunnel" in [p for p, _ in session.standing().ranking]


def test_scores_and_edits_undo_in_order_and_a_removed_claims_score_waits(
    session: Session,
) -> None:
    session.set_base("grant", 0.9)
    session.apply(remove_claim(session.graph, "grant"))
    assert "grant" not in session.strengths  # its score stays in the book, unapplied
    assert session.own.bases == {"grant": 0.9}
    session.undo()
    assert session.strength("grant") is not None
    assert session.scored_framework().base[session.fw.index_of("grant")] == 0.9
    session.undo()
    assert session.own.bases == {}
    session.redo()
    assert session.own.bases == {"grant": 0.9}


def test_a_weight_follows_its_link_when_its_type_changes(session: Session) -> None:
    session.set_weight("attack:cost->build", 0.3)
    session.apply(change_relation(session.graph, "attack:cost->build", type="support"))
    assert session.own.weights == {"support:cost->build": 0.3}
    assert session.fw.relation_index["support:cost->build"]


def test_a_refused_edit_changes_nothing(session: Session) -> None:
    graph, strengths = session.graph, dict(session.strengths)
    stale = add_argument(session.graph, "Late", type_="support", target="grant")
    session.apply(remove_claim(session.graph, "grant"))
    session.undo()
    session.apply(remove_claim(session.graph, "grant"))
    with pytest.raises(EditError):
        session.apply(stale)
    session.undo()
    assert session.graph.model == graph.model and session.strengths == strengths


def test_the_actor_lens_ends_when_its_actor_is_removed(session: Session) -> None:
    from arggraph.edit import add_actor, remove_actor

    session.apply(add_actor(session.graph, "Ann Lee", kind="analyst"))
    session.set_view(actor="ann-lee", day=None)
    session.apply(remove_actor(session.graph, "ann-lee"))
    assert session.actor is None and not session.restricted
