"""`arggraph rules [CODE]`: the catalogue, one rule explained, unknown codes."""

from __future__ import annotations

import json

import pytest

from arggraph.checks import RULES
from arggraph.cli import main


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[2].split()[:3] == ["S003", "error", "self-relation"]
    assert lines[2].endswith("A relation joins a claim to itself.")


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == list(RULES)
    assert data[0].keys() == {
        "code",
        "name",
        "severity",
        "family",
        "summary",
        "explanation",
        "fix",
        "needs_documents",
    }


def test_rule_explained_with_its_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "r002"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("R002 change-of-view (info, reasoning)\n")
    assert "Fix: Nothing to fix" in out
    assert "$ arggraph check example.json --select R002" in out
    assert "example.json: R002 info [isw, sound, smartest" in out


def test_rule_by_name_and_with_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "quote-not-found"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("P006 quote-not-found (error, provenance)")
    assert "with the document docs/report.txt:" in out
    assert "hint: closest passage:" in out


def test_rule_json_has_the_example_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "S005", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["severity"] == "error"
    assert [f["code"] for f in data["example"]["findings"]] == ["S005"]
    assert data["example"]["graph"]["format"] == "arggraph/1"


def test_unknown_rule_is_exit_2_with_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "S0003"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("arggraph: error: no rule 'S0003'; did you mean S003")
