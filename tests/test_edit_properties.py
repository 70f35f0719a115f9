"""Property tests of the edit model: any sequence of edits, graph and score edits mixed,
then as many undos gives back the graph and the scores it started from (equal models,
equal canonical bytes); redo gives back where it got to; and every graph an edit makes
saves to a file that loads back to the same graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest
from _support import BYPASS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.edit import (
    Edit,
    Editor,
    add_actor,
    add_argument,
    add_attribution,
    add_claim,
    add_document,
    add_relation,
    change_actor,
    change_claim,
    change_graph,
    change_relation,
    group_premises,
    remove_actor,
    remove_attribution,
    remove_claim,
    remove_document,
    remove_relation,
)
from arggraph.errors import EditError, InvalidValueError, UnknownIdError
from arggraph.graph import Graph
from arggraph.io import dump_graph, load, loads
from arggraph.sheets import ScoreBook

BRIDGE = Path(__file__).parent / "fixtures" / "bridge.json"
BAKHMUT = Path(__file__).parent.parent / "graphs" / "bakhmut.json"

TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(str.strip)
SUPPRESS = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
KINDS: st.SearchStrategy[Literal["position", "claim", "evidence"]] = st.sampled_from(
    ["position", "claim", "evidence"]
)
TYPES: st.SearchStrategy[Literal["support", "attack"]] = st.sampled_from(["support", "attack"])
UNIT = st.sampled_from([0.0, 0.25, 0.5, 0.8, 1.0])


def _pick(data: st.DataObject, items: list[str]) -> str:
    return data.draw(st.sampled_from(items)) if items else "nothing-here"


def _draw_edit(data: st.DataObject, g: Graph) -> Edit | tuple[str, str, float | None]:
    """An edit built against ``g`` (it may be refused), or a score change."""
    claims, relations = list(g.claims), list(g.relations)
    ends = claims + relations
    op = data.draw(st.integers(0, 17), label="op")
    if op == 0:
        return add_claim(g, data.draw(TEXTS), kind=data.draw(KINDS))
    if op in (1, 2):
        return add_argument(g, data.draw(TEXTS), type_=data.draw(TYPES), target=_pick(data, ends))
    if op == 3:
        field = data.draw(st.sampled_from(["text", "kind", "base", "date", "tags"]))
        value: Any = {
            "text": data.draw(TEXTS),
            "kind": data.draw(st.sampled_from(["position", "claim", "evidence", "opinion"])),
            "base": data.draw(st.sampled_from([0.0, 0.3, 1.0, 1.5])),
            "date": data.draw(st.sampled_from([None, "2023", "2023-05-02", "2023/2022", "x"])),
            "tags": data.draw(st.lists(st.sampled_from(["a", "b", "c"]), max_size=2)),
        }[field]
        return change_claim(g, _pick(data, claims), **{field: value})
    if op == 4:
        return remove_claim(g, _pick(data, claims))
    if op == 5:
        n = data.draw(st.integers(1, 3))
        premises = [_pick(data, claims) for _ in range(n)]
        return add_relation(g, data.draw(TYPES), premises, _pick(data, ends))
    if op == 6:
        field = data.draw(st.sampled_from(["type", "weight", "target", "premises", "note"]))
        value = {
            "type": data.draw(st.sampled_from(["support", "attack"])),
            "weight": data.draw(UNIT),
            "target": _pick(data, ends),
            "premises": [_pick(data, claims) for _ in range(data.draw(st.integers(1, 2)))],
            "note": data.draw(TEXTS),
        }[field]
        return change_relation(g, _pick(data, relations), **{field: value})
    if op == 7:
        return group_premises(g, _pick(data, relations), _pick(data, claims))
    if op == 8:
        return remove_relation(g, _pick(data, relations))
    if op == 9:
        return add_actor(g, data.draw(TEXTS), kind=data.draw(st.sampled_from(["analyst", ""])))
    if op == 10:
        return change_actor(g, _pick(data, list(g.actors)), role=data.draw(TEXTS))
    if op == 11:
        return remove_actor(g, _pick(data, list(g.actors)))
    if op == 12:
        return add_document(g, data.draw(TEXTS), published=data.draw(st.sampled_from(["2024"])))
    if op == 13:
        return remove_document(g, _pick(data, list(g.documents)))
    if op == 14:
        owner = _pick(data, ends)
        return add_attribution(g, owner, actor=_pick(data, list(g.actors)), quote=data.draw(TEXTS))
    if op == 15:
        return remove_attribution(g, _pick(data, ends), data.draw(st.integers(0, 1)))
    if op == 16:
        return change_graph(g, title=data.draw(TEXTS))
    kind = data.draw(st.sampled_from(["base", "weight"]))
    ident = _pick(data, claims if kind == "base" else relations)
    return kind, ident, data.draw(st.none() | UNIT)


def _do(ed: Editor, made: Edit | tuple[str, str, float | None]) -> None:
    """Make the edit or the score change (a refused one must change nothing)."""
    before = ed.graph
    if isinstance(made, Edit):
        try:
            ed.apply(made)
        except EditError:
            assert ed.graph is before
        return
    kind, ident, value = made
    try:
        if kind == "base":
            ed.set_base(ident, value) if value is not None else ed.reset_base(ident)
        else:
            ed.set_weight(ident, value) if value is not None else ed.reset_weight(ident)
    except (UnknownIdError, InvalidValueError):
        pass
    assert ed.graph is before


def _scores(book: ScoreBook) -> tuple[dict[str, float], dict[str, float]]:
    return dict(book.bases), dict(book.weights)


def _run(data: st.DataObject, graph: Graph, tmp: Path) -> None:
    book = ScoreBook(graph, path=tmp / "sheet.json", scorer="tester")
    ed = Editor(graph, book)
    original, original_text = graph.model, dump_graph(graph.model)
    steps = data.draw(st.integers(1, 12), label="steps")
    states = []
    for _ in range(steps):
        try:
            made = _draw_edit(data, ed.graph)
        except (EditError, UnknownIdError):
            continue  # refused as it was asked for: nothing to make
        undo_depth = len(ed._undo)
        _do(ed, made)
        if len(ed._undo) > undo_depth:
            states.append((ed.graph.model, _scores(book)))
        # every graph an edit makes saves to a file that loads back to the same graph
        text = dump_graph(ed.graph.model)
        again = loads(text, strict=False)
        assert list(again.relations) == list(ed.graph.relations)
        assert again.model == ed.graph.model
        assert dump_graph(again.model) == text
        assert not ed.graph.problems
    final = (ed.graph.model, _scores(book))
    assert len(states) == len(ed._undo)
    while ed.undo():
        pass
    assert ed.graph.model == original
    assert dump_graph(ed.graph.model) == original_text
    assert _scores(book) == ({}, {})
    assert not ed.dirty
    while ed.redo():
        pass
    assert (ed.graph.model, _scores(book)) == final


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=SUPPRESS)
@given(data=st.data())
def test_edits_then_undos_give_back_the_bridge(data: st.DataObject, tmp_path: Path) -> None:
    _run(data, load(BRIDGE), tmp_path)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=SUPPRESS)
@given(data=st.data())
def test_edits_then_undos_give_back_the_bypass(data: st.DataObject, tmp_path: Path) -> None:
    _run(data, load(BYPASS), tmp_path)


@settings(max_examples=15, deadline=None, suppress_health_check=SUPPRESS)
@given(data=st.data())
def test_edits_then_undos_give_back_an_empty_debate(data: st.DataObject, tmp_path: Path) -> None:
    from arggraph.edit import new_debate

    _run(data, Graph(new_debate("Should we?")), tmp_path)
