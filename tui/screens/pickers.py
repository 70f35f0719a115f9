"""Pick an actor for the lens, or an as-of date for the timeline.

Both answer ``""`` for "none" (the whole debate), the chosen id otherwise, and ``None``
when the user cancels.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from arggraph.graph import Graph
from arggraph.views import actor_statements, attribution_counts, item_dates

from ..render import LENS, fit, literal

__all__ = ["ActorScreen", "TimelineScreen", "actor_rows", "date_rows"]

NONE = "\x00none"


def actor_rows(graph: Graph) -> list[tuple[str, int, int]]:
    """Actors with how many claims and how many relations each is quoted for, most
    first, then by name."""
    rows = []
    for a in graph.actors.values():
        claims, relations = actor_statements(graph, a.id)
        rows.append((a.id, len(claims), len(relations)))
    names = {a.id: a.name.casefold() for a in graph.actors.values()}
    rows.sort(key=lambda r: (-(r[1] + r[2]), names[r[0]]))
    return rows


def date_rows(graph: Graph, dates: list[str]) -> list[tuple[str, int, int]]:
    """Each date with how many claims come in on it and how many stand by then."""
    firsts: list[str] = []
    undated = 0
    for claim in graph.claims.values():
        ds = item_dates(graph, claim)
        if not ds or claim.kind == "position":
            undated += 1
            continue
        # The first date on which the claim counts.
        firsts.append(next(d for d in dates if any(attribution_counts(x, d) for x in ds)))
    rows = []
    for day in dates:
        new = sum(1 for f in firsts if f == day)
        standing = undated + sum(1 for f in firsts if attribution_counts(f, day))
        rows.append((day, new, standing))
    return rows


class _Picker(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "cancel", id="picker.cancel"),
    ]

    TITLE_TEXT = ""
    HINT = ""

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def options(self) -> list[Option]:
        raise NotImplementedError

    def current(self) -> str:
        return NONE

    def compose(self) -> ComposeResult:
        with Vertical(classes="box picker") as box:
            box.border_title = self.TITLE_TEXT
            box.border_subtitle = "Enter picks · Escape cancels"
            yield Static(Text(self.HINT, style="italic"), classes="message")
            yield OptionList(*self.options(), id="picker-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        try:
            options.highlighted = options.get_option_index(self.current())
        except OptionDoesNotExist:  # an id no longer offered: start at the top
            options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        picked = event.option.id or NONE
        self.dismiss("" if picked == NONE else picked)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ActorScreen(_Picker):
    """``a``: whose arguments to single out."""

    TITLE_TEXT = "Actor lens"
    HINT = (
        "See one actor's arguments: their claims are marked ● and the verdict is "
        "computed from their claims alone (the positions always count)."
    )

    def __init__(self, graph: Graph, current: str | None) -> None:
        super().__init__()
        self.graph = graph
        self._current = current

    def current(self) -> str:
        return self._current or NONE

    def options(self) -> list[Option]:
        out = [Option(Text("Everyone: no lens", style="bold"), id=NONE)]
        for actor_id, claims, relations in actor_rows(self.graph):
            actor = self.graph.actors[actor_id]
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append("● ", style=LENS)
            prompt.append_text(literal(fit(actor.name, 40), style="bold"))
            prompt.append("  ")
            prompt.append_text(literal(fit(actor.kind, 20), style="dim"))
            counts = [f"{claims} claim{'s' if claims != 1 else ''}"] if claims else []
            if relations:
                counts.append(f"{relations} relation{'s' if relations != 1 else ''}")
            prompt.append("  " + (", ".join(counts) or "quoted for nothing"), style="dim")
            out.append(Option(prompt, id=actor_id))
        return out


class TimelineScreen(_Picker):
    """``t``: the debate as it stood at the end of a date."""

    TITLE_TEXT = "Timeline"
    HINT = (
        "See the debate as it stood then: only what was said by the end of that date "
        "counts. On the main screen, [ and ] step through the dates."
    )

    def __init__(self, graph: Graph, dates: list[str], current: str | None) -> None:
        super().__init__()
        self.graph = graph
        self.dates = dates
        self._current = current

    def current(self) -> str:
        return self._current or NONE

    def options(self) -> list[Option]:
        out = [Option(Text("Now: the whole debate", style="bold"), id=NONE)]
        if not self.dates:
            out.append(
                Option(Text("(this graph carries no dates)", style="dim italic"), disabled=True)
            )
        # a column as wide as the longest date: an interval (2024-03-18/2024-03-22) too
        column = max((len(d) for d in self.dates), default=10)
        for day, new, standing in date_rows(self.graph, self.dates):
            prompt = Text(no_wrap=True)
            prompt.append(f"{day:<{column}}", style="bold")
            prompt.append(f"  +{new:<3} new", style="green" if new else "dim")
            prompt.append(f"   {standing} claims by then", style="dim")
            out.append(Option(prompt, id=day))
        return out
