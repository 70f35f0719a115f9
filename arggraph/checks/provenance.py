"""Provenance rules (``P``): is every statement sourced, and is the source right?

Who said it, where, in which words and when: attributions that are missing or
incomplete, quotes that are not in their document (with the documents' texts), dates
that cannot be, and actors or documents that nothing cites. Quote verification reads and
normalises each document once and makes one substring search per part of a quote
(:mod:`arggraph.quotes`), so it stays linear in the number of quotes.

A date interval that ends before it starts (``2023-03-10/2023-03-01``) is no finding
here: it names no day at all, so nothing could read it (the timeline, the order of
R001 and R002, P007's comparison with a publication date), and no fix can be guessed
(a swapped pair, or a typo in either end). Like a base score of 2 it is a value
outside its domain, which loading refuses for every command with the file, the JSON
path, the line and the column; ``check`` then reports the file as unusable (exit 2)
and goes on with the others. The rules report what has a meaning but is likely wrong.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from .._ids import default_relation_ids
from ..dates import interval_ends, is_interval
from ..errors import FileAccessError
from ..quotes import closest_passage
from ..text import shorten
from ._formatted import Formatted
from .context import Checker, Context, Located, bounds, flat, quote_id, show_premises
from .documents import QuoteFinder
from .finding import Finding, FindingRun, finding_sort_key

if TYPE_CHECKING:
    from ..model import Attribution

__all__ = ["CHECKERS", "HINT_WIDTH", "RELATION_ID", "RUN_SIZE", "UNATTRIBUTED_RELATION"]

#: How many characters of a document's closest passage a P006 hint shows.
HINT_WIDTH = 160


def _after_publication(att_date: str, published: str) -> str:
    """Why a date is after a publication date, naming the bounds compared when either
    is an interval (the attribution's first day, the publication's last)."""
    if not is_interval(att_date) and not is_interval(published):
        return ""
    start = interval_ends(att_date)[0] if is_interval(att_date) else att_date
    end = interval_ends(published)[1] if is_interval(published) else published
    said = f"the start of its interval, {start}," if is_interval(att_date) else f"{start}"
    out = f"the end of its interval, {end}" if is_interval(published) else end
    return f": {said} is after {out}"


#: Findings a run of P001 or P002 holds on a plain graph: a graph with a million
#: unattributed items gives its runs one after another, each written before the next is
#: made, so their text is never all in memory at once (nor much of it: smaller runs
#: measured faster, the memory for each new one being reused rather than faulted in).
RUN_SIZE = 1 << 14


def unattributed_claims(ctx: Context) -> Iterator[FindingRun]:
    """P001: claims without attribution (positions and reconstructed claims need none),
    in file order, as runs."""
    plain = ctx.plain_ids
    cols = ctx.graph.columns
    if cols is not None:  # a plain graph: no attribution anywhere
        kinds, ids = cols.kinds, cols.claim_ids
        every = [i for i, kind in enumerate(kinds) if kind != "position"]
        for lo in range(0, len(every), RUN_SIZE):
            at = every[lo : lo + RUN_SIZE]
            idents = [ids[i] for i in at]
            yield ctx.run("P001", "claims", at, idents, _claim_messages(idents, plain), plain)
        return
    at, idents = [], []
    for i, claim in enumerate(ctx.graph.model.claims):
        if not claim.attributions and claim.kind != "position" and not claim.reconstructed:
            at.append(i)
            idents.append(claim.id)
    if at:
        yield ctx.run("P001", "claims", at, idents, _claim_messages(idents, plain), plain)


def _claim_messages(idents: list[str], plain: bool) -> list[str]:
    shown = idents if plain else map(flat, idents)
    return [f"claim '{ident}' has no attribution" for ident in shown]


#: The default id of a relation from one premise (:func:`arggraph._ids.default_relation_id`)
#: and P002's message about a relation, as templates (:class:`~._formatted.Formatted`).
RELATION_ID = "%s:%s->%s"
UNATTRIBUTED_RELATION = "%s '%s' ('%s' -> '%s') has no attribution"


def _relation_messages(
    kinds: list[str], idents: list[str], sources: list[str], targets: list[str]
) -> list[str]:
    """P002's messages (:data:`UNATTRIBUTED_RELATION`), one f-string each."""
    parts = zip(kinds, idents, sources, targets, strict=True)
    return [f"{k} '{r}' ('{a}' -> '{b}') has no attribution" for k, r, a, b in parts]


def unattributed_relations(ctx: Context) -> Iterator[FindingRun]:
    """P002: relations without attribution (those between positions need none), in file
    order, as runs."""
    positions = ctx.position_ids
    plain = ctx.plain_ids
    cols = ctx.graph.columns
    if cols is not None:  # a plain graph: no attribution, no linked premises
        claim_ids, types, written = cols.claim_ids, cols.types, cols.relation_ids
        keep = np.ones(len(types), dtype=bool)
        if positions:
            is_position = np.zeros(len(claim_ids), dtype=bool)
            is_position[ctx.position_items] = True
            keep = ~(is_position[cols.sources] & is_position[cols.targets])
        every = np.flatnonzero(keep)
        # The strings picked by NumPy's indexing of object arrays (a C loop), not one
        # list lookup at a time.
        names, kinds_of = np.array(claim_ids, dtype=object), np.array(types, dtype=object)
        for lo in range(0, len(every), RUN_SIZE):
            chosen = every[lo : lo + RUN_SIZE]
            at: list[int] = chosen.tolist()
            kinds = kinds_of[chosen].tolist()
            sources = names[cols.sources[chosen]].tolist()
            targets = names[cols.targets[chosen]].tolist()
            idents: Sequence[str]
            if written is not None:
                idents = [written[i] for i in at]
            else:  # the default ids, TYPE:SOURCE->TARGET
                idents = Formatted(
                    RELATION_ID, (kinds, sources, targets), make=default_relation_ids
                )
            messages: Sequence[str]
            if plain:  # made when read, or inlined into a text report's lines
                columns = (kinds, idents, sources, targets)
                messages = Formatted(UNATTRIBUTED_RELATION, columns, make=_relation_messages)
            else:
                parts = zip(kinds, idents, sources, targets, strict=True)
                messages = [
                    f"{k} '{flat(r)}' ('{flat(a)}' -> '{flat(b)}') has no attribution"
                    for k, r, a, b in parts
                ]
            yield ctx.run("P002", "relations", at, idents, messages, plain)
        return
    at, idents, messages = [], [], []
    for i, rel in enumerate(ctx.graph.model.relations):
        if rel.attributions:
            continue
        source, target, ident = rel.source, rel.target, rel.id
        if source is not None:
            if source in positions and target in positions:
                continue
            if plain:  # the usual case: nothing to escape
                message = f"{rel.type} '{ident}' ('{source}' -> '{target}') has no attribution"
            else:
                message = (
                    f"{rel.type} '{flat(ident)}' ('{flat(source)}' -> '{flat(target)}') "
                    "has no attribution"
                )
        else:
            premises = rel.premises
            if {*premises, target} <= positions:
                continue
            message = (
                f"{rel.type} '{flat(ident)}' ({show_premises(premises)} -> '{flat(target)}') "
                "has no attribution"
            )
        at.append(i)
        idents.append(ident)
        messages.append(message)
    if at:
        yield ctx.run("P002", "relations", at, idents, messages, plain)


def _same(att: Attribution) -> tuple[str, str | None, str, str | None]:
    """What makes two attributions the same (P012): actor, document, quote (up to
    spacing) and date."""
    return att.actor, att.document, " ".join(att.quote.split()), att.date


def attribution_gaps(ctx: Context) -> Iterator[Finding]:
    """P003-P005 (incomplete attributions), P007 (dated after publication), P012 (the
    same attribution twice on one item) and P014 (a quote on a reconstructed claim), in
    file order.

    A reconstructed claim (an unstated premise the analyst made explicit) needs no
    attribution and no quote; its attributions are otherwise checked like any other."""
    g = ctx.graph
    if g.columns is not None:
        return  # a plain graph has no attribution
    reconstructed = {c.id for c in g.model.claims if c.reconstructed}
    documents = g.documents
    earlier: list[Attribution] = []  # the attributions of the item at hand, so far
    seen: set[tuple[str, str | None, str, str | None]] | None = None
    for loc in ctx.iter_attributions():
        att = loc.attribution
        owner = f"{loc.owner_kind} {quote_id(loc.owner_id)}"
        path = loc.path
        found: list[Finding] = []
        if loc.nth == 0:  # P012 compares an item's attributions, when it has several
            earlier, seen = [], None
        else:
            if seen is None:
                seen = {_same(a) for a in earlier}
            key = _same(att)
            if key in seen:
                found.append(
                    ctx.finding(
                        "P012",
                        f"{owner} carries this attribution of {quote_id(att.actor)} twice",
                        (loc.owner_id, att.actor),
                        path,
                    )
                )
            seen.add(key)
        earlier.append(att)
        rebuilt = loc.owner_kind == "claim" and loc.owner_id in reconstructed
        quoted = bool(att.quote.strip())
        if rebuilt and quoted:
            found.append(
                ctx.finding(
                    "P014",
                    f"claim {quote_id(loc.owner_id)} is marked reconstructed but its attribution "
                    f"to {quote_id(att.actor)} quotes it",
                    (loc.owner_id, att.actor),
                    f"{path}.quote",
                )
            )
        if not quoted and not rebuilt:
            found.append(
                ctx.finding(
                    "P003",
                    f"attribution of {owner} to {quote_id(att.actor)} has no quote",
                    (loc.owner_id, att.actor),
                    f"{path}.quote" if att.quote else path,
                )
            )
        if att.document is None:
            found.append(
                ctx.finding(
                    "P005",
                    f"attribution of {owner} to {quote_id(att.actor)} cites no document",
                    (loc.owner_id, att.actor),
                    path,
                )
            )
        doc = documents.get(att.document) if att.document is not None else None
        if att.date is None:
            if doc is None or doc.published is None:
                why = (
                    "and its document has none"
                    if doc is not None
                    else (
                        "and cites no document"
                        if att.document is None
                        else "and its document is unknown"
                    )
                )
                found.append(
                    ctx.finding(
                        "P004",
                        f"attribution of {owner} to {quote_id(att.actor)} has no date, {why}",
                        (loc.owner_id, att.actor),
                        path,
                    )
                )
        elif doc is not None and doc.published is not None:
            if bounds(att.date)[0] > bounds(doc.published)[1]:
                found.append(
                    ctx.finding(
                        "P007",
                        f"attribution of {owner} is dated {att.date}, after its document "
                        f"{quote_id(doc.id)} was published ({doc.published})"
                        f"{_after_publication(att.date, doc.published)}",
                        (loc.owner_id, doc.id),
                        f"{path}.date",
                    )
                )
        if len(found) > 1:
            found.sort(key=finding_sort_key)
        yield from found


def quotes(ctx: Context) -> Iterator[Finding]:
    """P006 (quote not in its document), P008 (text file unusable), P009 (no text file),
    P013 (text file changed since its hash was recorded).

    Quotes are verified a document at a time, so only one document's search index is
    held at once.
    """
    store = ctx.documents
    if store is None:
        return
    g = ctx.graph
    usable: dict[str, bool] = {}
    for i, doc in enumerate(g.model.documents):
        if doc.file is None or doc.id in usable:
            continue
        try:
            store.check(doc.file)
            usable[doc.id] = True
        except FileAccessError as exc:
            usable[doc.id] = False
            yield ctx.finding(
                "P008",
                f"document {quote_id(doc.id)}: text file {quote_id(doc.file)} {exc.message}",
                (doc.id,),
                f"documents[{i}].file",
            )
            continue
        if doc.sha256 is not None and "P013" in ctx.enabled:
            now = store.sha256(doc.file)
            if now != doc.sha256.lower():
                yield ctx.finding(
                    "P013",
                    f"document {quote_id(doc.id)}: text file {quote_id(doc.file)} no longer "
                    f"matches its recorded sha256 ({doc.sha256.lower()[:12]}..., now "
                    f"{now[:12]}...)",
                    (doc.id,),
                    f"documents[{i}].sha256",
                    f"check the quotes against the new text, then record its hash: sha256 {now}",
                )
    unverifiable: set[str] = set()
    by_document: dict[str, list[Located]] = defaultdict(list)
    for loc in ctx.iter_attributions():
        att = loc.attribution
        if not att.quote.strip() or att.document is None:
            continue
        cited = g.documents.get(att.document)
        if cited is None:
            continue
        if cited.file is None:
            unverifiable.add(cited.id)
        elif usable.get(cited.id):
            by_document[cited.id].append(loc)
    for doc_id, located in by_document.items():
        doc = g.documents[doc_id]
        assert doc.file is not None
        text = store.text(doc.file)
        finder = QuoteFinder(text, expected=len(located))
        for loc in located:
            att = loc.attribution
            if finder.found(att.quote):
                continue
            passage = closest_passage(att.quote, text)
            hint = (
                f'closest passage: "{shorten(passage, HINT_WIDTH)}"'
                if passage
                else "no passage of the document shares three words in a row with it"
            )
            yield ctx.finding(
                "P006",
                f"quote of {quote_id(att.actor)} on {loc.owner_kind} "
                f"{quote_id(loc.owner_id)} not found in document {quote_id(doc.id)} "
                f'({quote_id(doc.file)}): "{shorten(att.quote, 60)}"',
                (loc.owner_id, doc.id),
                f"{loc.path}.quote",
                hint,
            )
    for doc_id in sorted(unverifiable, key=lambda d: ctx.document_path.get(d, d)):
        yield ctx.finding(
            "P009",
            f'document {quote_id(doc_id)} is cited but has no "file": its quotes '
            "cannot be verified",
            (doc_id,),
            ctx.document_path.get(doc_id),
        )


def unused(ctx: Context) -> Iterator[Finding]:
    """P010 (actors nothing cites) and P011 (documents nothing cites)."""
    if not ctx.graph.actors and not ctx.graph.documents:
        return  # (a plain graph's models are not built for nothing)
    actors: set[str] = set()
    documents: set[str | None] = set()
    for loc in ctx.iter_attributions():
        actors.add(loc.attribution.actor)
        documents.add(loc.attribution.document)
    for i, actor in enumerate(ctx.graph.model.actors):
        if actor.id not in actors:
            yield ctx.finding(
                "P010", f"actor {quote_id(actor.id)} is never cited", (actor.id,), f"actors[{i}]"
            )
    for i, doc in enumerate(ctx.graph.model.documents):
        if doc.id not in documents:
            yield ctx.finding(
                "P011", f"document {quote_id(doc.id)} is never cited", (doc.id,), f"documents[{i}]"
            )


def folded_name(name: str) -> str:
    """A name as P015 compares names: NFKC-normalised, case-folded, runs of whitespace
    one space, none at the ends.

    >>> folded_name("  Michael\u00a0 KOFMAN "), folded_name("Stra\u00dfe") == folded_name("STRASSE")
    ('michael kofman', True)
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def duplicate_actors(ctx: Context) -> Iterator[Finding]:
    """P015: actors with different ids and the same name (:func:`folded_name`): one
    finding a name, naming every id and place, at the place of the second."""
    actors = ctx.graph.model.actors if ctx.graph.actors else []
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, actor in enumerate(actors):
        by_name[folded_name(actor.name)].append(i)
    for places in by_name.values():
        if len(places) < 2:
            continue
        named = [f"{quote_id(actors[i].id)} (actors[{i}])" for i in places]
        listed = ", ".join(named[:-1]) + " and " + named[-1]
        yield ctx.finding(
            "P015",
            f'actors {listed} have the same name, "{flat(actors[places[0]].name)}": one '
            "actor entered twice?",
            tuple(actors[i].id for i in places),
            f"actors[{places[1]}]",
        )


def unknown_illocutions(ctx: Context) -> Iterator[Finding]:
    """P016: attributions whose illocution the table of :mod:`arggraph.illocutions` does
    not know (which commit their actor to nothing), with the nearest IAT name, in file
    order."""
    from ..illocutions import ILLOCUTIONS, lookup

    if ctx.graph.columns is not None:
        return  # a plain graph has no attribution
    names = {_illocution_key(i.name): i.name for i in ILLOCUTIONS}
    for loc in ctx.iter_attributions():
        said = loc.attribution.illocution
        if said is None or lookup(said) is not None:
            continue
        close = difflib.get_close_matches(_illocution_key(said), list(names), n=1, cutoff=0.5)
        hint = f"did you mean {names[close[0]]!r}?" if close else None
        yield ctx.finding(
            "P016",
            f"the attribution of {loc.owner_kind} {quote_id(loc.owner_id)} to "
            f"{quote_id(loc.attribution.actor)} has illocution {quote_id(said)}, which is no "
            "IAT name: it commits the actor to nothing",
            (loc.owner_id, loc.attribution.actor),
            f"{loc.path}.illocution",
            hint,
        )


def _illocution_key(name: str) -> str:
    """A name as compared for a did-you-mean: lower case, without spaces.

    >>> _illocution_key("Pure Questioning")
    'purequestioning'
    """
    return "".join(name.split()).lower()


CHECKERS = [
    Checker(frozenset({"P001"}), unattributed_claims, ordered=True),
    Checker(frozenset({"P002"}), unattributed_relations, ordered=True),
    Checker(
        frozenset({"P003", "P004", "P005", "P007", "P012", "P014"}),
        attribution_gaps,
        ordered=True,
    ),
    Checker(frozenset({"P006", "P008", "P009", "P013"}), quotes),
    Checker(frozenset({"P010", "P011"}), unused),
    Checker(frozenset({"P015"}), duplicate_actors),
    Checker(frozenset({"P016"}), unknown_illocutions, ordered=True),
]
