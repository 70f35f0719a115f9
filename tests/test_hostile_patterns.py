"""The scanners that replaced regular expressions which backtracked read as those
expressions did (kept here as the reference) on every text, in linear time; and numbers
too long for Python's int stay text (issue: hostile input). The times are in
``test_hostile_linear``."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.formats import argdown_parse, bag, import_text, kialo
from arggraph.formats.aif import speaker_and_words
from arggraph.quotes import normalize, quote_parts


def test_a_kialo_discussion_number_too_long_for_an_integer_is_kept_as_text() -> None:
    digits = "9" * 5000
    result = import_text(
        f"Discussion Title: T\n\n1. Thesis: a\n1.1. Pro: -> See discussion #{digits}\n", "kialo"
    )
    metas = [c.meta for c in result.model.claims if c.meta and "kialo" in c.meta]
    assert any(m["kialo"].get("discussion") == digits for m in metas)


# ---------------------------------------------------------------------- the old regexes
_GONE = "\x00"
OLD_COMMENT = re.compile(
    r"\\.|\[[^\]\n]+?\](?:\([^)\n]+?\))?|<!--.*?-->|<[^>\n]+?>|/\*.*?\*/|//[^\n]*", re.DOTALL
)
OLD_TAG = re.compile(r"(?:(?<=\s)|^)#(\([^)]+\)|[\w\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+)")
OLD_EMPHASIS = re.compile(r"(?<![\\\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=[^\s\\])\1(?![\w*])")
OLD_MARKER = re.compile(r"[ \t]*(?<!\\)\[(\d+)\](?!\()")
OLD_SPEAKER = re.compile(r"\s*(?P<who>[^:\n]{1,80}?)[ \t]*:(?: |(?=\S)|$)(?P<said>.*)", re.DOTALL)
OLD_BAG = re.compile(r"(arg|att|sup)\s*\(\s*([^(),\s]+)\s*,\s*([^(),\s]+)\s*\)\s*\.?\s*(?:[%#].*)?")
OLD_SPLIT = re.compile(r"\s*(?:\[[^\]]*\]|\.\.\.)\s*")


def old_blank_out(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        found = m.group()
        if found.startswith(("\\", "[")) or (
            found.startswith("<") and not found.startswith("<!--")
        ):
            return found
        return re.sub(r"[^\n]+", _GONE, found)

    return OLD_COMMENT.sub(sub, text.replace(_GONE, " "))


def old_speaker(text: str) -> tuple[str | None, str]:
    m = OLD_SPEAKER.fullmatch(text)
    if m is None or not m.group("who").strip() or "http" in m.group("who"):
        return None, text
    return m.group("who").strip(), m.group("said")


ARGDOWN_CHARS = st.text(alphabet="[]()<>!-/*\n\\#_ ab{}\u00a0\t.é1", max_size=40)
TEXT_CHARS = st.text(alphabet=" \t\n[]()1\\:ab.%#,", max_size=40)


@settings(max_examples=1500, deadline=None)
@given(ARGDOWN_CHARS)
def test_argdown_scanners_read_as_the_regexes_did(text: str) -> None:
    assert argdown_parse._blank_out(text) == old_blank_out(text)
    assert [t for _, _, t in argdown_parse._tags(text)] == OLD_TAG.findall(text)
    assert argdown_parse._without_tags(text) == OLD_TAG.sub("", text)
    assert argdown_parse._unemphasise(text) == OLD_EMPHASIS.sub(r"\2", text)


@settings(max_examples=1500, deadline=None)
@given(TEXT_CHARS, st.sampled_from(["arg(a, 0.5)", "att(a,b)", "sup( a , b )", ""]))
def test_other_patterns_match_as_before(text: str, head: str) -> None:
    assert kialo._MARKER.sub("X", text) == OLD_MARKER.sub("X", text)
    assert speaker_and_words(text) == old_speaker(text)
    norm = normalize(text).text
    assert quote_parts(text) == [p for p in (x.strip() for x in OLD_SPLIT.split(norm)) if p]
    new, old = bag._STATEMENT.fullmatch(head + text), OLD_BAG.fullmatch(head + text)
    assert (new.groups() if new else None) == (old.groups() if old else None)
