"""Every kind of bad file gets its own clear error naming the file and the place,
exit code 2 from the CLI, and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arggraph import load
from arggraph.cli import main
from arggraph.errors import (
    ArggraphError,
    DanglingReferenceError,
    DuplicateIdError,
    FileAccessError,
    JSONPath,
    JSONSyntaxError,
    SchemaError,
    SchemaProblem,
)
from arggraph.graph import Graph
from arggraph.model import GraphModel


def graph(**extra: object) -> dict[str, Any]:
    """A small valid graph file's data, with ``extra`` keys set (JSON: any values)."""
    base: dict[str, Any] = {
        "format": "arggraph/1",
        "id": "g",
        "claims": [
            {"id": "p", "text": "P", "kind": "position"},
            {"id": "c", "text": "C"},
        ],
        "relations": [{"type": "attack", "source": "c", "target": "p"}],
    }
    base.update(extra)
    return base


def write(tmp_path: Path, content: str | bytes, name: str = "g.json") -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def cli_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["show", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert str(path) in err
    assert len(err.strip().splitlines()) <= 2
    return err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FileAccessError, match="no such file"):
        load(tmp_path / "absent.json")
    assert "no such file" in cli_error(tmp_path / "absent.json", capsys)


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(FileAccessError, match="directory"):
        load(tmp_path)
    assert "is a directory" in cli_error(tmp_path, capsys)


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_file(tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, content)
    with pytest.raises(FileAccessError, match="empty"):
        load(p)
    assert "empty" in cli_error(p, capsys)


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, b'{"format": "arggraph/1",\n "id": "caf\xe9"}')
    with pytest.raises(FileAccessError, match=r"not UTF-8.*line 2, column 12"):
        load(p)
    assert "not UTF-8" in cli_error(p, capsys)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = write(tmp_path, b"\xef\xbb\xbf" + json.dumps(graph()).encode())
    assert load(p).id == "g"


def test_malformed_json_has_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = write(tmp_path, '{\n  "format": "arggraph/1",\n  "id": "g",\n  "claims": [,]\n}')
    with pytest.raises(JSONSyntaxError) as info:
        load(p)
    assert (info.value.line, info.value.column) == (4, 14)
    assert "line 4, column 14" in cli_error(p, capsys)


@pytest.mark.parametrize(
    "value,kind",
    [("[1, 2]", "an array"), ('"text"', "a string"), ("3", "a number"), ("null", "null")],
)
def test_top_level_not_an_object(
    tmp_path: Path, value: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    p = write(tmp_path, value)
    with pytest.raises(SchemaError, match=f"must be a JSON object, not {kind}"):
        load(p)
    cli_error(p, capsys)


def test_schema_violation_names_json_path_and_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = graph()
    data["claims"][1]["base"] = 1.5
    p = write(tmp_path, json.dumps(data))
    with pytest.raises(SchemaError) as info:
        load(p)
    assert info.value.place == "claims[1].base"
    assert "1.5" in info.value.message
    assert "'c'" in info.value.message
    assert "claims[1].base" in cli_error(p, capsys)


def test_unknown_top_level_key_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, json.dumps(graph(claimz=[])))
    with pytest.raises(SchemaError, match="unknown key 'claimz'"):
        load(p)
    assert "claimz" in cli_error(p, capsys)


def test_unknown_nested_key_is_named(tmp_path: Path) -> None:
    data = graph()
    data["relations"][0]["wieght"] = 0.5
    with pytest.raises(SchemaError, match="unknown key 'wieght'") as info:
        load(write(tmp_path, json.dumps(data)))
    assert info.value.place == "relations[0].wieght"


def test_wrong_format_is_named(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="arggraph/2"):
        load(write(tmp_path, json.dumps(graph(format="arggraph/2"))))


def test_missing_required_key(tmp_path: Path) -> None:
    data = graph()
    del data["claims"][0]["text"]
    with pytest.raises(SchemaError, match="required key 'text' is missing") as info:
        load(write(tmp_path, json.dumps(data)))
    assert info.value.place == "claims[0].text"


@pytest.mark.parametrize("bad", ["2023-02-30", "2023-13", "March 2023", "23-01-01"])
def test_bad_dates(tmp_path: Path, bad: str) -> None:
    data = graph()
    data["claims"][0]["date"] = bad
    with pytest.raises(SchemaError) as info:
        load(write(tmp_path, json.dumps(data)))
    assert info.value.place == "claims[0].date"


def test_several_problems_are_counted(tmp_path: Path) -> None:
    data = graph(extra=1)
    data["claims"][0]["base"] = -1
    with pytest.raises(SchemaError, match=r"and 1 more problem") as info:
        load(write(tmp_path, json.dumps(data)))
    assert len(info.value.problems) == 2


def test_duplicate_id_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = graph()
    data["claims"].append({"id": "c", "text": "again"})
    p = write(tmp_path, json.dumps(data))
    with pytest.raises(DuplicateIdError, match="duplicate claim id 'c'") as info:
        load(p)
    assert info.value.place == "claims[2].id"
    cli_error(p, capsys)


def test_dangling_claim_reference_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = graph()
    data["relations"][0]["target"] = "nowhere"
    p = write(tmp_path, json.dumps(data))
    with pytest.raises(DanglingReferenceError, match="unknown claim 'nowhere'") as info:
        load(p)
    assert info.value.place == "relations[0].target"
    cli_error(p, capsys)


@pytest.mark.parametrize("field,kind", [("actor", "actor"), ("document", "document")])
def test_dangling_actor_or_document(tmp_path: Path, field: str, kind: str) -> None:
    data = graph(
        actors=[{"id": "a", "name": "A", "kind": "analyst"}], documents=[{"id": "d", "title": "D"}]
    )
    att = {"actor": "a", "document": "d", "quote": "q"}
    att[field] = "ghost"
    data["claims"][1]["attributions"] = [att]
    with pytest.raises(DanglingReferenceError, match=f"unknown {kind} 'ghost'") as info:
        load(write(tmp_path, json.dumps(data)))
    assert info.value.place == f"claims[1].attributions[0].{field}"


def test_lenient_load_keeps_problems(tmp_path: Path) -> None:
    data = graph()
    data["relations"].append({"type": "support", "source": "x", "target": "p"})
    g = load(write(tmp_path, json.dumps(data)), strict=False)
    assert [(p.kind, p.place, p.ident) for p in g.problems] == [
        ("dangling", "relations[1].source", "x")
    ]
    # the relation with a missing end is left out of the engine's arrays
    assert g.framework.sup_src.size == 0
    assert g.framework.att_src.size == 1


def test_bare_framework_loads(tmp_path: Path) -> None:
    """Researchers feed bare frameworks: no documents, actors or attributions."""
    p = write(
        tmp_path,
        json.dumps(
            {
                "format": "arggraph/1",
                "id": "af",
                "claims": [{"id": "a", "text": "a"}, {"id": "b", "text": "b"}],
                "relations": [{"type": "attack", "source": "a", "target": "b"}],
            }
        ),
    )
    g = load(p)
    assert list(g.claims) == ["a", "b"]
    assert g.relations["attack:a->b"].weight == 1.0


def test_cli_error_has_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    p = write(tmp_path, "{oops")
    proc = subprocess.run(
        [sys.executable, "-m", "arggraph", "show", str(p)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("arggraph: error: ")
    assert "line 1, column 2" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------------- places as data
INDENTED = json.dumps(graph(), indent=2)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_every_error_carries_its_place_as_data(tmp_path: Path) -> None:
    """str(err) as before, and line, column and json_path beside it."""
    err = ArggraphError("m", path="g.json", place="claims[0].base")
    assert (err.line, err.column, err.json_path) == (None, None, None)
    assert str(err) == "g.json: claims[0].base: m"
    err = ArggraphError("m", path="g.json", json_path=("claims", 0, "base"), line=3, column=5)
    assert str(err) == "g.json: claims[0].base: m"
    assert (err.line, err.column) == (3, 5)
    err = ArggraphError("m", path="g.tgf", line=3)
    assert str(err) == "g.tgf: line 3: m"
    assert err.json_path is None
    assert ArggraphError("m", line=3, column=9).place == "line 3, column 9"
    assert ArggraphError("m", json_path=()).place is None  # the top level has no text
    err = ArggraphError("m", place="line 12, column 4")
    assert (err.line, err.column) == (12, 4)
    assert ArggraphError("m", place="lines 12").line is None


def test_schema_problems_have_json_path_line_and_column(tmp_path: Path) -> None:
    data = json.loads(INDENTED)
    data["claims"][1]["base"] = 1.5
    data["relations"][0]["wieght"] = 0.5
    del data["claims"][0]["text"]
    text = json.dumps(data, indent=2)
    with pytest.raises(SchemaError) as info:
        load(write(tmp_path, text))
    err = info.value
    by_place = {p.place: p for p in err.problems}
    base = by_place["claims[1].base"]
    assert base.json_path == ("claims", 1, "base")
    assert base.line == line_of(text, '"base": 1.5')
    line_text = text.splitlines()[base.line - 1]
    assert base.column == line_text.index("1.5") + 1
    key = by_place["relations[0].wieght"]
    assert key.json_path == ("relations", 0, "wieght")
    assert key.line == line_of(text, "wieght")
    missing = by_place["claims[0].text"]  # absent: where the object missing it starts
    assert missing.json_path == ("claims", 0, "text")
    assert missing.line == line_of(text, '"id": "p"') - 1
    first = err.problems[0]
    assert (err.place, err.json_path, err.line, err.column) == (
        first.place,
        first.json_path,
        first.line,
        first.column,
    )
    assert str(err) == f"{tmp_path / 'g.json'}: {first.place}: {err.message}"


def test_top_level_schema_problem_has_the_empty_path(tmp_path: Path) -> None:
    with pytest.raises(SchemaError) as info:
        load(write(tmp_path, "\n  [1, 2]"))
    err = info.value
    assert err.json_path == ()
    assert err.place is None
    assert (err.line, err.column) == (2, 3)
    assert str(err) == f"{tmp_path / 'g.json'}: the top level must be a JSON object, not an array"


def test_old_style_problem_pairs_still_build_a_schema_error() -> None:
    err = SchemaError([("claims[0].base", "too big")], path="g.json")
    assert err.problems == [SchemaProblem("claims[0].base", "too big")]
    assert str(err) == "g.json: claims[0].base: too big"
    assert err.json_path is None


@pytest.mark.parametrize(
    ("mutate", "cls", "path", "needle"),
    [
        (
            lambda d: d["claims"].append({"id": "c", "text": "again"}),
            DuplicateIdError,
            ("claims", 2, "id"),
            '"again"',
        ),
        (
            lambda d: d["relations"][0].update(target="nowhere"),
            DanglingReferenceError,
            ("relations", 0, "target"),
            '"nowhere"',
        ),
    ],
)
def test_integrity_errors_have_json_path_and_line(
    tmp_path: Path, mutate: Any, cls: type[ArggraphError], path: JSONPath, needle: str
) -> None:
    data = json.loads(INDENTED)
    mutate(data)
    text = json.dumps(data, indent=2)
    with pytest.raises(cls) as info:
        load(write(tmp_path, text))
    err = info.value
    assert err.json_path == path
    if cls is DuplicateIdError:
        assert err.line == line_of(text, needle) - 1  # "id" comes before "text"
    else:
        assert err.line == line_of(text, needle)
    assert err.column is not None
    with pytest.raises(cls) as again:  # built in memory: the path is known, the text is not
        Graph(GraphModel.model_validate(data))
    assert again.value.json_path == path
    assert again.value.line is None


@pytest.mark.parametrize("command", [["score"], ["show"], ["explain", "--top", "3"]])
def test_another_tools_file_given_to_a_json_command_says_what_to_do(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An Argdown map (which `arggraph tui` opens as it is) given to a command that
    reads arggraph JSON: not "malformed JSON at line 1, column 1", but what it is and
    how to convert it."""
    argdown = Path(__file__).parent.parent / "examples" / "bridge.argdown"
    args = [command[0], str(argdown), *(["Close"] if command[0] == "explain" else [])]
    assert main([*args, *command[1:]]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"arggraph: error: {argdown}: argdown by its extension, not arggraph JSON, which "
        "this command reads\n"
        f"  hint: convert it with `arggraph import {argdown} -o GRAPH.json`, or open it as "
        "it is with `arggraph tui`\n"
    )


@pytest.mark.parametrize("value", ["true", '"0.9"', "null"])
@pytest.mark.parametrize("where", ["graph", "sheet"])
def test_a_score_that_is_not_a_number_is_refused_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, where: str
) -> None:
    """The schema says a base is a number: `true` and "0.9" were read as 1.0 and 0.9."""
    graph = tmp_path / "g.json"
    base = value if where == "graph" else "0.5"
    graph.write_text(
        f'{{"format": "arggraph/1", "id": "g", "claims": [{{"id": "a", "text": "A", '
        f'"base": {base}}}]}}',
        encoding="utf-8",
    )
    args = ["score", str(graph)]
    if where == "sheet":
        sheet = tmp_path / "s.json"
        sheet.write_text(
            '{"format": "arggraph-scores/1", "graph": "g", '
            f'"scores": {{"a": {{"base": {value}}}}}}}',
            encoding="utf-8",
        )
        args += ["--scores", str(sheet)]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    place = "claims[0].base" if where == "graph" else "scores.a.base"
    assert place in err and "valid number" in err and "Traceback" not in err


def test_an_unclosed_string_is_said_in_a_whole_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text('{"a": "abc', encoding="utf-8")
    assert main(["show", str(graph)]) == 2
    assert capsys.readouterr().err == (
        f"arggraph: error: {graph}: line 1, column 7: malformed JSON: Unterminated string "
        "starting here, never closed\n"
    )
