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
    """The span of ``quote`` in ``text`` (offsets into the original text), or ``None``."""
    doc = text if isinstance(text, NormalizedText) else normalize(text)
    parts = quote_parts(quote)
    if not parts:
        return None
    hay = doc.text
    first = parts[0]
    start = hay.find(first)
    while start != -1:
        end = start + len(first)
        ok = True
        for part in parts[1:]:
            nxt = hay.find(part, end, end + MAX_GAP + len(part))
            if nxt == -1:
                ok = False
                break
            end = nxt + len(part)
        if ok:
            return doc.span(start, end)
        start = hay.find(first, start + 1)
    return None


def closest_passage(quote: str, text: str | NormalizedText, *, width: int | None = None) -> str:
    """The passage of ``text`` that shares most three-word runs with ``quote``.

    Used as a hint when a quote is not found: it usually shows the word that was
    changed. Returns ``""`` when nothing is shared.

    >>> closest_passage("we shall hold the line", "They said we will hold the line today.")
    'They said we will hold the line today.'
    """
    doc = text if isinstance(text, NormalizedText) else normalize(text)
    hay_lower = doc.text.lower()
    words = " ".join(quote_parts(quote)).lower().split()
    if not words:
        return ""
    runs = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    span = width or max(len(" ".join(words)), 40)
    votes: dict[int, int] = {}
    for run in runs:
        pos = hay_lower.find(run)
        hits = 0
        while pos != -1 and hits < 20:
            bucket = pos // max(1, span // 2)
            votes[bucket] = votes.get(bucket, 0) + 1
            pos = hay_lower.find(run, pos + 1)
            hits += 1
    if not votes:
        return ""
    bucket = max(votes, key=lambda b: (votes[b], -b))
    centre = bucket * max(1, span // 2)
    lo = max(0, centre - span // 2)
    hi = min(len(doc.text), centre + span + span // 2)
    # widen to word boundaries so the hint reads as text
    while lo > 0 and doc.text[lo - 1] != " ":
        lo -= 1
    while hi < len(doc.text) and doc.text[hi] != " ":
        hi += 1
    return doc.text[lo:hi].strip()
