"""What a format cannot hold, stated once per format and counted on each export.

A :class:`Loss` names one kind of thing an export leaves out or changes (``quote``,
``support``, ``claim text longer than 9 lines``), why, and how to count it on the
graph being written; the registry (:mod:`arggraph.formats.registry`) lists each
format's losses, and :func:`count_losses` adds the ones that happen to a
:class:`~arggraph.formats.report.Report`, so ``arggraph export`` prints, for every
format, one line per loss with its count, and nothing for a loss this graph does not
suffer.

Some losses depend on what the export was asked to show (``--label``, ``--cluster``,
whether strengths are drawn); :class:`Shown` carries those choices to the counters.
Ids of relations are not counted: no format's reader needs them to read the rest.

Counters only read the graph, so this module imports nothing heavy.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="a", text="A"), Claim(id="b", text="B")],
...     relations=[Relation(type="support", source="a", target="b")]))
>>> report = Report()
>>> count_losses((Loss("support", "apx holds attacks only", supports),), g, Shown(), report)
>>> report.lines()
['dropped: 1 support (apx holds attacks only)']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .escape import clean, wrap
from .report import Report

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import Attribution, Meta

__all__ = [
    "Counter",
    "Loss",
    "Shown",
    "actors",
    "attack_weights",
    "attributions",
    "base_scores",
    "carriage_returns",
    "claim_ids_unless_shown",
    "claim_kinds",
    "claim_speakers",
    "claim_texts",
    "count_losses",
    "dates",
    "description",
    "diagram_texts_cut",
    "documents",
    "documents_unless_clustered",
    "hidden_base_scores",
    "illocutions",
    "line_breaks",
    "linked_relations",
    "meta_objects",
    "mermaid_texts_cut",
    "notes",
    "question",
    "quotes",
    "reconstructed",
    "relation_speakers",
    "relation_speakers_without_tooltips",
    "relation_weights",
    "relations_on_relations",
    "schemes",
    "shown_title",
    "supports",
    "tags",
    "texts_unless_shown",
    "title",
    "zero_weight_attacks",
]


@dataclass(frozen=True)
class Shown:
    """What an export was asked to show: ``label`` (``text``, ``actors`` or ``id``),
    ``cluster`` (``none``, ``actor`` or ``document``) and whether claims' computed
    ``strengths`` are drawn."""

    label: str = "text"
    cluster: str = "none"
    strengths: bool = True


#: How many items of one kind a graph loses in an export, given what it shows.
Counter = Callable[["Graph", Shown], int]


@dataclass(frozen=True)
class Loss:
    """One kind of thing a format cannot hold.

    ``noun`` is singular (``"quote"``), or ``"singular|plural"`` where the plural is
    not regular (see :func:`~arggraph.formats.report.plural`); ``reason`` says why in
    a few words; ``count`` counts the items on a graph. ``verb`` is ``dropped`` (the
    items are not in the output) or ``changed`` (they are, altered as ``reason`` says).
    """

    noun: str
    reason: str
    count: Counter
    verb: Literal["dropped", "changed"] = "dropped"

    def line(self, count: int) -> str:
        """The report line for ``count`` items, as :meth:`Report.lines` prints it.

        >>> Loss("quote", "a diagram shows no quotes", quotes).line(2)
        'dropped: 2 quotes (a diagram shows no quotes)'
        """
        report = Report()
        self._add(report, count)
        return report.lines()[0]

    def _add(self, report: Report, count: int) -> None:
        if self.verb == "changed":
            report.changed(self.noun, count, self.reason)
        else:
            report.dropped(self.noun, count, self.reason)


def count_losses(losses: tuple[Loss, ...], graph: Graph, shown: Shown, report: Report) -> None:
    """Add to ``report`` each of ``losses`` that ``graph`` suffers, with its count."""
    for loss in losses:
        loss._add(report, loss.count(graph, shown))


# ---------------------------------------------------------------------- counters
def _attributions(graph: Graph) -> Iterator[Attribution]:
    for claim in graph.claims.values():
        yield from claim.attributions
    for rel in graph.relations.values():
        yield from rel.attributions


def quotes(graph: Graph, shown: Shown) -> int:
    """Attributions with a quote."""
    return sum(1 for a in _attributions(graph) if a.quote)


def dates(graph: Graph, shown: Shown) -> int:
    """Dates on claims and on attributions."""
    return sum(1 for c in graph.claims.values() if c.date) + sum(
        1 for a in _attributions(graph) if a.date
    )


def illocutions(graph: Graph, shown: Shown) -> int:
    """Attributions that say how the actor said it (an illocution)."""
    return sum(1 for a in _attributions(graph) if a.illocution)


def schemes(graph: Graph, shown: Shown) -> int:
    """Relations that name their argument scheme."""
    return sum(1 for r in graph.relations.values() if r.scheme)


def attributions(graph: Graph, shown: Shown) -> int:
    """Attributions of claims and relations."""
    return sum(1 for _ in _attributions(graph))


def documents(graph: Graph, shown: Shown) -> int:
    """The graph's documents."""
    return len(graph.model.documents)


def documents_unless_clustered(graph: Graph, shown: Shown) -> int:
    """The graph's documents, unless ``--cluster document`` names them."""
    return 0 if shown.cluster == "document" else documents(graph, shown)


def actors(graph: Graph, shown: Shown) -> int:
    """The graph's actors."""
    return len(graph.model.actors)


def claim_speakers(graph: Graph, shown: Shown) -> int:
    """Attributions of claims, unless ``--label actors`` names who said each claim."""
    if shown.label == "actors":
        return 0
    return sum(len(c.attributions) for c in graph.claims.values())


def relation_speakers(graph: Graph, shown: Shown) -> int:
    """Attributions of relations, unless ``--label actors`` names them in tooltips."""
    if shown.label == "actors":
        return 0
    return relation_speakers_without_tooltips(graph, shown)


def relation_speakers_without_tooltips(graph: Graph, shown: Shown) -> int:
    """Attributions of relations (for outputs that never name them)."""
    return sum(len(r.attributions) for r in graph.relations.values())


def tags(graph: Graph, shown: Shown) -> int:
    """Tags on claims."""
    return sum(len(c.tags) for c in graph.claims.values())


def notes(graph: Graph, shown: Shown) -> int:
    """Notes on claims, relations and attributions."""
    return (
        sum(1 for c in graph.claims.values() if c.note)
        + sum(1 for r in graph.relations.values() if r.note)
        + sum(1 for a in _attributions(graph) if a.note)
    )


def meta_objects(graph: Graph, shown: Shown) -> int:
    """Non-empty ``meta`` objects on the graph, its claims, relations, actors and documents."""
    m = graph.model
    items: list[Meta | None] = [m.meta]
    items += [c.meta for c in m.claims] + [r.meta for r in m.relations]
    items += [a.meta for a in m.actors] + [d.meta for d in m.documents]
    return sum(1 for meta in items if meta)


def title(graph: Graph, shown: Shown) -> int:
    """The graph's title (1 if it has one)."""
    return int(bool(graph.model.title))


def shown_title(graph: Graph, shown: Shown) -> int:
    """The graph's title where it differs from a question shown in its place."""
    m = graph.model
    return int(bool(m.title and m.question and m.title != m.question))


def question(graph: Graph, shown: Shown) -> int:
    """The graph's question (1 if it has one)."""
    return int(bool(graph.model.question))


def description(graph: Graph, shown: Shown) -> int:
    """The graph's description (1 if it has one)."""
    return int(bool(graph.model.description))


def claim_texts(graph: Graph, shown: Shown) -> int:
    """Claims whose text says more than their id."""
    return sum(1 for c in graph.claims.values() if c.text != c.id)


def texts_unless_shown(graph: Graph, shown: Shown) -> int:
    """Claims' texts when ``--label id`` shows only their ids."""
    return len(graph.claims) if shown.label == "id" else 0


def claim_ids_unless_shown(graph: Graph, shown: Shown) -> int:
    """Claims' ids unless ``--label id`` shows them."""
    return 0 if shown.label == "id" else len(graph.claims)


def claim_kinds(graph: Graph, shown: Shown) -> int:
    """Claims that are positions or evidence rather than plain claims."""
    return sum(1 for c in graph.claims.values() if c.kind != "claim")


def base_scores(graph: Graph, shown: Shown) -> int:
    """Claims whose base score is not the default 0.5."""
    return sum(1 for c in graph.claims.values() if c.base != 0.5)


def hidden_base_scores(graph: Graph, shown: Shown) -> int:
    """Base scores other than 0.5, when no strengths are drawn beside which to print them."""
    return 0 if shown.strengths else base_scores(graph, shown)


def line_breaks(graph: Graph, shown: Shown) -> int:
    """Claim texts with a line break inside them, when texts are shown at all."""
    if shown.label == "id":
        return 0
    return sum(1 for c in graph.claims.values() if "\n" in c.text.strip())


def linked_relations(graph: Graph, shown: Shown) -> int:
    """Relations that run from linked premises (``arggraph/1.1``)."""
    return sum(1 for r in graph.extended_relations if r.sources is not None)


def relations_on_relations(graph: Graph, shown: Shown) -> int:
    """Relations from one claim aimed at a relation (backings and undercuts, counted
    apart from the linked ones, which :func:`linked_relations` counts whatever they aim
    at)."""
    return sum(1 for r in graph.extended_relations if r.sources is None)


def reconstructed(graph: Graph, shown: Shown) -> int:
    """Claims marked reconstructed (premises the analyst made explicit)."""
    return sum(1 for c in graph.claims.values() if c.reconstructed)


def _relations_between_claims(graph: Graph) -> Iterator[tuple[str, float]]:
    for rel in graph.relations.values():
        if rel.source in graph.claims and rel.target in graph.claims:
            yield rel.type, rel.weight


def supports(graph: Graph, shown: Shown) -> int:
    """Supports from one claim to another (those from linked premises or aimed at a
    relation are counted by :func:`linked_relations` and :func:`relations_on_relations`,
    so no relation is counted twice)."""
    return sum(1 for t, _ in _relations_between_claims(graph) if t == "support")


def zero_weight_attacks(graph: Graph, shown: Shown) -> int:
    """Attacks of weight 0 (which are no attacks)."""
    return sum(1 for t, w in _relations_between_claims(graph) if t == "attack" and w == 0)


def attack_weights(graph: Graph, shown: Shown) -> int:
    """Attacks whose weight is between 0 and 1."""
    return sum(1 for t, w in _relations_between_claims(graph) if t == "attack" and 0 < w < 1)


def relation_weights(graph: Graph, shown: Shown) -> int:
    """Relations whose weight is not 1."""
    return sum(1 for r in graph.relations.values() if r.weight != 1.0)


def _plain_texts(graph: Graph) -> Iterator[str]:
    """The texts GraphML writes as plain XML (its JSON-valued attributes escape a CR)."""
    m = graph.model
    yield from (m.id, m.title, m.question, m.description or "")
    for claim in graph.claims.values():
        yield from (claim.id, claim.text, claim.note or "")
    for rel_id, rel in graph.relations.items():
        yield from (rel_id, rel.note or "")


def carriage_returns(graph: Graph, shown: Shown) -> int:
    """Texts written as plain XML that hold a carriage return."""
    return sum(1 for text in _plain_texts(graph) if "\r" in text)


def diagram_texts_cut(graph: Graph, shown: Shown) -> int:
    """Claim texts a Graphviz box cuts (more than :data:`~arggraph.formats.dot.MAX_LINES`
    lines once wrapped), when texts are shown."""
    from .dot import MAX_LINES, POSITION_WRAP, WRAP

    if shown.label == "id":
        return 0
    return sum(
        1
        for c in graph.claims.values()
        if len(wrap(clean(c.text), POSITION_WRAP if c.kind == "position" else WRAP)) > MAX_LINES
    )


def mermaid_texts_cut(graph: Graph, shown: Shown) -> int:
    """Claim texts a Mermaid box cuts (more than
    :data:`~arggraph.formats.mermaid.MAX_CHARS` characters, whitespace folded), when
    texts are shown."""
    from .mermaid import MAX_CHARS

    if shown.label == "id":
        return 0
    return sum(1 for c in graph.claims.values() if len(" ".join(c.text.split())) > MAX_CHARS)
