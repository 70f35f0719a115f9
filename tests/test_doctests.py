"""The examples in docstrings run: pytest collects ``--doctest-modules`` over the library
and the UI (both are in ``testpaths``), which also imports every module of both."""

from __future__ import annotations

import importlib.util
import pkgutil
from pathlib import Path

import pytest
from _support import ROOT

import arggraph
import tui

#: Modules that must be found, subpackages' included (with examples in their docstrings).
SOME = {
    "tui": {"tui.render", "tui.state", "tui.screens.dialogs", "tui.widgets.lever"},
    "arggraph": {"arggraph.formats.registry", "arggraph.semantics.registry"},
}


def modules(package: str, path: list[str]) -> dict[str, Path]:
    """Every module of a package (its subpackages' too) and its file."""
    found = {}
    for info in pkgutil.walk_packages(path, f"{package}."):
        spec = importlib.util.find_spec(info.name)
        assert spec is not None, info.name
        assert spec.origin is not None, info.name
        found[info.name] = Path(spec.origin)
    return found


@pytest.mark.parametrize(
    ("package", "path"), [("tui", tui.__path__), ("arggraph", arggraph.__path__)]
)
def test_every_module_is_collected_for_its_doctests(
    pytestconfig: pytest.Config, package: str, path: list[str]
) -> None:
    assert "--doctest-modules" in pytestconfig.getini("addopts")
    roots = [ROOT / p for p in pytestconfig.getini("testpaths")]
    found = modules(package, path)
    assert SOME[package] <= set(found)
    for name, file in found.items():
        assert any(file.is_relative_to(r) for r in roots), f"{name} ({file}) is not collected"
