"""``arggraph import FILE``: a graph from another tool's format, as arggraph/1 JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

_FORMATS = ("aif", "kialo", "argdown", "graphml", "apx", "tgf", "i23", "bag")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="read AIF, Kialo, Argdown, GraphML, ICCMA (apx, tgf, i23) or BAG into arggraph/1 JSON",
        description="Read a graph another tool wrote (AIF from AIFdb or OVA, a Kialo "
        "discussion export, Argdown, GraphML, ICCMA apx/tgf/i23, Uncertainpy BAG) and "
        "write it as arggraph/1 JSON. What the format held that arggraph/1 cannot is "
        "kept in meta where possible and reported on stderr.",
        epilog="Formats by extension: .json aif, .txt kialo, .argdown/.ad argdown, "
        ".graphml graphml, .apx apx, .tgf tgf, .i23/.af i23, .bag bag.",
    )
    p.add_argument("file", metavar="FILE", help="the file to read ('-' for stdin, with --from)")
    p.add_argument(
        "--from",
        dest="fmt",
        choices=_FORMATS,
        metavar="FORMAT",
        help="one of " + ", ".join(_FORMATS) + " (default: from the extension)",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT.json", help="write here (atomically) instead of stdout"
    )
    p.add_argument(
        "--id", dest="graph_id", metavar="ID", help="the new graph's id (default: the file name)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..formats import import_file, import_text
    from ..io import decode_text, dump_graph
    from .common import write_result

    if args.file == "-":
        if args.fmt is None:
            raise UsageError("reading stdin needs --from " + "|".join(_FORMATS))
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise UsageError("stdin is empty")
        result = import_text(
            decode_text(data, "<stdin>"),
            args.fmt,
            path="<stdin>",
            graph_id=args.graph_id or "imported",
        )
    else:
        result = import_file(args.file, args.fmt, graph_id=args.graph_id)
    for line in result.report.lines():
        print(f"arggraph: {line}", file=sys.stderr)
    write_result(dump_graph(result.model), args.output)
    return 0
