"""Hostile output paths: every ``-o``, ``--id-map`` and sheet save fails with one clear
error, writes through pipes and devices instead of replacing them, follows links,
refuses read-only files, and cleans up after killed saves (issue: hostile input)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from arggraph.atomic import (
    ABANDONED_AFTER,
    STALE_AFTER,
    atomic_write,
    remove_stale_temporaries,
    write_mode,
)
from arggraph.cli import main
from arggraph.errors import FileAccessError
from arggraph.graph import Graph
from arggraph.io import loads
from arggraph.sheets import ScoreBook

GRAPH = (
    '{"format": "arggraph/1", "id": "g", "claims": [{"id": "go", "text": "Go", '
    '"kind": "position"}, {"id": "a b", "text": "A"}], "relations": '
    '[{"type": "attack", "source": "a b", "target": "go"}]}'
)
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def commands(graph: Path, out: Path) -> list[list[str]]:
    """Every command that writes a file, writing ``out``."""
    g, o = str(graph), str(out)
    return [
        ["export", g, "--to", "dot", "-o", o],
        ["export", g, "--to", "tgf", "--id-map", o],
        ["score", g, "-o", o],
        ["extensions", g, "-o", o],
        ["check", g, "-o", o],
        ["import", str(graph.with_name("f.tgf")), "-o", o],
    ]


@pytest.mark.parametrize("index", range(6))
def test_an_output_under_a_file_is_one_clear_error(
    index: int, graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "f.tgf").write_text("a\n#\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    argv = commands(graph, blocker / "x.out")[index]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert (
        f"arggraph: error: {blocker / 'x.out'}: a part of the path is a file, not a folder" in err
    )
    assert "Traceback" not in err and blocker.read_text() == "not a folder"


def test_a_name_too_long_is_one_clear_error(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("n" * 300 + ".dot")
    code, _, err = run(["export", str(graph), "--to", "dot", "-o", str(out)], capsys)
    assert code == 2 and "the name is too long for the file system" in err


def test_a_long_name_that_fits_still_saves(tmp_path: Path) -> None:
    out = tmp_path / ("n" * 250 + ".json")  # its temporary file's name would not fit
    atomic_write(out, b"{}")
    assert out.read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.skipif(ROOT, reason="root may write any folder")
def test_a_folder_that_cannot_be_written_is_one_clear_error(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = run(
            ["export", str(graph), "--to", "dot", "-o", str(folder / "x.dot")], capsys
        )
    finally:
        folder.chmod(0o755)
    assert code == 2 and "permission denied: the folder cannot be written" in err


def test_permission_denied_on_the_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(FileAccessError, match="permission denied: the folder cannot be"):
        atomic_write(tmp_path / "x.json", b"{}")


def test_a_sheet_save_under_a_file_is_one_clear_error(graph: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    book = ScoreBook(Graph(loads(GRAPH).model), path=tmp_path / "file" / "s.json", scorer="u")
    book.set_base("go", 0.9)
    with pytest.raises(FileAccessError, match="a part of the path is a file, not a folder"):
        book.save()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_written_through_not_replaced(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run(["export", str(graph), "--to", "dot", "-o", str(fifo)], capsys)
    reader.join(timeout=20)
    assert code == 0 and received and received[0].startswith(b"// arggraph-diagram")
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == sorted(["g.json", "out.dot"])


def test_a_character_device_is_written_through() -> None:
    assert write_mode(os.devnull) == "through"  # looks only: /dev/null is not touched
    assert write_mode("/dev/stdout") == "through"
    assert write_mode("/dev/fd/1") == "through"
    assert write_mode(Path(tempfile.gettempdir()) / "new.json") == "replace"


@pytest.mark.skipif(ROOT, reason="as root a mistake here would replace the machine's /dev/null")
def test_export_to_dev_null_leaves_it_a_device(
    graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(["export", str(graph), "--to", "dot", "-o", os.devnull], capsys)
    assert code == 0 and Path(os.devnull).is_char_device()


def test_dev_stdout_is_stdout(graph: Path, capfd: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(graph), "--to", "apx", "-o", "/dev/stdout"])
    assert code == 0 and "att(a2,go)." in capfd.readouterr().out


def test_a_link_is_followed_and_stays_a_link(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real" / "map.dot"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "map.dot"
    link.symlink_to(real)
    code, _, _ = run(["export", str(graph), "--to", "dot", "-o", str(link)], capsys)
    assert code == 0 and link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("// arggraph-diagram")
    assert sorted(p.name for p in real.parent.iterdir()) == ["map.dot"]


def test_a_read_only_file_is_refused_and_kept(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.dot"
    out.write_text("mine", encoding="utf-8")
    out.chmod(0o444)
    code, _, err = run(["export", str(graph), "--to", "dot", "-o", str(out)], capsys)
    assert code == 2 and f"{out}: is read-only; not overwritten" in err
    assert out.read_text(encoding="utf-8") == "mine"


def dead_pid() -> int:
    """The number of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_save_removes_what_killed_saves_left_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "g.json"
    now = time.time()
    dead = dead_pid()
    left = {
        f".g.json.{dead}.ab12cd.tmp": now - STALE_AFTER - 60,  # killed: removed
        f".g.json.{dead}.ef34gh.tmp": now - 5,  # perhaps still being written: kept
        f".g.json.{os.getpid()}.ij56kl.tmp": now - STALE_AFTER - 60,  # alive: kept
        f".g.json.{os.getpid()}.mn78op.tmp": now - ABANDONED_AFTER - 60,  # a day: removed
        ".g.json.qr90st_u.tmp": now - STALE_AFTER - 60,  # no number (older saves): removed
        f".other.json.{dead}.vw12xy.tmp": now - ABANDONED_AFTER - 60,  # not ours: kept
    }
    for name, mtime in left.items():
        (tmp_path / name).write_bytes(b"half")
        os.utime(tmp_path / name, (mtime, mtime))
    atomic_write(target, b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "g.json",
            f".g.json.{dead}.ef34gh.tmp",
            f".g.json.{os.getpid()}.ij56kl.tmp",
            f".other.json.{dead}.vw12xy.tmp",
        ]
    )
    assert remove_stale_temporaries(target, now=now + ABANDONED_AFTER * 2) != []
