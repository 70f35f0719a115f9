"""`arggraph check` at scale: the streamed findings come in the order `check` returns,
the fast paths equal the plain ones, JSON and SARIF are exactly what `json.dumps`
writes, and files checked in processes report as files checked one by one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.checks.context import ClaimView, Context, quote_id, show_claim
from arggraph.checks.finding import FindingRun, _parsed_path_key, _path_key, finding_sort_key
from arggraph.checks.registry import select_rules
from arggraph.checks.report import dump_json
from arggraph.checks.runner import CHECKERS, iter_findings
from arggraph.cli import main
from arggraph.io import loads
from arggraph.jsonio import dumps
from arggraph.text import shorten

IDS = ["a", "b", "c", "d", "p", "q"]


@st.composite
def graphs(draw: st.DrawFn) -> dict[str, Any]:
    """Small arggraph/1.1 graphs with every kind of fault the rules look for."""
    dates = st.sampled_from([None, "2023-01", "2023-03-06", "2023-03-01/2023-03-20", "2024"])
    attribution = st.fixed_dictionaries(
        {"actor": st.sampled_from(["x", "y", "ghost"])},
        optional={
            "document": st.sampled_from(["d1", "d2", "nowhere"]),
            "quote": st.sampled_from(["", "said so", "said  so"]),
            "date": dates.filter(lambda d: d is not None),
        },
    )
    claims = []
    for ident in draw(st.lists(st.sampled_from(IDS), max_size=7)):
        claim: dict[str, Any] = {"id": ident, "text": draw(st.sampled_from(["T", "t ", "U"]))}
        if ident in "pq":
            claim["kind"] = "position"
        if draw(st.booleans()):
            claim["reconstructed"] = True
        claim["attributions"] = draw(st.lists(attribution, max_size=2))
        claims.append(claim)
    relations = []
    for n in range(draw(st.integers(0, 8))):
        rel: dict[str, Any] = {"type": draw(st.sampled_from(["attack", "support"]))}
        premises = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=3, unique=True))
        if len(premises) == 1 and draw(st.booleans()):
            rel["source"] = premises[0]
        else:
            rel["sources"] = premises
        rel["target"] = draw(st.sampled_from([*IDS, "r0", "r1", "r2"]))
        if draw(st.booleans()):
            rel["id"] = f"r{n}"
        rel["attributions"] = draw(st.lists(attribution, max_size=1))
        relations.append(rel)
    return {
        "format": "arggraph/1.1",
        "id": "g",
        "documents": [
            {"id": "d1", "title": "D1", "published": "2023-03-06"},
            {"id": "d2", "title": "D2"},
        ],
        "actors": [
            {"id": "x", "name": "X", "kind": "analyst"},
            {"id": "y", "name": "Y", "kind": "analyst"},
            {"id": "idle", "name": "I", "kind": "analyst"},
        ],
        "claims": claims,
        "relations": relations,
    }


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_findings_stream_in_check_order(data: dict[str, Any]) -> None:
    g = loads(json.dumps(data), path="g.json", strict=False)
    enabled = select_rules()
    streamed = list(iter_findings(g, enabled))
    assert streamed == sorted(streamed, key=finding_sort_key)
    ctx = Context(g, enabled)
    every: list[Any] = []
    for checker in CHECKERS:
        found = [
            f
            for item in checker.run(ctx)
            for f in (item.findings() if isinstance(item, FindingRun) else [item])
            if f.code in enabled
        ]
        if checker.ordered:  # a checker that says so yields in order
            assert found == sorted(found, key=finding_sort_key), checker.run.__name__
        every += found
    assert sorted(every, key=finding_sort_key) == streamed


steps = st.one_of(
    st.integers(0, 30).map(lambda i: f"[{i}]"),
    st.sampled_from(["claims", "relations", "documents", "actors", "id", "quote", "x"]).map(
        lambda name: "." + name
    ),
)


@given(st.lists(steps, max_size=5), st.sampled_from(["claims", "relations", "meta", "", "id"]))
def test_the_fast_path_key_is_the_parsed_one(tail: list[str], first: str) -> None:
    path = first + "".join(tail)
    assert _path_key(path) == _parsed_path_key(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(json_values)
def test_dump_json_writes_what_jsonio_dumps_writes(value: Any) -> None:
    """Piece by piece, the text the whole document would be (terminal controls escaped),
    and it reads back as the value."""
    assert dump_json(value) == dumps(value)
    assert dumps([value]) == "[\n  " + dump_json(value, "  ") + "\n]"
    assert json.loads(dump_json(value)) == value


# ---------------------------------------------------------------------- the command
FAULTY: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "actors": [{"id": "x", "name": "X", "kind": "analyst"}],
    "claims": [
        {"id": "p", "text": "P", "kind": "position"},
        {"id": "c", "text": "C \x1b[31m", "attributions": [{"actor": "x", "quote": "q"}]},
        {"id": "bare", "text": "Bare"},
    ],
    "relations": [
        {"type": "support", "source": "c", "target": "p"},
        {"type": "attack", "source": "bare", "target": "bare", "id": "loop"},
    ],
}


def corpus(folder: Path) -> list[str]:
    """Graphs with findings, one without, one unusable and one that is no graph."""
    files = []
    for n in range(5):
        data = json.loads(json.dumps(FAULTY))
        data["claims"] += [{"id": f"extra{k}", "text": f"E{k}"} for k in range(n)]
        path = folder / f"g{n}.json"
        path.write_text(json.dumps(data, indent=2 if n % 2 else None), encoding="utf-8")
        files.append(str(path))
    (folder / "broken.json").write_text('{"format": "arggraph/1", "claims": [}', encoding="utf-8")
    files.insert(2, str(folder / "broken.json"))
    return files


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_files_checked_in_processes_report_as_one_by_one(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = corpus(tmp_path)
    args = ["check", *files, "--no-config", "--format", fmt]
    code_one = main([*args, "--jobs", "1"])
    one = capsys.readouterr()
    code_many = main([*args, "--jobs", "3"])
    many = capsys.readouterr()
    assert (code_many, many.out, many.err) == (code_one, one.out, one.err)
    assert code_one == 2
    if fmt in ("json", "sarif"):
        assert one.out == json.dumps(json.loads(one.out), ensure_ascii=False, indent=2) + "\n"


def test_statistics_and_skipped_files_in_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus(tmp_path)
    (tmp_path / "sheet.json").write_text('{"format": "arggraph-scores/1"}', encoding="utf-8")
    args = ["check", str(tmp_path), "--no-config", "--statistics", "-v"]
    assert main([*args, "--jobs", "1"]) == 2
    one = capsys.readouterr()
    assert main([*args, "--jobs", "2"]) == 2
    assert capsys.readouterr() == one
    assert one.out.splitlines()[-1].endswith(
        "1 file could not be checked; 1 file skipped: not arggraph graphs (-v names them)."
    )


def test_a_bad_number_of_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", "g.json", "--jobs", "0"])
    assert info.value.code == 2
    assert "expected a whole number of at least 1, not '0'" in capsys.readouterr().err


def test_empty_reports_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = {
        "format": "arggraph/1",
        "id": "g",
        "claims": [{"id": "p", "text": "P", "kind": "position"}],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(clean), encoding="utf-8")
    assert main(["check", str(path), "--no-config", "--select", "P", "--format", "json"]) == 0
    assert capsys.readouterr().out == "[]\n"
    assert main(["check", str(path), "--no-config", "--select", "P", "--format", "github"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", str(path), "--no-config", "--select", "P", "--format", "sarif"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


@given(
    st.text(
        st.sampled_from(["a", "b", " ", "\t", "\n", "\x1b", "\u00a0", "\u202e", "é"]),
        max_size=50,
    ),
    st.integers(1, 45),
)
def test_a_claim_is_shown_with_its_text_shortened_as_shorten_does(text: str, width: int) -> None:
    # show_claim skips the folding for a text that is safe on one line already
    shown = show_claim(ClaimView("c 1", text, "claim"), width)
    assert shown == f'{quote_id("c 1")} ("{shorten(text, width)}")'


def test_a_plain_graph_is_checked_without_loading_the_models(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "g.json"
    data = {
        "format": "arggraph/1",
        "id": "g",
        "claims": [
            {"id": "p", "text": "P", "kind": "position"},
            {"id": "q", "text": "Q", "kind": "position"},  # unargued: S007
            {"id": "a", "text": "A"},
            {"id": "b", "text": "a "},  # S010
        ],
        "relations": [{"type": "attack", "source": "a", "target": "p"}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    code = (
        "import sys\nfrom arggraph.cli import main\n"
        f"code = main(['check', '--no-config', {str(path)!r}])\n"
        "print('pydantic' in sys.modules, 'arggraph.model' in sys.modules, code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "S007" in out.stdout and "S010" in out.stdout and "P002" in out.stdout
    assert out.stdout.splitlines()[-1] == "False False 0"
