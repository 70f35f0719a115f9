"""Dung semantics against the ICCMA solutions shipped with real frameworks, and against a
brute-force enumeration written here from the definitions."""

from __future__ import annotations

import itertools
import re
import types
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.errors import SemanticsError, UnknownIdError, UsageError
from arggraph.framework import Framework
from arggraph.graph import Graph
from arggraph.model import Claim, GraphModel, Relation
from arggraph.semantics import dung, registry, sat
from arggraph.semantics.dung import (
    acceptance,
    claim_acceptance,
    extensions,
    grounded,
    grounded_codes,
    grounded_labels,
    grounded_mask,
    iter_extensions,
)
from arggraph.semantics.reference import grounded_queue
from arggraph.semantics.registry import EXTENSION, ExtensionName, ExtensionSemantics, extension

NAMES = list(EXTENSION)

ICCMA = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "iccma"


def test_the_function_no_longer_shadows_its_module() -> None:
    import arggraph.semantics
    import arggraph.semantics.dung as module

    assert isinstance(module, types.ModuleType)
    assert module is dung
    assert arggraph.semantics.extensions is module.extensions  # the function, as before
    assert arggraph.semantics.dung is module  # reachable as an attribute, no importlib


# ---------------------------------------------------------------------- ICCMA files
def read_apx(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    args = re.findall(r"^\s*arg\(\s*([^,()\s]+)\s*\)\s*\.", text, re.M)
    atts = re.findall(r"^\s*att\(\s*([^,()\s]+)\s*,\s*([^,()\s]+)\s*\)\s*\.", text, re.M)
    return args, atts


def read_tgf(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    args: list[str] = []
    atts: list[tuple[str, str]] = []
    edges = False
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.strip() == "#":
            edges = True
        elif edges:
            a, b = line.split()[:2]
            atts.append((a, b))
        else:
            args.append(line.split()[0])
    return args, atts


def read_i23(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    n = 0
    atts: list[tuple[str, str]] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0] == "#":
            continue
        if parts[0] == "p":
            n = int(parts[2])
        else:
            atts.append((parts[0], parts[1]))
    return [str(i) for i in range(1, n + 1)], atts


def read_solution(text: str) -> set[frozenset[str]]:
    inner = text.strip()[1:-1]
    return {
        frozenset(x.strip() for x in group.split(",") if x.strip())
        for group in re.findall(r"\[([^\[\]]*)\]", inner)
    }


def iccma_cases() -> list[tuple[str, str]]:
    if not ICCMA.is_dir():
        return []
    return [
        (p.name, code) for p in sorted(ICCMA.glob("*.apx")) for code in ("GR", "CO", "PR", "ST")
    ]


SEMANTICS_OF = {"GR": "grounded", "CO": "complete", "PR": "preferred", "ST": "stable"}


def as_sets(found: Iterable[set[str]]) -> set[frozenset[str]]:
    return {frozenset(e) for e in found}


@pytest.mark.realdata
@pytest.mark.parametrize(("name", "code"), iccma_cases() or [("absent", "GR")])
@pytest.mark.parametrize("syntax", ["apx", "tgf"])
def test_iccma_solutions(name: str, code: str, syntax: str) -> None:
    if name == "absent":
        pytest.skip("../shared/realdata/iccma is not there")
    apx = ICCMA / name
    solution = read_solution((ICCMA / f"{name}.EE-{code}").read_text())
    if syntax == "apx":
        args, atts = read_apx(apx.read_text())
    else:
        args, atts = read_tgf(apx.with_suffix(".tgf").read_text())
    assert atts, "the parser found no attacks"
    fw = Framework.from_edges(args, attacks=atts)
    assert as_sets(extensions(fw, SEMANTICS_OF[code])) == solution


@pytest.mark.realdata
def test_iccma_i23_against_the_brute_force_results_in_sources() -> None:
    path = ICCMA / "taas-fudge_test.i23"
    if not path.exists():
        pytest.skip("../shared/realdata/iccma is not there")
    args, atts = read_i23(path.read_text())
    fw = Framework.from_edges(args, attacks=atts)
    expected = {
        "grounded": [{"5", "6"}],
        "complete": [{"5", "6"}, {"1", "5", "6"}, {"2", "4", "5", "6"}],
        "preferred": [{"1", "5", "6"}, {"2", "4", "5", "6"}],
        "stable": [{"2", "4", "5", "6"}],
    }
    for semantics, sets in expected.items():
        assert as_sets(extensions(fw, semantics)) == as_sets(sets), semantics


# ---------------------------------------------------------------------- brute force
class Brute:
    """Every semantics straight from its definition, by enumerating all subsets."""

    def __init__(self, n: int, attacks: Iterable[tuple[int, int]]) -> None:
        self.n = n
        self.att = {(a, b) for a, b in attacks}
        self.attackers = [{a for a, b in self.att if b == x} for x in range(n)]

    def conflict_free(self, s: frozenset[int]) -> bool:
        return not any((a, b) in self.att for a in s for b in s)

    def defends(self, s: frozenset[int], x: int) -> bool:
        return all(any((c, b) in self.att for c in s) for b in self.attackers[x])

    def admissible(self, s: frozenset[int]) -> bool:
        return self.conflict_free(s) and all(self.defends(s, x) for x in s)

    def subsets(self) -> list[frozenset[int]]:
        return [
            frozenset(c)
            for r in range(self.n + 1)
            for c in itertools.combinations(range(self.n), r)
        ]

    def all_admissible(self) -> list[frozenset[int]]:
        return [s for s in self.subsets() if self.admissible(s)]

    def complete(self) -> set[frozenset[int]]:
        return {
            s
            for s in self.all_admissible()
            if all(x in s for x in range(self.n) if self.defends(s, x))
        }

    def preferred(self) -> set[frozenset[int]]:
        adm = self.all_admissible()
        return {s for s in adm if not any(s < t for t in adm)}

    def stable(self) -> set[frozenset[int]]:
        return {
            s
            for s in self.subsets()
            if self.conflict_free(s)
            and all(any((a, x) in self.att for a in s) for x in range(self.n) if x not in s)
        }

    def grounded(self) -> frozenset[int]:
        """The least fixed point of the characteristic function, iterated from nothing."""
        s: frozenset[int] = frozenset()
        while True:
            nxt = frozenset(x for x in range(self.n) if self.defends(s, x))
            if nxt == s:
                return s
            s = nxt

    def naive(self) -> set[frozenset[int]]:
        free = [s for s in self.subsets() if self.conflict_free(s)]
        return {s for s in free if not any(s < t for t in free)}

    def of(self, semantics: str) -> set[frozenset[int]]:
        if semantics == "grounded":
            return {self.grounded()}
        return {
            "complete": self.complete,
            "preferred": self.preferred,
            "stable": self.stable,
            "admissible": lambda: set(self.all_admissible()),
            "naive": self.naive,
        }[semantics]()


@st.composite
def small_afs(draw: st.DrawFn, max_n: int = 7) -> tuple[int, list[tuple[int, int, float]]]:
    """Attacks with weights; some of weight 0, self-attacks and repeats allowed."""
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, []
    edge = st.tuples(
        st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from([1.0, 1.0, 0.5, 0.0])
    )
    return n, draw(st.lists(edge, max_size=3 * n))


def build(n: int, edges: list[tuple[int, int, float]]) -> tuple[Framework, Brute]:
    ids = [f"a{i}" for i in range(n)]
    fw = Framework.from_edges(ids, attacks=[(ids[a], ids[b], w) for a, b, w in edges])
    return fw, Brute(n, [(a, b) for a, b, w in edges if w > 0])


def named(sets: Iterable[frozenset[int]]) -> set[frozenset[str]]:
    return {frozenset(f"a{i}" for i in s) for s in sets}


@settings(max_examples=150, deadline=None)
@given(small_afs())
def test_every_semantics_equals_brute_force(af: tuple[int, list[tuple[int, int, float]]]) -> None:
    fw, brute = build(*af)
    for semantics in NAMES:
        assert as_sets(extensions(fw, semantics)) == named(brute.of(semantics)), semantics


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(small_afs())
def test_dung_properties(af: tuple[int, list[tuple[int, int, float]]]) -> None:
    fw, brute = build(*af)
    index = {f"a{i}": i for i in range(fw.n)}
    gr = frozenset(index[c] for c in grounded(fw))
    complete = [frozenset(index[c] for c in e) for e in extensions(fw, "complete")]
    preferred = [frozenset(index[c] for c in e) for e in extensions(fw, "preferred")]
    stable = [frozenset(index[c] for c in e) for e in extensions(fw, "stable")]
    assert brute.conflict_free(gr)
    assert brute.admissible(gr)
    assert all(gr <= e for e in complete)
    assert gr in complete
    assert min(complete, key=len) == gr  # the least complete extension
    assert all(s in preferred for s in stable)
    assert set(preferred) == {
        s for s in brute.all_admissible() if not any(s < t for t in brute.all_admissible())
    }


@settings(max_examples=120, deadline=None)
@given(small_afs(), st.sampled_from(NAMES))
def test_acceptance_equals_brute_force(
    af: tuple[int, list[tuple[int, int, float]]], semantics: str
) -> None:
    fw, brute = build(*af)
    exts = brute.of(semantics)
    got = acceptance(fw, semantics)
    for i in range(fw.n):
        cid = f"a{i}"
        want = {"credulous": any(i in e for e in exts), "sceptical": all(i in e for e in exts)}
        assert got[cid] == want, (cid, semantics)
        assert claim_acceptance(fw, cid, semantics) == want, (cid, semantics)


def test_weight_zero_attacks_and_supports_do_not_count() -> None:
    with_zero = Framework.from_edges(
        ["a", "b", "c"], attacks=[("a", "b", 0.0), ("c", "b")], supports=[("a", "c")]
    )
    without = Framework.from_edges(["a", "b", "c"], attacks=[("c", "b")])
    for semantics in NAMES:
        assert extensions(with_zero, semantics) == extensions(without, semantics)
    assert grounded(Framework.from_edges(["a", "b"], attacks=[("a", "b", 0.0)])) == {"a", "b"}


def test_self_attacks() -> None:
    fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "a"), ("a", "b"), ("c", "c")])
    assert grounded_labels(fw) == {"a": "undec", "b": "undec", "c": "undec"}
    assert extensions(fw, "preferred") == [set()]
    assert extensions(fw, "stable") == []
    # a self-attacker defeated from outside is simply out
    fw = Framework.from_edges(["a", "b"], attacks=[("a", "b"), ("b", "b")])
    assert grounded_labels(fw) == {"a": "in", "b": "out"}
    assert extensions(fw, "stable") == [{"a"}]


def test_no_stable_extension_makes_sceptical_acceptance_vacuous() -> None:
    odd = Framework.from_edges(
        ["a", "b", "c", "d"], attacks=[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
    )
    assert extensions(odd, "stable") == [{"b", "d"}]
    fw = Framework.from_edges(
        ["a", "b", "c", "d"], attacks=[("a", "b"), ("b", "c"), ("c", "a"), ("d", "d")]
    )
    assert extensions(fw, "stable") == []
    acc = acceptance(fw, "stable")
    assert all(v == {"credulous": False, "sceptical": True} for v in acc.values())
    assert claim_acceptance(fw, "d", "stable") == {"credulous": False, "sceptical": True}


def test_graph_input_and_empty_graph() -> None:
    model = GraphModel(
        id="g",
        claims=[
            Claim(id="p", text="P", kind="position"),
            Claim(id="q", text="Q"),
            Claim(id="r", text="R"),
        ],
        relations=[
            Relation(type="attack", source="q", target="p"),
            Relation(type="attack", source="r", target="q", weight=0.0),
            Relation(type="support", source="r", target="p"),
        ],
    )
    g = Graph(model)
    assert grounded(g) == {"q", "r"}
    assert grounded_labels(g) == {"p": "out", "q": "in", "r": "in"}
    assert acceptance(g, "grounded")["p"] == {"credulous": False, "sceptical": False}
    empty = Framework.from_edges([])
    assert grounded(empty) == set()
    assert grounded_mask(empty).shape == (0,)
    for semantics in NAMES:
        assert extensions(empty, semantics) == [set()]
        assert acceptance(empty, semantics) == {}


def test_order_is_deterministic_and_limit_applies() -> None:
    # four independent 2-cycles: 3**4 complete extensions, 2**4 preferred = stable
    ids = [f"x{i}" for i in range(8)]
    atts = [(ids[i], ids[i + 1]) for i in range(0, 8, 2)] + [
        (ids[i + 1], ids[i]) for i in range(0, 8, 2)
    ]
    fw = Framework.from_edges(ids, attacks=atts)
    complete = extensions(fw, "complete")
    assert len(complete) == 81
    assert complete == sorted(complete, key=sorted)
    assert len(extensions(fw, "preferred")) == 16
    assert as_sets(extensions(fw, "stable")) == as_sets(extensions(fw, "preferred"))
    assert len(extensions(fw, "complete", limit=5)) == 5
    assert len(list(iter_extensions(fw, "preferred", limit=3))) == 3
    assert extensions(fw, "grounded", limit=1) == [set()]


def test_bad_requests() -> None:
    fw = Framework.from_edges(["a"])
    with pytest.raises(SemanticsError, match="grounded, complete, preferred, stable"):
        extensions(fw, "semi-stable")
    with pytest.raises(SemanticsError):
        acceptance(fw, "ideal")
    with pytest.raises(UsageError):
        extensions(fw, "preferred", limit=0)
    with pytest.raises(UnknownIdError):
        claim_acceptance(fw, "nope")


# ---------------------------------------------------------------------- the registry
def admissible_encoding(k: int, src: np.ndarray, tgt: np.ndarray) -> tuple[list[list[int]], int]:
    """Admissible labellings: the complete ones without "every attacker out makes it in"
    (``in(a) = a+1``, ``out(a) = k+a+1``)."""
    clauses = [[-(a + 1), -(k + a + 1)] for a in range(k)]
    attackers: list[list[int]] = [[] for _ in range(k)]
    for s_, t_ in zip(src.tolist(), tgt.tolist(), strict=True):
        clauses.append([-(s_ + 1), k + t_ + 1])  # an attacker in puts its target out
        clauses.append([-(t_ + 1), k + s_ + 1])  # a target in needs each attacker out
        attackers[t_].append(s_)
    clauses += [[-(k + a + 1), *(b + 1 for b in attackers[a])] for a in range(k)]
    return clauses, 2 * k


def conflict_free_encoding(k: int, src: np.ndarray, tgt: np.ndarray) -> tuple[list[list[int]], int]:
    return [[-(s_ + 1), -(t_ + 1)] for s_, t_ in zip(src.tolist(), tgt.tolist(), strict=True)], k


#: Two semantics that do not refine the grounded one (the empty set is admissible; a naive
#: set may leave out an unattacked claim), built only from what sat.py offers.
TOYS = {
    "admissible": ExtensionSemantics(
        "admissible",
        "admissible",
        "conflict-free sets that defend each of their claims",
        "Dung 1995",
        load_solver=lambda: sat.SatSemantics(admissible_encoding),
        refines_grounded=False,
    ),
    "naive": ExtensionSemantics(
        "naive",
        "naive",
        "maximal conflict-free sets",
        "Bondarenko et al. 1997",
        load_solver=lambda: sat.SatSemantics(conflict_free_encoding, maximal=True),
        refines_grounded=False,
    ),
}


def test_the_names_type_equals_the_table() -> None:
    assert list(registry._names(ExtensionName)) == list(EXTENSION)


def test_the_table_is_coherent() -> None:
    for entry in EXTENSION.values():
        solver = entry.solver()
        assert solver is None or isinstance(solver, sat.SatSemantics), entry.name
        if solver is None:  # the grounded extension itself
            assert entry.unique, entry.name
            assert entry.refines_grounded, entry.name
        assert extension(entry.name) is entry


def test_old_name_is_a_deprecated_alias() -> None:
    with pytest.warns(DeprecationWarning, match="registry.EXTENSION"):
        old = dung.EXTENSION_SEMANTICS
    assert old == tuple(EXTENSION) == ("grounded", "complete", "preferred", "stable")
    with pytest.raises(AttributeError):
        getattr(dung, "NO_SUCH_NAME")  # noqa: B009 (the module's __getattr__ raises)


@pytest.fixture
def toys(monkeypatch: pytest.MonkeyPatch) -> dict[str, ExtensionSemantics]:
    """The toy entries added to the table, and the grounded one under another name."""
    added = {**TOYS, "wellfounded": replace(EXTENSION["grounded"], name="wellfounded")}
    for name, entry in added.items():
        monkeypatch.setitem(EXTENSION, name, entry)
    return added


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # the fixture only adds entries to the table: nothing to reset between examples
@given(af=small_afs())
def test_a_new_table_entry_is_all_it_takes(
    toys: dict[str, ExtensionSemantics], af: tuple[int, list[tuple[int, int, float]]]
) -> None:
    fw, brute = build(*af)
    for name in toys:
        exts = brute.of("grounded" if name == "wellfounded" else name)
        assert as_sets(extensions(fw, name)) == named(exts), name
        got = acceptance(fw, name)
        for i in range(fw.n):
            cid = f"a{i}"
            want = {"credulous": any(i in e for e in exts), "sceptical": all(i in e for e in exts)}
            assert got[cid] == want, (name, cid)
            assert claim_acceptance(fw, cid, name) == want, (name, cid)


def test_a_toy_entry_differs_from_what_grounded_decides(toys: object) -> None:
    """a -> b -> c: grounded {a, c}; naive also holds {b} (it does not refine grounded)."""
    fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b"), ("b", "c")])
    assert extensions(fw, "naive") == [{"a", "c"}, {"b"}]
    assert extensions(fw, "admissible") == [set(), {"a"}, {"a", "c"}]
    assert acceptance(fw, "naive")["b"] == {"credulous": True, "sceptical": False}
    assert claim_acceptance(fw, "a", "admissible") == {"credulous": True, "sceptical": False}
    with pytest.raises(SemanticsError, match="did you mean 'naive'"):
        extensions(fw, "naiv")


# ---------------------------------------------------------------------- grounded engine
def shapes(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Mixed structure: random attacks, chains of single attackers, cycles, self-attacks."""
    kind = rng.integers(0, 4)
    if kind == 0:
        m = int(rng.integers(0, 3 * n))
        return rng.integers(0, n, m), rng.integers(0, n, m)
    perm = rng.permutation(n)
    src, tgt = perm[:-1], perm[1:]
    if kind == 1:  # a shuffled chain, closed into a cycle half the time
        if rng.random() < 0.5:
            src, tgt = np.append(src, perm[-1]), np.append(tgt, perm[0])
        return src, tgt
    extra = int(rng.integers(1, n))
    es, et = rng.integers(0, n, extra), rng.integers(0, n, extra)
    if kind == 2:  # a chain with random shortcuts and some self-attacks
        return np.concatenate([src, es, es[:3]]), np.concatenate([tgt, et, es[:3]])
    # every claim attacked by the two before it: no single-attacker paths at all
    i = np.arange(2, n)
    return (
        np.concatenate([[perm[0]], perm[i - 1], perm[i - 2]]),
        np.concatenate([[perm[1]], perm[i], perm[i]]),
    )


@pytest.mark.parametrize(
    ("small", "thin", "wide"),
    [(0, 128, 1024), (0, 0, 1 << 30), (0, 1 << 30, 1 << 30), (0, 1 << 30, 4), (1 << 30, 0, 0)],
)
def test_grounded_engine_matches_plain_queue_on_every_path(
    monkeypatch: pytest.MonkeyPatch, small: int, thin: int, wide: int
) -> None:
    """Force vectorised rounds only, the queue only, constant switching between them, and
    the small-framework path."""
    monkeypatch.setattr(dung, "SMALL", small)
    monkeypatch.setattr(dung, "THIN", thin)
    monkeypatch.setattr(dung, "WIDE", wide)
    rng = np.random.default_rng(7)
    for _ in range(40):
        n = int(rng.integers(3, 2000))
        src, tgt = shapes(rng, n)
        fw = Framework(
            tuple(map(str, range(n))),
            np.full(n, 0.5),
            src.astype(np.int64),
            tgt.astype(np.int64),
            np.ones(len(src)),
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0),
        )
        assert grounded_codes(fw).tolist() == grounded_queue(n, src.tolist(), tgt.tolist())


@settings(max_examples=200, deadline=None)
@given(small_afs(max_n=12))
def test_vectorised_grounded_equals_the_least_fixed_point(
    af: tuple[int, list[tuple[int, int, float]]],
) -> None:
    """The array engine (not the small-framework queue) on self-attacks, repeated attacks,
    attacks of weight 0, rounds only and queue only."""
    fw, brute = build(*af)
    want = {f"a{i}" for i in brute.grounded()}
    for thin in (0, 1 << 30):
        with mock.patch.object(dung, "SMALL", 0), mock.patch.object(dung, "THIN", thin):
            assert grounded(fw) == want


def test_grounded_on_a_long_chain_alternates() -> None:
    n = 100_001
    src = np.arange(n - 1, dtype=np.int64)
    fw = Framework(
        tuple(map(str, range(n))),
        np.full(n, 0.5),
        src,
        src + 1,
        np.ones(n - 1),
        np.zeros(0, np.int64),
        np.zeros(0, np.int64),
        np.zeros(0),
    )
    mask = grounded_mask(fw)
    assert mask[::2].all()
    assert not mask[1::2].any()
