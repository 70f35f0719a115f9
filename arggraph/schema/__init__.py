"""The JSON Schemas of the file formats, generated from the pydantic models.

The shipped copies (``arggraph-1.json``, ``arggraph-scores-1.json``,
``arggraph-id-map-1.json`` beside this module)
are what editors fetch through a file's ``"$schema"``; a test keeps them equal to what
the models generate, and ``python -m arggraph.schema`` rewrites them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["KINDS", "SCHEMA_FILES", "Kind", "schema", "schema_text"]

HERE = Path(__file__).parent

#: Each file format with a schema: its kind, the shipped file, its title. The kinds are
#: what ``arggraph schema KIND`` accepts.
Kind = Literal["graph", "scores", "id-map"]
_IDS: dict[str, tuple[str, str]] = {
    "graph": ("arggraph-1.json", "arggraph/1 graph file"),
    "scores": ("arggraph-scores-1.json", "arggraph-scores/1 score sheet"),
    "id-map": ("arggraph-id-map-1.json", "arggraph-id-map/1 id map"),
}
SCHEMA_FILES = {kind: HERE / name for kind, (name, _) in _IDS.items()}
KINDS: tuple[str, ...] = tuple(_IDS)


def _model(kind: str) -> type[BaseModel]:
    from ..model import GraphModel, ScoreSheet
    from ..renames import IdMap

    models: dict[str, type[BaseModel]] = {
        "graph": GraphModel,
        "scores": ScoreSheet,
        "id-map": IdMap,
    }
    return models[kind]


def schema(kind: Kind = "graph") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a graph file, a score sheet or an id map."""
    out = _model(kind).model_json_schema(by_alias=True, mode="validation")
    name, title = _IDS[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": name,
        **out,
        "title": title,
    }


def schema_text(kind: Kind = "graph") -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
