"""Dates as sources give them: a day, or only a month or a year, or a span of them.

A news report often says "in July 2023" and nothing finer, so the format accepts
ISO 8601 dates of reduced precision (``2023``, ``2023-07``, ``2023-07-14``). Each
stands for an interval of days; comparisons use its first or last day as the
question demands (a quote is "after" its document only when it is surely after).
Where a source is vaguer still ("in the last week of February"), a date may be an
ISO 8601 interval ``START/END`` (from ``arggraph/1.1`` on), each end a year, a month or
a day, the start not surely after the end: ``2023-02-27/2023-03-05`` stands for the days
from the first day of its start to the last day of its end.

>>> date_bounds("2023-02")
(datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
>>> date_bounds("2023-02-27/2023-03")
(datetime.date(2023, 2, 27), datetime.date(2023, 3, 31))
>>> is_valid_date("2023-13"), is_valid_date("2023-03/2023-02")
(False, False)
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .errors import InvalidValueError

__all__ = [
    "DATE_PATTERN",
    "date_bounds",
    "earliest",
    "interval_ends",
    "is_interval",
    "is_valid_date",
    "latest",
]

_ONE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
#: The JSON Schema pattern of a date of the format, a single date or an interval
#: ``START/END`` (checked in full by ``is_valid_date``). ASCII digits only: Python's
#: ``\d`` also takes ``２０２４`` and ``٢٠٢٤``, which no reader of the file expects.
DATE_PATTERN = rf"^{_ONE}(/{_ONE})?$"
_DATE_RE = re.compile(DATE_PATTERN)


def is_interval(value: str) -> bool:
    """Whether ``value`` is written as an interval ``START/END``.

    >>> is_interval("2023-02-27/2023-03-05"), is_interval("2023-02")
    (True, False)
    """
    return "/" in value


def interval_ends(value: str) -> tuple[str, str]:
    """The start and the end of a date as written: both ``value`` itself for a single
    date.

    >>> interval_ends("2023-02-27/2023-03"), interval_ends("2023")
    (('2023-02-27', '2023-03'), ('2023', '2023'))
    """
    start, _, end = value.partition("/")
    return (start, end) if end else (value, value)


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day that ``value`` may stand for: for an interval, the first
    day of its start and the last day of its end.

    Raises :class:`~arggraph.errors.InvalidValueError` (a ValueError) for a string that
    is not a real date of these forms, or an interval whose start is surely after its
    end (its first day after the end's last day, as elsewhere a date is "after" another
    only when surely after).

    >>> date_bounds("2023")
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> date_bounds("2023-05-20")
    (datetime.date(2023, 5, 20), datetime.date(2023, 5, 20))
    >>> date_bounds("2023-02-30")
    Traceback (most recent call last):
    ...
    arggraph.errors.InvalidValueError: day out of range in '2023-02-30'
    >>> date_bounds("2023-03-05/2023-03-01")
    Traceback (most recent call last):
    ...
    arggraph.errors.InvalidValueError: the start of '2023-03-05/2023-03-01' is after its end
    """
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):  # (no "2023\n")
        if isinstance(value, str) and "/" in value:
            raise InvalidValueError(
                f"not a date interval (START/END, each YYYY, YYYY-MM or YYYY-MM-DD): {value!r}"
            )
        raise InvalidValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    if "/" not in value:
        return _bounds(value)
    start, end = interval_ends(value)
    first = _bounds(start)[0]
    last = _bounds(end)[1]
    if first > last:
        raise InvalidValueError(f"the start of {value!r} is after its end")
    return first, last


def _bounds(value: str) -> tuple[date, date]:
    """The bounds of one date (no interval), already matched by the pattern."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if not 1 <= year:
        raise InvalidValueError(f"year out of range in {value!r}")
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if not 1 <= month <= 12:
        raise InvalidValueError(f"month out of range in {value!r}")
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if not 1 <= parts[2] <= calendar.monthrange(year, month)[1]:
        raise InvalidValueError(f"day out of range in {value!r}")
    day = date(year, month, parts[2])
    return day, day


def is_valid_date(value: str) -> bool:
    """Whether ``value`` is a real date of the accepted precisions."""
    try:
        date_bounds(value)
    except ValueError:
        return False
    return True


def earliest(value: str) -> date:
    """The first day ``value`` may stand for."""
    return date_bounds(value)[0]


def latest(value: str) -> date:
    """The last day ``value`` may stand for."""
    return date_bounds(value)[1]
