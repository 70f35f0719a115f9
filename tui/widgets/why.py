"""Why: what drives the focused claim, and which scores could flip the verdict.

A claim that backs or undercuts an inference (and so moves what it drives through the
weight of a link) is marked ``∴`` before its text.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.reactive import reactive

from ..render import ATTACK, INFERENCE_GLYPH, SUPPORT, figure, fit, literal, signed
from ..viewmodels import Driver, WhyState
from .panel import Panel

__all__ = ["WhyPanel", "flip_cell"]


#: Cells of the effect and flip columns.
EFFECT = 7
FLIP = 12


def flip_cell(base: float, flip: float | None, known: bool, *, narrow: bool = False) -> str:
    """``0.50→0.66`` (``→0.66`` when ``narrow``), ``never``, or ``…`` while unknown.

    >>> flip_cell(0.5, 0.66, True), flip_cell(0.5, None, True), flip_cell(0.5, None, False)
    ('0.50→0.66', 'never', '…')
    >>> flip_cell(0.5, 0.66, True, narrow=True)
    '→0.66'
    """
    if not known:
        return "…"
    if flip is None:
        return "never"
    return f"→{figure(flip)}" if narrow else f"{figure(base)}→{figure(flip)}"


class WhyPanel(Panel):
    """Two short ranked lists, each claim with how far its base score would have to
    move to flip the verdict: what moves the focused claim, what decides the verdict."""

    DEFAULT_CSS = """
    WhyPanel { height: auto; padding: 0 0 1 0; }
    """

    state: reactive[WhyState] = reactive(WhyState)
    _narrow = False
    _flip = FLIP
    _effect = EFFECT

    def watch_state(self) -> None:
        self.rebuild()

    def _row(
        self,
        out: Text,
        d: Driver,
        width: int,
        dim: str,
        flips: Mapping[str, float | None],
    ) -> None:
        style = SUPPORT if d.effect > 0 else ATTACK
        out.append("\n  ")
        out.append("▲ " if d.effect > 0 else "▼ " if d.effect < 0 else "  ", style=f"bold {style}")
        if d.on_inference:  # it backs or undercuts an inference: marked by a glyph, not colour
            out.append(f"{INFERENCE_GLYPH} ", style=f"bold {dim}")
            width -= 2
        out.append_text(literal(fit(d.text, width).ljust(width), style=dim))
        out.append(signed(d.effect).rjust(self._effect), style=f"bold {style} {dim}")
        known = d.flip_known or d.claim in flips
        flip = d.flip if d.flip_known else flips.get(d.claim)
        cell = flip_cell(d.base, flip, known)
        out.append(cell.rjust(self._flip), style=f"{'bold' if flip is not None else 'dim'} {dim}")

    def _header(self, out: Text, title: str, width: int, effect: str) -> None:
        out.append("\n")
        out.append_text(literal(fit(title, width + 4).ljust(width + 4), style="underline"))
        out.append(effect.rjust(self._effect), style="dim")
        out.append(("flips" if self._narrow else "flips at").rjust(self._flip), style="dim")

    def build(self) -> Text:
        state = self.state
        width = self.size.width or 60
        # Narrow: shorter headings, but the flip cell keeps the score
        # it flips from (``0.50→0.66``): without it the arrow reads as a change of nothing.
        self._narrow = width < 60
        self._flip = 10 if self._narrow else FLIP
        self._effect = EFFECT
        text_width = max(8, width - 4 - self._effect - self._flip)
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append("Why", style="bold")
        busy = state.stale or state.verdict_stale
        out.append(" · updating" if busy else "           ", style="italic dim")
        focus_dim = "dim" if state.stale else ""
        verdict_dim = "dim" if state.verdict_stale else ""
        flips = state.flips
        if state.pending:
            out.append("\n  working it out…", style="italic dim")
        elif state.note:
            out.append("\n  ")
            out.append_text(literal(fit(state.note, width - 4), style="italic"))
        elif state.topic is not None:
            self._header(
                out,
                f"What moves {state.subject} (strength {figure(state.strength)})",
                text_width,
                "effect",
            )
            if not state.drivers:
                out.append(
                    "\n  nothing bears on it: its strength is its base score", style="italic dim"
                )
            for d in state.drivers:
                self._row(out, d, text_width, focus_dim, flips)
        if state.verdict_pending:
            out.append("\nWhat decides the verdict", style="underline")
            out.append("\n  working it out…", style="italic dim")
            return out
        if state.verdict_note:
            out.append("\nWhat decides the verdict", style="underline")
            out.append("\n  ")
            out.append_text(literal(fit(state.verdict_note, width - 4), style="italic dim"))
            return out
        self._header(out, "What decides the verdict", text_width, "margin")
        if not state.deciders and state.bearing:
            out.append(
                f"\n  {state.bearing} claim{'s bear' if state.bearing > 1 else ' bears'} on "
                "the positions, moving both alike",
                style="italic dim",
            )
        elif not state.deciders:
            out.append("\n  no claim bears on the positions", style="italic dim")
        for d in state.deciders:
            self._row(out, d, text_width, verdict_dim, flips)
        near = state.nearest
        if near is not None and all(d.claim != near.claim for d in state.deciders):
            out.append("\n  nearest flip:", style=f"italic {verdict_dim}")
            self._row(out, near, text_width, verdict_dim, flips)
        return out
