"""Semantics: what follows from a graph of arguments.

Two families, one package, each a table in :mod:`.registry` (:data:`GRADUAL`,
:data:`EXTENSION`) that every surface reads:

- *Gradual* semantics give every claim a strength in [0, 1] from the base scores and
  relation weights: DF-QuAD (the default), quadratic energy, Euler-based and weighted
  h-categorizer (:mod:`.gradual`, with a plain-Python reference in :mod:`.reference`).
  On top of them: an incremental engine that recomputes only what an edit reaches
  (:mod:`.incremental`), explanations of a claim's strength by removal, exact gradient
  and path (:mod:`.explain`), and the verdict between positions with the base scores
  that would flip it (:mod:`.verdict`).
- *Extension* semantics (Dung 1995) on the attack relation: grounded, complete,
  preferred and stable extensions, and credulous/sceptical acceptance (:mod:`.dung`).

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["p", "a"], [0.5, 0.4], attacks=[("a", "p")])
>>> score(fw)
{'p': 0.3, 'a': 0.4}
>>> explain(fw, "p").contributions[0].removal
-0.2
>>> sorted(grounded(fw))
['a']
"""

from __future__ import annotations

import typing

from .._lazy import lazy_exports as _lazy_exports

if typing.TYPE_CHECKING:
    from .dung import acceptance, extensions, grounded
    from .explain import Contribution, Explanation, explain
    from .gradual import SEMANTICS, score, strengths
    from .incremental import GradualEngine
    from .registry import EXTENSION, GRADUAL, ExtensionSemantics, GradualSemantics
    from .verdict import Verdict, flip_points, margin_curve, verdict

# Imported when first read, so the registry alone (which the command line's parser
# reads) costs no NumPy.
__getattr__, __dir__ = _lazy_exports(
    __name__,
    {
        ".dung": ("acceptance", "extensions", "grounded"),
        ".explain": ("Contribution", "Explanation", "explain"),
        ".gradual": ("SEMANTICS", "score", "strengths"),
        ".incremental": ("GradualEngine",),
        ".registry": ("EXTENSION", "GRADUAL", "ExtensionSemantics", "GradualSemantics"),
        ".verdict": ("Verdict", "flip_points", "margin_curve", "verdict"),
    },
)

__all__ = [
    "Contribution",
    "EXTENSION",
    "Explanation",
    "ExtensionSemantics",
    "GRADUAL",
    "GradualEngine",
    "GradualSemantics",
    "SEMANTICS",
    "Verdict",
    "acceptance",
    "explain",
    "extensions",
    "flip_points",
    "grounded",
    "margin_curve",
    "score",
    "strengths",
    "verdict",
]
