"""``arggraph tui map.argdown``: the map follows the file as the user edits it.

Each test writes the Argdown file itself and drives the poll directly
(:meth:`tui.live.LiveReload.catch_up`) instead of sleeping, then lets the screen handle
what the worker posted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _support import ROOT, screen_text, settle
from textual.pilot import Pilot
from textual.widgets import Input

from arggraph.io import load, load_scores
from arggraph.sheets import ScoreBook
from tui.app import ArggraphApp
from tui.factory import create_app
from tui.screens.dialogs import ChoiceScreen, PromptScreen
from tui.screens.error import ErrorScreen
from tui.screens.main import MainScreen
from tui.widgets.source import SourceBar
from tui.widgets.tree import DebateTree

SIZE = (120, 40)
EXAMPLE = ROOT / "examples" / "bridge.argdown"

MAP = """\
===
title: The old bridge
question: Should Ashford close the old bridge this summer?
positions: ["Close", "Keep"]
===

[Close]: Close the old bridge this summer.

<Unsafe>: The bridge is no longer safe.

(1) [Cracks]: The inspection found cracks in two piers.
(2) [Load]: Lorries load the piers beyond their rating.
----
(3) [Close]
  <_ [Old survey]: The inspection used a method the engineers dropped in 2019.

[Keep]: Keep the bridge open.
  + [Detour]: The detour adds forty minutes to every ambulance run.
"""


def open_map(tmp_path: Path, text: str = MAP) -> tuple[ArggraphApp, Path]:
    source = tmp_path / "bridge.argdown"
    source.write_text(text, encoding="utf-8")
    sheet = tmp_path / "sheet.json"
    return create_app(str(source), scores=str(sheet), user="tester"), source


def main(app: ArggraphApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None
    return screen


async def reread(pilot: Pilot[None]) -> None:
    """Let the screen read the file as it is now and handle what it found."""
    assert isinstance(pilot.app, ArggraphApp)
    live = main(pilot.app).live
    assert live is not None
    await live.catch_up()
    await settle(pilot)


def shown(app: ArggraphApp) -> set[str]:
    """The claims (and inferences) of every node the tree has built."""
    tree = main(app).query_one(DebateTree)
    out: set[str] = set()
    todo = [tree.root]
    while todo:
        node = todo.pop()
        if node.data is not None:
            out.update(x for x in (node.data.claim, node.data.relation) if x is not None)
        todo.extend(node.children)
    return out


def cursor_claim(app: ArggraphApp) -> str | None:
    item = main(app).current_item()
    return item.claim if item is not None else None


def bar(app: ArggraphApp) -> SourceBar:
    return main(app).query_one(SourceBar)


def reloads(app: ArggraphApp) -> int:
    state = bar(app).state
    assert state is not None
    return state.reloads


async def test_example_opens_with_its_linked_premises_and_undercut() -> None:
    app = create_app(str(EXAMPLE), user="tester")
    assert app.session is not None and app.watcher is not None
    graph = app.session.graph
    linked = graph.relations["Unsafe"]
    assert linked.premises == ["Cracks", "Load"] and linked.target == "Close"
    undercut = graph.relations["attack:Old survey->Unsafe"]
    assert undercut.type == "attack" and undercut.target == "Unsafe"
    assert [c.id for c in graph.positions] == ["Close", "Keep"]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "∴" in text and "live: " in text and "bridge.argdown" in text


async def test_a_saved_edit_shows_in_the_tree(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Detour" in shown(app) and "Ferry" not in shown(app)
        source.write_text(MAP + "  + [Ferry]: A ferry could carry the lorries.\n", encoding="utf-8")
        await reread(pilot)
        assert "Ferry" in shown(app)
        assert main(app).session.graph.claims["Ferry"].text == "A ferry could carry the lorries."
        assert reloads(app) == 1


async def test_rewriting_the_same_bytes_does_nothing(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        graph = main(app).session.graph
        source.write_text(MAP, encoding="utf-8")
        await reread(pilot)
        assert main(app).session.graph is graph
        assert reloads(app) == 0


async def test_a_broken_file_keeps_the_last_map_then_picks_up(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        # the cursor on Detour, scored 0.9
        assert screen.jump_to_claim("Detour")
        await pilot.press("9")
        assert screen.session.own.bases == {"Detour": 0.9}
        graph = screen.session.graph
        # mid-edit: a premise with no inference line under it (line 20), and a title
        # with an escape sequence in it, which the bar shows, not obeys
        broken = MAP + "\n(1) [Rain\x1b[2J]: It rains.\n"
        source.write_text(broken, encoding="utf-8")
        await reread(pilot)
        state = bar(app).state
        assert state is not None and state.failing and state.line == 20
        assert "premise-conclusion structure" in (state.problem or "")
        assert bar(app).has_class("-failing")
        said = str(bar(app).text)
        assert "bridge.argdown, line 20" in said and "last version that parsed" in said
        assert "\x1b" not in screen_text(app)
        assert screen.session.graph is graph  # the last good map stays
        assert "Detour" in shown(app)
        assert cursor_claim(app) == "Detour"
        # fixed, with a new claim above Detour: the map is back, cursor and score kept
        fixed = MAP.replace(
            "[Detour]: The detour adds forty minutes to every ambulance run.",
            "[Detour]: The detour adds forty minutes to every ambulance run.\n"
            "    + [Logs]: The ambulance service's logs show it.",
        )
        source.write_text(fixed, encoding="utf-8")
        await reread(pilot)
        state = bar(app).state
        assert state is not None and not state.failing and state.reloads == 1
        assert not bar(app).has_class("-failing")
        assert "Logs" in screen.session.graph.claims
        assert cursor_claim(app) == "Detour"
        assert screen.session.own.bases == {"Detour": 0.9}
        assert screen.session.strength("Detour") is not None
        node = screen.current_node()
        assert node is not None
        screen.query_one(DebateTree).open(node)
        assert "Logs" in shown(app)


@pytest.mark.slow
async def test_scores_of_vanished_claims_are_kept_and_come_back(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    sheet = tmp_path / "sheet.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.jump_to_claim("Detour")
        await pilot.press("2")
        # Detour goes (the cursor to the nearest claim above it: Keep), then comes back
        without = MAP.replace(
            "  + [Detour]: The detour adds forty minutes to every ambulance run.\n", ""
        )
        source.write_text(without, encoding="utf-8")
        await reread(pilot)
        book = screen.session.own
        assert "Detour" not in screen.session.graph.claims
        assert cursor_claim(app) == "Keep"
        assert book.unknown == ["Detour"] and book.dirty and book.unsaved == 1
        # saved while Detour is gone: its score is written all the same
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert load_scores(sheet).scores["Detour"].base == 0.2
        source.write_text(MAP, encoding="utf-8")
        await reread(pilot)
        assert book.bases == {"Detour": 0.2} and not book.dirty
        assert screen.session.book.base("Detour") == 0.2


async def test_the_cursor_stays_on_an_inference(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        tree = screen.query_one(DebateTree)
        node = next(n for n in tree._inferences if n.data is not None)
        tree.place_cursor(node)
        await settle(pilot)
        source.write_text(MAP.replace("this summer.", "this summer, before the rains."))
        await reread(pilot)
        item = screen.current_item()
        assert item is not None and item.role == "inference" and item.relation == "Unsafe"
        text = screen.session.graph.claims["Close"].text
        assert text == "Close the old bridge this summer, before the rains."


async def test_a_vanished_file_is_said_and_the_map_kept(tmp_path: Path) -> None:
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        graph = main(app).session.graph
        source.unlink()
        await reread(pilot)
        state = bar(app).state
        assert state is not None and state.problem == "no such file"
        assert main(app).session.graph is graph
        source.write_text(MAP, encoding="utf-8")  # the same bytes back: the map was current
        await reread(pilot)
        state = bar(app).state
        assert state is not None and not state.failing
        assert main(app).session.graph is graph


def test_the_sheet_records_the_file_read_and_no_warning_at_reload(tmp_path: Path) -> None:
    """The rule: a sheet records the SHA-256 of the source as last read; the TUI compares
    it when it opens the file (it changed since the sheet was saved, or not), never at a
    reload."""
    app, source = open_map(tmp_path)
    assert app.session is not None and app.watcher is not None
    book = app.session.own
    book.set_base("Cracks", 0.7)
    book.save()
    assert app.session.graph.stamp is not None
    sha = load_scores(tmp_path / "sheet.json").graph_sha256
    assert sha == app.session.graph.stamp.sha256
    source.write_text(MAP + "  + [Ferry]: A ferry.\n", encoding="utf-8")
    reopened = create_app(str(source), scores=str(tmp_path / "sheet.json"), user="tester")
    assert reopened.session is not None and reopened.session.own.graph_changed
    outcome = app.watcher.poll()
    from arggraph.live import Loaded

    assert isinstance(outcome, Loaded)
    app.session.replace_graph(outcome.graph)
    assert not book.graph_changed and book.bases == {"Cracks": 0.7}


async def test_a_new_graph_id_is_not_taken_for_a_new_version(tmp_path: Path) -> None:
    """The sheet names its graph: a file whose graph id changed keeps the map on screen
    and says why, rather than saving the user's scores under another graph's name."""
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        graph = main(app).session.graph
        source.write_text(MAP.replace("===\n", "===\nid: another-map\n", 1), encoding="utf-8")
        await reread(pilot)
        state = bar(app).state
        assert state is not None and state.failing
        assert "graph id is now 'another-map'" in (state.problem or "")
        assert main(app).session.graph is graph


@pytest.mark.slow
def test_the_error_bar(snap_compare: Callable[..., bool], monkeypatch: pytest.MonkeyPatch) -> None:
    """The picture of a file that stopped parsing: the bar in the error colour with the
    file, the line and the message; the last good map below it."""
    from arggraph.errors import ImportFormatError
    from arggraph.live import Failed, SourceWatcher, load_source
    from tui.live import SourceChanged

    monkeypatch.chdir(ROOT)
    source = Path("examples") / "bridge.argdown"
    graph = load_source(source)
    sheet = Path("/home/tester/.local/share/arggraph/scores/bridge.tester.scores.json")
    app = ArggraphApp(
        graph,
        book=ScoreBook(graph, path=sheet, scorer="tester"),
        user="tester",
        watcher=SourceWatcher(source, graph=graph),
    )
    error = ImportFormatError(
        "incomplete premise-conclusion structure: it needs premises, an inference line "
        "(----) and a conclusion after it",
        path=source,
        line=20,
    )

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        main(app).post_message(SourceChanged(Failed(error)))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 30), run_before=run_before)


@pytest.mark.slow
async def test_the_timer_picks_a_save_up_unasked(tmp_path: Path) -> None:
    """Nothing drives the poll here: the screen's own timer sees the save (the cap only
    keeps a broken timer from hanging the test; no time is asserted)."""
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        source.write_text(MAP + "  + [Ferry]: A ferry.\n", encoding="utf-8")
        for _ in range(400):
            await pilot.pause(0.025)
            if "Ferry" in main(app).session.graph.claims:
                break
        assert "Ferry" in main(app).session.graph.claims
        assert "Ferry" in shown(app) and reloads(app) == 1


async def test_what_the_import_left_out_is_said(tmp_path: Path) -> None:
    """Argdown prose (an untitled paragraph in no relation) is no claim: the bar says it
    was dropped, so a statement that does not show is not a mystery."""
    app, source = open_map(tmp_path, MAP + "\nJust a thought, written down.\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = str(bar(app).text)
        assert "dropped: 1 untitled paragraph in no relation" in said
        source.write_text(MAP, encoding="utf-8")
        await reread(pilot)
        assert "dropped" not in str(bar(app).text)


async def test_edits_here_keep_the_map_and_save_as_json_beside_the_source(
    tmp_path: Path,
) -> None:
    """A graph edit made in the TUI stops the map from following the file (nothing is
    dropped); ctrl+g saves it as JSON beside the Argdown file, never over it."""
    app, source = open_map(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.jump_to_claim("Keep")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("s")  # a supporter
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "Trade needs the bridge"
        await pilot.press("enter")
        await settle(pilot)
        added = {c for c in screen.session.graph.claims if c.startswith("trade")}
        assert added
        # The author saves the Argdown file meanwhile: the map here keeps the edit.
        source.write_text(MAP + "  + [Ferry]: A ferry could carry the lorries.\n", encoding="utf-8")
        await reread(pilot)
        assert added <= set(screen.session.graph.claims)
        assert "Ferry" not in screen.session.graph.claims
        state = bar(app).state
        assert state is not None and state.problem is not None
        assert "unsaved edits keep the map" in state.problem
        # ctrl+g asks for a JSON file beside the source, and writes only that.
        before = source.read_bytes()
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == str(tmp_path / "bridge.json")
        await pilot.press("enter")
        await settle(pilot)
        assert source.read_bytes() == before
        saved = load(tmp_path / "bridge.json")
        assert added <= set(saved.claims)
        # From now on the map is that file's: a change to the Argdown file is said only.
        source.write_text(MAP, encoding="utf-8")
        await reread(pilot)
        assert added <= set(screen.session.graph.claims)
        state = bar(app).state
        assert state is not None and state.problem is not None
        assert "bridge.json" in state.problem


async def test_a_map_that_does_not_read_at_start_opens_once_fixed(tmp_path: Path) -> None:
    # a premise with no inference line under it
    app, source = open_map(tmp_path, MAP + "\n(1) [Rain]: It rains.\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ErrorScreen)
        live = screen.live
        assert live is not None
        text = screen_text(app)
        assert "premise-conclusion structure" in text
        assert "Watching the file: the map opens as soon as it reads" in text
        first = screen.error.line
        assert first is not None
        # still broken, further down: the new error replaces the old
        source.write_text(MAP + "\n\n\n\n(1) [Snow]: It snows.\n", encoding="utf-8")
        await live.catch_up()
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert screen.error.line == first + 3
        source.write_text(MAP, encoding="utf-8")
        await live.catch_up()
        await settle(pilot)
        main_screen = main(app)
        on_top: object = app.screen
        assert on_top is main_screen
        assert "Detour" in main_screen.session.graph.claims
        assert app.title == "The old bridge"
        # the map follows the file from then on, and scores work as usual
        assert main_screen.jump_to_claim("Detour")
        await pilot.press("9")
        assert main_screen.session.own.bases == {"Detour": 0.9}
        source.write_text(MAP.replace("forty minutes", "an hour"), encoding="utf-8")
        await reread(pilot)
        assert "an hour" in main_screen.session.graph.claims["Detour"].text
        assert reloads(app) == 1


async def test_a_missing_json_graph_still_opens_the_error_screen_unwatched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    app = create_app(str(path), user="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ErrorScreen) and screen.live is None
        assert "Watching" not in screen_text(app)
