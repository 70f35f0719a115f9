"""Snapshots of the terminal UI (pytest-textual-snapshot).

They run on the small fixture graph in ``tests/fixtures`` so that editing the bundled
graph does not change them; the user name and the sheet's path are injected, and no
clock is shown, so every run draws the same screen. Update them with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVG files in
``tests/__snapshots__`` before committing.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from arggraph.io import load
from arggraph.sheets import ScoreBook
from tui.app import ArggraphApp

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED = Path(__file__).resolve().parents[1] / "graphs" / "bakhmut.json"
#: The bundled graph its snapshot was taken of; after any edit of it the snapshot is
#: skipped until it is taken again (so the graph's authors are not blocked by it).
BUNDLED_SHA256 = "f577ce94843f2b95ca35c76cbd1f018d63a5d39a4b7fb5dd4c8157319a2984e0"

Compare = Callable[..., bool]


#: The sheet the mode line names: a fixed path (never written: no snapshot saves), so
#: the picture does not depend on the temporary folder.
SHEET = Path("/home/tester/.local/share/arggraph/scores")


def app_for(path: Path, tmp_path: Path) -> ArggraphApp:
    graph = load(path)
    book = ScoreBook(graph, path=SHEET / f"{graph.id}.tester.scores.json", scorer="tester")
    return ArggraphApp(graph, book=book, user="tester")


def keys(*presses: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press the keys, then wait until no panel is being computed, so the picture is
    the settled one."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        if presses:
            await pilot.press(*presses)
        await settled(pilot)

    return run


async def settled(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ArggraphApp)
    for _ in range(500):
        await pilot.pause()
        main = app.main_screen
        if main is None or not main.working:
            break
        await asyncio.sleep(0.01)
    await pilot.pause()


def test_main_screen(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("j", "8"))


def test_main_screen_at_80x24(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "down", "down"))


def test_help_screen(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("question_mark"))


def test_actor_lens(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("a", "down", "enter", "j"))


def test_actor_lens_picker(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("a"))


def test_timeline(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("t", "down", "down", "enter"))


def test_timeline_picker(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "bypass.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("t"))


def test_hostile_graph(snap_compare: Compare, tmp_path: Path) -> None:
    app = app_for(FIXTURES / "hostile.json", tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("down"))


def test_bundled_graph(snap_compare: Compare, tmp_path: Path) -> None:
    if not BUNDLED.is_file():
        pytest.skip("no bundled graph in this checkout")
    if hashlib.sha256(BUNDLED.read_bytes()).hexdigest() != BUNDLED_SHA256:
        pytest.skip(
            "the bundled graph changed since its snapshot was taken; take it again "
            "with --snapshot-update and update BUNDLED_SHA256"
        )
    app = app_for(BUNDLED, tmp_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys())
