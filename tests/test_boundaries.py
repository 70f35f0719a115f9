"""The library never imports the UI: `import arggraph` pulls in no textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = ["arggraph", "arggraph.cli", "arggraph.io", "arggraph.graph"]


@pytest.mark.parametrize("module", MODULES)
def test_library_imports_no_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'tui'})\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_every_library_module_imports_without_textual() -> None:
    code = (
        "import importlib, pkgutil, sys, arggraph\n"
        "for m in pkgutil.walk_packages(arggraph.__path__, 'arggraph.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'textual', 'tui'})))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_public_api_is_sorted_and_complete() -> None:
    import arggraph

    assert arggraph.__all__ == sorted(arggraph.__all__)
    for name in arggraph.__all__:
        assert hasattr(arggraph, name), name
