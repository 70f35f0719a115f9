"""Reading and writing JSON: the one parser every JSON file arggraph reads goes through.

Graphs, score sheets, AIF files, id maps, the record of chosen sheets, the JSON inside
Argdown front matter and GraphML values, and the files ``arggraph check`` looks into all
go through :func:`parse_json`, so they accept and refuse the same things. JSON is
read as RFC 8259 writes it, within stated limits, and what arggraph cannot keep or write
back is refused with the line and column where it stands, never read half-way:

- arrays and objects nested at most :data:`MAX_DEPTH` (100) deep;
- integers of at most :data:`MAX_INT_DIGITS` (4,300) digits, Python's own limit;
- no number beyond the range of a double (``1e999``), and no ``NaN``, ``Infinity`` or
  ``-Infinity``, which JSON does not have (Python's parser takes them);
- no key twice in one object (Python's parser keeps the last one silently);
- no lone surrogate, escaped (``"\\ud800"``) or raw: it is no character, and no file
  can be written with it. A high surrogate escape must be followed by a low one.

Every refusal is a :class:`~arggraph.errors.JSONLimitError` and malformed text a
:class:`~arggraph.errors.JSONSyntaxError`, both with ``line`` and ``column``. The common
case costs one pass of the C parser plus a quick look at the brackets: only when a file
breaks a rule is it scanned again, by a slower linear scanner, to say where.

>>> parse_json('{"a": [1, 2.5, "x"]}')
{'a': [1, 2.5, 'x']}
>>> parse_json('{"a": 1,\\n "a": 2}', path="f.json")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
arggraph.errors.JSONLimitError: f.json: line 2, column 2: duplicate key 'a' (first at line 1, ...)
>>> dumps({"text": "bidi \\u202e and DEL \\x7f"}, indent=None)
'{"text": "bidi \\\\u202e and DEL \\\\u007f"}'
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sys
from array import array
from collections.abc import Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, NoReturn

from ._gc import paused_collector
from .errors import JSONLimitError, JSONSyntaxError

__all__ = [
    "BULK_BYTES",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "all_keys",
    "bulk_parse",
    "dumps",
    "encode_string",
    "lone_surrogate",
    "parse_json",
    "quick_parse",
    "written_keys",
]

#: How deep arrays and objects may nest.
MAX_DEPTH = 100
#: How many digits an integer may have (Python's default limit for converting text).
MAX_INT_DIGITS = 4300

_NOT_NUMBERS = ("NaN", "Infinity", "-Infinity")
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# Keep only what nesting is made of: quotes and brackets ({} read as []).
_SKELETON = bytes.maketrans(b"{}", b"[]")
_NOT_SKELETON = bytes(c for c in range(256) if c not in b'"[]{}')
_STEPS = bytes.maketrans(b"[]", b"\x01\xff")


class _Refused(Exception):
    """Raised by the parser's hooks: the C parser knows no place, the scanner finds it."""


def _int_limit() -> int:
    python = sys.get_int_max_str_digits()
    return min(MAX_INT_DIGITS, python) if python else MAX_INT_DIGITS


def _int_problem(digits: str) -> str | None:
    count = len(digits.lstrip("-"))
    limit = _int_limit()
    if count > limit:
        return f"an integer of {count:,} digits; arggraph reads integers of at most {limit:,}"
    return None


def _parse_int(digits: str) -> int:
    if _int_problem(digits):
        raise _Refused
    return int(digits)


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused
    return value


def _parse_constant(name: str) -> NoReturn:
    raise _Refused


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Refused
    return obj


def lone_surrogate(
    text: str, start: int = 0, end: int | None = None, *, escapes: bool = True
) -> int | None:
    r"""The offset of the first lone surrogate in ``text[start:end]``, or ``None``: a raw
    one (which only text made in Python can hold: UTF-8 cannot) and, with ``escapes``,
    a JSON ``\u`` escape of one that is not part of a high-low pair.

    >>> lone_surrogate('ok \\ud83d\\ude00'), lone_surrogate('"\\ud800"')
    (None, 1)
    >>> lone_surrogate('\\\\ud800') is None  # an escaped backslash, then text
    True
    >>> lone_surrogate("raw \ud800"), lone_surrogate('"\\udc00"', escapes=False)
    (4, None)
    """
    stop = len(text) if end is None else end
    found: list[int] = []
    if not text.isascii():  # (a flag of the string: no scan)
        raw = _raw_surrogate(text, start, stop)
        if raw is not None:
            found.append(raw)
    if escapes and _SURROGATE_ESCAPE.search(text, start, stop):
        pending: int | None = None  # a high surrogate escape waiting for its low half
        pending_end = -1
        for m in _ESCAPE.finditer(text, start, stop):
            code = int(m.group(1), 16) if m.group(1) else -1
            if pending is not None:
                if m.start() == pending_end and 0xDC00 <= code <= 0xDFFF:
                    pending = None
                    continue
                break
            if 0xD800 <= code <= 0xDBFF:
                pending, pending_end = m.start(), m.end()
            elif 0xDC00 <= code <= 0xDFFF:
                pending = m.start()
                break
        if pending is not None:
            found.append(pending)
    return min(found, default=None)


def _raw_surrogate(text: str, start: int, stop: int) -> int | None:
    """The first raw surrogate in ``text[start:stop]``: found by encoding it, which
    stops there (a regular expression over a long text took ten times as long)."""
    part = text if (start, stop) == (0, len(text)) else text[start:stop]
    try:
        part.encode("utf-8")
    except UnicodeEncodeError as exc:
        return start + exc.start
    return None


def _surrogate_message(text: str, offset: int) -> str:
    shown = f"\\u{ord(text[offset]):04x}" if text[offset] != "\\" else text[offset : offset + 6]
    return (
        f"a lone surrogate {shown}, which is no character (a surrogate escape comes as "
        "a high-low pair, such as \\ud83d\\ude00)"
    )


def _maybe_too_deep(text: str, data: bytes | None = None) -> bool:
    """Whether ``text`` may nest deeper than :data:`MAX_DEPTH` (exact for valid JSON).

    ``data`` is the text's UTF-8 bytes when the caller has them. Escaped backslashes
    and quotes are dropped, then everything but quotes and
    brackets, then the strings; what is left loses one level of brackets a pass, and
    when a few passes leave some, one sum over it gives its depth. Linear in the text.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(_SKELETON, _NOT_SKELETON).replace(b'""', b"")
    if b'"' in skeleton:
        skeleton = re.sub(rb'"[^"]*"', b"", skeleton)
    passes = 8  # most files nest a few levels: a few passes empty them
    for _ in range(passes):
        skeleton = skeleton.replace(b"[]", b"")
    if not skeleton:
        return False
    steps = array("b", skeleton.translate(_STEPS))  # +1 for "[", -1 for "]"
    return passes + max(itertools.accumulate(steps)) > MAX_DEPTH


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse(text: str, offset: int, message: str, path: str | Path | None) -> NoReturn:
    line, column = _position(text, offset)
    raise JSONLimitError(message, path=path, line=line, column=column)


def _said(message: str, text: str = "", offset: int = -1) -> str:
    """The standard parser's message as a sentence: its "... starting at" leads to the
    place, which the error says apart; a control character in a string (which JSON
    holds only escaped) is named, as an escape, with how to write it.

    >>> _said("Unterminated string starting at")
    'Unterminated string starting here, never closed'
    >>> print(_said("Invalid control character at", 'x"a\\x00b"', 3))
    a control character (\\x00) inside a string, where JSON allows it only escaped: write \\u0000
    """
    if message.endswith(" starting at"):
        return message.removesuffix(" at") + " here, never closed"
    if message.startswith("Invalid control character") and 0 <= offset < len(text):
        code = ord(text[offset])
        named = {9: "\\t", 10: "\\n", 13: "\\r"}.get(code)
        shown, escaped = named or f"\\x{code:02x}", named or f"\\u{code:04x}"
        return (
            f"a control character ({shown}) inside a string, where JSON allows it only "
            f"escaped: write {escaped}"
        )
    return message.removesuffix(" at")


def _malformed(text: str, offset: int, message: str, path: str | Path | None) -> NoReturn:
    line, column = _position(text, offset)
    raise JSONSyntaxError(
        f"malformed JSON: {_said(message, text, offset)}", path=path, line=line, column=column
    )


def parse_json(text: str, *, path: str | Path | None = None, data: bytes | None = None) -> Any:
    """The value of a JSON text, within the limits above (``path`` names the file in
    errors; ``data``, the text's UTF-8 bytes when the caller has them, saves encoding
    it again).

    Raises :class:`~arggraph.errors.JSONSyntaxError` for malformed JSON and
    :class:`~arggraph.errors.JSONLimitError` for what it refuses, each with ``line``
    and ``column`` (1-based, in characters).

    >>> parse_json("[" * 101 + "]" * 101)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.JSONLimitError: line 1, column 101: arrays and objects nested deeper than 100...
    >>> parse_json('{"x": NaN}')
    Traceback (most recent call last):
    ...
    arggraph.errors.JSONLimitError: line 1, column 7: NaN is not JSON: write a number or null
    """
    offset = lone_surrogate(text)
    if offset is not None:
        _refuse(text, offset, _surrogate_message(text, offset), path)
    if _maybe_too_deep(text, data):
        _scan(text, path)
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise JSONSyntaxError(
            f"malformed JSON: {_said(exc.msg, text, exc.pos)}",
            path=path,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except (_Refused, RecursionError, ValueError):
        pass
    _scan(text, path)
    raise JSONLimitError(  # pragma: no cover - the scanner finds what the parser refused
        "refused by the JSON parser", path=path, line=1, column=1
    )


#: From how many bytes :func:`quick_parse` reads a text with msgspec's parser.
BULK_BYTES = 1 << 20
_FAILED: Any = object()
_BOM = b"\xef\xbb\xbf"


def bulk_parse(data: bytes) -> Any:
    """The value of the JSON text ``data`` (UTF-8, a byte-order mark allowed) read by
    msgspec's parser, or :data:`_FAILED` for anything it does not read as the standard
    parser does: malformed text, a number beyond a float's range or an integer beyond
    its own, a lone surrogate escape, nesting beyond its recursion limit.

    msgspec (https://jcristharif.com/msgspec/) reads a large graph file in some 60% of
    the standard library's time, straight from the bytes (no text decoded first), and
    gives the same value: dicts, lists, ``str``, ``int``, ``float`` (correctly rounded),
    ``bool``, ``None``, the last of a key written twice (``tests/test_columns.py``
    holds the two equal with Hypothesis). Its import costs some 20 ms, so only a file
    of :data:`BULK_BYTES` or more is read with it. Whatever it refuses,
    :func:`parse_json` reads and names with its place.

    >>> bulk_parse(b'{"a": [1, 0.5, "x"]}')
    {'a': [1, 0.5, 'x']}
    >>> bulk_parse(b'[1e999]') is _FAILED, bulk_parse(b'[NaN]') is _FAILED
    (True, True)
    """
    import msgspec.json

    view = memoryview(data)[3:] if data.startswith(_BOM) else data
    try:
        return msgspec.json.decode(view)
    except (msgspec.DecodeError, RecursionError, ValueError, OverflowError):
        return _FAILED


_NOT_KEY_SKELETON = bytes(c for c in range(256) if c not in b'":,')


def quick_parse(
    text: str | None, data: bytes | None = None, *, count_keys: bool = True
) -> tuple[Any, int | None] | None:
    """The value of ``text`` read by the C parser alone, and how many keys its objects
    hold as written (``None`` unless ``count_keys``); ``None`` when :func:`parse_json`
    must read it (malformed, or it holds a NaN, a lone surrogate, an integer longer than
    :data:`MAX_INT_DIGITS`, or nesting beyond the parser's recursion limit).

    Two rules are left to the caller. Duplicate keys: the C parser keeps the last, so
    the caller compares the count with the keys of the value it got, and reads the text
    with :func:`parse_json` when they differ (a caller that knows the strings' colons
    counts the keys itself: see ``count_keys`` below). Numbers beyond a float's range:
    ``1e999`` reads as ``inf`` (looking for them would cost more than parsing), so the
    caller accepts only numbers within its own range and otherwise reads the text with
    :func:`parse_json`, which refuses them with their place. Counting costs one pass over
    the bytes: escaped quotes dropped, then everything but quotes, colons and commas,
    then the strings; each colon left ends a key. ``data``: the text's UTF-8 bytes, when
    the caller has them.

    Without ``count_keys`` the caller counts: in a text with no ``\\u`` escape every
    colon either ends a key or stands as it is in a string of the value, so the keys
    written are ``data.count(b":")`` less the colons in the value's strings.

    >>> quick_parse('{"a": 1, "b": {"c": "x:y"}}')
    ({'a': 1, 'b': {'c': 'x:y'}}, 3)
    >>> quick_parse('{"a": 1, "a": 2}')  # the last wins, but 2 keys were written
    ({'a': 2}, 2)
    >>> quick_parse('{"a": NaN}') is None, quick_parse('[1,') is None
    (True, True)
    >>> quick_parse('[1e999]')
    ([inf], 0)
    >>> quick_parse('{"a": 1, "a": 2}', count_keys=False)
    ({'a': 2}, None)
    """
    if data is not None and len(data) >= BULK_BYTES:
        value = bulk_parse(data)  # (which refuses lone surrogates itself)
        if value is _FAILED:
            return None
    else:
        if text is None:
            if data is None:
                raise TypeError("quick_parse needs the text or its bytes")
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                return None
        # Text decoded from UTF-8 bytes holds no raw surrogate, and an escaped one needs
        # a backslash: a look for one byte spares the scan.
        if (data is None or b"\\" in data) and lone_surrogate(text) is not None:
            return None
        try:
            value = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
        except (json.JSONDecodeError, _Refused, RecursionError, ValueError):
            return None
    if not count_keys:
        return value, None
    if data is None:
        assert text is not None
        data = text.encode("utf-8")
    return value, written_keys(data)


def written_keys(data: bytes) -> int:
    """How many keys the objects of the well-formed JSON text ``data`` (UTF-8) hold as
    written, a key written twice counted twice: one pass over the bytes, escaped quotes
    dropped, then everything but quotes, colons and commas, then the strings; each colon
    left ends a key.

    >>> written_keys(b'{"a": 1, "b": {"c": "x:y"}, "a": [{}]}')
    4
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    # In valid JSON two strings always have a colon or a comma between them, so each
    # "" left is one string with none of the three in it: dropped in one C pass.
    skeleton = data.translate(None, _NOT_KEY_SKELETON).replace(b'""', b"")
    if b'"' in skeleton:
        skeleton = re.sub(rb'"[^"]*"', b"", skeleton)
    return skeleton.count(b":")


def all_keys(value: Any, depth: int = 1) -> int | None:
    """How many keys the objects in ``value`` (a value :func:`quick_parse` gave, or a
    part of one at ``depth``, the whole being at 1) hold, or ``None`` when it holds what
    :func:`parse_json` refuses and the quick parse let through: nesting deeper than
    :data:`MAX_DEPTH`, a number beyond a float's range (``1e999`` reads as ``inf``).
    Compared with :func:`written_keys`, a key written twice shows. One walk over the
    value, no recursion.

    >>> all_keys({"a": [1, {"b": None}], "c": {}}), all_keys({"a": [float("inf")]})
    (3, None)
    >>> all_keys([[[]]] * 2), all_keys(eval("[" * 101 + "]" * 101)) is None
    (0, True)
    """
    count = 0
    stack: list[tuple[Any, int]] = [(value, depth)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is dict:
            count += len(item)
            children = item.values()
        elif kind is list:
            children = item
        elif kind is float:
            if not math.isfinite(item):
                return None
            continue
        else:
            continue
        if depth > MAX_DEPTH:
            return None
        stack.extend((child, depth + 1) for child in children if type(child) in _NESTED)
    return count


_NESTED = frozenset({dict, list, float})


def _scan(text: str, path: str | Path | None) -> None:
    """Walk ``text`` as :func:`parse_json` reads it, with an explicit stack (so any
    depth is linear) and raise at the first thing in text order it refuses or cannot
    parse; return when there is none."""
    n = len(text)
    # Each open container: its opening offset, and the keys seen (None for an array).
    stack: list[tuple[int, dict[str, int] | None]] = []
    pos = _skip(text, 0)
    state = "value"
    while True:
        if state == "value":
            if pos >= n:
                _malformed(text, pos, "Expecting value", path)
            ch = text[pos]
            if ch in "[{":
                if len(stack) >= MAX_DEPTH:
                    _refuse(
                        text,
                        pos,
                        f"arrays and objects nested deeper than {MAX_DEPTH} levels; "
                        f"arggraph reads at most {MAX_DEPTH}",
                        path,
                    )
                stack.append((pos, {} if ch == "{" else None))
                pos = _skip(text, pos + 1)
                if pos < n and text[pos] == ("}" if ch == "{" else "]"):
                    stack.pop()
                    pos += 1
                    state = "after"
                else:
                    state = "key" if ch == "{" else "value"
                continue
            if ch == '"':
                pos = _string(text, pos, path)[1]
                state = "after"
                continue
            m = _NUMBER.match(text, pos)
            if m:
                if m.group(1) is None and m.group(2) is None:
                    problem = _int_problem(m.group())
                    if problem:
                        _refuse(text, pos, problem, path)
                elif float(m.group()) in (float("inf"), float("-inf")):
                    shown = m.group() if len(m.group()) <= 20 else m.group()[:17] + "..."
                    _refuse(text, pos, f"the number {shown} is beyond the range of a float", path)
                pos = m.end()
                state = "after"
                continue
            for word in ("true", "false", "null"):
                if text.startswith(word, pos):
                    pos += len(word)
                    state = "after"
                    break
            else:
                named = next((w for w in _NOT_NUMBERS if text.startswith(w, pos)), None)
                if named is not None:
                    _refuse(text, pos, f"{named} is not JSON: write a number or null", path)
                _malformed(text, pos, "Expecting value", path)
            continue
        if state == "key":
            if pos >= n or text[pos] != '"':
                _malformed(text, pos, "Expecting property name enclosed in double quotes", path)
            key, end = _string(text, pos, path)
            keys = stack[-1][1]
            assert keys is not None
            if key in keys:
                line, column = _position(text, keys[key])
                _refuse(
                    text,
                    pos,
                    f"duplicate key {key!r} (first at line {line}, column {column})",
                    path,
                )
            keys[key] = pos
            pos = _skip(text, end)
            if pos >= n or text[pos] != ":":
                _malformed(text, pos, "Expecting ':' delimiter", path)
            pos = _skip(text, pos + 1)
            state = "value"
            continue
        # state == "after": a value ended
        pos = _skip(text, pos)
        if not stack:
            if pos < n:
                _malformed(text, pos, "Extra data", path)
            return
        is_object = stack[-1][1] is not None
        if pos < n and text[pos] == ",":
            pos = _skip(text, pos + 1)
            state = "key" if is_object else "value"
        elif pos < n and text[pos] == ("}" if is_object else "]"):
            stack.pop()
            pos += 1
        else:
            _malformed(text, pos, "Expecting ',' delimiter", path)


def _skip(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m else pos


def _string(text: str, pos: int, path: str | Path | None) -> tuple[str, int]:
    """The string starting at the quote at ``pos`` and the offset after it."""
    try:
        value, end = scanstring(text, pos + 1, True)
    except json.JSONDecodeError as exc:
        _malformed(text, exc.pos, exc.msg, path)
    lone = lone_surrogate(text, pos, end)
    if lone is not None:
        _refuse(text, lone, _surrogate_message(text, lone), path)
    return str(value), int(end)


# Characters JSON leaves as they are that a terminal obeys or that reorder what it shows
# (DEL, C1 controls, bidirectional controls), and lone surrogates, which no encoding
# can write; JSON's own escaping takes care of C0 controls.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def encode_string(text: str) -> str:
    """``text`` as a JSON string literal, quotes included, as :func:`dumps` writes it
    (UTF-8 as it is; C0 controls escaped by JSON, DEL, C1 and bidirectional controls and
    lone surrogates as ``\\u`` escapes): for writers that build JSON text piece by piece.

    >>> encode_string("a\\x1b\\u202e")
    '"a\\\\u001b\\\\u202e"'
    """
    literal = encode_basestring(text)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", literal)


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON text that any JSON parser reads back to the same value and that
    is inert on a terminal: non-ASCII text as it is (UTF-8), but DEL, C1 and
    bidirectional control characters as ``\\u`` escapes. A NaN or infinite number is a
    ``ValueError`` (JSON has none).

    >>> dumps(["a\\x1b[2J", 1.5], indent=None)
    '["a\\\\u001b[2J", 1.5]'
    """
    if indent is None:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    else:
        text = "".join(_indented(value, " " * indent, "\n"))
    if text.isascii() and "\x7f" not in text:
        return text  # (a flag of the string and one scan: nothing to escape)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_ATOMS = frozenset({str, int, float, bool, type(None)})
_LITERALS = {True: "true", False: "false", None: "null"}


def _atom(value: Any) -> str:
    """A scalar as ``json.dumps`` writes it (``ensure_ascii=False``, no NaN)."""
    kind = type(value)
    if kind is str:
        return str(encode_basestring(value))
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("Out of range float values are not JSON compliant")
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    return _LITERALS[value]


def _flat(value: dict[str, Any] | list[Any], inner: str, newline: str) -> str:
    """A non-empty object (string keys) or array of scalars, one item a line, as the
    indenting encoder writes it: by the standard library's C encoder, which writes only
    compact text, with the line break and indentation as its item separator. The
    collector waits meanwhile: the encoder holds a tuple for each of an object's items,
    which with a large graph loaded would set off full collections."""
    with paused_collector(age=False):
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, separators=("," + inner, ": ")
        )
    return text[0] + inner + text[1:-1] + newline + text[-1]


def _indented(value: Any, step: str, newline: str) -> Iterator[str]:
    """The pieces of ``json.dumps(value, ensure_ascii=False, indent=len(step))``, the
    same text, written in bulk: an object or array of scalars (a result's thousands of
    strengths or ids) is written by the C encoder (:func:`_flat`), not item by item in
    Python as the standard encoder does whenever it indents."""
    kind = type(value)
    if kind is dict and value and set(map(type, value)) <= {str}:
        inner = newline + step
        if set(map(type, value.values())) <= _ATOMS:
            yield _flat(value, inner, newline)
            return
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + inner + encode_basestring(key) + ": "
            yield from _indented(item, step, inner)
        yield newline + "}"
        return
    if kind is list and value:
        inner = newline + step
        if set(map(type, value)) <= _ATOMS:
            yield _flat(value, inner, newline)
            return
        yield "["
        for i, item in enumerate(value):
            yield ("," if i else "") + inner
            yield from _indented(item, step, inner)
        yield newline + "]"
        return
    if kind in _ATOMS:
        yield _atom(value)
        return
    # Anything else (a tuple, keys that are not strings, an empty container, a type
    # JSON has no name for) as the standard encoder writes it, errors included.
    text = json.dumps(value, ensure_ascii=False, indent=len(step), allow_nan=False)
    yield text.replace("\n", newline)
