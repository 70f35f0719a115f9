"""The file formats as pydantic models: graphs (``arggraph/1``, ``arggraph/1.1``) and
score sheets.

These models are the edge of the library: they validate what comes in from files and
generate the JSON Schema editors use. Hot paths never walk them; a loaded
:class:`~arggraph.graph.Graph` hands the engine plain arrays instead.

Unknown keys are errors everywhere (a typo such as ``"wieght"`` must not pass
silently); each item has an optional free-form ``meta`` object for what a user or an
importer needs to keep that the format has no name for.

>>> c = Claim(id="c1", text="Bakhmut has symbolic value", kind="claim")
>>> (c.base, c.attributions)
(0.5, [])
>>> Relation(type="attack", source="a", target="b").id   # given its default when indexed
''
>>> Relation(type="attack", sources=["b", "a"], target="c").premises
['b', 'a']
>>> Relation(type="attack", source="a", sources=["b", "c"], target="d")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Relation
sources
  give either "source" (one claim) or "sources" (linked premises), not both ...

``arggraph/1.1`` adds linked premises (``sources``), relations aimed at relations,
date intervals, reconstructed claims and documents' ``sha256`` and ``accessed``; a file
that uses any of them must say so (:func:`new_parts` lists them), and a model built
without a ``format`` gets the one it needs:

>>> GraphModel(claims=[Claim(id="c", text="C", reconstructed=True)]).format
'arggraph/1.1'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ._ids import default_relation_id
from .atomic import FileStamp
from .dates import DATE_PATTERN, date_bounds, is_interval

__all__ = [
    "FORMAT",
    "FORMAT_1_1",
    "FORMATS",
    "SCORES_FORMAT",
    "Actor",
    "Attribution",
    "Claim",
    "ClaimKind",
    "ClaimScore",
    "Document",
    "GraphModel",
    "Relation",
    "RelationType",
    "ScoreSheet",
    "WeightScore",
    "default_relation_id",
    "new_parts",
]

#: The first version of the graph format; files that use nothing newer keep it.
FORMAT: Final = "arggraph/1"
#: The version with linked premises, relations aimed at relations, date intervals,
#: reconstructed claims and documents' hashes and access dates.
FORMAT_1_1: Final = "arggraph/1.1"
#: Every graph format this version reads, oldest first.
FORMATS = (FORMAT, FORMAT_1_1)
SCORES_FORMAT = "arggraph-scores/1"

ClaimKind = Literal["position", "claim", "evidence"]
RelationType = Literal["support", "attack"]
#: A place in a file, as JSON path steps: ``("relations", 3, "sources")``.
Loc = tuple[str | int, ...]


_DATE_FORM = re.compile(DATE_PATTERN)


def _check_date(value: str) -> str:
    """``value`` if it is a date of the format; else a ``ValueError`` with the one plain
    message every surface shows (the loader, the editor, the TUI's forms): the pattern
    lives in the JSON Schema only, as pydantic would quote it as a regular expression.

    >>> _check_date("yesterday")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD, or an interval ...
    """
    try:
        if _DATE_FORM.fullmatch(value) is None:
            raise ValueError(value)
        date_bounds(value)
    except ValueError as exc:
        if is_interval(value) and "after its end" in str(exc):
            raise ValueError("the start of the interval is after its end") from None
        raise ValueError(
            "not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD, or an interval "
            "START/END of them"
        ) from None
    return value


def _fail(title: str, errors: Sequence[tuple[Loc, str, str, Any]]) -> ValidationError:
    """A validation error with one entry per ``(place, kind, message, value)``, each at
    its own place (relative to the model being validated), as pydantic reports field
    errors; ``kind`` ``"missing"`` is pydantic's own missing-key error."""
    details: list[InitErrorDetails] = []
    for loc, kind, message, value in errors:
        if kind == "missing":
            details.append(InitErrorDetails(type="missing", loc=loc, input=value))
        else:
            error = PydanticCustomError(kind, "{message}", {"message": message})
            details.append(InitErrorDetails(type=error, loc=loc, input=value))
    return ValidationError.from_exception_data(title, details)


Id = Annotated[str, StringConstraints(min_length=1)]
Text = Annotated[str, StringConstraints(min_length=1)]
Date = Annotated[
    str,
    Field(
        json_schema_extra={"pattern": DATE_PATTERN},
        description="YYYY, YYYY-MM or YYYY-MM-DD; from arggraph/1.1 also an interval "
        "START/END of them (2023-02-27/2023-03-05), the start not surely after the end",
    ),
    AfterValidator(_check_date),
]
# Strict: a number, as the schema says; `true` or "0.9" are refused with their place,
# not read as 1.0 and 0.9 (an integer is a number: 0 and 1 are taken).
Unit = Annotated[float, Strict(), Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Meta = dict[str, Any]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Attribution(_Item):
    """Who said it, where, in which words and when.

    ``quote`` is verbatim from the document; ``date`` is when the actor said it (the
    document's date where the source gives none; an interval where the source is
    vague); ``illocution`` how they said it, by the IAT's names (``Asserting``, ``Pure
    Questioning``...): only an attribution without one, or with one that commits the
    speaker (the table in :mod:`arggraph.illocutions`), makes the actor endorse the
    claim. Missing parts load
    and are reported by the checks, so a bare or imported map can still be read.
    """

    actor: Id
    document: Id | None = None
    quote: str = ""
    date: Date | None = None
    illocution: Text | None = Field(
        default=None,
        description="how the actor said it, by the IAT's names (Asserting, Pure "
        "Questioning, ...); none is a plain statement of the actor's view",
    )
    note: str | None = None


class Document(_Item):
    """A source: an article, a report, a transcript.

    ``sha256`` is the hash of its text file's bytes when it was quoted, so ``arggraph
    check --documents DIR`` can say when the text changed since; ``accessed`` the day the
    analyst read it (both from ``arggraph/1.1`` on).
    """

    id: Id
    title: Text
    publisher: str | None = None
    author: str | None = None
    published: Date | None = None
    url: str | None = None
    file: str | None = Field(
        default=None, description="file name of its text in the folder given by --documents"
    )
    sha256: str | None = Field(
        default=None,
        pattern="^[0-9a-fA-F]{64}$",
        description="arggraph/1.1: the SHA-256 of its text file's bytes (hex), which "
        "check --documents compares with the file",
    )
    accessed: Date | None = Field(
        default=None, description="arggraph/1.1: when the analyst read the document"
    )
    note: str | None = None
    meta: Meta | None = None


class Actor(_Item):
    """A person or body that makes claims: analyst, think-tank, official, commander..."""

    id: Id
    name: Text
    kind: Text = Field(
        description="analyst, think-tank, official, commander, soldier, politician, "
        "government, intelligence, media, journalist, military, speaker, ..."
    )
    role: str | None = None
    affiliation: str | None = None
    note: str | None = None
    meta: Meta | None = None


class Claim(_Item):
    """A node of the debate: a position, a claim or a piece of evidence.

    ``base`` is how plausible the claim is on its own (0..1), before any argument
    for or against it is taken into account. A ``reconstructed`` claim is one the
    analyst made explicit (an unstated premise), which nobody is quoted for.
    """

    id: Id
    text: Text
    kind: ClaimKind = "claim"
    base: Unit = 0.5
    date: Date | None = None
    reconstructed: Annotated[bool, Strict()] | None = Field(
        default=None,
        description="arggraph/1.1: true for a premise the analyst made explicit, with "
        "no quote (the provenance checks then ask for none)",
    )
    tags: list[str] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    note: str | None = None
    meta: Meta | None = None


class Relation(_Item):
    """A support or an attack from one claim, or several together, to a claim or a
    relation.

    Exactly one of ``source`` (one claim) and ``sources`` (linked premises: distinct
    claims that bear on the target only together, two or more; a list of one loads as
    that one premise and ``arggraph check`` reports it, S011) is given; :attr:`premises`
    is either as a list. ``target`` is a claim, or (from ``arggraph/1.1`` on) another
    relation: a support aimed at a relation backs it, an attack undercuts it (it
    disputes the step from the premises to the conclusion, not the conclusion). A
    relation cannot target itself (:class:`~arggraph.graph.Graph` says so: in
    ``arggraph/1`` a target is always a claim, which may share the relation's id).

    ``weight`` is how much the source bears on the target (0..1): gradual semantics
    multiply the source's strength by it, and an attack of weight 0 is no attack.
    ``scheme`` names the argument scheme it instantiates, as AIF does (``Argument From
    Expert Opinion``...).
    """

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["source"], "properties": {"source": {"type": "string"}}},
                {"required": ["sources"], "properties": {"sources": {"type": "array"}}},
            ]
        }
    )

    id: str = Field(
        default="",
        description='default "TYPE:SOURCE->TARGET"; for linked premises "TYPE+:" then the '
        'sorted premises as a JSON array, then "->TARGET" (attack+:["a","b"]->c)',
    )
    type: RelationType
    source: Id | None = Field(default=None, description="the claim it runs from")
    sources: list[Id] | None = Field(
        default=None,
        json_schema_extra={"minItems": 1, "uniqueItems": True},
        description="arggraph/1.1: linked premises, distinct claims that bear on the "
        'target only together (instead of "source"), in the order written; two or more '
        "(one is reported by the checks: give it as source)",
    )
    target: Id = Field(
        description="the claim it bears on; from arggraph/1.1 also a relation's id (a "
        "support of a relation backs it, an attack undercuts it)"
    )
    weight: Unit = 1.0
    scheme: Text | None = Field(
        default=None,
        description="the argument scheme it instantiates (AIF), e.g. Argument From Expert Opinion",
    )
    attributions: list[Attribution] = Field(default_factory=list)
    note: str | None = None
    meta: Meta | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if self.sources is None and self.source is not None:
            return self  # the usual relation, checked at the cost of one call
        errors: list[tuple[Loc, str, str, Any]] = []
        if self.source is not None and self.sources is not None:
            message = 'give either "source" (one claim) or "sources" (linked premises), not both'
            errors.append((("sources",), "arggraph_relation", message, self.sources))
        elif self.source is None and self.sources is None:
            errors.append((("source",), "missing", "", self.model_dump(exclude_none=True)))
        elif self.sources is not None:
            # One premise under "sources" still says what it means (the relation from that
            # claim), so it loads and the checks report it (S011); none says nothing.
            if not self.sources:
                message = 'linked premises list no claim; give "source" for one, "sources" for more'
                errors.append((("sources",), "arggraph_relation", message, self.sources))
            first: dict[str, int] = {}
            for k, premise in enumerate(self.sources):
                j = first.setdefault(premise, k)
                if j != k:
                    message = (
                        f"premise {premise!r} is listed twice, at sources[{j}] and sources[{k}]"
                    )
                    errors.append((("sources", k), "arggraph_relation", message, premise))
        if errors:
            raise _fail("Relation", errors)
        return self

    @property
    def premises(self) -> list[str]:
        """The claims it runs from: its ``sources`` (linked premises) or ``[source]``.

        >>> Relation(type="support", source="a", target="b").premises
        ['a']
        """
        if self.sources is not None:
            return list(self.sources)
        return [self.source] if self.source is not None else []


_NEEDS = '"format": "arggraph/1.1"'


def new_parts(model: GraphModel, *, targets: bool = True) -> list[tuple[Loc, str]]:
    """Where ``model`` uses what ``arggraph/1`` lacks, in file order by section: each
    place (as JSON path steps) with the message a file that says ``arggraph/1`` gets.
    Without ``targets``, relations aimed at relations are left out (the model's own
    check leaves them to :class:`~arggraph.graph.Graph`, which finds them as it
    indexes ids).

    >>> m = GraphModel(claims=[Claim(id="a", text="A"), Claim(id="b", text="B"),
    ...     Claim(id="c", text="C")], relations=[Relation(type="attack",
    ...     sources=["a", "b"], target="c")])
    >>> new_parts(m)
    [(('relations', 0, 'sources'), 'linked premises need "format": "arggraph/1.1"')]
    """
    if not _may_use_new_parts(model, targets=targets):
        return []
    out: list[tuple[Loc, str]] = []
    interval = f"a date interval needs {_NEEDS}"

    def dated(where: Loc, attributions: list[Attribution]) -> None:
        for j, att in enumerate(attributions):
            if att.date is not None and is_interval(att.date):
                out.append(((*where, "attributions", j, "date"), interval))

    for i, doc in enumerate(model.documents):
        if doc.published is not None and is_interval(doc.published):
            out.append((("documents", i, "published"), interval))
        if doc.sha256 is not None:
            out.append((("documents", i, "sha256"), f"a document's sha256 needs {_NEEDS}"))
        if doc.accessed is not None:
            out.append((("documents", i, "accessed"), f"a document's access date needs {_NEEDS}"))
    for i, claim in enumerate(model.claims):
        if claim.date is not None and is_interval(claim.date):
            out.append((("claims", i, "date"), interval))
        if claim.reconstructed is not None:
            out.append((("claims", i, "reconstructed"), f"a reconstructed claim needs {_NEEDS}"))
        dated(("claims", i), claim.attributions)
    claim_ids = {c.id for c in model.claims}
    relation_ids: set[str] | None = None
    for i, rel in enumerate(model.relations):
        if rel.sources is not None:
            out.append((("relations", i, "sources"), f"linked premises need {_NEEDS}"))
        if targets and rel.target not in claim_ids:
            if relation_ids is None:
                relation_ids = {
                    r.id or default_relation_id(r.type, r.premises, r.target)
                    for r in model.relations
                }
            if rel.target in relation_ids:
                message = f"a relation aimed at a relation ({rel.target!r}) needs {_NEEDS}"
                out.append((("relations", i, "target"), message))
        dated(("relations", i), rel.attributions)
    return out


_DATE = attrgetter("date")
_ATTRIBUTIONS = attrgetter("attributions")


def _may_use_new_parts(model: GraphModel, *, targets: bool = True) -> bool:
    """False when ``model`` surely uses no part of ``arggraph/1.1`` (relations aimed at
    relations counted only with ``targets``): a quick pass, in C loops over the fields,
    which loading a large ``arggraph/1`` file pays a few per cent for."""
    if any(
        d.sha256 is not None or d.accessed is not None or "/" in (d.published or "")
        for d in model.documents
    ):
        return True
    claims, relations = model.claims, model.relations
    if any(x is not None for x in map(attrgetter("reconstructed"), claims)):
        return True
    if any(x is not None for x in map(attrgetter("sources"), relations)):
        return True
    dates = chain(
        map(_DATE, claims),
        map(_DATE, chain.from_iterable(map(_ATTRIBUTIONS, claims))),
        map(_DATE, chain.from_iterable(map(_ATTRIBUTIONS, relations))),
    )
    if "/" in "".join(filter(None, dates)):
        return True
    if not targets:
        return False
    return not set(map(attrgetter("target"), relations)) <= set(map(attrgetter("id"), claims))


class GraphModel(BaseModel):
    """A whole ``arggraph/1`` or ``arggraph/1.1`` file.

    A model that says ``arggraph/1`` but uses a part of ``arggraph/1.1`` is an error at
    each such place; one that says no format gets ``arggraph/1.1`` when it needs it.
    (A relation aimed at a relation is found when the ids are indexed: in a file that
    says ``arggraph/1`` it is a reference to an unknown claim, which says so.)
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal["arggraph/1", "arggraph/1.1"] = Field(
        default="arggraph/1",
        description='"arggraph/1.1" for a file that uses linked premises ("sources"), '
        "relations aimed at relations, date intervals, reconstructed claims, or "
        "documents' sha256 or accessed; there claim and relation ids share one namespace",
    )
    id: Id = Field(
        default="graph",
        description='default: the file\'s name without its extension ("graph" for text '
        "read without a file name)",
    )
    title: str = ""
    question: str = ""
    description: str | None = None
    documents: list[Document] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    meta: Meta | None = None

    @model_validator(mode="after")
    def _version(self) -> Self:
        if self.format == FORMAT_1_1:
            return self
        parts = new_parts(self, targets=False)
        if not parts:
            return self
        if "format" not in self.model_fields_set:
            self.format = FORMAT_1_1
            return self
        raise _fail(
            "GraphModel", [(loc, "arggraph_format", message, None) for loc, message in parts]
        )


class ClaimScore(_Item):
    """One scorer's base score for one claim, and why."""

    base: Unit
    note: str | None = None


class WeightScore(_Item):
    """One scorer's weight for one relation, and why."""

    weight: Unit
    note: str | None = None


class ScoreSheet(BaseModel):
    """A user's scores for a graph, kept apart so the shared graph is never rewritten.

    >>> ScoreSheet(graph="g", scorer="ana", scores={"c1": ClaimScore(base=0.8)}).weights
    {}
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal["arggraph-scores/1"] = "arggraph-scores/1"
    graph: Id
    scorer: str = ""
    #: The SHA-256 of the graph file the sheet was saved against (hex), so a sheet opened
    #: against a changed graph can say so.
    graph_sha256: str | None = Field(default=None, pattern="^[0-9a-f]{64}$")
    scores: dict[str, ClaimScore] = Field(default_factory=dict)
    weights: dict[str, WeightScore] = Field(default_factory=dict)
    # The file it was loaded from or last saved to, and that file's stamp then, so a
    # save never silently overwrites a sheet that changed on disk meanwhile.
    _source: tuple[Path, FileStamp] | None = PrivateAttr(default=None)
