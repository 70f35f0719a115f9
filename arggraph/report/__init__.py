"""A report for readers: the debate and its verdict on one page, for people who will not
install anything (``arggraph report``).

:func:`build_report` computes what the report says from a graph and its score sheets
(:mod:`.content`: the verdict and whether it holds under every gradual semantics, each
scorer's and the panel's verdicts, the claims that decide it with their flip points, every
claim with its quotes, the method and a reproducibility record); :func:`render_report`
writes it in one of the :data:`FORMATS`: ``html`` (:mod:`.html`, one self-contained page)
or ``md`` (:mod:`.markdown`, for GitHub).

>>> from arggraph.io import loads
>>> g = loads('''{"id": "g", "question": "Go or stay?", "claims": [
...   {"id": "go", "text": "Go", "kind": "position"},
...   {"id": "stay", "text": "Stay", "kind": "position"},
...   {"id": "cost", "text": "It *costs*", "base": 0.8}],
...  "relations": [{"type": "attack", "source": "cost", "target": "stay"}]}''')
>>> text = render_report(build_report(g), "md")
>>> print(text.splitlines()[0])
# Go or stay?
>>> "It \\\\*costs\\\\*" in text
True
"""

from __future__ import annotations

import typing

from .._lazy import lazy_exports as _lazy_exports
from .registry import FORMATS, ReportFormat, format_for, report_format

if typing.TYPE_CHECKING:
    from .content import ReportContent, build_report

# Imported when first read: the command line's parser reads only the registry.
__getattr__, __dir__ = _lazy_exports(__name__, {".content": ("ReportContent", "build_report")})

__all__ = [
    "FORMATS",
    "ReportContent",
    "ReportFormat",
    "build_report",
    "format_for",
    "render_report",
    "report_format",
]


def render_report(content: ReportContent, fmt: str) -> str:
    """The report ``content`` in format ``fmt`` (a name in :data:`FORMATS`), as text.
    Raises :class:`~arggraph.errors.UsageError` for an unknown format."""
    return report_format(fmt).load_writer()(content)
