"""One undo history for a graph and the user's scores: :class:`Editor`.

The editor holds the graph being edited and, optionally, the user's
:class:`~arggraph.sheets.ScoreBook`. Every change goes through it, a graph edit
(:class:`~arggraph.edit.Edit`) or a score (a claim's base, a relation's weight), and
becomes one :class:`Entry` of the history, so undo and redo step through both in the
order they were made. Each graph edit is checked before it is kept: one that would leave
the graph with an id twice or a reference to nothing is refused with the reason
(:class:`~arggraph.errors.EditError`) and changes nothing.

The graph is saved on its own (:meth:`Editor.save`), apart from the score sheet,
atomically and in the canonical form (:mod:`arggraph.serialize`); a graph file changed
on disk since it was loaded is never silently overwritten
(:class:`~arggraph.errors.StaleFileError`).

>>> from arggraph.io import loads
>>> from arggraph.edit import add_argument
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "go", "text": "Go", '
...     '"kind": "position"}]}')
>>> ed = Editor(g)
>>> _ = ed.apply(add_argument(ed.graph, "Roads are cut", type_="support", target="go"))
>>> sorted(ed.graph.claims), ed.dirty
(['go', 'roads-are-cut'], True)
>>> ed.undo().label, sorted(ed.graph.claims), ed.dirty
("add claim 'roads-are-cut' supporting go", ['go'], False)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from ..atomic import same_file, stamp_file
from ..errors import EditError, FileAccessError, StaleFileError
from ..graph import Graph
from ..io import load, save
from ..sheets import ScoreBook
from ._base import Edit
from ._steps import Step, apply_steps

__all__ = ["Editor", "Entry", "ScoreChange"]

ScoreKind = Literal["base", "weight"]
#: A user's score and its note, or ``None`` where the graph's own value is in force.
ScoreState = tuple[float, str | None] | None


@dataclass(frozen=True)
class ScoreChange:
    """A score that changed: a claim's base or a relation's weight, before and after."""

    kind: ScoreKind
    ident: str
    before: ScoreState
    after: ScoreState


@dataclass(frozen=True)
class Entry:
    """One step of the history: a graph edit (``edit``, undone by ``inverse``), the
    score changes that go with it (a relation's weight following its new id), or score
    changes alone (``edit`` ``None``)."""

    label: str
    edit: Edit | None
    inverse: tuple[Step, ...]
    scores: tuple[ScoreChange, ...]
    serial: int

    @property
    def changes_graph(self) -> bool:
        """Whether undoing or redoing it changes the graph (not only scores)."""
        return self.edit is not None


def _problem_keys(graph: Graph) -> set[tuple[str, str, str]]:
    return {(p.kind, p.ident, p.target) for p in graph.problems}


class Editor:
    """The graph being edited, the user's scores, and their one undo history.

    ``graph`` is replaced (never changed in place) by each edit, undo and redo, so a
    snapshot of an earlier graph stays as it was. ``book`` (optional) is the user's
    score book: scores set through the editor are undone with the rest.
    """

    def __init__(self, graph: Graph, book: ScoreBook | None = None) -> None:
        self.graph = graph
        self.book = book
        self._declared = graph.model.format
        self._undo: list[Entry] = []
        self._redo: list[Entry] = []
        self._serial = 0
        self._saved = 0

    # ------------------------------------------------------------------ state
    @property
    def can_undo(self) -> bool:
        """Whether there is something to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is something to redo."""
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        """What :meth:`undo` would undo ("add claim 'x'"), or ``None``."""
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        """What :meth:`redo` would redo, or ``None``."""
        return self._redo[-1].label if self._redo else None

    @property
    def _state(self) -> int:
        for entry in reversed(self._undo):
            if entry.changes_graph:
                return entry.serial
        return 0

    @property
    def dirty(self) -> bool:
        """Whether the graph differs from the file as last loaded or saved (scores are
        the book's business: :attr:`ScoreBook.dirty <arggraph.sheets.ScoreBook.dirty>`)."""
        return self._state != self._saved

    # ------------------------------------------------------------------ editing
    def _graph_for(self, steps: tuple[Step, ...]) -> tuple[Graph, tuple[Step, ...]]:
        model, inverse = apply_steps(self.graph.model, steps, self._declared)
        graph = Graph(model, path=self.graph.path, stamp=self.graph.stamp, strict=False)
        return graph, inverse

    def _use(self, graph: Graph) -> None:
        self.graph = graph
        if self.book is not None:
            self.book.use_graph(graph)

    def _next(self) -> int:
        self._serial += 1
        return self._serial

    def apply(self, edit: Edit) -> Entry | None:
        """Make ``edit`` (built against :attr:`graph` by the functions of
        :mod:`arggraph.edit`); returns its history entry, or ``None`` for an edit that
        changes nothing. The redo history is dropped.

        Raises :class:`~arggraph.errors.EditError` when the graph would be invalid after
        it (it is then unchanged)."""
        if not edit:
            return None
        before = _problem_keys(self.graph)
        graph, inverse = self._graph_for(edit.steps)
        fresh = [p for p in graph.problems if (p.kind, p.ident, p.target) not in before]
        if fresh:
            raise EditError(f"not done ({edit.label}): {fresh[0].message}")
        moved: list[ScoreChange] = []
        if self.book is not None:
            for old, new in edit.renamed:
                was, there = self.book.entry("weight", old), self.book.entry("weight", new)
                if was is not None:
                    moved.append(ScoreChange("weight", old, was, None))
                    moved.append(ScoreChange("weight", new, there, was))
        self._use(graph)
        for change in moved:
            assert self.book is not None
            self.book.restore(change.kind, change.ident, change.after)
        entry = Entry(edit.label, edit, inverse, tuple(moved), self._next())
        self._push(entry)
        return entry

    def _push(self, entry: Entry) -> None:
        self._undo.append(entry)
        self._redo.clear()

    def _score(self, kind: ScoreKind, ident: str, label: str, change: float | None) -> float:
        book = self.book
        if book is None:
            raise EditError("no score sheet is open to score in")
        before = book.entry(kind, ident)
        if kind == "base":
            kept = book.set_base(ident, change) if change is not None else book.reset_base(ident)
        else:
            kept = (
                book.set_weight(ident, change) if change is not None else book.reset_weight(ident)
            )
        after = book.entry(kind, ident)
        if after != before:
            self._push(Entry(label, None, (), (ScoreChange(kind, ident, before, after),), 0))
        return kept

    def set_base(self, claim: str, value: float) -> float:
        """Score ``claim``'s base (kept in the history); returns the value kept, as
        :meth:`ScoreBook.set_base <arggraph.sheets.ScoreBook.set_base>` does (and
        raises as it does)."""
        return self._score("base", claim, f"score {claim}", value)

    def reset_base(self, claim: str) -> float:
        """Drop the user's base of ``claim``; returns the graph's, now in force."""
        return self._score("base", claim, f"reset the score of {claim}", None)

    def set_weight(self, relation: str, value: float) -> float:
        """Score ``relation``'s weight (kept in the history); returns the value kept."""
        return self._score("weight", relation, f"weigh {relation}", value)

    def reset_weight(self, relation: str) -> float:
        """Drop the user's weight of ``relation``; returns the graph's, now in force."""
        return self._score("weight", relation, f"reset the weight of {relation}", None)

    # ------------------------------------------------------------------ undoing
    def _restore(self, changes: tuple[ScoreChange, ...], *, back: bool) -> None:
        if self.book is None:
            return
        for change in reversed(changes) if back else changes:
            self.book.restore(change.kind, change.ident, change.before if back else change.after)

    def undo(self) -> Entry | None:
        """Undo the last change, graph edit or score; returns its entry (``None`` when
        there is nothing to undo)."""
        if not self._undo:
            return None
        entry = self._undo.pop()
        if entry.edit is not None:
            graph, _ = self._graph_for(entry.inverse)
            self._use(graph)
        self._restore(entry.scores, back=True)
        self._redo.append(entry)
        return entry

    def redo(self) -> Entry | None:
        """Redo the last change undone; returns its entry (``None``: nothing to redo)."""
        if not self._redo:
            return None
        entry = self._redo.pop()
        if entry.edit is not None:
            graph, inverse = self._graph_for(entry.edit.steps)
            self._use(graph)
            entry = replace(entry, inverse=inverse)
        self._restore(entry.scores, back=False)
        self._undo.append(entry)
        return entry

    # ------------------------------------------------------------------ files
    def save(self, path: str | Path | None = None, *, force: bool = False) -> Path:
        """Write the graph to ``path`` (default: its file), atomically and in canonical
        form; returns where. Saving elsewhere makes that file the graph's.

        Raises :class:`~arggraph.errors.StaleFileError` when the graph's file changed on
        disk since it was loaded or saved, or when another file is already at ``path``
        (unless ``force``), and :class:`~arggraph.errors.FileAccessError` when it cannot
        be written or the graph has no file and no ``path`` is given."""
        known = self.graph.path
        target = Path(path) if path is not None else known
        if target is None:
            raise FileAccessError("the graph has no file yet: give a path to save it to")
        ours = known is not None and same_file(target, known)
        why = _not_a_graph(target)
        if why is not None:  # even when told to overwrite: that file is no graph of ours
            raise FileAccessError(
                f"{why}; the graph is saved as arggraph JSON, never over another file",
                path=target,
                hint="save it to a new .json file",
            )
        if not force and not ours and stamp_file(target) is not None:
            raise StaleFileError("a file is already there; not overwritten", path=target)
        written = save(self.graph, target, force=force)
        self._saved = self._state
        return written

    def reload(self) -> Graph:
        """Read the graph's file again, dropping every unsaved edit and the history (what
        the user asks for when the file changed on disk and theirs should give way).

        Raises what :func:`~arggraph.io.load` raises."""
        if self.graph.path is None:
            raise FileAccessError("the graph was not loaded from a file")
        return self.restart(load(self.graph.path))

    def restart(self, graph: Graph) -> Graph:
        """Go on from ``graph``, the graph's file read again by the caller (a file in
        another tool's format, which only its format's reader reads), dropping every
        unsaved edit and the history, as :meth:`reload` does; returns it."""
        self._declared = graph.model.format
        self._use(graph)
        self._undo.clear()
        self._redo.clear()
        self._saved = 0
        return graph


def _not_a_graph(target: Path) -> str | None:
    """Why the file at ``target`` must not be replaced by a graph (it is an Argdown map,
    another tool's JSON, something unreadable), or ``None`` when there is no file there
    or it is an arggraph graph file, which a save may replace."""
    from ..errors import ArggraphError
    from ..io import decode_text, read_bytes
    from ..jsonio import parse_json

    if not target.exists() and not target.is_symlink():
        return None
    try:
        value = parse_json(decode_text(read_bytes(target, allow_empty=True), target), path=target)
    except ArggraphError:
        return "the file there is not an arggraph graph (not JSON, or not readable)"
    fmt = value.get("format") if isinstance(value, dict) else None
    if isinstance(fmt, str) and fmt.startswith("arggraph/"):
        return None
    named = f" ({fmt!r})" if isinstance(fmt, str) else ""
    return f"the file there is not an arggraph graph{named}"
