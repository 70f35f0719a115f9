"""Argdown, the Markdown-like syntax for argument maps: export and import.

Argdown (argdown.org) writes a debate as text: statements ``[Title]: text``,
arguments ``<Title>: text``, and under them, indented, their relations:

- ``+ X`` / ``<+ X``: X supports the element above; ``- X`` / ``<- X``: X attacks it;
- ``+> X``: the element above supports X; ``-> X``: it attacks X;
- ``<_ X``: X undercuts the element above; ``_> X``: the element above undercuts X;
- ``>< X``: the two contradict each other.

The import makes every statement and every argument a claim (its title as id),
each relation a support or an attack (undercuts become attacks, contradictions a
pair of attacks; both noted in ``meta``). An argument's premise-conclusion
structure (``(1) ...``, ``--``/``----`` inference lines, ``(n)`` conclusion) is kept
in its ``meta``; a titled premise supports the argument, the argument supports its
titled conclusion, and relations under the conclusion are the argument's own.
``#tags`` become tags, ``{data}`` is read as YAML-style key/values into ``meta``
(``kind``, ``base``, ``date`` and ``note`` there fill those fields, which is how the
export keeps them), headings are kept as each claim's section. YAML front matter
gives the title and question; ``//``, ``/* */`` and ``<!-- -->`` comments are
skipped. Untitled paragraphs that take part in no relation (Argdown's prose) are
dropped and counted.

The export writes one statement per claim, its text escaped with Argdown's
backslash, followed by its incoming relations as references; relation weights and
provenance have no place in Argdown and are reported as dropped.

>>> text = "[Go]: We go. #plan\\n  + <Cheap>: It costs little.\\n  - [Stay]: We stay."
>>> m = from_argdown(text).model
>>> [(r.type, r.source, r.target) for r in m.relations], m.claims[0].tags
([('support', 'Cheap', 'Go'), ('attack', 'Stay', 'Go')], ['plan'])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import is_valid_date
from ..graph import Graph
from .imported import Ids, ImportResult, fail, model_from
from .imported import graph_id as id_from_path
from .registry import report_losses
from .report import Report, plural

__all__ = ["escape_text", "from_argdown", "parse_data", "to_argdown", "write_argdown"]


# ====================================================================== data
class _DataParser:
    """A small reader of the YAML flow style Argdown uses in ``{...}``."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1

    def value(self) -> Any:
        self.ws()
        if self.i >= len(self.s):
            raise ValueError("unexpected end")
        ch = self.s[self.i]
        if ch == "{":
            return self.mapping()
        if ch == "[":
            return self.sequence()
        if ch in "\"'":
            return self.quoted(ch)
        return self.plain()

    def mapping(self) -> dict[str, Any]:
        self.i += 1
        out: dict[str, Any] = {}
        self.ws()
        if self.s.startswith("}", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            key = self.quoted(self.s[self.i]) if self.s[self.i] in "\"'" else self.key()
            self.ws()
            if not self.s.startswith(":", self.i):
                raise ValueError("expected ':'")
            self.i += 1
            out[str(key)] = self.value()
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("}", self.i):
                self.i += 1
                return out
            raise ValueError("expected ',' or '}'")

    def sequence(self) -> list[Any]:
        self.i += 1
        out: list[Any] = []
        self.ws()
        if self.s.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            if self.s.startswith(",", self.i):
                self.i += 1
                continue
            if self.s.startswith("]", self.i):
                self.i += 1
                return out
            raise ValueError("expected ',' or ']'")

    def key(self) -> str:
        m = re.compile(r"[^:,{}\[\]]+").match(self.s, self.i)
        if not m:
            raise ValueError("expected a key")
        self.i = m.end()
        return m.group().strip()

    def quoted(self, quote: str) -> str:
        if quote == '"':
            m = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL).match(self.s, self.i)
            if not m:
                raise ValueError("unclosed string")
            self.i = m.end()
            return str(json.loads(m.group()))
        end = self.i + 1
        out = []
        while end < len(self.s):
            if self.s[end] == "'":
                if self.s.startswith("''", end):
                    out.append("'")
                    end += 2
                    continue
                self.i = end + 1
                return "".join(out)
            out.append(self.s[end])
            end += 1
        raise ValueError("unclosed string")

    def plain(self) -> Any:
        m = re.compile(r"[^,{}\[\]]+").match(self.s, self.i)
        if not m:
            raise ValueError("expected a value")
        self.i = m.end()
        word = m.group().strip()
        lowered = word.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        if lowered in ("null", "~", ""):
            return None
        try:
            return int(word)
        except ValueError:
            pass
        try:
            return float(word)
        except ValueError:
            return word


def parse_data(text: str) -> dict[str, Any] | None:
    """The key/values of an Argdown ``{...}`` block, or ``None`` if it is not one.

    >>> parse_data('{source: "C1a", uses: [1,2,3], isInMap: false}')
    {'source': 'C1a', 'uses': [1, 2, 3], 'isInMap': False}
    """
    p = _DataParser(text)
    try:
        value = p.mapping() if text.startswith("{") else None
        p.ws()
    except (ValueError, IndexError):
        return None
    if not isinstance(value, dict) or p.i != len(text):
        return None
    return value


# ====================================================================== export
_SPECIAL = re.compile(r"[\\\[\]<>#@{}*_]|/(?=[/*])")


def escape_text(text: str) -> str:
    """Text safe as an Argdown statement: syntax characters escaped with a backslash,
    on one line.

    >>> escape_text("see [1] <b> #tag a_b // no comment")
    'see \\\\[1\\\\] \\\\<b\\\\> \\\\#tag a\\\\_b \\\\// no comment'
    """
    flat = " ".join(text.split())
    return _SPECIAL.sub(lambda m: "\\" + m.group(), flat)


def _title(ident: str) -> str:
    flat = " ".join(ident.split())
    return flat.replace("[", "(").replace("]", ")") or "untitled"


def _yaml_json(value: Any) -> str:
    """A front-matter value as JSON (which YAML reads); ``=`` is written as an escape
    because a run of them ends Argdown's front matter."""
    return json.dumps(value, ensure_ascii=False).replace("=", "\\u003d")


def _yaml_string(text: str) -> str:
    return _yaml_json(" ".join(text.split()))


def _tag(tag: str) -> str:
    flat = " ".join(tag.split()).replace(")", "")
    return f"#{flat}" if re.fullmatch(r"[\w-]+", flat) else f"#({flat})"


def write_argdown(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as Argdown: statements (with kind, base and date as data) and, under
    each, the claims that support (``+``) or attack (``-``) it; ``report`` hears of
    renamed ids only (:func:`to_argdown` also counts what Argdown cannot hold)."""
    titles: dict[str, str] = {}
    used: set[str] = set()
    renamed = 0
    for cid in graph.claims:
        title = _title(cid)
        if title != cid:
            renamed += 1
        while title in used:
            title += "'"
        used.add(title)
        titles[cid] = title
    m = graph.model
    out = ["==="]
    if m.title:
        out.append(f"title: {_yaml_string(m.title)}")
    if m.question:
        out.append(f"question: {_yaml_string(m.question)}")
    out.append(f"id: {_yaml_string(m.id)}")
    positions = [titles[c.id] for c in graph.positions]
    out.append("positions: " + _yaml_json(positions))
    out += ["===", ""]
    incoming: dict[str, list[tuple[str, str]]] = {}
    for rel in graph.relations.values():
        if rel.source in titles and rel.target in titles:
            incoming.setdefault(rel.target, []).append(
                ("-" if rel.type == "attack" else "+", rel.source)
            )
    for cid, claim in graph.claims.items():
        line = f"[{titles[cid]}]: {escape_text(claim.text)}"
        if claim.tags:
            line += " " + " ".join(_tag(t) for t in claim.tags)
        data: dict[str, Any] = {}
        if claim.kind == "evidence":
            data["kind"] = claim.kind
        if claim.base != 0.5:
            data["base"] = claim.base
        if claim.date:
            data["date"] = claim.date
        if data:
            line += " {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in data.items()) + "}"
        out.append(line)
        for symbol, source in incoming.get(cid, []):
            out.append(f"  {symbol} [{titles[source]}]")
        out.append("")
    if report is not None and renamed:
        report.note(
            f"renamed {plural(renamed, 'claim id')} that cannot be Argdown "
            "titles (square brackets become parentheses)"
        )
    return "\n".join(out).rstrip("\n") + "\n"


def to_argdown(graph: Graph, *, report: Report | None = None) -> str:
    """The graph as Argdown (see :func:`write_argdown`); what Argdown cannot hold
    (line breaks, weights, provenance...: its entry in
    :mod:`~arggraph.formats.registry`) and renamed ids are counted in ``report``."""
    text = write_argdown(graph, report=report)
    report_losses("argdown", graph, report)
    return text


# ====================================================================== import
_FRONT = re.compile(r"\A\s*(===+)[^=]*?===+", re.DOTALL)
# Comments, and what Argdown's lexer reads before it could see one: escaped
# characters, titles ``[...]``/``<...>`` and Markdown links (which keep their ``//``).
_COMMENT = re.compile(
    r"\\.|\[[^\]\n]+?\](?:\([^)\n]+?\))?|<!--.*?-->|<[^>\n]+?>|/\*.*?\*/"
    r"|//[^\n]*",
    re.DOTALL,
)
_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|<_|_>|><|\+|-)(?!-)[ \t]*(.*)")
_NUMBERED = re.compile(r"([ \t]*)\((\d+)\)[ \t]*(.*)")
_INFERENCE = re.compile(r"[ \t]*--")
_HEADING = re.compile(r"(#+) +(.*)")
_STATEMENT_DEF = re.compile(r"\[(.+?)\]:[ \t]*(.*)", re.DOTALL)
_STATEMENT_REF = re.compile(r"\[(.+?)\](?!\()[ \t]*(.*)", re.DOTALL)
_ARGUMENT_DEF = re.compile(r"<(.+?)>:[ \t]*(.*)", re.DOTALL)
_ARGUMENT_REF = re.compile(r"<(.+?)>[ \t]*(.*)", re.DOTALL)
_TAG = re.compile(r"(?:(?<=\s)|^)#(\([^)]+\)|[\w\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+)")
_DATA = re.compile(r"\{(?:[^{}]|\{[^{}]*\})*\}\s*$", re.DOTALL)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)

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


@dataclass
class _Element:
    key: tuple[str, str]
    parts: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class _Item:
    """One statement or argument (an equivalence class in Argdown's terms)."""

    kind: str  # "statement" or "argument"
    title: str | None
    line: int
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    pcs: list[dict[str, Any]] = field(default_factory=list)
    defined: int | None = None  # the line that gives its text

    @property
    def order(self) -> int:
        """Where the item is introduced: where it is defined, else first named."""
        return self.defined if self.defined is not None else self.line


#: Stands where a comment was, so that a line holding only a comment is skipped, not
#: taken for the blank line that ends a paragraph (Argdown's lexer skips comments).
_GONE = "\x00"


def _blank_out(text: str, pattern: re.Pattern[str], keep_links: bool = False) -> str:
    """Replace matches by placeholders, keeping their line breaks (so line numbers hold)."""

    def sub(m: re.Match[str]) -> str:
        text = m.group()
        if text.startswith("\\") or (
            keep_links and text.startswith(("[", "<")) and not text.startswith("<!--")
        ):
            return text  # an escaped character, a title or a link: not a comment
        return re.sub(r"[^\n]+", _GONE, m.group())

    return pattern.sub(sub, text.replace(_GONE, " "))


class _Parser:
    def __init__(self, text: str, path: str | Path | None) -> None:
        self.path = path
        self.report = Report()
        self.front: dict[str, str] = {}
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        m = _FRONT.match(text)
        if m:
            for line in m.group().splitlines():
                kv = re.match(r"([A-Za-z][\w-]*):[ \t]*(.*)", line)
                if kv and kv.group(2).strip():
                    value = kv.group(2).strip()
                    if value.startswith('"'):
                        try:
                            value = str(json.loads(value))
                        except ValueError:
                            pass
                    elif value.startswith("'") and value.endswith("'") and len(value) > 1:
                        value = value[1:-1].replace("''", "'")
                    self.front[kv.group(1)] = value
            text = re.sub(r"[^\n]", " ", m.group()) + text[m.end() :]
        self.lines = _blank_out(text, _COMMENT, keep_links=True).split("\n")
        self.items: dict[tuple[str, str], _Item] = {}
        self.untitled = 0
        self.relations: list[tuple[str, tuple[str, str], tuple[str, str], int]] = []
        self.pcs_links: list[tuple[str, tuple[str, str], tuple[str, str], int]] = []
        self.section: str | None = None

    # ------------------------------------------------------------------ items
    def element(self, content: str, line: int) -> _Element:
        """The statement or argument a line's content defines or names."""
        content = content.strip()
        for pattern, kind, defines in (
            (_STATEMENT_DEF, "statement", True),
            (_ARGUMENT_DEF, "argument", True),
            (_STATEMENT_REF, "statement", False),
            (_ARGUMENT_REF, "argument", False),
        ):
            m = pattern.match(content)
            if m:
                title = m.group(1).strip()
                key = (kind, title)
                if key not in self.items:
                    self.items[key] = _Item(kind, title, line, section=self.section)
                el = _Element(key, line=line)
                rest = m.group(2)
                if rest.strip():
                    el.parts.append(rest)
                elif not defines:
                    pass
                return el
        self.untitled += 1
        key = ("statement", f"\0{self.untitled}")
        self.items[key] = _Item("statement", None, line, section=self.section)
        return _Element(key, [content], line)

    def finish(self, el: _Element | None) -> None:
        """Give an element's text, tags and data to its item (first text wins)."""
        if el is None:
            return
        item = self.items[el.key]
        raw = " ".join(p.strip() for p in el.parts if p.strip())
        m = _DATA.search(raw)
        if m:
            data = parse_data(m.group().strip())
            if data is not None:
                item.data.update(data)
                raw = raw[: m.start()]
        tags = [t[1:-1] if t.startswith("(") else t for t in _TAG.findall(raw)]
        for t in tags:
            if t not in item.tags:
                item.tags.append(t)
        raw = _TAG.sub("", raw)
        text = " ".join(_ESCAPED.sub(r"\1", raw).split())
        if text and not item.text:
            item.text = text
            item.defined = el.line

    # ------------------------------------------------------------------ parse
    def parse(self) -> None:
        current: _Element | None = None
        stack: list[tuple[int, _Element]] = []
        argument: tuple[str, str] | None = None
        pcs_next_is_conclusion = False
        in_inference = False
        rule: list[str] = []
        previous_blank = True
        for number, raw_line in enumerate(self.lines, start=1):
            if _GONE in raw_line and not raw_line.replace(_GONE, "").strip():
                continue
            line = raw_line.replace(_GONE, " ")
            if in_inference:
                if re.search(r"-{2,}", line):
                    in_inference = False
                    head = line[: re.search(r"-{2,}", line).start()]  # type: ignore[union-attr]
                    rule.append(head)
                else:
                    rule.append(line)
                continue
            if not line.strip():
                self.finish(current)
                current = None
                stack = []
                previous_blank = True
                continue
            heading = _HEADING.fullmatch(line) if previous_blank else None
            previous_blank = False
            if heading:
                self.finish(current)
                current, stack, argument = None, [], None
                self.section = " ".join(_TAG.sub("", heading.group(2)).split()) or None
                continue
            if _INFERENCE.match(line):
                self.finish(current)
                current, stack = None, []
                rest = line.strip()[2:]
                closing = re.search(r"-{2,}", rest)
                if rest.strip("-") == "":
                    rule, in_inference = [], rest == ""
                elif closing is not None:
                    rule, in_inference = [rest[: closing.start()]], False
                else:
                    rule, in_inference = [rest], True
                pcs_next_is_conclusion = True
                continue
            numbered = _NUMBERED.fullmatch(line)
            if numbered:
                self.finish(current)
                if argument is None:
                    self.untitled += 1
                    argument = ("argument", f"\0{self.untitled}")
                    self.items[argument] = _Item("argument", None, number, section=self.section)
                current = self.element(numbered.group(3), number)
                self.items[argument].pcs.append(
                    {
                        "number": int(numbered.group(2)),
                        "key": current.key,
                        "conclusion": pcs_next_is_conclusion,
                        "inference": " ".join(" ".join(rule).split()) or None
                        if pcs_next_is_conclusion
                        else None,
                    }
                )
                pcs_next_is_conclusion = False
                rule = []
                stack = [(len(numbered.group(1)), current)]
                continue
            relation = _RELATION.fullmatch(line)
            if relation and not stack:
                self.finish(current)
                current = None
                self.report.dropped(
                    "relation with nothing above it|relations with nothing above them",
                    1,
                    "after a blank line or a heading",
                    example=f"line {number}",
                )
                continue
            if relation:
                self.finish(current)
                indent = len(relation.group(1).expandtabs(4))
                child = self.element(relation.group(3), number)
                while len(stack) > 1 and stack[-1][0] >= indent:
                    stack.pop()
                parent = stack[-1][1]
                self.relations.append((relation.group(2), parent.key, child.key, number))
                stack.append((indent, child))
                current = child
                continue
            if current is not None:
                current.parts.append(line)
                continue
            # a new top-level element
            current = self.element(line, number)
            indent = len(line) - len(line.lstrip())
            stack = [(indent, current)]
            argument = current.key if current.key[0] == "argument" else None
        self.finish(current)


def _front_list(value: str | None) -> list[str] | None:
    """A front-matter list such as ``positions: ["a", "b"]`` (JSON, which is YAML)."""
    if value is None:
        return None
    try:
        items = json.loads(value)
    except ValueError:
        items = [x.strip().strip("'\"") for x in value.strip("[]").split(",") if x.strip()]
    return [str(x) for x in items] if isinstance(items, list) else None


def from_argdown(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from Argdown text."""
    p = _Parser(text, path)
    p.parse()
    report = p.report
    items = p.items
    # Premise-conclusion structures: an argument's main conclusion stands for it.
    stands_for: dict[tuple[str, str], tuple[str, str]] = {}
    implicit: list[tuple[str, tuple[str, str], tuple[str, str]]] = []
    for key, item in items.items():
        if not item.pcs:
            continue
        last = item.pcs[-1]
        for entry in item.pcs:
            stmt = entry["key"]
            titled = items[stmt].title is not None
            if entry is last and entry["conclusion"]:
                if titled:
                    implicit.append(("support", key, stmt))
            elif titled and not entry["conclusion"]:
                implicit.append(("support", stmt, key))
        if last["conclusion"]:
            stands_for[last["key"]] = key
    # Claims for every titled item, and untitled ones that take part in relations.
    in_relation: set[tuple[str, str]] = set()
    resolved: list[tuple[str, tuple[str, str], tuple[str, str], int]] = []
    for symbol, parent, child, line in p.relations:
        parent = stands_for.get(parent, parent)
        resolved.append((symbol, parent, child, line))
        in_relation.update((parent, child))
    for _, a, b in implicit:
        in_relation.update((a, b))
    keep = sorted(
        (k for k, it in items.items() if it.title is not None or k in in_relation or it.pcs),
        key=lambda k: items[k].order,
    )
    pcs_only = {e["key"] for it in items.values() for e in it.pcs}
    prose = sum(1 for k, it in items.items() if k not in keep and it.text and k not in pcs_only)
    report.dropped(
        "untitled paragraph in no relation|untitled paragraphs in no relation",
        prose,
        "Argdown prose, not part of the map",
    )
    ids = Ids()
    claim_id: dict[tuple[str, str], str] = {}
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
    claims: list[dict[str, Any]] = []
    positions = _front_list(p.front.get("positions"))
    has_kinds = positions is not None
    for k in keep:
        item = items[k]
        cid = claim_id[k]
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
        if positions is not None and item.kind == "statement" and item.title in positions:
            claim["kind"] = "position"
        data = dict(item.data)
        kind = data.pop("kind", None)
        if kind in ("position", "claim", "evidence"):
            claim["kind"] = kind
            has_kinds = True
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
        if data:
            meta["data"] = data
        if item.pcs:
            meta["pcs"] = [
                {
                    "number": e["number"],
                    "text": items[e["key"]].text or items[e["key"]].title or "",
                    **({"title": items[e["key"]].title} if items[e["key"]].title else {}),
                    **({"conclusion": True} if e["conclusion"] else {}),
                    **({"inference": e["inference"]} if e["inference"] else {}),
                }
                for e in item.pcs
            ]
        if not item.text and item.title is not None:
            report.kept(
                "title without a text|titles without a text",
                1,
                "as the claim's text",
                example=item.title,
            )
        claim["meta"] = {"argdown": meta}
        claims.append(claim)
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rel_type: str, source: str, target: str, meta: dict[str, Any] | None) -> None:
        if source == target or (rel_type, source, target) in seen:
            return
        seen.add((rel_type, source, target))
        rel: dict[str, Any] = {"type": rel_type, "source": source, "target": target}
        if meta:
            rel["meta"] = {"argdown": meta}
        relations.append(rel)

    for rel_type, a, b in implicit:
        add(rel_type, claim_id[a], claim_id[b], {"premise_conclusion": True})
    for symbol, parent, child, _line in resolved:
        kind, child_is_source = _SYMBOLS[symbol]
        source, target = (child, parent) if child_is_source else (parent, child)
        s, t = claim_id[source], claim_id[target]
        if kind == "undercut":
            add("attack", s, t, {"relation": "undercut"})
        elif kind == "contradiction":
            add("attack", s, t, {"relation": "contradiction"})
            add("attack", t, s, {"relation": "contradiction"})
        else:
            add(kind, s, t, None)
    undercuts = sum(1 for s, *_ in resolved if s in ("<_", "_>"))
    report.kept("undercut", undercuts, "as attacks on the undercut argument, noted in meta")
    if not has_kinds:
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
            report.note(
                f"marked {len(tops)} statement{'s' if len(tops) > 1 else ''} that "
                "others argue for or against, and that argue for or against "
                "nothing, as positions"
            )
    if not claims and not p.front:
        raise fail("no statements or arguments: not an Argdown map", path, 1)
    payload: dict[str, Any] = {
        "id": graph_id or p.front.get("id") or id_from_path(path),
        "title": p.front.get("title", ""),
        "question": p.front.get("question", ""),
        "claims": claims,
        "relations": relations,
        "meta": {"imported_from": "argdown"},
    }
    if p.front.get("subTitle"):
        payload["description"] = p.front["subTitle"]
    return ImportResult(model_from(payload, path), report)
