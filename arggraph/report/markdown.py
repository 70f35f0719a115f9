"""The report as Markdown that renders on GitHub (and GitLab): the map as Mermaid, every
text from the graph escaped for Markdown.

Every text from the graph goes through :func:`arggraph.text.markdown_text` (an id or
a formula through :func:`arggraph.text.markdown_code`), the escaping the diff's
Markdown shares: control and bidirectional-override characters are shown as visible
escapes, whitespace folds onto one line (a line break in a claim could start a list, a
heading or a code block), every character GitHub's Markdown gives a meaning to is
escaped (emphasis, links, headings, lists, tables, HTML, code, math, emoji), and a
zero-width space follows ``@`` and ``#`` so that no mention or issue reference is
linked. The map is :func:`arggraph.formats.mermaid.to_mermaid`'s, which escapes its
labels with Mermaid's entity codes (so no backtick can end the code fence); document
links are kept only when ``http(s)`` (:func:`.content.safe_url`) and percent-encoded
where Markdown would read a character.

Plain Python writes it: a template language adds nothing where every value needs its own
escaping and the layout is a list of lines.

>>> print(markdown_text("*Bold* [link](x) <b>#1 $5 @you"))
\\*Bold\\* \\[link\\]\\(x\\) &lt;b&gt;\\#&#8203;1 \\$5 @&#8203;you
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from ..formats.focus import restrict
from ..formats.mermaid import to_mermaid
from ..text import markdown_code, markdown_text
from ._words import figure, link_text, plural, readable_date, small
from .claims import Phrase, Ref, sentence
from .content import ClaimEntry, ReportContent, Standing
from .diagram import near_positions

__all__ = ["md_url", "to_markdown"]


def md_url(url: str) -> str:
    """An ``http(s)`` address (already checked by :func:`.content.safe_url`) as the
    target of a Markdown link: characters Markdown would read (brackets, parentheses,
    spaces, quotes, ``<``, ``>``, backslashes) percent-encoded.

    >>> md_url("https://example.org/a_(b)?q=1&r=<2>")
    'https://example.org/a_%28b%29?q=1&r=%3C2%3E'
    """
    return quote(url, safe=":/?#@!$&*+,;=%-._~")


def _piece(text: str) -> str:
    """A piece of a phrase: escaped as :func:`markdown_text` does, keeping a space at either
    end (a piece sits between links)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return lead + markdown_text(text) + tail


class _Writer:
    def __init__(self, content: ReportContent) -> None:
        self.c = content
        self.doc_anchor = {s.id: f"d-{i}" for i, s in enumerate(content.sources)}
        self.lines: list[str] = []

    # ------------------------------------------------------------------ pieces
    def ref(self, claim_id: str, whole: bool = False) -> str:
        entry = self.c.claim(claim_id)
        shown = link_text(entry.text, whole)
        return f"[{markdown_text(shown)}](#{entry.anchor})"

    def phrase(self, phrase: Phrase) -> str:
        return "".join(self.ref(p.claim) if isinstance(p, Ref) else _piece(p) for p in phrase)

    def sentence(self, phrase: Phrase) -> str:
        return self.phrase(sentence(phrase, lambda cid: link_text(self.c.claim(cid).text)))

    def leader(self, st: Standing) -> str:
        if st.problem:
            return "no verdict: " + markdown_text(st.problem)
        if st.leader is None:
            return "a tie" if self.c.positions else "no verdict"
        return self.ref(st.leader)

    def margin(self, st: Standing) -> str:
        """The margin, or a dash where there is none (a tie, one position)."""
        if st.problem or st.leader is None or len(self.c.positions) < 2:
            return "—"
        return figure(st.margin)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    # ------------------------------------------------------------------ sections
    def header(self) -> None:
        c = self.c
        self.add(f"# {markdown_text(c.question or c.title or c.graph.id)}", "")
        if c.title and c.title != c.question:
            self.add(f"*{markdown_text(c.title)}*", "")

    def debate(self) -> None:
        c = self.c
        self.add("## The debate", "")
        if c.description:
            self.add(markdown_text(c.description), "")
        self.add(
            f"This report maps the arguments made in the debate: "
            f"{plural(len(c.claims), 'claim')} and "
            f"{plural(len(c.graph.relations), 'relation')} between them, from "
            f"{plural(len(c.graph.actors), 'speaker')} and {plural(len(c.sources), 'source')}. "
            "Each claim has a strength from 0 (no weight at all) to 1 (beyond doubt), worked "
            "out from how plausible it is on its own and from what supports and attacks it.",
            "",
        )

    def verdict(self) -> None:
        c, s = self.c, self.c.standing
        self.add("## The verdict", "")
        if not c.positions:
            self.add(
                "> This map names no positions, so there is no verdict between them. Its "
                "claims and their strengths follow.",
                "",
            )
        elif s.leader is None and len(c.positions) > 1:
            level = figure(s.strengths[c.positions[0]])
            self.add(f"> **A tie:** the positions are level, at {level}. Neither side leads.", "")
        elif s.runner_up is None and s.leader is not None:
            self.add(
                f"> **One position:** {self.ref(s.leader)} is the only position the map names; "
                f"its strength is {figure(s.strengths[s.leader])}.",
                "",
            )
        elif s.leader is not None and s.runner_up is not None:
            self.add(
                f"> **Verdict: {self.ref(s.leader, whole=True)}**",
                ">",
                f"> It leads **{self.ref(s.runner_up, whole=True)}** by "
                f"**{figure(s.margin)}** on a scale from 0 to 1 (strength "
                f"{figure(s.strengths[s.leader])} against {figure(s.strengths[s.runner_up])}).",
                "",
            )
        scores = (
            f"Scores: {markdown_text(c.scores_label)}, under the "
            f"{markdown_text(c.semantics.label)} method ({markdown_text(c.semantics.citation)})."
        )
        if c.neutral:
            scores += (
                " Every claim is scored 0.5 and every link 1: the map's authors left the "
                "scoring to its readers, so this verdict follows from the shape of the debate "
                "alone (how many arguments bear on each side, and how they support and attack "
                "one another), not from anyone's judgement of how true they are."
            )
        self.add(scores, "")
        if c.positions:
            self.add("| Position | Strength | Own score |", "|---|---:|---:|")
            for p in c.positions:
                e = c.claim(p)
                lead = " **(leads)**" if p == s.leader else ""
                strength = figure(e.strength) if e.strength is not None else ""
                self.add(f"| {self.ref(p)}{lead} | {strength} | {figure(e.base)} |")
            self.add("")
        self.robustness()
        self.panel()

    def robustness(self) -> None:
        c, s = self.c, self.c.standing
        if not c.robustness:
            return
        self.add("### Does it hold under other methods?", "")
        usable = [r for r in c.robustness if r.problem is None]
        if c.holds_everywhere:
            every = "all " if len(usable) > 1 else ""
            rest = len(c.robustness) - len(usable)
            cannot = f" ({plural(rest, 'other')} cannot: see the table)" if rest else ""
            self.add(
                f"**Yes.** The same position leads under {every}"
                f"{plural(len(usable), 'method')} of scoring that can take this map{cannot}.",
                "",
            )
        elif s.leader is not None:
            turns = [
                f"under {markdown_text(r.label)}, {self.leader(r)}"
                + (" leads instead" if r.leader is not None else "")
                for r in usable
                if r.leader != s.leader
            ]
            self.add("**No.** The verdict depends on the method: " + "; ".join(turns) + ".", "")
        self.add("| Method | Leads | Margin |", "|---|---|---:|")
        for r in c.robustness:
            own = " (this report's)" if r.semantics == c.semantics.name else ""
            self.add(f"| {markdown_text(r.label)}{own} | {self.leader(r)} | {self.margin(r)} |")
        self.add("")

    def panel(self) -> None:
        c = self.c
        if c.panel is None:
            return
        p = c.panel
        self.add(f"### The panel: {plural(p.size, 'scorer')}", "")
        if p.standing.leader is not None:
            verdict = f"{self.ref(p.standing.leader)} leads by {figure(p.standing.margin)}"
        else:
            verdict = self.leader(p.standing)
        self.add(
            f"**Panel verdict** (the median of the scorers' scores): {verdict}; "
            f"{p.agreeing} of {p.size} scorers, each on their own scores, come to the same "
            "verdict.",
            "",
            "| Scorer | Leads | Margin | Under every method? |",
            "|---|---|---:|---|",
        )
        for sc in c.scorers:
            turns = [
                r.label
                for r in sc.robustness
                if r.problem is None and r.leader != sc.standing.leader
            ]
            if sc.standing.leader is None:
                every = "—"
            elif not turns:
                every = "yes"
            else:
                verb = "differs" if len(turns) == 1 else "differ"
                every = f"no: {markdown_text(', '.join(turns))} {verb}"
            stale = " (scored an earlier version of the map)" if sc.stale else ""
            self.add(
                f"| {markdown_text(sc.name)}{stale} | {self.leader(sc.standing)} | "
                f"{self.margin(sc.standing)} | {every} |"
            )
        self.add("")

    def deciding(self) -> None:
        c, d, s = self.c, self.c.deciding, self.c.standing
        self.add("## What decides it", "")
        if d.claims:
            self.add(
                "The claims that weigh most on the verdict. A claim's *share* is how much of "
                "the margin it accounts for: how much narrower the lead would be without it "
                "(or wider, for a claim that works against the leader). Its *flip point* is the "
                "score at which the verdict would change if that claim alone were judged more "
                "or less plausible.",
                "",
            )
            for i, x in enumerate(d.claims, 1):
                effect = "widens" if x.share > 0 else "narrows"
                flip = (
                    f"; **the verdict flips at {figure(x.flip)}**"
                    if x.flip is not None
                    else "; no score from 0 to 1 changes the verdict on its own"
                )
                self.add(
                    f"{i}. {self.ref(x.claim, whole=True)}: {effect} the lead by "
                    f"{figure(abs(x.share))}; own score {figure(x.base)}{flip}."
                )
            self.add("")
            listed = {x.claim for x in d.claims}
            if d.nearest is not None and d.nearest.claim not in listed:
                flip = figure(d.nearest.flip) if d.nearest.flip is not None else ""
                self.add(
                    "The claim nearest to changing the verdict: "
                    f"{self.ref(d.nearest.claim, whole=True)}, from its score of "
                    f"{figure(d.nearest.base)} to {flip}.",
                    "",
                )
            elif d.nearest is None:
                self.add(
                    "**No single claim can change the verdict** by its own score, anywhere "
                    "from 0 to 1: it rests on many arguments together.",
                    "",
                )
            movers = [x for x in d.positions if x.flip is not None]
            if movers:
                said = [
                    f"{self.ref(x.claim)} would "
                    f"{'lose the lead' if x.claim == s.leader else 'take the lead'} at "
                    f"{figure(x.flip or 0.0)} (own score {figure(x.base)})"
                    for x in movers
                ]
                self.add("The positions' own scores matter too: " + "; ".join(said) + ".", "")
        elif len(c.positions) > 1 and s.leader is None:
            self.add(
                "The positions are tied, so any change to a score can decide it; no claim is "
                "singled out.",
                "",
            )
        else:
            self.add(
                "A verdict needs two positions to compare; this map has "
                f"{plural(len(c.positions), 'position')}.",
                "",
            )

    def diagram(self) -> None:
        c = self.c
        graph = c.graph
        self.add(
            "## The map",
            "",
            "Each box is a claim; the positions are the rounded boxes with thick borders, "
            "evidence the slanted ones. A solid arrow means *supports*; a dotted line "
            "ending in a cross means *attacks*. A box is shaded in the colour of the side it "
            "ends up helping, deeper the stronger it is, and its strength is printed in it.",
            "",
        )
        keep = near_positions(graph)
        whole = to_mermaid(graph, strengths=c.strengths)
        if graph.positions and len(keep) < len(graph.claims):
            near = to_mermaid(restrict(graph, keep), strengths=c.strengths)
            self.add(
                f"The positions and the {plural(len(keep) - len(c.positions), 'claim')} that "
                "bear on them directly:",
                "",
                "```mermaid",
                near.rstrip("\n"),
                "```",
                "",
                "<details>",
                f"<summary>The whole map ({plural(len(graph.claims), 'claim')})</summary>",
                "",
                "```mermaid",
                whole.rstrip("\n"),
                "```",
                "",
                "</details>",
                "",
            )
        else:
            self.add("```mermaid", whole.rstrip("\n"), "```", "")

    def claims(self) -> None:
        self.add(
            "## The claims, with who said what",
            "",
            "Positions first, then what bears on them, and so on down the debate. Each gives "
            "its strength (0 to 1) and the score it starts from on its own, how it bears on "
            "other claims, and the words of those who made it, with where and when.",
            "",
        )
        for e in self.c.claims:
            self.claim(e)

    def claim(self, e: ClaimEntry) -> None:
        kind = {"position": "Position", "evidence": "Evidence"}.get(e.kind, "Claim")
        facts = [f"*{kind}*"]
        if e.strength is not None:
            facts.append(f"strength **{figure(e.strength)}**")
        facts += [f"own score {figure(e.base)}", f"id {markdown_text(e.id)}"]
        heading = f"### {markdown_text(e.text)}"
        self.add(f'<a id="{e.anchor}"></a>', "", heading, "", " · ".join(facts), "")
        if e.reconstructed:
            self.add(
                "*Reconstructed: no one said this in these words; the map's author added it to "
                "make an argument explicit.*",
                "",
            )
        links = [*e.bears_on, *e.borne_by]
        if links:
            self.add(*(f"- {self.sentence(p)}" for p in links), "")
        for q in e.quotes:
            who = markdown_text(q.speaker)
            if q.detail:
                who += ", " + markdown_text(q.detail)
            if q.illocution:
                who += f" ({markdown_text(q.illocution.lower())})"
            if q.document is not None and q.document in self.doc_anchor:
                title = next(s.title for s in self.c.sources if s.id == q.document)
                who += f", in [*{markdown_text(title)}*](#{self.doc_anchor[q.document]})"
            if q.date:
                who += ", " + markdown_text(readable_date(q.date))
            if q.quote:
                self.add(f"> “{markdown_text(q.quote)}”", ">", f"> — {who}", "")
            else:
                self.add(f"— {who}", "")

    def sources(self) -> None:
        if not self.c.sources:
            return
        self.add("## Sources", "")
        for i, src in enumerate(self.c.sources, 1):
            title = f"*{markdown_text(src.title)}*"
            if src.url:
                title = f"[{title}]({md_url(src.url)})"
            line = f'{i}. <a id="{self.doc_anchor[src.id]}"></a>{title}'
            if src.author:
                line += f", by {markdown_text(src.author)}"
            if src.publisher:
                line += f", {markdown_text(src.publisher)}"
            if src.published:
                line += f", {markdown_text(readable_date(src.published))}"
            line += "."
            if src.note:
                line += f" {markdown_text(src.note)}"
            self.add(line)
        self.add("")

    def method(self) -> None:
        c = self.c
        sem = c.semantics
        self.add(
            "## How this was worked out",
            "",
            "Each claim starts from a score of its own, from 0 to 1: how plausible it is taken "
            "alone. Each link between claims has a weight from 0 to 1: how much it bears. A "
            "claim's *strength* then follows from its own score and from the strengths of what "
            "supports and attacks it, each times its link's weight, by a *gradual semantics*, a "
            "rule from the study of argumentation. A position's strength says how well it "
            "stands once every argument is counted; the verdict is the stronger position, and "
            "the margin the gap between the two strongest.",
            "",
            f"This report uses **{markdown_text(sem.label)}**: {markdown_text(sem.reference)} "
            "Its rule, for a claim of own score w whose attackers add up to va and supporters "
            f"to vs ({markdown_text(sem.aggregation.name)}, "
            f"{markdown_code(sem.aggregation.formula)}): {markdown_code(sem.influence)}.",
            "",
        )
        others = [r for r in c.robustness if r.semantics != sem.name]
        if others:
            self.add(
                "To see whether the verdict depends on that choice, it is also worked out under "
                "every other gradual semantics arggraph has:",
                "",
                *(f"- {markdown_text(r.label)}: {markdown_text(r.reference)}" for r in others),
                "",
            )
        self.add(
            "A claim's share of the verdict is its effect, by removal, on the leading position "
            "minus its effect on the runner-up. Its flip point is the score nearest its own at "
            "which the leader changes, all else held. Where arguments form a cycle, strengths "
            f"are computed to within {small(c.tolerance)} of a fixed point of the rule.",
            "",
        )

    def reproduce(self) -> None:
        c = self.c
        self.add(
            "---",
            "",
            "**To reproduce this report:** "
            f"arggraph {markdown_text(c.version)}; semantics {markdown_text(c.semantics.name)} "
            f"({markdown_text(c.semantics.label)}), tolerance {small(c.tolerance)}; "
            + "; ".join(
                f"{'graph' if i == 0 else 'scores'} {markdown_text(fp.name)}: SHA-256 `{fp.sha256}`"
                + ("" if fp.of_file else " (of its JSON as arggraph writes it)")
                for i, fp in enumerate(c.fingerprints)
            )
            + ".",
        )


def to_markdown(content: ReportContent) -> str:
    """The report as GitHub-flavoured Markdown (text ending with a newline)."""
    w = _Writer(content)
    steps: list[Callable[[], None]] = [
        w.header,
        w.verdict,
        w.debate,
        w.deciding,
        w.diagram,
        w.claims,
        w.sources,
        w.method,
        w.reproduce,
    ]
    for step in steps:
        step()
    return "\n".join(w.lines).rstrip("\n") + "\n"
