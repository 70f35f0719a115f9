"""What the subcommands share: loading inputs, writing results, progress on stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..atomic import atomic_write
from ..steps import Steps

if TYPE_CHECKING:
    import argparse

    from ..errors import ArggraphError, InputError
    from ..graph import Graph
    from ..model import ScoreSheet

__all__ = [
    "add_max_arguments",
    "Progress",
    "cut_note",
    "emit",
    "emit_json",
    "load_graph",
    "load_sheet",
    "print_error",
    "progress",
    "result_header",
    "say",
    "stderr_is_terminal",
    "terminal_width",
    "to_terminal",
    "write_result",
]


def cut_note(formats: str = "csv/json") -> str:
    """The footnote of a table that cut ids to fit a terminal; ``formats`` are the
    command's machine formats.

    >>> cut_note("json")
    '(ids cut to fit the terminal; --format json or a pipe gives them whole)'
    """
    return f"(ids cut to fit the terminal; --format {formats} or a pipe gives them whole)"


def load_graph(path: str, *, strict: bool = True, provenance: bool = False) -> Graph:
    """Load the GRAPH argument (errors propagate to ``main``, which prints them);
    ``provenance`` as for :func:`arggraph.io.load`.

    A file another tool wrote (Argdown, GraphML... by its extension) that is not
    arggraph JSON is refused with what to do instead, not with a JSON parser's message
    about its first character."""
    from ..errors import JSONSyntaxError
    from ..io import load

    try:
        return load(path, strict=strict, provenance=provenance)
    except JSONSyntaxError as exc:
        raise other_format(path) or exc from None


def other_format(path: str) -> InputError | None:
    """The error to give for a file another tool wrote (Argdown, GraphML, ICCMA... by
    its extension) that did not read as arggraph JSON: what to do instead; ``None``
    for a ``.json`` file or an extension no format reads."""
    from ..errors import InputError
    from ..formats import registry

    fmt = registry.by_read_extension(path) if not path.endswith(".json") else None
    if fmt is None:
        return None
    return InputError(
        f"{fmt.name} by its extension, not arggraph JSON, which this command reads",
        path=path,
        hint=f"convert it with `arggraph import {path} -o GRAPH.json`, or open it as it "
        "is with `arggraph tui`",
    )


def result_header(
    graph: Graph, semantics: str, *, tolerance: float | None = None
) -> dict[str, Any]:
    """What a JSON result starts with, so it says what produced it: arggraph's version,
    the graph's id and the SHA-256 of its file's bytes (``null`` for a graph read from
    another format), the semantics, and for a gradual semantics the tolerance its
    strengths are exact to (cyclic graphs are iterated to it).

    >>> from arggraph.io import loads
    >>> h = result_header(loads('{"id": "g"}'), "dfquad", tolerance=1e-9)
    >>> sorted(h), h["graph_sha256"][:12], h["tolerance"]
    (['arggraph', 'graph', 'graph_sha256', 'semantics', 'tolerance'], 'afb804ddd281', 1e-09)
    """
    from . import package_version

    header: dict[str, Any] = {
        "arggraph": package_version(),
        "graph": graph.id,
        "graph_sha256": graph.stamp.sha256 if graph.stamp is not None else None,
        "semantics": semantics,
    }
    if tolerance is not None:
        header["tolerance"] = tolerance
    return header


def load_sheet(path: str | None, graph: Graph | None = None) -> ScoreSheet | None:
    """Load a ``--scores`` sheet, checking that it names the graph it is applied to, and
    carry it over to the graph's ids when an id map ships beside the graph (a note on
    stderr says what moved; :mod:`arggraph.renames`)."""
    if path is None:
        return None
    from ..io import load_scores
    from ..sheets import check_sheet

    sheet = load_scores(path)
    if graph is not None:
        check_sheet(graph, sheet, path)
        from ..renames import follow

        sheet, moved = follow(sheet, graph)
        if moved:
            print(
                f"arggraph: note: {path}: follows the graph's new version: {moved.describe()}",
                file=sys.stderr,
            )
    return sheet


def add_max_arguments(parser: Any) -> None:
    """The ``--max-arguments N`` option of the commands that read i23 files."""
    from ..formats.registry import MAX_ARGUMENTS

    parser.add_argument(
        "--max-arguments",
        type=whole_number(0),
        metavar="N",
        help="how many arguments an i23 header ('p af N') may declare "
        f"(default {MAX_ARGUMENTS:,}): it may declare arguments no line mentions, so a "
        "tiny file could otherwise ask for billions",
    )


def add_gradual_semantics(parser: Any, what: str = "", more: str = "") -> None:
    """The ``--semantics`` option of a command that scores: the gradual semantics of the
    registry's table, its first the default; help ``the gradual semantics WHAT (default
    NAME)MORE``."""
    from ..semantics.registry import GRADUAL

    default = next(iter(GRADUAL))
    parser.add_argument(
        "--semantics",
        choices=list(GRADUAL),
        default=default,
        help=f"the gradual semantics{what} (default {default}){more}",
    )


def whole_number(minimum: int = 0) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number of at least ``minimum``, one message for
    every option that takes a count.

    >>> whole_number(1)("3")
    3
    >>> whole_number(1)("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number of at least 1, not '0'
    """
    import argparse

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number of at least {minimum}, not {text!r}"
            )
        return value

    return parse


def emit(text: str) -> None:
    """Write a result to stdout (results only: messages go to stderr)."""
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()


def emit_json(value: Any) -> None:
    """Write a JSON result to stdout (inert on a terminal: :func:`arggraph.jsonio.dumps`)."""
    from ..jsonio import dumps

    emit(dumps(value))


def say(message: str) -> None:
    r"""Write one message to stderr as ``arggraph: MESSAGE``, on one line, with whatever
    it quotes from a file or a path made safe (:func:`arggraph.text.inline`).

    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     say("skipped x\x1b[2J.json")
    >>> err.getvalue()
    'arggraph: skipped x\\x1b[2J.json\n'
    """
    from ..text import inline

    print(f"arggraph: {inline(message)}", file=sys.stderr)


def error_lines(exc: ArggraphError) -> list[str]:
    r"""The lines an error gets on stderr: ``arggraph: error: FILE: PLACE: what``, and its
    hint on a line of its own when the message does not hold it already, each made safe
    (:func:`arggraph.text.inline`). For work that prints elsewhere (a worker process's
    messages are printed by the command, in order).

    >>> from arggraph.errors import UsageError
    >>> error_lines(UsageError("no \x1b[2Jsuch rule", hint="see arggraph rules"))
    ['arggraph: error: no \\x1b[2Jsuch rule', '  hint: see arggraph rules']
    """
    from ..text import inline

    lines = [f"arggraph: error: {inline(str(exc))}"]
    if exc.hint and exc.hint not in str(exc):
        lines.append(f"  hint: {inline(exc.hint)}")
    return lines


def print_error(exc: ArggraphError) -> None:
    """The one message an error gets on stderr (:func:`error_lines`)."""
    for line in error_lines(exc):
        print(line, file=sys.stderr)


def refuse_output_over_input(args: argparse.Namespace, inputs: Sequence[str] = ()) -> None:
    """Refuse ``-o OUT`` when OUT is a file the command reads: the graph, a score sheet,
    any file named on the command line (through a link too), or one of ``inputs`` (the
    files a command found in a folder). The result would replace its own input.

    Raises :class:`~arggraph.errors.UsageError` (exit 2) naming both."""
    from ..atomic import same_file
    from ..errors import UsageError

    out = getattr(args, "output", None)
    if not isinstance(out, str) or out in ("", "-") or not os.path.isfile(out):
        return
    given: list[str] = list(inputs)
    for name, value in vars(args).items():
        if name != "output":
            given += [
                v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)
            ]
    for path in given:
        if path not in ("", "-") and os.path.isfile(path) and same_file(Path(path), Path(out)):
            raise UsageError(
                f"-o {out} is {path}, which this command reads: the result would replace it",
                hint="write the result to another file",
            )


def write_result(data: bytes | str, out: str | None) -> None:
    """Write to ``-o OUT`` atomically, or to stdout when ``out`` is None or ``-``.

    On a person's terminal (:func:`to_terminal`) a text result has its control
    characters shown as escapes (:func:`arggraph.text.terminal_safe`), so that text from
    a file (a claim in an Argdown or DOT export) cannot drive the terminal; a pipe or a
    file gets the bytes as they are, lossless."""
    if to_terminal(out):
        from ..text import terminal_safe

        text = data if isinstance(data, str) else _text_or_none(data)
        if text is not None:
            data = terminal_safe(text)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out is None or out == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    atomic_write(Path(out), raw)


def _text_or_none(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def to_terminal(out: str | None = None) -> bool:
    """Whether a result goes to a person's terminal: no ``-o OUT`` (or ``-o -``) and
    stdout is a tty. Only then may a table cut ids and texts to the terminal's width;
    a pipe or a file gets them whole, to paste into the next command or a sheet."""
    if out is not None and out != "-":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width() -> int:
    """The terminal's width in columns (100 when it cannot be told)."""
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def stderr_is_terminal() -> bool:
    """Progress and colour go to stderr only when a person is watching it."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress(Steps, Protocol):
    """What a task reports its progress through: a :class:`arggraph.steps.Steps` that
    can also say what it is doing."""

    def describe(self, text: str) -> None: ...


class _Silent:
    def total(self, count: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def describe(self, text: str) -> None:
        pass


class _RichProgress:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress = progress
        self._task = task

    def total(self, count: int) -> None:
        """A new stage of ``count`` steps: the bar starts again from none done."""
        self._progress.reset(self._task, total=count)

    def advance(self, steps: int = 1) -> None:
        self._progress.advance(self._task, steps)

    def describe(self, text: str) -> None:
        self._progress.update(self._task, description=_bar_text(text))


def _bar_text(text: str) -> str:
    """A description as the bar shows it: on one line, control characters and Rich
    markup escaped (it names files and claims, which are data)."""
    from rich.markup import escape

    from ..text import one_line

    return escape(one_line(text))


@contextmanager
def progress(description: str, total: float | None = None) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal; nothing when it is not.

    Pipes stay clean: with stderr redirected the yielded object silently ignores calls.
    ``description`` (and what ``describe`` is given) is plain text: file names and ids
    in it are escaped here for the terminal and for Rich's markup.
    """
    if not stderr_is_terminal():
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import Progress as RichProgress

    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with RichProgress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(_bar_text(description), total=total)
        yield _RichProgress(bar, task)
