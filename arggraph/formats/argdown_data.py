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
import re
from typing import Any

__all__ = ["data_json", "parse_data", "split_data"]


class _DataParser:
    """A small reader of the YAML flow style Argdown uses in ``{...}``."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def value(self) -> Any:
        self.ws()
        if self.i >= len(self.s):
            raise ValueError("unexpected end")
        ch = self.s[self.i]
        if ch == "{":
            return self.mapping()
        if ch == "[":
            return self.sequence()
        if ch in "\"'":
            return self.quoted(ch)
        return self.plain()

    def mapping(self) -> dict[str, Any]:
        self.i += 1
        out: dict[str, Any] = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
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
                return out
            raise ValueError("expected ',' or '}'")

    def sequence(self) -> list[Any]:
        self.i += 1
        out: list[Any] = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("]", self.i):
                self.i += 1
                return out
            raise ValueError("expected ',' or ']'")

    def key(self) -> str:
        m = re.compile(r"[^:,{}\[\]]+").match(self.s, self.i)
        if not m:
            raise ValueError("expected a key")
        self.i = m.end()
        return m.group().strip()

    def quoted(self, quote: str) -> str:
        if quote == '"':
            m = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL).match(self.s, self.i)
            if not m:
                raise ValueError("unclosed string")
            self.i = m.end()
            return str(json.loads(m.group()))
        end = self.i + 1
        out = []
        while end < len(self.s):
            if self.s[end] == "'":
                if self.s.startswith("''", end):
                    out.append("'")
                    end += 2
                    continue
                self.i = end + 1
                return "".join(out)
            out.append(self.s[end])
            end += 1
        raise ValueError("unclosed string")

    def plain(self) -> Any:
        m = re.compile(r"[^,{}\[\]]+").match(self.s, self.i)
        if not m:
            raise ValueError("expected a value")
        self.i = m.end()
        word = m.group().strip()
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
            return float(word)
        except ValueError:
            return word


def parse_data(text: str) -> dict[str, Any] | None:
    """The key/values of an Argdown ``{...}`` block, or ``None`` if it is not one.

    >>> parse_data('{source: "C1a", uses: [1,2,3], isInMap: false}')
    {'source': 'C1a', 'uses': [1, 2, 3], 'isInMap': False}
    """
    p = _DataParser(text)
    try:
        value = p.mapping() if text.startswith("{") else None
        p.ws()
    except (ValueError, IndexError):
        return None
    if not isinstance(value, dict) or p.i != len(text):
        return None
    return value


def split_data(raw: str) -> tuple[str, dict[str, Any] | None]:
    """An element's text and the data block that ends it (``None`` if none does): the
    first unescaped ``{`` from which the rest of the text reads as one data block."""
    stripped = raw.rstrip()
    if not stripped.endswith("}"):
        return raw, None
    for m in re.finditer(r"(?<!\\)\{", stripped):
        data = parse_data(stripped[m.start() :])
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
_UNSAFE_RE = re.compile("[{}=<>/\x85\u2028\u2029]")


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
