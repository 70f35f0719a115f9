"""The quick looks of ``arggraph.text`` give what the full patterns give.

``terminal_safe``, ``inline`` and ``control_character`` first ask whether a text may
hold anything to escape at all (ASCII controls; one class of candidates in the Basic
Multilingual Plane; astral ones only where there are astral characters) and spare the
full patterns (look-behinds, astral ranges: several times slower over a long text) to
the rest. Whatever the text, the answer is the full patterns'.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph import text as T

# Every kind of character the rules weigh, their neighbours, and plain text.
SPECIAL = (
    "a é 1#*\t\n\r\x00\x1b\x7f\x85\u00a0\u00ad\u034f\u061c\u0628\u0915\u115f\u17b4\u180e"
    "\u200b\u200c\u200d\u200e\u2028\u2060\u2066\u20e3\u2122\u2764\u3164\u4e00\ufe0e\ufe0f"
    "\ufe00\ufeff\uffa0\ufff9\U0001d173\U0001f3f4\U0001f600\U000e0041\U000e007f\U000e0100"
    "\U00020000"
)
TEXTS = st.text(alphabet=st.sampled_from(SPECIAL), max_size=12) | st.text(max_size=12)


@settings(max_examples=2000)
@given(TEXTS)
def test_the_quick_looks_give_what_the_full_patterns_give(text: str) -> None:
    assert T.terminal_safe(text) == T._UNSAFE.sub(T._escape, text)
    assert T.inline(text) == T._UNSAFE_INLINE.sub(T._escape_inline, text)
    for one_line, pattern, escape in (
        (False, T._UNSAFE, T._escape),
        (True, T._UNSAFE_INLINE, T._escape_inline),
    ):
        match = pattern.search(text)
        expected = None if match is None else (match.start(), escape(match))
        assert T.control_character(text, one_line=one_line) == expected
