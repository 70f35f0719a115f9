"""Score sheets: where they go, how edits become a sheet, and saves that never clobber."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from arggraph.errors import FileAccessError, InputError, StaleFileError, UnknownIdError
from arggraph.graph import Graph
from arggraph.io import load, load_scores
from arggraph.sheets import (
    ScoreBook,
    chosen_sheet,
    data_folder,
    default_sheet_path,
    is_users_folder,
    nudge,
    open_book,
    sheet_name,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def graph(tmp_path: Path) -> Graph:
    """The fixture graph, copied into a folder of the user's own."""
    target = tmp_path / "project" / "bypass.json"
    target.parent.mkdir()
    shutil.copy(FIXTURES / "bypass.json", target)
    return load(target)


ENV = {"HOME": "/nonexistent-home"}


# ---------------------------------------------------------------------- where
def test_scores_option_wins(graph: Graph, tmp_path: Path) -> None:
    path = default_sheet_path(graph.id, scores=tmp_path / "mine.json", user="ana")
    assert path == tmp_path / "mine.json"


def test_never_beside_the_graph_even_in_the_users_own_folder(graph: Graph) -> None:
    assert graph.path is not None
    assert is_users_folder(graph.path.parent)
    path = default_sheet_path(graph.id, user="ana", env=ENV)
    assert path == Path(
        "/nonexistent-home/.local/share/arggraph/scores/bypass-2022.ana.scores.json"
    )


def test_the_same_graph_opened_two_ways_uses_one_sheet(graph: Graph, tmp_path: Path) -> None:
    """A copy of the graph elsewhere (an editable install's file and its bundled twin)
    finds the same sheet: sheets go by the graph's id, not by where its file lies."""
    env = {"HOME": str(tmp_path / "home")}
    book = open_book(graph, user="ana", env=env)
    book.set_base("trade", 0.6)
    book.save()
    assert graph.path is not None
    twin = tmp_path / "elsewhere" / "bypass.json"
    twin.parent.mkdir()
    shutil.copy(graph.path, twin)
    again = open_book(load(twin), user="ana", env=env)
    assert again.path == book.path
    assert again.bases == {"trade": 0.6}


def test_save_elsewhere_makes_the_new_sheet_the_one_used_next(graph: Graph, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home")}
    book = open_book(graph, user="ana", env=env)
    book.set_base("trade", 0.7)
    other = tmp_path / "team" / "ana.scores.json"
    other.parent.mkdir()
    assert book.save_elsewhere(other) == other
    assert chosen_sheet(graph.id, "ana", env=env) == other.resolve()
    again = open_book(graph, user="ana", env=env)
    assert again.path == other.resolve()
    assert again.bases == {"trade": 0.7}
    # Another user, and the same user's other graphs, are not affected.
    assert open_book(graph, user="bob", env=env).path.name == "bypass-2022.bob.scores.json"
    # Choosing the default place again forgets the choice.
    default = data_folder(env) / sheet_name(graph.id, "ana")
    again.save_elsewhere(default)
    assert chosen_sheet(graph.id, "ana", env=env) is None
    # A chosen sheet that was deleted falls back to the default one.
    again.save_elsewhere(other, force=True)
    other.unlink()
    assert open_book(graph, user="ana", env=env).path == default


def test_a_sheet_knows_when_its_graph_changed(graph: Graph, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home")}
    book = open_book(graph, user="ana", env=env)
    book.set_base("trade", 0.7)
    book.save()
    assert graph.stamp is not None
    assert book.to_sheet().graph_sha256 == graph.stamp.sha256
    assert not open_book(graph, user="ana", env=env).graph_changed
    assert graph.path is not None
    text = graph.path.read_text(encoding="utf-8").replace('"trade"', '"commerce"')
    graph.path.write_text(text, encoding="utf-8")
    changed = open_book(load(graph.path), user="ana", env=env)
    assert changed.graph_changed
    assert changed.unknown == ["trade"]


def test_xdg_data_home_must_be_absolute() -> None:
    assert data_folder({"XDG_DATA_HOME": "/d"}) == Path("/d/arggraph/scores")
    assert data_folder({"XDG_DATA_HOME": "rel", "HOME": "/h"}) == Path(
        "/h/.local/share/arggraph/scores"
    )


def test_names_are_safe_for_any_file_system() -> None:
    assert sheet_name("../../etc/passwd", "ana") == "etc-passwd.ana.scores.json"
    assert sheet_name("g", "DOMAIN\\bob smith") == "g.DOMAIN-bob-smith.scores.json"
    assert sheet_name("", "") == "graph.user.scores.json"


def test_a_missing_folder_is_not_the_users(tmp_path: Path) -> None:
    assert not is_users_folder(tmp_path / "absent")
    assert is_users_folder(tmp_path)


# ---------------------------------------------------------------------- editing
def test_edits_validate_and_round(graph: Graph, tmp_path: Path) -> None:
    book = ScoreBook(graph, path=tmp_path / "s.json", scorer="ana")
    assert book.set_base("cost", 0.1 + 0.2) == 0.3
    for bad in (1.5, -0.01, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="from 0 to 1"):
            book.set_base("cost", bad)
    with pytest.raises(UnknownIdError):
        book.set_base("nope", 0.5)
    with pytest.raises(UnknownIdError):
        book.set_weight("nope", 0.5)
    assert book.base("cost") == 0.3
    assert book.base("grant") == 0.5
    assert book.weight("support:roads-last->dont-build") == 0.5  # the graph's own


def test_nudges_land_on_round_numbers() -> None:
    value = 0.0
    for _ in range(25):
        value = nudge(value, 0.05)
    assert value == 1.0
    for _ in range(7):
        value = nudge(value, -0.05)
    assert value == 0.65


def test_dirty_and_unsaved_follow_the_edits(graph: Graph, tmp_path: Path) -> None:
    book = ScoreBook(graph, path=tmp_path / "s.json", scorer="ana")
    assert not book.dirty
    assert book.unsaved == 0
    book.set_base("cost", 0.8)
    book.set_weight("attack:grant->cost", 0.4)
    assert book.dirty
    assert book.unsaved == 2
    book.save()
    assert not book.dirty
    assert book.unsaved == 0
    book.set_base("cost", 0.8)  # the same value again: nothing to save
    assert not book.dirty


def test_the_sheet_keeps_notes_and_scores_for_ids_the_graph_lacks(
    graph: Graph, tmp_path: Path
) -> None:
    sheet_path = tmp_path / "s.json"
    sheet_path.write_text(
        json.dumps(
            {
                "format": "arggraph-scores/1",
                "graph": "bypass-2022",
                "scorer": "bo",
                "scores": {
                    "cost": {"base": 0.9, "note": "the budget says so"},
                    "gone": {"base": 0.2},
                },
                "weights": {
                    "attack:grant->cost": {"weight": 0.3, "note": "partly"},
                    "support:gone->cost": {"weight": 1.0},
                },
            }
        )
    )
    book = open_book(graph, scores=sheet_path, user="ana")
    assert book.scorer == "bo"  # the sheet's scorer, not whoever opened it
    assert book.unknown == ["gone", "support:gone->cost"]
    assert book.bases == {"cost": 0.9}
    book.set_base("cost", 0.7)
    sheet = book.to_sheet()
    assert sheet.scores["cost"].base == 0.7
    assert sheet.scores["cost"].note == "the budget says so"
    assert sheet.scores["gone"].base == 0.2
    assert sheet.weights["attack:grant->cost"].note == "partly"


# ---------------------------------------------------------------------- saving
def test_save_writes_a_sheet_that_loads_back(graph: Graph, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "s.json"  # missing folders are created
    book = ScoreBook(graph, path=target, scorer="ana")
    book.set_base("wetland", 0.25)
    assert book.save() == target
    sheet = load_scores(target)
    assert (sheet.graph, sheet.scorer, sheet.scores["wetland"].base) == ("bypass-2022", "ana", 0.25)
    assert [p.name for p in target.parent.iterdir()] == ["s.json"]  # no temp files left


def test_save_twice_in_a_row(graph: Graph, tmp_path: Path) -> None:
    book = ScoreBook(graph, path=tmp_path / "s.json", scorer="ana")
    book.set_base("wetland", 0.25)
    book.save()
    book.set_base("wetland", 0.35)
    book.save()  # our own file, as we last wrote it: no complaint
    assert load_scores(tmp_path / "s.json").scores["wetland"].base == 0.35


def test_a_sheet_changed_on_disk_is_not_overwritten(graph: Graph, tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    first = ScoreBook(graph, path=target, scorer="ana")
    first.set_base("cost", 0.9)
    first.save()
    book = open_book(graph, scores=target, user="ana")
    # Meanwhile another program rewrites the sheet.
    other = open_book(graph, scores=target, user="ana")
    other.set_base("grant", 0.1)
    other.save()
    on_disk = target.read_bytes()
    book.set_base("cost", 0.2)
    with pytest.raises(StaleFileError, match="changed on disk"):
        book.save()
    assert target.read_bytes() == on_disk
    assert book.dirty
    book.save(force=True)
    assert load_scores(target).scores["cost"].base == 0.2


def test_a_new_sheet_does_not_overwrite_a_file_already_there(graph: Graph, tmp_path: Path) -> None:
    target = tmp_path / "taken.json"
    target.write_text("precious")
    book = ScoreBook(graph, path=target, scorer="ana")
    book.set_base("cost", 0.9)
    with pytest.raises(StaleFileError, match="already there"):
        book.save()
    assert target.read_text() == "precious"
    elsewhere = book.save(tmp_path / "other.json")
    assert book.path == elsewhere
    assert not book.dirty


def test_a_failed_save_leaves_the_old_sheet_whole(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sheets" / "s.json"
    book = ScoreBook(graph, path=target, scorer="ana")
    book.set_base("cost", 0.9)
    book.save()
    before = target.read_bytes()
    book.set_base("cost", 0.1)

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(FileAccessError, match="disk full"):
        book.save()
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["s.json"]
    assert book.dirty


def test_open_book_loads_the_default_sheet(graph: Graph, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "home")}
    book = open_book(graph, user="ana", env=env)
    assert book.sheet is None
    assert book.path.name == "bypass-2022.ana.scores.json"
    book.set_base("trade", 0.6)
    book.save()
    again = open_book(graph, user="ana", env=env)
    assert again.bases == {"trade": 0.6}


def test_open_book_refuses_a_sheet_for_another_graph(graph: Graph, tmp_path: Path) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text('{"format": "arggraph-scores/1", "graph": "other"}')
    with pytest.raises(InputError, match="for graph 'other'") as info:
        open_book(graph, scores=sheet, user="ana")
    assert info.value.path == str(sheet)
    assert info.value.place == "graph"


def test_open_book_reports_a_broken_sheet_with_its_place(graph: Graph, tmp_path: Path) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text(
        '{"format": "arggraph-scores/1", "graph": "bypass-2022",\n "scores": {"cost": {"base": 7}}}'
    )
    with pytest.raises(InputError, match=r"scores\.cost\.base"):
        open_book(graph, scores=sheet, user="ana")
