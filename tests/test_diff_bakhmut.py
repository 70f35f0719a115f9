"""``arggraph diff`` on the bundled map's editions: the first edition, as committed, against
the current ``graphs/bakhmut.json``. Runs against whatever the current file is, and skips
while it is still the first edition (or where git or the history is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from arggraph.diff import diff_graphs, effect
from arggraph.diff._match import normalise
from arggraph.diff.render import to_markdown
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.renames import id_map_path, load_id_map

ROOT = Path(__file__).resolve().parents[1]
CURRENT = ROOT / "graphs" / "bakhmut.json"
#: The last commit of the first edition of graphs/bakhmut.json.
FIRST_EDITION = "4e53f29aa911bb71684baf2520ec30fdff96f65f"


def _first_edition() -> bytes:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    done = subprocess.run(
        ["git", "show", f"{FIRST_EDITION}:graphs/bakhmut.json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"the first edition's commit is not in this checkout: {done.stderr!r}")
    return done.stdout


@pytest.fixture(scope="module")
def editions() -> tuple[Graph, Graph]:
    old = _first_edition()
    if old == CURRENT.read_bytes():
        pytest.skip("graphs/bakhmut.json is still the first edition")
    return loads(old, path="bakhmut-first-edition.json"), load(CURRENT)


@pytest.mark.slow
def test_every_old_item_is_paired_or_removed(editions: tuple[Graph, Graph]) -> None:
    old, new = editions
    d = diff_graphs(old, new)
    assert d
    for section, before, after in (
        (d.claims, old.claims, new.claims),
        (d.relations, old.relations, new.relations),
    ):
        paired = {m.old for m in section.matches}
        assert paired | set(section.removed) == set(before)
        assert not paired & set(section.removed)
        assert {m.new for m in section.matches} | set(section.added) == set(after)
    m = d.id_map()
    known = set(new.claims) | set(new.relations)
    for ident in [*old.claims, *old.relations]:
        if ident in m.removed:
            continue
        assert m.renamed.get(ident, ident) in known


@pytest.mark.slow
def test_the_review_fits_one_screen(editions: tuple[Graph, Graph]) -> None:
    d = diff_graphs(*editions)
    text = to_markdown(d, [effect(d)], old_label="first edition", new_label="graphs/bakhmut.json")
    shown, depth = 0, 0
    for line in text.splitlines():
        if line == "<details>":
            depth += 1
            shown += 1  # its summary
        elif line == "</details>":
            depth -= 1
        elif depth == 0 and line:
            shown += 1
    assert shown <= 25
    assert "**Verdict**" in text


@pytest.mark.slow
def test_claims_with_the_same_text_agree_with_the_shipped_id_map(
    editions: tuple[Graph, Graph],
) -> None:
    """Where the id map shipped with the edition renames a claim to one with the very
    same text, the diff pairs them too."""
    path = id_map_path(CURRENT)
    if not path.is_file():
        pytest.skip("no id map ships beside graphs/bakhmut.json")
    old, new = editions
    shipped = load_id_map(path)
    found = diff_graphs(old, new).claims.mapping
    for before, after in shipped.renamed.items():
        if before in old.claims and after in new.claims:
            if normalise(old.claims[before].text) == normalise(new.claims[after].text):
                assert found.get(before) == after
