"""One error contract: every failure a user can cause is an ArggraphError, the values
that were ValueErrors still are, and each error carries its place as data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _support import BYPASS

from arggraph import errors
from arggraph.cli.score import apply_scores
from arggraph.dates import date_bounds, is_valid_date
from arggraph.errors import (
    ArggraphError,
    ImportFormatError,
    InputError,
    InvalidValueError,
    UnknownIdError,
)
from arggraph.graph import Graph
from arggraph.io import load
from arggraph.model import ClaimScore, ScoreSheet
from arggraph.sheets import ScoreBook, open_book
from arggraph.views import as_of


@pytest.fixture
def graph(tmp_path: Path) -> Graph:
    target = tmp_path / "bypass.json"
    shutil.copy(BYPASS, target)
    return load(target)


def test_every_exported_error_is_an_arggraph_error() -> None:
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, ArggraphError), name


@pytest.mark.parametrize("bad", [1.5, -0.01, float("nan"), float("inf"), "lots", None, [0.5]])
def test_an_out_of_range_score_is_an_invalid_value(
    graph: Graph, tmp_path: Path, bad: object
) -> None:
    book = ScoreBook(graph, path=tmp_path / "s.json", scorer="ana")
    claim = next(iter(graph.claims))
    relation = next(iter(graph.relations))
    with pytest.raises(InvalidValueError) as info:
        book.set_base(claim, bad)  # type: ignore[arg-type]
    err = info.value
    assert isinstance(err, InputError)
    assert isinstance(err, ValueError)  # old callers still work
    assert err.exit_code == 2
    assert str(err) == f"a base score must be a number from 0 to 1, not {bad!r}"
    with pytest.raises(ValueError, match="a link weight must be a number from 0 to 1"):
        book.set_weight(relation, bad)  # type: ignore[arg-type]
    assert claim not in book.bases
    assert relation not in book.weights


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("March 2022", "not a date (YYYY, YYYY-MM or YYYY-MM-DD): 'March 2022'"),
        ("2023-13", "month out of range in '2023-13'"),
        ("2023-02-29", "day out of range in '2023-02-29'"),
        ("2024-04-31", "day out of range in '2024-04-31'"),
        ("0000", "year out of range in '0000'"),
        (20230101, "not a date (YYYY, YYYY-MM or YYYY-MM-DD): 20230101"),
    ],
)
def test_a_malformed_date_is_an_invalid_value(graph: Graph, bad: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        date_bounds(bad)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidValueError, match="out of range|not a date"):
        as_of(graph, bad)  # type: ignore[arg-type]
    assert not is_valid_date(bad)  # type: ignore[arg-type]
    assert is_valid_date("2024-02-29")


def test_a_sheet_for_another_graph_names_its_json_path(graph: Graph, tmp_path: Path) -> None:
    sheet = tmp_path / "s.json"
    sheet.write_text('{"format": "arggraph-scores/1", "graph": "other"}')
    with pytest.raises(InputError) as info:
        open_book(graph, scores=sheet, user="ana")
    err = info.value
    assert err.json_path == ("graph",)
    assert err.place == "graph"
    assert str(err) == f"{sheet}: graph: this score sheet is for graph 'other', not {graph.id!r}"


def test_an_unknown_id_in_a_sheet_names_its_json_path(graph: Graph) -> None:
    sheet = ScoreSheet(graph=graph.id, scores={"ghost": ClaimScore(base=0.5)})
    with pytest.raises(UnknownIdError) as info:
        apply_scores(graph, sheet, "s.json")
    assert info.value.json_path == ("scores", "ghost")
    assert str(info.value).startswith("s.json: scores['ghost']: no claim with id 'ghost'")


def test_importers_errors_carry_line_and_column() -> None:
    from arggraph.formats.aif import from_aif
    from arggraph.formats.iccma import from_tgf
    from arggraph.formats.kialo import from_kialo

    with pytest.raises(ImportFormatError) as info:
        from_kialo("Discussion Title: T\n\nhello\n", path="k.txt")
    assert (info.value.line, info.value.column) == (3, None)
    assert str(info.value) == "k.txt: line 3: " + info.value.message
    with pytest.raises(ImportFormatError) as info:
        from_tgf("a\na\n#\n", path="f.tgf")
    assert info.value.line == 2
    with pytest.raises(ImportFormatError) as info:
        from_aif("{", path="x.json")
    assert (info.value.line, info.value.column) == (1, 2)
    with pytest.raises(ImportFormatError) as info:
        from_aif('{"nodes": [{"nodeID": 1, "text": "x"}], "edges": []}', path="x.json")
    assert info.value.place == "nodes[0].type"
    assert info.value.line is None
