"""``arggraph import FILE``: a graph from another tool's format, as arggraph/1 JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..formats import registry
from .common import add_max_arguments


def _choices() -> str:
    return "|".join(f.name for f in registry.imports())


def register(sub: Any) -> None:
    formats = registry.imports()
    names = ", ".join(f.name for f in formats)
    p = sub.add_parser(
        "import",
        help=f"read another tool's format ({names}) into arggraph/1 JSON",
        description="Read a graph another tool wrote and write it as arggraph/1 JSON; "
        "what the format held that arggraph/1 cannot is kept in meta where possible and "
        "reported on stderr. Formats: "
        + "; ".join(f"{f.name}: {f.description}" for f in formats)
        + ".",
        epilog="Formats by extension: "
        + ", ".join(f"{'/'.join(f.read_extensions)} {f.name}" for f in formats)
        + ".",
    )
    p.add_argument("file", metavar="FILE", help="the file to read ('-' for stdin, with --from)")
    p.add_argument(
        "--from",
        dest="fmt",
        choices=[f.name for f in formats],
        metavar="FORMAT",
        help=f"one of {names} (default: from the extension)",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT.json", help="write here (atomically) instead of stdout"
    )
    p.add_argument(
        "--id", dest="graph_id", metavar="ID", help="the new graph's id (default: the file name)"
    )
    p.add_argument(
        "--id-map",
        metavar="FILE.json",
        help="restore the claim ids that `arggraph export --id-map FILE.json` saved when "
        "the format could not hold them",
    )
    add_max_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..formats import import_file, import_text
    from ..io import decode_text, dump_graph
    from .common import say, write_result

    if args.file == "-":
        if args.fmt is None:
            raise UsageError("reading stdin needs --from " + _choices())
        data = sys.stdin.buffer.read()
        if not data.strip() and not registry.for_import(args.fmt).abstract:
            raise UsageError("stdin is empty")
        result = import_text(
            decode_text(data, "<stdin>"),
            args.fmt,
            path="<stdin>",
            graph_id=args.graph_id or "imported",
            max_arguments=args.max_arguments,
        )
    else:
        result = import_file(
            args.file, args.fmt, graph_id=args.graph_id, max_arguments=args.max_arguments
        )
    if args.id_map is not None:
        from ..formats.idmap import load_id_map, restore_ids

        result = restore_ids(result, load_id_map(args.id_map), args.id_map)
    for line in result.report.lines():
        say(line)
    write_result(dump_graph(result.model), args.output)
    return 0
