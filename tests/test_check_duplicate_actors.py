"""Rule P015: two actors with different ids and the same name."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.checks import check
from arggraph.io import loads


def found(actors: list[dict[str, Any]]) -> list[tuple[tuple[str, ...], str | None, str]]:
    data = {"format": "arggraph/1", "id": "g", "actors": actors, "claims": []}
    g = loads(json.dumps(data), path="g.json", strict=False)
    return [(f.ids, f.path, f.message) for f in check(g, select=["P015"])]


def actor(ident: str, name: str) -> dict[str, Any]:
    return {"id": ident, "name": name, "kind": "analyst"}


def test_names_alike_but_for_case_and_spaces_are_one_finding_naming_both() -> None:
    result = found(
        [
            actor("isw", "Institute for the Study of War"),
            actor("kofman", "Michael Kofman"),
            actor("lee", "Rob Lee"),
            actor("m-kofman", "  michael\u00a0 KOFMAN"),
        ]
    )
    assert result == [
        (
            ("kofman", "m-kofman"),
            "actors[3]",
            "actors 'kofman' (actors[1]) and 'm-kofman' (actors[3]) have the same name, "
            '"Michael Kofman": one actor entered twice?',
        )
    ]


def test_three_of_one_name_and_two_of_another() -> None:
    result = found(
        [
            actor("a", "Ann"),
            actor("b", "Bob"),
            actor("a2", "ANN"),
            actor("b2", "bob"),
            actor("a3", "ann"),
        ]
    )
    assert [(ids, path) for ids, path, _ in result] == [
        (("a", "a2", "a3"), "actors[2]"),
        (("b", "b2"), "actors[3]"),
    ]
    assert "'a' (actors[0]), 'a2' (actors[2]) and 'a3' (actors[4])" in result[0][2]


def test_different_names_pass() -> None:
    assert found([actor("a", "Michael Kofman"), actor("b", "Michael Kofman (CNA)")]) == []
    assert found([]) == []


def test_it_is_a_provenance_warning_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from arggraph.checks.registry import RULES
    from arggraph.cli import main

    assert (RULES["P015"].name, RULES["P015"].severity) == ("duplicate-actor", "warning")
    path = tmp_path / "g.json"
    data = {"actors": [actor("kofman", "Michael Kofman"), actor("mk", "michael kofman")]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path), "--select", "P"]) == 0  # a warning: exit 0
    out = capsys.readouterr().out
    assert "P015 warning [kofman, mk] actors 'kofman' (actors[0]) and 'mk' (actors[1])" in out
    assert main(["check", str(path), "--select", "duplicate-actor", "--fail-on", "warning"]) == 1
