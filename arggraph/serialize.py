"""The canonical text of a graph file: one way to write a graph, so saves diff well.

A graph is written as JSON indented by two spaces, one key a line, every item's keys in
the order the format lists them (:mod:`arggraph.model`), items in the order they have in
the graph, non-ASCII text as it is (UTF-8), values that are absent left out, and a final
newline. A relation's ``id`` is left out where the file left it out (the loader gave it
the default, ``TYPE:SOURCE->TARGET``, :func:`~arggraph._ids.default_relation_id`) and it
is still that default, and written where the file wrote it, so a file keeps its own way
with relation ids (:mod:`arggraph.edit` keeps to it: a relation it adds with the default
id is left without one). The ``format`` is the one the graph needs
(:func:`needed_format`): an ``arggraph/1`` file that uses nothing of ``arggraph/1.1``
stays ``arggraph/1``. (A file laid out otherwise takes this form on its first save.)

So a file in this form (the bundled ``graphs/bakhmut.json`` is one) loads and saves to
the same bytes, and an edit changes only the lines it touches: a claim's new text is one
changed line, a new claim a block of added lines, which keeps diffs in git small.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> model = GraphModel(id="g", claims=[Claim(id="a", text="A"), Claim(id="b", text="B")],
...     relations=[Relation(type="attack", source="a", target="b")])
>>> Graph(model).relations["attack:a->b"].type
'attack'
>>> text = canonical_json(model)
>>> '"id": "attack:a->b"' in text, text.splitlines()[1]
(False, '  "format": "arggraph/1",')
"""

from __future__ import annotations

from typing import Any

from ._ids import default_relation_id
from .jsonio import dumps
from .model import FORMAT, FORMAT_1_1, GraphModel, Relation, new_parts

__all__ = ["canonical_json", "needed_format"]


def needed_format(model: GraphModel) -> str:
    """The format a model is written as: ``arggraph/1.1`` when it says so or uses a part
    of it (even one added after it was loaded), else ``arggraph/1``, so an old file
    saves unchanged.

    >>> from arggraph.model import Claim
    >>> needed_format(GraphModel(claims=[Claim(id="a", text="A")]))
    'arggraph/1'
    """
    if model.format == FORMAT_1_1 or new_parts(model):
        return FORMAT_1_1
    return FORMAT


def _default(rel: Relation) -> str:
    premises = rel.source if rel.source is not None else rel.premises
    return default_relation_id(rel.type, premises, rel.target)


def canonical_json(model: GraphModel) -> str:
    """The canonical JSON text of ``model`` (see the module), ending in a newline.

    Raises :class:`ValueError` for a number JSON cannot hold (a NaN), which a validated
    model never has.
    """
    payload: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    payload["format"] = needed_format(model)
    for written, rel in zip(payload.get("relations", ()), model.relations, strict=True):
        if not rel.id or ("id" not in rel.model_fields_set and rel.id == _default(rel)):
            written.pop("id", None)
    return dumps(payload) + "\n"
