"""Quotes picked from the source text in the TUI: ``f`` on a claim or link, a document's
text to search and select in, attach with actor and date, quotes shown in context and
marked when the text no longer holds them, a new document from a text file."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from _support import BYPASS, app_for, go, main_of, screen_text, settle
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from arggraph.cli import main as cli
from arggraph.edit import create_debate
from arggraph.io import load
from tui.app import ArggraphApp
from tui.factory import create_app
from tui.screens.dialogs import PromptScreen
from tui.screens.document import DocumentScreen
from tui.screens.forms import FormScreen
from tui.screens.main import MainScreen
from tui.screens.quotes import QuotesScreen
from tui.widgets.source_text import SourceView

pytestmark = pytest.mark.slow

SIZE = (120, 40)

GAZETTE = (
    "Bypass plan splits the town\n"
    "\n"
    "By R. Hale, 12 April 2022.\n"
    "The mayor told the council: “Lorries would no longer cross the market square.”\n"
    "The treasurer was blunt — it would cost   more than we spend in a year.\n"
    "Traders disagreed… loudly. “We ask the council to drop the bypass.” they wrote.\n"
    "The ecologist said the line runs straight through the Fen meadows.\n"
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gazette-april.txt").write_text(GAZETTE, encoding="utf-8")
    return folder


@pytest.fixture
def bypass_file(tmp_path: Path) -> Path:
    """The fixture debate, its April Gazette given a text file."""
    data = json.loads(BYPASS.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        if doc["id"] == "gazette-april":
            doc["file"] = "gazette-april.txt"
    path = tmp_path / "bypass.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def quotes_app(path: Path, tmp_path: Path, docs: Path | None) -> ArggraphApp:
    app = app_for(load(path), tmp_path / "sheet.json")
    assert app.session is not None
    app.session.documents = docs
    return app


def document_screen(app: ArggraphApp) -> DocumentScreen:
    assert isinstance(app.screen, DocumentScreen), app.screen
    return app.screen


async def open_document(pilot: Pilot[None], claim: str, title: str) -> DocumentScreen:
    """``f`` on ``claim``, then Enter on the document titled ``title``."""
    await go(pilot, claim)
    await pilot.press("f")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, QuotesScreen), screen
    options = screen.query_one(OptionList)
    for i in range(options.option_count):
        if title in str(options.get_option_at_index(i).prompt):
            options.highlighted = i
            break
    else:
        raise AssertionError(f"no document {title!r}")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app, ArggraphApp)
    return document_screen(pilot.app)


async def find(pilot: Pilot[None], words: str) -> None:
    await pilot.press("slash")
    screen = pilot.app.screen
    box = screen.query_one("#document-find", Input)
    assert box.has_focus
    box.value = words
    await pilot.press("enter")
    await settle(pilot)


async def attach(
    pilot: Pilot[None], actor: str, *, kind: str = "", date: str | None = None
) -> None:
    await pilot.press("a")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FormScreen), form
    form.query_one("#field-actor", Input).value = actor
    form.query_one("#field-kind", Input).value = kind
    if date is not None:
        form.query_one("#field-date", Input).value = date
    await pilot.press("enter")
    await settle(pilot)


# ---------------------------------------------------------------------- the story
async def test_a_debate_gets_its_quotes_from_a_text_file_and_check_finds_them(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bypass-debate.json"
    create_debate(path, "Should Millbrook build the bypass?")
    app = create_app(
        str(path), user="tester", env={"XDG_DATA_HOME": str(tmp_path)}, documents=str(docs)
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.session is not None and app.session.documents == docs
        # no documents yet: open the text file by its name in the folder
        await go(pilot, "yes")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)
        assert "No quotes yet" in screen_text(app)
        await pilot.press("o")
        await settle(pilot)
        app.screen.query_one(Input).value = "gazette-april.txt"
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        title = form.query_one("#field-title", Input)
        assert title.value == "Bypass plan splits the town"
        title.value = "Bypass plan splits the town (Gazette)"
        form.query_one("#field-published", Input).value = "2022-04-12"
        await pilot.press("enter")
        await settle(pilot)
        screen = document_screen(app)
        # search, then select the sentence by shift+arrows from the match
        await find(pilot, '"lorries would')
        start, end = screen.view.span
        assert GAZETTE[start:end] == "“Lorries would"
        await pilot.press(*["shift+right"] * 37)
        await attach(pilot, "Ada Brennan", kind="official")
        assert isinstance(app.screen, MainScreen)
        graph = app.session.graph
        [att] = graph.claims["yes"].attributions
        assert att.quote == "“Lorries would no longer cross the market square.”"
        assert att.actor == "ada-brennan" and att.date == "2022-04-12"
        doc = graph.documents[att.document or ""]
        assert doc.title == "Bypass plan splits the town (Gazette)"
        assert doc.file == "gazette-april.txt" and doc.sha256 is not None
        # the other position: a quote marked with m and extended by word
        screen = await open_document(pilot, "no", "Bypass plan")
        await find(pilot, "we ask")
        await pilot.press("left", "m", *["ctrl+right"] * 8, "shift+right")
        start, end = screen.view.span
        assert GAZETTE[start:end] == "We ask the council to drop the bypass."
        await attach(pilot, "High Street Traders", kind="association")
        [att] = app.session.graph.claims["no"].attributions
        assert att.quote == "We ask the council to drop the bypass."
        # save the graph with its own key
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not app.session.editor.dirty
    assert cli(["check", str(path), "--documents", str(docs), "--select", "P"]) == 0
    out = capsys.readouterr().out
    assert "P006" not in out and "P013" not in out


# ---------------------------------------------------------------------- search and select
async def test_search_next_and_previous_wrap(bypass_file: Path, tmp_path: Path, docs: Path) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot, "cost", "Bypass plan splits the town")
        await find(pilot, "THE COUNCIL")
        starts = [s for s, _ in screen.matches]
        assert len(starts) == 2
        assert screen.view.span[0] == starts[0]
        assert "Match 1 of 2" in screen_text(app)
        await pilot.press("n")
        assert screen.view.span[0] == starts[1]
        await pilot.press("n")
        assert screen.view.span[0] == starts[0]
        await pilot.press("N")
        assert screen.view.span[0] == starts[1]
        await find(pilot, "no such words")
        assert "Not in the text" in screen_text(app)
        # Escape in the search box closes the box, not the screen
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert app.screen is screen and screen.view.has_focus


async def test_mark_escape_and_an_empty_selection(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot, "cost", "Bypass plan splits the town")
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is screen and "Select the words first" in screen_text(app)
        await pilot.press("m", "down", "end")
        assert screen.view.marking
        assert GAZETTE[slice(*screen.view.span)] == "Bypass plan splits the town\n"
        await pilot.press("escape")  # drops the mark and the selection
        assert not screen.view.marking and screen.view.span[0] == screen.view.span[1]
        await pilot.press("escape")  # now leaves
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)


async def test_attach_to_an_existing_actor_and_undo(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        assert app.session is not None
        before = app.session.graph.model
        await open_document(pilot, "cost", "Bypass plan splits the town")
        await find(pilot, "it would cost more than we spend in a year")
        await attach(pilot, "treasurer")
        atts = app.session.graph.claims["cost"].attributions
        assert atts[-1].quote == "it would cost   more than we spend in a year"
        assert atts[-1].date == "2022-04-12"  # the document's date, offered
        assert app.session.graph.documents["gazette-april"].sha256 is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.graph.model == before


async def test_a_refused_attach_says_why_and_keeps_the_form(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        await open_document(pilot, "cost", "Bypass plan splits the town")
        await find(pilot, "blunt")
        await attach(pilot, "Somebody New")  # no kind for a new actor
        assert isinstance(app.screen, FormScreen)
        assert "kind" in screen_text(app)
        app.screen.query_one("#field-kind", Input).value = "analyst"
        app.screen.query_one("#field-date", Input).value = "2022-13-40"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and "date" in screen_text(app).lower()


async def test_a_relation_gets_the_quote_in_link_mode(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        assert app.session is not None
        await go(pilot, "cost")
        item = main_of(app).current_item()
        assert item is not None and item.relation is not None
        relation = item.relation
        await pilot.press("w")
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen) and app.screen.on == "relation"
        await pilot.press("enter")  # the cursor starts on the first document with a text
        await settle(pilot)
        document_screen(app)
        await find(pilot, "would cost")
        await attach(pilot, "treasurer")
        assert app.session.graph.relations[relation].attributions[-1].quote == "would cost"


# ---------------------------------------------------------------------- context
async def test_quotes_in_context_and_the_missing_one(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "dont-build")
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert "✓ line 6" in text
        assert "Traders disagreed… loudly." in text  # the line around it
        await pilot.press("escape")
        # the cost quote reads "cost more than we spend in a year" in the graph
        await go(pilot, "wetland")
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert "✗ not in the text" in text
        assert "The line runs straight through the Fen meadows." in text
        assert "closest passage, line" in text
        await pilot.press("escape")
        # a document without a text file, and no folder
        await go(pilot, "build")
        await pilot.press("f")
        await settle(pilot)
        assert "names no text file" in screen_text(app)


async def test_no_documents_folder_says_how_to_give_one(bypass_file: Path, tmp_path: Path) -> None:
    app = quotes_app(bypass_file, tmp_path, None)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "cost")
        await pilot.press("f")
        await settle(pilot)
        assert "no documents folder" in screen_text(app)
        await open_document_by_title(pilot, "Bypass plan splits the town")
        assert isinstance(app.screen, QuotesScreen)
        assert any("--documents" in n.message for n in app._notifications)


async def open_document_by_title(pilot: Pilot[None], title: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, QuotesScreen)
    options = screen.query_one(OptionList)
    for i in range(options.option_count):
        if title in str(options.get_option_at_index(i).prompt):
            options.highlighted = i
    await pilot.press("enter")
    await settle(pilot)


async def test_a_text_file_outside_the_folder_is_refused(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    outside = tmp_path / "elsewhere.txt"
    shutil.copyfile(docs / "gazette-april.txt", outside)
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "cost")
        await pilot.press("f", "o")
        await settle(pilot)
        app.screen.query_one(Input).value = str(outside)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        error = app.screen.query_one("#prompt-error", Static).content
        assert "is not inside the documents folder" in str(error)


async def test_a_text_changed_since_its_hash_is_said(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    data = json.loads(bypass_file.read_text(encoding="utf-8"))
    data["format"] = "arggraph/1.1"
    data["documents"][1]["sha256"] = "0" * 64
    bypass_file.write_text(json.dumps(data), encoding="utf-8")
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        await open_document(pilot, "cost", "Bypass plan splits the town")
        assert "the text changed since its hash was recorded" in screen_text(app)


async def test_control_characters_in_the_text_are_shown_not_obeyed(
    bypass_file: Path, tmp_path: Path, docs: Path
) -> None:
    (docs / "gazette-april.txt").write_text("Bell\x07 and \x1b[2J clear\nnext", encoding="utf-8")
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot, "cost", "Bypass plan splits the town")
        assert "\x1b" not in screen.view.text and "␛[2J" in screen.view.text
        await find(pilot, "clear")
        assert screen.view.span == (15, 20)
        assert isinstance(screen.view, SourceView)


def test_the_help_and_the_footer_list_the_key() -> None:
    from tui.keys import main_bindings
    from tui.screens.help import help_text

    assert any(b.key == "f" and b.id == "edit.quote" and b.show for b in main_bindings())
    assert "their context" in help_text()


def test_the_command_line_takes_a_documents_folder(tmp_path: Path) -> None:
    bad = create_app(str(BYPASS), user="tester", documents=str(tmp_path / "nowhere"))
    assert bad.error is not None and "no such folder" in str(bad.error)
    good = create_app(str(BYPASS), user="tester", documents=str(tmp_path))
    assert good.session is not None and good.session.documents == tmp_path


async def test_the_contexts_are_read_in_a_worker_and_a_fault_is_said(
    bypass_file: Path, tmp_path: Path, docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arggraph.passages import attribution_context as real

    reads: list[str] = []

    def context(*args: Any, **kwargs: Any) -> Any:
        reads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr("tui.screens.quotes.attribution_context", context)
    app = quotes_app(bypass_file, tmp_path, docs)
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "dont-build")
        await pilot.press("f")
        await settle(pilot)
        assert "✓ line 6" in screen_text(app)
        assert reads and threading.main_thread().name not in reads
        await pilot.press("escape")

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise OSError("disk \x1b[2J gone")

        monkeypatch.setattr("tui.screens.quotes.attribution_context", broken)
        await go(pilot, "dont-build")
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert "The quotes could not be shown: disk \\x1b[2J gone" in text
        assert isinstance(app.screen, QuotesScreen)  # the screen stays, documents listed
