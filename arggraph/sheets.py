"""A user's scores while they edit them, and where their score sheet is kept.

Scoring never rewrites the shared graph: each user's base scores and link weights go to
a score sheet of their own (``arggraph-scores/1``). :class:`ScoreBook` holds the sheet
being edited: the scores loaded, the ones changed since, and the file it saves to.

Which sheet belongs to a graph (:func:`open_book`, :func:`default_sheet_path`):

1. the ``--scores`` path, when given;
2. else the sheet the user chose for this graph with "Save elsewhere" (remembered in
   ``chosen.json`` in the data folder, :func:`remember_sheet`), when it still exists;
3. else ``GRAPH-ID.USER.scores.json`` in the user's data folder,
   ``$XDG_DATA_HOME/arggraph/scores/`` or ``~/.local/share/arggraph/scores/``.

A sheet is found by the graph's id, never by where the graph file lies, so the same graph
opened two ways (``arggraph tui`` and ``arggraph tui graphs/bakhmut.json``) uses the same
sheet, and no sheet is ever written into a project's working tree unasked. A sheet
records the SHA-256 of the graph file it was saved against; opened against a graph that
changed since, :attr:`ScoreBook.graph_changed` says so (and :attr:`ScoreBook.unknown`
lists the ids the graph no longer has).

Saving is atomic and never silently overwrites: a sheet that changed on disk since it
was loaded, or a file that appeared where a new sheet was to go, raises
:class:`~arggraph.errors.StaleFileError` so the caller can ask whether to overwrite, save
elsewhere or cancel.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
>>> book = ScoreBook(g, scorer="ana", path=Path("g.ana.scores.json"))
>>> book.set_base("a", 0.8)
0.8
>>> book.dirty, book.to_sheet().scores["a"].base
(True, 0.8)
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from .atomic import same_file, stamp_file
from .errors import ArggraphError, InputError, InvalidValueError, StaleFileError, UnknownIdError
from .graph import Graph
from .io import decode_text, load_scores, read_bytes, save_scores
from .jsonio import dumps, parse_json
from .model import ClaimScore, ScoreSheet, WeightScore
from .renames import Migration, follow

__all__ = [
    "ScoreBook",
    "check_sheet",
    "chosen_sheet",
    "current_user",
    "data_folder",
    "default_sheet_path",
    "is_users_folder",
    "nudge",
    "open_book",
    "remember_sheet",
    "sheet_name",
]

#: Scores are kept to this many decimals, so nudging 20 times by 0.05 lands on 1.0.
DECIMALS = 6


def current_user() -> str:
    """The login name of the user (``"user"`` when the system cannot say)."""
    try:
        return getpass.getuser() or "user"
    except (OSError, KeyError, ImportError):  # no passwd entry, no USER variable
        return "user"


def _safe(part: str, fallback: str) -> str:
    """A file-name-safe form of a graph id or a user name.

    >>> _safe("bakhmut 2023/v2", "graph"), _safe("..", "graph")
    ('bakhmut-2023-v2', 'graph')
    """
    cleaned = re.sub(r"[^\w.-]+", "-", part).strip(".-")
    return cleaned or fallback


def sheet_name(stem: str, user: str) -> str:
    """The file name of ``user``'s sheet for a graph called ``stem``.

    >>> sheet_name("bakhmut", "ana")
    'bakhmut.ana.scores.json'
    """
    return f"{_safe(stem, 'graph')}.{_safe(user, 'user')}.scores.json"


def data_folder(env: Mapping[str, str] | None = None) -> Path:
    """Where the user's sheets live.

    ``$XDG_DATA_HOME/arggraph/scores`` when that variable holds an absolute path (the XDG
    rule: a relative one is ignored), else ``~/.local/share/arggraph/scores``.

    >>> data_folder({"XDG_DATA_HOME": "/data", "HOME": "/home/ana"}).as_posix()
    '/data/arggraph/scores'
    >>> data_folder({"XDG_DATA_HOME": "rel", "HOME": "/home/ana"}).as_posix()
    '/home/ana/.local/share/arggraph/scores'
    """
    env = os.environ if env is None else env
    xdg = env.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "arggraph" / "scores"
    home = env.get("HOME")
    base = Path(home) if home else Path.home()
    return base / ".local" / "share" / "arggraph" / "scores"


def is_users_folder(folder: Path) -> bool:
    """Whether ``folder`` exists, belongs to the current user and is writable by them.

    Writability alone is not enough: a shared folder (``/tmp``, a team share) may be
    writable by all, and a sheet left there is another user's business.
    """
    try:
        info = folder.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def default_sheet_path(
    graph_id: str,
    *,
    scores: str | Path | None = None,
    user: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Path:
    """Where ``user``'s sheet for the graph ``graph_id`` is kept (see the module's rules).

    >>> default_sheet_path("g", scores="mine.json").as_posix()
    'mine.json'
    >>> default_sheet_path("bakhmut-2023", user="ana", env={"HOME": "/home/ana"}).as_posix()
    '/home/ana/.local/share/arggraph/scores/bakhmut-2023.ana.scores.json'
    """
    if scores is not None:
        return Path(scores)
    who = user if user is not None else current_user()
    chosen = chosen_sheet(graph_id, who, env=env)
    if chosen is not None and chosen.is_file():
        return chosen
    return data_folder(env) / sheet_name(graph_id, who)


def _chosen_file(env: Mapping[str, str] | None) -> Path:
    return data_folder(env) / "chosen.json"


def _chosen(env: Mapping[str, str] | None) -> dict[str, str]:
    record = _chosen_file(env)
    try:
        data = parse_json(decode_text(read_bytes(record), record), path=record)
    except ArggraphError:
        return {}
    sheets = data.get("sheets") if isinstance(data, dict) else None
    if not isinstance(sheets, dict):
        return {}
    return {k: v for k, v in sheets.items() if isinstance(k, str) and isinstance(v, str)}


def chosen_sheet(graph_id: str, user: str, *, env: Mapping[str, str] | None = None) -> Path | None:
    """The sheet ``user`` chose for ``graph_id`` with "Save elsewhere", if any.

    An unreadable record counts as none: it only ever points to a sheet, and the default
    sheet is still there.
    """
    chosen = _chosen(env).get(f"{user}/{graph_id}")
    return Path(chosen) if chosen else None


def remember_sheet(
    graph_id: str, user: str, path: Path, *, env: Mapping[str, str] | None = None
) -> None:
    """Make ``path`` the sheet :func:`open_book` finds for ``graph_id`` from now on.

    The record is written atomically; the default place (the data folder's own sheet)
    is recorded by forgetting any choice.

    Raises :class:`~arggraph.errors.InputError` when the data folder cannot be written.
    """
    from .atomic import atomic_write

    sheets = _chosen(env)
    key = f"{user}/{graph_id}"
    target = Path(path).resolve()
    if target == (data_folder(env) / sheet_name(graph_id, user)).resolve():
        sheets.pop(key, None)
    else:
        sheets[key] = str(target)
    record = _chosen_file(env)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the folder: {exc.strerror or exc}", path=record.parent
        ) from None
    text = dumps({"format": "arggraph-chosen-sheets/1", "sheets": sheets})
    atomic_write(record, (text + "\n").encode("utf-8"), force=True)


def nudge(value: float, step: float) -> float:
    """``value`` moved by ``step``, kept in [0, 1] and rounded so steps add up exactly.

    >>> nudge(0.95, 0.05), nudge(0.0, -0.05), nudge(0.1, 0.05)
    (1.0, 0.0, 0.15)
    """
    return round(min(1.0, max(0.0, value + step)), DECIMALS)


def _unit(value: float, what: str) -> float:
    """``value`` as a score, or an :class:`~arggraph.errors.InvalidValueError` (a
    ValueError) that says what is wrong.

    >>> _unit(0.25, "a base score"), _unit(True, "a base score")
    (0.25, 1.0)
    >>> _unit("lots", "a link weight")
    Traceback (most recent call last):
    ...
    arggraph.errors.InvalidValueError: a link weight must be a number from 0 to 1, not 'lots'
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = float("nan")
    if not 0.0 <= v <= 1.0:  # also false for NaN
        raise InvalidValueError(f"{what} must be a number from 0 to 1, not {value!r}")
    return round(v, DECIMALS)


def check_sheet(graph: Graph, sheet: ScoreSheet, path: str | Path | None = None) -> None:
    """Refuse a sheet that names another graph than ``graph``.

    Raises :class:`~arggraph.errors.InputError` naming the sheet's file (or its scorer)
    and its ``graph`` key: its scores belong to another debate and are never mixed in.

    >>> from arggraph.io import loads
    >>> check_sheet(loads('{"id": "g"}'), ScoreSheet(graph="h", scorer="ana"))
    Traceback (most recent call last):
    ...
    arggraph.errors.InputError: graph: ana's sheet is for graph 'h', not 'g'
    """
    if sheet.graph != graph.id:
        who = "this score sheet" if path is not None else f"{sheet.scorer or 'a'}'s sheet"
        raise InputError(
            f"{who} is for graph {sheet.graph!r}, not {graph.id!r}",
            path=path,
            json_path=("graph",),
        )


class ScoreBook:
    """The scores one user is editing for one graph.

    Starts from a loaded sheet (or none) and records each change; :attr:`dirty` says
    whether anything differs from the last load or save. :meth:`base` and
    :meth:`weight` give the score in force: the user's, else the graph's own.
    Scores in the sheet for claims or relations the graph lacks are kept (and saved
    back), not applied: :attr:`unknown` lists them.
    """

    def __init__(
        self,
        graph: Graph,
        *,
        path: Path,
        scorer: str,
        sheet: ScoreSheet | None = None,
        user: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.graph = graph
        self.path = path
        self.sheet = sheet
        #: Whose book this is and their environment: where :meth:`save_elsewhere` records
        #: the choice of sheet.
        self.user = user if user is not None else scorer
        self.env = env
        #: Where the sheet was read from when that is not where it will be saved (a
        #: sheet from beside the graph, where older versions kept them).
        self.moved_from: Path | None = None
        #: The sheet was saved against another version of the graph file.
        self.graph_changed = bool(
            sheet is not None
            and sheet.graph_sha256 is not None
            and graph.stamp is not None
            and sheet.graph_sha256 != graph.stamp.sha256
        )
        self.scorer = sheet.scorer if sheet is not None and sheet.scorer else scorer
        self._load(sheet)

    def _load(self, sheet: ScoreSheet | None) -> None:
        #: What the graph's id map carried over (renamed or dropped ids) on this load.
        self.migration = Migration()
        if sheet is not None:
            sheet, self.migration = follow(sheet, self.graph)
        self.sheet = sheet
        self._apply(sheet)
        self._saved = self._values()

    def _apply(self, sheet: ScoreSheet | None) -> None:
        """Hold ``sheet``'s scores: those of ids the graph has applied, the others kept
        unapplied (saved with the rest, applied again if the id comes back)."""
        self.bases: dict[str, float] = {}
        self.weights: dict[str, float] = {}
        self.claim_notes: dict[str, str] = {}
        self.weight_notes: dict[str, str] = {}
        self._kept_scores: dict[str, ClaimScore] = {}
        self._kept_weights: dict[str, WeightScore] = {}
        if sheet is None:
            return
        graph = self.graph
        for cid, score in sheet.scores.items():
            if cid in graph.claims:
                self.bases[cid] = score.base
                if score.note is not None:
                    self.claim_notes[cid] = score.note
            else:
                self._kept_scores[cid] = score
        for rid, wscore in sheet.weights.items():
            if rid in graph.relations:
                self.weights[rid] = wscore.weight
                if wscore.note is not None:
                    self.weight_notes[rid] = wscore.note
            else:
                self._kept_weights[rid] = wscore

    def _values(self) -> tuple[dict[str, float], dict[str, float]]:
        """Every base and weight the book holds, applied or kept (what "saved" compares)."""
        bases = {cid: score.base for cid, score in self._kept_scores.items()}
        bases.update(self.bases)
        weights = {rid: score.weight for rid, score in self._kept_weights.items()}
        weights.update(self.weights)
        return bases, weights

    def rebind(self, graph: Graph) -> None:
        """Carry every score over to ``graph``, a new version of the same graph read
        from the same source (a live source reloaded): scores of ids ``graph`` has are
        applied, the others kept in the sheet unapplied (:attr:`unknown`), so a claim
        that comes back gets its score back. Changes not saved stay unsaved; what
        :attr:`graph_changed` said when the sheet was opened is not asked again.
        """
        scores = self.to_sheet()
        self.graph = graph
        self._apply(scores)

    def reload(self) -> None:
        """Read the sheet at :attr:`path` again, dropping every change not saved (what
        the user asks for when the sheet changed on disk and theirs should give way).

        Raises :class:`~arggraph.errors.InputError` for a sheet that cannot be read or that
        names another graph.
        """
        sheet = load_scores(self.path) if self.path.exists() else None
        if sheet is not None:
            check_sheet(self.graph, sheet, self.path)
        self._load(sheet)

    # ------------------------------------------------------------------ reading
    @property
    def unknown(self) -> list[str]:
        """Ids in the loaded sheet that the graph does not have (kept, not applied)."""
        return sorted(self._kept_scores) + sorted(self._kept_weights)

    @property
    def dirty(self) -> bool:
        """Whether the scores differ from those last loaded or saved."""
        return self._values() != self._saved

    @property
    def unsaved(self) -> int:
        """How many claims and relations have a score that differs from the last load or
        save (what "3 unsaved changes" counts)."""
        bases, weights = self._saved
        now_bases, now_weights = self._values()
        return sum(1 for k, v in now_bases.items() if bases.get(k) != v) + sum(
            1 for k, v in now_weights.items() if weights.get(k) != v
        )

    def base(self, claim: str) -> float:
        """The base score in force for ``claim``: the user's, else the graph's."""
        if claim in self.bases:
            return self.bases[claim]
        return self.graph.claim(claim).base

    def weight(self, relation: str) -> float:
        """The weight in force for ``relation``: the user's, else the graph's."""
        if relation in self.weights:
            return self.weights[relation]
        return self.graph.relation(relation).weight

    # ------------------------------------------------------------------ editing
    def set_base(self, claim: str, value: float) -> float:
        """Score ``claim``'s base; returns the value kept (rounded).

        Raises :class:`~arggraph.errors.InvalidValueError` (a ValueError) for a value that
        is not a number in [0, 1], :class:`~arggraph.errors.UnknownIdError` for a claim
        the graph lacks.
        """
        if claim not in self.graph.claims:
            raise UnknownIdError(
                "claim", claim, path=self.graph.path, known=list(self.graph.claims)
            )
        kept = _unit(value, "a base score")
        if claim in self.bases or kept != self.graph.claims[claim].base:
            self.bases[claim] = kept  # the graph's own value, pressed again, is no score
        return kept

    def set_weight(self, relation: str, value: float) -> float:
        """Score ``relation``'s weight; returns the value kept (rounded); raises as
        :meth:`set_base` does."""
        if relation not in self.graph.relations:
            raise UnknownIdError(
                "relation", relation, path=self.graph.path, known=list(self.graph.relations)
            )
        kept = _unit(value, "a link weight")
        if relation in self.weights or kept != self.graph.relations[relation].weight:
            self.weights[relation] = kept
        return kept

    def reset_base(self, claim: str) -> float:
        """Drop the user's base score of ``claim``; returns the graph's, now in force.

        Raises :class:`~arggraph.errors.UnknownIdError` for a claim the graph lacks.
        """
        if claim not in self.graph.claims:
            raise UnknownIdError(
                "claim", claim, path=self.graph.path, known=list(self.graph.claims)
            )
        self.bases.pop(claim, None)
        self.claim_notes.pop(claim, None)
        return self.graph.claims[claim].base

    def reset_weight(self, relation: str) -> float:
        """Drop the user's weight of ``relation``; returns the graph's, now in force."""
        if relation not in self.graph.relations:
            raise UnknownIdError(
                "relation", relation, path=self.graph.path, known=list(self.graph.relations)
            )
        self.weights.pop(relation, None)
        self.weight_notes.pop(relation, None)
        return self.graph.relations[relation].weight

    # ------------------------------------------------------------------ undoing
    def entry(self, kind: Literal["base", "weight"], ident: str) -> tuple[float, str | None] | None:
        """The user's own score of a claim's base (``kind`` ``"base"``) or a relation's
        weight (``"weight"``) with its note, or ``None`` where the graph's value is in
        force: what :meth:`restore` puts back (an undo history keeps these)."""
        values = self.bases if kind == "base" else self.weights
        notes = self.claim_notes if kind == "base" else self.weight_notes
        if ident not in values:
            return None
        return values[ident], notes.get(ident)

    def restore(
        self, kind: Literal["base", "weight"], ident: str, entry: tuple[float, str | None] | None
    ) -> None:
        """Put back a score :meth:`entry` gave (``None``: the graph's value again), for
        a claim or relation the graph may no longer have (an undo may bring it back)."""
        values = self.bases if kind == "base" else self.weights
        notes = self.claim_notes if kind == "base" else self.weight_notes
        values.pop(ident, None)
        notes.pop(ident, None)
        if entry is not None:
            values[ident] = entry[0]
            if entry[1] is not None:
                notes[ident] = entry[1]

    def use_graph(self, graph: Graph) -> None:
        """Score an edited version of the graph from now on (same id). Scores of claims
        or relations it no longer has stay in the book, unapplied, and are saved."""
        self.graph = graph

    # ------------------------------------------------------------------ saving
    def to_sheet(self) -> ScoreSheet:
        """The sheet as it stands: every score set, notes and unapplied entries kept."""
        scores = dict(self._kept_scores)
        for cid, value in self.bases.items():
            scores[cid] = ClaimScore(base=value, note=self.claim_notes.get(cid))
        weights = dict(self._kept_weights)
        for rid, value in self.weights.items():
            weights[rid] = WeightScore(weight=value, note=self.weight_notes.get(rid))
        stamp = self.graph.stamp
        out = ScoreSheet(
            graph=self.graph.id,
            scorer=self.scorer,
            graph_sha256=stamp.sha256 if stamp is not None else None,
            scores=scores,
            weights=weights,
        )
        if self.sheet is not None:
            out._source = self.sheet._source
        return out

    def save(self, path: Path | None = None, *, force: bool = False) -> Path:
        """Write the sheet atomically to ``path`` (default :attr:`path`); returns where.

        Raises :class:`~arggraph.errors.StaleFileError` when the file changed on disk
        since this sheet was loaded or saved there, or when a file this book never
        loaded already exists there (unless ``force``). After a save to another place,
        that place becomes :attr:`path`.
        """
        target = Path(path) if path is not None else self.path
        sheet = self.to_sheet()
        known = sheet._source
        ours = known is not None and same_file(known[0], target)
        if not force and not ours and stamp_file(target) is not None:
            raise StaleFileError("a file is already there; not overwritten", path=target)
        if not target.parent.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(
                    f"cannot create the folder: {exc.strerror or exc}", path=target.parent
                ) from None
        written = save_scores(sheet, target, force=force)
        self.sheet = sheet
        self.path = written
        self._saved = self._values()
        return written

    def save_elsewhere(self, path: Path, *, force: bool = False) -> Path:
        """Save to ``path`` and make it this graph's sheet from now on (for this user).

        Raises as :meth:`save` does; the choice is recorded only once the sheet is saved.
        """
        written = self.save(path, force=force)
        remember_sheet(self.graph.id, self.user, written, env=self.env)
        return written


def open_book(
    graph: Graph,
    *,
    scores: str | Path | None = None,
    user: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ScoreBook:
    """The user's score book for ``graph``: the sheet at ``scores`` or at the default
    place, loaded when it exists, else an empty book that will save there.

    Raises :class:`~arggraph.errors.InputError` for a sheet that cannot be read or that
    names another graph.
    """
    who = user if user is not None else current_user()
    path = default_sheet_path(graph.id, scores=scores, user=who, env=env)
    source = path
    if scores is None and not path.exists() and graph.path is not None:
        # Sheets used to be kept beside their graph: pick such a sheet up (it is saved to
        # the data folder from then on), so an upgrade loses nobody's scores.
        legacy = graph.path.resolve().parent / sheet_name(graph.path.stem, who)
        if legacy.is_file():
            source = legacy
    sheet = load_scores(source) if source.exists() else None
    if sheet is not None:
        check_sheet(graph, sheet, path)
    book = ScoreBook(graph, path=path, scorer=who, sheet=sheet, user=who, env=env)
    book.moved_from = source if source != path else None
    return book
