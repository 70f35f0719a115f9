"""A new debate to start from: a question and its positions, nothing else yet.

>>> model = new_debate("Should the town build the bypass?", ident="bypass")
>>> [(c.id, c.text) for c in model.claims]
[('yes', 'Yes'), ('no', 'No')]
>>> new_debate("   ")
Traceback (most recent call last):
...
arggraph.errors.EditError: a debate needs a question
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> create_debate(folder / "bypass.json", "Build the bypass?").id
'bypass'
>>> create_debate(folder / "bypass.json", "Again?")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
arggraph.errors.FileAccessError: .../bypass.json: a file is already there; not overwritten
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import EditError, FileAccessError
from ..graph import Graph
from ..io import save
from ..model import FORMAT, Claim, GraphModel
from ._base import fresh_id

__all__ = ["create_debate", "new_debate"]


def new_debate(
    question: str,
    *,
    ident: str = "debate",
    title: str | None = None,
    positions: Sequence[str] = ("Yes", "No"),
) -> GraphModel:
    """An ``arggraph/1`` graph with ``question`` (its ``title`` too, unless given) and a
    position for each of ``positions`` (at least two, distinct; ids made from their
    texts: ``yes``, ``no``), base 0.5, no arguments yet.

    Raises :class:`~arggraph.errors.EditError` for a blank question or id, fewer than
    two positions, a blank or repeated position."""
    question = question.strip()
    if not question:
        raise EditError("a debate needs a question")
    if not ident.strip():
        raise EditError("a debate needs an id")
    texts = [p.strip() for p in positions]
    if len(texts) < 2:
        raise EditError("a debate needs at least two positions")
    if any(not t for t in texts):
        raise EditError("a position needs a text")
    if len({t.casefold() for t in texts}) != len(texts):
        raise EditError("the positions must differ")
    taken: set[str] = set()
    claims = []
    for text in texts:
        cid = fresh_id(text, taken, fallback="position")
        taken.add(cid)
        claims.append(Claim(id=cid, text=text, kind="position"))
    return GraphModel(
        format=FORMAT,
        id=ident.strip(),
        title=question if title is None else title,
        question=question,
        claims=claims,
    )


def create_debate(
    path: str | Path,
    question: str,
    *,
    ident: str | None = None,
    title: str | None = None,
    positions: Sequence[str] = ("Yes", "No"),
) -> Graph:
    """Write :func:`new_debate` to ``path`` (atomically, in canonical form) and return
    it as a graph loaded from there, ready to edit. Its id is ``ident``, else one made
    from the file's name (``bypass.json``: ``bypass``).

    Raises :class:`~arggraph.errors.FileAccessError` when something is already at
    ``path`` (it is never overwritten) or it cannot be written, and
    :class:`~arggraph.errors.EditError` as :func:`new_debate` does.
    """
    target = Path(path)
    if ident is None:
        ident = fresh_id(target.stem, (), fallback="debate")
    model = new_debate(question, ident=ident, title=title, positions=positions)
    if os.path.lexists(target):
        raise FileAccessError("a file is already there; not overwritten", path=target)
    graph = Graph(model)
    save(graph, target)
    return graph
