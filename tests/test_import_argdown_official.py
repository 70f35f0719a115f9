"""arggraph reads Argdown as the official parser (``@argdown/core``, pinned in
``tests/argdown/package.json``) does: against its model of the project's fixtures, kept
as golden files, everywhere; against the parser itself where node and the package are
installed (the golden files current, the real files, and arggraph's own export)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _argdown_official import (
    TOOL,
    official_available,
    official_view,
    our_view,
    run_official,
)
from _support import BAKHMUT_FIRST_EDITION, ROOT, realdata

from arggraph.formats.argdown import to_argdown
from arggraph.io import load

FIXTURES = sorted((ROOT / "tests" / "fixtures" / "argdown").glob("*.argdown"))
REAL = [
    "argdown-primer.argdown",
    "legalisation-softdrugs.argdown",
    "state-censorship.argdown",
    "veggie_debate_de.argdown",
]


def needs_official() -> None:
    reason = official_available()
    if reason is not None:
        pytest.skip(reason)


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.name)
def test_fixtures_read_as_the_official_parser_reads_them(source: Path) -> None:
    golden = json.loads(source.with_suffix(".official.json").read_text(encoding="utf-8"))
    assert our_view(source.read_text(encoding="utf-8")) == official_view(golden)


def test_the_fixtures_hold_both_readings_worth_comparing() -> None:
    views = [our_view(p.read_text(encoding="utf-8")) for p in FIXTURES]
    assert sum(v.refused for v in views) == 3
    assert sum(len(v.relations) for v in views) >= 10
    assert sum(len(v.structures) for v in views) >= 2


@pytest.mark.slow
def test_the_golden_files_are_current() -> None:
    needs_official()
    done = subprocess.run(
        [sys.executable, str(TOOL / "regenerate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.realdata
@pytest.mark.parametrize("name", REAL)
def test_real_files_read_as_the_official_parser_reads_them(name: str) -> None:
    path = realdata("argdown", name)
    needs_official()
    model = run_official(path)[str(path)]
    sections = name != "argdown-primer.argdown"  # its headings use shortcodes (:heart:)
    ours = our_view(path.read_text(encoding="utf-8"), sections)
    assert ours == official_view(model, sections)
    assert not ours.refused
    assert ours.relations


@pytest.mark.slow
def test_the_official_parser_reads_the_export(tmp_path: Path) -> None:
    needs_official()
    path = tmp_path / "bakhmut.argdown"
    path.write_text(to_argdown(load(BAKHMUT_FIRST_EDITION)), encoding="utf-8")
    model = run_official(path)[str(path)]
    assert model["errors"] == []
    assert (len(model["statements"]), len(model["relations"])) == (81, 97)
    assert our_view(path.read_text(encoding="utf-8")) == official_view(model)
