"""``arggraph import``: format detection, output, reports on stderr, located errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _support import realdata

from arggraph.cli import main
from arggraph.io import load, loads


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("name", "claims"),
    [
        ("aif/microtexts_nodeset6414.json", 6),
        ("kialo/should-hate-speech-be-illegal-6148.txt", 105),
        ("argdown/legalisation-softdrugs.argdown", 18),
        ("iccma/probo_ex1.apx", 5),
        ("iccma/probo_ex2.tgf", 6),
        ("iccma/taas-fudge_test.i23", 6),
    ],
)
def test_format_from_extension(name: str, claims: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["import", str(realdata(name))], capsys)
    assert code == 0
    g = loads(out)
    assert len(g.claims) == claims
    assert g.id == Path(name).name.split(".")[0]


@pytest.mark.realdata
def test_output_file_reports_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "qt30.json"
    code, out, err = run(
        ["import", str(realdata("aif/qt30_nodeset18317.json")), "-o", str(target), "--id", "qt30"],
        capsys,
    )
    assert code == 0
    assert out == ""
    assert "arggraph: dropped: 13 TA (transition) nodes (the order of the dialogue)" in err
    assert "arggraph: kept: 3 MA (rephrase) nodes as supports" in err
    g = load(target)
    assert g.id == "qt30"
    assert len(g.claims) == 14
    assert run(["show", str(target)], capsys)[0] == 0


def test_from_overrides_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "framework.txt"
    p.write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    code, _, err = run(["import", str(p)], capsys)  # .txt reads as Kialo: it is not
    assert code == 2
    assert "framework.txt: line 1: expected 'Discussion Title:" in err
    code, out, _ = run(["import", str(p), "--from", "apx"], capsys)
    assert code == 0
    assert len(loads(out).relations) == 1


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"p af 2\n1 2\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(["import", "-", "--from", "i23"], capsys)
    assert code == 0
    assert loads(out).id == "imported"
    code, _, err = run(["import", "-"], capsys)
    assert code == 2
    assert "reading stdin needs --from" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.unknown", b"whatever", "cannot tell the format of"),
        ("x.json", b"", "the file is empty"),
        ("x.apx", b"arg(a).\n\xff\n", "not UTF-8 text"),
        (
            "x.json",
            b'{"nodes": [{"nodeID": 1}], "edges": []}',
            "x.json: nodes[0].type: node 1 has no type",
        ),
        ("x.bag", b"arg(a, 0.5).\narg(b 0.5).\n", "x.bag: line 2: expected arg(NAME, BASE)."),
        ("x.argdown", b"// nothing\n", "no statements or arguments"),
    ],
)
def test_bad_files_exit_2_with_place(
    tmp_path: Path, name: str, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    code, out, err = run(["import", str(p)], capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["import", str(tmp_path / "nope.json")], capsys)
    assert code == 2
    assert "no such file" in err


@pytest.mark.realdata
def test_import_then_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = realdata("iccma/probo_ex3.apx")
    graph = tmp_path / "ex3.json"
    assert run(["import", str(src), "-o", str(graph)], capsys)[0] == 0
    code, out, _ = run(["export", str(graph), "--to", "apx"], capsys)
    assert code == 0
    assert out == src.read_text()
    json.loads(graph.read_text())
