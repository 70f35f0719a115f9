"""The slower answers the screen asks for, as plain data: why, the lever, extensions,
check findings. Each function is pure (a snapshot in, plain state out), so the screen can run it
inline on a small graph or in a worker thread on a large one.
"""

from __future__ import annotations

from rich.text import Text

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.text import shorten

from .render import literal
from .screens.results import Results, Row
from .state import Snapshot
from .widgets.lever import LeverState
from .widgets.why import Driver, WhyState

__all__ = [
    "deciders",
    "drivers",
    "extensions_results",
    "findings_results",
    "lever_state",
]

#: How many drivers and deciders the Why panel lists.
TOP = 4
#: Up to this many claims, every claim's flip point is searched for.
FLIP_ALL = 400
#: Above it, the flip points of this many top contributors to each leading position.
FLIP_CANDIDATES = 12


def drivers(snap: Snapshot, claim: str | None) -> WhyState:
    """What drives ``claim``: the claims whose removal would move it most."""
    from arggraph.semantics.explain import explain

    if snap.problem is not None:
        return WhyState(note="no strengths under this semantics: nothing to explain")
    if claim is None or claim not in snap.fw.index:
        return WhyState()
    try:
        exp = explain(snap.fw, claim, snap.semantics)
    except ArggraphError as exc:
        return WhyState(note=exc.message)
    found = tuple(Driver(c.claim, snap.graph.claims[c.claim].text, c.removal,
                         snap.base(c.claim))
                  for c in exp.contributions[:TOP] if abs(c.removal) > 1e-9)
    return WhyState(claim, exp.strength, found)


def deciders(snap: Snapshot) -> WhyState:
    """The claims whose base score, moved least, would change which position leads.

    Flip points are searched for every claim on a small graph; on a large one only for
    the claims that contribute most to the two leading positions (each search probes
    the engine dozens of times). They depend on the scores, the semantics and the view,
    not on the focused claim, so the screen computes them once per change.
    """
    from arggraph.semantics.explain import explain
    from arggraph.semantics.verdict import flip_points

    if snap.problem is not None:
        return WhyState()
    standing = snap.standing()
    if len(standing.ranking) < 2:
        return WhyState(verdict_note="a verdict needs two positions in view")
    fw = snap.fw
    positions = [p for p in snap.positions if p in fw.index]
    try:
        candidates = None
        if fw.n > FLIP_ALL:
            found: dict[str, None] = {}
            for pid, _ in standing.ranking[:2]:
                for c in explain(fw, pid, snap.semantics).contributions[:FLIP_CANDIDATES]:
                    found[c.claim] = None
            candidates = list(found)
        flips = flip_points(fw, snap.semantics, None, positions=positions, claims=candidates)
    except ArggraphError as exc:
        return WhyState(verdict_note=exc.message)
    near = [(cid, x) for cid, x in flips.items() if x is not None]
    near.sort(key=lambda cx: (abs(cx[1] - snap.base(cx[0])), cx[0]))
    return WhyState(deciders=tuple(Driver(cid, snap.graph.claims[cid].text, 0.0,
                                          snap.base(cid), x) for cid, x in near[:TOP]),
                    verdict_topic=standing.ranking[0][0])


def lever_state(snap: Snapshot, claim: str | None, relation: str | None,
                link: bool) -> LeverState:
    """The verdict margin as the claim's base (or its link's weight) runs over [0, 1]."""
    from arggraph.semantics.verdict import margin_curve

    what = "link weight" if link else "base score"
    if snap.problem is not None:
        return LeverState(what=what, note="no strengths under this semantics")
    standing = snap.standing()
    if len(standing.ranking) < 2:
        return LeverState(what=what, note="a verdict needs two positions in view")
    leader = standing.ranking[0][0]
    leader_text = shorten(snap.graph.claims[leader].text, 30)
    if link:
        if relation is None:
            return LeverState(what=what, note="this claim has no link to a claim above it "
                                              "here")
        return LeverState(what=what, note="the lever is drawn for base scores; press w "
                                          "to score the claim's base")
    if claim is None or claim not in snap.fw.index:
        return LeverState(what=what, note="pick a claim in the tree")
    try:
        curve = margin_curve(snap.fw, claim, snap.semantics, None,
                             positions=list(snap.positions), samples=21)
    except ArggraphError as exc:
        return LeverState(what=what, note=exc.message)
    return LeverState(tuple((float(x), float(y)) for x, y in curve),
                      snap.base(claim), what, leader_text)


def extensions_results(snap: Snapshot) -> Results:
    """The grounded labelling and the preferred extensions of the current view."""
    from arggraph.semantics.extensions import acceptance, extensions, grounded_labels

    fw = snap.fw
    graph = snap.graph
    labels = grounded_labels(fw)
    preferred = extensions(fw, "preferred", limit=64)
    pref = acceptance(fw, "preferred")
    counts = {k: sum(1 for v in labels.values() if v == k) for k in ("in", "out", "undec")}
    summary = Text()
    summary.append("Dung's semantics on the attacks (supports and weight-0 attacks do not "
                   "count).\n", style="italic")
    summary.append("Grounded: ", style="bold")
    summary.append(f"{counts['in']} in, {counts['out']} out, {counts['undec']} undecided.  ")
    summary.append("Preferred: ", style="bold")
    more = "+" if len(preferred) == 64 else ""
    summary.append(f"{len(preferred)}{more} extension{'s' if len(preferred) != 1 else ''}.")
    order = {"in": 0, "undec": 1, "out": 2}
    positions = set(snap.positions)
    ids = sorted(labels, key=lambda c: (c not in positions, order[labels[c]]))
    rows: list[Row] = []
    names = {"in": "IN   ", "out": "OUT  ", "undec": "UNDEC"}
    styles = {"in": "bold green", "out": "red", "undec": "yellow"}
    for cid in ids:
        prompt = Text(no_wrap=True, overflow="ellipsis")
        prompt.append(names[labels[cid]], style=styles[labels[cid]])
        acc = pref.get(cid, {"credulous": False, "sceptical": False})
        word = ("in every preferred" if acc["sceptical"] else
                "in some preferred " if acc["credulous"] else "in no preferred   ")
        prompt.append(f"  {word}  ", style="dim")
        if cid in positions:
            prompt.append("◆ ", style="bold")
        prompt.append_text(literal(shorten(graph.claims[cid].text, 90)))
        rows.append(Row(prompt, cid))
    return Results(summary, rows)


def findings_results(graph: Graph) -> Results:
    """What ``arggraph check`` finds in the graph (quotes are not looked up: that needs
    the documents' folder, ``arggraph check --documents DIR``)."""
    from arggraph.checks import check

    findings = check(graph)
    summary = Text()
    by = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    if not findings:
        summary.append("No findings: the checks pass.", style="bold green")
    else:
        summary.append(f"{by['error']} errors, {by['warning']} warnings, {by['info']} notes. ",
                       style="bold")
    summary.append("\nQuotes are checked against their documents by "
                   "arggraph check --documents DIR.", style="dim italic")
    rows: list[Row] = []
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for f in findings:
        target = None
        for ident in f.ids:
            if ident in graph.claims:
                target = ident
                break
            rel = graph.relations.get(ident)
            if rel is not None and rel.source in graph.claims:
                target = rel.source
                break
        prompt = Text()
        prompt.append(f"{f.severity:<8}", style=styles.get(f.severity, ""))
        prompt.append(f"{f.code}  ", style="bold")
        prompt.append_text(literal(f.message))
        if f.hint:
            prompt.append("\n                ")
            prompt.append_text(literal(shorten(f.hint, 100), style="dim"))
        rows.append(Row(prompt, target))
    return Results(summary, rows)
