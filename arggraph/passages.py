"""Quotes picked from a document's text: search it, turn a selection into a verbatim
quote and the edit that attributes it, show any quote in its context, and make a
document's entry from a text file.

A quote typed by hand is verbatim only if the analyst copied it well; a quote picked
here is the text's own slice, so check P006 finds it by construction. Offsets are
always into the original text (Python string indexes, in code points), as a viewer
shows it; the comparison forgives typesetting exactly as :mod:`arggraph.quotes` does.

>>> source = SourceText("Kofman wrote:\\n“We will hold — whatever it costs.”\\nThen he left.",
...                     sha256="0" * 64, file="kofman.txt")
>>> search(source.text, "we will hold - whatever")
[(15, 38)]
>>> pick_quote(source.text, 14, 49)
'“We will hold — whatever it costs.”'
>>> ctx = context_of(source.text, "whatever it costs", lines=0)
>>> ctx.found, ctx.before, ctx.passage, ctx.after
(True, '“We will hold — ', 'whatever it costs', '.”')
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .checks.documents import DocumentStore
from .edit import Edit, add_attribution, add_document, change_document
from .errors import EditError, FileAccessError
from .graph import Graph
from .io import decode_text, read_bytes
from .model import Attribution, Document
from .quotes import MAX_GAP, NormalizedText, closest_passage, find_quote, normalize, quote_parts

__all__ = [
    "Context",
    "SourceText",
    "TITLE_WIDTH",
    "attach_quote",
    "attribution_context",
    "context_of",
    "document_entry",
    "first_line",
    "pick_quote",
    "read_source",
    "search",
    "source_of",
]

#: Longest title :func:`first_line` takes from a text (longer lines are cut at a word).
TITLE_WIDTH = 120


@dataclass(frozen=True)
class SourceText:
    """A document's text as read from its file: the decoded ``text`` (UTF-8, a leading
    byte-order mark dropped), the ``sha256`` of the file's bytes (lower-case hex, as
    ``sha256sum`` prints it), and ``file``, its name in the documents folder (``None``
    when it is not known)."""

    text: str
    sha256: str
    file: str | None = None

    @property
    def normalized(self) -> NormalizedText:
        """The text in the normal form quotes are compared in (cached)."""
        return normalize(self.text)


def read_source(path: str | Path, *, file: str | None = None) -> SourceText:
    """The text of the file at ``path``; ``file`` names it in the documents folder.

    Raises :class:`~arggraph.errors.FileAccessError` when the file is missing, not a
    regular file, unreadable, empty or not UTF-8."""
    data = read_bytes(path)
    return SourceText(decode_text(data, path), hashlib.sha256(data).hexdigest(), file)


def source_of(store: DocumentStore, document: Document) -> SourceText:
    """The text of ``document``'s file in ``store``'s folder.

    Raises :class:`~arggraph.errors.FileAccessError` when the document names no file, or
    its file cannot be used (outside the folder, missing, not UTF-8...)."""
    if document.file is None:
        raise FileAccessError(
            f'document {document.id!r} names no text file (its "file")', path=store.folder
        )
    doc = store.text(document.file)
    return SourceText(doc.original, store.sha256(document.file), document.file)


def search(text: str, query: str, *, ignore_case: bool = True) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text``, in order and not overlapping, as ``(start,
    end)`` offsets into ``text``.

    Both are compared in the normal form of quotes (runs of whitespace as one space,
    curly quotes as straight ones, dashes as ``-``, ``…`` as ``...``); letters are
    compared ignoring case unless ``ignore_case`` is false. A blank query matches
    nothing.

    >>> search("Hold  the line.\\nHOLD it!", "hold the")
    [(0, 9)]
    >>> search("Hold  the line.\\nHOLD it!", "hold")
    [(0, 4), (16, 20)]
    >>> search("Hold", "hold", ignore_case=False)
    []
    """
    needle = normalize(query).text
    if not needle:
        return []
    doc = normalize(text)
    flags = re.IGNORECASE if ignore_case else 0
    return [doc.span(m.start(), m.end()) for m in re.finditer(re.escape(needle), doc.text, flags)]


def pick_quote(text: str, start: int, end: int) -> str:
    """The quote a selection ``[start, end)`` of ``text`` makes: the text's own slice
    with the whitespace at its ends trimmed, so :func:`~arggraph.quotes.find_quote`
    (and check P006) finds it in ``text``.

    Raises :class:`~arggraph.errors.EditError` for a selection outside the text, one
    with nothing to quote (only spaces, dots or a ``[bracketed]`` part, which quotes
    read as an editorial insertion), or one whose ``...`` or ``[...]`` would span more
    than a quote's omission may (:data:`arggraph.quotes.MAX_GAP` characters).

    >>> pick_quote("He said: we hold.  ", 9, 19)
    'we hold.'
    >>> pick_quote("a [b] c", 2, 5)
    Traceback (most recent call last):
    ...
    arggraph.errors.EditError: the selection has nothing to quote (select some words)
    """
    if not 0 <= start <= end <= len(text):
        raise EditError(f"the selection {start}-{end} is outside the text (0-{len(text)})")
    quote = text[start:end].strip()
    if not quote_parts(quote):
        raise EditError("the selection has nothing to quote (select some words)")
    if find_quote(quote, text) is None:
        raise EditError(
            "the selection cannot be quoted: a quote reads its '...' and '[...]' as "
            f"omissions and insertions, and here one spans more than {MAX_GAP} characters; "
            "select less"
        )
    return quote


def attach_quote(
    graph: Graph,
    owner: str,
    *,
    source: SourceText,
    document: str,
    start: int,
    end: int,
    actor: str,
    date: str | None = None,
    on: Literal["claim", "relation"] | None = None,
) -> Edit:
    """The edit that attributes ``owner`` (a claim, or a relation: ``on`` says which
    where an ``arggraph/1`` graph has both under one id) to ``actor`` in ``document``,
    quoting the selection ``[start, end)`` of ``source`` verbatim (:func:`pick_quote`),
    said on ``date``.

    A document that has no ``sha256`` yet gets ``source``'s (so check P013 can tell
    when its text changes), and one with no ``file`` gets ``source``'s: one edit, undone
    in one step.

    Raises :class:`~arggraph.errors.EditError` for a selection that cannot be quoted, an
    unknown owner, actor or document, or a bad date.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1", "claims": [{"id": "hold", "text": "Hold"}],'
    ...     '"actors": [{"id": "kofman", "name": "Michael Kofman", "kind": "analyst"}],'
    ...     '"documents": [{"id": "pod", "title": "Podcast", "file": "pod.txt"}]}')
    >>> src = SourceText("He said: we will hold.", sha256="ab" * 32, file="pod.txt")
    >>> edit = attach_quote(g, "hold", source=src, document="pod", start=9, end=22,
    ...                     actor="kofman", date="2023-03-01")
    >>> edit.label
    "quote pod on claim 'hold' (kofman)"
    >>> [type(s).__name__ + ":" + s.section for s in edit.steps]
    ['Replace:claims', 'Replace:documents']
    """
    quote = pick_quote(source.text, start, end)
    attributed = add_attribution(
        graph, owner, actor=actor, on=on, document=document, quote=quote, date=date
    )
    doc = graph.documents[document]
    changes: dict[str, str] = {}
    if doc.sha256 is None:
        changes["sha256"] = source.sha256
    if doc.file is None and source.file is not None:
        changes["file"] = source.file
    steps = attributed.steps
    if changes:
        steps += change_document(graph, document, **changes).steps
    what = attributed.label.removeprefix("attribute ").rsplit(" to ", 1)[0]
    return Edit(f"quote {document} on {what} ({actor})", steps)


@dataclass(frozen=True)
class Context:
    """A quote in its document: the ``passage`` (the text's own words) with ``before``
    and ``after`` it a few lines of the text (cut at a word, with ``…``, where a line is
    long). ``found`` says whether the passage is the quote; when it is not, the passage
    is the text's closest to it (``""`` when nothing is close: ``start`` and ``end`` are
    then ``-1``). ``line`` is the 1-based line of the passage's start (0 when none)."""

    found: bool
    before: str
    passage: str
    after: str
    start: int
    end: int
    line: int


def _line_start(text: str, pos: int, lines: int) -> int:
    at = text.rfind("\n", 0, pos)
    for _ in range(lines):
        if at <= 0:
            return 0
        at = text.rfind("\n", 0, at)
    return at + 1


def _line_end(text: str, pos: int, lines: int) -> int:
    at = text.find("\n", pos)
    for _ in range(lines):
        if at == -1:
            return len(text)
        at = text.find("\n", at + 1)
    return len(text) if at == -1 else at


def _clip_left(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[-width:]
    space = -1 if text[-width - 1].isspace() else cut.find(" ")
    return "…" + (cut[space + 1 :] if space < width // 2 else cut).lstrip()


def _clip_right(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[:width]
    space = len(cut) if text[width].isspace() else cut.rfind(" ")
    return (cut[:space] if space > width // 2 else cut).rstrip() + "…"


def context_of(text: str, quote: str, *, lines: int = 2, width: int = 400) -> Context:
    """``quote`` in ``text`` with ``lines`` lines before and after it (each side cut to
    at most ``width`` characters), or, when the text does not contain it, the closest
    passage (:func:`~arggraph.quotes.closest_passage`) in its context, ``found`` false.

    >>> text = "one\\ntwo\\nthree four five\\nsix\\nseven"
    >>> c = context_of(text, "four", lines=1)
    >>> c.before, c.passage, c.after, c.line
    ('two\\nthree ', 'four', ' five\\nsix', 3)
    >>> c = context_of("We will hold the line today.", "we shall hold the line")
    >>> c.found, c.passage
    (False, 'We will hold the line today.')
    >>> context_of("abc", "xyz").passage
    ''
    """
    doc = normalize(text)
    span = find_quote(quote, doc)
    found = span is not None
    if span is None:
        closest = closest_passage(quote, doc)
        span = find_quote(closest, doc) if closest else None
    if span is None:
        return Context(False, "", "", "", -1, -1, 0)
    start, end = span
    lo, hi = _line_start(text, start, lines), _line_end(text, end, lines)
    return Context(
        found,
        _clip_left(text[lo:start], width),
        text[start:end],
        _clip_right(text[end:hi], width),
        start,
        end,
        text.count("\n", 0, start) + 1,
    )


def attribution_context(
    graph: Graph, store: DocumentStore, attribution: Attribution, *, lines: int = 2
) -> Context:
    """:func:`context_of` an attribution's quote in its document's text.

    Raises :class:`~arggraph.errors.EditError` when the attribution has no quote or no
    document, or names one the graph lacks, and
    :class:`~arggraph.errors.FileAccessError` when the document's text cannot be read."""
    if not attribution.quote.strip():
        raise EditError("the attribution has no quote")
    if attribution.document is None:
        raise EditError("the attribution names no document")
    document = graph.documents.get(attribution.document)
    if document is None:
        raise EditError(f"there is no document {attribution.document!r}")
    return context_of(source_of(store, document).text, attribution.quote, lines=lines)


def first_line(text: str, *, width: int = TITLE_WIDTH) -> str:
    """The first line of ``text`` that is not blank, its whitespace collapsed, cut at a
    word to at most ``width`` characters (``…`` marks the cut); ``""`` for a blank text.

    >>> first_line("\\n\\n  Why   Bakhmut matters \\nby A. Writer")
    'Why Bakhmut matters'
    >>> first_line("word " * 40, width=20)
    'word word word word…'
    """
    for line in text.splitlines():
        words = " ".join(line.split())
        if words:
            return _clip_right(words, width - 1) if len(words) > width else words
    return ""


def document_entry(
    graph: Graph,
    path: str | Path,
    *,
    folder: str | Path | None = None,
    title: str | None = None,
    accessed: str | None = None,
    **fields: str,
) -> tuple[Edit, SourceText]:
    """The edit that adds a document for the text file at ``path``, and its text.

    The entry's ``title`` is the text's first non-blank line unless given (the file's
    name when every line is blank); its id is made fresh from the title; ``file`` names
    the file relative to the documents ``folder`` (which must hold it), or is the file's
    own name when no folder is given; ``sha256`` is the hash of its bytes and
    ``accessed`` today unless given. ``fields``: ``publisher``, ``author``,
    ``published``, ``url``, ``note``.

    Raises :class:`~arggraph.errors.FileAccessError` when the file cannot be read as
    text or lies outside ``folder``, and :class:`~arggraph.errors.EditError` for a bad
    value.

    >>> import tempfile, pathlib
    >>> from arggraph.io import loads
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "isw.txt").write_text("\\nRussian Offensive Campaign\\nBody.", "utf-8")
    >>> g = loads('{"format": "arggraph/1", "claims": [{"id": "a", "text": "A"}]}')
    >>> edit, source = document_entry(g, folder / "isw.txt", folder=folder,
    ...                               accessed="2023-03-07")
    >>> doc = edit.steps[0].item
    >>> doc.id, doc.title, doc.file, doc.accessed, doc.sha256 == source.sha256
    ('russian-offensive-campaign', 'Russian Offensive Campaign', 'isw.txt', '2023-03-07', True)
    """
    place = Path(path)
    if folder is not None:
        root = Path(folder).resolve()
        resolved = place.resolve()
        if not resolved.is_relative_to(root):
            raise FileAccessError(f"is not inside the documents folder {folder}", path=place)
        name = resolved.relative_to(root).as_posix()
    else:
        name = place.name
    source = read_source(place, file=name)
    heading = title if title is not None else (first_line(source.text) or place.stem)
    day = accessed if accessed is not None else _dt.date.today().isoformat()
    edit = add_document(graph, heading, file=name, sha256=source.sha256, accessed=day, **fields)
    return edit, source
