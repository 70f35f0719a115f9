"""The one family of errors arggraph raises on purpose.

Every failure a user can cause (a bad file, an unknown claim id, a stale save, a
framework a semantics cannot take) is an :class:`ArggraphError`, so callers catch
one root and the CLI maps each branch to a message and an exit code without ever
printing a traceback::

    ArggraphError                     exit 2 unless noted
    ├── InputError                    the input cannot be used
    │   ├── FileAccessError           missing, a directory, unreadable, empty, not UTF-8
    │   ├── JSONSyntaxError           malformed JSON (line and column)
    │   ├── SchemaError               a value violates arggraph/1 (JSON path and value)
    │   ├── IntegrityError            ids that clash or point nowhere
    │   │   ├── DuplicateIdError      two items of one kind share an id
    │   │   └── DanglingReferenceError  a reference to a claim/actor/document that is absent
    │   ├── UnknownIdError            a claim or relation id asked for on the command line
    │   ├── ImportFormatError         a file that is not what its format says (line, expected)
    │   └── UsageError                options that cannot go together
    ├── StaleFileError                the file changed on disk since it was loaded
    ├── SemanticsError                the framework does not fit the semantics
    │   └── ConvergenceError          a cyclic graph did not reach its fixed point
    └── ToolMissingError              an external program (Graphviz) is not installed

Each error renders as one line (``str(err)``) that starts with the file and the place
when there is one, e.g. ``graph.json: claims[3].base: ...``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = [
    "ArggraphError",
    "ConvergenceError",
    "DanglingReferenceError",
    "DuplicateIdError",
    "FileAccessError",
    "ImportFormatError",
    "InputError",
    "IntegrityError",
    "JSONSyntaxError",
    "SchemaError",
    "SemanticsError",
    "StaleFileError",
    "ToolMissingError",
    "UnknownIdError",
    "UsageError",
]


class ArggraphError(Exception):
    """Root of every error arggraph raises on purpose.

    ``path`` is the file concerned (if any), ``place`` where in it (a JSON path such as
    ``claims[3].base``, or ``line 4, column 7``), ``message`` what is wrong.

    >>> str(ArggraphError("base must be at most 1", path="g.json", place="claims[0].base"))
    'g.json: claims[0].base: base must be at most 1'
    """

    exit_code: int = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        place: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.place = place
        self.hint = hint
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
    """The file is not well-formed JSON; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, *, path: str | Path | None, line: int, column: int) -> None:
        self.line = line
        self.column = column
        super().__init__(message, path=path, place=f"line {line}, column {column}")


class SchemaError(InputError):
    """Values that violate the file format; ``problems`` holds (place, message) pairs.

    The message names the first problem and counts the rest, so it stays one line.
    """

    def __init__(
        self, problems: Sequence[tuple[str, str]], *, path: str | Path | None = None
    ) -> None:
        self.problems = list(problems)
        place, message = self.problems[0]
        more = len(self.problems) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(message, path=path, place=place or None)


class IntegrityError(InputError):
    """Ids that clash or point nowhere: the graph is well-formed but not coherent."""


class DuplicateIdError(IntegrityError):
    """Two items of one kind (claims, relations, actors, documents) share an id."""


class DanglingReferenceError(IntegrityError):
    """A relation or attribution refers to a claim, actor or document that is absent."""


class UnknownIdError(InputError):
    """An id given by the user (say on the command line) is not in the graph."""

    def __init__(
        self,
        kind: str,
        ident: str,
        *,
        path: str | Path | None = None,
        known: Sequence[str] = (),
    ) -> None:
        self.kind = kind
        self.ident = ident
        hint = None
        if known:
            import difflib

            close = difflib.get_close_matches(ident, list(known), n=3, cutoff=0.5)
            if close:
                hint = "did you mean " + ", ".join(repr(c) for c in close) + "?"
        message = f"no {kind} with id {ident!r}"
        if hint:
            message += f"; {hint}"
        super().__init__(message, path=path, hint=hint)


class ImportFormatError(InputError):
    """A file given to an importer is not what its format says."""


class UsageError(InputError):
    """Options or arguments that cannot be used together."""


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
