"""`arggraph check` on a file no command can use: every problem, in every format, with
its file, line and column, and a summary that says what happened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arggraph.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "bridge.json"
INTERVAL = '"date": "2024-03-18/2024-03-22"'


def broken(tmp_path: Path, old: str, new: str, name: str = "g.json") -> Path:
    """bridge.json with one change."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-config", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_bad_dates(tmp_path: Path) -> Path:
    """Two attributions (lines 25 and 44) dated on no real day."""
    return broken(tmp_path, INTERVAL, '"date": "2024-13-45"')


def test_text_lists_every_problem_with_line_and_column(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = check(capsys, str(two_bad_dates))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"arggraph: error: {two_bad_dates}:25:134: claims[4].attributions[0].date: not a real date"
    )
    assert lines[1].startswith(
        f"arggraph: error: {two_bad_dates}:44:136: relations[1].attributions[0].date: "
    )
    assert "more problem" not in err
    assert out == "1 file could not be checked; no other file checked.\n"


def test_json_has_an_entry_for_each_problem(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys, str(two_bad_dates), "--format", "json")
    assert code == 2
    entries = json.loads(out)
    assert [(e["code"], e["severity"], e["path"], e["line"], e["column"]) for e in entries] == [
        ("unusable-graph", "error", "claims[4].attributions[0].date", 25, 134),
        ("unusable-graph", "error", "relations[1].attributions[0].date", 44, 136),
    ]
    assert all(e["file"] == str(two_bad_dates) and e["ids"] == [] for e in entries)
    assert "2024-13-45" in entries[0]["message"]


def test_json_keeps_findings_of_the_files_that_load(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faulty = broken(two_bad_dates.parent, '"target": "keep"', '"target": "kep"', "f.json")
    code, out, _ = check(capsys, str(faulty), str(two_bad_dates), "--format", "json")
    assert code == 2
    codes = [e["code"] for e in json.loads(out)]
    assert codes[-2:] == ["unusable-graph", "unusable-graph"]
    assert "unusable-graph" not in codes[:-2] and "S001" in codes[:-2]
    alone = check(capsys, str(faulty), "--format", "json")[1]
    assert out.startswith(alone.removesuffix("\n]\n"))  # the loaded file's items unchanged


def test_sarif_has_a_notification_for_each_problem(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys, str(two_bad_dates), "--format", "sarif")
    assert code == 2
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    notes = invocation["toolExecutionNotifications"]
    regions = [n["locations"][0]["physicalLocation"]["region"] for n in notes]
    assert regions == [{"startLine": 25, "startColumn": 134}, {"startLine": 44, "startColumn": 136}]
    assert [n["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for n in notes] == [
        "claims[4].attributions[0].date",
        "relations[1].attributions[0].date",
    ]


def test_github_has_an_annotation_for_each_problem(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(capsys, str(two_bad_dates), "--format", "github")
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"::error file={two_bad_dates},line=25,col=134,title=unusable graph::"
        "claims[4].attributions[0].date: not a real date"
    )
    assert lines[1].startswith(f"::error file={two_bad_dates},line=44,col=136,")


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ('"id": "keep",', '"id": "keep"', ":20:19: ", "malformed JSON"),
        ('"id": "keep", "text"', '"id": "keep", "id": "k2", "text"', ":20:20: ", "duplicate key"),
        (
            '"sources": ["cracks", "load"]',
            '"sources": []',
            ":40:52: relations[0].sources: ",
            "linked premises list no claim",
        ),
    ],
)
def test_one_problem_has_its_line_and_column_in_every_format(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    where: str,
    message: str,
) -> None:
    path = broken(tmp_path, old, new)
    code, out, err = check(capsys, str(path))
    assert code == 2
    assert err.startswith(f"arggraph: error: {path}{where}{message}")
    line, column = (int(n) for n in where.split(":")[1:3])
    (entry,) = json.loads(check(capsys, str(path), "--format", "json")[1])
    assert (entry["line"], entry["column"], entry["code"]) == (line, column, "unusable-graph")
    assert message in entry["message"]
    annotation = check(capsys, str(path), "--format", "github")[1]
    assert f",line={line},col={column},title=unusable graph::" in annotation
    sarif = json.loads(check(capsys, str(path), "--format", "sarif")[1])
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    region = note["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": line, "startColumn": column}


def test_a_settings_error_names_the_settings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.arggraph.check]\nselct = []\n")
    graph = tmp_path / "g.json"
    graph.write_bytes(FIXTURE.read_bytes())
    code = main(["check", str(graph), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    (entry,) = json.loads(out)
    assert entry["file"] == str(tmp_path / "pyproject.toml")
    assert err.startswith(f"arggraph: error: {tmp_path / 'pyproject.toml'}: ")


def test_summary_says_what_happened_first(
    two_bad_dates: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clean = tmp_path / "clean.json"
    clean.write_text('{"format": "arggraph/1", "id": "c"}', encoding="utf-8")
    out = check(capsys, str(two_bad_dates), str(clean), "--select", "S001")[1]
    assert out == "1 file could not be checked; no findings in the other file.\n"
    out = check(capsys, str(two_bad_dates), str(clean), str(clean), "--select", "S001")[1]
    assert out == "1 file could not be checked; no findings in the other 2 files.\n"
