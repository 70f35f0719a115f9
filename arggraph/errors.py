"""The one family of errors arggraph raises on purpose.

Every failure a user can cause (a bad file, an unknown claim id, a stale save, a
framework a semantics cannot take) is an :class:`ArggraphError`, so callers catch
one root and the CLI maps each branch to a message and an exit code without ever
printing a traceback::

    ArggraphError                     exit 2 unless noted
    ├── InputError                    the input cannot be used
    │   ├── FileAccessError           missing, a directory, unreadable, empty, not UTF-8
    │   ├── JSONSyntaxError           malformed JSON (line and column)
    │   │   └── JSONLimitError        JSON arggraph refuses: too deep, too long a number,
    │   │                             NaN, a duplicate key, a lone surrogate (line and column)
    │   ├── SchemaError               a value violates arggraph/1 (JSON path and value)
    │   ├── IntegrityError            ids that clash or point nowhere
    │   │   ├── DuplicateIdError      two items of one kind share an id
    │   │   └── DanglingReferenceError  a reference to a claim/actor/document that is absent
    │   ├── UnknownIdError            a claim or relation id asked for on the command line
    │   ├── ImportFormatError         a file that is not what its format says (line, expected)
    │   ├── InvalidValueError         a score or date out of range (also a ValueError)
    │   ├── UsageError                options that cannot go together
    │   └── EditError                 an edit that would leave the graph invalid (the reason)
    ├── StaleFileError                the file changed on disk since it was loaded
    ├── SemanticsError                the framework does not fit the semantics
    │   └── ConvergenceError          a cyclic graph did not reach its fixed point
    └── ToolMissingError              an external program (Graphviz) is not installed

Each error renders as one line (``str(err)``) that starts with the file and the place
when there is one, e.g. ``graph.json: claims[3].base: ...``. The place is also kept as
data, for editors and scripts, wherever the code that raises knows it: ``line`` and
``column`` (1-based) in the file's text, and ``json_path``, the steps from the top of a
JSON document to the value (``("claims", 3, "base")``).

>>> err = SchemaError([SchemaProblem("claims[3].base", "must be at most 1",
...                                  ("claims", 3, "base"), 9, 15)], path="g.json")
>>> str(err), err.json_path, (err.line, err.column)
('g.json: claims[3].base: must be at most 1', ('claims', 3, 'base'), (9, 15))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "ArggraphError",
    "ConvergenceError",
    "DanglingReferenceError",
    "DuplicateIdError",
    "EditError",
    "FileAccessError",
    "ImportFormatError",
    "InputError",
    "IntegrityError",
    "InvalidValueError",
    "JSONLimitError",
    "JSONPath",
    "JSONSyntaxError",
    "SchemaError",
    "SchemaProblem",
    "SemanticsError",
    "StaleFileError",
    "ToolMissingError",
    "UnknownIdError",
    "UsageError",
    "json_path_text",
]

#: A place in a JSON document as steps from its top: object keys and array indexes.
JSONPath = tuple[str | int, ...]

_LINE_PLACE = re.compile(r"line (\d+)(?:, column (\d+))?")


def json_path_text(steps: Iterable[str | int]) -> str:
    """The steps of a JSON path as the text errors and findings show.

    >>> json_path_text(("claims", 3, "base")), json_path_text(())
    ('claims[3].base', '')
    """
    out = ""
    for part in steps:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class ArggraphError(Exception):
    """Root of every error arggraph raises on purpose.

    ``path`` is the file concerned (if any), ``place`` where in it (a JSON path such as
    ``claims[3].base``, or ``line 4, column 7``), ``message`` what is wrong, ``hint``
    what would likely fix it. The place as data, each ``None`` when unknown: ``line`` and
    ``column`` (1-based), ``json_path`` (a :data:`JSONPath`; ``()`` is the top level).

    A ``place`` of the form ``line N`` or ``line N, column M`` fills ``line`` and
    ``column``; without a ``place``, it is written from ``json_path``, else from ``line``
    and ``column``. ``exit_code`` is what the command line exits with.

    >>> err = ArggraphError("base must be at most 1", path="g.json", place="claims[0].base")
    >>> str(err), err.line, err.json_path
    ('g.json: claims[0].base: base must be at most 1', None, None)
    >>> err = ArggraphError("expected an edge", path="f.tgf", line=4)
    >>> str(err), err.place, err.line, err.column
    ('f.tgf: line 4: expected an edge', 'line 4', 4, None)
    >>> ArggraphError("unknown key", json_path=("claims", 0, "x")).place
    'claims[0].x'
    """

    exit_code: int = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        place: str | None = None,
        hint: str | None = None,
        line: int | None = None,
        column: int | None = None,
        json_path: Sequence[str | int] | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        if place is not None and line is None:
            match = _LINE_PLACE.fullmatch(place)
            if match:
                line = int(match[1])
                column = int(match[2]) if match[2] else None
        if place is None:
            if json_path is not None:
                place = json_path_text(json_path) or None
            elif line is not None:
                place = f"line {line}" + (f", column {column}" if column is not None else "")
        self.place = place
        self.hint = hint
        self.line = line
        self.column = column
        self.json_path: JSONPath | None = tuple(json_path) if json_path is not None else None
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = [p for p in (self.path, self.place) if p]
        parts.append(self.message)
        return ": ".join(parts)


class InputError(ArggraphError):
    """The input (a file, an option, an id) cannot be used."""


class FileAccessError(InputError):
    """The file is missing, is a directory, cannot be read, is empty or is not UTF-8."""


class JSONSyntaxError(InputError):
    """The file is not well-formed JSON; ``line`` and ``column`` are 1-based.

    >>> err = JSONSyntaxError("malformed JSON", path="g.json", line=4, column=14)
    >>> str(err), err.line, err.column
    ('g.json: line 4, column 14: malformed JSON', 4, 14)
    """

    line: int
    column: int

    def __init__(self, message: str, *, path: str | Path | None, line: int, column: int) -> None:
        super().__init__(message, path=path, line=line, column=column)


class JSONLimitError(JSONSyntaxError):
    """JSON that parses but that arggraph refuses, with the place: arrays and objects
    nested deeper than :data:`arggraph.jsonio.MAX_DEPTH`, an integer longer than
    :data:`arggraph.jsonio.MAX_INT_DIGITS`, a number beyond a float, ``NaN`` or
    ``Infinity`` (not JSON, but Python reads them), a key twice in one object, a lone
    surrogate. What it refuses could not be kept, or written back as valid JSON.
    """


class SchemaProblem(NamedTuple):
    """One value that violates the file format.

    ``place`` is the JSON path as text (``""`` for the top level) and ``message`` what is
    wrong; ``json_path`` the same path as steps, ``line`` and ``column`` (1-based) where
    the value starts in the file's text (or where the object missing a key starts), each
    ``None`` when unknown.
    """

    place: str
    message: str
    json_path: JSONPath | None = None
    line: int | None = None
    column: int | None = None


class SchemaError(InputError):
    """Values that violate the file format; ``problems`` holds a :class:`SchemaProblem`
    for each (``(place, message)`` pairs are accepted and become problems).

    The message names the first problem and counts the rest, so it stays one line; the
    error's ``json_path``, ``line`` and ``column`` are the first problem's.

    >>> err = SchemaError([("claims[0].base", "too big"), ("claims[1].text", "missing")])
    >>> str(err), err.problems[1].place, err.json_path
    ('claims[0].base: too big (and 1 more problem)', 'claims[1].text', None)
    """

    def __init__(
        self,
        problems: Sequence[SchemaProblem | tuple[str, str]],
        *,
        path: str | Path | None = None,
    ) -> None:
        self.problems = [p if isinstance(p, SchemaProblem) else SchemaProblem(*p) for p in problems]
        first = self.problems[0]
        message = first.message
        more = len(self.problems) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(
            message,
            path=path,
            place=first.place or None,
            line=first.line,
            column=first.column,
            json_path=first.json_path,
        )


class IntegrityError(InputError):
    """Ids that clash or point nowhere: the graph is well-formed but not coherent."""


class DuplicateIdError(IntegrityError):
    """Two items of one kind (claims, relations, actors, documents) share an id."""


class DanglingReferenceError(IntegrityError):
    """A relation or attribution refers to a claim, actor or document that is absent."""


class UnknownIdError(InputError):
    """An id given by the user (say on the command line) is not in the graph.

    The message names the nearest ids of the ``kind`` wanted (``known``), or, given
    ``instead``, says what the id is (a relation's id given where a claim's goes).
    """

    def __init__(
        self,
        kind: str,
        ident: str,
        *,
        path: str | Path | None = None,
        known: Sequence[str] = (),
        instead: str | None = None,
    ) -> None:
        self.kind = kind
        self.ident = ident
        hint = instead  # (what the id is, when the graph has it as something else)
        if known and hint is None:
            import difflib

            close = difflib.get_close_matches(ident, list(known), n=3, cutoff=0.5)
            if close:
                hint = "did you mean " + ", ".join(repr(c) for c in close) + "?"
        message = f"no {kind} with id {ident!r}"
        if hint:
            message += f"; {hint}"
        super().__init__(message, path=path, hint=hint)


class ImportFormatError(InputError):
    """A file given to an importer is not what its format says.

    ``line`` (and ``column``) when the importer knows where, as a text format's reader
    does (a place ``line N`` fills them); ``json_path`` for a place in a JSON file.

    >>> err = ImportFormatError("expected an edge 'SOURCE TARGET'", path="f.tgf", place="line 7")
    >>> str(err), err.line
    ("f.tgf: line 7: expected an edge 'SOURCE TARGET'", 7)
    """


class InvalidValueError(InputError, ValueError):
    """A value given to a function is malformed or out of range (a score outside [0, 1],
    a date that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Also a :class:`ValueError`, so code that caught the ``ValueError`` these raised before
    still works.

    >>> isinstance(InvalidValueError("a base score must be a number from 0 to 1"), ValueError)
    True
    """


class UsageError(InputError):
    """Options or arguments that cannot be used together."""


class EditError(InputError):
    """An edit of a graph that is refused: it would leave the graph invalid (an id
    taken twice, a relation to a claim that is not there, a value out of range), or it
    names something the graph lacks. The message says why; the graph is unchanged.

    >>> str(EditError("claim 'a' is already there", place="claims"))
    "claims: claim 'a' is already there"
    """


class StaleFileError(ArggraphError):
    """Saving would overwrite a file that changed on disk since it was loaded."""


class SemanticsError(ArggraphError):
    """The framework does not fit the semantics (say, supports under h-categorizer)."""


class ConvergenceError(SemanticsError):
    """Iteration on a cyclic graph did not reach its fixed point.

    ``moving`` maps the claims still changing to their last values, so a caller can
    report them rather than pass off unconverged numbers as exact.
    """

    def __init__(
        self, message: str, *, moving: Mapping[str, float], last: Mapping[str, float]
    ) -> None:
        self.moving = dict(moving)
        self.last = dict(last)
        super().__init__(message)


class ToolMissingError(ArggraphError):
    """An external program arggraph runs (Graphviz) is not installed."""
