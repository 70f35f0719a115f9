"""What an importer hands back, and the small tools every importer builds it with.

An import is a :class:`~arggraph.model.GraphModel` (so it validates like any graph
file) plus a :class:`~arggraph.formats.report.Report` of what the source held that
arggraph/1 cannot. Ids in the sources are rarely unique across kinds or safe to
reuse as they are, so :class:`Ids` hands out unique ones; :func:`graph_id` turns a
file name into the graph's id.

>>> ids = Ids()
>>> ids.new("Fleisch-OK"), ids.new("Fleisch-OK"), ids.new("")
('Fleisch-OK', 'Fleisch-OK-2', 'item')
>>> graph_id("did-the-exodus-really-happen-14445.txt")
'did-the-exodus-really-happen-14445'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ArggraphError, ImportFormatError
from ..graph import Graph
from ..model import GraphModel
from .report import Report

__all__ = ["Ids", "ImportResult", "fail", "graph_id", "line_of", "model_from", "slug"]


@dataclass
class ImportResult:
    """An imported graph and the report of what did not fit."""

    model: GraphModel
    report: Report = field(default_factory=Report)

    @property
    def warnings(self) -> list[str]:
        """What the source held that arggraph/1 cannot, one line each (the CLI prints
        these on stderr): ``dropped: ...``, ``kept: ...``, ``note: ...``."""
        return self.report.lines()

    def graph(self) -> Graph:
        """The model as a :class:`~arggraph.graph.Graph` (importers keep ids coherent)."""
        return Graph(self.model)


def slug(text: str, *, limit: int = 48) -> str:
    """A readable id made from free text: ASCII letters, digits and dashes.

    >>> slug("Ukraine should withdraw from Bakhmut!")
    'ukraine-should-withdraw-from-bakhmut'
    """
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    flat = re.sub(r"[^A-Za-z0-9]+", "-", flat).strip("-").lower()
    if len(flat) > limit:
        flat = flat[:limit].rsplit("-", 1)[0] or flat[:limit]
    return flat


def graph_id(path: str | Path | None, default: str = "imported") -> str:
    """The id of a graph imported from ``path``: its file name without extension."""
    if path is None:
        return default
    stem = Path(path).name
    for suffix in reversed(Path(stem).suffixes):
        stem = stem[: -len(suffix)]
    return stem or default


class Ids:
    """Hands out ids unique within one kind (claims, relations, actors...).

    ``new(wanted)`` returns ``wanted`` itself when free and ``wanted-2``,
    ``wanted-3``... otherwise, so ids a source gives survive whenever they can.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def new(self, wanted: str) -> str:
        base = wanted or "item"
        candidate = base
        n = 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        return candidate

    def take(self, ident: str) -> None:
        """Mark an id as used without asking for it."""
        self._taken.add(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self._taken


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def fail(
    message: str, path: str | Path | None, line: int | None = None, place: str | None = None
) -> ImportFormatError:
    """The error for a file that is not what its format says (raise it)."""
    where = place if place is not None else (f"line {line}" if line is not None else None)
    return ImportFormatError(message, path=path, place=where)


def model_from(payload: dict[str, Any], path: str | Path | None) -> GraphModel:
    """Validate an importer's arggraph/1 payload; what does not fit is the source
    file's fault, so it is reported as an :class:`~arggraph.errors.ImportFormatError`
    naming the item (and the ids are checked for coherence too)."""
    from ..io import _json_path

    try:
        model = GraphModel.model_validate(payload)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        message = err["msg"].removeprefix("Value error, ")
        raise ImportFormatError(
            f"cannot be made into arggraph/1: {message}",
            path=path,
            place=_json_path(tuple(err["loc"])),
        ) from None
    try:
        Graph(model)
    except ArggraphError as exc:
        raise ImportFormatError(
            f"cannot be made into arggraph/1: {exc.message}", path=path, place=exc.place
        ) from None
    return model
