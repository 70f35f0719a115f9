"""Line numbers for JSON paths, so editors and code scanning can point at a finding.

Findings and load errors carry JSON paths (``claims[3].attributions[0].quote``, or as
steps ``("claims", 3, "attributions", 0, "quote")``); SARIF regions, GitHub annotations,
``file:line`` links and :class:`~arggraph.errors.ArggraphError`'s ``line`` and ``column``
want line numbers. :class:`JsonLocator` walks the
file's text along a path, skipping the values it does not descend into with the C JSON
scanner, and remembers where each member of each container it opened starts, so
locating many findings in one big file costs about two parses of it, and locating none
costs nothing.

>>> loc = JsonLocator('{"claims": [\\n  {"id": "a"},\\n  {"id": "b",\\n   "text": "B"}]}')
>>> loc.line("claims[1].text"), loc.line("claims[0]"), loc.line("claims[1].quote")
(4, 2, 3)
>>> loc.line(None), loc.line("nowhere[3]")
(1, 1)
>>> loc.position(("claims", 1, "text"))
(4, 12)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from json import JSONDecodeError, JSONDecoder
from json.decoder import scanstring  # type: ignore[attr-defined]

__all__ = ["JsonLocator", "path_steps"]

_WS = re.compile(r"[ \t\n\r]*")
_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")
_DECODER = JSONDecoder()


def path_steps(path: str) -> list[str | int]:
    """``claims[3].attributions[0]`` -> ``['claims', 3, 'attributions', 0]``."""
    return [int(i) if i else name for i, name in _STEP.findall(path)]


class JsonLocator:
    """Where the values of one JSON text start, by JSON path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, dict[str | int, int]] = {}
        self._newlines: list[int] | None = None

    def _ws(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def _members_of(self, start: int) -> dict[str | int, int]:
        """Member name (or index) -> offset of its value, for the container at ``start``."""
        cached = self._members.get(start)
        if cached is not None:
            return cached
        text = self.text
        out: dict[str | int, int] = {}
        opener = text[start] if start < len(text) else ""
        if opener in "{[" and opener:
            closer = "}" if opener == "{" else "]"
            pos = self._ws(start + 1)
            index = 0
            while pos < len(text) and text[pos] != closer:
                key: str | int = index
                if opener == "{":
                    key, pos = scanstring(text, pos + 1)
                    pos = self._ws(self._ws(pos) + 1)  # past the colon
                out.setdefault(key, pos)
                _, pos = _DECODER.raw_decode(text, pos)
                pos = self._ws(pos)
                if pos < len(text) and text[pos] == ",":
                    pos = self._ws(pos + 1)
                index += 1
        self._members[start] = out
        return out

    def offset(self, path: str | Sequence[str | int] | None) -> int:
        """The offset of the value at ``path`` (as text or as steps), or of the deepest
        container on the way that holds it when the rest is absent (a missing key, a
        stale path)."""
        pos = self._ws(0)
        if not path:
            return pos
        steps = path_steps(path) if isinstance(path, str) else path
        try:
            for step in steps:
                members = self._members_of(pos)
                if step not in members:
                    break
                pos = members[step]
        except (JSONDecodeError, ValueError, IndexError):
            pass
        return pos

    def line(self, path: str | Sequence[str | int] | None) -> int:
        """The 1-based line where the value at ``path`` starts."""
        return self.position(path)[0]

    def position(self, path: str | Sequence[str | int] | None) -> tuple[int, int]:
        """The 1-based line and column (in characters) where the value at ``path`` starts."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        offset = self.offset(path)
        line = bisect.bisect_right(self._newlines, offset - 1)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1
