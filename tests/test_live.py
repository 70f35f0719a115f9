"""The library's side of a live source (:mod:`arggraph.live`): the watcher's answers for
every way a file can change or fail, :func:`~arggraph.live.load_source` by the format
registry, stable Argdown ids across edits elsewhere in the file, and a score book
carried over to a new version of its graph."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from _support import BRIDGE, FIXTURES

from arggraph.errors import FileAccessError, ImportFormatError
from arggraph.live import (
    MAX_SOURCE_BYTES,
    Failed,
    Loaded,
    SourceWatcher,
    Unchanged,
    is_live,
    load_source,
)
from arggraph.sheets import ScoreBook

MAP = """\
[Close]: Close the old bridge.

<Unsafe>: The bridge is no longer safe.

(1) [Cracks]: Cracks in two piers.
(2) Lorries load the piers beyond their rating.
----
(3) [Close]
  <_ [Old survey]: The survey used an old method.

[Keep]: Keep it open.
  + [Detour]: The detour is long.
  - Ferries are slow.
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "map.argdown"
    path.write_text(MAP, encoding="utf-8")
    return path


def loaded(outcome: object) -> Loaded:
    assert isinstance(outcome, Loaded), outcome
    return outcome


def failed(outcome: object) -> Failed:
    assert isinstance(outcome, Failed), outcome
    return outcome


# ---------------------------------------------------------------------- the watcher
def test_first_poll_loads_then_nothing_changes(source: Path) -> None:
    watcher = SourceWatcher(source)
    graph = loaded(watcher.poll()).graph
    assert graph.path == source and graph.stamp is not None
    assert isinstance(watcher.poll(), Unchanged)
    assert isinstance(watcher.poll(), Unchanged)


def test_a_graph_given_is_not_loaded_again(source: Path) -> None:
    graph = load_source(source)
    watcher = SourceWatcher(source, graph=graph)
    assert isinstance(watcher.poll(), Unchanged)


def test_a_change_is_a_new_graph(source: Path) -> None:
    watcher = SourceWatcher(source)
    first = loaded(watcher.poll()).graph
    source.write_text(MAP + "  + [Ferry]: A ferry.\n", encoding="utf-8")
    second = loaded(watcher.poll()).graph
    assert "Ferry" in second.claims and "Ferry" not in first.claims
    assert isinstance(watcher.poll(), Unchanged)


def test_the_same_bytes_written_again_do_nothing(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.write_text(MAP, encoding="utf-8")
    os.utime(source, ns=(1, 1))  # times and inode may change: the bytes decide
    assert not isinstance(watcher.poll(), Loaded)
    assert isinstance(watcher.poll(), Unchanged)


def test_a_change_of_the_same_size_and_time_is_seen(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File times are coarse: a save of the same size within the same tick as the last
    poll can leave size and times as they were; a file modified in the last two seconds
    is read all the same, and its bytes tell. An older one is not read at all."""
    now = time.time_ns()
    signature = (source.stat().st_size, now, 1, now)
    monkeypatch.setattr(SourceWatcher, "_stat", lambda self: signature)
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.write_text(MAP.replace("Close the old", "Clear the old"), encoding="utf-8")
    assert loaded(watcher.poll()).graph.claims["Close"].text == "Clear the old bridge."
    signature = (signature[0], 0, 1, 0)  # long ago: the same times mean the same file
    assert isinstance(watcher.poll(), Unchanged)
    source.write_text(MAP, encoding="utf-8")
    assert isinstance(watcher.poll(), Unchanged) and not watcher.changed()


def test_a_parse_error_names_file_and_line_once(source: Path) -> None:
    watcher = SourceWatcher(source)
    good = loaded(watcher.poll()).graph
    source.write_text(MAP + "\n(1) A premise and nothing after it.\n", encoding="utf-8")
    error = failed(watcher.poll())
    assert isinstance(error.error, ImportFormatError)
    assert error.file == str(source) and error.line == 15
    assert "premise-conclusion structure" in error.message
    assert isinstance(watcher.poll(), Unchanged)  # the same error is not said again
    source.write_text(MAP, encoding="utf-8")  # back to the last good bytes
    assert loaded(watcher.poll()).graph is good


def test_a_vanished_file_then_back(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.unlink()
    error = failed(watcher.poll())
    assert isinstance(error.error, FileAccessError) and error.message == "no such file"
    assert isinstance(watcher.poll(), Unchanged)
    source.write_text(MAP + "  + [Ferry]: A ferry.\n", encoding="utf-8")
    assert "Ferry" in loaded(watcher.poll()).graph.claims


def test_a_folder_or_a_pipe_in_its_place(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.unlink()
    source.mkdir()
    assert failed(watcher.poll()).message == "is a directory, not a file"
    source.rmdir()
    os.mkfifo(source)  # nobody writes to it: a read would wait forever
    assert "named pipe" in failed(watcher.poll()).message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.write_text(MAP + "\n", encoding="utf-8")
    source.chmod(0)
    try:
        assert failed(watcher.poll()).message == "permission denied"
    finally:
        source.chmod(0o644)


def test_a_huge_file_is_refused_before_it_is_read(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    with source.open("r+b") as handle:  # sparse: no disk used, nothing read
        handle.truncate(MAX_SOURCE_BYTES * 64)
    error = failed(watcher.poll())
    assert isinstance(error.error, FileAccessError)
    assert f"may be at most {MAX_SOURCE_BYTES:,} bytes" in error.message
    small = SourceWatcher(source.with_name("small.argdown"), max_bytes=100)
    source.with_name("small.argdown").write_text(MAP, encoding="utf-8")
    assert "at most 100 bytes" in failed(small.poll()).message


def test_a_binary_file_is_one_message(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    error = failed(watcher.poll())
    assert error.message == "not UTF-8 text (byte 0x89 at line 1, column 1)"


def test_an_empty_file(source: Path) -> None:
    watcher = SourceWatcher(source)
    loaded(watcher.poll())
    source.write_text("", encoding="utf-8")
    assert failed(watcher.poll()).message == "the file is empty"


# ---------------------------------------------------------------------- load_source
def test_load_source_reads_by_the_format_registry(tmp_path: Path) -> None:
    assert is_live("x.argdown") and is_live("x.AD") and is_live("x.graphml")
    assert is_live("x.tgf") and not is_live("x.json") and not is_live("x")
    tgf = tmp_path / "af.tgf"
    tgf.write_text("a\nb\n#\na b\n", encoding="utf-8")
    assert sorted(load_source(tgf).claims) == ["a", "b"]
    graph = load_source(BRIDGE)  # arggraph/1: read as arggraph.io.load reads it
    assert graph.path == BRIDGE and graph.stamp is not None


def test_load_source_says_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a\n\n(1) p\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        load_source(bad)
    assert caught.value.path == str(bad) and caught.value.line == 3


# ---------------------------------------------------------------------- stable ids
def ids(text: str) -> tuple[set[str], set[str]]:
    from arggraph.formats.argdown import from_argdown

    model = from_argdown(text).model
    return {c.id for c in model.claims}, {r.id for r in model.relations if r.id}


def test_argdown_ids_follow_the_rule() -> None:
    claims, relations = ids(MAP)
    assert claims == {
        "Close",
        "Cracks",
        "Unsafe (2)",  # an untitled premise: its argument and its number
        "Old survey",
        "Keep",
        "Detour",
        "ferries-are-slow",  # untitled, in no structure: its text
    }
    assert relations == {
        "Unsafe",  # an inference: its argument's title
        "attack:Old survey->Unsafe",  # others: the default rule
        "support:Detour->Keep",
        "attack:ferries-are-slow->Keep",
    }


def test_argdown_ids_survive_edits_elsewhere() -> None:
    """Text added above, between and below, another argument, texts changed: every id
    of what was there stays."""
    edited = (
        "[Rain]: It will rain.\n  + [Forecast]: The forecast says so.\n\n"
        + MAP.replace("Lorries load", "Heavy lorries load").replace("is long", "is longer")
        + "\n<Other>: Another.\n\n(1) [Rain]\n(2) Rivers rise.\n----\n(3) [Close]\n"
    )
    before_claims, before_relations = ids(MAP)
    after_claims, after_relations = ids(edited)
    assert before_claims <= after_claims and before_relations <= after_relations
    assert "Other (2)" in after_claims


def test_a_renamed_title_is_a_new_id() -> None:
    claims, _ = ids(MAP.replace("[Detour]", "[Long detour]"))
    assert "Detour" not in claims and "Long detour" in claims


# ---------------------------------------------------------------------- the score book
def test_a_book_carries_its_scores_over_and_keeps_the_vanished(source: Path) -> None:
    graph = load_source(source)
    book = ScoreBook(graph, path=source.with_name("sheet.json"), scorer="ana")
    book.set_base("Detour", 0.3)
    book.set_weight("Unsafe", 0.6)
    book.save()
    book.set_base("Cracks", 0.8)
    assert book.unsaved == 1
    source.write_text(MAP.replace("  + [Detour]: The detour is long.\n", ""), encoding="utf-8")
    book.rebind(load_source(source))
    assert book.unknown == ["Detour"]
    assert book.bases == {"Cracks": 0.8} and book.weights == {"Unsafe": 0.6}
    assert book.unsaved == 1 and book.dirty
    assert book.to_sheet().scores["Detour"].base == 0.3
    source.write_text(MAP, encoding="utf-8")
    book.rebind(load_source(source))
    assert book.bases == {"Detour": 0.3, "Cracks": 0.8} and book.unknown == []


def test_a_changed_score_of_a_vanished_claim_is_still_unsaved(source: Path) -> None:
    """Quitting asks to save an unsaved score even when its claim is gone for now."""
    book = ScoreBook(load_source(source), path=source.with_name("sheet.json"), scorer="ana")
    book.set_base("Detour", 0.3)
    source.write_text(MAP.replace("[Detour]", "[Way round]"), encoding="utf-8")
    book.rebind(load_source(source))
    assert book.dirty and book.unsaved == 1 and book.bases == {}


def test_fixtures_still_load_as_sources() -> None:
    for path in sorted((FIXTURES / "argdown").glob("*.argdown")):
        try:
            load_source(path)
        except ImportFormatError:
            continue  # the fixtures of what Argdown refuses


def test_the_export_keeps_the_graph_not_the_text() -> None:
    """Why the TUI never writes an Argdown source back: the export of a file read from
    Argdown holds the same graph in another text (the user's order, layout and
    shorthand gone), so writing it would rewrite the user's file."""
    from arggraph.formats import export_graph, import_text

    example = Path(__file__).resolve().parents[1] / "examples" / "bridge.argdown"
    graph = load_source(example)
    text = export_graph(graph, "argdown").decode("utf-8")
    assert text != example.read_text(encoding="utf-8")
    back = import_text(text, "argdown").model
    assert {c.id: c.text for c in back.claims} == {c.id: c.text for c in graph.model.claims}
    assert {r.id: (r.type, r.premises, r.target) for r in back.relations} == {
        r.id: (r.type, r.premises, r.target) for r in graph.model.relations
    }


def test_an_untitled_argument_goes_by_its_conclusions_title() -> None:
    """So its inference and its untitled premises keep their ids when the conclusion's
    text is edited."""
    text = "[C]: The conclusion.\n\n(1) A premise.\n(2) [P]: p\n----\n(3) [C]\n"
    claims, relations = ids(text)
    assert relations == {"argument for C"} and "argument for C (1)" in claims
    assert ids(text.replace("The conclusion.", "The conclusion, edited.")) == (claims, relations)


def test_a_load_says_what_the_import_left_out(source: Path) -> None:
    from arggraph.live import open_source

    source.write_text(MAP + "\nA stray thought.\n", encoding="utf-8")
    opened = open_source(source)
    assert opened.notes == (
        "dropped: 1 untitled paragraph in no relation (Argdown prose, not part of the map)",
    )
    watcher = SourceWatcher(source, graph=opened.graph, notes=opened.notes)
    source.write_text(MAP, encoding="utf-8")
    assert loaded(watcher.poll()).notes == ()
    source.write_text("[A]: a\n\n(1) p\n", encoding="utf-8")
    failed(watcher.poll())
    source.write_text(MAP, encoding="utf-8")  # the last good bytes: their notes again
    assert loaded(watcher.poll()).notes == () and watcher.notes == ()
    assert open_source(BRIDGE).notes == ()  # arggraph/1 leaves nothing out
