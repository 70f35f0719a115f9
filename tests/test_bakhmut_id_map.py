"""graphs/bakhmut.id-map.json: a score sheet saved against the first edition of the
bundled map keeps every score, under the second edition's ids, or is told which ids are
gone.

The first edition is kept byte for byte in ``tests/fixtures/bakhmut-first-edition.json``
and a sheet scoring every one of its claims and relations (each with its own value) in
``tests/fixtures/bakhmut-first-edition.sheet.json``.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from _support import BAKHMUT, BAKHMUT_FIRST_EDITION, FIXTURES

from arggraph import load
from arggraph.cli import main
from arggraph.io import load_scores
from arggraph.renames import follow, id_map_path, load_id_map

SHEET = FIXTURES / "bakhmut-first-edition.sheet.json"


def first_edition_ids() -> list[str]:
    g = load(BAKHMUT_FIRST_EDITION)
    return [*g.claims, *g.relations]


def test_the_map_is_beside_the_graph_and_names_the_first_edition() -> None:
    id_map = load_id_map(id_map_path(BAKHMUT))
    assert id_map.graph == load(BAKHMUT).id
    digest = hashlib.sha256(BAKHMUT_FIRST_EDITION.read_bytes()).hexdigest()
    assert digest in id_map.from_sha256
    assert len(id_map.from_sha256) == len(set(id_map.from_sha256)) >= 3


def test_every_first_edition_id_is_kept_renamed_or_removed() -> None:
    id_map = load_id_map(id_map_path(BAKHMUT))
    new = load(BAKHMUT)
    known = set(new.claims) | set(new.relations)
    for old in first_edition_ids():
        if old in id_map.renamed:
            assert old not in known, old
            assert id_map.renamed[old] in known, old
        elif old in id_map.removed:
            assert old not in known, old
        else:
            assert old in known, f"{old} vanished without a word in the id map"
    assert set(id_map.renamed) | set(id_map.removed) <= set(first_edition_ids())


def test_a_first_edition_sheet_keeps_every_score_or_is_told_it_is_gone() -> None:
    new = load(BAKHMUT)
    id_map = load_id_map(id_map_path(BAKHMUT))
    sheet = load_scores(SHEET)
    assert set(sheet.scores) | set(sheet.weights) == set(first_edition_ids())
    moved, done = follow(sheet, new)
    known = set(new.claims) | set(new.relations)
    assert set(moved.scores) | set(moved.weights) <= known
    removed = set(done.removed)
    renamed = dict(done.renamed)
    for old, score in sheet.scores.items():
        if old in removed:
            continue
        assert moved.scores[renamed.get(old, old)] == score, old
    for old, weight in sheet.weights.items():
        if old in removed:
            continue
        assert moved.weights[renamed.get(old, old)] == weight, old
    assert removed == set(id_map.removed)
    assert renamed == id_map.renamed


def test_the_command_line_says_what_moved(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", str(BAKHMUT), "--scores", str(SHEET), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    id_map = load_id_map(id_map_path(BAKHMUT))
    assert (
        f"follows the graph's new version: {len(id_map.renamed)} ids renamed and "
        f"{len(id_map.removed)} removed, by bakhmut.id-map.json" in err
    )
    strengths = json.loads(out)["strengths"]
    assert set(strengths) == set(load(BAKHMUT).claims)
