"""The documents' texts, read from a folder once each, for verifying quotes.

A graph's documents name their text file (``"file"``); the checks look it up in the
folder the user gives (``--documents DIR``). Each text is read, decoded and normalised
once per folder however many quotes cite it (see :mod:`arggraph.quotes`), so checking
``q`` quotes against documents of total length ``n`` costs ``O(n + q)`` searches, not
``O(n * q)``.

Each quote is one substring search in its document, and a search costs up to the
document's length; for a long document cited by many quotes, :class:`QuoteFinder` first
indexes where each word starts (by its first characters), so a quote is looked up at
the few places its first word occurs instead of by scanning the whole text: the work is
then about linear in the document plus the quotes, not their product.

A document's ``file`` is data from the graph: it may only name a file inside the folder
(``../secrets`` or an absolute path is refused, never opened).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("He said: “we will hold”.", encoding="utf-8")
>>> store = DocumentStore(folder)
>>> store.text("a.txt").text
'He said: "we will hold".'
>>> store.text("../a.txt")
Traceback (most recent call last):
...
arggraph.errors.FileAccessError: ../a.txt: names a place outside the documents folder
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path, PurePath

from ..errors import FileAccessError
from ..io import decode_text, read_bytes
from ..quotes import MAX_GAP, NormalizedText, find_quote, normalize, quote_parts

__all__ = ["DocumentStore", "QuoteFinder"]

_WORD_START = re.compile(r"\b\w")
_WORD_CHAR = re.compile(r"\w")


class DocumentStore:
    """The texts of a folder of documents, by file name.

    Whether a file can be used is remembered for every name; the normalised texts
    themselves only for the :attr:`KEEP` most recently used, since a normalised text
    holds an offset per character and the checks use each document's text once per graph
    (quotes are verified a document at a time).

    Raises :class:`~arggraph.errors.FileAccessError` at construction when the folder does
    not exist (a user error: exit 2), and from :meth:`check` and :meth:`text` when one file
    cannot be used (a finding: the other documents are still checked).
    """

    #: How many normalised texts are kept for reuse (by the next graph checked).
    KEEP = 32

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            what = "is not a folder" if self.folder.exists() else "no such folder"
            raise FileAccessError(f"{what} (given as the documents folder)", path=self.folder)
        self._root = self.folder.resolve()
        self._problems: dict[str, FileAccessError | None] = {}
        self._texts: OrderedDict[str, NormalizedText] = OrderedDict()
        self._hashes: dict[str, str] = {}

    def check(self, name: str) -> None:
        """Raise the :class:`~arggraph.errors.FileAccessError` that keeps ``name`` from
        being used (outside the folder, missing, unreadable, empty, not UTF-8), if any."""
        if name not in self._problems:
            try:
                self._decoded(name)
                self._problems[name] = None
            except FileAccessError as exc:
                self._problems[name] = exc
        problem = self._problems[name]
        if problem is not None:
            raise problem

    def text(self, name: str) -> NormalizedText:
        """The normalised text of the file ``name`` in the folder."""
        cached = self._texts.get(name)
        if cached is not None:
            self._texts.move_to_end(name)
            return cached
        self.check(name)
        text = self._texts[name] = normalize(self._decoded(name))
        if len(self._texts) > self.KEEP:
            self._texts.popitem(last=False)
        return text

    def sha256(self, name: str) -> str:
        """The SHA-256 (lower-case hex) of the bytes of the file ``name`` in the folder,
        as ``sha256sum`` prints it; what :meth:`check` raises when it cannot be used."""
        known = self._hashes.get(name)
        if known is None:
            self.check(name)
            known = self._hashes[name] = hashlib.sha256(read_bytes(self._place(name))).hexdigest()
        return known

    def _place(self, name: str) -> Path:
        pure = PurePath(name)
        target = (self._root / pure).resolve()
        if pure.is_absolute() or not target.is_relative_to(self._root):
            raise FileAccessError("names a place outside the documents folder", path=name)
        return target

    def _decoded(self, name: str) -> str:
        return decode_text(read_bytes(self._place(name)), self.folder / name)


class QuoteFinder:
    """Whether quotes occur in one normalised document, as
    :func:`arggraph.quotes.find_quote` decides, faster when many quotes cite a long text.

    With ``expected`` quotes to look up in a text of ``n`` characters, and ``expected *
    n`` above :attr:`INDEX_ABOVE`, the places where words start are indexed by their
    first :attr:`KEY` characters; a quote is then tried only where its first word occurs.
    A quote not found that way (say one that starts inside a word) gets the full search,
    so the answer is always the same as ``find_quote``'s.

    >>> doc = normalize("He said: “we will hold the line” and left. We will see.")
    >>> finder = QuoteFinder(doc, expected=10**9)
    >>> finder.found("we will hold ... and left"), finder.found("ill hold"), finder.found("x")
    (True, True, False)
    """

    #: Characters of a word start that the index keys on.
    KEY = 16
    #: Index a text when quotes times characters exceed this.
    INDEX_ABOVE = 5_000_000

    def __init__(self, doc: NormalizedText, expected: int = 1) -> None:
        self.doc = doc
        self._index: dict[str, list[int]] | None = None
        if expected * len(doc.text) > self.INDEX_ABOVE:
            index: dict[str, list[int]] = {}
            hay = doc.text
            k = self.KEY
            for m in _WORD_START.finditer(hay):
                p = m.start()
                index.setdefault(hay[p : p + k], []).append(p)
            self._index = index

    def found(self, quote: str) -> bool:
        """Whether ``quote`` occurs in the document."""
        if self._index is not None:
            parts = quote_parts(quote)
            if not parts:
                return False
            first = parts[0]
            word = _WORD_CHAR.search(first)
            if word is not None:
                shift = word.start()
                key = first[shift : shift + self.KEY]
                for p in self._index.get(key, ()) if len(key) == self.KEY else ():
                    if p >= shift and self._matches_at(p - shift, parts):
                        return True
        return find_quote(quote, self.doc) is not None

    def _matches_at(self, start: int, parts: list[str]) -> bool:
        """Whether the parts occur in order from ``start``, each within
        :data:`arggraph.quotes.MAX_GAP` of the one before (as ``find_quote`` requires)."""
        hay = self.doc.text
        if not hay.startswith(parts[0], start):
            return False
        end = start + len(parts[0])
        for part in parts[1:]:
            nxt = hay.find(part, end, end + MAX_GAP + len(part))
            if nxt == -1:
                return False
            end = nxt + len(part)
        return True
