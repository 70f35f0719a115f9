"""Dung's extension semantics: which sets of claims can stand together.

Only the ``attack`` relation counts (supports are ignored, and an attack of weight 0
does not count: a user who scores a rebuttal as irrelevant has withdrawn it). A set of
claims is *conflict-free* when none attacks another, *admissible* when it also
counter-attacks every attacker of its members, and

- *complete* when it is admissible and holds every claim it defends;
- *grounded*: the least complete extension, what every reasonable reader must accept
  (unique; computed in linear time, below);
- *preferred*: a maximal admissible (equivalently, maximal complete) set;
- *stable*: a conflict-free set that attacks every claim outside it (there may be none).

A claim is *credulously* accepted when some extension holds it, *sceptically* when every
one does.

>>> from arggraph.framework import Framework
>>> fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b"), ("b", "a"), ("b", "c")])
>>> grounded(fw)
set()
>>> [sorted(e) for e in extensions(fw, "preferred")]
[['a', 'c'], ['b']]
>>> acceptance(fw, "preferred")["c"]
{'credulous': True, 'sceptical': False}

**Grounded in linear time, vectorised.** The grounded labelling is the least fixed point
of "IN when every attacker is OUT; OUT when some attacker is IN": a queue of claims whose
attackers are all out, each edge looked at once. A plain Python queue spends a
microsecond per edge; NumPy pays a fixed cost per call. So the engine

1. *contracts chains first*: a claim with exactly one attacker is that attacker's
   opposite (IN for OUT, OUT for IN, undecided for undecided), so every claim on a path of
   single attackers takes its label from the path's first claim with zero or several
   attackers (its *anchor*) and the parity of its distance to it. Pointer jumping finds
   anchors and parities in ``log2(depth)`` vectorised steps; paths that close into a cycle
   of single attackers have no anchor and stay undecided. A million-claim attack chain is
   thus answered without a million rounds. (This step does ``O(h log d)`` work for ``h``
   single-attacker claims on paths up to ``d`` long; the propagation below looks at each
   contracted edge once, so the whole is linear up to that logarithm.)
2. *propagates over anchors*, each contracted edge signed by that parity, one frontier per
   vectorised round (gather the out-edges of everything just labelled, mark OUT what an IN
   reaches, count down the rest), while the frontier is wide;
3. *falls back to a Python queue* when the frontier thins out (fewer than ``THIN``
   edges), and back to rounds when the queue widens again, so the cost is never the
   number of rounds times NumPy's per-call overhead.

Small frameworks (fewer than ``SMALL`` claims plus attacks) skip all this and run the
plain queue, which is faster there. The out-edges are grouped by one (SIMD) sort of
64-bit keys (anchor, target, sign), not by ``argsort``; see
``benchmarks/bench_extensions.py`` for the figures.

**Complete, preferred, stable through SAT.** Every complete labelling agrees with the
grounded one on the claims the latter decides, so only the undecided *core* goes to the
solver (:mod:`arggraph.semantics.sat`, CaDiCaL through python-sat).

**One table.** The semantics, and how each is computed, are the entries of
:data:`arggraph.semantics.registry.EXTENSION`: an entry's solver (an encoding and
whether its extensions are the maximal models), and its flags (``unique``,
``may_have_none``, ``sceptical_is_grounded``, ``refines_grounded``) are all this module
reads, so a new semantics is a new entry; no name is compared here.
"""

from __future__ import annotations

import warnings
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ..errors import SemanticsError, UsageError
from ..framework import BoolArray, Framework, IntArray
from .registry import EXTENSION, ExtensionSemantics, extension

if TYPE_CHECKING:
    from ..graph import Graph
    from .sat import SatSemantics

__all__ = [
    "acceptance",
    "claim_acceptance",
    "extensions",
    "grounded",
    "grounded_codes",
    "grounded_labels",
    "grounded_mask",
    "grounded_relation_labels",
    "flatten",
    "iter_extensions",
    "iter_extensions_with_relations",
]

if TYPE_CHECKING:
    #: Deprecated: the names of :data:`arggraph.semantics.registry.EXTENSION`, in order.
    EXTENSION_SEMANTICS: tuple[str, ...]
else:

    def __getattr__(name: str) -> object:
        """``EXTENSION_SEMANTICS``, deprecated: read the registry's table instead."""
        if name == "EXTENSION_SEMANTICS":
            warnings.warn(
                "arggraph.semantics.dung.EXTENSION_SEMANTICS is deprecated and will be "
                "removed in the next release; use arggraph.semantics.registry.EXTENSION "
                "(its keys are the names, in the same order)",
                DeprecationWarning,
                stacklevel=2,
            )
            return tuple(EXTENSION)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Label codes of :func:`grounded_codes`.
UNDEC, IN, OUT = 0, 1, 2
_NAMES = ("undec", "in", "out")

#: Frameworks with fewer claims plus attacks than this run the plain queue alone: below
#: a few thousand, building arrays costs more than the whole Python loop.
SMALL = 4096
#: Below this many edges in a frontier, a Python queue beats a vectorised round.
THIN = 128
#: A Python queue longer than this goes back to vectorised rounds.
WIDE = 1024

Int8Array = npt.NDArray[np.int8]

_MAX = np.iinfo(np.int64).max


# ---------------------------------------------------------------------- inputs
def _framework(graph_or_fw: Graph | Framework) -> Framework:
    """The attack framework the semantics run on: the framework itself when its attacks
    are single and aimed at claims, else its flattening (:func:`flatten`), whose first
    ``n`` arguments are the claims."""
    fw = graph_or_fw if isinstance(graph_or_fw, Framework) else graph_or_fw.framework
    return flatten(fw)


def _claim_count(fw: Framework) -> int:
    """How many arguments of ``fw`` (from :func:`_framework`) are claims: the first ones,
    then a flattening's attacks. A flattening's index holds the claims alone; any other
    framework's arguments are all claims (no index built to count them)."""
    index = fw._index
    return fw.n if index is None else len(index)


_FLAT: weakref.WeakKeyDictionary[Framework, Framework] = weakref.WeakKeyDictionary()


def flatten(fw: Framework) -> Framework:
    """An equivalent framework of single attacks between arguments, for one with set
    attacks (linked premises) or attacks on attacks (undercutters).

    The semantics are AFRA's (Baroni, Cerutti, Giacomin and Guida, "AFRA: Argumentation
    framework with recursive attacks", International Journal of Approximate Reasoning 52,
    2011), with an attack's source allowed to be a set, as in SETAFs (Nielsen and Parsons,
    "A generalization of Dung's abstract framework for argumentation: arguing with sets of
    attacking arguments", ArgMAS 2006): an attack defeats its target (a claim, or an
    attack), and it defeats every attack one of whose sources is its target (a set attacks
    only while all its members stand). Every attack of weight above 0 becomes an argument
    of its own, after the claims (named ``\x00`` and its relation id, so no claim id can
    clash), and the defeats become single attacks between arguments; arguments never
    attack by themselves. Supports, and attacks aimed at supports, do not enter. Claims
    come first, so projecting an extension onto the claims is keeping indices below ``n``;
    the attacks in an extension are the relations that stand. A framework without set
    attacks or attacks on attacks is returned as it is (Dung's semantics, the same answers
    and the same speed).

    >>> from arggraph.framework import Link
    >>> fw = Framework.from_links(["p", "q", "c", "u"], None,
    ...     [Link("attack", ("p", "q"), "c", id="r"), Link("attack", ("u",), "r", id="x")])
    >>> flat = flatten(fw)
    >>> flat.n, sorted((flat.ids[s], flat.ids[t]) for s, t in zip(flat.att_src, flat.att_tgt))
    (6, [('r', 'c'), ('x', 'r')])
    """
    if not fw.k:
        return fw
    found = _FLAT.get(fw)
    if found is None:
        found = _flatten(fw)
        _FLAT[fw] = found
    return found


def _flatten(fw: Framework) -> Framework:
    """The flattening, built with NumPy: its cost is the number of defeats (each attack on a
    claim defeats every attack sourced at that claim)."""
    from ._sparse import expand, group

    n = fw.n
    keep = fw.att_w > 0.0
    plain = np.flatnonzero(keep)
    n_plain = len(plain)
    attacking = np.flatnonzero(~fw.inf_sup & (fw.inf_w > 0.0))
    # Attack j: a plain attack (j < n_plain) or an attacking inference.
    counts = np.concatenate([np.ones(n_plain, dtype=np.int64), np.diff(fw.inf_ptr)[attacking]])
    prem_starts = fw.inf_ptr[attacking]
    prem = fw.inf_prem[expand(prem_starts, np.diff(fw.inf_ptr)[attacking])]
    att_sources = np.concatenate([fw.att_src[plain], prem]).astype(np.int64)
    att_of_source = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    targets = np.concatenate([fw.att_tgt[plain], fw.inf_tgt[attacking]]).astype(np.int64)
    names = (*(fw.att_ids[i] for i in plain.tolist()), *(fw.inf_rel[i] for i in attacking.tolist()))
    m = len(targets)
    # An attack aimed at an inference aims at that inference's argument, if it attacks
    # and weighs anything (an attack on a support, or on a weightless one, falls away).
    arg_of_node = np.full(n + fw.k, -1, dtype=np.int64)
    arg_of_node[:n] = np.arange(n)
    arg_of_node[n + attacking] = n + n_plain + np.arange(len(attacking))
    target_arg = arg_of_node[targets]
    live = target_arg >= 0
    direct_src = n + np.flatnonzero(live)
    direct_tgt = target_arg[live]
    # Indirect defeats: an attack on claim c defeats every attack one of whose sources is c.
    ptr, order = group(att_sources, n)
    on_claim = np.flatnonzero(live & (targets < n))
    c = targets[on_claim]
    starts = ptr[c]
    lens = ptr[c + 1] - starts
    victims = att_of_source[order[expand(starts, lens)]]
    indirect_src = n + np.repeat(on_claim, lens)
    src = np.concatenate([direct_src, indirect_src])
    tgt = np.concatenate([direct_tgt, n + victims])
    empty = np.zeros(0, dtype=np.int64)
    return Framework(
        (*fw.ids, *names),
        np.full(n + m, 0.5),
        src,
        tgt,
        np.ones(len(src)),
        empty,
        empty,
        np.zeros(0),
        # Lookups by id find claims only (an attack's relation id may equal a claim's
        # in a file of the first version of the format).
        _index=fw.index,
    )


def _attacks(fw: Framework) -> tuple[IntArray, IntArray]:
    """The attacks that count: weight above 0."""
    src = np.asarray(fw.att_src, dtype=np.int64)
    tgt = np.asarray(fw.att_tgt, dtype=np.int64)
    w = fw.att_w
    if w.size and not bool((w > 0).all()):
        keep = w > 0
        src, tgt = src[keep], tgt[keep]
    return src, tgt


# ---------------------------------------------------------------------- grounded
def _dedupe(a: IntArray, scratch: IntArray) -> IntArray:
    """``a`` without repeats, in O(len(a)) rather than a sort.

    Each position writes its own number into ``scratch`` at its value; whichever write
    lands, exactly one position per value reads its own number back.
    """
    if a.size < 2:
        return a
    k = np.arange(a.size)
    scratch[a] = k
    out: IntArray = a[scratch[a] == k]
    return out


class _Contracted:
    """Single-attacker paths folded into their anchors; signed CSR over the anchors."""

    def __init__(self, n: int, src: IntArray, tgt: IntArray) -> None:
        indeg = np.bincount(tgt, minlength=n)
        single = indeg == 1
        into = single[tgt]
        ptr = np.arange(n, dtype=np.int64)
        par = np.zeros(n, dtype=np.int8)
        hanging = tgt[into]
        ptr[hanging] = src[into]
        par[hanging] = 1
        # Pointer jumping: after j steps each pointer has moved 2**j claims up its path or
        # stopped at the anchor (which points at itself with parity 0).
        active = hanging[single[ptr[hanging]]]
        for _ in range(n.bit_length() + 1):
            if not active.size:
                break
            up = ptr[active]
            par[active] ^= par[up]
            ptr[active] = ptr[up]
            active = active[single[ptr[active]]]
        # Whatever still points at a single-attacker claim lies on a cycle of them.
        self.looped = active
        code = ptr << 32
        code |= par
        if active.size:
            code[active] = _MAX
        # One key per edge into an anchor: (anchor of the source, target, parity); edges
        # into single-attacker claims and from looped claims sort last and are cut off.
        # Edges from looped claims never fire, so their targets never count down to IN.
        if n >= 1 << 31:  # pragma: no cover - beyond memory anyway
            raise SemanticsError("frameworks of 2**31 claims or more are not supported")
        key = code[src]
        key |= tgt << 1
        key[into] = _MAX
        key.sort()
        key = key[: int(np.searchsorted(key, _MAX))]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(key >> 32, minlength=n), out=indptr[1:])
        self.n = n
        self.indeg = indeg
        self.single = single
        self.ptr = ptr
        self.par = par
        self.indptr = indptr
        self.cols = key & 0xFFFFFFFF  # target << 1 | parity

    def label(self) -> Int8Array:
        label = np.zeros(self.n, dtype=np.int8)
        count = self.indeg.copy()
        frontier = np.flatnonzero(self.indeg == 0)
        label[frontier] = IN
        self._propagate(label, count, frontier)
        # Claims on single-attacker paths: their anchor's label, flipped on odd parity.
        tree = self.single
        if self.looped.size:
            tree = tree.copy()
            tree[self.looped] = False
        hang = np.flatnonzero(tree)
        lab = label[self.ptr[hang]]
        flip = (self.par[hang] == 1) & (lab != UNDEC)
        lab[flip] = 3 - lab[flip]
        label[hang] = lab
        return label

    def _propagate(self, label: Int8Array, count: IntArray, frontier: IntArray) -> None:
        indptr, cols = self.indptr, self.cols
        scratch = np.empty(self.n, dtype=np.int64)
        from_queue = False
        while frontier.size:
            starts = indptr[frontier]
            lens = indptr[frontier + 1] - starts
            total = int(lens.sum())
            if total < THIN and not from_queue:
                frontier = self._queue(label, count, frontier)
                # A queue that widened hands over at least WIDE claims: one vectorised
                # round takes them all, so the two never bounce a frontier back and forth.
                from_queue = True
                continue
            from_queue = False
            ends = np.cumsum(lens)
            pos = np.arange(total) + np.repeat(starts - (ends - lens), lens)
            c = cols[pos]
            z = c >> 1
            # The source's effective label: the anchor's, flipped on odd parity.
            hits = np.repeat(label[frontier] == IN, lens) ^ (c & 1).astype(np.bool_)
            kill = z[hits]
            kill = kill[label[kill] == UNDEC]
            label[kill] = OUT
            kill = _dedupe(kill, scratch)
            down = z[~hits]
            np.subtract.at(count, down, 1)
            born = down[(count[down] == 0) & (label[down] == UNDEC)]
            label[born] = IN
            born = _dedupe(born, scratch)
            frontier = np.concatenate((kill, born))

    def _queue(self, label: Int8Array, count: IntArray, frontier: IntArray) -> IntArray:
        """The same propagation one claim at a time, until done or wide again."""
        lab = label.data
        cnt = count.data
        ip = self.indptr.data
        cl = self.cols.data
        queue = deque(frontier.tolist())
        pop, push = queue.popleft, queue.append
        while queue:
            a = pop()
            a_in = lab[a] == IN
            for e in range(ip[a], ip[a + 1]):
                c = cl[e]
                z = c >> 1
                if a_in != (c & 1):  # the source is effectively IN: z is OUT
                    if lab[z] == UNDEC:
                        lab[z] = OUT
                        push(z)
                else:  # effectively OUT: one attacker fewer to wait for
                    left = cnt[z] - 1
                    cnt[z] = left
                    if left == 0 and lab[z] == UNDEC:
                        lab[z] = IN
                        push(z)
            if len(queue) > WIDE:
                return np.fromiter(queue, dtype=np.int64, count=len(queue))
        return np.zeros(0, dtype=np.int64)


def grounded_codes(fw: Framework) -> Int8Array:
    """The grounded labelling as an array: 1 IN, 2 OUT, 0 undecided, by claim index.

    >>> fw = Framework.from_edges(["a", "b", "c", "d"],
    ...                           attacks=[("a", "b"), ("b", "c"), ("d", "d")])
    >>> grounded_codes(fw).tolist()
    [1, 2, 1, 0]
    """
    src, tgt = _attacks(fw)
    if fw.n == 0:
        return np.zeros(0, dtype=np.int8)
    if fw.n + src.size < SMALL:
        return _small(fw.n, src.tolist(), tgt.tolist())
    return _Contracted(fw.n, src, tgt).label()


def _small(n: int, src: list[int], tgt: list[int]) -> Int8Array:
    """The plain queue, for small frameworks: each attack looked at once or twice."""
    out: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for s, t in zip(src, tgt, strict=True):
        out[s].append(t)
        waiting[t] += 1
    label = [UNDEC] * n
    queue = deque(i for i in range(n) if waiting[i] == 0)
    for i in queue:
        label[i] = IN
    while queue:
        for b in out[queue.popleft()]:
            if label[b] == UNDEC:
                label[b] = OUT
                for c in out[b]:
                    waiting[c] -= 1
                    if waiting[c] == 0 and label[c] == UNDEC:
                        label[c] = IN
                        queue.append(c)
    return np.array(label, dtype=np.int8)


def grounded_mask(fw: Framework) -> BoolArray:
    """The grounded extension as a boolean array by claim index (True = in).

    The array-level entry point for internal callers and benchmarks: no ids, no sets.

    >>> grounded_mask(Framework.from_edges(["a", "b"], attacks=[("a", "b")])).tolist()
    [True, False]
    """
    mask: BoolArray = grounded_codes(fw) == IN
    return mask


def grounded(graph_or_fw: Graph | Framework) -> set[str]:
    """The grounded extension: the ids of the claims every reader must accept.

    The least fixed point of Dung's characteristic function on the attack relation:
    the claims nothing attacks, the claims they defend, and so on. Every framework has
    exactly one (possibly empty) grounded extension.

    Takes a :class:`~arggraph.graph.Graph` (its :attr:`~arggraph.graph.Graph.framework`
    is used) or a :class:`~arggraph.framework.Framework`. Only attacks count, and only
    those of weight above 0; supports and base scores are ignored. Returns a ``set`` of
    claim ids (empty for an empty graph). Time near-linear in claims plus attacks (see
    the module's notes).

    Raises :class:`~arggraph.errors.SemanticsError` only for a framework of 2**31 claims
    or more; any other framework has its grounded extension.

    References:
      P. M. Dung. On the acceptability of arguments and its fundamental role in
      nonmonotonic reasoning, logic programming and n-person games. Artificial
      Intelligence 77(2) (1995), 321-357.

    >>> fw = Framework.from_edges(["a", "b", "c", "d"],
    ...                           attacks=[("a", "b"), ("b", "c"), ("d", "d")])
    >>> sorted(grounded(fw))  # a is unattacked; it defeats b, which frees c; d is undecided
    ['a', 'c']
    >>> grounded(Framework.from_edges(["a", "b"], attacks=[("a", "b"), ("b", "a")]))
    set()
    """
    fw = _framework(graph_or_fw)
    ids, n = fw.ids, _claim_count(fw)
    return {ids[i] for i in np.flatnonzero(grounded_mask(fw)[:n]).tolist()}


def grounded_labels(graph_or_fw: Graph | Framework) -> dict[str, str]:
    """Each claim's grounded label: ``"in"``, ``"out"`` or ``"undec"``.

    >>> grounded_labels(Framework.from_edges(["a", "b", "c"],
    ...                                      attacks=[("a", "b"), ("c", "c")]))
    {'a': 'in', 'b': 'out', 'c': 'undec'}
    """
    fw = _framework(graph_or_fw)
    n = _claim_count(fw)
    codes = grounded_codes(fw)[:n].tolist()
    return {cid: _NAMES[c] for cid, c in zip(fw.ids[:n], codes, strict=True)}


def grounded_relation_labels(graph_or_fw: Graph | Framework) -> dict[str, str]:
    """Each attack's grounded label in the flattening (:func:`flatten`), by relation id:
    ``"in"`` where it stands, ``"out"`` where something that stands defeats it,
    ``"undec"`` otherwise. Only a framework with set attacks (linked premises) or
    attacks on attacks has attacks as arguments; for any other the result is empty (an
    attack there stands exactly when its source is in).

    >>> from arggraph.framework import Link
    >>> fw = Framework.from_links(["p", "c", "u", "v"], None, [
    ...     Link("attack", ("p",), "c", id="r"), Link("attack", ("u",), "r", id="x"),
    ...     Link("attack", ("v",), "x", id="y")])
    >>> sorted(grounded_relation_labels(fw).items())  # y defeats x: r stands, defeats c
    [('r', 'in'), ('x', 'out'), ('y', 'in')]
    """
    fw = _framework(graph_or_fw)
    n = _claim_count(fw)
    codes = grounded_codes(fw)[n:].tolist()
    return {rid: _NAMES[c] for rid, c in zip(fw.ids[n:], codes, strict=True)}


# ---------------------------------------------------------------------- the core
class _Core:
    """The claims the solver decides, renumbered for it: those the grounded labelling
    leaves undecided when the semantics refines it (``codes`` is that labelling, computed
    here unless given), else every claim."""

    def __init__(
        self, fw: Framework, entry: ExtensionSemantics, codes: Int8Array | None = None
    ) -> None:
        src, tgt = _attacks(fw)
        self.ids = fw.ids
        if entry.refines_grounded:
            if codes is None:
                codes = grounded_codes(fw)
            self.inside = np.flatnonzero(codes == IN)
            self.members = np.flatnonzero(codes == UNDEC)
        else:
            self.inside = np.zeros(0, dtype=np.int64)
            self.members = np.arange(fw.n, dtype=np.int64)
        self.k = int(self.members.size)
        where = np.full(fw.n, -1, dtype=np.int64)
        where[self.members] = np.arange(self.k)
        s, t = where[src], where[tgt]
        keep = (s >= 0) & (t >= 0)
        self.src, self.tgt = s[keep], t[keep]

    def args_of(self, chosen: Iterable[int]) -> list[int]:
        """The arguments of an extension: those grounded accepts, and the chosen ones."""
        members = self.members
        return [*self.inside.tolist(), *(int(members[a]) for a in chosen)]

    def ids_of(self, chosen: Iterable[int], n: int) -> set[str]:
        """An extension's claim ids (arguments ``n`` and above are attacks, not claims)."""
        ids = self.ids
        return {ids[i] for i in self.args_of(chosen) if i < n}


def iter_extensions(
    graph_or_fw: Graph | Framework, semantics: str = "grounded", *, limit: int | None = None
) -> Iterator[set[str]]:
    """The extensions one at a time, as the solver finds them (at most ``limit``).

    For a progress display or an early stop; :func:`extensions` sorts them. Raises what
    :func:`extensions` raises, when first advanced (it is a generator).
    """
    # Extensions that differ only in the attacks that stand (a framework with set
    # attacks or attacks on attacks) are one set of claims.
    seen: set[frozenset[str]] = set()
    for claims, _ in iter_extensions_with_relations(graph_or_fw, semantics, limit=limit):
        key = frozenset(claims)
        if key not in seen:
            seen.add(key)
            yield claims


def iter_extensions_with_relations(
    graph_or_fw: Graph | Framework, semantics: str = "grounded", *, limit: int | None = None
) -> Iterator[tuple[set[str], set[str]]]:
    """The extensions one at a time, each with the attacks that stand in it: ``(claim
    ids, relation ids)``. The attacks are those of the flattening (:func:`flatten`): a
    framework with set attacks or attacks on attacks has them as arguments; any other has
    none (every attack whose source is in stands there, as in Dung's frameworks)."""
    entry = extension(semantics)
    if limit is not None and limit < 1:
        raise UsageError(f"the limit must be at least 1, not {limit}")
    fw = _framework(graph_or_fw)
    n = _claim_count(fw)
    ids = fw.ids
    solver = entry.solver()
    if solver is None:
        chosen = np.flatnonzero(grounded_mask(fw)).tolist()
        yield {ids[i] for i in chosen if i < n}, {ids[i] for i in chosen if i >= n}
        return
    core = _Core(fw, entry, grounded_codes(fw))
    for picked in solver.extensions(core.k, core.src, core.tgt, limit):
        args = core.args_of(picked)
        yield {ids[i] for i in args if i < n}, {ids[i] for i in args if i >= n}


def extensions(
    graph_or_fw: Graph | Framework, semantics: str = "grounded", *, limit: int | None = None
) -> list[set[str]]:
    """Every extension under ``semantics`` (at most ``limit``), in a deterministic order.

    Takes a :class:`~arggraph.graph.Graph` or a :class:`~arggraph.framework.Framework`
    (only attacks of weight above 0 count; supports and scores are ignored), the name of
    an entry of :data:`arggraph.semantics.registry.EXTENSION` (``"grounded"``,
    ``"complete"``, ``"preferred"``, ``"stable"``), and ``limit``, a number of extensions
    (at least 1; ``None`` for all).

    Returns a ``list`` of extensions, each a ``set`` of claim ids, sorted by each
    extension's sorted ids, so the same framework always prints the same way. Grounded
    gives exactly one set; stable may give none (``[]``); complete can give exponentially
    many, which is what ``limit`` is for (then you get the first ``limit`` the solver
    finds, sorted). Grounded takes near-linear time; the others go through a SAT solver
    (CaDiCaL) on the claims grounded leaves undecided, preferred ones found PrefSAT-style
    by growing complete ones.

    Raises :class:`~arggraph.errors.SemanticsError` for an unknown semantics (naming the
    nearest one) and :class:`~arggraph.errors.UsageError` for a ``limit`` below 1.

    References:
      P. M. Dung. On the acceptability of arguments and its fundamental role in
      nonmonotonic reasoning, logic programming and n-person games. Artificial
      Intelligence 77(2) (1995), 321-357.
      M. Caminada. On the issue of reinstatement in argumentation. Proc. JELIA 2006,
      LNCS 4160, 111-123 (the labellings the SAT encodings use).
      F. Cerutti, P. E. Dunne, M. Giacomin and M. Vallati. Computing preferred
      extensions in abstract argumentation: a SAT-based approach. Proc. TAFA 2013,
      LNCS 8306 (2014), 176-193 (PrefSAT).

    >>> fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b"), ("b", "a"), ("b", "c")])
    >>> [sorted(e) for e in extensions(fw, "complete")]
    [[], ['a', 'c'], ['b']]
    >>> [sorted(e) for e in extensions(fw, "preferred")]
    [['a', 'c'], ['b']]
    >>> len(extensions(fw, "complete", limit=2))
    2
    >>> extensions(Framework.from_edges(["a"], attacks=[("a", "a")]), "stable")
    []
    >>> extensions(fw, "semi-stable")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.SemanticsError: unknown ...semantics 'semi-stable'; did you mean ...
    """
    found = list(iter_extensions(graph_or_fw, semantics, limit=limit))
    found.sort(key=sorted)
    return found


def acceptance(
    graph_or_fw: Graph | Framework, semantics: str = "preferred"
) -> dict[str, dict[str, bool]]:
    """For every claim, ``{"credulous": ..., "sceptical": ...}`` under ``semantics``.

    Takes a :class:`~arggraph.graph.Graph` or a :class:`~arggraph.framework.Framework`
    (only attacks of weight above 0 count) and the name of an entry of
    :data:`arggraph.semantics.registry.EXTENSION`. Returns a ``dict`` from every claim id,
    in the framework's claim order, to ``{"credulous": bool, "sceptical": bool}``.

    Credulous: in at least one extension; sceptical: in every one. Grounded has one
    extension, so both are membership in it. Complete and preferred agree on credulous
    acceptance (every complete extension grows into a preferred one); sceptical complete
    acceptance is the grounded extension (the least complete one). Each solver-backed
    semantics costs a few SAT calls per claim at most, not an enumeration of extensions.

    Stable may have no extension at all. Then every claim is reported sceptically
    accepted and none credulously: "in every stable extension" holds vacuously. This is
    the definition taken literally and what the ICCMA competitions expect from
    sceptical-stable solvers; a caller that wants to warn about it can test
    ``extensions(g, "stable", limit=1) == []``.

    Raises :class:`~arggraph.errors.SemanticsError` for an unknown semantics.

    References:
      P. M. Dung. On the acceptability of arguments and its fundamental role in
      nonmonotonic reasoning, logic programming and n-person games. Artificial
      Intelligence 77(2) (1995), 321-357.
      M. Caminada. On the issue of reinstatement in argumentation. Proc. JELIA 2006,
      LNCS 4160, 111-123.

    >>> fw = Framework.from_edges(["a", "b", "c"], attacks=[("a", "b"), ("b", "a"), ("b", "c")])
    >>> acceptance(fw, "preferred")["c"]
    {'credulous': True, 'sceptical': False}
    >>> acceptance(fw, "grounded")["c"]
    {'credulous': False, 'sceptical': False}
    >>> acceptance(Framework.from_edges(["a"], attacks=[("a", "a")]), "stable")
    {'a': {'credulous': False, 'sceptical': True}}
    """
    entry = extension(semantics)
    fw = _framework(graph_or_fw)
    codes = grounded_codes(fw)
    solver = entry.solver()
    if solver is None:
        cred = codes == IN
        scep = cred.copy()
    else:
        core = _Core(fw, entry, codes)
        cred = np.zeros(fw.n, dtype=np.bool_)
        cred[core.inside] = True
        scep = codes == IN if entry.sceptical_is_grounded else cred.copy()
        if core.k:
            cred[core.members] = solver.credulous(core.k, core.src, core.tgt)
            if not entry.sceptical_is_grounded:
                every = solver.sceptical(core.k, core.src, core.tgt)
                if every is None:  # no extension at all: vacuously in all of them
                    cred[:] = False
                    scep[:] = True
                else:
                    scep[core.members] = every
    n = _claim_count(fw)
    return {
        cid: {"credulous": c, "sceptical": s}
        for cid, c, s in zip(fw.ids[:n], cred[:n].tolist(), scep[:n].tolist(), strict=True)
    }


def claim_acceptance(
    graph_or_fw: Graph | Framework, claim: str, semantics: str = "preferred"
) -> dict[str, bool]:
    """``{"credulous": bool, "sceptical": bool}`` for one claim, asking the solver only
    about it.

    Takes a :class:`~arggraph.graph.Graph` or a :class:`~arggraph.framework.Framework`,
    a claim id, and the name of an entry of :data:`arggraph.semantics.registry.EXTENSION`.
    Same answers as ``acceptance(graph_or_fw, semantics)[claim]`` (including the vacuous
    case of stable without extensions), but a few solver calls instead of a sweep over
    every claim; a claim the grounded labelling decides needs no solver at all (except
    to ask, under stable, whether there is any extension).

    Raises :class:`~arggraph.errors.UnknownIdError` for an id the framework lacks (with
    the nearest ids as a hint) and :class:`~arggraph.errors.SemanticsError` for an
    unknown semantics.

    References:
      P. M. Dung. On the acceptability of arguments and its fundamental role in
      nonmonotonic reasoning, logic programming and n-person games. Artificial
      Intelligence 77(2) (1995), 321-357.

    >>> fw = Framework.from_edges(["a", "b"], attacks=[("a", "b"), ("b", "a")])
    >>> claim_acceptance(fw, "a", "preferred")
    {'credulous': True, 'sceptical': False}
    >>> claim_acceptance(fw, "a", "grounded")
    {'credulous': False, 'sceptical': False}
    >>> claim_acceptance(fw, "c")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.UnknownIdError: no claim with id 'c'...
    """
    entry = extension(semantics)
    fw = _framework(graph_or_fw)
    index = fw.index_of(claim)
    code = int(grounded_codes(fw)[index])
    solver = entry.solver()
    if solver is None or (entry.refines_grounded and code != UNDEC):
        if solver is not None and entry.may_have_none and not _exists(fw, entry, solver):
            return {"credulous": False, "sceptical": True}
        return {"credulous": code == IN, "sceptical": code == IN}
    core = _Core(fw, entry)
    a = int(np.searchsorted(core.members, index))
    cred, scep = solver.accepts(core.k, core.src, core.tgt, a)
    if scep is None:
        return {"credulous": False, "sceptical": True}
    return {"credulous": cred, "sceptical": scep}


def _exists(fw: Framework, entry: ExtensionSemantics, solver: SatSemantics) -> bool:
    """Whether the framework has an extension under ``entry`` at all."""
    core = _Core(fw, entry)
    if core.k == 0 and entry.refines_grounded:
        return True  # the grounded extension decides everything: it is the one
    return bool(list(solver.extensions(core.k, core.src, core.tgt, 1)))
