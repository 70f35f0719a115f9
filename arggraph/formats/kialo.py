"""Kialo discussion exports (``.txt``): the maps most debaters already have.

Kialo has written two layouts, and both are read, with LF or CRLF line ends:

- **old**: ``Discussion Title: ...``, then one claim a line, ``1. thesis text``,
  ``1.1. Pro: text``, ``1.1.1. Con: text``;
- **new**: ``Discussion Name:`` with the name on the next line, then a header a
  claim (``1.1. Pro:``, indented two spaces a level) with its text on the following
  lines, and a ``Sources:`` list of footnotes ``[n] url`` at the end, some followed
  by quoted excerpt lines.

The ``Thesis:`` prefix may be there or not (``1. Thesis:`` or ``1.`` in the new layout,
``1.1. Thesis: ...`` or ``1.1. ...`` under a question); every claim below a thesis says
``Pro:`` or ``Con:``. The thesis becomes a position; under a ``Question`` root (a
multi-thesis discussion) the question becomes the graph's question and each thesis a
position. A Pro becomes a support of its parent, a Con an attack. A ``-> See 1.2.3.``
line reuses that claim (one claim, two relations) instead of copying it; a link to
another discussion (``-> See discussion #NNN: title``) becomes a claim holding that
title. Footnote sources become documents, named in each citing claim's ``meta``; their
markers (``[3]``) leave the claim's text.
Kialo's backslash escapes (``\\(``, ``\\]``, ``\\@``, a literal ``\\n``...) are
undone. Claim ids are Kialo's numbers (``1.2.3``).

>>> text = ("Discussion Title: Tea?\\n\\n1. Tea is good.\\n1.1. Pro: It is warm.\\n"
...         "1.2. Con: -> See 1.1.")
>>> m = from_kialo(text).model
>>> [(r.type, r.source, r.target) for r in m.relations]
[('support', '1.1', '1'), ('attack', '1.1', '1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError
from .imported import Ids, ImportResult, fail, model_from, slug
from .imported import graph_id as id_from_path
from .report import Report

__all__ = ["from_kialo", "unescape"]

_HEADER = re.compile(
    r"(?P<indent>[ \t]*)(?P<num>\d+(?:\.\d+)*)\.(?:[ \t]+|$)"
    r"(?:(?P<role>Thesis|Pro|Con|Question):)?[ \t]*(?P<rest>.*)"
)
_LINK = re.compile(r"->\s*See\s+(\d+(?:\.\d+)*)\.?\s*")
_OTHER = re.compile(r"->\s*See\s+discussion\s+#(\d+)\s*:?\s*(.*)", re.DOTALL)
_SOURCE = re.compile(r"\s*\[(\d+)\]\s*(.*)")
_FOOTNOTE = re.compile(r"\[(\d+)\]")
# A footnote marker in a claim's text: ``[3]`` (not an escaped ``\[3]``, not a Markdown
# link ``[3](url)``), with the spaces before it.
# Only where a run of spaces starts (or none is): trying at each space of a long run
# took time quadratic in its length.
_MARKER = re.compile(r"(?<![ \t])[ \t]*(?<!\\)\[(\d+)\](?!\()")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _number(digits: str) -> int | str:
    """A discussion number as a number, unless it is too long to be one (kept as text).

    >>> _number("14445"), _number("9" * 40)[:3]
    (14445, '999')
    """
    return int(digits) if len(digits) <= 18 else digits


def unescape(text: str) -> str:
    """Undo Kialo's Markdown escapes; a literal ``\\n`` is a line break.

    >>> unescape(r"Burden_of_proof_\\(philosophy\\) \\@x a\\nb")
    'Burden_of_proof_(philosophy) @x a\\nb'
    """
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


@dataclass
class _Node:
    num: str
    role: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def parent(self) -> str | None:
        return self.num.rsplit(".", 1)[0] if "." in self.num else None

    def text(self) -> str:
        lines = [x.strip() for x in self.lines]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines)


def _read(
    text: str, path: str | Path | None
) -> tuple[str, list[_Node], dict[str, tuple[str, list[str]]], dict[str, int]]:
    """The title, the claims in file order, the footnote sources, and the numbered
    lines read as text because they carry no role (``1.2.`` with no ``Pro:`` or
    ``Con:``), by number, with their line."""
    lines = text.splitlines()
    first = next((i for i, x in enumerate(lines) if x.strip()), None)
    if first is None:
        raise fail("empty: expected a Kialo export", path, 1)
    head = lines[first].strip().lstrip("\ufeff")
    if head.startswith("Discussion Title:"):
        title = head[len("Discussion Title:") :].strip()
        start = first + 1
    elif head.startswith("Discussion Name:"):
        title = head[len("Discussion Name:") :].strip()
        start = first + 1
        if not title:
            nxt = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
            if nxt is None:
                raise fail("'Discussion Name:' is followed by no name", path, first + 1)
            title = lines[nxt].strip()
            start = nxt + 1
    else:
        raise fail(
            f"expected 'Discussion Title: ...' or 'Discussion Name:' (the first line "
            f"of a Kialo export), found {head[:40]!r}",
            path,
            first + 1,
        )
    nodes: list[_Node] = []
    by_num: dict[str, _Node] = {}
    roleless: dict[str, int] = {}
    sources: dict[str, tuple[str, list[str]]] = {}
    in_sources = False
    last_source: str | None = None
    for number, raw in enumerate(lines[start:], start=start + 1):
        if in_sources:
            m = _SOURCE.fullmatch(raw)
            if m:
                last_source = m.group(1)
                sources[last_source] = (m.group(2).strip(), [])
            elif last_source is not None:
                sources[last_source][1].append(raw.strip())
            elif raw.strip():
                raise fail(
                    f"expected a source '[n] ...' after 'Sources:', found {raw.strip()[:40]!r}",
                    path,
                    number,
                )
            continue
        if raw.strip() == "Sources:":
            in_sources = True
            continue
        m = _HEADER.fullmatch(raw)
        role = m.group("role") if m else None
        if m and not role:
            # No role: the thesis ('1.' or '1. text'), or a thesis under a question
            # ('1.1.' below '1. Question:'); other numbered lines are text, remembered
            # in case a claim below turns out to need them as its parent.
            num = m.group("num")
            parent = num.rsplit(".", 1)[0] if "." in num else None
            if (num == "1" and not nodes) or (
                parent is not None and by_num.get(parent, _NO_NODE).role == "Question"
            ):
                role = "Thesis"
            else:
                roleless.setdefault(num, number)
        if m and role:
            node = _Node(m.group("num"), role, number)
            if m.group("rest").strip():
                node.lines.append(m.group("rest"))
            nodes.append(node)
            by_num.setdefault(node.num, node)
            continue
        if nodes:
            nodes[-1].lines.append(raw)
        elif raw.strip():
            raise fail(
                f"expected the first claim ('1. ...' or '1. Thesis:'), found {raw.strip()[:40]!r}",
                path,
                number,
            )
    if not nodes:
        raise fail(
            "no claims: expected numbered claims such as '1. ...' or '1.1. Pro:'", path, start + 1
        )
    return title, nodes, sources, roleless


_NO_NODE = _Node("", "", 0)


def from_kialo(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from a Kialo discussion export, in either layout."""
    report = Report()
    title, nodes, sources, roleless = _read(text, path)
    by_num: dict[str, _Node] = {}
    for node in nodes:
        if node.num in by_num:
            raise fail(f"claim {node.num}. appears twice", path, node.line)
        by_num[node.num] = node
    # Documents from the footnotes, one per distinct source.
    documents: dict[str, dict[str, Any]] = {}
    doc_of: dict[str, str] = {}
    doc_ids = Ids()
    for n, (entry, excerpt) in sources.items():
        entry = unescape(entry) or f"source {n}"
        known = next((d for d, doc in documents.items() if doc["_entry"] == entry), None)
        if known is None:
            known = doc_ids.new(f"source-{n}")
            doc: dict[str, Any] = {"id": known, "title": entry, "_entry": entry}
            if entry.startswith(("http://", "https://")):
                doc["url"] = entry
                doc["title"] = _title_of_url(entry)
            documents[known] = doc
        lines = [x for x in excerpt if x]
        if lines:
            note = documents[known].get("note")
            quoted = unescape("\n".join(lines))
            documents[known]["note"] = f"{note}\n{quoted}" if note else quoted
        doc_of[n] = known
    claims: dict[str, dict[str, Any]] = {}
    claim_ids = Ids()
    question = ""
    link_to: dict[str, str] = {}  # Kialo number of a link -> the claim it reuses
    other: dict[str, str] = {}
    for node in nodes:
        raw = node.text()
        parent = node.parent
        if parent is not None and parent not in by_num:
            raise _orphan(node, parent, roleless, path)
        if node.role == "Question":
            if parent is None:
                question = unescape(raw)
                continue
            report.dropped("nested question", 1, "kept as a claim")
        m_link = _LINK.fullmatch(raw)
        if m_link:
            link_to[node.num] = m_link.group(1)
            continue
        m_other = _OTHER.fullmatch(raw)
        if m_other:
            cid = claim_ids.new(f"discussion-{m_other.group(1)}")
            other[node.num] = cid
            claims[cid] = {
                "id": cid,
                "text": unescape(m_other.group(2).strip())
                or f"Kialo discussion #{m_other.group(1)}",
                "meta": {"kialo": {"id": node.num, "discussion": _number(m_other.group(1))}},
            }
            report.kept(
                "link to another Kialo discussion|links to other Kialo discussions",
                1,
                "as claims holding the other discussion's title",
            )
            continue
        if not raw:
            raise fail(f"claim {node.num}. has no text", path, node.line)
        cid = claim_ids.new(node.num)
        meta: dict[str, Any] = {"kialo": {"id": node.num}}
        cited = [doc_of[n] for n in _FOOTNOTE.findall(raw) if n in doc_of]
        if cited:
            meta["kialo"]["sources"] = list(dict.fromkeys(cited))
        claims[cid] = {
            "id": cid,
            "text": unescape(_without_markers(raw, doc_of)),
            "meta": meta,
            "kind": "position"
            if node.role in ("Thesis", "Question")
            and (parent is None or by_num[parent].role == "Question")
            else "claim",
        }
    # Relations, now that every claim (and link target) is known.
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def resolve(num: str, line: int) -> str:
        hops = 0
        while num in link_to:
            num = link_to[num]
            hops += 1
            if hops > len(link_to):
                raise fail(f"the links starting at {num}. go round in a circle", path, line)
        if num in other:
            return other[num]
        if num not in claims:
            raise fail(f"'-> See {num}.' points at no claim of this discussion", path, line)
        return num

    for node in nodes:
        parent = node.parent
        if parent is None or node.role not in ("Pro", "Con"):
            if node.role == "Thesis" and parent is not None and by_num[parent].role != "Question":
                report.kept(
                    "thesis below a claim|theses below claims",
                    1,
                    "as positions with no relation to their parent",
                )
            continue
        if by_num[parent].role == "Question" and parent not in claims:
            report.dropped(
                "Pro or Con on the question|Pros and Cons on the question",
                1,
                "a question is no claim to support or attack",
            )
            continue
        source = resolve(node.num, node.line)
        target = resolve(parent, node.line)
        rel_type = "support" if node.role == "Pro" else "attack"
        if (rel_type, source, target) in seen:
            report.dropped("repeated link", 1, "the same relation twice")
            continue
        seen.add((rel_type, source, target))
        relations.append({"type": rel_type, "source": source, "target": target})
    if link_to:
        report.kept(
            "'-> See' link|'-> See' links", len(link_to), "as relations of the claim they name"
        )
    for doc in documents.values():
        doc.pop("_entry", None)
    payload: dict[str, Any] = {
        "id": graph_id or id_from_path(path),
        "title": unescape(title),
        "question": question or unescape(title),
        "documents": list(documents.values()),
        "claims": list(claims.values()),
        "relations": relations,
        "meta": {"imported_from": "kialo"},
    }
    return ImportResult(model_from(payload, path), report)


def _title_of_url(url: str) -> str:
    """A short title for a source known only by its URL: its host and last path part."""
    rest = url.split("://", 1)[-1]
    host, _, tail = rest.partition("/")
    tail = tail.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last = tail.rsplit("/", 1)[-1] if tail else ""
    words = slug(last.replace("_", " "), limit=60).replace("-", " ") if last else ""
    return f"{host}: {words}" if words else host


def _without_markers(raw: str, sources: dict[str, str]) -> str:
    """A claim's text without its footnote markers (``[3]`` of a source listed under
    ``Sources:``), which name the sources kept in its ``meta`` instead; a number with
    no such source is left as written.

    >>> _without_markers("corrupt [1] and, thus, incompetent [2].", {"1": "s1", "2": "s2"})
    'corrupt and, thus, incompetent.'
    >>> _without_markers("see [7] and [a](url) and \\\\[1]", {"1": "s1"})
    'see [7] and [a](url) and \\\\[1]'
    """
    return _MARKER.sub(lambda m: "" if m.group(1) in sources else m.group(0), raw)


def _orphan(
    node: _Node, parent: str, roleless: dict[str, int], path: str | Path | None
) -> ImportFormatError:
    """The error for a claim whose parent number is no claim of the file: a numbered
    line without a role (read as text) is pointed at, else the parent is missing."""
    line = roleless.get(parent)
    if line is not None:
        return fail(
            f"'{parent}.' has no role, so it was read as text of the claim above it, and "
            f"claim {node.num}. (line {node.line}) has no parent: Kialo writes 'Pro:' or "
            f"'Con:' after the number of each claim below the thesis ('{parent}. Pro: "
            "...'); 'Thesis:' may be left out only for the thesis and for the theses "
            "under a 'Question:'",
            path,
            line,
        )
    return fail(
        f"claim {node.num}. has no parent {parent}. anywhere in the file (a claim's "
        "number is its parent's with one more part)",
        path,
        node.line,
    )
