"""What every edit is: :class:`Edit`, a labelled list of steps, and the checks the
builders share (values validated as the file format validates them, ids that are free).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import EditError
from ..graph import Graph
from ..model import FORMAT_1_1
from ._steps import Insert, Section, Step

__all__ = ["Edit", "fresh_id"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Edit:
    """One change of a graph, as the user sees it: a ``label`` ("add claim 'x'") and
    the steps that make it (:mod:`arggraph.edit._steps`). An edit with no steps changes
    nothing (the builders return one when the values asked for are already there).

    ``renamed`` pairs each relation id the edit replaces with the id that takes its
    place (a relation whose default id ``TYPE:SOURCE->TARGET`` follows a change of its
    type, premises or target), so score sheets' weights can follow it.
    """

    label: str
    steps: tuple[Step, ...]
    renamed: tuple[tuple[str, str], ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.steps)

    def added(self, section: Section = "claims") -> tuple[str, ...]:
        """The ids of the items the edit adds to ``section`` (a new claim, to go to).

        >>> from arggraph.io import loads
        >>> from arggraph.edit import add_claim
        >>> add_claim(loads('{"format": "arggraph/1"}'), "Roads are cut").added()
        ('roads-are-cut',)
        """
        return tuple(
            s.item.id for s in self.steps if isinstance(s, Insert) and s.section == section
        )


def validated(cls: type[M], data: Mapping[str, Any], what: str) -> M:
    """``data`` as a ``cls`` (a claim, a relation...), validated as a file's items are,
    or an :class:`~arggraph.errors.EditError` naming each field that is wrong.

    >>> from arggraph.model import Claim
    >>> validated(Claim, {"id": "a", "text": "A", "base": 2}, "claim 'a'")
    Traceback (most recent call last):
    ...
    arggraph.errors.EditError: claim 'a': base: Input should be less than or equal to 1, not 2
    """
    try:
        return cls.model_validate(dict(data))
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            where = ".".join(str(p) for p in err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            shown = err.get("input")
            value = "" if isinstance(shown, dict) else f", not {shown!r}"
            problems.append(f"{where}: {message}{value}" if where else message)
        raise EditError("; ".join(problems), place=what) from None


def taken_ids(graph: Graph) -> set[str]:
    """The ids a new claim or relation may not take: every claim's and relation's (in
    ``arggraph/1.1`` they share one namespace; a new one is kept apart in either)."""
    return set(graph.claims) | set(graph.relations)


def fresh_id(text: str, taken: Iterable[str], *, fallback: str = "claim") -> str:
    """A short id made from ``text``'s first words, unique among ``taken``: lower case,
    ASCII letters and digits joined by ``-``, at most 40 characters; ``-2``, ``-3``...
    when it is taken.

    >>> fresh_id("Bakhmut has symbolic value, they say.", {"bakhmut-has-symbolic-value-they-say"})
    'bakhmut-has-symbolic-value-they-say-2'
    >>> fresh_id("¿…?", set())
    'claim'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    stem = ""
    for word in words[:6]:
        longer = f"{stem}-{word}" if stem else word
        if len(longer) > 40:
            break
        stem = longer
    stem = stem or fallback
    used = set(taken)
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def check_new_id(graph: Graph, ident: str, what: str) -> None:
    """Refuse an id a claim or relation already has."""
    if not ident:
        raise EditError(f"a {what} needs an id")
    if ident in graph.claims:
        raise EditError(f"id {ident!r} is already a claim's; give the {what} another")
    if ident in graph.relations:
        raise EditError(f"id {ident!r} is already a relation's; give the {what} another")


def is_one_namespace(graph: Graph) -> bool:
    """Whether claims and relations share one namespace (``arggraph/1.1``)."""
    return graph.model.format == FORMAT_1_1
