"""The NumPy rounds the checks use before SciPy: reachability and the peeling of edges
that lie on no cycle, held to SciPy's compiled routines on random graphs, shallow and
deep (a chain longer than the rounds goes on in C)."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse.csgraph import breadth_first_order, connected_components

from arggraph.semantics._sparse import cyclic_edges, ptr_of, reach


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 40))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=80))
    if draw(st.booleans()):  # a long chain, deeper than a few rounds
        edges += [(i, i + 1) for i in range(n - 1)]
    src = np.array([s for s, _ in edges], dtype=np.int64)
    tgt = np.array([t for _, t in edges], dtype=np.int64)
    return n, src, tgt


@pytest.mark.parametrize("rounds", [64, 2])
@settings(max_examples=150, deadline=None)
@given(graphs(), st.data())
def test_reach_is_scipys_breadth_first_search(
    rounds: int, graph: tuple[int, np.ndarray, np.ndarray], data: st.DataObject
) -> None:
    n, src, tgt = graph
    seeds = np.array(data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4)))
    order = np.argsort(src, kind="stable")
    with mock.patch("arggraph.semantics._sparse.SHALLOW_ROUNDS", rounds):
        got = reach(ptr_of(src, n), tgt[order], seeds, n)
    # SciPy, from a virtual node joined to every seed
    rows = np.concatenate([src, np.full(len(seeds), n)])
    cols = np.concatenate([tgt, seeds])
    adj = sp.csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n + 1, n + 1))
    expected = np.zeros(n + 1, dtype=bool)
    expected[breadth_first_order(adj, n, directed=True, return_predecessors=False)] = True
    assert got.tolist() == expected[:n].tolist()


@pytest.mark.parametrize("rounds", [64, 2])
@settings(max_examples=150, deadline=None)
@given(graphs())
def test_peeling_keeps_exactly_the_edges_within_strong_components_and_between_them(
    rounds: int, graph: tuple[int, np.ndarray, np.ndarray]
) -> None:
    n, src, tgt = graph
    with mock.patch("arggraph.semantics._sparse.SHALLOW_ROUNDS", rounds):
        left = cyclic_edges(n, src, tgt)
    adj = sp.csr_matrix((np.ones(len(src), dtype=np.int8), (src, tgt)), shape=(n, n))
    _, labels = connected_components(adj, directed=True, connection="strong")
    on_cycle = (labels[src] == labels[tgt]) & (len(src) > 0)
    if left is None:  # not settled in the rounds: the components decide
        assert rounds == 2
        return
    # an empty remainder exactly when no edge lies on a cycle; every edge on a cycle stays,
    # and what stays has the graph's components
    assert (not left.any()) == (not on_cycle.any())
    assert not (on_cycle & ~left).any()
    if left.any():
        kept = sp.csr_matrix(
            (np.ones(int(left.sum()), dtype=np.int8), (src[left], tgt[left])), shape=(n, n)
        )
        _, again = connected_components(kept, directed=True, connection="strong")
        sizes, sizes_again = np.bincount(labels), np.bincount(again)
        assert sorted(sizes[sizes > 1].tolist()) == sorted(sizes_again[sizes_again > 1].tolist())
