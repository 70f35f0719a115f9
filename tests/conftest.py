"""Shared fixtures: a data folder of its own for every test, the small debate in
``tests/fixtures``, a session on it and the app on it. The plain helpers they are built
from are in ``_support.py``.

Markers (declared in ``pyproject.toml``): ``slow`` for the tests that take more than about
a second (``pytest -m "not slow"`` is the quick loop), ``realdata`` for those that read
``../shared/realdata`` or ``../shared/seeds`` (they skip where those are absent).

Hypothesis runs with fresh random examples on a developer's machine, so the fuzz and
property tests keep finding new cases; under ``CI=true`` it runs the ``ci`` profile,
derandomized, so that a merge is judged on the same examples every time (a case found
locally is added as an ``@example`` or a fixture, with the fix).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from _support import BYPASS, app_for, session_for
from hypothesis import settings

from arggraph.graph import Graph
from arggraph.io import load

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
    settings.load_profile("ci")

if TYPE_CHECKING:
    from tui.app import ArggraphApp
    from tui.state import Session


@pytest.fixture(autouse=True)
def _private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets a data folder of its own: sheets saved elsewhere, remembered
    choices and exports never touch the real user's files."""
    folder = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def bypass() -> Graph:
    """The fixture debate: should Millbrook build the eastern bypass road?"""
    return load(BYPASS)


@pytest.fixture
def session(bypass: Graph, tmp_path: Path) -> Session:
    """The state behind the main screen on :func:`bypass`, under DF-QuAD, nothing scored,
    its score book at ``tmp_path / "sheet.json"``."""
    return session_for(bypass, tmp_path / "sheet.json")


@pytest.fixture
def app(bypass: Graph, tmp_path: Path) -> ArggraphApp:
    """The app on :func:`bypass`, its score book at ``tmp_path / "sheet.json"``, the user
    ``tester``."""
    return app_for(bypass, tmp_path / "sheet.json")


@pytest.fixture
def mutual_undercuts(tmp_path: Path) -> Path:
    """``tests/fixtures/bridge.json`` with ``survey-cut`` aimed at ``reliable-cut``: the
    two undercuts undercut each other, so the preferred (and stable) extensions are two
    with the same claims, one with each undercut standing; the complete ones are three
    (the grounded one, with neither). Written to ``tmp_path / "mutual.json"``."""
    import json

    from _support import BRIDGE

    data = json.loads(BRIDGE.read_text(encoding="utf-8"))
    [cut] = [r for r in data["relations"] if r["id"] == "survey-cut"]
    cut["target"] = "reliable-cut"
    path = tmp_path / "mutual.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
