"""Bounds on removal contributions, and the exact top N found by branch and bound."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arggraph.errors import SemanticsError
from arggraph.framework import Framework, Link
from arggraph.semantics import explain
from arggraph.semantics.explain import margin_shares, removals

SEMANTICS = ("dfquad", "qe", "euler", "hcat")


@st.composite
def frameworks(draw: st.DrawFn) -> tuple[Framework, str]:
    """Any small framework: cycles, linked premises and undercuts included."""
    n = draw(st.integers(2, 7))
    ids = [f"c{i}" for i in range(n)]
    base = [draw(st.floats(0.0, 1.0)) for _ in ids]
    attacks_only = draw(st.booleans())
    links: list[Link] = []
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for i in range(draw(st.integers(1, 3 * n))):
        premises = tuple(sorted(set(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2)))))
        kind = "attack" if attacks_only else draw(st.sampled_from(["attack", "support"]))
        target = draw(st.sampled_from(ids))
        if (kind, premises, target) not in seen:
            seen.add((kind, premises, target))
            links.append(Link(kind, premises, target, draw(st.floats(0.0, 1.0)), f"r{i}"))
    undercut: bool = draw(st.booleans())
    if links and undercut:
        victim = draw(st.sampled_from([lk.id for lk in links if lk.id]))
        links.append(
            Link("attack", (draw(st.sampled_from(ids)),), victim, draw(st.floats(0.0, 1.0)), "u")
        )
    fw = Framework.from_links(ids, base, links)
    return fw, draw(st.sampled_from(ids))


@pytest.mark.slow
@settings(max_examples=250, deadline=None)
@given(frameworks(), st.sampled_from(SEMANTICS))
def test_a_bound_is_never_below_the_exact_removal(case: tuple[Framework, str], sem: str) -> None:
    fw, topic = case
    if sem == "hcat" and (len(fw.sup_src) or fw.inf_sup.any()):
        return  # h-categorizer takes attacks only
    try:
        bounds = {c.claim: c.bound for c in explain(fw, topic, sem, top=0).contributions}
    except SemanticsError:
        assume(False)  # a cycle whose fixed point is not locally unique: nothing to bound
    exact = explain(fw, topic, sem)
    for c in exact.contributions:
        assert c.removal is not None
        assert abs(c.removal) <= bounds[c.claim] + 1e-9


def chain(n: int) -> Framework:
    ids = [f"c{i}" for i in range(n)]
    att = [(ids[i + 1], ids[i]) for i in range(0, n - 1, 2)]
    sup = [(ids[i + 1], ids[i]) for i in range(1, n - 1, 2)]
    return Framework.from_edges(ids, np.linspace(0.2, 0.8, n).tolist(), attacks=att, supports=sup)


@pytest.mark.parametrize("fw", [chain(300)], ids=["chain"])
def test_the_top_n_are_the_exact_top_n(fw: Framework) -> None:
    full = explain(fw, "c0")
    quick = explain(fw, "c0", top=5)
    assert quick.top_complete
    want = [(c.claim, c.removal) for c in full.contributions[:5]]
    got = [(c.claim, c.removal) for c in quick.contributions[:5]]
    assert got == want
    exact = {f.claim: f.removal for f in full.contributions}
    for c in quick.contributions:
        if c.removal is None:
            assert c.path == []
            assert c.bound >= abs(exact[c.claim] or 0.0)
    # Asked for by name: exact whatever its bound.
    last = full.contributions[-1]
    asked = explain(fw, "c0", top=1, claims=[last.claim])
    by = {c.claim: c for c in asked.contributions}
    assert by[last.claim].removal == pytest.approx(last.removal, abs=1e-12)
    assert removals(fw, "c0", [last.claim]) == pytest.approx({last.claim: last.removal}, abs=1e-12)
    # Gradients are always exact.
    assert [
        c.gradient for c in sorted(quick.contributions, key=lambda c: c.claim)
    ] == pytest.approx(
        [c.gradient for c in sorted(full.contributions, key=lambda c: c.claim)], abs=1e-12
    )


@pytest.mark.slow
@settings(max_examples=120, deadline=None)
@given(frameworks(), st.sampled_from(["dfquad", "qe", "euler"]), st.integers(1, 4))
def test_margin_shares_are_removals_on_the_two_and_bounded(
    case: tuple[Framework, str], sem: str, top: int
) -> None:
    fw, leader = case
    runner = next(c for c in fw.ids if c != leader)
    try:
        full = margin_shares(fw, leader, runner, sem)
    except SemanticsError:
        assume(False)
    # Every share is the removal on the leader minus the removal on the runner-up.
    on_lead = {c.claim: c.removal or 0.0 for c in explain(fw, leader, sem).contributions}
    on_rival = {c.claim: c.removal or 0.0 for c in explain(fw, runner, sem).contributions}
    for claim, share in full.shares.items():
        want = on_lead.get(claim, 0.0) - on_rival.get(claim, 0.0)
        assert share == pytest.approx(want, abs=1e-9)
    quick = margin_shares(fw, leader, runner, sem, top=top)
    for claim, bound in quick.bounds.items():
        assert abs(full.shares.get(claim, 0.0)) <= bound + 1e-9
    if quick.complete:
        best = sorted((abs(v) for v in full.shares.values()), reverse=True)[:top]
        got = sorted((abs(v) for v in quick.shares.values()), reverse=True)[: len(best)]
        assert got == pytest.approx(best, abs=1e-9)
