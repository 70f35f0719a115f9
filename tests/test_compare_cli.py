"""`arggraph compare`: a panel's sheets side by side on the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _support import BAKHMUT, FIXTURES, needs_bakhmut

from arggraph.cli import main
from arggraph.io import load, load_scores
from arggraph.panel import is_consensus

PANEL = FIXTURES / "panel"
SHEETS = [str(PANEL / f"{name}.json") for name in ("ana", "ben", "cy")]

GRAPH = {
    "format": "arggraph/1",
    "id": "g",
    "title": "Go or stay",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "stay", "text": "Stay", "kind": "position"},
        {"id": "gain", "text": "Gain", "base": 0.6},
        {"id": "cost", "text": "Cost \x1b[31m red"},
    ],
    "relations": [
        {"type": "support", "source": "gain", "target": "go"},
        {"type": "attack", "source": "cost", "target": "go"},
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_sheet(path: Path, scorer: str, scores: dict[str, float], graph: str = "g") -> Path:
    path.write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": graph,
                "scorer": scorer,
                "scores": {k: {"base": v} for k, v in scores.items()},
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, list[str]]:
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps(GRAPH), encoding="utf-8")
    sheets = [
        write_sheet(tmp_path / "ana.json", "ana", {"cost": 0.1}),
        write_sheet(tmp_path / "ben.json", "ben", {"cost": 0.9}),
        write_sheet(tmp_path / "cy.json", "cy", {"cost": 0.3, "gain": 0.65}),
    ]
    return graph, [str(s) for s in sheets]


# ---------------------------------------------------------------------- the bundled panel
@needs_bakhmut
def test_compare_names_the_decisive_disagreements(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", str(BAKHMUT), *SHEETS)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == "Bakhmut, 2023: withdraw or hold?: DF-QuAD, 3 scorers, consensus = median"
    assert lines[3].startswith("ana     withdraw leads hold by ")
    assert lines[4].startswith("ben     hold leads withdraw by ")
    assert lines[5].startswith("cy      withdraw leads hold by ")
    assert lines[6].startswith("median  withdraw leads hold by ")
    assert lines[8].startswith(
        "not robust: withdraw leads under the median (dfquad), but hold leads for ben under "
        "dfquad; hcat left out"
    )
    head = next(i for i, line in enumerate(lines) if line.lstrip().startswith("swing"))
    first = lines[head + 1].split()
    assert first[1:4] == ["flips", "at", "0.667"]
    assert first[4:7] == ["(0.50)", "0.70", "(0.50)"]
    assert first[8:10] == ["base", "hold"]
    assert "1 decisive: hold (each alone turns the median's verdict within the panel's range)" in (
        lines
    )
    assert "(0.50): left out by that scorer; the graph's own value counts" in lines


@needs_bakhmut
def test_a_folder_of_sheets_is_the_same_panel(capsys: pytest.CaptureFixture[str]) -> None:
    _, by_files, _ = run(capsys, "compare", str(BAKHMUT), *SHEETS)
    code, by_folder, err = run(capsys, "compare", str(BAKHMUT), str(PANEL))
    assert code == 0
    assert err == ""
    assert by_folder == by_files


@needs_bakhmut
def test_json_lists_every_claim_and_relation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", str(BAKHMUT), *SHEETS, "--format", "json")
    assert code == 0
    data = json.loads(out)
    graph = load(BAKHMUT)
    assert len(data["items"]) == len(graph.claims) + len(graph.relations)
    assert [s["name"] for s in data["scorers"]] == ["ana", "ben", "cy"]
    assert [s["verdict"]["leader"] for s in data["scorers"]] == ["withdraw", "hold", "withdraw"]
    assert data["consensus_verdict"]["leader"] == "withdraw"
    assert data["robustness"]["robust"] is False
    assert data["robustness"]["leaders"]["dfquad"]["ben"] == "hold"
    assert data["robustness"]["leaders"]["qe"]["ben"] == "withdraw"
    assert "hcat" in data["robustness"]["left_out"]
    hold = data["items"][0]
    assert hold["id"] == "hold"
    assert hold["decisive"] is True
    assert hold["values"]["ana"] == {"value": 0.5, "scored": False}
    assert hold["values"]["ben"] == {"value": 0.7, "scored": True}
    assert hold["lever"][0][0] == 0.5
    assert hold["lever"][-1][0] == 0.7
    swings = [item["swing"] for item in data["items"]]
    assert swings == sorted(swings, reverse=True)


def test_csv(small: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    graph, sheets = small
    code, out, _ = run(capsys, "compare", str(graph), *sheets, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "kind",
        "id",
        "swing",
        "decisive",
        "flips_at",
        "spread",
        "low",
        "high",
        "consensus",
        "graph",
        "ana",
        "ben",
        "cy",
        "left_out",
    ]
    assert len(rows) == 1 + 4 + 2
    cost = rows[1]
    assert cost[:6] == ["claim", "cost", "0.4", "yes", "0.6", "0.8"]
    assert cost[10:] == ["0.1", "0.9", "0.3", ""]
    gain = rows[2]
    assert gain[1] == "gain"
    assert gain[-1] == "ana;ben"


def test_table_escapes_and_marks_left_out_values(
    small: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheets = small
    code, out, _ = run(capsys, "compare", str(graph), *sheets)
    assert code == 0
    assert "\x1b" not in out
    assert "Cost \\x1b[31m red" in out
    assert "(0.60)" in out  # gain, left out by ana and ben
    assert "1 decisive: cost" in out
    assert "4 claims and relations on which the panel agrees are not shown" in out


def test_write_consensus(
    small: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheets = small
    out_path = tmp_path / "team.json"
    code, _, err = run(capsys, "compare", str(graph), *sheets, "--write-consensus", str(out_path))
    assert code == 0
    assert f"wrote the median of ana, ben, cy to {out_path}" in err
    sheet = load_scores(out_path)
    assert is_consensus(sheet)
    assert sheet.scorer == "consensus: median of ana, ben, cy"
    assert sheet.scores["cost"].base == 0.3
    assert sheet.scores["gain"].base == 0.6
    assert sheet.scores["gain"].note == (
        "median of ana 0.6 (graph's own), ben 0.6 (graph's own), cy 0.65"
    )
    # again, as a mean, over the earlier consensus: allowed
    code, _, _ = run(
        capsys,
        "compare",
        str(graph),
        *sheets,
        "--consensus",
        "mean",
        "--write-consensus",
        str(out_path),
    )
    assert code == 0
    sheet = load_scores(out_path)
    assert sheet.scorer == "consensus: mean of ana, ben, cy"
    assert sheet.scores["cost"].base == pytest.approx(13 / 30, abs=1e-6)
    # the consensus sheet scores like any other
    code, out, _ = run(capsys, "score", str(graph), "--scores", str(out_path), "--format", "json")
    assert code == 0


def test_write_consensus_never_overwrites_a_scorers_sheet(
    small: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheets = small
    before = Path(sheets[1]).read_bytes()
    code, out, err = run(capsys, "compare", str(graph), *sheets, "--write-consensus", sheets[1])
    assert code == 2
    assert out == ""
    assert "ben's sheet, one of the panel's: not overwritten" in err
    assert Path(sheets[1]).read_bytes() == before
    other = tmp_path / "notes.json"
    other.write_text("my notes\n")
    code, _, err = run(capsys, "compare", str(graph), *sheets, "--write-consensus", str(other))
    assert code == 2
    assert f"{other}: a file that is not an earlier consensus sheet is there" in err
    assert other.read_text() == "my notes\n"


def test_a_sheet_for_another_graph_is_refused_by_name(
    small: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheets = small
    stray = write_sheet(tmp_path / "dan.json", "dan", {"x": 0.2}, graph="elsewhere")
    code, out, err = run(capsys, "compare", str(graph), *sheets, str(stray))
    assert code == 2
    assert out == ""
    assert err.strip() == (
        f"arggraph: error: {stray}: graph: this score sheet is for graph 'elsewhere', not 'g'"
    )


def test_a_folder_skips_what_is_not_for_the_graph_and_says_so(
    small: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph, _ = small
    write_sheet(tmp_path / "dan.json", "dan", {"x": 0.2}, graph="elsewhere")
    code, out, err = run(capsys, "compare", str(graph), str(tmp_path))
    assert code == 0
    assert f"arggraph: skipped {tmp_path / 'dan.json'}: a sheet for graph 'elsewhere'" in err
    assert f"arggraph: skipped {tmp_path / 'g.json'}: not a score sheet" in err
    assert "3 scorers" in out


def test_a_sheet_for_another_version_is_named_with_its_lost_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps(GRAPH), encoding="utf-8")
    old = load(graph)
    assert old.stamp is not None
    path = tmp_path / "ana.json"
    path.write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "g",
                "scorer": "ana",
                "graph_sha256": old.stamp.sha256,
                "scores": {"cost": {"base": 0.2}, "dropped": {"base": 0.9}},
            }
        )
    )
    changed = dict(GRAPH, title="Go or stay, second edition")
    graph.write_text(json.dumps(changed), encoding="utf-8")
    ben = write_sheet(tmp_path / "ben.json", "ben", {"cost": 0.8})
    code, out, err = run(capsys, "compare", str(graph), str(path), str(ben))
    assert code == 0
    assert f"arggraph: {path} (ana): saved against another version of graph 'g'" in err
    assert f"arggraph: {path} (ana): 1 id(s) the graph no longer has, not used: dropped" in err
    assert "ana     go leads stay by 0.2000  (scored against another version of the graph)" in out


def test_graph_without_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps({"id": "g", "claims": [{"id": "a", "text": "A"}]}))
    one = write_sheet(tmp_path / "one.json", "one", {"a": 0.2})
    two = write_sheet(tmp_path / "two.json", "two", {"a": 0.6})
    code, out, _ = run(capsys, "compare", str(graph), str(one), str(two))
    assert code == 0
    assert "the graph has no positions: no verdict to compare, only the values" in out
    code, out, _ = run(capsys, "compare", str(graph), str(one), str(two), "--format", "json")
    data = json.loads(out)
    assert "robustness" not in data
    assert data["items"][0]["spread"] == pytest.approx(0.4)


def test_a_semantics_the_graph_cannot_take(
    small: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    graph, sheets = small
    code, out, err = run(capsys, "compare", str(graph), *sheets, "--semantics", "hcat")
    assert code == 2
    assert out == ""
    assert err.startswith(f"arggraph: error: {graph}: weighted h-categorizer takes attacks only")


def test_missing_sheet(small: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    graph, _ = small
    code, _, err = run(capsys, "compare", str(graph), "absent.json")
    assert code == 2
    assert err.strip() == "arggraph: error: absent.json: no such file"


def test_scorer_names_are_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps(GRAPH), encoding="utf-8")
    evil = write_sheet(tmp_path / "evil.json", "\x1b[2Jeve", {"cost": 0.9})
    ana = write_sheet(tmp_path / "ana.json", "ana", {"cost": 0.1})
    code, out, _ = run(capsys, "compare", str(graph), str(ana), str(evil))
    assert code == 0
    assert "\x1b" not in out
    assert "\\x1b[2Jeve" in out
    code, out, _ = run(capsys, "compare", str(graph), str(ana), str(evil), "--format", "csv")
    assert "\x1b" not in out
    formula = write_sheet(tmp_path / "formula.json", "=cmd()", {"cost": 0.5})
    code, out, _ = run(capsys, "compare", str(graph), str(ana), str(formula), "--format", "csv")
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    assert "'=cmd()" in header and "=cmd()" not in header  # a name, not a formula


def test_sheets_follow_the_id_map_beside_the_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second edition renames `cost` to `price`; a sheet saved against the first
    follows the id map shipped beside the graph, and says so."""
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps(GRAPH), encoding="utf-8")
    first = load(graph)
    assert first.stamp is not None
    sheet = tmp_path / "ana.json"
    sheet.write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "g",
                "scorer": "ana",
                "graph_sha256": first.stamp.sha256,
                "scores": {"cost": {"base": 0.9}},
            }
        )
    )
    second = json.loads(json.dumps(GRAPH).replace('"cost"', '"price"'))
    graph.write_text(json.dumps(second), encoding="utf-8")
    (tmp_path / "g.id-map.json").write_text(
        json.dumps(
            {
                "format": "arggraph-id-map/1",
                "graph": "g",
                "from_sha256": [first.stamp.sha256],
                "renamed": {"cost": "price", "attack:cost->go": "attack:price->go"},
            }
        )
    )
    ben = write_sheet(tmp_path / "ben.json", "ben", {"price": 0.1})
    code, out, err = run(capsys, "compare", str(graph), str(sheet), str(ben), "--format", "json")
    assert code == 0
    assert f"arggraph: note: {sheet} (ana): follows the graph's new version: 1 id renamed" in err
    data = json.loads(out)
    assert data["scorers"][0]["unknown"] == []
    price = next(item for item in data["items"] if item["id"] == "price")
    assert price["values"]["ana"] == {"value": 0.9, "scored": True}
