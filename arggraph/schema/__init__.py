"""The JSON Schemas of the file formats, generated from the pydantic models.

The shipped copies (``arggraph-1.json``, ``arggraph-scores-1.json`` beside this module)
are what editors fetch through a file's ``"$schema"``; a test keeps them equal to what
the models generate, and ``python -m arggraph.schema`` rewrites them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

__all__ = ["SCHEMA_FILES", "schema", "schema_text"]

HERE = Path(__file__).parent
SCHEMA_FILES = {"graph": HERE / "arggraph-1.json", "scores": HERE / "arggraph-scores-1.json"}
_IDS = {
    "graph": ("arggraph-1.json", "arggraph/1 graph file"),
    "scores": ("arggraph-scores-1.json", "arggraph-scores/1 score sheet"),
}


def schema(kind: Literal["graph", "scores"] = "graph") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a graph file or a score sheet."""
    from ..model import GraphModel, ScoreSheet

    model = GraphModel if kind == "graph" else ScoreSheet
    out = model.model_json_schema(by_alias=True, mode="validation")
    name, title = _IDS[kind]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": name,
        **out,
        "title": title,
    }


def schema_text(kind: Literal["graph", "scores"] = "graph") -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
