"""Ids and messages made from templates (`Formatted`), and reports written a whole run at
a time: the bulk text is the text of the findings one by one."""

from __future__ import annotations

import re
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arggraph._ids import default_relation_ids
from arggraph.checks._formatted import Formatted, format_block, format_rows
from arggraph.checks.finding import FindingRun
from arggraph.checks.provenance import (
    RELATION_ID,
    UNATTRIBUTED_RELATION,
    _relation_messages,
)
from arggraph.checks.report import (
    FileReport,
    Format,
    GithubFormat,
    JsonFormat,
    SarifFormat,
    TextFormat,
    each_finding,
)

#: Texts safe on one line as they are, with what a template must not misread (percent
#: signs), and texts that are not (spaces, controls, a newline).
SAFE = ["a", "%", "%s", "%d%%", "'", '"', "é", "->"]
UNSAFE = [*SAFE, " ", "\x1b", "\n"]


#: A text of those.
TEXT = st.sampled_from([SAFE, SAFE, UNSAFE]).flatmap(
    lambda alphabet: st.lists(st.sampled_from(alphabet), max_size=4).map("".join)
)


def _relations(n: int) -> st.SearchStrategy[tuple[list[str], list[str], list[str]]]:
    """``n`` relations' types, sources and targets; their ids mostly safe as they are."""
    column = st.lists(TEXT, min_size=n, max_size=n)
    kinds = st.lists(st.sampled_from(["support", "attack"]), min_size=n, max_size=n)
    return st.tuples(kinds, column, column)


@given(st.integers(0, 6).flatmap(_relations))
def test_p002_templates_give_what_its_f_strings_give(
    columns: tuple[list[str], list[str], list[str]],
) -> None:
    kinds, sources, targets = columns
    ids = default_relation_ids(kinds, sources, targets)
    assert format_rows(RELATION_ID, columns) == ids
    messages = _relation_messages(kinds, ids, sources, targets)
    assert format_rows(UNATTRIBUTED_RELATION, (kinds, ids, sources, targets)) == messages


@given(st.integers(0, 6).flatmap(_relations), st.integers(0, 6), st.integers(0, 6))
def test_formatted_rows_read_as_the_template_makes_them(
    columns: tuple[list[str], list[str], list[str]], start: int, stop: int
) -> None:
    kinds, sources, targets = columns
    for make in (None, default_relation_ids):
        ids = Formatted(RELATION_ID, columns, make=make)
        messages = Formatted(UNATTRIBUTED_RELATION, (kinds, ids, sources, targets))
        expected_ids = [RELATION_ID % row for row in zip(*columns, strict=True)]
        expected = [
            UNATTRIBUTED_RELATION % (k, i, a, b)
            for k, i, a, b in zip(kinds, expected_ids, sources, targets, strict=True)
        ]
        assert list(ids) == expected_ids and list(messages) == expected
        assert len(messages) == len(expected)
        assert messages[start:stop] == expected[start:stop]
        assert [messages[i] for i in range(len(messages))] == expected
        template, flat = messages.inline()
        assert format_rows(template, flat) == expected
        assert format_block(template, flat) == "".join(expected)


def test_a_template_must_fit_its_columns() -> None:
    with pytest.raises(ValueError, match="does not take 1 columns"):
        Formatted("%s and %s", (["a"],))
    with pytest.raises(ValueError, match="does not take 1 columns"):
        Formatted("100% %s", (["a"],))
    with pytest.raises(ValueError, match="goes in a %s"):
        Formatted("%d", (Formatted("%s", (["a"],)),))
    with pytest.raises(ValueError, match="differ in length"):
        Formatted("%s%s", (["a"], ["b", "c"]))
    assert list(Formatted("100%% %s", (["a"],))) == ["100% a"]


FORMATS: list[Format] = [
    TextFormat(),
    TextFormat(colour=True),
    TextFormat(id_limit=3),
    JsonFormat(),
    SarifFormat(),
    GithubFormat(),
]


@given(
    st.integers(0, 5).flatmap(_relations),
    st.booleans(),
    st.sampled_from(["g.json", "50% g.json", "g\x1b.json"]),
    st.integers(0, 5),
)
def test_a_run_is_written_at_once_as_its_findings_one_by_one_in_every_format(
    columns: tuple[list[str], list[str], list[str]], templated: bool, file: str, cut: int
) -> None:
    kinds, sources, targets = columns
    n = len(kinds)
    ids = default_relation_ids(kinds, sources, targets)
    messages = _relation_messages(kinds, ids, sources, targets)
    plain = all(t.isprintable() and " " not in t for t in ids)
    idents: list[str] | Formatted = ids
    said: list[str] | Formatted = messages
    if templated:
        idents = Formatted(RELATION_ID, columns, make=default_relation_ids)
        said = Formatted(UNATTRIBUTED_RELATION, (kinds, idents, sources, targets))
    positions = list(range(2, 2 + 3 * n, 3))
    whole = FindingRun("P002", "warning", "relations", positions, idents, said, file, plain)
    run = whole.span(min(cut, n), n)  # a part of a run, as the report cuts it
    report = FileReport(file)
    for fmt, lines in product(FORMATS, ([4 * j + 1 for j in range(len(run))], [1] * len(run))):
        one_by_one = [
            fmt.renderer(report)(f, line) for f, line in zip(run.findings(), lines, strict=True)
        ]
        assert each_finding(fmt.renderer(report))(run, lines) == one_by_one
        assert fmt.run_text(report)(run, lines) == fmt.separator.join(one_by_one), fmt


@given(
    st.lists(st.sampled_from(["%s", "%d", "%%", "a", " [", "%%s", "]\n"]), max_size=8),
    st.integers(0, 4),
    st.data(),
)
def test_a_block_is_the_rows_of_its_template_joined(
    pieces: list[str], rows: int, data: st.DataObject
) -> None:
    template = "".join(pieces)
    fields = [f for f in re.findall(r"%[sd%]", template) if f != "%%"]
    if not fields:
        return
    columns = [
        data.draw(
            st.lists(
                TEXT if field == "%s" else st.integers(-5, 10**6), min_size=rows, max_size=rows
            )
        )
        for field in fields
    ]
    assert format_block(template, columns) == "".join(format_rows(template, columns))
