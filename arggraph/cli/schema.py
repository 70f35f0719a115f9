"""``arggraph schema``: the JSON Schema of arggraph/1 (or of score sheets)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of arggraph/1",
        description="Print the JSON Schema of the arggraph/1 graph format (or, with "
        '--scores, of arggraph-scores/1 score sheets). Name it in a file\'s "$schema" '
        "and editors validate the file as you type.",
    )
    p.add_argument("--scores", action="store_true", help="the schema of score sheets")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..schema import schema_text
    from .common import emit

    emit(schema_text("scores" if args.scores else "graph"))
    return 0
