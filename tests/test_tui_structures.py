"""The terminal UI on linked premises, backings and undercuts (``arggraph/1.1``).

The fixture debate, ``tests/fixtures/bridge.json``: should Ashford close its old bridge
this summer? Under DF-QuAD, by hand:

- ``survey-cut`` (survey 0.6 undercuts ``safety``) is itself undercut by still-reliable
  (0.5): its weight 1 moves to ``1 - 0.5 = 0.5``, and it bears with ``0.6 * 0.5 = 0.3``;
- ``safety`` (cracks 0.8 and load 0.7 together, weight 0.8) is undercut with 0.3 and
  backed by recheck with 0.7: its weight moves to ``0.8 + 0.2 * (0.7 - 0.3) = 0.88``,
  and it bears on ``close`` with its weakest premise: ``0.7 * 0.88 = 0.616``;
- ``close`` (base 0.5) is supported with 0.616 and by rains with 0.5: ``0.5 + 0.5 * (1 -
  0.384 * 0.5) = 0.904``;
- ``detour-keep`` (detour 0.6, weight 0.8) is undercut by quay (0.5): ``0.8 * 0.5 = 0.4``,
  so it bears with ``0.24``; ``keep`` is ``0.5 + 0.5 * (1 - 0.4 * 0.76) = 0.848``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import BRIDGE, app_for, screen_text, session_for, settle
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from arggraph.graph import Graph
from arggraph.io import load, load_scores
from arggraph.semantics.dung import grounded_labels, iter_extensions_with_relations
from arggraph.semantics.gradual import score
from arggraph.views import actor_lens, restrict
from tui.app import ArggraphApp
from tui.factory import create_app
from tui.insight import drivers, extensions_results, lever_state, link_lever
from tui.screens.dialogs import PromptScreen
from tui.screens.main import MainScreen
from tui.screens.pickers import ActorScreen, TimelineScreen
from tui.screens.results import ResultScreen
from tui.screens.search import SearchScreen
from tui.viewmodels import Item
from tui.widgets.detail import ClaimHead
from tui.widgets.lever import LeverChart
from tui.widgets.tree import DebateTree, Node
from tui.widgets.why import WhyPanel

SIZE = (120, 40)


@pytest.fixture
def bridge() -> Graph:
    return load(BRIDGE)


@pytest.fixture
def app(bridge: Graph, tmp_path: Path) -> ArggraphApp:
    return app_for(bridge, tmp_path / "sheet.json")


def main(app: ArggraphApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def tree(app: ArggraphApp) -> DebateTree:
    return main(app).query_one(DebateTree)


def here(app: ArggraphApp) -> Item:
    item = main(app).current_item()
    assert item is not None
    return item


def label(app: ArggraphApp) -> str:
    """The line of the node under the cursor."""
    node = tree(app).cursor_node
    assert node is not None
    return str(node.label)


def kids(node: Node) -> list[Item]:
    out = []
    for child in node.children:
        assert child.data is not None
        out.append(child.data)
    return out


def go_to(app: ArggraphApp, top: str, *keys: tuple[str | None, str | None]) -> Node:
    """Put the cursor on the node reached from position ``top`` by ``keys``."""
    node = tree(app).go((top, keys, False))
    assert node is not None, keys
    return node


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


# ---------------------------------------------------------------------- the session
def test_the_session_knows_what_each_inference_bears_with(bridge: Graph, tmp_path: Path) -> None:
    s = session_for(bridge, tmp_path / "sheet.json")
    assert s.inferences["survey-cut"] == pytest.approx(0.3)
    assert s.inferences["safety"] == pytest.approx(0.616)
    assert s.inferences["detour-keep"] == pytest.approx(0.24)
    assert s.strengths["close"] == pytest.approx(0.904)
    assert s.strengths["keep"] == pytest.approx(0.848)
    s.set_weight("safety", 0.5)  # 0.5 + 0.5 * 0.4 = 0.7; bears with 0.49
    assert s.inferences["safety"] == pytest.approx(0.49)
    assert s.snapshot().inference("safety") == pytest.approx(0.49)
    s.set_base("quay", 1.0)  # detour-keep's weight moves to 0: it bears with nothing
    assert s.inferences["detour-keep"] == pytest.approx(0.0)
    s.reset_weight("safety")
    assert s.inferences["safety"] == pytest.approx(0.616)


def test_what_the_tree_shows_under_each_node(bridge: Graph, tmp_path: Path) -> None:
    snap = session_for(bridge, tmp_path / "sheet.json").snapshot()
    under_close = snap.child_items(Item("position", "close"))
    assert [(i.role, i.relation, i.claim) for i in under_close] == [
        ("inference", "safety", None),
        ("argument", "rains-close", "rains"),
    ]
    under_safety = snap.child_items(under_close[0])
    assert [(i.role, i.relation, i.claim) for i in under_safety] == [
        ("premise", "safety", "cracks"),
        ("premise", "safety", "load"),
        ("argument", "recheck-backs", "recheck"),
        ("inference", "survey-cut", None),
    ]
    under_cut = snap.child_items(under_safety[3])
    assert [(i.role, i.relation, i.claim) for i in under_cut] == [
        ("premise", "survey-cut", "survey"),
        ("argument", "reliable-cut", "still-reliable"),
    ]
    assert snap.child_items(under_safety[0]) == []  # cracks: nothing bears on it
    assert snap.conclusion("reliable-cut") == "close"
    assert snap.inference_words(bridge.relations["safety"]) == (
        "2 premises together · 1 backing · 1 undercut (Argument From Consequences)"
    )
    assert snap.inference_line(bridge.relations["safety"]) == (
        "2 together: The inspection found cracks in two of the piers & Cracked piers "
        "cannot safely carry the summer lorry traffic · 1 backing · 1 undercut"
    )
    assert snap.inference_line(bridge.relations["detour-keep"]) == (
        "The detour adds forty minutes for delivery vans · 1 undercut"
    )


# ---------------------------------------------------------------------- the tree
async def test_linked_premises_sit_together_under_their_inference(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        close = tree(app).cursor_node
        assert close is not None
        first = close.children[0]
        assert str(first.label).startswith("+ ∴ 0.62 ×0.80 2 together: The inspection")
        tree(app).open(first)
        labels = [str(c.label) for c in first.children]
        assert labels[0].startswith("& 0.80 The inspection found cracks")
        assert labels[1].startswith("& 0.70 Cracked piers cannot")
        assert labels[2].startswith("+ 0.70 A second engineer confirmed")  # the backing
        assert labels[3].startswith("− ∴ 0.30 The inspection used a")  # the undercut
        undercut = first.children[3]
        tree(app).open(undercut)
        labels = [str(c.label) for c in undercut.children]
        assert labels[0].startswith("& 0.60 The inspection used a survey")
        assert labels[1].startswith("− 0.50 The retired method still finds")
        await pilot.pause()
        text = screen_text(app)
        assert "+ ∴ 0.24 ×0.80 The detour adds forty minutes" in text  # under keep


async def test_every_claim_can_be_placed_in_the_tree(app: ArggraphApp, bridge: Graph) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        for cid in bridge.claims:
            assert screen.jump_to_claim(cid), cid
            assert here(app).claim == cid
        # the way down to the undercut of an undercut: position, inference, inference
        assert screen.jump_to_claim("still-reliable")
        node = tree(app).cursor_node
        assert node is not None
        roles = []
        while node is not None and node.data is not None:
            roles.append(node.data.role)
            node = node.parent
        assert roles == ["argument", "inference", "inference", "position", "question"]


@pytest.mark.slow
async def test_search_finds_a_second_premise_and_an_undercutter(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for words, claim, role in (
            ("cracked piers", "load", "premise"),
            ("river quay", "quay", "argument"),
        ):
            await press(pilot, "slash")
            assert isinstance(app.screen, SearchScreen)
            await press(pilot, *words, "enter")
            assert isinstance(app.screen, MainScreen)
            assert here(app).claim == claim
            assert here(app).role == role
        await press(pilot, "backspace")  # back to where the last jump started: load
        assert here(app).claim == "load"


@pytest.mark.slow
async def test_the_list_under_an_inference_goes_to_each_of_its_children(
    app: ArggraphApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, "close", ("safety", None))
        await settle(pilot)
        title = str(main(app).query_one("#links-title", Static).content)
        assert "Premises (2), backings (1) and undercuts (1)" in title
        links = main(app).query_one("#links", OptionList)
        assert links.option_count == 4
        links.focus()
        await press(pilot, "down", "down", "down", "enter")
        assert here(app).role == "inference"
        assert here(app).relation == "survey-cut"
        await press(pilot, "backspace")
        assert here(app).relation == "safety"
        assert here(app).claim is None


# ---------------------------------------------------------------------- scoring
@pytest.mark.slow
async def test_on_an_inference_the_keys_score_its_weight(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down")
        assert here(app).role == "inference"
        screen = main(app)
        assert screen.scoring_link
        assert "scoring: link weight" in screen_text(app)
        book = screen.session.book
        await press(pilot, "5")
        assert book.weights == {"safety": 0.5}
        assert book.bases == {}
        assert screen.session.inferences["safety"] == pytest.approx(0.49)
        assert screen.session.strengths["close"] == pytest.approx(0.5 + 0.5 * (1 - 0.51 * 0.5))
        assert label(app).startswith("+ ∴ 0.49 ×0.50 ")
        await press(pilot, "plus")
        assert book.weights["safety"] == pytest.approx(0.55)
        await press(pilot, "minus", "minus")
        assert book.weights["safety"] == pytest.approx(0.45)
        await press(pilot, "w")  # no base to switch to: it says so and keeps the weight
        assert screen.scoring_link
        await press(pilot, "r")  # back to the graph's weight
        assert book.weights == {}
        assert screen.session.inferences["safety"] == pytest.approx(0.616)
        await press(pilot, "s")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "0.3"
        await press(pilot, "enter")
        assert book.weights == {"safety": 0.3}
        await press(pilot, "up")  # onto the position: the keys score bases again
        assert not screen.scoring_link
        await press(pilot, "7")
        assert book.bases == {"close": 0.7}
        assert book.weights == {"safety": 0.3}


@pytest.mark.slow
async def test_an_inference_weight_is_saved_and_read_back(bridge: Graph, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.json"
    app = app_for(bridge, sheet)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down", "5", "ctrl+s")
    assert load_scores(sheet).weights["safety"].weight == 0.5
    again = create_app(str(BRIDGE), scores=str(sheet), user="tester")  # as arggraph tui
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert main(again).session.inferences["safety"] == pytest.approx(0.49)
        await press(pilot, "down")
        assert label(again).startswith("+ ∴ 0.49 ×0.50 ")


@pytest.mark.slow
async def test_w_on_a_premise_scores_the_weight_of_its_inference(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, "close", ("safety", None), ("safety", "load"))
        await settle(pilot)
        assert here(app).role == "premise"
        screen = main(app)
        book = screen.session.book
        await press(pilot, "4")  # a premise is a claim: its base first
        assert book.bases == {"load": 0.4}
        assert screen.session.inferences["safety"] == pytest.approx(0.4 * 0.88)
        await press(pilot, "w", "2")
        assert book.weights == {"safety": 0.2}
        head = screen.query_one(ClaimHead).build().plain
        assert "▶ link     0.20" in head
        assert "(w scores the weight of ∴ above)" in head
        assert "& with: The inspection found cracks" in head
        await press(pilot, "r", "w", "r")
        assert book.weights == {}
        assert book.bases == {}


@pytest.mark.slow
async def test_w_on_an_undercutter_scores_the_undercut(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, "keep", ("detour-keep", None), ("quay-cut", "quay"))
        await settle(pilot)
        assert here(app).role == "argument"
        screen = main(app)
        head = screen.query_one(ClaimHead).build().plain
        assert "undercuts" in head
        assert "the inference ∴ 1 premise · 1 undercut" in head
        assert "that bears on: Keep the bridge open" in head
        await press(pilot, "w", "0")
        assert screen.session.book.weights == {"quay-cut": 0.0}
        assert screen.session.inferences["detour-keep"] == pytest.approx(0.6 * 0.8)
        await press(pilot, "r")
        assert screen.session.inferences["detour-keep"] == pytest.approx(0.24)


NODES: dict[str, tuple[str | None, tuple[tuple[str | None, str | None], ...]]] = {
    "question": (None, ()),
    "position": ("close", ()),
    "inference": ("close", (("safety", None),)),
    "premise": ("close", (("safety", None), ("safety", "cracks"))),
    "backing": ("close", (("safety", None), ("recheck-backs", "recheck"))),
    "undercut inference": ("close", (("safety", None), ("survey-cut", None))),
    "undercut of an undercut": (
        "close",
        (("safety", None), ("survey-cut", None), ("reliable-cut", "still-reliable")),
    ),
    "plain argument": ("keep", (("trade-keep", "trade"),)),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(NODES))
async def test_the_keys_work_on_every_node_kind(app: ArggraphApp, kind: str) -> None:
    top, keys = NODES[kind]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree(app).go((top, keys, False))
        await settle(pilot)
        for presses in (
            ["5", "plus", "minus", "equals_sign", "r"],
            ["w", "3", "r", "w"],
            ["enter", "enter", "right", "left"],
            ["s", "escape"],
            ["e", "escape"],
        ):
            await press(pilot, *presses)
            assert app.is_running
            assert isinstance(app.screen, MainScreen), (kind, presses)
        book = main(app).session.book
        assert book.weights == {}
        assert book.bases == {}


@pytest.mark.slow
async def test_the_views_and_dialogs_open_on_an_inference(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down")
        assert here(app).role == "inference"
        await press(pilot, "m", "m")
        assert main(app).session.semantics == "euler"
        await press(pilot, "m")  # h-categorizer takes no backing: skipped, with the reason
        assert main(app).session.semantics == "dfquad"
        assert any("Skipped hcat" in n.message for n in app._notifications)
        for dialog in ("a", "t", "x", "d", "question_mark", "slash"):
            await press(pilot, dialog)
            assert app.is_running
            await press(pilot, "escape")
            assert isinstance(app.screen, MainScreen), dialog
        assert here(app).role == "inference"


# ---------------------------------------------------------------------- why and the lever
@pytest.mark.slow
async def test_why_lists_undercutters_among_the_drivers(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_to(app, "keep")
        await settle(pilot)
        why = main(app).query_one(WhyPanel)
        drivers_ = {d.claim: d for d in why.state.drivers}
        assert set(drivers_) == {"trade", "detour", "quay"}
        assert drivers_["quay"].on_inference
        assert drivers_["quay"].effect < 0  # it undercuts a support of keep
        assert not drivers_["trade"].on_inference
        assert "  ▼ ∴ Most market deliveries come by the" in why.text.plain


def test_why_on_an_inference_explains_the_claim_it_bears_on(bridge: Graph, tmp_path: Path) -> None:
    snap = session_for(bridge, tmp_path / "sheet.json").snapshot()
    state = drivers(snap, snap.conclusion("survey-cut"), subject="the claim it bears on")
    assert state.topic == "close"
    assert state.subject == "the claim it bears on"
    backers = [d for d in state.drivers if d.claim == "recheck"]
    assert backers
    assert backers[0].on_inference


def test_the_lever_moves_an_inference_weight(bridge: Graph, tmp_path: Path) -> None:
    s = session_for(bridge, tmp_path / "sheet.json")
    snap = s.snapshot()
    lever = lever_state(snap, None, "safety", True)
    assert lever.what == "link weight"
    assert lever.current == pytest.approx(0.8)
    assert lever.note is None
    curve = dict(lever.curve)
    assert len(curve) == 21
    # at its own weight the margin is the verdict's: 0.904 - 0.848
    assert curve[0.8] == pytest.approx(0.904 - 0.848)
    # at weight 0 the backing outweighs the undercut by 0.4: the weight moves to
    # 0 + 1 * 0.4, and the inference bears with 0.7 * 0.4 = 0.28
    close_at_0 = 0.5 + 0.5 * (1 - (1 - 0.28) * 0.5)
    assert curve[0.0] == pytest.approx(close_at_0 - 0.848)
    # the same figure the library gives with the weight set to 0
    fw = s.scored_framework().with_weights({"safety": 0.0})
    assert curve[0.0] == pytest.approx(score(fw)["close"] - score(fw)["keep"])
    direct = link_lever(snap, "safety", "close", "Close")
    assert direct.curve == lever.curve


@pytest.mark.slow
async def test_the_lever_panel_follows_an_inference(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down")
        lever = main(app).query_one(LeverChart).state
        assert lever.what == "link weight"
        assert lever.current == pytest.approx(0.8)
        assert lever.note is None
        head = main(app).query_one(ClaimHead).build().plain
        assert "▶ weight   0.80" in head
        assert "bears    0.62" in head
        assert "= weakest premise 0.70 × 0.88" in head


# ---------------------------------------------------------------------- views
@pytest.mark.slow
async def test_the_actor_lens_keeps_only_the_inferences_it_can(
    app: ArggraphApp, bridge: Graph
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert isinstance(app.screen, ActorScreen)
        ids = [o.id for o in app.screen.options()]
        await press(pilot, *["down"] * ids.index("engineer"), "enter")
        s = main(app).session
        assert s.actor == "engineer"
        # Ruth Adeyemi states the linked argument but not the survey nor the backing:
        # it bears with its weakest premise times its own weight, 0.7 * 0.8
        assert s.inferences["safety"] == pytest.approx(0.56)
        fw = restrict(s.scored_framework(), actor_lens(bridge, "engineer"))
        assert s.strengths == pytest.approx(score(fw))
        assert "detour-keep" not in s.inferences  # detour is not hers
        go_to(app, "close", ("safety", None))
        await settle(pilot)
        assert label(app).startswith("+ ∴ 0.56 ×0.80 ")


@pytest.mark.slow
async def test_the_timeline_shows_an_undercut_from_the_end_of_its_interval(
    app: ArggraphApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        s = screen.session
        await press(pilot, "t")
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(app)
        assert "2024-03-18/2024-03-22" in text
        # the interval is the widest date: the counts beside every date line up
        columns = {ln.index(" new ") for ln in text.splitlines() if "claims by then" in ln}
        assert len(columns) == 1
        await press(pilot, "escape")
        assert s.dates == ["2024-03-10", "2024-03-18/2024-03-22", "2024-03", "2024-04-02"]

        def under_safety() -> list[str | None]:
            safety = tree(app).root.children[0].children[0]
            assert safety.data is not None
            assert safety.data.relation == "safety"
            tree(app).open(safety)
            return [k.claim for k in kids(safety)]

        screen._set_day("2024-03-10")  # before the survey's interval ends: no undercut
        await settle(pilot)
        assert under_safety() == ["cracks", "load"]
        assert s.inferences["safety"] == pytest.approx(0.56)  # 0.7 times its own weight
        screen._set_day("2024-03-18/2024-03-22")  # from the end of the interval on
        await settle(pilot)
        # the survey's undercut counts now, but not yet the backing nor the undercut of
        # the undercut (both April): it is a plain argument under safety
        assert under_safety() == ["cracks", "load", "survey"]
        assert s.inferences["safety"] == pytest.approx(0.7 * 0.8 * 0.4)
        screen._set_day("2024-03")  # detour is said, the quay not yet: a plain argument
        await settle(pilot)
        assert screen.jump_to_claim("detour")
        assert here(app).role == "argument"
        screen._set_day(None)  # the whole debate: an inference again, the cursor on detour
        await settle(pilot)
        assert here(app).role == "premise"
        assert here(app).claim == "detour"
        screen._set_day("2024-03")  # and back: the premise is the argument again
        await settle(pilot)
        assert here(app).role == "argument"
        assert here(app).claim == "detour"


def test_the_extensions_list_which_undercuts_stand(bridge: Graph, tmp_path: Path) -> None:
    snap = session_for(bridge, tmp_path / "sheet.json").snapshot()
    found = extensions_results(snap)
    rows = {
        row.prompt.plain.split("∴ ")[-1][:20]: row for row in found.rows if "∴" in row.prompt.plain
    }
    # AFRA: still-reliable's undercut defeats the survey's undercut, which is out
    assert rows["The inspection used "].prompt.plain.startswith("OUT    in no preferred")
    assert rows["The inspection used "].claim == "survey"
    assert rows["The retired method s"].prompt.plain.startswith("IN     in every preferred")
    assert rows["Most market deliveri"].prompt.plain.startswith("IN ")
    _, standing = next(iter_extensions_with_relations(bridge.framework, "grounded"))
    assert standing == {"reliable-cut", "quay-cut"}
    assert "Undercuts and linked attacks stand or fall like claims" in found.summary.plain


def test_extensions_that_differ_only_in_the_undercuts_standing_are_counted_apart(
    mutual_undercuts: Path, tmp_path: Path
) -> None:
    # The two undercuts undercut each other: two preferred extensions with the same
    # claims, one with each undercut standing, as the library and the command line say.
    graph = load(mutual_undercuts)
    found = extensions_results(session_for(graph, tmp_path / "sheet.json").snapshot())
    preferred = list(iter_extensions_with_relations(graph.framework, "preferred"))
    assert sorted(sorted(standing) for _, standing in preferred) == [
        ["quay-cut", "reliable-cut"],
        ["quay-cut", "survey-cut"],
    ]
    assert (
        "Preferred: 2 extensions (1 set of claims: they differ in which attacks stand)."
        in found.summary.plain
    )
    cuts = [row.prompt.plain for row in found.rows if "undercut of" in row.prompt.plain]
    assert [line.split("  −")[0].rstrip() for line in cuts] == [
        "UNDEC  in some preferred",
        "UNDEC  in some preferred",
        "IN     in every preferred",
    ]


@pytest.mark.slow
async def test_the_extensions_screen_on_undercuts_that_undercut_each_other(
    mutual_undercuts: Path, tmp_path: Path
) -> None:
    app = app_for(mutual_undercuts, tmp_path / "sheet.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "x")
        assert isinstance(app.screen, ResultScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Preferred: 2 extensions (1 set of claims" in text
        assert "UNDEC  in some preferred   − undercut of ∴ The inspection used" in text
        assert "UNDEC  in some preferred   − undercut of ∴ The retired method" in text
        assert "IN     in every preferred  − undercut of ∴ Most market deliveries" in text


@pytest.mark.slow
async def test_the_extensions_screen_counts_undercuts(app: ArggraphApp, bridge: Graph) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "x")
        assert isinstance(app.screen, ResultScreen)
        await settle(pilot)
        text = screen_text(app)
        labels = grounded_labels(bridge.framework)
        ins = sum(1 for v in labels.values() if v == "in")
        assert f"Grounded: {ins} in" in text
        assert "OUT    in no preferred     − undercut of ∴ The inspection used" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
