"""What a check reports: a :class:`Finding`, and how severe it is.

A finding names the rule that found it (``code``), how much it matters (``severity``),
what is wrong in one line (``message``), the ids of the items concerned, and where in
the file it is (a JSON path such as ``claims[3].attributions[0].quote``), so a script,
an editor or a CI job can act on it without parsing prose.

>>> f = Finding("S003", "error", "relation 'r' joins claim 'a' to itself", ids=("r",),
...             path="relations[0]", file="g.json")
>>> f.to_dict()["path"], severity_at_least(f.severity, "warning")
('relations[0]', True)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, Literal, NamedTuple, get_args

__all__ = [
    "SEVERITIES",
    "Finding",
    "FindingRun",
    "Severity",
    "finding_sort_key",
    "severity_at_least",
]

#: How much a finding matters: ``error`` is a fault in the graph, ``warning`` a likely
#: one or a gap, ``info`` something worth knowing that is not wrong.
Severity = Literal["error", "warning", "info"]

#: The severities, most severe first.
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

_RANK: dict[str, int] = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}


def severity_at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` reaches ``threshold`` (``error`` > ``warning`` > ``info``).

    >>> severity_at_least("info", "warning"), severity_at_least("error", "error")
    (False, True)
    """
    return _RANK[severity] >= _RANK[threshold]


class Finding(NamedTuple):
    """One fault or remark about one graph file.

    ``ids`` are the claim, relation, actor or document ids concerned (most important
    first); ``path`` is the JSON path of the item or field (``None`` for the graph as a
    whole); ``file`` the graph's file (``None`` for a graph built in memory); ``hint``
    what would likely fix this very finding (the closest passage of a document to a
    quote not found in it, the id that was probably meant, ...).

    Immutable, and a named tuple rather than a class of its own so that a check with a
    million findings makes them quickly and keeps them small.
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...] = ()
    path: str | None = None
    file: str | None = None
    hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain JSON data (the shape ``--format json`` prints)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "ids": list(self.ids),
            "path": self.path,
            "file": self.file,
            "hint": self.hint,
        }


# The top-level sections of a graph file in the order the format lists them, so that
# findings sort as the file reads.
_SECTIONS = {"format": 0, "id": 1, "documents": 2, "actors": 3, "claims": 4, "relations": 5}
_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def _parsed_path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """The sort key of any JSON path, parsed step by step."""
    key: list[tuple[int, int, str]] = []
    for index, name in _PART.findall(path):
        if index:
            key.append((0, int(index), ""))
        elif not key:
            key.append((1, _SECTIONS.get(name, len(_SECTIONS)), name))
        else:
            key.append((1, 0, name))
    return tuple(key)


@lru_cache(maxsize=4096)
def _tail_key(tail: str) -> tuple[tuple[int, int, str], ...]:
    """The key of what follows an item's place (``attributions[0].quote``): few
    distinct tails recur in a file, so each is parsed once."""
    return tuple(
        (0, int(index), "") if index else (1, 0, name) for index, name in _PART.findall(tail)
    )


def _path_key(path: str | None) -> tuple[tuple[int, int, str], ...]:
    """A sort key that orders JSON paths as the file reads (``claims[2]`` before
    ``claims[10]``, documents before claims).

    Most paths start with an item (``relations[12]``), read here with string methods;
    the rest of the path is parsed once per distinct tail.

    >>> _path_key("claims[3].attributions[0].quote") == _parsed_path_key(
    ...     "claims[3].attributions[0].quote")
    True
    """
    if path is None:
        return ()
    head, dot, tail = path.partition(".")
    name, bracket, number = head.partition("[")
    if name and bracket and number[-1:] == "]" and number[:-1].isdecimal():
        key = ((1, _SECTIONS.get(name, len(_SECTIONS)), name), (0, int(number[:-1]), ""))
        return key + _tail_key(tail) if dot else key
    return _parsed_path_key(path)


def finding_sort_key(f: Finding) -> tuple[Any, ...]:
    """Findings sort by file, then by place in the file, then by code: a stable order
    for diffs of reports and for snapshot tests.

    >>> a = Finding("P001", "warning", "m", path="claims[10]")
    >>> b = Finding("S003", "error", "m", path="claims[2].attributions[0]")
    >>> [x.code for x in sorted([a, b], key=finding_sort_key)]
    ['S003', 'P001']
    """
    return (f.file or "", _path_key(f.path), f.code, f.ids, f.message)


class FindingRun:
    """Findings of one rule on items of one top-level section, one finding an item, in
    file order: the findings of a rule that fires on most of a large graph (P001 on
    every unattributed claim), held as lists rather than a tuple each.

    Finding ``j`` is about item ``positions[j]`` of ``section`` (``"claims"``), names
    ``ids[j]`` and says ``messages[j]`` (any sequences: P002's ids and messages are
    :class:`~arggraph.checks._formatted.Formatted`, made when read); ``positions`` ascend
    strictly. The run shows the lists' items ``start`` to ``stop`` (:meth:`span` shares
    them, so a run met by other findings is cut without copying). ``plain`` says every id
    and message is safe on one line as it is (printable, no run of spaces, none at either
    end), so a report writes them without escaping each. :meth:`findings` gives the same
    findings one by one, as :func:`~arggraph.checks.check` returns them.

    >>> run = FindingRun("P001", "warning", "claims", [0, 2], ["a", "c"],
    ...                  ["claim 'a' has no attribution", "claim 'c' has no attribution"])
    >>> [(f.ids, f.path) for f in run.findings()]
    [(('a',), 'claims[0]'), (('c',), 'claims[2]')]
    >>> head, tail = run.span(0, 1), run.span(1, 2)
    >>> len(head), tail.key(0) == finding_sort_key(next(tail.findings()))
    (1, True)
    >>> run.count_before(finding_sort_key(Finding("S006", "warning", "m", path="claims[1]")))
    1
    """

    __slots__ = (
        "_head",
        "code",
        "file",
        "ids",
        "messages",
        "plain",
        "positions",
        "section",
        "severity",
        "start",
        "stop",
    )

    def __init__(
        self,
        code: str,
        severity: Severity,
        section: str,
        positions: Sequence[int],
        ids: Sequence[str],
        messages: Sequence[str],
        file: str | None = None,
        plain: bool = False,
        start: int = 0,
        stop: int | None = None,
    ) -> None:
        self.code, self.severity, self.section, self.file = code, severity, section, file
        self.positions, self.ids, self.messages, self.plain = positions, ids, messages, plain
        self.start = start
        self.stop = len(positions) if stop is None else stop
        #: What the sort key of every finding of the run starts with.
        self._head = (file or "", (1, _SECTIONS.get(section, len(_SECTIONS)), section))

    def __len__(self) -> int:
        return self.stop - self.start

    def __repr__(self) -> str:
        return f"FindingRun({self.code!r}, {self.section!r}, {len(self)} findings)"

    def key(self, j: int) -> tuple[Any, ...]:
        """The sort key of the run's finding ``j`` (:func:`finding_sort_key`'s)."""
        at = self.start + j
        file, section = self._head
        place = (section, (0, self.positions[at], ""))
        return (file, place, self.code, (self.ids[at],), self.messages[at])

    def count_before(self, key: tuple[Any, ...], ties: bool = False) -> int:
        """How many of the run's findings sort before ``key`` (and, with ``ties``, the
        findings whose key equals it too): a binary search over the positions when
        ``key`` is of an item of the same section, as it mostly is."""
        place = key[1]
        file, section = self._head
        if key[0] != file or len(place) < 2 or place[0] != section or place[1][0] != 0:
            # another file or section: the keys decide
            search = bisect.bisect_right if ties else bisect.bisect_left
            return search(range(len(self)), key, key=self.key)
        at = bisect.bisect_left(self.positions, place[1][1], self.start, self.stop) - self.start
        # (At most one finding is about that very item: compare the whole key.)
        if at < len(self):
            mine = self.key(at)
            if mine < key or (ties and mine == key):
                at += 1
        return at

    def span(self, start: int, stop: int) -> FindingRun:
        """The findings ``start`` to ``stop`` of the run's lists (not of the part the
        run shows: a part cut from a run reaches the whole of it), as a run of its own
        sharing the lists."""
        view = FindingRun.__new__(FindingRun)
        view.code, view.severity, view.section, view.file = (
            self.code, self.severity, self.section, self.file,
        )  # fmt: skip
        view.positions, view.ids, view.messages, view.plain = (
            self.positions, self.ids, self.messages, self.plain,
        )  # fmt: skip
        view.start, view.stop, view._head = start, stop, self._head
        return view

    def positions_shown(self) -> Sequence[int]:
        """The positions of the run's findings (a copy of the part shown)."""
        return self.positions[self.start : self.stop]

    def slices(self) -> tuple[Sequence[int], Sequence[str], Sequence[str]]:
        """The run's positions, ids and messages (copies of the parts shown)."""
        part = slice(self.start, self.stop)
        return self.positions[part], self.ids[part], self.messages[part]

    def findings(self) -> Iterator[Finding]:
        """The run's findings, one by one."""
        code, severity, section, file = self.code, self.severity, self.section, self.file
        positions, ids, messages = self.slices()
        for at, ident, message in zip(positions, ids, messages, strict=True):
            yield Finding(code, severity, message, (ident,), f"{section}[{at}]", file)
