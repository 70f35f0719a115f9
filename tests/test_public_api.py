"""Each public module's ``__all__`` is sorted and says exactly what the module offers.

Both ways, as httpx tests its own: every name in ``__all__`` exists, and every public
name the module holds (not a submodule, not a ``__future__`` feature) is in ``__all__``,
so nothing internal leaks into the API and nothing public is left out of it.
"""

from __future__ import annotations
import __future__

import ast
import importlib
import types
from pathlib import Path

import pytest

PUBLIC = [
    "arggraph",
    "arggraph.semantics",
    "arggraph.semantics.gradual",
    "arggraph.semantics.registry",
    "arggraph.semantics.explain",
    "arggraph.semantics.incremental",
    "arggraph.semantics.verdict",
    "arggraph.framework",
    "arggraph.live",
    "arggraph.report",
    "arggraph.panel",
    "arggraph.diff",
    "arggraph.diff.result",
    "arggraph.diff.effect",
    "arggraph.diff.render",
    "arggraph.edit",
    "arggraph.serialize",
    "arggraph.passages",
]


def _public_names(module: types.ModuleType) -> set[str]:
    """What a module offers: a package its public re-exports, a module what it defines."""
    if module.__file__ and module.__file__.endswith("__init__.py"):
        for name in dir(module):  # what a package imports when first asked for, too
            getattr(module, name)
        return {
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and not isinstance(value, (types.ModuleType, __future__._Feature))
        }
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_")}


@pytest.mark.parametrize("name", PUBLIC)
def test_all_is_sorted_and_exists(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__)
    for item in module.__all__:
        assert hasattr(module, item), f"{name}.{item} is in __all__ but missing"


def test_a_name_shared_with_a_submodule_keeps_its_value() -> None:
    """``arggraph.semantics.explain`` is the function, even once the module of the same
    name has been imported (the package's names are imported when first asked for)."""
    import arggraph.semantics

    module = importlib.import_module("arggraph.semantics.explain")
    assert callable(arggraph.semantics.explain)
    assert arggraph.semantics.explain is module.explain
    verdicts = importlib.import_module("arggraph.semantics.verdict")
    assert arggraph.semantics.verdict is verdicts.verdict


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_in_all(name: str) -> None:
    module = importlib.import_module(name)
    missing = _public_names(module) - set(module.__all__)
    assert not missing, f"{name} holds public names outside __all__: {sorted(missing)}"
