r"""Argdown's ``{...}`` data and YAML front matter: read them, and write values they carry.

Argdown gives statements, arguments and headings YAML data in braces (``{source: "C1a",
uses: [1, 2]}``) and a file YAML front matter between ``===`` lines. :func:`parse_data`
reads the flow style Argdown uses (which JSON is part of); :func:`split_data` finds a data
block at the end of an element's text; :func:`data_json` writes a value as JSON that both
Argdown's lexer and this module read back: the characters that would end a data block
(``{``, ``}``), a front matter (``=``) or a line, or that arggraph's comment scanner would
take for a comment (``/``, ``<``) or for the end of an argument's title (``>``), are
written as JSON escapes.

>>> text, data = split_data('It costs little. #cheap {base: 0.8, tags: ["a}b"]}')
>>> text, data
('It costs little. #cheap ', {'base': 0.8, 'tags': ['a}b']})
>>> data_json({"quote": "see https://x.org {1}", "n": 2})
'{"quote": "see https:\\/\\/x.org \\u007b1\\u007d", "n": 2}'
>>> parse_data(data_json({"quote": "see https://x.org {1} <!-- =="}))
{'quote': 'see https://x.org {1} <!-- =='}
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import MAX_DEPTH, parse_json

__all__ = ["DataError", "data_json", "parse_data", "plain_value", "split_data"]


class DataError(Exception):
    """A data block arggraph refuses (nested too deep, a lone surrogate): not a text
    that merely is no data block, which :func:`parse_data` answers with ``None``."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


_KEY = re.compile(r"[^:,{}\[\]]+")
_PLAIN = re.compile(r"[^,{}\[\]]+")
_DOUBLE_QUOTED = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class _DataParser:
    """A small reader of the YAML flow style Argdown uses in ``{...}``.

    Values are read by position and remembered, so reading from many starts in one text
    (as :func:`split_data` does, looking for the block that ends it) reads each value
    once: linear in the text, however many ``{`` it holds.
    """

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.depth = 0
        self._memo: dict[int, tuple[Any, int] | str] = {}

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def value(self) -> Any:
        self.ws()
        if self.i >= len(self.s):
            raise ValueError("unexpected end")
        start = self.i
        known = self._memo.get(start)
        if isinstance(known, str):
            raise ValueError(known)
        if known is not None:
            self.i = known[1]
            return known[0]
        try:
            ch = self.s[start]
            if ch == "{":
                found: Any = self.mapping()
            elif ch == "[":
                found = self.sequence()
            elif ch in "\"'":
                found = self.quoted(ch)
            else:
                found = self.plain()
        except (ValueError, IndexError) as exc:
            self._memo[start] = str(exc) or "not data"
            raise ValueError(str(exc)) from None
        self._memo[start] = (found, self.i)
        return found

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise DataError(
                f"data nested deeper than {MAX_DEPTH} levels; arggraph reads at most {MAX_DEPTH}"
            )

    def mapping(self) -> dict[str, Any]:
        self._enter()
        self.i += 1
        out: dict[str, Any] = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
            self.depth -= 1
            return out
        while True:
            self.ws()
            key = self.quoted(self.s[self.i]) if self.s[self.i] in "\"'" else self.key()
            self.ws()
            if not self.s.startswith(":", self.i):
                raise ValueError("expected ':'")
            self.i += 1
            out[str(key)] = self.value()
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("}", self.i):
                self.i += 1
                self.depth -= 1
                return out
            raise ValueError("expected ',' or '}'")

    def sequence(self) -> list[Any]:
        self._enter()
        self.i += 1
        out: list[Any] = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            self.depth -= 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("]", self.i):
                self.i += 1
                self.depth -= 1
                return out
            raise ValueError("expected ',' or ']'")

    def key(self) -> str:
        m = _KEY.match(self.s, self.i)
        if not m:
            raise ValueError("expected a key")
        self.i = m.end()
        return m.group().strip()

    def quoted(self, quote: str) -> str:
        if quote == '"':
            m = _DOUBLE_QUOTED.match(self.s, self.i)
            if not m:
                raise ValueError("unclosed string")
            try:
                value = parse_json(m.group())
            except JSONLimitError as exc:  # a lone surrogate
                raise DataError(exc.message) from None
            except JSONSyntaxError:
                raise ValueError("not a JSON string") from None
            self.i = m.end()
            return str(value)
        end = self.s.find("'", self.i + 1)
        out = []
        start = self.i + 1
        while end != -1:
            if self.s.startswith("''", end):
                out.append(self.s[start:end] + "'")
                start = end + 2
                end = self.s.find("'", start)
                continue
            out.append(self.s[start:end])
            self.i = end + 1
            return "".join(out)
        raise ValueError("unclosed string")

    def plain(self) -> Any:
        m = _PLAIN.match(self.s, self.i)
        if not m:
            raise ValueError("expected a value")
        self.i = m.end()
        return plain_value(m.group().strip())


def plain_value(word: str) -> Any:
    """An unquoted word as YAML reads it: a boolean, null, a number, else the word. A
    number that is no finite float (``.nan``, ``inf``, ``1e999``, or an integer too long
    to read) stays the word: arggraph/1 and JSON hold finite numbers only.

    >>> [plain_value(w) for w in ("true", "~", "12", "2.5", "1e999", "nan", "x")]
    [True, None, 12, 2.5, '1e999', 'nan', 'x']
    """
    lowered = word.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "~", ""):
        return None
    try:
        return int(word)
    except ValueError:
        pass
    try:
        number = float(word)
    except ValueError:
        return word
    return number if math.isfinite(number) else word


def parse_data(
    text: str, start: int = 0, *, parser: _DataParser | None = None
) -> dict[str, Any] | None:
    """The key/values of an Argdown ``{...}`` block (``text`` from ``start`` to its end),
    or ``None`` if it is not one. Raises :class:`DataError` for a block nested deeper
    than :data:`~arggraph.jsonio.MAX_DEPTH` or holding a lone surrogate.

    >>> parse_data('{source: "C1a", uses: [1,2,3], isInMap: false}')
    {'source': 'C1a', 'uses': [1, 2, 3], 'isInMap': False}
    """
    p = parser if parser is not None else _DataParser(text)
    p.i, p.depth = start, 0
    try:
        value = p.value() if text.startswith("{", start) else None
        p.ws()
    except (ValueError, IndexError):
        return None
    if not isinstance(value, dict) or p.i != len(text):
        return None
    return value


def split_data(raw: str) -> tuple[str, dict[str, Any] | None]:
    """An element's text and the data block that ends it (``None`` if none does): the
    first unescaped ``{`` from which the rest of the text reads as one data block.
    Raises :class:`DataError` as :func:`parse_data` does."""
    stripped = raw.rstrip()
    if not stripped.endswith("}"):
        return raw, None
    parser = _DataParser(stripped)
    for m in re.finditer(r"(?<!\\)\{", stripped):
        data = parse_data(stripped, m.start(), parser=parser)
        if data is not None:
            return stripped[: m.start()], data
    return raw, None


_UNSAFE = {
    "{": "\\u007b",
    "}": "\\u007d",
    "=": "\\u003d",
    "<": "\\u003c",
    ">": "\\u003e",
    "/": "\\/",
}
_UNSAFE_RE = re.compile("[{}=<>/\x7f-\x9f\u2028\u2029]")  # (DEL and C1 controls escaped too)


def data_json(value: Any) -> str:
    """``value`` as one line of JSON that is safe inside Argdown data and front matter."""

    def string(s: str) -> str:
        inner = json.dumps(s, ensure_ascii=False)
        return _UNSAFE_RE.sub(lambda m: _UNSAFE.get(m.group(), f"\\u{ord(m.group()):04x}"), inner)

    if isinstance(value, str):
        return string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string(str(k))}: {data_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(data_json(v) for v in value) + "]"
    return json.dumps(value)
