"""arggraph reads Argdown as the official parser (``@argdown/core``, pinned in
``tests/argdown/package.json``) does: against its model of the project's fixtures, kept
as golden files, everywhere; against the parser itself where node and the package are
installed (the golden files current, the real files, and arggraph's own export)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _argdown_official import (
    TOOL,
    official_available,
    official_view,
    our_view,
    run_official,
)
from _support import BAKHMUT, ROOT, realdata

from arggraph.formats.argdown import to_argdown
from arggraph.io import load

FIXTURES = sorted((ROOT / "tests" / "fixtures" / "argdown").glob("*.argdown"))
REAL = [
    "argdown-primer.argdown",
    "legalisation-softdrugs.argdown",
    "state-censorship.argdown",
    "veggie_debate_de.argdown",
]


def needs_official() -> None:
    reason = official_available()
    if reason is not None:
        pytest.skip(reason)


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.name)
def test_fixtures_read_as_the_official_parser_reads_them(source: Path) -> None:
    golden = json.loads(source.with_suffix(".official.json").read_text(encoding="utf-8"))
    assert our_view(source.read_text(encoding="utf-8")) == official_view(golden)


def test_the_fixtures_hold_both_readings_worth_comparing() -> None:
    views = [our_view(p.read_text(encoding="utf-8")) for p in FIXTURES]
    assert sum(v.refused for v in views) == 4
    assert sum(len(v.relations) for v in views) >= 10
    assert sum(len(v.structures) for v in views) >= 2


@pytest.mark.slow
def test_the_golden_files_are_current() -> None:
    needs_official()
    done = subprocess.run(
        [sys.executable, str(TOOL / "regenerate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.realdata
@pytest.mark.parametrize("name", REAL)
def test_real_files_read_as_the_official_parser_reads_them(name: str) -> None:
    path = realdata("argdown", name)
    needs_official()
    model = run_official(path)[str(path)]
    sections = name != "argdown-primer.argdown"  # its headings use shortcodes (:heart:)
    ours = our_view(path.read_text(encoding="utf-8"), sections)
    assert ours == official_view(model, sections)
    assert not ours.refused
    assert ours.relations


@pytest.mark.slow
def test_the_official_parser_reads_the_export(tmp_path: Path) -> None:
    """The bundled map (arggraph/1.1) exported to Argdown reads without error, as arggraph
    reads it: its linked supports and its undercuts alike; its one linked attack is, to
    the official parser, a structure concluding in a statement that stands for it and
    attacks the position (see the next test), which arggraph reads as the one relation."""
    needs_official()
    path = tmp_path / "bakhmut.argdown"
    path.write_text(to_argdown(load(BAKHMUT)), encoding="utf-8")
    model = run_official(path)[str(path)]
    assert model["errors"] == []
    assert (len(model["statements"]), len(model["relations"])) == (78, 80)
    ours, official = our_view(path.read_text(encoding="utf-8")), official_view(model)
    stand_in = ("statement", "sacrificed-for-little-value (conclusion)")
    assert ours.elements < official.elements
    assert {e[:2] for e in official.elements - ours.elements} == {stand_in}
    assert official.relations - ours.relations == {("attack", stand_in, ("statement", "hold"))}
    assert ours.relations < official.relations
    without_stand_in = frozenset(
        (arg, text, tuple(part for part in parts if part[1] != stand_in))
        for arg, text, parts in official.structures
    )
    assert ours.structures == without_stand_in


@pytest.mark.slow
def test_the_official_parser_reads_linked_premises_and_undercuts(tmp_path: Path) -> None:
    """The export of an arggraph/1.1 graph is Argdown the official parser reads without
    error: a linked support, an undercut and a backing of it as arggraph reads them; a
    linked attack, and a linked attack aimed at an inference, as structures concluding
    in a statement that stands for them (Argdown's structures conclude in a statement
    they support), which arggraph reads back as the one relation it was."""
    needs_official()
    from arggraph.formats.argdown import from_argdown
    from arggraph.graph import Graph
    from arggraph.model import Claim, GraphModel, Relation

    claims = [Claim(id=x, text=f"Claim {x}.", kind="claim") for x in "abcdeuk"]
    linked = [
        Relation(id="linked", type="support", sources=["a", "b"], target="c"),
        Relation(id="cut", type="attack", source="u", target="linked"),
        Relation(id="backing", type="support", source="k", target="linked"),
    ]
    stand_in = [
        Relation(id="both", type="attack", sources=["d", "e"], target="c"),
        Relation(id="deep", type="attack", sources=["a", "e"], target="cut"),
    ]
    for relations, same in ((linked, True), (linked + stand_in, False)):
        g = Graph(GraphModel(claims=claims, relations=relations))
        path = tmp_path / "structures.argdown"
        path.write_text(to_argdown(g), encoding="utf-8")
        model = run_official(path)[str(path)]
        assert model["errors"] == []
        official = official_view(model)
        if same:
            assert our_view(path.read_text(encoding="utf-8")) == official
        else:
            assert ("attack", ("statement", "both (conclusion)"), ("statement", "c")) in (
                official.relations
            )
            assert ("attack", ("statement", "deep (conclusion)"), ("inference", "cut @1")) in (
                official.relations
            )
        back = from_argdown(path.read_text(encoding="utf-8")).graph()
        assert list(back.claims) == list(g.claims)
        assert sorted(
            (r.id, r.type, tuple(r.premises), r.target) for r in back.relations.values()
        ) == sorted((r.id, r.type, tuple(r.premises), r.target) for r in g.relations.values())
