"""Argdown export of ids, texts, tags and notes holding control characters: a NUL is
refused, naming the claim or relation and where (no export writes one); the others are
written as they are in statements (JSON-escaped in data and front matter) and read back
the same by the official parser (``@argdown/core``) and by arggraph's import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _argdown_official import official_available, run_official

from arggraph.cli import main
from arggraph.errors import InputError
from arggraph.formats.argdown import from_argdown, to_argdown
from arggraph.graph import Graph
from arggraph.io import loads


def graph(claims: list[dict[str, Any]], relations: list[dict[str, Any]] | None = None) -> Graph:
    data = {"format": "arggraph/1.1", "id": "g", "claims": claims, "relations": relations or []}
    return loads(json.dumps(data), path="g.json")


@pytest.mark.parametrize(
    ("claims", "relations", "place", "message"),
    [
        (
            [{"id": "a\x00b", "text": "A", "kind": "position"}],
            [],
            "claims[0].id",
            "claim 'a\\x00b': its id holds a NUL character (\\x00 at character 2)",
        ),
        (
            [{"id": "a", "text": "Cut \x00 here", "kind": "position"}],
            [],
            "claims[0].text",
            "claim 'a': its text holds a NUL character (\\x00 at character 5)",
        ),
        (
            [{"id": "a", "text": "A", "tags": ["ok", "t\x00ag"]}],
            [],
            "claims[0].tags[1]",
            "claim 'a': its tag holds a NUL character (\\x00 at character 2)",
        ),
        (
            [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
            [{"id": "r", "type": "attack", "sources": ["a", "c"], "target": "b", "note": "\x00"}],
            "relations[0].note",  # (linked premises: written as an argument, its description)
            "relation 'r': its note holds a NUL character (\\x00 at character 1)",
        ),
    ],
)
def test_a_nul_is_refused_with_its_place(
    claims: list[dict[str, Any]], relations: list[dict[str, Any]], place: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        to_argdown(graph(claims, relations))
    assert caught.value.place == place
    assert caught.value.path == "g.json"
    assert str(caught.value).startswith(f"g.json: {place}: {message}, which Argdown cannot")


def test_the_command_refuses_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "g.json"
    data = {"claims": [{"id": "a\x00b", "text": "A\x00", "kind": "position"}]}
    source.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "g.argdown"
    assert main(["export", str(source), "--to", "argdown", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{source}: claims[0].id: claim 'a\\x00b': its id holds a NUL character" in err
    assert "hint: remove the character" in err
    assert "\x00" not in err
    assert not out.exists()


#: Control characters the export writes as they are, or escaped in its JSON data.
KEPT = graph(
    [
        {
            "id": "p\x1b",
            "text": "Hold \x1b[31mthe\x07 city \x7f\x9b \u202eRTL\u202c 👩\u200d🚀",
            "kind": "position",
            "note": "DEL \x7f, C1 \x9b[2J and NEL \x85, NUL \x00 in a note",
        },
        {"id": "c\x9b", "text": "Costs \x01\x02"},
    ],
    [
        {
            "id": "r\x9b",
            "type": "attack",
            "source": "c\x9b",
            "target": "p\x1b",
            "note": "a note \x1b with ESC",
        }
    ],
)


def test_what_is_written_holds_no_nul_and_reads_back() -> None:
    text = to_argdown(KEPT)
    assert "\x00" not in text
    data = [line for line in text.splitlines() if "{" in line]
    assert data and not any("\x7f" in line.split("{", 1)[1] for line in data)
    back = from_argdown(text).graph()
    assert {c.id: (c.text, c.note) for c in back.claims.values()} == {
        c.id: (c.text, c.note) for c in KEPT.claims.values()
    }
    assert [(r.id, r.note) for r in back.model.relations] == [("r\x9b", "a note \x1b with ESC")]


@pytest.mark.slow
def test_the_official_parser_reads_the_same_ids_and_texts(tmp_path: Path) -> None:
    reason = official_available()
    if reason is not None:
        pytest.skip(reason)
    path = tmp_path / "kept.argdown"
    path.write_text(to_argdown(KEPT), encoding="utf-8")
    model = run_official(path)[str(path)]
    assert model["errors"] == []
    texts = {s["title"]: s["text"].strip() for s in model["statements"]}
    assert texts == {c.id: c.text for c in KEPT.claims.values()}
    assert [(r["from"]["title"], r["to"]["title"], r["type"]) for r in model["relations"]] == [
        ("c\x9b", "p\x1b", "attack")
    ]
