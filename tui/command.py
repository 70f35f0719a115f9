"""The ``arggraph tui`` subcommand, plugged into the library's CLI by entry point."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from arggraph.errors import ArggraphError
from arggraph.semantics.registry import GRADUAL

__all__ = ["error_lines", "register", "run"]


def register(sub: Any) -> None:
    """Add ``arggraph tui`` to the command line's subcommands."""
    p = sub.add_parser(
        "tui",
        help="walk and score a debate in the terminal UI",
        description="Open a graph in the terminal UI (the bundled Bakhmut debate when no "
        "GRAPH is given): walk the debate, score each argument, see the verdict move.",
    )
    p.add_argument(
        "graph",
        metavar="GRAPH",
        nargs="?",
        default=None,
        help="an arggraph/1 file, or a file in a format arggraph imports (Argdown, "
        "GraphML...), which the map then follows as it is saved (default: the bundled "
        "Bakhmut debate)",
    )
    p.add_argument(
        "--scores",
        metavar="SHEET",
        action="append",
        default=None,
        help="a score sheet to load and save to; more than once (or a folder of sheets) "
        "for a panel: the first sheet is yours to score, the others are read-only",
    )
    p.add_argument(
        "--semantics",
        choices=list(GRADUAL),
        default=next(iter(GRADUAL)),
        help="the gradual semantics to start with (m switches): "
        + "; ".join(s.summary for s in GRADUAL.values()),
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the app; its exit code is 2 when the graph could not be opened."""
    from .factory import create_app

    app = create_app(args.graph, scores=args.scores, semantics=args.semantics)
    app.run()
    if app.error is not None:
        # The error screen is gone with the app: leave the message where it can be read
        # and copied, as every other command does.
        print(error_lines(app.error), file=sys.stderr)
    return int(app.return_code or 0)


def error_lines(error: ArggraphError) -> str:
    """The message the CLI prints for an error, made safe for the terminal.

    >>> from arggraph.errors import FileAccessError
    >>> print(error_lines(FileAccessError("no such file", path="g.json")))
    arggraph: error: g.json: no such file
    """
    from .render import safe

    out = f"arggraph: error: {safe(str(error))}"
    if error.hint and error.hint not in str(error):
        out += f"\n  hint: {safe(error.hint)}"
    return out
