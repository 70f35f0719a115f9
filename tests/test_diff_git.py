"""``arggraph diff --git`` as git's external diff driver, in a real repository: the
README's recipe (``.gitattributes`` and ``diff.arggraph.command``) makes ``git diff``
show the argument view of a graph, a line diff of other JSON, and never stop."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arggraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "diff"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={
            "PATH": _path(),
            "HOME": str(repo),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "A",
            "GIT_AUTHOR_EMAIL": "a@example.invalid",
            "GIT_COMMITTER_NAME": "A",
            "GIT_COMMITTER_EMAIL": "a@example.invalid",
            "GIT_PAGER": "cat",
        },
    )


def _path() -> str:
    import os

    return os.environ.get("PATH", "/usr/bin:/bin")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the README's recipe, the first edition committed and the
    second in the working tree, beside a score sheet (JSON that is no graph)."""
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitattributes").write_text("*.json diff=arggraph\n", encoding="utf-8")
    command = f"'{sys.executable}' -m arggraph diff --git"
    git(tmp_path, "config", "diff.arggraph.command", command)
    shutil.copy(FIXTURES / "edition-1.json", tmp_path / "siege.json")
    sheet = {"format": "arggraph-scores/1", "graph": "siege", "scores": {}}
    (tmp_path / "ana.json").write_text(json.dumps(sheet, indent=1), encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first edition")
    shutil.copy(FIXTURES / "edition-2.json", tmp_path / "siege.json")
    sheet["scorer"] = "ana"
    (tmp_path / "ana.json").write_text(json.dumps(sheet, indent=1), encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_git_diff_shows_the_argument_view(repo: Path) -> None:
    out = git(repo, "diff").stdout
    assert "diff --arggraph a/siege.json b/siege.json" in out
    assert "  losses -> casualties  (confidence 0.96" in out
    assert "THE LEADER CHANGED" in out
    # the sheet is no graph: a plain line diff, and nothing stopped
    assert "--- a/ana.json" in out
    assert '+ "scorer": "ana"' in out


@pytest.mark.slow
def test_git_log_and_an_added_graph(repo: Path) -> None:
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "second edition")
    shutil.copy(FIXTURES / "swap-1.json", repo / "swap.json")
    git(repo, "add", "swap.json")
    staged = git(repo, "diff", "--cached").stdout
    assert "diff --arggraph a/swap.json b/swap.json" in staged
    assert "claims: 3 added" in staged
    log = git(repo, "log", "-p", "--ext-diff", "-1", "HEAD").stdout
    assert "relations: 2 added, 1 removed, 4 renamed, 4 changed" in log


@pytest.mark.slow
def test_a_broken_graph_is_a_line_diff_with_a_note(repo: Path) -> None:
    (repo / "siege.json").write_text('{"format": "arggraph/1", "claims": [', encoding="utf-8")
    done = git(repo, "diff", "--", "siege.json")
    assert "--- a/siege.json" in done.stdout
    assert '+{"format": "arggraph/1", "claims": [' in done.stdout
    assert "arggraph: note: b/siege.json: line 1" in done.stderr


def test_the_driver_takes_gits_arguments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = FIXTURES / "swap-1.json", FIXTURES / "swap-2.json"
    code = main(
        ["diff", "--git", "swap.json", str(old), "0" * 40, "100644", str(new), "1" * 40, "100644"]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("diff --arggraph a/swap.json b/swap.json\n")
    assert "  a -> weather" in out
    code = main(["diff", "--git", "swap.json"])  # an unmerged path
    assert code == 0
    assert capsys.readouterr().out == "* Unmerged path swap.json\n"
    code = main(["diff", "--git", "swap.json", str(old)])
    assert code == 2
    assert "the arguments git passes" in capsys.readouterr().err


def test_the_driver_survives_json_nested_past_any_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A JSON file nested a hundred thousand deep (Python's json module would raise
    # RecursionError) is shown as a line diff, never a traceback.
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    args = ["diff", "--git", "deep.json", str(empty), "0" * 40, "100644"]
    code = main([*args, str(deep), "1" * 40, "100644"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("--- a/deep.json")
