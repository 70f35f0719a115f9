"""Findings in runs (`FindingRun`): a plain graph is checked from its columns with the
findings of a model-built graph, a run is written as its findings one by one are, and
a run cut by other findings keeps the order `check` returns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.checks.finding import Finding, FindingRun, finding_sort_key
from arggraph.checks.registry import select_rules
from arggraph.checks.report import (
    FileReport,
    Format,
    GithubFormat,
    JsonFormat,
    SarifFormat,
    TextFormat,
    each_finding,
)
from arggraph.checks.runner import Found, _merge, iter_findings, iter_found
from arggraph.io import loads

CLAIM_IDS = ["a", "b", "c", "p", "q", "e f", "g\x1bh"]


@st.composite
def plain_graphs(draw: st.DrawFn) -> dict[str, Any]:
    """Plain graph files (what loading reads into columns): claims with id, text, kind
    and base, relations with type, ends and sometimes an id."""
    ids = draw(st.lists(st.sampled_from(CLAIM_IDS), min_size=1, max_size=6, unique=True))
    claims = []
    for ident in ids:
        claim: dict[str, Any] = {"id": ident, "text": draw(st.sampled_from(["T", "t ", "U"]))}
        kind = draw(st.sampled_from([None, "position", "claim", "evidence"]))
        if kind is not None:
            claim["kind"] = kind
        claims.append(claim)
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=8, unique=True)
    )
    named = draw(st.booleans())
    relations = []
    for n, (source, target) in enumerate(pairs):
        rel: dict[str, Any] = {"type": draw(st.sampled_from(["attack", "support"]))}
        rel |= {"source": source, "target": target}
        if named:
            rel["id"] = f"r{n}"
        relations.append(rel)
    return {"format": "arggraph/1", "id": "g", "claims": claims, "relations": relations}


@settings(max_examples=150, deadline=None)
@given(plain_graphs())
def test_a_plain_graph_is_checked_from_its_columns_as_from_its_models(
    data: dict[str, Any],
) -> None:
    plain = loads(json.dumps(data), path="g.json", strict=False)
    assert plain.columns is not None
    # An empty list of actors keeps the file off the fast path: the models are built.
    modelled = loads(json.dumps({**data, "actors": []}), path="g.json", strict=False)
    assert modelled.columns is None
    enabled = select_rules()
    expected = list(iter_findings(modelled, enabled))
    assert list(iter_findings(plain, enabled)) == expected
    with mock.patch("arggraph.checks.provenance.RUN_SIZE", 2):  # runs of two findings
        assert list(iter_findings(plain, enabled)) == expected


def test_a_plain_graph_is_checked_without_its_models() -> None:
    data = {
        "claims": [{"id": f"c{i}", "text": f"C{i}"} for i in range(5)],
        "relations": [{"type": "attack", "source": "c1", "target": "c0"}],
    }
    g = loads(json.dumps(data), path="g.json", strict=False)
    found = list(iter_found(g, select_rules()))
    runs = [item for item in found if isinstance(item, FindingRun)]
    assert [(r.code, len(r)) for r in runs] == [("P001", 5), ("P002", 1)]
    assert g._model is None  # nothing asked for the models


TEXTS = ["x", "y y", "e\u0301", "Ünïcode", "tab\there", "new\nline", "bell\x07", "  ", ""]


def _run(plain: bool, ids: list[str], messages: list[str]) -> FindingRun:
    return FindingRun(
        "P001", "warning", "claims", list(range(0, 3 * len(ids), 3)), ids, messages, "g.json", plain
    )


def _is_plain(text: str) -> bool:
    return text.isprintable() and "  " not in text and text.strip(" ") == text and " " not in text


@given(st.lists(st.tuples(st.sampled_from(TEXTS), st.sampled_from(TEXTS)), max_size=6))
def test_a_run_is_written_as_its_findings_are_in_every_format(
    rows: list[tuple[str, str]],
) -> None:
    ids = [i for i, _ in rows]
    messages = [f"claim '{m}' has no attribution" for _, m in rows]
    plain = all(_is_plain(i) for i in ids) and all(_is_plain(m) for _, m in rows)
    run = _run(plain, ids, messages)
    report = FileReport("g.json")
    formats: list[Format] = [
        TextFormat(),
        TextFormat(colour=True),
        JsonFormat(),
        SarifFormat(),
        GithubFormat(),
    ]
    for fmt, lines in product(formats, ([3 * j + 1 for j in range(len(ids))], [1] * len(ids))):
        expected = each_finding(fmt.renderer(report))(run, lines)
        assert fmt.run_renderer(report)(run, lines) == expected, fmt
        assert expected == [
            fmt.renderer(report)(f, n) for f, n in zip(run.findings(), lines, strict=True)
        ]


@given(
    st.lists(st.integers(0, 30), unique=True, max_size=12).map(sorted),
    st.lists(st.tuples(st.integers(0, 31), st.sampled_from(["P001", "S006", "R004"])), max_size=8),
)
def test_a_run_cut_by_other_findings_keeps_the_order(
    at: list[int], others: list[tuple[int, str]]
) -> None:
    ids = [f"c{i}" for i in at]
    run = FindingRun("P001", "warning", "claims", at, ids, [f"m {i}" for i in ids], "g.json")
    singles = sorted(
        (Finding(code, "warning", "x", (f"c{i}",), f"claims[{i}]", "g.json") for i, code in others),
        key=finding_sort_key,
    )
    streams: list[Iterator[Found]] = [iter([run] if len(run) else []), iter(singles)]
    merged: list[Finding] = []
    for item in _merge(streams):
        merged += item.findings() if isinstance(item, FindingRun) else [item]
    expected = sorted([*run.findings(), *singles], key=finding_sort_key)
    assert merged == expected


@pytest.mark.parametrize("indent", [1, None])
def test_a_report_is_the_same_whatever_the_sizes_of_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], indent: int | None
) -> None:
    from arggraph.cli import main

    data: dict[str, Any] = {
        "format": "arggraph/1",
        "id": "g",
        "claims": [{"id": f"c{i}", "text": f"Claim {i}"} for i in range(40)],
        "relations": [
            {"type": "attack" if i % 3 else "support", "source": f"c{i}", "target": f"c{i - 1}"}
            for i in range(1, 40)
        ],
    }
    outputs = []
    # A plain file is checked from its columns (P002's ids and messages templates, its
    # runs written a whole chunk at a time); with an empty list of actors, from its
    # models (the runs of P001 and P002 not cut to size, their texts lists).
    extras: list[dict[str, Any]] = [{}, {"actors": []}]
    for extra in extras:
        path = tmp_path / "g.json"
        path.write_text(json.dumps({**data, **extra}, indent=indent), encoding="utf-8")
        for chunk, batch in ((1 << 16, 2048), (3, 2), (1, 1)):
            with (
                mock.patch("arggraph.cli.check._RUN_CHUNK", chunk),
                mock.patch("arggraph.cli.check._BATCH", batch),
            ):
                for fmt in ("text", "json"):
                    main(["check", "--no-config", "--format", fmt, str(path)])
                    outputs.append(capsys.readouterr().out)
    assert outputs[0].count("P001") == 40 and "R004" in outputs[0]
    assert outputs[0::2] == [outputs[0]] * 6
    assert outputs[1::2] == [outputs[1]] * 6


@st.composite
def ordered_streams(draw: st.DrawFn) -> list[list[Found]]:
    """Two to four streams of findings, each in check order, with some of each stream's
    findings on consecutive items of one section gathered into runs."""
    streams: list[list[Found]] = []
    for code in draw(
        st.lists(
            st.sampled_from(["P001", "P002", "S006", "R004"]), min_size=2, max_size=4, unique=True
        )
    ):
        places = draw(
            st.lists(
                st.tuples(st.sampled_from(["claims", "relations"]), st.integers(0, 20)),
                unique=True,
                max_size=15,
            )
        )
        found = sorted(
            (
                Finding(code, "warning", f"m {p}", (f"{s[0]}{p}",), f"{s}[{p}]", "g.json")
                for s, p in places
            ),
            key=finding_sort_key,
        )
        stream: list[Found] = []
        at = 0
        while at < len(found):
            size = draw(st.integers(1, 5))
            group = found[at : at + size]
            section = group[0].path.partition("[")[0] if group[0].path else ""
            if len(group) > 1 and all(f.path and f.path.startswith(section) for f in group):
                stream.append(
                    FindingRun(
                        code,
                        "warning",
                        section,
                        [int(f.path[len(section) + 1 : -1]) for f in group if f.path],
                        [f.ids[0] for f in group],
                        [f.message for f in group],
                        "g.json",
                    )
                )
            else:
                stream += group
            at += size
        streams.append(stream)
    return streams


@settings(max_examples=300)
@given(ordered_streams())
def test_runs_and_findings_of_many_streams_merge_in_check_order(
    streams: list[list[Found]],
) -> None:
    def each(items: list[Found]) -> list[Finding]:
        return [
            f
            for item in items
            for f in (item.findings() if isinstance(item, FindingRun) else [item])
        ]

    expected = sorted((f for stream in streams for f in each(stream)), key=finding_sort_key)
    merged = list(_merge([iter(stream) for stream in streams]))
    assert each(merged) == expected
    assert all(len(item) for item in merged if isinstance(item, FindingRun))
