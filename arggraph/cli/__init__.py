"""The ``arggraph`` command line: one subcommand a task, results on stdout only.

Exit codes: 0 success, 1 checks found errors, 2 the input could not be used. Every
:class:`~arggraph.errors.ArggraphError` becomes one message on stderr naming the file
and the place, never a traceback, with what it quotes from a file or a path escaped
(:func:`arggraph.text.inline`), as argparse's messages are. Subcommand modules import
their heavy dependencies inside ``run`` so that ``arggraph --help`` and small jobs start
fast, and a command given by name builds only its own parser (:data:`COMMANDS`).

Besides the built-in subcommands, packages can add their own through the entry-point
group ``arggraph.commands`` (a callable taking the subparsers object, its entry point
named for the command it adds); the terminal UI adds ``tui`` that way, so the library
never imports the UI.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ArggraphError, SemanticsError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "BLAS_THREADS",
    "COMMANDS",
    "PLUGINS",
    "build_parser",
    "main",
    "one_blas_thread",
    "package_version",
]

#: The built-in subcommands, in the order ``--help`` lists them: each command's name and
#: the module (in this package) whose ``register(subparsers)`` adds it.
COMMANDS: dict[str, str] = {
    "show": "show",
    "check": "check",
    "rules": "rules",
    "score": "score",
    "extensions": "extensions",
    "explain": "explain",
    "compare": "compare",
    "diff": "diff",
    "export": "export",
    "report": "report",
    "import": "import_",
    "schema": "schema",
    "new": "new",
}


def package_version() -> str:
    """arggraph's version (``arggraph/_version.py``, which the package's metadata is
    built from: reading it costs nothing, where reading the installed metadata through
    :mod:`importlib.metadata` took half of ``arggraph --version``'s start-up).

    >>> import importlib.metadata
    >>> package_version() == importlib.metadata.version("arggraph")
    True
    """
    from .._version import __version__

    return __version__


class _Parser(argparse.ArgumentParser):
    """argparse, with what it prints made safe: its errors quote the arguments given,
    and an argument may be a file name holding escape sequences (``arggraph show *``)."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        from ..text import terminal_safe

        super()._print_message(terminal_safe(message), file)


#: The entry-point group through which packages add commands (each a callable taking
#: the subparsers object); an entry point is named for the command it adds.
PLUGINS = "arggraph.commands"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand registered (the built-in ones of
    :data:`COMMANDS`, then the plugins' of the entry-point group :data:`PLUGINS`).

    ``command``, the name of a built-in command or of a plugin's entry point: only that
    subcommand is registered (its module alone imported), which parses that command's
    arguments and prints its help exactly as the whole parser does. Any other name (or a
    plugin whose entry point adds a command of another name) gets the whole parser."""
    if command in COMMANDS:
        parser, sub = _top_parser()
        importlib.import_module(f"{__name__}.{COMMANDS[command]}").register(sub)
        return parser
    from importlib.metadata import entry_points

    plugins = entry_points(group=PLUGINS)
    for ep in plugins.select(name=command) if command is not None else ():
        parser, sub = _top_parser()
        ep.load()(sub)
        if command in sub.choices:
            return parser
    parser, sub = _top_parser()
    for module in COMMANDS.values():
        importlib.import_module(f"{__name__}.{module}").register(sub)
    for ep in plugins:
        ep.load()(sub)
    return parser


def _command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The parser of ``command`` under the top level's ``parser``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[Any]]:
    """The top level: ``--version``, and the subparsers object commands register in."""
    parser = _Parser(
        prog="arggraph",
        description="Reason about a contested decision as a graph of arguments.",
        epilog="Exit codes: 0 success, 1 checks found errors, 2 the input could not be used.",
    )
    parser.add_argument("--version", action="version", version=f"arggraph {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    return parser, sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    given = sys.argv[1:] if argv is None else list(argv)
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        print(
            "arggraph: error: standard output is closed: open it, or give -o OUT", file=sys.stderr
        )
        return 2
    args: argparse.Namespace | None = None
    try:
        if given == ["--version"]:
            # What argparse would print, without building the parser (which imports every
            # subcommand's module and the plugins'): a start-up as quick as Python's own.
            print(f"arggraph {package_version()}", flush=True)
            return 0
        # The first argument names the command unless it is an option (the top level's
        # are --help and --version): that command's parser is then built alone.
        parser = build_parser(given[0] if given else None)
        args, extra = parser.parse_known_args(argv)
        if extra:  # said by the command's own parser, with its own usage line
            _command_parser(parser, args.command).error(
                "unrecognized arguments: " + " ".join(extra)
            )
        from .common import refuse_output_over_input

        refuse_output_over_input(args)
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
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            raise
        # Standard output full or gone (`> /dev/full`): one line, not a traceback; what
        # is still buffered goes nowhere, so the flush at exit raises nothing more.
        _silence_stdout()
        print(f"arggraph: error: cannot write to standard output: {exc.strerror}", file=sys.stderr)
        return 2
    return code


#: What writing to a full, failing or closed standard output raises (reading a file and
#: writing ``-o OUT`` raise arggraph's own errors instead).
_OUTPUT_ERRORS = frozenset(
    getattr(errno, name)
    for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EBADF", "EPIPE")
    if hasattr(errno, name)
)


def _silence_stdout() -> None:
    """Point standard output at the null device, as Python's documentation does after a
    broken pipe, so the interpreter's last flush does not fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # pragma: no cover - nothing left to do
        pass


#: What OpenBLAS (NumPy's and SciPy's linear algebra, in their wheels) reads for its
#: number of threads, in the order it reads them.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def one_blas_thread(environ: MutableMapping[str, str] | None = None) -> bool:
    """Ask OpenBLAS for one thread, unless the user chose a number (any variable of
    :data:`BLAS_THREADS` set) or NumPy is loaded already (it has read them); returns
    whether it asked. Called by the command line's entry points before NumPy loads.

    Why: loading NumPy starts OpenBLAS's pool of one thread a core, whose threads spin
    while they start: 0.06 s of CPU of a start-up of 0.15 s on two cores, and as much
    time of every other core. arggraph's engine works on sparse arrays and never calls
    BLAS on large dense matrices but in two places (Newton steps on small stalled
    components, and dense solves for the gradients of ``explain`` on a cyclic component
    of at most 3,000 claims), where one thread was as fast or faster here (a 1,000-claim
    solve 17 ms against 39 ms with two threads). One thread also makes those last bits
    the same on every machine: a multithreaded solve's rounding depends on the number of
    cores.

    >>> env = {"OMP_NUM_THREADS": "4"}
    >>> one_blas_thread(env), env
    (False, {'OMP_NUM_THREADS': '4'})
    """
    environ = os.environ if environ is None else environ
    if "numpy" in sys.modules or any(environ.get(name) for name in BLAS_THREADS):
        return False
    environ["OPENBLAS_NUM_THREADS"] = "1"
    return True


def run() -> None:  # pragma: no cover - thin wrapper for the console script
    one_blas_thread()
    sys.exit(main())
