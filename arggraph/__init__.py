"""arggraph: reason about a contested decision as a graph of arguments.

Claims are nodes; supports and attacks are edges; every claim and relation carries its
provenance (actor, document, verbatim quote, date). Load a graph, score it under a
gradual semantics, find its Dung extensions, explain what drives a verdict, check it
like code, and draw it.

>>> import arggraph
>>> g = arggraph.loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
>>> g.claim("a").text
'A'
>>> arggraph.score(g)
{'a': 0.5}
"""

from __future__ import annotations

import typing

from ._lazy import lazy_exports as _lazy_exports

if typing.TYPE_CHECKING:
    from .bundled import bundled_graph
    from .checks import RULES, Finding, check, rule
    from .diff import GraphDiff, diff_graphs
    from .errors import ArggraphError
    from .framework import Framework
    from .graph import Graph
    from .io import dump_graph, load, load_scores, loads, save, save_scores
    from .live import SourceWatcher, load_source
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
    from .semantics import (
        SEMANTICS,
        Explanation,
        GradualEngine,
        Verdict,
        acceptance,
        explain,
        extensions,
        flip_points,
        grounded,
        score,
        verdict,
    )
    from .summary import summarize

# Each name is imported when first read: `import arggraph` (and every command that
# needs little, such as `arggraph --version`) loads neither pydantic nor NumPy.
__getattr__, __dir__ = _lazy_exports(
    __name__,
    {
        ".bundled": ("bundled_graph",),
        ".checks": ("RULES", "Finding", "check", "rule"),
        ".diff": ("GraphDiff", "diff_graphs"),
        ".errors": ("ArggraphError",),
        ".framework": ("Framework",),
        ".graph": ("Graph",),
        ".io": ("dump_graph", "load", "load_scores", "loads", "save", "save_scores"),
        ".live": ("SourceWatcher", "load_source"),
        ".model": (
            "Actor",
            "Attribution",
            "Claim",
            "ClaimScore",
            "Document",
            "GraphModel",
            "Relation",
            "ScoreSheet",
            "WeightScore",
        ),
        ".semantics": (
            "SEMANTICS",
            "Explanation",
            "GradualEngine",
            "Verdict",
            "acceptance",
            "explain",
            "extensions",
            "flip_points",
            "grounded",
            "score",
            "verdict",
        ),
        ".summary": ("summarize",),
    },
)

__all__ = [
    "Actor",
    "ArggraphError",
    "Attribution",
    "Claim",
    "ClaimScore",
    "Document",
    "Explanation",
    "Finding",
    "Framework",
    "GradualEngine",
    "Graph",
    "GraphDiff",
    "GraphModel",
    "RULES",
    "Relation",
    "SEMANTICS",
    "ScoreSheet",
    "SourceWatcher",
    "Verdict",
    "WeightScore",
    "acceptance",
    "bundled_graph",
    "check",
    "diff_graphs",
    "dump_graph",
    "explain",
    "extensions",
    "flip_points",
    "grounded",
    "load",
    "load_scores",
    "load_source",
    "loads",
    "rule",
    "save",
    "save_scores",
    "score",
    "summarize",
    "verdict",
]
