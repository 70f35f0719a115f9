"""A new user's first hour with `arggraph check`: files and folders, selectors, one word
for the lowest severity, and ids shown whole when the report is not for a terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT

from arggraph.cli import main
from arggraph.io import load

GRAPH: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "claims": [
        {"id": "go", "text": "Go", "kind": "position"},
        {"id": "c", "text": "C"},
    ],
    "relations": [{"type": "support", "source": "c", "target": "go"}],
}


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--no-config", "--select", "S", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with one graph among other JSON files."""
    write(tmp_path, "maps/debate.json", GRAPH)
    write(tmp_path, "maps/empty.json", "")
    write(tmp_path, "maps/tsconfig.json", '{\n  // comments make this no JSON\n  "a": 1\n}')
    write(tmp_path, "maps/package.json", {"name": "web", "version": "1.0.0"})
    bare = {k: v for k, v in GRAPH.items() if k != "format"}
    write(tmp_path, "maps/bare.json", bare)
    write(
        tmp_path,
        "maps/mine.scores.json",
        {"format": "arggraph-scores/1", "graph": "g", "scores": {}},
    )
    write(tmp_path, "maps/notes.txt", "not looked at: folders are searched for *.json")
    return tmp_path / "maps"


def test_a_folder_checks_graphs_and_counts_what_it_skips(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = check(capsys, str(repository))
    assert (code, err) == (0, "")
    assert out == (
        "All checks passed (1 file); 5 files skipped: not arggraph graphs (-v names them).\n"
    )


def test_verbose_names_each_skipped_file_and_why(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = check(capsys, str(repository), "-v")
    assert code == 0
    lines = sorted(err.splitlines())
    assert lines == sorted(
        [
            f'arggraph: skipped {repository / "bare.json"}: declares no "format": "arggraph/1"',
            f"arggraph: skipped {repository / 'empty.json'}: empty",
            f"arggraph: skipped {repository / 'mine.scores.json'}: "
            "its format is 'arggraph-scores/1', not an arggraph graph",
            f'arggraph: skipped {repository / "package.json"}: declares no "format": "arggraph/1"',
            f'arggraph: skipped {repository / "tsconfig.json"}: declares no "format": "arggraph/1"',
        ]
    )


def test_a_broken_graph_in_a_folder_is_still_an_error(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repository, "broken.json", '{"format": "arggraph/1", "id": "b", "claims": [}')
    write(repository, "future.json", {"format": "arggraph/2", "id": "f"})
    code, out, err = check(capsys, str(repository))
    assert code == 2
    assert f"{repository / 'broken.json'}:1:48: malformed JSON" in err
    assert "format 'arggraph/2' is not 'arggraph/1'" in err
    assert out == (
        "2 files could not be checked; no findings in the other file; 5 files skipped: not "
        "arggraph graphs (-v names them).\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.json", "", "the file is empty"),
        ("package.json", {"id": "web", "name": "web"}, "unknown key 'name'"),
        ("tsconfig.json", "{ // no JSON\n}", "malformed JSON"),
    ],
)
def test_a_file_named_on_the_command_line_must_be_a_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Any, message: str
) -> None:
    path = write(tmp_path, name, content)
    code, out, err = check(capsys, str(path))
    assert code == 2
    assert err.startswith(f"arggraph: error: {path}")
    assert message in err
    assert "Traceback" not in err
    assert out == "1 file could not be checked; no other file checked.\n"


def test_graphs_only_skips_a_named_file_and_counts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path, "empty.json", "")
    graph = write(tmp_path, "g.json", GRAPH)
    code, out, err = check(capsys, str(empty), str(graph), "--graphs-only")
    assert (code, err) == (0, "")
    assert "(1 file); 1 file skipped" in out


def test_a_named_bare_graph_without_format_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = write(tmp_path, "bare.json", {k: v for k, v in GRAPH.items() if k != "format"})
    code, out, _ = check(capsys, str(bare))
    assert code == 0
    assert out == "All checks passed (1 file).\n"


def test_the_selector_hint_names_rule_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = write(tmp_path, "g.json", GRAPH)
    code = main(["check", str(graph), "--select", "nonsense"])
    err = capsys.readouterr().err
    assert code == 2
    assert "a rule name (self-relation)" in err
    assert "`arggraph rules`" in err


def test_info_is_the_one_word_for_the_lowest_severity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["check", str(BAKHMUT), "--no-config"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Found 3 findings (3 info) in 1 of 1 file." in out
    assert "infos" not in out


def test_the_ui_checks_dialog_says_info_too() -> None:
    from tui.insight import findings_results

    summary = findings_results(load(BAKHMUT, strict=False)).summary.plain
    assert " info. " in summary
    assert "notes" not in summary


def test_a_pipe_gets_every_id_of_a_finding(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(BAKHMUT), "--no-config", "--select", "R002"])
    out = capsys.readouterr().out
    assert "more]" not in out
    assert (
        "R002 info [isw, isw-2023-01-defence-sound, isw-2023-03-withdraw-smartest, "
        "attack:isw-2023-03-withdraw-smartest->isw-2023-01-defence-sound]" in out
    )


def test_a_terminal_gets_three_ids_and_a_footnote(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", str(BAKHMUT), "--no-config", "--select", "R002"])
    out = capsys.readouterr().out
    assert "[isw, isw-2023-01-defence-sound, isw-2023-03-withdraw-smartest, +1 more]" in out
    assert "(ids cut to fit the terminal; --format json or a pipe gives them whole)" in out
