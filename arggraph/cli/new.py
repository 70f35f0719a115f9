"""``arggraph new FILE --question TEXT``: start a debate from nothing."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="write a new debate: a question and two positions",
        description="Write a new, valid debate to FILE: the question and two positions "
        "(Yes and No unless --position is given twice or more), nothing else yet; then "
        "open it with arggraph tui FILE to build the arguments. An existing FILE is never "
        "overwritten.",
    )
    p.add_argument("file", metavar="FILE", help="where to write the new arggraph/1 file")
    p.add_argument("--question", required=True, help="the question the debate answers")
    p.add_argument("--title", default=None, help="its title (default: the question)")
    p.add_argument("--id", dest="ident", default=None, help="its id (default: from FILE's name)")
    p.add_argument(
        "--position",
        dest="positions",
        action="append",
        metavar="TEXT",
        default=None,
        help="a position's text, once for each (at least two; default: Yes and No)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..edit import create_debate
    from ..errors import UsageError
    from .common import say

    positions = args.positions if args.positions is not None else ("Yes", "No")
    if len(positions) == 1:
        raise UsageError("give --position at least twice (a debate has two positions or more)")
    graph = create_debate(
        args.file, args.question, ident=args.ident, title=args.title, positions=positions
    )
    texts = ", ".join(p.text for p in graph.positions)
    say(f"wrote {args.file}: {graph.model.question} ({texts}); arggraph tui {args.file} edits it")
    return 0
