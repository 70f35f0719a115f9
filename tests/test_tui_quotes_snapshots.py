"""Snapshots of picking quotes at 80x24 and 120x40: a claim's quotes in context (one
found, with the lines around it; one the text no longer holds, with the closest
passage) above the documents to quote from, and a document's text with a search match
selected.

Update with ``pytest tests/test_tui_quotes_snapshots.py --snapshot-update`` and look at
the SVG files in ``tests/__snapshots__`` before committing.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from _support import BYPASS, app_for, settle
from textual.pilot import Pilot
from textual.widgets import Input

from arggraph.io import load
from tui.app import ArggraphApp
from tui.widgets.source_text import SourceView

pytestmark = pytest.mark.slow

Compare = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]
SHEET = Path("/home/tester/.local/share/arggraph/scores")

GAZETTE = (
    "Bypass plan splits the town\n"
    "\n"
    "By R. Hale, 12 April 2022.\n"
    "The mayor told the council: “Lorries would no longer cross the market square.”\n"
    "The treasurer was blunt: “It would cost more than we spend in a year.”\n"
    "Traders disagreed… loudly. “We ask the council to drop the bypass.” they wrote.\n"
    "The ecologist said the line runs straight through the Fen meadows.\n"
)


def quotes_app(tmp_path: Path) -> ArggraphApp:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette-april.txt").write_text(GAZETTE, encoding="utf-8")
    data = json.loads(BYPASS.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        if doc["id"] == "gazette-april":
            doc["file"] = "gazette-april.txt"
    # a second quote for "cost", which the text does not hold as written
    for claim in data["claims"]:
        if claim["id"] == "cost":
            claim["attributions"].append(
                {
                    "actor": "mayor",
                    "document": "gazette-april",
                    "quote": "It would cost far more than we spend.",
                }
            )
    path = tmp_path / "bypass.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    graph = load(path)
    app = app_for(graph, SHEET / f"{graph.id}.tester.scores.json")
    assert app.session is not None
    app.session.documents = docs
    return app


def at(
    claim: str, *presses: str, find: str | None = None
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Go to ``claim``, press the keys (then search the text for ``find``), settle."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, ArggraphApp) and app.main_screen is not None
        assert app.main_screen.jump_to_claim(claim)
        await settle(pilot)
        await pilot.press(*presses)
        await settle(pilot)
        if find is not None:
            app.screen.query_one(SourceView).cursor_blink = False
            await pilot.press("slash")
            app.screen.query_one("#document-find", Input).value = find
            await pilot.press("enter")
        for _ in range(3):
            await pilot.pause()
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quotes_in_context(snap_compare: Compare, size: tuple[int, int], tmp_path: Path) -> None:
    app = quotes_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=at("cost", "f"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_document_text_with_a_match(
    snap_compare: Compare, size: tuple[int, int], tmp_path: Path
) -> None:
    app = quotes_app(tmp_path)
    run = at("cost", "f", "enter", find="it would cost")
    assert snap_compare(app, terminal_size=size, run_before=run)
