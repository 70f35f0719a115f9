"""Printing findings: text for people, JSON for scripts, SARIF for code scanning, and
GitHub workflow annotations.

Reports are written as the findings come, so a check with a million findings never
holds them (or their text) all at once. A format (:data:`FORMATS`) makes the text of
each finding (an *item*: a line for text and annotations, an object for JSON and SARIF)
from the finding and the line of its JSON path; :class:`ReportWriter` puts the items of
each file in order between the format's head and tail, which may depend on every file's
:class:`FileReport` (the counts of findings, the files that could not be checked). The
items of one file can be made in another process and written here.

Every text from a file or a path (ids, messages, file names) is escaped here for each
format, through :mod:`arggraph.text`: control characters for text, and for annotations
too, with the workflow commands' own percent-encoding. JSON and SARIF are written as
:func:`arggraph.jsonio.dumps` writes the whole document (which escapes what a terminal
would obey), piece by piece.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol
from urllib.parse import quote

from ..jsonio import dumps, encode_string
from ..text import github_data, github_property, identifier, inline, is_plain_id
from ._formatted import Formatted, format_block
from .context import flat
from .finding import SEVERITIES, Finding, FindingRun
from .registry import RULES

if TYPE_CHECKING:
    from ..errors import ArggraphError

__all__ = [
    "FORMATS",
    "FileReport",
    "Format",
    "GithubFormat",
    "JsonFormat",
    "LoadProblem",
    "Located",
    "ReportWriter",
    "RunRenderer",
    "RunText",
    "SarifFormat",
    "TextFormat",
    "dump_json",
    "joined",
    "load_problems",
    "render_statistics",
    "summary_line",
]

#: The code a JSON report gives each problem of a file that could not be checked: no
#: rule's (it cannot be selected or ignored), the title of its GitHub annotation.
UNUSABLE = "unusable-graph"

#: The output formats of ``arggraph check``.
FORMATS = ("text", "json", "sarif", "github")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_COLOUR = {"error": "31", "warning": "33", "info": "36"}


#: A finding and the line its JSON path starts on (``None`` when unknown).
Located = tuple[Finding, int | None]

#: What makes the items of a run of findings (:class:`FindingRun`), given the line of
#: each finding's item.
RunRenderer = Callable[[FindingRun, Sequence[int]], list[str]]

#: What makes the text of a run's items at once: the items joined by the format's
#: separator, given the line of each finding's item.
RunText = Callable[[FindingRun, Sequence[int]], str]


def joined(render_run: RunRenderer, separator: str) -> RunText:
    """A run's text made by joining its items: what a format writes for a whole run
    when it has no faster way, and what its faster way must equal."""

    def run_text(run: FindingRun, lines: Sequence[int]) -> str:
        return separator.join(render_run(run, lines))

    return run_text


def each_finding(render: Callable[[Finding, int | None], str]) -> RunRenderer:
    """A run's items made one finding at a time by ``render``: what a format writes
    for a run when it has no faster way, and what its faster way must equal."""

    def render_run(run: FindingRun, lines: Sequence[int]) -> list[str]:
        return list(map(render, run.findings(), lines))

    return render_run


class LoadProblem(NamedTuple):
    """One reason a file could not be checked: the file it is in (the graph, or the
    settings that apply to it), the place, a JSON path as text (``None`` for a place
    that is only a line, such as malformed JSON's), what is wrong, and where in the
    file's text (1-based line and column, each ``None`` when unknown)."""

    file: str
    place: str | None
    message: str
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        """``FILE:LINE:COLUMN: PLACE``, as compilers and editors write a place (the
        file escaped for a terminal; the parts unknown left out).

        >>> LoadProblem("g.json", "claims[2].date", "not a date", 9, 14).where()
        'g.json:9:14: claims[2].date'
        >>> LoadProblem("g.json", None, "malformed JSON", 3).where()
        'g.json:3'
        """
        text = inline(self.file)
        if self.line is not None:
            text += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return text + (f": {inline(self.place)}" if self.place else "")


def load_problems(exc: ArggraphError, file: str, data: bytes | None = None) -> list[LoadProblem]:
    r"""Every problem of an error that kept a file from loading, each with its line and
    column: a :class:`~arggraph.errors.SchemaError`'s each, any other error as one. A
    place in the graph ``file`` known only as a JSON path is found in ``data`` (its
    bytes, when they could be read) by :class:`~arggraph.locate.JsonLocator`; an error
    about another file (the settings) keeps its own place.

    >>> from arggraph.errors import JSONSyntaxError, SchemaError, SchemaProblem
    >>> err = JSONSyntaxError("malformed JSON", path="g.json", line=2, column=5)
    >>> load_problems(err, "g.json")
    [LoadProblem(file='g.json', place=None, message='malformed JSON', line=2, column=5)]
    >>> err = SchemaError([SchemaProblem("a", "too big", ("a",)), ("b", "missing")])
    >>> [(p.place, p.line, p.column) for p in load_problems(err, "g.json", b'{\n "a": 2}')]
    [('a', 2, 7), ('b', None, None)]
    """
    from ..errors import SchemaError
    from ..locate import JsonLocator, path_steps

    where = exc.path or file
    found: list[tuple[LoadProblem, Sequence[str | int] | None]]
    if isinstance(exc, SchemaError):
        found = [
            (LoadProblem(where, p.place or None, p.message, p.line, p.column), p.json_path)
            for p in exc.problems
        ]
    else:
        place: str | None = exc.place
        steps: Sequence[str | int] | None = exc.json_path
        if place is not None and steps is None and exc.line is not None:
            place = None  # (``line N, column M``: the line and column say it)
        if steps is None and place is not None and exc.line is None and where == file:
            steps = tuple(path_steps(place))
        found = [(LoadProblem(where, place, exc.message, exc.line, exc.column), steps)]
    if where != file:
        data = None  # (a place in the settings, not in the graph's text)
    out = []
    locator: JsonLocator | None = None
    for problem, json_path in found:
        if problem.line is None and json_path is not None and data is not None:
            at: tuple[int, int] | tuple[None, None]
            try:
                locator = locator or JsonLocator(data.decode("utf-8", "replace"))
                at = locator.position(json_path)
            except (ValueError, IndexError, KeyError):  # (not the JSON it names)
                at = (None, None)
            problem = problem._replace(line=at[0], column=at[1])
        out.append(problem)
    return out


@dataclass
class FileReport:
    """What checking one graph file gave: how many findings of each severity and of
    each rule, or the error that kept it from being checked (as printed)."""

    file: str
    error: str | None = None
    #: Each problem of the error, with its place (:func:`load_problems`), and its hint.
    problems: list[LoadProblem] = field(default_factory=list)
    hint: str | None = None
    severities: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    #: Whether a finding reaches the file's ``--fail-on`` severity.
    failing: bool = False
    #: Whether quotes were left unverified for want of ``--documents``.
    unverified: bool = False
    #: Whether a finding has more ids than the text format showed.
    cut: bool = False


def _plural(n: int, word: str) -> str:
    """``n`` and ``word``, plural when ``n`` is not one; "info" is a mass noun, the one
    word for the lowest severity everywhere (the CLI and the UI).

    >>> _plural(2, "warning"), _plural(3, "info")
    ('2 warnings', '3 info')
    """
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def summary_line(reports: Sequence[FileReport], skipped: int = 0) -> str:
    """``Found 4 findings (1 error, 2 warnings, 1 info) in 2 of 3 files.``, or
    ``All checks passed (3 files).``; files that could not be loaded are counted, and so
    are ``skipped`` files (found in a folder, or given with ``--graphs-only``, that do
    not declare an arggraph format).

    >>> summary_line([FileReport("a.json"), FileReport("b.json", error="b.json: x")])
    '1 file could not be checked; no findings in the other file.'
    >>> summary_line([FileReport("b.json", error="b.json: x")])
    '1 file could not be checked; no other file checked.'
    >>> summary_line([FileReport("a.json")], skipped=2)
    'All checks passed (1 file); 2 files skipped: not arggraph graphs (-v names them).'
    >>> summary_line([], skipped=1)
    'No graph checked; 1 file skipped: not arggraph graphs (-v names them).'
    """
    counts: Counter[str] = Counter()
    for r in reports:
        counts.update(r.severities)
    checked = [r for r in reports if r.error is None]
    failed = len(reports) - len(checked)
    skip = (
        f"; {_plural(skipped, 'file')} skipped: not arggraph graphs (-v names them)"
        if skipped
        else ""
    )
    tail = (f"; {_plural(failed, 'file')} could not be checked" if failed else "") + skip
    total = sum(counts.values())
    if not reports:
        return f"No graph checked{tail}."
    if not total:
        if failed:
            others = "file" if len(checked) == 1 else _plural(len(checked), "file")
            rest = f"no findings in the other {others}"
            if not checked:
                rest = "no other file checked"
            return f"{_plural(failed, 'file')} could not be checked; {rest}{skip}."
        return f"All checks passed ({_plural(len(checked), 'file')}){tail}."
    parts = ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s])
    with_findings = sum(1 for r in checked if sum(r.severities.values()))
    return (
        f"Found {_plural(total, 'finding')} ({parts}) in {with_findings} of "
        f"{_plural(len(checked), 'file')}{tail}."
    )


def _statistics(reports: Sequence[FileReport]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for r in reports:
        counts.update(r.codes)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def render_statistics(reports: Sequence[FileReport], fmt: str = "text") -> str:
    """How many findings of each rule, most frequent first (``--statistics``): a table,
    or with ``fmt="json"`` a JSON list of ``{"code", "name", "severity", "count"}``.

    >>> r = FileReport("g.json", codes=Counter({"P001": 2, "S003": 1}))
    >>> print(render_statistics([r]), end="")
    2  P001  warning  unattributed-claim
    1  S003  error    self-relation
    """
    rows = _statistics(reports)
    if fmt == "json":
        data = [
            {"code": c, "name": RULES[c].name, "severity": RULES[c].severity, "count": n}
            for c, n in rows
        ]
        return dump_json(data) + "\n"
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(
        f"{n:>{width}}  {code}  {RULES[code].severity:<7}  {RULES[code].name}\n" for code, n in rows
    )


def dump_json(value: Any, indent: str = "") -> str:
    """:func:`arggraph.jsonio.dumps` (``indent=2``) for JSON data of dicts, lists,
    strings, integers, booleans and ``None``, as it reads nested at ``indent`` (its
    first line is not indented): written directly, several times faster than the
    standard library's indenting encoder, which has no C version.

    >>> print(dump_json({"ids": ["a"], "line": None, "none": []}))
    {
      "ids": [
        "a"
      ],
      "line": null,
      "none": []
    }
    """
    if isinstance(value, str):
        return encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = ",\n".join(
            f"{inner}{encode_string(key)}: {dump_json(item, inner)}" for key, item in value.items()
        )
        return f"{{\n{members}\n{indent}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = ",\n".join(inner + dump_json(item, inner) for item in value)
        return f"[\n{items}\n{indent}]"
    return dumps(value, indent=None)  # floats, as the standard library writes them


class Format(Protocol):
    """How one output format writes a report."""

    #: What goes before the first item, and between two items.
    opening: str
    separator: str

    def head(self) -> str:
        """What comes before the first item."""

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        """What makes the item of a finding of the file (on the line given)."""

    def run_renderer(self, report: FileReport) -> RunRenderer:
        """What makes the items of a run of findings of the file, as :meth:`renderer`
        makes them one by one."""

    def run_text(self, report: FileReport) -> RunText:
        """What makes the text of a whole run's items, as :meth:`run_renderer` makes
        them, joined by :attr:`separator`."""

    def error_items(self, report: FileReport) -> list[str]:
        """The items that say a file could not be checked, one a problem of
        :attr:`FileReport.problems` (text has none: the command says so on stderr and
        in the summary)."""

    def tail(self, reports: Sequence[FileReport], any_item: bool) -> str:
        """What comes after the last item, knowing every file's report."""


def _ids(ids: Sequence[str], limit: int | None = None) -> str:
    shown = [
        i if is_plain_id(i) else identifier(i) for i in (ids if limit is None else ids[:limit])
    ]
    if limit is not None and len(ids) > limit:
        shown.append(f"+{len(ids) - limit} more")
    return ", ".join(shown)


@dataclass
class _LineFormat:
    """What a format of lines writes around its items: nothing before, between or after
    them, and no item for a file that could not be checked (the command says so on
    stderr and in the summary). Text and annotations override only what differs."""

    opening: str = ""
    separator: str = ""

    def head(self) -> str:
        return ""

    def tail(self, reports: Sequence[FileReport], any_item: bool) -> str:
        return ""

    def error_items(self, report: FileReport) -> list[str]:
        return []

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        raise NotImplementedError  # pragma: no cover - every line format has its own

    def run_renderer(self, report: FileReport) -> RunRenderer:
        return each_finding(self.renderer(report))

    def run_text(self, report: FileReport) -> RunText:
        return joined(self.run_renderer(report), self.separator)


@dataclass
class TextFormat(_LineFormat):
    """One line a finding, ``FILE: CODE severity [ids] message``; under it, indented,
    where it is (``at FILE:LINE JSON-PATH``) and the hint, if any. Every id is shown
    unless ``id_limit`` is given (the CLI gives 3 for a terminal only), when the rest
    are counted as ``+N more``. The summary is the command's to add."""

    colour: bool = False
    id_limit: int | None = None

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        colour, limit = self.colour, self.id_limit
        name = inline(report.file)

        def paint(text: str, code: str) -> str:
            return f"\x1b[{code}m{text}\x1b[0m" if colour else text

        shown_name = paint(name, "1")

        def render(f: Finding, line: int | None) -> str:
            # Ids, message and path are made safe on one line (flat); the common case,
            # text that is so already, is tested here without a call.
            ids, message, path = f.ids, f.message, f.path
            if not ids:
                shown_ids = ""
            elif len(ids) == 1:
                only = ids[0]
                shown_ids = f" [{only if is_plain_id(only) else identifier(only)}]"
            else:
                shown_ids = f" [{_ids(ids, limit)}]"
            if not (
                message.isprintable()
                and "  " not in message
                and message[:1] != " "
                and message[-1:] != " "
            ):
                message = flat(message)
            if colour:
                sev = paint(f.severity, _COLOUR[f.severity])
                code = paint(f.code, "1;" + _COLOUR[f.severity])
                text = f"{shown_name}: {code} {sev}{shown_ids} {message}\n"
            else:
                text = f"{name}: {f.code} {f.severity}{shown_ids} {message}\n"
            if path is not None:
                if not (path.isprintable() and " " not in path):
                    path = flat(path)
                where = f"{name}:{line}" if line is not None else name
                text += (
                    paint(f"    at {where} {path}", "2") + "\n"
                    if colour
                    else f"    at {where} {path}\n"
                )
            if f.hint:
                text += f"    hint: {flat(f.hint)}\n"
            return text

        return render

    def run_renderer(self, report: FileReport) -> RunRenderer:
        one_by_one = each_finding(self.renderer(report))
        colour, name = self.colour, inline(report.file)

        def render_run(run: FindingRun, lines: Sequence[int]) -> list[str]:
            # One f-string an item, as render() writes it for a finding with one id
            # and no hint, when the run's ids and messages need no escaping.
            if not run.plain:
                return one_by_one(run, lines)
            positions, ids, messages = run.slices()
            section, sev, code = run.section, run.severity, run.code
            parts = zip(ids, messages, lines, positions, strict=True)
            if colour:
                tint = _COLOUR[sev]
                head = f"\x1b[1m{name}\x1b[0m: \x1b[1;{tint}m{code}\x1b[0m \x1b[{tint}m{sev}\x1b[0m"
                return [
                    f"{head} [{i}] {m}\n\x1b[2m    at {name}:{n} {section}[{p}]\x1b[0m\n"
                    for i, m, n, p in parts
                ]
            head = f"{name}: {code} {sev}"
            if lines and lines.count(lines[0]) == len(lines):  # (a file on one line)
                at = f"    at {name}:{lines[0]} {section}["
                same = zip(ids, messages, positions, strict=True)
                return [f"{head} [{i}] {m}\n{at}{p}]\n" for i, m, p in same]
            return [f"{head} [{i}] {m}\n    at {name}:{n} {section}[{p}]\n" for i, m, n, p in parts]

        return render_run

    def run_text(self, report: FileReport) -> RunText:
        items = self.run_renderer(report)
        if self.colour:
            return joined(items, "")
        name = inline(report.file).replace("%", "%%")

        def run_text(run: FindingRun, lines: Sequence[int]) -> str:
            # The ids and messages of a run made from templates (P002's) are inlined
            # into the line's template, and the run formatted at once: no string made
            # for an id, a message or a line.
            ids, messages = run.ids, run.messages
            if not run.plain or not (isinstance(ids, Formatted) or isinstance(messages, Formatted)):
                return "".join(items(run, lines))
            id_template, id_columns = _inlined(ids)
            message_template, message_columns = _inlined(messages)
            part = slice(run.start, run.stop)
            columns = [column[part] for column in (*id_columns, *message_columns)]
            head = f"{name}: {run.code} {run.severity} [{id_template}] {message_template}\n"
            section = run.section.replace("%", "%%")
            if lines and lines.count(lines[0]) == len(lines):  # (a file on one line)
                where = f"    at {name}:{lines[0]} {section}[%d]\n"
            else:
                where = f"    at {name}:%d {section}[%d]\n"
                columns.append(lines)
            columns.append(run.positions[part])
            return format_block(head + where, columns)

        return run_text


def _inlined(texts: Sequence[str]) -> tuple[str, list[Sequence[object]]]:
    """A run's ids or messages as a template (``%`` escaped) and its columns: a
    :class:`Formatted` sequence's own, inlined; any other, one ``%s`` field."""
    if isinstance(texts, Formatted):
        return texts.inline()
    return "%s", [texts]


@dataclass
class JsonFormat:
    """A JSON list of findings: code, severity, message, ids, path, file, hint, line;
    and for each problem of a file that could not be checked an entry of code
    ``unusable-graph`` (:data:`UNUSABLE`) with a ``column`` too."""

    opening: str = "[\n"
    separator: str = ",\n"

    def head(self) -> str:
        return ""

    def error_items(self, report: FileReport) -> list[str]:
        """An item a problem of a file that could not be checked: code
        ``unusable-graph``, severity error, its line and ``column`` (findings have no
        column: their line is where their JSON path starts)."""
        return [
            "  "
            + dump_json(
                {
                    "code": UNUSABLE,
                    "severity": "error",
                    "message": p.message,
                    "ids": [],
                    "path": p.place,
                    "file": p.file,
                    "hint": report.hint,
                    "line": p.line,
                    "column": p.column,
                },
                "  ",
            )
            for p in report.problems
        ]

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        return self._render

    @staticmethod
    def _render(f: Finding, line: int | None) -> str:
        data = {
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "ids": f.ids,
            "path": f.path,
            "file": f.file,
            "hint": f.hint,
            "line": line,
        }
        return "  " + dump_json(data, "  ")

    def run_renderer(self, report: FileReport) -> RunRenderer:
        def render_run(run: FindingRun, lines: Sequence[int]) -> list[str]:
            # The item _render writes for a finding with one id and no hint.
            positions, ids, messages = run.slices()
            code, sev = encode_string(run.code), encode_string(run.severity)
            file = "null" if run.file is None else encode_string(run.file)
            section, enc = run.section, encode_string
            return [
                f'  {{\n    "code": {code},\n    "severity": {sev},\n    "message": {enc(m)},'
                f'\n    "ids": [\n      {enc(i)}\n    ],\n    "path": "{section}[{p}]",'
                f'\n    "file": {file},\n    "hint": null,\n    "line": {n}\n  }}'
                for i, m, n, p in zip(ids, messages, lines, positions, strict=True)
            ]

        return render_run

    def run_text(self, report: FileReport) -> RunText:
        return joined(self.run_renderer(report), self.separator)

    def tail(self, reports: Sequence[FileReport], any_item: bool) -> str:
        return "\n]\n" if any_item else "[]\n"


def _uri(file: str) -> dict[str, str]:
    """A SARIF artifact location: relative paths stay relative to the checkout root
    (as GitHub code scanning expects), absolute ones become ``file:`` URIs."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {
        "uri": quote(Path(os.path.normpath(file)).as_posix(), safe="/"),
        "uriBaseId": "%SRCROOT%",
    }


def _rule_sarif(code: str) -> dict[str, Any]:
    r = RULES[code]
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation},
        "help": {"text": f"{r.fix} (arggraph rules {r.code} explains the rule.)"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        "properties": {"tags": [r.family], "needsDocuments": r.needs_documents},
    }


def _sarif_note(report: FileReport, problem: LoadProblem) -> dict[str, Any]:
    """A tool execution notification for a problem of a file that could not be checked,
    located by line and column (and JSON path) where they are known."""
    physical: dict[str, Any] = {"artifactLocation": _uri(problem.file)}
    if problem.line is not None:
        physical["region"] = {"startLine": problem.line}
        if problem.column is not None:
            physical["region"]["startColumn"] = problem.column
    location: dict[str, Any] = {"physicalLocation": physical}
    if problem.place is not None:
        location["logicalLocations"] = [{"fullyQualifiedName": problem.place}]
    text = f"{problem.where()}: {problem.message}"
    if report.hint:
        text += f" (hint: {report.hint})"
    return {
        "level": "error",
        "message": {"text": text},
        "locations": [location],
    }


_RESULTS = "\x00results\x00"  # where the results go in the log's skeleton


@dataclass
class SarifFormat:
    """A SARIF 2.1.0 log with one run: every rule in ``tool.driver.rules``, one result a
    finding (located by file, line and JSON path), and files that could not be loaded
    as tool execution notifications."""

    version: str = "unknown"
    opening: str = "[\n"
    separator: str = ",\n"

    def _skeleton(self, reports: Sequence[FileReport]) -> tuple[str, str, str]:
        notes = [_sarif_note(r, p) for r in reports if r.error is not None for p in r.problems]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "arggraph",
                            "version": self.version,
                            "semanticVersion": self.version,
                            "rules": [_rule_sarif(code) for code in RULES],
                        }
                    },
                    # Results before invocations, which may name files that come
                    # later: the results are written as they come.
                    "results": _RESULTS,
                    "invocations": [
                        {
                            "executionSuccessful": not notes,
                            "toolExecutionNotifications": notes,
                        }
                    ],
                }
            ],
        }
        text = dump_json(log)
        head, _, tail = text.partition(dump_json(_RESULTS))
        indent = head[head.rfind("\n") + 1 :]
        indent = indent[: len(indent) - len(indent.lstrip())]
        return head, tail, indent

    def head(self) -> str:
        return self._skeleton([])[0]

    def error_items(self, report: FileReport) -> list[str]:
        return []

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        index = _RULE_INDEX
        inner = _SARIF_ITEM_INDENT
        artifact = _uri(report.file)

        def render(f: Finding, line: int | None) -> str:
            location: dict[str, Any] = {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {"startLine": line or 1},
                },
            }
            if f.path is not None:
                location["logicalLocations"] = [
                    {
                        "fullyQualifiedName": f.path,
                        "kind": "object" if f.path.endswith("]") else "property",
                    }
                ]
            text = f.message + (f" (hint: {f.hint})" if f.hint else "")
            result = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": text},
                "locations": [location],
                "properties": {"ids": f.ids, "path": f.path, "hint": f.hint},
            }
            return inner + dump_json(result, inner)

        return render

    def run_renderer(self, report: FileReport) -> RunRenderer:
        return each_finding(self.renderer(report))

    def run_text(self, report: FileReport) -> RunText:
        return joined(self.run_renderer(report), self.separator)

    def tail(self, reports: Sequence[FileReport], any_item: bool) -> str:
        _, tail, indent = self._skeleton(reports)
        return (f"\n{indent}]" if any_item else "[]") + tail + "\n"


_RULE_INDEX = {code: i for i, code in enumerate(RULES)}
_SARIF_ITEM_INDENT = " " * 8  # results are members of runs[0]: four levels in


@dataclass
class GithubFormat(_LineFormat):
    """GitHub Actions workflow commands, one a finding:
    ``::error file=F,line=L,title=CODE::[ids] message`` (info findings are notices)."""

    def error_items(self, report: FileReport) -> list[str]:
        items = []
        for p in report.problems:
            props = f"file={github_property(p.file)}"
            if p.line is not None:
                props += f",line={p.line}" + (f",col={p.column}" if p.column is not None else "")
            text = (f"{p.place}: " if p.place else "") + p.message
            if report.hint:
                text += f"\nhint: {report.hint}"
            items.append(f"::error {props},title=unusable graph::{github_data(text)}\n")
        return items

    def renderer(self, report: FileReport) -> Callable[[Finding, int | None], str]:
        file = github_property(report.file)

        def render(f: Finding, line: int | None) -> str:
            props = f"file={file}" + (f",line={line}" if line is not None else "")
            props += f",title={github_property(f.code)}"
            text = (f"[{', '.join(f.ids)}] " if f.ids else "") + f.message
            if f.hint:
                text += f"\nhint: {f.hint}"
            return f"::{_GITHUB_LEVEL[f.severity]} {props}::{github_data(text)}\n"

        return render


#: The output formats of ``arggraph check``.
FORMATS = ("text", "json", "sarif", "github")


class ReportWriter:
    """Writes one report: the format's head, each file's items in the order given,
    separated as the format says, and the tail."""

    def __init__(self, fmt: Format, write: Callable[[str], object]) -> None:
        self.format = fmt
        self._write = write
        self._any = False
        write(fmt.head())

    def put(self, chunks: Iterable[list[str]]) -> None:
        """Write the items of ``chunks`` (lists of items, consumed as they come and
        written a chunk at a time)."""
        for chunk in chunks:
            if chunk:
                self._flush(chunk)

    def _flush(self, block: list[str]) -> None:
        fmt = self.format
        self._write((fmt.separator if self._any else fmt.opening) + fmt.separator.join(block))
        self._any = True

    def close(self, reports: Sequence[FileReport]) -> None:
        """Write the tail, which may depend on every file's report."""
        self._write(self.format.tail(reports, self._any))
