"""Saving an edited graph: the canonical text (a canonical file saves to the same bytes,
an edit changes only its lines), atomic saves that refuse a file changed on disk."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from _support import BYPASS, ROOT

from arggraph.edit import (
    Editor,
    add_argument,
    add_relation,
    change_claim,
    change_relation,
    group_premises,
    remove_claim,
)
from arggraph.errors import FileAccessError, StaleFileError
from arggraph.graph import Graph
from arggraph.io import dump_graph, load
from arggraph.serialize import canonical_json, needed_format
from arggraph.sheets import ScoreBook

BAKHMUT = ROOT / "graphs" / "bakhmut.json"
CANONICAL = [BAKHMUT, ROOT / "tests" / "fixtures" / "bakhmut-first-edition.json"]


def _changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and the lines added from ``before`` to ``after``."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    body = [d for d in diff if not d.startswith(("---", "+++", "@@"))]
    return [d[1:] for d in body if d.startswith("-")], [d[1:] for d in body if d.startswith("+")]


@pytest.fixture
def bakhmut(tmp_path: Path) -> Path:
    copy = tmp_path / "bakhmut.json"
    shutil.copyfile(BAKHMUT, copy)
    return copy


@pytest.mark.parametrize("path", CANONICAL, ids=lambda p: p.name)
def test_a_canonical_file_loads_and_saves_to_the_same_bytes(path: Path, tmp_path: Path) -> None:
    graph = load(path)
    assert canonical_json(graph.model).encode("utf-8") == path.read_bytes()
    out = Editor(graph).save(tmp_path / "out.json")
    assert out.read_bytes() == path.read_bytes()


def test_the_saved_form_is_canonical_whatever_the_file_looked_like(tmp_path: Path) -> None:
    once = dump_graph(load(BYPASS).model)  # the fixture is written one item a line
    assert once != BYPASS.read_text(encoding="utf-8")
    (tmp_path / "b.json").write_text(once, encoding="utf-8")
    assert dump_graph(load(tmp_path / "b.json").model) == once


def test_a_text_change_touches_its_line_only(bakhmut: Path) -> None:
    before = bakhmut.read_text(encoding="utf-8")
    ed = Editor(load(bakhmut))
    cid = next(c.id for c in ed.graph.claims.values() if c.kind == "claim")
    old = ed.graph.claims[cid].text
    ed.apply(change_claim(ed.graph, cid, text="A new wording, with “quotes” and ü"))
    ed.save()
    removed, added = _changed(before, bakhmut.read_text(encoding="utf-8"))
    assert removed == [f'      "text": {json.dumps(old, ensure_ascii=False)},']
    assert added == ['      "text": "A new wording, with “quotes” and ü",']


def test_a_new_argument_is_a_block_of_added_lines(bakhmut: Path) -> None:
    before = bakhmut.read_text(encoding="utf-8")
    ed = Editor(load(bakhmut))
    target = ed.graph.positions[0].id
    ed.apply(add_argument(ed.graph, "Winter roads freeze", type_="support", target=target))
    ed.save()
    removed, added = _changed(before, bakhmut.read_text(encoding="utf-8"))
    assert removed == []
    assert '      "text": "Winter roads freeze",' in added
    assert f'      "target": "{target}",' in added
    assert not any('"id": "support:' in line for line in added)  # the default id is implied


def test_a_weight_change_and_a_type_change_touch_one_relation(bakhmut: Path) -> None:
    before = bakhmut.read_text(encoding="utf-8")
    ed = Editor(load(bakhmut))
    rid = next(r.id for r in ed.graph.relations.values() if not ed.graph.relations_into(r.id))
    ed.apply(change_relation(ed.graph, rid, weight=0.3))
    ed.save()
    after = bakhmut.read_text(encoding="utf-8")
    removed, added = _changed(before, after)
    assert (len(removed), added) == (1, ['      "weight": 0.3,'])
    ed.apply(change_relation(ed.graph, rid, type="attack" if "support" in rid else "support"))
    ed.save()
    removed, added = _changed(after, bakhmut.read_text(encoding="utf-8"))
    assert len(removed) == len(added) == 1 and '"type"' in added[0]


def test_undoing_every_edit_saves_the_original_bytes(bakhmut: Path) -> None:
    before = bakhmut.read_bytes()
    ed = Editor(load(bakhmut))
    link = next(r for r in ed.graph.relations.values() if len(r.premises) == 1)
    ed.apply(add_argument(ed.graph, "A new reason", type_=link.type, target=link.target))
    ed.apply(group_premises(ed.graph, link.id, "a-new-reason"))
    ed.apply(add_argument(ed.graph, "It does not follow", type_="attack", target=link.target))
    ed.apply(remove_claim(ed.graph, link.premises[0]))
    ed.save()
    assert bakhmut.read_bytes() != before
    while ed.undo():
        pass
    assert ed.dirty
    ed.save()
    assert bakhmut.read_bytes() == before
    assert not ed.dirty


def test_an_arggraph_1_file_stays_arggraph_1_unless_an_edit_needs_more(tmp_path: Path) -> None:
    path = tmp_path / "bypass.json"
    shutil.copyfile(BYPASS, path)
    ed = Editor(load(path))
    ed.apply(change_claim(ed.graph, "cost", text="Too dear"))
    ed.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "arggraph/1"
    ed.apply(add_relation(ed.graph, "attack", ["trade", "survey"], "build"))
    ed.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "arggraph/1.1"
    ed.undo()
    assert needed_format(ed.graph.model) == "arggraph/1"
    ed.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "arggraph/1"


def test_saving_refuses_a_file_changed_on_disk_and_loses_nothing(bakhmut: Path) -> None:
    ed = Editor(load(bakhmut))
    ed.apply(change_claim(ed.graph, next(iter(ed.graph.claims)), text="Mine"))
    theirs = bakhmut.read_text(encoding="utf-8").replace('"title": "', '"title": "Theirs: ', 1)
    bakhmut.write_text(theirs, encoding="utf-8")
    with pytest.raises(StaleFileError, match="changed on disk"):
        ed.save()
    assert bakhmut.read_text(encoding="utf-8") == theirs
    assert ed.dirty
    ed.save(force=True)  # the user chose to overwrite
    assert "Theirs" not in bakhmut.read_text(encoding="utf-8")
    assert not ed.dirty


def test_save_elsewhere_refuses_another_file_and_then_follows_the_new_one(
    bakhmut: Path, tmp_path: Path
) -> None:
    ed = Editor(load(bakhmut))
    other = tmp_path / "other.json"
    theirs = '{"format": "arggraph/1", "id": "other", "claims": []}'
    other.write_text(theirs, encoding="utf-8")
    with pytest.raises(StaleFileError, match="already there"):
        ed.save(other)
    assert other.read_text(encoding="utf-8") == theirs
    mine = tmp_path / "mine.json"
    assert ed.save(mine) == mine
    assert ed.graph.path == mine
    ed.apply(change_claim(ed.graph, next(iter(ed.graph.claims)), text="Later"))
    ed.save()
    assert "Later" in mine.read_text(encoding="utf-8")
    assert "Later" not in bakhmut.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("map.argdown", "[Close]: Close the bridge.\n", "not JSON"),
        ("package.json", '{"name": "x"}', "not an arggraph graph"),
        ("sheet.json", '{"format": "arggraph-scores/1", "graph": "g"}', "'arggraph-scores/1'"),
    ],
)
def test_a_graph_is_never_saved_over_another_kind_of_file(
    bakhmut: Path, tmp_path: Path, name: str, text: str, why: str
) -> None:
    """Not even when told to overwrite: an Argdown map, another tool's JSON or a score
    sheet is not the graph's to replace (a live source's save must not land there)."""
    ed = Editor(load(bakhmut))
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    for force in (False, True):
        with pytest.raises(FileAccessError, match=why) as info:
            ed.save(target, force=force)
        assert info.value.hint == "save it to a new .json file"
    assert target.read_text(encoding="utf-8") == text


def test_reload_drops_the_unsaved_edits(bakhmut: Path) -> None:
    ed = Editor(load(bakhmut))
    cid = next(iter(ed.graph.claims))
    ed.apply(change_claim(ed.graph, cid, text="Mine"))
    bakhmut.write_text(
        bakhmut.read_text(encoding="utf-8").replace('"title": "', '"title": "Theirs: ', 1),
        encoding="utf-8",
    )
    graph = ed.reload()
    assert graph.model.title.startswith("Theirs: ")
    assert not ed.can_undo and not ed.dirty


def test_a_graph_without_a_file_needs_a_path(tmp_path: Path) -> None:
    from arggraph.edit import new_debate

    ed = Editor(Graph(new_debate("Q?")))
    with pytest.raises(FileAccessError, match="no file yet"):
        ed.save()
    assert ed.save(tmp_path / "q.json").exists()


def test_scores_are_not_in_the_graph_file(bakhmut: Path, tmp_path: Path) -> None:
    graph = load(bakhmut)
    book = ScoreBook(graph, path=tmp_path / "sheet.json", scorer="tester")
    ed = Editor(graph, book)
    ed.set_base(next(iter(graph.claims)), 0.9)
    assert not ed.dirty and book.dirty
    before = bakhmut.read_bytes()
    ed.save()
    assert bakhmut.read_bytes() == before
