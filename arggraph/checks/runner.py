"""Running the rules on a graph: :func:`check`.

>>> from arggraph.io import loads
>>> g = loads('{"format": "arggraph/1", "id": "g", "claims": ['
...           '{"id": "p", "text": "P", "kind": "position"},'
...           '{"id": "c", "text": "C", "attributions": [{"actor": "x"}]}],'
...           '"relations": [{"type": "support", "source": "c", "target": "c"}]}',
...           strict=False)
>>> for f in check(g, select=["S"]):
...     print(f.code, f.path)
S007 claims[0]
S006 claims[1]
S001 claims[1].attributions[0].actor
S003 relations[0]
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from ..graph import Graph
from .context import Checker, Context
from .documents import DocumentStore
from .finding import Finding, finding_sort_key
from .provenance import CHECKERS as PROVENANCE
from .reasoning import CHECKERS as REASONING
from .registry import select_rules
from .structure import CHECKERS as STRUCTURE

__all__ = ["CHECKERS", "check", "run_checks"]

#: Every family's checkers, in the order they run.
CHECKERS: list[Checker] = [*STRUCTURE, *PROVENANCE, *REASONING]


def run_checks(
    graph: Graph, enabled: frozenset[str], documents: DocumentStore | None = None
) -> list[Finding]:
    """The findings of the ``enabled`` rule codes, sorted as :func:`check` sorts them.

    ``documents`` is shared between calls by the command line, so a folder of texts is
    read once for many graphs.
    """
    ctx = Context(graph, enabled, documents)
    found: list[Finding] = []
    # The rules allocate many small objects and no reference cycles; with a large graph
    # in memory, the cyclic collector would rescan all of it again and again (it tripled
    # the time of a 100k-claim check), so it waits until the rules are done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for checker in CHECKERS:
            if checker.codes & enabled:
                found.extend(f for f in checker.run(ctx) if f.code in enabled)
    finally:
        if collecting:
            gc.enable()
    found.sort(key=finding_sort_key)
    return found


def check(
    graph: Graph,
    documents: str | Path | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding of the selected rules on ``graph``, in file order.

    ``graph`` is a :class:`~arggraph.graph.Graph`; load it with ``strict=False`` so that
    duplicate ids and dangling references arrive as findings (S001, S002) rather than as
    an exception. ``documents`` is the folder of the documents' texts (a path): quotes
    are verified against it (P006, P008, P009 run only with it); a document that cannot
    be read there is a finding, not an exception. ``select`` and ``ignore`` are iterables
    of selectors: codes (``"S003"``), prefixes (``"P"``, ``"S00"``), rule names
    (``"self-relation"``) or ``"ALL"``, case-insensitive, as ``--select`` and ``--ignore``
    take them; by default every rule runs, and the most specific selector wins.

    Returns a ``list`` of :class:`~arggraph.checks.Finding`: ``code`` (``"S003"``),
    ``severity`` (``"error"``, ``"warning"`` or ``"info"``), ``message`` (one line),
    ``ids`` (a tuple of the claim, relation, actor or document ids concerned), ``path``
    (the JSON path of the item, ``"relations[0]"``, or ``None`` for the whole graph),
    ``file`` (the graph's file, or ``None``) and ``hint``. The order is deterministic: by
    place in the file, then by code. Quote verification is linear in the quotes plus the
    documents' text.

    Raises :class:`~arggraph.errors.UsageError` for a selector that matches no rule and
    :class:`~arggraph.errors.FileAccessError` when ``documents`` is not a folder.

    References: R003 reads the grounded extension of P. M. Dung, On the acceptability of
    arguments and its fundamental role in nonmonotonic reasoning, logic programming and
    n-person games, Artificial Intelligence 77(2) (1995), 321-357; ``arggraph rules``
    explains every rule.

    >>> from arggraph.io import loads
    >>> g = loads('{"format": "arggraph/1", "id": "g", "claims": ['
    ...           '{"id": "p", "text": "P", "kind": "position"}],'
    ...           '"relations": [{"type": "attack", "source": "p", "target": "p"}]}')
    >>> [(f.code, f.severity, f.ids, f.path) for f in check(g, select=["S003"])]
    [('S003', 'error', ('attack:p->p', 'p'), 'relations[0]')]
    >>> check(g, select=["S999"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.UsageError: unknown rule selector 'S999'...
    >>> check(g, documents="/no/such/folder")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.FileAccessError: /no/such/folder: no such folder (given as the documents folder)
    """
    enabled = select_rules(select, ignore)
    store = DocumentStore(documents) if documents is not None else None
    return run_checks(graph, enabled, store)
