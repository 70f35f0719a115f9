"""What confused or misled a new user of the terminal UI, each turned into a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from _support import BYPASS, HOSTILE, app_for, screen_text

from arggraph.bundled import bundled_graph
from arggraph.semantics import score
from tui.factory import create_app
from tui.screens.main import MainScreen
from tui.widgets.lever import LeverChart
from tui.widgets.why import WhyPanel


def _main(app: object) -> MainScreen:
    screen = getattr(app, "main_screen", None)
    assert isinstance(screen, MainScreen)
    return screen


async def test_the_bundled_graph_opened_by_path_is_the_bundled_graph(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home")}
    by_default = create_app(None, user="tester", env=env)
    by_path = create_app(str(bundled_graph()), user="tester", env=env)
    assert by_default.bundled
    assert by_path.bundled
    assert by_default.session is not None
    assert by_path.session is not None
    assert by_default.session.book.path == by_path.session.book.path
    async with by_path.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        stem = _main(by_path).export_stem()
        # Not into the repository (the working tree) the bundled graph lives in.
        assert stem.parent == tmp_path / "home" / ".local" / "share" / "arggraph" / "exports"


@pytest.mark.slow
async def test_another_claim_opens_at_the_top_of_its_panel(tmp_path: Path) -> None:
    from textual.containers import VerticalScroll

    from tui.app import ArggraphApp

    app = app_for(HOSTILE, tmp_path / "sheet.json")
    assert isinstance(app, ArggraphApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.press(*["ctrl+down"] * 8)
        await pilot.pause()
        side = app.screen.query_one("#side", VerticalScroll)
        assert side.scroll_y > 0
        await pilot.press("down")
        await pilot.pause()
        assert side.scroll_y == 0


TIED = """{"format": "arggraph/1", "id": "tied", "question": "Go or stay?",
 "claims": [{"id": "go", "text": "Go.", "kind": "position"},
            {"id": "stay", "text": "Stay.", "kind": "position"},
            {"id": "a", "text": "A reason for both.", "base": 0.6}],
 "relations": [{"type": "support", "source": "a", "target": "go"},
               {"type": "support", "source": "a", "target": "stay"}]}"""


def test_a_tie_is_a_tie_in_why_and_in_the_lever(tmp_path: Path) -> None:
    from arggraph.io import loads
    from arggraph.sheets import ScoreBook
    from tui.insight import deciders, lever_state
    from tui.state import Session

    graph = loads(TIED)
    session = Session(graph, ScoreBook(graph, path=tmp_path / "s.json", scorer="t"))
    snap = session.snapshot()
    assert snap.standing().leader is None
    why = deciders(snap)
    assert why.leader is None
    assert why.deciders == ()
    assert why.bearing == 1  # a bears on both, alike: not "no claim bears on them"
    lever = lever_state(snap, "go", None, False)
    assert lever.tied


async def test_the_tie_reads_as_a_tie_on_screen(tmp_path: Path) -> None:
    from arggraph.io import loads
    from arggraph.sheets import ScoreBook
    from tui.app import ArggraphApp

    graph = loads(TIED)
    app = ArggraphApp(graph, book=ScoreBook(graph, path=tmp_path / "s.json", scorer="t"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause()
            if not _main(app).working:
                break
        why = app.screen.query_one(WhyPanel).text.plain
        lever = app.screen.query_one(LeverChart).text.plain
        assert "1 claim bears on the positions, moving both alike" in why
        assert "no claim bears" not in why
        assert "tied now" in lever
        assert "stays ahead" not in lever


def test_the_actor_picker_counts_claims_and_relations_apart() -> None:
    from arggraph.io import load
    from arggraph.views import actor_statements
    from tui.screens.pickers import actor_rows

    graph = load(Path(__file__).resolve().parents[1] / "graphs" / "bakhmut.json")
    rows = {actor: (claims, relations) for actor, claims, relations in actor_rows(graph)}
    claims, relations = actor_statements(graph, "kofman")
    assert rows["kofman"] == (len(claims), len(relations))
    assert relations  # Kofman is quoted for relations as well as claims
    assert not {c.id for c in graph.positions} & claims  # and states neither position


@pytest.mark.slow
async def test_pressing_the_graphs_value_is_no_change_and_r_goes_back(tmp_path: Path) -> None:
    from tui.app import ArggraphApp

    app = app_for(BYPASS, tmp_path / "sheet.json")
    assert isinstance(app, ArggraphApp)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = _main(app).session
        await pilot.press("j", "5")  # lorries' own base is 0.5
        await pilot.pause()
        assert session.book.bases == {}
        assert not session.book.dirty
        await pilot.press("8")
        await pilot.pause()
        assert session.book.bases == {"lorries": 0.8}
        changed = session.strength("build")
        await pilot.press("r")
        await pilot.pause()
        assert session.book.bases == {}
        assert session.strength("build") != changed
        assert any("Back to the graph's base score: 0.50" in n.message for n in app._notifications)


@pytest.mark.slow
async def test_the_conflict_dialog_can_reload_the_sheet(tmp_path: Path) -> None:
    from arggraph.io import load_scores
    from tui.app import ArggraphApp
    from tui.screens.dialogs import ChoiceScreen

    app = app_for(BYPASS, tmp_path / "sheet.json")
    assert isinstance(app, ArggraphApp)
    sheet = tmp_path / "sheet.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "7", "ctrl+s", "8")
        await pilot.pause()
        sheet.write_text(sheet.read_text().replace("0.7", "0.1"))  # someone else's edit
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        session = _main(app).session
        assert session.book.bases == {"lorries": 0.1}
        assert not session.book.dirty
        assert load_scores(sheet).scores["lorries"].base == 0.1
        assert session.strengths == pytest.approx(score(session.fw), abs=1e-12)


@pytest.mark.slow
async def test_every_key_and_the_unsaved_dialog_whole_at_80x24(tmp_path: Path) -> None:
    from tui.app import ArggraphApp
    from tui.keys import main_bindings
    from tui.widgets.keybar import key_items

    app = app_for(BYPASS, tmp_path / "sheet.json")
    assert isinstance(app, ArggraphApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for key, description in key_items(main_bindings()):
            assert f"{key} {description}" in text
        await pilot.press("j", "7", "q")
        await pilot.pause()
        text = screen_text(app)
        for button in ("Save and quit (s)", "Quit without saving (d)", "Cancel (c)"):
            assert button in text


async def test_a_missing_file_is_not_a_file_to_fix_and_the_message_stays(tmp_path: Path) -> None:
    from tui.command import error_lines
    from tui.screens.error import ErrorScreen, error_text

    # (in a folder that is there, a missing file is offered to be created instead:
    # tests/test_tui_edit.py)
    missing = tmp_path / "gone" / "nope.json"
    app = create_app(str(missing), user="tester")
    assert app.error is not None
    text = error_text(app.error).plain
    assert "Check the path" in text
    assert "Fix the file" not in text
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("q")
    assert app.return_code == 2
    printed = error_lines(app.error)
    assert printed.startswith("arggraph: error: ")
    assert str(missing) in printed
