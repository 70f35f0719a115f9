"""The terminal UI, driven key by key with Textual's Pilot.

Each binding the help screen lists is pressed here at least once, and the test checks
both the state behind the screen (the session, the score book) and what is on screen.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _support import BYPASS, HOSTILE, app_for, screen_text, settle
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, RadioButton

from arggraph.graph import Graph
from arggraph.io import load_scores
from arggraph.semantics.gradual import score
from tui.app import ArggraphApp
from tui.factory import create_app
from tui.screens.dialogs import ChoiceScreen, PromptScreen
from tui.screens.error import ErrorScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen, help_text
from tui.screens.main import MainScreen
from tui.screens.pickers import ActorScreen, TimelineScreen
from tui.screens.results import ResultScreen
from tui.screens.search import SearchScreen
from tui.widgets.tree import DebateTree

SIZE = (120, 40)


def main(app: ArggraphApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


def cursor_claim(app: ArggraphApp) -> str | None:
    item = main(app).current_item()
    return item.claim if item is not None else None


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press the keys one after the other, then let the screen settle."""
    await pilot.press(*keys)
    await pilot.pause()


# ---------------------------------------------------------------------- opening
async def test_opens_on_the_question_and_the_positions(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "? Should Millbrook build the eastern bypass road?" in text
        assert "Millbrook should build the eastern bypass." in text
        assert "leads by" in text
        assert "scoring: claim base" in text
        assert cursor_claim(app) == "build"
        tree = app.screen.query_one(DebateTree)
        tops = [n.data.claim for n in tree.root.children if n.data is not None]
        assert tops == ["build", "dont-build"]
        assert "? help" in text
        assert "0-9 score" in text  # the footer


async def test_supports_and_attacks_are_marked_by_glyph(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "+ 0.75 The bypass would take heavy lorries" in text
        assert "− 0.38 The bypass costs more" in text


async def test_a_cycle_is_marked_and_not_expanded(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(DebateTree)
        build = tree.root.children[0]
        other = next(n for n in build.children if n.data and n.data.claim == "dont-build")
        tree.open(other)
        await pilot.pause()
        back = next(n for n in other.children if n.data and n.data.claim == "build")
        assert back.data is not None
        assert back.data.repeat
        assert not back.allow_expand
        assert "↻" in str(back.label)


# ---------------------------------------------------------------------- moving
@pytest.mark.slow
async def test_j_k_and_arrows_move(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j")
        assert cursor_claim(app) == "lorries"
        await press(pilot, "down", "down")
        assert cursor_claim(app) == "cost"
        await press(pilot, "k", "up")
        assert cursor_claim(app) == "lorries"
        assert "CLAIM · lorries" in screen_text(app)


@pytest.mark.slow
async def test_right_opens_and_left_goes_up(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "right")
        node = main(app).current_node()
        assert node is not None
        assert node.is_expanded
        await press(pilot, "l")
        assert cursor_claim(app) == "accidents"
        await press(pilot, "h")
        assert cursor_claim(app) == "lorries"
        await press(pilot, "left")
        node = main(app).current_node()
        assert node is not None
        assert not node.is_expanded


@pytest.mark.slow
async def test_enter_opens_a_claim_and_stays_as_the_help_says(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "down", "down", "down")
        assert cursor_claim(app) == "cost"
        node = main(app).current_node()
        assert node is not None
        assert not node.is_expanded
        await press(pilot, "enter")
        assert cursor_claim(app) == "cost"
        assert node.is_expanded
        await press(pilot, "down")  # the claim under it, opened by Enter
        assert cursor_claim(app) == "grant"
        await press(pilot, "up", "enter")
        assert cursor_claim(app) == "cost"
        assert not node.is_expanded  # Enter on an open claim closes it
        assert "Open (or close) the claim under the cursor".lower() in help_text().lower()


@pytest.mark.slow
async def test_backspace_returns_from_a_jump(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "down", "down", "down", "tab", "enter")  # For/against: a jump
        assert cursor_claim(app) == "grant"
        assert "⌫ back (1)" in screen_text(app)
        await press(pilot, "backspace")
        assert cursor_claim(app) == "cost"
        await press(pilot, "backspace")
        assert cursor_claim(app) == "cost"  # nothing more to go back to


async def test_a_click_selects_a_claim_without_going_into_it(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(DebateTree, offset=(12, 2))
        await pilot.pause()
        assert cursor_claim(app) == "lorries"
        assert main(app).history == []


@pytest.mark.slow
async def test_enter_in_the_for_and_against_list_jumps_there(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "tab")
        links = app.screen.query_one("#links", OptionList)
        assert links.has_focus
        await press(pilot, "down", "down", "enter")
        assert cursor_claim(app) == "cost"
        assert app.screen.query_one(DebateTree).has_focus
        await press(pilot, "backspace")
        assert cursor_claim(app) == "build"


@pytest.mark.slow
async def test_search_finds_by_quote_and_goes_there(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"fen meadows")
        await pilot.pause()
        assert "The route crosses a protected wetland." in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert cursor_claim(app) == "wetland"
        await press(pilot, "backspace")
        assert cursor_claim(app) == "build"


@pytest.mark.slow
async def test_search_by_actor_opens_a_deep_claim(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "slash")
        await pilot.press(*"approval")
        await press(pilot, "down", "enter")
        assert cursor_claim(app) == "grant-unconfirmed"
        crumbs = screen_text(app)
        assert "The bypass costs more" in crumbs  # opened along build › cost › grant


@pytest.mark.slow
async def test_search_escape_changes_nothing(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "slash", "x", "escape")
        assert isinstance(app.screen, MainScreen)
        assert cursor_claim(app) == "build"


# ---------------------------------------------------------------------- scoring
@pytest.mark.slow
async def test_digits_set_the_base_and_everything_recomputes(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        before = session.strength("build")
        await press(pilot, "j", "9")
        assert session.book.bases == {"lorries": 0.9}
        after = session.strength("build")
        assert after is not None
        assert before is not None
        assert after > before
        text = screen_text(app)
        assert f"{after:.2f}" in text
        assert "base     0.90" in text
        assert "1 unsaved change" in text
        await press(pilot, "0")
        assert session.book.bases["lorries"] == 0.0


@pytest.mark.slow
async def test_equals_and_nudges(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        book = main(app).session.book
        await press(pilot, "j", "=")
        assert book.base("lorries") == 1.0
        await press(pilot, "plus")
        assert book.base("lorries") == 1.0  # kept in range
        await press(pilot, "minus", "minus")
        assert book.base("lorries") == 0.9
        await press(pilot, "3", "plus")
        assert book.base("lorries") == 0.35


@pytest.mark.slow
async def test_s_types_an_exact_value_and_refuses_nonsense(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "s")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        field.value = "1.7"
        await press(pilot, "enter")
        assert isinstance(app.screen, PromptScreen)
        assert "a score runs from 0 to 1; 1.7 is out of range" in screen_text(app)
        field.value = "much"
        await press(pilot, "enter")
        assert "is not a number" in screen_text(app)
        field.value = "0.35"
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert main(app).session.book.base("lorries") == 0.35


@pytest.mark.slow
async def test_w_switches_to_scoring_the_link(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        await press(pilot, "j", "w")
        assert "scoring: link weight" in screen_text(app)
        before = session.strength("build")
        await press(pilot, "2")
        assert session.book.weights == {"support:lorries->build": 0.2}
        assert session.book.bases == {}
        assert session.strength("build") != before
        assert "×0.20" in screen_text(app)
        await press(pilot, "k")  # moving ends link mode, and the screen says so
        assert "scoring: claim base" in screen_text(app)
        assert any("Link mode ended" in n.message for n in app._notifications)
        await press(pilot, "7")  # so a digit scores the claim under the cursor
        assert session.book.weights == {"support:lorries->build": 0.2}
        assert session.book.bases == {"build": 0.7}
        await press(pilot, "w")  # a position has no link to score: refused, said why
        assert "scoring: claim base" in screen_text(app)
        assert any("no link to a claim above it" in n.message for n in app._notifications)


# ---------------------------------------------------------------------- views
@pytest.mark.slow
async def test_a_actor_lens(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        await press(pilot, "a")
        assert isinstance(app.screen, ActorScreen)
        assert "Ada Brennan" in screen_text(app)
        await press(pilot, "down", "enter")  # the first actor: the most claims
        assert session.actor == "mayor"
        assert session.strength("cost") is None  # not theirs: not computed
        text = screen_text(app)
        assert "● lens: Ada Brennan" in text
        assert "● The bypass would take heavy lorries" in text
        await press(pilot, "a", "home", "enter")
        assert session.actor is None
        assert session.strength("cost") is not None


@pytest.mark.slow
async def test_t_timeline_and_stepping(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        tree = app.screen.query_one(DebateTree)
        await press(pilot, "t")
        assert isinstance(app.screen, TimelineScreen)
        assert "2022-07-20" in screen_text(app)
        await press(pilot, "down", "enter")
        assert session.day == "2022-03-01"
        assert not tree.nodes_of("cost")
        text = screen_text(app)
        assert "as of 2022-03-01" in text
        await press(pilot, "right_square_bracket")
        assert session.day == "2022-04-12"
        assert tree.nodes_of("cost")
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert session.day is None
        assert len(session.view.claims) == len(session.graph.claims)
        await press(pilot, "left_square_bracket")
        assert session.day == "2022-07-20"  # from the whole debate, back to the last date


@pytest.mark.slow
async def test_m_cycles_the_semantics_and_skips_what_does_not_fit(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        seen = []
        for _ in range(3):
            await press(pilot, "m")
            seen.append(session.semantics)
            text = screen_text(app)
            assert f"semantics {session.semantics}" in text
        # hcat takes attacks only and this graph has supports: skipped, and said why.
        assert seen == ["qe", "euler", "dfquad"]
        assert any(
            "Skipped hcat" in n.message and "attacks only" in n.message for n in app._notifications
        )


@pytest.mark.slow
async def test_a_semantics_that_does_not_fit_says_so(tmp_path: Path) -> None:
    app = app_for(BYPASS, tmp_path / "sheet.json", semantics="hcat")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        assert session.semantics == "hcat"
        assert session.problem is not None
        assert "No verdict:" in screen_text(app)
        await press(pilot, "3")  # scoring under a semantics that does not fit: no crash
        assert session.book.bases == {"build": 0.3}
        await press(pilot, "m")  # and m leaves it
        assert session.semantics == "dfquad"


@pytest.mark.slow
async def test_x_lists_the_extensions_and_jumps(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "x")
        assert isinstance(app.screen, ResultScreen)
        await settle(pilot)
        text = screen_text(app)
        assert "Grounded:" in text
        assert "Preferred:" in text
        assert "OUT    in no preferred     ◆ Millbrook should build the eastern" in text
        screen = app.screen
        assert screen.results is not None
        target = next(i for i, r in enumerate(screen.results.rows) if r.claim == "survey")
        screen.query_one(OptionList).highlighted = target
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        assert cursor_claim(app) == "survey"


@pytest.mark.slow
async def test_d_lists_check_findings_and_jumps(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        assert isinstance(app.screen, ResultScreen)
        await settle(pilot)
        screen = app.screen
        assert screen.results is not None
        assert screen.results.rows
        assert "roads-last" in {r.claim for r in screen.results.rows}  # no attribution
        target = next(i for i, r in enumerate(screen.results.rows) if r.claim == "roads-last")
        screen.query_one(OptionList).highlighted = target
        await press(pilot, "enter")
        assert cursor_claim(app) == "roads-last"


# ---------------------------------------------------------------------- files
async def test_e_exports_the_view_as_dot(app: ArggraphApp, tmp_path: Path) -> None:
    out = tmp_path / "diagram.dot"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#fmt-dot", RadioButton).value = True
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(out)
        await press(pilot, "enter")
        await settle(pilot)
    text = out.read_text()
    assert text.lstrip().startswith("//")
    assert "digraph" in text
    assert "Millbrook should build" in text


@pytest.mark.slow
async def test_e_exports_only_around_the_focused_claim_when_asked(
    app: ArggraphApp, tmp_path: Path
) -> None:
    out = tmp_path / "around.dot"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "down", "down", "down", "right", "down", "right", "down", "e")
        assert cursor_claim(app) == "grant-unconfirmed"
        screen = app.screen
        screen.query_one("#fmt-dot", RadioButton).value = True
        screen.query_one(Checkbox).value = True
        screen.query_one("#export-path", Input).value = str(out)
        await press(pilot, "enter")
        await settle(pilot)
    text = out.read_text()
    assert "The grant has not been approved yet." in text
    assert "A national grant would pay" in text  # one link away
    assert "protected wetland" not in text  # far away


@pytest.mark.slow
async def test_e_export_as_svg_writes_a_picture_or_says_graphviz_is_missing(
    app: ArggraphApp, tmp_path: Path
) -> None:
    out = tmp_path / "diagram.svg"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "e")
        app.screen.query_one("#export-path", Input).value = str(out)
        await press(pilot, "enter")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    if shutil.which("dot"):
        assert out.read_text().lstrip().startswith(("<?xml", "<svg"))
    else:
        assert not out.exists()
        assert any("Graphviz" in m or "dot" in m for m in messages)


@pytest.mark.slow
async def test_ctrl_s_saves_the_sheet_and_says_where(app: ArggraphApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "7", "ctrl+s")
        book = main(app).session.book
        assert not book.dirty
        assert any(str(tmp_path / "sheet.json") in n.message for n in app._notifications)
        text = screen_text(app)
        assert "saved" in text
        assert "sheet.json" in text
    sheet = load_scores(tmp_path / "sheet.json")
    assert sheet.scores["lorries"].base == 0.7
    assert sheet.scorer == "tester"


@pytest.mark.slow
async def test_a_sheet_changed_on_disk_asks_before_overwriting(
    app: ArggraphApp, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "7", "ctrl+s", "8")
        sheet.write_text(sheet.read_text().replace("0.7", "0.1"))  # someone else's edit
        theirs = sheet.read_text()
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ChoiceScreen)
        assert "changed on disk" in screen_text(app)
        await press(pilot, "c")  # cancel
        assert sheet.read_text() == theirs
        assert main(app).session.book.dirty
        await press(pilot, "ctrl+s", "e")  # save elsewhere
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(tmp_path / "mine.json")
        await press(pilot, "enter")
        assert load_scores(tmp_path / "mine.json").scores["lorries"].base == 0.8
        assert sheet.read_text() == theirs
        await press(pilot, "9")
        (tmp_path / "mine.json").write_text(theirs)
        await press(pilot, "ctrl+s", "o")  # overwrite
        assert load_scores(tmp_path / "mine.json").scores["lorries"].base == 0.9


@pytest.mark.slow
async def test_q_asks_first_when_scores_are_unsaved(app: ArggraphApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "4", "q")
        assert isinstance(app.screen, ChoiceScreen)
        assert "1 unsaved score change" in screen_text(app)
        await press(pilot, "c")
        assert isinstance(app.screen, MainScreen)
        await press(pilot, "q", "s")  # save and quit
    assert load_scores(tmp_path / "sheet.json").scores["lorries"].base == 0.4


@pytest.mark.slow
async def test_q_without_saving(app: ArggraphApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "j", "4", "q", "d")
    assert not (tmp_path / "sheet.json").exists()
    assert app.return_code == 0


async def test_q_quits_at_once_when_everything_is_saved(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "q")
        assert not app.is_running


@pytest.mark.slow
async def test_question_mark_lists_every_key(app: ArggraphApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
    text = help_text()
    for binding in MainScreen.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.group is None:
            assert (binding.tooltip or binding.description) in text
    assert "0 1 2 3 4 5 6 7 8 9" in text
    assert "set the score to 0.0 … 0.9" in text
    for key in ("j k", "Enter", "⌫ Backspace", "ctrl+s", "[", "]", "=", "+", "-", "s", "w"):
        assert key in text


# ---------------------------------------------------------------------- hostile text
@pytest.mark.slow
async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    app = app_for(HOSTILE, tmp_path / "sheet.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[link=https://example.invalid]Click[/link]" in text
        assert "\\x1b]8;;https://x.invalid\\x07" in text
        assert "\\u202eevil" in text
        assert "[bold]We should act[/bold] \\x1b[31mnow" in text
        assert "\x1b" not in text
        assert "\u202e" not in text
        assert "\x07" not in text
        await press(pilot, "down")  # the claim with the long word
        text = screen_text(app)
        assert "AntidisestablishmentarianismAntidisestablishmentarianism" in text
        await press(pilot, *["ctrl+down"] * 8)  # scroll the claim's panel to its quotes
        text = screen_text(app)
        assert "bell \\x07 null-ish \\x01 delete \\x7f c1 \\x85 \\x9b31m" in text
        assert "[b]Mallory[/b] \\x1b[5mblink" in text
        await press(pilot, "slash")
        await pilot.press(*"mallory")
        await pilot.pause()
        assert "[b]Mallory[/b]" in screen_text(app)
        await press(pilot, "escape", "a")
        text = screen_text(app)
        assert "王小明 👨‍👩‍👧 Ｗｉｄｅ" in text
        await press(pilot, "escape", "question_mark", "escape", "t", "escape")
        assert isinstance(app.screen, MainScreen)


# ---------------------------------------------------------------------- errors
async def test_a_broken_graph_opens_an_error_screen(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "arggraph/1", "id": "g",\n "claims": [{"id": "a", "text": }]}')
    app = create_app(str(bad), user="tester")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        text = screen_text(app)
        assert str(bad) in text
        assert "line 2, column" in text
        assert "malformed JSON" in text
        await press(pilot, "q")
    assert app.return_code == 2


async def test_a_schema_error_names_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A", "base": 3}]}
        )
    )
    app = create_app(str(bad), user="tester")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "claims[0].base" in text


async def test_a_sheet_for_another_graph_opens_an_error_screen(tmp_path: Path) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text('{"format": "arggraph-scores/1", "graph": "other"}')
    app = create_app(str(BYPASS), scores=str(sheet), user="tester")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "for graph 'other'" in screen_text(app)


async def test_an_unknown_semantics_opens_an_error_screen(tmp_path: Path) -> None:
    app = create_app(str(BYPASS), semantics="nope", user="tester", env={"HOME": str(tmp_path)})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "unknown semantics 'nope'" in screen_text(app)


# ---------------------------------------------------------------------- factory
def test_the_factory_loads_the_users_sheet(tmp_path: Path) -> None:
    graph_path = tmp_path / "bypass.json"
    shutil.copy(BYPASS, graph_path)
    (tmp_path / "bypass.tester.scores.json").write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "bypass-2022",
                "scorer": "tester",
                "scores": {"cost": {"base": 0.9}},
            }
        )
    )
    home = tmp_path / "home"
    app = create_app(str(graph_path), user="tester", env={"HOME": str(home)})
    assert app.session is not None
    # A sheet beside the graph (where sheets used to go) is picked up, and saved from
    # now on where every sheet lives: the user's data folder, by the graph's id.
    book = app.session.book
    assert book.bases == {"cost": 0.9}
    assert book.moved_from == graph_path.resolve().parent / "bypass.tester.scores.json"
    scores = home / ".local" / "share" / "arggraph" / "scores"
    assert book.path == scores / "bypass-2022.tester.scores.json"


def test_the_factory_opens_the_bundled_graph_with_sheets_in_the_data_folder(tmp_path: Path) -> None:
    app = create_app(None, user="tester", env={"XDG_DATA_HOME": str(tmp_path)})
    if app.session is None:  # the bundled graph is not there (yet)
        pytest.skip("no bundled graph in this checkout")
    assert app.bundled
    assert app.session.book.path == (
        tmp_path / "arggraph" / "scores" / f"{app.session.graph.id}.tester.scores.json"
    )


# ---------------------------------------------------------------------- a large graph
def big_graph(n: int = 10_000, seed: int = 7) -> Graph:
    """Two positions and ``n`` claims, each bearing on an earlier one (a random DAG)."""
    import random

    from arggraph.model import Claim, GraphModel, Relation

    rng = random.Random(seed)
    claims = [
        Claim(id="p0", text="Position zero", kind="position"),
        Claim(id="p1", text="Position one", kind="position"),
    ]
    relations = [
        Relation(type="attack", source="p0", target="p1"),
        Relation(type="attack", source="p1", target="p0"),
    ]
    for i in range(2, n):
        claims.append(Claim(id=f"c{i}", text=f"Claim number {i}", base=rng.random()))
        target = f"c{rng.randrange(2, i)}" if i > 3 else f"p{i % 2}"
        relations.append(
            Relation(
                type=rng.choice(["support", "attack"]),
                source=f"c{i}",
                target=target if i > 3 else f"p{i % 2}",
            )
        )
    return Graph(
        GraphModel(id="big", question="Which position?", claims=claims, relations=relations)
    )


@pytest.mark.slow
async def test_a_10k_claim_graph_opens_and_scores(tmp_path: Path) -> None:
    graph = big_graph()
    app = app_for(graph, tmp_path / "sheet.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = main(app).session
        assert len(session.strengths) == 10_000
        before = dict(session.strengths)
        await press(pilot, "j")
        claim = cursor_claim(app)
        assert claim is not None
        assert claim.startswith("c")
        await press(pilot, "0")
        assert session.book.bases == {claim: 0.0}
        exact = score(session.fw, "dfquad")
        assert session.strength(claim) == pytest.approx(exact[claim], abs=1e-9)
        assert session.strength("p0") == pytest.approx(exact["p0"], abs=1e-9)
        changed = {k for k, v in session.strengths.items() if v != before[k]}
        assert claim in changed
        assert len(changed) < 10_000
        assert "Position zero" in screen_text(app)
        await settle(pilot)
