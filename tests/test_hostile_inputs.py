"""Hostile input paths: only regular files are read, so a named pipe (FIFO) or a device
given as any command's input, or lying in a folder ``check`` searches, is refused or
skipped by name at once instead of hanging (issue: hostile input)."""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from arggraph.cli import main
from arggraph.errors import FileAccessError
from arggraph.io import file_kind, read_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

GRAPH = (
    '{"format": "arggraph/1", "id": "g", "claims": [{"id": "go", "text": "Go", '
    '"kind": "position"}, {"id": "a", "text": "A"}], "relations": '
    '[{"type": "support", "source": "a", "target": "go"}]}'
)


class Hung(Exception):
    """A read waited on a pipe: the very thing these tests guard against."""


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """Fail a test that blocks for 20 s instead of hanging the suite."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hung("blocked reading a named pipe")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_read_bytes_refuses_a_fifo_without_waiting_for_a_writer(fifo: Path) -> None:
    with pytest.raises(FileAccessError, match=r"is a named pipe \(FIFO\), not a regular file"):
        read_bytes(fifo)
    assert file_kind(fifo) == "a named pipe (FIFO), not a regular file"


def test_read_bytes_refuses_a_character_device() -> None:
    with pytest.raises(FileAccessError, match="is a character device"):
        read_bytes(os.devnull)


def test_read_bytes_follows_links_to_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "g.json"
    target.write_text(GRAPH, encoding="utf-8")
    (tmp_path / "link.json").symlink_to(target)
    assert read_bytes(tmp_path / "link.json") == GRAPH.encode()


def test_check_skips_a_fifo_in_a_folder_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "graphs"
    folder.mkdir()
    os.mkfifo(folder / "x.json")
    (folder / "g.json").write_text(GRAPH, encoding="utf-8")
    code, out, err = run(["check", str(folder), "--exit-zero"], capsys)
    assert code == 0
    assert f"skipped {folder / 'x.json'}: a named pipe (FIFO), not a regular file" in err
    assert "1 file skipped" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{fifo}"],
        ["score", "{fifo}"],
        ["explain", "{fifo}", "a"],
        ["extensions", "{fifo}"],
        ["export", "{fifo}", "--to", "dot"],
        ["check", "{fifo}"],
        ["check", "--graphs-only", "{fifo}"],
        ["import", "{fifo}", "--from", "aif"],
        ["import", "{fifo}", "--from", "i23"],
        ["score", "{graph}", "--scores", "{fifo}"],
        ["import", "{tgf}", "--id-map", "{fifo}"],
        ["extensions", "{i23}"],
    ],
)
def test_every_command_refuses_a_fifo_as_input(
    argv: list[str], fifo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(GRAPH, encoding="utf-8")
    tgf = tmp_path / "f.tgf"
    tgf.write_text("a1\n#\n", encoding="utf-8")
    i23 = tmp_path / "f.i23"
    os.mkfifo(i23)
    given = [a.format(fifo=fifo, graph=graph, tgf=tgf, i23=i23) for a in argv]
    code, out, err = run(given, capsys)
    assert code == 2
    assert "a named pipe (FIFO), not a regular file" in err
    assert "Traceback" not in err


def test_check_documents_in_a_fifo_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "d.txt")
    graph = tmp_path / "g.json"
    graph.write_text(
        '{"format": "arggraph/1", "id": "g", "documents": [{"id": "d", "title": "D", '
        '"file": "d.txt"}], "actors": [{"id": "x", "name": "X", "kind": "analyst"}], '
        '"claims": [{"id": "go", "text": "Go", "kind": "position", "attributions": '
        '[{"actor": "x", "document": "d", "quote": "go"}]}]}',
        encoding="utf-8",
    )
    code, out, _ = run(["check", str(graph), "--documents", str(docs)], capsys)
    assert code == 1
    assert "text file 'd.txt' is a named pipe (FIFO), not a regular file" in out


def test_check_settings_in_a_fifo_are_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pyproject.toml")
    graph = tmp_path / "g.json"
    graph.write_text(GRAPH, encoding="utf-8")
    code, out, _ = run(["check", str(graph)], capsys)
    assert code == 0 and "P001 warning" in out  # checked, with the default settings


def test_stdin_is_still_read_where_a_command_takes_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"p af 2\n1 2\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(["import", "-", "--from", "i23"], capsys)
    assert code == 0 and '"source": "1"' in out
