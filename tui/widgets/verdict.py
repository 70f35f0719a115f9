"""The question and the verdict: each position's strength, who leads and by how much."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from ..render import ACCENT, POSITION_GLYPH, QUESTION_GLYPH, bar, figure, fit, flat, literal
from ..viewmodels import VerdictState
from .panel import Panel

__all__ = ["VerdictBar"]

#: At most this many positions get a row; the rest are counted.
MAX_ROWS = 4


class VerdictBar(Panel):
    """The top of the screen: the question, then a bar per position."""

    DEFAULT_CSS = """
    VerdictBar { height: auto; padding: 0 1; }
    """

    state: reactive[VerdictState | None] = reactive(None)

    def watch_state(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        state = self.state
        out = Text(no_wrap=True, overflow="ellipsis")
        if state is None:
            return out
        width = max(self.size.width - 2, 20)
        out.append(f"{QUESTION_GLYPH} ", style=f"bold {ACCENT}")
        out.append_text(literal(fit(state.question, width - 2), style="bold"))
        texts = dict(state.texts)
        if state.problem is not None:
            out.append("\n")
            out.append("No verdict: ", style="bold red")
            out.append_text(literal(fit(state.problem, width - 30)))
            out.append("  (press m for another semantics)", style="italic")
            return out
        if not texts:
            out.append(
                '\nNo positions in this graph: a verdict compares claims of kind "position".',
                style="italic",
            )
            return out
        ranking = list(state.standing.ranking)
        missing = [pid for pid in texts if pid not in dict(ranking)]
        shown = ranking[:MAX_ROWS]
        bar_width = max(8, min(30, width // 4))
        # The texts' column is as wide as the longest text shown (so the bars sit by
        # their labels on a wide terminal), and no wider than the room left.
        longest = max((len(flat(texts.get(pid, pid))) for pid, _ in shown), default=10)
        text_width = max(10, min(width - bar_width - 28, longest))
        leader = state.standing.leader
        for i, (pid, value) in enumerate(shown):
            out.append("\n")
            lead = pid == leader
            out.append("▶ " if lead else "  ", style=f"bold {ACCENT}")
            out.append(f"{POSITION_GLYPH} ", style=f"bold {ACCENT}")
            label = fit(texts.get(pid, pid), text_width).ljust(text_width)
            out.append_text(literal(label, style="bold" if lead else ""))
            out.append(" ")
            out.append(figure(value), style="bold" if lead else "")
            out.append(" ")
            out.append_text(bar(value, bar_width, style=ACCENT if lead else "grey62"))
            out.append(" ")
            out.append(self._verdict_words(state, i), style="bold" if lead else "italic")
        if len(ranking) > MAX_ROWS:
            out.append(f"\n    … and {len(ranking) - MAX_ROWS} more positions", style="dim")
        for pid in missing:
            out.append("\n")
            out.append(f"    {POSITION_GLYPH} ", style="dim")
            out.append_text(literal(fit(texts[pid], text_width), style="dim"))
            out.append("  not in this view", style="dim italic")
        if state.warning:
            out.append("\n")
            out.append("⚠ ", style="bold yellow")
            out.append_text(literal(fit(state.warning, width - 2), style="yellow"))
        return out

    @staticmethod
    def _verdict_words(state: VerdictState, row: int) -> str:
        standing = state.standing
        if row != 0:
            return ""
        if len(standing.ranking) == 1:
            return "the only position"
        if standing.leader is None:
            return "tied"
        margin = standing.margin or 0.0
        return f"leads by {margin:.2f}"
