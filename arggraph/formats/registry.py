"""The table of formats: one entry per format arggraph reads or writes.

Each :class:`Format` says what the format is, which file extensions stand for it
(for reading and for writing), where its reader and writer live, what its writer
takes (strengths, base scores, diagram options), whether it needs Graphviz, and what
it cannot hold (:mod:`arggraph.formats.losses`). ``arggraph import``/``export``/
``extensions``, :func:`arggraph.formats.import_text` and
:func:`arggraph.formats.export_graph` all read this table, so a new format is one
entry here plus its tests.

Readers and writers are named as ``"module:function"`` and imported only when used:
this module imports no format module (nor NumPy, networkx or pydot), so reading the
table, as every CLI command's help does, costs nothing.

A reader is called as ``reader(text, path=..., graph_id=...)`` and returns an
:class:`~arggraph.formats.imported.ImportResult`. A writer is called as
``writer(graph, **options)`` and returns ``str`` (UTF-8 text) or ``bytes``; the
options it gets are ``strengths=`` if :attr:`Format.strengths`, ``base=`` if
:attr:`Format.base_scores` (and a score sheet is given), ``focus=``/``depth=`` if
:attr:`Format.draws_focus` (otherwise it gets the focused part of the graph), one
keyword per name in :attr:`Format.options`, and ``report=`` if
:attr:`Format.writer_notes`. A writer of :attr:`Format.renames` tells that report each
claim id it had to rename (``Report.renamed``), so ``export --id-map`` can save them.

>>> [f.name for f in imports()]
['argdown', 'aif', 'kialo', 'graphml', 'apx', 'tgf', 'i23', 'bag']
>>> by_read_extension("x.AF").name, by_write_extension("map.gv").name
('i23', 'dot')
>>> by_write_extension("nodeset.json") is None
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from ..errors import UsageError
from . import losses as L
from .losses import Loss, Shown

if TYPE_CHECKING:
    from ..graph import Graph
    from .imported import ImportResult
    from .report import Report

__all__ = [
    "FORMATS",
    "MAX_ARGUMENTS",
    "OPTIONS",
    "Format",
    "Reader",
    "Writer",
    "by_read_extension",
    "by_write_extension",
    "exports",
    "for_export",
    "for_import",
    "get",
    "imports",
    "report_losses",
]

#: How many arguments an i23 header (``p af N``) may declare unless the caller allows
#: more (``max_arguments=``, ``--max-arguments``): a header may declare arguments no line
#: mentions, so an 18-byte file could otherwise ask for a hundred billion claims.
MAX_ARGUMENTS = 1_000_000

#: The keyword options of :func:`~arggraph.formats.export_graph` a writer may take:
#: what a claim's box says, grouping, direction, Graphviz layout engine, the legend,
#: and the semantics' name for the legend.
OPTIONS = ("label", "cluster", "rankdir", "layout", "legend", "semantics")


class Reader(Protocol):
    """What a format's reader is: text in, an imported graph out (or an
    :class:`~arggraph.errors.ImportFormatError` naming ``path`` and the place)."""

    def __call__(
        self, text: str, *, path: str | Path | None = ..., graph_id: str | None = ...
    ) -> ImportResult: ...


#: What a format's writer is: a graph and keyword options in, text or bytes out.
Writer = Callable[..., str | bytes]


def _resolve(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    function = getattr(importlib.import_module(module), name)
    if not callable(function):
        raise TypeError(f"{ref} is not callable")
    return cast(Callable[..., Any], function)


@dataclass(frozen=True)
class Format:
    """One format arggraph reads, writes, or both.

    ``read_extensions``/``write_extensions`` are the file endings (lower case, with
    the dot) that imply this format on import and on ``export -o``; ``reader`` and
    ``writer`` are ``"module:function"`` references or ``None``; ``binary`` says the
    writer's bytes are not text; ``diagram`` that it draws the argument map;
    ``graphviz`` that writing needs Graphviz installed; ``abstract`` that the format
    holds an abstract argumentation framework, which ``arggraph extensions`` reads as
    it reads arggraph/1, and whose blank file is the empty framework. ``strengths``,
    ``base_scores``, ``draws_focus``, ``options`` and ``writer_notes`` say what the
    writer takes (see the module's docstring), and ``losses`` what the format cannot
    hold. ``renames``: the writer renames claim ids the format cannot hold and reports
    each one (``export --id-map`` saves them). ``declares_count``: the file declares how
    many arguments it has (i23's ``p af N``), so its reader takes ``max_arguments=``.
    """

    name: str
    description: str
    read_extensions: tuple[str, ...] = ()
    write_extensions: tuple[str, ...] = ()
    reader: str | None = None
    writer: str | None = None
    binary: bool = False
    diagram: bool = False
    graphviz: bool = False
    abstract: bool = False
    strengths: bool = False
    base_scores: bool = False
    draws_focus: bool = False
    options: tuple[str, ...] = ()
    writer_notes: bool = False
    renames: bool = False
    declares_count: bool = False
    losses: tuple[Loss, ...] = ()

    @property
    def suffix(self) -> str:
        """The usual file extension of this format (``""`` if it has none)."""
        return (self.write_extensions or self.read_extensions or ("",))[0]

    def load_reader(self) -> Reader:
        """The reader function, imported now. Raises ``UsageError`` if the format
        cannot be read (a reference that does not resolve is a bug in the table and
        raises ``ImportError``, ``AttributeError`` or ``TypeError``)."""
        if self.reader is None:
            raise UsageError(f"arggraph cannot read {self.name}")
        return cast(Reader, _resolve(self.reader))

    def load_writer(self) -> Writer:
        """The writer function, imported now. Raises ``UsageError`` if the format
        cannot be written (and what :meth:`load_reader` raises for a bad reference)."""
        if self.writer is None:
            raise UsageError(f"arggraph cannot write {self.name}")
        return _resolve(self.writer)


# ---------------------------------------------------------------------- losses
def _one_to_one(fmt: str) -> tuple[Loss, ...]:
    """What a format that joins one claim to one claim loses of ``arggraph/1.1``."""
    return (
        Loss(
            "relation with linked premises|relations with linked premises",
            f"{fmt} joins one claim to one claim",
            L.linked_relations,
        ),
        Loss(
            "relation aimed at a relation|relations aimed at relations",
            f"{fmt} aims relations at claims only",
            L.relations_on_relations,
        ),
    )


_DIAGRAM_COMMON = (
    Loss("reconstructed mark", "a diagram shows none", L.reconstructed),
    Loss("quote", "a diagram shows no quotes", L.quotes),
    Loss("illocution", "a diagram shows no illocutions", L.illocutions),
    Loss("argument scheme", "a diagram shows no schemes", L.schemes),
    Loss("date", "a diagram shows no dates", L.dates),
    Loss("speaker of a claim|speakers of claims", "--label actors names them", L.claim_speakers),
)


def _graphviz_losses(tooltips: bool) -> tuple[Loss, ...]:
    """What a Graphviz diagram loses; DOT and SVG keep each whole text and each
    relation's speakers (with ``--label actors``) in tooltips, PNG and PDF have none."""
    return (
        *_DIAGRAM_COMMON,
        Loss("document", "only --cluster document names them", L.documents_unless_clustered),
        (
            Loss(
                "speaker of a relation|speakers of relations",
                "--label actors names them in tooltips",
                L.relation_speakers,
            )
            if tooltips
            else Loss(
                "speaker of a relation|speakers of relations",
                "a picture has no tooltips",
                L.relation_speakers_without_tooltips,
            )
        ),
        Loss("tag", "a diagram shows no tags", L.tags),
        Loss("note", "a diagram shows no notes", L.notes),
        Loss("meta object", "a diagram shows no meta", L.meta_objects),
        Loss("graph description", "a diagram shows the title and question only", L.description),
        Loss(
            "base score",
            "printed beside strengths only, and --semantics none draws none",
            L.hidden_base_scores,
        ),
        *(
            ()
            if tooltips
            else (
                Loss("claim text", "--label id shows ids only", L.texts_unless_shown),
                Loss(
                    "line break in a claim text|line breaks in claim texts",
                    "a box wraps its text anew",
                    L.line_breaks,
                ),
            )
        ),
        Loss(
            "claim text longer than 9 lines|claim texts longer than 9 lines",
            "cut at 9 lines; the tooltip holds the whole text" if tooltips else "cut at 9 lines",
            L.diagram_texts_cut,
            verb="changed",
        ),
    )


_MERMAID_LOSSES = (
    *_DIAGRAM_COMMON,
    Loss("document", "Mermaid names no sources", L.documents),
    Loss(
        "speaker of a relation|speakers of relations",
        "Mermaid links carry no text",
        L.relation_speakers_without_tooltips,
    ),
    Loss("relation weight", "Mermaid links are unweighted", L.relation_weights),
    Loss("base score", "Mermaid prints strengths only", L.base_scores),
    Loss("claim id", "--label id shows them", L.claim_ids_unless_shown),
    Loss("claim text", "--label id shows ids only", L.texts_unless_shown),
    Loss("tag", "a diagram shows no tags", L.tags),
    Loss("note", "a diagram shows no notes", L.notes),
    Loss("meta object", "a diagram shows no meta", L.meta_objects),
    Loss("graph title", "Mermaid shows the question in its place", L.shown_title),
    Loss("graph description", "Mermaid shows one heading", L.description),
    Loss(
        "line break in a claim text|line breaks in claim texts",
        "a box wraps its text anew",
        L.line_breaks,
    ),
    Loss(
        "claim text longer than 280 characters|claim texts longer than 280 characters",
        "cut at 280 characters",
        L.mermaid_texts_cut,
        verb="changed",
    ),
)

_ARGDOWN_LOSSES = (
    Loss(
        "line break in a claim text|line breaks in claim texts",
        "Argdown statements are one paragraph",
        L.line_breaks,
    ),
    Loss("meta object", "not written", L.meta_objects),
)


def _bare_losses(fmt: str, names: str = "names") -> tuple[Loss, ...]:
    """What a format of bare arguments and edges (ICCMA, BAG) cannot hold besides;
    ``names`` is what it holds of each claim instead of its text."""
    return (
        *_one_to_one(fmt),
        Loss("reconstructed mark", f"{fmt} has no provenance", L.reconstructed),
        Loss("claim text", f"{fmt} holds {names} only", L.claim_texts),
        Loss("claim kind", f"{fmt} arguments have no kind", L.claim_kinds),
        Loss("argument scheme", f"{fmt} has no schemes", L.schemes),
        Loss("attribution", f"{fmt} has no provenance", L.attributions),
        Loss("actor", f"{fmt} has no provenance", L.actors),
        Loss("document", f"{fmt} has no provenance", L.documents),
        Loss("tag", f"{fmt} has no tags", L.tags),
        Loss("note", f"{fmt} has no notes", L.notes),
        Loss("meta object", f"{fmt} has no meta", L.meta_objects),
        Loss("graph title", f"{fmt} holds no text", L.title),
        Loss("question", f"{fmt} holds no text", L.question),
        Loss("graph description", f"{fmt} holds no text", L.description),
    )


def _iccma_losses(fmt: str, names: str) -> tuple[Loss, ...]:
    return (
        Loss("support", f"{fmt} holds attacks only", L.supports),
        Loss("attack of weight 0", "an attack of weight 0 is no attack", L.zero_weight_attacks),
        Loss("attack weight", f"{fmt} attacks are unweighted", L.attack_weights),
        Loss("base score", f"{fmt} has no base scores", L.base_scores),
        *_bare_losses(fmt, names),
    )


# ---------------------------------------------------------------------- the table
_DOT_OPTIONS = ("label", "cluster", "rankdir", "legend", "semantics")


def _drawing(name: str, binary: bool) -> Format:
    return Format(
        name,
        f"the argument map drawn by Graphviz, as {name.upper()}",
        write_extensions=(f".{name}",),
        writer=f"arggraph.formats.render:to_{name}",
        binary=binary,
        diagram=True,
        graphviz=True,
        strengths=True,
        base_scores=True,
        draws_focus=True,
        options=(*_DOT_OPTIONS, "layout"),
        losses=_graphviz_losses(tooltips=name == "svg"),
    )


def _iccma(
    name: str, description: str, extensions: tuple[str, ...], names: str = "names"
) -> Format:
    return Format(
        name,
        description,
        read_extensions=extensions,
        write_extensions=extensions,
        reader=f"arggraph.formats.iccma:from_{name}",
        writer=f"arggraph.formats.iccma:write_{name}",
        abstract=True,
        writer_notes=name != "i23",
        renames=name != "i23",
        declares_count=name == "i23",
        losses=_iccma_losses(name, names),
    )


#: Every format, in the order help texts list them.
FORMATS: tuple[Format, ...] = (
    Format(
        "dot",
        "Graphviz DOT text of the argument map",
        write_extensions=(".dot", ".gv"),
        writer="arggraph.formats.dot:to_dot",
        diagram=True,
        strengths=True,
        base_scores=True,
        draws_focus=True,
        options=_DOT_OPTIONS,
        losses=_graphviz_losses(tooltips=True),
    ),
    _drawing("svg", binary=False),
    _drawing("png", binary=True),
    _drawing("pdf", binary=True),
    Format(
        "mermaid",
        "a Mermaid flowchart (renders on GitHub and GitLab)",
        write_extensions=(".mmd", ".mermaid"),
        writer="arggraph.formats.mermaid:to_mermaid",
        diagram=True,
        strengths=True,
        options=("label", "rankdir"),
        losses=_MERMAID_LOSSES,
    ),
    Format(
        "argdown",
        "Argdown statements and relations, with arggraph's fields as {data}",
        read_extensions=(".argdown", ".ad"),
        write_extensions=(".argdown", ".ad"),
        reader="arggraph.formats.argdown:from_argdown",
        writer="arggraph.formats.argdown_write:write_argdown",
        writer_notes=True,
        losses=_ARGDOWN_LOSSES,
    ),
    Format(
        "aif",
        "Argument Interchange Format JSON, as AIFdb and OVA write it (xAIF too)",
        read_extensions=(".json",),
        reader="arggraph.formats.aif:from_aif",
        writer="arggraph.formats.aif_write:to_aif",
    ),
    Format(
        "kialo",
        "a Kialo discussion export, either layout",
        read_extensions=(".txt",),
        reader="arggraph.formats.kialo:from_kialo",
    ),
    Format(
        "graphml",
        "GraphML with every attribute, for network tools",
        read_extensions=(".graphml",),
        write_extensions=(".graphml",),
        reader="arggraph.formats.graphml_read:from_graphml",
        writer="arggraph.formats.graphml:to_graphml",
        strengths=True,
        writer_notes=True,
        losses=(
            Loss(
                "text with a carriage return|texts with carriage returns",
                "XML reads a CR as a line feed",
                L.carriage_returns,
                verb="changed",
            ),
        ),
    ),
    _iccma("apx", "ICCMA/ASPARTIX arg/att facts of the attack relation", (".apx",)),
    _iccma("tgf", "Trivial Graph Format of the attack relation (ICCMA)", (".tgf",)),
    _iccma(
        "i23",
        "ICCMA 2023 'p af N' format of the attack relation",
        (".i23", ".af"),
        names="numbered ids",
    ),
    Format(
        "bag",
        "Uncertainpy bipolar argumentation graph",
        read_extensions=(".bag",),
        write_extensions=(".bag",),
        reader="arggraph.formats.bag:from_bag",
        writer="arggraph.formats.bag:write_bag",
        base_scores=True,
        writer_notes=True,
        renames=True,
        losses=(
            Loss("relation weight", "BAG relations are unweighted", L.relation_weights),
            *_bare_losses("BAG"),
        ),
    ),
)


# ---------------------------------------------------------------------- lookups
def get(name: str) -> Format | None:
    """The entry named ``name``, or ``None``."""
    return next((f for f in FORMATS if f.name == name), None)


def exports() -> tuple[Format, ...]:
    """The formats arggraph writes, in table order."""
    return tuple(f for f in FORMATS if f.writer is not None)


def imports() -> tuple[Format, ...]:
    """The formats arggraph reads, in table order."""
    return tuple(f for f in FORMATS if f.reader is not None)


def for_export(name: str) -> Format:
    """The entry of a format arggraph writes; ``UsageError`` naming the choices if none."""
    fmt = get(name)
    if fmt is None or fmt.writer is None:
        raise UsageError(
            f"cannot export to {name!r}; formats: " + ", ".join(f.name for f in exports())
        )
    return fmt


def for_import(name: str) -> Format:
    """The entry of a format arggraph reads; ``UsageError`` naming the choices if none."""
    fmt = get(name)
    if fmt is None or fmt.reader is None:
        raise UsageError(
            f"cannot import {name!r}; formats: " + ", ".join(f.name for f in imports())
        )
    return fmt


def by_read_extension(path: str | Path) -> Format | None:
    """The format a file to import is in, by its extension (any case), or ``None``."""
    suffix = Path(path).suffix.lower()
    return next((f for f in imports() if suffix and suffix in f.read_extensions), None)


def owners(path: str | Path) -> tuple[Format, ...]:
    """Every format whose extensions (for reading or for writing) include the file's.

    >>> [f.name for f in owners("b.png")], [f.name for f in owners("x.af")]
    (['png'], ['i23'])
    >>> owners("notes.out")
    ()
    """
    suffix = Path(path).suffix.lower()
    if not suffix:
        return ()
    return tuple(f for f in FORMATS if suffix in f.read_extensions + f.write_extensions)


def by_write_extension(path: str | Path) -> Format | None:
    """The format an output file name asks for, by its extension, or ``None``."""
    suffix = Path(path).suffix.lower()
    return next((f for f in exports() if suffix and suffix in f.write_extensions), None)


def report_losses(
    name: str, graph: Graph, report: Report | None, shown: Shown | None = None
) -> None:
    """Add to ``report`` (if any) what format ``name`` loses of ``graph``, by its entry's
    :attr:`~Format.losses`; ``shown`` is what the export shows (defaults:
    :class:`~arggraph.formats.losses.Shown`). Raises ``UsageError`` for an unknown name."""
    fmt = get(name)
    if fmt is None:
        raise UsageError(f"no format {name!r}")
    if report is not None:
        L.count_losses(fmt.losses, graph, shown or Shown(), report)
