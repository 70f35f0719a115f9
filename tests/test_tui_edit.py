"""Editing the debate in the TUI: every editing action, undo and redo across graph edits
and scores, saving the graph (and the conflict when its file changed on disk), and
starting a debate from a path with no file yet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _support import BRIDGE, BYPASS, HOSTILE, app_for, go, main_of, screen_text, settle
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from arggraph.cli import main as cli
from arggraph.io import load
from tui.app import ArggraphApp
from tui.factory import create_app
from tui.screens.create import CreateScreen
from tui.screens.dialogs import ChoiceScreen, PromptScreen
from tui.screens.forms import FormScreen, PickClaimScreen
from tui.screens.help import help_text
from tui.screens.main import MainScreen
from tui.screens.sources import SourcesScreen

pytestmark = pytest.mark.slow

SIZE = (120, 40)


@pytest.fixture
def bypass_file(tmp_path: Path) -> Path:
    path = tmp_path / "bypass.json"
    shutil.copyfile(BYPASS, path)
    return path


@pytest.fixture
def bridge_file(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.json"
    shutil.copyfile(BRIDGE, path)
    return path


def _app(path: Path, tmp_path: Path) -> ArggraphApp:
    return app_for(load(path), tmp_path / "sheet.json")


async def answer(pilot: Pilot[None], key: str) -> None:
    """Answer the open question with its key."""
    assert isinstance(pilot.app.screen, ChoiceScreen), pilot.app.screen
    await pilot.press(key)
    await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` into the open prompt and press Enter."""
    assert isinstance(pilot.app.screen, (PromptScreen, CreateScreen)), pilot.app.screen
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def pick(pilot: Pilot[None], words: str) -> None:
    """Search for ``words`` in the open picker and pick the first claim found."""
    screen = pilot.app.screen
    assert isinstance(screen, PickClaimScreen), screen
    screen.query_one(Input).value = words
    await pilot.pause()
    await pilot.press("down", "enter")
    await settle(pilot)


async def open_sources(pilot: Pilot[None], claim: str | None = None) -> SourcesScreen:
    """Press ``o`` (on ``claim``, when given): the actors and documents screen."""
    if claim is not None:
        await go(pilot, claim)
    await pilot.press("o")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SourcesScreen)
    return screen


def option_ids(screen: SourcesScreen) -> list[str | None]:
    """The ids of the screen's options, in order."""
    options = screen.query_one(OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def said(app: ArggraphApp, words: str) -> bool:
    """Whether a notification on screen says ``words``."""
    return any(words in n.message for n in app._notifications)


def focused_claim(app: ArggraphApp) -> str | None:
    item = main_of(app).current_item()
    return item.claim if item is not None else None


# ---------------------------------------------------------------------- the brief's story
async def test_a_new_user_builds_a_debate_from_nothing_and_check_loads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bridge-closure.json"
    app = create_app(str(path), user="tester", env={"XDG_DATA_HOME": str(tmp_path)})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CreateScreen)
        assert "There is no file at" in screen_text(app)
        await type_text(pilot, "Close the old bridge this summer?")
        assert path.exists()
        assert isinstance(app.screen, MainScreen)
        session = main_of(app).session
        assert [c.text for c in session.graph.positions] == ["Yes", "No"]
        # rename the positions
        await go(pilot, "yes")
        await pilot.press("c")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-text", Input).value = "Close it this summer"
        await pilot.press("enter")
        await settle(pilot)
        await go(pilot, "no")
        await pilot.press("c")
        app.screen.query_one("#field-text", Input).value = "Keep it open"
        await pilot.press("enter")
        await settle(pilot)
        # a supporter, a second premise linked with it, an attacker, an undercut
        await go(pilot, "yes")
        await pilot.press("n")
        await answer(pilot, "s")
        await type_text(pilot, "The deck has cracks")
        assert focused_claim(app) == "the-deck-has-cracks"
        await go(pilot, "yes")
        await pilot.press("n")
        await answer(pilot, "s")
        await type_text(pilot, "Lorries load it heavily")
        await go(pilot, "the-deck-has-cracks")
        await pilot.press("g")
        await pick(pilot, "lorries")
        graph = main_of(app).session.graph
        linked = [r for r in graph.relations.values() if len(r.premises) == 2]
        assert [r.premises for r in linked] == [["the-deck-has-cracks", "lorries-load-it-heavily"]]
        await go(pilot, "no")
        await pilot.press("n")
        await answer(pilot, "s")
        await type_text(pilot, "The market needs the bridge")
        await go(pilot, "the-deck-has-cracks")
        await pilot.press("u")
        await type_text(pilot, "The survey was rushed")
        graph = main_of(app).session.graph
        undercut = graph.relations[f"attack:the-survey-was-rushed->{linked[0].id}"]
        assert graph.target_relation(undercut) is not None
        assert "The survey was rushed" in screen_text(app)
        # save the graph
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not main_of(app).session.editor.dirty
    saved = load(path)
    assert saved.model.format == "arggraph/1.1"
    assert len(saved.claims) == 6 and len(saved.relations) == 3
    assert cli(["check", str(path)]) == 0
    assert "error" not in capsys.readouterr().out


async def test_escape_on_a_missing_file_quits_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    app = create_app(str(path), user="tester", env={"XDG_DATA_HOME": str(tmp_path)})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0
    assert not path.exists()


# ---------------------------------------------------------------------- each action
async def test_add_an_attacker_then_undo_and_redo(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = main_of(app)
        before = main.session.strength("build")
        assert before is not None
        await go(pilot, "build")
        await pilot.press("n")
        await answer(pilot, "a")
        await type_text(pilot, "Nobody will drive on it")
        assert "attack:nobody-will-drive-on-it->build" in main.session.graph.relations
        after = main.session.strength("build")
        assert after is not None and after < before
        assert "Nobody will drive on it" in screen_text(app)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "nobody-will-drive-on-it" not in main.session.graph.claims
        assert main.session.strength("build") == before
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "nobody-will-drive-on-it" in main.session.graph.claims


async def test_an_empty_text_is_refused_in_the_dialog(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "build")
        await pilot.press("n")
        await answer(pilot, "s")
        await type_text(pilot, "")
        assert isinstance(app.screen, PromptScreen)  # still asking, with the reason
        assert "text" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not main_of(app).session.editor.can_undo


async def test_add_a_position_from_the_question(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "build")
        await pilot.press("n")
        await answer(pilot, "p")
        await type_text(pilot, "Build a tunnel instead")
        session = main_of(app).session
        assert session.positions[-1] == "build-a-tunnel-instead"
        assert "Build a tunnel instead" in screen_text(app)


async def test_change_text_kind_tags_and_date(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("c")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-text", Input).value = "It costs far too much"
        form.query_one("#field-kind", Input).value = "evidence"
        form.query_one("#field-tags", Input).value = "money, council"
        form.query_one("#field-date", Input).value = "2022-13"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # a bad date: refused, with why
        assert "date" in screen_text(app)
        form.query_one("#field-date", Input).value = "2022-05"
        await pilot.press("enter")
        await settle(pilot)
        claim = main_of(app).session.graph.claims["cost"]
        assert (claim.text, claim.kind, claim.tags, claim.date) == (
            "It costs far too much",
            "evidence",
            ["money", "council"],
            "2022-05",
        )


async def test_link_two_existing_claims_picked_by_search(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("i")
        await answer(pilot, "s")
        text = main_of(app).session.graph.claims["survey"].text
        await pick(pilot, text)
        assert "support:survey->cost" in main_of(app).session.graph.relations


async def test_flip_a_links_type_and_its_weight_follows(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("w", "3")
        await settle(pilot)
        session = main_of(app).session
        assert session.own.weights == {"attack:cost->build": 0.3}
        await pilot.press("y")
        await settle(pilot)
        assert "support:cost->build" in session.graph.relations
        assert session.own.weights == {"support:cost->build": 0.3}
        assert focused_claim(app) == "cost"


async def test_delete_shows_what_hangs_on_the_claim_first(
    bridge_file: Path, tmp_path: Path
) -> None:
    app = _app(bridge_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "survey")
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        text = screen_text(app)
        assert "Removing claim 'survey' also removes" in text
        assert "reliable-cut" in text
        await answer(pilot, "c")  # cancel: nothing changes
        session = main_of(app).session
        assert "survey" in session.graph.claims
        await pilot.press("delete")
        await settle(pilot)
        await answer(pilot, "d")
        assert "survey" not in session.graph.claims
        assert "reliable-cut" not in session.graph.relations
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "reliable-cut" in session.graph.relations


async def test_delete_only_the_link(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("delete")
        await settle(pilot)
        await answer(pilot, "l")
        session = main_of(app).session
        assert "cost" in session.graph.claims
        assert "attack:cost->build" not in session.graph.relations


async def test_undercut_and_group_on_an_inference(bridge_file: Path, tmp_path: Path) -> None:
    app = _app(bridge_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "rains")
        await pilot.press("u")
        await type_text(pilot, "Rain does not close bridges")
        session = main_of(app).session
        assert "attack:rain-does-not-close-bridges->rains-close" in session.graph.relations
        await go(pilot, "trade")
        await pilot.press("g")
        await pick(pilot, session.graph.claims["detour"].text)
        assert session.graph.relations["trade-keep"].premises == ["trade", "detour"]


async def test_back_an_inference_and_take_a_premise_out(bridge_file: Path, tmp_path: Path) -> None:
    app = _app(bridge_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = main_of(app)
        session = main.session
        await go(pilot, "cracks")
        await pilot.press("left")  # up to the inference the premise belongs to
        await settle(pilot)
        item = main.current_item()
        assert item is not None and (item.role, item.relation) == ("inference", "safety")
        await pilot.press("n")
        await settle(pilot)
        assert "Back it (b)" in screen_text(app)
        await answer(pilot, "b")
        await type_text(pilot, "A third engineer agreed")
        assert "support:a-third-engineer-agreed->safety" in session.graph.relations
        await go(pilot, "load")
        await pilot.press("delete")
        await settle(pilot)
        assert "take it out of the linked premises" in screen_text(app)
        await answer(pilot, "u")
        assert session.graph.relations["safety"].premises == ["cracks"]
        assert "load" in session.graph.claims
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert session.graph.relations["safety"].premises == ["cracks", "load"]


async def test_change_and_remove_an_actor_and_a_document(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = main_of(app).session
        screen = await open_sources(pilot)
        options = screen.query_one(OptionList)
        options.highlighted = option_ids(screen).index("actor:police")
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-role", Input).value = "Traffic division"
        await pilot.press("enter")
        await settle(pilot)
        assert session.graph.actors["police"].role == "Traffic division"
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#field-title", Input).value = "A leaflet"
        await pilot.press("enter")
        await settle(pilot)
        options.highlighted = options.option_count - 1
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-published", Input).value = "2022-13-01"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # refused, with why
        app.screen.query_one("#field-published", Input).value = "2022-09-01"
        await pilot.press("enter")
        await settle(pilot)
        assert session.graph.documents["a-leaflet"].published == "2022-09-01"
        options.highlighted = options.option_count - 1
        await pilot.press("delete")  # named by no attribution: removed
        await settle(pilot)
        assert "a-leaflet" not in session.graph.documents


async def test_a_bad_published_date_is_refused_in_plain_words(
    bypass_file: Path, tmp_path: Path
) -> None:
    """A date not of the form (03/06/2023) is refused with the loader's plain message,
    not with the regular expression of the schema's pattern."""
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = main_of(app).session
        screen = await open_sources(pilot)
        before = set(session.graph.documents)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#field-title", Input).value = "A leaflet"
        app.screen.query_one("#field-published", Input).value = "03/06/2023"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # refused, with why
        shown = " ".join(screen_text(app).split())
        assert "not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD" in shown
        assert "pattern" not in shown and "\\d{4}" not in shown
        app.screen.query_one("#field-published", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert set(session.graph.documents) == before | {"a-leaflet"}
        options = screen.query_one(OptionList)
        options.highlighted = option_ids(screen).index("document:a-leaflet")
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-published", Input).value = "yesterday"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        shown = " ".join(screen_text(app).split())
        assert "not a real date of the form YYYY" in shown and "pattern" not in shown
        assert session.graph.documents["a-leaflet"].published is None


async def test_actors_and_documents(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_sources(pilot, "cost")
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-name", Input).value = "Ann Lee"
        form.query_one("#field-kind", Input).value = "analyst"
        await pilot.press("enter")
        await settle(pilot)
        session = main_of(app).session
        assert session.graph.actors["ann-lee"].kind == "analyst"
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#field-title", Input).value = "Bypass costs, revisited"
        await pilot.press("enter")
        await settle(pilot)
        assert "bypass-costs-revisited" in session.graph.documents
        # attribute the focused claim to the new actor
        options = screen.query_one(OptionList)
        options.highlighted = option_ids(screen).index("actor:ann-lee")
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#field-quote", Input).value = "Far too dear"
        app.screen.query_one("#field-document", Input).value = "bypass-costs-revisited"
        await pilot.press("enter")
        await settle(pilot)
        att = session.graph.claims["cost"].attributions[-1]
        assert (att.actor, att.quote, att.document) == (
            "ann-lee",
            "Far too dear",
            "bypass-costs-revisited",
        )
        # an actor in use is not removed, and says why
        await pilot.press("delete")
        await settle(pilot)
        assert "ann-lee" in session.graph.actors
        # the mayor is quoted: not removed either
        options.highlighted = option_ids(screen).index("actor:mayor")
        await pilot.press("delete")
        await settle(pilot)
        assert "mayor" in session.graph.actors
        await pilot.press("escape")
        await settle(pilot)
        for _ in range(3):
            await pilot.press("ctrl+z")
            await settle(pilot)
        assert "ann-lee" not in session.graph.actors


async def test_attribute_a_link_then_change_and_remove_attributions(
    bypass_file: Path, tmp_path: Path
) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = main_of(app).session
        screen = await open_sources(pilot, "cost")  # under "build": cost -> build
        assert screen.relation == "attack:cost->build"
        assert "r attributes its link (attack:cost->build)" in screen_text(app)
        options = screen.query_one(OptionList)

        def ids() -> list[str | None]:
            return option_ids(screen)

        assert ids()[0] == "said:claim:0"  # the claim's own attribution comes first
        assert options.highlighted == ids().index("actor:mayor")  # then the first actor
        assert "Ada Brennan" in screen_text(app)
        options.highlighted = ids().index("actor:treasurer")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-quote", Input).value = "We cannot afford it"
        app.screen.query_one("#field-document", Input).value = "gazette-april"
        await pilot.press("enter")
        await settle(pilot)
        link = session.graph.relations["attack:cost->build"]
        assert [(a.actor, a.quote, a.document) for a in link.attributions] == [
            ("treasurer", "We cannot afford it", "gazette-april")
        ]
        assert "said:relation:0" in ids()
        # Enter on an attribution changes it: another date, and no document
        options.highlighted = ids().index("said:relation:0")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-actor", Input).value == "treasurer"
        form.query_one("#field-date", Input).value = "2022-04-13"
        form.query_one("#field-document", Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
        att = session.graph.relations["attack:cost->build"].attributions[0]
        assert (att.date, att.document, att.quote) == ("2022-04-13", None, "We cannot afford it")
        # an unknown actor is refused in the form, with why
        options.highlighted = ids().index("said:claim:0")
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-actor", Input).value = "nobody"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape")
        await settle(pilot)
        # delete removes the claim's attribution; ctrl+z here brings it back, ctrl+y
        # takes it out again, and ctrl+z on the main screen brings it back too
        options.highlighted = ids().index("said:claim:0")
        await pilot.press("delete")
        await settle(pilot)
        assert session.graph.claims["cost"].attributions == []
        assert "said:claim:0" not in ids()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "said:claim:0" in ids() and len(session.graph.claims["cost"].attributions) == 1
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert "said:claim:0" not in ids()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(session.graph.claims["cost"].attributions) == 1


async def test_a_position_has_no_link_to_attribute(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_sources(pilot, "build")
        assert screen.relation is None
        screen.query_one(OptionList).highlighted = option_ids(screen).index("actor:mayor")
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        assert said(app, "No link was focused to attribute")


# ---------------------------------------------------------------------- history and saving
async def test_undo_and_redo_run_across_scores_and_graph_edits(
    bypass_file: Path, tmp_path: Path
) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = main_of(app).session
        start = session.strength("build")
        await go(pilot, "cost")
        await pilot.press("8")
        await settle(pilot)
        await pilot.press("n")
        await answer(pilot, "a")
        await type_text(pilot, "Prices fell")
        await go(pilot, "cost")
        await pilot.press("2")
        await settle(pilot)
        assert session.own.bases == {"cost": 0.2}
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert session.own.bases == {"cost": 0.8}
        assert "prices-fell" in session.graph.claims
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "prices-fell" not in session.graph.claims
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert session.own.bases == {}
        assert session.strength("build") == start
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert said(app, "Nothing to undo")
        await pilot.press("ctrl+y", "ctrl+y")
        await settle(pilot)
        assert "prices-fell" in session.graph.claims and session.own.bases == {"cost": 0.8}


async def test_saving_the_graph_leaves_the_scores_and_the_scores_leave_the_graph(
    bypass_file: Path, tmp_path: Path
) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("7")
        await pilot.press("n")
        await answer(pilot, "s")
        await type_text(pilot, "Steel got dearer")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "Steel got dearer" in bypass_file.read_text(encoding="utf-8")
        assert not (tmp_path / "sheet.json").exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert json.loads((tmp_path / "sheet.json").read_text(encoding="utf-8"))["scores"] == {
            "cost": {"base": 0.7}
        }
    assert '"base": 0.7' not in bypass_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("choice", ["o", "r", "e", "c"])
async def test_the_conflict_on_save(bypass_file: Path, tmp_path: Path, choice: str) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("c")
        app.screen.query_one("#field-text", Input).value = "Mine"
        await pilot.press("enter")
        await settle(pilot)
        theirs = bypass_file.read_text(encoding="utf-8").replace(
            '"title": "', '"title": "Theirs: ', 1
        )
        bypass_file.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "changed on disk" in screen_text(app)
        assert bypass_file.read_text(encoding="utf-8") == theirs  # nothing overwritten yet
        session = main_of(app).session
        await answer(pilot, choice)
        if choice == "o":
            assert '"text": "Mine"' in bypass_file.read_text(encoding="utf-8")
            assert "Theirs" not in bypass_file.read_text(encoding="utf-8")
        elif choice == "r":
            assert session.graph.model.title.startswith("Theirs: ")
            assert session.graph.claims["cost"].text != "Mine"
            assert not session.editor.can_undo
        elif choice == "e":
            elsewhere = tmp_path / "mine.json"
            await type_text(pilot, str(elsewhere))
            assert load(elsewhere).claims["cost"].text == "Mine"
            assert bypass_file.read_text(encoding="utf-8") == theirs
            assert session.graph.path == elsewhere
        else:
            assert bypass_file.read_text(encoding="utf-8") == theirs
            assert session.editor.dirty


async def test_quitting_with_unsaved_edits_asks(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "cost")
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "unsaved edits" in screen_text(app)
        await answer(pilot, "s")
    assert "support:cost->build" in {r.id for r in load(bypass_file).relations.values()}


async def test_checks_findings_appear_after_an_edit(bypass_file: Path, tmp_path: Path) -> None:
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go(pilot, "build")
        await pilot.press("n")
        await answer(pilot, "p")
        await type_text(pilot, "Wait a year")
        await settle(pilot)
        assert said(app, "Checks: ")


async def test_every_editing_key_is_in_the_help(bypass_file: Path, tmp_path: Path) -> None:
    from tui.keys import SECTIONS

    edits = dict(SECTIONS)["Edit the debate (ctrl+z undoes graph edits and scores alike)"]
    assert {b.id for b in edits} >= {
        "edit.add",
        "edit.change",
        "edit.link",
        "edit.group",
        "edit.undercut",
        "edit.flip",
        "edit.delete",
        "edit.sources",
        "edit.undo",
        "edit.redo",
        "edit.save",
    }
    text = help_text()
    for binding in edits:
        assert (binding.tooltip or binding.description) in text
    for key in ("ctrl+z", "ctrl+y", "ctrl+g", "del"):
        assert key in text
    app = _app(bypass_file, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = "\n".join(screen_text(app).splitlines()[-3:])
        for words in ("add claim", "undo", "save graph"):
            assert words in footer


async def test_hostile_text_in_the_editing_dialogs_is_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    shutil.copyfile(HOSTILE, path)
    app = _app(path, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for claim in ("c1", "p[1]"):
            for key, leave in (("c", "escape"), ("delete", "c"), ("n", "c")):
                await go(pilot, claim)
                await pilot.press(key)
                await settle(pilot)
                text = screen_text(app)
                assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
                await pilot.press(leave)
                await settle(pilot)
        # the form shows the text escaped; confirmed unchanged, it keeps the text itself
        session = main_of(app).session
        text = session.graph.claims["p[1]"].text
        await go(pilot, "p[1]")
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert session.graph.claims["p[1]"].text == text and "\x1b" in text
        assert not session.editor.can_undo
