"""A new user's first hour with the tables: ids whole unless stdout is a terminal (and
then a footnote says they were cut), CSV without iteration noise, and extensions that
can be read."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT, BAKHMUT_FIRST_EDITION, result_body

from arggraph.cli import main
from arggraph.io import load
from arggraph.semantics.dung import grounded_labels, grounded_relation_labels

LONG = "a-claim-whose-id-is-much-longer-than-twenty-four-characters"
GRAPH: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": LONG, "text": "A long claim " * 20},
        {"id": "e", "text": "E"},
    ],
    "relations": [
        {"type": "support", "source": LONG, "target": "go"},
        {"type": "attack", "source": "e", "target": LONG},
    ],
}
CUT = "(ids cut to fit the terminal; --format csv/json or a pipe gives them whole)"


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GRAPH), encoding="utf-8")
    return path


def terminal(monkeypatch: pytest.MonkeyPatch, columns: int = 80) -> None:
    """Make stdout (as captured for this test) a terminal this wide: call it in the
    test itself, once capturing has begun."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", str(columns))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


# ------------------------------------------------------------------ score
def test_score_in_a_pipe_keeps_ids_and_texts_whole(
    graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "score", str(graph))
    row = next(line for line in out.splitlines() if LONG in line)
    assert row.endswith(f"{LONG}  " + " ".join(["A long claim"] * 20))
    assert "…" not in out
    assert CUT not in out


def test_score_on_a_terminal_cuts_and_says_so(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch, 100)
    out = run(capsys, "score", str(graph))
    assert LONG not in out
    assert LONG[:23] + "…" in out
    assert all(len(line) <= 100 for line in out.splitlines())
    assert out.endswith(f"\n\n{CUT}\n")


def test_score_to_a_file_keeps_ids_whole_even_from_a_terminal(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch)
    target = tmp_path / "table.txt"
    run(capsys, "score", str(graph), "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert LONG in text
    assert CUT not in text


def test_score_on_a_wide_terminal_says_nothing_of_cuts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch)
    path = tmp_path / "short.json"
    short = {**GRAPH, "claims": [{**c, "text": "T"} for c in GRAPH["claims"][:1]]}
    short["relations"] = []
    path.write_text(json.dumps(short), encoding="utf-8")
    assert CUT not in run(capsys, "score", str(path))


# ------------------------------------------------------------------ explain
def test_explain_in_a_pipe_keeps_paths_whole(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # a pipe ignores the width
    out = run(capsys, "explain", str(graph), "go")
    assert f"e -> {LONG} -> go" in out
    assert f"support:{LONG}->go" in out
    assert "…" not in out
    assert "ids cut" not in out


def test_explain_on_a_terminal_cuts_and_says_so(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch)
    out = run(capsys, "explain", str(graph), "go")
    assert f"e -> {LONG} -> go" not in out
    assert "…" in out
    assert out.endswith("(ids cut to fit the terminal; --format json or a pipe gives them whole)\n")


# ------------------------------------------------------------------ csv and json
def test_csv_prints_strengths_to_the_tolerance_they_are_computed_to(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(run(capsys, "score", str(BAKHMUT_FIRST_EDITION), "--format", "csv"))
        )
    )
    exact = json.loads(run(capsys, "score", str(BAKHMUT_FIRST_EDITION), "--format", "json"))[
        "strengths"
    ]
    by_claim = {row["claim"]: row["strength"] for row in rows}
    assert by_claim["withdraw"] == "0.743743479"  # the engine's 0.7437434790033239
    for cid, text in by_claim.items():
        assert text == repr(round(float(text), 9)), text  # no digit past the 9th decimal
        assert float(text) == pytest.approx(exact[cid], abs=5e-10)


def test_json_keeps_full_floats_for_machines(capsys: pytest.CaptureFixture[str]) -> None:
    exact = json.loads(run(capsys, "score", str(BAKHMUT), "--format", "json"))["strengths"]
    assert exact["withdraw"] != round(exact["withdraw"], 9)


# ------------------------------------------------------------------ extensions
def test_grounded_text_has_counts_and_one_id_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "extensions", str(BAKHMUT))
    labels = grounded_labels(load(BAKHMUT))
    counts = {k: sum(1 for v in labels.values() if v == k) for k in ("in", "out", "undec")}
    lines = out.splitlines()
    assert lines[0] == (
        f"grounded extension: {counts['in']} in, {counts['out']} out, {counts['undec']} undecided"
    )
    assert lines[1] == f"in ({counts['in']} claims):"
    inside = sorted(c for c, v in labels.items() if v == "in")
    assert lines[2 : 2 + len(inside)] == [f"  {c}" for c in inside]
    assert f"out ({counts['out']} claims):" in lines
    # The map has linked premises and undercuts: its attacks follow, one id a line too.
    at = next(i for i, line in enumerate(lines) if line.startswith("attacks ("))
    assert max(len(line) for line in lines[:at]) < 80
    relations = grounded_relation_labels(load(BAKHMUT))
    standing = sorted(r for r, v in relations.items() if v == "in")
    assert lines[at + 1] == f"in ({len(standing)} relations):"
    assert lines[at + 2 : at + 2 + len(standing)] == [f"  {r}" for r in standing]


def test_extensions_have_a_numbered_header_with_their_size(
    graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "extensions", str(BAKHMUT), "--semantics", "preferred")
    lines = out.splitlines()
    assert lines[0] == "1 preferred extension"
    size = int(re.fullmatch(r"extension 1 of 1 \((\d+) claims\):", lines[1])[1])  # type: ignore[index]
    # Then the attacks that stand in it (the map has linked premises and undercuts).
    header = re.fullmatch(r"attacks standing in it \((\d+) relations\):", lines[2 + size])
    assert header is not None
    standing = int(header[1])
    assert len(lines) == 3 + size + standing
    assert all(line.startswith("  ") for line in lines[2 : 2 + size] + lines[3 + size :])


def test_extensions_on_a_terminal_wrap_ids_without_cutting_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal(monkeypatch)
    out = run(capsys, "extensions", str(BAKHMUT))
    lines = out.splitlines()
    # An id longer than the line stands alone on its line, whole.
    assert all(len(line) <= 80 or "," not in line.rstrip(",") for line in lines)
    listed = {i.strip() for line in lines if line.startswith("  ") for i in line.split(",")}
    listed.discard("")  # after the comma that ends a wrapped line
    graph = load(BAKHMUT)
    attacks = {r.id for r in graph.model.relations if r.type == "attack"}
    assert any(len(i) > 80 for i in attacks)  # the second edition has such relation ids
    # Claims, and attacks (arguments of their own: the map has linked premises).
    assert listed == set(graph.claims) | attacks


def test_extensions_json_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    data = result_body(run(capsys, "extensions", str(BAKHMUT_FIRST_EDITION), "--format", "json"))
    labels = grounded_labels(load(BAKHMUT_FIRST_EDITION))
    added = data.pop("labels")  # (added since, beside what was there: the labelling)
    assert data == {
        "semantics": "grounded",
        "extensions": [sorted(c for c, v in labels.items() if v == "in")],
    }
    assert added == {
        "claims": {
            name: sorted(c for c, v in labels.items() if v == key)
            for key, name in (("in", "in"), ("out", "out"), ("undec", "undecided"))
        }
    }


# ------------------------------------------------------------------ show and rules
def test_show_and_rules_cut_nothing_in_a_pipe(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    position = {**GRAPH["claims"][0], "id": LONG + "-position", "text": "P " * 60}
    wide = {**GRAPH, "claims": [position]}
    wide["relations"] = []
    graph.write_text(json.dumps(wide), encoding="utf-8")
    out = run(capsys, "show", str(graph))
    assert f"[{LONG}-position]" in out
    assert "P " * 59 in out
    out = run(capsys, "rules")
    assert "…" not in out
    assert "..." not in out
