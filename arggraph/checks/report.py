"""Printing findings: text for people, JSON for scripts, SARIF for code scanning, and
GitHub workflow annotations.

Every format reads the same :class:`FileReport` objects: one per graph file, with its
findings, the line of each finding's JSON path (when the file could be read again), or
the error that kept it from being checked. Every text from a file or a path (ids,
messages, file names) is escaped here for each format, through :mod:`arggraph.text`:
control characters for text, and for annotations too, with the workflow commands' own
percent-encoding; JSON and SARIF escape themselves (:func:`arggraph.jsonio.dumps`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import ArggraphError
from ..jsonio import dumps
from ..text import github_data, github_property, inline, one_line
from .finding import SEVERITIES, Finding
from .registry import RULES

__all__ = [
    "FORMATS",
    "FileReport",
    "render_github",
    "render_json",
    "render_sarif",
    "render_statistics",
    "render_text",
    "summary_line",
]

#: The output formats of ``arggraph check``.
FORMATS = ("text", "json", "sarif", "github")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_COLOUR = {"error": "31", "warning": "33", "info": "36"}


@dataclass
class FileReport:
    """What checking one graph file gave: findings with lines, or the load error."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str | None, int] = field(default_factory=dict)
    error: ArggraphError | None = None

    def line(self, finding: Finding) -> int | None:
        """The line of the finding's JSON path, if known."""
        return self.lines.get(finding.path)


def _counts(reports: Iterable[FileReport]) -> Counter[str]:
    return Counter(f.severity for r in reports for f in r.findings)


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

    >>> summary_line([FileReport("a.json"), FileReport("b.json", error=ArggraphError("x"))])
    'No findings (1 file checked); 1 file could not be checked.'
    >>> summary_line([FileReport("a.json")], skipped=2)
    'All checks passed (1 file); 2 files skipped: not arggraph graphs (-v names them).'
    """
    counts = _counts(reports)
    checked = [r for r in reports if r.error is None]
    failed = len(reports) - len(checked)
    tail = f"; {_plural(failed, 'file')} could not be checked" if failed else ""
    if skipped:
        tail += f"; {_plural(skipped, 'file')} skipped: not arggraph graphs (-v names them)"
    total = sum(counts.values())
    if not total:
        if failed:
            return f"No findings ({_plural(len(checked), 'file')} checked){tail}."
        return f"All checks passed ({_plural(len(checked), 'file')}){tail}."
    parts = ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s])
    with_findings = sum(1 for r in checked if r.findings)
    return (
        f"Found {_plural(total, 'finding')} ({parts}) in {with_findings} of "
        f"{_plural(len(checked), 'file')}{tail}."
    )


def _ids(ids: Sequence[str], limit: int | None = None) -> str:
    shown = [one_line(i) for i in (ids if limit is None else ids[:limit])]
    if limit is not None and len(ids) > limit:
        shown.append(f"+{len(ids) - limit} more")
    return ", ".join(shown)


def render_text(
    reports: Sequence[FileReport], *, colour: bool = False, id_limit: int | None = None
) -> str:
    """One line a finding, ``FILE: CODE severity [ids] message``; under it, indented,
    where it is (``at FILE:LINE JSON-PATH``) and the hint, if any. Every id is shown
    unless ``id_limit`` is given (the CLI gives 3 for a terminal only), when the rest
    are counted as ``+N more``."""

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    out: list[str] = []
    for report in reports:
        name = inline(report.file)
        for f in report.findings:
            sev = paint(f.severity, _COLOUR[f.severity])
            code = paint(f.code, "1;" + _COLOUR[f.severity])
            ids = f" [{_ids(f.ids, id_limit)}]" if f.ids else ""
            out.append(f"{paint(name, '1')}: {code} {sev}{ids} {one_line(f.message)}")
            if f.path is not None:
                line = report.line(f)
                where = f"{name}:{line}" if line is not None else name
                out.append(paint(f"    at {where} {one_line(f.path)}", "2"))
            if f.hint:
                out.append(f"    hint: {one_line(f.hint)}")
    return "\n".join(out) + ("\n" if out else "")


def render_statistics(reports: Sequence[FileReport]) -> str:
    """How many findings of each rule, most frequent first (``--statistics``)."""
    counts = Counter(f.code for r in reports for f in r.findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(
        f"{n:>{width}}  {code}  {RULES[code].severity:<7}  {RULES[code].name}\n" for code, n in rows
    )


def _finding_dict(report: FileReport, f: Finding) -> dict[str, Any]:
    out = f.to_dict()
    out["line"] = report.line(f)
    return out


def render_json(reports: Sequence[FileReport]) -> str:
    """A JSON list of findings: code, severity, message, ids, path, file, hint, line."""
    data = [_finding_dict(r, f) for r in reports for f in r.findings]
    return dumps(data) + "\n"


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


def render_sarif(reports: Sequence[FileReport], *, version: str = "unknown") -> str:
    """A SARIF 2.1.0 log with one run: every rule in ``tool.driver.rules``, one result a
    finding (located by file, line and JSON path), and files that could not be loaded
    as tool execution notifications."""
    index = {code: i for i, code in enumerate(RULES)}
    results: list[dict[str, Any]] = []
    for report in reports:
        for f in report.findings:
            location: dict[str, Any] = {
                "physicalLocation": {
                    "artifactLocation": _uri(report.file),
                    "region": {"startLine": report.line(f) or 1},
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
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _SARIF_LEVEL[f.severity],
                    "message": {"text": text},
                    "locations": [location],
                    "properties": {"ids": list(f.ids), "path": f.path, "hint": f.hint},
                }
            )
    notes = [
        {
            "level": "error",
            "message": {"text": str(r.error)},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(r.file)}}],
        }
        for r in reports
        if r.error is not None
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "arggraph",
                        "version": version,
                        "semanticVersion": version,
                        "rules": [_rule_sarif(code) for code in RULES],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notes,
                        "toolExecutionNotifications": notes,
                    }
                ],
                "results": results,
            }
        ],
    }
    return dumps(log) + "\n"


def render_github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands, one a finding:
    ``::error file=F,line=L,title=CODE::[ids] message`` (info findings are notices)."""
    out: list[str] = []
    for report in reports:
        file = github_property(report.file)
        if report.error is not None:
            message = github_data(str(report.error))
            out.append(f"::error file={file},title=unusable graph::{message}")
        for f in report.findings:
            line = report.line(f)
            props = f"file={file}" + (f",line={line}" if line is not None else "")
            props += f",title={github_property(f.code)}"
            text = (f"[{', '.join(f.ids)}] " if f.ids else "") + f.message
            if f.hint:
                text += f"\nhint: {f.hint}"
            out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{github_data(text)}")
    return "\n".join(out) + ("\n" if out else "")
