"""The ``arggraph`` command line: one subcommand a task, results on stdout only.

Exit codes: 0 success, 1 checks found errors, 2 the input could not be used. Every
:class:`~arggraph.errors.ArggraphError` becomes one message on stderr naming the file
and the place, never a traceback, with what it quotes from a file or a path escaped
(:func:`arggraph.text.inline`), as argparse's messages are. Subcommand modules import
their heavy dependencies inside ``run`` so that ``arggraph --help`` and small jobs start
fast.

Besides the built-in subcommands, packages can add their own through the entry-point
group ``arggraph.commands`` (a callable taking the subparsers object); the terminal UI
adds ``tui`` that way, so the library never imports the UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import ArggraphError, SemanticsError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["build_parser", "main", "package_version"]

#: Built-in subcommand modules, in the order ``--help`` lists them.
COMMANDS = (
    "show",
    "check",
    "rules",
    "score",
    "extensions",
    "explain",
    "compare",
    "diff",
    "export",
    "report",
    "import_",
    "schema",
    "new",
)


def package_version() -> str:
    """arggraph's version, as installed (``"unknown"`` in a bare source tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arggraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """argparse, with what it prints made safe: its errors quote the arguments given,
    and an argument may be a file name holding escape sequences (``arggraph show *``)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        from ..text import terminal_safe

        super()._print_message(terminal_safe(message), file)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand registered."""
    parser = _Parser(
        prog="arggraph",
        description="Reason about a contested decision as a graph of arguments.",
        epilog="Exit codes: 0 success, 1 checks found errors, 2 the input could not be used.",
    )
    parser.add_argument("--version", action="version", version=f"arggraph {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    from importlib.metadata import entry_points

    for ep in entry_points(group="arggraph.commands"):
        ep.load()(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        # What argparse would print, without building the parser (which imports every
        # subcommand's module and the plugins'): a start-up as quick as Python's own.
        print(f"arggraph {package_version()}")
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except ArggraphError as exc:
        graph = getattr(args, "graph", None)
        if isinstance(exc, SemanticsError) and exc.path is None and isinstance(graph, str):
            exc.path = graph  # what the graph cannot take under a semantics: name the graph
        from .common import print_error

        print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("arggraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our stdout went away (say `| head`): not an error of ours.
        sys.stderr.close()
        return 0
    return code


def run() -> None:  # pragma: no cover - thin wrapper for the console script
    sys.exit(main())
