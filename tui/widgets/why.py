"""Why: what drives the focused claim, and which scores could flip the verdict."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.reactive import reactive

from arggraph.text import shorten

from ..render import ATTACK, SUPPORT, figure, literal, signed
from .panel import Panel

__all__ = ["Driver", "WhyPanel", "WhyState"]


@dataclass(frozen=True)
class Driver:
    """A claim that matters: ``effect`` is how much the topic's strength owes it (its
    strength with the claim minus without it); ``base`` its base score now; ``flip``
    the base score at which the verdict would change (``None``: no score of it does)."""

    claim: str
    text: str
    effect: float
    base: float
    flip: float | None = None


@dataclass(frozen=True)
class WhyState:
    """What the panel shows. The first part (``topic`` … ``note``) is about the focused
    claim, the second (``deciders`` … ``verdict_note``) about the verdict; each has its
    ``pending`` flag while a worker computes it."""

    topic: str | None = None
    strength: float | None = None
    drivers: tuple[Driver, ...] = ()
    note: str | None = None
    pending: bool = False
    stale: bool = False
    deciders: tuple[Driver, ...] = ()
    verdict_topic: str | None = None
    verdict_note: str | None = None
    verdict_pending: bool = False
    verdict_stale: bool = False

    def with_verdict(self, other: WhyState) -> WhyState:
        """This state's focused-claim part with ``other``'s verdict part."""
        return replace(self, deciders=other.deciders, verdict_topic=other.verdict_topic,
                       verdict_note=other.verdict_note,
                       verdict_pending=other.verdict_pending,
                       verdict_stale=other.verdict_stale)

    def outdated(self) -> WhyState:
        """The same figures, marked as being recomputed (shown dimmed meanwhile, so the
        panel keeps its shape instead of blinking to "working it out…")."""
        return replace(self, stale=True)

    def verdict_outdated(self) -> WhyState:
        """The same flip points, marked as being recomputed."""
        if self.verdict_pending:
            return self
        return replace(self, verdict_stale=True)


class WhyPanel(Panel):
    """Two short ranked lists: what moves this claim, what could flip the verdict."""

    DEFAULT_CSS = """
    WhyPanel { height: auto; padding: 0 0 1 0; }
    """

    state: reactive[WhyState] = reactive(WhyState)

    def watch_state(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        state = self.state
        width = max(self.size.width, 40)
        text_width = max(12, width - 22)
        out = Text()
        out.append("Why", style="bold")
        busy = state.stale or state.verdict_stale
        out.append(" · updating" if busy else "           ", style="italic dim")
        focus_style = "dim" if state.stale else ""
        verdict_style = "dim" if state.verdict_stale else ""
        if state.pending:
            out.append("\n  working it out…", style="italic dim")
        elif state.note:
            out.append("\n  ")
            out.append_text(literal(state.note, style="italic"))
        elif state.topic is not None:
            out.append(f"\nWhat moves this claim most (strength {figure(state.strength)})",
                       style="underline")
            out.append("   effect", style="dim")
            if not state.drivers:
                out.append("\n  nothing bears on it: its strength is its base score",
                           style="italic dim")
            for d in state.drivers:
                out.append("\n  ")
                style = SUPPORT if d.effect > 0 else ATTACK
                out.append("▲ " if d.effect > 0 else "▼ ", style=f"bold {style}")
                out.append_text(literal(shorten(d.text, text_width).ljust(text_width),
                                        style=focus_style))
                out.append(f"  {signed(d.effect)}", style=f"bold {style} {focus_style}")
        out.append("\n")
        out.append("What could flip the verdict", style="underline")
        if state.verdict_pending:
            out.append("\n  working it out…", style="italic dim")
            return out
        if state.verdict_note:
            out.append("\n  ")
            out.append_text(literal(state.verdict_note, style="italic dim"))
            return out
        out.append("   base now → flips at", style="dim")
        if not state.deciders:
            out.append("\n  no single claim's score can flip it", style="italic dim")
        for d in state.deciders:
            out.append("\n  ")
            out.append_text(literal(shorten(d.text, text_width).ljust(text_width),
                                    style=verdict_style))
            out.append(f"  {figure(d.base)} → ", style=verdict_style)
            out.append(figure(d.flip), style=f"bold {verdict_style}")
        return out
