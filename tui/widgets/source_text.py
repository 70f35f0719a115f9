"""A document's text, read-only, with a cursor and a keyboard selection.

Built on Textual's own :class:`~textual.widgets.TextArea` (read-only): it already moves
by character, word (ctrl+←/→), line, page and line end, selects with shift, wraps and
scrolls, so this widget only adds what picking a quote needs: a mark key (``m``: the
selection runs from the mark to wherever the cursor goes next, as Emacs's mark does),
and offsets into the document's own text for the selection and for showing a passage.

The text is shown through :func:`tui.render.visible` (control characters made visible,
one for one), so an offset into what is shown is an offset into the text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from ..render import visible

__all__ = ["SourceView"]


class SourceView(TextArea):
    """The text of a document; ``span`` is the selection as offsets into it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "mark",
            "mark",
            id="document.mark",
            tooltip="start a selection here: it runs to wherever the cursor goes (m again "
            "or Escape drops it)",
        ),
        Binding("escape", "unmark", "drop the selection", show=False, id="document.unmark"),
    ]

    def __init__(self, text: str, *, id: str | None = None) -> None:
        shown = visible(text)
        super().__init__(shown, read_only=True, soft_wrap=True, show_line_numbers=False, id=id)
        self.source = text
        # Where each line of what is shown starts, as TextArea splits it (str.splitlines),
        # and the text's end: a (row, column) location is starts[row] + column.
        starts = [0]
        for line in shown.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        self._starts = starts
        self._mark: tuple[int, int] | None = None

    # ------------------------------------------------------------------ offsets
    def offset_of(self, location: tuple[int, int]) -> int:
        """The offset into the text of a (row, column) location."""
        row, column = location
        row = min(row, len(self._starts) - 1)
        return min(self._starts[row] + column, len(self.source))

    def location_of(self, offset: int) -> tuple[int, int]:
        """The (row, column) location of an offset into the text."""
        offset = max(0, min(offset, len(self.source)))
        row = bisect_right(self._starts, offset) - 1
        row = min(row, self.document.line_count - 1)
        return row, offset - self._starts[row]

    @property
    def span(self) -> tuple[int, int]:
        """The selection as ``(start, end)`` offsets into the text, start first (equal
        when nothing is selected)."""
        a, b = (self.offset_of(loc) for loc in self.selection)
        return (a, b) if a <= b else (b, a)

    @property
    def cursor_offset(self) -> int:
        """The cursor's offset into the text."""
        return self.offset_of(self.selection.end)

    def show(self, start: int, end: int) -> None:
        """Select ``[start, end)`` of the text and scroll it into view."""
        self._mark = None
        self.selection = Selection(self.location_of(start), self.location_of(end))
        self.scroll_cursor_visible(center=True)

    # ------------------------------------------------------------------ the mark
    @property
    def marking(self) -> bool:
        """Whether a mark is set (the selection follows the cursor from it)."""
        return self._mark is not None

    def action_mark(self) -> None:
        """``m``: set the mark at the cursor (again: drop it)."""
        if self._mark is not None:
            self.action_unmark()
            return
        self._mark = self.selection.end
        self.selection = Selection(self._mark, self._mark)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape drops a mark or a selection; with neither it is the screen's (back).
        if action == "unmark":
            return self.marking or self.selection.start != self.selection.end
        return super().check_action(action, parameters)

    def action_unmark(self) -> None:
        """Escape: drop the mark and the selection (the cursor stays)."""
        self._mark = None
        end = self.selection.end
        self.selection = Selection(end, end)

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        # A move without shift collapses the selection to the cursor: with a mark set,
        # the selection runs from the mark to the cursor instead.
        sel = event.selection
        if self._mark is not None and sel.start == sel.end and sel.end != self._mark:
            self.selection = Selection(self._mark, sel.end)
