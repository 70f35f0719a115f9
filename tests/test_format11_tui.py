"""The terminal UI on an arggraph/1.1 graph: a linked argument is an inference node under
its conclusion with every premise under it and what backs and undercuts it beside them,
and the keys that score, check and switch views work without a crash. (The fuller tests
on the fixture debate are in ``test_tui_structures.py``.)"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from arggraph.io import load
from arggraph.sheets import ScoreBook
from tui.app import ArggraphApp
from tui.screens.main import MainScreen
from tui.widgets.detail import ClaimHead
from tui.widgets.tree import DebateTree

DATA = {
    "format": "arggraph/1.1",
    "id": "new",
    "question": "Hold the town?",
    "actors": [{"id": "ana", "name": "Ana", "kind": "analyst"}],
    "claims": [
        {"id": "p", "text": "Hold the town", "kind": "position"},
        {"id": "q", "text": "Leave the town", "kind": "position"},
        {
            "id": "a",
            "text": "The roads are open",
            "attributions": [{"actor": "ana", "date": "2023-02-27/2023-03-05"}],
        },
        {"id": "b", "text": "Supplies get through open roads", "reconstructed": True},
        {"id": "u", "text": "The roads are shelled"},
        {"id": "k", "text": "Convoys ran last week"},
        {"id": "c", "text": "Losses are high"},
    ],
    "relations": [
        {"id": "pq", "type": "attack", "source": "p", "target": "q"},
        {"id": "qp", "type": "attack", "source": "q", "target": "p"},
        {"id": "linked", "type": "support", "sources": ["a", "b"], "target": "p"},
        {"id": "undercut", "type": "attack", "source": "u", "target": "linked"},
        {"id": "backing", "type": "support", "source": "k", "target": "linked"},
        {"id": "plain", "type": "attack", "source": "c", "target": "p"},
    ],
}


def _app(tmp_path: Path) -> ArggraphApp:
    path = tmp_path / "new.json"
    path.write_text(json.dumps(DATA), encoding="utf-8")
    graph = load(path)
    book = ScoreBook(graph, path=tmp_path / "sheet.json", scorer="tester")
    return ArggraphApp(graph, book=book, user="tester")


async def _quiet(pilot: Pilot[None]) -> None:
    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        screen = app.screen
        if not busy and not (isinstance(screen, MainScreen) and screen.working):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app never settled")


@pytest.mark.slow
async def test_a_linked_argument_shows_its_premises_and_what_bears_on_it(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        await _quiet(pilot)
        tree = app.screen.query_one(DebateTree)
        node = tree.cursor_node
        assert node is not None
        assert node.data is not None
        assert node.data.claim == "p"
        labels = [str(child.label) for child in node.children]
        assert labels[0].startswith("+ ∴ ")
        assert "2 together: The roads are open & Supplies get" in labels[0]
        assert not any("shelled" in label or "Convoys" in label for label in labels)
        await pilot.press("right")  # onto the first argument: the linked one
        await _quiet(pilot)
        node = tree.cursor_node
        assert node is not None
        assert node.data is not None
        assert node.data.role == "inference"
        assert node.data.relation == "linked"
        tree.open(node)
        kids = [str(child.label) for child in node.children]
        assert [k[:2] for k in kids] == ["& ", "& ", "+ ", "− "]
        assert "The roads are open" in kids[0]
        assert "Supplies get through open roads" in kids[1]
        assert "Convoys ran last week" in kids[2]
        assert "The roads are shelled" in kids[3]
        head = app.screen.query_one(ClaimHead).build().plain
        assert "LINKED SUPPORT · linked" in head
        assert "▶ weight" in head
        assert app.is_running


async def test_the_second_premise_can_be_found(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        await _quiet(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for claim in ("b", "u", "k"):
            assert screen.jump_to_claim(claim), claim
            item = screen.current_item()
            assert item is not None
            assert item.claim == claim


@pytest.mark.slow
async def test_the_keys_work_on_a_1_1_graph(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(140, 45)) as pilot:
        await _quiet(pilot)
        await pilot.press("right")
        await _quiet(pilot)
        for keys in (["w", "plus", "minus", "r", "w"], ["5"], ["down", "plus"]):
            await pilot.press(*keys)
            await _quiet(pilot)
            assert app.is_running and isinstance(app.screen, MainScreen)
        for key in ("d", "x", "m", "a", "t", "e", "question_mark"):
            await pilot.press(key)
            await _quiet(pilot)
            assert app.is_running
            await pilot.press("escape")
            await _quiet(pilot)
            assert app.is_running and isinstance(app.screen, MainScreen), key
        await pilot.press("slash", *"roads", "enter")
        await _quiet(pilot)
        assert app.is_running
