"""The fast path of loading: a plain graph file read into columns, with no model object.

A file whose claims carry only ``id``, ``text``, ``kind`` and ``base`` and whose
relations carry only ``id``, ``type``, ``source``, ``target`` and ``weight`` (the shape
of a large generated or exported map) is checked here in bulk, by C loops over the
parsed lists (``map``, ``set``, ``itemgetter``), and kept as lists: ids, kinds, bases,
relation types, ends and weights. :func:`columns` answers ``None`` for anything else
or anything wrong (another key, a value of another type, an id twice, an end that
names no claim...), and the loader then validates the file with the pydantic models,
which say what and where. So this path needs no error messages of its own: whatever it
accepts, the models accept with equal values (``tests/test_columns.py`` holds it to
that with Hypothesis), and the :class:`~arggraph.graph.Graph` builds its models from
the parsed file only when a caller asks for them.

>>> cols = columns({"id": "g", "claims": [{"id": "a", "text": "A", "base": 1},
...     {"id": "b", "text": "B", "kind": "evidence"}],
...     "relations": [{"type": "attack", "source": "b", "target": "a"}]})
>>> cols.claim_ids, cols.kinds, cols.bases.tolist(), cols.sources.tolist(), cols.relation_ids
(['a', 'b'], ['claim', 'evidence'], [1.0, 0.5], [1], None)
>>> columns({"claims": [{"id": "a", "text": "A", "base": 2}]}) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from .framework import Link

__all__ = ["Columns", "columns", "key_count", "string_colons"]

_TOP_KEYS = frozenset({"$schema", "format", "id", "title", "question", "description"})
_TOP_KEYS_ALL = _TOP_KEYS | {"claims", "relations"}
_CLAIM_KEYS = frozenset({"id", "text", "kind", "base"})
_RELATION_KEYS = frozenset({"id", "type", "source", "target", "weight"})
_RELATION_REQUIRED = frozenset({"type", "source", "target"})
_TYPES = frozenset({"attack", "support"})
_KINDS = frozenset({"position", "claim", "evidence"})
_ATTACK = "attack"
_POSITION = "position"
_FORMATS = ("arggraph/1", "arggraph/1.1")
_NUMBERS = frozenset({float, int})  # (bool is a type of its own: refused)
_STR = {str}

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Columns:
    """A plain graph file as lists and arrays, in file order.

    ``texts`` are the claims' texts. ``index`` maps each claim id to its position;
    ``sources`` and ``targets`` are the relations' ends as claim positions, ``attack``
    whether each is an attack (else a support); ``bases`` and ``weights`` floats in
    [0, 1]. ``relation_ids`` is ``None`` when every relation has the default id
    (``TYPE:SOURCE->TARGET``), which the engine writes only if asked.

    ``plain`` is ``False`` for the columns of a whole file (:mod:`arggraph._document`:
    one with actors, documents, attributions, tags...), which are not all here; its
    ``links`` then hold every relation as the engine takes it when one runs from linked
    premises or aims at a relation (``sources`` and ``targets`` are then empty).
    """

    format: str
    claim_ids: list[str]
    kinds: list[str]
    bases: FloatArray
    types: list[str]
    sources: IntArray
    targets: IntArray
    attack: BoolArray
    weights: FloatArray
    relation_ids: list[str] | None
    texts: list[str]
    plain: bool = True
    links: tuple[Link, ...] | None = None

    @cached_property
    def index(self) -> dict[str, int]:
        """Each claim's position by id."""
        return dict(zip(self.claim_ids, range(len(self.claim_ids)), strict=True))

    def built_index(self) -> dict[str, int] | None:
        """:attr:`index` if something has built it already."""
        built: dict[str, int] | None = self.__dict__.get("index")
        return built

    def positions(self) -> list[int]:
        """The indices of the claims of kind ``position``."""
        return list(compress(range(len(self.kinds)), map(_POSITION.__eq__, self.kinds)))


def key_count(raw: dict[str, Any]) -> int:
    """How many keys the objects of a file :func:`columns` accepted hold (the top level's
    and every claim's and relation's: it has no others), to compare with the count of
    keys written (:func:`arggraph.jsonio.quick_parse`), so a key written twice is found."""
    claims = raw.get("claims", ())
    relations = raw.get("relations", ())
    return len(raw) + sum(map(len, claims)) + sum(map(len, relations))


def string_colons(raw: dict[str, Any], cols: Columns) -> int:
    """How many colons the strings of a file :func:`columns` accepted (``raw``, giving
    ``cols``) hold, keys and values. Its keys hold none (they are the format's), nor do
    kinds and relation types; ids, texts, the top level's values and relation ids may.
    In a file written with no ``\\u`` escape, its colons less these are its keys
    (:func:`arggraph.jsonio.quick_parse`): a key written twice is found without a
    second pass over the bytes.

    >>> raw = {"id": "g:1", "claims": [{"id": "a:b", "text": "x: y"},
    ...     {"id": "c", "text": "C"}], "relations": [{"type": "attack",
    ...     "source": "a:b", "target": "c"}]}
    >>> string_colons(raw, columns(raw))  # the id, a text, a claim's id and a source
    4
    """
    found = sum(value.count(":") for value in raw.values() if type(value) is str)
    claims: list[dict[str, Any]] = raw.get("claims", [])
    found += "".join(map(itemgetter("text"), claims)).count(":")
    ids = cols.claim_ids
    if ":" in "".join(ids):
        each = np.fromiter(map(methodcaller("count", ":"), ids), np.int64, len(ids))
        found += int(each.sum() + each[cols.sources].sum() + each[cols.targets].sum())
    if cols.relation_ids is not None:  # (else every relation id written is "", or none is)
        relations: list[dict[str, Any]] = raw.get("relations", [])
        found += "".join(_column(relations, "id", "", False)).count(":")
    return found


def _strings(values: list[Any], *, empty: bool = False) -> bool:
    """Whether every value is a ``str`` (and, unless ``empty``, none is ``""``)."""
    return set(map(type, values)) <= _STR and (empty or "" not in values)


def _units(values: list[Any]) -> FloatArray | None:
    """The values as floats when every one is a number in [0, 1], else ``None``."""
    if not set(map(type, values)) <= _NUMBERS:
        return None
    if values and not (min(values) >= 0 and max(values) <= 1):  # (inf fails: not NaN here)
        return None
    return np.array(values, dtype=np.float64)


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # an odd constant that mixes 64-bit words


class _Finder:
    """The positions of ids in a list of distinct ids, for hundreds of thousands at once.

    A dictionary lookup each costs most of a microsecond on a large graph (the keys lie
    scattered in memory). When every id is ASCII, the ids are laid out as fixed-width
    bytes, each row's 64-bit words are mixed into one key, and the keys go into an open
    addressing hash table (linear probing, at most half full) built and probed by NumPy
    a round at a time; each match is then compared in full. Anything else (an id that is
    not ASCII or holds a NUL byte, two claims' keys alike) falls back to the dictionary,
    which alone says :class:`KeyError` for an end that is no claim's id.
    """

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.width = -(-max(map(len, ids), default=1) // 8) * 8
        self.ready = False
        joined = "".join(ids)
        if not ids or not joined.isascii() or "\0" in joined or len(ids) >= 2**31:
            return
        rows = np.array(ids, dtype=f"S{self.width}")
        keys = self._keys(rows)
        self.rows, self.keys = rows, keys
        bits = max(4, (2 * len(ids)).bit_length())
        self.mask = (1 << bits) - 1
        self.shift = np.uint64(64 - bits)
        table = self._table(keys)
        if table is None:
            return  # two keys alike: the dictionary tells the ids apart
        self.table = table
        self.ready = True

    @cached_property
    def index(self) -> dict[str, int]:
        """Each id's position, for what the search in bulk does not take."""
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    def distinct(self) -> bool:
        """Whether no id is there twice."""
        return self.ready or len(self.index) == len(self.ids)

    def _keys(self, rows: npt.NDArray[np.bytes_]) -> npt.NDArray[np.uint64]:
        words = rows.view(np.uint64).reshape(len(rows), self.width // 8)
        keys = words[:, 0].copy()
        for j in range(1, words.shape[1]):
            keys = keys * _GOLDEN ^ words[:, j]
        return keys

    def _slots(self, keys: npt.NDArray[np.uint64]) -> IntArray:
        """Each key's home slot: the top bits of the key times the golden ratio."""
        return ((keys * _GOLDEN) >> self.shift).astype(np.int64)

    def _table(self, keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.int32] | None:
        """Each slot's id position (-1: empty), or ``None`` when two keys are alike. A
        round puts every waiting id into its slot if free (one of several aiming at it
        wins), the rest move one slot on: every slot between an id's home and its place
        is taken, so a lookup that walks from the home finds it before any empty slot.
        Ids with one key share a home and move in step until one is placed; each other
        then meets it there."""
        table = np.full(self.mask + 1, -1, dtype=np.int32)  # (half the bytes to miss)
        waiting = np.arange(len(keys), dtype=np.int32)
        slots = self._slots(keys)
        while waiting.size:
            free = np.flatnonzero(table[slots] < 0)
            table[slots[free]] = waiting[free]  # (of several at one slot, one write stays)
            there = table[slots]
            left = there != waiting
            if (keys[there[left]] == keys[waiting[left]]).any():
                return None
            waiting, slots = waiting[left], (slots[left] + 1) & self.mask
        return table

    def positions(self, ends: list[Any]) -> IntArray:
        """Each end's position among the ids; :class:`KeyError` for one that is none."""
        found = self._search(ends)
        if found is not None:
            return found
        return np.fromiter(map(self.index.__getitem__, ends), np.int64, len(ends))

    def _search(self, ends: list[Any]) -> IntArray | None:
        if not self.ready or not ends:
            return None
        try:
            joined = "".join(ends)
        except TypeError:
            return None  # an end that is no string: the dictionary says which
        if not joined.isascii() or "\0" in joined:
            return None
        rows = np.array(ends, dtype=f"S{self.width}")
        if np.count_nonzero(rows.view(np.uint8)) != len(joined):
            return None  # an end longer than every id, cut to the width: no shortcut
        wanted = self._keys(rows)
        slots = self._slots(wanted)
        found = self.table[slots].astype(np.int64)
        keys = self.keys
        missed = np.flatnonzero((found < 0) | (keys[found] != wanted))
        while missed.size:  # walk on from the home slot, as the table was filled
            if (found[missed] < 0).any():
                return None  # an empty slot first: an end that is no claim's id
            slots[missed] = (slots[missed] + 1) & self.mask
            found[missed] = self.table[slots[missed]]
            at = found[missed]
            missed = missed[(at < 0) | (keys[at] != wanted[missed])]
        if not (self.rows[found] == rows).all():
            return None  # a key alike but another id: the dictionary says which
        return found


def _column(items: list[dict[str, Any]], key: str, default: Any, every: bool) -> list[Any]:
    """Each item's ``key``, or ``default`` where it has none (``every``: all have it)."""
    if every:
        return list(map(itemgetter(key), items))
    return list(map(methodcaller("get", key, default), items))


def _units_or(
    items: list[dict[str, Any]],
    key: str,
    keys: frozenset[str] | set[str],
    every: bool,
    default: float,
) -> FloatArray | None:
    """The items' ``key`` as in :func:`_units`, ``default`` where an item has none; a key
    no item has is the default everywhere, with no pass over the items."""
    if key not in keys:
        return np.full(len(items), default)
    return _units(_column(items, key, default, every))


def columns(raw: Any) -> Columns | None:
    """The columns of ``raw`` (a parsed ``arggraph/1`` or ``arggraph/1.1`` file) when it
    has only the plain parts named above, all valid, each id once and every relation
    from a claim to a claim; ``None`` otherwise (the models then say why, if anything
    is wrong). Never raises."""
    try:
        return _columns(raw)
    except (KeyError, TypeError):  # a missing key, an unhashable value: not plain
        return None


def _columns(raw: Any) -> Columns | None:
    if type(raw) is not dict or not raw.keys() <= _TOP_KEYS_ALL:
        return None
    fmt = raw.get("format", _FORMATS[0])
    if fmt not in _FORMATS or type(fmt) is not str:
        return None
    for key in ("$schema", "description"):
        if raw.get(key) is not None and type(raw[key]) is not str:
            return None
    if "id" in raw and (type(raw["id"]) is not str or not raw["id"]):
        return None
    if any(type(raw.get(key, "")) is not str for key in ("title", "question")):
        return None
    claims = raw.get("claims", [])
    relations = raw.get("relations", [])
    if type(claims) is not list or type(relations) is not list:
        return None
    # Every claim is read with itemgetter("id") below and every relation with
    # itemgetter("type"): of JSON's values only an object takes a key (a list, a string,
    # a number... raise TypeError), so no pass over the items checks their types first.
    claim_keys = set().union(*claims)
    n = len(claims)
    claim_fields = sum(map(len, claims))
    # Each relation has type, source and target (an itemgetter below fails otherwise): if
    # they hold three keys each, they hold only those, and no union of keys is needed.
    m = len(relations)
    relation_fields = sum(map(len, relations))
    relation_keys: frozenset[str] | set[str] = _RELATION_REQUIRED
    if relation_fields != 3 * m:
        relation_keys = set().union(*relations)
    if not claim_keys <= _CLAIM_KEYS or not relation_keys <= _RELATION_KEYS:
        return None

    ids = list(map(itemgetter("id"), claims))
    texts = list(map(itemgetter("text"), claims))
    # Every claim holds every key seen when they hold as many as claims times keys seen.
    every = claim_fields == n * len(claim_keys)
    kinds = ["claim"] * n if "kind" not in claim_keys else _column(claims, "kind", "claim", every)
    bases = _units_or(claims, "base", claim_keys, every, 0.5)
    if bases is None or not _strings(ids) or not _strings(texts) or not set(kinds) <= _KINDS:
        return None
    finder = _Finder(ids)
    if not finder.distinct():
        return None  # an id twice: the Graph names both places

    types = list(map(itemgetter("type"), relations))
    if not set(types) <= _TYPES:
        return None
    every = relation_fields == m * len(relation_keys)
    weights = _units_or(relations, "weight", relation_keys, every, 1.0)
    if weights is None:
        return None
    # Each end must be a claim's id (a KeyError otherwise): anything else is for the
    # models and the Graph to name, a relation aimed at a relation included.
    sources = finder.positions(list(map(itemgetter("source"), relations)))
    targets = finder.positions(list(map(itemgetter("target"), relations)))
    # "attack" and "support" differ in length: one C loop over the lengths, not a
    # comparison of each string (every type is one of the two, checked above).
    attack = np.fromiter(map(len, types), np.int8, m) == len(_ATTACK)

    relation_ids: list[str] | None = None
    written = _column(relations, "id", "", False) if "id" in relation_keys else [""] * m
    if fmt == _FORMATS[1] or any(written):
        if not _strings(written, empty=True):
            return None
        relation_ids = [
            rid or f"{kind}:{ids[s]}->{ids[t]}"
            for rid, kind, s, t in zip(
                written, types, sources.tolist(), targets.tolist(), strict=True
            )
        ]
        distinct = set(relation_ids)
        if len(distinct) != m:
            return None
        if fmt == _FORMATS[1] and not distinct.isdisjoint(ids):
            return None  # one namespace in arggraph/1.1: the Graph names the clash
    elif m > 1:
        codes = np.sort((sources * n + targets) * 2 + attack)  # (np.unique is slower)
        if not (codes[1:] != codes[:-1]).all():
            return None  # the same relation twice: the Graph names both places
    return Columns(
        fmt, ids, kinds, bases, types, sources, targets, attack, weights, relation_ids, texts
    )
