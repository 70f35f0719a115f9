"""The slower answers the screen asks for, as plain data: why, the lever, extensions,
check findings. Each function is pure (a snapshot in, plain state out), so the screen can run it
inline on a small graph or in a worker thread on a large one.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text

from arggraph.errors import ArggraphError
from arggraph.graph import Graph

from .render import INFERENCE_GLYPH, fit, glyph, literal
from .viewmodels import Driver, LeverState, Results, Row, Snapshot, WhyState

__all__ = [
    "LISTED",
    "deciders",
    "drivers",
    "extensions_results",
    "extensions_title",
    "findings_results",
    "lever_state",
    "link_lever",
    "on_inferences",
]

#: Points on a lever's curve.
SAMPLES = 21
#: How many drivers and deciders the Why panel lists.
TOP = 4
#: Up to this many claims, every claim's flip point is searched for.
FLIP_ALL = 400
#: Up to this many claims, every removal is computed exactly; above, the largest by
#: branch and bound over their bounds (:func:`arggraph.semantics.explain.explain`).
EXACT_ALL = 400
#: Above it, the flip points of this many top contributors to each leading position.
FLIP_CANDIDATES = 12
#: The extension semantics (a name in :data:`arggraph.semantics.registry.EXTENSION`)
#: whose extensions the extensions screen counts beside the grounded labelling.
LISTED = "preferred"
#: At most this many of its extensions are counted ("64+").
LISTED_LIMIT = 64


def on_inferences(snap: Snapshot) -> frozenset[str]:
    """The claims that back or undercut an inference in view: they move what they drive
    through the weight of a link, and the Why panel marks them so (``∴``)."""
    graph, held = snap.graph, snap.fw.relation_index
    return frozenset(
        p
        for rel in graph.extended_relations
        if rel.id in held and rel.target not in graph.claims
        for p in rel.premises
    )


def drivers(
    snap: Snapshot,
    claim: str | None,
    *,
    with_flips: bool = False,
    subject: str = "this claim",
) -> WhyState:
    """What drives ``claim``: the claims whose removal would move it most, undercutters
    and backers of inferences among them (each marked ``on_inference``).

    With ``with_flips`` their flip points are searched here too (a large graph, in a
    worker); otherwise the panel takes them from the verdict part once it is known.
    ``subject`` names what is explained in the panel's heading (on an inference: "the
    claim it bears on").
    """
    from arggraph.semantics.explain import explain
    from arggraph.semantics.verdict import flip_points

    if snap.problem is not None:
        return WhyState(note="no strengths under this semantics: nothing to explain")
    if claim is None or claim not in snap.fw.index:
        return WhyState()
    try:
        # The TOP largest removals exactly; on a large graph by branch and bound over
        # each claim's bound, not a recomputation per claim.
        exp = explain(snap.fw, claim, snap.semantics, top=TOP if snap.fw.n > EXACT_ALL else None)
        top = [
            c for c in exp.contributions[:TOP] if c.removal is not None and abs(c.removal) > 1e-9
        ]
        flips: dict[str, float | None] = {}
        if with_flips and top and len(snap.standing().ranking) > 1:
            flips = flip_points(
                snap.fw,
                snap.semantics,
                None,
                positions=_positions(snap),
                claims=[c.claim for c in top],
            )
    except ArggraphError as exc:
        return WhyState(note=exc.message)
    acting = on_inferences(snap)
    found = tuple(
        Driver(
            c.claim,
            snap.graph.claims[c.claim].text,
            c.removal or 0.0,
            snap.base(c.claim),
            flips.get(c.claim),
            c.claim in flips,
            c.claim in acting,
        )
        for c in top
    )
    return WhyState(claim, exp.strength, found, subject=subject)


def _shares(
    snap: Snapshot, leader: str, runner: str
) -> tuple[dict[str, float], int, list[str], list[str]]:
    """Each claim's share of the margin (its removal's effect on the leader minus on the
    runner-up): ``(shares, how many claims bear on the two, the leader's strongest
    contributors, the runner-up's)``. Every share is exact on a small graph; on a large
    one the ``TOP`` largest, by branch and bound over their bounds
    (:func:`~arggraph.semantics.explain.margin_shares`)."""
    from arggraph.semantics.explain import margin_shares

    fw = snap.fw
    found = margin_shares(
        fw, leader, runner, snap.semantics, top=None if fw.n <= EXACT_ALL else TOP
    )
    return found.shares, found.bearing, found.lead, found.rival


def _positions(snap: Snapshot) -> list[str]:
    return [p for p in snap.positions if p in snap.fw.index]


def deciders(snap: Snapshot) -> WhyState:
    """The claims that decide the verdict, each with its flip point.

    A claim's share of the verdict is its share of the margin: its contribution (by
    removal) to the leading position minus its contribution to the runner-up. Flip
    points are searched for every claim on a small graph; on a large one only for the
    claims that weigh most on the two leading positions (each search probes the engine
    dozens of times). They depend on the scores, the semantics and the view, not on the
    focused claim, so the screen computes them once per change.
    """
    from arggraph.semantics.verdict import flip_points

    if snap.problem is not None:
        return WhyState()
    standing = snap.standing()
    if len(standing.ranking) < 2:
        return WhyState(verdict_note="a verdict needs two positions in view")
    fw = snap.fw
    leader, runner = standing.ranking[0][0], standing.ranking[1][0]
    try:
        share, bearing, lead, rival = _shares(snap, leader, runner)
        ranked = sorted(
            (cid for cid, v in share.items() if abs(v) > 1e-9),
            key=lambda cid: (-abs(share[cid]), cid),
        )
        candidates = None
        if fw.n > FLIP_ALL:
            wanted = ranked[:TOP] + lead[:FLIP_CANDIDATES]
            wanted += rival[:FLIP_CANDIDATES]
            candidates = list(dict.fromkeys(wanted))
        flips = flip_points(fw, snap.semantics, None, positions=_positions(snap), claims=candidates)
    except ArggraphError as exc:
        return WhyState(verdict_note=exc.message)

    acting = on_inferences(snap)

    def driver(cid: str) -> Driver:
        return Driver(
            cid,
            snap.graph.claims[cid].text,
            share.get(cid, 0.0),
            snap.base(cid),
            flips.get(cid),
            cid in flips,
            cid in acting,
        )

    near = [(cid, x) for cid, x in flips.items() if x is not None]
    near.sort(key=lambda cx: (abs(cx[1] - snap.base(cx[0])), cx[0]))
    return WhyState(
        deciders=tuple(driver(cid) for cid in ranked[:TOP]),
        nearest=driver(near[0][0]) if near else None,
        flips=flips,
        leader=standing.leader,
        margin=standing.margin,
        bearing=bearing,
    )


def lever_state(snap: Snapshot, claim: str | None, relation: str | None, link: bool) -> LeverState:
    """The verdict margin as the claim's base (or its link's weight) runs over [0, 1]."""
    from arggraph.semantics.verdict import margin_curve

    what = "link weight" if link else "base score"
    if snap.problem is not None:
        return LeverState(what=what, note="no strengths under this semantics")
    standing = snap.standing()
    if len(standing.ranking) < 2:
        return LeverState(what=what, note="a verdict needs two positions in view")
    leader = standing.ranking[0][0]
    leader_text = fit(snap.graph.claims[leader].text, 30)
    tied = standing.leader is None
    if link:
        if relation is None:
            return LeverState(what=what, note="this claim has no link to a claim above it here")
        if relation not in snap.fw.relation_index:
            return LeverState(what=what, note="this link is not in the current view")
        try:
            return replace(link_lever(snap, relation, leader, leader_text), tied=tied)
        except ArggraphError as exc:
            return LeverState(what=what, note=exc.message)
    if claim is None or claim not in snap.fw.index:
        return LeverState(what=what, note="pick a claim in the tree")
    try:
        curve = margin_curve(
            snap.fw, claim, snap.semantics, None, positions=_positions(snap), samples=SAMPLES
        )
    except ArggraphError as exc:
        return LeverState(what=what, note=exc.message)
    return LeverState(
        tuple((float(x), float(y)) for x, y in curve),
        snap.base(claim),
        what,
        leader_text,
        tied=tied,
    )


def link_lever(snap: Snapshot, relation: str, leader: str, leader_text: str) -> LeverState:
    """The margin of ``leader`` as ``relation``'s weight runs over [0, 1]: the engine
    moves the weight step by step, recomputing only what lies downstream of it. The
    relation may be a plain one or an inference (linked premises, or backed or
    undercut), whose weight is moved before its undercutters and backers move it."""
    from arggraph.semantics.incremental import GradualEngine

    fw = snap.fw
    names = _positions(snap)
    lead = names.index(leader)
    engine = GradualEngine(fw, snap.semantics)
    now = engine.weight(relation)
    curve: list[tuple[float, float]] = []
    for i in range(SAMPLES):
        w = i / (SAMPLES - 1)
        engine.set_weight(relation, w)
        values = [engine.strength(p) for p in names]
        rival = max((v for j, v in enumerate(values) if j != lead), default=0.0)
        curve.append((w, values[lead] - rival))
    return LeverState(tuple(curve), now, "link weight", leader_text)


def extensions_title() -> str:
    """The extensions screen's title: the grounded labelling and the :data:`LISTED`
    semantics, by its label in the registry.

    >>> extensions_title()
    'Extensions (grounded, preferred)'
    """
    from arggraph.semantics.registry import extension

    return f"Extensions (grounded, {extension(LISTED).label})"


def extensions_results(snap: Snapshot) -> Results:
    """The grounded labelling and the :data:`LISTED` (preferred) extensions of the view."""
    from arggraph.semantics.dung import (
        acceptance,
        grounded_labels,
        iter_extensions_with_relations,
    )
    from arggraph.semantics.registry import extension

    entry = extension(LISTED)
    fw = snap.fw
    graph = snap.graph
    labels = grounded_labels(fw)
    # Each extension with the attacks that stand in it: two that hold the same claims
    # but not the same undercuts are two extensions, counted apart.
    listed = list(iter_extensions_with_relations(fw, entry.name, limit=LISTED_LIMIT))
    accepted = acceptance(fw, entry.name)
    counts = {k: sum(1 for v in labels.values() if v == k) for k in ("in", "out", "undec")}
    summary = Text()
    summary.append(
        "Dung's semantics on the attacks (supports and weight-0 attacks do not count).\n",
        style="italic",
    )
    summary.append("Grounded: ", style="bold")
    summary.append(f"{counts['in']} in, {counts['out']} out, {counts['undec']} undecided.  ")
    summary.append(f"{entry.label.capitalize()}: ", style="bold")
    more = "+" if len(listed) == LISTED_LIMIT else ""
    summary.append(f"{len(listed)}{more} extension{'s' if len(listed) != 1 else ''}")
    claim_sets = len({frozenset(claims) for claims, _ in listed})
    if claim_sets < len(listed):
        sets = f"{claim_sets} set{'s' if claim_sets != 1 else ''} of claims"
        summary.append(f" ({sets}: they differ in which attacks stand)")
    summary.append(".")
    every, some, none = (f"in {w} {entry.label}" for w in ("every", "some", "no"))
    width = max(len(every), len(some), len(none))
    order = {"in": 0, "undec": 1, "out": 2}
    positions = set(snap.positions)
    ids = sorted(labels, key=lambda c: (c not in positions, order[labels[c]]))
    rows: list[Row] = []
    names = {"in": "IN   ", "out": "OUT  ", "undec": "UNDEC"}
    styles = {"in": "bold green", "out": "red", "undec": "yellow"}
    for cid in ids:
        prompt = Text(no_wrap=True, overflow="ellipsis")
        prompt.append(names[labels[cid]], style=styles[labels[cid]])
        acc = accepted.get(cid, {"credulous": False, "sceptical": False})
        word = every if acc["sceptical"] else some if acc["credulous"] else none
        prompt.append(f"  {word.ljust(width)}  ", style="dim")
        if cid in positions:
            prompt.append("◆ ", style="bold")
        prompt.append_text(literal(fit(graph.claims[cid].text, 90)))
        rows.append(Row(prompt, cid))
    rows.extend(_attack_rows(snap, listed, (every, some, none), width))
    if len(rows) > len(ids):
        summary.append(
            "\nUndercuts and linked attacks stand or fall like claims (AFRA, SETAFs): "
            "listed after the claims.",
            style="italic",
        )
    return Results(summary, rows)


def _attack_rows(
    snap: Snapshot,
    found: list[tuple[set[str], set[str]]],
    words: tuple[str, str, str],
    width: int,
) -> list[Row]:
    """The undercuts and linked attacks of the view, each labelled as a claim is: an
    attack is an argument of its own in the flattened framework (AFRA: Baroni et al.
    2011; set attacks: Nielsen and Parsons 2006), so it is in, out or undecided too.
    ``found`` is the :data:`LISTED` extensions, each with the attacks that stand in it
    (at most :data:`LISTED_LIMIT`). Enter on one goes to its first premise."""
    from arggraph.semantics.dung import flatten, grounded_codes

    fw, graph = snap.fw, snap.graph
    if not fw.k:
        return []
    held = fw.relation_index
    wanted = [
        rel
        for rel in graph.relations.values()
        if rel.type == "attack"
        and rel.id in held
        and (
            len(rel.premises) > 1
            or rel.target not in graph.claims
            or held[rel.id][0] == "inference"
        )
    ]
    flat = flatten(fw)
    codes = grounded_codes(flat).tolist()
    where = {rid: i for i, rid in enumerate(flat.ids) if i >= fw.n}
    complete = len(found) < LISTED_LIMIT
    every, some, none = words
    names = {1: "IN   ", 2: "OUT  ", 0: "UNDEC"}
    styles = {1: "bold green", 2: "red", 0: "yellow"}
    rows = []
    for rel in wanted:
        if rel.id not in where:  # weight 0: no attack
            continue
        code = codes[where[rel.id]]
        prompt = Text(no_wrap=True, overflow="ellipsis")
        prompt.append(names[code], style=styles[code])
        stands = [rel.id in relations for _, relations in found]
        if not complete:  # too many extensions listed to say
            word = "…"
        elif stands and all(stands):
            word = every
        else:
            word = some if any(stands) else none
        prompt.append(f"  {word.ljust(width)}  ", style="dim")
        prompt.append_text(glyph(rel.type))
        aimed = graph.relations.get(rel.target) if rel.target not in graph.claims else None
        if aimed is not None:
            prompt.append(f" undercut of {INFERENCE_GLYPH} ", style="italic")
        else:
            prompt.append(f" {INFERENCE_GLYPH} linked attack ", style="italic")
        first = graph.claims[rel.premises[0]].text
        more = f" (+{len(rel.premises) - 1})" if len(rel.premises) > 1 else ""
        prompt.append_text(literal(fit(first, 70) + more))
        rows.append(Row(prompt, rel.premises[0]))
    return rows


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
        summary.append(
            f"{by['error']} errors, {by['warning']} warnings, {by['info']} info. ", style="bold"
        )
    summary.append(
        "\nQuotes are checked against their documents by arggraph check --documents DIR.",
        style="dim italic",
    )
    rows: list[Row] = []
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for f in findings:
        target = None
        for ident in f.ids:
            if ident in graph.claims:
                target = ident
                break
            rel = graph.relations.get(ident)
            if rel is not None and rel.premises and rel.premises[0] in graph.claims:
                target = rel.premises[0]
                break
        prompt = Text()
        prompt.append(f"{f.severity:<8}", style=styles.get(f.severity, ""))
        prompt.append(f"{f.code}  ", style="bold")
        prompt.append_text(literal(f.message))
        if f.hint:
            prompt.append("\n                ")
            prompt.append_text(literal(fit(f.hint, 100), style="dim"))
        rows.append(Row(prompt, target))
    return Results(summary, rows)
