"""Terminal and report injection: text from a file or a path (a JSON key, an id, a file
name) never reaches stdout, stderr or a CI annotation as a raw control character: it is
escaped by :mod:`arggraph.text` wherever it is printed (issue: hostile input)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from arggraph.cli import main
from arggraph.text import github_data, github_property, inline

#: What a terminal obeys: C0 controls but tab and newline, DEL, C1 controls, and the
#: bidirectional controls that reorder what it shows.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: Clear the screen, then plant a clickable link (OSC 8).
EVIL = "\x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"


def evil_json(text: str) -> str:
    """``text`` as a JSON string literal with its controls escaped (valid JSON)."""
    return json.dumps(text)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_inert(*texts: str) -> None:
    for text in texts:
        found = RAW_CONTROL.search(text)
        assert found is None, f"raw {found.group()!r} in {text!r}"


def graph_text(claim_id: str, extra_key: str | None = None) -> str:
    extra = f", {evil_json(extra_key)}: 1" if extra_key is not None else ""
    return (
        '{"format": "arggraph/1", "id": "g", "claims": [{"id": "go", "text": "Go", '
        f'"kind": "position"}}, {{"id": {evil_json(claim_id)}, "text": "A"{extra}}}], '
        '"relations": [{"type": "support", "source": '
        f'{evil_json(claim_id)}, "target": "go"}}]}}'
    )


def test_inline_escapes_every_control_and_keeps_one_line() -> None:
    assert inline(EVIL + "\n\t\r\x9b\u202e") == (
        "\\x1b[2J\\x1b]8;;http://evil.example\\x07click\\x1b]8;;\\x07\\n\\t\\r\\x9b\\u202e"
    )
    assert_inert(inline("".join(map(chr, range(0x100)))))


def test_github_annotations_are_percent_encoded_and_inert() -> None:
    assert github_data("100% sure\nnext\r\x1b[2J") == "100%25 sure%0Anext\\x0d\\x1b[2J"
    assert github_property("a,b:c%d\n") == "a%2Cb%3Ac%25d%0A"


def test_an_error_naming_a_json_key_prints_no_escape_sequence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(graph_text("a", extra_key=EVIL), encoding="utf-8")
    code, out, err = run(["show", str(graph)], capsys)
    assert code == 2 and out == ""
    assert "unknown key" in err and "\\x1b]8;;http://evil.example\\x07" in err
    assert_inert(err)
    assert err.count("\n") == 1  # one message, one line


def test_a_file_name_with_escapes_is_escaped_in_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "x\x1b[2J\n.json"
    code, _, err = run(["show", str(name)], capsys)
    assert code == 2 and "x\\x1b[2J\\n.json: no such file" in err
    assert_inert(err)
    assert err.count("\n") == 1


def test_argparse_messages_quoting_arguments_are_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["show", "a.json", "b\x1b[2J.json"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and "b\\x1b[2J.json" in err
    assert_inert(err)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_check_output_is_inert_in_every_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "repo\x1b[31m"
    folder.mkdir()
    (folder / "g\x1b]8;;x\x07.json").write_text(graph_text("a" + EVIL), encoding="utf-8")
    (folder / "broken\x1b[2J.json").write_text(
        graph_text("b", extra_key="k\x9b1m"), encoding="utf-8"
    )
    code, out, err = run(["check", str(folder), "--format", fmt], capsys)
    assert code == 2  # the broken graph cannot be used; the other is still checked
    assert_inert(out, err)
    assert "broken\\x1b[2J.json" in err
    if fmt in ("json", "sarif"):
        data = json.loads(out)  # valid, and the ids are whole: escaped by JSON itself
        findings = data if fmt == "json" else data["runs"][0]["results"]
        ids = [i for f in findings for i in (f["ids"] if fmt == "json" else f["properties"]["ids"])]
        assert "a" + EVIL in ids
    if fmt == "github":
        findings = [line for line in out.splitlines() if line.startswith("::")]
        assert findings and all(line.count("::") == 2 for line in findings)
        assert any("[a\\x1b[2J\\x1b]8;;http://evil.example\\x07click" in f for f in findings)


def test_github_annotation_properties_encode_what_would_end_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "a,b:c%.json"
    graph.write_text(graph_text("x"), encoding="utf-8")
    code, out, _ = run(["check", str(graph), "--format", "github"], capsys)
    assert code == 0
    first = out.splitlines()[0]
    assert "file=" + str(tmp_path).replace(":", "%3A").replace(",", "%2C") in first
    assert "a%2Cb%3Ac%25.json," in first


def test_import_reports_quoting_the_file_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "f.tgf"
    source.write_text("a\x1b[2J\nb\u202e\n#\na\x1b[2J b\u202e\na\x1b[2J b\u202e\n", "utf-8")
    code, out, err = run(["import", str(source)], capsys)
    assert code == 0 and "repeated attack" in err
    assert_inert(out, err)
    assert json.loads(out)["relations"][0]["source"] == "a\x1b[2J"


def test_export_reports_quoting_the_graph_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(graph_text("a \x9b31m"), encoding="utf-8")
    out = tmp_path / "f.tgf"
    code, _, err = run(["export", str(graph), "--to", "tgf", "-o", str(out)], capsys)
    assert code == 0 and "renamed 1 claim id" in err and "a \\x9b31m" in err
    assert_inert(err)


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "{graph}", "--format", "json"],
        ["score", "{graph}", "--format", "json"],
        ["extensions", "{graph}", "--format", "json"],
        ["explain", "{graph}", "go", "--format", "json"],
        ["score", "{graph}"],
        ["show", "{graph}"],
    ],
)
def test_results_on_stdout_are_inert(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(graph_text("a\x9b2J\u202e\x7f"), encoding="utf-8")
    code, out, err = run([a.format(graph=graph) for a in argv], capsys)
    assert code == 0
    assert_inert(out, err)
