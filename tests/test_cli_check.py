"""`arggraph check`: formats, exit codes, several files, settings, selection."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main

CLEAN: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "documents": [{"id": "d", "title": "D", "published": "2023-03-06", "file": "d.txt"}],
    "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {
            "id": "c",
            "text": "C",
            "attributions": [
                {
                    "actor": "x",
                    "document": "d",
                    "quote": "they said we should go",
                    "date": "2023-03-06",
                }
            ],
        },
    ],
    "relations": [
        {
            "type": "support",
            "source": "c",
            "target": "go",
            "attributions": [
                {
                    "actor": "x",
                    "document": "d",
                    "quote": "they said we should go",
                    "date": "2023-03-06",
                }
            ],
        }
    ],
}


def with_changes(**changes: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(CLEAN)), **changes}


# an error (S003), a warning (P001) and an info (P010)
FAULTY = with_changes(
    actors=[*CLEAN["actors"], {"id": "idle", "name": "Idle", "kind": "analyst"}],
    claims=[*CLEAN["claims"], {"id": "bare", "text": "Bare \x1b[31m text"}],
    relations=[
        *CLEAN["relations"],
        {
            "type": "support",
            "source": "bare",
            "target": "bare",
            "id": "loop",
            "attributions": CLEAN["relations"][0]["attributions"],
        },
    ],
)


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_colour_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


# ------------------------------------------------------------------ exit codes
def test_clean_graph_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", CLEAN)
    code, out, err = run(capsys, str(g), "--no-config")
    assert code == 0
    assert err == ""
    assert (
        out == "All checks passed (1 file).\n"
        "Quotes were not verified: give --documents DIR to check them.\n"
    )


def test_errors_exit_1_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    assert run(capsys, str(g), "--no-config")[0] == 1
    assert run(capsys, str(g), "--no-config", "--ignore", "S003")[0] == 0
    assert run(capsys, str(g), "--no-config", "--ignore", "S003", "--fail-on", "warning")[0] == 1
    assert run(capsys, str(g), "--no-config", "--select", "P010", "--fail-on", "warning")[0] == 0
    assert run(capsys, str(g), "--no-config", "--select", "P010", "--fail-on", "info")[0] == 1
    assert run(capsys, str(g), "--no-config", "--exit-zero")[0] == 0


def test_unusable_file_exit_2_others_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", '{"format": "arggraph/1", "id": "b", "claims": [}')
    schema = write(tmp_path, "schema.json", {"format": "arggraph/1", "id": "s", "wrong": 1})
    good = write(tmp_path, "good.json", FAULTY)
    code, out, err = run(capsys, str(bad), str(good), str(schema), "--no-config", "--exit-zero")
    assert code == 2
    assert f"{bad}:1:48: malformed JSON" in err
    assert "malformed JSON" in err
    assert f"{schema}:4:12: wrong: unknown key 'wrong'" in err
    assert "Traceback" not in err
    assert f"{good}: S003 error [loop, bare]" in out
    assert "2 files could not be checked" in out
    code, out, err = run(capsys, str(bad), "--no-config")
    assert code == 2
    assert out == "1 file could not be checked; no other file checked.\n"


def test_missing_documents_folder_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = write(tmp_path, "g.json", CLEAN)
    code, out, err = run(capsys, str(g), "--documents", str(tmp_path / "nope"))
    assert code == 2
    assert out == ""
    assert "no such folder (given as the documents folder)" in err


def test_unknown_selector_is_exit_2_with_did_you_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = write(tmp_path, "g.json", CLEAN)
    code, out, err = run(capsys, str(g), "--select", "S0O3")
    assert code == 2
    assert out == ""
    assert err.startswith("arggraph: error: --select: unknown rule selector 'S0O3'")
    assert "did you mean S003" in err
    assert run(capsys, str(g), "--ignore", "X")[0] == 2


# ------------------------------------------------------------------ text
def test_text_lines_locations_hints_and_escaping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = with_changes(
        relations=[*CLEAN["relations"], {"type": "attack", "source": "c", "target": "goo"}]
    )
    g = write(tmp_path, "g.json", data)
    code, out, _ = run(capsys, str(g), "--no-config", "--select", "S001")
    lines = out.splitlines()
    assert lines[0] == (
        f"{g}: S001 error [attack:c->goo, goo] relation 'attack:c->goo': "
        "target refers to unknown claim 'goo'"
    )
    target_line = json.dumps(data, indent=2).splitlines().index('      "target": "goo"') + 1
    assert lines[1] == f"    at {g}:{target_line} relations[1].target"
    assert lines[2] == "    hint: did you mean 'go'?"
    assert lines[3] == "Found 1 finding (1 error) in 1 of 1 file."
    g2 = write(tmp_path, "g2.json", FAULTY)
    out = run(capsys, str(g2), "--no-config")[1]
    assert "\x1b" not in out
    assert "Bare \\x1b[31m text" in out
    assert re.search(r"^\S+: (S|P|R)\d{3} (error|warning|info) \[", out, re.M)


def test_colour_only_on_request_or_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run(capsys, str(g), "--no-config")[1]
    assert "\x1b[1;31mS003\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    out = run(capsys, str(g), "--no-config")[1]
    assert "\x1b[" not in out.replace("\\x1b[", "")


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    code, out, _ = run(capsys, str(g), "--no-config", "--statistics")
    assert code == 1
    assert [line.split() for line in out.splitlines()[:-1]] == [
        ["1", "P001", "warning", "unattributed-claim"],
        ["1", "P010", "info", "unused-actor"],
        ["1", "S003", "error", "self-relation"],
        ["1", "S006", "warning", "unreachable-claim"],
        ["1", "S013", "warning", "control-character"],
    ]
    assert "Found 5 findings" in out.splitlines()[-1]


# ------------------------------------------------------------------ json, sarif, github
def test_json_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    code, out, _ = run(capsys, str(g), "--no-config", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {tuple(sorted(d)) for d in data} == {
        ("code", "file", "hint", "ids", "line", "message", "path", "severity")
    }
    assert [(d["code"], d["severity"]) for d in data] == [
        ("P010", "info"),
        ("P001", "warning"),
        ("S006", "warning"),
        ("S013", "warning"),  # the escape sequence in the claim's text
        ("S003", "error"),
    ]
    s003 = data[-1]
    assert s003["ids"] == ["loop", "bare"]
    assert s003["path"] == "relations[1]"
    assert s003["file"] == str(g)
    assert isinstance(s003["line"], int)


def test_sarif_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "graphs/g.json", FAULTY)
    write(tmp_path, "graphs/bad.json", "{")
    code, out, _ = run(
        capsys, "graphs/g.json", "graphs/bad.json", "--no-config", "--format", "sarif"
    )
    assert code == 2
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert "sarif-2.1.0" in log["$schema"]
    (run_,) = log["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert rules[0]["id"] == "S001"
    assert rules[0]["defaultConfiguration"]["level"] == "error"
    for r in rules:
        assert r["shortDescription"]["text"], r["id"]
        assert r["fullDescription"]["text"], r["id"]
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels == {
        "S003": "error",
        "P001": "warning",
        "S006": "warning",
        "S013": "warning",
        "P010": "note",
    }
    s003 = next(r for r in run_["results"] if r["ruleId"] == "S003")
    assert rules[s003["ruleIndex"]]["id"] == "S003"
    (loc,) = s003["locations"]
    assert loc["physicalLocation"]["artifactLocation"] == {
        "uri": "graphs/g.json",
        "uriBaseId": "%SRCROOT%",
    }
    assert loc["physicalLocation"]["region"]["startLine"] > 1
    assert loc["logicalLocations"] == [{"fullyQualifiedName": "relations[1]", "kind": "object"}]
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("graphs/bad.json:1:2: malformed JSON")
    (where,) = note["locations"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "graphs/bad.json"
    assert where["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 2}


def test_github_annotations_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = with_changes(
        claims=[*CLEAN["claims"], {"id": "100%,a:b", "text": "x\ny", "kind": "position"}]
    )
    g = write(tmp_path, "a,b:c.json", data)
    code, out, _ = run(capsys, str(g), "--no-config", "--select", "S007", "--format", "github")
    assert code == 0
    (line,) = out.splitlines()
    file = str(g).replace(",", "%2C").replace(":", "%3A")
    assert line.startswith(f"::warning file={file},line=")
    assert ",title=S007::[100%25,a:b] no argument bears on position '100%25,a:b'" in line
    assert "\n" not in line
    assert "\r" not in line
    info = run(
        capsys,
        str(write(tmp_path, "f.json", FAULTY)),
        "--no-config",
        "--format",
        "github",
        "--select",
        "P010",
    )[1]
    assert info.startswith("::notice file=")


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    out_file = tmp_path / "report.sarif"
    code, out, _ = run(capsys, str(g), "--no-config", "--format", "sarif", "-o", str(out_file))
    assert code == 1
    assert out == ""
    assert json.loads(out_file.read_text(encoding="utf-8"))["version"] == "2.1.0"


# ------------------------------------------------------------------ files and folders
def test_folders_are_searched_for_graphs_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "maps/a.json", FAULTY)
    write(tmp_path, "maps/sub/b.json", CLEAN)
    write(tmp_path, "maps/package.json", {"name": "not a graph"})
    write(tmp_path, "maps/.hidden/c.json", FAULTY)
    code, out, _ = run(capsys, str(tmp_path / "maps"), "--no-config", "--format", "json")
    assert code == 1
    assert {Path(d["file"]).name for d in json.loads(out)} == {"a.json"}
    out = run(capsys, str(tmp_path / "maps"), "--no-config")[1]
    assert "in 1 of 2 files" in out


def test_graphs_only_skips_other_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = write(tmp_path, "tsconfig.json", {"compilerOptions": {}})
    mention = write(tmp_path, "notes.json", {"about": "arggraph/1"})
    graph = write(tmp_path, "g.json", CLEAN)
    assert run(capsys, str(other), str(graph), "--no-config")[0] == 2
    code, out, err = run(
        capsys, str(other), str(mention), str(graph), "--no-config", "--graphs-only"
    )
    assert code == 0
    assert err == ""
    assert "(1 file)" in out


# ------------------------------------------------------------------ documents
def test_documents_verify_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = write(tmp_path, "g.json", CLEAN)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d.txt").write_text("In March they said we should go.", encoding="utf-8")
    code, out, _ = run(capsys, str(g), "--no-config", "--documents", str(docs))
    assert code == 0
    assert out == "All checks passed (1 file).\n"
    (docs / "d.txt").write_text("In March they said we should stay.", encoding="utf-8")
    code, out, _ = run(capsys, str(g), "--no-config", "--documents", str(docs))
    assert code == 1
    assert out.count("P006 error") == 2
    assert 'hint: closest passage: "In March they said we should stay."' in out


# ------------------------------------------------------------------ pyproject settings
def test_settings_from_the_nearest_pyproject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.arggraph.check]\nignore = ["S003"]\nfail-on = "warning"\ndocuments = "texts"\n',
    )
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "d.txt").write_text("they said we should go", encoding="utf-8")
    # a nearer pyproject without our table is passed over
    write(tmp_path, "maps/pyproject.toml", '[project]\nname = "maps"\n')
    g = write(tmp_path, "maps/g.json", FAULTY)
    code, out, _ = run(capsys, str(g), "--format", "json")
    assert code == 1  # fail-on warning: P001 and S006
    assert "S003" not in {d["code"] for d in json.loads(out)}
    code, out, _ = run(capsys, str(g), "--format", "json", "--select", "S003,P010")
    assert {d["code"] for d in json.loads(out)} == {"P010"}  # the setting's ignore holds
    code, out, _ = run(capsys, str(g), "--format", "json", "--no-config")
    assert "S003" in {d["code"] for d in json.loads(out)}
    # quotes were verified against the settings' documents folder
    (tmp_path / "texts" / "d.txt").write_text("they said we should stay", encoding="utf-8")
    code, out, _ = run(capsys, str(g), "--format", "json", "--select", "P006")
    assert [d["code"] for d in json.loads(out)] == ["P006", "P006", "P006"]


def test_settings_select_and_extend_select(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[tool.arggraph.check]\nselect = ["S"]\nextend-select = ["P010"]\n',
    )
    g = write(tmp_path, "g.json", FAULTY)
    out = run(capsys, str(g), "--format", "json")[1]
    assert {d["code"] for d in json.loads(out)} == {"S003", "S006", "S013", "P010"}
    out = run(capsys, str(g), "--format", "json", "--extend-select", "P001")[1]
    assert {d["code"] for d in json.loads(out)} == {"S003", "S006", "S013", "P010", "P001"}


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.arggraph.check]\nselct = ["S"]\n', "unknown key 'selct'"),
        ('[tool.arggraph.check]\nselect = "S"\n', "select must be a list of strings"),
        ('[tool.arggraph.check]\nignore = ["Q9"]\n', "ignore: unknown rule selector 'Q9'"),
        ('[tool.arggraph.check]\nfail-on = "fatal"\n', "fail-on must be one of"),
        ("[tool.arggraph.check\n", "not valid TOML"),
    ],
)
def test_bad_settings_are_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str
) -> None:
    settings = write(tmp_path, "pyproject.toml", toml)
    g = write(tmp_path, "g.json", CLEAN)
    code, out, err = run(capsys, str(g))
    assert code == 2
    assert str(settings) in err
    assert message in err


def test_a_file_of_another_format_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "map.argdown", "[Close]: Close the bridge.\n")
    code, _, err = run(capsys, str(path), "--no-config")
    assert code == 2
    assert "argdown by its extension, not arggraph JSON, which this command reads" in err
    assert f"arggraph import {path} -o GRAPH.json" in err
    assert "malformed JSON" not in err


def test_statistics_as_json_and_refused_in_sarif(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g = write(tmp_path, "g.json", FAULTY)
    code, out, _ = run(capsys, str(g), "--no-config", "--statistics", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data[0] == {
        "code": "P001",
        "name": "unattributed-claim",
        "severity": "warning",
        "count": 1,
    }
    assert {d["code"] for d in data} == {"P001", "P010", "S003", "S006", "S013"}
    code, _, err = run(capsys, str(g), "--statistics", "--format", "sarif")
    assert code == 2 and "--statistics is written as text or json, not sarif" in err


# ------------------------------------------------------------ a folder with no graph
def test_folder_with_no_graph_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of other tools' files (Argdown, Kialo text, AIF JSON) checks nothing: that
    must not pass a CI job. The folder is named with what it holds and how to check it."""
    maps = tmp_path / "maps"
    write(maps, "debate.argdown", "[A]: a.\n")
    write(maps, "notes.txt", "1. Thesis\n")
    write(maps, "nodeset.json", {"nodes": [], "edges": []})
    write(maps, "sub/more.argdown", "[B]: b.\n")
    code, out, err = run(capsys, str(maps))
    assert code == 2
    assert out == "No graph checked; 1 file skipped: not arggraph graphs (-v names them).\n"
    assert err.splitlines()[0] == (
        f"arggraph: error: {maps}: holds no arggraph graph to check (found, by extension: "
        "2 argdown files, 1 kialo file, 1 JSON file that declares no arggraph format "
        "(AIF or other tools' JSON))"
    )
    assert "`arggraph import FILE -o GRAPH.json`" in err


def test_empty_folder_beside_a_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The graph given beside an empty folder is still checked and reported; the empty
    folder still makes the run exit 2."""
    g = write(tmp_path, "g.json", CLEAN)
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, str(g), str(tmp_path / "empty"))
    assert code == 2
    assert out.startswith("All checks passed (1 file).\n")
    assert f"{tmp_path / 'empty'}: holds no arggraph graph to check (it is empty)" in err


def test_folder_with_a_graph_among_others_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "g.json", CLEAN)
    write(tmp_path, "debate.argdown", "[A]: a.\n")
    code, out, err = run(capsys, str(tmp_path))
    assert (code, err) == (0, "")
    assert out.startswith("All checks passed (1 file).\n")
