"""Dates as sources give them: a day, or only a month or a year.

A news report often says "in July 2023" and nothing finer, so the format accepts
ISO 8601 dates of reduced precision (``2023``, ``2023-07``, ``2023-07-14``). Each
stands for an interval of days; comparisons use its first or last day as the
question demands (a quote is "after" its document only when it is surely after).

>>> date_bounds("2023-02")
(datetime.date(2023, 2, 1), datetime.date(2023, 2, 28))
>>> is_valid_date("2023-13")
False
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .errors import InvalidValueError

__all__ = ["DATE_PATTERN", "date_bounds", "earliest", "is_valid_date", "latest"]

#: The JSON Schema pattern of a date of the format (checked in full by ``is_valid_date``).
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DATE_RE = re.compile(DATE_PATTERN)


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day that ``value`` may stand for.

    Raises :class:`~arggraph.errors.InvalidValueError` (a ValueError) for a string that
    is not a real date of these forms.

    >>> date_bounds("2023")
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    >>> date_bounds("2023-05-20")
    (datetime.date(2023, 5, 20), datetime.date(2023, 5, 20))
    >>> date_bounds("2023-02-30")
    Traceback (most recent call last):
    ...
    arggraph.errors.InvalidValueError: day out of range in '2023-02-30'
    """
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise InvalidValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
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
