"""The file formats as pydantic models: graphs (``arggraph/1``) and score sheets.

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
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
)

from .atomic import FileStamp
from .dates import DATE_PATTERN, is_valid_date

__all__ = [
    "FORMAT",
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
]

FORMAT = "arggraph/1"
SCORES_FORMAT = "arggraph-scores/1"

ClaimKind = Literal["position", "claim", "evidence"]
RelationType = Literal["support", "attack"]


def _check_date(value: str) -> str:
    if not is_valid_date(value):
        raise ValueError("not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


Id = Annotated[str, StringConstraints(min_length=1)]
Text = Annotated[str, StringConstraints(min_length=1)]
Date = Annotated[str, Field(pattern=DATE_PATTERN), AfterValidator(_check_date)]
Unit = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Meta = dict[str, Any]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Attribution(_Item):
    """Who said it, where, in which words and when.

    ``quote`` is verbatim from the document; ``date`` is when the actor said it (the
    document's date where the source gives none); ``illocution`` how they said it, by
    the IAT's names (``Asserting``, ``Pure Questioning``...): only an attribution
    without one, or with one that commits the speaker (the table in
    :mod:`arggraph.illocutions`), makes the actor endorse the claim. Missing parts load
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
    """A source: an article, a report, a transcript."""

    id: Id
    title: Text
    publisher: str | None = None
    author: str | None = None
    published: Date | None = None
    url: str | None = None
    file: str | None = Field(
        default=None, description="file name of its text in the folder given by --documents"
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
    for or against it is taken into account.
    """

    id: Id
    text: Text
    kind: ClaimKind = "claim"
    base: Unit = 0.5
    date: Date | None = None
    tags: list[str] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    note: str | None = None
    meta: Meta | None = None


class Relation(_Item):
    """A support or an attack from one claim to another.

    ``weight`` is how much the source bears on the target (0..1): gradual semantics
    multiply the source's strength by it, and an attack of weight 0 is no attack.
    ``scheme`` names the argument scheme it instantiates, as AIF does (``Argument From
    Expert Opinion``...).
    """

    id: str = Field(default="", description='default "TYPE:SOURCE->TARGET"')
    type: RelationType
    source: Id
    target: Id
    weight: Unit = 1.0
    scheme: Text | None = Field(
        default=None,
        description="the argument scheme it instantiates (AIF), e.g. Argument From Expert Opinion",
    )
    attributions: list[Attribution] = Field(default_factory=list)
    note: str | None = None
    meta: Meta | None = None


def default_relation_id(type_: str, source: str, target: str) -> str:
    """The id a relation gets when its file gives none.

    >>> default_relation_id("support", "a", "b")
    'support:a->b'
    """
    return f"{type_}:{source}->{target}"


class GraphModel(BaseModel):
    """A whole ``arggraph/1`` file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal["arggraph/1"] = "arggraph/1"
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
