"""``arggraph export GRAPH --to FORMAT``: diagrams and interchange formats."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..semantics.registry import GRADUAL

_FORMATS = (
    "dot",
    "svg",
    "png",
    "pdf",
    "mermaid",
    "argdown",
    "aif",
    "graphml",
    "apx",
    "tgf",
    "i23",
    "bag",
)
_DIAGRAM_ONLY = {"cluster": "dot, svg, png, pdf", "layout": "svg, png, pdf"}
_DIAGRAM_OR_MERMAID = {"label", "rankdir"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write the graph as a diagram (DOT, SVG, PNG, PDF, Mermaid) or another "
        "tool's format (Argdown, AIF, GraphML, ICCMA apx/tgf/i23, Uncertainpy BAG)",
        description="Write the graph as an argument map (Graphviz DOT, or SVG/PNG/PDF "
        "drawn by Graphviz; Mermaid for GitHub) or in the format of another tool "
        "(Argdown, AIF for AIFdb/OVA, GraphML, ICCMA apx/tgf/i23 for solvers, "
        "Uncertainpy's BAG). What a format cannot hold is reported on stderr.",
        epilog="Diagrams: positions on top, support green solid arrows, attack red dashed "
        "bars; fill shows the side a claim serves and its strength. SVG, PNG and PDF need "
        "Graphviz (apt-get install graphviz / brew install graphviz); --to dot does not.",
    )
    p.add_argument("graph", metavar="GRAPH", help="an arggraph/1 JSON file")
    p.add_argument(
        "--to",
        dest="fmt",
        choices=_FORMATS,
        metavar="FORMAT",
        help="one of " + ", ".join(_FORMATS) + " (default: from the extension of -o)",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout"
    )
    p.add_argument(
        "--semantics",
        default=next(iter(GRADUAL)),
        choices=[*GRADUAL, "none"],
        help=f"gradual semantics for the strengths shown (default {next(iter(GRADUAL))}; "
        "none for no strengths)",
    )
    p.add_argument("--scores", metavar="SHEET", help="a score sheet to apply first")
    p.add_argument(
        "--label",
        choices=["text", "actors", "id"],
        help="what a claim's box says: its text (default), text and who said it, or its id",
    )
    p.add_argument(
        "--cluster",
        choices=["none", "actor", "document"],
        help="group claims by the actor or document of their first attribution",
    )
    p.add_argument("--focus", metavar="CLAIM", help="only the neighbourhood of this claim")
    p.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="how many relations away from --focus to go (default 2)",
    )
    p.add_argument(
        "--rankdir",
        choices=["TB", "LR", "BT", "RL"],
        help="TB puts positions on top (default), LR on the left",
    )
    p.add_argument(
        "--layout",
        choices=["auto", "dot", "sfdp", "neato"],
        help="Graphviz layout engine; auto (default) uses dot for small graphs "
        "and trees and sfdp for large ones, so no export hangs",
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..formats import EXPORTS, Report, export_format_for, export_graph
    from .common import load_graph, load_sheet, progress, write_result

    fmt = args.fmt
    if fmt is None:
        fmt = export_format_for(args.output) if args.output else None
        if fmt is None:
            raise UsageError(
                "say which format with --to "
                + "|".join(_FORMATS)
                + (" (the extension of -o does not tell)" if args.output else "")
            )
    for option, formats in _DIAGRAM_ONLY.items():
        if getattr(args, option) is not None and fmt not in formats.split(", "):
            raise UsageError(f"--{option} applies to --to {formats} only, not {fmt}")
    for option in _DIAGRAM_OR_MERMAID:
        if getattr(args, option) is not None and fmt not in ("dot", "svg", "png", "pdf", "mermaid"):
            raise UsageError(
                f"--{option} applies to diagrams (dot, svg, png, pdf, mermaid) only, not {fmt}"
            )
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth needs --focus CLAIM")
    if EXPORTS[fmt].binary and args.output in (None, "-") and _stdout_is_terminal():
        raise UsageError(
            f"{fmt.upper()} is binary and stdout is a terminal: give -o "
            f"FILE{EXPORTS[fmt].extension} (or redirect stdout to a file)"
        )
    graph = load_graph(args.graph)
    sheet = load_sheet(args.scores, graph)
    report = Report()
    big = len(graph.claims) > 500 and fmt in ("svg", "png", "pdf")
    with progress(
        f"drawing {len(graph.claims)} claims as {fmt.upper()}" if big else f"exporting to {fmt}"
    ) as bar:
        data = export_graph(
            graph,
            fmt,
            semantics=None if args.semantics == "none" else args.semantics,
            scores=sheet,
            focus=args.focus,
            depth=args.depth,
            label=args.label or "text",
            cluster=args.cluster or "none",
            rankdir=args.rankdir or "TB",
            layout=args.layout or "auto",
            legend=not args.no_legend,
            report=report,
        )
        bar.advance()
    for line in report.lines():
        print(f"arggraph: {line}", file=sys.stderr)
    write_result(data, args.output)
    return 0


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
