"""The lever: how the verdict margin moves as one claim's score runs from 0 to 1.

Drawn as columns above and below a zero line (above: the current leader stays ahead;
below: it falls behind), with the current score marked, so a glance says whether this
argument can decide the debate.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from ..render import ACCENT, ATTACK, figure
from ..viewmodels import LeverState
from .panel import Panel

__all__ = ["LeverChart", "interpolate"]

#: Rows above and below the zero line.
HALF = 2
_UP = " ▁▂▃▄▅▆▇█"


def interpolate(curve: tuple[tuple[float, float], ...], x: float) -> float:
    """The margin at score ``x``, read linearly between the samples.

    >>> interpolate(((0.0, -1.0), (1.0, 1.0)), 0.25)
    -0.5
    """
    if x <= curve[0][0]:
        return curve[0][1]
    for (x0, y0), (x1, y1) in zip(curve, curve[1:], strict=False):
        if x <= x1:
            t = 0.0 if x1 == x0 else (x - x0) / (x1 - x0)
            return y0 + t * (y1 - y0)
    return curve[-1][1]


class LeverChart(Panel):
    """A small chart of the verdict margin against one score."""

    DEFAULT_CSS = """
    LeverChart { height: auto; }
    """

    state: reactive[LeverState] = reactive(LeverState)

    def watch_state(self) -> None:
        self.rebuild()

    def build(self) -> Text:
        state = self.state
        out = Text(no_wrap=True)
        out.append("Lever", style="bold")
        title = f": the verdict's margin as this {state.what} runs 0 → 1"
        if self.size.width and self.size.width < len(title) + 17:
            title = f": margin as the {state.what.split()[0]} runs 0 → 1"
        out.append(title, style="dim")
        out.append(" · updating" if state.stale else "           ", style="italic dim")
        if state.pending:
            out.append("\n  working it out…", style="italic dim")
            return out
        if state.note or not state.curve:
            out.append("\n  ")
            out.append(state.note or "no curve for this node", style="italic dim")
            return out
        curve = state.curve
        axis = 7
        width = max(10, min(self.size.width - axis - 2, 60))
        xs = [i / (width - 1) for i in range(width)]
        ys = [interpolate(curve, x) for x in xs]
        top = max(0.05, max(abs(y) for y in ys))
        cur_col = round(state.current * (width - 1)) if state.current is not None else None
        rows: list[Text] = []
        for r in range(HALF, 0, -1):  # above the zero line, top row first
            line = Text(no_wrap=True)
            label = f"{top:+.2f} " if r == HALF else ""
            line.append(
                label.rjust(axis - 1) + "┤" if r == HALF else " " * (axis - 1) + "│", style="dim"
            )
            for c, y in enumerate(ys):
                cells = max(0.0, y) / top * HALF - (r - 1)
                ch = _UP[min(8, max(0, round(cells * 8)))] if cells < 1 else "█"
                line.append(ch, style=self._style(c, cur_col, above=True))
            rows.append(line)
        zero = Text(no_wrap=True)
        zero.append(" 0.00 ".rjust(axis - 1) + "┼", style="dim")
        flips = {round(x * (width - 1)) for x in _crossings(curve)}
        for c in range(width):
            if c == cur_col:
                zero.append("●", style=f"bold {ACCENT}")
            elif c in flips:
                zero.append("×", style="bold")
            else:
                zero.append("─", style="dim")
        rows.append(zero)
        for r in range(1, HALF + 1):  # below the zero line
            line = Text(no_wrap=True)
            label = f"{-top:+.2f} " if r == HALF else ""
            line.append(
                label.rjust(axis - 1) + "┤" if r == HALF else " " * (axis - 1) + "│", style="dim"
            )
            for c, y in enumerate(ys):
                cells = max(0.0, -y) / top * HALF - (r - 1)
                ch = "█" if cells >= 1 else ("▀" if cells >= 0.5 else " ")
                line.append(ch, style=self._style(c, cur_col, above=False))
            rows.append(line)
        foot = Text(no_wrap=True)
        foot.append(" " * axis + "0", style="dim")
        if cur_col is not None and state.current is not None:
            mark = f"▲ now {figure(state.current)}"
            pad = max(0, cur_col - 1)
            room = width - 2
            if pad + len(mark) > room:
                pad = max(0, room - len(mark))
            foot.append(" " * pad)
            foot.append(mark, style=f"bold {ACCENT}")
            used = 1 + pad + len(mark)
            foot.append(" " * max(1, width - used - 1))
        else:
            foot.append(" " * (width - 2))
        foot.append("1", style="dim")
        for row in rows:
            out.append("\n")
            out.append_text(row)
        out.append("\n")
        out.append_text(foot)
        crossings = _crossings(curve)
        out.append("\n")
        if state.leader and state.tied:
            out.append(f"  tied now; above the line: {state.leader} pulls ahead; ", style="dim")
        elif state.leader:
            out.append(f"  above the line: {state.leader} stays ahead; ", style="dim")
        if crossings:
            out.append(
                "the verdict flips at " + ", ".join(f"{x:.2f}" for x in crossings), style="bold"
            )
        else:
            what = "weight of this link" if state.what == "link weight" else "base score of it"
            out.append(f"no {what} flips the verdict", style="italic")
        return out

    @staticmethod
    def _style(col: int, cur_col: int | None, *, above: bool) -> str:
        if col == cur_col:
            return f"bold {ACCENT}"
        return "grey70" if above else ATTACK


def _sign(y: float) -> int:
    """The verdict a margin means: +1 the leader stays ahead, -1 it falls behind, 0 a tie
    (within the tie tolerance the engine uses)."""
    return 0 if abs(y) <= 1e-9 else (1 if y > 0 else -1)


def _crossings(curve: tuple[tuple[float, float], ...]) -> list[float]:
    """Where the verdict changes along the curve: where the margin crosses zero (linear
    between samples) or touches it (a tie is a change of verdict too).

    >>> _crossings(((0.0, -0.2), (0.5, 0.2), (1.0, 0.4)))
    [0.25]
    >>> _crossings(((0.0, 0.0), (0.5, 0.2), (1.0, 0.4)))
    [0.0]
    """
    out: list[float] = []
    for (x0, y0), (x1, y1) in zip(curve, curve[1:], strict=False):
        s0, s1 = _sign(y0), _sign(y1)
        if s0 == s1:
            continue
        if s0 == 0:
            x = x0
        elif s1 == 0:
            x = x1
        else:
            x = x0 + (-y0 / (y1 - y0)) * (x1 - x0)
        if not out or abs(out[-1] - round(x, 2)) > 1e-9:
            out.append(round(x, 2))
    return out
