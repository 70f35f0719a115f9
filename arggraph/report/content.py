"""What a report says, computed once from a graph and its score sheets; the writers
(:mod:`.html`, :mod:`.markdown`) only lay it out.

:func:`build_report` gathers, for readers who will not run the tool:

- the question, title and description;
- the verdict between the positions under the scores in use (the graph's own, one
  sheet's, or with several sheets the panel's consensus, the median of their values, as
  :mod:`arggraph.panel` forms it for ``arggraph compare``), and whether the same position
  leads under every gradual semantics of :data:`~arggraph.semantics.registry.GRADUAL`;
- with several sheets, each scorer's verdict and whether it holds under every gradual
  semantics (:func:`arggraph.panel.robustness`), and the panel's;
- the claims that decide the verdict with their flip points (:mod:`.decisive`);
- every claim with its strength, its quotes, speakers, documents and dates, and how it
  bears on the others (:mod:`.claims`); the documents, with their links kept only when
  they are ``http`` or ``https``;
- the method (the semantics and its paper) and a reproducibility record (arggraph's
  version, the semantics, the tolerance, the SHA-256 of the graph and of each sheet).

It holds the texts as the graph has them: escaping is each writer's, for its own markup.

>>> from arggraph.io import loads
>>> g = loads('''{"id": "g", "question": "Go or stay?", "claims": [
...   {"id": "go", "text": "Go", "kind": "position"},
...   {"id": "stay", "text": "Stay", "kind": "position"},
...   {"id": "cost", "text": "It costs", "base": 0.8}],
...  "relations": [{"type": "attack", "source": "cost", "target": "stay"}]}''')
>>> r = build_report(g)
>>> r.standing.leader, round(r.standing.margin, 2), r.holds_everywhere
('go', 0.4, True)
>>> [d.claim for d in r.deciding.claims]
['cost']
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import panel as panels
from ..errors import SemanticsError
from ..framework import Framework
from ..graph import Graph
from ..io import dump_graph, dump_scores
from ..model import ScoreSheet
from ..semantics.gradual import TOLERANCE, score
from ..semantics.registry import GRADUAL, GradualSemantics, gradual
from ..semantics.verdict import verdict
from .claims import OutlineNode, Phrase, outline, phrases, reading_order
from .decisive import Deciding, deciding

__all__ = [
    "ClaimEntry",
    "Fingerprint",
    "Panel",
    "Quote",
    "ReportContent",
    "Scorer",
    "Source",
    "Standing",
    "build_report",
    "safe_url",
]


@dataclass(frozen=True)
class Standing:
    """The verdict under one semantics and one set of scores.

    ``strengths`` are the positions' strengths (0..1); ``leader`` and ``runner_up`` are
    ``None`` on a tie (``runner_up`` also when there is one position); ``margin`` is the
    leader's strength minus the runner-up's. ``problem`` says why there is no verdict
    under this semantics (it cannot take this graph); then the rest is empty.
    """

    semantics: str
    strengths: dict[str, float] = field(default_factory=dict)
    leader: str | None = None
    runner_up: str | None = None
    margin: float = 0.0
    problem: str | None = None

    @classmethod
    def of_cell(cls, semantics: str, cell: panels.Cell) -> Standing:
        """A panel member's verdict (:class:`arggraph.panel.Cell`) as a standing: its
        leader, margin or problem; a cell keeps no strengths and no runner-up."""
        return cls(semantics, leader=cell.leader, margin=cell.margin, problem=cell.problem)

    @property
    def label(self) -> str:
        """The semantics as people call it (``DF-QuAD``)."""
        return gradual(self.semantics).label

    @property
    def reference(self) -> str:
        """The paper the semantics comes from."""
        return gradual(self.semantics).reference


@dataclass(frozen=True)
class Fingerprint:
    """A file the report was made from: its ``name`` and the SHA-256 of its bytes (hex).
    ``of_file`` is false when the input came from no file and the hash is of the JSON
    arggraph writes for it."""

    name: str
    sha256: str
    of_file: bool = True


@dataclass(frozen=True)
class Scorer:
    """One score sheet of a panel: who scored (``name``), the verdict under the report's
    semantics (``standing``), under every gradual semantics (``robustness``, one per
    entry of the registry: those that cannot take the map carry the reason as their
    ``problem``), and the sheet's fingerprint; the verdicts are
    :func:`arggraph.panel.robustness`'s, so they keep no strengths and no runner-up.
    ``stale`` when the sheet says it was saved against another version of the graph
    file."""

    name: str
    standing: Standing
    robustness: tuple[Standing, ...]
    fingerprint: Fingerprint
    stale: bool = False


@dataclass(frozen=True)
class Panel:
    """The panel of several scorers: the verdict under their consensus, the median of
    their values (:meth:`arggraph.panel.Panel.consensus_sheet`), and how many scorers,
    each on their own scores, come to the same leader."""

    size: int
    standing: Standing
    agreeing: int


@dataclass(frozen=True)
class Source:
    """A document, as the list of sources shows it; ``url`` only when ``http(s)``."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    published: str | None
    url: str | None
    note: str | None


@dataclass(frozen=True)
class Quote:
    """One attribution of a claim: who (``speaker``, with ``detail``: role, kind and
    affiliation), where (``document``: a :class:`Source` id, or ``None``), when
    (``date``, as the file gives it) and in which words (``quote``, possibly empty);
    ``illocution`` how it was said, when the file says."""

    speaker: str
    detail: str | None
    document: str | None
    date: str | None
    quote: str
    illocution: str | None


@dataclass(frozen=True)
class ClaimEntry:
    """One claim as the report lists it: ``anchor`` is the fragment other parts link to
    (``c-0``, ``c-1``... in reading order, never the claim id, which may hold anything);
    ``strength`` and ``base`` under the scores in use (0..1; ``strength`` is ``None``
    when the semantics cannot take the graph); ``bears_on`` and ``borne_by`` are phrases
    (:mod:`.claims`); ``quotes`` its attributions."""

    id: str
    anchor: str
    text: str
    kind: str
    base: float
    strength: float | None
    reconstructed: bool
    bears_on: tuple[Phrase, ...]
    borne_by: tuple[Phrase, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class ReportContent:
    """Everything a report says (see the module's description).

    ``graph`` and ``sheet`` (the scores in use, ``None`` for the graph's own) are kept
    for the writers' diagrams; ``scores_label`` says whose scores are in use, in words;
    ``neutral`` is true when every base score in use is 0.5 and every weight 1 (a map
    whose authors left the scoring to the reader). ``robustness`` holds the verdict
    under each gradual semantics, in the registry's order.
    """

    graph: Graph
    sheet: ScoreSheet | None
    title: str
    question: str
    description: str | None
    semantics: GradualSemantics
    positions: tuple[str, ...]
    scores_label: str
    neutral: bool
    standing: Standing
    robustness: tuple[Standing, ...]
    scorers: tuple[Scorer, ...]
    panel: Panel | None
    deciding: Deciding
    strengths: dict[str, float]
    claims: tuple[ClaimEntry, ...]
    sources: tuple[Source, ...]
    outline: tuple[OutlineNode, ...]
    version: str
    tolerance: float
    fingerprints: tuple[Fingerprint, ...]

    @property
    def holds_everywhere(self) -> bool:
        """Whether the same position leads under every semantics that can take the
        graph (there is at least the report's own)."""
        return _holds(self.standing, self.robustness)

    def claim(self, claim_id: str) -> ClaimEntry:
        """The entry of a claim by id (``KeyError`` for an unknown one)."""
        return self._by_id[claim_id]

    @property
    def _by_id(self) -> dict[str, ClaimEntry]:
        found: dict[str, ClaimEntry] | None = self.__dict__.get("_index")
        if found is None:
            found = {c.id: c for c in self.claims}
            object.__setattr__(self, "_index", found)
        return found


def _holds(standing: Standing, robustness: Sequence[Standing]) -> bool:
    if standing.problem is not None or standing.leader is None:
        return False
    return all(s.leader == standing.leader for s in robustness if s.problem is None)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute ``http`` or ``https`` address with a host and no
    whitespace or control characters, else ``None`` (a report never links elsewhere:
    no ``javascript:``, ``data:`` or ``file:`` link can come from a graph).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_url("HTTP://example.org"), safe_url("https://exa mple.org"), safe_url("//x.org")
    ('HTTP://example.org', None, None)
    """
    if url is None or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _standing(fw: Framework, semantics: str, positions: list[str]) -> Standing:
    """The verdict under ``semantics``, or the reason this graph cannot have one."""
    try:
        v = verdict(fw, semantics, positions=positions)
    except SemanticsError as exc:
        sem = gradual(semantics)
        if not sem.supports and (fw.sup_w > 0).any():
            reason = f"{sem.label} takes attacks only, and this map has supports"
        else:
            reason = exc.message
        return Standing(semantics, problem=reason)
    return Standing(semantics, v.strengths, v.leader, v.runner_up, v.margin)


def _everywhere(fw: Framework, positions: list[str]) -> tuple[Standing, ...]:
    return tuple(_standing(fw, name, positions) for name in GRADUAL)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _graph_fingerprint(graph: Graph) -> Fingerprint:
    if graph.stamp is not None:
        name = graph.path.name if graph.path is not None else graph.id
        return Fingerprint(name, graph.stamp.sha256)
    return Fingerprint(graph.id, _sha256(dump_graph(graph.model)), of_file=False)


def _sheet_fingerprint(sheet: ScoreSheet, fallback: str) -> Fingerprint:
    # A sheet read by arggraph.io.load_scores remembers its file and the stamp of the
    # bytes read (the same stamp saves are checked against).
    source = sheet._source
    if source is not None:
        return Fingerprint(source[0].name, source[1].sha256)
    return Fingerprint(fallback, _sha256(dump_scores(sheet)), of_file=False)


def _names(sheets: Sequence[ScoreSheet], prints: Sequence[Fingerprint]) -> list[str]:
    """Each sheet's scorer, told apart by file name where two share a name."""
    names = [s.scorer.strip() or p.name for s, p in zip(sheets, prints, strict=True)]
    return [
        f"{n} ({p.name})" if names.count(n) > 1 else n for n, p in zip(names, prints, strict=True)
    ]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arggraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _quotes(graph: Graph, claim_id: str) -> tuple[Quote, ...]:
    out = []
    for att in graph.claims[claim_id].attributions:
        actor = graph.actors.get(att.actor)
        if actor is None:
            speaker, detail = att.actor, None
        else:
            bits = [b for b in (actor.role, actor.kind, actor.affiliation) if b]
            speaker, detail = actor.name, ", ".join(dict.fromkeys(bits)) or None
        document = att.document if att.document in graph.documents else None
        out.append(Quote(speaker, detail, document, att.date, att.quote, att.illocution))
    return tuple(out)


def _sources(graph: Graph) -> tuple[Source, ...]:
    return tuple(
        Source(d.id, d.title, d.author, d.publisher, d.published, safe_url(d.url), d.note)
        for d in graph.documents.values()
    )


def _scores_label(sheets: Sequence[ScoreSheet], names: Sequence[str]) -> str:
    if not sheets:
        return "the map's own base scores and weights"
    if len(sheets) == 1:
        return f"the scores of {names[0]}"
    return f"the panel's median scores ({len(sheets)} scorers)"


def _scorers(
    group: panels.Panel,
    semantics: str,
    names: Sequence[str],
    prints: Sequence[Fingerprint],
) -> list[Scorer]:
    """Each member's verdict under every gradual semantics, as the panel's
    :func:`~arggraph.panel.robustness` computes them."""
    found = panels.robustness(group, semantics)
    out = []
    for j, (member, name, fp) in enumerate(zip(group.members, names, prints, strict=True)):
        row = tuple(
            Standing(sem, problem=found.left_out[sem])
            if sem in found.left_out
            else Standing.of_cell(sem, found.cells[sem][j])
            for sem in GRADUAL
        )
        own = next(s for s in row if s.semantics == semantics)
        out.append(Scorer(name, own, row, fp, member.graph_changed))
    return out


def build_report(
    graph: Graph,
    sheets: Sequence[ScoreSheet] = (),
    semantics: str = "dfquad",
    *,
    names: Sequence[str] | None = None,
) -> ReportContent:
    """Everything a report on ``graph`` says, under ``semantics`` (a name in
    :data:`~arggraph.semantics.registry.GRADUAL`) and the score ``sheets``: none (the
    graph's own scores), one, or several (a panel, :class:`arggraph.panel.Panel`: each
    scorer's verdict, and the verdict under the panel's consensus, the median of their
    values). ``names`` name the sheets in messages (their file names by default).

    Raises :class:`~arggraph.errors.InputError` for a sheet made for another graph,
    :class:`~arggraph.errors.UnknownIdError` for a sheet naming a claim or relation the
    graph lacks, :class:`~arggraph.errors.SemanticsError` for an unknown semantics or
    one that cannot take the graph (h-categorizer and supports) or a cycle that does not
    settle.
    """
    sem = gradual(semantics)
    prints = [
        _sheet_fingerprint(s, names[i] if names is not None else f"sheet {i + 1}")
        for i, s in enumerate(sheets)
    ]
    for i, s in enumerate(sheets):
        # a sheet for another graph, or naming an id the graph lacks, is never mixed in
        where = names[i] if names is not None else prints[i].name
        panels.check_sheet(graph, s, where)
        panels.check_ids(graph, s, where)
    scorer_names = _names(sheets, prints)
    graph_print = _graph_fingerprint(graph)
    group = panels.Panel.of(graph, sheets) if len(sheets) > 1 else None
    if group is not None:
        used: ScoreSheet | None = group.consensus_sheet("median")
    else:
        used = sheets[0] if sheets else None
    fw = graph.framework.with_scores(used)
    positions = [c.id for c in graph.positions]
    strengths = score(fw, sem.name)  # raises for a semantics that cannot take the graph
    if positions:
        standing = _standing(fw, sem.name, positions)
        robustness = _everywhere(fw, positions)
        decided = deciding(fw, sem.name, positions)
    else:
        standing, robustness, decided = Standing(sem.name), (), Deciding()

    scorers: list[Scorer] = []
    panel: Panel | None = None
    if group is not None and positions:
        scorers = _scorers(group, sem.name, scorer_names, prints)
        agreeing = sum(
            1
            for s in scorers
            if s.standing.leader is not None and s.standing.leader == standing.leader
        )
        panel = Panel(len(sheets), standing, agreeing)

    weights = dict(zip(fw.att_ids, fw.att_w.tolist(), strict=True))
    weights.update(zip(fw.sup_ids, fw.sup_w.tolist(), strict=True))
    weights.update(zip(fw.inf_rel, fw.inf_w.tolist(), strict=True))
    entries = []
    said = phrases(graph, weights)
    for i, cid in enumerate(reading_order(graph)):
        claim = graph.claims[cid]
        out, into = said[cid]
        entries.append(
            ClaimEntry(
                id=cid,
                anchor=f"c-{i}",
                text=claim.text,
                kind=claim.kind,
                base=float(fw.base[fw.index_of(cid)]),
                strength=strengths.get(cid),
                reconstructed=bool(claim.reconstructed),
                bears_on=tuple(out),
                borne_by=tuple(into),
                quotes=_quotes(graph, cid),
            )
        )
    neutral = bool(
        (fw.base == 0.5).all()
        and (fw.att_w == 1.0).all()
        and (fw.sup_w == 1.0).all()
        and (fw.inf_w == 1.0).all()
    )
    return ReportContent(
        graph=graph,
        sheet=used,
        title=graph.model.title,
        question=graph.model.question,
        description=graph.model.description,
        semantics=sem,
        positions=tuple(positions),
        scores_label=_scores_label(sheets, scorer_names),
        neutral=neutral,
        standing=standing,
        robustness=robustness,
        scorers=tuple(scorers),
        panel=panel,
        deciding=decided,
        strengths=strengths,
        claims=tuple(entries),
        sources=_sources(graph),
        outline=outline(graph),
        version=_version(),
        tolerance=TOLERANCE,
        fingerprints=(graph_print, *prints),
    )
