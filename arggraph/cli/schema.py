"""``arggraph schema [KIND]``: the JSON Schema of arggraph/1 and 1.1, of score sheets or of
id maps."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of arggraph/1 and arggraph/1.1",
        description="Print the JSON Schema of the arggraph graph format, arggraph/1 and "
        "arggraph/1.1 (linked premises, relations aimed at relations, date intervals, "
        "reconstructed claims, documents' sha256 and accessed), or of "
        "arggraph-scores/1 score sheets (scores, or --scores) or arggraph-id-map/1 id maps "
        '(id-map). Name it in a file\'s "$schema" and editors '
        "validate the file as you type; the loader also checks what the schema cannot "
        'say (a file that uses a part of 1.1 must say "format": "arggraph/1.1").',
    )
    from ..schema import KINDS

    p.add_argument(
        "kind",
        nargs="?",
        choices=KINDS,
        default="graph",
        help="graph (default), scores (score sheets) or id-map (id maps beside a graph)",
    )
    p.add_argument("--scores", action="store_true", help="the schema of score sheets")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..schema import SCHEMA_FILES
    from .common import emit

    # The shipped file, which tests/test_schema.py keeps equal to what the models
    # generate: printing it needs neither pydantic nor the models.
    kind = "scores" if args.scores else args.kind
    emit(SCHEMA_FILES[kind].read_text(encoding="utf-8"))
    return 0
