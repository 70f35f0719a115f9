"""arggraph: reason about a contested decision as a graph of arguments.

Claims are nodes; supports and attacks are edges; every claim and relation carries its
provenance (actor, document, verbatim quote, date). Load a graph, score it under a
gradual semantics, find its Dung extensions, explain what drives a verdict, check it
like code, and draw it.

>>> import arggraph
>>> g = arggraph.loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
>>> g.claim("a").text
'A'
"""

from __future__ import annotations

from .bundled import bundled_graph
from .errors import ArggraphError
from .framework import Framework
from .graph import Graph
from .io import dump_graph, load, load_scores, loads, save, save_scores
from .model import (
    Actor,
    Attribution,
    Claim,
    ClaimScore,
    Document,
    GraphModel,
    Relation,
    ScoreSheet,
    WeightScore,
)
from .summary import summarize

__all__ = [
    "Actor",
    "ArggraphError",
    "Attribution",
    "Claim",
    "ClaimScore",
    "Document",
    "Framework",
    "Graph",
    "GraphModel",
    "Relation",
    "ScoreSheet",
    "WeightScore",
    "bundled_graph",
    "dump_graph",
    "load",
    "load_scores",
    "loads",
    "save",
    "save_scores",
    "summarize",
]
