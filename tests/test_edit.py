"""The edit model: each operation's checks, what removing takes with it, relation ids
that follow their relation, one history for graph edits and scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import BYPASS, FIXTURES

from arggraph.edit import (
    Editor,
    actor_uses,
    add_actor,
    add_argument,
    add_attribution,
    add_claim,
    add_document,
    add_relation,
    change_claim,
    change_relation,
    claim_dependents,
    group_premises,
    new_debate,
    relation_dependents,
    remove_actor,
    remove_claim,
    remove_document,
    remove_relation,
)
from arggraph.errors import ArggraphError, EditError, UnknownIdError
from arggraph.graph import Graph
from arggraph.io import dump_graph, load, loads
from arggraph.serialize import needed_format
from arggraph.sheets import ScoreBook

BRIDGE = FIXTURES / "bridge.json"


@pytest.fixture
def bridge() -> Graph:
    return load(BRIDGE)


def _book(graph: Graph, tmp_path: Path) -> ScoreBook:
    return ScoreBook(graph, path=tmp_path / "sheet.json", scorer="tester")


def test_edit_errors_are_input_errors_with_the_reason(bypass: Graph) -> None:
    with pytest.raises(EditError, match="already a claim's") as caught:
        add_claim(bypass, "Build it", ident="build")
    assert isinstance(caught.value, ArggraphError)
    with pytest.raises(EditError, match="needs at least one premise"):
        add_relation(bypass, "support", [], "build")
    with pytest.raises(EditError, match="no claim 'nope' to be a premise"):
        add_relation(bypass, "support", "nope", "build")
    with pytest.raises(EditError, match="no claim or relation 'nope'"):
        add_relation(bypass, "support", "cost", "nope")
    with pytest.raises(EditError, match="already there"):
        add_relation(bypass, "attack", "cost", "build")
    with pytest.raises(EditError, match="premise 'cost' is given twice"):
        add_relation(bypass, "attack", ["cost", "cost"], "build")
    with pytest.raises(EditError, match="base: Input should be less than or equal to 1"):
        change_claim(bypass, "cost", base=1.5)
    with pytest.raises(EditError, match="date"):
        change_claim(bypass, "cost", date="2023-13")
    with pytest.raises(UnknownIdError):
        change_claim(bypass, "nope", text="x")
    with pytest.raises(EditError, match="cannot change id"):
        change_claim(bypass, "cost", id="other")


def test_a_new_claim_gets_an_id_from_its_text_and_supports_its_target(bypass: Graph) -> None:
    ed = Editor(bypass)
    ed.apply(add_argument(ed.graph, "Lorries would use it", type_="support", target="build"))
    ed.apply(add_argument(ed.graph, "Lorries would use it", type_="attack", target="cost"))
    assert "lorries-would-use-it" in ed.graph.claims
    assert "lorries-would-use-it-2" in ed.graph.claims
    rel = ed.graph.relations["support:lorries-would-use-it->build"]
    assert rel.premises == ["lorries-would-use-it"]
    # a default id is left out of the file, as the file leaves its own out
    assert '"id": "support:lorries-would-use-it->build"' not in dump_graph(ed.graph.model)


def test_removing_a_claim_says_first_what_hangs_on_it_and_takes_it(bridge: Graph) -> None:
    deps = claim_dependents(bridge, "survey")
    assert deps.relations == ("survey-cut",)
    assert deps.aimed == ("reliable-cut",)
    text = deps.describe(bridge)
    assert "the attack 'survey-cut'" in text and "'reliable-cut' aimed at it" in text
    assert "1 attribution" in text
    ed = Editor(bridge)
    ed.apply(remove_claim(ed.graph, "survey"))
    assert "survey" not in ed.graph.claims
    assert {"survey-cut", "reliable-cut"}.isdisjoint(ed.graph.relations)
    assert "still-reliable" in ed.graph.claims  # the undercutter's claim stays
    left = claim_dependents(ed.graph, "still-reliable")
    assert left.count == 0
    assert left.describe(ed.graph).splitlines()[1:] == ["  its 1 attribution (who said it, where)"]
    ed.apply(add_claim(ed.graph, "Bare"))
    bare = claim_dependents(ed.graph, "bare")
    assert bare.describe(ed.graph) == "Nothing else hangs on claim 'bare'."


def test_removing_a_premise_of_a_linked_argument_removes_the_argument(bridge: Graph) -> None:
    deps = claim_dependents(bridge, "load")
    assert deps.relations == ("safety",)
    assert set(deps.aimed) == {"survey-cut", "reliable-cut", "recheck-backs"}
    ed = Editor(bridge)
    ed.apply(remove_claim(ed.graph, "load"))
    assert not ed.graph.problems
    assert set(ed.graph.relations) == {"trade-keep", "detour-keep", "quay-cut", "rains-close"}


def test_removing_a_relation_removes_what_is_aimed_at_it(bridge: Graph) -> None:
    assert relation_dependents(bridge, "survey-cut").aimed == ("reliable-cut",)
    ed = Editor(bridge)
    ed.apply(remove_relation(ed.graph, "survey-cut"))
    assert "reliable-cut" not in ed.graph.relations


def test_an_actor_or_document_in_use_cannot_be_removed(bridge: Graph) -> None:
    assert actor_uses(bridge, "engineer").count >= 1
    with pytest.raises(EditError, match="actor 'engineer' is named by"):
        remove_actor(bridge, "engineer")
    with pytest.raises(EditError, match="document 'inspection' is named by"):
        remove_document(bridge, "inspection")
    ed = Editor(bridge)
    ed.apply(add_actor(ed.graph, "Ann Lee", kind="analyst"))
    ed.apply(add_document(ed.graph, "A new survey", published="2024-05"))
    ed.apply(add_attribution(ed.graph, "rains", actor="ann-lee", document="a-new-survey"))
    assert ed.graph.claims["rains"].attributions[-1].actor == "ann-lee"
    with pytest.raises(EditError, match="no actor 'ghost'"):
        add_attribution(ed.graph, "rains", actor="ghost")


def test_a_default_id_follows_its_relation_and_what_is_aimed_at_it_follows(
    bypass: Graph, tmp_path: Path
) -> None:
    book = _book(bypass, tmp_path)
    ed = Editor(bypass, book)
    ed.apply(add_relation(ed.graph, "attack", "trade", "attack:cost->build"))
    ed.set_weight("attack:cost->build", 0.4)
    ed.apply(change_relation(ed.graph, "attack:cost->build", type="support"))
    assert "support:cost->build" in ed.graph.relations
    assert "attack:trade->support:cost->build" in ed.graph.relations
    assert book.weights == {"support:cost->build": 0.4}  # the weight followed the link
    again = loads(dump_graph(ed.graph.model))
    assert list(again.relations) == list(ed.graph.relations)
    ed.undo()
    assert "attack:trade->attack:cost->build" in ed.graph.relations
    assert book.weights == {"attack:cost->build": 0.4}


def test_grouping_premises_takes_in_the_single_premise_relation(bypass: Graph) -> None:
    ed = Editor(bypass)
    ed.apply(add_relation(ed.graph, "attack", "survey", "build"))
    ed.apply(group_premises(ed.graph, "attack:cost->build", "survey"))
    linked = [r for r in ed.graph.relations.values() if len(r.premises) == 2]
    assert [r.premises for r in linked] == [["cost", "survey"]]
    assert "attack:survey->build" not in ed.graph.relations
    assert ed.graph.model.format == "arggraph/1.1"  # linked premises need it
    ed.undo()
    assert needed_format(ed.graph.model) == "arggraph/1"  # and undoing goes back
    with pytest.raises(EditError, match="already a premise"):
        group_premises(ed.graph, "attack:cost->build", "cost")


def test_an_undercut_of_a_link(bypass: Graph) -> None:
    ed = Editor(bypass)
    link = "attack:cost->build"
    ed.apply(add_argument(ed.graph, "Costs fall later", type_="attack", target=link))
    assert ed.undo_label == "add claim 'costs-fall-later' undercutting attack:cost->build"
    assert ed.graph.model.format == "arggraph/1.1"
    undercut = ed.graph.relations["attack:costs-fall-later->attack:cost->build"]
    assert ed.graph.target_relation(undercut) is ed.graph.relations["attack:cost->build"]


def test_an_edit_made_against_an_older_graph_is_refused(bypass: Graph) -> None:
    ed = Editor(bypass)
    stale = add_relation(ed.graph, "support", "survey", "cost")
    ed.apply(remove_claim(ed.graph, "survey"))
    before = ed.graph
    with pytest.raises(EditError, match="not done"):
        ed.apply(stale)
    assert ed.graph is before


def test_score_changes_and_graph_edits_share_one_history(bypass: Graph, tmp_path: Path) -> None:
    book = _book(bypass, tmp_path)
    ed = Editor(bypass, book)
    ed.set_base("cost", 0.9)
    ed.apply(change_claim(ed.graph, "cost", text="It costs too much"))
    ed.set_base("cost", 0.2)
    assert ed.undo_label == "score cost"
    ed.undo()
    assert book.bases == {"cost": 0.9}
    assert ed.graph.claims["cost"].text == "It costs too much"
    ed.undo()
    assert ed.graph.claims["cost"].text != "It costs too much"
    assert book.bases == {"cost": 0.9}
    ed.undo()
    assert book.bases == {}
    assert ed.undo() is None
    ed.redo()
    ed.redo()
    assert (book.bases, ed.graph.claims["cost"].text) == ({"cost": 0.9}, "It costs too much")
    ed.set_base("grant", 0.1)  # a new change drops what could be redone
    assert not ed.can_redo


def test_a_removed_claims_score_comes_back_with_it(bypass: Graph, tmp_path: Path) -> None:
    book = _book(bypass, tmp_path)
    ed = Editor(bypass, book)
    ed.set_base("grant", 0.7)
    ed.apply(remove_claim(ed.graph, "grant"))
    assert "grant" not in ed.graph.claims
    ed.undo()
    assert book.base("grant") == 0.7


def test_changing_nothing_is_no_history_entry(bypass: Graph) -> None:
    ed = Editor(bypass)
    text = ed.graph.claims["cost"].text
    assert ed.apply(change_claim(ed.graph, "cost", text=text)) is None
    assert not ed.can_undo and not ed.dirty


def test_new_debate_is_a_valid_graph_with_two_positions() -> None:
    model = new_debate("Should the town build the bypass?")
    graph = Graph(model)
    assert [c.kind for c in graph.positions] == ["position", "position"]
    assert loads(dump_graph(model)).model == model
    with pytest.raises(EditError, match="must differ"):
        new_debate("Q?", positions=("Yes", "yes"))


def test_editing_the_fixture_file_keeps_it_loadable() -> None:
    ed = Editor(load(BYPASS))
    ed.apply(add_claim(ed.graph, "A third way", kind="position"))
    assert loads(dump_graph(ed.graph.model)).positions[-1].text == "A third way"
