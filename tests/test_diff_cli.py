"""``arggraph diff OLD NEW`` on the command line: text, JSON and Markdown, ``--scores``,
``--write-id-map``, ``--exit-code`` and bad input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main
from arggraph.diff import diff_graphs
from arggraph.diff.render import to_text
from arggraph.io import load, load_scores
from arggraph.renames import follow, id_map_path, load_id_map

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
OLD = str(FIXTURES / "edition-1.json")
NEW = str(FIXTURES / "edition-2.json")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", OLD, NEW)
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert "claims: 2 added, 1 removed, 2 renamed, 4 changed" in lines
    assert "relations: 2 added, 1 removed, 4 renamed, 4 changed" in lines
    assert any(line.endswith("THE LEADER CHANGED") for line in lines)
    renamed = "  losses -> casualties  (confidence 0.96: text 0.92, position 1.00, provenance 1.00)"
    assert renamed in lines
    undercut = "undercut convicts -> relation support:attrition->hold"
    assert f"  + attack:convicts->support:attrition->hold  {undercut}" in lines
    assert "      target: claim withdraw -> relation supply-line" in lines
    assert "      premises added: supplies" in lines


def test_text_is_cut_to_a_terminal_only() -> None:
    d = diff_graphs(load(OLD), load(NEW))
    whole = to_text(d)
    cut = to_text(d, width=40)
    assert max(len(line) for line in cut.splitlines()) <= 40
    assert max(len(line) for line in whole.splitlines()) > 40
    assert "…" in cut
    assert "…" not in whole


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", OLD, NEW, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "arggraph-diff/1"
    assert data["changed"] is True
    assert data["old"]["label"] == OLD
    assert len(data["old"]["sha256"]) == 64
    assert [c["id"] for c in data["claims"]["added"]] == ["supplies", "convicts"]
    renamed = {r["old"]: r for r in data["claims"]["renamed"]}
    assert renamed["losses"]["new"] == "casualties"
    assert renamed["losses"]["evidence"]["provenance"] == 1.0
    undercut = data["relations"]["added"][0]
    assert undercut["kind"] == "undercut"
    assert undercut["target"] == "support:attrition->hold"
    changed = {c["new"]: c for c in data["relations"]["changed"]}
    assert changed["supply-line"]["premises_added"] == ["supplies"]
    assert changed["attrition-vs-withdraw"]["fields"] == [
        {"field": "target", "old": "withdraw", "new": "supply-line"}
    ]
    assert data["attributions"] == {"added": 1, "removed": 1}
    effect = data["effects"][0]
    assert effect["semantics"] == "dfquad"
    assert effect["scores"] is None
    assert effect["leader_changed"] is True
    assert effect["before"]["leader"] == "hold"
    assert effect["after"]["leader"] == "withdraw"
    assert [c["new"] for c in effect["largest"]] == ["attrition", "withdraw", "hold"]


def _outside_details(markdown: str) -> list[str]:
    out, depth = [], 0
    for line in markdown.splitlines():
        if line == "<details>":
            depth += 1
        elif line == "</details>":
            depth -= 1
        elif depth == 0:
            out.append(line)
    assert depth == 0
    return out


def test_markdown_keeps_to_one_screen(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", OLD, NEW, "--format", "markdown")
    assert code == 0
    shown = [line for line in _outside_details(out) if line]
    summaries = re.findall(r"<summary>(.*)</summary>", out)
    assert len(shown) + len(summaries) <= 20  # as rendered, the blocks closed
    assert any(
        line.startswith("**Verdict**") and "**The leader changed.**" in line for line in shown
    )
    assert summaries == [
        "<b>The graph</b>: 3 fields changed",
        "<b>Claims</b>: 2 added, 1 removed, 2 renamed, 4 changed",
        "<b>Relations</b>: 2 added, 1 removed, 4 renamed, 4 changed",
        "<b>Documents</b>: 1 added, 1 changed",
        "<b>Actors</b>: 1 added, 1 changed",
    ]
    assert out.count("<details>") == out.count("</details>") == len(summaries)
    assert "  - target: claim `withdraw` → relation `supply-line`" in out


HOSTILE = "**bold** | <img src=x onerror=alert(1)> @octocat #12 [link](http://x) `tick`\nline"
HOSTILE_ID = "id`|<b>@x"


def _hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    old: dict[str, Any] = {
        "id": "h",
        "claims": [
            {"id": "go", "text": "Go", "kind": "position"},
            {"id": "a", "text": "A plain claim"},
        ],
        "relations": [{"type": "support", "source": "a", "target": "go"}],
    }
    new = json.loads(json.dumps(old))
    new["claims"][1]["text"] = HOSTILE
    new["claims"].append({"id": HOSTILE_ID, "text": HOSTILE + " \x1b[31m red"})
    new["relations"].append({"type": "support", "source": HOSTILE_ID, "target": "go"})
    paths = tmp_path / "old.json", tmp_path / "new.json"
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(data), encoding="utf-8")
    return paths


def test_markdown_escapes_every_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = _hostile_pair(tmp_path)
    code, out, _ = run(capsys, "diff", str(old), str(new), "--format", "markdown")
    assert code == 0
    outside_code = re.sub(r"``.*?``|`[^`]*`", "", out)
    assert "<img" not in outside_code
    assert "<b>@x" not in outside_code
    assert "\x1b" not in out
    assert "@octocat" not in out
    assert "@&#8203;octocat" in out
    assert "#12" not in out
    assert "**bold**" not in out
    assert "[link](" not in out
    assert "\\*\\*bold\\*\\* \\| &lt;img" in out
    assert "``id`|<b>@x``" in out  # an id as a code span, fenced past its backtick
    for line in out.splitlines():  # every table row keeps its columns
        if line.startswith("| ") and "strength" not in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (6, 7), line


def test_text_shows_control_characters_as_escapes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = _hostile_pair(tmp_path)
    code, out, _ = run(capsys, "diff", str(old), str(new))
    assert code == 0
    assert "\x1b" not in out
    assert "\\x1b[31m red" in out
    added = [line for line in out.splitlines() if line.startswith("  + id`")]
    assert len(added) == 1  # the text's line break folded: one line per claim


# ------------------------------------------------------------------- sheets
def _sheet(path: Path, scores: dict[str, float], **extra: Any) -> Path:
    data = {
        "format": "arggraph-scores/1",
        "graph": "siege",
        "scorer": "ana",
        "scores": {c: {"base": b} for c, b in scores.items()},
        **extra,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_scores_apply_to_old_as_is_and_to_new_through_the_map(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path / "ana.json",
        {"losses": 0.9, "symbol": 0.9},
        weights={"support:losses->withdraw": {"weight": 0.5}},
    )
    code, out, err = run(capsys, "diff", OLD, NEW, "--scores", str(sheet), "--format", "json")
    assert code == 0
    assert "applied to NEW through the derived id map: 2 ids renamed and 1 removed" in err
    effects = json.loads(out)["effects"]
    assert [e["scores"] for e in effects] == [None, str(sheet)]
    own, scored = effects
    # the old version under the sheet: losses at 0.9 through a weight of 0.5
    assert scored["before"]["strengths"]["withdraw"] != own["before"]["strengths"]["withdraw"]
    by_id = {c["new"]: c for c in scored["largest"]}
    assert "casualties" not in by_id  # 0.9 on both sides: the sheet followed the rename


def test_a_sheet_of_the_new_version_goes_backwards(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sha = load(NEW).stamp
    assert sha is not None
    sheet = _sheet(tmp_path / "new.json", {"casualties": 0.9}, graph_sha256=sha.sha256)
    code, _, err = run(capsys, "diff", OLD, NEW, "--scores", str(sheet))
    assert code == 0
    assert "applied to OLD through the derived id map: 1 id renamed" in err


def test_a_sheet_with_an_unknown_id_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "ana.json", {"nowhere": 0.9})
    code, out, err = run(capsys, "diff", OLD, NEW, "--scores", str(sheet))
    assert code == 2
    assert out == ""
    assert f"{sheet}: scores['nowhere']: no claim with id 'nowhere'" in err
    assert "Traceback" not in err


def test_a_sheet_for_another_graph_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "ana.json", {}, graph="elsewhere")
    sheet.write_text(sheet.read_text().replace('"siege"', '"elsewhere"'), encoding="utf-8")
    code, _, err = run(capsys, "diff", OLD, NEW, "--scores", str(sheet))
    assert code == 2
    assert "is for graph 'elsewhere', not 'siege'" in err


# ------------------------------------------------------------------ id maps
def test_write_id_map_then_an_old_sheet_loads_against_new(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "siege-1.json", tmp_path / "siege.json"
    shutil.copy(OLD, old)
    shutil.copy(NEW, new)
    out_map = id_map_path(new)
    code, _, err = run(capsys, "diff", str(old), str(new), "--write-id-map", str(out_map))
    assert code == 0
    assert f"wrote {out_map}: 6 ids renamed, 2 removed" in err
    written = load_id_map(out_map)
    old_graph, new_graph = load(old), load(new)
    assert old_graph.stamp is not None
    assert new_graph.stamp is not None
    assert written.from_sha256 == [old_graph.stamp.sha256]
    assert written.to_sha256 == new_graph.stamp.sha256
    assert written.renamed == {
        "losses": "casualties",
        "reserves": "reserves-needed",
        "support:losses->withdraw": "support:casualties->withdraw",
        "support:roads->withdraw": "supply-line",
        "support:reserves->withdraw": "support:reserves-needed->withdraw",
        "support:wagner->attrition": "attack:wagner->attrition",
    }
    assert written.removed == ["support:symbol->hold", "symbol"]

    every = {c: 0.8 for c in old_graph.claims}
    weights = {r: {"weight": 0.4} for r in old_graph.relations}
    sheet_path = _sheet(
        tmp_path / "ana.json", every, weights=weights, graph_sha256=old_graph.stamp.sha256
    )
    carried, moved = follow(load_scores(sheet_path), new_graph)
    assert set(carried.scores) <= set(new_graph.claims)
    assert set(carried.weights) <= set(new_graph.relations)
    assert len(moved.renamed) == 6
    assert sorted(moved.removed) == ["support:symbol->hold", "symbol"]
    assert carried.scores["casualties"].base == 0.8
    assert carried.weights["supply-line"].weight == 0.4
    # and on the command line, the sheet scores the new version
    code, out, err = run(capsys, "score", str(new), "--scores", str(sheet_path), "--format", "json")
    assert code == 0
    assert "follows the graph's new version: 6 ids renamed and 2 removed" in err
    assert json.loads(out)["strengths"]["casualties"] > 0.5


def test_write_id_map_keeps_a_different_file_unless_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "map.json"
    target.write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, "diff", OLD, NEW, "--write-id-map", str(target))
    assert code == 2
    assert "a different file is already there; not overwritten" in err
    assert "--force" in err
    assert out != ""  # the diff itself was shown
    assert target.read_text(encoding="utf-8") == "mine\n"
    code, _, _ = run(capsys, "diff", OLD, NEW, "--write-id-map", str(target), "--force")
    assert code == 0
    assert load_id_map(target).graph == "siege"
    code, _, _ = run(capsys, "diff", OLD, NEW, "--write-id-map", str(target))
    assert code == 0  # the same map again: nothing to refuse


def test_write_id_map_never_over_a_graph(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new = tmp_path / "new.json"
    shutil.copy(NEW, new)
    code, _, err = run(capsys, "diff", OLD, str(new), "--write-id-map", str(new))
    assert code == 2
    assert "is the graph" in err
    assert new.read_bytes() == Path(NEW).read_bytes()


# -------------------------------------------------------------- exit codes
def test_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "diff", OLD, NEW, "--exit-code")[0] == 1
    code, out, _ = run(capsys, "diff", OLD, OLD, "--exit-code")
    assert code == 0
    assert "no changes" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ('{"claims": [', "line 1"),
        ('{"claims": [{"id": "a", "text": "A", "base": 3}]}', "claims[0].base"),
    ],
)
def test_bad_input_is_one_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, message: str
) -> None:
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "diff", OLD, str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith(f"arggraph: error: {bad}")
    assert message in err
    assert "Traceback" not in err


def test_two_files_are_needed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "diff", OLD)
    assert code == 2
    assert "give two files, OLD and NEW" in err


@pytest.mark.parametrize("top", ["-1", "two", "1.5"])
def test_top_is_a_whole_number(capsys: pytest.CaptureFixture[str], top: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["diff", OLD, NEW, "--top", top])
    assert exc.value.code == 2
    assert f"--top: expected a whole number of at least 0, not '{top}'" in capsys.readouterr().err
