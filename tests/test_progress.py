"""Progress on stderr: what slow work reports, and what the bar shows of it."""

from __future__ import annotations

import pytest
from _support import AVG, BAKHMUT

from arggraph.cli.common import _bar_text
from arggraph.framework import Framework
from arggraph.io import load
from arggraph.semantics.explain import explain
from arggraph.semantics.registry import GRADUAL
from arggraph.semantics.verdict import flip_points


class Count:
    """A :class:`arggraph.steps.Steps` that remembers what it was told."""

    def __init__(self) -> None:
        self.totals: list[int] = []
        self.advanced: list[int] = []

    def total(self, count: int) -> None:
        self.totals.append(count)

    def advance(self, steps: int = 1) -> None:
        self.advanced.append(steps)


def test_flip_points_report_each_claim_after_saying_how_many() -> None:
    graph = load(BAKHMUT)
    steps = Count()
    claims = ["andrei-roads-under-fire", "austin-no-setback"]
    flips = flip_points(graph, positions=["withdraw", "hold"], claims=claims, progress=steps)
    assert list(flips) == claims
    assert steps.totals == [2] and steps.advanced == [1, 1]


def test_the_bar_shows_names_and_ids_as_text_not_as_markup_or_terminal_codes() -> None:
    shown = _bar_text("checking [bold]map[/bold]\x1b[31m.json\nnext")
    assert "\\[bold]" in shown  # Rich shows "[bold]" as it is written
    assert "\x1b" not in shown and "\n" not in shown


@pytest.mark.parametrize("top", [None, 3])
@pytest.mark.parametrize("semantics", ["dfquad", "qe", "euler"])
def test_explain_reports_each_removal_it_computes_exactly(top: int | None, semantics: str) -> None:
    graph = load(BAKHMUT)
    steps = Count()
    result = explain(graph, "withdraw", semantics, top=top, progress=steps)
    exact = [c for c in result.contributions if c.removal is not None]
    assert sum(steps.advanced) == len(exact) > 0
    assert all(n > 0 for n in steps.advanced)
    # Every removal is known in advance only when every one is computed.
    assert steps.totals == ([len(result.contributions)] if top is None else [])


def test_explain_reports_removals_under_a_mean_one_claim_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under an aggregation that scales weights (a mean) each removal is its own
    recomputation, reported as it is done."""
    monkeypatch.setitem(GRADUAL, "avg", AVG)
    fw = Framework.from_edges(
        ["p", "a", "b", "c"],
        [0.6, 0.4, 0.8, 0.5],
        attacks=[("a", "p"), ("b", "p")],
        supports=[("c", "p")],
    )
    steps = Count()
    result = explain(fw, "p", "avg", progress=steps)
    assert steps.advanced == [1, 1, 1] and steps.totals == [3]
    assert len(result.contributions) == 3


def test_explain_reports_nothing_when_nothing_reaches_the_topic() -> None:
    fw = Framework.from_edges(["t", "a"], [0.5, 0.5])
    steps = Count()
    assert explain(fw, "t", progress=steps).contributions == []
    assert steps.advanced == [] and steps.totals == [0]


def test_a_progress_bar_on_a_terminal_shows_markup_in_names_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file named ``[bold]x[/bold].json`` (``diff`` shows what it loads) is shown as
    named, not styled; what was before this was read as markup (and the tag vanished)."""
    from arggraph.cli import common

    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich draws the bar into the captured stream
    monkeypatch.setattr(common, "stderr_is_terminal", lambda: True)
    with common.progress("loading [bold]old[/bold].json", total=2) as bar:
        bar.advance()
        bar.describe("loading [red]new[/red].json")
        bar.advance()
    err = capsys.readouterr().err
    assert "[bold]old[/bold].json" in err and "[red]new[/red].json" in err
