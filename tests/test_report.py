"""`arggraph report`: what the report says (verdicts, panels, deciding claims, claims and
sources) and the command line around it. The HTML and Markdown markup is tested in
test_report_markup.py, the page in a real browser in test_report_browser.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT, BYPASS, HOSTILE, ROOT, needs_bakhmut

from arggraph.cli import main
from arggraph.errors import InputError, UnknownIdError
from arggraph.graph import Graph
from arggraph.io import load, load_scores, loads
from arggraph.model import ClaimScore, ScoreSheet, WeightScore
from arggraph.panel import Panel, compare, is_consensus, robustness
from arggraph.report import build_report, format_for, render_report, report_format
from arggraph.report.claims import outline, reading_order
from arggraph.report.content import ReportContent, safe_url
from arggraph.semantics.registry import GRADUAL
from arggraph.semantics.verdict import verdict

GRAPH: dict[str, Any] = {
    "format": "arggraph/1",
    "id": "g",
    "title": "Go or stay",
    "question": "Should we go?",
    "documents": [
        {"id": "web", "title": "On the web", "url": "https://example.org/a?b=1"},
        {"id": "evil", "title": "Evil", "url": "javascript:alert(1)"},
    ],
    "actors": [{"id": "ana", "name": "Ana", "kind": "analyst", "affiliation": "Inst"}],
    "claims": [
        {"id": "go", "text": "We should go", "kind": "position"},
        {"id": "stay", "text": "We should stay", "kind": "position"},
        {
            "id": "cost",
            "text": "Staying costs",
            "base": 0.8,
            "attributions": [
                {"actor": "ana", "document": "web", "quote": "It costs.", "date": "2023-03-06"}
            ],
        },
        {"id": "view", "text": "The view is fine", "kind": "evidence"},
    ],
    "relations": [
        {"type": "attack", "source": "cost", "target": "stay"},
        {"type": "support", "source": "view", "target": "stay"},
    ],
}


def _sheet(
    scorer: str, scores: dict[str, float], weights: dict[str, float] | None = None
) -> dict[str, Any]:
    return {
        "format": "arggraph-scores/1",
        "graph": "g",
        "scorer": scorer,
        "scores": {k: {"base": v} for k, v in scores.items()},
        "weights": {k: {"weight": v} for k, v in (weights or {}).items()},
    }


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(GRAPH), encoding="utf-8")
    return path


def _write(tmp_path: Path, name: str, data: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- content
def test_the_verdict_is_the_semantics_verdict(graph_file: Path) -> None:
    g = load(graph_file)
    r = build_report(g)
    v = verdict(g)
    assert r.standing.leader == v.leader == "go"
    assert r.standing.runner_up == "stay"
    assert r.standing.margin == pytest.approx(v.margin)
    assert r.question == "Should we go?"
    assert r.positions == ("go", "stay")
    assert r.neutral is False  # cost is scored 0.8


def test_robustness_covers_every_gradual_semantics_in_the_registry_order(
    graph_file: Path,
) -> None:
    r = build_report(load(graph_file))
    assert [s.semantics for s in r.robustness] == list(GRADUAL)
    hcat = next(s for s in r.robustness if s.semantics == "hcat")
    assert hcat.problem == "weighted h-categorizer takes attacks only, and this map has supports"
    assert hcat.leader is None
    assert r.holds_everywhere


def test_a_verdict_that_turns_under_another_semantics_is_not_said_to_hold() -> None:
    # One strong attacker (0.9) on a, two middling ones (0.5 each) on b: DF-QuAD's
    # probabilistic sum weighs the two as 0.75 < 0.9, so b leads; the sum-based
    # semantics add them up to 1.0 > 0.9, so a leads.
    g = loads(
        json.dumps(
            {
                "id": "t",
                "claims": [
                    {"id": "a", "text": "A", "kind": "position"},
                    {"id": "b", "text": "B", "kind": "position"},
                    {"id": "x", "text": "X", "base": 0.9},
                    {"id": "y1", "text": "Y1"},
                    {"id": "y2", "text": "Y2"},
                ],
                "relations": [
                    {"type": "attack", "source": "x", "target": "a"},
                    {"type": "attack", "source": "y1", "target": "b"},
                    {"type": "attack", "source": "y2", "target": "b"},
                ],
            }
        )
    )
    r = build_report(g)
    leaders = {s.semantics: s.leader for s in r.robustness}
    assert leaders == {"dfquad": "b", "qe": "a", "euler": "a", "hcat": "a"}
    assert not r.holds_everywhere
    page = render_report(r, "md")
    assert "**No.** The verdict depends on the method: under quadratic energy" in page


def test_one_sheet_sets_the_scores_and_is_named(graph_file: Path, tmp_path: Path) -> None:
    g = load(graph_file)
    path = _write(tmp_path, "ana.json", _sheet("ana", {"cost": 0.1, "view": 1.0}))
    sheet = load_scores(path)
    r = build_report(g, [sheet])
    assert r.standing.leader == verdict(g, scores=sheet).leader == "stay"
    assert r.scores_label == "the scores of ana"
    assert r.panel is None
    assert r.claim("cost").base == 0.1
    assert r.fingerprints[1].name == "ana.json"
    assert r.fingerprints[1].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_graphs_fingerprint_is_the_hash_of_its_file(graph_file: Path) -> None:
    r = build_report(load(graph_file))
    assert r.fingerprints[0].name == "g.json"
    assert r.fingerprints[0].sha256 == hashlib.sha256(graph_file.read_bytes()).hexdigest()
    assert r.fingerprints[0].of_file


def test_a_graph_read_from_nothing_is_hashed_as_arggraph_writes_it() -> None:
    text = json.dumps(GRAPH)
    assert (
        build_report(loads(text)).fingerprints[0].sha256
        == hashlib.sha256(text.encode("utf-8")).hexdigest()
    )
    r = build_report(Graph(loads(text).model))
    assert r.fingerprints[0].of_file is False
    assert len(r.fingerprints[0].sha256) == 64


def test_several_sheets_make_a_panel_of_their_median(graph_file: Path, tmp_path: Path) -> None:
    g = load(graph_file)
    sheets = [
        load_scores(
            _write(tmp_path, "a.json", _sheet("a", {"cost": 0.1}, {"support:view->stay": 0.2}))
        ),
        load_scores(_write(tmp_path, "b.json", _sheet("b", {"cost": 0.2}))),
        load_scores(_write(tmp_path, "c.json", _sheet("c", {"cost": 0.9, "view": 0.0}))),
    ]
    r = build_report(g, sheets)
    assert r.panel is not None
    assert r.panel.size == 3
    assert [s.name for s in r.scorers] == ["a", "b", "c"]
    for scorer, sheet in zip(r.scorers, sheets, strict=True):
        assert scorer.standing.leader == verdict(g, scores=sheet).leader
        assert [s.semantics for s in scorer.robustness] == list(GRADUAL)
    median = r.sheet
    assert median is not None and is_consensus(median)
    assert median.scores["cost"].base == 0.2
    assert median.scores["view"].base == 0.5  # two scorers left it at the graph's 0.5
    assert median.weights["support:view->stay"].weight == 1.0
    assert r.panel.standing.leader == verdict(g, scores=median).leader
    expected = sum(1 for s in sheets if verdict(g, scores=s).leader == r.panel.standing.leader)
    assert r.panel.agreeing == expected
    assert r.scores_label == "the panel's median scores (3 scorers)"


def test_scorers_with_one_name_are_told_apart_by_file(graph_file: Path, tmp_path: Path) -> None:
    g = load(graph_file)
    sheets = [
        load_scores(_write(tmp_path, "one.json", _sheet("ana", {"cost": 0.1}))),
        load_scores(_write(tmp_path, "two.json", _sheet("ana", {"cost": 0.9}))),
    ]
    names = [s.name for s in build_report(g, sheets).scorers]
    assert names == ["ana (one.json)", "ana (two.json)"]


def test_median_of_an_even_panel_is_the_mean_of_the_middle_two() -> None:
    g = loads(json.dumps(GRAPH))
    sheets = [
        ScoreSheet(graph="g", scorer=f"s{b}", scores={"cost": ClaimScore(base=b)}, weights={})
        for b in (0.1, 0.3, 0.5, 1.0)
    ]
    consensus = build_report(g, sheets).sheet
    assert consensus is not None
    assert consensus.scores["cost"].base == pytest.approx(0.4)


def test_the_reports_panel_is_the_one_compare_forms(graph_file: Path, tmp_path: Path) -> None:
    """The report's panel verdicts are arggraph.panel's: the consensus's, each scorer's,
    and each scorer's under every gradual semantics."""
    g = load(graph_file)
    sheets = [
        ScoreSheet(graph="g", scorer="a", scores={"cost": ClaimScore(base=0.1)}),
        ScoreSheet(graph="g", scorer="b", scores={"cost": ClaimScore(base=0.5)}),
        ScoreSheet(
            graph="g",
            scorer="c",
            scores={"cost": ClaimScore(base=0.9), "view": ClaimScore(base=0.2)},
            weights={"attack:cost->stay": WeightScore(weight=0.4)},
        ),
    ]
    r = build_report(g, sheets)
    group = Panel.of(g, sheets)
    found = compare(group)
    assert r.panel is not None
    assert r.panel.standing.leader == found.consensus.leader
    assert r.panel.standing.margin == pytest.approx(found.consensus.margin)
    assert r.sheet == group.consensus_sheet()
    for scorer, v in zip(r.scorers, found.verdicts, strict=True):
        assert (scorer.standing.leader, scorer.standing.margin) == (v.leader, v.margin)
    every = robustness(group)
    for j, scorer in enumerate(r.scorers):
        for st in scorer.robustness:
            if st.semantics in every.left_out:
                assert st.problem == every.left_out[st.semantics]
            else:
                cell = every.cells[st.semantics][j]
                assert (st.leader, st.problem) == (cell.leader, cell.problem)


def test_a_scorer_at_a_tie_reads_as_a_tie(graph_file: Path) -> None:
    g = load(graph_file)
    even = ScoreSheet(
        graph="g",
        scorer="even",
        scores={"cost": ClaimScore(base=0.0), "view": ClaimScore(base=0.0)},
    )
    sheets = [even, ScoreSheet(graph="g", scorer="other", scores={"cost": ClaimScore(base=1.0)})]
    r = build_report(g, sheets)
    tied = r.scorers[0]
    assert tied.standing.leader is None and tied.standing.problem is None
    row = next(line for line in render_report(r, "md").splitlines() if line.startswith("| even"))
    assert row == "| even | a tie | — | — |"
    page = render_report(r, "html")
    assert '<td class="text">even</td><td class="text">a tie</td>' in page


def test_a_sheet_for_another_graph_is_refused_by_name(graph_file: Path) -> None:
    g = load(graph_file)
    other = ScoreSheet(graph="other", scores={})
    with pytest.raises(InputError, match="for graph 'other', not 'g'") as err:
        build_report(g, [other], names=["theirs.json"])
    assert err.value.path == "theirs.json"


def test_a_sheet_naming_an_unknown_claim_is_refused_with_the_place(graph_file: Path) -> None:
    g = load(graph_file)
    bad = ScoreSheet(graph="g", scores={"nope": ClaimScore(base=0.2)})
    with pytest.raises(UnknownIdError) as err:
        build_report(g, [bad], names=["bad.json"])
    assert err.value.place == "scores['nope']"
    bad_weight = ScoreSheet(graph="g", weights={"attack:x->y": WeightScore(weight=0.2)})
    with pytest.raises(UnknownIdError):
        build_report(g, [bad_weight])


def test_every_decider_flips_the_verdict_at_its_flip_point() -> None:
    g = load(BYPASS)
    r = build_report(g)
    assert r.deciding.claims, "the bypass debate has claims that decide it"
    before = r.standing.leader
    checked = 0
    for d in (*r.deciding.claims, *r.deciding.positions):
        if d.flip is None:
            continue
        moved = ScoreSheet(graph=g.id, scores={d.claim: ClaimScore(base=d.flip)})
        after = verdict(g, scores=moved)
        assert after.leader != before, d
        checked += 1
    assert checked
    shares = [abs(d.share) for d in r.deciding.claims]
    assert shares == sorted(shares, reverse=True)


def test_a_tie_singles_out_no_claim() -> None:
    g = loads(
        json.dumps(
            {
                "id": "t",
                "claims": [
                    {"id": "a", "text": "A", "kind": "position"},
                    {"id": "b", "text": "B", "kind": "position"},
                ],
            }
        )
    )
    r = build_report(g)
    assert r.standing.leader is None
    assert r.deciding.claims == ()
    assert not r.holds_everywhere


def test_a_map_without_positions_still_reports_its_claims() -> None:
    g = loads('{"id": "t", "claims": [{"id": "a", "text": "A"}]}')
    r = build_report(g)
    assert r.positions == ()
    assert r.robustness == ()
    assert [c.id for c in r.claims] == ["a"]
    assert "no positions" in render_report(r, "md")


def test_claims_come_once_each_positions_first(graph_file: Path) -> None:
    g = load(graph_file)
    r = build_report(g)
    assert sorted(c.id for c in r.claims) == sorted(g.claims)
    assert [c.id for c in r.claims][:2] == ["go", "stay"]
    assert len({c.anchor for c in r.claims}) == len(r.claims)
    cost = r.claim("cost")
    assert cost.quotes[0].speaker == "Ana"
    assert cost.quotes[0].detail == "analyst, Inst"
    assert cost.quotes[0].document == "web"
    assert cost.quotes[0].quote == "It costs."


@needs_bakhmut
def test_the_bundled_debate_reads_top_down() -> None:
    g = load(BAKHMUT)
    order = reading_order(g)
    assert sorted(order) == sorted(g.claims)
    assert order[:2] == ["withdraw", "hold"]
    tree = outline(g)
    opened: list[str] = []
    stack = list(tree)
    while stack:
        node = stack.pop()
        if not node.repeated:
            opened.append(node.claim)
        stack.extend(node.children)
    assert sorted(opened) == sorted(g.claims)  # each claim opened exactly once


def test_an_outline_of_a_long_chain_needs_no_recursion() -> None:
    n = 5000
    claims = [{"id": "p", "text": "P", "kind": "position"}]
    claims += [{"id": f"c{i}", "text": f"C{i}"} for i in range(n)]
    relations = [{"type": "support", "source": "c0", "target": "p"}]
    relations += [
        {"type": "attack", "source": f"c{i + 1}", "target": f"c{i}"} for i in range(n - 1)
    ]
    g = loads(json.dumps({"id": "chain", "claims": claims, "relations": relations}))
    node = outline(g)[0]
    depth = 0
    while node.children:
        node = node.children[0]
        depth += 1
    assert depth == n


def test_document_links_are_kept_only_when_http(graph_file: Path) -> None:
    r = build_report(load(graph_file))
    urls = {s.id: s.url for s in r.sources}
    assert urls == {"web": "https://example.org/a?b=1", "evil": None}
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://x.org",
        "https://x.org/a b",
        "https://x.org/\x1b",
        "//x.org",
        "https:///nohost",
        "",
    ):
        assert safe_url(bad) is None, bad


def test_a_semantics_that_cannot_take_the_graph_is_an_error() -> None:
    from arggraph.errors import SemanticsError

    with pytest.raises(SemanticsError, match="takes attacks only"):
        build_report(loads(json.dumps(GRAPH)), semantics="hcat")


def test_the_format_table() -> None:
    assert report_format("html").graphviz
    assert format_for("x.htm") is report_format("html")
    assert format_for("x.MD") is report_format("md")
    from arggraph.errors import UsageError

    with pytest.raises(UsageError, match="did you mean 'md'"):
        report_format("mdx")


# ---------------------------------------------------------------------- command line
def test_cli_writes_html_from_the_extension_of_o(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(graph_file), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_writes_markdown_to_stdout(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(graph_file), "--to", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Should we go?\n")


def test_cli_takes_several_sheets(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path, "a.json", _sheet("ana", {"cost": 0.1}))
    b = _write(tmp_path, "b.json", _sheet("ben", {"cost": 0.9}))
    c = _write(tmp_path, "c.json", _sheet("cy", {"cost": 0.2}))
    code = main(
        ["report", str(graph_file), "--scores", str(a), str(b), "--scores", str(c), "--to", "md"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "### The panel: 3 scorers" in out
    for name in ("ana", "ben", "cy"):
        assert f"| {name} |" in out


def test_cli_without_a_format_says_how_to_give_one(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(graph_file)]) == 2
    assert "say which format with --to html|md" in capsys.readouterr().err


def test_cli_refuses_an_output_named_for_the_other_format(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(graph_file), "--to", "html", "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err
    assert ".md is the extension of md, but --to html writes html: name the file r.html" in err
    assert not (tmp_path / "r.md").exists()


def test_cli_names_the_sheet_for_another_graph(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "x.json", {**_sheet("x", {}), "graph": "other"})
    assert main(["report", str(graph_file), "--scores", str(sheet), "--to", "md"]) == 2
    err = capsys.readouterr().err
    assert str(sheet) in err
    assert "Traceback" not in err


def test_cli_names_an_unknown_id_in_a_sheet(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _write(tmp_path, "x.json", _sheet("x", {"nope": 0.3}))
    assert main(["report", str(graph_file), "--scores", str(sheet), "--to", "md"]) == 2
    err = capsys.readouterr().err
    assert f"{sheet}: scores['nope']" in err


def test_cli_semantics_that_cannot_take_the_graph_is_exit_2(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(graph_file), "--semantics", "hcat", "--to", "md"]) == 2
    err = capsys.readouterr().err
    assert f"{graph_file}:" in err
    assert "takes attacks only" in err


def test_cli_without_graphviz_says_so_and_writes_an_outline(
    graph_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    real = shutil.which
    monkeypatch.setattr(
        shutil,
        "which",
        lambda name, *a, **k: None if name in ("dot", "sfdp") else real(name, *a, **k),
    )
    out = tmp_path / "r.html"
    assert main(["report", str(graph_file), "-o", str(out)]) == 0
    assert "Graphviz is not installed" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "<svg" not in page
    assert "Graphviz is not installed on the machine that made this report" in page
    assert 'class="outline"' in page


@pytest.mark.parametrize("path", [BYPASS, HOSTILE])
def test_reports_of_the_fixtures_build_in_both_formats(path: Path) -> None:
    g: Graph = load(path)
    r: ReportContent = build_report(g)
    for fmt in ("html", "md"):
        assert render_report(r, fmt).endswith("\n")


def test_linked_premises_and_undercutters_are_said_from_each_side() -> None:
    g = loads(
        json.dumps(
            {
                "format": "arggraph/1.1",
                "id": "linked",
                "claims": [
                    {"id": "c", "text": "C", "kind": "position"},
                    {"id": "p", "text": "P"},
                    {"id": "q", "text": "Q"},
                    {"id": "u", "text": "U"},
                ],
                "relations": [
                    {"id": "pq", "type": "attack", "sources": ["p", "q"], "target": "c"},
                    {"type": "attack", "source": "u", "target": "pq", "weight": 0.5},
                ],
            }
        )
    )
    from arggraph.report.claims import flat

    r = build_report(g)
    assert [flat(x) for x in r.claim("p").bears_on] == ["together with [q], it attacks [c]"]
    assert [flat(x) for x in r.claim("c").borne_by] == [
        "it is attacked by [p] and [q] together",
        "the step from [p] and [q] to this claim is attacked by [u] (weight 0.50)",
    ]
    assert [flat(x) for x in r.claim("u").bears_on] == [
        "it attacks the step from [p] and [q] to [c] (an undercutter) (weight 0.50)"
    ]
    md = render_report(r, "md")
    assert "- Together with [Q](#c-2), it attacks [C](#c-0)\\.\n" in md
    assert "- It is attacked by [P](#c-1) and [Q](#c-2) together\\.\n" in md


def test_graph_after_several_sheets_gets_a_message_that_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--scores takes every name after it, so GRAPH written last is taken for a sheet:
    the message says so (argparse said only that GRAPH was required)."""
    sheet = str(ROOT / "tests" / "fixtures" / "panel" / "ana.json")
    assert main(["report", "--scores", sheet, str(BAKHMUT), "--to", "md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "arggraph: error: no GRAPH given\n"
        "  hint: --scores takes every name after it: give GRAPH first "
        "(arggraph report GRAPH --scores A B --to html)\n"
    )
