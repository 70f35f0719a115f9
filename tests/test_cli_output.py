"""Where results go: ``-o OUT`` never replaces the command's own input, and a standard
output that is full or closed is one line of error, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from arggraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
BAKHMUT = ROOT / "graphs" / "bakhmut.json"


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    shutil.copyfile(BAKHMUT, path)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{g}", "-o", "{g}"],
        ["check", "{g}", "--format", "sarif", "-o", "{g}"],
        ["score", "{g}", "-o", "{g}"],
        ["score", "{g}", "-o", "{link}"],
        ["export", "{g}", "--to", "aif", "-o", "{g}"],
        ["report", "{g}", "--to", "md", "-o", "{g}"],
        ["check", "{folder}", "-o", "{g}"],
    ],
)
def test_o_never_replaces_an_input(
    graph: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    link = graph.parent / "link.json"
    link.symlink_to(graph)
    before = graph.read_bytes()
    given = [a.format(g=graph, link=link, folder=graph.parent) for a in argv]
    assert main(given) == 2
    err = capsys.readouterr().err
    assert "which this command reads: the result would replace it" in err
    assert err.count("\n") <= 2 and "Traceback" not in err
    assert graph.read_bytes() == before


def test_o_never_replaces_a_score_sheet_read(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "ana.json"
    sheet.write_text(
        '{"format": "arggraph-scores/1", "graph": "bakhmut-2023", "scorer": "ana", "scores": {}}',
        encoding="utf-8",
    )
    before = sheet.read_bytes()
    assert main(["score", str(graph), "--scores", str(sheet), "-o", str(sheet)]) == 2
    assert sheet.read_bytes() == before
    # another file is written as before
    out = tmp_path / "out.txt"
    assert main(["score", str(graph), "--scores", str(sheet), "-o", str(out)]) == 0
    assert "withdraw" in out.read_text(encoding="utf-8")


def _run(
    argv: list[str], stdout: int | IO[str], preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arggraph", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=preexec,
    )


FULL = "arggraph: error: cannot write to standard output: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["rules"],
        ["score", str(BAKHMUT)],
        ["check", str(BAKHMUT)],
        ["check", str(BAKHMUT), "--format", "json"],
        ["extensions", str(BAKHMUT)],
    ],
)
def test_a_full_standard_output_is_one_line_of_error(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _run(argv, stdout=full)
    assert done.returncode == 2
    assert (
        done.stderr == "arggraph: error: cannot write to standard output: No space left on device\n"
    )


def test_a_closed_standard_output_is_one_line_of_error() -> None:
    done = _run(["score", str(BAKHMUT)], subprocess.DEVNULL, lambda: os.close(1))
    assert done.returncode == 2
    assert done.stderr == "arggraph: error: standard output is closed: open it, or give -o OUT\n"
