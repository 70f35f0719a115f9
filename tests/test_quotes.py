"""Quote lookup forgives typesetting, never wording."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.quotes import closest_passage, find_quote, normalize, quote_parts

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
