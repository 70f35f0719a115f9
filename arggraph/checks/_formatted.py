"""Strings of one shape, held as a template and its columns, made only when read.

A rule that reports most items of a large graph (P002: a message and an id for each of
861,000 relations) gives the ids and messages of a run (:class:`~.finding.FindingRun`)
as :class:`Formatted` sequences: the text report inlines their templates into its own
line and formats a whole run with one ``%`` (:meth:`Formatted.inline`), making no string
an id or a message; every other reader gets the strings themselves, made a slice at a
time by the rule's own function (``make``), which must agree with the template.

>>> ids = Formatted("%s:%s->%s", (["support", "attack"], ["a", "b"], ["b", "c"]))
>>> messages = Formatted("%s '%s' has no attribution", (["support", "attack"], ids))
>>> messages[1]
"attack 'attack:b->c' has no attribution"
>>> list(ids)
['support:a->b', 'attack:b->c']
>>> messages.inline()[0]
"%s '%s:%s->%s' has no attribution"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import overload

__all__ = ["Formatted", "format_block", "format_rows"]

#: The conversions a template may hold: a string, a whole number, a percent sign.
_FIELD = re.compile(r"%[sd%]|%")


class Formatted(Sequence[str]):
    """Row ``i`` is ``template % (columns[0][i], columns[1][i], ...)``.

    ``template`` holds ``%s`` and ``%d`` fields only (and ``%%`` for a percent sign),
    one a column; a column may be a :class:`Formatted` itself, in a ``%s`` field.
    ``make``, if given, makes the rows of slices of the columns (given as lists, one
    argument a column) faster than the template would (f-strings); it must give what
    the template gives. Raises :class:`ValueError` for a template whose fields do not
    match the columns.
    """

    __slots__ = ("_make", "columns", "template")

    def __init__(
        self,
        template: str,
        columns: Sequence[Sequence[object]],
        make: Callable[..., list[str]] | None = None,
    ) -> None:
        fields = [m.group() for m in _FIELD.finditer(template) if m.group() != "%%"]
        if any(f == "%" for f in fields) or len(fields) != len(columns):
            raise ValueError(f"template {template!r} does not take {len(columns)} columns")
        if any(
            isinstance(c, Formatted) and f != "%s" for f, c in zip(fields, columns, strict=True)
        ):
            raise ValueError(f"template {template!r}: a formatted column goes in a %s")
        if len({len(c) for c in columns}) > 1:
            raise ValueError("the columns differ in length")
        self.template, self.columns, self._make = template, columns, make

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            parts = [column[i] for column in self.columns]
            if self._make is not None:
                return self._make(*parts)
            return format_rows(self.template, parts)
        return self.template % tuple(column[i] for column in self.columns)

    def __iter__(self) -> Iterator[str]:
        return iter(self[:])

    def inline(self) -> tuple[str, list[Sequence[object]]]:
        """The template with each :class:`Formatted` column's own template put in its
        field, and the columns of them all in the order of the fields: the same rows
        from plain columns only."""
        pieces: list[str] = []
        columns: list[Sequence[object]] = []
        at, k = 0, 0
        for m in _FIELD.finditer(self.template):
            pieces.append(self.template[at : m.start()])
            at = m.end()
            if m.group() == "%%":
                pieces.append("%%")
                continue
            column = self.columns[k]
            k += 1
            if isinstance(column, Formatted):
                inner, inner_columns = column.inline()
                pieces.append(inner)
                columns += inner_columns
            else:
                pieces.append(m.group())
                columns.append(column)
        pieces.append(self.template[at:])
        return "".join(pieces), columns


def format_rows(template: str, columns: Sequence[Sequence[object]]) -> list[str]:
    """``template % row`` for each row of ``columns`` (of equal lengths).

    >>> format_rows("%s=%d", (["a", "b"], [1, 2]))
    ['a=1', 'b=2']
    """
    return [template % row for row in zip(*columns, strict=True)]


def format_block(template: str, columns: Sequence[Sequence[object]]) -> str:
    """The rows of :func:`format_rows` joined into one string, made by one
    :meth:`str.join` of the template's text and the columns' values, interleaved (no
    string a row): the columns of ``%s`` fields must hold strings, those of ``%d``
    fields integers.

    >>> format_block("%s=%d;", (["a", "b"], [1, 2]))
    'a=1;b=2;'
    """
    rows = len(columns[0]) if columns else 0
    if not rows:
        return ""
    pieces, numbers = _layout(template)
    width = len(pieces)
    values: list[object] = [None] * (width * rows)
    for at, piece in enumerate(pieces):
        if isinstance(piece, str):
            values[at::width] = [piece] * rows
        else:
            column = columns[piece]
            values[at::width] = list(map(str, column)) if numbers[piece] else column
    return "".join(values)  # type: ignore[arg-type]


@lru_cache(maxsize=64)
def _layout(template: str) -> tuple[tuple[str | int, ...], tuple[bool, ...]]:
    """The template as the pieces of a row in order, a string for its text and the
    number of a column for a field; and for each column, whether its field is ``%d``."""
    pieces: list[str | int] = []
    numbers: list[bool] = []
    text: list[str] = []
    at = 0
    for m in _FIELD.finditer(template):
        text.append(template[at : m.start()])
        at = m.end()
        if m.group() == "%%":
            text.append("%")
            continue
        if "".join(text):
            pieces.append("".join(text))
        text = []
        pieces.append(len(numbers))
        numbers.append(m.group() == "%d")
    text.append(template[at:])
    if "".join(text):
        pieces.append("".join(text))
    return tuple(pieces), tuple(numbers)
