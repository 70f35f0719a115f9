"""``arggraph compare GRAPH SHEET...``: where a panel of scorers disagrees, and which
disagreements decide the verdict.

Each SHEET is a score sheet, or a folder whose sheets for GRAPH join the panel (files
that are not sheets, sheets for other graphs and consensus sheets are skipped and named
on stderr). A named sheet for another graph is an error naming it (exit 2); a sheet saved
against another version of the graph is used and named on stderr, with the ids it scores
that the graph no longer has (not applied).

Formats: ``table`` (each scorer's verdict, the consensus's, the robustness line, then the
claims and relations the panel disputes, the largest swing first; ids are cut only on a
terminal), ``json`` (everything, every claim and relation, full floats) and ``csv`` (one
row per claim and relation: kind, id, swing, decisive, flips_at, spread, low, high,
consensus, graph, one column per scorer, and the scorers who left it out, separated by
``;``).
``--write-consensus OUT`` writes the panel's consensus (medians, or means with
``--consensus mean``) as a score sheet, atomically, named as a consensus in the sheet.
See :mod:`arggraph.panel`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..panel import Comparison, Lever, Panel, Robustness

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    from .common import add_gradual_semantics

    p = sub.add_parser(
        "compare",
        help="where a panel of scorers disagrees, and which disagreements decide the verdict",
        description="Put several score sheets for one graph side by side: each scorer's "
        "verdict and margin; for every claim and relation each scorer's value (one a scorer "
        "left out counts as the graph's own), the spread, and whether the verdict flips as "
        "that value runs over the panel's range with the others at the panel's median "
        "(items ordered by the swing in margin they cause); and whether the leader holds "
        "under every gradual semantics and for every scorer.",
        epilog="Exit codes: 0 success, 2 the graph, a sheet or an option could not be used "
        "(a sheet for another graph, a semantics the graph cannot take, a cycle that does "
        "not settle).",
    )
    p.add_argument("graph", metavar="GRAPH", help="an arggraph/1 JSON file")
    p.add_argument(
        "sheets",
        metavar="SHEET",
        nargs="+",
        help="score sheets (arggraph-scores/1), or folders of them",
    )
    add_gradual_semantics(p)
    p.add_argument(
        "--consensus",
        choices=["median", "mean"],
        default="median",
        help="how the panel's values combine: median (default) or mean",
    )
    p.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        help="table (default), json or csv",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    p.add_argument(
        "--write-consensus",
        metavar="OUT",
        help="write the panel's consensus as a score sheet here (atomic)",
    )
    p.set_defaults(run=run)


def _warn(text: str) -> None:
    import sys

    from ..text import terminal_safe

    print(f"arggraph: {terminal_safe(text)}", file=sys.stderr)


def _report_members(panel: Panel, skipped: list[tuple[Any, str]]) -> None:
    """Name on stderr what was skipped and every sheet that does not fit the graph."""
    for path, why in skipped:
        _warn(f"skipped {path}: {why}")
    for m in panel.members:
        who = f"{m.path} ({m.name})" if m.path is not None else m.name
        if m.migration:
            _warn(f"note: {who}: follows the graph's new version: {m.migration.describe()}")
        if m.graph_changed:
            _warn(
                f"{who}: saved against another version of graph {panel.graph.id!r} "
                "(the graph file changed since); its scores of ids still in the graph are used"
            )
        if m.unknown:
            shown = ", ".join(m.unknown[:8]) + (
                f" and {len(m.unknown) - 8} more" if len(m.unknown) > 8 else ""
            )
            _warn(f"{who}: {len(m.unknown)} id(s) the graph no longer has, not used: {shown}")


def run(args: argparse.Namespace) -> int:
    from ..panel import compare, load_panel, robustness
    from .common import load_graph, progress, write_result

    graph = load_graph(args.graph)
    panel, skipped = load_panel(graph, args.sheets)
    _report_members(panel, skipped)
    if args.write_consensus is not None:
        _write_consensus(panel, args.consensus, args.write_consensus)
    disputed = int((panel.spread > 0).sum())
    with progress("comparing the panel's values", total=disputed) as bar:
        result = compare(panel, args.semantics, method=args.consensus, on_item=bar.advance)
    robust = robustness(panel, args.semantics, method=args.consensus) if result.positions else None
    if args.format == "json":
        import json

        text = json.dumps(_json(result, robust), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = _csv(result)
    else:
        from .common import to_terminal

        text = _table(result, robust, to_terminal(args.output))
    write_result(text, args.output)
    return 0


def _write_consensus(panel: Panel, method: Any, out: str) -> None:
    """Write the consensus sheet to ``out``, refusing to overwrite a scorer's sheet or
    any file that is not an earlier consensus."""
    from pathlib import Path

    from ..atomic import same_file
    from ..errors import ArggraphError, InputError
    from ..io import dump_scores, load_scores
    from ..panel import is_consensus
    from .common import write_result

    target = Path(out)
    for m in panel.members:
        if m.path is not None and same_file(m.path, target):
            raise InputError(
                f"this is {m.name}'s sheet, one of the panel's: not overwritten by the consensus",
                path=target,
                hint="give --write-consensus a new file name",
            )
    if target.exists() and not target.is_dir():
        try:
            earlier = is_consensus(load_scores(target))
        except ArggraphError:
            earlier = False
        if not earlier:
            raise InputError(
                "a file that is not an earlier consensus sheet is there: not overwritten",
                path=target,
                hint="remove it, or give --write-consensus another file name",
            )
    sheet = panel.consensus_sheet(method)
    write_result(dump_scores(sheet), out)
    _warn(f"wrote the {method} of {', '.join(panel.names)} to {out}")


# ---------------------------------------------------------------------- output
def _verdict_text(leader: str | None, runner: str | None, margin: float) -> str:
    from ..text import one_line

    if leader is None:
        return "a tie"
    if runner is None:
        return f"{one_line(leader)} is the only position, at {margin:.4f}"
    return f"{one_line(leader)} leads {one_line(runner)} by {margin:.4f}"


def _flip(lever: Lever, positions: bool) -> str:
    if not positions:
        return ""
    if lever.flips_at is None:
        return "no"
    return f"flips at {lever.flips_at:.3f}"


def _table(result: Comparison, robust: Robustness | None, terminal: bool) -> str:
    from ..semantics.registry import gradual
    from ..text import one_line, shorten
    from .common import cut_note, terminal_width

    panel = result.panel
    graph = panel.graph
    names = [one_line(n) for n in panel.names]
    title = one_line(graph.model.title or graph.id)
    lines = [
        f"{title}: {gradual(result.semantics).label}, {len(names)} scorer"
        f"{'s' if len(names) != 1 else ''}, consensus = {result.method}",
        "",
    ]
    who_width = max([len(n) for n in names] + [len(result.method), 6])
    if result.positions:
        lines.append(f"{'scorer':<{who_width}}  verdict")
        for name, member, v in zip(names, panel.members, result.verdicts, strict=True):
            note = ""
            if member.graph_changed:
                note = "  (scored against another version of the graph)"
            elif member.unknown:
                note = f"  ({len(member.unknown)} id(s) not in the graph)"
            text = _verdict_text(v.leader, v.runner_up, v.margin)
            lines.append(f"{name:<{who_width}}  {text}{note}")
        c = result.consensus
        lines.append(
            f"{result.method:<{who_width}}  {_verdict_text(c.leader, c.runner_up, c.margin)}"
        )
        if robust is not None:
            lines += ["", one_line(robust.line())]
    else:
        lines.append("the graph has no positions: no verdict to compare, only the values")
    disputed = result.disputed
    lines.append("")
    if not disputed:
        lines.append("the panel agrees on every value")
        return "\n".join(lines) + "\n"
    lines.append(
        "Where the panel disagrees, the largest swing in the margin first (each value run "
        f"over the panel's range, the others at the {result.method}):"
    )
    positions = bool(result.positions)
    value_w = max(max(len(n) for n in names), 6)
    cols = "".join(f"  {n:>{value_w}}" for n in names)
    longest = max(len(one_line(lv.id)) for lv in disputed)
    id_width = min(longest, 32) if terminal else longest
    id_width = max(id_width, 2)
    head = f"{'swing':>7}  {'decisive':<15}{cols}  {'spread':>6}  {'what':<6}  {'id':<{id_width}}"
    text_width = max(terminal_width() - len(head) - 2, 20)
    lines.append(head + "  text")
    left_out = False
    cut = False
    for lv in disputed:
        cells = ""
        for value, scored in zip(lv.values, lv.scored, strict=True):
            shown = f"{value:.2f}" if scored else f"({value:.2f})"
            left_out = left_out or not scored
            cells += f"  {shown:>{value_w}}"
        ident = one_line(lv.id)
        if terminal and len(ident) > id_width:
            ident, cut = shorten(lv.id, id_width), True
        what = "base" if lv.kind == "claim" else "weight"
        text = graph.claims[lv.id].text if lv.kind == "claim" else ""
        text = shorten(text, text_width) if terminal else one_line(text)
        lines.append(
            f"{lv.swing:>7.4f}  {_flip(lv, positions):<15}{cells}  {lv.spread:>6.2f}  "
            f"{what:<6}  {ident:<{id_width}}  {text}".rstrip()
        )
    decisive = result.decisive
    lines.append("")
    if positions:
        if decisive:
            lines.append(
                f"{len(decisive)} decisive: "
                + ", ".join(one_line(lv.id) for lv in decisive)
                + f" (each alone turns the {result.method}'s verdict within the panel's range)"
            )
        else:
            lines.append(
                f"no single disagreement turns the {result.method}'s verdict within the "
                "panel's range"
            )
    if left_out:
        lines.append("(0.50): left out by that scorer; the graph's own value counts")
    agreed = len(result.items) - len(disputed)
    if agreed:
        lines.append(
            f"{agreed} claims and relations on which the panel agrees are not shown "
            "(--format json or csv lists every one)"
        )
    if cut:
        lines += ["", cut_note()]
    return "\n".join(lines) + "\n"


def _verdict_json(leader: str | None, runner: str | None, margin: float, strengths: Any) -> Any:
    return {"leader": leader, "runner_up": runner, "margin": margin, "strengths": strengths}


def _json(result: Comparison, robust: Robustness | None) -> dict[str, Any]:
    panel = result.panel
    names = panel.names
    scorers = []
    for j, m in enumerate(panel.members):
        entry: dict[str, Any] = {
            "name": m.name,
            "sheet": str(m.path) if m.path is not None else None,
            "graph_changed": m.graph_changed,
            "unknown": list(m.unknown),
        }
        if result.positions:
            v = result.verdicts[j]
            entry["verdict"] = _verdict_json(v.leader, v.runner_up, v.margin, v.strengths)
        scorers.append(entry)
    out: dict[str, Any] = {
        "graph": panel.graph.id,
        "semantics": result.semantics,
        "consensus": result.method,
        "positions": list(result.positions),
        "scorers": scorers,
    }
    if result.positions:
        c = result.consensus
        out["consensus_verdict"] = _verdict_json(c.leader, c.runner_up, c.margin, c.strengths)
    if robust is not None:
        out["robustness"] = {
            "robust": robust.robust,
            "leader": robust.reference,
            "line": robust.line(),
            "leaders": {
                sem: {
                    col: (cell.leader if cell.problem is None else None)
                    for col, cell in zip(robust.columns, row, strict=True)
                }
                for sem, row in robust.cells.items()
            },
            "problems": [
                {"semantics": s, "scorer": col, "problem": p} for s, col, p in robust.problems
            ],
            "left_out": dict(robust.left_out),
        }
    out["items"] = [
        {
            "id": lv.id,
            "kind": lv.kind,
            "graph": lv.own,
            "values": {
                n: {"value": v, "scored": s}
                for n, v, s in zip(names, lv.values, lv.scored, strict=True)
            },
            "low": lv.low,
            "high": lv.high,
            "spread": lv.spread,
            "consensus": lv.consensus,
            "swing": lv.swing,
            "decisive": lv.decisive,
            "flips_at": lv.flips_at,
            "lever": [list(point) for point in lv.curve],
        }
        for lv in result.items
    ]
    return out


def _csv(result: Comparison) -> str:
    import csv
    import io

    from ..text import csv_cell
    from .score import csv_number

    names = result.panel.names
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "kind",
            "id",
            "swing",
            "decisive",
            "flips_at",
            "spread",
            "low",
            "high",
            "consensus",
            "graph",
            *(csv_cell(n) for n in names),
            "left_out",
        ]
    )
    for lv in result.items:
        writer.writerow(
            [
                lv.kind,
                csv_cell(lv.id),
                csv_number(lv.swing),
                "yes" if lv.decisive else "no",
                csv_number(lv.flips_at) if lv.flips_at is not None else "",
                csv_number(lv.spread),
                repr(lv.low),
                repr(lv.high),
                repr(lv.consensus),
                repr(lv.own),
                *(repr(v) for v in lv.values),
                csv_cell(";".join(n for n, s in zip(names, lv.scored, strict=True) if not s)),
            ]
        )
    return out.getvalue()
