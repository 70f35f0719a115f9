"""The graphs that ship with arggraph (the Bakhmut debate), wherever it is installed.

In a source checkout (an editable install) they are in the repository's ``graphs/``
folder; a regular install puts the same files under ``<prefix>/share/arggraph/graphs``
(pyproject's ``data-files``). Both are looked up, the checkout first.

>>> bundled_graph().name
'bakhmut.json'
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import FileAccessError

__all__ = ["DEFAULT_GRAPH", "bundled_graph", "bundled_graph_dirs"]

DEFAULT_GRAPH = "bakhmut"


def bundled_graph_dirs() -> list[Path]:
    """Where bundled graphs may be, in the order they are searched."""
    return [
        Path(__file__).resolve().parents[1] / "graphs",
        Path(sys.prefix) / "share" / "arggraph" / "graphs",
    ]


def bundled_graph(name: str = DEFAULT_GRAPH) -> Path:
    """The path of a bundled graph by name (without ``.json``)."""
    for folder in bundled_graph_dirs():
        candidate = folder / f"{name}.json"
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in bundled_graph_dirs())
    raise FileAccessError(f"no bundled graph named {name!r} (searched {searched})")
