"""The engine's arrays reflect the graph, and score sheets override them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from arggraph import ClaimScore, ScoreSheet, WeightScore, loads
from arggraph.errors import UnknownIdError
from arggraph.framework import Framework

G = loads(
    json.dumps(
        {
            "format": "arggraph/1",
            "id": "g",
            "claims": [
                {"id": "p", "text": "P", "kind": "position", "base": 0.7},
                {"id": "a", "text": "A"},
                {"id": "s", "text": "S", "base": 0.2},
            ],
            "relations": [
                {"type": "attack", "source": "a", "target": "p", "weight": 0.5},
                {"id": "r2", "type": "support", "source": "s", "target": "p"},
            ],
        }
    )
)


def test_arrays_follow_the_file() -> None:
    fw = G.framework
    assert fw.ids == ("p", "a", "s")
    assert fw.base.tolist() == [0.7, 0.5, 0.2]
    assert (fw.att_src.tolist(), fw.att_tgt.tolist(), fw.att_w.tolist()) == ([1], [0], [0.5])
    assert (fw.sup_src.tolist(), fw.sup_tgt.tolist()) == ([2], [0])
    assert fw.att_ids == ("attack:a->p",)
    assert fw.sup_ids == ("r2",)
    assert fw.att_src.dtype == np.int64
    assert fw.base.dtype == np.float64


def test_framework_is_cached_per_graph() -> None:
    assert G.framework is G.framework


def test_score_sheet_overrides_without_touching_the_original() -> None:
    sheet = ScoreSheet(
        graph="g", scores={"a": ClaimScore(base=0.9)}, weights={"r2": WeightScore(weight=0.25)}
    )
    fw = G.framework.with_scores(sheet)
    assert fw.base.tolist() == [0.7, 0.9, 0.2]
    assert fw.sup_w.tolist() == [0.25]
    assert G.framework.base.tolist() == [0.7, 0.5, 0.2]
    assert G.framework.sup_w.tolist() == [1.0]


def test_unknown_ids_in_overrides_are_named() -> None:
    with pytest.raises(UnknownIdError, match="no claim with id 'x'"):
        G.framework.with_base({"x": 0.1})
    with pytest.raises(UnknownIdError, match="did you mean 'r2'"):
        G.framework.with_weights({"r3": 0.1})


def test_from_edges() -> None:
    fw = Framework.from_edges(["a", "b"], {"b": 0.1}, attacks=[("a", "b", 0.3)])
    assert fw.base.tolist() == [0.5, 0.1]
    assert fw.att_w.tolist() == [0.3]
    with pytest.raises(ValueError):
        Framework.from_edges(["a", "a"])


def test_position_is_a_deprecated_alias_of_index_of() -> None:
    fw = Framework.from_edges(["a", "b"])
    assert fw.index_of("b") == 1
    with pytest.warns(DeprecationWarning, match="index_of"):
        assert fw.position("b") == 1


def test_bad_values_are_arggraph_errors_and_value_errors() -> None:
    from arggraph.errors import InvalidValueError
    from arggraph.semantics.incremental import GradualEngine

    with pytest.raises(InvalidValueError, match="unique"):
        Framework.from_edges(["a", "a"])
    with pytest.raises(InvalidValueError, match="one score per claim"):
        Framework.from_edges(["a", "b"], [0.5])
    fw = Framework.from_edges(["a", "b"], attacks=[("a", "b")])
    with pytest.raises(InvalidValueError, match="the base of 'a' must be a number"):
        fw.with_base({"a": "lots"})  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match="must be a number"):
        fw.with_weights({"attack:a->b": None})  # type: ignore[dict-item]
    engine = GradualEngine(fw)
    with pytest.raises(ValueError, match="from 0 to 1, not 'lots'"):
        engine.set_base("a", "lots")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="from 0 to 1, not 1.5"):
        engine.set_weight("attack:a->b", 1.5)
