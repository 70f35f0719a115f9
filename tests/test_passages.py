"""Quotes picked from a document's text: search, selection, attach, context, new entries."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from arggraph.checks import check
from arggraph.checks.documents import DocumentStore
from arggraph.edit import Edit, Editor, add_actor
from arggraph.edit._steps import Insert
from arggraph.errors import EditError, FileAccessError
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.model import Document
from arggraph.passages import (
    SourceText,
    attach_quote,
    attribution_context,
    context_of,
    document_entry,
    pick_quote,
    read_source,
    search,
    source_of,
)
from arggraph.quotes import MAX_GAP, find_quote, quote_parts

ARTICLE = (
    "Millbrook Gazette: Bypass plan splits the town\n"
    "\n"
    "The mayor told the council: “Lorries would no longer cross the market square.”\n"
    "The treasurer was blunt — it would cost   more than we spend in a year.\n"
    "Traders disagreed… loudly.\n"
)

GRAPH = """{"format": "arggraph/1", "id": "t",
  "actors": [{"id": "mayor", "name": "Ada Brennan", "kind": "official"}],
  "documents": [{"id": "gazette", "title": "Bypass plan", "file": "gazette.txt"}],
  "claims": [{"id": "build", "text": "Build it", "kind": "position"},
             {"id": "lorries", "text": "No more lorries"}],
  "relations": [{"type": "support", "source": "lorries", "target": "build"}]}"""


def new_document(edit: Edit) -> Document:
    """The document an edit of :func:`document_entry` inserts."""
    step = edit.steps[0]
    assert isinstance(step, Insert) and isinstance(step.item, Document)
    return step.item


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(ARTICLE, encoding="utf-8")
    return docs


# ---------------------------------------------------------------- search


def test_search_finds_every_match_with_original_offsets() -> None:
    hits = search(ARTICLE, "the")
    assert len(hits) >= 4
    assert all(ARTICLE[s:e].lower() == "the" for s, e in hits)
    assert hits == sorted(hits)


def test_search_forgives_typesetting_not_wording() -> None:
    [(s, e)] = search(ARTICLE, "blunt - it would cost more")
    assert ARTICLE[s:e] == "blunt — it would cost   more"
    [(s, e)] = search(ARTICLE, '"Lorries would')
    assert ARTICLE[s:e] == "“Lorries would"
    [(s, e)] = search(ARTICLE, "disagreed...")
    assert ARTICLE[s:e] == "disagreed…"
    assert search(ARTICLE, "lorries would not") == []
    assert search(ARTICLE, "   ") == []


def test_search_case() -> None:
    assert len(search(ARTICLE, "LORRIES")) == 1
    assert search(ARTICLE, "LORRIES", ignore_case=False) == []


def test_search_query_is_literal() -> None:
    assert search("a (b) [c] d.e", "(b) [c]") == [(2, 9)]
    assert search("abc", ".") == []


# ---------------------------------------------------------------- selection


def test_pick_quote_is_the_trimmed_slice() -> None:
    s, e = span_of(ARTICLE, "“Lorries would no longer cross the market square.”")
    assert pick_quote(ARTICLE, s - 1, e + 1) == ARTICLE[s:e]


def test_pick_quote_refuses_bad_selections() -> None:
    with pytest.raises(EditError, match="outside the text"):
        pick_quote(ARTICLE, 5, len(ARTICLE) + 1)
    with pytest.raises(EditError, match="outside the text"):
        pick_quote(ARTICLE, 9, 3)
    with pytest.raises(EditError, match="nothing to quote"):
        pick_quote("a  \n  b", 1, 5)
    with pytest.raises(EditError, match="nothing to quote"):
        pick_quote("so … then", 3, 4)


def test_pick_quote_refuses_an_insertion_longer_than_a_gap() -> None:
    text = "start [" + "x" * (MAX_GAP + 10) + "] end"
    with pytest.raises(EditError, match="select less"):
        pick_quote(text, 0, len(text))


_ALPHABET = st.sampled_from(list("ab Ab.\n\t[]…“”’—-'\"") + ["  ", "..."])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
@example("a [b] c...d", None)
def test_a_picked_quote_is_always_found(text: str, data: st.DataObject | None) -> None:
    """Any selection that has words to quote gives a quote find_quote finds in the text."""
    if data is None:
        start, end = 0, len(text)
    else:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    try:
        quote = pick_quote(text, start, end)
    except EditError:
        assert not quote_parts(text[start:end].strip())
        return
    assert quote == text[start:end].strip()
    assert find_quote(quote, text) is not None


@settings(max_examples=25, deadline=None)
@given(st.integers(0, len(ARTICLE)), st.integers(0, len(ARTICLE)))
def test_check_p006_finds_every_picked_quote(a: int, b: int) -> None:
    """Attached through the library and checked against the file: no P006, no P013."""
    start, end = min(a, b), max(a, b)
    assume(quote_parts(ARTICLE[start:end].strip()))
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        (docs / "gazette.txt").write_text(ARTICLE, encoding="utf-8")
        graph = loads(GRAPH)
        source = source_of(DocumentStore(docs), graph.documents["gazette"])
        ed = Editor(graph)
        ed.apply(
            attach_quote(
                ed.graph,
                "support:lorries->build",
                source=source,
                document="gazette",
                start=start,
                end=end,
                actor="mayor",
            )
        )
        found = check(ed.graph, documents=docs, select=["P006", "P013"])
        assert found == []


# ---------------------------------------------------------------- attach


def test_attach_quote_sets_hash_once_and_undoes_in_one_step(folder: Path) -> None:
    graph = loads(GRAPH)
    source = source_of(DocumentStore(folder), graph.documents["gazette"])
    assert source.sha256 == hashlib.sha256((folder / "gazette.txt").read_bytes()).hexdigest()
    ed = Editor(graph)
    s, e = span_of(ARTICLE, "Lorries would no longer cross the market square.")
    entry = ed.apply(
        attach_quote(
            ed.graph,
            "lorries",
            source=source,
            document="gazette",
            start=s,
            end=e,
            actor="mayor",
            date="2022-03-01",
        )
    )
    assert entry is not None and entry.label == "quote gazette on claim 'lorries' (mayor)"
    [att] = ed.graph.claims["lorries"].attributions
    assert (att.actor, att.document, att.quote, att.date) == (
        "mayor",
        "gazette",
        "Lorries would no longer cross the market square.",
        "2022-03-01",
    )
    assert ed.graph.documents["gazette"].sha256 == source.sha256
    assert ed.graph.model.format == "arggraph/1.1"
    # a second quote leaves the hash alone: one step only
    s2, e2 = span_of(ARTICLE, "Traders disagreed")
    second = attach_quote(
        ed.graph, "build", source=source, document="gazette", start=s2, end=e2, actor="mayor"
    )
    assert [step.section for step in second.steps] == ["claims"]  # type: ignore[union-attr]
    ed.undo()
    assert ed.graph.model == graph.model


def test_attach_quote_fills_a_missing_file_name() -> None:
    graph = loads(GRAPH.replace(', "file": "gazette.txt"', ""))
    source = SourceText(ARTICLE, "0" * 64, "gazette.txt")
    ed = Editor(graph)
    s, e = span_of(ARTICLE, "Traders disagreed")
    ed.apply(
        attach_quote(
            ed.graph, "build", source=source, document="gazette", start=s, end=e, actor="mayor"
        )
    )
    assert ed.graph.documents["gazette"].file == "gazette.txt"


def test_attach_quote_refuses_what_add_attribution_refuses() -> None:
    graph = loads(GRAPH)
    source = SourceText(ARTICLE, "0" * 64)
    s, e = span_of(ARTICLE, "Traders")
    with pytest.raises(EditError, match="no actor 'nobody'"):
        attach_quote(graph, "build", source=source, document="gazette", start=s, end=e,
                     actor="nobody")  # fmt: skip
    with pytest.raises(EditError, match="no document 'x'"):
        attach_quote(graph, "build", source=source, document="x", start=s, end=e,
                     actor="mayor")  # fmt: skip
    with pytest.raises(EditError, match="date"):
        attach_quote(graph, "build", source=source, document="gazette", start=s, end=e,
                     actor="mayor", date="2022-13-01")  # fmt: skip


# ---------------------------------------------------------------- context


def test_context_shows_lines_around() -> None:
    ctx = context_of(ARTICLE, "it would cost more than we spend", lines=1)
    assert ctx.found
    assert ctx.passage == "it would cost   more than we spend"
    assert ctx.before.startswith("The mayor told")
    assert ctx.before.endswith("blunt — ")
    assert ctx.after == " in a year.\nTraders disagreed… loudly."
    assert ctx.line == 4
    assert ARTICLE[ctx.start : ctx.end] == ctx.passage


def test_context_of_a_missing_quote_is_the_closest_passage() -> None:
    ctx = context_of(ARTICLE, "Lorries would never again cross the market square")
    assert not ctx.found
    assert "cross the market square" in ctx.passage
    assert ctx.passage in ARTICLE


def test_context_cuts_long_lines_at_a_word() -> None:
    text = "word " * 300 + "NEEDLE " + "tail " * 300
    ctx = context_of(text, "NEEDLE", width=50)
    assert ctx.found and ctx.passage == "NEEDLE"
    assert ctx.before.startswith("…word") and len(ctx.before) <= 51
    assert ctx.after.endswith("tail…") and len(ctx.after) <= 51


def test_attribution_context(folder: Path, bypass: Graph) -> None:
    graph = loads(GRAPH)
    store = DocumentStore(folder)
    ed = Editor(graph)
    s, e = span_of(ARTICLE, "market square")
    ed.apply(attach_quote(ed.graph, "build", source=source_of(store, graph.documents["gazette"]),
                          document="gazette", start=s, end=e, actor="mayor"))  # fmt: skip
    [att] = ed.graph.claims["build"].attributions
    assert attribution_context(ed.graph, store, att).found
    # the text changes under it: the quote is marked missing, with the closest passage
    (folder / "gazette.txt").write_text(ARTICLE.replace("market", "corn"), encoding="utf-8")
    moved = attribution_context(ed.graph, DocumentStore(folder), att)
    assert not moved.found
    with pytest.raises(EditError, match="no quote"):
        attribution_context(ed.graph, store, att.model_copy(update={"quote": " "}))
    with pytest.raises(EditError, match="names no document"):
        attribution_context(ed.graph, store, att.model_copy(update={"document": None}))
    no_file = bypass.claims["build"].attributions[0]
    with pytest.raises(FileAccessError, match="names no text file"):
        attribution_context(bypass, store, no_file)


# ---------------------------------------------------------------- new documents


def test_document_entry_from_a_text_file(folder: Path) -> None:
    graph = loads(GRAPH)
    edit, source = document_entry(graph, folder / "gazette.txt", folder=folder)
    ed = Editor(graph)
    ed.apply(edit)
    doc = ed.graph.documents["millbrook-gazette-bypass-plan-splits-the"]
    assert doc.title == "Millbrook Gazette: Bypass plan splits the town"
    assert doc.file == "gazette.txt"
    assert doc.sha256 == source.sha256 == read_source(folder / "gazette.txt").sha256
    assert doc.accessed is not None and len(doc.accessed) == 10


def test_document_entry_title_id_and_subfolder(folder: Path) -> None:
    graph = loads(GRAPH)
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text("\n  \nGazette\nbody", encoding="utf-8")
    edit, _ = document_entry(graph, folder / "sub" / "b.txt", folder=folder, title="Mine",
                             accessed="2022-05-01", publisher="Gazette")  # fmt: skip
    doc = new_document(edit)
    assert (doc.id, doc.title, doc.file, doc.publisher) == ("mine", "Mine", "sub/b.txt", "Gazette")
    edit, _ = document_entry(graph, folder / "sub" / "b.txt")
    doc = new_document(edit)
    assert (doc.id, doc.file) == ("gazette-2", "b.txt")  # "gazette" is taken


def test_document_entry_refuses_files_it_cannot_use(folder: Path, tmp_path: Path) -> None:
    graph = loads(GRAPH)
    outside = tmp_path / "outside.txt"
    outside.write_text("Text", encoding="utf-8")
    with pytest.raises(FileAccessError, match="not inside the documents folder"):
        document_entry(graph, outside, folder=folder)
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(FileAccessError, match="not UTF-8"):
        document_entry(graph, folder / "latin1.txt", folder=folder)
    with pytest.raises(FileAccessError):
        document_entry(graph, folder / "missing.txt", folder=folder)


def test_a_debate_quoted_from_its_text_passes_check(folder: Path, tmp_path: Path) -> None:
    """The library's whole path: new document from a file, an actor, quotes, saved, checked."""
    from arggraph.edit import create_debate

    graph = create_debate(tmp_path / "bypass.json", "Build the bypass?")
    ed = Editor(graph)
    edit, source = document_entry(ed.graph, folder / "gazette.txt", folder=folder)
    ed.apply(edit)
    doc_id = new_document(edit).id
    ed.apply(add_actor(ed.graph, "Ada Brennan", kind="official", ident="mayor"))
    for owner, words in [("yes", "Lorries would no longer"), ("no", "cost   more than we")]:
        s, e = span_of(ARTICLE, words)
        ed.apply(attach_quote(ed.graph, owner, source=source, document=doc_id, start=s, end=e,
                              actor="mayor", date="2022-04-12"))  # fmt: skip
    ed.save()
    findings = check(load(tmp_path / "bypass.json"), documents=folder)
    assert [f for f in findings if f.code in {"P006", "P008", "P013"}] == []
