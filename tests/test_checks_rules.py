"""Every rule of `arggraph check`: a graph that trips it, and one that does not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.checks import RULES, Finding, check
from arggraph.checks.examples import EXAMPLES
from arggraph.graph import Graph
from arggraph.io import loads

ISW = {"id": "isw", "name": "Institute for the Study of War", "kind": "think-tank"}
KOFMAN = {"id": "kofman", "name": "Michael Kofman", "kind": "analyst"}
DOC = {"id": "doc", "title": "A report", "published": "2023-03-06"}
WITHDRAW = {"id": "withdraw", "text": "Withdraw", "kind": "position"}
HOLD = {"id": "hold", "text": "Hold", "kind": "position"}


def att(actor: str = "isw", date: str | None = "2023-03-06", **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"actor": actor, "document": "doc", "quote": "said so", **kw}
    if date is not None:
        out["date"] = date
    return out


def claim(ident: str, *atts: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {"id": ident, "text": kw.pop("text", f"Claim {ident}"), "attributions": list(atts), **kw}


def rel(type_: str, source: str, target: str, **kw: Any) -> dict[str, Any]:
    return {"type": type_, "source": source, "target": target, **kw}


def graph(**sections: Any) -> Graph:
    data = {"format": "arggraph/1", "id": "g", **sections}
    return loads(json.dumps(data), path="g.json", strict=False)


def found(g: Graph, code: str, documents: Path | None = None) -> list[Finding]:
    return check(g, documents=documents, select=[code])


# ------------------------------------------------------------------ the catalogue
@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_an_example_that_trips_it(code: str) -> None:
    example = EXAMPLES[code]
    findings = example.findings(code)
    assert findings, f"the example of {code} gives no finding"
    assert {f.code for f in findings} == {code}
    assert all(f.severity == RULES[code].severity for f in findings)


def test_codes_are_stable_and_documented() -> None:
    assert list(RULES)[:3] == ["S001", "S002", "S003"]
    for code, r in RULES.items():
        assert r.code == code
        assert code[0] in "SPR"
        assert len(code) == 4
        assert r.summary.endswith(".")
        assert len(r.explanation) > len(r.summary)
        assert r.fix
        assert r.name == r.name.lower()
        assert " " not in r.name
    assert len({r.name for r in RULES.values()}) == len(RULES)


# ------------------------------------------------------------------ structure
def test_s001_unknown_claim_actor_and_document() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[WITHDRAW, claim("c", att(actor="iws"), att(document="dco"))],
        relations=[rel("support", "c", "withdrawl", id="r")],
    )
    fs = found(g, "S001")
    assert [f.path for f in fs] == [
        "claims[1].attributions[0].actor",
        "claims[1].attributions[1].document",
        "relations[0].target",
    ]
    assert fs[0].hint == "did you mean 'isw'?"
    assert fs[2].ids == ("r", "withdrawl")
    assert fs[2].hint == "did you mean 'withdraw'?"
    assert "unknown claim 'withdrawl'" in fs[2].message
    ok = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[WITHDRAW, claim("c", att())],
        relations=[rel("support", "c", "withdraw")],
    )
    assert found(ok, "S001") == []


def test_s002_duplicate_ids_of_every_kind() -> None:
    g = graph(
        actors=[ISW, ISW],
        documents=[DOC, DOC],
        claims=[WITHDRAW, claim("c"), claim("c")],
        relations=[rel("support", "c", "withdraw"), rel("support", "c", "withdraw")],
    )
    fs = found(g, "S002")
    assert [f.path for f in fs] == [
        "documents[1].id",
        "actors[1].id",
        "claims[2].id",
        "relations[1]",  # written twice without ids: the relation, not an id never written
    ]
    assert "first used at claims[1]" in fs[2].message
    ok = graph(actors=[ISW], documents=[DOC], claims=[WITHDRAW, claim("c"), claim("d")])
    assert found(ok, "S002") == []


def test_s003_self_support_and_self_attack() -> None:
    g = graph(
        claims=[WITHDRAW, claim("c")],
        relations=[rel("support", "c", "c"), rel("attack", "withdraw", "withdraw")],
    )
    fs = found(g, "S003")
    assert [(f.path, f.ids[1]) for f in fs] == [("relations[0]", "c"), ("relations[1]", "withdraw")]
    assert "supports itself" in fs[0].message
    assert "attacks itself" in fs[1].message
    ok = graph(claims=[WITHDRAW, claim("c")], relations=[rel("support", "c", "withdraw")])
    assert found(ok, "S003") == []


def test_s004_support_and_attack_either_direction() -> None:
    same = graph(
        claims=[WITHDRAW, claim("c")],
        relations=[rel("support", "c", "withdraw"), rel("attack", "c", "withdraw")],
    )
    back = graph(
        claims=[WITHDRAW, claim("c")],
        relations=[rel("support", "c", "withdraw"), rel("attack", "withdraw", "c")],
    )
    for g in (same, back):
        fs = found(g, "S004")
        assert len(fs) == 1
        assert fs[0].path == "relations[1]"
        assert fs[0].ids == (g.model.relations[0].id, g.model.relations[1].id)
    ok = graph(
        claims=[WITHDRAW, HOLD, claim("c")],
        relations=[rel("support", "c", "withdraw"), rel("attack", "c", "hold")],
    )
    assert found(ok, "S004") == []


def test_s005_each_support_cycle_once_in_order() -> None:
    g = graph(
        claims=[WITHDRAW, claim("a"), claim("b"), claim("c"), claim("x"), claim("y")],
        relations=[
            rel("support", "a", "b"),
            rel("support", "b", "c"),
            rel("support", "c", "a"),
            rel("support", "c", "withdraw"),
            rel("support", "x", "y"),
            rel("support", "y", "x"),
            rel("attack", "withdraw", "a"),
        ],
    )
    fs = found(g, "S005")
    assert [f.ids for f in fs] == [("a", "b", "c"), ("x", "y")]
    assert "'a' -> 'b' -> 'c' -> 'a'" in fs[0].message
    assert fs[0].path == "relations[0]"
    # attacks, self-supports and acyclic supports make no support cycle
    ok = graph(
        claims=[WITHDRAW, claim("a"), claim("b")],
        relations=[
            rel("support", "a", "b"),
            rel("attack", "b", "a"),
            rel("support", "a", "a"),
            rel("support", "b", "withdraw"),
        ],
    )
    assert found(ok, "S005") == []


def test_s005_reports_a_large_component_once() -> None:
    claims = [WITHDRAW] + [claim(f"c{i}") for i in range(6)]
    relations = [rel("support", f"c{i}", f"c{(i + 1) % 6}") for i in range(6)]
    relations += [rel("support", "c0", "c3")]
    fs = found(graph(claims=claims, relations=relations), "S005")
    assert len(fs) == 1
    assert fs[0].ids == ("c0", "c3", "c4", "c5")  # the shortest cycle through c0
    assert "(6 claims support one another in circles)" in fs[0].message


def test_s006_claims_that_reach_no_position() -> None:
    g = graph(
        claims=[WITHDRAW, claim("a"), claim("b"), claim("island"), claim("to-island")],
        relations=[
            rel("attack", "a", "withdraw"),
            rel("support", "b", "a"),
            rel("support", "to-island", "island"),
        ],
    )
    fs = found(g, "S006")
    assert [f.ids for f in fs] == [("island",), ("to-island",)]
    assert fs[0].path == "claims[3]"
    assert "reaches no position" in fs[0].message
    # without positions, S008 says so once instead of S006 for every claim
    assert found(graph(claims=[claim("a")]), "S006") == []


def test_s007_position_only_the_other_position_bears_on() -> None:
    g = graph(
        claims=[WITHDRAW, HOLD, claim("c")],
        relations=[
            rel("attack", "withdraw", "hold"),
            rel("attack", "hold", "withdraw"),
            rel("support", "c", "hold"),
        ],
    )
    fs = found(g, "S007")
    assert [f.ids for f in fs] == [("withdraw",)]
    ok = graph(
        claims=[WITHDRAW, HOLD, claim("c"), claim("d")],
        relations=[
            rel("attack", "withdraw", "hold"),
            rel("support", "c", "hold"),
            rel("attack", "d", "withdraw"),
        ],
    )
    assert found(ok, "S007") == []


def test_s008_no_positions() -> None:
    fs = found(graph(claims=[claim("a")]), "S008")
    assert len(fs) == 1
    assert fs[0].path is None
    assert fs[0].ids == ("g",)
    assert found(graph(claims=[WITHDRAW]), "S008") == []


def test_s009_the_same_relation_twice() -> None:
    g = graph(
        claims=[WITHDRAW, claim("c")],
        relations=[
            rel("support", "c", "withdraw", id="r1"),
            rel("support", "c", "withdraw", id="r2"),
        ],
    )
    fs = found(g, "S009")
    assert len(fs) == 1
    assert fs[0].ids == ("r1", "r2")
    assert fs[0].path == "relations[1]"
    ok = graph(
        claims=[WITHDRAW, claim("c")],
        relations=[rel("support", "c", "withdraw"), rel("support", "withdraw", "c")],
    )
    assert found(ok, "S009") == []


def test_s010_same_text_up_to_case_and_spacing() -> None:
    g = graph(
        claims=[
            WITHDRAW,
            claim("a", text="Bakhmut is  lost."),
            claim("b", text="bakhmut is lost."),
            claim("c", text="Bakhmut is lost!"),
        ]
    )
    fs = found(g, "S010")
    assert len(fs) == 1
    assert fs[0].ids == ("a", "b")
    assert fs[0].path == "claims[2]"


# ------------------------------------------------------------------ provenance
def test_p001_claims_without_attribution_but_positions() -> None:
    g = graph(
        actors=[ISW], documents=[DOC], claims=[WITHDRAW, claim("bare"), claim("sourced", att())]
    )
    fs = found(g, "P001")
    assert [f.ids for f in fs] == [("bare",)]
    assert fs[0].path == "claims[1]"


def test_p002_relations_without_attribution_but_between_positions() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[WITHDRAW, HOLD, claim("c", att())],
        relations=[
            rel("attack", "withdraw", "hold"),
            rel("support", "c", "hold"),
            rel("attack", "c", "withdraw", attributions=[att()]),
        ],
    )
    fs = found(g, "P002")
    assert [f.path for f in fs] == ["relations[1]"]
    assert fs[0].ids == ("support:c->hold",)


def test_p003_attribution_without_quote() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[claim("a", att(quote="")), claim("b", att(quote="  ")), claim("c", att())],
    )
    fs = found(g, "P003")
    assert [f.path for f in fs] == ["claims[0].attributions[0]", "claims[1].attributions[0].quote"]


def test_p004_no_date_anywhere() -> None:
    undated_doc = {"id": "undated", "title": "Undated"}
    g = graph(
        actors=[ISW],
        documents=[DOC, undated_doc],
        claims=[
            claim("a", att(date=None, document="undated")),
            claim("b", att(date=None)),  # takes its document's date
            claim("c", {"actor": "isw", "quote": "q"}),
        ],
    )
    fs = found(g, "P004")
    assert [f.ids for f in fs] == [("a", "isw"), ("c", "isw")]
    assert "its document has none" in fs[0].message
    assert "cites no document" in fs[1].message


def test_p005_no_document() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[claim("a", {"actor": "isw", "quote": "q", "date": "2023"}), claim("b", att())],
    )
    fs = found(g, "P005")
    assert [f.path for f in fs] == ["claims[0].attributions[0]"]


TEXT = (
    "Austin said on Monday: “Bakhmut is more of a symbolic value than it is strategic "
    "and operational value” — and that a repositioning would not be a setback.\n"
)


def documents(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_p006_quotes_verified_forgiving_typesetting_only(tmp_path: Path) -> None:
    folder = documents(tmp_path, **{"austin.txt": TEXT})
    austin = {"id": "austin", "name": "Lloyd Austin", "kind": "official"}
    doc = {**DOC, "file": "austin.txt"}
    good = [
        '"Bakhmut is more of a symbolic value than it is strategic',
        "Bakhmut is more of a symbolic value ... would not be a setback",
        "a [Ukrainian] repositioning would not be a setback",
        'strategic  and\noperational value" - and',
    ]
    bad = "Bakhmut is more of a symbolic than a strategic value"
    claims = [claim(f"c{i}", att("austin", quote=q)) for i, q in enumerate(good)]
    claims.append(claim("wrong", att("austin", quote=bad)))
    g = graph(actors=[austin], documents=[doc], claims=claims)
    fs = found(g, "P006", folder)
    assert len(fs) == 1
    f = fs[0]
    assert f.ids == ("wrong", "doc")
    assert f.path == "claims[4].attributions[0].quote"
    assert f.hint is not None
    assert "Bakhmut is more of a symbolic value" in f.hint
    assert found(g, "P006") == []  # not without the documents


def test_p007_dated_surely_after_publication() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[
            claim("late", att(date="2023-03-07")),
            claim("month", att(date="2023-03")),
            claim("later", att(date="2023-04")),
            claim("before", att(date="2023")),
        ],
    )
    fs = found(g, "P007")
    assert [f.ids[0] for f in fs] == ["late", "later"]
    assert fs[0].path == "claims[0].attributions[0].date"


def test_p008_text_files_missing_unreadable_or_outside(tmp_path: Path) -> None:
    folder = documents(tmp_path, **{"ok.txt": "said so"})
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "secret.txt").write_text("said so", encoding="utf-8")
    docs = [
        {"id": "ok", "title": "T", "file": "ok.txt"},
        {"id": "gone", "title": "T", "file": "gone.txt"},
        {"id": "latin", "title": "T", "file": "latin1.txt"},
        {"id": "out", "title": "T", "file": "../secret.txt"},
        {"id": "abs", "title": "T", "file": str(tmp_path / "secret.txt")},
    ]
    g = graph(
        actors=[ISW], documents=docs, claims=[claim(d["id"], att(document=d["id"])) for d in docs]
    )
    fs = found(g, "P008", folder)
    assert [f.ids for f in fs] == [("gone",), ("latin",), ("out",), ("abs",)]
    assert "no such file" in fs[0].message
    assert "not UTF-8" in fs[1].message
    assert "outside the documents folder" in fs[2].message
    assert fs[0].path == "documents[1].file"
    # the quotes of unusable documents are not reported as not found
    assert found(g, "P006", folder) == []


def test_p009_cited_document_without_file(tmp_path: Path) -> None:
    folder = documents(tmp_path)
    g = graph(
        actors=[ISW],
        documents=[DOC, {"id": "uncited", "title": "U"}],
        claims=[claim("a", att()), claim("b", att())],
    )
    fs = found(g, "P009", folder)
    assert [(f.ids, f.path) for f in fs] == [(("doc",), "documents[0]")]
    assert found(g, "P009") == []


def test_p010_p011_unused_actors_and_documents() -> None:
    g = graph(
        actors=[ISW, KOFMAN],
        documents=[DOC, {"id": "d2", "title": "D2"}],
        claims=[claim("a", att())],
    )
    assert [(f.code, f.ids) for f in check(g, select=["P010", "P011"])] == [
        ("P011", ("d2",)),
        ("P010", ("kofman",)),
    ]
    g2 = graph(actors=[ISW], documents=[DOC], claims=[claim("a", att())])
    assert check(g2, select=["P010", "P011"]) == []


def test_p012_same_attribution_twice() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[
            claim("a", att(), att(quote="said  so")),
            claim("b", att(), att(date="2023-03-05")),
        ],
    )
    fs = found(g, "P012")
    assert [f.path for f in fs] == ["claims[0].attributions[1]"]


# ------------------------------------------------------------------ reasoning
def test_r001_actor_endorses_a_claim_and_its_attacker_at_once() -> None:
    g = graph(
        actors=[ISW, KOFMAN],
        documents=[DOC],
        claims=[
            claim("sound", att()),
            claim("futile", att(date="2023-03")),
            claim("k1", {"actor": "kofman", "quote": "q"}),
            claim("k2", att("kofman")),
            claim("other", att()),
            claim("zero", att()),
        ],
        relations=[
            rel("attack", "futile", "sound"),
            rel("attack", "k1", "k2"),
            rel("attack", "other", "k2"),
            rel("attack", "zero", "sound", weight=0),
        ],
    )
    fs = found(g, "R001")
    assert [f.ids[:3] for f in fs] == [("isw", "futile", "sound"), ("kofman", "k1", "k2")]
    assert "possibly the same day" in fs[0].message
    assert "undated" in fs[1].message


def test_r001_mutual_attack_is_one_finding() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[claim("a", att()), claim("b", att())],
        relations=[rel("attack", "a", "b"), rel("attack", "b", "a")],
    )
    fs = found(g, "R001")
    assert len(fs) == 1
    assert "attack each other" in fs[0].message


def test_r002_change_of_view_with_both_dates() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[claim("sound", att(date="2023-01-21")), claim("smartest", att(date="2023-03-06"))],
        relations=[rel("attack", "smartest", "sound")],
    )
    assert found(g, "R001") == []
    fs = found(g, "R002")
    assert len(fs) == 1
    f = fs[0]
    assert f.ids == ("isw", "sound", "smartest", "attack:smartest->sound")
    assert "on 2023-01-21 endorsed 'sound'" in f.message
    assert "on 2023-03-06 'smartest'" in f.message
    assert "which attacks it" in f.message
    assert f.path == "claims[1].attributions[0]"


def test_r002_back_and_forth() -> None:
    g = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[
            claim("a", att(date="2023-01"), att(date="2023-03")),
            claim("b", att(date="2023-02")),
        ],
        relations=[rel("attack", "a", "b")],
    )
    fs = found(g, "R002")
    assert len(fs) == 1
    assert "back and forth" in fs[0].message
    assert "2023-01, 2023-03" in fs[0].message


def test_r003_both_positions_at_once_and_changing_sides() -> None:
    at_once = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[{**WITHDRAW, "attributions": [att()]}, {**HOLD, "attributions": [att()]}],
        relations=[rel("attack", "withdraw", "hold")],
    )
    fs = check(at_once, select=["R"])
    assert [f.code for f in fs] == ["R003"]  # not R001 as well
    assert fs[0].ids == ("isw", "withdraw", "hold")
    apart = graph(
        actors=[ISW],
        documents=[DOC],
        claims=[
            {**WITHDRAW, "attributions": [att(date="2023-05")]},
            {**HOLD, "attributions": [att(date="2023-01")]},
        ],
    )
    fs = check(apart, select=["R"])
    assert [f.code for f in fs] == ["R002"]
    assert "changed sides: on 2023-01 endorsed position 'hold'" in fs[0].message


def test_reasoning_ignores_claims_of_different_actors() -> None:
    g = graph(
        actors=[ISW, KOFMAN],
        documents=[DOC],
        claims=[
            {**WITHDRAW, "attributions": [att("kofman")]},
            {**HOLD, "attributions": [att()]},
            claim("a", att()),
            claim("b", att("kofman")),
        ],
        relations=[rel("attack", "a", "b"), rel("attack", "withdraw", "hold")],
    )
    assert check(g, select=["R001", "R002", "R003"]) == []


def test_r004_attacked_only_from_outside_the_grounded_extension() -> None:
    g = graph(
        claims=[
            HOLD,
            claim("lost"),
            claim("roads"),
            claim("x"),
            claim("y"),
            claim("z"),
            claim("strong"),
        ],
        relations=[
            rel("attack", "lost", "hold"),
            rel("attack", "roads", "lost"),
            rel("attack", "x", "y"),
            rel("attack", "y", "x"),
            rel("attack", "x", "z"),
            rel("attack", "strong", "roads", weight=0),
        ],
    )
    fs = found(g, "R004")
    # hold: its attacker 'lost' is defeated by 'roads' (the weight-0 attack on 'roads'
    # does not count); z, y, x: attacked by undecided claims only
    assert [f.ids for f in fs] == [("hold", "lost"), ("x", "y"), ("y", "x"), ("z", "x")]
    assert "so it stands: 'lost' (defeated)" in fs[0].message
    assert "so it stays undecided: 'y' (undecided)" in fs[1].message
    # a claim attacked by a member of the grounded extension is not reported
    assert not any(f.ids[0] == "lost" for f in fs)
    # self-attacks are S003's, not R004's
    assert found(graph(claims=[HOLD], relations=[rel("attack", "hold", "hold")]), "R004") == []
