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
import heapq
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..graph import Graph
from .context import Checker, Context
from .documents import DocumentStore
from .finding import Finding, FindingRun, finding_sort_key
from .provenance import CHECKERS as PROVENANCE
from .reasoning import CHECKERS as REASONING
from .registry import select_rules
from .structure import CHECKERS as STRUCTURE

__all__ = ["CHECKERS", "Found", "check", "iter_found", "iter_findings", "run_checks"]

#: Every family's checkers, in the order they run.
CHECKERS: list[Checker] = [*STRUCTURE, *PROVENANCE, *REASONING]


#: What a checker yields: a finding, or a run of one rule's findings on many items.
Found = Finding | FindingRun


def iter_findings(
    graph: Graph, enabled: frozenset[str], documents: DocumentStore | None = None
) -> Iterator[Finding]:
    """The findings of the ``enabled`` rule codes, one at a time, in the order
    :func:`check` returns them (by place in the file, then by code).

    Each checker's findings come in that order, or are sorted on their own, and the
    streams are merged as they go: a graph with a million findings is reported without
    holding them all. ``documents`` is shared between calls by the command line, so a
    folder of texts is read once for many graphs.
    """
    for item in iter_found(graph, enabled, documents):
        if isinstance(item, FindingRun):
            yield from item.findings()
        else:
            yield item


def iter_found(
    graph: Graph, enabled: frozenset[str], documents: DocumentStore | None = None
) -> Iterator[Found]:
    """:func:`iter_findings`, with the runs (:class:`FindingRun`) the rules make kept
    whole, cut only where another rule's finding comes between their items: what a
    report writes in bulk."""
    ctx = Context(graph, enabled, documents)
    # The rules allocate many small objects and no reference cycles; with a large graph
    # in memory, the cyclic collector would rescan all of it again and again (it tripled
    # the time of a 100k-claim check), so it waits until the findings are out.
    collecting = gc.isenabled()
    gc.disable()
    try:
        streams: list[Iterator[Found]] = []
        for checker in CHECKERS:
            if checker.codes & enabled:
                found: Iterator[Found] = iter(checker.run(ctx))
                if not checker.codes <= enabled:  # leave out the codes not selected
                    found = _enabled(found, checker.codes & enabled)
                if not checker.ordered:
                    ordered: list[Finding] = sorted(_each(found), key=finding_sort_key)
                    found = iter(ordered)
                streams.append(found)
        yield from _merge(streams)
    finally:
        if collecting:
            gc.enable()


def _each(found: Iterable[Found]) -> Iterator[Finding]:
    """The findings of ``found``, runs taken apart."""
    for item in found:
        if isinstance(item, FindingRun):
            yield from item.findings()
        else:
            yield item


def _enabled(found: Iterable[Found], codes: frozenset[str]) -> Iterator[Found]:
    return (f for f in found if f.code in codes)


def _key(item: Found) -> tuple[Any, ...]:
    """The sort key of a finding, or of a run's first finding."""
    if isinstance(item, FindingRun):
        return item.key(0)
    return finding_sort_key(item)


def _merge(streams: list[Iterator[Found]]) -> Iterator[Found]:
    """One stream of the findings of ``streams``, each already in order, in order.

    Only the head of each stream is compared; once a single stream is left it is passed
    through, so the bulk of a large report (most findings come from one or two rules)
    costs no comparison at all. A run at the head is cut where the heads of the other
    streams come between its findings (a binary search for each), and passed on a part
    at a time, each finding that comes between two parts right after the first.
    """
    heads: list[tuple[tuple[Any, ...], int, Found]] = []
    for n, stream in enumerate(streams):
        first = next(stream, None)
        if first is not None:
            heads.append((_key(first), n, first))
    heapq.heapify(heads)
    while len(heads) > 1:
        key, n, item = heads[0]
        if isinstance(item, FindingRun):
            heapq.heappop(heads)
            # What is left of the run: a view of its own, cut from the front as its
            # parts are passed on (itself passed on last, when nothing comes between).
            rest = item.span(item.start, item.stop)
            met_run = False
            while heads:
                other_key, other_n, other = heads[0]
                # (Ties go to the earlier checker, as a stable sort would have it.)
                cut = rest.count_before(other_key, ties=n < other_n)
                if cut >= len(rest):
                    break
                if cut:
                    yield rest.span(rest.start, rest.start + cut)
                    rest.start += cut
                if isinstance(other, FindingRun):
                    met_run = True
                    break
                yield other
                nxt = next(streams[other_n], None)
                if nxt is None:
                    heapq.heappop(heads)
                else:
                    heapq.heapreplace(heads, (_key(nxt), other_n, nxt))
            if met_run:  # the heap decides between the two runs
                heapq.heappush(heads, (rest.key(0), n, rest))
                continue
            if len(rest):
                yield rest
            nxt = next(streams[n], None)
            if nxt is not None:
                heapq.heappush(heads, (_key(nxt), n, nxt))
            continue
        second = min(heads[1:3])[:2]
        yield item
        # The same stream often leads for a long run: pass it on while it stays first.
        stream = streams[n]
        for nxt in stream:
            nxt_key = _key(nxt)
            if not isinstance(nxt, FindingRun) and (nxt_key, n) < second:
                yield nxt
                continue
            heapq.heapreplace(heads, (nxt_key, n, nxt))
            break
        else:
            heapq.heappop(heads)
    if heads:
        yield heads[0][2]
        yield from streams[heads[0][1]]


def run_checks(
    graph: Graph, enabled: frozenset[str], documents: DocumentStore | None = None
) -> list[Finding]:
    """The findings of the ``enabled`` rule codes, sorted as :func:`check` sorts them
    (:func:`iter_findings`, as a list)."""
    return list(iter_findings(graph, enabled, documents))


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
