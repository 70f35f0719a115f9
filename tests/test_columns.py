"""The fast path of loading (``arggraph._columns``) against the pydantic models.

What the fast path accepts, the models accept with equal values, and the graph it gives
computes as the graph of the models does: the same framework, the same summary, the
same models once asked for. Whatever it declines goes to the models, so every error
keeps its message and its place.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from _support import loaded_alike, same_framework
from hypothesis import event, given, settings
from hypothesis import strategies as st

from arggraph._columns import Columns, _Finder, columns, key_count, string_colons
from arggraph.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    FileAccessError,
    JSONLimitError,
    JSONSyntaxError,
    SchemaError,
)
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.jsonio import _FAILED, BULK_BYTES, bulk_parse, quick_parse
from arggraph.model import GraphModel
from arggraph.summary import summarize


def _mostly(good: st.SearchStrategy[Any], bad: list[Any]) -> st.SearchStrategy[Any]:
    """A good value 39 times in 40, else one of the ``bad`` ones."""
    return st.integers(0, 39).flatmap(lambda k: good if k else st.sampled_from(bad))


IDS = _mostly(st.sampled_from(["a", "b", "c", "d", "attack:a->b"]), ["", 1, "z", None])
NUMBERS = _mostly(
    st.one_of(st.sampled_from([0, 1, 0.0, 1.0]), st.floats(min_value=0, max_value=1)),
    [2, -0.5, True, None, "0.5", 1.5],
)


@st.composite
def plain_files(draw: st.DrawFn) -> dict[str, Any]:
    """Files near the fast path's reach: mostly plain and valid, sometimes a value or a
    key it must decline (another type, out of range, an id twice, a dangling end)."""
    doc: dict[str, Any] = {}
    if draw(st.booleans()):
        doc["format"] = draw(_mostly(st.sampled_from(["arggraph/1", "arggraph/1.1"]), ["x", 1]))
    if draw(st.booleans()):
        doc["id"] = draw(_mostly(st.just("g"), ["", 3]))
    for key in ("title", "question", "description", "$schema"):
        if draw(st.integers(0, 4)) == 0:
            doc[key] = draw(_mostly(st.sampled_from(["T", ""]), [None, 1]))
    claims = []
    for i in range(draw(st.integers(0, 5))):
        ident = draw(_mostly(st.just(f"c{i}"), ["", 1, "c0", "attack:c0->c1"]))
        claim: dict[str, Any] = {"id": ident, "text": draw(_mostly(st.just("A"), ["", 2]))}
        if draw(st.booleans()):
            claim["kind"] = draw(_mostly(st.sampled_from(["position", "claim", "evidence"]), ["x"]))
        if draw(st.booleans()):
            claim["base"] = draw(NUMBERS)
        if draw(st.integers(0, 19)) == 0:
            claim[draw(st.sampled_from(["note", "tags", "wieght"]))] = "n"
        if draw(st.integers(0, 19)) == 0:
            del claim["text"]
        claims.append(claim)
    names = [c["id"] for c in claims if isinstance(c["id"], str)] or ["c0"]
    ends = _mostly(st.sampled_from(names), ["", 1, "zz", "r"])
    relations = []
    for _ in range(draw(st.integers(0, 6))):
        rel: dict[str, Any] = {
            "type": draw(_mostly(st.sampled_from(["attack", "support"]), ["undercut", None])),
            "source": draw(ends),
            "target": draw(ends),
        }
        if draw(st.booleans()):
            rel["weight"] = draw(NUMBERS)
        if draw(st.integers(0, 3)) == 0:
            rel["id"] = draw(_mostly(st.sampled_from(["r", "s", ""]), ["c0", 5]))
        if draw(st.integers(0, 19)) == 0:
            rel["sources"] = ["c0", "c1"]
        relations.append(rel)
    keep_empty: bool = draw(st.booleans())
    if claims or keep_empty:
        doc["claims"] = claims
    if relations or keep_empty:
        doc["relations"] = relations
    return doc


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(plain_files())
def test_what_the_fast_path_accepts_the_models_accept_with_equal_values(
    doc: dict[str, Any],
) -> None:
    cols = columns(doc)
    event("accepted" if cols is not None else "declined")
    if cols is None:
        return
    model = GraphModel.model_validate(doc)  # never raises for what the fast path took
    slow = Graph(model, strict=True)  # nor does indexing it: no problem at all
    assert cols.claim_ids == [c.id for c in model.claims]
    assert cols.kinds == [c.kind for c in model.claims]
    assert cols.bases.tolist() == [c.base for c in model.claims]
    assert cols.types == [r.type for r in model.relations]
    assert cols.weights.tolist() == [r.weight for r in model.relations]
    ends = [
        (cols.claim_ids[s], cols.claim_ids[t])
        for s, t in zip(cols.sources, cols.targets, strict=True)
    ]
    assert ends == [(r.source, r.target) for r in model.relations]
    if cols.relation_ids is not None:
        assert cols.relation_ids == list(slow.relations)
    assert cols.format == model.format
    fast = Graph.from_columns(doc, cols, graph_id=model.id)
    same_framework(fast.framework, slow.framework)
    assert summarize(fast) == summarize(slow)
    assert list(fast.type_counts().items()) == list(slow.type_counts().items())
    assert list(fast.kind_counts().items()) == list(slow.kind_counts().items())
    assert [c.model_dump() for c in fast.positions] == [c.model_dump() for c in slow.positions]
    assert fast.position_texts() == slow.position_texts()
    # Asked for, the models are the ones the slow path builds.
    assert fast.model.model_dump() == slow.model.model_dump()
    assert fast.model.model_fields_set == slow.model.model_fields_set
    assert list(fast.claims) == list(slow.claims)
    assert list(fast.relations) == list(slow.relations)


@settings(max_examples=200, deadline=None)
@given(plain_files())
def test_loading_gives_the_same_graph_on_either_path(doc: dict[str, Any]) -> None:
    """``loads`` on the text of a file: the graph of the fast path when it applies,
    of the models otherwise; either way the same framework and summary, or the same
    error."""
    _same_graph_on_either_path(doc)


def _same_graph_on_either_path(doc: dict[str, Any]) -> None:
    both = loaded_alike(doc)
    if both is None:
        return  # refused alike
    graph, expected = both
    assert graph.problems == []
    same_framework(graph.framework, expected.framework)
    assert summarize(graph) == summarize(expected)
    assert graph.model.model_dump() == expected.model.model_dump()


PLAIN = {
    "format": "arggraph/1",
    "id": "g",
    "title": "T",
    "claims": [
        {"id": "p", "text": "P", "kind": "position", "base": 0.5},
        {"id": "a", "text": "A", "base": 0.8},
        {"id": "b", "text": "B", "kind": "evidence", "base": 1},
    ],
    "relations": [
        {"type": "attack", "source": "a", "target": "p"},
        {"type": "support", "source": "b", "target": "a", "weight": 0.5},
    ],
}


def test_a_plain_file_takes_the_fast_path_and_builds_its_models_only_when_asked(
    tmp_path: Path,
) -> None:
    f = tmp_path / "plain.json"
    f.write_text(json.dumps(PLAIN), encoding="utf-8")
    graph = load(f)
    assert graph._columns is not None and graph._model is None
    assert graph.framework.att_ids == ("attack:a->p",)
    assert [c.id for c in graph.positions] == ["p"]
    assert graph.title == "T" and graph.id == "g"
    assert summarize(graph)["claims"] == {"total": 3, "position": 1, "claim": 1, "evidence": 1}
    assert graph._model is None  # none of that needed a model
    assert graph.claim("b").base == 1.0
    assert graph.relation("support:b->a").weight == 0.5
    assert graph._model is not None


def test_a_bare_plain_file_is_named_after_its_file(tmp_path: Path) -> None:
    f = tmp_path / "debate-7.json"
    f.write_text(json.dumps({"claims": PLAIN["claims"]}), encoding="utf-8")
    graph = load(f)
    assert graph._columns is not None
    assert graph.id == "debate-7" == graph.model.id


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        # A key written twice: the C parser keeps the last; the count of keys finds it.
        (
            '{"claims": [{"id": "a", "text": "A",\n "text": "B"}]}',
            JSONLimitError,
            "line 2, column 2: duplicate key 'text'",
        ),
        ('{"claims": [{"id": "a", "text": "A", "base": 1e999}]}', JSONLimitError, "beyond the"),
        ('{"claims": [{"id": "a", "text": "A", "base": NaN}]}', JSONLimitError, "NaN is not"),
        (
            '{"claims": [{"id": "a", "text": "A", "base": 1' + "0" * 5000 + "}]}",
            JSONLimitError,
            "an integer of 5,001 digits",
        ),
        (
            '{"claims": [{"id": "a", "text": "A", "base": ' + "[" * 150 + "]" * 150 + "}]}",
            JSONLimitError,
            "nested deeper than 100",
        ),
        (
            '{"claims": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}',
            DuplicateIdError,
            "duplicate claim id 'a'",
        ),
        (
            '{"claims": [{"id": "a", "text": "A"}],\n'
            ' "relations": [{"type": "attack", "source": "a", "target": "z"}]}',
            DanglingReferenceError,
            "unknown claim 'z'",
        ),
        ('{"claims": [{"id": "a", "text": "A", "base": 2}]}', SchemaError, "claims[0].base"),
    ],
)
def test_what_the_fast_path_declines_is_named_by_the_reader_and_the_models(
    text: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=None) as caught:
        loads(text, path="f.json")
    assert message in str(caught.value)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(-99, 99), st.text(max_size=5)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=4), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_quick_parse_counts_the_keys_written(value: Any) -> None:
    def keys(v: Any) -> int:
        if isinstance(v, dict):
            return len(v) + sum(keys(x) for x in v.values())
        if isinstance(v, list):
            return sum(keys(x) for x in v)
        return 0

    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False, indent=1)):
        parsed = quick_parse(text)
        assert parsed is not None
        assert parsed == (value, keys(value))


def test_key_count_is_the_count_of_a_plain_file() -> None:
    parsed = quick_parse(json.dumps(PLAIN))
    assert parsed is not None
    assert isinstance(columns(parsed[0]), Columns)
    assert key_count(parsed[0]) == parsed[1] == 5 + 4 + 3 + 4 + 3 + 4


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(min_size=1, max_size=20),
            st.text(alphabet="abc-:>019\x00", min_size=1, max_size=20),
            st.sampled_from(["c1", "c12345678", "é"]),
        ),
        min_size=1,
        max_size=30,
        unique=True,
    ),
    st.lists(st.one_of(st.integers(0, 29), st.text(max_size=20)), max_size=40),
)
def test_the_bulk_id_search_finds_what_the_dictionary_finds(
    ids: list[str], picks: list[int | str]
) -> None:
    """Ends found in bulk (ASCII ids as fixed-width bytes) are where the dictionary puts
    them; an end that is no id is a KeyError, as from the dictionary."""
    ends = [ids[p % len(ids)] if isinstance(p, int) else p for p in picks]
    index = {ident: i for i, ident in enumerate(ids)}
    finder = _Finder(ids)
    event("in bulk" if finder.ready else "by the dictionary")
    if all(end in index for end in ends):
        assert finder.positions(ends).tolist() == [index[e] for e in ends]
    else:
        with pytest.raises(KeyError):
            finder.positions(ends)


# Texts with what may fool a count of keys: colons, quotes, commas, backslashes.
TRICKY = st.text(alphabet='ab:",\\ {}[]', min_size=1, max_size=8)


@st.composite
def colon_files(draw: st.DrawFn) -> dict[str, Any]:
    """Plain, valid files whose strings hold colons (ids, texts, the top level's values,
    relation ids), and quotes and backslashes, which JSON escapes without ``\\u``."""
    n = draw(st.integers(1, 6))
    ids = draw(st.lists(TRICKY, min_size=n, max_size=n, unique=True))
    doc: dict[str, Any] = {"format": draw(st.sampled_from(["arggraph/1", "arggraph/1.1"]))}
    for key in ("id", "title", "$schema", "description"):
        if draw(st.booleans()):
            doc[key] = draw(TRICKY)
    doc["claims"] = [{"id": i, "text": draw(TRICKY)} for i in ids]
    relations = []
    for k in range(draw(st.integers(0, 6))):
        rel = {"type": "attack", "source": draw(st.sampled_from(ids))}
        rel["target"] = draw(st.sampled_from(ids))
        if draw(st.booleans()):
            rel["id"] = f"r:{k}"
        relations.append(rel)
    doc["relations"] = relations
    return doc


@settings(max_examples=300, deadline=None)
@given(colon_files())
def test_the_keys_written_are_the_colons_less_those_in_strings(doc: dict[str, Any]) -> None:
    """With no ``\\u`` escape, every colon of the file ends a key or stands in a string:
    the count of keys needs no pass over the bytes to find the strings."""
    _colons_less_those_in_strings(doc)


def _colons_less_those_in_strings(doc: dict[str, Any]) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    assert "\\u" not in text
    cols = columns(doc)
    event("accepted" if cols is not None else "declined")
    if cols is None:
        return
    data = text.encode()
    assert data.count(b":") - string_colons(doc, cols) == key_count(doc)
    assert quick_parse(text, data) == (doc, key_count(doc))  # the pass it spares agrees
    graph = loads(data)
    assert graph._columns is not None  # read on the fast path
    # A key written twice, anywhere, is still named with its place.
    twice = data.replace(b'"text": ', b'"text": "x", "text": ', 1)
    with pytest.raises(JSONLimitError, match="duplicate key 'text'"):
        loads(twice, path="f.json")


def test_a_key_written_twice_is_found_on_either_count() -> None:
    """With a ``\\u`` escape in the file the bytes are counted; without, the colons."""
    for text in (
        '{"claims": [{"id": "a", "text": "A", "text": "B"}]}',
        '{"claims": [{"id": "a", "text": "\\u00e9", "text": "B"}]}',
        '{"claims": [{"id": "a:b", "text": "x:", "text": "B"}]}',
        '{"$schema": "https://x", "claims": [{"id": "a", "text": "A"}], "claims": []}',
    ):
        with pytest.raises(JSONLimitError, match="duplicate key"):
            loads(text, path="f.json")
    assert loads('{"claims": [{"id": "a", "text": "\\u00e9:"}]}')._columns is not None


def test_relations_of_three_keys_each_on_average_are_not_taken_for_plain() -> None:
    """The count of keys says every relation holds only type, source and target when
    they hold three each; one with two and one with four is the models' to name."""
    doc = {
        "claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        "relations": [
            {"type": "attack", "source": "a"},
            {"type": "attack", "source": "b", "target": "a", "weight": 0.5},
        ],
    }
    assert columns(doc) is None
    with pytest.raises(SchemaError, match=r"relations\[0\]"):
        loads(json.dumps(doc), path="f.json")


def test_many_ids_are_found_through_the_table_as_by_the_dictionary() -> None:
    """Enough ids that slots collide and lookups walk on from their home slot."""
    ids = [f"claim-{i:05d}" for i in range(5000)] + [f"c{i}" for i in range(3000)]
    finder = _Finder(ids)
    assert finder.ready
    ends = [ids[(i * 7919) % len(ids)] for i in range(20000)]
    index = {ident: i for i, ident in enumerate(ids)}
    assert finder.positions(ends).tolist() == [index[e] for e in ends]
    with pytest.raises(KeyError):
        finder.positions([*ends, "claim-99999"])
    with pytest.raises(KeyError):
        finder.positions([*ends, "claim-000001"])  # longer than every id


@pytest.mark.parametrize("blank", ["", " ", "\n", " \t\r\n "])
def test_a_blank_file_is_empty(tmp_path: Path, blank: str) -> None:
    f = tmp_path / "blank.json"
    f.write_text(blank, encoding="utf-8")
    with pytest.raises(FileAccessError, match="the file is empty"):
        load(f)
    if blank:
        with pytest.raises(FileAccessError, match="the file is empty"):
            loads(blank)


def test_loading_leaves_the_collector_running_and_frozen_objects_frozen() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        loads(json.dumps(PLAIN))
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        loads(json.dumps(PLAIN))
        assert not gc.isenabled()  # (paused by the caller: left paused)
    finally:
        gc.enable()


# ---------------------------------------------------------------- msgspec's parser
JSON_TEXTS = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(JSON_TEXTS, st.booleans())
def test_the_bulk_parser_reads_what_the_standard_parser_reads(value: Any, ascii_: bool) -> None:
    """msgspec's parser gives the same value as the standard library's: the same
    types, the same floats to the bit, the same order of keys."""
    text = json.dumps(value, ensure_ascii=ascii_)
    got = bulk_parse(text.encode())
    expected = json.loads(text)
    assert got == expected
    assert repr(got) == repr(expected)  # (floats to the bit, ints not floats, key order)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        "[1e999]",
        "[NaN]",
        "[Infinity]",
        '["\\ud800"]',
        '["\\udc00x"]',
        '["\\ud800\\u0041"]',
        "[" * 3000 + "]" * 3000,
        "[1" + "0" * 5000 + "]",
        '{"a": 1} x',
        '["a\x01"]',
    ],
)
def test_the_bulk_parser_leaves_to_the_standard_reader_what_it_refuses(text: str) -> None:
    """Whatever msgspec refuses goes to parse_json; what it reads of the rest is the
    standard parser's value (a duplicate key: the last, as the C parser keeps it)."""
    got = bulk_parse(text.encode())
    if got is not _FAILED:
        assert got == json.loads(text)


def _bulk_everywhere() -> Any:
    """Every text read by msgspec's parser, however small."""
    return patch("arggraph.jsonio.BULK_BYTES", 0)


@settings(max_examples=200, deadline=None)
@given(plain_files())
def test_loading_through_the_bulk_parser_gives_the_same_graph(doc: dict[str, Any]) -> None:
    with _bulk_everywhere():
        _same_graph_on_either_path(doc)


@settings(max_examples=100, deadline=None)
@given(colon_files())
def test_keys_written_twice_are_found_through_the_bulk_parser(doc: dict[str, Any]) -> None:
    with _bulk_everywhere():
        _colons_less_those_in_strings(doc)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ('{"claims": [{"id": "a", "text": "A",\n "text": "B"}]}', JSONLimitError, "line 2"),
        ('{"claims": [{"id": "a", "text": "A", "base": 1e999}]}', JSONLimitError, "beyond the"),
        ('{"claims": [{"id": "a", "text": "\\ud800"}]}', JSONLimitError, "lone surrogate"),
        ('{"claims": [{"id": "a", "text": "A", "base": 2}]}', SchemaError, "claims[0].base"),
        ('\ufeff{"claims": [{"id": "a", "text": "A"}],}', JSONSyntaxError, "column 39"),
        ("\u00a0\n", FileAccessError, "the file is empty"),
    ],
)
def test_what_the_bulk_parser_declines_is_named_with_its_place(
    text: str, error: type[Exception], message: str
) -> None:
    with _bulk_everywhere(), pytest.raises(error) as caught:
        loads(text.encode(), path="f.json")
    assert message in str(caught.value)
    with pytest.raises(error) as again:  # the same as through the standard parser
        loads(text.encode(), path="f.json")
    assert str(again.value) == str(caught.value)


def test_a_large_plain_file_is_read_by_the_bulk_parser_without_its_text(tmp_path: Path) -> None:
    claims = [{"id": f"c{i}", "text": f"Claim {i}", "base": 0.5} for i in range(30000)]
    relations = [
        {"type": "attack", "source": f"c{i}", "target": f"c{i - 1}"} for i in range(1, 30000)
    ]
    f = tmp_path / "big.json"
    f.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps({"id": "big", "claims": claims, "relations": relations}).encode()
    )
    assert f.stat().st_size >= BULK_BYTES
    with patch("arggraph.io.decode_text", side_effect=AssertionError("decoded")):
        graph = load(f)
    assert graph._columns is not None
    assert graph.framework.att_src.tolist() == list(range(1, 30000))


@pytest.mark.parametrize("size", [3, 5000])
def test_an_id_twice_is_found_while_the_table_is_built(size: int) -> None:
    ids = [f"claim-{i:05d}" for i in range(size)]
    assert _Finder(ids).distinct()
    for twice in ([*ids, ids[size // 2]], [ids[-1], *ids]):
        finder = _Finder(twice)
        assert not finder.ready
        assert not finder.distinct()


@pytest.mark.parametrize(
    "items",
    [
        {"claims": [["id", "text"]]},
        {"claims": ["id"]},
        {"claims": [{"id": "a", "text": "A"}, 1]},
        {"claims": [None]},
        {"claims": [{"id": "a", "text": "A"}], "relations": [["type", "source", "target"]]},
        {"claims": [{"id": "a", "text": "A"}], "relations": ["abc"]},
        {"claims": [{"id": "a", "text": "A"}], "relations": [[]]},
        {"claims": [{"id": "a", "text": "A"}], "relations": [3]},
    ],
)
def test_items_that_are_no_objects_are_not_plain(items: dict[str, Any]) -> None:
    """The fast path reads every item by key, which only an object takes: anything else
    is declined, and the models say what it is and where."""
    assert columns(items) is None
    with pytest.raises(SchemaError):
        loads(json.dumps(items), path="f.json")
