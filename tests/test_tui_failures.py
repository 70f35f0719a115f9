"""A fault in a computation the screen asks for is a notice, not a crash.

The Why and Lever panels, the verdict's flip points and the result lists run inline on a
small graph and in worker threads on a large one. A failure there (here injected) must
leave the app running, say what failed, and put the note in the panel concerned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import BYPASS, app_for, settle

import tui.screens.main as main_module
from tui.app import ArggraphApp
from tui.screens.main import MainScreen
from tui.viewmodels import Snapshot, WhyState
from tui.widgets.why import WhyPanel


def _broken(*args: object, **kwargs: object) -> WhyState:
    raise RuntimeError("the explanation broke")


def _notices(app: ArggraphApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("small", [True, False], ids=["inline", "in-a-worker"])
async def test_a_failing_explanation_is_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: bool
) -> None:
    monkeypatch.setattr(main_module, "drivers", _broken)
    if not small:
        monkeypatch.setattr(main_module, "SMALL", 0)
        monkeypatch.setattr(main_module, "QUIET", 0.01)
    app = app_for(BYPASS, tmp_path / "sheet.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
        notices = _notices(app)
        assert any("the explanation broke" in n for n in notices), notices
        assert any("why and lever" in n for n in notices), notices
        why = app.screen.query_one(WhyPanel).state
        assert why.note is not None
        assert "the explanation broke" in why.note


async def test_failing_flip_points_are_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(snap: Snapshot) -> WhyState:
        raise RuntimeError("the flip points broke")

    monkeypatch.setattr(main_module, "deciders", broken)
    app = app_for(BYPASS, tmp_path / "sheet.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("the flip points broke" in n for n in _notices(app))
        why = app.screen.query_one(WhyPanel).state
        assert why.verdict_note is not None
        assert "flip points" in why.verdict_note
        await pilot.press("5")  # scoring still works
        await settle(pilot)
        assert app.is_running


@pytest.mark.slow
async def test_a_failing_result_list_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(snap: Snapshot) -> None:
        raise RuntimeError("the extensions broke")

    monkeypatch.setattr(main_module, "extensions_results", broken)
    app = app_for(BYPASS, tmp_path / "sheet.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert app.is_running
        from tui.screens.results import ResultScreen

        assert isinstance(app.screen, ResultScreen)
        assert app.screen.results is not None
        assert "the extensions broke" in app.screen.results.summary.plain
