"""Diagrams and interchange formats: what ``arggraph export`` and ``import`` speak.

One module per format (:mod:`~arggraph.formats.dot` and
:mod:`~arggraph.formats.render` for Graphviz, :mod:`~arggraph.formats.mermaid`,
:mod:`~arggraph.formats.argdown`, :mod:`~arggraph.formats.aif`,
:mod:`~arggraph.formats.kialo`, :mod:`~arggraph.formats.graphml`,
:mod:`~arggraph.formats.iccma`, :mod:`~arggraph.formats.bag`); this module is the
registry that finds them by name or file extension, so the CLI, the TUI and scripts
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

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from .imported import ImportResult
from .report import Report

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "EXPORTS",
    "EXTENSIONS",
    "IMPORTS",
    "OUTPUT_EXTENSIONS",
    "SEMANTICS_NAMES",
    "Format",
    "ImportResult",
    "Report",
    "detect_format",
    "export_graph",
    "export_format_for",
    "import_file",
    "import_text",
]


@dataclass(frozen=True)
class Format:
    """A format arggraph writes or reads: its name, what it is, its usual extension,
    and whether its bytes are binary (not for a terminal)."""

    name: str
    description: str
    extension: str
    binary: bool = False


EXPORTS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("dot", "Graphviz DOT text of the argument map", ".dot"),
        Format("svg", "the argument map drawn by Graphviz, as SVG", ".svg"),
        Format("png", "the argument map drawn by Graphviz, as PNG", ".png", binary=True),
        Format("pdf", "the argument map drawn by Graphviz, as PDF", ".pdf", binary=True),
        Format("mermaid", "a Mermaid flowchart (renders on GitHub and GitLab)", ".mmd"),
        Format("argdown", "Argdown statements and relations", ".argdown"),
        Format("aif", "Argument Interchange Format JSON, as AIFdb and OVA read it", ".json"),
        Format("graphml", "GraphML with every attribute, for network tools", ".graphml"),
        Format("apx", "ICCMA/ASPARTIX facts of the attack relation", ".apx"),
        Format("tgf", "Trivial Graph Format of the attack relation (ICCMA)", ".tgf"),
        Format("i23", "ICCMA 2023 format of the attack relation", ".i23"),
        Format("bag", "Uncertainpy bipolar argumentation graph", ".bag"),
    )
}

IMPORTS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("aif", "AIF JSON from AIFdb or OVA (xAIF too)", ".json"),
        Format("kialo", "a Kialo discussion export, either layout", ".txt"),
        Format("argdown", "an Argdown file", ".argdown"),
        Format("graphml", "GraphML (as arggraph or networkx write it)", ".graphml"),
        Format("apx", "ICCMA/ASPARTIX arg/att facts", ".apx"),
        Format("tgf", "Trivial Graph Format (edges are attacks)", ".tgf"),
        Format("i23", "ICCMA 2023 'p af N' format", ".i23"),
        Format("bag", "Uncertainpy bipolar argumentation graph", ".bag"),
    )
}

#: File extensions and the import format each implies.
EXTENSIONS = {
    ".json": "aif",
    ".txt": "kialo",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".graphml": "graphml",
    ".apx": "apx",
    ".tgf": "tgf",
    ".i23": "i23",
    ".af": "i23",
    ".bag": "bag",
}

#: Export formats implied by an output file's extension (``-o map.svg``).
OUTPUT_EXTENSIONS = {
    ".dot": "dot",
    ".gv": "dot",
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".graphml": "graphml",
    ".apx": "apx",
    ".tgf": "tgf",
    ".i23": "i23",
    ".af": "i23",
    ".bag": "bag",
}

#: How the gradual semantics are named in a legend.
SEMANTICS_NAMES = {
    "dfquad": "DF-QuAD",
    "qe": "quadratic energy",
    "euler": "Euler-based",
    "hcat": "weighted h-categorizer",
}

_DIAGRAMS = ("dot", "svg", "png", "pdf")
_WITH_STRENGTHS = (*_DIAGRAMS, "mermaid", "graphml")


def detect_format(path: str | Path) -> str:
    """The import format a file's extension implies, or a UsageError naming the choices."""
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    raise UsageError(
        f"cannot tell the format of {str(path)!r} from its extension; give --from "
        + "|".join(IMPORTS)
    )


def export_format_for(path: str | Path) -> str | None:
    """The export format an output file name implies, if its extension says."""
    return OUTPUT_EXTENSIONS.get(Path(path).suffix.lower())


def import_text(
    text: str, fmt: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from the text of a file in format ``fmt`` (``path`` names it in errors)."""
    if fmt not in IMPORTS:
        raise UsageError(f"cannot import {fmt!r}; formats: " + ", ".join(IMPORTS))
    if fmt == "aif":
        from .aif import from_aif as reader
    elif fmt == "kialo":
        from .kialo import from_kialo as reader
    elif fmt == "argdown":
        from .argdown import from_argdown as reader
    elif fmt == "graphml":
        from .graphml import from_graphml as reader
    elif fmt == "bag":
        from .bag import from_bag as reader
    else:
        from . import iccma

        reader = {"apx": iccma.from_apx, "tgf": iccma.from_tgf, "i23": iccma.from_i23}[fmt]
    return reader(text, path=path, graph_id=graph_id)


def import_file(
    path: str | Path, fmt: str | None = None, *, graph_id: str | None = None
) -> ImportResult:
    """A graph from a file; ``fmt`` defaults to what its extension implies."""
    from ..io import decode_text, read_bytes

    fmt = fmt or detect_format(path)
    text = decode_text(read_bytes(path), path)
    return import_text(text, fmt, path=path, graph_id=graph_id)


def export_graph(
    graph: Graph,
    fmt: str,
    *,
    semantics: str | None = "dfquad",
    scores: ScoreSheet | None = None,
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

    Diagrams, Mermaid and GraphML carry each claim's strength under ``semantics``
    (``None`` for none) with the score sheet ``scores`` applied; BAG takes the
    sheet's base scores. ``focus``/``depth`` keep the neighbourhood of one claim in
    every format. What a format cannot hold is counted in ``report``.
    """
    if fmt not in EXPORTS:
        raise UsageError(f"cannot export to {fmt!r}; formats: " + ", ".join(EXPORTS))
    strengths = None
    if semantics is not None and fmt in _WITH_STRENGTHS:
        from ..semantics.gradual import score

        strengths = score(graph, semantics, scores)
    base = None
    if scores is not None:
        fw = graph.framework.with_scores(scores)
        base = dict(zip(fw.ids, fw.base.tolist(), strict=True))
    if fmt in _DIAGRAMS:
        from .dot import to_dot

        text = to_dot(
            graph,
            strengths=strengths,
            focus=focus,
            depth=depth,
            label=label,
            cluster=cluster,
            rankdir=rankdir,
            base=base,
            legend=legend,
            semantics=SEMANTICS_NAMES.get(semantics or "", semantics),
        )
        if fmt == "dot":
            return text.encode("utf-8")
        from .render import render

        return render(text, fmt, layout)
    if focus is not None:
        from .focus import neighbourhood, restrict

        graph = restrict(graph, neighbourhood(graph, focus, depth))
    elif depth is not None:
        raise UsageError("--depth needs --focus CLAIM")
    if fmt == "mermaid":
        from .mermaid import to_mermaid

        out = to_mermaid(graph, strengths=strengths, label=label, rankdir=rankdir)
    elif fmt == "argdown":
        from .argdown import to_argdown

        out = to_argdown(graph, report=report)
    elif fmt == "aif":
        from .aif import to_aif

        out = to_aif(graph, report=report)
    elif fmt == "graphml":
        from .graphml import to_graphml

        out = to_graphml(graph, strengths=strengths, report=report)
    elif fmt == "bag":
        from .bag import to_bag

        out = to_bag(graph, base=base, report=report)
    else:
        from . import iccma

        writer = {"apx": iccma.to_apx, "tgf": iccma.to_tgf, "i23": iccma.to_i23}[fmt]
        out = writer(graph, report=report)
    return out.encode("utf-8")
