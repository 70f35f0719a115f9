"""Line numbers of findings in a large graph file, from one vectorised scan of its bytes.

:class:`~arggraph.locate.JsonLocator` finds a path by parsing the values on the way with
the C JSON scanner: locating the items of a big file parses it twice, which for a
check with a finding on most items costs more than the rules. :class:`LineIndex` scans
the bytes once with NumPy instead (in chunks, so the scan adds little memory):

1. the quotes that open or close strings (a quote after an odd run of backslashes is
   escaped and does not count);
2. the brackets and braces outside strings (those with an even number of string quotes
   before them), and the depth each opens or closes;
3. for each top-level array (``claims``, ``relations``, ...), where each of its items
   starts: the ``{`` or ``[`` one level inside it.

A path into an item (``claims[3]``) is then one lookup; a path inside an item
(``claims[3].attributions[0].quote``) is found by a :class:`JsonLocator` over that item's
text alone; a top-level key or a path that names nothing there gets the line
:class:`JsonLocator` gives it (the deepest container found on the way). The file was
parsed by the loader already, so it is well-formed JSON.

>>> data = (b'{"id": "g",\\n "claims": [\\n  {"id": "a", "text": "[not {a} bracket\\\\""},'
...         b'\\n  {"id": "b"}]}')
>>> index = LineIndex(data)
>>> index.line("claims[1]"), index.line("claims[0].text"), index.line("id"), index.line(None)
(4, 3, 1, 1)
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..locate import JsonLocator, path_steps

__all__ = ["LineIndex"]

Ints = npt.NDArray[np.signedinteger[Any]]

#: Bytes scanned per NumPy pass, so the masks of a large file stay small.
_CHUNK = 1 << 24
_OPENERS = (ord("["), ord("{"))
_WS = re.compile(rb"[ \t\n\r]*")
_STRUCTURE = np.zeros(256, dtype=bool)
_STRUCTURE[[ord(c) for c in "[]{}"]] = True


def _where(data: npt.NDArray[np.uint8], table: npt.NDArray[np.bool_]) -> Ints:
    """Offsets of the bytes whose ``table`` entry is true, chunk by chunk (as 32-bit
    integers when the file allows, to halve what a large file's offsets take)."""
    kind = np.int32 if len(data) < 2**31 else np.int64
    parts = [
        (np.flatnonzero(table[data[start : start + _CHUNK]]) + start).astype(kind)
        for start in range(0, len(data), _CHUNK)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=kind)


def _byte(value: int) -> npt.NDArray[np.bool_]:
    table = np.zeros(256, dtype=bool)
    table[value] = True
    return table


_QUOTE, _BACKSLASH, _NEWLINE = _byte(ord('"')), _byte(ord("\\")), _byte(ord("\n"))


class LineIndex:
    """The line of any JSON path in one graph file's bytes (1-based, as
    :meth:`arggraph.locate.JsonLocator.line` gives it)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        # A file written on one line (as json.dumps writes it) has every value on line
        # 1: nothing to scan.
        first_newline = data.find(b"\n")
        self.one_line = first_newline < 0 or not data[first_newline:].strip()
        if self.one_line:
            return
        buf = np.frombuffer(data, dtype=np.uint8)
        self._newlines = _where(buf, _NEWLINE)
        strings = self._string_quotes(buf)
        tokens = _where(buf, _STRUCTURE)
        tokens = tokens[np.searchsorted(strings, tokens) % 2 == 0]  # outside strings
        opens = np.isin(buf[tokens], _OPENERS)
        depth_after = np.cumsum(np.where(opens, 1, -1), dtype=np.int32)
        depth_before = np.where(opens, depth_after - 1, depth_after + 1)
        self._tokens, self._depth = tokens, depth_after
        self._strings = strings
        #: Where each item of a top-level array ends (its closing bracket).
        self._item_ends = tokens[~opens & (depth_after == 2)]
        #: Section name -> (offset of its "[", offsets where its items start).
        self._sections: dict[str, tuple[int, Ints]] = {}
        self._lines: dict[str, list[int]] = {}
        arrays = np.flatnonzero(opens & (depth_before == 1) & (buf[tokens] == ord("[")))
        closes = np.flatnonzero(depth_after == 1)
        items = np.flatnonzero(opens & (depth_before == 2))
        for t in arrays.tolist():
            name = self._key_before(int(tokens[t]))
            if name is None:
                continue
            end = closes[np.searchsorted(closes, t)] if len(closes) else len(tokens)
            inside = items[(items > t) & (items < end)]
            self._sections[name] = (int(tokens[t]), tokens[inside])
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # a byte-order mark is no text
        self._first = self._skip_ws(bom)
        self._top = int(tokens[0]) if len(tokens) else self._first

    def _string_quotes(self, buf: npt.NDArray[np.uint8]) -> Ints:
        """The offsets of the quotes that open or close a string."""
        quotes = _where(buf, _QUOTE)
        after_backslash = quotes[(quotes > 0) & (buf[np.maximum(quotes - 1, 0)] == ord("\\"))]
        if not len(after_backslash):
            return quotes
        slashes = _where(buf, _BACKSLASH)
        run_start = slashes[np.r_[True, np.diff(slashes) != 1]]
        first = run_start[np.searchsorted(run_start, after_backslash - 1, side="right") - 1]
        escaped = after_backslash[(after_backslash - first) % 2 == 1]
        return quotes[~np.isin(quotes, escaped)]

    def _key_before(self, offset: int) -> str | None:
        """The member name whose value starts at ``offset`` (the string just before)."""
        at = int(np.searchsorted(self._strings, offset)) - 1
        if at < 1:
            return None
        start, end = int(self._strings[at - 1]), int(self._strings[at])
        try:
            name = json.loads(self.data[start : end + 1])
        except ValueError:  # pragma: no cover - the file was parsed as JSON already
            return None
        return name if isinstance(name, str) else None

    def _skip_ws(self, offset: int) -> int:
        match = _WS.match(self.data, offset)
        return match.end() if match else offset

    def _line_at(self, offset: int) -> int:
        return int(np.searchsorted(self._newlines, offset)) + 1

    def _item_lines(self, section: str) -> list[int]:
        lines = self._lines.get(section)
        if lines is None:
            starts = self._sections[section][1]
            lines = self._lines[section] = (np.searchsorted(self._newlines, starts) + 1).tolist()
        return lines

    def item_lines(self, section: str, positions: Sequence[int]) -> Sequence[int]:
        """The lines where items ``positions`` of the top-level array ``section`` start
        (:meth:`line` of ``section[i]`` for each, at once)."""
        if self.one_line:
            return [1] * len(positions)
        if section not in self._sections:
            return [self.line(f"{section}[{i}]") for i in positions]
        lines, count = self._item_lines(section), len(self._sections[section][1])
        return [lines[i] if i < count else self.line(f"{section}[{i}]") for i in positions]

    def line(self, path: str | None) -> int:
        """The line where the value at ``path`` starts (of the deepest container on the
        way when the path names nothing)."""
        if self.one_line:
            return 1
        if not path:
            return self._line_at(self._first)
        head, dot, tail = path.partition(".")
        name, bracket, number = head.partition("[")
        if not (bracket and number[-1:] == "]" and number[:-1].isdecimal()):
            return self._line_at(self._top_member(path))
        section = self._sections.get(name)
        if section is None:
            return self._line_at(self._top_member(path))
        index = int(number[:-1])
        starts = section[1]
        if index >= len(starts):
            return self._line_at(section[0])
        if not dot:
            return self._item_lines(name)[index]
        return self._line_inside(int(starts[index]), tail)

    def _line_inside(self, start: int, tail: str) -> int:
        """The line of ``tail`` inside the item that starts at byte ``start``."""
        end = int(self._item_ends[np.searchsorted(self._item_ends, start)]) + 1
        text = self.data[start:end].decode("utf-8")
        offset = JsonLocator(text).offset(path_steps(tail))
        return self._line_at(start) + text.count("\n", 0, offset)

    def _top_member(self, path: str) -> int:
        """Where a path that is not into a top-level array's item leads: a top-level
        member, the array itself, or (naming nothing) the top-level object."""
        steps = path_steps(path)
        first = steps[0] if steps else None
        if not isinstance(first, str):
            return self._top
        section = self._sections.get(first)
        if section is not None:
            return section[0]
        key = json.dumps(first, ensure_ascii=False).encode("utf-8")
        found = self._top
        for match in re.finditer(re.escape(key) + rb"[ \t\n\r]*:[ \t\n\r]*", self.data):
            at = match.start()
            if int(np.searchsorted(self._strings, at)) % 2:
                continue  # inside a string (the key's own quote is not before it)
            depth = bisect.bisect_right(self._tokens, at) - 1
            if depth >= 0 and self._depth[depth] == 1:
                found = match.end()
        return found
