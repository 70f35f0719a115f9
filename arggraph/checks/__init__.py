"""Consistency checks: a linter for argument graphs.

Each rule has a stable code (``S`` structure, ``P`` provenance, ``R`` reasoning), a
default severity and documentation (:data:`RULES`, :func:`rule`); :func:`check` runs
the selected rules and returns :class:`Finding` objects, so checks can be scripted,
asserted in pytest, or printed by ``arggraph check`` as text, JSON, SARIF or GitHub
annotations.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": ['
...           '{"id": "a", "text": "A"}, {"id": "b", "text": "A "}]}', strict=False)
>>> [(f.code, f.severity, f.ids) for f in check(g, select=["S010", "S008"])]
[('S008', 'warning', ('g',)), ('S010', 'warning', ('a', 'b'))]
>>> rule("S010").summary
'Two claims have the same text.'
"""

from __future__ import annotations

import typing

from .._lazy import lazy_exports as _lazy_exports

if typing.TYPE_CHECKING:
    from .finding import SEVERITIES, Finding, Severity, severity_at_least
    from .registry import RULES, Rule, rule, select_rules
    from .runner import check

# Each name is imported when first read: the rule table (`arggraph rules`) needs neither
# the runner nor what it imports (the graph, NumPy, pydantic).
__getattr__, __dir__ = _lazy_exports(
    __name__,
    {
        ".finding": ("SEVERITIES", "Finding", "Severity", "severity_at_least"),
        ".registry": ("RULES", "Rule", "rule", "select_rules"),
        ".runner": ("check",),
    },
)

__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "Severity",
    "check",
    "rule",
    "select_rules",
    "severity_at_least",
]
