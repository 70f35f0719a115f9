"""Two one-line strips: the mode line (what the keys do now) and the breadcrumbs."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from ..render import LENS, fit, literal, path_forms
from ..viewmodels import Mode
from .panel import Panel

__all__ = ["Breadcrumbs", "ModeLine"]


class ModeLine(Panel):
    """``semantics · scoring: claim base · lens · as of · unsaved, and the sheet``: always
    visible, so the user knows what ``0``-``9`` will change before pressing it and where
    the scores go. On a narrow terminal the labels go first, then the sheet's folders
    (never part of a name)."""

    DEFAULT_CSS = """
    ModeLine { height: 1; padding: 0 1; }
    """

    mode: reactive[Mode | None] = reactive(None)

    def watch_mode(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        mode = self.mode
        out = Text(no_wrap=True, overflow="ellipsis")
        if mode is None:
            return out
        width = max(self.size.width - 2, 20)
        shortest = self._sheet(mode, 0)
        left = self._left(mode, labels=True)
        if left.cell_len + 5 + shortest.cell_len > width:  # narrow: the labels go first
            left = self._left(mode, labels=False)
        out.append_text(left)
        out.append("  │  ", style="dim")
        out.append_text(self._sheet(mode, width - out.cell_len))
        return out

    @staticmethod
    def _left(mode: Mode, *, labels: bool) -> Text:
        out = Text(no_wrap=True)
        if labels:
            out.append("semantics ", style="dim")
        out.append(mode.semantics, style="bold")
        out.append("  │  ", style="dim")
        if labels:
            out.append("scoring: ", style="dim")
        if mode.scoring_link:
            out.append("link weight", style="bold reverse")
            if not mode.link_available:
                out.append(" (no link here)", style="italic")
        else:
            out.append("claim base", style="bold reverse")
        if mode.lens is not None:
            out.append("  │  ", style="dim")
            out.append("● lens: " if labels else "● ", style=f"bold {LENS}")
            out.append_text(literal(fit(mode.lens, 28 if labels else 16), style="bold"))
        if mode.day is not None:
            out.append("  │  ", style="dim")
            if labels:
                out.append("as of ", style="dim")
            out.append(mode.day, style="bold")
        return out

    @staticmethod
    def _sheet(mode: Mode, room: int) -> Text:
        """The unsaved count and the sheet in use, its path shortened at a folder; with a
        panel, whose sheet it is when not the user's (read-only) and the panel's keys."""
        out = Text(no_wrap=True)
        if mode.read_only_scorer is not None:
            out.append_text(literal(fit(mode.read_only_scorer, 16), style="bold"))
            out.append("'s, read-only", style="bold yellow")
            if mode.unsaved:
                out.append(f" (yours: {mode.unsaved} unsaved, ^s)", style="yellow")
        elif mode.unsaved:
            noun = "change" if mode.unsaved == 1 else "changes"
            out.append(f"{mode.unsaved} unsaved {noun}", style="bold yellow")
            out.append(" (^s)", style="dim")
        elif not mode.sheet_exists:
            out.append("new sheet", style="dim")
        else:
            out.append("saved", style="dim")
        panel = f"  {mode.panel} sheets: v p" if mode.panel > 1 else ""
        if mode.sheet:
            forms = path_forms(mode.sheet)
            left = room - out.cell_len - 1 - len(panel)
            out.append(" " + next((f for f in forms if len(f) <= left), forms[-1]), style="dim")
        if panel:
            out.append(panel, style="dim")
        return out


class Breadcrumbs(Panel):
    """Where the cursor is in the tree (question › position › …) and how far back the
    history goes."""

    DEFAULT_CSS = """
    Breadcrumbs { height: 1; padding: 0 1; }
    """

    trail: reactive[tuple[str, ...]] = reactive(())
    back: reactive[int] = reactive(0)

    def watch_trail(self) -> None:
        self.rebuild()

    def watch_back(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        width = max(self.size.width - 2, 20)
        suffix = f"   ⌫ back ({self.back})" if self.back else ""
        room = width - len(suffix)
        parts = list(self.trail)
        pieces: list[str] = []
        if parts:
            last = fit(parts[-1], max(20, room // 2))
            rest = parts[:-1]
            share = (room - len(last) - 3 * len(rest)) // max(len(rest), 1)
            pieces = [fit(p, max(8, share)) for p in rest] + [last]
        # Drop from the start (not the end: where one is matters most) until it fits.
        while len(pieces) > 2 and len(" › ".join(pieces)) + 2 > room:
            if pieces[0] == "…":
                pieces.pop(1)
            else:
                pieces[0] = "…"
        for i, piece in enumerate(pieces):
            if i:
                out.append(" › ", style="dim")
            out.append_text(literal(piece, style="bold" if i == len(pieces) - 1 else ""))
        if suffix:
            out.append(suffix, style="dim")
        return out
