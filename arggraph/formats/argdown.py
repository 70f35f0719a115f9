"""Argdown, the Markdown-like syntax for argument maps: import (here) and export.

Argdown (argdown.org) writes a debate as text: statements ``[Title]: text``,
arguments ``<Title>: text``, and under them, indented, their relations:

- ``+ X`` / ``<+ X``: X supports the element above; ``- X`` / ``<- X``: X attacks it;
- ``+> X``: the element above supports X; ``-> X``: it attacks X;
- ``<_ X``: X undercuts the element above; ``_> X``: the element above undercuts X;
- ``>< X``: the two contradict each other.

The import (:mod:`~arggraph.formats.argdown_parse` reads the syntax) reads a file as
Argdown's own parser does: every titled statement and argument is a claim (its title as
id), and each relation is a support or an attack between the elements it is written
between, the element it is written under included, even a statement that is also an
argument's conclusion (undercuts become attacks, contradictions a pair of attacks; both
noted in ``meta``). An argument's premise-conclusion structure (``(1) ...``,
``--``/``----`` inference lines, ``(n)`` conclusion) is kept in its ``meta``; its premises
that are claims support the argument, and the argument supports its conclusion.
``#tags`` become tags, ``{data}`` is read as YAML-style key/values (``kind``, ``base``,
``date``, ``note``, ``attributions`` and ``relations`` there fill those fields, which is
how the export keeps them; other keys go to ``meta``), headings are kept as each claim's
section. YAML front matter gives the title, question, description (``subTitle``),
actors and documents; ``//``, ``/* */`` and ``<!-- -->`` comments are skipped. Untitled
paragraphs that take part in no relation (Argdown's prose) are dropped and counted.

The export (:mod:`~arggraph.formats.argdown_write`) writes every claim as a statement
with its data, and its incoming relations under it; ``arggraph/1 -> Argdown ->
arggraph/1`` keeps ids, texts (on one line), kinds, base scores, dates, tags, notes,
attributions, actors, documents, relation types, weights, schemes and ids.

>>> text = "[Go]: We go. #plan\\n  + <Cheap>: It costs little.\\n  - [Stay]: We stay."
>>> m = from_argdown(text).model
>>> [(r.type, r.source, r.target) for r in m.relations], m.claims[0].tags
([('support', 'Cheap', 'Go'), ('attack', 'Stay', 'Go')], ['plan'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dates import is_valid_date
from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import parse_json
from .argdown_data import parse_data
from .argdown_meta import attributions, front_items, relation_extra
from .argdown_parse import Item, Parsed, parse_argdown
from .argdown_write import escape_text, to_argdown, write_argdown
from .imported import Ids, ImportResult, fail, model_from
from .imported import graph_id as id_from_path
from .report import Report

__all__ = ["escape_text", "from_argdown", "parse_data", "to_argdown", "write_argdown"]

Key = tuple[str, str]

# symbol -> (relation type, True when the element on the line is the source)
_SYMBOLS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradiction", True),
}


def _front_list(value: str | None, path: str | Path | None, line: int | None) -> list[str] | None:
    """A front-matter list such as ``positions: ["a", "b"]`` (JSON, which is YAML)."""
    if value is None:
        return None
    try:
        items = parse_json(value)
    except JSONLimitError as exc:
        raise fail(f"front matter: {exc.message}", path, line) from None
    except JSONSyntaxError:
        items = [x.strip().strip("'\"") for x in value.strip("[]").split(",") if x.strip()]
    return [str(x) for x in items] if isinstance(items, list) else None


def _claim_ids(items: dict[Key, Item], keep: list[Key]) -> dict[Key, str]:
    """Titled statements keep their titles; arguments too unless a statement has it."""
    ids = Ids()
    claim_id: dict[Key, str] = {}
    for k in keep:
        if items[k].kind == "statement" and items[k].title is not None:
            claim_id[k] = ids.new(items[k].title or "")
    untitled = 0
    for k in keep:
        if k in claim_id:
            continue
        item = items[k]
        if item.title is not None:
            wanted = item.title if item.title not in ids else f"{item.title} (argument)"
        else:
            untitled += 1
            wanted = f"{'a' if item.kind == 'argument' else 's'}{untitled}"
        claim_id[k] = ids.new(wanted)
    return claim_id


class _Build:
    def __init__(self, parsed: Parsed, path: str | Path | None) -> None:
        self.p = parsed
        self.path = path
        self.items = parsed.items
        self.report: Report = parsed.report
        in_relation = {k for _, a, b, _ in parsed.relations for k in (a, b)}
        self.keep = sorted(
            (k for k, it in self.items.items() if it.title or k in in_relation or it.pcs),
            key=lambda k: self.items[k].order,
        )
        kept = set(self.keep)
        pcs_only = {e["key"] for it in self.items.values() for e in it.pcs}
        prose = sum(
            1 for k, it in self.items.items() if k not in kept and it.text and k not in pcs_only
        )
        self.report.dropped(
            "untitled paragraph in no relation|untitled paragraphs in no relation",
            prose,
            "Argdown prose, not part of the map",
        )
        self.claim_id = _claim_ids(self.items, self.keep)
        self.relation_data: dict[Key, list[dict[str, Any]]] = {}

    # ------------------------------------------------------------------ claims
    def claims(self) -> list[dict[str, Any]]:
        positions = _front_list(
            self.p.front.get("positions"), self.path, self.p.front_lines.get("positions")
        )
        self.has_kinds = positions is not None
        out = []
        for k in self.keep:
            claim = self.claim(k)
            if positions is not None and k[0] == "statement" and self.items[k].title in positions:
                claim["kind"] = claim.get("kind_given") or "position"
            claim.pop("kind_given", None)
            out.append(claim)
        return out

    def claim(self, k: Key) -> dict[str, Any]:
        item = self.items[k]
        cid = self.claim_id[k]
        what = f"[{item.title}]" if item.kind == "statement" else f"<{item.title}>"
        meta: dict[str, Any] = {"type": item.kind}
        if item.title is not None:
            meta["title"] = item.title
        if item.section:
            meta["section"] = item.section
        claim: dict[str, Any] = {
            "id": cid,
            "text": item.text or item.title or cid,
            "kind": "claim",
            "tags": item.tags,
        }
        data = dict(item.data)
        kind = data.pop("kind", None)
        if kind in ("position", "claim", "evidence"):
            claim["kind"] = claim["kind_given"] = kind
            self.has_kinds = True
        elif kind is not None:
            data["kind"] = kind
        base = data.pop("base", None)
        if isinstance(base, int | float) and not isinstance(base, bool) and 0 <= base <= 1:
            claim["base"] = float(base)
        elif base is not None:
            data["base"] = base
        date = data.pop("date", None)
        if isinstance(date, str) and is_valid_date(date):
            claim["date"] = date
        elif date is not None:
            data["date"] = date
        note = data.pop("note", None)
        if isinstance(note, str) and note:
            claim["note"] = note
        elif note is not None:
            data["note"] = note
        if "attributions" in data:
            claim["attributions"] = attributions(
                data.pop("attributions"), what, self.path, item.data_line
            )
        if "relations" in data:
            entries = data.pop("relations")
            if not isinstance(entries, list):
                raise fail(f"{what} relations: expected a list", self.path, item.data_line)
            self.relation_data[k] = list(entries)
        if data:
            meta["data"] = data
        if item.pcs:
            meta["pcs"] = [self.pcs_entry(e) for e in item.pcs]
        if not item.text and item.title is not None:
            self.report.kept(
                "title without a text|titles without a text",
                1,
                "as the claim's text",
                example=item.title,
            )
        claim["meta"] = {"argdown": meta}
        return claim

    def pcs_entry(self, e: dict[str, Any]) -> dict[str, Any]:
        stmt = self.items[e["key"]]
        return {
            "number": e["number"],
            "text": stmt.text or stmt.title or "",
            **({"title": stmt.title} if stmt.title else {}),
            **({"conclusion": True} if e["conclusion"] else {}),
            **({"inference": e["inference"]} if e["inference"] else {}),
        }

    # ------------------------------------------------------------------ relations
    def implicit(self) -> list[tuple[Key, Key]]:
        """(source, target) of the supports a premise-conclusion structure implies: each
        premise that is a claim supports its argument, the argument its conclusion."""
        out = []
        kept = set(self.keep)
        for key, item in self.items.items():
            if not item.pcs:
                continue
            last = item.pcs[-1]
            for entry in item.pcs:
                stmt = entry["key"]
                if stmt not in kept:
                    continue
                if entry is last and entry["conclusion"]:
                    out.append((key, stmt))
                elif not entry["conclusion"]:
                    out.append((stmt, key))
        return out

    def relations(self) -> list[dict[str, Any]]:
        relations: list[dict[str, Any]] = []
        seen: set[tuple[str, ...]] = set()

        def add(rel: dict[str, Any]) -> None:
            ident = (rel["type"], rel["source"], rel["target"], str(rel.get("id", "")))
            if rel["source"] == rel["target"] or ident in seen:
                return
            seen.add(ident)
            relations.append(rel)

        for a, b in self.implicit():
            s, t = self.claim_id[a], self.claim_id[b]
            add({"type": "support", "source": s, "target": t, "meta": _noted(None)})
        undercuts = 0
        for symbol, parent, child, line in self.p.relations:
            kind, child_is_source = _SYMBOLS[symbol]
            source, target = (child, parent) if child_is_source else (parent, child)
            s, t = self.claim_id[source], self.claim_id[target]
            if kind == "undercut":
                undercuts += 1
                add({"type": "attack", "source": s, "target": t, "meta": _noted("undercut")})
            elif kind == "contradiction":
                add({"type": "attack", "source": s, "target": t, "meta": _noted("contradiction")})
                add({"type": "attack", "source": t, "target": s, "meta": _noted("contradiction")})
            else:
                rel = {"type": kind, "source": s, "target": t}
                add({**rel, **self.extra(kind, source, target, line)})
        self.report.kept(
            "undercut", undercuts, "as attacks on the undercut argument, noted in meta"
        )
        return relations

    def extra(self, kind: str, source: Key, target: Key, line: int) -> dict[str, Any]:
        """What the target's data says of this relation (the first unused entry naming
        its source and type)."""
        entries = self.relation_data.get(target, [])
        title = self.items[source].title
        for i, entry in enumerate(entries):
            if isinstance(entry, dict) and entry.get("from") == title and entry.get("type") == kind:
                del entries[i]
                item = self.items[target]
                what = f"[{item.title}] relations: from {title!r}"
                return relation_extra(entry, what, self.path, item.data_line or line)
        return {}

    def positions(self, claims: list[dict[str, Any]], relations: list[dict[str, Any]]) -> None:
        """Without kinds given anywhere, the statements others argue about and that argue
        about nothing are the positions."""
        if self.has_kinds:
            return
        sources = {r["source"] for r in relations}
        targets = {r["target"] for r in relations}
        tops = [
            c
            for c in claims
            if c["id"] in targets
            and c["id"] not in sources
            and c["meta"]["argdown"]["type"] == "statement"
        ]
        for c in tops:
            c["kind"] = "position"
        if tops:
            self.report.note(
                f"marked {len(tops)} statement{'s' if len(tops) > 1 else ''} that "
                "others argue for or against, and that argue for or against "
                "nothing, as positions"
            )


def _noted(how: str | None) -> dict[str, Any]:
    """A relation's ``meta``: how Argdown wrote it, or (``None``) that a premise-conclusion
    structure implies it."""
    return {"argdown": {"relation": how} if how else {"premise_conclusion": True}}


def _provenance(
    claims: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    actors: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    report: Report,
) -> None:
    """Actors and documents that attributions name but the front matter does not list
    are added, named by their id (and reported)."""
    known_actors = {a["id"] for a in actors}
    known_documents = {d["id"] for d in documents}
    for item in (*claims, *relations):
        for att in item.get("attributions", []):
            if att["actor"] not in known_actors:
                known_actors.add(att["actor"])
                actors.append({"id": att["actor"], "name": att["actor"], "kind": "speaker"})
                report.kept("actor named only in an attribution", 1, "with its id as name")
            doc = att.get("document")
            if doc is not None and doc not in known_documents:
                known_documents.add(doc)
                documents.append({"id": doc, "title": doc})
                report.kept("document named only in an attribution", 1, "with its id as title")


def from_argdown(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from Argdown text (see the module's docstring). Raises
    ``ImportFormatError`` with the line for what Argdown's own parser refuses (an
    argument's second premise-conclusion structure, an incomplete one, an element right
    below a heading), for data arggraph/1 refuses (a bad attribution or weight), and for
    a file with no statement, argument or front matter."""
    parsed = parse_argdown(text, path)
    build = _Build(parsed, path)
    claims = build.claims()
    relations = build.relations()
    build.positions(claims, relations)
    if not claims and not parsed.front:
        raise fail("no statements or arguments: not an Argdown map", path, 1)
    actors, documents = front_items(parsed.front, parsed.front_lines, path)
    _provenance(claims, relations, actors, documents, build.report)
    front = parsed.front
    payload: dict[str, Any] = {
        "id": graph_id or front.get("id") or id_from_path(path),
        "title": front.get("title", ""),
        "question": front.get("question", ""),
        "actors": actors,
        "documents": documents,
        "claims": claims,
        "relations": relations,
        "meta": {"imported_from": "argdown"},
    }
    if front.get("subTitle"):
        payload["description"] = front["subTitle"]
    return ImportResult(model_from(payload, path), build.report)
