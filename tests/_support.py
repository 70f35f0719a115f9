"""What several test modules share: where things are, builders of score books, sessions
and apps, the TUI's "settle" and screen text, and small views of a graph. Fixtures built
from these live in ``conftest.py``.

Real files other tools wrote live beside the project in ``../shared/realdata`` (and the
bundled debate's source articles in ``../shared/seeds``) and are read from there, never
copied in; a test that reads them is marked ``realdata`` and skips when they are absent.

The UI is imported only by the helpers that need it, so a test of the library alone does
not pay for importing Textual.
"""

from __future__ import annotations

import asyncio
import io
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from arggraph.errors import IntegrityError, SchemaError
from arggraph.framework import FloatArray, Framework
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.model import GraphModel
from arggraph.semantics.registry import MEAN, GradualSemantics, Kernels
from arggraph.sheets import ScoreBook

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

    from tui.app import ArggraphApp
    from tui.screens.main import MainScreen
    from tui.state import Session

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
#: The small debate the UI tests and snapshots run on (editing the bundled graph does
#: not change them).
BYPASS = FIXTURES / "bypass.json"
#: A small arggraph/1.1 debate: linked premises, backings and undercuts (also of an
#: undercut, and of a single-premise link), a reconstructed premise, an interval date.
BRIDGE = FIXTURES / "bridge.json"
#: A graph whose texts try to break out of every markup the UI and exports write.
HOSTILE = FIXTURES / "hostile.json"
BAKHMUT = ROOT / "graphs" / "bakhmut.json"
#: The bundled map's first edition (arggraph/1, as it was before its second edition):
#: the tests of old files and old outputs run on it; the round trips through AIF and
#: Argdown, which hold arggraph/1.1, run on the bundled map itself.
BAKHMUT_FIRST_EDITION = FIXTURES / "bakhmut-first-edition.json"
SHARED = ROOT.parent / "shared"
REALDATA = SHARED / "realdata"
SEEDS = SHARED / "seeds"

HAVE_DOT = shutil.which("dot") is not None
#: Skips a test that runs Graphviz's ``dot`` where it is not installed.
needs_graphviz = pytest.mark.skipif(not HAVE_DOT, reason="Graphviz (dot) is not installed")
#: Skips a test of the bundled graph in a checkout without it.
needs_bakhmut = pytest.mark.skipif(not BAKHMUT.exists(), reason="the bundled graph is not there")


def realdata(*parts: str) -> Path:
    """The path of a file under ``../shared/realdata``, or skip the test without it."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


def seeds() -> Path:
    """The folder of the bundled debate's source articles, or skip the test without it."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source articles are not here ({SEEDS})")
    return SEEDS


def relation_triples(g: Graph) -> set[tuple[str, str, str]]:
    """Each relation as (type, source, target)."""
    return {(r.type, r.premises[0], r.target) for r in g.relations.values()}


# ---------------------------------------------------------------------- sessions and apps
def score_book(graph: Graph, sheet: Path, scorer: str = "tester") -> ScoreBook:
    """An empty score book for ``graph``, saved (when it is) to the file ``sheet``."""
    return ScoreBook(graph, path=sheet, scorer=scorer)


def session_for(graph: Graph, sheet: Path, semantics: str = "dfquad") -> Session:
    """The state behind the main screen, without a terminal (see :func:`score_book`)."""
    from tui.state import Session

    return Session(graph, score_book(graph, sheet), semantics)


def app_for(graph: Path | Graph, sheet: Path, *, semantics: str = "dfquad") -> ArggraphApp:
    """The app on a graph (or the graph file at that path) under ``semantics``, with an
    empty score book saved to ``sheet`` (:func:`score_book`) and the user ``tester``
    injected, so every run draws the same screen."""
    from tui.app import ArggraphApp

    graph = graph if isinstance(graph, Graph) else load(graph)
    return ArggraphApp(graph, book=score_book(graph, sheet), semantics=semantics, user="tester")


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no worker runs or waits to run (cancelled ones do not count) and the
    main screen computes nothing, so what is on screen is the settled picture."""
    from textual.worker import WorkerState

    from tui.app import ArggraphApp

    app = pilot.app
    for _ in range(1000):
        await pilot.pause()
        main = app.main_screen if isinstance(app, ArggraphApp) else None
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        if not busy and not (main is not None and main.working):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app never settled")


def main_of(app: ArggraphApp) -> MainScreen:
    """The app's main screen (the graph loaded)."""
    screen = app.main_screen
    assert screen is not None
    return screen


async def go(pilot: Pilot[None], claim: str) -> None:
    """Put the cursor on ``claim`` (as search does) and let the screen settle."""
    from tui.app import ArggraphApp

    assert isinstance(pilot.app, ArggraphApp)
    assert main_of(pilot.app).jump_to_claim(claim)
    await settle(pilot)


def screen_text(app: App[None]) -> str:
    """What the terminal shows, as plain text."""
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


#: The keys every JSON result of score, extensions and explain starts with (besides
#: "semantics"): see arggraph.cli.common.result_header.
HEADER_KEYS = ("arggraph", "graph", "graph_sha256", "tolerance")


def result_body(out: str) -> dict[str, object]:
    """A JSON result without its header (the semantics kept), after checking the
    header's types: what a test of the result itself compares."""
    import json

    data: dict[str, object] = json.loads(out)
    assert isinstance(data.pop("arggraph"), str)
    assert isinstance(data.pop("graph"), str)
    sha = data.pop("graph_sha256")
    assert sha is None or (isinstance(sha, str) and len(sha) == 64)
    tolerance = data.pop("tolerance", None)
    assert tolerance is None or isinstance(tolerance, float)
    assert isinstance(data["semantics"], str)
    return data


def _avg(b: FloatArray, va: FloatArray, vs: FloatArray) -> FloatArray:
    out: FloatArray = b * (1.0 - va) + (1.0 - b) * vs
    return out


def _avg1(b: float, va: float, vs: float) -> float:
    return b * (1.0 - va) + (1.0 - b) * vs


def _avg_d(
    b: FloatArray, va: FloatArray, vs: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    return 1.0 - va - vs, -b + 0.0 * va, 1.0 - b + 0.0 * vs


#: A toy gradual semantics (a mean aggregation, the influence ``w*(1 - va) + (1 - w)*vs``)
#: that tests add to the table with ``monkeypatch.setitem(GRADUAL, "avg", AVG)``.
AVG = GradualSemantics(
    "avg",
    "plain average",
    "a test's toy",
    "None: a toy semantics for the registry's tests.",
    True,
    MEAN,
    "w*(1 - va) + (1 - w)*vs",
    lambda: Kernels(_avg, _avg1, _avg_d),
)


def same_framework(fast: Framework, slow: Framework) -> None:
    """Two frameworks alike in every array and id (their layouts aside)."""
    assert fast.ids == slow.ids
    assert fast.k == slow.k
    for name in (
        "base",
        "att_src",
        "att_tgt",
        "att_w",
        "sup_src",
        "sup_tgt",
        "sup_w",
        "inf_sup",
        "inf_w",
        "inf_ptr",
        "inf_prem",
        "inf_tgt",
    ):
        a, b = getattr(fast, name), getattr(slow, name)
        assert a.dtype == b.dtype, name
        assert np.array_equal(a, b), name
    assert fast.att_ids == slow.att_ids
    assert fast.sup_ids == slow.sup_ids
    assert fast.inf_rel == slow.inf_rel
    assert fast.index == slow.index


def loaded_alike(doc: dict[str, Any]) -> tuple[Graph, Graph] | None:
    """``loads`` on the text of ``doc`` and the graph the models give, when the models
    take it; else ``None``, having checked that ``loads`` refuses it with the same kind
    of error (a schema error, or the same integrity error)."""
    from pydantic import ValidationError

    text = json.dumps(doc)
    try:
        expected = Graph(GraphModel.model_validate(doc), strict=True)
    except ValidationError:
        with pytest.raises(SchemaError):
            loads(text)
        return None
    except IntegrityError as exc:
        with pytest.raises(type(exc)):
            loads(text)
        return None
    return loads(text), expected
