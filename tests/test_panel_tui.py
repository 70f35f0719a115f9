"""A panel of score sheets in the terminal UI: several ``--scores``, whose scores drive
the screen (``v``), only the user's own sheet scored and saved, and the panel view
(``p``) marking each disputed claim's spread and whether it is decisive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _support import BAKHMUT, FIXTURES, needs_bakhmut, screen_text, settle

from arggraph.io import load, load_scores
from tui.factory import create_app
from tui.screens.panel import DECISIVE_GLYPH, ScorerScreen, panel_results
from tui.screens.results import ResultScreen
from tui.state import Session

PANEL = FIXTURES / "panel"

pytestmark = needs_bakhmut


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A copy of the three fixture sheets, so a test that saved one would show."""
    folder = tmp_path / "team"
    shutil.copytree(PANEL, folder)
    return folder


def bytes_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_first_sheet_is_yours_and_the_rest_read_only(team: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    app = create_app(
        str(BAKHMUT), scores=[str(mine), str(team / "ben.json"), str(team)], user="tester"
    )
    assert app.error is None
    session = app.session
    assert session is not None
    assert session.own.path == mine
    assert [b.path.name for b in session.books] == ["mine.json", "ben.json", "ana.json", "cy.json"]
    assert not session.read_only


def test_a_folder_alone_joins_your_default_sheet(team: Path) -> None:
    (team / "notes.json").write_text('{"hello": 1}')
    (team / "other.json").write_text(
        json.dumps({"format": "arggraph-scores/1", "graph": "elsewhere", "scorer": "dan"})
    )
    app = create_app(str(BAKHMUT), scores=[str(team)], user="tester")
    session = app.session
    assert session is not None
    assert session.own.path.name == "bakhmut-2023.tester.scores.json"
    assert [b.scorer for b in session.books[1:]] == ["ana", "ben", "cy"]
    assert len(app.notes) == 2
    assert any("a sheet for graph 'elsewhere'" in n for n in app.notes)


def test_a_named_sheet_for_another_graph_opens_the_error_screen(tmp_path: Path) -> None:
    stray = tmp_path / "dan.json"
    stray.write_text(
        json.dumps({"format": "arggraph-scores/1", "graph": "elsewhere", "scorer": "dan"})
    )
    app = create_app(str(BAKHMUT), scores=[str(tmp_path / "mine.json"), str(stray)])
    assert app.error is not None
    assert str(app.error) == (
        f"{stray}: graph: this score sheet is for graph 'elsewhere', not 'bakhmut-2023'"
    )


def test_session_drives_with_another_sheet(team: Path, tmp_path: Path) -> None:
    app = create_app(str(BAKHMUT), scores=[str(tmp_path / "mine.json"), str(team)])
    session = app.session
    assert isinstance(session, Session)
    assert session.standing().leader == "withdraw"
    session.drive(2)  # ben
    assert session.read_only
    assert session.book.scorer == "ben"
    assert session.standing().leader == "hold"
    assert session.own is session.books[0]
    session.drive(0)
    assert not session.read_only
    assert session.standing().leader == "withdraw"


def test_panel_results_mark_the_decisive_disagreement() -> None:
    graph = load(BAKHMUT)
    sheets = [load_scores(PANEL / f"{n}.json") for n in ("ana", "ben", "cy")]
    results = panel_results(graph, sheets, [None, None, None], "dfquad", own=0, driving=1)
    summary = results.summary.plain.splitlines()
    assert summary[0].split() == ["ana", "yours", "withdraw", "leads", "by", "0.2501"]
    assert summary[1].split()[:4] == ["ben", "read-only,", "on", "screen"]
    assert summary[1].split()[4:6] == ["hold", "leads"]
    assert summary[3].split()[:3] == ["median", "consensus", "withdraw"]
    assert summary[5].startswith("not robust: withdraw leads under the median (dfquad)")
    first = results.rows[0]
    assert first.claim == "hold"
    assert first.prompt.plain.startswith(f"{DECISIVE_GLYPH} ")
    assert "0.20  (0.50) 0.70  (0.50) flips at 0.667  Ukraine should keep holding" in (
        first.prompt.plain
    )
    assert sum(r.prompt.plain.startswith(DECISIVE_GLYPH) for r in results.rows) == 1
    weight = next(r for r in results.rows if "weight support:symbol-of-defiance" in r.prompt.plain)
    assert weight.claim == "symbol-of-defiance"  # Enter goes to its premise


@pytest.mark.slow
async def test_switch_score_and_save_only_your_own(team: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    before = bytes_of(team)
    app = create_app(str(BAKHMUT), scores=[str(mine), str(team)], user="tester")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "new sheet" in text
        assert "4 sheets: v p" in text
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ScorerScreen)
        text = screen_text(app)
        assert "tester  yours: scored and saved" in text
        assert "ben     read-only" in text
        await pilot.press("down", "down", "enter")  # ben
        await settle(pilot)
        session = app.session
        assert session is not None
        assert session.book.scorer == "ben"
        text = screen_text(app)
        assert "ben's, read-only" in text
        assert "▶ ◆ Ukraine should keep holding Bakhmut." in text
        bens = dict(session.book.bases)
        await pilot.press("5")  # refused: ben's sheet is read-only
        await settle(pilot)
        assert session.own.bases == {}
        assert session.book.bases == bens
        assert session.book.bases["hold"] == 0.7
        assert any("ben's sheet is read-only" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")  # saves yours, never ben's
        await settle(pilot)
        assert bytes_of(team) == before
        assert any(str(mine) in n.message for n in app._notifications)
        await pilot.press("v", "up", "up", "enter")  # back to yours
        await settle(pilot)
        assert not session.read_only
        await pilot.press("down", "7")
        await settle(pilot)
        main = app.main_screen
        assert main is not None
        item = main.current_item()
        assert item is not None
        # The first row under the position is an inference (linked premises): the
        # score keys score its weight, in your sheet.
        assert item.role == "inference"
        assert item.relation is not None
        assert (session.own.bases, session.own.weights) == ({}, {item.relation: 0.7})
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert bytes_of(team) == before
    saved = load_scores(mine)
    assert saved.scorer == "tester"
    assert saved.weights and not saved.scores


@pytest.mark.slow
async def test_panel_view_and_enter_goes_to_the_claim(team: Path, tmp_path: Path) -> None:
    app = create_app(str(BAKHMUT), scores=[str(tmp_path / "mine.json"), str(team)])
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "Panel: 4 sheets" in text
        assert f"{DECISIVE_GLYPH} " in text
        assert "flips at 0.667" in text
        assert "hold leads for ben under dfquad;" in text
        await pilot.press("enter")  # the first row: hold, the decisive one
        await settle(pilot)
        main = app.main_screen
        assert main is not None
        shown: object = app.screen  # re-read: the result screen has gone
        assert shown is main
        item = main.current_item()
        assert item is not None
        assert item.claim == "hold"


@pytest.mark.slow
async def test_one_sheet_panel_view_says_how_to_open_more(tmp_path: Path) -> None:
    app = create_app(str(BAKHMUT), scores=[str(tmp_path / "mine.json")])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert any("Only your sheet is open" in n.message for n in app._notifications)
        await pilot.press("p")
        await settle(pilot)
        assert "One sheet only: open more with --scores" in screen_text(app)
