"""`arggraph score` and `arggraph explain` on the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "title": "Hold or go",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay \x1b[31m red", "kind": "position"},
        {"id": "e1", "text": "E1", "kind": "evidence", "base": 0.6},
        {"id": "x", "text": "X", "base": 0.3},
    ],
    "relations": [
        {"type": "support", "source": "e1", "target": "go"},
        {"type": "attack", "source": "x", "target": "stay"},
    ],
}
SHEET = {
    "format": "arggraph-scores/1",
    "graph": "g",
    "scorer": "ana",
    "scores": {"x": {"base": 0.9}},
    "weights": {"support:e1->go": {"weight": 0.5}},
}


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    p = tmp_path / "g.json"
    p.write_text(json.dumps(GRAPH), encoding="utf-8")
    return p


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", str(graph), "--format", "json")
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert data["semantics"] == "dfquad"
    assert list(data["strengths"]) == ["go", "stay", "e1", "x"]
    assert data["strengths"]["go"] == pytest.approx(0.5 + 0.5 * 0.6)
    assert data["strengths"]["stay"] == pytest.approx(0.5 - 0.5 * 0.3)


def test_semantics_option(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", str(graph), "--format", "json", "--semantics", "euler")
    assert code == 0
    assert json.loads(out)["semantics"] == "euler"
    code, _, err = run(capsys, "score", str(graph), "--semantics", "hcat")
    assert code == 2
    assert "attacks only" in err
    assert "support:e1->go" in err


def test_csv(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", str(graph), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["claim"] for r in rows] == ["go", "stay", "e1", "x"]
    assert float(rows[0]["strength"]) == pytest.approx(0.8)
    assert rows[2]["kind"] == "evidence"
    assert float(rows[2]["base"]) == 0.6


def test_table(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", str(graph))
    assert code == 0
    lines = out.splitlines()
    assert "Hold or go" in lines[0]
    assert "DF-QuAD" in lines[0]
    body = [ln for ln in lines[2:] if ln.strip() and not ln.startswith("verdict")]
    assert [ln.split()[4] for ln in body] == ["go", "stay", "e1", "x"]
    assert "\x1b" not in out
    assert "\\x1b[31m" in out
    assert "verdict: go leads stay by 0.4500 (0.8000 to 0.3500)" in out


def test_scores_sheet_applied(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text(json.dumps(SHEET), encoding="utf-8")
    code, out, _ = run(capsys, "score", str(graph), "--format", "json", "--scores", str(sheet))
    assert code == 0
    s = json.loads(out)["strengths"]
    assert s["x"] == 0.9
    assert s["stay"] == pytest.approx(0.5 - 0.5 * 0.9)
    assert s["go"] == pytest.approx(0.5 + 0.5 * 0.3)


def test_sheet_with_unknown_ids(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text(json.dumps({**SHEET, "scores": {"xx": {"base": 0.1}}}), encoding="utf-8")
    code, _, err = run(capsys, "score", str(graph), "--scores", str(sheet))
    assert code == 2
    assert f"{sheet}: scores['xx']: no claim with id 'xx'; did you mean 'x'?" in err
    sheet.write_text(
        json.dumps({**SHEET, "weights": {"attack:q->go": {"weight": 0.1}}}), encoding="utf-8"
    )
    code, _, err = run(capsys, "score", str(graph), "--scores", str(sheet))
    assert code == 2
    assert "weights['attack:q->go']: no relation" in err
    # An id of the other kind: what it is, not the nearest ids of the kind wanted.
    sheet.write_text(
        json.dumps({**SHEET, "scores": {"support:e1->go": {"base": 0.1}}}), encoding="utf-8"
    )
    code, _, err = run(capsys, "score", str(graph), "--scores", str(sheet))
    assert code == 2
    assert 'it is a relation: weigh it under "weights"' in err and "did you mean" not in err
    sheet.write_text(json.dumps({**SHEET, "weights": {"e1": {"weight": 0.1}}}), encoding="utf-8")
    code, _, err = run(capsys, "score", str(graph), "--scores", str(sheet))
    assert code == 2
    assert 'it is a claim: score its base under "scores"' in err


def test_a_graph_given_as_a_sheet_and_a_sheet_as_a_graph_are_named_for_what_they_are(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line that says what the file is, not the keys one kind has and the other lacks
    ("format ... is not ... (and 9 more problems)")."""
    sheet = tmp_path / "s.json"
    sheet.write_text(json.dumps(SHEET), encoding="utf-8")
    code, _, err = run(capsys, "score", str(graph), "--scores", str(graph))
    assert code == 2
    assert err.startswith(f"arggraph: error: {graph}: format: ")
    assert "this is a graph (format 'arggraph/1'), not a score sheet (arggraph-scores/1)" in err
    assert "more problems" not in err
    code, _, err = run(capsys, "score", str(sheet))
    assert code == 2
    assert "this is a score sheet (format 'arggraph-scores/1'), not a graph" in err
    assert "more problems" not in err


def test_unknown_semantics_is_exit_2(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["score", str(graph), "--semantics", "grounded"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_bad_graph_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "score", str(bad))
    assert code == 2
    assert out == ""
    assert str(bad) in err
    assert "Traceback" not in err


def test_convergence_failure_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mutual DF-QuAD attack with bases 1 oscillates until damped; with the round budget
    cut to 3 it cannot settle, and the command says so instead of printing numbers."""
    import functools

    from arggraph.semantics import gradual

    cyc = {
        "format": "arggraph/1",
        "id": "c",
        "claims": [{"id": "a", "text": "A", "base": 1.0}, {"id": "b", "text": "B", "base": 1.0}],
        "relations": [
            {"type": "attack", "source": "a", "target": "b"},
            {"type": "attack", "source": "b", "target": "a"},
        ],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(cyc), encoding="utf-8")
    monkeypatch.setattr(gradual, "strengths", functools.partial(gradual.strengths, max_rounds=3))
    # Newton's method finishes what iteration cannot; here it is made to fail as well.
    from arggraph.semantics import _newton

    def stalled(x0: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, bool]:
        return x0, 0.5, False

    monkeypatch.setattr(_newton, "solve", stalled)
    code, out, err = run(capsys, "score", str(path), "--format", "json")
    assert code == 2
    assert out == ""
    assert "no fixed point within tolerance 1e-09 after 3 rounds" in err
    assert "residual left 0.5" in err
    assert "'a'" in err
    assert "'b'" in err
    assert f"{path}: " in err  # the message names the file
    assert "Traceback" not in err


def test_output_file(graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "out.json"
    code, out, _ = run(capsys, "score", str(graph), "--format", "json", "-o", str(out_path))
    assert code == 0
    assert out == ""
    assert json.loads(out_path.read_text(encoding="utf-8"))["semantics"] == "dfquad"


def test_explain_writes_its_result_with_o_as_to_stdout(
    graph: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("json", "table"):
        code, printed, _ = run(capsys, "explain", str(graph), "go", "--format", fmt)
        assert code == 0
        out_path = tmp_path / f"explained.{fmt}"
        code, out, _ = run(
            capsys, "explain", str(graph), "go", "--format", fmt, "-o", str(out_path)
        )
        assert (code, out) == (0, "")
        assert out_path.read_text(encoding="utf-8") == printed
    code, _, err = run(capsys, "explain", str(graph), "go", "-o", str(graph))
    assert code == 2 and "which this command reads" in err


def test_explain_json(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", str(graph), "stay", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["topic"] == "stay"
    assert data["strength"] == pytest.approx(0.35)
    assert data["contributions"] == [
        {
            "claim": "x",
            "removal": pytest.approx(-0.15),
            "bound": pytest.approx(0.15),
            "gradient": pytest.approx(-0.5),
            "path": ["x", "stay"],
        }
    ]
    assert data["weights"] == {"attack:x->stay": pytest.approx(-0.15)}
    v = data["verdict"]
    assert v["leader"] == "go"
    assert v["margin"] == pytest.approx(0.45)
    assert v["flip_points"] == {"x": None}


def test_explain_table_and_top(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", str(graph), "go", "--top", "1")
    assert code == 0
    assert "claim     go: Go" in out
    assert "verdict   go leads stay" in out
    assert "e1 -> go" in out
    assert "flips at" in out
    code, out, _ = run(capsys, "explain", str(graph), "go", "--no-verdict")
    assert "verdict" not in out
    assert "flips at" not in out


def test_explain_unknown_claim(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", str(graph), "stya")
    assert code == 2
    assert out == ""
    assert "no claim with id 'stya'; did you mean 'stay'?" in err
    assert str(graph) in err


def test_explain_top_json_bounds_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A chain of 80 claims, each attacking the one before: influence fades with depth, so
    # --top 3 computes the three largest removals exactly and leaves the far end as
    # bounds only (removal null).
    n = 80
    claims = [{"id": f"c{i}", "text": f"C{i}", "base": 0.2 + 0.6 * i / n} for i in range(n)]
    relations = [{"type": "attack", "source": f"c{i + 1}", "target": f"c{i}"} for i in range(n - 1)]
    p = tmp_path / "chain.json"
    p.write_text(
        json.dumps({"format": "arggraph/1", "id": "w", "claims": claims, "relations": relations}),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "explain", str(p), "c0", "--top", "3", "--format", "json")
    assert code == 0
    rows = json.loads(out)["contributions"]
    full_code, full_out, _ = run(capsys, "explain", str(p), "c0", "--format", "json")
    assert full_code == 0
    exact = {r["claim"]: r["removal"] for r in json.loads(full_out)["contributions"]}
    assert None not in exact.values()
    best = sorted(exact, key=lambda c: -abs(exact[c]))[:3]
    assert [r["claim"] for r in rows[:3]] == best
    assert [r["removal"] for r in rows[:3]] == pytest.approx([exact[c] for c in best])
    assert len(rows) == 3
    assert json.loads(out)["top_complete"] is True
    for r in rows:
        assert r["bound"] >= abs(exact[r["claim"]]) - 1e-12
    code, out, _ = run(capsys, "explain", str(p), "c0", "--top", "3")
    assert code == 0
    # The largest bound left: c17's, the first claim past the exact chunk.
    assert "... and 76 more, each moving it by at most 0.0014 " in out
    assert "too loose" not in out


def test_explain_top_says_when_bounds_cannot_prove_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 200 attackers of one claim: each attacker's bound (its strength times the largest
    # slope of DF-QuAD) is far above its real effect (damped by 199 others), so the
    # budget of exact removals runs out before the top one is proven.
    n = 200
    claims: list[dict[str, Any]] = [{"id": "t", "text": "T", "base": 0.9}]
    claims += [{"id": f"a{i}", "text": f"A{i}", "base": 0.5} for i in range(n)]
    relations = [{"type": "attack", "source": f"a{i}", "target": "t"} for i in range(n)]
    p = tmp_path / "wide.json"
    p.write_text(
        json.dumps({"format": "arggraph/1", "id": "w", "claims": claims, "relations": relations}),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "explain", str(p), "t", "--top", "1", "--format", "json")
    assert code == 0
    assert json.loads(out)["top_complete"] is False
    code, out, _ = run(capsys, "explain", str(p), "t", "--top", "1")
    assert "too loose to prove" in out


def test_explain_contributor_is_exact_whatever_top_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = 80
    claims = [{"id": f"c{i}", "text": f"C{i}", "base": 0.2 + 0.6 * i / n} for i in range(n)]
    relations = [{"type": "attack", "source": f"c{i + 1}", "target": f"c{i}"} for i in range(n - 1)]
    p = tmp_path / "chain.json"
    p.write_text(
        json.dumps({"format": "arggraph/1", "id": "w", "claims": claims, "relations": relations}),
        encoding="utf-8",
    )
    _, full, _ = run(capsys, "explain", str(p), "c0", "--format", "json")
    exact = {r["claim"]: r["removal"] for r in json.loads(full)["contributions"]}
    code, out, _ = run(
        capsys, "explain", str(p), "c0", "--top", "2", "--contributor", "c60", "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)["contributions"]
    assert [r["claim"] for r in rows] == ["c1", "c2", "c60"]
    assert rows[2]["removal"] == pytest.approx(exact["c60"], abs=1e-12)
    code, out, _ = run(capsys, "explain", str(p), "c0", "--top", "2", "--contributor", "c600")
    assert code == 2
    code, out, _ = run(capsys, "explain", str(p), "c0", "--top", "2", "--contributor", "c60")
    assert "... and 76 more" in out


def test_a_change_too_small_to_show_is_not_negative_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g.json"
    path.write_text(
        '{"id": "g", "claims": [{"id": "p", "text": "P", "kind": "position"},'
        ' {"id": "faint", "text": "F", "base": 0.0001}],'
        ' "relations": [{"type": "attack", "source": "faint", "target": "p"}]}',
        encoding="utf-8",
    )
    assert main(["score", str(path)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if " p " in line)
    assert row.split()[:3] == ["0.5000", "0.500", "+0.000"]


def test_ids_that_differ_by_an_invisible_character_print_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``a`` and ``a`` with a trailing no-break space are two positions: the table and
    the verdict must not print them alike."""
    g = tmp_path / "nb.json"
    g.write_text(
        json.dumps(
            {
                "claims": [
                    {"id": "a\u00a0", "text": "A", "kind": "position"},
                    {"id": "a", "text": "B", "kind": "position"},
                ]
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "score", str(g))
    assert code == 0
    assert "verdict: tie between a\\xa0, a at 0.5000" in out
    assert "  a\\xa0  A" in out


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_led_by_an_apostrophe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = tmp_path / "inj.json"
    g.write_text(
        json.dumps(
            {
                "claims": [
                    {"id": '=HYPERLINK("http://x")', "text": "T", "kind": "position"},
                    {"id": "@sum", "text": "U"},
                    {"id": "plain", "text": "V"},
                ],
                "relations": [{"type": "attack", "source": "@sum", "target": "plain"}],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "score", str(g), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x")', "'@sum", "plain"]
    assert rows[1][2:] == ["0.5", "0.5"]  # numbers as they are


@pytest.mark.slow
def test_explain_says_so_when_the_bounds_bound_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a dense random graph with cycles every bound is 1, which says nothing (a
    strength moves by 1 at most anyway): the table says the rest are not bounded, not
    "each moving it by at most 1.0000"."""
    import random

    rng = random.Random(3)
    n = 400
    ends: set[tuple[int, int, bool]] = set()
    while len(ends) < 3 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            ends.add((a, b, rng.random() < 0.6))
    doc = {
        "claims": [{"id": f"c{i}", "text": f"C{i}"} for i in range(n)],
        "relations": [
            {"type": "attack" if t else "support", "source": f"c{a}", "target": f"c{b}"}
            for a, b, t in ends
        ],
    }
    p = tmp_path / "dense.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = run(capsys, "explain", str(p), "c5", "--top", "3")
    assert code == 0
    assert "more, not bounded here" in out
    assert "at most 1.0000" not in out


@pytest.mark.parametrize("command", [["score"], ["explain", "go"], ["check"], ["show"]])
def test_an_unknown_option_is_told_with_the_command_s_own_usage(
    command: list[str], graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not with the top level's usage (``usage: arggraph [-h] [--version] COMMAND``),
    which says nothing of the command's options."""
    with pytest.raises(SystemExit) as info:
        main([command[0], str(graph), *command[1:], "--bogus"])
    name = command[0]
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: arggraph {name} ")
    assert f"arggraph {name}: error: unrecognized arguments: --bogus" in err
