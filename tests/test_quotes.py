"""Quote lookup forgives typesetting, never wording."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.quotes import (
    MAX_GAP,
    _kmp,
    _occurrences,
    closest_passage,
    find_quote,
    normalize,
    quote_parts,
)

DOC = (
    "Kofman wrote on Sunday that “the defense of Bakhmut has achieved a great deal” —\n"
    "but   that Ukraine’s forces  should now be conserved. It was, he said, a "
    "question of resources… and of time."
)


def found(quote: str) -> str | None:
    span = find_quote(quote, DOC)
    return None if span is None else DOC[span[0] : span[1]]


def test_exact_and_typographic_variants() -> None:
    assert found("the defense of Bakhmut has achieved a great deal") is not None
    assert found('"the defense of Bakhmut has achieved a great deal" - but') is not None
    assert found("Ukraine's forces should now be conserved") == (
        "Ukraine’s forces  should now be conserved"
    )


def test_wording_and_case_must_match() -> None:
    assert found("the defence of Bakhmut has achieved a great deal") is None
    assert found("The defense of Bakhmut") is None


def test_omission_and_insertion() -> None:
    assert found("the defense of Bakhmut ... should now be conserved") is not None
    assert found("a question of resources ... and of time") is not None
    assert found("It was, he said, a question of [material] resources") is not None
    # parts must appear in order
    assert found("should now be conserved ... the defense of Bakhmut") is None


def test_unicode_ellipsis_in_quote() -> None:
    assert found("a question of resources… and of time") is not None


def test_omission_gap_is_bounded() -> None:
    text = "start " + "x " * 1000 + "end"
    assert find_quote("start ... end", text) is None
    near = "start " + "x " * 100 + "end"
    assert find_quote("start ... x x end", near) is not None


def test_empty_quote_is_never_found() -> None:
    assert find_quote("", DOC) is None
    assert find_quote(" ... ", DOC) is None


def test_closest_passage_points_at_the_changed_word() -> None:
    hint = closest_passage("the defence of Bakhmut has achieved a great deal", DOC)
    assert "defense of Bakhmut has achieved" in hint
    assert closest_passage("nothing in common here at all", DOC) == ""


def test_quote_parts() -> None:
    assert quote_parts("a ... b [c] d") == ["a", "b", "d"]


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=200), st.data())
def test_any_slice_of_a_text_is_found(text: str, data: st.DataObject) -> None:
    norm = normalize(text).text
    if not norm.strip():
        return
    i = data.draw(st.integers(0, len(norm) - 1))
    j = data.draw(st.integers(i + 1, len(norm)))
    piece = norm[i:j].strip()
    if not piece or "..." in piece or "[" in piece or "]" in piece:
        return
    assert find_quote(piece, text) is not None


def test_every_unicode_space_counts_as_space() -> None:
    import sys

    from arggraph.quotes import _SPACES

    spaces = {c for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces == set(_SPACES.tolist())


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u2026\u00a0\u2019\u2014x")), max_size=40))
def test_normal_form_is_the_character_rule(text: str) -> None:
    """The vectorised form equals the plain rule: whitespace runs inside the text become
    one space, leading and trailing ones go, an ellipsis is three dots."""
    expected = " ".join(text.split()).replace("\u2026", "...")
    expected = expected.replace("\u2019", "'").replace("\u2014", "-")
    norm = normalize(text)
    assert norm.text == expected
    assert len(norm.offsets) == len(norm.text)
    for ch, off in zip(norm.text, norm.offsets.tolist(), strict=True):
        src = text[off]
        assert (ch == " " and src.isspace()) or ch == src or src in "\u2026\u2019\u2014"


# ------------------------------------------------------------------ linear on any input
def _all_places(hay: str, part: str) -> list[int]:
    return [i for i in range(len(hay) - len(part) + 1) if hay.startswith(part, i)]


def _reference(parts: list[str], hay: str, gap: int) -> tuple[int, int] | None:
    """The earliest chain by brute force: every place of every part."""

    def chain(i: int, end: int) -> int | None:
        if i == len(parts):
            return end
        for p in _all_places(hay, parts[i]):
            if end <= p <= end + gap:
                found = chain(i + 1, p + len(parts[i]))
                if found is not None:
                    return found
        return None

    for start in _all_places(hay, parts[0]):
        end = chain(1, start + len(parts[0]))
        if end is not None:
            return start, end
    return None


@given(
    st.text(alphabet="ab ", max_size=40),
    st.lists(st.text(alphabet="ab", min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_find_quote_finds_the_earliest_chain_there_is(hay: str, parts: list[str]) -> None:
    """Any chain of the parts within the gap is found, from its earliest start: also
    where taking the nearest next part would miss it (the search is complete)."""
    text = " ".join(hay.split())  # already normal, so spans are offsets in it
    assert find_quote(" ... ".join(parts), text) == _reference(parts, text, MAX_GAP)


def test_find_quote_takes_the_later_part_when_the_nearer_leads_nowhere() -> None:
    gap = "x" * (MAX_GAP - 20)
    text = f"start mid {gap} mid {gap} end"
    # The nearest "mid" is too far from "end"; the second one is not.
    assert find_quote("start ... mid ... end", text) == (0, len(text))


@given(st.text(alphabet="ab", max_size=60), st.text(alphabet="ab", min_size=1, max_size=8))
def test_occurrences_are_every_place_overlapping_or_not(hay: str, part: str) -> None:
    assert _occurrences(hay, part).tolist() == _all_places(hay, part)
    assert _kmp(hay, part) == _all_places(hay, part)


def test_a_long_part_that_overlaps_itself_is_searched_linearly() -> None:
    """A text of one repeated letter and a quote of 50,000 of them: every place is found
    (this took minutes when each place was searched for afresh)."""
    hay = "a" * 100_000
    part = "a" * 50_000
    assert _occurrences(hay, part).tolist() == list(range(50_001))
    assert find_quote(part + " ... a", hay) == (0, 50_001)
    assert find_quote("b ... " + part, hay) is None


def test_closest_passage_indexes_a_text_once_and_ignores_punctuation() -> None:
    doc = normalize("They said: we will hold the line, come what may.")
    assert closest_passage("we shall hold the line come what may", doc).startswith("They said")
    many = " ".join(["hold the line"] * 20_000)
    assert closest_passage(many + " now", many)  # a long quote against a long text
