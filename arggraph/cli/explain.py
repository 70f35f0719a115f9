"""``arggraph explain GRAPH CLAIM``: what drives one claim's strength, and the verdict.

For every claim that can reach CLAIM: its contribution by removal (CLAIM's strength
with it minus without it), by gradient (how much CLAIM moves per unit of its base score,
exact) and the path that carries most of its influence; the relations by
``d strength / d weight``; and, when the graph has positions, which one leads and, for
each contributor, the base score at which the leader would change.

``--format json`` prints ``{"semantics", "topic", "strength", "base", "contributions":
[{"claim", "removal", "bound", "gradient", "path"}], "top_complete", "weights": {relation
id: float}, "verdict": {"strengths", "leader", "runner_up", "margin", "flip_points"} |
null}``. ``--top N`` keeps the N largest contributions and relations (the table shows 20
unless told otherwise; JSON shows all). Removals are computed exactly for the ones shown
(the N largest, found by branch and bound over a bound on each: one reverse pass, so a
deep graph is not quadratic); ``bound`` is never below the removal's size.
``top_complete`` is false when the bounds were too loose to prove, within the budget of
exact removals, that no claim left out could be among the N (wide fan-in is the usual
cause); the table then says so. Without ``--top``, JSON computes every removal.
``--contributor ID`` (repeatable) adds that claim's row, computed exactly, to what is
shown; a claim that cannot reach CLAIM shows no row.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import Graph
    from ..semantics.explain import Explanation
    from ..semantics.verdict import Verdict

__all__ = ["register", "run"]

_TABLE_TOP = 20


def register(sub: Any) -> None:
    from .common import whole_number
    from .score import add_common

    p = sub.add_parser(
        "explain",
        help="what drives one claim's strength: contributions, paths, the verdict",
        description="Explain one claim's strength: each other claim's contribution by "
        "removal and by exact gradient, with the path of its influence; each relation's "
        "gradient by weight; and, when the graph has positions, the verdict and the base "
        "score at which each contributor would flip it.",
        epilog="Exit codes: 0 success, 2 the graph, the sheet, the claim or the semantics "
        "could not be used.",
    )
    add_common(p)
    p.add_argument("claim", metavar="CLAIM", help="the id of the claim to explain")
    p.add_argument(
        "--format", choices=["table", "json"], default="table", help="table (default) or json"
    )
    p.add_argument(
        "--top",
        type=whole_number(1),
        metavar="N",
        help="show the N largest contributions and relations only",
    )
    p.add_argument(
        "--contributor",
        action="append",
        default=[],
        metavar="ID",
        help="also show this claim's contribution, computed exactly whatever --top says "
        "(repeatable)",
    )
    p.add_argument(
        "--no-verdict",
        action="store_true",
        help="skip the verdict and flip points (faster on large graphs)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..semantics._engine import TOLERANCE
    from ..semantics.explain import explain
    from ..semantics.verdict import flip_points, verdict
    from .common import load_graph, load_sheet, progress, result_header, write_result
    from .score import apply_scores

    graph = load_graph(args.graph)
    graph.require_claim(args.claim)  # an unknown claim: exit 2 with the nearest ids
    sheet = load_sheet(args.scores, graph)
    fw = apply_scores(graph, sheet, args.scores)
    top = args.top if args.top is not None else (None if args.format == "json" else _TABLE_TOP)
    # The top N removals exactly (branch and bound over each claim's bound); JSON without
    # --top computes every one.
    for cid in args.contributor:
        graph.require_claim(cid)  # an unknown claim: exit 2 with the nearest ids
    with progress(f"explaining {args.claim}: removals") as bar:
        result = explain(
            fw, args.claim, args.semantics, top=top, claims=args.contributor, progress=bar
        )
        shown = result.contributions[:top] if top else result.contributions
        asked = set(args.contributor) - {c.claim for c in shown}
        shown = [*shown, *(c for c in result.contributions if c.claim in asked)]
        weights = sorted(result.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        weights = weights[:top] if top else weights
        positions = list(graph.position_texts())  # (their ids: no model built)
        judged: Verdict | None = None
        flips: dict[str, float | None] = {}
        if positions and not args.no_verdict:
            judged = verdict(fw, args.semantics, positions=positions)
            bar.describe(f"explaining {args.claim}: flip points")
            flips = flip_points(
                fw,
                args.semantics,
                positions=positions,
                claims=[c.claim for c in shown],
                progress=bar,
            )
    base = float(fw.base[fw.index_of(args.claim)])
    if args.format == "json":
        from ..jsonio import dumps

        text = dumps(
            {
                **result_header(graph, args.semantics, tolerance=TOLERANCE),
                "topic": result.topic,
                "strength": result.strength,
                "base": base,
                "contributions": [
                    {
                        "claim": c.claim,
                        "removal": c.removal,
                        "bound": c.bound,
                        "gradient": c.gradient,
                        "path": c.path,
                    }
                    for c in shown
                ],
                "top_complete": result.top_complete,
                "weights": dict(weights),
                "verdict": None
                if judged is None
                else {
                    "strengths": judged.strengths,
                    "leader": judged.leader,
                    "runner_up": judged.runner_up,
                    "margin": judged.margin,
                    "flip_points": flips,
                },
            }
        )
    else:
        from .common import to_terminal

        terminal = to_terminal(args.output)
        text = _table(graph, result, base, shown, weights, judged, flips, args.semantics, terminal)
    write_result(text if text.endswith("\n") else text + "\n", args.output)
    return 0


def _table(
    graph: Graph,
    result: Explanation,
    base: float,
    shown: list[Any],
    weights: list[tuple[str, float]],
    judged: Verdict | None,
    flips: dict[str, float | None],
    semantics: str,
    terminal: bool,
) -> str:
    """The explanation as a table; on a ``terminal`` texts, paths and relation ids are
    cut to fit it (with a footnote when an id was cut), elsewhere nothing is cut."""
    from ..semantics.registry import gradual
    from ..text import identifier, one_line, shorten
    from .common import cut_note, terminal_width
    from .score import verdict_line

    width = terminal_width()
    cut = False

    def fit(text: str, room: int, ids: bool = True) -> str:
        nonlocal cut
        flat = one_line(text)
        if not terminal or len(flat) <= room:
            return flat
        cut |= ids
        return shorten(flat, room)

    topic = graph.claim_texts()[result.topic]
    lines = [
        f"claim     {identifier(result.topic)}: {fit(topic, max(width - 12, 20), False)}",
        f"strength  {result.strength:.4f} (base {base:.3f}) under {gradual(semantics).label}; "
        f"{len(result.contributions)} claims reach it",
    ]
    if judged is not None:
        line = verdict_line(graph, judged.strengths)
        if line:
            lines.append(line.replace("verdict: ", "verdict   ", 1))
    lines.append("")
    if not shown:
        lines.append("No other claim reaches this one: its strength is its base score.")
    else:
        flip_head = "  flips at" if judged is not None else ""
        lines.append(f"{'removal':>8}  {'gradient':>8}{flip_head}  path (strongest influence)")
        for c in shown:
            flip = ""
            if judged is not None:
                at = flips.get(c.claim)
                flip = f"  {'-' if at is None else format(at, '.4f'):>8}"
            path = " -> ".join(identifier(p) for p in c.path)
            removal = (
                "  <=" + format(c.bound, ".2f") if c.removal is None else f"{c.removal:>+8.4f}"
            )
            prefix = f"{removal:>8}  {c.gradient:>+8.4f}{flip}  "
            lines.append(prefix + fit(path, max(width - len(prefix), 20)))
        on_show = {c.claim for c in shown}
        rest = [c for c in result.contributions if c.claim not in on_show]
        if rest:
            most = max(c.bound for c in rest)
            if most < 1:
                lines.append(
                    f"... and {len(rest)} more, each moving it by at most {most:.4f} "
                    "(a bound; --top N computes more exactly)"
                )
            else:  # (a bound of 1 bounds nothing: a strength moves by 1 at most anyway)
                lines.append(
                    f"... and {len(rest)} more, not bounded here (cycles or many strong "
                    "paths leave every bound at 1; --top N or --format json computes them)"
                )
        if not result.top_complete:
            lines.append(
                "(the bounds were too loose to prove these the largest: a claim not shown "
                "may move it more; --format json without --top computes every removal)"
            )
    if weights:
        lines += ["", f"{'d/dweight':>9}  relation"]
        for rid, g in weights:
            lines.append(f"{g:>+9.4f}  {fit(rid, max(width - 11, 20))}")
    if cut:
        lines += ["", cut_note("json")]
    return "\n".join(lines)
