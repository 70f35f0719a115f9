"""What changed between two versions of a graph, in argument terms.

:func:`diff_graphs` pairs the claims and relations of an old and a new version, renamed
ones included, and says what was added, removed, renamed and changed, down to each
field, attribution and linked premise. It is pure: the graphs are only read.

An id present in both versions names the same item (unless the item plainly became
another: then it competes with the rest). Items whose id changed are paired by evidence,
each pair with its *confidence* in [0, 1]: claims by their text, their position in the
graph (the same kind of relation to claims already paired) and their provenance (the same
actors quoted in the same words); relations by their premises, target and type through the
claims paired, and their provenance. A relation whose default id (``TYPE:SOURCE->TARGET``)
changed because an end was renamed is paired exactly. :mod:`arggraph.diff.effect` adds
what the change does to the verdict and the strengths, :mod:`arggraph.diff.render` writes
it as text, Markdown or JSON, and :meth:`GraphDiff.id_map` is the id map
(``arggraph-id-map/1``) that carries score sheets over to the new version.

>>> from arggraph.io import loads
>>> old = loads('{"claims": [{"id": "go", "text": "Go", "kind": "position"},'
...             ' {"id": "losses", "text": "Losses mount"}],'
...             ' "relations": [{"type": "support", "source": "losses", "target": "go"}]}')
>>> new = loads('{"claims": [{"id": "go", "text": "Go", "kind": "position"},'
...             ' {"id": "casualties", "text": "Losses mount", "base": 0.7}],'
...             ' "relations": [{"type": "support", "source": "casualties", "target": "go"}]}')
>>> d = diff_graphs(old, new)
>>> [(m.old, m.new, m.confidence) for m in d.claims.renamed]
[('losses', 'casualties', 1.0)]
>>> d.claims.changed[0].fields
(FieldChange(field='base', old=0.5, new=0.7),)
>>> d.id_map().renamed
{'losses': 'casualties', 'support:losses->go': 'support:casualties->go'}
>>> bool(diff_graphs(old, old))
False

Sources of the method: the pairing is an assignment problem (H. W. Kuhn, "The Hungarian
method for the assignment problem", 1955; solved with SciPy's
``linear_sum_assignment``, after R. Jonker and A. Volgenant, "A shortest augmenting path
algorithm for dense and sparse linear assignment problems", Computing 38, 1987); texts
are compared by the normalised Indel similarity (RapidFuzz's ``fuzz.ratio``).
"""

from __future__ import annotations

from ..graph import Graph as _Graph
from .effect import Effect, StrengthChange, carry_sheet, effect
from .result import FieldChange, GraphDiff, ItemChange, Match, Section

__all__ = [
    "Effect",
    "FieldChange",
    "GraphDiff",
    "ItemChange",
    "Match",
    "Section",
    "StrengthChange",
    "carry_sheet",
    "diff_graphs",
    "effect",
]


def diff_graphs(old: _Graph, new: _Graph) -> GraphDiff:
    """What changed from ``old`` to ``new``: a :class:`GraphDiff` with a
    :class:`Section` for claims, relations, documents and actors (documents and actors
    are paired by id), and the graph's own fields that changed (id, format, title,
    question, description, meta). Renamed claims and relations are paired by evidence
    with a confidence in [0, 1] (:class:`Match`); see the module's docstring.

    Cost: linear in the items for those whose id is kept; for the others, one text
    comparison per pair (in C++) and an assignment cubic in their number.
    """
    from ._compare import (
        ACTOR_FIELDS,
        DOCUMENT_FIELDS,
        GRAPH_FIELDS,
        by_id_section,
        claim_section,
        fields,
        relation_section,
    )
    from ._match import match_claims, match_relations

    claim_pairs = match_claims(old, new)
    claims = {p.old: p.new for p in claim_pairs}
    relation_pairs = match_relations(old, new, claims)
    return GraphDiff(
        old,
        new,
        graph=fields(old.model, new.model, GRAPH_FIELDS),
        claims=claim_section(old, new, claim_pairs),
        relations=relation_section(old, new, relation_pairs, claims),
        documents=by_id_section(old.documents, new.documents, DOCUMENT_FIELDS),
        actors=by_id_section(old.actors, new.actors, ACTOR_FIELDS),
    )
