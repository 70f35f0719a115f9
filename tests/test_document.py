"""The fast path for whole files (``arggraph._document``) against the pydantic models.

What it accepts (actors, documents, attributions, tags, notes, dates, linked premises,
relations aimed at relations), the models accept with equal values and the graph indexes
with no problem; the graph it gives computes as the graph of the models does. Whatever
it declines goes to the models, so every error keeps its message and its place.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from _support import BAKHMUT, loaded_alike, same_framework
from hypothesis import event, given, settings
from hypothesis import strategies as st

from arggraph._document import document_columns
from arggraph.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    JSONLimitError,
    SchemaError,
)
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.jsonio import all_keys, quick_parse, written_keys
from arggraph.model import GraphModel
from arggraph.summary import summarize


def _mostly(good: st.SearchStrategy[Any], bad: list[Any]) -> st.SearchStrategy[Any]:
    """A good value 149 times in 150, else one of the ``bad`` ones (a file has dozens of
    values: most files drawn are then valid, and most invalid ones wrong in one place)."""
    # (Not integers(0, 149): Hypothesis draws the ends of a range far more often.)
    return st.sampled_from(_ODDS).flatmap(lambda ok: good if ok else st.sampled_from(bad))


_ODDS = (True,) * 149 + (False,)


def _maybe(draw: st.DrawFn, item: dict[str, Any], key: str, value: st.SearchStrategy[Any]) -> None:
    if draw(st.integers(0, 2)) == 0:
        item[key] = draw(value)


NUMBERS = _mostly(
    st.one_of(st.sampled_from([0, 1, 0.0, 1.0]), st.floats(min_value=0, max_value=1)),
    [2, -0.5, True, None, "0.5"],
)
DATES = _mostly(
    st.sampled_from(["2023", "2023-03", "2023-03-06", "2023-02-27/2023-03-05", None]),
    ["2023-02-30", "2023-3", "2023-03-06\n", "٢٠٢٣", "2023-04/2023-03", 2023, ""],
)
STRINGS = _mostly(st.sampled_from(["s", "", None]), [1, ["s"]])
METAS = _mostly(
    st.one_of(st.none(), st.dictionaries(st.sampled_from(["k", "j"]), st.integers(0, 3))),
    [[], "m", {"deep": [[[[1]]]]}],
)


@st.composite
def whole_files(draw: st.DrawFn) -> dict[str, Any]:
    """Files near the whole-file fast path's reach: mostly valid, sometimes a value, a
    key or a reference it must decline."""
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 3)):
        doc["format"] = draw(
            _mostly(st.sampled_from(["arggraph/1.1"] * 5 + ["arggraph/1"]), ["x", 1])
        )
    if draw(st.booleans()):
        doc["id"] = draw(_mostly(st.just("g"), ["", 3]))
    for key in ("title", "question", "description", "$schema"):
        if draw(st.integers(0, 4)) == 0:
            doc[key] = draw(_mostly(st.sampled_from(["T", ""]), [None, 1]))
    _maybe(draw, doc, "meta", METAS)
    documents = []
    for i in range(draw(st.integers(0, 2))):
        item: dict[str, Any] = {
            "id": draw(_mostly(st.just(f"d{i}"), ["", "d0", 1])),
            "title": draw(_mostly(st.just("Doc"), ["", None])),
        }
        for key in ("publisher", "author", "url", "file", "note"):
            _maybe(draw, item, key, STRINGS)
        _maybe(draw, item, "published", DATES)
        _maybe(draw, item, "accessed", DATES)
        _maybe(draw, item, "sha256", _mostly(st.sampled_from(["ab" * 32, None]), ["ab", "zz" * 32]))
        _maybe(draw, item, "meta", METAS)
        documents.append(item)
    actors = []
    for i in range(draw(st.integers(0, 2))):
        item = {
            "id": draw(_mostly(st.just(f"p{i}"), ["", "p0"])),
            "name": draw(_mostly(st.just("Name"), [""])),
            "kind": draw(_mostly(st.just("analyst"), ["", None])),
        }
        for key in ("role", "affiliation", "note"):
            _maybe(draw, item, key, STRINGS)
        if not draw(st.sampled_from(_ODDS)):
            del item["kind"]
        actors.append(item)
    actor_ids = [a["id"] for a in actors if isinstance(a["id"], str)] or ["p0"]
    document_ids = [d["id"] for d in documents if isinstance(d["id"], str)] or ["d0"]

    def attributions() -> list[dict[str, Any]]:
        out = []
        for _ in range(draw(st.integers(0, 2))):
            att: dict[str, Any] = {"actor": draw(_mostly(st.sampled_from(actor_ids), ["zz", ""]))}
            _maybe(draw, att, "document", _mostly(st.sampled_from(document_ids), ["zz", ""]))
            _maybe(draw, att, "quote", _mostly(st.just("q"), [None]))
            _maybe(draw, att, "date", DATES)
            _maybe(draw, att, "illocution", _mostly(st.just("Asserting"), ["", None]))
            if not draw(st.sampled_from(_ODDS)):
                att["wieght"] = 1
            out.append(att)
        return out

    claims = []
    for i in range(draw(st.integers(1, 5))):
        claim: dict[str, Any] = {
            "id": draw(_mostly(st.just(f"c{i}"), ["", 1, "c0", "attack:c0->c1"])),
            "text": draw(_mostly(st.just("A"), ["", 2])),
        }
        _maybe(draw, claim, "kind", _mostly(st.sampled_from(["position", "claim"]), ["x"]))
        _maybe(draw, claim, "base", NUMBERS)
        _maybe(draw, claim, "date", DATES)
        _maybe(draw, claim, "reconstructed", _mostly(st.sampled_from([True, False, None]), [1]))
        _maybe(draw, claim, "tags", _mostly(st.just(["t"]), ["t", [1]]))
        _maybe(draw, claim, "note", STRINGS)
        _maybe(draw, claim, "meta", METAS)
        if draw(st.booleans()):
            claim["attributions"] = (
                draw(_mostly(st.just(None), [{"actor": "p0"}, None])) or attributions()
            )
        claims.append(claim)
    names = [c["id"] for c in claims if isinstance(c["id"], str)] or ["c0"]
    ends = _mostly(st.sampled_from(names), ["", 1, "zz"])
    relations: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 5))):
        rel: dict[str, Any] = {
            "type": draw(_mostly(st.sampled_from(["attack", "support"]), ["undercut", None])),
            "target": draw(ends),
        }
        if draw(st.integers(0, 3)) == 0:
            rel["sources"] = draw(
                _mostly(
                    st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True),
                    [[], "c0", ["c0", "c0"]],
                )
            )
            if not draw(st.sampled_from(_ODDS)):
                rel["source"] = names[0]
        else:
            rel["source"] = draw(ends)
        if relations and draw(st.integers(0, 3)) == 0:  # an undercut or a backing
            aimed = draw(st.sampled_from(relations))
            rel["target"] = aimed.get("id") or (
                f"{aimed['type']}:{aimed['source']}->{aimed['target']}"
                if "source" in aimed and "sources" not in aimed
                else "zz"
            )
        _maybe(draw, rel, "weight", NUMBERS)
        _maybe(draw, rel, "scheme", _mostly(st.just("Argument From Expert Opinion"), ["", 1]))
        _maybe(draw, rel, "note", STRINGS)
        if draw(st.integers(0, 3)) == 0:
            rel["id"] = draw(_mostly(st.sampled_from(["r", "s", ""]), ["c0", 5]))
        if draw(st.booleans()):
            rel["attributions"] = attributions()
        relations.append(rel)
    keep_empty: bool = draw(st.booleans())
    for key, items in (
        ("documents", documents),
        ("actors", actors),
        ("claims", claims),
        ("relations", relations),
    ):
        if items or keep_empty:
            doc[key] = items
    return doc


def _same_graph(fast: Graph, slow: Graph) -> None:
    """Every reading of the two graphs alike, those that need no model first."""
    same_framework(fast.framework, slow.framework)
    assert fast.claim_kinds() == slow.claim_kinds()
    assert fast.claim_texts() == slow.claim_texts()
    assert fast.position_texts() == slow.position_texts()
    assert list(fast.kind_counts().items()) == list(slow.kind_counts().items())
    assert list(fast.type_counts().items()) == list(slow.type_counts().items())
    assert (fast.id, fast.title, fast.question) == (slow.id, slow.title, slow.question)
    assert fast.attributed == slow.attributed
    assert fast._model is None  # none of that needed a model
    assert summarize(fast) == summarize(slow)
    assert [r.id for r in fast.extended_relations] == [r.id for r in slow.extended_relations]
    assert fast.model.model_dump() == slow.model.model_dump()
    assert fast.model.model_fields_set == slow.model.model_fields_set
    assert list(fast.claims) == list(slow.claims)
    assert list(fast.relations) == list(slow.relations)
    assert list(fast.actors) == list(slow.actors)
    assert list(fast.documents) == list(slow.documents)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(whole_files())
def test_what_the_whole_file_path_accepts_the_models_accept_with_equal_values(
    doc: dict[str, Any],
) -> None:
    cols = document_columns(doc)
    event("accepted" if cols is not None else "declined")
    if cols is None:
        return
    event("links" if cols.links is not None else "plain relations")
    model = GraphModel.model_validate(doc)  # never raises for what the fast path took
    slow = Graph(model, strict=True)  # nor does indexing it: no problem at all
    assert slow.problems == []
    assert cols.format == model.format
    assert cols.claim_ids == [c.id for c in model.claims]
    assert cols.bases.tolist() == [c.base for c in model.claims]
    assert cols.weights.tolist() == [r.weight for r in model.relations]
    if cols.relation_ids is not None:
        assert cols.relation_ids == list(slow.relations)
    fast = Graph.from_columns(doc, cols, graph_id=model.id)
    _same_graph(fast, slow)


@settings(max_examples=300, deadline=None)
@given(whole_files())
def test_loading_a_whole_file_gives_the_same_graph_or_error_on_either_path(
    doc: dict[str, Any],
) -> None:
    """``loads`` on the text: the graph of the fast path when it applies, of the models
    otherwise; either way the same graph, or the same error."""
    both = loaded_alike(doc)
    if both is None:
        return  # refused alike
    graph, expected = both
    event("fast" if graph._model is None else "models")
    assert graph.problems == []
    if graph._model is None:
        _same_graph(graph, expected)
    else:
        same_framework(graph.framework, expected.framework)
        assert summarize(graph) == summarize(expected)


def test_the_bundled_debate_is_read_and_scored_without_a_model() -> None:
    """The bundled debate (attributions, linked premises, undercuts) takes the fast
    path, and its framework is the one the models give."""
    graph = load(BAKHMUT)
    assert graph._model is None and graph.columns is None  # (columns: plain files only)
    raw = json.loads(BAKHMUT.read_text(encoding="utf-8"))
    slow = Graph(GraphModel.model_validate(raw), strict=True)
    _same_graph(graph, slow)


@pytest.mark.parametrize(
    "command",
    [
        ["score", "GRAPH"],
        ["score", "GRAPH", "--format", "csv"],
        ["extensions", "GRAPH", "--semantics", "grounded"],
        ["explain", "GRAPH", "withdraw"],
        ["explain", "GRAPH", "withdraw", "--format", "json"],
    ],
)
def test_computing_on_the_bundled_debate_imports_no_pydantic(command: list[str]) -> None:
    """``score``, ``extensions`` and ``explain`` on the bundled debate need no model:
    pydantic (and the models' validators, some 0.1 s of start-up) stay unloaded."""
    args = [str(BAKHMUT) if arg == "GRAPH" else arg for arg in command]
    code = (
        "import sys; from arggraph.cli import main; code = main(sys.argv[1:]); "
        "print(code, 'pydantic' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    assert done.stderr.strip() == "0 False"
    assert "withdraw" in done.stdout


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        # A key written twice in an attribution: the C parser keeps the last.
        (
            '{"actors": [{"id": "k", "name": "K", "kind": "analyst"}], "claims": [{"id": "a",'
            ' "text": "A", "attributions": [{"actor": "k",\n "actor": "k"}]}]}',
            JSONLimitError,
            "line 2, column 2: duplicate key 'actor'",
        ),
        (
            '{"claims": [{"id": "a", "text": "A", "meta": {"x": {"y": 1,\n "y": 2}}}]}',
            JSONLimitError,
            "line 2, column 2: duplicate key 'y'",
        ),
        ('{"claims": [{"id": "a", "text": "A", "meta": {"x": 1e999}}]}', JSONLimitError, "beyond"),
        (
            '{"claims": [{"id": "a", "text": "A", "meta": ' + "[" * 120 + "]" * 120 + "}]}",
            JSONLimitError,
            "nested deeper than 100",
        ),
        (
            '{"actors": [{"id": "k", "name": "K", "kind": "analyst"}], "claims": [{"id": "a",'
            ' "text": "A", "attributions": [{"actor": "z"}]}]}',
            DanglingReferenceError,
            "unknown actor 'z'",
        ),
        (
            '{"format": "arggraph/1.1", "claims": [{"id": "a", "text": "A"}, {"id": "b", '
            '"text": "B"}], "relations": [{"type": "attack", "sources": ["a", "b"], "target": '
            '"b"}, {"id": "a", "type": "support", "source": "a", "target": "b"}]}',
            DuplicateIdError,
            "names both a claim and a relation",
        ),
        (
            '{"format": "arggraph/1", "claims": [{"id": "a", "text": "A", "date": '
            '"2023-01/2023-02"}]}',
            SchemaError,
            'a date interval needs "format": "arggraph/1.1"',
        ),
        (
            '{"claims": [{"id": "a", "text": "A", "date": "2023-02-30"}]}',
            SchemaError,
            "claims[0].date",
        ),
        (
            '{"claims": [{"id": "a", "text": "A", "tags": "war"}]}',
            SchemaError,
            "claims[0].tags",
        ),
    ],
)
def test_what_the_whole_file_path_declines_is_named_by_the_reader_and_the_models(
    text: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        loads(text, path="f.json")
    assert message in str(caught.value)


def test_a_file_that_says_no_format_but_needs_the_new_one_gets_it() -> None:
    """On the fast path as from the models: linked premises make it ``arggraph/1.1``."""
    graph = loads(
        '{"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", '
        '"text": "C"}], "relations": [{"type": "support", "sources": ["a", "b"], '
        '"target": "c"}]}'
    )
    assert graph._model is None and graph.framework.k == 1
    assert graph.model.format == "arggraph/1.1"


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(-99, 99), st.floats(), st.text(max_size=4)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=15,
    )
)
def test_all_keys_counts_the_keys_written_or_says_what_the_reader_refuses(value: Any) -> None:
    try:
        text = json.dumps(value, allow_nan=False)
    except ValueError:  # NaN or an infinity: JSON has none; the quick parse reads 1e999
        text = json.dumps(value).replace("-Infinity", "-1e999").replace("Infinity", "1e999")
        if "NaN" in text:
            return
        parsed = quick_parse(text)
        assert parsed is not None
        assert all_keys(parsed[0]) is None
        return
    parsed = quick_parse(text)
    assert parsed is not None
    assert all_keys(parsed[0]) == written_keys(text.encode("utf-8")) == parsed[1]


@pytest.mark.parametrize(
    ("spec", "model"),
    [
        ("_ATTRIBUTION", "Attribution"),
        ("_DOCUMENT", "Document"),
        ("_ACTOR", "Actor"),
        ("_CLAIM", "Claim"),
        ("_RELATION", "Relation"),
        ("_TOP", "GraphModel"),
    ],
)
def test_the_fast_path_knows_every_field_of_the_models(spec: str, model: str) -> None:
    """A field added to a model must be added to the fast path's table (which otherwise
    declines every file that uses it, and so no test of equal values would see it)."""
    from arggraph import _document
    from arggraph import model as models

    fields = {info.alias or name for name, info in getattr(models, model).model_fields.items()}
    assert set(getattr(_document, spec)) == fields
