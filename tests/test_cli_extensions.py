"""``arggraph extensions``: output shapes, --claim, ICCMA input, and exit 2 on bad requests."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from _support import result_body

from arggraph.cli import build_parser, main
from arggraph.semantics.registry import EXTENSION

ICCMA = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "iccma"

# a <-> b (a mutual attack), both attack c, c attacks d; e supports d; f attacks d with
# weight 0 (no attack at all); g attacks itself.
GRAPH = {
    "format": "arggraph/1",
    "id": "ext-test",
    "title": "Extensions test",
    "claims": [{"id": cid, "text": f"claim {cid}"} for cid in "abcdefg"],
    "relations": [
        {"type": "attack", "source": "a", "target": "b"},
        {"type": "attack", "source": "b", "target": "a"},
        {"type": "attack", "source": "a", "target": "c"},
        {"type": "attack", "source": "b", "target": "c"},
        {"type": "attack", "source": "c", "target": "d"},
        {"type": "support", "source": "e", "target": "d"},
        {"type": "attack", "source": "f", "target": "d", "weight": 0},
        {"type": "attack", "source": "g", "target": "g"},
    ],
}


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GRAPH), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["extensions", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_for_every_semantics(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = {
        "grounded": [["e", "f"]],
        "complete": [["a", "d", "e", "f"], ["b", "d", "e", "f"], ["e", "f"]],
        "preferred": [["a", "d", "e", "f"], ["b", "d", "e", "f"]],
        "stable": [],  # g attacks itself and nothing attacks it
    }
    labels = {"claims": {"in": ["e", "f"], "out": [], "undecided": ["a", "b", "c", "d", "g"]}}
    for semantics, extensions in expected.items():
        code, out, err = run(capsys, str(graph), "--semantics", semantics, "--format", "json")
        assert code == 0
        assert err == ""
        body: dict[str, object] = {"semantics": semantics, "extensions": extensions}
        if semantics == "grounded":  # the labelling the text shows, in JSON too
            body["labels"] = labels
        assert result_body(out) == body


def test_grounded_json_labels_the_attacks_that_are_arguments(
    capsys: pytest.CaptureFixture[str], mutual_undercuts: Path
) -> None:
    code, out, _ = run(capsys, str(mutual_undercuts), "--format", "json")
    assert code == 0
    labels = json.loads(out)["labels"]
    text_code, text, _ = run(capsys, str(mutual_undercuts))
    for group in ("claims", "relations"):
        for name, ids in labels[group].items():
            for ident in ids:
                assert f"  {ident}\n" in text, (group, name, ident)
    assert labels["relations"]["undecided"] == ["reliable-cut", "survey-cut"]


def test_default_is_grounded_text(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(graph))
    assert code == 0
    assert out == (  # d waits on the a-b dispute
        "grounded extension: 2 in, 0 out, 5 undecided\n"
        "in (2 claims):\n  e\n  f\nundecided (5 claims):\n  a\n  b\n  c\n  d\n  g\n"
    )
    code, out, _ = run(capsys, str(graph), "--semantics", "preferred")
    assert out == (
        "2 preferred extensions\n"
        "extension 1 of 2 (4 claims):\n  a\n  d\n  e\n  f\n"
        "extension 2 of 2 (4 claims):\n  b\n  d\n  e\n  f\n"
    )
    code, out, _ = run(capsys, str(graph), "--semantics", "stable")
    assert code == 0
    assert out == "no stable extension\n"


def test_claim_acceptance(graph: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(graph), "--semantics", "preferred", "--claim", "a")
    assert code == 0
    assert out == (
        "a under preferred semantics: credulously accepted: yes; sceptically accepted: no\n"
    )
    code, out, _ = run(
        capsys, str(graph), "--semantics", "preferred", "--claim", "d", "--format", "json"
    )
    assert result_body(out) == {
        "semantics": "preferred",
        "claim": "d",
        "credulous": True,
        "sceptical": True,
    }
    code, out, _ = run(capsys, str(graph), "--claim", "c", "--format", "json")
    assert json.loads(out)["credulous"] is False


def test_claim_under_stable_without_extensions_says_vacuous(
    graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(graph), "--semantics", "stable", "--claim", "a")
    assert code == 0
    assert "sceptically accepted: yes (vacuously: no stable extension)" in out
    assert "no stable extension" in err


def test_unknown_claim_is_exit_2_naming_the_file(
    graph: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(graph), "--claim", "zz")
    assert code == 2
    assert out == ""
    assert str(graph) in err
    assert "no claim with id 'zz'" in err
    assert "Traceback" not in err


def test_unknown_semantics_and_bad_limit_are_exit_2(graph: Path) -> None:
    for extra in (["--semantics", "semi-stable"], ["--limit", "0"]):
        proc = subprocess.run(
            [sys.executable, "-m", "arggraph", "extensions", str(graph), *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2, extra
        assert proc.stdout == ""
        assert "Traceback" not in proc.stderr


def test_unreadable_graph_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "arggraph/1", ', encoding="utf-8")
    code, out, err = run(capsys, str(bad))
    assert code == 2
    assert out == ""
    assert "bad.json" in err


def test_limit_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = [f"x{i}" for i in range(6)]
    rels = [{"type": "attack", "source": ids[i], "target": ids[i ^ 1]} for i in range(6)]
    path = tmp_path / "cycles.json"
    path.write_text(
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "cycles",
                "claims": [{"id": c, "text": c} for c in ids],
                "relations": rels,
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(path), "--semantics", "complete", "--limit", "4")
    assert code == 0
    assert out.count("\nextension ") == 4
    assert "--limit 4" in err
    target = tmp_path / "out.json"
    code, out, _ = run(
        capsys, str(path), "--semantics", "complete", "--format", "json", "-o", str(target)
    )
    assert code == 0
    assert out == ""
    assert len(json.loads(target.read_text())["extensions"]) == 27  # three 2-cycles: 3**3


def test_ids_are_escaped_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(
        json.dumps(
            {"format": "arggraph/1", "id": "h", "claims": [{"id": "a\x1b[31m", "text": "t"}]}
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert "\x1b" not in out
    assert "\\x1b[31m" in out


@pytest.mark.realdata
@pytest.mark.parametrize("suffix", ["apx", "tgf"])
def test_iccma_files_are_read_by_their_ending(
    suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ICCMA / f"probo_ex2.{suffix}"
    if not path.exists():
        pytest.skip("../shared/realdata/iccma is not there")
    pytest.importorskip("arggraph.formats.iccma")
    code, out, _ = run(capsys, str(path), "--semantics", "preferred", "--format", "json")
    assert code == 0
    assert json.loads(out)["extensions"] == [["a1", "a3", "a6"], ["a1", "a4", "a5"]]
    code, out, _ = run(capsys, str(ICCMA / "taas-fudge_test.i23"), "--semantics", "stable")
    assert out == "1 stable extension\nextension 1 of 1 (4 claims):\n  2\n  4\n  5\n  6\n"


def _semantics_option() -> argparse.Action:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command = sub.choices["extensions"]
    assert isinstance(command, argparse.ArgumentParser)
    return next(a for a in command._actions if a.dest == "semantics")


def test_semantics_choices_and_help_come_from_the_table() -> None:
    option = _semantics_option()
    assert list(option.choices or ()) == list(EXTENSION)
    assert option.default == next(iter(EXTENSION))
    for entry in EXTENSION.values():
        assert entry.summary in (option.help or "")


def test_a_table_entry_reaches_the_command_line(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grounded entry under a new name: a choice, its help, its answers."""
    toy = replace(EXTENSION["grounded"], name="wellfounded", definition="grounded, renamed")
    monkeypatch.setitem(EXTENSION, "wellfounded", toy)
    assert "wellfounded" in (_semantics_option().choices or ())
    assert "wellfounded: grounded, renamed" in (_semantics_option().help or "")
    code, out, _ = run(capsys, str(graph), "--semantics", "wellfounded", "--format", "json")
    assert code == 0
    body = result_body(out)
    assert body.pop("labels") == {  # (a grounded entry: labelled)
        "claims": {"in": ["e", "f"], "out": [], "undecided": ["a", "b", "c", "d", "g"]}
    }
    assert body == {"semantics": "wellfounded", "extensions": [["e", "f"]]}
    code, out, _ = run(capsys, str(graph), "--semantics", "wellfounded", "--claim", "e")
    assert out == (
        "e under wellfounded semantics: credulously accepted: yes; sceptically accepted: yes\n"
    )


def test_a_semantics_that_may_have_none_gets_the_vacuous_note(
    graph: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note follows the entry's flag and label, not the name "stable"."""
    toy = replace(EXTENSION["stable"], name="stable2", label="second stable")
    monkeypatch.setitem(EXTENSION, "stable2", toy)
    code, out, err = run(capsys, str(graph), "--semantics", "stable2", "--claim", "a")
    assert code == 0
    assert "(vacuously: no second stable extension)" in out
    assert "there is no second stable extension" in err
    code, out, err = run(capsys, str(graph), "--semantics", "stable2", "--limit", "1")
    assert out == "no stable2 extension\n"
    assert err == ""
    code, out, err = run(capsys, str(graph), "--semantics", "complete", "--limit", "1")
    assert out.count("\nextension ") == 1
    assert "--limit 1" in err
    with pytest.raises(SystemExit) as exit_:  # the other test's entry is gone again
        main(["extensions", str(graph), "--semantics", "wellfounded"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


BRIDGE_CLAIMS = sorted(
    [
        "close",
        "cracks",
        "detour",
        "keep",
        "load",
        "quay",
        "rains",
        "recheck",
        "still-reliable",
        "survey",
        "trade",
    ]
)


def test_extensions_with_the_same_claims_and_other_attacks_standing_are_all_listed_in_json(
    mutual_undercuts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two undercuts that undercut each other: each stands in an extension of its own,
    # and those extensions hold the same claims. Listing one of them (as if the claims
    # alone made an extension) said an undercut stood in every preferred extension.
    expected = {
        "grounded": [["quay-cut"]],
        "complete": [["quay-cut"], ["quay-cut", "reliable-cut"], ["quay-cut", "survey-cut"]],
        "preferred": [["quay-cut", "reliable-cut"], ["quay-cut", "survey-cut"]],
        "stable": [["quay-cut", "reliable-cut"], ["quay-cut", "survey-cut"]],
    }
    for semantics, relations in expected.items():
        code, out, _ = run(
            capsys, str(mutual_undercuts), "--semantics", semantics, "--format", "json"
        )
        assert code == 0
        body = result_body(out)
        body.pop("labels", None)  # (grounded's labelling: its own test)
        assert body == {
            "semantics": semantics,
            "extensions": [BRIDGE_CLAIMS] * len(relations),
            "relations": relations,
        }


def test_extensions_with_the_same_claims_and_other_attacks_standing_are_all_listed_in_text(
    mutual_undercuts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = "".join(f"  {c}\n" for c in BRIDGE_CLAIMS)
    code, out, _ = run(capsys, str(mutual_undercuts), "--semantics", "preferred")
    assert code == 0
    assert out == (
        "2 preferred extensions\n"
        f"extension 1 of 2 (11 claims):\n{claims}"
        "attacks standing in it (2 relations):\n  quay-cut\n  reliable-cut\n"
        f"extension 2 of 2 (11 claims):\n{claims}"
        "attacks standing in it (2 relations):\n  quay-cut\n  survey-cut\n"
    )
    code, out, _ = run(capsys, str(mutual_undercuts), "--semantics", "stable")
    assert out.startswith("2 stable extensions\n")
    code, out, _ = run(capsys, str(mutual_undercuts), "--semantics", "complete")
    assert out.startswith("3 complete extensions\n")
    assert out.count("attacks standing in it (1 relation):\n  quay-cut\n") == 1
    assert out.count("attacks standing in it (2 relations):\n") == 2
    assert out.count("  reliable-cut\n") == out.count("  survey-cut\n") == 1


def test_limit_counts_extensions_that_differ_only_in_the_attacks_standing(
    mutual_undercuts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, str(mutual_undercuts), "--semantics", "complete", "--limit", "2", "--format", "json"
    )
    assert code == 0
    assert len(result_body(out)["extensions"]) == 2  # type: ignore[arg-type]
    assert "--limit 2" in err


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["probo_ex1", "probo_ex2", "probo_ex3"])
def test_iccma_solutions_through_linked_attacks_name_the_attacks_standing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each ICCMA attack a -> b becomes the linked attack {a, always} -> b, where nothing
    # attacks `always`: the same extensions (plus `always`), but every attack is now an
    # argument of its own, which stands exactly where its source does (it has the same
    # attackers). So the command line must list the ICCMA solution, each extension once,
    # with the attacks whose source is in it.
    from test_extensions import SEMANTICS_OF, read_apx, read_solution

    apx = ICCMA / f"{name}.apx"
    if not apx.exists():
        pytest.skip("../shared/realdata/iccma is not there")
    args, atts = read_apx(apx.read_text())
    always = "always"
    assert always not in args
    attacks = {f"att{i}": (src, tgt) for i, (src, tgt) in enumerate(atts)}
    path = tmp_path / f"{name}.json"
    path.write_text(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "id": name,
                "claims": [{"id": c, "text": c} for c in [*args, always]],
                "relations": [
                    {"id": rid, "type": "attack", "sources": [src, always], "target": tgt}
                    for rid, (src, tgt) in attacks.items()
                ],
            }
        ),
        encoding="utf-8",
    )
    for code, semantics in SEMANTICS_OF.items():
        solution = read_solution((ICCMA / f"{name}.apx.EE-{code}").read_text())
        code_, out, _ = run(capsys, str(path), "--semantics", semantics, "--format", "json")
        assert code_ == 0
        body = result_body(out)
        extensions = body["extensions"]
        relations = body["relations"]
        assert isinstance(extensions, list) and isinstance(relations, list)
        assert len(extensions) == len(solution), semantics  # each once, none dropped
        listed = {frozenset(ext) - {always} for ext in extensions}
        assert listed == solution, semantics
        for ext, standing in zip(extensions, relations, strict=True):
            expected = sorted(rid for rid, (src, _) in attacks.items() if src in ext)
            assert standing == expected, semantics
