"""The report as one self-contained HTML page: no script, no font, no style sheet or
picture fetched from anywhere, so it opens the same offline, in a mail, on a phone.

Written with Jinja2 (``templates/report.html.j2``, the style sheet ``report.css`` inlined
into it), a well-kept templating library whose *autoescape* escapes every value a template
prints (``html.escape``'s rules: ``& < > " '``) unless the code marks it as markup
already. Every value also passes one *finalize* hook first that shows control and
bidirectional-override characters as visible escapes (:func:`arggraph.formats.escape.clean`),
so no text from a graph can end an element, open one, or reorder what a reader sees. The
only markup not escaped is what this module builds (links to claims from escaped texts) and
the SVG Graphviz drew from escaped DOT (:mod:`.diagram`).

The page reads on a phone and in print (media queries in the style sheet): on a narrow
screen the map shows the positions' neighbourhood instead of the whole map, print shows the
whole map and every link's address. Headings structure it; the map has a text alternative;
supports and attacks are told by words and line styles, never by colour alone.

>>> from arggraph.io import loads
>>> from arggraph.report.content import build_report
>>> g = loads('''{"id": "g", "question": "Is <b>this</b> safe?", "claims": [
...   {"id": "p", "text": "Yes & more <script>", "kind": "position"}]}''')
>>> page = to_html(build_report(g), drawing=Drawing(missing="not drawn here"))
>>> "<h1>Is &lt;b&gt;this&lt;/b&gt; safe?</h1>" in page, "<script" in page
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..formats.escape import clean
from ._words import figure, link_text, plural, readable_date, small
from .claims import OutlineNode, Phrase, Ref, sentence
from .content import ReportContent
from .diagram import Drawing, draw

__all__ = ["to_html"]


def _finalize(value: Any) -> Any:
    """Every printed value: text from a graph with its control characters made visible
    (markup built here passes as it is; autoescape then escapes the rest)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean(value)
    return value


class _Page:
    """The helpers a template calls, bound to one report."""

    def __init__(self, content: ReportContent) -> None:
        self.c = content
        self.doc_anchor = {s.id: f"d-{i}" for i, s in enumerate(content.sources)}

    def text(self, value: str) -> Markup:
        return escape(clean(value))

    def ref(self, claim_id: str, whole: bool = False) -> Markup:
        """A link to a claim's entry, its text cut to :data:`LINK_CHARS` unless ``whole``."""
        entry = self.c.claim(claim_id)
        shown = link_text(entry.text, whole)
        return Markup('<a href="#{}">{}</a>').format(entry.anchor, self.text(shown))

    def phrase(self, phrase: Phrase) -> Markup:
        return Markup("").join(
            self.ref(p.claim) if isinstance(p, Ref) else self.text(p) for p in phrase
        )

    def sentence(self, phrase: Phrase) -> Markup:
        return self.phrase(sentence(phrase, lambda cid: link_text(self.c.claim(cid).text)))

    def date(self, value: str | None) -> Markup:
        if not value:
            return Markup("")
        return Markup('<time datetime="{}">{}</time>').format(
            clean(value), clean(readable_date(value))
        )

    def doc(self, doc_id: str | None) -> Markup:
        if doc_id is None or doc_id not in self.doc_anchor:
            return Markup("")
        source = next(s for s in self.c.sources if s.id == doc_id)
        return Markup('<a href="#{}"><cite>{}</cite></a>').format(
            self.doc_anchor[doc_id], self.text(source.title)
        )

    def position(self, claim_id: str | None) -> Markup:
        if claim_id is None:
            return Markup("")
        return Markup("<strong>{}</strong>").format(self.ref(claim_id))

    def bar(self, value: float | None) -> Markup:
        """A strength as a bar (a picture of the figure printed beside it)."""
        if value is None:
            return Markup("")
        width = max(0.0, min(100.0, value * 100))
        return Markup(
            '<span class="bar" aria-hidden="true"><span style="width:{:.1f}%"></span></span>'
        ).format(width)

    def outline(self, nodes: tuple[OutlineNode, ...]) -> Markup:
        """The map as nested lists, built without recursion (a chain may be long)."""
        out: list[str] = ['<ul class="outline">']
        stack: list[Iterator[OutlineNode] | None] = [iter(nodes)]
        while stack:
            it = stack[-1]
            node = next(it, None) if it is not None else None
            if node is None:
                stack.pop()
                out.append("</ul></li>" if stack else "</ul>")
                continue
            out.append("<li>" + self.outline_line(node))
            if node.children:
                out.append("<ul>")
                stack.append(iter(node.children))
            else:
                out.append("</li>")
        return Markup("".join(out))

    def outline_line(self, node: OutlineNode) -> str:
        verb = {
            ("support", False): "supports: ",
            ("attack", False): "attacks: ",
            ("support", True): "backs the step: ",
            ("attack", True): "undercuts the step: ",
        }.get((node.relation or "", node.on_step), "")
        cls = f' class="{node.relation}"' if node.relation else ""
        strength = self.c.strengths.get(node.claim)
        tail = f" ({figure(strength)})" if strength is not None else ""
        again = " (see above)" if node.repeated else ""
        return str(
            Markup("<span{}>{}</span>{}{}{}").format(
                Markup(cls), verb, self.ref(node.claim), tail, again
            )
        )


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("arggraph.report", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(figure=figure, plural=plural, small=small)
    return env


def _css() -> Markup:
    css = files("arggraph.report").joinpath("templates", "report.css").read_text("utf-8")
    return Markup(css)


def to_html(content: ReportContent, *, drawing: Drawing | None = None) -> str:
    """The report as one HTML page (UTF-8 text, ends with a newline).

    ``drawing`` is the map to show; by default it is drawn here with Graphviz
    (:func:`.diagram.draw`), which takes a while on a large map; without Graphviz the map
    is an outline and the page says so.
    """
    if drawing is None:
        drawing = draw(content)
    template = _environment().get_template("report.html.j2")
    return template.render(c=content, page=_Page(content), drawing=drawing, css=_css())
