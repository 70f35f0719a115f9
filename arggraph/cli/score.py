"""``arggraph score GRAPH``: every claim's final strength under a gradual semantics.

Formats: ``table`` (positions first, then the other claims by strength, with the
verdict below; ids and texts are cut to fit only when stdout is a terminal, and a
footnote says so), ``json`` (the header of :func:`~arggraph.cli.common.result_header`:
``arggraph``, ``graph``, ``graph_sha256``, ``semantics``, ``tolerance``; then
``"strengths": {claim id: float}``, in the graph's claim order, full floats) and
``csv`` (``claim,kind,base,strength``, strengths rounded to 9 decimal places, the
tolerance of the iteration on cycles). A ``--scores`` sheet overrides base scores and
weights first; an id in it that the graph lacks is an error naming the sheet and the
place. A cyclic graph that does not settle is exit 2 with the claims still moving, never
numbers passed off as exact.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..framework import Framework
    from ..graph import Graph
    from ..model import ScoreSheet

from ..semantics.registry import GRADUAL, gradual

__all__ = ["add_common", "apply_scores", "csv_number", "register", "run", "verdict_line"]


def register(sub: Any) -> None:

    p = sub.add_parser(
        "score",
        help="every claim's final strength under a gradual semantics",
        description="Compute every claim's final strength in [0, 1] from the base scores "
        "and relation weights under a gradual semantics: "
        + "; ".join(s.summary for s in GRADUAL.values())
        + ". Cyclic graphs are iterated to a fixed point (tolerance 1e-9).",
        epilog="Exit codes: 0 success, 2 the graph, the sheet or the semantics could not be "
        "used (including a cycle that does not settle).",
    )
    add_common(p)
    p.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help="table (default), json or csv",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    p.set_defaults(run=run)


def add_common(p: argparse.ArgumentParser) -> None:
    """GRAPH, --semantics and --scores, shared with ``arggraph explain``."""
    from .common import add_gradual_semantics

    p.add_argument("graph", metavar="GRAPH", help="an arggraph/1 JSON file")
    add_gradual_semantics(p)
    p.add_argument(
        "--scores",
        metavar="SHEET",
        help="a score sheet (arggraph-scores/1) whose bases and weights override the graph's",
    )


def apply_scores(graph: Graph, sheet: ScoreSheet | None, path: str | None) -> Framework:
    """The graph's framework with a sheet applied, each unknown id named at its place.
    Relations from linked premises and relations aimed at relations are inferences of the
    framework (:meth:`~arggraph.framework.Framework.from_links`), weighed like any other."""
    fw = graph.framework
    if sheet is None:
        return fw
    from ..panel import check_ids  # (with the models: only when there is a sheet)

    check_ids(graph, sheet, path)
    return fw.with_scores(sheet)


def verdict_line(graph: Graph, strengths: dict[str, float]) -> str | None:
    """One line on which position leads, or None when the graph has none."""
    from ..semantics.verdict import TIE
    from ..text import identifier  # (ids: every invisible character shown)

    positions = list(graph.position_texts())  # (their ids: no model built)
    if not positions:
        return None
    ranked = sorted(positions, key=lambda p: -strengths[p])
    top = ranked[0]
    if len(ranked) == 1:
        return f"verdict: {identifier(top)!s} is the only position, at {strengths[top]:.4f}"
    second = ranked[1]
    gap = strengths[top] - strengths[second]
    if gap <= TIE:
        tied = [p for p in ranked if strengths[top] - strengths[p] <= TIE]
        return (
            "verdict: tie between "
            + ", ".join(identifier(p) for p in tied)
            + f" at {strengths[top]:.4f}"
        )
    return (
        f"verdict: {identifier(top)} leads {identifier(second)} by {gap:.4f} "
        f"({strengths[top]:.4f} to {strengths[second]:.4f})"
    )


def run(args: argparse.Namespace) -> int:
    from ..semantics.gradual import strengths
    from .common import load_graph, load_sheet, write_result

    graph = load_graph(args.graph)
    sheet = load_sheet(args.scores, graph)
    fw = apply_scores(graph, sheet, args.scores)
    values = dict(zip(fw.ids, strengths(fw, args.semantics).tolist(), strict=True))
    if args.format == "json":
        from ..jsonio import dumps
        from ..semantics._engine import TOLERANCE
        from .common import result_header

        header = result_header(graph, args.semantics, tolerance=TOLERANCE)
        text = dumps({**header, "strengths": values}) + "\n"
    elif args.format == "csv":
        text = _csv(graph, fw, values)
    else:
        from .common import to_terminal

        text = _table(graph, fw, values, args.semantics, to_terminal(args.output))
    write_result(text, args.output)
    return 0


def csv_number(value: float) -> str:
    """A strength as CSV prints it: rounded to 9 decimal places, the tolerance cyclic
    graphs are iterated to (1e-9), in its shortest form, so no iteration noise shows.

    >>> csv_number(0.3333333330228925), csv_number(0.7), csv_number(1.0)
    ('0.333333333', '0.7', '1.0')
    """
    return repr(round(value, 9) + 0.0)  # + 0.0: no "-0.0"


def _csv(graph: Graph, fw: Framework, values: dict[str, float]) -> str:
    import csv
    import io

    from ..text import csv_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["claim", "kind", "base", "strength"])
    kinds = graph.claim_kinds()
    for i, cid in enumerate(fw.ids):
        writer.writerow(
            [
                csv_cell(cid),
                kinds[cid],
                repr(float(fw.base[i])),
                csv_number(values[cid]),
            ]
        )
    return out.getvalue()


#: The widest the claim column gets on a terminal; a pipe or a file gets whole ids.
ID_WIDTH = 24


def _table(
    graph: Graph, fw: Framework, values: dict[str, float], semantics: str, terminal: bool
) -> str:
    """The table; on a ``terminal`` ids and texts are cut to fit it (with a footnote
    when an id was cut), elsewhere nothing is cut."""
    from ..text import identifier, one_line, shorten
    from .common import cut_note, terminal_width

    ranks = {"position": 0, "claim": 1, "evidence": 1}
    kinds, texts = graph.claim_kinds(), graph.claim_texts()
    order = sorted(fw.ids, key=lambda c: (ranks[kinds[c]], -values[c], c))
    shown_ids = {c: identifier(c) for c in order}
    longest = max(map(len, shown_ids.values()), default=5)
    id_width = max(min(longest, ID_WIDTH) if terminal else longest, 5)
    head = f"{'strength':>8}  {'base':>6}  {'change':>7}  {'kind':<8}  {'claim':<{id_width}}"
    text_width = max(terminal_width() - len(head) - 2, 20)
    lines = [
        f"{one_line(graph.title or graph.id)}: {gradual(semantics).label}",
        head + "  text",
    ]
    for c in order:
        i = fw.index[c]
        base = float(fw.base[i])
        shown = shorten(shown_ids[c], id_width) if terminal else shown_ids[c]
        text = shorten(texts[c], text_width) if terminal else one_line(texts[c])
        # (Rounded first, so a change too small to show reads +0.000, not -0.000.)
        change = round(values[c] - base, 3) + 0.0
        lines.append(
            f"{values[c]:>8.4f}  {base:>6.3f}  {change:>+7.3f}  "
            f"{kinds[c]:<8}  {shown:<{id_width}}  {text}"
        )
    line = verdict_line(graph, values)
    if line:
        lines += ["", line]
    if terminal and longest > id_width:
        lines += ["", cut_note()]
    return "\n".join(lines) + "\n"
