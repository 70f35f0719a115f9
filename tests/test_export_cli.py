"""``arggraph export``: formats, options, what goes to stdout and stderr, exit codes."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pydot
import pytest
from _support import HOSTILE, needs_graphviz

from arggraph.cli import main
from arggraph.io import loads
from arggraph.text import terminal_safe

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "title": "Hold or go",
    "question": "Should we go?",
    "actors": [{"id": "ana", "name": "Ana", "kind": "analyst"}],
    "documents": [{"id": "d", "title": "Report"}],
    "claims": [
        {"id": "go", "text": "We go", "kind": "position"},
        {"id": "stay", "text": "We stay", "kind": "position"},
        {
            "id": "cheap",
            "text": "Going is cheap",
            "base": 0.8,
            "attributions": [{"actor": "ana", "document": "d", "quote": "cheap"}],
        },
        {"id": "risky", "text": "Going is risky", "kind": "evidence"},
    ],
    "relations": [
        {"type": "attack", "source": "go", "target": "stay"},
        {"type": "support", "source": "cheap", "target": "go"},
        {"type": "attack", "source": "risky", "target": "go", "weight": 0.5},
    ],
}
SHEET = {
    "format": "arggraph-scores/1",
    "graph": "g",
    "scorer": "bo",
    "scores": {"cheap": {"base": 0.2}},
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "g.json"
    p.write_text(json.dumps(GRAPH), encoding="utf-8")
    return p


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_dot_to_stdout_with_strengths(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from arggraph.semantics.gradual import score

    code, out, err = run(["export", str(path), "--to", "dot"], capsys)
    # stderr names only what the diagram cannot show
    assert code == 0
    assert err.splitlines() == [
        "arggraph: dropped: 1 quote (a diagram shows no quotes)",
        "arggraph: dropped: 1 speaker of a claim (--label actors names them)",
        "arggraph: dropped: 1 document (only --cluster document names them)",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert pydot.graph_from_dot_data(out) is not None
    strengths = score(loads(json.dumps(GRAPH)))
    assert f"{strengths['go']:.2f}" in out
    assert "DF-QuAD" in out
    code, plain, _ = run(["export", str(path), "--to", "dot", "--semantics", "none"], capsys)
    assert code == 0
    assert "base 0.50" not in plain
    assert "DF-QuAD" not in plain
    code, qe, _ = run(["export", str(path), "--to", "dot", "--semantics", "qe"], capsys)
    assert "quadratic energy" in qe


def test_score_sheet_changes_strength_and_bag_base(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text(json.dumps(SHEET), encoding="utf-8")
    _, out, _ = run(["export", str(path), "--to", "bag", "--scores", str(sheet)], capsys)
    assert "arg(cheap, 0.2)." in out
    _, dot, _ = run(["export", str(path), "--to", "dot", "--scores", str(sheet)], capsys)
    assert "base 0.20" in dot
    wrong = tmp_path / "w.json"
    wrong.write_text(json.dumps({**SHEET, "graph": "other"}), encoding="utf-8")
    code, _, err = run(["export", str(path), "--to", "dot", "--scores", str(wrong)], capsys)
    assert code == 2
    assert "not 'g'" in err


@needs_graphviz
@pytest.mark.parametrize(
    ("name", "magic"), [("map.svg", b"<?xml"), ("map.png", b"\x89PNG"), ("map.pdf", b"%PDF")]
)
def test_pictures_to_files(
    path: Path, tmp_path: Path, name: str, magic: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    code, stdout, err = run(
        [
            "export",
            str(path),
            "-o",
            str(out),
            "--label",
            "actors",
            "--cluster",
            "actor",
            "--rankdir",
            "LR",
            "--layout",
            "dot",
        ],
        capsys,
    )
    assert code == 0
    assert stdout == ""
    assert err.splitlines() == [
        "arggraph: dropped: 1 quote (a diagram shows no quotes)",
        "arggraph: dropped: 1 document (only --cluster document names them)",
    ]
    assert out.read_bytes().startswith(magic)


def test_binary_refused_on_a_terminal(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("arggraph.cli.export._stdout_is_terminal", lambda: True)
    code, out, err = run(["export", str(path), "--to", "png"], capsys)
    assert code == 2
    assert out == ""
    assert "PNG is binary" in err
    assert "-o FILE.png" in err


def test_missing_graphviz(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("arggraph.formats.render.shutil.which", lambda name: None)
    code, out, err = run(["export", str(path), "--to", "svg"], capsys)
    assert code == 2
    assert out == ""
    assert "apt-get install graphviz" in err
    assert "--to dot" in err
    assert "Traceback" not in err
    # the DOT text needs no Graphviz
    assert run(["export", str(path), "--to", "dot"], capsys)[0] == 0


def test_interchange_formats_and_reports(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", str(path), "--to", "apx"], capsys)
    assert code == 0
    assert out == "arg(go).\narg(stay).\narg(cheap).\narg(risky).\natt(go,stay).\natt(risky,go).\n"
    assert "arggraph: dropped: 1 support (apx holds attacks only)" in err
    assert "arggraph: dropped: 1 attack weight" in err
    code, out, err = run(["export", str(path), "--to", "aif"], capsys)
    assert code == 0
    assert {n["type"] for n in json.loads(out)["nodes"]} >= {"I", "RA", "CA"}
    for fmt in ("mermaid", "argdown", "graphml", "tgf", "i23", "bag"):
        code, out, _ = run(["export", str(path), "--to", fmt], capsys)
        assert code == 0, fmt
        assert out, fmt


def test_focus_applies_to_every_format(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        ["export", str(path), "--to", "apx", "--focus", "risky", "--depth", "1"], capsys
    )
    assert out == "arg(go).\narg(risky).\natt(risky,go).\n"
    _, out, _ = run(
        ["export", str(path), "--to", "dot", "--focus", "risky", "--depth", "1"], capsys
    )
    assert "around risky (depth 1)" in out


def test_output_file_and_format_from_extension(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.argdown"
    code, stdout, _ = run(["export", str(path), "-o", str(out)], capsys)
    assert code == 0
    assert stdout == ""
    assert out.read_text(encoding="utf-8").startswith("===\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "map.foo"], "say which format with --to"),
        ([], "say which format with --to"),
        (["--to", "apx", "--cluster", "actor"], "--cluster applies to --to dot, svg, png, pdf"),
        (["--to", "dot", "--layout", "sfdp"], "--layout applies to --to svg, png, pdf"),
        (["--to", "aif", "--label", "id"], "--label applies to diagrams"),
        (["--to", "dot", "--depth", "2"], "--depth needs --focus CLAIM"),
        (["--to", "dot", "--focus", "chep"], "no claim with id 'chep'; did you mean 'cheap'?"),
        (["--to", "dot", "--focus", "cheap", "--depth", "-1"], "--depth must be 0 or more"),
    ],
)
def test_usage_errors(
    path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["export", str(path), *args], capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_bad_graph_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "arggraph/1", "id": "g", "claims": [}', encoding="utf-8")
    code, out, err = run(["export", str(bad), "--to", "dot"], capsys)
    assert code == 2
    assert out == ""
    assert "bad.json: line 1" in err


def test_text_export_on_a_terminal_shows_control_characters_as_escapes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Claims holding terminal escapes reach a terminal as visible escapes; a pipe gets
    the export as it is (lossless)."""
    piped = run(["export", str(HOSTILE), "--to", "argdown"], capsys)[1]
    assert "\x1b" in piped
    monkeypatch.setattr("arggraph.cli.common.to_terminal", lambda out=None: True)
    code, shown, _ = run(["export", str(HOSTILE), "--to", "argdown"], capsys)
    assert code == 0
    assert "\x1b" not in shown and "\\x1b" in shown
    assert shown == terminal_safe(piped)
