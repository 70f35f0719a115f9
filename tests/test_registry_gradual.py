"""The gradual semantics are one table: every surface reads it, and a new entry is enough.

The toy entry ``avg`` (a mean aggregation and the influence ``w*(1 - va) + (1 - w)*vs``)
is added with ``monkeypatch`` and must then work in ``score``, ``explain``, the
reference, the incremental engine, the CLI and the TUI's cycle, with no other change.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import get_args

import numpy as np
import pytest
from _support import AVG, BYPASS, session_for

from arggraph.cli import build_parser, main
from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.io import load
from arggraph.semantics import GRADUAL, explain, reference, score
from arggraph.semantics.incremental import GradualEngine
from arggraph.semantics.registry import (
    GradualName,
    gradual,
)


@pytest.fixture
def with_avg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(GRADUAL, "avg", AVG)


def toy() -> Framework:
    """p (0.6) attacked by a (0.4) and b (0.8), supported by c (0.5)."""
    return Framework.from_edges(
        ["p", "a", "b", "c"],
        [0.6, 0.4, 0.8, 0.5],
        attacks=[("a", "p"), ("b", "p")],
        supports=[("c", "p")],
    )


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            sub: argparse.ArgumentParser = action.choices[name]
            return sub
    raise AssertionError("no subcommands")


def _choices(command: str) -> list[str]:
    for action in _subparser(command)._actions:
        if action.dest == "semantics":
            assert action.choices is not None
            return list(action.choices)
    raise AssertionError(f"{command} has no --semantics")


def test_the_literal_of_names_equals_the_table() -> None:
    assert list(get_args(GradualName)) == list(GRADUAL)


def test_every_entry_has_kernels_and_a_reference() -> None:
    for entry in GRADUAL.values():
        kernels = entry.kernels()
        b, va, vs = np.array([0.5]), np.array([0.25]), np.array([0.5])
        assert kernels.vector(b, va, vs)[0] == pytest.approx(kernels.scalar(0.5, 0.25, 0.5))
        assert len(kernels.derivatives(b, va, vs)) == 3
        assert entry.reference.endswith(".")
        assert entry.citation in entry.summary


@pytest.mark.parametrize("command", ["score", "explain", "export", "tui"])
def test_cli_choices_are_the_table(command: str) -> None:
    choices = _choices(command)
    assert [c for c in choices if c != "none"] == list(GRADUAL)


def test_help_names_every_semantics_with_its_paper() -> None:
    text = _subparser("score").format_help()
    for entry in GRADUAL.values():
        assert entry.label in " ".join(text.split())


def test_unknown_names_get_the_nearest_one() -> None:
    from arggraph.errors import SemanticsError

    with pytest.raises(SemanticsError, match="did you mean 'euler'"):
        gradual("eulr")


# ---------------------------------------------------------------------- the toy entry
@pytest.mark.usefixtures("with_avg")
def test_a_new_entry_scores_by_its_formula() -> None:
    got = score(toy(), "avg")
    # va = mean(0.4, 0.8) = 0.6, vs = 0.5: 0.6 * 0.4 + 0.4 * 0.5 = 0.44; leaves keep base.
    assert got == pytest.approx({"p": 0.44, "a": 0.4, "b": 0.8, "c": 0.5}, abs=1e-12)
    assert reference.strengths(toy(), "avg") == pytest.approx(list(got.values()), abs=1e-12)


@pytest.mark.usefixtures("with_avg")
def test_a_new_entry_is_explained_exactly() -> None:
    ex = explain(toy(), "p", "avg")
    by = {c.claim: c for c in ex.contributions}
    # Without a, b attacks alone: va = 0.8, p = 0.6*0.2 + 0.4*0.5 = 0.32. Removing an
    # attacker from a mean can raise it (holding a at 0 instead would give 0.56).
    assert by["a"].removal == pytest.approx(0.44 - 0.32, abs=1e-12)
    # Without c: vs = 0, p = 0.24.
    assert by["c"].removal == pytest.approx(0.44 - 0.24, abs=1e-12)
    # d p / d base(a) = d p / d va * d va / d s_a = -0.6 * 0.5.
    assert by["a"].gradient == pytest.approx(-0.3, abs=1e-12)
    assert by["c"].gradient == pytest.approx(0.4, abs=1e-12)
    # d p / d weight(a->p) = -0.6 * s_a / 2.
    assert ex.weights["attack:a->p"] == pytest.approx(-0.6 * 0.4 / 2, abs=1e-12)


@pytest.mark.usefixtures("with_avg")
def test_a_new_entry_edits_incrementally() -> None:
    engine = GradualEngine(toy(), "avg")
    engine.set_base("a", 0.0)
    engine.set_weight("attack:b->p", 0.5)
    fresh = score(toy().with_base({"a": 0.0}).with_weights({"attack:b->p": 0.5}), "avg")
    assert engine.strengths() == pytest.approx(fresh, abs=1e-12)


@pytest.mark.usefixtures("with_avg")
def test_a_new_entry_reaches_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(BYPASS)
    assert main(["score", path, "--semantics", "avg", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["semantics"] == "avg"
    assert out["strengths"] == pytest.approx(score(load(path), "avg"), abs=1e-12)
    assert main(["score", path, "--semantics", "avg"]) == 0
    assert "plain average" in capsys.readouterr().out


@pytest.mark.usefixtures("with_avg")
def test_a_new_entry_joins_the_tuis_cycle(bypass: Graph, tmp_path: Path) -> None:
    session = session_for(bypass, tmp_path / "sheet.json", "hcat")
    assert session.next_semantics() == "avg"
    session.set_semantics("avg")
    assert session.problem is None
    assert session.strengths == pytest.approx(score(bypass, "avg"), abs=1e-12)
    assert session.next_semantics() == "dfquad"
