"""The arggraph/1.1 file format: the version mark, linked premises, relations aimed at
relations, one namespace, default ids, and old files that load and save unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    IntegrityError,
    SchemaError,
)
from arggraph.graph import Graph
from arggraph.io import dump_graph, load, loads, save
from arggraph.model import (
    FORMAT,
    FORMAT_1_1,
    FORMATS,
    Claim,
    Document,
    GraphModel,
    Relation,
    default_relation_id,
)

NEEDS = '"format": "arggraph/1.1"'
#: The bundled map's first edition, an arggraph/1 file.
BAKHMUT_FIRST_EDITION = Path(__file__).resolve().parent / "fixtures" / "bakhmut-first-edition.json"


def claims(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "text": f"Claim {i}"} for i in ids]


def text(fmt: str | None, **sections: Any) -> str:
    data: dict[str, Any] = {"id": "g", **sections}
    if fmt is not None:
        data = {"format": fmt, **data}
    return json.dumps(data, indent=1)


def schema_error(data: str) -> str:
    with pytest.raises(SchemaError) as info:
        loads(data, path="g.json")
    return str(info.value)


# ---------------------------------------------------------------------- the version mark
def test_the_two_format_constants() -> None:
    assert (FORMAT, FORMAT_1_1) == ("arggraph/1", "arggraph/1.1")
    assert FORMATS == (FORMAT, FORMAT_1_1)


NEW_PARTS: list[tuple[dict[str, Any], str]] = [
    (
        {
            "claims": claims("a", "b", "c"),
            "relations": [{"type": "attack", "sources": ["a", "b"], "target": "c"}],
        },
        f"relations[0].sources: linked premises need {NEEDS}",
    ),
    (
        {"claims": [{"id": "a", "text": "A", "date": "2023-02-27/2023-03-05"}]},
        f"claims[0].date: a date interval needs {NEEDS} (claim 'a')",
    ),
    (
        {
            "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
            "claims": [
                {"id": "a", "text": "A", "attributions": [{"actor": "x", "date": "2023/2024"}]}
            ],
        },
        f"claims[0].attributions[0].date: a date interval needs {NEEDS} (claim 'a')",
    ),
    (
        {"documents": [{"id": "d", "title": "D", "published": "2023-02/2023-03"}]},
        f"documents[0].published: a date interval needs {NEEDS} (document 'd')",
    ),
    (
        {"documents": [{"id": "d", "title": "D", "sha256": "ab" * 32}]},
        f"documents[0].sha256: a document's sha256 needs {NEEDS} (document 'd')",
    ),
    (
        {"documents": [{"id": "d", "title": "D", "accessed": "2024-01-05"}]},
        f"documents[0].accessed: a document's access date needs {NEEDS} (document 'd')",
    ),
    (
        {"claims": [{"id": "a", "text": "A", "reconstructed": True}]},
        f"claims[0].reconstructed: a reconstructed claim needs {NEEDS} (claim 'a')",
    ),
]


@pytest.mark.parametrize(("sections", "message"), NEW_PARTS)
def test_a_new_part_in_an_arggraph_1_file_is_an_error_naming_it(
    sections: dict[str, Any], message: str
) -> None:
    assert schema_error(text(FORMAT, **sections)) == f"g.json: {message}"
    g = loads(text(FORMAT_1_1, **sections))  # the same file saying 1.1 loads
    assert g.model.format == FORMAT_1_1
    g = loads(text(None, **sections))  # and so does one that names no format
    assert g.model.format == FORMAT_1_1
    assert json.loads(dump_graph(g.model))["format"] == FORMAT_1_1


def test_every_new_part_of_one_file_is_named() -> None:
    data = text(
        FORMAT,
        claims=[*claims("a", "b"), {"id": "c", "text": "C", "reconstructed": True}],
        relations=[{"type": "support", "sources": ["a", "b"], "target": "c"}],
    )
    assert schema_error(data).endswith("(claim 'c') (and 1 more problem)")
    with pytest.raises(SchemaError) as info:
        loads(data)
    places = [p.place for p in info.value.problems]
    assert places == ["claims[2].reconstructed", "relations[0].sources"]
    assert all(p.line is not None for p in info.value.problems)


def test_a_relation_aimed_at_a_relation_needs_1_1() -> None:
    sections: dict[str, Any] = {
        "claims": claims("a", "b", "u"),
        "relations": [
            {"id": "r", "type": "support", "source": "a", "target": "b"},
            {"type": "attack", "source": "u", "target": "r"},
        ],
    }
    with pytest.raises(DanglingReferenceError) as info:
        loads(text(FORMAT, **sections), path="g.json")
    assert info.value.place == "relations[1].target"
    assert f"a relation: aiming at a relation needs {NEEDS}" in str(info.value)
    g = loads(text(FORMAT_1_1, **sections))
    assert g.target_relation(g.relation("attack:u->r")) is g.relation("r")
    bare = loads(text(None, **sections))
    assert bare.model.format == FORMAT_1_1
    assert json.loads(dump_graph(bare.model))["format"] == FORMAT_1_1


def test_a_programmatic_model_gets_the_format_it_needs() -> None:
    plain = GraphModel(claims=[Claim(id="a", text="A")])
    assert plain.format == FORMAT and json.loads(dump_graph(plain))["format"] == FORMAT
    linked = GraphModel(
        claims=[Claim(id=i, text=i) for i in "abc"],
        relations=[Relation(type="attack", sources=["a", "b"], target="c")],
    )
    assert linked.format == FORMAT_1_1
    dated = GraphModel(documents=[Document(id="d", title="D", published="2023/2024")])
    assert dated.format == FORMAT_1_1
    # a part added after the model was made still makes the dump say 1.1
    plain.claims[0].reconstructed = True
    assert json.loads(dump_graph(plain))["format"] == FORMAT_1_1


def test_a_model_that_says_arggraph_1_and_uses_a_new_part_is_refused() -> None:
    with pytest.raises(ValueError, match="linked premises need"):
        GraphModel(
            format="arggraph/1",
            claims=[Claim(id=i, text=i) for i in "abc"],
            relations=[Relation(type="attack", sources=["a", "b"], target="c")],
        )


def test_an_unknown_format_names_both_that_are_read() -> None:
    message = schema_error(text("arggraph/2"))
    assert "format 'arggraph/2' is not 'arggraph/1' or 'arggraph/1.1'" in message


# ---------------------------------------------------------------------- relations
def relations_file(*relations: dict[str, Any], ids: str = "abcd") -> str:
    return text(FORMAT_1_1, claims=claims(*ids), relations=list(relations))


def test_linked_premises_keep_their_order() -> None:
    g = loads(relations_file({"type": "support", "sources": ["c", "a"], "target": "d"}))
    (rel,) = g.relations.values()
    assert rel.source is None and rel.sources == ["c", "a"] and rel.premises == ["c", "a"]
    assert rel.id == 'support+:["a","c"]->d'
    single = Relation(type="support", source="a", target="b")
    assert single.premises == ["a"]


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        (
            {"type": "attack", "source": "a", "sources": ["b", "c"], "target": "d"},
            'relations[0].sources: give either "source" (one claim) or "sources" (linked '
            "premises), not both",
        ),
        (
            {"type": "attack", "target": "d"},
            "relations[0].source: required key 'source' is missing",
        ),
        (
            {"type": "attack", "sources": [], "target": "d"},
            'relations[0].sources: linked premises list no claim; give "source" for one, '
            '"sources" for more',
        ),
        (
            {"type": "attack", "sources": ["a", "b", "a"], "target": "d"},
            "relations[0].sources[2]: premise 'a' is listed twice, at sources[0] and sources[2]",
        ),
    ],
)
def test_relation_errors_name_their_place(relation: dict[str, Any], message: str) -> None:
    assert schema_error(relations_file(relation)) == f"g.json: {message}"


@pytest.mark.parametrize("ends", [{"source": "a"}, {"sources": ["a", "b"]}])
def test_a_relation_may_not_target_itself(ends: dict[str, Any]) -> None:
    data = relations_file({"id": "r", "type": "attack", **ends, "target": "r"})
    with pytest.raises(IntegrityError) as info:
        loads(data, path="g.json")
    assert str(info.value) == "g.json: relations[0].target: relation 'r' is aimed at itself"
    assert (info.value.line, info.value.column) is not None
    (problem,) = loads(data, strict=False).problems
    assert (problem.kind, problem.place) == ("self", "relations[0].target")


def test_an_old_relation_may_share_its_id_with_the_claim_it_targets() -> None:
    g = loads(
        text(
            FORMAT,
            claims=claims("a", "r"),
            relations=[{"id": "r", "type": "attack", "source": "a", "target": "r"}],
        )
    )
    assert g.relation("r").target == "r" and g.target_relation(g.relation("r")) is None


def test_a_missing_source_reads_as_before_in_an_old_file() -> None:
    old = text(FORMAT, claims=claims("a"), relations=[{"type": "attack", "target": "a"}])
    assert schema_error(old) == "g.json: relations[0].source: required key 'source' is missing"


def test_premises_must_be_claims() -> None:
    data = relations_file(
        {"id": "r", "type": "support", "source": "a", "target": "b"},
        {"type": "attack", "sources": ["c", "zz"], "target": "b"},
        {"type": "attack", "sources": ["c", "r"], "target": "b"},
    )
    g = loads(data, path="g.json", strict=False)
    assert [(p.place, p.ident, p.target) for p in g.problems] == [
        ("relations[1].sources[1]", "zz", "claim"),
        ("relations[2].sources[1]", "r", "claim"),
    ]
    assert g.problems[1].message.endswith("(premises are claims; 'r' is a relation)")
    with pytest.raises(DanglingReferenceError) as info:
        loads(data, path="g.json")
    assert info.value.place == "relations[1].sources[1]"


def test_a_target_is_a_claim_or_a_relation() -> None:
    data = relations_file(
        {"id": "r", "type": "support", "sources": ["a", "b"], "target": "c"},
        {"id": "undercut", "type": "attack", "source": "d", "target": "r"},
        {"id": "backing", "type": "support", "source": "a", "target": "r"},
        {"id": "lost", "type": "attack", "source": "d", "target": "nowhere"},
    )
    g = loads(data, strict=False)
    assert [(p.place, p.target) for p in g.problems] == [
        ("relations[3].target", "claim or relation")
    ]
    r = g.relation("r")
    assert [x.id for x in g.relations_into("r")] == ["undercut", "backing"]
    assert g.target_relation(g.relation("undercut")) is r
    assert g.target_relation(r) is None
    assert g.is_relation("r") and not g.is_relation("a")
    assert [x.id for x in g.extended_relations] == ["r", "undercut", "backing"]
    assert g.is_usable(r) and not g.is_usable(g.relation("lost"))


def test_cycles_through_relations_load() -> None:
    g = loads(
        relations_file(
            {"id": "r1", "type": "attack", "source": "a", "target": "r2"},
            {"id": "r2", "type": "attack", "source": "b", "target": "r1"},
        )
    )
    assert g.target_relation(g.relation("r1")) is g.relation("r2")
    assert g.target_relation(g.relation("r2")) is g.relation("r1")


# ---------------------------------------------------------------------- one namespace
def test_a_name_for_a_claim_and_a_relation_is_an_error_in_1_1() -> None:
    sections: dict[str, Any] = {
        "claims": claims("a", "b"),
        "relations": [{"id": "a", "type": "support", "source": "b", "target": "b"}],
    }
    with pytest.raises(DuplicateIdError) as info:
        loads(text(FORMAT_1_1, **sections), path="g.json")
    message = str(info.value)
    assert "relations[0].id: id 'a' names both a claim and a relation" in message
    assert "at claims[0] and relations[0]" in message
    assert info.value.place == "relations[0].id"
    # an arggraph/1 file keeps its two namespaces
    assert loads(text(FORMAT, **sections)).relation("a").target == "b"


def test_a_default_id_clashing_with_a_claim_is_named_at_the_relation() -> None:
    g = loads(
        text(
            FORMAT_1_1,
            claims=[*claims("a", "b"), {"id": "support:a->b", "text": "odd"}],
            relations=[{"type": "support", "source": "a", "target": "b"}],
        ),
        strict=False,
    )
    assert [(p.place, p.first) for p in g.problems] == [("relations[0]", "claims[2].id")]


# ---------------------------------------------------------------------- default ids
def test_default_ids() -> None:
    assert default_relation_id("attack", "a", "b") == "attack:a->b"
    assert default_relation_id("attack", ["a"], "b") == "attack:a->b"
    assert default_relation_id("attack", ["b", "a"], "c") == 'attack+:["a","b"]->c'
    assert default_relation_id("support", ["é", "a"], "c") == 'support+:["a","é"]->c'


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ((["a", "b"], "c"), (["a", "b->c"], "c")),
        ((["a", 'b"]->c'], "d"), (["a", "b"], 'c"]->d')),
        ((["a,b", "c"], "d"), (["a", "b,c"], "d")),
        ((["x", "y"], "z"), (['+:["x","y"]'], "z")),
    ],
)
def test_linked_defaults_never_collide(
    one: tuple[list[str], str], other: tuple[list[str], str]
) -> None:
    assert default_relation_id("attack", *one) != default_relation_id("attack", *other)


def test_no_single_source_default_looks_linked() -> None:
    for source in ['+:["a","b"]', "+", "x"]:
        assert not default_relation_id("attack", source, "c").startswith("attack+:")


def test_the_same_linked_relation_twice_is_named_as_such() -> None:
    g = loads(
        relations_file(
            {"type": "attack", "sources": ["a", "b"], "target": "c"},
            {"type": "attack", "sources": ["b", "a"], "target": "c"},
        ),
        strict=False,
    )
    (problem,) = g.problems
    assert problem.same_relation == ("attack", ("b", "a"), "c")
    assert "the same attack 'b' + 'a' -> 'c' appears twice" in problem.message


# ---------------------------------------------------------------------- old files
OLD = """{
  "format": "arggraph/1",
  "id": "old",
  "title": "",
  "question": "",
  "documents": [
    {
      "id": "d",
      "title": "A report",
      "published": "2023-03"
    }
  ],
  "actors": [],
  "claims": [
    {
      "id": "p",
      "text": "We hold",
      "kind": "position",
      "base": 0.5,
      "tags": [],
      "attributions": []
    },
    {
      "id": "c",
      "text": "It costs",
      "kind": "claim",
      "base": 0.5,
      "date": "2023-03-06",
      "tags": [],
      "attributions": []
    }
  ],
  "relations": [
    {
      "id": "attack:c->p",
      "type": "attack",
      "source": "c",
      "target": "p",
      "weight": 1.0,
      "attributions": []
    }
  ]
}
"""


def test_an_old_file_loads_and_saves_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(OLD, encoding="utf-8")
    g = load(path)
    assert g.model.format == FORMAT and dump_graph(g.model) == OLD
    save(g)
    assert path.read_text(encoding="utf-8") == OLD


def test_the_first_edition_of_the_bundled_graph_is_a_fixed_point_of_load_and_save(
    tmp_path: Path,
) -> None:
    once = tmp_path / "once.json"
    save(load(BAKHMUT_FIRST_EDITION), once)  # the first save writes the default ids
    first = once.read_bytes()
    g = load(once)
    assert g.model.format == FORMAT and not g.extended_relations
    save(g, tmp_path / "twice.json")
    assert (tmp_path / "twice.json").read_bytes() == first
    assert b'"format": "arggraph/1",' in first and b"arggraph/1.1" not in first


def test_a_1_1_file_round_trips(tmp_path: Path) -> None:
    data = text(
        FORMAT_1_1,
        documents=[{"id": "d", "title": "D", "published": "2023-02/2023-03", "sha256": "AB" * 32}],
        claims=[*claims("a", "b", "c"), {"id": "h", "text": "H", "reconstructed": True}],
        relations=[
            {"id": "r", "type": "support", "sources": ["b", "a"], "target": "c"},
            {"type": "attack", "source": "h", "target": "r"},
        ],
    )
    g = loads(data)
    dumped = dump_graph(g.model)
    again = loads(dumped)
    assert again.model == g.model
    assert dump_graph(again.model) == dumped
    assert json.loads(dumped)["relations"][0]["sources"] == ["b", "a"]


def test_a_graph_built_in_python_indexes_linked_relations() -> None:
    g = Graph(
        GraphModel(
            claims=[Claim(id=i, text=i) for i in "abc"],
            relations=[Relation(type="support", sources=["a", "b"], target="c")],
        )
    )
    assert list(g.relations) == ['support+:["a","b"]->c']
    assert g.framework.sup_ids == ()  # the engine's arrays do not hold them yet
