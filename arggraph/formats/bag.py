"""Uncertainpy's bipolar argumentation graph text (``.bag``), export and import.

Uncertainpy (Potyka's library of gradual semantics) reads a weighted bipolar graph
from lines ``arg(NAME, BASE).``, ``att(A, B).`` and ``sup(A, B).``; exporting to it
lets researchers cross-check arggraph's strengths against an independent
implementation. Its reader takes one statement a line, strips spaces inside the
parentheses and splits on commas, so names must not hold spaces, commas or
parentheses, and it accepts no comment lines: the export writes nothing else.

Kept: claims with their base score (a score sheet's, when one is given), attacks and
supports. Dropped (and reported): relation weights other than 1 (BAG edges have
none), texts, kinds, provenance. Ids that are not safe names are renamed.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="A1", text="a", base=0.7),
...     Claim(id="P1", text="p")], relations=[Relation(type="support", source="P1", target="A1")]))
>>> print(to_bag(g), end="")
arg(A1, 0.7).
arg(P1, 0.5).
sup(P1, A1).
>>> from_bag(to_bag(g)).model.claims[0].base
0.7
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path

from ..graph import Graph
from ..model import Claim, GraphModel, Relation
from ..text import quoted, shorten
from .iccma import safe_names
from .imported import ImportResult, fail
from .imported import graph_id as id_from_path
from .registry import report_losses
from .report import Report

__all__ = ["from_bag", "to_bag", "write_bag"]

_NAME = re.compile(r"[A-Za-z0-9_.\-]+")


def write_bag(
    graph: Graph, *, base: Mapping[str, float] | None = None, report: Report | None = None
) -> str:
    """The graph as Uncertainpy BAG text; ``base`` overrides claims' base scores;
    ``report`` hears of renamed ids only (:func:`to_bag` also counts what BAG cannot
    hold)."""
    names = safe_names(graph, _NAME, "a", report, "bag")
    lines = []
    for cid, claim in graph.claims.items():
        value = base.get(cid, claim.base) if base is not None else claim.base
        lines.append(f"arg({names[cid]}, {float(value)!r}).")
    seen: set[tuple[str, str, str]] = set()
    for rel in graph.relations.values():
        if rel.source not in graph.claims or rel.target not in graph.claims:
            continue
        key = (rel.type, names[rel.source], names[rel.target])
        if key in seen:
            continue
        seen.add(key)
        verb = "att" if rel.type == "attack" else "sup"
        lines.append(f"{verb}({key[1]}, {key[2]}).")
    return "\n".join(lines) + "\n"


def to_bag(
    graph: Graph, *, base: Mapping[str, float] | None = None, report: Report | None = None
) -> str:
    """The graph as Uncertainpy BAG text; ``base`` overrides claims' base scores; what
    BAG cannot hold (weights, texts, provenance...: its entry in
    :mod:`~arggraph.formats.registry`) and renamed ids are counted in ``report``."""
    text = write_bag(graph, base=base, report=report)
    report_losses("bag", graph, report)
    return text


_STATEMENT = re.compile(
    r"(arg|att|sup)\s*\(\s*([^(),\s]+)\s*,\s*([^(),\s]+)\s*\)\s*(?:\.\s*)?(?:[%#].*)?"
)


def from_bag(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from BAG text: one claim per ``arg``, an attack per ``att``, a support
    per ``sup``. Blank lines and ``%``/``#`` comments are skipped; anything else, a
    base outside 0..1, or an edge naming an undeclared argument is an error with its
    line (Uncertainpy itself would fail on those too)."""
    report = Report()
    claims: dict[str, Claim] = {}
    relations: list[Relation] = []
    pending: list[tuple[str, str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("%", "#")):
            continue
        m = _STATEMENT.fullmatch(line)
        if m is None:
            raise fail(
                f"expected arg(NAME, BASE)., att(A, B). or sup(A, B)., found {quoted(line)}",
                path,
                number,
            )
        kind, a, b = m.groups()
        if kind == "arg":
            try:
                value = float(b)
            except ValueError:
                raise fail(
                    f"the base score of {quoted(a)} is not a number: {quoted(b)}", path, number
                ) from None
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise fail(
                    f"the base score of {quoted(a)} must be between 0 and 1, not {shorten(b, 40)}",
                    path,
                    number,
                )
            if a in claims:
                raise fail(f"argument {quoted(a)} is declared twice", path, number)
            claims[a] = Claim(id=a, text=a, base=value)
        else:
            pending.append((kind, a, b, number))
    seen: set[tuple[str, str, str]] = set()
    for kind, a, b, number in pending:
        for name in (a, b):
            if name not in claims:
                raise fail(
                    f"{kind}({shorten(a, 30)}, {shorten(b, 30)}) names {quoted(name)}, which "
                    f"no arg({shorten(name, 30)}, BASE). declares",
                    path,
                    number,
                )
        rel_type = "attack" if kind == "att" else "support"
        if (rel_type, a, b) in seen:
            report.dropped(f"repeated {kind}", 1, "listed twice", example=f"{a} -> {b}")
            continue
        seen.add((rel_type, a, b))
        relations.append(Relation(type=rel_type, source=a, target=b))
    model = GraphModel(
        id=graph_id or id_from_path(path),
        title=Path(path).name if path is not None else "",
        claims=list(claims.values()),
        relations=relations,
        meta={"imported_from": "bag"},
    )
    return ImportResult(model, report)
