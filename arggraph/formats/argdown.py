"""Argdown, the Markdown-like syntax for argument maps: import (here) and export.

Argdown (argdown.org) writes a debate as text: statements ``[Title]: text``,
arguments ``<Title>: text``, and under them, indented, their relations:

- ``+ X`` / ``<+ X``: X supports the element above; ``- X`` / ``<- X``: X attacks it;
- ``+> X``: the element above supports X; ``-> X``: it attacks X;
- ``<_ X`` (or a bare ``_ X``): X undercuts the element above; ``_> X``: the element
  above undercuts X;
- ``>< X``: the two contradict each other.

The import (:mod:`~arggraph.formats.argdown_parse` reads the syntax) reads a file as
Argdown's own parser does (``@argdown/core``; the tests compare the two):

- Every statement that is titled, or takes part in a relation or a premise-conclusion
  structure, is a claim: a titled one has its title as id, an untitled one in a
  structure the argument's id and its number (``Protect (2)``), any other untitled one
  a slug of its text, so ids stay when other text changes. An argument without a
  premise-conclusion structure is a claim-like node too (``meta`` says it is one).
- An argument's premise-conclusion structure (``(1) ...``, an inference line ``----`` or
  ``-- rule {uses: [1, 2]} --``, ``(n)`` conclusion) is an *inference*: a support from
  all its premises (linked ``sources`` when there are several) to its conclusion, with
  the argument's title as id and its description as note; a structure with intermediary
  conclusions is one inference per inference line (``Title (to 3)`` for the steps,
  whose premises are what ``{uses: [...]}`` names, else the statements since the
  previous conclusion, that conclusion included). The structure itself stays in the
  relation's ``meta``.
- A relation belongs to the element it is written under, a premise or a conclusion
  included. An undercut (``<_``, ``_``, ``_>``, or any relation under an inference
  line) aims at that argument's inference; as in Argdown's parser, ``<_`` or ``_``
  written under a statement bears on the inference written last before it (the one a
  conclusion follows from, when written under the conclusion), and on the statement
  itself when there is none. A support or attack of an argument with a structure
  backs or attacks its inference (noted in ``meta``); one from it starts from its
  conclusion. An undercut of a statement or of an argument without a structure is an
  attack on it, noted; contradictions are a pair of attacks, contraries and strict
  mode's entailments an attack or a support.

``#tags`` become tags, ``{data}`` is read as YAML-style key/values (``kind``, ``base``,
``date``, ``note``, ``attributions`` and ``relations`` there fill those fields, which is
how the export keeps them; an argument's ``arggraph`` object holds its inference's;
other keys go to ``meta``), headings are kept as each claim's section. YAML front
matter gives the title, question, description (``subTitle``), actors and documents;
``//``, ``/* */`` and ``<!-- -->`` comments are skipped. Untitled paragraphs that take
part in no relation (Argdown's prose) are dropped and counted.

The export (:mod:`~arggraph.formats.argdown_write`) writes every claim as a statement
with its data and its incoming relations under it, and each relation from linked
premises, or aimed at by another, as an argument with a premise-conclusion structure;
``arggraph -> Argdown -> arggraph`` keeps ids, texts (on one line), kinds, base scores,
dates, tags, notes, attributions, actors, documents, and relations' types, premises,
targets, weights, schemes and ids.

>>> text = "[Go]: We go. #plan\\n  + <Cheap>: It costs little.\\n  - [Stay]: We stay."
>>> m = from_argdown(text).model
>>> [(r.type, r.source, r.target) for r in m.relations], m.claims[0].tags
([('support', 'Cheap', 'Go'), ('attack', 'Stay', 'Go')], ['plan'])
>>> text = ("<Supply>: Roads bring supplies.\\n  <_ [Shelled]: Under fire.\\n\\n"
...     "(1) [Roads]: Roads are open.\\n(2) Roads bring supplies.\\n----\\n(3) [Hold]: Hold.")
>>> [(r.id, r.premises, r.target) for r in from_argdown(text).model.relations]
[('Supply', ['Roads', 'Supply (2)'], 'Hold'), ('attack:Shelled->Supply', ['Shelled'], 'Supply')]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dates import is_valid_date
from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import parse_json
from .argdown_data import parse_data
from .argdown_meta import attributions, front_items, relation_extra
from .argdown_parse import Parsed, parse_argdown
from .argdown_write import escape_text, to_argdown, write_argdown
from .imported import Ids, ImportResult, fail, model_from, slug
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
    "_": ("undercut", True),
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


def _numbered(argument: str, number: int) -> str:
    """The id of an untitled statement of a premise-conclusion structure: the argument's
    and the statement's number, so it stays when other text changes.

    >>> _numbered("Protect", 2)
    'Protect (2)'
    """
    return f"{argument} ({number})"


def _step_id(argument: str, number: int) -> str:
    """The id of an inference that leads to an intermediary conclusion, number ``number``
    (the last inference, to the main conclusion, has the argument's id).

    >>> _step_id("Causal link", 3)
    'Causal link (to 3)'
    """
    return f"{argument} (to {number})"


def _steps(pcs: list[dict[str, Any]]) -> list[tuple[list[int], int]]:
    """Each inference of a premise-conclusion structure as (the positions of its
    premises, the position of its conclusion): the statements its ``{uses: [...]}`` data
    numbers, else those since the previous conclusion, that conclusion included.

    >>> pcs = [{"number": n, "conclusion": c, "uses": u} for n, c, u in
    ...     [(1, False, None), (2, False, None), (3, True, None), (4, False, None),
    ...      (5, True, [3, 4]), (6, True, None)]]
    >>> _steps(pcs)
    [([0, 1], 2), ([2, 3], 4), ([4], 5)]
    """
    out = []
    start = 0
    by_number = {e["number"]: i for i, e in enumerate(pcs)}
    for i, entry in enumerate(pcs):
        if not entry["conclusion"]:
            continue
        uses = entry.get("uses")
        premises = list(range(start, i))
        if uses:
            named = [by_number[n] for n in uses if n in by_number and by_number[n] < i]
            premises = named or premises
        out.append((premises, i))
        start = i
    return out


class _Build:
    def __init__(self, parsed: Parsed, path: str | Path | None) -> None:
        self.p = parsed
        self.path = path
        self.items = parsed.items
        self.report: Report = parsed.report
        in_relation = {k for _, a, b, _ in parsed.relations for k in (a, b)}
        in_pcs = {e["key"] for it in self.items.values() for e in it.pcs}
        #: Arguments with a premise-conclusion structure: inferences, not claims.
        self.reconstructed = {k for k, it in self.items.items() if it.pcs}
        self.keep = sorted(
            (
                k
                for k, it in self.items.items()
                if k not in self.reconstructed and (it.title or k in in_relation or k in in_pcs)
            ),
            key=lambda k: self.items[k].order,
        )
        kept = set(self.keep)
        prose = sum(
            1
            for k, it in self.items.items()
            if k not in kept and k not in self.reconstructed and it.text
        )
        self.report.dropped(
            "untitled paragraph in no relation|untitled paragraphs in no relation",
            prose,
            "Argdown prose, not part of the map",
        )
        self._ids()
        self.relation_data: dict[Key, list[dict[str, Any]]] = {}
        #: Statements that stood for a relation's conclusion (see :meth:`_collapse`).
        self.collapsed: set[str] = set()

    def _ids(self) -> None:
        """Claim ids (titled statements their titles, arguments too unless a statement has
        it; untitled statements of a structure the argument's id and their number, other
        untitled statements their text) and each inference's relation id (the argument's
        title, else ``argument for`` its conclusion's title, or its text when untitled;
        steps to intermediary conclusions :func:`_step_id`)."""
        ids = Ids()
        self.claim_id: dict[Key, str] = {}
        titled = [k for k in self.keep if self.items[k].title is not None]
        for k in titled:
            if self.items[k].kind == "statement":
                self.claim_id[k] = ids.new(self.items[k].title or "")
        for k in titled:
            if k not in self.claim_id:
                title = self.items[k].title or ""
                self.claim_id[k] = ids.new(title if title not in ids else f"{title} (argument)")
        self.argument_id: dict[Key, str] = {}
        for k in sorted(self.reconstructed, key=lambda k: self.items[k].order):
            item = self.items[k]
            given = item.data.get("arggraph")
            given = given.get("id") if isinstance(given, dict) else None
            if isinstance(given, str) and given and given not in ids:
                wanted = given  # the relation's own id, which the export keeps
            elif item.title is not None:
                wanted = item.title if item.title not in ids else f"{item.title} (argument)"
            else:  # by its conclusion: its title, which edits of the text leave alone
                last = self.items[item.pcs[-1]["key"]]
                named = last.title or slug(last.text or "")
                wanted = "argument for " + (named or "its conclusion")
            self.argument_id[k] = ids.new(wanted)
        for k in sorted(self.reconstructed, key=lambda k: self.items[k].order):
            for entry in self.items[k].pcs:
                key = entry["key"]
                if key not in self.claim_id:
                    self.claim_id[key] = ids.new(_numbered(self.argument_id[k], entry["number"]))
        for k in self.keep:
            if k not in self.claim_id:
                self.claim_id[k] = ids.new(slug(self.items[k].text) or "statement")
        self.step_id: dict[tuple[Key, int], str] = {}
        for k in sorted(self.reconstructed, key=lambda k: self.items[k].order):
            pcs = self.items[k].pcs
            steps = _steps(pcs)
            for _, at in steps[:-1]:
                self.step_id[k, at] = ids.new(_step_id(self.argument_id[k], pcs[at]["number"]))
            if steps:
                self.step_id[k, steps[-1][1]] = self.argument_id[k]

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
        rebuilt = data.pop("reconstructed", None)
        if isinstance(rebuilt, bool):
            claim["reconstructed"] = rebuilt
        elif rebuilt is not None:
            data["reconstructed"] = rebuilt
        note = data.pop("note", None)
        if isinstance(note, str) and note:
            claim["note"] = note
        elif note is not None:
            data["note"] = note
        if "attributions" in data:
            claim["attributions"] = attributions(
                data.pop("attributions"), what, self.path, item.data_line
            )
        self._relation_entries(k, data, what)
        if data:
            meta["data"] = data
        if not item.text and item.title is not None:
            self.report.kept(
                "title without a text|titles without a text",
                1,
                "as the claim's text",
                example=item.title,
            )
        claim["meta"] = {"argdown": meta}
        return claim

    def _relation_entries(self, k: Key, data: dict[str, Any], what: str) -> None:
        """Take the ``relations`` entries (what the export keeps of the relations written
        under an element) out of its ``data``."""
        if "relations" in data:
            entries = data.pop("relations")
            if not isinstance(entries, list):
                raise fail(f"{what} relations: expected a list", self.path, self.items[k].data_line)
            self.relation_data[k] = list(entries)

    # ------------------------------------------------------------------ inferences
    def inferences(self) -> list[dict[str, Any]]:
        """Each inference of each premise-conclusion structure: a support from all its
        premises (linked when there are several) to its conclusion. The last one, to the
        main conclusion, is the argument: its id is the argument's title, its note the
        argument's description, and what the export keeps of it (weight, scheme,
        attributions, a relation's own id) comes back from the argument's data."""
        out = []
        for k in sorted(self.reconstructed, key=lambda k: self.items[k].order):
            item = self.items[k]
            what = f"<{item.title}>" if item.title else f"the argument on line {item.line}"
            data = dict(item.data)
            self._relation_entries(k, data, what)
            steps = _steps(item.pcs)
            for premises_at, at in steps:
                keys = [item.pcs[i]["key"] for i in premises_at]
                premises = list(dict.fromkeys(self.claim_id[key] for key in keys))
                entry = item.pcs[at]
                rel: dict[str, Any] = {"id": self.step_id[k, at], "type": "support"}
                if len(premises) > 1:
                    rel["sources"] = premises
                else:
                    rel["source"] = premises[0]
                rel["target"] = self.claim_id[entry["key"]]
                meta: dict[str, Any] = {"premise_conclusion": True, "at": at}
                if entry.get("inference"):
                    meta["inference"] = entry["inference"]
                if at == steps[-1][1]:
                    if item.title is not None:
                        meta["argument"] = item.title
                    meta["pcs"] = [
                        {
                            "number": e["number"],
                            "claim": self.claim_id[e["key"]],
                            **({"conclusion": True} if e["conclusion"] else {}),
                        }
                        for e in item.pcs
                    ]
                    if item.tags:
                        meta["tags"] = item.tags
                    if item.section:
                        meta["section"] = item.section
                    if item.text:
                        rel["note"] = item.text
                    extra = data.pop("arggraph", None)
                    if extra is not None:
                        line = item.data_line or item.line
                        rel.update(relation_extra(extra, f"{what} arggraph", self.path, line))
                    if data:
                        meta["data"] = data
                else:
                    meta["step"] = entry["number"]
                    meta["of"] = self.argument_id[k]
                rel["meta"] = {"argdown": meta}
                out.append(rel)
        return out

    def conclusion_of(self, k: Key) -> str:
        """The claim an argument with a premise-conclusion structure concludes (which
        its outgoing relations start from, as in Argdown)."""
        return self.claim_id[self.items[k].pcs[-1]["key"]]

    # ------------------------------------------------------------------ relations
    def relations(self) -> list[dict[str, Any]]:
        relations = self.inferences()
        seen = {(r["type"], r.get("source"), r["target"], r["id"]) for r in relations}

        def add(rel: dict[str, Any]) -> None:
            ident = (rel["type"], rel["source"], rel["target"], str(rel.get("id", "")))
            if rel["source"] == rel["target"] or ident in seen:
                return
            seen.add(ident)
            relations.append(rel)

        undercut_claims = 0
        for symbol, parent, child, line in self.p.relations:
            kind, child_is_source = _SYMBOLS[symbol]
            source, target = (child, parent) if child_is_source else (parent, child)
            if source[0] == "inference":
                self.report.dropped(
                    "relation from an inference line|relations from inference lines",
                    1,
                    "an inference bears on nothing itself",
                    example=f"line {line}",
                )
                continue
            s = self.source_id(source)
            t, on_relation = self.target_id(target)
            written = {"undercut": "undercut", "contradiction": "contradiction"}.get(kind)
            if kind in ("support", "attack") and on_relation and target[0] == "argument":
                written = f"{kind} of the argument"
            meta = {"argdown": {"relation": written}} if written else None
            if kind == "undercut":
                undercut_claims += not on_relation
                rel = {"type": "attack", "source": s, "target": t}
                add({**rel, **self.extra("attack", source, target, line), **_meta(meta)})
            elif kind == "contradiction":
                add({"type": "attack", "source": s, "target": t, **_meta(meta)})
                if not on_relation:
                    add({"type": "attack", "source": t, "target": s, **_meta(meta)})
            else:
                rel = {"type": kind, "source": s, "target": t}
                add({**rel, **self.extra(kind, source, target, line), **_meta(meta)})
        self.report.kept(
            "undercut of a statement or of an argument without premise-conclusion structure|"
            "undercuts of statements or of arguments without premise-conclusion structure",
            undercut_claims,
            "as attacks, noted in meta: only an inference can be undercut",
        )
        return self._collapse(relations)

    def source_id(self, key: Key) -> str:
        """The claim a relation written from ``key`` runs from: an argument with a
        premise-conclusion structure speaks through its main conclusion."""
        if key in self.reconstructed:
            return self.conclusion_of(key)
        return self.claim_id[key]

    def target_id(self, key: Key) -> tuple[str, bool]:
        """What a relation written to ``key`` bears on, and whether it is a relation: an
        inference line's step, an argument with a premise-conclusion structure's main
        inference, else the claim."""
        if key[0] == "inference":
            argument, at = self.p.inferences[int(key[1])]
            return self.step_id[argument, at], True
        if key in self.reconstructed:
            return self.argument_id[key], True
        return self.claim_id[key], False

    def _collapse(self, relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A statement the export wrote to stand for the conclusion of an attack or of a
        relation aimed at a relation (data ``conclusion_of``: Argdown's structures
        conclude in a statement they support) is no claim: its argument's premises bear
        on what the statement bears on, as the one relation it was."""
        by_id = {r["id"]: r for r in relations if "id" in r}
        for k in list(self.keep):
            item = self.items[k]
            owner = item.data.get("conclusion_of") if item.kind == "statement" else None
            argument = next((a for a in self.reconstructed if self.argument_id[a] == owner), None)
            cid = self.claim_id[k]
            out = [r for r in relations if r.get("source") == cid and r is not by_id.get(owner)]
            into = [r for r in relations if r["target"] == cid or cid in r.get("sources", [])]
            if (
                argument is None
                or self.conclusion_of(argument) != cid
                or len(out) != 1
                or into != [by_id[owner]]
            ):
                continue
            inference, aimed = by_id[owner], out[0]
            inference["type"] = aimed["type"]
            inference["target"] = aimed["target"]
            noted = inference["meta"]["argdown"]
            noted["pcs"] = [e for e in noted.get("pcs", []) if e["claim"] != cid]
            relations.remove(aimed)
            self.keep.remove(k)
            self.collapsed.add(cid)
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
        sources = {p for r in relations for p in r.get("sources") or [r["source"]]}
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


def _meta(meta: dict[str, Any] | None) -> dict[str, Any]:
    return {"meta": meta} if meta else {}


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
    claims = [c for c in claims if c["id"] not in build.collapsed]
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
