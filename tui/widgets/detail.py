"""The focused claim in full: text, scores, what bears on it, and who said it where.

The list of supporters and attackers is an :class:`~textual.widgets.OptionList`;
choosing one posts :class:`ClaimDetail.Follow` and the screen moves the tree there. On
an inference (``∴``) the pane shows its weight (what the score keys score there), the
strength it bears on its claim with, and lists its premises, backings and undercuts.
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

from arggraph.model import Attribution
from arggraph.views import attribution_counts, attribution_date

from ..render import (
    ACCENT,
    INFERENCE_GLYPH,
    LENS,
    POSITION_GLYPH,
    PREMISE_GLYPH,
    bar,
    figure,
    fit,
    glyph,
    ident,
    literal,
    strength_style,
)
from ..viewmodels import Item, Key, Snapshot
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
        if item.role == "inference":
            return self._inference(out, snap, item)
        assert item.claim is not None
        claim = snap.graph.claims[item.claim]
        kind = KIND_NAMES.get(claim.kind, claim.kind.upper())
        if claim.kind == "position":
            out.append(f"{POSITION_GLYPH} ", style=f"bold {ACCENT}")
        out.append(kind, style="bold")
        out.append(" · ", style="dim")
        out.append_text(ident(claim.id, "dim"))
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
            aims = target is None and rel.target in snap.graph.relations
            if aims:
                verb = " backs" if rel.type == "support" else " undercuts"
            else:
                verb = " supports" if rel.type == "support" else " attacks"
            out.append(verb, style="dim")

            def line(prefix: str, text: str) -> None:
                """An indented line: ``prefix`` then graph text cut to what is left."""
                out.append(f"\n           {prefix}", style="dim")
                room = max(12, width - 13 - len(prefix))
                out.append_text(literal(fit(text, room), style="italic"))

            if target is not None:
                line("the claim: ", target.text)
            elif aims:
                line(
                    f"the inference {INFERENCE_GLYPH} ",
                    snap.inference_words(snap.graph.relations[rel.target]),
                )
                end = snap.conclusion(rel.target)
                if end is not None:
                    line("that bears on: ", snap.graph.claims[end].text)
            for premise in rel.premises:
                if premise != item.claim:
                    other = snap.graph.claims.get(premise)
                    line(f"{PREMISE_GLYPH} with: ", other.text if other else premise)
            if item.role == "premise":
                out.append(
                    f"\n  (w scores the weight of {INFERENCE_GLYPH} above)", style="dim italic"
                )
        elif marker_link:
            out.append("▶ link     —  ", style="bold")
            out.append("no link: this claim is not under another claim here", style="italic")
        return out

    def _inference(self, out: Text, snap: Snapshot, item: Item) -> Text:
        """The head of an inference: what it is, its weight (▶: the keys score it), the
        strength it bears on its claim with and why, and the claim it bears on."""
        assert item.relation is not None
        rel = snap.graph.relations[item.relation]
        width = self.size.width or 60
        bar_width = max(5, min(BAR, width - 34))
        out.append_text(glyph(rel.type))
        out.append(f" {INFERENCE_GLYPH} ", style="bold")
        linked = "LINKED " if len(rel.premises) > 1 else ""
        out.append(f"{linked}{'SUPPORT' if rel.type == 'support' else 'ATTACK'}", style="bold")
        out.append(" · ", style="dim")
        out.append_text(ident(rel.id, "dim"))
        out.append("\n")
        out.append_text(literal(snap.inference_words(rel), style="bold"))
        if len(rel.premises) > 1:
            out.append("\nIts premises count only together: the weakest decides.", style="dim")
        out.append("\n\n")
        weight = snap.weight(rel.id)
        own = rel.id in snap.weights
        out.append("▶ ", style="bold reverse")
        out.append("weight   ", style="bold")
        out.append(figure(weight), style="bold")
        out.append(" ")
        out.append_text(bar(weight, bar_width, style="grey70"))
        out.append(" yours" if own else " graph's", style="dim")
        out.append("\n  bears    ")
        value = snap.inference(rel.id)
        out.append(figure(value), style="bold " + strength_style(value))
        out.append(" ")
        out.append_text(bar(value, bar_width, style=ACCENT))
        out.append(f" {snap.semantics}", style="dim")
        weakest = [snap.strength(p) for p in rel.premises]
        known = [v for v in weakest if v is not None]
        if value is not None and len(known) == len(weakest) and min(known) > 0:
            low = min(known)
            what = "premise" if len(known) == 1 else "weakest premise"
            out.append(f"\n           = {what} {figure(low)} × {figure(value / low)}", style="dim")
            if snap.aimed_at(rel.id):
                out.append(", the weight as backings and undercuts move it", style="dim italic")
            else:
                out.append(", the weight", style="dim italic")
        if item.repeat:
            out.append("\n  ↻ this inference is already on the path above: a cycle", style="italic")
        verb = "supports" if rel.type == "support" else "attacks"
        target = snap.graph.claims.get(rel.target)
        if target is not None:
            out.append(f"\n\n{verb} the claim: ", style="dim")
            out.append_text(literal(fit(target.text, max(12, width - 20)), style="italic"))
        elif rel.target in snap.graph.relations:
            word = "backs" if rel.type == "support" else "undercuts"
            out.append(f"\n\n{word} the inference {INFERENCE_GLYPH} ", style="dim")
            words = snap.inference_words(snap.graph.relations[rel.target])
            out.append_text(literal(fit(words, max(12, width - 28)), style="italic"))
        if rel.scheme:
            out.append("\nscheme: ", style="dim")
            out.append_text(literal(rel.scheme, style="italic"))
        out.append(
            "\nAn inference has no base score: the score keys score its weight.", style="italic dim"
        )
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
        """The user chose a supporter or attacker (or a premise, a backing or an
        undercut of an inference) to go to: ``key`` finds it among the tree node's
        children."""

        def __init__(self, key: Key) -> None:
            self.key = key
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state: Snapshot | None = None
        self.item: Item | None = None
        self.scoring_link = False
        self._shown_links: tuple[Key, ...] = ()

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

    def _visible_children(self) -> list[Item]:
        snap, item = self.state, self.item
        if snap is None or item is None or (item.claim is None and item.role != "inference"):
            return []
        return snap.child_items(item)

    def _render_links(self, *, keep_cursor: bool = False) -> None:
        snap = self.state
        options = self.query_one("#links", OptionList)
        title = self.query_one("#links-title", Static)
        kids = self._visible_children()
        if snap is None or not kids:
            options.clear_options()
            self._shown_links = ()
            title.update(Text(""))
            options.display = False
            return
        width = max(20, self.size.width - 12)
        prompts = [self._link_prompt(kid, width) for kid in kids]
        keys = tuple(kid.key for kid in kids)
        if keep_cursor and keys == self._shown_links:
            for i, prompt in enumerate(prompts):  # same list: new figures, no new layout
                options.replace_option_prompt_at_index(i, prompt)
            return
        title.update(Text(self._links_title(kids)))
        options.display = True
        options.clear_options()
        options.add_options([Option(p, id=str(i)) for i, p in enumerate(prompts)])
        options.highlighted = 0
        self._shown_links = keys

    def _links_title(self, kids: list[Item]) -> str:
        snap, item = self.state, self.item
        assert snap is not None and item is not None
        types = [
            snap.graph.relations[k.relation].type
            for k in kids
            if k.role != "premise" and k.relation is not None
        ]
        n_sup = sum(1 for t in types if t == "support")
        if item.role == "inference":
            n_prem = len(kids) - len(types)
            return (
                f"Premises ({n_prem}), backings ({n_sup}) and undercuts "
                f"({len(types) - n_sup})  · Tab to pick one"
            )
        return f"For ({n_sup}) and against ({len(types) - n_sup})  · Tab to pick one"

    def _link_prompt(self, kid: Item, width: int) -> Text:
        snap = self.state
        assert snap is not None and kid.relation is not None
        rel = snap.graph.relations[kid.relation]
        prompt = Text(no_wrap=True, overflow="ellipsis")
        if kid.role == "inference":
            value = snap.inference(rel.id)
            prompt.append_text(glyph(rel.type))
            prompt.append(f" {INFERENCE_GLYPH} ", style="bold")
            prompt.append(figure(value), style=strength_style(value))
            prompt.append(" ")
            prompt.append_text(literal(fit(snap.inference_line(rel), width)))
            return prompt
        assert kid.claim is not None
        value = snap.strength(kid.claim)
        if kid.role == "premise":
            prompt.append(PREMISE_GLYPH, style="bold")
        else:
            prompt.append_text(glyph(rel.type))
        prompt.append(" ")
        prompt.append(figure(value), style=strength_style(value))
        prompt.append(" ")
        prompt.append_text(literal(fit(snap.graph.claims[kid.claim].text, width)))
        return prompt

    def _render_sources(self) -> None:
        sources = self.query_one("#sources", Static)
        snap, item = self.state, self.item
        if snap is not None and item is not None and item.role == "inference":
            assert item.relation is not None
            rel = snap.graph.relations[item.relation]
            verb = "supports" if rel.type == "support" else "attacks"
            if rel.target not in snap.graph.claims:
                verb = "backs" if rel.type == "support" else "undercuts"
            what = "the claim" if rel.target in snap.graph.claims else "the inference"
            sources.update(
                Group(*self._attributions(f"Who says it {verb} {what}", rel.attributions))
            )
            return
        if snap is None or item is None or item.claim is None:
            sources.update(Text())
            return
        claim = snap.graph.claims[item.claim]
        parts: list[RenderableType] = self._attributions("Who says so", claim.attributions)
        if item.relation is not None and item.role != "premise":
            rel = snap.graph.relations[item.relation]
            verb = "supports" if rel.type == "support" else "attacks"
            if rel.target not in snap.graph.claims:
                verb = "backs" if rel.type == "support" else "undercuts"
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
        if 0 <= event.option_index < len(self._shown_links):
            self.post_message(self.Follow(self._shown_links[event.option_index]))
