"""A block of text that redraws cheaply: the base of the screen's read-only panels.

Textual lays the whole screen out again whenever a widget of automatic height changes
its content, and every widget is then drawn anew. A score change alters figures, not
the shape of the text, so :class:`Panel` builds its text once per change (not once per
frame) and asks for a new layout only when the text's shape (its lines and their
lengths) changed.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

__all__ = ["Panel", "shape"]


def shape(text: Text) -> tuple[int, ...]:
    """The length of each line: text of the same shape wraps the same way.

    >>> shape(Text("ab\\ncde"))
    (2, 3)
    """
    return tuple(len(line) for line in text.plain.split("\n"))


class Panel(Widget):
    """A widget that shows the text :meth:`build` returns; call :meth:`rebuild` when
    what it shows changed."""

    DEFAULT_CSS = """
    Panel { height: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text()
        self._shape: tuple[int, ...] | None = None

    def build(self) -> Text:
        """The text to show, from the widget's current state."""
        return Text()

    def rebuild(self) -> None:
        """Build the text again; lay the screen out again only if its shape changed."""
        text = self.build()
        new_shape = shape(text)
        layout = new_shape != self._shape
        self._text, self._shape = text, new_shape
        self.refresh(layout=layout)

    @property
    def text(self) -> Text:
        """What the panel shows now."""
        return self._text

    def render(self) -> Text:
        return self._text

    def on_resize(self) -> None:
        self.rebuild()
