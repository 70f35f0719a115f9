"""Hostile text formats: an i23 count that would build billions of claims, digits
Python will not convert, and lone surrogates in text given to a reader (issue: hostile
input)."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from arggraph.cli import main
from arggraph.errors import ImportFormatError
from arggraph.formats import import_text
from arggraph.formats.iccma import MAX_ARGUMENTS, from_i23


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------------- i23 counts
def test_a_header_declaring_a_hundred_billion_arguments_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "big.i23"
    source.write_text("p af 100000000000\n", encoding="utf-8")
    started = time.perf_counter()
    for command in (["import", str(source)], ["extensions", str(source)]):
        code, out, err = run(command, capsys)
        assert code == 2 and out == ""
        assert f"{source}: line 1: 'p af 100000000000' declares 100,000,000,000" in err
        assert "--max-arguments N" in err
    assert time.perf_counter() - started < 5  # nothing was built per argument


def test_max_arguments_raises_and_lowers_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "af.i23"
    source.write_text("p af 3\n1 2\n", encoding="utf-8")
    code, _, err = run(["import", str(source), "--max-arguments", "2"], capsys)
    assert code == 2 and "declares 3 arguments, more than the 2" in err
    code, out, _ = run(["import", str(source), "--max-arguments", "3"], capsys)
    assert code == 0 and [c["id"] for c in json.loads(out)["claims"]] == ["1", "2", "3"]
    code, out, _ = run(["extensions", str(source), "--max-arguments", "3"], capsys)
    assert code == 0 and "grounded extension: 2 in, 1 out" in out


def test_the_cap_holds_for_stdin_and_the_library(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"p af 5\n")))
    code, _, err = run(["import", "-", "--from", "i23", "--max-arguments", "4"], capsys)
    assert code == 2 and "<stdin>: line 1: 'p af 5' declares 5 arguments" in err
    with pytest.raises(ImportFormatError, match="more than the 1,000,000"):
        from_i23(f"p af {MAX_ARGUMENTS + 1}\n")
    assert len(from_i23("p af 4\n", max_arguments=4).model.claims) == 4


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("p af ²\n", 1, "expected the header 'p af N'"),
        ("p af ٣\n1 2\n", 1, "expected the header 'p af N'"),
        ("p af 3\n1 ²\n", 2, "expected an attack 'i j'"),
        ("p af 3\n1 " + "9" * 5000 + "\n", 2, "is outside 1..3"),
        ("p af " + "9" * 5000 + "\n", 1, "more than 10**18 arguments"),
    ],
)
def test_i23_numbers_in_other_digits_or_too_long_are_errors_with_the_line(
    text: str, line: int, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "af.i23"
    source.write_text(text, encoding="utf-8")
    code, _, err = run(["import", str(source)], capsys)
    assert code == 2 and f"{source}: line {line}: " in err and expected in err


def test_apx_and_tgf_names_in_other_digits_are_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert [c.id for c in import_text("arg(²).\narg(٣).\natt(²,٣).\n", "apx").model.claims] == [
        "²",
        "٣",
    ]
    assert [c.id for c in import_text("² x\n٣\n#\n² ٣\n", "tgf").model.claims] == ["²", "٣"]


def test_a_raw_lone_surrogate_in_text_given_to_a_reader_is_refused_with_its_place() -> None:
    with pytest.raises(ImportFormatError, match="lone surrogate") as info:
        import_text("a1\nb\ud800 x\n#\n", "tgf", path="f.tgf")
    assert (info.value.line, info.value.column) == (2, 2)


def test_an_argdown_statement_number_too_long_is_an_error_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It raised ValueError from int() beyond Python's 4,300 digits (found by the fuzz
    test)."""
    source = tmp_path / "map.argdown"
    source.write_text("<A>\n\n(" + "9" * 4401 + ") It is cheap.\n----\n(2) [Go]\n")
    code, _, err = run(["import", str(source)], capsys)
    assert code == 2 and f"{source}: line 3: " in err
    assert "a statement numbered with 4,401 digits" in err
    source.write_text("<A>\n\n(" + "9" * 18 + ") It is cheap.\n----\n(2) [Go]\n")
    code, _, err = run(["import", str(source)], capsys)
    assert code == 0, err
