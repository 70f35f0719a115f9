"""Messages that quote a file: a control character in a JSON string is named as an
escape (not cut off), and a long value is quoted shortened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arggraph.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("raw", "shown", "write"),
    [("\x00", "\\x00", "\\u0000"), ("\t", "\\t", "\\t"), ("\x1b", "\\x1b", "\\u001b")],
)
def test_a_raw_control_character_in_a_string_is_named(
    raw: str, shown: str, write: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g.json"
    path.write_text(
        '{"claims": [{"id": "a", "text": "A' + raw + 'B", "base": 2}]}', encoding="utf-8"
    )
    for command in ("show", "check"):
        code, err = run(capsys, command, str(path))
        assert code == 2
        place = f"{path}:1:35" if command == "check" else f"{path}: line 1, column 35"
        assert err.splitlines()[0] == (
            f"arggraph: error: {place}: malformed JSON: a control character "
            f"({shown}) inside a string, where JSON allows it only escaped: write {write}"
        )
        assert raw not in err


def test_an_escaped_nul_near_a_schema_error_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g.json"
    data = {"claims": [{"id": "a\x00b", "text": "A\x00", "kind": "x\x00y"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    code, err = run(capsys, "show", str(path))
    assert code == 2
    assert "got 'x\\x00y' (claim 'a\\x00b')" in err
    assert "\x00" not in err


def test_a_base_score_of_4000_digits_is_quoted_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digits = "1" * 4000
    bag = tmp_path / "af.bag"
    bag.write_text(f"arg(a, {digits}).\narg(b, 0.{digits}x).\n", encoding="utf-8")
    code, err = run(capsys, "import", str(bag), "-o", str(tmp_path / "out.json"))
    assert code == 2
    assert "the base score of 'a' must be between 0 and 1, not 1111" in err
    assert len(err.replace(str(bag), "")) < 160  # (the value cut short, whatever the path)
    bag.write_text(f"arg(b, 0.{digits}x).\n", encoding="utf-8")
    code, err = run(capsys, "import", str(bag), "-o", str(tmp_path / "out.json"))
    assert code == 2
    assert "the base score of 'b' is not a number: '0.111" in err and "…'" in err
    assert len(err.replace(str(bag), "")) < 160
    graph = tmp_path / "g.json"
    graph.write_text('{"claims": [{"id": "a", "text": "A", "base": ' + digits + "}]}")
    code, err = run(capsys, "show", str(graph))
    assert code == 2 and "1" * 100 not in err


def test_a_long_line_of_another_format_is_quoted_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tgf = tmp_path / "af.tgf"
    tgf.write_text("a\nb\n#\na " + "\x00c" * 2000 + "\n", encoding="utf-8")
    code, err = run(capsys, "import", str(tgf), "-o", str(tmp_path / "out.json"))
    assert code == 2
    assert "edge a \\x00c\\x00c" in err and "…', which is not a node" in err
    assert len(err.replace(str(tgf), "")) < 200  # (cut short, whatever the path)
    i23 = tmp_path / "af.i23"
    i23.write_text("p af 2\n1 2 " + "\x00x" * 2000 + "\n", encoding="utf-8")
    code, err = run(capsys, "import", str(i23), "-o", str(tmp_path / "out.json"))
    assert code == 2
    assert "found '1 2 \\x00x\\x00x" in err and "…'" in err
    assert len(err.replace(str(i23), "")) < 200  # (cut short, whatever the path)
