"""What several test modules share: where things are, and small views of a graph.

Real files other tools wrote live beside the project in ``../shared/realdata`` and are
read from there, never copied in; a test that needs one skips when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from arggraph.graph import Graph

ROOT = Path(__file__).resolve().parents[1]
BAKHMUT = ROOT / "graphs" / "bakhmut.json"
SHARED = ROOT.parent / "shared"
REALDATA = SHARED / "realdata"


def realdata(*parts: str) -> Path:
    """The path of a file under ``../shared/realdata``, or skip the test without it."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


def relation_triples(g: Graph) -> set[tuple[str, str, str]]:
    """Each relation as (type, source, target)."""
    return {(r.type, r.source, r.target) for r in g.relations.values()}
