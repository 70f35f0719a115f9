"""Snapshots of the editing screens at 80x24 and 120x40: the form that changes a claim,
the question before a delete (what hangs on the claim), the actors and documents, the
screen that offers to create a missing file, and the tree after an edit.

Update with ``pytest tests/test_tui_edit_snapshots.py --snapshot-update`` and look at
the SVG files in ``tests/__snapshots__`` before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from _support import BRIDGE, BYPASS, app_for, settle
from textual.pilot import Pilot
from textual.widgets import Input

from arggraph.io import load
from tui.app import ArggraphApp
from tui.factory import create_app

pytestmark = pytest.mark.slow

Compare = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]
SHEET = Path("/home/tester/.local/share/arggraph/scores")


def snapshot_app(path: Path) -> ArggraphApp:
    graph = load(path)
    return app_for(graph, SHEET / f"{graph.id}.tester.scores.json")


def at(
    claim: str, *presses: str, text: str | None = None
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Go to ``claim``, press the keys (typing ``text`` into the prompt then open),
    and wait until the screen settles."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, ArggraphApp) and app.main_screen is not None
        assert app.main_screen.jump_to_claim(claim)
        await settle(pilot)
        await pilot.press(*presses)
        await settle(pilot)
        if text is not None:
            app.screen.query_one(Input).value = text
            await pilot.press("enter")
        await settle(pilot)
        for _ in range(3):
            await pilot.pause()
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_change_claim_form(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=size, run_before=at("cost", "c"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_delete_says_what_hangs_on_it(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = snapshot_app(BRIDGE)
    assert snap_compare(app, terminal_size=size, run_before=at("survey", "delete"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_actors_and_documents(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=size, run_before=at("cost", "o"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_add_a_claim_asks_how_it_bears(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = snapshot_app(BRIDGE)
    assert snap_compare(app, terminal_size=size, run_before=at("load", "n"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_tree_after_an_undercut(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = snapshot_app(BYPASS)
    run = at("cost", "u", text="The estimate dates from 2019")
    assert snap_compare(app, terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_missing_file_offers_a_new_debate(
    snap_compare: Compare, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = create_app("new-debate.json", user="tester", env={"XDG_DATA_HOME": str(tmp_path)})
    assert snap_compare(app, terminal_size=size)
