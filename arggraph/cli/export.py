"""``arggraph export GRAPH --to FORMAT``: diagrams and interchange formats."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..formats import registry
from ..semantics.registry import GRADUAL

#: Options that only some writers take; the CLI refuses them for the others.
_SPECIFIC = ("label", "cluster", "rankdir", "layout")


def _names(formats: tuple[registry.Format, ...]) -> str:
    return ", ".join(f.name for f in formats)


def register(sub: Any) -> None:
    formats = registry.exports()
    diagrams = tuple(f for f in formats if f.diagram)
    others = tuple(f for f in formats if not f.diagram)
    drawn = tuple(f for f in formats if f.graphviz)
    by_extension = "; ".join(
        f"{'/'.join(f.write_extensions)} {f.name}" for f in formats if f.write_extensions
    )
    p = sub.add_parser(
        "export",
        help=f"write the graph as a diagram ({_names(diagrams)}) or in another tool's "
        f"format ({_names(others)})",
        description="Write the graph as an argument map or in the format of another "
        "tool; what a format cannot hold is reported on stderr, one line per kind with "
        "its count. Formats: " + "; ".join(f"{f.name}: {f.description}" for f in formats) + ".",
        epilog=f"Formats by the extension of -o: {by_extension}. Diagrams: positions on "
        "top, support green solid arrows, attack red dashed bars; fill shows the side a "
        f"claim serves and its strength. {_names(drawn).upper()} need Graphviz (apt-get "
        "install graphviz / brew install graphviz); --to dot does not.",
    )
    p.add_argument("graph", metavar="GRAPH", help="an arggraph/1 JSON file")
    p.add_argument(
        "--to",
        dest="fmt",
        choices=[f.name for f in formats],
        metavar="FORMAT",
        help=f"one of {_names(formats)} (default: from the extension of -o)",
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
        help="what a claim's box says: its text (default), text and who said it, or its id; "
        f"for {_takers('label')}",
    )
    p.add_argument(
        "--cluster",
        choices=["none", "actor", "document"],
        help="group claims by the actor or document of their first attribution; "
        f"for {_takers('cluster')}",
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
        help=f"TB puts positions on top (default), LR on the left; for {_takers('rankdir')}",
    )
    p.add_argument(
        "--layout",
        choices=["auto", "dot", "sfdp", "neato"],
        help="Graphviz layout engine; auto (default) uses dot for small graphs "
        f"and trees and sfdp for large ones, so no export hangs; for {_takers('layout')}",
    )
    p.add_argument("--no-legend", action="store_true", help="leave the legend out")
    p.add_argument(
        "--id-map",
        metavar="FILE.json",
        help="write the claim ids the format could not hold, and the names written for "
        f"them, to FILE.json (for --to {_names(tuple(f for f in formats if f.renames))}); "
        "`arggraph import --id-map FILE.json` restores them",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..formats import Report, export_format_for, export_graph
    from .common import load_graph, load_sheet, progress, say, write_result

    fmt = args.fmt
    if fmt is None:
        fmt = export_format_for(args.output) if args.output else None
        if fmt is None:
            raise UsageError(
                "say which format with --to "
                + "|".join(f.name for f in registry.exports())
                + (" (the extension of -o does not tell)" if args.output else "")
            )
    entry = registry.for_export(fmt)
    if args.output not in (None, "-"):
        _check_extension(args.output, entry)
    if args.id_map is not None and not entry.renames:
        renamers = _names(tuple(f for f in registry.exports() if f.renames))
        raise UsageError(
            f"--id-map applies to --to {renamers} only, not {fmt}"
            + (" (i23 keeps the ids in '# name' comments)" if fmt == "i23" else "")
        )
    for option in _SPECIFIC:
        if getattr(args, option) is not None and option not in entry.options:
            raise UsageError(f"--{option} applies to {_takers(option)} only, not {fmt}")
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth needs --focus CLAIM")
    if entry.binary and args.output in (None, "-") and _stdout_is_terminal():
        raise UsageError(
            f"{fmt.upper()} is binary and stdout is a terminal: give -o "
            f"FILE{entry.suffix} (or redirect stdout to a file)"
        )
    graph = load_graph(args.graph)
    sheet = load_sheet(args.scores, graph)
    report = Report()
    big = len(graph.claims) > 500 and entry.graphviz
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
        say(line)
    write_result(data, args.output)
    if args.id_map is not None:
        from pathlib import Path

        from ..atomic import atomic_write
        from ..formats.idmap import id_map_text

        text = id_map_text(report.renames, graph=graph.id, fmt=fmt)
        atomic_write(Path(args.id_map), text.encode("utf-8"))
    return 0


def _check_extension(out: str, entry: registry.Format) -> None:
    """Refuse ``-o OUT`` whose extension stands for another format than ``--to``: a
    ``.png`` holding SVG opens nowhere."""
    from pathlib import Path

    from ..errors import UsageError

    owners = registry.owners(out)
    if not owners or entry in owners:
        return
    suffix = Path(out).suffix
    others = " or ".join(f.name for f in owners)
    fix = f"name the file {Path(out).stem}{entry.suffix}" if entry.suffix else "rename it"
    writable = [f.name for f in owners if f.writer is not None]
    also = f", or give --to {writable[0]}" if writable else ""
    raise UsageError(
        f"-o {out}: {suffix} is the extension of {others}, but --to {entry.name} writes "
        f"{entry.name}: {fix}{also}"
    )


def _takers(option: str) -> str:
    """The formats that take ``option``: "diagrams (...)" when every diagram does,
    else "--to ..."."""
    takers = tuple(f for f in registry.exports() if option in f.options)
    if takers and takers == tuple(f for f in registry.exports() if f.diagram):
        return f"diagrams ({_names(takers)})"
    return f"--to {_names(takers)}"


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
