"""Date intervals (arggraph/1.1): their bounds, the timeline that counts them from their
end, and the checks that compare dates by the right bound and say which."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from arggraph.checks import check
from arggraph.dates import date_bounds, interval_ends, is_interval, is_valid_date
from arggraph.errors import InvalidValueError, SchemaError
from arggraph.graph import Graph
from arggraph.io import loads
from arggraph.summary import summarize
from arggraph.views import as_of, attribution_counts, graph_dates


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023-02-27/2023-03-05", date(2023, 2, 27), date(2023, 3, 5)),
        ("2023/2024", date(2023, 1, 1), date(2024, 12, 31)),
        ("2023-02/2023-03", date(2023, 2, 1), date(2023, 3, 31)),
        ("2023-02-10/2023-02", date(2023, 2, 10), date(2023, 2, 28)),
        ("2024-02/2024-02-29", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-03/2023-03-10", date(2023, 3, 1), date(2023, 3, 10)),  # not surely after
        ("2023-03-05/2023-03-05", date(2023, 3, 5), date(2023, 3, 5)),
    ],
)
def test_an_interval_runs_from_the_first_day_of_its_start_to_the_last_of_its_end(
    value: str, first: date, last: date
) -> None:
    assert date_bounds(value) == (first, last)
    assert is_interval(value) and is_valid_date(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-03-05/2023-03-01", "the start of '2023-03-05/2023-03-01' is after its end"),
        ("2023-03-11/2023-03-10", "the start of '2023-03-11/2023-03-10' is after its end"),
        ("2024/2023-12-31", "the start of '2024/2023-12-31' is after its end"),
        ("2023-02-30/2023-03", "day out of range in '2023-02-30'"),
        (
            "2023-01/",
            "not a date interval (START/END, each YYYY, YYYY-MM or YYYY-MM-DD): '2023-01/'",
        ),
        (
            "2023/2024/2025",
            "not a date interval (START/END, each YYYY, YYYY-MM or YYYY-MM-DD): '2023/2024/2025'",
        ),
    ],
)
def test_a_bad_interval_says_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        date_bounds(value)
    assert str(info.value) == message
    assert not is_valid_date(value)


def test_the_ends_of_a_date_as_written() -> None:
    assert interval_ends("2023-02/2023-03-05") == ("2023-02", "2023-03-05")
    assert interval_ends("2023-02") == ("2023-02", "2023-02")
    assert not is_interval("2023-02")


def test_the_loader_refuses_an_interval_that_ends_before_it_starts() -> None:
    data = {
        "format": "arggraph/1.1",
        "claims": [{"id": "a", "text": "A", "date": "2023-03/2023-02"}],
    }
    with pytest.raises(SchemaError) as info:
        loads(json.dumps(data), path="g.json")
    assert str(info.value) == (
        "g.json: claims[0].date: the start of the interval is after its end, got "
        "'2023-03/2023-02' (claim 'a')"
    )


# ---------------------------------------------------------------------- the timeline
def timeline() -> Graph:
    return loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
                "documents": [
                    {"id": "week", "title": "Undated report", "published": "2023-02-27/2023-03-05"}
                ],
                "claims": [
                    {"id": "p", "text": "P", "kind": "position"},
                    {
                        "id": "vague",
                        "text": "Said some time that week",
                        "attributions": [{"actor": "x", "document": "week"}],
                    },
                    {
                        "id": "own",
                        "text": "Dated by its own interval",
                        "attributions": [{"actor": "x", "date": "2023-03-01/2023-03-20"}],
                    },
                    {
                        "id": "day",
                        "text": "Said on a day",
                        "attributions": [{"actor": "x", "date": "2023-03-02"}],
                    },
                ],
                "relations": [
                    {"type": "attack", "source": "vague", "target": "p"},
                    {"type": "attack", "source": "own", "target": "p"},
                    {"type": "support", "source": "day", "target": "p"},
                ],
            }
        )
    )


def test_an_interval_counts_from_its_end() -> None:
    assert not attribution_counts("2023-02-27/2023-03-05", "2023-03-04")
    assert attribution_counts("2023-02-27/2023-03-05", "2023-03-05")
    assert attribution_counts("2023-02-27/2023-03-05", "2023-03")
    g = timeline()
    assert sorted(as_of(g, "2023-03-02").claims) == ["day", "p"]
    assert sorted(as_of(g, "2023-03-05").claims) == ["day", "p", "vague"]
    assert sorted(as_of(g, "2023-03-20").claims) == ["day", "own", "p", "vague"]
    assert sorted(as_of(g, "2023-03-05").relations) == ["attack:vague->p", "support:day->p"]


def test_the_graph_dates_step_by_their_ends() -> None:
    assert graph_dates(timeline()) == [
        "2023-03-02",
        "2023-02-27/2023-03-05",
        "2023-03-01/2023-03-20",
    ]


def test_show_gives_the_range_from_a_start_to_an_end() -> None:
    assert summarize(timeline())["dates"] == {"first": "2023-02-27", "last": "2023-03-20"}


# ---------------------------------------------------------------------- the checks
def dated(att_date: str, published: str) -> Graph:
    return loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
                "documents": [{"id": "d", "title": "D", "published": published}],
                "claims": [
                    {
                        "id": "c",
                        "text": "C",
                        "attributions": [
                            {"actor": "x", "document": "d", "quote": "q", "date": att_date}
                        ],
                    }
                ],
            }
        ),
        path="g.json",
    )


@pytest.mark.parametrize(
    ("att_date", "published", "why"),
    [
        (
            "2023-03-10/2023-03-20",
            "2023-03-06",
            ": the start of its interval, 2023-03-10, is after 2023-03-06",
        ),
        (
            "2023-03-10",
            "2023-03-01/2023-03-06",
            ": 2023-03-10 is after the end of its interval, 2023-03-06",
        ),
        (
            "2023-04/2023-05",
            "2023-02/2023-03",
            ": the start of its interval, 2023-04, is after the end of its interval, 2023-03",
        ),
        ("2023-04", "2023-03-06", ""),
    ],
)
def test_p007_compares_the_start_of_a_date_with_the_end_of_a_publication(
    att_date: str, published: str, why: str
) -> None:
    (finding,) = check(dated(att_date, published), select=["P007"])
    assert finding.message == (
        f"attribution of claim 'c' is dated {att_date}, after its document 'd' was "
        f"published ({published}){why}"
    )


@pytest.mark.parametrize(
    ("att_date", "published"),
    [
        ("2023-03-01/2023-03-20", "2023-03-06"),  # may have been said before
        ("2023-03-10", "2023-03-01/2023-03-31"),  # may have been published after
        ("2023-03-06/2023-03-06", "2023-03"),
    ],
)
def test_p007_is_quiet_when_an_interval_may_overlap(att_date: str, published: str) -> None:
    assert check(dated(att_date, published), select=["P007"]) == []


def endorsing(a_date: str, b_date: str) -> dict[str, Any]:
    return {
        "format": "arggraph/1.1",
        "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
        "claims": [
            {"id": "a", "text": "A", "attributions": [{"actor": "x", "date": a_date}]},
            {"id": "b", "text": "B", "attributions": [{"actor": "x", "date": b_date}]},
        ],
        "relations": [{"type": "attack", "source": "a", "target": "b"}],
    }


def test_reasoning_reads_intervals_as_periods() -> None:
    overlapping = loads(json.dumps(endorsing("2023-03-01/2023-03-10", "2023-03-05")))
    assert [f.code for f in check(overlapping, select=["R"])] == ["R001"]
    apart = loads(json.dumps(endorsing("2023-01/2023-02", "2023-03-05")))
    (finding,) = check(apart, select=["R"])
    assert finding.code == "R002"
    assert "on 2023-01/2023-02 endorsed 'a'" in finding.message
    assert "on 2023-03-05 'b'" in finding.message


@pytest.mark.parametrize("value", ["２０２４", "٢٠٢٤-03", "2024-0٣", "2023\n", "2023-03-06\n"])
def test_a_date_is_written_in_ascii_digits_with_nothing_after_it(value: str) -> None:
    """Python's ``\\d`` takes any script's digits and ``$`` a final newline; a date of
    the format takes neither (the TUI's forms saved ``"2２０２"`` from ``２０２４``)."""
    assert not is_valid_date(value)
    with pytest.raises(SchemaError, match="not a real date"):
        loads(json.dumps({"claims": [{"id": "a", "text": "A", "date": value}]}))


@pytest.mark.parametrize("value", [1, 0, "yes", "true", 1.0])
def test_reconstructed_is_true_false_or_absent_and_nothing_else(value: object) -> None:
    """As strict as every other field: ``1`` or ``"yes"`` is refused, not read as true
    (which silenced the provenance checks for the claim)."""
    doc = {"format": "arggraph/1.1", "claims": [{"id": "a", "text": "A", "reconstructed": value}]}
    with pytest.raises(SchemaError, match="reconstructed"):
        loads(json.dumps(doc))
