"""A diff written out: plain text for a terminal or a pipe, Markdown for a pull request's
comment, and JSON for scripts.

Every text from the graphs is data: :func:`to_text` shows control characters as escapes
(:func:`arggraph.text.terminal_safe`), :func:`to_markdown` escapes everything Markdown
or HTML would read and breaks GitHub's mentions and issue references
(:func:`arggraph.text.markdown_text`), and JSON carries the values as they are.

The Markdown keeps a typical edition to one screen: a table of counts, the verdict
before and after, the ten largest strength changes, and every list behind a
``<details>`` block whose summary gives its count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..text import markdown_code, markdown_text, one_line, terminal_safe

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import Attribution, Relation
    from ..semantics.verdict import Verdict
    from .effect import Effect
    from .result import FieldChange, GraphDiff, ItemChange, Match, Section

__all__ = [
    "DIFF_FORMAT",
    "describe_relation",
    "describe_verdict",
    "relation_kind",
    "to_json",
    "to_markdown",
    "to_text",
]

#: The ``format`` value of the JSON output.
DIFF_FORMAT = "arggraph-diff/1"
_KINDS = ("claims", "relations", "documents", "actors")


# ------------------------------------------------------------------ describing
def relation_kind(graph: Graph, rel: Relation) -> str:
    """``support``, ``attack``, ``undercut`` (an attack on a relation), ``backing`` (a
    support of one), each ``linked`` when it runs from linked premises."""
    aims_at_relation = rel.target not in graph.claims and rel.target in graph.relations
    kind = {"attack": "undercut", "support": "backing"}[rel.type] if aims_at_relation else rel.type
    return f"linked {kind}" if rel.sources is not None else kind


def describe_relation(
    graph: Graph, rel: Relation, name: Callable[[str], str] = one_line, arrow: str = "->"
) -> str:
    """A relation in a few words: its kind, premises and target, each id passed through
    ``name`` (for escaping).

    >>> from arggraph.io import loads
    >>> g = loads('{"claims": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"},'
    ...           ' {"id": "c", "text": "C"}, {"id": "u", "text": "U"}], "relations": ['
    ...           '{"id": "r", "type": "support", "sources": ["a", "b"], "target": "c"},'
    ...           '{"type": "attack", "source": "u", "target": "r"}]}')
    >>> [describe_relation(g, r) for r in g.relations.values()]
    ['linked support a + b -> c', 'undercut u -> relation r']
    """
    premises = " + ".join(name(p) for p in rel.premises)
    target = name(rel.target)
    if rel.target not in graph.claims and rel.target in graph.relations:
        target = f"relation {target}"
    return f"{relation_kind(graph, rel)} {premises} {arrow} {target}"


def describe_verdict(v: Verdict | None, name: Callable[[str], str] = one_line) -> str:
    """A verdict in words: ``a leads b by 0.2312 (0.7437 to 0.5125)``, a tie, a lone
    position, or ``no positions``."""
    if v is None:
        return "no positions"
    ranked = sorted(v.strengths, key=lambda p: -v.strengths[p])
    if v.leader is None:
        top = v.strengths[ranked[0]]
        tied = [name(p) for p in ranked if top - v.strengths[p] <= 1e-9]
        return f"tie between {', '.join(tied)} at {top:.4f}"
    if v.runner_up is None:
        return f"{name(v.leader)} is the only position, at {v.strengths[v.leader]:.4f}"
    return (
        f"{name(v.leader)} leads {name(v.runner_up)} by {v.margin:.4f} "
        f"({v.strengths[v.leader]:.4f} to {v.strengths[v.runner_up]:.4f})"
    )


def _scores_label(e: Effect) -> str:
    return "each version's own scores" if e.scores is None else f"scores from {e.scores}"


def _semantics_label(name: str) -> str:
    from ..semantics.registry import GRADUAL

    entry = GRADUAL.get(name)
    return entry.label if entry is not None else name


def _value(value: Any) -> str:
    """A field's value for text output (``-`` for absent)."""
    import json

    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _attribution(a: Attribution) -> str:
    where = ", ".join(x for x in (a.document, a.date, a.illocution) if x)
    quote = f': "{a.quote}"' if a.quote else ""
    return f"{a.actor}{f' ({where})' if where else ''}{quote}"


def _counts(section: Section) -> list[str]:
    parts = [
        (len(section.added), "added"),
        (len(section.removed), "removed"),
        (len(section.renamed), "renamed"),
        (len(section.changed), "changed"),
    ]
    return [f"{n} {word}" for n, word in parts if n]


def _evidence(m: Match) -> str:
    return ", ".join(f"{k} {'-' if v is None else f'{v:.2f}'}" for k, v in m.evidence)


@dataclass(frozen=True)
class _Line:
    """One change of an item, its values unescaped: ``label: old -> new`` (or
    ``label: new`` without ``old``); each value is ``(word, text, is_id)``, the word
    (``claim``, ``relation``) said before an id."""

    label: str
    new: tuple[tuple[str, str, bool], ...]
    old: tuple[tuple[str, str, bool], ...] | None = None

    def render(self, value: Callable[[str, bool], str], arrow: str) -> str:
        def join(parts: tuple[tuple[str, str, bool], ...]) -> str:
            return ", ".join(f"{w} {value(t, i)}" if w else value(t, i) for w, t, i in parts)

        if self.old is None:
            return f"{self.label}: {join(self.new)}"
        return f"{self.label}: {join(self.old)} {arrow} {join(self.new)}"


def _item_lines(diff: GraphDiff, kind: str, c: ItemChange) -> list[_Line]:
    """The changes of one item, one a line."""
    out = [_field_line(diff, kind, f) for f in c.fields]
    if c.premises_added:
        out.append(_Line("premises added", tuple(("", p, True) for p in c.premises_added)))
    if c.premises_removed:
        out.append(_Line("premises removed", tuple(("", p, True) for p in c.premises_removed)))
    out += [
        _Line("attribution added", (("", _attribution(a), False),)) for a in c.attributions_added
    ]
    out += [
        _Line("attribution removed", (("", _attribution(a), False),))
        for a in c.attributions_removed
    ]
    return out


def _field_line(diff: GraphDiff, kind: str, f: FieldChange) -> _Line:
    if kind == "relations" and f.field == "target":

        def end(graph: Graph, ident: str) -> tuple[str, str, bool]:
            aimed = ident in graph.relations and ident not in graph.claims
            return ("relation" if aimed else "claim", ident, True)

        return _Line("target", (end(diff.new, f.new),), (end(diff.old, f.old),))
    return _Line(f.field, (("", _value(f.new), False),), (("", _value(f.old), False),))


def _plain(text: str, is_id: bool) -> str:
    return text


def _md_value(text: str, is_id: bool) -> str:
    return markdown_code(text) if is_id else markdown_text(text)


def _item_label(diff: GraphDiff, kind: str, ident: str, side: str) -> str:
    """What an added or removed item is: a claim's kind and text, a relation's
    description, a document's title, an actor's name."""
    graph = diff.new if side == "new" else diff.old
    if kind == "claims":
        claim = graph.claims[ident]
        return f"[{claim.kind}] {claim.text}"
    if kind == "relations":
        return describe_relation(graph, graph.relations[ident])
    if kind == "documents":
        return graph.documents[ident].title
    return graph.actors[ident].name


# ------------------------------------------------------------------------ text
def to_text(
    diff: GraphDiff,
    effects: Sequence[Effect] = (),
    *,
    old_label: str = "old",
    new_label: str = "new",
    width: int | None = None,
) -> str:
    """The diff as plain text, every text made safe for a terminal. With ``width`` (a
    terminal's), lines are cut to fit it; without, nothing is cut."""

    def fit(line: str) -> str:
        """One line, made safe."""
        return re.sub(r"[^\S ]+", " ", terminal_safe(line))  # line breaks and tabs

    lines = [f"arggraph diff {one_line(old_label)} -> {one_line(new_label)}"]
    if not diff:
        lines.append("no changes")
    for kind in _KINDS:
        counts = _counts(getattr(diff, kind))
        if counts:
            lines.append(f"{kind}: {', '.join(counts)}")
    if diff.attributions_added or diff.attributions_removed:
        lines.append(
            f"attributions: {diff.attributions_added} added, {diff.attributions_removed} "
            "removed (on claims and relations in both versions)"
        )
    for e in effects:
        lines += ["", _effect_head(e)]
        for c in e.largest:
            shown = c.new if c.old == c.new else f"{c.new} (was {c.old})"
            text = diff.new.claims[c.new].text
            lines.append(fit(f"  {c.delta:+.4f}  {c.before:.4f} -> {c.after:.4f}  {shown}  {text}"))
    if diff.graph:
        lines += ["", "graph"]
        lines += [
            fit(f"  {_field_line(diff, 'graph', f).render(_plain, '->')}") for f in diff.graph
        ]
    for kind in _KINDS:
        section: Section = getattr(diff, kind)
        if section.renamed:
            lines += ["", f"{kind} renamed"]
            for m in section.renamed:
                how = f"confidence {m.confidence:.2f}"
                if m.evidence:
                    how += f": {_evidence(m)}"
                lines.append(fit(f"  {m.old} -> {m.new}  ({how})"))
        if section.added:
            lines += ["", f"{kind} added"]
            for i in section.added:
                lines.append(fit(f"  + {i}  {_item_label(diff, kind, i, 'new')}"))
        if section.removed:
            lines += ["", f"{kind} removed"]
            for i in section.removed:
                lines.append(fit(f"  - {i}  {_item_label(diff, kind, i, 'old')}"))
        if section.changed:
            lines += ["", f"{kind} changed"]
            for item in section.changed:
                head = item.new if item.old == item.new else f"{item.new} (was {item.old})"
                lines.append(fit(f"  ~ {head}"))
                lines += [
                    fit(f"      {x.render(_plain, '->')}") for x in _item_lines(diff, kind, item)
                ]
    if width is not None:
        cut = max(width, 20)
        lines = [x if len(x) <= cut else x[: cut - 1] + "…" for x in "\n".join(lines).split("\n")]
    return "\n".join(lines) + "\n"


def _effect_head(e: Effect) -> str:
    head = f"verdict ({_semantics_label(e.semantics)}, {_scores_label(e)}): "
    if e.before is None and e.after is None:
        head += "no positions"
    else:
        head += f"{describe_verdict(e.before)} -> {describe_verdict(e.after)}"
        if e.flipped:
            head += "  THE LEADER CHANGED"
    moved = f"{e.moved} claim{'s' if e.moved != 1 else ''} in both versions moved"
    if e.largest:
        moved += f"; the {len(e.largest)} largest changes:" if len(e.largest) > 1 else ":"
    return one_line(head) + "\n" + moved


# -------------------------------------------------------------------- markdown
#: The most characters of a claim's text an item of a list shows (a text change shows
#: both texts whole).
_CELL = 160


def to_markdown(
    diff: GraphDiff,
    effects: Sequence[Effect] = (),
    *,
    old_label: str = "old",
    new_label: str = "new",
) -> str:
    """The diff as GitHub-flavoured Markdown for a pull request's comment: a heading,
    the verdict before and after under each scoring, the largest strength changes of
    the first, and for each kind of item one ``<details>`` block whose summary gives the
    counts (added, removed, renamed, changed) and whose body lists them."""
    out = [
        f"### Argument map: {markdown_code(old_label)} → {markdown_code(new_label)}",
        "",
    ]
    if not diff:
        out += ["No changes in argument terms.", ""]
    for k, e in enumerate(effects):
        out += _md_effect(diff, e, first=k == 0)
    if diff.attributions_added or diff.attributions_removed:
        out += [
            f"Attributions on claims and relations in both versions: "
            f"{diff.attributions_added} added, {diff.attributions_removed} removed.",
            "",
        ]
    if diff.graph:
        rows = [f"- {_field_line(diff, 'graph', f).render(_md_value, '→')}" for f in diff.graph]
        out += _details(f"<b>The graph</b>: {_plural(len(diff.graph), 'field')} changed", rows)
    for kind in _KINDS:
        out += _md_section(diff, kind)
    return "\n".join(out).rstrip("\n") + "\n"


def _details(summary: str, body: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>", ""]


def _md_effect(diff: GraphDiff, e: Effect, *, first: bool) -> list[str]:
    def name(p: str) -> str:
        return markdown_code(p)

    label = (
        markdown_text(_semantics_label(e.semantics))
        + ", "
        + (
            "each version's own scores"
            if e.scores is None
            else f"scores from {markdown_code(e.scores)}"
        )
    )
    if e.before is None and e.after is None:
        line = f"**Verdict** ({label}): no positions."
    else:
        change = "**The leader changed.**" if e.flipped else "The leader is the same."
        line = (
            f"**Verdict** ({label}): {describe_verdict(e.before, name)} → "
            f"{describe_verdict(e.after, name)}. {change}"
        )
    out = [line, ""]
    if not e.largest:
        return [*out, "No claim's strength moved.", ""]
    rows = ["| change | before | after | claim |", "|---:|---:|---:|---|"]
    for c in e.largest:
        who = markdown_code(c.new, cell=True)
        if c.old != c.new:
            who += f" (was {markdown_code(c.old, cell=True)})"
        text = markdown_text(diff.new.claims[c.new].text, 100)
        rows.append(f"| {c.delta:+.4f} | {c.before:.4f} | {c.after:.4f} | {who} {text} |")
    moved = f"{e.moved} claim{'s' if e.moved != 1 else ''} moved"
    if first:
        return [*out, f"Largest strength changes ({moved}):", "", *rows, ""]
    summary = f"Largest strength changes under this scoring ({moved})"
    return [*out, *_details(summary, rows)]


def _md_section(diff: GraphDiff, kind: str) -> list[str]:
    s: Section = getattr(diff, kind)

    def item(ident: str, side: str) -> str:
        label = markdown_text(_item_label(diff, kind, ident, side), _CELL)
        if kind == "relations":
            graph = diff.new if side == "new" else diff.old
            label = describe_relation(graph, graph.relations[ident], markdown_code, "→")
        return f"- {markdown_code(ident)} {label}"

    if not s:
        return []
    body: list[str] = []
    if s.renamed:
        body += ["**Renamed**", ""]
        for m in s.renamed:
            how = f"confidence {m.confidence:.2f}"
            if m.evidence:
                how += f": {_evidence(m)}"
            body.append(f"- {markdown_code(m.old)} → {markdown_code(m.new)} ({how})")
        body.append("")
    if s.added:
        body += ["**Added**", "", *(item(i, "new") for i in s.added), ""]
    if s.removed:
        body += ["**Removed**", "", *(item(i, "old") for i in s.removed), ""]
    if s.changed:
        body += ["**Changed**", ""]
        for c in s.changed:
            head = markdown_code(c.new)
            if c.old != c.new:
                head += f" (was {markdown_code(c.old)})"
            body.append(f"- {head}")
            body += [f"  - {x.render(_md_value, '→')}" for x in _item_lines(diff, kind, c)]
        body.append("")
    summary = f"<b>{kind.capitalize()}</b>: {', '.join(_counts(s))}"
    return _details(summary, body[:-1])


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# ------------------------------------------------------------------------ json
def to_json(
    diff: GraphDiff,
    effects: Sequence[Effect] = (),
    *,
    old_label: str | None = None,
    new_label: str | None = None,
) -> dict[str, Any]:
    """The diff as a JSON-able dict (``"format": "arggraph-diff/1"``): ``old`` and
    ``new`` (label, graph id, SHA-256 of the file), ``graph`` (fields changed), one
    object per kind of item (``added``, ``removed``, ``renamed`` with confidence and
    evidence, ``changed``), ``attributions`` (counts) and ``effects`` (each scoring's
    verdicts, moved count and largest changes)."""
    from .effect import graph_sha256

    def side(graph: Graph, label: str | None) -> dict[str, Any]:
        return {"label": label, "id": graph.id, "sha256": graph_sha256(graph)}

    def fields(items: Sequence[FieldChange]) -> list[dict[str, Any]]:
        return [{"field": f.field, "old": f.old, "new": f.new} for f in items]

    def entry(kind: str, graph: Graph, ident: str) -> dict[str, Any]:
        if kind == "claims":
            c = graph.claims[ident]
            return {"id": ident, "kind": c.kind, "text": c.text}
        if kind == "relations":
            r = graph.relations[ident]
            return {
                "id": ident,
                "type": r.type,
                "kind": relation_kind(graph, r),
                "premises": r.premises,
                "target": r.target,
            }
        if kind == "documents":
            return {"id": ident, "title": graph.documents[ident].title}
        return {"id": ident, "name": graph.actors[ident].name}

    def section(kind: str) -> dict[str, Any]:
        s: Section = getattr(diff, kind)
        return {
            "added": [entry(kind, diff.new, i) for i in s.added],
            "removed": [entry(kind, diff.old, i) for i in s.removed],
            "renamed": [
                {
                    "old": m.old,
                    "new": m.new,
                    "confidence": m.confidence,
                    "evidence": dict(m.evidence),
                }
                for m in s.renamed
            ],
            "changed": [
                {
                    "old": c.old,
                    "new": c.new,
                    "fields": fields(c.fields),
                    "attributions_added": [
                        a.model_dump(mode="json", exclude_none=True) for a in c.attributions_added
                    ],
                    "attributions_removed": [
                        a.model_dump(mode="json", exclude_none=True) for a in c.attributions_removed
                    ],
                    **(
                        {
                            "premises_added": list(c.premises_added),
                            "premises_removed": list(c.premises_removed),
                        }
                        if kind == "relations"
                        else {}
                    ),
                }
                for c in s.changed
            ],
        }

    def verdict(v: Verdict | None) -> dict[str, Any] | None:
        if v is None:
            return None
        return {
            "leader": v.leader,
            "runner_up": v.runner_up,
            "margin": v.margin,
            "strengths": v.strengths,
        }

    return {
        "format": DIFF_FORMAT,
        "old": side(diff.old, old_label),
        "new": side(diff.new, new_label),
        "changed": bool(diff),
        "graph": fields(diff.graph),
        **{kind: section(kind) for kind in _KINDS},
        "attributions": {
            "added": diff.attributions_added,
            "removed": diff.attributions_removed,
        },
        "effects": [
            {
                "semantics": e.semantics,
                "scores": e.scores,
                "before": verdict(e.before),
                "after": verdict(e.after),
                "leader_changed": e.flipped,
                "moved": e.moved,
                "largest": [
                    {
                        "old": c.old,
                        "new": c.new,
                        "before": c.before,
                        "after": c.after,
                        "change": c.delta,
                    }
                    for c in e.largest
                ],
            }
            for e in effects
        ],
    }
