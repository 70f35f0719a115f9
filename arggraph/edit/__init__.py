"""Editing a debate: operations on a graph, each checked and each undoable, and one
undo history with the user's scores.

Every operation is a function of the graph as it stands that returns an :class:`Edit`
(or raises :class:`~arggraph.errors.EditError` with the reason it cannot be made); an
:class:`Editor` makes it, checks that the graph is still valid, and keeps it in the
history with the score changes, so :meth:`Editor.undo` and :meth:`Editor.redo` step
through both. Removing a claim or a relation takes with it what hangs on it
(:func:`claim_dependents`, :func:`relation_dependents` say what, to show first).
The library imports no user interface: the TUI builds on this.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": ['
...     '{"id": "go", "text": "Go", "kind": "position"},'
...     '{"id": "stay", "text": "Stay", "kind": "position"}]}')
>>> ed = Editor(g)
>>> _ = ed.apply(add_argument(ed.graph, "The roads are cut", type_="support", target="go"))
>>> _ = ed.apply(add_argument(ed.graph, "Supplies are low", type_="support", target="go"))
>>> _ = ed.apply(group_premises(ed.graph, "support:the-roads-are-cut->go",
...                             "supplies-are-low"))
>>> [r.premises for r in ed.graph.relations.values()]
[['the-roads-are-cut', 'supplies-are-low']]
>>> rid = next(iter(ed.graph.relations))
>>> _ = ed.apply(add_argument(ed.graph, "A new road opened", type_="attack", target=rid))
>>> ed.graph.model.format
'arggraph/1.1'
>>> while ed.undo(): pass
>>> ed.graph.model == g.model
True
"""

from __future__ import annotations

from ._base import Edit, fresh_id
from .claims import add_argument, add_claim, change_claim, change_graph, remove_claim
from .history import Editor, Entry, ScoreChange
from .impact import (
    Dependents,
    Uses,
    actor_uses,
    claim_dependents,
    document_uses,
    relation_dependents,
)
from .new import create_debate, new_debate
from .relations import add_relation, change_relation, group_premises, remove_relation
from .sources import (
    add_actor,
    add_attribution,
    add_document,
    change_actor,
    change_attribution,
    change_document,
    remove_actor,
    remove_attribution,
    remove_document,
)

__all__ = [
    "Dependents",
    "Edit",
    "Editor",
    "Entry",
    "ScoreChange",
    "Uses",
    "actor_uses",
    "add_actor",
    "add_argument",
    "add_attribution",
    "add_claim",
    "add_document",
    "add_relation",
    "change_actor",
    "change_attribution",
    "change_claim",
    "change_document",
    "change_graph",
    "change_relation",
    "claim_dependents",
    "create_debate",
    "document_uses",
    "fresh_id",
    "group_premises",
    "new_debate",
    "relation_dependents",
    "remove_actor",
    "remove_attribution",
    "remove_claim",
    "remove_document",
    "remove_relation",
]
