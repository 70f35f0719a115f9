"""The keys at the bottom of the main screen, wrapped onto a second line when narrow.

Textual's ``Footer`` keeps to one line and cuts what does not fit, so on an 80-column
terminal ``d e ^s q`` fell off the end. This bar shows the same bindings (those marked
``show``, in the screen's order) and wraps between keys, never inside one, so every key
is always on screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from .panel import Panel

__all__ = ["KeyBar", "key_items"]


def key_items(bindings: list[Binding]) -> list[tuple[str, str]]:
    """``(key, description)`` of each binding shown in a footer, in order.

    >>> key_items([Binding("ctrl+s", "save", "save"), Binding("j", "down", "down", show=False)])
    [('^s', 'save')]
    """
    out = []
    for b in bindings:
        if not b.show:
            continue
        key = b.key_display or b.key.split(",")[0]
        key = key.replace("ctrl+", "^")
        out.append((key, b.description))
    return out


class KeyBar(Panel):
    """Every key the screen shows, on as many lines as it takes (one, usually)."""

    DEFAULT_CSS = """
    KeyBar { height: auto; padding: 0 1; background: $footer-background; }
    """

    def __init__(self, bindings: list[Binding], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = key_items(bindings)

    def on_mount(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        # Before the first layout the bar has no size yet: the screen's width stands in.
        width = max((self.size.width or self.app.size.width) - 2, 20)
        out = Text(no_wrap=True)
        used = 0
        for key, description in self.items:
            piece = len(key) + 1 + len(description)
            if used and used + 2 + piece > width:
                out.append("\n")
                used = 0
            elif used:
                out.append("  ")
                used += 2
            out.append(key, style="bold")
            out.append(" " + description, style="dim")
            used += piece
        return out
