"""Argdown's text read line by line into statements, arguments and the relations between them.

This is the syntax half of the Argdown import (:mod:`~arggraph.formats.argdown` makes the
graph): front matter, headings (which run on to the next empty line), statements
``[Title]: text``, arguments ``<Title>: text``, relations indented under the element they
belong to, and premise-conclusion structures (``(1) ...``, an inference line ``----``,
``(n) conclusion``), each with its text, ``#tags`` and ``{data}``. A relation belongs to
the element it is written under, as in Argdown. A premise-conclusion structure belongs to
the argument named just above it, else it is an argument of its own; a second one for the
same argument, and one with an empty line inside or no conclusion, are errors, as in
Argdown's own parser. Comments (``//``, ``/* */``, ``<!-- -->``) are skipped.

>>> p = parse_argdown("# Costs\\nand benefits\\n\\n[V]: Vaccinate *now*. #plan\\n  - <Cost>: Dear.")
>>> v = p.items[("statement", "V")]
>>> (v.text, v.tags, v.section)
('Vaccinate now.', ['plan'], 'Costs and benefits')
>>> p.relations
[('-', ('statement', 'V'), ('argument', 'Cost'), 5)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import parse_json
from .argdown_data import DataError, split_data
from .imported import fail
from .report import Report

__all__ = ["MAX_NUMBER_DIGITS", "Item", "Parsed", "Relation", "parse_argdown"]

Key = tuple[str, str]
#: (symbol, the element above, the element on the line, the line number)
Relation = tuple[str, Key, Key, int]

_FRONT = re.compile(r"\A\s*(===+)[^=]*?===+", re.DOTALL)
# Comments, and what Argdown's lexer reads before it could see one: escaped
# characters, titles ``[...]``/``<...>`` and Markdown links (which keep their ``//``).
_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|<_|_>|><|\+|-|_(?=[ \t]))(?!-)[ \t]*(.*)")
_NUMBERED = re.compile(r"([ \t]*)\((\d+)\)[ \t]*(.*)")
#: The most digits a statement's number in a premise-conclusion structure may have (the
#: number goes into ids; a longer one is no statement's number but noise).
MAX_NUMBER_DIGITS = 18
_INFERENCE = re.compile(r"[ \t]*--")
_HEADING = re.compile(r"(#+) +(.*)")
_STATEMENT_DEF = re.compile(r"\[(.+?)\]:[ \t]*(.*)", re.DOTALL)
_STATEMENT_REF = re.compile(r"\[(.+?)\](?!\()[ \t]*(.*)", re.DOTALL)
_ARGUMENT_DEF = re.compile(r"<(.+?)>:[ \t]*(.*)", re.DOTALL)
_ARGUMENT_REF = re.compile(r"<(.+?)>[ \t]*(.*)", re.DOTALL)
_STARTS_ELEMENT = re.compile(r"[ \t]*(?:\[[^\]]+\]:|<[^>]+>:|\(\d+\)|--)")
_TAG_WORD = re.compile(r"[\w\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
#: Emphasis by each delimiter, in the order Argdown tries them, and where each can close.
_DELIMITERS = ("**", "__", "*", "_")
_EMPHASIS = {
    d: re.compile(rf"(?<![\\\w*])({re.escape(d)})(?=\S)(.+?)(?<=[^\s\\]){re.escape(d)}(?![\w*])")
    for d in _DELIMITERS
}
_CLOSER = {d: re.compile(rf"(?<=[^\s\\]){re.escape(d)}(?![\w*])") for d in _DELIMITERS}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)

#: Stands where a comment was, so that a line holding only a comment is skipped, not
#: taken for the blank line that ends a paragraph (Argdown's lexer skips comments).
_GONE = "\x00"


@dataclass
class Item:
    """One statement or argument (an equivalence class in Argdown's terms): ``title``
    is ``None`` for an untitled one; ``pcs`` its premise-conclusion structure, entries
    ``{"number", "key", "conclusion", "inference", "uses"}`` (``uses``: the numbers an
    inference's ``{uses: [...]}`` data names, else ``None``); ``line`` where it is first named,
    ``defined`` the line that gives its text."""

    kind: str  # "statement" or "argument"
    title: str | None
    line: int
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    pcs: list[dict[str, Any]] = field(default_factory=list)
    pcs_line: int | None = None
    defined: int | None = None
    data_line: int | None = None

    @property
    def order(self) -> int:
        """Where the item is introduced: where it is defined, else first named."""
        return self.defined if self.defined is not None else self.line


@dataclass
class Parsed:
    """What an Argdown text holds: front matter (``key: value`` text), items by key
    (``("statement"|"argument", title)``, untitled ones keyed ``"\\0N"``), relations in
    file order, and what the parse reported. A relation written under an inference
    line has the key ``("inference", "K")`` above it: ``inferences[K]`` is the argument's
    key and the position in its structure of the conclusion that inference leads to."""

    front: dict[str, str]
    front_lines: dict[str, int]
    items: dict[Key, Item]
    relations: list[Relation]
    report: Report
    inferences: list[tuple[Key, int]] = field(default_factory=list)


@dataclass
class _Element:
    key: Key
    parts: list[str] = field(default_factory=list)
    line: int = 0
    #: Written as a definition (``[title]: ...``), even with no text after the colon.
    defines: bool = False


@dataclass
class _Pcs:
    owner: Key
    line: int
    complete: bool = False


class _Next:
    """Where ``needle`` next occurs at or after a position, for positions asked in
    increasing order: each part of the text is searched once, so a scan that asks at
    every position stays linear (a text of ten thousand ``[`` and no ``]`` no longer
    takes a search to its end from each one)."""

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.start = -1
        self.found = -1

    def at(self, pos: int) -> int:
        """The first occurrence at or after ``pos``, or -1."""
        if self.start == -1 or pos < self.start or (self.found != -1 and pos > self.found):
            self.start = pos
            self.found = self.text.find(self.needle, pos)
        return self.found


_CANDIDATE = re.compile(r"[\\\[</]")


def _blank_out(text: str) -> str:
    """Comments replaced by placeholders, line breaks kept (so line numbers hold).

    Read as Argdown's lexer reads them, and before it could see a comment: escaped
    characters, titles ``[...]``/``<...>`` and Markdown links (which keep their
    ``//``) are left as they are; ``//`` comments run to the end of the line,
    ``/* */`` and ``<!-- -->`` to their end, across lines. One pass from left to right:
    linear in the text, whatever it holds.
    """
    text = text.replace(_GONE, " ")
    n = len(text)
    nexts = {k: _Next(text, k) for k in ("]", ")", ">", "\n", "-->", "*/")}

    def before_line_end(start: int, end: int) -> bool:
        newline = nexts["\n"].at(start)
        return newline == -1 or end < newline

    out: list[str] = []
    done = 0  # text[:done] is in out
    pos = 0
    while True:
        m = _CANDIDATE.search(text, pos)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        end = -1  # the end of a token kept as it is
        gone = -1  # the end of a comment
        if ch == "\\":
            end = i + 2 if i + 1 < n else -1
        elif ch == "[":
            close = nexts["]"].at(i + 1)
            if close > i + 1 and before_line_end(i + 1, close):
                end = close + 1
                if text.startswith("(", end):
                    link = nexts[")"].at(end + 1)
                    if link > end + 1 and before_line_end(end + 1, link):
                        end = link + 1
        elif ch == "<":
            close = nexts["-->"].at(i + 4) if text.startswith("<!--", i) else -1
            if close != -1:
                gone = close + 3
            else:
                close = nexts[">"].at(i + 1)
                if close > i + 1 and before_line_end(i + 1, close):
                    # a title <...>; an unclosed <!-- that ends on its line, as in <!-->,
                    # is taken for a comment all the same
                    if text.startswith("<!--", i):
                        gone = close + 1
                    else:
                        end = close + 1
        elif text.startswith("/*", i):
            close = nexts["*/"].at(i + 2)
            if close != -1:
                gone = close + 2
        elif text.startswith("//", i):
            newline = nexts["\n"].at(i)
            gone = n if newline == -1 else newline
        if gone != -1:
            out.append(text[done:i])
            out.append(re.sub(r"[^\n]+", _GONE, text[i:gone]))
            done = pos = gone
        elif end != -1:
            pos = end
        else:
            pos = i + 1
    out.append(text[done:])
    return "".join(out)


def _tags(text: str) -> list[tuple[int, int, str]]:
    """Each ``#tag`` and ``#(tag with spaces)`` in ``text``: start, end and the tag as
    written (with its parentheses). A tag follows white space or starts the text. Linear:
    where a ``#(`` has no ``)`` after it, the search for one is not repeated."""
    found: list[tuple[int, int, str]] = []
    closes = _Next(text, ")")
    pos = 0
    while True:
        i = text.find("#", pos)
        if i == -1:
            return found
        pos = i + 1
        if i > 0 and not text[i - 1].isspace():
            continue
        if text.startswith("(", i + 1):
            close = closes.at(i + 2)
            if close > i + 2:
                found.append((i, close + 1, text[i + 1 : close + 1]))
                pos = close + 1
                continue
        word = _TAG_WORD.match(text, i + 1)
        if word:
            found.append((i, word.end(), word.group()))
            pos = word.end()


def _without_tags(text: str) -> str:
    out: list[str] = []
    done = 0
    for start, end, _ in _tags(text):
        out.append(text[done:start])
        done = end
    out.append(text[done:])
    return "".join(out)


def _unemphasise(text: str) -> str:
    """``text`` with one layer of Markdown emphasis (``*a*``, ``**a**``, ``_a_``,
    ``__a__``) replaced by what it holds, as Argdown reads it. An opening mark is tried
    only where a closing one follows on its line, so a text of many unclosed marks
    stays linear."""
    closers = {d: [m.start() for m in _CLOSER[d].finditer(text)] for d in _DELIMITERS}
    newlines = _Next(text, "\n")
    out: list[str] = []
    done = 0
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch not in "*_":
            nxt = min((k for k in (text.find("*", pos), text.find("_", pos)) if k != -1), default=n)
            pos = nxt
            continue
        matched = None
        for d in _DELIMITERS:
            if not text.startswith(d, pos):
                continue
            places = closers[d]
            k = bisect.bisect_left(places, pos + len(d) + 1)
            newline = newlines.at(pos + len(d))
            if k == len(places) or (newline != -1 and places[k] + len(d) > newline):
                continue  # no closing mark on this line: the regex would fail
            matched = _EMPHASIS[d].match(text, pos)
            if matched:
                break
        if matched:
            out.append(text[done:pos])
            out.append(matched.group(2))
            done = pos = matched.end()
        else:
            pos += 1
    out.append(text[done:])
    return "".join(out)


def _rule(lines: list[str]) -> tuple[str | None, list[int] | None]:
    """An inference line's rule text (``None`` when it names none) and the statement
    numbers its ``{uses: [1, 2]}`` data names (``None`` when it names none)."""
    raw, data = split_data(" ".join(" ".join(lines).split()))
    uses = data.get("uses") if data is not None else None
    if isinstance(uses, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in uses):
        numbers: list[int] | None = [int(n) for n in uses]
    else:
        numbers = None
    return " ".join(raw.split()) or None, numbers


def plain_text(raw: str) -> str:
    """Text as Argdown's model holds it: emphasis marks gone, escapes undone, white
    space folded.

    >>> plain_text(r"a *b* **c d** \\*e\\* f_g_h")
    'a b c d *e* f_g_h'
    """
    for _ in range(2):
        raw = _unemphasise(raw)
    return " ".join(_ESCAPED.sub(r"\1", raw).split())


class _Parser:
    def __init__(self, text: str, path: str | Path | None) -> None:
        self.path = path
        self.report = Report()
        self.front: dict[str, str] = {}
        self.front_lines: dict[str, int] = {}
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        m = _FRONT.match(text)
        if m:
            first = text.count("\n", 0, m.start()) + 1
            for i, line in enumerate(m.group().split("\n")):
                kv = re.match(r"([A-Za-z][\w-]*):[ \t]*(.*)", line)
                if kv and kv.group(2).strip():
                    value = kv.group(2).strip()
                    if value.startswith('"'):
                        try:
                            value = str(parse_json(value))
                        except JSONLimitError as exc:
                            raise fail(f"front matter: {exc.message}", path, first + i) from None
                        except JSONSyntaxError:
                            pass
                    elif value.startswith("'") and value.endswith("'") and len(value) > 1:
                        value = value[1:-1].replace("''", "'")
                    self.front[kv.group(1)] = value
                    self.front_lines[kv.group(1)] = first + i
            text = re.sub(r"[^\n]", " ", m.group()) + text[m.end() :]
        self.lines = _blank_out(text).split("\n")
        self.items: dict[Key, Item] = {}
        self.untitled = 0
        self.relations: list[Relation] = []
        self.inferences: list[tuple[Key, int]] = []
        self.section: str | None = None

    # ------------------------------------------------------------------ items
    def element(self, content: str, line: int) -> _Element:
        """The statement or argument a line's content defines or names."""
        content = content.strip()
        for pattern, kind in (
            (_STATEMENT_DEF, "statement"),
            (_ARGUMENT_DEF, "argument"),
            (_STATEMENT_REF, "statement"),
            (_ARGUMENT_REF, "argument"),
        ):
            m = pattern.match(content)
            if m:
                title = m.group(1).strip()
                key = (kind, title)
                if key not in self.items:
                    self.items[key] = Item(kind, title, line, section=self.section)
                el = _Element(key, line=line, defines=pattern in (_STATEMENT_DEF, _ARGUMENT_DEF))
                if m.group(2).strip():
                    el.parts.append(m.group(2))
                return el
        return _Element(self.new("statement", line), [content], line)

    def new(self, kind: str, line: int) -> Key:
        """A new untitled item."""
        self.untitled += 1
        key = (kind, f"\0{self.untitled}")
        self.items[key] = Item(kind, None, line, section=self.section)
        return key

    def finish(self, el: _Element | None) -> None:
        """Give an element's text, tags and data to its item (first text wins)."""
        if el is None:
            return
        item = self.items[el.key]
        try:
            raw, data = split_data(" ".join(p.strip() for p in el.parts if p.strip()))
        except DataError as exc:
            raise fail(exc.message, self.path, el.line) from None
        if data is not None:
            item.data.update(data)
            item.data_line = el.line
        for _, _, t in _tags(raw):
            tag = t[1:-1] if t.startswith("(") else t
            if tag not in item.tags:
                item.tags.append(tag)
        text = plain_text(_without_tags(raw))
        if text and not item.text:
            item.text = text
            item.defined = el.line
        elif el.defines and item.defined is None:
            # A definition with no text still places the item (a blank claim exported
            # as `[title]:` comes back where it was written, not where first named).
            item.defined = el.line

    def incomplete(self, pcs: _Pcs | None) -> None:
        if pcs is not None and not pcs.complete:
            raise fail(
                "incomplete premise-conclusion structure: it needs premises, an inference "
                "line (----) and a conclusion after it, with no empty line between them",
                self.path,
                pcs.line,
            )

    # ------------------------------------------------------------------ parse
    def parse(self) -> None:
        current: _Element | None = None
        stack: list[tuple[int, _Element]] = []
        argument: Key | None = None
        pcs: _Pcs | None = None
        heading: list[str] | None = None
        conclusion_next = False
        in_inference = False
        rule: list[str] = []
        previous_blank = True
        for number, raw_line in enumerate(self.lines, start=1):
            if _GONE in raw_line and not raw_line.replace(_GONE, "").strip():
                continue
            line = raw_line.replace(_GONE, " ")
            if in_inference:
                closing = re.search(r"-{2,}", line)
                rule.append(line if closing is None else line[: closing.start()])
                in_inference = closing is None
                continue
            if not line.strip():
                if heading is not None:
                    self.set_section(heading)
                    heading = None
                self.finish(current)
                current, stack, previous_blank = None, [], True
                self.incomplete(pcs)
                if pcs is not None:
                    pcs, argument = None, None  # a structure after this one is another argument
                continue
            if heading is not None:
                if _STARTS_ELEMENT.match(line) or _RELATION.fullmatch(line):
                    raise fail(
                        f"a heading ends with an empty line; found {line.strip()[:40]!r}",
                        self.path,
                        number,
                    )
                heading.append(line)
                continue
            match = _HEADING.fullmatch(line) if previous_blank else None
            previous_blank = False
            if match:
                self.finish(current)
                self.incomplete(pcs)
                current, stack, argument, pcs = None, [], None, None
                heading = [match.group(2)]
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
                conclusion_next = True
                if pcs is not None:
                    pcs.complete = False
                    # relations written under the inference line bear on the inference
                    position = len(self.items[pcs.owner].pcs)
                    self.inferences.append((pcs.owner, position))
                    root = _Element(("inference", str(len(self.inferences) - 1)), line=number)
                    stack = [(-1, root)]
                continue
            numbered = _NUMBERED.fullmatch(line)
            if numbered:
                self.finish(current)
                if len(numbered.group(2)) > MAX_NUMBER_DIGITS:
                    raise fail(
                        f"a statement numbered with {len(numbered.group(2)):,} digits; "
                        f"arggraph reads statement numbers of at most {MAX_NUMBER_DIGITS}",
                        self.path,
                        number,
                    )
                if conclusion_next and (pcs is None or not self.items[pcs.owner].pcs):
                    raise fail(
                        "a conclusion with no premises: an inference line (----) needs "
                        "numbered premises above it",
                        self.path,
                        number,
                    )
                if pcs is None:
                    pcs = self.start_pcs(argument, number)
                    argument = pcs.owner
                current = self.element(numbered.group(3), number)
                said, uses = _rule(rule) if conclusion_next else (None, None)
                self.items[pcs.owner].pcs.append(
                    {
                        "number": int(numbered.group(2)),
                        "key": current.key,
                        "conclusion": conclusion_next,
                        "inference": said,
                        "uses": uses,
                    }
                )
                pcs.complete = conclusion_next
                conclusion_next, rule = False, []
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
                if current is not None and current.key[0] != "inference":
                    self.finish(current)
                indent = len(relation.group(1).expandtabs(4))
                child = self.element(relation.group(3), number)
                while len(stack) > 1 and stack[-1][0] >= indent:
                    stack.pop()
                parent = stack[-1][1].key
                if (
                    relation.group(2) in ("<_", "_")
                    and parent[0] == "statement"
                    and self.inferences
                ):
                    # as Argdown's parser reads it: an undercut written under a statement
                    # bears on the inference written last before it (the one a conclusion
                    # follows from, when it is written under the conclusion)
                    parent = ("inference", str(len(self.inferences) - 1))
                self.relations.append((relation.group(2), parent, child.key, number))
                stack.append((indent, child))
                current = child
                continue
            if current is not None:
                current.parts.append(line)
                continue
            # a new top-level element
            self.incomplete(pcs)
            pcs = None
            current = self.element(line, number)
            stack = [(len(line) - len(line.lstrip()), current)]
            argument = current.key if current.key[0] == "argument" else None
        self.finish(current)
        if heading is not None:
            self.set_section(heading)
        self.incomplete(pcs)

    def start_pcs(self, argument: Key | None, line: int) -> _Pcs:
        """A new premise-conclusion structure: the argument named above it has it, else
        it is an untitled argument. Raises ``ImportFormatError`` for an argument's second."""
        owner = argument if argument is not None else self.new("argument", line)
        item = self.items[owner]
        if item.pcs:
            raise fail(
                f"a second premise-conclusion structure for the argument <{item.title}> "
                f"(its first starts on line {item.pcs_line}); an argument has one",
                self.path,
                line,
            )
        item.pcs_line = line
        return _Pcs(owner, line)

    def set_section(self, lines: list[str]) -> None:
        self.section = " ".join(_without_tags(" ".join(lines)).split()) or None


def parse_argdown(text: str, path: str | Path | None = None) -> Parsed:
    """Argdown text read into items and relations. Raises ``ImportFormatError`` with
    the line for an argument's second premise-conclusion structure, an incomplete one,
    and an element right below a heading (a heading runs on to the next empty line)."""
    p = _Parser(text, path)
    p.parse()
    return Parsed(p.front, p.front_lines, p.items, p.relations, p.report, p.inferences)
