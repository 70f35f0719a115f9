"""``arggraph check GRAPH...``: lint argument graphs, for people, scripts and CI.

Exit codes: 0 when no finding reaches ``--fail-on`` (default ``error``), 1 when one
does, 2 when a graph (or an option, or the settings) cannot be used; the other graphs
are still checked and reported.

Output goes to stdout (or ``-o OUT``): findings in the chosen format and, for text, a
summary line, as ruff prints its summary with its report: the report is the result, and
``> report.txt`` should keep all of it. Errors about unusable input, and the progress
bar when many files are checked on a terminal, go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checks._lines import LineIndex
    from ..checks.config import CheckConfig
    from ..checks.documents import DocumentStore
    from ..checks.finding import FindingRun
    from ..checks.report import FileReport, Format
    from ..checks.runner import Found
    from ..errors import InputError
    from .common import Progress


def register(sub: Any) -> None:
    from .common import whole_number

    p = sub.add_parser(
        "check",
        help="lint graphs: structure, provenance, reasoning (rule codes, CI formats)",
        description="Check argument graphs for faults: dangling or duplicate ids, circular "
        "support, claims cut off from the question, missing or wrong provenance (quotes "
        "not in their documents with --documents), actors contradicting themselves. "
        "Each finding has a rule code; `arggraph rules` lists them. Settings can live "
        "under [tool.arggraph.check] in the nearest pyproject.toml.",
        epilog="Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 a graph or an "
        "option could not be used. CODES are comma-separated codes (S003), prefixes (S, "
        "P0), rule names or ALL; the most specific selector wins, ignore wins a tie.",
    )
    p.add_argument(
        "graphs",
        nargs="+",
        metavar="GRAPH",
        help="arggraph/1 JSON files, or folders to search for them",
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "sarif", "github"],
        default="text",
        help="text (default), json (a list of findings), sarif (SARIF 2.1.0, "
        "for code scanning) or github (workflow annotations)",
    )
    p.add_argument(
        "--documents",
        metavar="DIR",
        help="folder of the documents' texts: verify every quote against it",
    )
    p.add_argument(
        "--select", metavar="CODES", help="the rules to run (default ALL, or the settings' select)"
    )
    p.add_argument(
        "--extend-select", metavar="CODES", help="rules to run in addition to the selected ones"
    )
    p.add_argument("--ignore", metavar="CODES", help="rules not to run")
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="the least severity that makes the exit code 1 (default error)",
    )
    p.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings reach --fail-on (2 still means an unusable graph)",
    )
    p.add_argument(
        "--no-config",
        action="store_true",
        help="ignore [tool.arggraph.check] in pyproject.toml files",
    )
    p.add_argument(
        "--graphs-only",
        action="store_true",
        help='skip files that do not declare an arggraph format ("format": '
        '"arggraph/1") instead of failing on them, as is done for files found in '
        "folders (for pre-commit hooks); skipped files are counted in the summary",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="name each skipped file on stderr, and why it was skipped",
    )
    p.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule has instead of the findings (as text, or "
        "with --format json as a JSON list)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=whole_number(1),
        metavar="N",
        help="check up to N files at once, each in a process of its own (default: one a "
        "core, when the files come to more than 32 MB; 1 checks them one by one here)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the report to OUT (atomically) instead of stdout",
    )
    p.set_defaults(run=run)


#: How many ids of a finding a terminal shows; a pipe or a file gets them all.
_IDS_SHOWN = 3


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip() for c in value.split(",") if c.strip()]


def _expand(
    paths: list[str],
) -> tuple[list[tuple[str, bool]], list[tuple[str, str]], dict[str, list[str]]]:
    """(file, found-in-a-folder) for each GRAPH: folders are searched for ``*.json``
    files, skipping hidden folders; files found there are checked only if they declare
    an arggraph format (see :func:`_declares_arggraph`). Second, what a folder holds
    under a ``*.json`` name that is no regular file (a named pipe, a device, a socket,
    a link to nothing), with what it is: skipped unread, as reading a pipe could wait
    forever. Third, each folder given with every file found in it (of any name), for
    :func:`_empty_folder` to say what a folder that held no graph held instead."""
    from ..io import file_kind

    out: list[tuple[str, bool]] = []
    special: list[tuple[str, str]] = []
    folders: dict[str, list[str]] = {}
    for given in paths:
        folder = Path(given)
        if not folder.is_dir():
            out.append((given, False))
            continue
        found = []
        every = folders.setdefault(given, [])
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            every += [os.path.join(root, f) for f in files]
            found += [os.path.join(root, f) for f in files if f.endswith(".json")]
        for file in sorted(found):
            kind = file_kind(file)
            if kind is None:
                out.append((file, True))
            else:
                special.append((file, kind))
    return out, special, folders


def _empty_folder(folder: str, files: list[str]) -> InputError:
    """The error for a folder given to check that holds no arggraph graph: a run that
    checks nothing must not pass. It names what the folder holds instead, by format
    (by extension, as ``arggraph import`` reads them), and how to check those: import
    them first.

    >>> e = _empty_folder("maps", ["maps/a.argdown", "maps/b.json", "maps/x"])
    >>> print(e.message)  # doctest: +NORMALIZE_WHITESPACE
    holds no arggraph graph to check (found, by extension: 1 argdown file,
    1 JSON file that declares no arggraph format (AIF or other tools' JSON), 1 other file)
    """
    from collections import Counter

    from ..errors import InputError
    from ..formats import registry

    kinds: Counter[str] = Counter()
    for file in files:
        fmt = None if file.endswith(".json") else registry.by_read_extension(file)
        kinds["JSON" if file.endswith(".json") else fmt.name if fmt else ""] += 1

    def named(kind: str, n: int) -> str:
        noun = "file" if n == 1 else "files"
        if kind == "JSON":
            verb = "declares" if n == 1 else "declare"
            return f"{n} JSON {noun} that {verb} no arggraph format (AIF or other tools' JSON)"
        return f"{n} {kind or 'other'} {noun}"

    # formats by name, then JSON of other kinds, then files no format reads
    order = sorted(kinds, key=lambda k: (k in ("JSON", ""), k == "", k))
    found = ", ".join(named(k, kinds[k]) for k in order)
    return InputError(
        "holds no arggraph graph to check"
        + (f" (found, by extension: {found})" if found else " (it is empty)"),
        path=folder,
        hint="convert another tool's file first with `arggraph import FILE -o GRAPH.json` "
        "(AIF, Argdown, Kialo, GraphML, ICCMA...), then check GRAPH.json; -v names the "
        "files skipped",
    )


def _sniffed(file: str, discovered: bool, graphs_only: bool) -> bool:
    """Whether ``file`` is first looked at to see if it is a graph at all: a file found
    in a folder, or any with ``--graphs-only``; but a named file that is no regular file
    (a pipe, a device) is an error, as in every command, even with ``--graphs-only``:
    it is not read."""
    from ..io import file_kind

    if discovered:
        return True
    return graphs_only and not (os.path.exists(file) and file_kind(file))


def _declares_arggraph(file: str) -> str | None:
    """None when a file declares an arggraph graph format (``"format": "arggraph/1"``,
    or a later ``arggraph/N``, which the loader then names), else why it is skipped.

    A file that cannot be parsed but mentions ``"arggraph/`` is taken for a broken
    graph, so the loader says what is wrong with it; an unreadable or empty file, one
    that is not JSON, or JSON without the format (a score sheet, ``package.json``, a
    bare framework) is skipped. Only regular files are read (see
    :func:`~arggraph.io.read_bytes`): a named pipe, a device or a socket is skipped
    without being opened for reading.
    """
    from ..errors import ArggraphError
    from ..io import decode_text, read_bytes
    from ..jsonio import parse_json

    try:
        data = read_bytes(file, allow_empty=True)
    except ArggraphError as exc:
        return f"cannot be read ({exc.message})"
    if not data.strip():
        return "empty"
    if b"arggraph" not in data:
        return 'declares no "format": "arggraph/1"'
    try:
        parsed = parse_json(decode_text(data, file), path=file)
    except ArggraphError:
        return None  # it mentions the format: let the loader say what is wrong
    fmt = parsed.get("format") if isinstance(parsed, dict) else None
    if isinstance(fmt, str) and fmt.startswith("arggraph/"):
        return None
    if isinstance(fmt, str):
        return f"its format is {fmt!r}, not an arggraph graph"
    return 'declares no "format": "arggraph/1"'


def _colour() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


#: Below this many bytes of graphs, starting processes costs more than it saves: a
#: worker's start (a process, its imports) costs some 0.3 s, and a check reads some 17 MB
#: a second on one core (eight 10k-claim graphs, 24 MB, measured slower in two processes
#: than in one).
_PARALLEL_BYTES = 32 << 20


@dataclass(frozen=True)
class _Options:
    """What checking one file needs from the command line (sent to worker processes)."""

    select: list[str] | None
    ignore: list[str]
    extend: list[str]
    documents: str | None
    no_config: bool
    graphs_only: bool
    statistics: bool
    format: str
    colour: bool
    id_limit: int | None
    version: str
    fail_on: str | None


@dataclass
class _Outcome:
    """One file checked in a worker: its report, its items and its messages."""

    report: FileReport
    items: list[list[str]]
    messages: list[str]


class _FileChecker:
    """Checks files one at a time in this process, with the settings and document
    folders found so far."""

    def __init__(self, options: _Options) -> None:
        from ..checks.report import FORMATS

        assert options.format in FORMATS
        self.options = options
        self.configs: dict[Path, CheckConfig] = {}
        self.stores: dict[Path, DocumentStore] = {}
        self.format = _make_format(options)

    def store_for(self, folder: Path | None) -> DocumentStore | None:
        from ..checks.documents import DocumentStore

        if folder is None:
            return None
        key = folder.resolve()
        if key not in self.stores:
            self.stores[key] = DocumentStore(folder)
        return self.stores[key]

    def check(
        self, file: str, discovered: bool, say: Callable[[str], object]
    ) -> tuple[FileReport | None, Iterator[list[str]], str | None]:
        """The report of ``file`` (filled in as its items are consumed), its items, and
        why it was skipped (then no report), or ``(None, empty, why)``."""
        from ..checks.report import FileReport

        opts = self.options
        if _sniffed(file, discovered, opts.graphs_only):
            why = _declares_arggraph(file)
            if why is not None:
                return None, iter(()), why
        report = FileReport(file)
        return report, self._items(report, say), None

    def _items(self, report: FileReport, say: Callable[[str], object]) -> Iterator[list[str]]:
        """Load the file and start its check: the items come as they are consumed."""
        from ..checks.config import CheckConfig, find_config
        from ..checks.registry import select_rules
        from ..checks.report import load_problems
        from ..checks.runner import iter_found
        from ..errors import ArggraphError, JSONSyntaxError
        from ..io import loads, read_bytes
        from .common import other_format

        opts, file = self.options, report.file
        data: bytes | None = None
        try:
            data = read_bytes(file)
            cfg = CheckConfig() if opts.no_config else find_config(file, self.configs)
            enabled = select_rules(
                opts.select if opts.select is not None else cfg.select,
                [*cfg.ignore, *opts.ignore],
                [*opts.extend] if opts.select is not None else [*cfg.extend_select, *opts.extend],
            )
            folder = Path(opts.documents) if opts.documents else cfg.documents
            try:
                graph = loads(data, path=file, strict=False, provenance=True)
            except JSONSyntaxError as exc:  # an Argdown file, say: what to do instead
                raise other_format(file) or exc from None
            store = self.store_for(folder)
        except ArggraphError as exc:
            report.error = str(exc)
            report.problems = load_problems(exc, file, data)
            report.hint = exc.hint
            for line in _problem_lines(report):
                say(line)
            return iter([self.format.error_items(report)])
        report.unverified = (
            folder is None
            and "P006" in enabled
            and graph.columns is None  # (a plain graph has no attribution)
            and any(a.quote for c in graph.model.claims for a in c.attributions)
        )
        fail_on = opts.fail_on or cfg.fail_on or "error"
        findings = iter_found(graph, enabled, store)
        return _rendered(report, findings, data, self.format, opts, fail_on)


def _problem_lines(report: FileReport) -> list[str]:
    r"""The lines on stderr for a file that could not be checked: one a problem,
    ``arggraph: error: FILE:LINE:COLUMN: PLACE: what`` (made safe for a terminal), and
    the hint under them.

    >>> from arggraph.checks.report import FileReport, LoadProblem
    >>> r = FileReport("g.json", error="...", hint="see the format")
    >>> r.problems = [LoadProblem("g.json", "a", "bad\x1b[2J", 2, 7)]
    >>> r.problems.append(LoadProblem("g.json", None, "no b"))
    >>> for line in _problem_lines(r):
    ...     print(line)
    arggraph: error: g.json:2:7: a: bad\x1b[2J
    arggraph: error: g.json: no b
      hint: see the format
    """
    from ..text import inline

    lines = [f"arggraph: error: {p.where()}: {inline(p.message)}" for p in report.problems]
    if report.hint and not any(report.hint in p.message for p in report.problems):
        lines.append(f"  hint: {inline(report.hint)}")
    return lines


#: Items of a run of findings made at a time, so a run of a million findings is never
#: all text at once. Small enough that each batch's text is made in memory the process
#: already holds: with 65,536 a batch, page faults for each new batch's text cost
#: 0.2 s of system time on a 1.2-million-finding report.
_RUN_CHUNK = 1 << 12
#: Items gathered before they are passed on to be written.
_BATCH = 2048


class _RunItems:
    """The items of the parts of rules' runs (:class:`FindingRun`), made a chunk of
    :data:`_RUN_CHUNK` findings of a run at a time.

    A chunk that a part holds whole is written as one text (the format's
    :meth:`~arggraph.checks.report.Format.run_text`: P002's on a plain graph, say). A run
    met by other rules' findings on many of its items (P001 by S006 and R004) is cut into
    parts of a few findings each: the items of a chunk are made at once (one list, one
    line lookup) rather than for each part, and a part takes its slice. Parts come in
    file order, so only the chunk at hand is kept.
    """

    def __init__(self, fmt: Format, report: FileReport, index: LineIndex) -> None:
        self._render_run, self._run_text = fmt.run_renderer(report), fmt.run_text(report)
        self._index = index
        self._lists: object = None  # the ids of the run whose chunk is at hand
        self._lo = self._hi = 0
        self._items: list[str] = []

    def parts(self, run: FindingRun) -> Iterator[tuple[list[str], int]]:
        """The items of ``run``, a list for each chunk it reaches (one text for a whole
        chunk), with the number of findings each holds."""
        at, stop = run.start, run.stop
        while at < stop:
            if run.ids is not self._lists or not self._lo <= at < self._hi:
                lo = at - at % _RUN_CHUNK
                chunk = run.span(lo, min(lo + _RUN_CHUNK, len(run.positions)))
                lines = self._index.item_lines(chunk.section, chunk.positions_shown())
                if at == lo and stop >= chunk.stop:
                    yield [self._run_text(chunk, lines)], len(chunk)
                    at = chunk.stop
                    continue
                self._items = self._render_run(chunk, lines)
                self._lists, self._lo, self._hi = run.ids, chunk.start, chunk.stop
            end = min(stop, self._hi)
            yield self._items[at - self._lo : end - self._lo], end - at
            at = end


def _rendered(
    report: FileReport,
    findings: Iterator[Found],
    data: bytes,
    fmt: Format,
    opts: _Options,
    fail_on: str,
) -> Iterator[list[str]]:
    """The findings' items, a list at a time (an item may be the text of many items,
    joined), counted into ``report`` as they pass; with ``--statistics`` only counted.
    The file is scanned for lines when the first finding comes."""
    from ..checks._lines import LineIndex
    from ..checks.finding import FindingRun, severity_at_least
    from ..checks.registry import RULES

    codes: dict[str, int] = {}
    limit = opts.id_limit
    try:
        if opts.statistics:
            for f in findings:
                codes[f.code] = codes.get(f.code, 0) + (len(f) if isinstance(f, FindingRun) else 1)
            return
        render = fmt.renderer(report)
        index: LineIndex | None = None
        runs: _RunItems | None = None
        pending: list[str] = []
        held = 0  # the findings whose items are pending
        for f in findings:
            if index is None:
                index = LineIndex(data)
                runs = _RunItems(fmt, report, index)
            if isinstance(f, FindingRun):
                assert runs is not None
                codes[f.code] = codes.get(f.code, 0) + len(f)
                for items, count in runs.parts(f):
                    if count < _BATCH:  # (a part cut short by another rule's finding)
                        pending += items
                        held += count
                        if held < _BATCH:
                            continue
                        items, pending, held = pending, [], 0
                    elif pending:
                        yield pending
                        pending, held = [], 0
                    yield items
                continue
            codes[f.code] = codes.get(f.code, 0) + 1
            if limit is not None and len(f.ids) > limit:
                report.cut = True
            pending.append(render(f, index.line(f.path)))
            held += 1
            if held >= _BATCH:
                yield pending
                pending, held = [], 0
        if pending:
            yield pending
    finally:
        report.codes.update(codes)
        for code, n in codes.items():  # a finding has its rule's severity
            report.severities[RULES[code].severity] += n
        report.failing = any(severity_at_least(sev, fail_on) for sev in report.severities)


def _make_format(options: _Options) -> Format:
    from ..checks.report import GithubFormat, JsonFormat, SarifFormat, TextFormat

    if options.format == "json":
        return JsonFormat()
    if options.format == "sarif":
        return SarifFormat(version=options.version)
    if options.format == "github":
        return GithubFormat()
    return TextFormat(colour=options.colour, id_limit=options.id_limit)


_WORKER: _FileChecker | None = None


def _check_in_worker(options: _Options, file: str) -> _Outcome:
    """Check one file in a worker process: the items made, the messages kept for the
    parent to print in order."""
    global _WORKER
    if _WORKER is None or _WORKER.options != options:
        _WORKER = _FileChecker(options)
    messages: list[str] = []
    report, items, why = _WORKER.check(file, False, messages.append)
    assert report is not None and why is None
    # The items joined as the report writes them, into one string: sent back as one
    # block of text rather than a string an item (unpickling 400,000 small strings in
    # the parent took about as long as the check itself).
    separator = _WORKER.format.separator
    text = separator.join(separator.join(chunk) for chunk in items if chunk)
    return _Outcome(report, [[text]] if text else [], messages)


def run(args: argparse.Namespace) -> int:
    from ..checks.registry import expand_selector
    from ..checks.report import ReportWriter, render_statistics, summary_line
    from ..errors import UsageError
    from .common import (
        cut_note,
        print_error,
        progress,
        refuse_output_over_input,
        say,
        to_terminal,
        write_result,
    )

    select, ignore = _codes(args.select), _codes(args.ignore) or []
    extend = _codes(args.extend_select) or []
    for option, given in (
        ("--select", select or []),
        ("--ignore", ignore),
        ("--extend-select", extend),
    ):
        for sel in given:  # a wrong selector is a usage error, before any work
            try:
                expand_selector(sel)
            except UsageError as exc:
                raise UsageError(f"{option}: {exc.message}", hint=exc.hint) from None
    if select == []:
        raise UsageError("--select names no rule")
    if args.statistics and args.format not in ("text", "json"):
        raise UsageError(f"--statistics is written as text or json, not {args.format}")
    files, special, folders = _expand(args.graphs)
    refuse_output_over_input(args, [file for file, _ in files])  # (a graph found in a folder)
    for file, kind in special:
        say(f"warning: skipped {file}: {kind}")
    cut = to_terminal(args.output)
    options = _Options(
        select=select,
        ignore=ignore,
        extend=extend,
        documents=args.documents,
        no_config=args.no_config,
        graphs_only=args.graphs_only,
        statistics=args.statistics,
        format=args.format,
        colour=_colour() and args.output is None,
        id_limit=_IDS_SHOWN if cut and args.format == "text" else None,
        version=_version() if args.format == "sarif" else "unknown",
        fail_on=args.fail_on,
    )
    checker = _FileChecker(options)
    if args.documents is not None:
        checker.store_for(Path(args.documents))  # a missing folder is a usage error, exit 2

    # The report streams to stdout as the findings come; -o OUT is written at once, at
    # the end, so that it is replaced atomically.
    chunks: list[str] = []
    stdout = args.output is None or args.output == "-"
    write = sys.stdout.write if stdout and not args.statistics else chunks.append
    writer = ReportWriter(checker.format, write)
    reports: list[FileReport] = []
    skipped: list[tuple[str, str]] = []
    emit = functools.partial(print, file=sys.stderr)
    with progress("checking", total=len(files)) as bar:
        for report, items, why, file in _checked(files, checker, args.jobs, bar, emit):
            if report is None:
                skipped.append((file, why or ""))
                continue
            if args.statistics:
                for _ in items:
                    pass
            else:
                writer.put(items)
            reports.append(report)
    failing = any(r.failing for r in reports)
    seen = {r.file for r in reports}
    empty = [folder for folder, found in folders.items() if seen.isdisjoint(found)]
    for folder in empty:  # a run that checks nothing must not pass
        print_error(_empty_folder(folder, folders[folder]))
    if args.statistics:
        out = render_statistics(reports, args.format)
        if args.format == "text":
            out += summary_line(reports, len(skipped) + len(special)) + "\n"
        chunks = [out]
    else:
        writer.close(reports)
        if args.format == "text":
            tail = ""
            if cut and any(r.cut for r in reports):
                tail += cut_note("json") + "\n"
            tail += summary_line(reports, len(skipped) + len(special)) + "\n"
            if any(r.unverified for r in reports):
                tail += "Quotes were not verified: give --documents DIR to check them.\n"
            write(tail)
    if args.verbose:
        for file, why in skipped:
            say(f"skipped {file}: {why}")
    if stdout and not args.statistics:
        sys.stdout.flush()
    else:
        write_result("".join(chunks), args.output)
    if empty or any(r.error is not None for r in reports):
        return 2
    return 0 if args.exit_zero or not failing else 1


def _checked(
    files: list[tuple[str, bool]],
    checker: _FileChecker,
    jobs: int | None,
    bar: Progress,
    say: Callable[[str], object],
) -> Iterator[tuple[FileReport | None, Iterator[list[str]], str | None, str]]:
    """Each file's report and items, in the order given; files that need no discovery
    are checked in worker processes when that pays (see ``--jobs``)."""
    workers = _workers(files, jobs)
    if workers <= 1:
        for file, discovered in files:
            bar.describe(f"checking {file}")
            report, items, why = checker.check(file, discovered, say)
            yield report, items, why, file
            bar.advance()
        return
    yield from _checked_in_processes(files, checker, workers, bar, say)


def _workers(files: list[tuple[str, bool]], jobs: int | None) -> int:
    """How many processes to check ``files`` with."""
    if len(files) < 2 or jobs == 1:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if jobs is None:
        size = 0
        for file, _ in files:
            with contextlib.suppress(OSError):
                size += os.stat(file).st_size
        if size < _PARALLEL_BYTES:
            return 1
        jobs = cores or 1
    return min(jobs, len(files))


#: What a worker needs, imported by the process its workers are forked from.
_PRELOAD = [
    __name__,
    "arggraph.io",
    "arggraph.checks.runner",
    "arggraph.checks.report",
    "arggraph.checks._lines",
    "arggraph.semantics.dung",
    "scipy.sparse.csgraph",
]


def _checked_in_processes(
    files: list[tuple[str, bool]],
    checker: _FileChecker,
    workers: int,
    bar: Progress,
    say: Callable[[str], object],
) -> Iterator[tuple[FileReport | None, Iterator[list[str]], str | None, str]]:
    """Check files in ``workers`` processes; yield their outcomes in input order as
    they are ready. Whether a file found in a folder is a graph is decided here first
    (it reads little of most files)."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # import once in the server, not in every worker
        context.set_forkserver_preload(_PRELOAD)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: list[tuple[str, Future[_Outcome] | str]] = []
        for file, discovered in files:
            sniff = _sniffed(file, discovered, checker.options.graphs_only)
            why = _declares_arggraph(file) if sniff else None
            if why is not None:
                pending.append((file, why))
                bar.advance()
                continue
            future = pool.submit(_check_in_worker, checker.options, file)
            future.add_done_callback(lambda _: bar.advance())
            pending.append((file, future))
        for file, job in pending:
            if isinstance(job, str):
                yield None, iter(()), job, file
                continue
            outcome = job.result()
            for message in outcome.messages:
                say(message)
            yield outcome.report, iter(outcome.items), None, file


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arggraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"
