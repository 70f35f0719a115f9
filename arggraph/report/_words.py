"""Small words both writers share: dates as a reader says them, figures, lists.

>>> readable_date("2023-03-06"), readable_date("2023-07"), readable_date("2023")
('6 March 2023', 'July 2023', '2023')
>>> readable_date("2023-02-27/2023-03")
'27 February 2023 to March 2023'
>>> figure(0.74374), figure(1.0), figure(0.0049)
('0.74', '1.00', '0.00')
"""

from __future__ import annotations

import calendar

from ..dates import interval_ends, is_interval, is_valid_date

__all__ = ["LINK_CHARS", "figure", "link_text", "plural", "readable_date", "small"]

#: A claim's text is cut to this many characters where another part links to it.
LINK_CHARS = 90


def _one(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def readable_date(value: str) -> str:
    """A date of the format (``2023``, ``2023-07``, ``2023-07-14``, or ``START/END``) as
    a reader says it; anything else is returned as it is."""
    if not is_valid_date(value):
        return value
    if is_interval(value):
        start, end = interval_ends(value)
        return f"{_one(start)} to {_one(end)}"
    return _one(value)


def figure(value: float) -> str:
    """A strength, base score or margin to two decimals, as the report prints them."""
    return f"{value:.2f}"


def small(value: float) -> str:
    """A small number such as a tolerance, as papers write it.

    >>> small(1e-9), small(2.5e-10), small(0.001)
    ('1e-9', '2.5e-10', '0.001')
    """
    return f"{value:g}".replace("e-0", "e-").replace("e+0", "e+")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``count`` and the noun, in the plural unless the count is one.

    >>> plural(1, "claim"), plural(3, "claim"), plural(2, "body", "bodies")
    ('1 claim', '3 claims', '2 bodies')
    """
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def link_text(text: str, whole: bool = False) -> str:
    """A claim's text as a link to it shows it: on one line, cut to :data:`LINK_CHARS`
    characters (an ellipsis last) unless ``whole``. Not escaped: each writer escapes it
    for its own markup.

    >>> link_text("Ukraine should  withdraw " * 10)[-12:]
    'e should wi…'
    >>> link_text("Hold  the line", whole=True)
    'Hold the line'
    """
    flat = " ".join(text.split())
    if whole or len(flat) <= LINK_CHARS:
        return flat
    return flat[: LINK_CHARS - 1].rstrip() + "…"
