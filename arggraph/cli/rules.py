"""``arggraph rules [CODE]``: the checks' rule catalogue, or one rule explained."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checks.examples import Example
    from ..checks.finding import Finding


def register(sub: Any) -> None:
    p = sub.add_parser(
        "rules",
        help="list the checks' rules, or explain one",
        description="List every rule of `arggraph check` (code, default severity, name, "
        "summary), or explain one: what it finds and why it matters, how to fix a "
        "finding, and an example graph with what the rule says about it.",
    )
    p.add_argument(
        "code", nargs="?", metavar="CODE", help="a rule code (S003) or name (self-relation)"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=run)


def _rule_data(code: str) -> dict[str, Any]:
    from ..checks.registry import RULES

    r = RULES[code]
    return {
        "code": r.code,
        "name": r.name,
        "severity": r.severity,
        "family": r.family,
        "summary": r.summary,
        "explanation": r.explanation,
        "fix": r.fix,
        "needs_documents": r.needs_documents,
    }


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent)


def run(args: argparse.Namespace) -> int:
    from ..checks.registry import RULES, rule
    from .common import emit, emit_json

    if args.code is None:
        if args.format == "json":
            emit_json([_rule_data(code) for code in RULES])
            return 0
        width = max(len(r.name) for r in RULES.values())
        emit(
            "\n".join(
                f"{r.code}  {r.severity:<7}  {r.name:<{width}}  {r.summary}" for r in RULES.values()
            )
        )
        return 0

    from ..checks.examples import EXAMPLES

    r = rule(args.code)
    example = EXAMPLES.get(r.code)
    findings = example.findings(r.code) if example is not None else []
    if args.format == "json":
        data = _rule_data(r.code)
        if example is not None:
            data["example"] = {
                "graph": example.graph,
                "documents": example.documents,
                "findings": [f.to_dict() for f in findings],
            }
            if example.passing is not None:
                data["example"]["passing"] = {
                    "graph": example.passing.graph,
                    "documents": example.passing.documents,
                    "findings": [f.to_dict() for f in example.passing.findings(r.code)],
                }
        emit_json(data)
        return 0
    lines = [
        f"{r.code} {r.name} ({r.severity}, {r.family})",
        "",
        _wrap(r.summary),
        "",
        _wrap(r.explanation),
        "",
        _wrap(f"Fix: {r.fix}"),
    ]
    if r.needs_documents:
        lines += [
            "",
            _wrap(
                "Runs only when the documents' texts are given: "
                "arggraph check GRAPH --documents DIR."
            ),
        ]
    if example is not None:
        lines += ["", "Example (example.json):", *_shown(example, r.code, findings)]
        if example.passing is not None:
            passing = example.passing
            lines += [
                "",
                "Put right (example.json), it finds nothing:",
                *_shown(passing, r.code, passing.findings(r.code)),
            ]
    emit("\n".join(lines))
    return 0


def _shown(example: Example, code: str, findings: list[Finding]) -> list[str]:
    """An example graph, its documents, the command and what it prints."""
    lines = [textwrap.indent(example.text(), "  ")]
    command = f"arggraph check example.json --select {code}"
    for name, text in example.documents.items():
        lines += ["", f"with the document docs/{name}:", _wrap(text, "  ")]
        command = f"arggraph check example.json --documents docs --select {code}"
    lines += ["", f"$ {command}"]
    for f in findings:
        ids = f" [{', '.join(f.ids)}]" if f.ids else ""
        lines.append(_wrap(f"example.json: {f.code} {f.severity}{ids} {f.message}"))
        if f.hint:
            lines.append(_wrap(f"hint: {f.hint}", "    "))
    if not findings:
        lines.append("(no finding)")
    return lines
