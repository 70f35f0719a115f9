"""Snapshots of the terminal UI (pytest-textual-snapshot).

They run on the small fixture graph in ``tests/fixtures`` so that editing the bundled
graph does not change them; the user name and the sheet's path are injected, and no
clock is shown, so every run draws the same screen. Update them with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVG files in
``tests/__snapshots__`` before committing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from _support import BAKHMUT, BRIDGE, BYPASS, HOSTILE, app_for, settle
from textual.pilot import Pilot

from arggraph.io import load
from tui.app import ArggraphApp

#: Each snapshot starts the app, presses keys and waits for it to settle: about a second.
pytestmark = pytest.mark.slow

#: The bundled graph its snapshot was taken of; after any edit of it the snapshot is
#: skipped until it is taken again (so the graph's authors are not blocked by it).
BUNDLED_SHA256 = "446b49fc0d204e36c9b93e5e41ed0d488277845b396f6961238866dfcf22ff40"

Compare = Callable[..., bool]


#: The sheet the mode line names: a fixed path (never written: no snapshot saves), so
#: the picture does not depend on the temporary folder.
SHEET = Path("/home/tester/.local/share/arggraph/scores")


def snapshot_app(path: Path) -> ArggraphApp:
    """The app on the graph file at ``path``, its sheet where the mode line names it."""
    graph = load(path)
    return app_for(graph, SHEET / f"{graph.id}.tester.scores.json")


def keys(*presses: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press the keys, then wait until no panel is being computed, so the picture is
    the settled one."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        if presses:
            await pilot.press(*presses)
        await settle(pilot)

    return run


def laid_out(*presses: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """As :func:`keys`, then a few more frames and a settle again: a panel that grows a
    scrollbar is laid out once more at its narrower width."""
    first = keys(*presses)

    async def run(pilot: Pilot[None]) -> None:
        await first(pilot)
        for _ in range(3):
            await pilot.pause()
        await settle(pilot)

    return run


def test_main_screen(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("j", "8"))


def test_main_screen_at_80x24(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("down", "down", "down"))


def test_help_screen(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("question_mark"))


def test_actor_lens(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("a", "down", "enter", "j"))


def test_actor_lens_picker(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("a"))


def test_timeline(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("t", "down", "down", "enter"))


def test_timeline_picker(snap_compare: Compare) -> None:
    app = snapshot_app(BYPASS)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("t"))


def test_hostile_graph(snap_compare: Compare) -> None:
    app = snapshot_app(HOSTILE)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("down"))


def test_bundled_graph(snap_compare: Compare) -> None:
    if not BAKHMUT.is_file():
        pytest.skip("no bundled graph in this checkout")
    if hashlib.sha256(BAKHMUT.read_bytes()).hexdigest() != BUNDLED_SHA256:
        pytest.skip(
            "the bundled graph changed since its snapshot was taken; take it again "
            "with --snapshot-update and update BUNDLED_SHA256"
        )
    app = snapshot_app(BAKHMUT)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys())


def test_linked_premises_and_undercuts(snap_compare: Compare) -> None:
    """arggraph/1.1: the inference ``safety`` (∴) open under its claim, its premises (&),
    its backing, its undercut (itself undercut, opened too); the cursor on ``safety``,
    whose weight the score keys score."""
    app = snapshot_app(BRIDGE)
    presses = ("down", "right", *["down"] * 4, "right", *["up"] * 4)
    assert snap_compare(app, terminal_size=(120, 40), run_before=laid_out(*presses))


def test_linked_premises_at_80x24(snap_compare: Compare) -> None:
    """The same at 80x24, the cursor on the second premise of ``safety``."""
    app = snapshot_app(BRIDGE)
    presses = ("down", "right", "down", "down")
    assert snap_compare(app, terminal_size=(80, 24), run_before=laid_out(*presses))
