"""A blank ICCMA file is the empty framework, as a comment-only one is, in every command;
other formats still refuse an empty file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from arggraph.cli import main
from arggraph.io import loads

BLANKS = {
    "nothing": "",
    "a newline": "\n",
    "white space": " \t\n\r\n",
}
COMMENTS = {".apx": "% no arguments\n", ".i23": "# no arguments\n", ".af": "# none\n\n"}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def cases() -> list[tuple[str, str]]:
    out = [(ext, text) for ext in (".apx", ".tgf", ".i23", ".af") for text in BLANKS.values()]
    return out + list(COMMENTS.items())


@pytest.mark.parametrize(("ext", "text"), cases())
def test_import_reads_the_empty_framework(
    ext: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"empty{ext}"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["import", str(path)], capsys)
    assert (code, err) == (0, "")
    g = loads(out)
    assert (len(g.claims), len(g.relations), g.id) == (0, 0, "empty")


@pytest.mark.parametrize(("ext", "text"), cases())
def test_extensions_of_the_empty_framework(
    ext: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"empty{ext}"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["extensions", str(path), "--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["extensions"] == [[]]


@pytest.mark.parametrize("fmt", ["apx", "tgf", "i23"])
def test_blank_stdin_is_the_empty_framework(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n")))
    code, out, _ = run(["import", "-", "--from", fmt], capsys)
    assert code == 0
    assert loads(out).claims == {}


@pytest.mark.parametrize("name", ["x.json", "x.argdown", "x.graphml", "x.bag", "x.txt"])
def test_other_formats_still_refuse_a_blank_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_text("\n", encoding="utf-8")
    code, out, err = run(["import", str(path)], capsys)
    assert (code, out) == (2, "")
    assert f"{name}: the file is empty" in err
    assert "Traceback" not in err


def test_blank_stdin_is_still_refused_for_other_formats(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n")))
    code, _, err = run(["import", "-", "--from", "argdown"], capsys)
    assert code == 2
    assert "stdin is empty" in err


def test_content_without_a_header_is_still_no_i23_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.i23"
    path.write_text("# c\n1 2\n", encoding="utf-8")
    code, _, err = run(["import", str(path)], capsys)
    assert code == 2
    assert "f.i23: line 2: expected the header 'p af N'" in err
