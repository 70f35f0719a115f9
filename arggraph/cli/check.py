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
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checks.config import CheckConfig
    from ..checks.documents import DocumentStore
    from ..checks.report import FileReport


def register(sub: Any) -> None:
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
        help="print how many findings each rule has instead of the findings",
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


def _expand(paths: list[str]) -> tuple[list[tuple[str, bool]], list[tuple[str, str]]]:
    """(file, found-in-a-folder) for each GRAPH: folders are searched for ``*.json``
    files, skipping hidden folders; files found there are checked only if they declare
    an arggraph format (see :func:`_declares_arggraph`). Second, what a folder holds
    under a ``*.json`` name that is no regular file (a named pipe, a device, a socket,
    a link to nothing), with what it is: skipped unread, as reading a pipe could wait
    forever."""
    from ..io import file_kind

    out: list[tuple[str, bool]] = []
    special: list[tuple[str, str]] = []
    for given in paths:
        folder = Path(given)
        if not folder.is_dir():
            out.append((given, False))
            continue
        found = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, f) for f in files if f.endswith(".json")]
        for file in sorted(found):
            kind = file_kind(file)
            if kind is None:
                out.append((file, True))
            else:
                special.append((file, kind))
    return out, special


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


def run(args: argparse.Namespace) -> int:
    from ..checks.config import CheckConfig, find_config
    from ..checks.documents import DocumentStore
    from ..checks.finding import severity_at_least
    from ..checks.registry import expand_selector, select_rules
    from ..checks.report import (
        FileReport,
        render_github,
        render_json,
        render_sarif,
        render_statistics,
        render_text,
        summary_line,
    )
    from ..checks.runner import run_checks
    from ..errors import ArggraphError, UsageError
    from ..io import decode_text, file_kind, loads, read_bytes
    from ..locate import JsonLocator
    from .common import cut_note, print_error, progress, say, to_terminal, write_result

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
    files, special = _expand(args.graphs)
    for file, kind in special:
        say(f"warning: skipped {file}: {kind}")
    if not files:
        print(
            "arggraph: warning: no argument graphs found under the given folders", file=sys.stderr
        )
    configs: dict[Path, CheckConfig] = {}
    stores: dict[Path, DocumentStore] = {}

    def store_for(folder: Path | None) -> DocumentStore | None:
        if folder is None:
            return None
        key = folder.resolve()
        if key not in stores:
            stores[key] = DocumentStore(folder)
        return stores[key]

    if args.documents is not None:
        store_for(Path(args.documents))  # a missing folder is a usage error, exit 2
    reports: list[FileReport] = []
    skipped: list[tuple[str, str]] = []
    failing = False
    unverified = False
    with progress("checking", total=len(files)) as bar:
        for file, discovered in files:
            bar.describe(f"checking {terminal_name(file)}")
            # A named file that is no regular file (a pipe, a device) is an error, as
            # in every command, even with --graphs-only: it is not read.
            named_special = not discovered and os.path.exists(file) and file_kind(file)
            if discovered or (args.graphs_only and not named_special):
                why = _declares_arggraph(file)
                if why is not None:
                    skipped.append((file, why))
                    bar.advance()
                    continue
            try:
                data = read_bytes(file)
                cfg = CheckConfig() if args.no_config else find_config(file, configs)
                enabled = select_rules(
                    select if select is not None else cfg.select,
                    [*cfg.ignore, *ignore],
                    [*extend] if select is not None else [*cfg.extend_select, *extend],
                )
                folder = Path(args.documents) if args.documents else cfg.documents
                graph = loads(data, path=file, strict=False)
                findings = run_checks(graph, enabled, store_for(folder))
            except ArggraphError as exc:
                print_error(exc)
                reports.append(FileReport(file, error=exc))
                bar.advance()
                continue
            if (
                folder is None
                and "P006" in enabled
                and any(a.quote for c in graph.model.claims for a in c.attributions)
            ):
                unverified = True
            fail_on = args.fail_on or cfg.fail_on or "error"
            failing |= any(severity_at_least(f.severity, fail_on) for f in findings)
            report = FileReport(file, findings)
            if findings and not args.statistics:
                locator = JsonLocator(decode_text(data, file))
                report.lines = {f.path: locator.line(f.path) for f in findings}
            reports.append(report)
            bar.advance()

    if args.statistics:
        out = render_statistics(reports)
        if args.format == "text":
            out += summary_line(reports, len(skipped) + len(special)) + "\n"
    elif args.format == "json":
        out = render_json(reports)
    elif args.format == "sarif":
        out = render_sarif(reports, version=_version())
    elif args.format == "github":
        out = render_github(reports)
    else:
        cut = to_terminal(args.output)
        out = render_text(
            reports, colour=_colour() and args.output is None, id_limit=_IDS_SHOWN if cut else None
        )
        if cut and any(len(f.ids) > _IDS_SHOWN for r in reports for f in r.findings):
            out += cut_note("json") + "\n"
        out += summary_line(reports, len(skipped) + len(special)) + "\n"
        if unverified:
            out += "Quotes were not verified: give --documents DIR to check them.\n"
    if args.verbose:
        for file, why in skipped:
            say(f"skipped {file}: {why}")
    write_result(out, args.output)
    if any(r.error is not None for r in reports):
        return 2
    return 0 if args.exit_zero or not failing else 1


def terminal_name(file: str) -> str:
    """A file name made safe for the progress line (control characters and Rich markup
    escaped)."""
    from rich.markup import escape

    from ..text import one_line

    return escape(one_line(file))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arggraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"
