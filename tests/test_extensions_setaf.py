"""Set attacks and attacks on attacks in Dung's semantics, against the definitions.

The engine flattens a framework with linked premises (set attacks: Nielsen and Parsons
2006) and undercutters (attacks on attacks: AFRA, Baroni, Cerutti, Giacomin and Guida
2011) into single attacks between claims and attacks (:func:`arggraph.semantics.dung.
flatten`). Here brute force enumerates every subset and applies the definitions, on
every framework of two claims with up to six attacks and one undercutter, and on random
larger ones; the extensions projected onto the claims must be the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.framework import Framework, Link
from arggraph.semantics.dung import extensions

Attack = tuple[frozenset[str], str, str]  # (sources, target, id)
SEMANTICS = ("grounded", "complete", "preferred", "stable")


def afra_extensions(
    claims: list[str], attacks: list[Attack], semantics: str
) -> set[frozenset[str]]:
    """The extensions by AFRA's definitions with set sources, projected onto the claims."""
    return {
        frozenset(x for x in s if x in claims) for s in afra_elements(claims, attacks, semantics)
    }


def afra_elements(claims: list[str], attacks: list[Attack], semantics: str) -> list[frozenset[str]]:
    """The extensions by AFRA's definitions with set sources: sets of claims and attacks.

    Elements are claims and attacks. Attack ``x`` defeats element ``y`` when its target
    is ``y``, or when ``y`` is an attack and its target is one of ``y``'s sources.
    """
    elements: list[str] = [*claims, *(a[2] for a in attacks)]
    by_id = {a[2]: a for a in attacks}

    def defeats(x: str, y: str) -> bool:
        src, tgt, _ = by_id[x]
        return tgt == y or (y in by_id and tgt in by_id[y][0])

    def defeated_by(s: frozenset[str], y: str) -> bool:
        return any(defeats(x, y) for x in s if x in by_id)

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(defeated_by(s, y) for y in s)

    def acceptable(y: str, s: frozenset[str]) -> bool:
        return all(defeated_by(s, b) for b in by_id if defeats(b, y))

    subsets = [
        frozenset(c) for r in range(len(elements) + 1) for c in itertools.combinations(elements, r)
    ]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(acceptable(y, s) for y in s)]
    complete = [s for s in admissible if all(y in s for y in elements if acceptable(y, s))]
    if semantics == "complete":
        chosen = complete
    elif semantics == "grounded":
        chosen = [min(complete, key=len)]
        assert all(chosen[0] <= s for s in complete)
    elif semantics == "preferred":
        chosen = [s for s in admissible if not any(s < t for t in admissible)]
    else:
        chosen = [s for s in cf if all(y in s or defeated_by(s, y) for y in elements)]
    return chosen


def setaf_extensions(
    claims: list[str], attacks: list[Attack], semantics: str
) -> set[frozenset[str]]:
    """The extensions by the SETAF definitions (Nielsen and Parsons), for set attacks
    aimed at claims only."""
    assert all(a[1] in claims for a in attacks)

    def attacks_arg(s: frozenset[str], y: str) -> bool:
        return any(t == y and src <= s for src, t, _ in attacks)

    def conflict_free(s: frozenset[str]) -> bool:
        return not any(attacks_arg(s, y) for y in s)

    def defends(s: frozenset[str], y: str) -> bool:
        return all(any(attacks_arg(s, b) for b in src) for src, t, _ in attacks if t == y)

    subsets = [
        frozenset(c) for r in range(len(claims) + 1) for c in itertools.combinations(claims, r)
    ]
    cf = [s for s in subsets if conflict_free(s)]
    admissible = [s for s in cf if all(defends(s, y) for y in s)]
    complete = [s for s in admissible if all(y in s for y in claims if defends(s, y))]
    if semantics == "complete":
        return set(complete)
    if semantics == "grounded":
        return {min(complete, key=len)}
    if semantics == "preferred":
        return {s for s in admissible if not any(s < t for t in admissible)}
    return {s for s in cf if all(y in s or attacks_arg(s, y) for y in claims)}


def build(claims: list[str], attacks: list[Attack]) -> Framework:
    return Framework.from_links(
        claims, None, [Link("attack", tuple(sorted(src)), tgt, id=rid) for src, tgt, rid in attacks]
    )


def engine(fw: Framework, semantics: str) -> set[frozenset[str]]:
    return {frozenset(e) for e in extensions(fw, semantics)}


def two_claim_frameworks() -> Iterable[tuple[list[str], list[Attack]]]:
    """Every framework of claims a and b: any set of (set) attacks between them, with
    no undercutter or one, aimed at any of those attacks."""
    claims = ["a", "b"]
    sources = [frozenset({"a"}), frozenset({"b"}), frozenset({"a", "b"})]
    possible = [(s, t) for s in sources for t in claims]
    for r in range(len(possible) + 1):
        for chosen in itertools.combinations(possible, r):
            attacks: list[Attack] = [(s, t, f"r{i}") for i, (s, t) in enumerate(chosen)]
            yield claims, attacks
            for s in sources:
                for _, _, victim in attacks:
                    yield claims, [*attacks, (s, victim, "u")]


@pytest.mark.slow
def test_every_two_claim_framework_agrees_with_afra() -> None:
    checked = 0
    for claims, attacks in two_claim_frameworks():
        fw = build(claims, attacks)
        for semantics in SEMANTICS:
            assert engine(fw, semantics) == afra_extensions(claims, attacks, semantics), (
                attacks,
                semantics,
            )
        checked += 1
    assert checked == 640  # 2**6 sets of attacks, each alone or with one of 3 * |attacks| undercuts


@st.composite
def frameworks(draw: st.DrawFn, undercuts: bool = True) -> tuple[list[str], list[Attack]]:
    n = draw(st.integers(1, 4))
    claims = [f"c{i}" for i in range(n)]
    attacks: list[Attack] = []
    seen: set[tuple[frozenset[str], str]] = set()
    for i in range(draw(st.integers(0, 5))):
        src = frozenset(draw(st.sets(st.sampled_from(claims), min_size=1, max_size=3)))
        tgt = draw(st.sampled_from(claims))
        if (src, tgt) not in seen:
            seen.add((src, tgt))
            attacks.append((src, tgt, f"r{i}"))
    if undercuts and attacks:
        for j in range(draw(st.integers(0, 2))):
            src = frozenset(draw(st.sets(st.sampled_from(claims), min_size=1, max_size=2)))
            victim = draw(st.sampled_from([a[2] for a in attacks]))
            if (src, victim) not in seen:
                seen.add((src, victim))
                attacks.append((src, victim, f"u{j}"))
    return claims, attacks


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(frameworks(undercuts=False))
def test_set_attacks_agree_with_the_setaf_definitions(case: tuple[list[str], list[Attack]]) -> None:
    claims, attacks = case
    fw = build(claims, attacks)
    for semantics in SEMANTICS:
        assert engine(fw, semantics) == setaf_extensions(claims, attacks, semantics)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(frameworks())
def test_undercuts_agree_with_the_afra_definitions(case: tuple[list[str], list[Attack]]) -> None:
    claims, attacks = case
    fw = build(claims, attacks)
    for semantics in SEMANTICS:
        assert engine(fw, semantics) == afra_extensions(claims, attacks, semantics)


def test_supports_do_not_enter_and_the_relations_that_stand_are_named() -> None:
    from arggraph.semantics.dung import iter_extensions_with_relations

    fw = Framework.from_links(
        ["p", "q", "c", "u", "s"],
        None,
        [
            Link("attack", ("p", "q"), "c", id="r"),
            Link("attack", ("u",), "r", id="x"),
            Link("support", ("s",), "r", id="backing"),
        ],
    )
    [(claims, standing)] = list(iter_extensions_with_relations(fw, "grounded"))
    # u undercuts the linked attack, so c stands; the support does not enter.
    assert claims == {"p", "q", "c", "u", "s"}
    assert standing == {"x"}
