"""The format table: consistent, lazy, the one source of the CLI's choices, and open to a
new format as one entry (a toy format is added here and works through every command)."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from _support import result_body

from arggraph.cli import build_parser, main
from arggraph.formats import detect_format, export_format_for, registry
from arggraph.formats.losses import Loss
from arggraph.formats.registry import OPTIONS, Format
from arggraph.io import load, loads

ENTRIES = registry.FORMATS

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "a", "text": "claim a"},
        {"id": "b", "text": "claim b"},
        {"id": "c", "text": "claim c"},
    ],
    "relations": [
        {"type": "attack", "source": "a", "target": "b"},
        {"type": "attack", "source": "b", "target": "a"},
        {"type": "support", "source": "c", "target": "a"},
    ],
}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GRAPH), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- the table
def test_names_are_unique_and_lower_case() -> None:
    names = [f.name for f in ENTRIES]
    assert len(names) == len(set(names))
    for n in names:
        assert n == n.lower()
        assert n.isidentifier()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda f: f.name)
def test_reader_and_writer_resolve_to_functions(entry: Format) -> None:
    assert entry.reader is not None or entry.writer is not None
    if entry.reader is not None:
        assert callable(entry.load_reader())
    if entry.writer is not None:
        assert callable(entry.load_writer())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda f: f.name)
def test_flags_agree_with_each_other(entry: Format) -> None:
    for ext in (*entry.read_extensions, *entry.write_extensions):
        assert ext.startswith(".")
        assert ext == ext.lower()
    assert not entry.read_extensions or entry.reader is not None
    assert not entry.write_extensions or entry.writer is not None
    assert set(entry.options) <= set(OPTIONS)
    if entry.writer is None:
        assert not entry.binary
        assert not entry.diagram
        assert not entry.strengths
        assert not entry.base_scores
        assert not entry.draws_focus
        assert not entry.options
        assert not entry.writer_notes
        assert not entry.losses
    if entry.graphviz:
        assert entry.diagram
        assert "layout" in entry.options
    if entry.abstract:
        assert entry.reader is not None


@pytest.mark.parametrize("direction", ["read_extensions", "write_extensions"])
def test_each_extension_means_one_format_per_direction(direction: str) -> None:
    seen: dict[str, str] = {}
    for entry in ENTRIES:
        for ext in getattr(entry, direction):
            assert ext not in seen, f"{ext} is both {seen[ext]} and {entry.name}"
            seen[ext] = entry.name
    finder = (
        registry.by_read_extension
        if direction == "read_extensions"
        else registry.by_write_extension
    )
    for ext, name in seen.items():
        found = finder(f"some/file{ext.upper()}")
        assert found is not None
        assert found.name == name


def test_unknown_names_and_extensions() -> None:
    from arggraph.errors import UsageError

    with pytest.raises(UsageError, match="cannot export to 'kialo'; formats: dot, svg"):
        registry.for_export("kialo")
    with pytest.raises(UsageError, match="cannot import 'svg'; formats: argdown, aif"):
        registry.for_import("svg")
    assert registry.by_read_extension("x.svg") is None
    assert registry.by_write_extension("noextension") is None
    assert export_format_for("out.json") is None  # AIF is never guessed for .json output
    kialo = registry.get("kialo")
    assert kialo is not None
    with pytest.raises(UsageError, match="arggraph cannot write kialo"):
        kialo.load_writer()


def test_the_cut_losses_name_the_writers_limits() -> None:
    from arggraph.formats.dot import MAX_LINES
    from arggraph.formats.mermaid import MAX_CHARS

    for name, limit in [("dot", f"{MAX_LINES} lines"), ("mermaid", f"{MAX_CHARS} characters")]:
        changed = [loss for loss in registry.for_export(name).losses if loss.verb == "changed"]
        assert len(changed) == 1
        assert limit in changed[0].noun
        assert limit in changed[0].reason


def test_reading_the_table_imports_no_format_module() -> None:
    code = (
        "import sys\n"
        "from arggraph.formats import registry, detect_format\n"
        "from arggraph.cli import build_parser\n"
        "build_parser()\n"
        "detect_format('x.af'); registry.by_write_extension('x.svg')\n"
        "heavy = {'networkx', 'pydot', 'scipy', 'pysat'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "    or m.startswith('arggraph.formats.') and m.rsplit('.', 1)[1] not in\n"
        "    {'registry', 'losses', 'report', 'imported', 'escape'}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


# ---------------------------------------------------------------------- the CLI
def _choices(command: str, dest: str) -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if a.dest == dest)
    assert action.choices is not None
    return list(action.choices)


def test_cli_choices_are_the_table() -> None:
    assert _choices("export", "fmt") == [f.name for f in ENTRIES if f.writer is not None]
    assert _choices("import", "fmt") == [f.name for f in ENTRIES if f.reader is not None]
    assert _choices("export", "fmt") == [
        "dot",
        "svg",
        "png",
        "pdf",
        "mermaid",
        "argdown",
        "aif",
        "graphml",
        "apx",
        "tgf",
        "i23",
        "bag",
    ]
    assert set(_choices("import", "fmt")) == {
        "aif",
        "kialo",
        "argdown",
        "graphml",
        "apx",
        "tgf",
        "i23",
        "bag",
    }


@pytest.mark.parametrize(
    ("fmt", "option", "message"),
    [
        ("mermaid", "--cluster=actor", "--cluster applies to --to dot, svg, png, pdf only"),
        ("bag", "--rankdir=LR", "--rankdir applies to diagrams (dot, svg, png, pdf, mermaid)"),
        ("mermaid", "--layout=sfdp", "--layout applies to --to svg, png, pdf only, not mermaid"),
    ],
)
def test_option_applicability_comes_from_the_table(
    graph_file: Path, fmt: str, option: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["export", str(graph_file), "--to", fmt, option], capsys)
    assert code == 2
    assert out == ""
    assert message in err


# ---------------------------------------------------------------------- .af is i23
I23 = "p af 3\n1 2\n2 1\n3 1\n"


def test_af_imports_as_i23(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    af = tmp_path / "framework.AF"
    af.write_text(I23, encoding="utf-8")
    assert detect_format(af) == "i23"
    code, out, _ = run(["import", str(af)], capsys)
    assert code == 0
    g = loads(out)
    assert g.id == "framework"
    assert list(g.claims) == ["1", "2", "3"]
    assert {(r.source, r.target) for r in g.relations.values()} == {
        ("1", "2"),
        ("2", "1"),
        ("3", "1"),
    }


def test_af_exports_as_i23(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.af"
    code, stdout, err = run(["export", str(graph_file), "-o", str(out)], capsys)
    assert code == 0
    assert stdout == ""
    assert out.read_text(encoding="utf-8") == (
        "p af 3\n# name 1 a\n# name 2 b\n# name 3 c\n1 2\n2 1\n"
    )
    assert "arggraph: dropped: 1 support (i23 holds attacks only)" in err


def test_af_is_a_framework_for_extensions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    af = tmp_path / "framework.af"
    af.write_text(I23, encoding="utf-8")
    code, out, _ = run(
        ["extensions", str(af), "--semantics", "preferred", "--format", "json"], capsys
    )
    assert code == 0
    # 3 is unattacked and attacks 1, so 2 is defended: {2, 3} is the one preferred extension
    assert result_body(out) == {"semantics": "preferred", "extensions": [["2", "3"]]}
    code, out, _ = run(["extensions", str(af)], capsys)
    assert code == 0
    assert out.startswith(
        "grounded extension: 2 in, 1 out, 0 undecided\nin (2 claims):\n  2\n  3\n"
    )


def test_extensions_reads_json_as_arggraph(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # .json is AIF to `import`, but not an abstract framework: extensions reads arggraph/1
    code, out, _ = run(["extensions", str(graph_file)], capsys)
    assert code == 0
    assert "\nin (1 claim):\n  c\n" in out


# ---------------------------------------------------------------------- a new format
TOY_MODULE = '''
"""A toy format: one claim a line, its id, a tab, its text."""

from arggraph.formats.imported import ImportResult, fail
from arggraph.model import Claim, GraphModel


def write(graph):
    return "".join(f"{c.id}\\t{c.text}\\n" for c in graph.claims.values())


def read(text, *, path=None, graph_id=None):
    claims = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\\t" not in line:
            raise fail("expected ID<tab>TEXT", path, number)
        cid, claim_text = line.split("\\t", 1)
        claims.append(Claim(id=cid, text=claim_text))
    return ImportResult(GraphModel(id=graph_id or "toy", claims=claims))
'''


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Format:
    module_dir = tmp_path / "toy_module"
    module_dir.mkdir()
    (module_dir / "arggraph_toy_format.py").write_text(TOY_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(module_dir))
    monkeypatch.delitem(sys.modules, "arggraph_toy_format", raising=False)
    entry = Format(
        "toy",
        "one claim a line: its id, a tab, its text",
        read_extensions=(".toy",),
        write_extensions=(".toy",),
        reader="arggraph_toy_format:read",
        writer="arggraph_toy_format:write",
        losses=(Loss("relation", "toy holds claims only", lambda g, shown: len(g.relations)),),
    )
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, entry))
    return entry


def test_a_new_format_is_one_table_entry(
    toy: Format, graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "arggraph_toy_format" not in sys.modules  # nothing loads it until it is used
    assert "toy" in _choices("export", "fmt")
    assert "toy" in _choices("import", "fmt")

    code, out, err = run(["export", str(graph_file), "--to", "toy"], capsys)
    assert code == 0
    assert out == "a\tclaim a\nb\tclaim b\nc\tclaim c\n"
    assert err == "arggraph: dropped: 3 relations (toy holds claims only)\n"

    written = tmp_path / "map.toy"  # the format from the extension of -o
    code, out, err = run(
        ["export", str(graph_file), "-o", str(written), "--focus", "c", "--depth", "1"], capsys
    )
    assert code == 0
    assert out == ""
    assert err == "arggraph: dropped: 1 relation (toy holds claims only)\n"
    assert written.read_text(encoding="utf-8") == "a\tclaim a\nc\tclaim c\n"

    back = tmp_path / "back.json"  # the format from the extension of the input
    code, _, err = run(["import", str(written), "-o", str(back)], capsys)
    assert code == 0
    assert err == ""
    g = load(back)
    assert [(c.id, c.text) for c in g.claims.values()] == [("a", "claim a"), ("c", "claim c")]


def test_a_new_format_reads_stdin_and_reports_bad_files(
    toy: Format,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x\tfrom stdin\n")))
    code, out, _ = run(["import", "-", "--from", "toy"], capsys)
    assert code == 0
    assert loads(out).claim("x").text == "from stdin"
    bad = tmp_path / "bad.toy"
    bad.write_text("fine\tline\nno tab here\n", encoding="utf-8")
    code, out, err = run(["import", str(bad)], capsys)
    assert code == 2
    assert out == ""
    assert "bad.toy: line 2: expected ID<tab>TEXT" in err
    assert "Traceback" not in err


def test_a_new_format_takes_no_diagram_options(
    toy: Format, graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["export", str(graph_file), "--to", "toy", "--label", "id"], capsys)
    assert code == 2
    assert "--label applies to diagrams (dot, svg, png, pdf, mermaid) only" in err
