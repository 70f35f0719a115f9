"""The examples in the UI's docstrings run (pytest's --doctest-modules covers only
``arggraph/``)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import tui

MODULES = sorted(m.name for m in pkgutil.walk_packages(tui.__path__, "tui."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_every_module_is_covered() -> None:
    assert {"tui.render", "tui.state", "tui.screens.dialogs", "tui.widgets.lever"} <= set(MODULES)
