"""Each command imports what it needs only: checked in a fresh interpreter, whose
``sys.modules`` after the command says what it loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _support import BAKHMUT, FIXTURES

PROBE = """
import json, runpy, sys
sys.argv = ["arggraph", *json.loads(sys.argv[1])]
try:
    runpy.run_module("arggraph", run_name="__main__")
except SystemExit as exit:
    code = exit.code
heavy = ("numpy", "scipy", "pydantic", "textual", "rich", "networkx")
sys.stderr.write(json.dumps([code, [m for m in heavy if m in sys.modules]]) + "\\n")
"""


def loaded(*args: str) -> set[str]:
    """The heavy libraries ``arggraph ARGS`` imported (it must succeed)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert code in (0, None), done.stderr
    return set(modules)


@pytest.mark.slow
def test_version_loads_no_library() -> None:
    assert loaded("--version") == set()


@pytest.mark.slow
def test_schema_prints_the_shipped_file_without_pydantic() -> None:
    assert not loaded("schema") & {"numpy", "pydantic", "scipy"}
    assert not loaded("schema", "scores") & {"numpy", "pydantic", "scipy"}


@pytest.mark.slow
def test_schema_and_show_on_a_small_graph_need_no_scipy() -> None:
    assert "scipy" not in loaded("schema")
    small = loaded("show", str(FIXTURES / "bypass.json"))
    assert not small & {"scipy", "textual", "networkx"}
    assert not loaded("score", str(BAKHMUT)) & {"scipy", "textual", "networkx"}


@pytest.mark.slow
def test_rules_needs_no_scipy() -> None:
    assert not loaded("rules") & {"scipy", "textual", "networkx"}


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="arggraph/checks/__init__.py imports the runner (and with it the graph, NumPy "
    "and pydantic) to offer check(); the rule table alone needs neither",
)
def test_rules_needs_no_numpy_nor_pydantic() -> None:
    assert not loaded("rules") & {"numpy", "pydantic"}


@pytest.mark.slow
def test_a_plain_file_is_scored_and_shown_without_pydantic(tmp_path: Path) -> None:
    """Its models are never asked for, so the models' module is never imported."""
    f = tmp_path / "plain.json"
    f.write_text(
        '{"claims": [{"id": "a", "text": "A", "kind": "position"},'
        ' {"id": "b", "text": "B", "base": 0.2}],'
        ' "relations": [{"type": "attack", "source": "b", "target": "a"}]}',
        encoding="utf-8",
    )
    assert "pydantic" not in loaded("score", str(f), "--format", "json")
    assert "pydantic" not in loaded("extensions", str(f), "--format", "json")
    assert "pydantic" not in loaded("show", str(f))
