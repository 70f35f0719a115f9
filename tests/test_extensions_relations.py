"""Extensions with the attacks that stand in them, on frameworks with linked premises
(set attacks) and undercuts (attacks on attacks): the library against AFRA's definitions
(Baroni, Cerutti, Giacomin and Guida 2011) with set sources (Nielsen and Parsons 2006),
and ``arggraph extensions --format json`` against the library.

Two extensions may hold the same claims and differ only in which attacks stand (two
undercuts that undercut each other); both are extensions, and every surface lists both.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from test_extensions_setaf import SEMANTICS, Attack, afra_elements, build, frameworks

from arggraph.cli import main
from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.semantics.dung import iter_extensions_with_relations


def library(graph_or_fw: Graph | Framework, semantics: str) -> list[tuple[list[str], list[str]]]:
    """The library's extensions, each as sorted (claims, relations), the list sorted."""
    return sorted(
        (sorted(claims), sorted(relations))
        for claims, relations in iter_extensions_with_relations(graph_or_fw, semantics)
    )


def document(claims: list[str], attacks: list[Attack]) -> dict[str, object]:
    """An arggraph/1.1 document of these claims and (set) attacks, on claims or attacks."""
    return {
        "format": "arggraph/1.1",
        "id": "random",
        "claims": [{"id": c, "text": f"claim {c}"} for c in claims],
        "relations": [
            {"id": rid, "type": "attack", "sources": sorted(src), "target": tgt}
            for src, tgt, rid in attacks
        ],
    }


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_the_attacks_that_stand_agree_with_the_afra_definitions(
    case: tuple[list[str], list[Attack]],
) -> None:
    claims, attacks = case
    fw = build(claims, attacks)
    for semantics in SEMANTICS:
        # Attacks are arguments of their own only with set attacks or undercuts; in a
        # plain framework an attack stands where its source does, and none is listed.
        expected = sorted(
            (sorted(s & set(claims)), sorted(s - set(claims)) if fw.k else [])
            for s in afra_elements(claims, attacks, semantics)
        )
        assert library(fw, semantics) == expected, semantics


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(frameworks())
def test_the_command_line_lists_exactly_the_library_extensions(
    case: tuple[list[str], list[Attack]],
) -> None:
    claims, attacks = case
    data = document(claims, attacks)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        fw = build(claims, attacks)
        for semantics in SEMANTICS:
            out = Path(folder) / f"{semantics}.json"
            argv = ["extensions", str(path), "--semantics", semantics, "--format", "json"]
            assert main([*argv, "-o", str(out)]) == 0
            result = json.loads(out.read_text(encoding="utf-8"))
            # Only where attacks are arguments of their own are relations listed.
            assert ("relations" in result) == bool(fw.k)
            relations = result.get("relations", [[]] * len(result["extensions"]))
            listed = [(ext, rel) for ext, rel in zip(result["extensions"], relations, strict=True)]
            assert listed == library(fw, semantics), semantics


def test_two_undercuts_that_undercut_each_other_make_two_extensions_with_the_same_claims() -> None:
    claims = ["p", "q", "c"]
    attacks: list[Attack] = [
        (frozenset({"p"}), "y", "x"),
        (frozenset({"q"}), "x", "y"),
        (frozenset({"p", "q"}), "c", "r"),
    ]
    expected = [(["p", "q"], ["r", "x"]), (["p", "q"], ["r", "y"])]
    for semantics in ("preferred", "stable"):
        assert library(build(claims, attacks), semantics) == expected
    grounded = [(["p", "q"], ["r"])]
    assert library(build(claims, attacks), "grounded") == grounded
    assert library(build(claims, attacks), "complete") == sorted([*grounded, *expected])
