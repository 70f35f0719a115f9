"""Markdown escaping (:func:`arggraph.text.markdown_text`, :func:`~arggraph.text.markdown_code`),
the one escaping the report's and the diff's Markdown share: any text renders as
exactly itself (folded onto one line, control characters shown as escapes), in every
place those writers put it, and GitHub finds no mention or issue reference in it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from arggraph.text import markdown_code, markdown_text, markup_safe, one_line

#: Texts that would each do something in Markdown, HTML or on GitHub if pasted raw.
NASTY = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1)) and <a href=x onclick=y>z</a> ![img](x.png)",
    "**bold** _it_ `code` ~~gone~~ $x^2$ :smile: @someone #12 a@b.org",
    "| a | b |\n|---|---|",
    "```\nfenced\n```",
    "line one\n- item\n# heading\n> quote\n1. first\n+ plus\n===",
    "&copy; &amp; &#60; \\ back\\slash \\",
    "bidi \u202eevil\u202c bell \x07 esc \x1b[31m \ufffe",
    "<!-- comment --> <?php x ?> <![CDATA[y]]> <details open>",
    "https://example.org/x www.example.org <https://example.org>",
    "a|b\\|c",
]

#: The characters Markdown reads, often, so that hypothesis tries their combinations.
_MARKUP = st.lists(
    st.sampled_from([*"\\`*_{}[]()<>#+-.!|~:$=&@;'\" \n\tab1\x1b", "&#60;", "&amp;", "www."]),
    max_size=40,
).map("".join)
_TEXT = st.one_of(st.text(), _MARKUP)


def _md() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough, raw HTML allowed (GitHub allows
    a safe subset; a text that could open a tag must not reach it)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _shown(text: str) -> str:
    """What a reader sees: the text made safe and folded (as ``one_line`` folds: ASCII
    whitespace, other blanks kept inside and escaped at the ends), a zero-width space
    after every ``@`` and ``#``."""
    flat = one_line(markup_safe(text))
    return flat.replace("@", "@\u200b").replace("#", "#\u200b")


def _html(text: str) -> str:
    """``text`` as markdown-it writes it in HTML."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_a_text_renders_as_itself(text: str) -> None:
    shown = _shown(text)
    rendered = _md().render(markdown_text(text))
    assert rendered == (f"<p>{_html(shown)}</p>\n" if shown else "")


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(min_value=1, max_value=30))
def test_a_text_cut_short_renders_as_its_beginning(text: str, limit: int) -> None:
    flat = one_line(markup_safe(text))
    cut = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    shown = cut.replace("@", "@\u200b").replace("#", "#\u200b")
    rendered = _md().render(markdown_text(text, limit))
    assert rendered == (f"<p>{_html(shown)}</p>\n" if shown else "")


@pytest.mark.parametrize("text", NASTY)
def test_a_text_in_a_heading_a_list_a_quote_a_link_and_a_table(text: str) -> None:
    shown = _html(_shown(text))
    md = _md()
    escaped = markdown_text(text)
    assert md.render(f"### {escaped}") == f"<h3>{shown}</h3>\n"
    assert md.render(f"- {escaped}") == f"<ul>\n<li>{shown}</li>\n</ul>\n"
    assert md.render(f"> {escaped}") == f"<blockquote>\n<p>{shown}</p>\n</blockquote>\n"
    assert md.render(f"[{escaped}](#c-1)") == f'<p><a href="#c-1">{shown}</a></p>\n'
    table = md.render(f"| a | b |\n|---|---|\n| {escaped} | x |")
    assert f"<td>{shown}</td>" in table
    assert table.count("<td>") == 2


@pytest.mark.parametrize("text", NASTY)
def test_a_text_in_a_summary_opens_no_tag(text: str) -> None:
    rendered = _md().render(f"<details>\n<summary>{markdown_text(text)}</summary>\n\n</details>")
    inside = rendered[rendered.index("<summary>") + 9 : rendered.index("</summary>")]
    assert "<" not in inside and ">" not in inside


@pytest.mark.parametrize("text", NASTY)
def test_github_finds_no_mention_and_no_issue_reference(text: str) -> None:
    rendered = _md().render(markdown_text(text))
    assert not re.search(r"@\w", rendered)
    assert not re.search(r"#\d", rendered)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_code_span_holds_the_text_as_it_is(text: str) -> None:
    flat = one_line(markup_safe(text))
    rendered = _md().render(markdown_code(text))
    if flat:
        assert rendered == f"<p><code>{_html(flat)}</code></p>\n"


@pytest.mark.parametrize("text", [*NASTY, "`", "``a``", "x | y"])
def test_a_code_span_in_a_table_cell_keeps_the_columns(text: str) -> None:
    table = _md().render(f"| a | b |\n|---|---|\n| {markdown_code(text, cell=True)} | x |")
    assert table.count("<td>") == 2
    assert f"<td><code>{_html(one_line(markup_safe(text)))}</code></td>" in table
