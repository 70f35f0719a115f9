"""Rule S013: control characters in ids, texts, names, titles and quotes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.checks import check
from arggraph.io import loads


def found(data: dict[str, Any]) -> list[tuple[tuple[str, ...], str | None, str]]:
    g = loads(json.dumps(data), path="g.json", strict=False)
    return [(f.ids, f.path, f.message) for f in check(g, select=["S013"])]


def test_every_field_is_checked_and_named() -> None:
    data = {
        "format": "arggraph/1.1",
        "id": "g",
        "documents": [{"id": "d", "title": "Report\u202eevil"}],
        "actors": [{"id": "a\x07", "name": "Ann\x00", "kind": "analyst"}],
        "claims": [
            {"id": "p", "text": "Hold\tthe\ncity", "kind": "position"},  # tab, newline: fine
            {
                "id": "c",
                "text": "Costs\r\n",
                "attributions": [{"actor": "a\x07", "document": "d", "quote": "we \x1b[2J"}],
            },
        ],
        "relations": [{"id": "r\x85", "type": "support", "source": "c", "target": "p"}],
    }
    assert found(data) == [
        (("d",), "documents[0].title", "document 'd': its title holds a control character "
         "(\\u202e at character 7)"),
        (("a\x07",), "actors[0].id", "actor 'a\\x07': its id holds a control character "
         "(\\x07 at character 2)"),
        (("a\x07",), "actors[0].name", "actor 'a\\x07': its name holds a control character "
         "(\\x00 at character 4)"),
        (("c",), "claims[1].attributions[0].quote", "claim 'c': its quote holds a control "
         "character (\\x1b at character 4)"),
        (("c",), "claims[1].text", "claim 'c': its text holds a control character "
         "(\\x0d at character 6)"),
        (("r\x85",), "relations[0].id", "relation 'r\\x85': its id holds a control "
         "character (\\x85 at character 2)"),
    ]  # fmt: skip


def test_an_id_may_not_hold_a_tab_and_a_default_relation_id_is_not_reported_twice() -> None:
    data = {
        "claims": [
            {"id": "p\tq", "text": "P", "kind": "position"},
            {"id": "c", "text": "C"},
        ],
        "relations": [{"type": "support", "source": "c", "target": "p\tq"}],
    }
    assert [path for _, path, _ in found(data)] == ["claims[0].id"]


def test_a_plain_graph_with_none_is_checked_without_its_models() -> None:
    data = {
        "claims": [{"id": f"c{i}", "text": f"Claim {i}\twith a tab"} for i in range(50)],
        "relations": [{"type": "attack", "source": "c1", "target": "c0"}],
    }
    g = loads(json.dumps(data), path="g.json", strict=False)
    assert g.columns is not None
    assert check(g, select=["S013"]) == []
    assert g._model is None
    data["claims"][7]["text"] = "Claim 7 \x1b[8mhidden"
    assert [path for _, path, _ in found(data)] == ["claims[7].text"]


def test_line_separators_and_the_arabic_letter_mark_are_shown_not_folded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from arggraph.cli import main
    from arggraph.text import one_line, terminal_safe

    assert one_line("x\u2028") == "x\\u2028" != one_line("x")
    assert terminal_safe("a\u2029b\u061cc") == "a\\u2029b\\u061cc"
    data = {
        "claims": [
            {"id": "x", "text": "X", "kind": "position"},
            {"id": "x\u2028", "text": "Y", "kind": "position"},
        ],
        "relations": [{"type": "attack", "source": "x\u2028", "target": "x"}],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["score", str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(" x\\u2028 " in row for row in rows)  # two ids, two names
    assert [p for _, p, _ in found(data)] == ["claims[1].id"]
