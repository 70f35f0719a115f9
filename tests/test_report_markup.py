"""The report's markup: the HTML page is self-contained, accessible and escapes every text
from the graph; the Markdown renders each text as itself, links only to its own anchors and
to http(s) documents, and carries the map as Mermaid."""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from typing import Any

from _support import BAKHMUT, HOSTILE, needs_bakhmut, needs_graphviz
from markdown_it import MarkdownIt

from arggraph.formats.escape import clean
from arggraph.formats.mermaid import to_mermaid
from arggraph.graph import Graph
from arggraph.io import load, loads
from arggraph.report import build_report
from arggraph.report.diagram import Drawing, near_positions
from arggraph.report.html import to_html
from arggraph.report.markdown import md_url, to_markdown

NASTY = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1)) and <a href=x onclick=y>z</a>",
    "**bold** _it_ `code` ~~gone~~ $x^2$ :smile: @someone #12",
    "| a | b |\n|---|---|",
    "```\nfenced\n```",
    "line one\n- item\n# heading\n> quote\n1. first",
    "&copy; &amp; &#60; \\ back\\slash",
    "bidi \u202eevil\u202c bell \x07 esc \x1b[31m",
]


def _nasty_graph() -> Graph:
    claims: list[dict[str, Any]] = [
        {"id": "p<1>", "text": NASTY[0], "kind": "position"},
        {"id": "p2", "text": NASTY[1], "kind": "position"},
    ]
    claims += [{"id": f"c{i}", "text": t} for i, t in enumerate(NASTY[2:])]
    claims[2]["attributions"] = [
        {"actor": "a", "document": "d", "quote": NASTY[5], "date": "2023-03"}
    ]
    relations = [{"type": "attack", "source": "c0", "target": "p<1>"}]
    relations += [
        {"type": "support", "source": f"c{i}", "target": "p2"} for i in range(1, len(NASTY) - 2)
    ]
    return loads(
        json.dumps(
            {
                "id": "nasty",
                "title": NASTY[6],
                "question": NASTY[2],
                "description": NASTY[3],
                "actors": [{"id": "a", "name": NASTY[0], "kind": NASTY[4]}],
                "documents": [
                    {"id": "d", "title": NASTY[1], "url": "javascript:alert(1)"},
                    {"id": "e", "title": "ok", "url": "https://example.org/x_(y)"},
                ],
                "claims": claims,
                "relations": relations,
            }
        )
    )


# ---------------------------------------------------------------------- HTML
class _Page(HTMLParser):
    """Every tag, attribute, id, link and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.style = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value))
            if name == "id" and value is not None:
                self.ids.append(value)
            if name in ("href", "xlink:href") and value is not None:
                self.hrefs.append(value)
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self.headings and any(t in ("h1", "h2", "h3") for t in self._in[-3:]):
            tag, seen = self.headings[-1]
            self.headings[-1] = (tag, seen + data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


_FETCHING = {
    "script",
    "link",
    "img",
    "iframe",
    "object",
    "embed",
    "base",
    "form",
    "audio",
    "video",
    "source",
    "frame",
    "meta-refresh",
    "image",
    "use",
    "foreignobject",
}


def _assert_self_contained(page: str) -> _Page:
    parsed = _parse(page)
    assert not set(parsed.tags) & _FETCHING, set(parsed.tags) & _FETCHING
    for tag, name, value in parsed.attrs:
        assert name not in ("src", "srcset", "action", "formaction", "poster"), (tag, name)
        assert not name.startswith("on"), (tag, name, value)
        if tag == "meta":
            assert name != "http-equiv", value
    for href in parsed.hrefs:
        assert href.startswith("#") or re.match(r"https?://", href), href
        if href.startswith("#"):
            assert href[1:] in parsed.ids, f"dangling link {href}"
    assert "url(" not in parsed.style
    assert "@import" not in parsed.style
    assert len(parsed.ids) == len(set(parsed.ids)), "ids repeat"
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", page)
    return parsed


def test_the_page_escapes_every_text_and_links_only_http() -> None:
    g = _nasty_graph()
    page = to_html(build_report(g), drawing=Drawing(missing="not drawn in this test"))
    parsed = _assert_self_contained(page)
    text = "".join(parsed.text)
    for claim in g.claims.values():
        assert clean(claim.text) in text, claim.text
    assert clean(NASTY[5]) in text  # the quote
    assert [h for h in parsed.hrefs if not h.startswith("#")] == ["https://example.org/x_(y)"]
    assert parsed.tags.count("h1") == 1
    assert parsed.headings[0] == ("h1", clean(NASTY[2]))
    assert "\\u202e" in text  # the bidi override shown, not obeyed
    assert "\\x1b[31m" in text


@needs_graphviz
def test_the_page_inlines_the_map_as_accessible_svg() -> None:
    g = _nasty_graph()
    page = to_html(build_report(g))
    parsed = _assert_self_contained(page)
    roots = [(t, n, v) for t, n, v in parsed.attrs if t == "svg" and n == "role"]
    assert roots
    assert all(v == "img" for _, _, v in roots)
    labelled = [v for t, n, v in parsed.attrs if t == "svg" and n == "aria-labelledby"]
    for value in labelled:
        assert value is not None
        for ident in value.split():
            assert ident in parsed.ids
    assert "The argument map: " + clean(NASTY[2]) in "".join(parsed.text)


@needs_bakhmut
@needs_graphviz
def test_the_bundled_page_has_the_whole_map_and_the_positions_neighbourhood() -> None:
    g = load(BAKHMUT)
    page = to_html(build_report(g))
    parsed = _assert_self_contained(page)
    assert page.count('class="map-svg"') == 2
    assert "map-whole-title" in parsed.ids
    assert "map-near-title" in parsed.ids
    assert 'class="has-near"' in page
    near = near_positions(g)
    assert f"The positions and the {len(near) - 2} claims that bear on them directly" in page


def test_without_a_drawing_the_page_gives_an_outline_of_every_claim() -> None:
    g = load(HOSTILE)
    page = to_html(build_report(g), drawing=Drawing(missing="Graphviz is not installed here"))
    parsed = _assert_self_contained(page)
    assert "Graphviz is not installed here" in page
    outline = page[
        page.index('<ul class="outline">') : page.index(
            "</section>", page.index('<ul class="outline">')
        )
    ]
    for claim in g.claims.values():
        assert escape(clean(" ".join(claim.text.split()))[:40]) in outline
    assert "<svg" not in page
    assert parsed.tags.count("h1") == 1


def test_the_page_needs_no_network_for_its_style() -> None:
    page = to_html(build_report(load(HOSTILE)), drawing=Drawing(missing="x"))
    assert "@media (max-width: 44rem)" in page
    assert "@media print" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<html lang="en">' in page


# ---------------------------------------------------------------------- Markdown
def _markdown() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough, raw HTML allowed (GitHub allows
    a safe subset; a text that could open a tag must not reach it)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _html_text(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def test_md_url_keeps_the_address_whole() -> None:
    url = "https://example.org/a_(b)?q=1&r=<2> [x]"
    rendered = _markdown().render(f"[t]({md_url(url.replace(' ', '%20'))})")
    assert 'href="https://example.org/a_%28b%29?q=1&amp;r=%3C2%3E%20%5Bx%5D"' in rendered


_MD_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "a",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "details",
    "summary",
    "hr",
    "br",
}


def test_the_markdown_report_escapes_every_text() -> None:
    g = _nasty_graph()
    text = to_markdown(build_report(g))
    parsed = _parse(_markdown().render(text))
    assert set(parsed.tags) <= _MD_TAGS, set(parsed.tags) - _MD_TAGS
    rendered = "".join(parsed.text)
    for claim in g.claims.values():  # as written, but for a zero-width space after @ and #
        shown = " ".join(clean(claim.text).split())
        assert shown.replace("@", "@\u200b").replace("#", "#\u200b") in rendered, claim.text
    for href in parsed.hrefs:
        assert href.startswith("#") or href.startswith("https://"), href
        if href.startswith("#"):
            assert href[1:] in parsed.ids, f"dangling link {href}"
    assert [h for h in parsed.hrefs if not h.startswith("#")] == ["https://example.org/x_%28y%29"]
    for attr in parsed.attrs:
        assert not attr[1].startswith("on"), attr


@needs_bakhmut
def test_the_markdown_report_carries_the_map_as_mermaid() -> None:
    g = load(BAKHMUT)
    report = build_report(g)
    tokens = _markdown().parse(to_markdown(report))
    fences = [t for t in tokens if t.type == "fence"]
    assert [t.info for t in fences] == ["mermaid", "mermaid"]
    from arggraph.formats.focus import restrict

    near = restrict(g, near_positions(g))
    assert fences[0].content == to_mermaid(near, strengths=report.strengths)
    assert fences[1].content == to_mermaid(g, strengths=report.strengths)
    rendered = _markdown().render(to_markdown(report))
    for claim in g.claims.values():
        assert _html_text(" ".join(claim.text.split())) in rendered


def test_a_map_all_next_to_its_positions_has_one_mermaid_diagram() -> None:
    g = loads(
        '{"id": "s", "claims": [{"id": "p", "text": "P", "kind": "position"},'
        ' {"id": "a", "text": "A"}], "relations": [{"type": "attack", "source": "a",'
        ' "target": "p"}]}'
    )
    tokens = _markdown().parse(to_markdown(build_report(g)))
    assert [t.info for t in tokens if t.type == "fence"] == ["mermaid"]
    assert "<details>" not in to_markdown(build_report(g))


def test_both_writers_cut_a_linked_claim_alike() -> None:
    """A link to a claim shows its text cut to the same length in HTML and Markdown
    (``arggraph.report._words.link_text``)."""
    long = "Holding the town costs " + "more and " * 20 + "more."
    g = loads(
        json.dumps(
            {
                "id": "g",
                "claims": [
                    {"id": "go", "text": "We go", "kind": "position"},
                    {"id": "stay", "text": "We stay", "kind": "position"},
                    {"id": "cost", "text": long},
                ],
                "relations": [{"type": "attack", "source": "cost", "target": "stay"}],
            }
        )
    )
    report = build_report(g)
    cut = " ".join(long.split())[:89].rstrip() + "…"
    assert f'">{cut}</a>' in to_html(report)
    assert f"[{cut}](#" in to_markdown(report)
