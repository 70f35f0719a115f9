"""A graph read from a file someone is editing: load it in any format arggraph reads,
and tell when it changed.

:func:`load_source` reads a graph file the way ``arggraph tui FILE`` opens it: an
``arggraph/1`` JSON file as :func:`arggraph.io.load` does, a file whose extension a
format of :mod:`arggraph.formats.registry` reads (Argdown, GraphML, Kialo, ICCMA, BAG)
through that format's reader. Either way the graph remembers its file and the
SHA-256 of the bytes it was made from, which a score sheet records when it is saved.

:class:`SourceWatcher` is polled (the terminal UI asks it every 0.4 seconds). Each
:meth:`~SourceWatcher.poll` answers one of

- :class:`Unchanged`: nothing to do (also for a save that wrote the same bytes again,
  and for the same error as last time);
- :class:`Loaded`: the file holds a new graph;
- :class:`Failed`: the file cannot be used now (vanished, unreadable, too large, not
  UTF-8, or it does not parse), with the error naming the file, the line when known,
  and the message.

It never raises for what the file holds. A poll first compares the file's size,
modification time, inode and change time with the last poll's (one ``stat``, no read);
only when they differ (or the file was modified in the last two seconds, since file
times are coarse) does it read the file and compare the SHA-256 of its bytes with that
of the last bytes it read, and only different bytes are parsed.

Why polling and not ``watchfiles`` (or ``watchdog``): one ``stat`` of one file a few
times a second costs nothing, works the same on every system and file system (network mounts
and containers, where change notifications are often missing), sees editors that save
by writing a new file and renaming it over the old one, and is driven directly by
tests; a notification library would add a compiled dependency and a thread for no gain
on a single file.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> source = folder / "map.argdown"
>>> _ = source.write_text("[Go]: We go.\\n  + [Cheap]: It costs little.\\n")
>>> watcher = SourceWatcher(source)
>>> outcome = watcher.poll()
>>> type(outcome).__name__, sorted(outcome.graph.claims)
('Loaded', ['Cheap', 'Go'])
>>> type(watcher.poll()).__name__
'Unchanged'
>>> _ = source.write_text("[Go]: We go.\\n\\n(1) [Cheap]: It costs little.\\n")
>>> outcome = watcher.poll()
>>> type(outcome).__name__, outcome.line
('Failed', 3)
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import stamp_bytes
from .errors import ArggraphError, FileAccessError
from .graph import Graph

__all__ = [
    "Failed",
    "Loaded",
    "MAX_SOURCE_BYTES",
    "Outcome",
    "SourceWatcher",
    "Unchanged",
    "is_live",
    "load_source",
    "open_source",
]

#: The largest file a live source may be (bytes): it is read and parsed again at every
#: change, and an Argdown map of a thousand arguments is a few hundred kilobytes.
MAX_SOURCE_BYTES = 32 * 1024 * 1024

#: The extension of arggraph's own format. AIF files end in ``.json`` too, but a
#: ``.json`` graph given to ``arggraph tui`` has always been ``arggraph/1``
#: (``arggraph import --from aif`` reads AIF).
_NATIVE = ".json"


def _format_of(path: Path) -> str | None:
    """The registry's format that reads ``path`` by its extension, ``None`` for
    ``arggraph/1`` (a ``.json`` file, or an extension no format claims)."""
    from .formats import registry

    if path.suffix.lower() == _NATIVE:
        return None
    fmt = registry.by_read_extension(path)
    return fmt.name if fmt is not None else None


def is_live(path: str | Path) -> bool:
    """Whether ``path`` is a source written in another tool (read through a format's
    reader), which the terminal UI watches and reloads; an ``arggraph/1`` file is not.

    >>> is_live("map.argdown"), is_live("debate.json"), is_live("graph")
    (True, False, False)
    """
    return _format_of(Path(path)) is not None


def _read(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused (:class:`~arggraph.errors.FileAccessError`) when it is
    larger than ``max_bytes``, before it is read."""
    from .io import read_bytes

    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # read_bytes says what is wrong
    if size > max_bytes:
        raise FileAccessError(
            f"is {size:,} bytes; a live source is read again at every change, and may be "
            f"at most {max_bytes:,} bytes",
            path=path,
        )
    data = read_bytes(path)
    if len(data) > max_bytes:  # it grew between the stat and the read
        raise FileAccessError(f"is larger than {max_bytes:,} bytes", path=path)
    return data


def _parse(data: bytes, path: Path) -> Loaded:
    from .io import decode_text, loads

    fmt = _format_of(path)
    if fmt is None:
        return Loaded(loads(data, path=path))
    from .formats import import_text

    text = decode_text(data, path)
    result = import_text(text, fmt, path=path)
    graph = Graph(result.model, path=path, stamp=stamp_bytes(data))
    said = tuple(w for w in result.warnings if w.startswith(("dropped:", "kept:")))
    return Loaded(graph, said)


def load_source(path: str | Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> Graph:
    """The graph in the file at ``path``: ``arggraph/1`` JSON for a ``.json`` file or an
    extension no format claims (:func:`arggraph.io.load`, whatever its size), else read
    by the format its extension names in :mod:`arggraph.formats.registry` (a live
    source, at most ``max_bytes``). ``graph.path`` is the file and ``graph.stamp`` the
    size and SHA-256 of the bytes read.

    Raises :class:`~arggraph.errors.FileAccessError` for a file that cannot be read, is
    not UTF-8, or is a live source larger than ``max_bytes``, and what
    :func:`arggraph.io.load` or the format's reader raises (an
    :class:`~arggraph.errors.InputError` with the place).
    """
    return open_source(path, max_bytes=max_bytes).graph


def open_source(path: str | Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> Loaded:
    """As :func:`load_source`, with what the format's reader left out or changed
    (:attr:`Loaded.notes`). Raises as :func:`load_source` does."""
    p = Path(path)
    if not is_live(p):
        from .io import load

        return Loaded(load(p))
    return _parse(_read(p, max_bytes), p)


#: A file modified less than this long ago (nanoseconds) is read even when its size and
#: times look the same: file times are coarse (a few milliseconds on Linux), so a second
#: save of the same size just after a poll can leave them as they were.
_RACY_NS = 2_000_000_000


def _racy(signature: tuple[int, ...]) -> bool:
    return time.time_ns() - signature[1] < _RACY_NS


@dataclass(frozen=True)
class Unchanged:
    """Nothing to do: the file is as the last poll left it."""


@dataclass(frozen=True)
class Loaded:
    """The file holds a new graph; ``notes`` are the import report's lines on what the
    format's reader dropped or kept otherwise (``dropped: 2 untitled paragraphs in no
    relation (Argdown prose, not part of the map)``)."""

    graph: Graph
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failed:
    """The file cannot be used now; ``error`` says why, naming the file and the place."""

    error: ArggraphError

    @property
    def file(self) -> str | None:
        """The file concerned."""
        return self.error.path

    @property
    def line(self) -> int | None:
        """The line at fault (1-based), when known."""
        return self.error.line

    @property
    def message(self) -> str:
        """What is wrong, without the file and the place."""
        return self.error.message


Outcome = Unchanged | Loaded | Failed


@dataclass
class SourceWatcher:
    """Polls one graph file (see the module's docstring).

    ``graph``: the graph already loaded from the file, when the caller has it (then the
    first poll says :class:`Unchanged` while the file still holds those bytes), with the
    ``notes`` its import gave. Not thread-safe: poll from one thread at a time.
    """

    path: Path
    graph: Graph | None = None
    notes: tuple[str, ...] = ()
    max_bytes: int = MAX_SOURCE_BYTES
    _signature: tuple[int, ...] | None = field(default=None, init=False, repr=False)
    #: What the last poll reported: ("ok", sha256) or ("error", the error's text).
    _reported: tuple[str, str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if self.graph is not None and self.graph.stamp is not None:
            self._reported = ("ok", self.graph.stamp.sha256)

    def _stat(self) -> tuple[int, ...] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)

    def changed(self) -> bool:
        """Whether the file's size, times or inode differ from the last poll's (one
        ``stat``; a poll may still find the same bytes)."""
        signature = self._stat()
        return signature is None or signature != self._signature or _racy(signature)

    def poll(self) -> Outcome:
        """What happened to the file since the last poll (never raises for the file)."""
        signature = self._stat()
        if signature is not None and signature == self._signature and not _racy(signature):
            return Unchanged()
        self._signature = signature
        try:
            data = _read(self.path, self.max_bytes)
        except ArggraphError as exc:
            return self._failed(exc)
        digest = stamp_bytes(data).sha256
        if self._reported == ("ok", digest):
            return Unchanged()
        if self.graph is not None and self.graph.stamp is not None:
            if self.graph.stamp.sha256 == digest:  # back to the last good bytes
                self._reported = ("ok", digest)
                return Loaded(self.graph, self.notes)
        try:
            loaded = _parse(data, self.path)
        except ArggraphError as exc:
            return self._failed(exc)
        except RecursionError:  # a reader's fault on a pathological file: still no crash
            return self._failed(FileAccessError("nested too deeply to read", path=self.path))
        self.graph, self.notes = loaded.graph, loaded.notes
        self._reported = ("ok", digest)
        return loaded

    def _failed(self, error: ArggraphError) -> Outcome:
        key = ("error", str(error))
        if self._reported == key:
            return Unchanged()
        self._reported = key
        return Failed(error)
