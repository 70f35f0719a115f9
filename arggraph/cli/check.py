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
        help="skip JSON files that are not arggraph/1 graphs instead of failing "
        "on them (for pre-commit hooks; implied for files found in folders)",
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


def _codes(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip() for c in value.split(",") if c.strip()]


def _expand(paths: list[str]) -> list[tuple[str, bool]]:
    """(file, found-in-a-folder) for each GRAPH: folders are searched for ``*.json``
    files, skipping hidden folders; files found there are checked only if they are
    arggraph graphs."""
    out: list[tuple[str, bool]] = []
    for given in paths:
        folder = Path(given)
        if not folder.is_dir():
            out.append((given, False))
            continue
        found = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, f) for f in files if f.endswith(".json")]
        out += [(f, True) for f in sorted(found)]
    return out


def _is_graph(data: bytes) -> bool:
    """Whether a JSON file says it is an arggraph/1 graph (cheap test first)."""
    if b"arggraph/1" not in data:
        return False
    import json

    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return True  # it mentions the format: let the loader say what is wrong
    return isinstance(parsed, dict) and parsed.get("format") == "arggraph/1"


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
    from ..io import decode_text, loads, read_bytes
    from ..locate import JsonLocator
    from .common import progress, write_result

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
    files = _expand(args.graphs)
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
    failing = False
    unverified = False
    with progress("checking", total=len(files)) as bar:
        for file, discovered in files:
            bar.describe(f"checking {terminal_name(file)}")
            try:
                data = read_bytes(file)
                if (discovered or args.graphs_only) and not _is_graph(data):
                    bar.advance()
                    continue
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
                print(f"arggraph: error: {exc}", file=sys.stderr)
                if exc.hint and exc.hint not in str(exc):
                    print(f"  hint: {exc.hint}", file=sys.stderr)
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
            out += summary_line(reports) + "\n"
    elif args.format == "json":
        out = render_json(reports)
    elif args.format == "sarif":
        out = render_sarif(reports, version=_version())
    elif args.format == "github":
        out = render_github(reports)
    else:
        out = render_text(reports, colour=_colour() and args.output is None)
        out += summary_line(reports) + "\n"
        if unverified:
            out += "Quotes were not verified: give --documents DIR to check them.\n"
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
