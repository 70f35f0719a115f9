"""Finding a verbatim quote in its source text, as a careful reader would.

Quotes are copied from web pages, PDFs and wire copy, so the comparison forgives what
typesetting changes and nothing else: runs of whitespace count as one space, curly
quotes and apostrophes as straight ones, dashes and minus signs as ``-``, ``…`` as
``...``. Inside a quote, ``...`` marks an omission (the parts must appear in that
order, close together) and a ``[bracketed]`` part an editorial insertion, which is not
looked up. Letters are compared exactly: a quote is verbatim or it is not.

A document is normalised once and cached, and each part of a quote is one substring
search, so checking many quotes against a long text is linear, not quadratic.

>>> text = "He said: “We will hold — whatever it costs.” Then he left."
>>> start, end = find_quote('We will hold - whatever it costs', text)
>>> text[start:end]
'We will hold — whatever it costs'
>>> find_quote("We will hold ... it costs", text) is not None
True
>>> find_quote("We will not hold", text) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["NormalizedText", "closest_passage", "find_quote", "normalize", "quote_parts"]

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

#: Largest gap (in normalised characters) an omission ``...`` may stand for.
MAX_GAP = 600

_SPLIT = re.compile(r"\s*(?:\[[^\]]*\]|\.\.\.)\s*")
_SPLIT_OMISSIONS = re.compile(r"\s*\.\.\.\s*")


@dataclass(frozen=True)
class NormalizedText:
    """A text in normal form, with the offset in the original of each character."""

    text: str
    offsets: npt.NDArray[np.int64]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        return int(self.offsets[start]), int(self.offsets[end - 1]) + 1


# Every character ``str.isspace`` accepts (checked by a test).
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_ELLIPSIS = 0x2026
_DOT = ord(".")


@lru_cache(maxsize=64)
def normalize(text: str) -> NormalizedText:
    """The normal form of ``text``, with offsets back into it.

    Vectorised over the code points with NumPy: a 3-million-character document
    normalises in a fraction of a second, so checking quotes against long texts stays
    cheap.

    >>> normalize("  a \\n\\t b…  ").text
    'a b...'
    >>> normalize("a \\n b").offsets.tolist()
    [0, 1, 4]
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    space = np.isin(codes, _SPACES)
    solid = np.flatnonzero(~space)
    if solid.size == 0:
        return NormalizedText("", np.zeros(0, dtype=np.int64), text)
    # Keep every non-space character, and the first character of each run of
    # whitespace that lies between two of them, as one space.
    inner = np.zeros(codes.size, dtype=bool)
    inner[solid[0] : solid[-1] + 1] = True
    run_start = space & inner & np.concatenate(([True], ~space[:-1]))
    keep = np.flatnonzero(~space | run_start)
    kept = codes[keep]
    kept = np.where(space[keep], np.uint32(32), kept)
    # An ellipsis character stands for three dots.
    repeats = np.where(kept == _ELLIPSIS, 3, 1)
    offsets = np.repeat(keep, repeats).astype(np.int64)
    chars = np.repeat(kept, repeats)
    chars[chars == _ELLIPSIS] = _DOT
    normal = chars.astype("<u4").tobytes().decode("utf-32-le").translate(_TRANSLATE)
    return NormalizedText(normal, offsets, text)


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote that must appear in order in the source.

    >>> quote_parts("the [Ukrainian] army ... will hold")
    ['the', 'army', 'will hold']
    """
    norm = normalize(quote).text
    # After the last "]" no "[" can open an insertion: splitting there on "..." alone
    # keeps each "[" from searching to the end of the quote for a "]" (quadratic).
    last = norm.rfind("]") + 1
    head, tail = _SPLIT.split(norm[:last]), _SPLIT_OMISSIONS.split(norm[last:])
    pieces = [*head[:-1], head[-1] + tail[0], *tail[1:]]
    return [p for p in (part.strip() for part in pieces) if p]


def find_quote(quote: str, text: str | NormalizedText) -> tuple[int, int] | None:
    """The span of ``quote`` in ``text`` (offsets into the original text), or ``None``.

    The parts of the quote (:func:`quote_parts`) must occur in order, each starting at
    most :data:`MAX_GAP` characters after the one before ends; the span returned starts
    at the earliest place from which they do. Every occurrence of every part is found
    once, and the chains are checked backwards with sorted arrays, so the time is linear
    in the text and the quote whatever they hold (a text of one repeated letter and a
    quote of thousands of them included).

    >>> find_quote("a ... b", "a a a x b")
    (0, 9)
    """
    doc = text if isinstance(text, NormalizedText) else normalize(text)
    parts = quote_parts(quote)
    if not parts:
        return None
    hay = doc.text
    if len(parts) == 1:
        start = hay.find(parts[0])
        return None if start == -1 else doc.span(start, start + len(parts[0]))
    # valid[i]: the places part i occurs from which the parts after it follow in order.
    valid = [np.zeros(0, dtype=np.int64)] * len(parts)
    valid[-1] = _occurrences(hay, parts[-1])
    for i in range(len(parts) - 2, -1, -1):
        if not valid[i + 1].size:
            return None
        places = _occurrences(hay, parts[i])
        after = valid[i + 1]
        ends = places + len(parts[i])
        at = np.searchsorted(after, ends, side="left")
        ok = at < after.size
        ok[ok] = after[at[ok]] <= ends[ok] + MAX_GAP
        valid[i] = places[ok]
    if not valid[0].size:
        return None
    start = end = int(valid[0][0])
    for i, part in enumerate(parts):
        if i:  # the earliest place of this part that follows on and goes on
            nxt = valid[i]
            end = int(nxt[np.searchsorted(nxt, end, side="left")])
        end += len(part)
    return doc.span(start, end)


def _occurrences(hay: str, part: str) -> npt.NDArray[np.int64]:
    """Every place ``part`` starts in ``hay``, overlapping ones included, sorted.

    ``str.find`` from each place found is linear while occurrences do not overlap; a
    long part that overlaps itself (a text of one repeated letter) would make it
    quadratic, so there the search goes on with Knuth-Morris-Pratt, linear always.

    >>> _occurrences("aaaa", "aa").tolist(), _occurrences("abcab", "ab").tolist()
    ([0, 1, 2], [0, 3])
    """
    found: list[int] = []
    pos = hay.find(part)
    while pos != -1:
        if found and pos < found[-1] + len(part) and len(part) > _KMP_ABOVE:
            return np.asarray(_kmp(hay, part), dtype=np.int64)
        found.append(pos)
        pos = hay.find(part, pos + 1)
    return np.asarray(found, dtype=np.int64)


#: Parts longer than this that overlap themselves are searched by Knuth-Morris-Pratt.
_KMP_ABOVE = 32


def _kmp(hay: str, part: str) -> list[int]:
    """Every place ``part`` starts in ``hay``: Knuth, Morris and Pratt, "Fast pattern
    matching in strings", SIAM Journal on Computing 6(2), 1977; time linear in both."""
    fail = [0] * len(part)
    k = 0
    for i in range(1, len(part)):
        while k and part[i] != part[k]:
            k = fail[k - 1]
        if part[i] == part[k]:
            k += 1
        fail[i] = k
    out: list[int] = []
    k = 0
    last = len(part) - 1
    for i, ch in enumerate(hay):
        while k and ch != part[k]:
            k = fail[k - 1]
        if ch == part[k]:
            if k == last:
                out.append(i - last)
                k = fail[k]
            else:
                k += 1
    return out


@lru_cache(maxsize=8)
def _runs(hay: str) -> dict[str, list[int]]:
    """Where each run of three words starts in a normalised text (lower case), at most
    :data:`_RUN_HITS` places a run: built once a text, in one pass."""
    lower = hay.lower()
    starts = [m.start() for m in _WORD.finditer(lower)]
    ends = [m.end() for m in _WORD.finditer(lower)]
    words = [lower[a:b] for a, b in zip(starts, ends, strict=True)]
    index: dict[str, list[int]] = {}
    for i in range(len(starts) - 2):
        places = index.setdefault(" ".join(words[i : i + 3]), [])
        if len(places) < _RUN_HITS:
            places.append(starts[i])
    if len(starts) < 3 and starts:  # a text of one or two words is one run
        index.setdefault(" ".join(words), []).append(starts[0])
    return index


# Words without their punctuation, so "line," in a text matches "line" in a quote.
_WORD = re.compile(r"\w+")
#: How many places of one run of words count towards the closest passage.
_RUN_HITS = 20


def closest_passage(quote: str, text: str | NormalizedText, *, width: int | None = None) -> str:
    """The passage of ``text`` that shares most three-word runs with ``quote``.

    Used as a hint when a quote is not found: it usually shows the word that was
    changed. Returns ``""`` when nothing is shared. The text's runs are indexed once
    (and kept for the next quotes), so the time is linear in the text and the quote.

    >>> closest_passage("we shall hold the line", "They said we will hold the line today.")
    'They said we will hold the line today.'
    """
    doc = text if isinstance(text, NormalizedText) else normalize(text)
    words = _WORD.findall(" ".join(quote_parts(quote)).lower())
    if not words:
        return ""
    index = _runs(doc.text)
    runs = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    span = width or max(len(" ".join(words)), 40)
    step = max(1, span // 2)
    votes: dict[int, int] = {}
    for run in runs:
        for pos in index.get(run, ()):
            votes[pos // step] = votes.get(pos // step, 0) + 1
    if not votes:
        return ""
    bucket = max(votes, key=lambda b: (votes[b], -b))
    centre = bucket * step
    lo = max(0, centre - span // 2)
    hi = min(len(doc.text), centre + span + span // 2)
    # widen to word boundaries so the hint reads as text
    lo = doc.text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    space = doc.text.find(" ", hi)
    hi = len(doc.text) if space == -1 else space
    return doc.text[lo:hi].strip()
