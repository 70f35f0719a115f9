"""``arggraph report GRAPH [--scores SHEET...] --to html|md [-o OUT]``: the debate and its
verdict for readers who will not install anything.

HTML is one self-contained page (the map inline as SVG, or an outline where Graphviz is
not installed); Markdown renders on GitHub (the map as Mermaid). With one sheet the report
uses its scores; with several, each scorer's verdict and the panel's (their median). The
format comes from ``--to``, else from the extension of ``-o``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..report.registry import FORMATS

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    from .common import add_gradual_semantics

    p = sub.add_parser(
        "report",
        help="the debate and its verdict for readers: one offline HTML page, or Markdown",
        description="Write a report a reader understands without the tool: the question; "
        "the verdict and its margin under the scores given (each scorer's and the panel's "
        "when several sheets are given) and whether it holds under every gradual semantics; "
        "the claims that decide it, with their flip points; the map; every claim with its "
        "quotes, speakers, documents and dates; the method and how to reproduce it. "
        "Formats: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()) + ".",
        epilog="Exit codes: 0 success, 2 the graph, a sheet or an option could not be used. "
        "The map in HTML needs Graphviz (apt-get install graphviz / brew install graphviz); "
        "without it the page gives the map as an outline and says so.",
    )
    # GRAPH is optional to argparse only so that GRAPH after --scores A B (which takes
    # every name after it) gets a message that says so, not "GRAPH is required".
    p.add_argument("graph", metavar="GRAPH", nargs="?", help="an arggraph/1 JSON file")
    p.add_argument(
        "--scores",
        metavar="SHEET",
        nargs="+",
        action="extend",
        default=[],
        help="score sheets (arggraph-scores/1): one sets the scores; several form a panel "
        "(each scorer's verdict, and the verdict under their median)",
    )
    add_gradual_semantics(p, " of the verdict", "; the report also says whether the others agree")
    p.add_argument(
        "--to",
        dest="fmt",
        choices=list(FORMATS),
        help=f"{' or '.join(FORMATS)} (default: from the extension of -o)",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..formats.render import graphviz_available
    from ..report import build_report
    from ..report.registry import format_for, report_format
    from .common import load_graph, load_sheet, progress, write_result

    if args.graph is None:
        raise UsageError(
            "no GRAPH given",
            hint="--scores takes every name after it: give GRAPH first "
            "(arggraph report GRAPH --scores A B --to html)",
        )
    fmt = args.fmt
    out = args.output if args.output != "-" else None
    if fmt is None:
        found = format_for(out) if out else None
        if found is None:
            raise UsageError(
                "say which format with --to "
                + "|".join(FORMATS)
                + (" (the extension of -o does not tell)" if out else "")
            )
        fmt = found.name
    entry = report_format(fmt)
    if out is not None:
        owner = format_for(out)
        if owner is not None and owner is not entry:
            from pathlib import Path

            raise UsageError(
                f"-o {out}: {Path(out).suffix} is the extension of {owner.name}, but --to "
                f"{entry.name} writes {entry.name}: name the file "
                f"{Path(out).stem}{entry.extensions[0]}, or give --to {owner.name}"
            )
    graph = load_graph(args.graph)
    sheets = [load_sheet(path, graph) for path in args.scores]
    with progress("working out the verdict", total=2) as bar:
        content = build_report(
            graph, [s for s in sheets if s is not None], args.semantics, names=args.scores
        )
        bar.advance()
        bar.describe("drawing the map and writing the report" if entry.graphviz else "writing")
        text = entry.load_writer()(content)
        bar.advance()
    if entry.graphviz and not graphviz_available():
        print(
            "arggraph: Graphviz is not installed, so the report gives the map as an outline "
            "(apt-get install graphviz / brew install graphviz to draw it)",
            file=sys.stderr,
        )
    write_result(text, out)
    return 0
