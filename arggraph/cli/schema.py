"""``arggraph schema``: the JSON Schema of arggraph/1 and 1.1 (or of score sheets)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of arggraph/1 and arggraph/1.1",
        description="Print the JSON Schema of the arggraph graph format, arggraph/1 and "
        "arggraph/1.1 (linked premises, relations aimed at relations, date intervals, "
        "reconstructed claims, documents' sha256 and accessed), or, with --scores, of "
        'arggraph-scores/1 score sheets. Name it in a file\'s "$schema" and editors '
        "validate the file as you type; the loader also checks what the schema cannot "
        'say (a file that uses a part of 1.1 must say "format": "arggraph/1.1").',
    )
    p.add_argument("--scores", action="store_true", help="the schema of score sheets")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..schema import schema_text
    from .common import emit

    emit(schema_text("scores" if args.scores else "graph"))
    return 0
