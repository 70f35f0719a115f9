"""A live source: the map on screen follows a file the user edits in another window.

``arggraph tui map.argdown`` opens a file in a format another tool writes (any the
format registry reads; :func:`arggraph.live.is_live`). :class:`LiveReload` asks its
:class:`~arggraph.live.SourceWatcher` every :data:`POLL_SECONDS` whether the file
changed (a ``stat`` on the UI's thread, Textual's ``set_interval``), and reads and
parses a changed file in a worker thread, which posts :class:`SourceChanged` to the
screen. The screen then either goes on with the new graph (the user's scores carried
over, the cursor kept: :func:`cursor_trail`, :func:`restore_cursor`) or keeps the last
good map with the error in the source bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import Worker, WorkerState

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.live import Failed, Loaded, SourceWatcher, Unchanged

from .viewmodels import Location

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.timer import Timer
    from textual.widget import Widget

    from .widgets.tree import DebateTree, Node

    #: Puts the cursor on a claim wherever the tree shows it; False when it cannot.
    _Placer = Callable[[str], bool]

__all__ = [
    "POLL_SECONDS",
    "LiveReload",
    "SourceChanged",
    "Stop",
    "cursor_trail",
    "other_graph",
    "restore_cursor",
]

#: How often the file is looked at: a saved change shows within a second (a poll, then
#: the read and parse in a worker).
POLL_SECONDS = 0.4


class SourceChanged(Message):
    """The worker read the file: a new graph, or why it cannot be used now."""

    def __init__(self, outcome: Loaded | Failed) -> None:
        super().__init__()
        self.outcome = outcome


class LiveReload:
    """Polls ``watcher`` for ``host`` (the main screen), which handles
    :class:`SourceChanged`. At most one read runs at a time."""

    def __init__(self, host: Widget, watcher: SourceWatcher) -> None:
        self.host = host
        self.watcher = watcher
        self._worker: Worker[None] | None = None
        self._timer: Timer | None = None

    def start(self) -> None:
        """Look at the file every :data:`POLL_SECONDS` from now on."""
        self._timer = self.host.set_interval(POLL_SECONDS, self.check, name="live source")

    def stop(self) -> None:
        """Look at the file no more (another screen follows it now)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @property
    def reading(self) -> bool:
        """Whether a read of the file is under way."""
        worker = self._worker
        return worker is not None and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)

    def check(self, *, force: bool = False) -> Worker[None] | None:
        """Start reading the file in a worker if it may have changed (or, with
        ``force``, anyway) and no read is under way; the worker, or ``None`` when none
        was started."""
        if self.reading or not (force or self.watcher.changed()):
            return None
        self._worker = self.host.run_worker(
            self._read,
            name="live source",
            group="live",
            description=f"reading {self.watcher.path.name}",
            thread=True,
            exit_on_error=False,
        )
        return self._worker

    async def catch_up(self) -> None:
        """Wait until the file as it is now has been read (tests drive the poll with
        this instead of sleeping); the screen handles what it found after a pause."""
        if self._worker is not None and self.reading:
            await self._worker.wait()
        worker = self.check(force=True)
        if worker is not None:
            await worker.wait()

    def _read(self) -> None:
        try:
            outcome = self.watcher.poll()
        except Exception as exc:  # a fault of ours, not of the file: said, not raised
            error = ArggraphError(
                f"could not be read again: {type(exc).__name__}: {exc}", path=self.watcher.path
            )
            outcome = Failed(error)
        if not isinstance(outcome, Unchanged):
            self.host.post_message(SourceChanged(outcome))


@dataclass(frozen=True)
class Stop:
    """One node on the way from the cursor up to the question: where it is, and the
    claim it shows (``None`` for an inference or the question)."""

    where: Location
    claim: str | None


def cursor_trail(tree: DebateTree, node: Node | None) -> list[Stop]:
    """The node under the cursor and each node above it, nearest first (what
    :func:`restore_cursor` looks for in the rebuilt tree)."""
    out: list[Stop] = []
    while node is not None and node.data is not None and node.data.role != "question":
        out.append(Stop(tree.location(node), node.data.claim))
        node = node.parent
    return out


def restore_cursor(tree: DebateTree, trail: list[Stop], place: _Placer) -> None:
    """Put the cursor of the rebuilt ``tree`` back: on the same node (the same claim by
    the same path), else on the same claim wherever ``place`` finds it, else on the
    nearest node above it that is still there, by its path or by its claim; on the first
    position when nothing of the trail survived."""
    if trail:
        if tree.go(trail[0].where) is not None:
            return
        if trail[0].claim is not None and place(trail[0].claim):
            return
    for stop in trail[1:]:
        if tree.go(stop.where) is not None:
            return
        if stop.claim is not None and place(stop.claim):
            return
    first = tree.root.children[0] if tree.root.children else tree.root
    tree.place_cursor(first)


def other_graph(old: Graph, new: Graph) -> str | None:
    """Why ``new`` cannot take the place of ``old`` on screen, or ``None``: the user's
    score sheet names its graph by id, so a file whose graph id changed (front matter
    ``id:``) is another graph, not a new version of this one.

    >>> from arggraph.io import loads
    >>> a, b = (loads('{"format": "arggraph/1", "id": "%s"}' % i) for i in "ab")
    >>> other_graph(a, a) is None, other_graph(a, b).split(",")[0]
    (True, "its graph id is now 'b'")
    """
    if new.id == old.id:
        return None
    return (
        f"its graph id is now {new.id!r}, not {old.id!r}, the graph your score sheet is "
        "for: open the file again to score it"
    )
