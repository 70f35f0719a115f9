"""The report's output formats, one table: the CLI's ``--to`` choices, its help, the
extension check of ``-o`` and :func:`~arggraph.report.render_report` all read it.

A writer is named as ``"module:function"`` and imported only when used (the HTML writer
brings Jinja2). It takes a :class:`~arggraph.report.content.ReportContent` and returns
the report as text.

>>> [f.name for f in FORMATS.values()]
['html', 'md']
>>> format_for("out/report.markdown").name, format_for("r.txt")
('md', None)
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from .content import ReportContent

__all__ = ["FORMATS", "ReportFormat", "format_for", "report_format"]


@dataclass(frozen=True)
class ReportFormat:
    """One output format: its ``name`` (``--to``), the file ``extensions`` it is written
    to (the first is the one to suggest), a ``description`` for help texts and its
    ``writer`` (``"module:function"``); ``graphviz`` when it draws the map with Graphviz
    (and gives an outline without it)."""

    name: str
    extensions: tuple[str, ...]
    description: str
    writer: str
    graphviz: bool = False

    def load_writer(self) -> Callable[[ReportContent], str]:
        """The writer function, imported now."""
        module, function = self.writer.split(":")
        found: Callable[[ReportContent], str] = getattr(importlib.import_module(module), function)
        return found


#: The report formats, by name, the default first.
FORMATS: Mapping[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat(
            "html",
            (".html", ".htm"),
            "one self-contained page (no network fetch): the map as inline SVG, or an "
            "outline without Graphviz; reads on a phone and in print",
            "arggraph.report.html:to_html",
            graphviz=True,
        ),
        ReportFormat(
            "md",
            (".md", ".markdown"),
            "Markdown that renders on GitHub, with the map as Mermaid",
            "arggraph.report.markdown:to_markdown",
        ),
    )
}


def report_format(name: str) -> ReportFormat:
    """The format called ``name`` (:class:`~arggraph.errors.UsageError` naming the
    choices, and the nearest, for an unknown one)."""
    try:
        return FORMATS[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(FORMATS), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(
            f"unknown report format {name!r}{hint} (choose {', '.join(FORMATS)})"
        ) from None


def format_for(path: str | PurePath) -> ReportFormat | None:
    """The format a file name's extension stands for, or ``None``."""
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.extensions), None)
