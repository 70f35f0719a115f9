"""Hostile JSON: every JSON reader refuses what it cannot keep, with the place, and never
raises anything but an ArggraphError (issue: hostile input).

The limits are :mod:`arggraph.jsonio`'s: nesting 100 deep, integers of 4,300 digits, no
NaN or infinity, no duplicate key, no lone surrogate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import main
from arggraph.errors import ArggraphError, JSONLimitError, JSONSyntaxError
from arggraph.formats import import_text
from arggraph.formats.idmap import parse_id_map
from arggraph.io import loads
from arggraph.jsonio import MAX_DEPTH, MAX_INT_DIGITS, dumps, lone_surrogate, parse_json
from arggraph.sheets import chosen_sheet, data_folder

GRAPH_HEAD = '{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A", '


def graph_with_meta(meta_value: str) -> str:
    """A graph whose one claim's ``meta`` holds ``{"x": META_VALUE}`` (JSON text)."""
    return GRAPH_HEAD + '"meta": {"x": ' + meta_value + "}}]}"


def aif_with(extra: str) -> str:
    """An AIF file whose one I node has an extra key holding ``extra`` (JSON text)."""
    return '{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "x": ' + extra + '}], "edges": []}'


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def strict_json(text: str) -> Any:
    """Parse as RFC 8259 does: NaN and Infinity are errors."""

    def refuse(name: str) -> Any:
        raise ValueError(f"{name} in the output")

    return json.loads(text, parse_constant=refuse)


# ---------------------------------------------------------------------- the reader
def test_nesting_up_to_the_limit_reads_and_one_more_is_refused_with_its_place() -> None:
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(JSONLimitError) as info:
        parse_json("{\n" + '"a": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}", path="f.json")
    err = info.value
    assert (err.line, err.column) == (2, 6 + MAX_DEPTH - 1)
    assert f"deeper than {MAX_DEPTH}" in err.message and err.path == "f.json"


def test_a_thousand_levels_are_refused_not_a_recursion_error() -> None:
    with pytest.raises(JSONLimitError, match="nested deeper than"):
        parse_json("[" * 5000 + "]" * 5000)
    with pytest.raises(JSONLimitError, match="nested deeper than"):
        parse_json('{"a":' * 3000 + "1" + "}" * 3000)


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    deep_text = '"' + "[{" * 500 + '"'
    assert parse_json("[" + deep_text + ', "\\\\", "\\"' + "[" * 300 + '"]') is not None


def test_integers_up_to_the_limit_read_and_longer_ones_are_refused() -> None:
    assert parse_json("[" + "9" * MAX_INT_DIGITS + "]") == [int("9" * MAX_INT_DIGITS)]
    with pytest.raises(JSONLimitError) as info:
        parse_json('{"x":\n  -' + "9" * 5000 + "}")
    assert (info.value.line, info.value.column) == (2, 3)
    assert "5,000 digits" in info.value.message


@pytest.mark.parametrize(
    ("text", "column", "word"),
    [("[NaN]", 2, "NaN"), ("[1, Infinity]", 5, "Infinity"), ('{"a": -Infinity}', 7, "-Infinity")],
)
def test_nan_and_infinity_are_refused(text: str, column: int, word: str) -> None:
    with pytest.raises(JSONLimitError) as info:
        parse_json(text)
    assert info.value.column == column and info.value.message.startswith(word)


def test_a_number_beyond_a_float_is_refused() -> None:
    with pytest.raises(JSONLimitError, match="beyond the range of a float") as info:
        parse_json('{"base": 1e999}')
    assert info.value.column == 10
    assert parse_json("[1e308, 0e99999]") == [1e308, 0.0]


def test_duplicate_keys_are_refused_with_both_places() -> None:
    with pytest.raises(JSONLimitError) as info:
        parse_json('{"a": {"k": 1,\n       "k": 2}}')
    err = info.value
    assert (err.line, err.column) == (2, 8)
    assert "duplicate key 'k'" in err.message and "line 1, column 8" in err.message
    assert parse_json('[{"k": 1}, {"k": 2}]') == [{"k": 1}, {"k": 2}]


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ('["\\ud800"]', 2),
        ('["x\\udc00"]', 3),
        ('["\\ud800\\ud800\\udc00"]', 2),
        ('["\\ud83d\\ude00", "\\ud83d"]', 18),
        ('["\\ud800x\\udc00"]', 2),
    ],
)
def test_lone_surrogate_escapes_are_refused_where_they_stand(text: str, offset: int) -> None:
    assert lone_surrogate(text) == offset
    with pytest.raises(JSONLimitError, match="lone surrogate") as info:
        parse_json(text)
    assert info.value.column == offset + 1


def test_surrogate_pairs_and_escaped_backslashes_are_no_lone_surrogates() -> None:
    assert parse_json('["\\ud83d\\ude00", "\\\\ud800"]') == ["\U0001f600", "\\ud800"]


def test_raw_lone_surrogates_in_text_made_in_python_are_refused() -> None:
    with pytest.raises(JSONLimitError, match="lone surrogate"):
        parse_json('["\ud800"]')
    with pytest.raises(JSONLimitError, match="lone surrogate"):
        loads(GRAPH_HEAD.replace('"A"', '"A\udfff"') + "}]}")


def test_malformed_json_keeps_the_parsers_message_and_place() -> None:
    with pytest.raises(JSONSyntaxError) as info:
        parse_json('{"a": 1,\n "b" 2}')
    assert not isinstance(info.value, JSONLimitError)
    assert (info.value.line, info.value.column) == (2, 6)
    assert "Expecting ':' delimiter" in info.value.message


def test_the_first_problem_in_the_text_is_reported() -> None:
    with pytest.raises(JSONSyntaxError, match="Expecting value"):
        parse_json('{"a": x, "b": ' + "[" * 300 + "]" * 300 + "}")


def test_dumps_writes_valid_inert_json() -> None:
    text = dumps({"k": "\x1b[2J \x9b1m \u202e \x7f"})
    assert strict_json(text) == {"k": "\x1b[2J \x9b1m \u202e \x7f"}
    assert not any(ch in text for ch in "\x1b\x9b\u202e\x7f")
    with pytest.raises(ValueError):
        dumps([float("nan")])


# ---------------------------------------------------------------------- graph files
@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("9" * 5000, "5,000 digits"),
        ("[" * 3000 + "]" * 3000, "nested deeper than 100"),
        ("[" * 300 + "]" * 300, "nested deeper than 100"),
        ("NaN", "NaN is not JSON"),
        ("1e999", "beyond the range of a float"),
        ('"\\ud800"', "lone surrogate"),
        ('{"k": 1, "k": 2}', "duplicate key 'k'"),
    ],
)
def test_graph_files_refuse_with_the_place_and_exit_2(
    meta: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(graph_with_meta(meta), encoding="utf-8")
    code, out, err = run(["show", str(graph)], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"arggraph: error: {graph}: line 1, column ") and expected in err
    assert "malformed JSON" not in err and "Traceback" not in err


def test_a_valid_graph_with_meta_300_deep_is_not_called_malformed(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(graph_with_meta("[" * 300 + "]" * 300), encoding="utf-8")
    with pytest.raises(JSONLimitError) as info:
        loads(graph.read_bytes(), path=graph)
    # The graph, its claims, the claim and its meta are four levels: the meta value's
    # ninety-seventh bracket is the hundred-and-first.
    start = len(graph_with_meta("")) - len("}}]}")
    assert (info.value.line, info.value.column) == (1, start + (MAX_DEPTH - 4) + 1)


def test_duplicate_keys_in_a_claim_are_an_error_not_last_wins() -> None:
    with pytest.raises(JSONLimitError, match="duplicate key 'text'"):
        loads(GRAPH_HEAD + '"text": "B"}]}')


def test_what_loads_saves_back_as_valid_json(tmp_path: Path) -> None:
    graph = loads(graph_with_meta('{"big": 1e308, "tiny": -1e-320, "n": ' + "7" * 4000 + "}"))
    saved = tmp_path / "out.json"
    from arggraph.io import save

    save(graph, saved)
    again = strict_json(saved.read_text(encoding="utf-8"))
    assert again["claims"][0]["meta"]["x"]["n"] == int("7" * 4000)


# ---------------------------------------------------------------------- other JSON readers
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("9" * 5000, "5,000 digits"),
        ("[" * 3000 + "]" * 3000, "nested deeper than 100"),
        ('"\\ud800"', "lone surrogate"),
        ("Infinity", "Infinity is not JSON"),
        ('{"k": 1, "k": 2}', "duplicate key"),
    ],
)
def test_aif_files_refuse_with_the_place_and_exit_2(
    extra: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "nodeset.json"
    source.write_text(aif_with(extra), encoding="utf-8")
    code, out, err = run(["import", str(source)], capsys)
    assert code == 2 and out == ""
    assert f"{source}: line 1, column " in err and expected in err and "Traceback" not in err


def test_a_lone_surrogate_in_an_aif_text_is_refused_where_it_stands() -> None:
    text = aif_with("1").replace('"A"', '"A\\udc00"')
    with pytest.raises(ArggraphError) as info:
        import_text(text, "aif", path="n.json")
    assert "lone surrogate" in str(info.value)
    assert info.value.column == text.index("\\udc00") + 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('"scores": {"a": {"base": 0.5}, "a": {"base": 0.9}}', "duplicate key 'a'"),
        ('"scores": {"a": {"base": NaN}}', "NaN is not JSON"),
    ],
)
def test_score_sheets_refuse_with_the_place(
    body: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.json"
    graph.write_text(GRAPH_HEAD + '"base": 0.5}]}', encoding="utf-8")
    sheet = tmp_path / "s.json"
    sheet.write_text(
        '{"format": "arggraph-scores/1", "graph": "g",\n ' + body + "}", encoding="utf-8"
    )
    code, _, err = run(["score", str(graph), "--scores", str(sheet)], capsys)
    assert code == 2 and f"{sheet}: line 2, column " in err and expected in err


def test_id_maps_refuse_duplicate_names() -> None:
    with pytest.raises(JSONLimitError, match="duplicate key 'a1'"):
        parse_id_map('{"format": "arggraph-id-map/1", "ids": {"a1": "x", "a1": "y"}}', "map.json")


def test_a_hostile_chosen_sheet_record_counts_as_none() -> None:
    record = data_folder() / "chosen.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    for text in (
        '{"sheets": {"u/g": "a.json", "u/g": "b.json"}}',
        '{"sheets": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"sheets": {"u/g": "\\ud800"}}',
    ):
        record.write_text(text, encoding="utf-8")
        assert chosen_sheet("g", "u") is None


def test_check_looks_into_folders_without_crashing_on_deep_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.json").write_text(
        '{"format": "arggraph/1", "meta": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8"
    )
    (tmp_path / "y.json").write_text('{"arggraph": ' + "9" * 5000 + "}", encoding="utf-8")
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 2 and "nested deeper than 100" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("a = " + "[" * 3000 + "]" * 3000, "nested too deep"),
        ("a = " + "9" * 5000, "integer too long"),
    ],
)
def test_check_settings_that_python_cannot_read_are_an_error_not_a_traceback(
    toml: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    graph = tmp_path / "g.json"
    graph.write_text(GRAPH_HEAD + '"kind": "position"}]}', encoding="utf-8")
    code, _, err = run(["check", str(graph)], capsys)
    assert code == 2 and f"{tmp_path / 'pyproject.toml'}: cannot be read" in err
    assert expected in err


# ---------------------------------------------------------------------- JSON inside other formats
def test_argdown_data_nested_deeply_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "deep.argdown"
    source.write_text("[a]: A\n\n[b]: B {x: " + "[" * 3000 + "]" * 3000 + "}\n", encoding="utf-8")
    code, out, err = run(["import", str(source)], capsys)
    assert code == 2 and out == ""
    assert f"{source}: line 3: data nested deeper than 100" in err


def test_argdown_data_up_to_the_limit_reads() -> None:
    depth = MAX_DEPTH - 1  # the block itself is one level
    result = import_text("[a]: A {x: " + "[" * depth + "]" * depth + "}\n", "argdown")
    assert result.model.claims[0].meta is not None


@pytest.mark.parametrize("word", [".nan", ".inf", "-.inf", "nan", "inf", "1e999", "9" * 5000])
def test_argdown_data_numbers_that_are_no_finite_float_save_as_valid_json(word: str) -> None:
    result = import_text(f"[a]: A {{x: {word}, y: 2.5}}\n", "argdown")
    from arggraph.io import dump_graph

    saved = strict_json(dump_graph(result.model))
    data = json.dumps(saved)
    assert "NaN" not in data and "Infinity" not in data
    assert word in data


def test_a_lone_surrogate_escape_in_argdown_data_is_refused_with_its_line() -> None:
    with pytest.raises(ArggraphError, match="lone surrogate") as info:
        import_text('[a]: A\n\n[b]: B {x: "\\ud800"}\n', "argdown", path="s.argdown")
    assert info.value.line == 3


def test_argdown_front_matter_json_is_read_by_the_same_rules() -> None:
    text = '===\npositions: ["a", "a"]\nactors: [{"id": "x", "id": "y"}]\n===\n\n[a]: A\n'
    with pytest.raises(ArggraphError, match="duplicate key 'id'") as info:
        import_text(text, "argdown", path="f.argdown")
    assert info.value.line == 3


def test_graphml_json_values_are_read_by_the_same_rules() -> None:
    graphml = (
        '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="format" for="graph" attr.name="format" attr.type="string"/>'
        '<key id="meta" for="node" attr.name="meta" attr.type="string"/>'
        '<key id="label" for="node" attr.name="label" attr.type="string"/>'
        '<graph edgedefault="directed"><data key="format">arggraph/1</data>\n'
        '<node id="a"><data key="label">A</data><data key="meta">{"x": NaN}</data></node>'
        "</graph></graphml>"
    )
    with pytest.raises(ArggraphError, match="NaN is not JSON") as info:
        import_text(graphml, "graphml", path="g.graphml")
    assert info.value.line == 3


def test_the_readme_contract_states_the_limits_the_code_enforces() -> None:
    from arggraph.atomic import ABANDONED_AFTER, STALE_AFTER
    from arggraph.formats.registry import MAX_ARGUMENTS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start, end = readme.index("Results go to stdout"), readme.index("```sh\narggraph tui")
    contract = " ".join(readme[start:end].split())
    assert f"nested at most {MAX_DEPTH} deep" in contract
    assert f"integers of at most {MAX_INT_DIGITS:,} digits" in contract
    assert f"at most {MAX_ARGUMENTS:,} arguments" in contract
    assert (STALE_AFTER, ABANDONED_AFTER) == (600, 86_400)
    assert "ten minutes old" in contract and "a day old" in contract


@pytest.mark.parametrize("suffix", [".argdown", ".json", ".txt"])
def test_raw_surrogate_bytes_in_a_file_are_refused_with_their_place(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"f{suffix}"
    body = {
        ".argdown": b"[a]: A \xed\xa0\x80\n",
        ".json": aif_with('"\xed\xa0\x80"').encode("latin-1"),
        ".txt": b"Discussion Title: T\n\n1. Thesis: \xed\xa0\x80\n",
    }[suffix]
    source.write_bytes(body)
    code, out, err = run(["import", str(source)], capsys)
    assert code == 2 and out == ""
    assert f"{source}: not UTF-8 text (byte 0xed at line " in err
