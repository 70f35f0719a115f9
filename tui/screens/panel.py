"""A panel of score sheets in the UI: whose scores drive the screen (``v``) and the
panel view (``p``), where the scorers disagree and which disagreements are decisive.

The panel view is :func:`arggraph.panel.compare` on the sheets as they stand (the
user's own with its unsaved changes): each scorer's verdict and the consensus's, the
robustness line, then every claim and relation the scorers disagree on, the largest
swing first, each with its spread (a bar and a number), every scorer's value (in
brackets where they left it to the graph) and ``◆`` where it is decisive (the verdict
flips as that one value runs over the panel's range, the others at the median).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from arggraph.graph import Graph
from arggraph.model import ScoreSheet

from ..render import ACCENT, bar, fit, home_short, ident, literal
from ..viewmodels import Results, Row

__all__ = ["DECISIVE_GLYPH", "ScorerScreen", "panel_results"]

#: The mark of a decisive disagreement.
DECISIVE_GLYPH = "◆"


def panel_results(
    graph: Graph,
    sheets: Sequence[ScoreSheet],
    paths: Sequence[Path | None],
    semantics: str,
    *,
    own: int = 0,
    driving: int = 0,
) -> Results:
    """The panel view of ``sheets`` (``own`` is the user's, ``driving`` the one on
    screen): a summary of the verdicts and robustness, and a row per disputed claim or
    relation whose Enter goes to the claim (a relation's first premise).

    Raises what :func:`arggraph.panel.compare` raises (the result screen shows it).
    """
    from arggraph.panel import Panel, compare, robustness

    panel = Panel.of(graph, sheets, paths)
    result = compare(panel, semantics)
    summary = Text()
    names = panel.names
    width = max(len(n) for n in names)
    for j, name in enumerate(names):
        summary.append_text(literal(f"{fit(name, 20):<{min(width, 20)}}", style="bold"))
        role = "yours" if j == own else "read-only"
        if j == driving:
            role += ", on screen"
        summary.append(f"  {role:<22}", style="dim")
        if result.positions:
            summary.append_text(_verdict(result.verdicts[j].leader, result.verdicts[j].margin))
        summary.append("\n")
    if result.positions:
        c = result.consensus
        summary.append(f"{'median':<{min(width, 20)}}  {'consensus':<22}", style="dim")
        summary.append_text(_verdict(c.leader, c.margin))
        summary.append("\n\n")
        summary.append_text(literal(robustness(panel, semantics).line(), style="italic"))
        summary.append("\n")
    else:
        summary.append("The graph has no positions: no verdict to compare.\n", style="italic")
    disputed = result.disputed
    if len(names) == 1:
        summary.append(
            "\nOne sheet only: open more with --scores (several times, or a folder).",
            style="italic",
        )
    elif not disputed:
        summary.append("\nThe scorers agree on every value.", style="italic")
    else:
        decisive = len(result.decisive)
        summary.append(
            f"\n{len(disputed)} disagreement{'s' if len(disputed) != 1 else ''}, the largest "
            f"swing in the margin first; {DECISIVE_GLYPH} decisive ({decisive}): the verdict "
            "flips as that one value runs over the panel's range, the others at the median. "
            "Values in brackets are the graph's own, left by that scorer.",
            style="dim",
        )
    rows = []
    for lever in disputed:
        prompt = Text(no_wrap=True, overflow="ellipsis")
        if lever.decisive:
            prompt.append(f"{DECISIVE_GLYPH} ", style=f"bold {ACCENT}")
        else:
            prompt.append("  ")
        prompt.append_text(bar(lever.spread, 6, style="yellow"))
        prompt.append(f" {lever.spread:.2f}  ", style="bold" if lever.decisive else "")
        for value, scored in zip(lever.values, lever.scored, strict=True):
            prompt.append(
                f"{value:.2f} " if scored else f"({value:.2f})", style="" if scored else "dim"
            )
            prompt.append(" ")
        if lever.flips_at is not None:
            prompt.append(f"flips at {lever.flips_at:.3f}  ", style=f"bold {ACCENT}")
        if lever.kind == "claim":
            prompt.append_text(literal(fit(graph.claims[lever.id].text, 90)))
            target = lever.id
        else:
            relation = graph.relations[lever.id]
            prompt.append("weight ", style="dim")
            prompt.append_text(ident(lever.id, "italic", 80))
            target = relation.premises[0]
        rows.append(Row(prompt, target))
    return Results(summary, rows)


def _verdict(leader: str | None, margin: float) -> Text:
    if leader is None:
        return Text("a tie", style="bold")
    out = literal(fit(leader, 30), style="bold")
    out.append(f" leads by {margin:.4f}")
    return out


class ScorerScreen(ModalScreen[int | None]):
    """``v``: whose score sheet drives the screen. Answers the chosen sheet's index in
    the session's books (``None`` on Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "cancel", id="scorer.cancel"),
    ]

    def __init__(self, names: Sequence[str], paths: Sequence[Path], driving: int) -> None:
        super().__init__(classes="dialog")
        self.names = list(names)
        self.paths = list(paths)
        self.driving = driving

    def compose(self) -> ComposeResult:
        with Vertical(classes="box picker") as box:
            box.border_title = "Whose scores"
            box.border_subtitle = "Enter picks · Escape cancels"
            yield Static(
                Text(
                    "Strengths, the verdict and the tree follow the sheet you pick. Yours is "
                    "the only one the score keys change and ctrl+s saves; the others are "
                    "read-only. p shows where the sheets disagree.",
                    style="italic",
                ),
                classes="message",
            )
            yield OptionList(*self._options(), id="scorer-list")

    def _options(self) -> list[Option]:
        out = []
        width = min(max(len(n) for n in self.names), 30)
        for i, (name, path) in enumerate(zip(self.names, self.paths, strict=True)):
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append("▶ " if i == self.driving else "  ", style=f"bold {ACCENT}")
            prompt.append_text(literal(f"{fit(name, 30):<{width}}", style="bold"))
            role = "yours: scored and saved" if i == 0 else "read-only"
            prompt.append(f"  {role:<23}", style="dim")
            prompt.append("  ")
            prompt.append_text(literal(home_short(path), style="dim"))
            out.append(Option(prompt, id=str(i)))
        return out

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.driving
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
