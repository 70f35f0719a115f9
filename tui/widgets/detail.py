"""The focused claim in full: text, scores, what bears on it, and who said it where.

The list of supporters and attackers is an :class:`~textual.widgets.OptionList`;
choosing one posts :class:`ClaimDetail.Follow` and the screen moves the tree there.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from arggraph.model import Attribution, Relation
from arggraph.views import attribution_counts, attribution_date

from ..render import (
    ACCENT,
    LENS,
    POSITION_GLYPH,
    bar,
    figure,
    fit,
    glyph,
    literal,
    strength_style,
)
from ..viewmodels import Item, Snapshot
from .lever import LeverChart
from .panel import Panel
from .why import WhyPanel

__all__ = ["ClaimDetail", "ClaimHead"]

KIND_NAMES = {"position": "POSITION", "claim": "CLAIM", "evidence": "EVIDENCE"}
BAR = 20


class ClaimHead(Panel):
    """The claim's kind and id, its text, and its scores as figures and bars; the row
    the score keys act on is marked ▶."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state: Snapshot | None = None
        self.item: Item | None = None
        self.scoring_link = False

    def build(self) -> Text:
        snap, item = self.state, self.item
        out = Text()
        if snap is None or item is None:
            return out
        model = snap.graph.model
        if item.role == "question":
            out.append("THE QUESTION\n", style=f"bold {ACCENT}")
            out.append_text(literal(model.question or model.title or model.id, style="bold"))
            if model.description:
                out.append("\n\n")
                out.append_text(literal(model.description))
            g = snap.graph
            out.append(
                f"\n\n{len(g.positions)} positions · {len(g.claims)} claims · "
                f"{len(g.relations)} relations · {len(g.actors)} actors · "
                f"{len(g.documents)} documents",
                style="dim",
            )
            out.append("\nOpen a position with → or Enter; ? lists every key.", style="italic")
            return out
        if item.role == "loose-group":
            out.append("CLAIMS THAT BEAR ON NO POSITION\n", style="bold")
            out.append(
                "They support or attack no position, directly or through other "
                "claims, so they cannot move the verdict. Open the group to see them.",
                style="italic",
            )
            return out
        assert item.claim is not None
        claim = snap.graph.claims[item.claim]
        kind = KIND_NAMES.get(claim.kind, claim.kind.upper())
        if claim.kind == "position":
            out.append(f"{POSITION_GLYPH} ", style=f"bold {ACCENT}")
        out.append(kind, style="bold")
        out.append(" · ", style="dim")
        out.append_text(literal(claim.id, style="dim"))
        if snap.view.highlight and item.claim in snap.view.highlight:
            out.append("  ● in the lens", style=f"bold {LENS}")
        elif snap.view.highlight and item.claim not in snap.view.claims:
            out.append("  not in the lens", style="dim italic")
        out.append("\n")
        out.append_text(literal(claim.text, style="bold"))
        out.append("\n\n")
        width = self.size.width or 60
        bar_width = max(5, min(BAR, width - 34))
        base = snap.base(item.claim)
        own = item.claim in snap.bases
        marker_base = not self.scoring_link
        out.append("▶ " if marker_base else "  ", style="bold reverse" if marker_base else "")
        out.append("base     ", style="bold" if marker_base else "")
        out.append(figure(base), style="bold")
        out.append(" ")
        out.append_text(bar(base, bar_width, style="grey70"))
        out.append(" yours" if own else " graph's", style="dim")
        if own and claim.base != base and width >= 60:
            out.append(f" (graph {claim.base:.2f})", style="dim")
        out.append("\n  strength ")
        value = snap.strength(item.claim)
        out.append(figure(value), style="bold " + strength_style(value))
        out.append(" ")
        out.append_text(bar(value, bar_width, style=ACCENT))
        out.append(f" {snap.semantics}", style="dim")
        if item.repeat:
            out.append("\n  ↻ this claim is already on the path above: a cycle", style="italic")
        out.append("\n")
        marker_link = self.scoring_link
        if item.relation is not None:
            rel = snap.graph.relations[item.relation]
            target = snap.graph.claims.get(rel.target)
            weight = snap.weight(rel.id)
            out.append("▶ " if marker_link else "  ", style="bold reverse" if marker_link else "")
            out.append("link     ", style="bold" if marker_link else "")
            out.append(figure(weight), style="bold")
            out.append(" ")
            out.append_text(bar(weight, bar_width, style="grey70"))
            out.append(" ")
            out.append_text(glyph(rel.type))
            out.append(" supports" if rel.type == "support" else " attacks", style="dim")
            if target is not None:
                out.append("\n           the claim: ", style="dim")
                out.append_text(literal(fit(target.text, max(12, width - 24)), style="italic"))
            for premise in rel.premises[1:]:
                other = snap.graph.claims.get(premise)
                out.append("\n           together with: ", style="dim")
                text = other.text if other is not None else premise
                out.append_text(literal(fit(text, max(12, width - 28)), style="italic"))
            aimed = snap.graph.relations_into(rel.id)
            if aimed:
                backs = sum(1 for r in aimed if r.type == "support")
                out.append(
                    f"\n           backed by {backs}, undercut by {len(aimed) - backs} "
                    "(relations aimed at this link; not drawn in the tree yet)",
                    style="dim italic",
                )
        elif marker_link:
            out.append("▶ link     —  ", style="bold")
            out.append("no link: this claim is not under another claim here", style="italic")
        return out


class ClaimDetail(Vertical):
    """Everything about the claim under the tree's cursor: its text and scores, why its
    strength is what it is (:class:`~tui.widgets.why.WhyPanel`), its lever
    (:class:`~tui.widgets.lever.LeverChart`), what supports and attacks it, and who said
    it where. The screen sets the why and lever panels' state directly."""

    DEFAULT_CSS = """
    ClaimDetail { height: auto; }
    ClaimDetail > #links { height: auto; max-height: 12; margin: 0 0 1 0; }
    ClaimDetail > .title { color: $text-muted; text-style: bold; margin: 1 0 0 0; }
    """

    class Follow(Message):
        """The user chose a supporter or attacker to go to."""

        def __init__(self, relation: str) -> None:
            self.relation = relation
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state: Snapshot | None = None
        self.item: Item | None = None
        self.scoring_link = False
        self._shown_links: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield ClaimHead(id="head")
        yield WhyPanel(id="why")
        yield LeverChart(id="lever")
        yield Static("", id="links-title", classes="title")
        yield OptionList(id="links")
        yield Static(id="sources")

    # ------------------------------------------------------------------ showing
    def show(self, item: Item | None) -> None:
        """Show ``item`` (a tree node's data) in full."""
        self.item = item
        self._render_head()
        self._render_links()
        self._render_sources()

    def refresh_figures(self) -> None:
        """Redraw what scores change: the head and the strengths in the list."""
        self._render_head()
        self._render_links(keep_cursor=True)

    def _render_head(self) -> None:
        head = self.query_one(ClaimHead)
        head.state, head.item, head.scoring_link = self.state, self.item, self.scoring_link
        head.rebuild()

    def _visible_children(self) -> list[Relation]:
        snap, item = self.state, self.item
        if snap is None or item is None or item.claim is None or item.repeat:
            return []
        rels = [r for r in snap.children.get(item.claim, []) if snap.dated_relation(r.id)]
        return rels

    def _render_links(self, *, keep_cursor: bool = False) -> None:
        snap = self.state
        options = self.query_one("#links", OptionList)
        title = self.query_one("#links-title", Static)
        rels = self._visible_children()
        if snap is None or not rels:
            options.clear_options()
            self._shown_links = ()
            title.update(Text(""))
            options.display = False
            return
        width = max(20, self.size.width - 12)
        prompts = [self._link_prompt(rel, width) for rel in rels]
        ids = tuple(rel.id for rel in rels)
        if keep_cursor and ids == self._shown_links:
            for i, prompt in enumerate(prompts):  # same list: new figures, no new layout
                options.replace_option_prompt_at_index(i, prompt)
            return
        n_sup = sum(1 for r in rels if r.type == "support")
        title.update(Text(f"For ({n_sup}) and against ({len(rels) - n_sup})  · Tab to pick one"))
        options.display = True
        options.clear_options()
        options.add_options([Option(p, id=rid) for p, rid in zip(prompts, ids, strict=True)])
        options.highlighted = 0
        self._shown_links = ids

    def _link_prompt(self, rel: Relation, width: int) -> Text:
        snap = self.state
        assert snap is not None
        first = rel.premises[0]
        claim = snap.graph.claims[first]
        value = snap.strength(first)
        prompt = Text(no_wrap=True, overflow="ellipsis")
        prompt.append_text(glyph(rel.type))
        prompt.append(" ")
        prompt.append(figure(value), style=strength_style(value))
        prompt.append(" ")
        others = len(rel.premises) - 1
        linked = f" + {others} linked premise{'s' if others > 1 else ''}" if others else ""
        prompt.append_text(literal(fit(claim.text, max(12, width - len(linked)))))
        if linked:
            prompt.append(linked, style="italic")
        return prompt

    def _render_sources(self) -> None:
        sources = self.query_one("#sources", Static)
        snap, item = self.state, self.item
        if snap is None or item is None or item.claim is None:
            sources.update(Text())
            return
        claim = snap.graph.claims[item.claim]
        parts: list[RenderableType] = self._attributions("Who says so", claim.attributions)
        if item.relation is not None:
            rel = snap.graph.relations[item.relation]
            verb = "supports" if rel.type == "support" else "attacks"
            parts.append(Text())
            parts.extend(
                self._attributions(f"Who says it {verb} the claim above", rel.attributions)
            )
        sources.update(Group(*parts))

    def _attributions(self, heading: str, atts: list[Attribution]) -> list[RenderableType]:
        """A heading, then one entry per attribution: who (and their role), the quote,
        the document and date; indented as a block so wrapped lines line up."""
        snap = self.state
        assert snap is not None
        out: list[RenderableType] = [Text(f"{heading} ({len(atts)})", style="bold")]
        if not atts:
            out.append(
                Text(
                    "  no attribution: nobody in the sources is quoted for this", style="italic dim"
                )
            )
            return out
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(ratio=1)
        for att in atts:
            when = attribution_date(snap.graph, att)
            later = snap.day is not None and not attribution_counts(when, snap.day)
            dim = "dim" if later else ""
            actor = snap.graph.actors.get(att.actor)
            body = Text()
            body.append_text(literal(actor.name if actor else att.actor, style=f"bold {dim}"))
            if actor is not None:
                role = ", ".join(x for x in (actor.kind, actor.role, actor.affiliation) if x)
                body.append(" — ", style="dim")
                body.append_text(literal(role, style="dim"))
            if att.quote:
                body.append("\n“", style=dim)
                body.append_text(literal(att.quote, style=f"italic {dim}"))
                body.append("”", style=dim)
            doc = snap.graph.documents.get(att.document) if att.document else None
            where: list[str] = []
            if doc is not None:
                where.append(doc.title)
                if doc.publisher or doc.author:
                    where.append(doc.publisher or doc.author or "")
            elif att.document:
                where.append(att.document)
            if when:
                where.append(when)
            if where:
                body.append("\n")
                body.append_text(literal(" · ".join(where), style="dim"))
            if later:
                body.append(f"\nsaid after {snap.day}: does not count yet", style="italic dim")
            grid.add_row(Text("•", style=dim), body)
        out.append(grid)
        return out

    @on(OptionList.OptionSelected, "#links")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Follow(event.option.id))
