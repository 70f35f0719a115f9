"""What an import or export could not carry over, said once and plainly.

Every format holds less than arggraph/1 or more than it (schemes, attacks on
attacks, dialogue moves), so converters never fail silently on what they leave
out: they count it in a :class:`Report`, and the CLI prints one ``dropped: ...``
or ``kept: ...`` line per kind on stderr. A library caller reads
:attr:`Report.lines` instead.

>>> r = Report()
>>> r.dropped("support", 3, "apx holds attacks only")
>>> r.dropped("support", 2, "apx holds attacks only")
>>> r.kept("MA (rephrase) node", 1, "as supports, marked in meta")
>>> r.changed("claim text longer than 280 characters|claim texts longer than 280 characters",
...           2, "cut at 280 characters")
>>> for line in r.lines(): print(line)
dropped: 5 supports (apx holds attacks only)
changed: 2 claim texts longer than 280 characters (cut at 280 characters)
kept: 1 MA (rephrase) node as supports, marked in meta
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Report", "plural"]

_QUALIFIER = re.compile(
    r" (?:of|on|to|in|with|without|that|between|from|below|after|"
    r"for|as)\b| \("
)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun in the plural when the count is not one.

    A noun whose plural is not its first word plus *s* is given as
    ``"singular|plural"``.

    >>> plural(1, "claim"), plural(2, "claim"), plural(2, "attack on an attack")
    ('1 claim', '2 claims', '2 attacks on an attack')
    >>> plural(2, "TA node|TA nodes"), plural(1, "TA node|TA nodes")
    ('2 TA nodes', '1 TA node')
    >>> plural(3, "relation weight"), plural(2, "edge to a node that is gone")
    ('3 relation weights', '2 edges to a node that is gone')
    """
    if "|" in noun:
        one, many = noun.split("|", 1)
        return f"{count} {one if count == 1 else many}"
    if count == 1:
        return f"{count} {noun}"
    # The head noun is the last word before a preposition or a parenthesis.
    m = _QUALIFIER.search(noun)
    head, tail = (noun[: m.start()], noun[m.start() :]) if m else (noun, "")
    before, _, word = head.rpartition(" ")
    if word.endswith(("s", "x", "ch", "sh")):
        word += "es"
    elif word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{count} {before + ' ' if before else ''}{word}{tail}"


@dataclass
class Report:
    """Counts of what was dropped, changed, kept differently, or worth a note, by kind.

    Entries with the same verb, noun and reason add up, so an importer can call
    :meth:`dropped` once per item and still print one line.
    """

    _counts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    _examples: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    _notes: list[str] = field(default_factory=list)
    _renames: dict[str, str] = field(default_factory=dict)

    def _add(self, verb: str, noun: str, count: int, reason: str, example: str | None) -> None:
        if count <= 0:
            return
        key = (verb, noun, reason)
        self._counts[key] = self._counts.get(key, 0) + count
        if example is not None:
            examples = self._examples.setdefault(key, [])
            if len(examples) < 3:
                examples.append(example)

    def dropped(
        self, noun: str, count: int = 1, reason: str = "", *, example: str | None = None
    ) -> None:
        """``count`` items of kind ``noun`` were left out, and why."""
        self._add("dropped", noun, count, reason, example)

    def changed(
        self, noun: str, count: int = 1, how: str = "", *, example: str | None = None
    ) -> None:
        """``count`` items of kind ``noun`` are in the output, altered as ``how`` says."""
        self._add("changed", noun, count, how, example)

    def kept(self, noun: str, count: int = 1, how: str = "", *, example: str | None = None) -> None:
        """``count`` items the target format has no name for were kept another way."""
        self._add("kept", noun, count, how, example)

    def note(self, text: str) -> None:
        """Anything else the user should know (a renamed id, a guessed format)."""
        if text not in self._notes:
            self._notes.append(text)

    def renamed(self, old: str, new: str) -> None:
        """A writer wrote the claim id ``old`` as ``new`` (a name the format accepts);
        :attr:`renames` keeps every one, so the mapping can be saved and undone."""
        self._renames[old] = new

    @property
    def renames(self) -> dict[str, str]:
        """Every id a writer renamed: claim id -> the name written."""
        return dict(self._renames)

    def extend(self, other: Report) -> None:
        """Add another report's entries to this one."""
        for key, count in other._counts.items():
            self._counts[key] = self._counts.get(key, 0) + count
            for ex in other._examples.get(key, []):
                self._examples.setdefault(key, [])
                if len(self._examples[key]) < 3:
                    self._examples[key].append(ex)
        for text in other._notes:
            self.note(text)
        self._renames.update(other._renames)

    def count(self, verb: str, noun: str) -> int:
        """How many items of ``noun`` were ``verb`` (``"dropped"``, ``"changed"`` or
        ``"kept"``)."""
        return sum(c for (v, n, _), c in self._counts.items() if v == verb and n == noun)

    def __bool__(self) -> bool:
        return bool(self._counts or self._notes)

    def lines(self) -> list[str]:
        """One line per kind, dropped first, then changed, then kept, then notes."""
        out: list[str] = []
        for verb in ("dropped", "changed", "kept"):
            for (v, noun, reason), count in self._counts.items():
                if v != verb:
                    continue
                line = f"{verb}: {plural(count, noun)}"
                if reason:
                    line += f" {reason}" if verb == "kept" else f" ({reason})"
                examples = self._examples.get((v, noun, reason))
                if examples:
                    line += ", e.g. " + "; ".join(examples)
                out.append(line)
        out.extend(f"note: {text}" for text in self._notes)
        return out
