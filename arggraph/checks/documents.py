"""The documents' texts, read from a folder once each, for verifying quotes.

A graph's documents name their text file (``"file"``); the checks look it up in the
folder the user gives (``--documents DIR``). Each text is read, decoded and normalised
once per folder however many quotes cite it (see :mod:`arggraph.quotes`), so checking
``q`` quotes against documents of total length ``n`` costs ``O(n + q)`` searches, not
``O(n * q)``.

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

from pathlib import Path, PurePath

from ..errors import FileAccessError
from ..io import decode_text, read_bytes
from ..quotes import NormalizedText, normalize

__all__ = ["DocumentStore"]


class DocumentStore:
    """The texts of a folder of documents, normalised and cached by file name.

    Raises :class:`~arggraph.errors.FileAccessError` at construction when the folder does
    not exist (a user error: exit 2), and from :meth:`text` when one file cannot be used
    (a finding: the other documents are still checked).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            what = "is not a folder" if self.folder.exists() else "no such folder"
            raise FileAccessError(f"{what} (given as the documents folder)", path=self.folder)
        self._root = self.folder.resolve()
        self._texts: dict[str, NormalizedText | FileAccessError] = {}

    def text(self, name: str) -> NormalizedText:
        """The normalised text of the file ``name`` in the folder (cached, errors too)."""
        cached = self._texts.get(name)
        if cached is None:
            cached = self._texts[name] = self._read(name)
        if isinstance(cached, FileAccessError):
            raise cached
        return cached

    def _read(self, name: str) -> NormalizedText | FileAccessError:
        pure = PurePath(name)
        target = (self._root / pure).resolve()
        if pure.is_absolute() or not target.is_relative_to(self._root):
            return FileAccessError("names a place outside the documents folder", path=name)
        try:
            text = decode_text(read_bytes(target), self.folder / name)
        except FileAccessError as exc:
            return exc
        return normalize(text)
