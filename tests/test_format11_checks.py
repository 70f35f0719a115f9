"""The checks on arggraph/1.1 graphs: linked premises count premise by premise (or
together, for the reasoning rules), relations aimed at relations lead where their target
leads, reconstructed claims need no quote, and documents' hashes are compared."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.checks import Finding, check
from arggraph.checks.examples import EXAMPLES
from arggraph.cli import main
from arggraph.errors import SchemaError
from arggraph.graph import Graph
from arggraph.io import loads

X = {"id": "x", "name": "X", "kind": "analyst"}
DOC = {"id": "doc", "title": "A report", "published": "2023-03-06"}


def graph(**sections: Any) -> Graph:
    data = {"format": "arggraph/1.1", "id": "g", **sections}
    return loads(json.dumps(data), path="g.json", strict=False)


def claims(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "text": f"Claim {i}"} for i in ids]


def pos(ident: str) -> dict[str, Any]:
    return {"id": ident, "text": f"Position {ident}", "kind": "position"}


def rel(type_: str, premises: str | list[str], target: str, **kw: Any) -> dict[str, Any]:
    ends = {"source": premises} if isinstance(premises, str) else {"sources": premises}
    return {"type": type_, **ends, "target": target, **kw}


def found(g: Graph, code: str) -> list[Finding]:
    return check(g, select=[code])


# ---------------------------------------------------------------------- structure
def test_s003_a_premise_that_is_its_own_conclusion() -> None:
    g = graph(claims=claims("a", "b"), relations=[rel("support", ["a", "b"], "a", id="r")])
    (f,) = found(g, "S003")
    assert f.message == "relation 'r': claim 'a' supports itself (with 'b')"
    assert f.path == "relations[0]"


def test_s003_a_relation_aimed_at_itself() -> None:
    g = graph(claims=claims("a"), relations=[rel("attack", "a", "r", id="r")])
    (f,) = found(g, "S003")
    assert (f.message, f.path) == ("relation 'r' is aimed at itself", "relations[0].target")
    assert found(g, "S001") == []


def test_s004_a_linked_support_and_an_attack_between_a_premise_and_its_conclusion() -> None:
    g = graph(
        claims=claims("a", "b", "c"),
        relations=[rel("support", ["a", "b"], "c", id="s"), rel("attack", "c", "a", id="t")],
    )
    (f,) = found(g, "S004")
    assert f.message == (
        "claims 'a' and 'c' are joined by both a support and an attack: "
        "support 's' ('a' + 'b' -> 'c'), attack 't' ('c' -> 'a')"
    )


def test_s004_leaves_relations_aimed_at_relations_alone() -> None:
    g = graph(
        claims=claims("a", "c"),
        relations=[rel("support", "a", "c", id="s"), rel("attack", "a", "s")],
    )
    assert found(g, "S004") == []


def test_s005_a_circle_through_a_linked_support() -> None:
    g = graph(
        claims=claims("a", "b", "c"),
        relations=[rel("support", ["a", "b"], "c", id="s"), rel("support", "c", "a")],
    )
    (f,) = found(g, "S005")
    assert f.message == "supports run in a circle: 'a' -> 'c' -> 'a'"
    assert set(f.ids) == {"a", "c"}


def test_s006_undercuts_and_backings_reach_where_their_relation_leads() -> None:
    g = graph(
        claims=[pos("p"), *claims("a", "u", "v", "w", "b1", "b2", "l1", "l2", "lone")],
        relations=[
            rel("attack", "a", "p", id="r"),
            rel("attack", "u", "r", id="undercut"),
            rel("attack", "v", "undercut", id="second"),  # aimed at the undercut
            rel("support", ["b1", "b2"], "r"),  # a linked backing
            rel("support", "l1", "l2", id="loose"),
            rel("attack", "w", "loose"),  # undercuts a relation that reaches nothing
        ],
    )
    unreached = sorted(f.ids[0] for f in found(g, "S006"))
    assert unreached == ["l1", "l2", "lone", "w"]


def test_s006_a_circle_of_relations_aimed_at_one_another_reaches_nothing() -> None:
    g = graph(
        claims=[pos("p"), *claims("a", "b")],
        relations=[rel("attack", "a", "r2", id="r1"), rel("attack", "b", "r1", id="r2")],
    )
    assert sorted(f.ids[0] for f in found(g, "S006")) == ["a", "b"]


def test_s007_a_linked_argument_argues_a_position() -> None:
    g = graph(
        claims=[pos("p"), pos("q"), *claims("a", "b")],
        relations=[rel("support", ["a", "b"], "p"), rel("attack", ["a", "b"], "q")],
    )
    assert found(g, "S007") == []
    only_positions = graph(
        claims=[pos("p"), pos("q"), pos("s")],
        relations=[rel("attack", ["p", "s"], "q")],
    )
    assert sorted(f.ids[0] for f in found(only_positions, "S007")) == ["p", "q", "s"]


def test_s009_the_same_linked_premises_twice() -> None:
    g = graph(
        claims=claims("a", "b", "c"),
        relations=[
            rel("attack", ["a", "b"], "c", id="r1"),
            rel("attack", ["b", "a"], "c", id="r2"),
        ],
    )
    (f,) = found(g, "S009")
    assert f.message == "2 attacks run from 'a' + 'b' to 'c': 'r1', 'r2'"


def test_s001_a_missing_premise_or_target() -> None:
    g = graph(
        claims=claims("alpha", "b", "c"),
        relations=[
            rel("support", ["alpha", "b"], "c", id="r"),
            rel("attack", ["b", "alpah"], "c", id="s"),
            rel("attack", "b", "rr", id="t"),
        ],
    )
    messages = [(f.message, f.path, f.hint) for f in found(g, "S001")]
    assert messages == [
        (
            "relation 's': sources refers to unknown claim 'alpah'",
            "relations[1].sources[1]",
            "did you mean 'alpha'?",
        ),
        (
            "relation 't': target refers to unknown claim or relation 'rr'",
            "relations[2].target",
            "did you mean 'r'?",
        ),
    ]


def test_s002_one_namespace() -> None:
    g = graph(claims=claims("a", "b"), relations=[rel("support", "a", "b", id="b")])
    (f,) = found(g, "S002")
    assert f.message == (
        "id 'b' names both a claim and a relation (first used at claims[1].id); in "
        "arggraph/1.1 they share one namespace"
    )
    assert f.path == "relations[0].id"


# ---------------------------------------------------------------------- provenance
def test_reconstructed_claims_need_no_attribution_or_quote() -> None:
    g = graph(
        actors=[X],
        documents=[DOC],
        claims=[
            {"id": "bare", "text": "Bare", "reconstructed": True},
            {
                "id": "named",
                "text": "Whose argument it completes",
                "reconstructed": True,
                "attributions": [{"actor": "x", "document": "doc", "date": "2023-03-06"}],
            },
            {"id": "plain", "text": "Plain"},
            {"id": "unmarked", "text": "Not reconstructed", "reconstructed": False},
        ],
    )
    assert [f.ids for f in found(g, "P001")] == [("plain",), ("unmarked",)]
    assert found(g, "P003") == []
    assert found(g, "P014") == []


def test_p014_a_reconstructed_claim_with_a_quote() -> None:
    g = graph(
        actors=[X],
        documents=[DOC],
        claims=[
            {
                "id": "r",
                "text": "R",
                "reconstructed": True,
                "attributions": [{"actor": "x", "document": "doc", "quote": "said it"}],
            }
        ],
    )
    (f,) = found(g, "P014")
    assert f.severity == "warning"
    assert f.message == "claim 'r' is marked reconstructed but its attribution to 'x' quotes it"
    assert f.path == "claims[0].attributions[0].quote"


def test_p002_names_linked_premises_and_spares_positions() -> None:
    g = graph(
        claims=[pos("p"), pos("q"), pos("s"), *claims("a", "b")],
        relations=[rel("support", ["a", "b"], "p", id="r"), rel("attack", ["p", "s"], "q")],
    )
    (f,) = found(g, "P002")
    assert f.message == "support 'r' ('a' + 'b' -> 'p') has no attribution"


def hashed(tmp_path: Path, recorded: str, text: str = "The text as quoted.\n") -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    data = {
        "format": "arggraph/1.1",
        "id": "g",
        "actors": [X],
        "documents": [{**DOC, "file": "report.txt", "sha256": recorded, "accessed": "2023-03-07"}],
        "claims": [
            {
                "id": "c",
                "text": "C",
                "attributions": [{"actor": "x", "document": "doc", "quote": "The text"}],
            }
        ],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


QUOTED = hashlib.sha256(b"The text as quoted.\n").hexdigest()


@pytest.mark.parametrize("recorded", [QUOTED, QUOTED.upper()])
def test_p013_quiet_while_the_text_matches_its_hash(
    recorded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hashed(tmp_path, recorded)
    code = main(["check", str(path), "--documents", str(tmp_path / "docs"), "--select", "P"])
    out = capsys.readouterr().out
    assert code == 0 and "P013" not in out


def test_p013_a_text_that_changed_since_its_hash_was_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hashed(tmp_path, QUOTED, text="The text as quoted, then edited.\n")
    now = hashlib.sha256(b"The text as quoted, then edited.\n").hexdigest()
    args = ["check", str(path), "--documents", str(tmp_path / "docs"), "--select", "P013"]
    code = main([*args, "--format", "json"])
    (f,) = json.loads(capsys.readouterr().out)
    assert code == 0  # a warning does not fail the check by default
    assert f["code"] == "P013" and f["severity"] == "warning"
    assert f["path"] == "documents[0].sha256"
    assert f["message"] == (
        f"document 'doc': text file 'report.txt' no longer matches its recorded sha256 "
        f"({QUOTED[:12]}..., now {now[:12]}...)"
    )
    assert f["hint"].endswith(f"sha256 {now}")


def test_p013_needs_the_documents_and_a_usable_file(tmp_path: Path) -> None:
    path = hashed(tmp_path, "0" * 64)
    g = loads(path.read_bytes(), path=path)
    assert check(g, select=["P013"]) == []  # no --documents: nothing to compare
    (tmp_path / "docs" / "report.txt").unlink()
    codes = [f.code for f in check(g, documents=tmp_path / "docs", select=["P008", "P013"])]
    assert codes == ["P008"]


def test_the_rules_command_shows_the_new_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "P013  warning  document-changed" in listing
    assert "P014  warning  quoted-reconstruction" in listing
    assert main(["rules", "P013"]) == 0
    shown = capsys.readouterr().out
    assert (
        '"sha256": "' in shown and "no longer" in shown and "matches its recorded sha256" in shown
    )


# ---------------------------------------------------------------------- reasoning
def endorsed(**dates: str) -> list[dict[str, Any]]:
    return [
        {"id": cid, "text": f"Claim {cid}", "attributions": [{"actor": "x", "date": when}]}
        for cid, when in dates.items()
    ]


def test_r001_an_actor_holds_linked_premises_and_what_they_attack_at_once() -> None:
    g = graph(
        actors=[X],
        claims=endorsed(a="2023-03", b="2023-03-10", c="2023-03-10/2023-03-12"),
        relations=[rel("attack", ["a", "b"], "c", id="r")],
    )
    (f,) = check(g, select=["R"])
    assert f.code == "R001"
    assert f.ids == ("x", "a", "b", "c", "r")
    assert "endorses the claims 'a' + 'b' and 'c' (" in f.message
    assert f.message.endswith("but 'a' + 'b' together attack 'c'")


def test_premises_never_held_together_make_no_conflict() -> None:
    g = graph(
        actors=[X],
        claims=endorsed(a="2023-01", b="2023-03", c="2023-03"),
        relations=[rel("attack", ["a", "b"], "c")],
    )
    assert check(g, select=["R"]) == []


def test_r002_linked_premises_then_what_they_attack() -> None:
    g = graph(
        actors=[X],
        claims=endorsed(a="2023-01", b="2023-01-15", c="2023-04"),
        relations=[rel("attack", ["a", "b"], "c", id="r")],
    )
    (f,) = check(g, select=["R"])
    assert f.code == "R002"
    assert "on 2023-01-15 endorsed 'a' + 'b', on 2023-04 'c'" in f.message
    assert f.message.endswith(", which they together attack")


def test_r002_a_claim_then_the_linked_premises_that_attack_it() -> None:
    g = graph(
        actors=[X],
        claims=endorsed(a="2023-05", b="2023-05", c="2023-01"),
        relations=[rel("attack", ["a", "b"], "c")],
    )
    (f,) = check(g, select=["R"])
    assert f.code == "R002" and f.ids[:2] == ("x", "c")
    assert f.message.endswith(", which together attack it")


def test_undercuts_are_no_conflict_between_claims() -> None:
    g = graph(
        actors=[X],
        claims=endorsed(a="2023-03", b="2023-03", u="2023-03"),
        relations=[rel("support", "a", "b", id="s"), rel("attack", "u", "s")],
    )
    assert check(g, select=["R001", "R002"]) == []


def test_r004_leaves_out_claims_that_linked_premises_attack() -> None:
    sections: dict[str, Any] = {
        "claims": [pos("hold"), *claims("lost", "roads", "m", "n")],
        "relations": [rel("attack", "lost", "hold"), rel("attack", "roads", "lost")],
    }
    assert [f.ids[0] for f in found(graph(**sections), "R004")] == ["hold"]
    sections["relations"].append(rel("attack", ["m", "n"], "hold"))
    assert found(graph(**sections), "R004") == []


# ---------------------------------------------------------------------- issue 20's rules
@pytest.mark.parametrize("code", sorted(c for c, e in EXAMPLES.items() if e.passing is not None))
def test_each_example_put_right_passes(code: str) -> None:
    passing = EXAMPLES[code].passing
    assert passing is not None
    assert passing.findings(code) == []


def test_the_new_rules_have_examples_both_ways() -> None:
    for code in ("S001", "S011", "S012", "P013", "P014"):
        assert EXAMPLES[code].passing is not None, code


def test_s011_one_claim_under_sources_loads_as_that_relation_and_is_reported() -> None:
    g = graph(
        claims=[pos("p"), *claims("a")],
        relations=[rel("attack", ["a"], "p", id="r"), rel("support", "a", "p")],
    )
    (f,) = found(g, "S011")
    assert f.severity == "warning"
    assert (
        f.message
        == "relation 'r' lists one claim under \"sources\" ('a'): linked premises are two or more"
    )
    assert (f.path, f.ids) == ("relations[0].sources", ("r", "a"))
    assert f.hint is not None and f.hint.startswith("give 'a' as \"source\" instead")
    assert g.framework.k == 0  # computed as the plain attack from 'a'
    assert g.framework.att_ids == ("r",)
    assert (
        found(
            graph(claims=claims("a", "b", "c"), relations=[rel("attack", ["a", "b"], "c")]), "S011"
        )
        == []
    )


def test_s011_needs_the_1_1_format_like_any_sources() -> None:
    data = {
        "format": "arggraph/1",
        "id": "g",
        "claims": claims("a", "b"),
        "relations": [rel("attack", ["a"], "b")],
    }
    with pytest.raises(SchemaError) as info:
        loads(json.dumps(data), path="g.json", strict=False)
    assert "relations[0].sources: linked premises need" in str(info.value)


def test_s012_a_premise_that_undercuts_its_own_inference() -> None:
    g = graph(
        claims=claims("a", "b", "c", "u"),
        relations=[
            rel("support", ["a", "b"], "c", id="r"),
            rel("attack", "b", "r", id="self"),
            rel("attack", ["u", "a"], "r", id="linked"),  # a is one of r's premises
            rel("attack", "u", "r", id="fine"),
            rel("support", "a", "r", id="backing"),  # a backing is no contradiction
        ],
    )
    assert [(f.code, f.ids, f.path) for f in found(g, "S012")] == [
        ("S012", ("self", "b", "r"), "relations[1]"),
        ("S012", ("linked", "a", "r"), "relations[2]"),
    ]
    (f,) = [f for f in found(g, "S012") if f.ids[0] == "self"]
    assert f.severity == "error"
    assert (
        f.message
        == "relation 'self': claim 'b' attacks the inference 'r', of which it is a premise"
    )


def test_s012_a_single_premise_relation_undercut_by_its_premise() -> None:
    g = graph(
        claims=claims("a", "c"),
        relations=[rel("support", "a", "c", id="r"), rel("attack", "a", "r", id="u")],
    )
    assert [f.ids for f in found(g, "S012")] == [("u", "a", "r")]
    assert found(graph(claims=claims("a", "c")), "S012") == []


def test_a_relation_aimed_at_a_missing_relation_is_s001_with_a_hint() -> None:
    g = graph(
        claims=claims("a", "b", "u"),
        relations=[rel("support", "a", "b", id="step"), rel("attack", "u", "stpe", id="x")],
    )
    (f,) = found(g, "S001")
    assert f.message == "relation 'x': target refers to unknown claim or relation 'stpe'"
    assert (f.path, f.hint) == ("relations[1].target", "did you mean 'step'?")


def test_a_date_interval_that_ends_before_it_starts_is_refused_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {
        "format": "arggraph/1.1",
        "id": "g",
        "actors": [X],
        "claims": [
            {
                "id": "c",
                "text": "C",
                "attributions": [{"actor": "x", "date": "2023-03-10/2023-03-01"}],
            }
        ],
    }
    good = {
        **bad,
        "claims": [
            {
                "id": "c",
                "text": "C",
                "attributions": [{"actor": "x", "date": "2023-03-01/2023-03-10"}],
            }
        ],
    }
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    code = main(
        ["check", str(tmp_path / "bad.json"), str(tmp_path / "good.json"), "--select", "P007,S"]
    )
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines()[0] == (
        f"arggraph: error: {tmp_path / 'bad.json'}:1:172: claims[0].attributions[0].date: the "
        "start of "
        "the interval is after its end, got '2023-03-10/2023-03-01' (claim 'c')"
    )
    assert out.splitlines()[-1] == (  # and the good one was checked
        "Found 1 finding (1 warning) in 1 of 1 file; 1 file could not be checked."
    )


def test_rules_shows_the_example_put_right(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "S011"]) == 0
    out = capsys.readouterr().out
    tripped, _, fixed = out.partition("Put right (example.json), it finds nothing:")
    assert '"sources": ["costs"]' in tripped and "example.json: S011 warning" in tripped
    assert '"source": "costs"' in fixed and fixed.rstrip().endswith("(no finding)")
    assert main(["rules", "S012", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["example"]["findings"]] == ["S012"]
    assert data["example"]["passing"]["findings"] == []
