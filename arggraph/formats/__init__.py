"""Diagrams and interchange formats: what ``arggraph export`` and ``import`` speak.

One module per format (:mod:`~arggraph.formats.dot` and
:mod:`~arggraph.formats.render` for Graphviz, :mod:`~arggraph.formats.mermaid`,
:mod:`~arggraph.formats.argdown` (with ``argdown_parse``, ``argdown_data``,
``argdown_meta`` and ``argdown_write``), :mod:`~arggraph.formats.aif`,
:mod:`~arggraph.formats.kialo`, :mod:`~arggraph.formats.graphml` (with ``graphml_read``,
``graphml_xml`` and ``yed``), :mod:`~arggraph.formats.iccma`,
:mod:`~arggraph.formats.bag`); the table in
:mod:`~arggraph.formats.registry` finds them by name or file extension and says what
each cannot hold, and the functions here read it, so the CLI, the TUI and scripts
share one entry point. Format modules are imported only when used, so asking for a
Kialo import never loads networkx.

>>> detect_format("debate.argdown"), detect_format("af.i23"), detect_format("x.txt")
('argdown', 'i23', 'kialo')
>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
>>> export_graph(g, "apx", semantics=None)
b'arg(a).\\n'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from .._lazy import lazy_exports as _lazy_exports
from ..errors import ImportFormatError, UsageError
from ..semantics.registry import gradual
from . import registry
from .losses import Shown
from .registry import Format
from .report import Report

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet
    from .imported import ImportResult

# Imported when first read: the command line's parser, which reads the table above,
# needs neither pydantic nor the graph.
__getattr__, __dir__ = _lazy_exports(__name__, {".imported": ("ImportResult",)})

__all__ = [
    "Format",
    "ImportResult",
    "Report",
    "detect_format",
    "export_format_for",
    "export_graph",
    "import_file",
    "import_text",
    "read_source",
]


def detect_format(path: str | Path) -> str:
    """The import format a file's extension implies, or a ``UsageError`` naming the
    choices."""
    fmt = registry.by_read_extension(path)
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {str(path)!r} from its extension; give --from "
            + "|".join(f.name for f in registry.imports())
        )
    return fmt.name


def export_format_for(path: str | Path) -> str | None:
    """The export format an output file name implies, if its extension says."""
    fmt = registry.by_write_extension(path)
    return fmt.name if fmt is not None else None


def import_text(
    text: str,
    fmt: str,
    *,
    path: str | Path | None = None,
    graph_id: str | None = None,
    max_arguments: int | None = None,
) -> ImportResult:
    """A graph from the text of a file in format ``fmt`` (``path`` names it in errors).

    ``max_arguments`` raises (or lowers) how many arguments a format that declares its
    count (i23's ``p af N``) may declare: :data:`~arggraph.formats.registry.MAX_ARGUMENTS`
    by default; other formats hold only what their text writes, and ignore it.

    Raises ``UsageError`` for a format arggraph cannot read, and the reader's
    :class:`~arggraph.errors.ImportFormatError` (with the place) for a bad file, one
    holding a lone surrogate among them (text made in Python can hold one, a UTF-8
    file cannot).
    """
    from ..jsonio import lone_surrogate

    entry = registry.for_import(fmt)
    reader = entry.load_reader()
    raw = lone_surrogate(text, escapes=False)
    if raw is not None:
        line = text.count("\n", 0, raw) + 1
        column = raw - (text.rfind("\n", 0, raw) + 1) + 1
        raise ImportFormatError(
            f"a lone surrogate \\u{ord(text[raw]):04x}, which is no character",
            path=path,
            line=line,
            column=column,
        )
    if entry.declares_count and max_arguments is not None:
        counted = cast(_CountingReader, reader)
        return counted(text, path=path, graph_id=graph_id, max_arguments=max_arguments)
    return reader(text, path=path, graph_id=graph_id)


class _CountingReader(Protocol):
    def __call__(
        self,
        text: str,
        *,
        path: str | Path | None = ...,
        graph_id: str | None = ...,
        max_arguments: int = ...,
    ) -> ImportResult: ...


def import_file(
    path: str | Path,
    fmt: str | None = None,
    *,
    graph_id: str | None = None,
    max_arguments: int | None = None,
) -> ImportResult:
    """A graph from a file; ``fmt`` defaults to what its extension implies. A blank
    file is the empty framework in an abstract format (ICCMA) and an error in the
    others. ``max_arguments`` as for :func:`import_text`. Raises what
    :func:`detect_format`, :func:`arggraph.io.read_bytes` and :func:`import_text`
    raise."""
    fmt = fmt or detect_format(path)
    text = read_source(path, registry.for_import(fmt))
    return import_text(text, fmt, path=path, graph_id=graph_id, max_arguments=max_arguments)


def read_source(path: str | Path, fmt: Format) -> str:
    """The text of a file to import in format ``fmt``: ``""`` for a blank file of an
    abstract format (the empty framework), else what :func:`arggraph.io.read_bytes`
    and :func:`arggraph.io.decode_text` give or raise (``FileAccessError``)."""
    from ..io import decode_text, read_bytes

    data = read_bytes(path, allow_empty=fmt.abstract)
    return decode_text(data, path) if data.strip() else ""


def export_graph(
    graph: Graph,
    fmt: str,
    *,
    semantics: str | None = "dfquad",
    scores: ScoreSheet | None = None,
    strengths: Mapping[str, float] | None = None,
    focus: str | None = None,
    depth: int | None = None,
    label: str = "text",
    cluster: str = "none",
    rankdir: str = "TB",
    layout: str = "auto",
    legend: bool = True,
    report: Report | None = None,
) -> bytes:
    """The graph in format ``fmt``, as bytes (UTF-8 for the text formats).

    Formats that take strengths (diagrams, Mermaid, GraphML) carry each claim's
    strength under ``semantics`` (``None`` for none) with the score sheet ``scores``
    applied (or ``strengths`` as given, by a caller that has them already: the TUI);
    those that take base scores (diagrams, BAG) print the sheet's.
    ``focus``/``depth`` keep the neighbourhood of one claim in every format;
    ``label``, ``cluster``, ``rankdir``, ``layout`` and ``legend`` go to the writers
    that take them (see :mod:`~arggraph.formats.registry`) and are ignored by the
    others. Everything the format cannot hold, and what its writer changed while
    writing (renamed ids), is counted in ``report``.

    Raises ``UsageError`` for an unknown format or ``depth`` without ``focus``,
    ``UnknownIdError`` for an unknown ``focus``, and what the writer raises
    (``ToolMissingError`` or ``RenderError`` from Graphviz).
    """
    entry = registry.for_export(fmt)
    if depth is not None and focus is None:
        raise UsageError("--depth needs --focus CLAIM")
    written = graph
    if focus is not None:
        from .focus import neighbourhood, restrict

        written = restrict(graph, neighbourhood(graph, focus, depth))
    options: dict[str, Any] = {}
    if entry.strengths and strengths is not None:
        options["strengths"] = dict(strengths)
    elif entry.strengths and semantics is not None:
        from ..semantics.gradual import score

        options["strengths"] = score(graph, semantics, scores)
    if scores is not None:
        fw = graph.framework.with_scores(scores)
        if entry.base_scores:
            options["base"] = dict(zip(fw.ids, fw.base.tolist(), strict=True))
    if entry.draws_focus:
        options.update(focus=focus, depth=depth)
    chosen: dict[str, object] = {
        "label": label,
        "cluster": cluster,
        "rankdir": rankdir,
        "layout": layout,
        "legend": legend,
        "semantics": None if semantics is None else gradual(semantics).label,
    }
    options.update((name, chosen[name]) for name in entry.options)
    if entry.writer_notes:
        options["report"] = report
    out = entry.load_writer()(graph if entry.draws_focus else written, **options)
    if report is not None:
        shown = Shown(
            label=label if "label" in entry.options else "text",
            cluster=cluster if "cluster" in entry.options else "none",
            strengths=entry.strengths and semantics is not None,
        )
        registry.report_losses(entry.name, written, report, shown)
    return out if isinstance(out, bytes) else out.encode("utf-8")
