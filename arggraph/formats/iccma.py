"""The ICCMA formats of abstract argumentation frameworks: apx, tgf and i23.

These are what the solvers of the International Competition on Computational
Models of Argumentation read, so researchers can hand a debate's attack relation
to any external solver and compare extensions:

- **apx** (ASPARTIX): ``arg(a).`` and ``att(a,b).`` facts; ``%`` starts a comment.
- **tgf** (Trivial Graph Format): one argument a line, a ``#`` line, then one
  ``attacker attacked`` pair a line.
- **i23** (ICCMA 2023): a ``p af N`` header, arguments numbered ``1..N``, one
  ``i j`` attack a line, ``#`` comment lines. Exports name each number's claim in
  ``# name N ID`` comments, which the importer reads back.

They hold only the attack relation. Exports drop supports, base scores, texts,
provenance and attacks of weight 0 (which are no attacks); ``to_apx`` and its
siblings count all that in their report, as the registry states it, while
``write_apx`` and its siblings (what ``export_graph`` calls) report only the ids they
rename. Importers make one claim per argument (its name as id and text) and one
attack per pair; a file of nothing but white space and comments is the empty
framework in all three (as solvers read it), not an error.

>>> from arggraph.model import Claim, GraphModel, Relation
>>> from arggraph.graph import Graph
>>> g = Graph(GraphModel(id="g", claims=[Claim(id="a1", text="A"), Claim(id="a2", text="B")],
...     relations=[Relation(type="attack", source="a1", target="a2")]))
>>> print(to_apx(g), end="")
arg(a1).
arg(a2).
att(a1,a2).
>>> [r.source for r in from_apx(to_apx(g)).model.relations]
['a1']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ImportFormatError
from ..graph import Graph
from ..model import Claim, GraphModel, Relation
from ..text import quoted, shorten
from .imported import ImportResult, fail, line_of
from .imported import graph_id as id_from_path
from .plain import source_of
from .registry import MAX_ARGUMENTS, report_losses
from .report import Report, plural

__all__ = [
    "from_apx",
    "from_i23",
    "MAX_ARGUMENTS",
    "from_tgf",
    "safe_names",
    "to_apx",
    "to_i23",
    "to_tgf",
    "write_apx",
    "write_i23",
    "write_tgf",
]

_APX_NAME = re.compile(r"[a-z][A-Za-z0-9_]*|[0-9]+")


def safe_names(
    graph: Graph,
    valid: re.Pattern[str],
    prefix: str,
    report: Report | None,
    fmt: str,
    kept: str = "export --id-map FILE.json saves the mapping, import --id-map reads it back",
) -> dict[str, str]:
    """Claim id -> a name the format accepts: the id itself when it is valid, else
    ``prefix`` and the claim's place in the graph (1-based), kept unique. ``report``
    hears of each renamed id (:attr:`~.report.Report.renames`) and gets a note that
    says ``kept``: where the original ids are kept."""
    names: dict[str, str] = {}
    used: set[str] = set()
    renamed: list[str] = []
    bad = [cid for cid in graph.claims if not valid.fullmatch(cid)]
    used.update(cid for cid in graph.claims if valid.fullmatch(cid))
    for i, cid in enumerate(graph.claims, start=1):
        if valid.fullmatch(cid):
            names[cid] = cid
            continue
        name = f"{prefix}{i}"
        while name in used:
            name += "_"
        used.add(name)
        names[cid] = name
        renamed.append(f"{cid!r} -> {name}")
        if report is not None:
            report.renamed(cid, name)
    if bad and report is not None:
        report.note(
            f"renamed {plural(len(bad), 'claim id')} that "
            f"{'is' if len(bad) == 1 else 'are'} not valid {fmt} names, e.g. "
            + ", ".join(renamed[:3])
            + f" ({kept})"
        )
    return names


def _attacks(graph: Graph) -> list[Relation]:
    """The attacks between claims of the graph, those of weight 0 (no attacks) left out."""
    return [
        r
        for r in graph.relations.values()
        if r.type == "attack"
        and r.source in graph.claims
        and r.target in graph.claims
        and r.weight > 0
    ]


def _unique_pairs(attacks: list[Relation], names: dict[str, str]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for r in attacks:
        seen.setdefault((names[source_of(r)], names[r.target]), None)
    return list(seen)


def write_apx(graph: Graph, *, report: Report | None = None) -> str:
    """The attack relation as ASPARTIX facts; ``report`` hears of renamed ids only
    (:func:`to_apx` also counts what apx cannot hold). Each renamed id is kept in a
    ``% name NAME ID`` comment, which :func:`from_apx` reads back.

    >>> from arggraph.io import loads
    >>> g = loads('{"claims": [{"id": "Cost of lives", "text": "C"}, {"id": "b", "text": "B"}],'
    ...           ' "relations": [{"type": "attack", "source": "b", "target": "Cost of lives"}]}')
    >>> print(write_apx(g), end="")
    % name a1 Cost of lives
    arg(a1).
    arg(b).
    att(b,a1).
    >>> sorted(from_apx(write_apx(g)).graph().claims)
    ['Cost of lives', 'b']
    """
    names = safe_names(graph, _APX_NAME, "a", report, "apx", "kept in '% name' comments")
    lines = [f"% name {names[cid]} {_one_line(cid)}" for cid in graph.claims if names[cid] != cid]
    lines += [f"arg({names[cid]})." for cid in graph.claims]
    lines += [f"att({a},{b})." for a, b in _unique_pairs(_attacks(graph), names)]
    return "\n".join(lines) + "\n"


def to_apx(graph: Graph, *, report: Report | None = None) -> str:
    """The attack relation as ASPARTIX facts; what apx cannot hold (supports, weights,
    texts...: its entry in :mod:`~arggraph.formats.registry`) and renamed ids are
    counted in ``report``."""
    text = write_apx(graph, report=report)
    report_losses("apx", graph, report)
    return text


_TGF_NAME = re.compile(r"[^\s#]\S*")


def write_tgf(graph: Graph, *, report: Report | None = None) -> str:
    """The attack relation in Trivial Graph Format (names only, as solvers expect);
    ``report`` hears of renamed ids only (:func:`to_tgf` also counts what tgf cannot
    hold)."""
    names = safe_names(graph, _TGF_NAME, "a", report, "tgf")
    lines = [names[cid] for cid in graph.claims]
    lines.append("#")
    lines += [f"{a} {b}" for a, b in _unique_pairs(_attacks(graph), names)]
    return "\n".join(lines) + "\n"


def to_tgf(graph: Graph, *, report: Report | None = None) -> str:
    """The attack relation in Trivial Graph Format; what tgf cannot hold and renamed
    ids are counted in ``report``."""
    text = write_tgf(graph, report=report)
    report_losses("tgf", graph, report)
    return text


def write_i23(graph: Graph) -> str:
    """The attack relation in the ICCMA 2023 format, with ``# name N ID`` comments."""
    numbers = {cid: str(i) for i, cid in enumerate(graph.claims, start=1)}
    lines = [f"p af {len(numbers)}"]
    if any(cid != n for cid, n in numbers.items()):
        lines += [f"# name {n} {_one_line(cid)}" for cid, n in numbers.items()]
    lines += [f"{a} {b}" for a, b in _unique_pairs(_attacks(graph), numbers)]
    return "\n".join(lines) + "\n"


def to_i23(graph: Graph, *, report: Report | None = None) -> str:
    """The attack relation in the ICCMA 2023 format; what i23 cannot hold is counted
    in ``report``."""
    text = write_i23(graph)
    report_losses("i23", graph, report)
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "_"


# ---------------------------------------------------------------------- import
def _model(
    claims: list[str],
    texts: dict[str, str],
    attacks: list[tuple[str, str]],
    path: str | Path | None,
    gid: str | None,
    fmt: str,
) -> ImportResult:
    report = Report()
    seen: set[tuple[str, str]] = set()
    relations = []
    for a, b in attacks:
        if (a, b) in seen:
            report.dropped("repeated attack", 1, "listed twice", example=f"{a} -> {b}")
            continue
        seen.add((a, b))
        relations.append(Relation(type="attack", source=a, target=b))
    model = GraphModel(
        id=gid or id_from_path(path),
        title=Path(path).name if path is not None else "",
        claims=[Claim(id=c, text=texts.get(c) or c) for c in claims],
        relations=relations,
        meta={"imported_from": fmt},
    )
    return ImportResult(model, report)


_APX_STATEMENT = re.compile(r"(arg|att)\s*\(\s*([^(),\s]+)\s*(?:,\s*([^(),\s]+)\s*)?\)\s*\.")
_SKIP = re.compile(r"(?:\s+|%[^\n]*)+")


def _statements(
    text: str, path: str | Path | None, expected: str, pattern: re.Pattern[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    pos = 0
    end = len(text)
    while True:
        skip = _SKIP.match(text, pos)
        if skip:
            pos = skip.end()
        if pos >= end:
            return
        m = pattern.match(text, pos)
        if m is None:
            snippet = text[pos : pos + 30].split("\n", 1)[0]
            raise fail(f"expected {expected}, found {quoted(snippet)}", path, line_of(text, pos))
        yield line_of(text, pos), m
        pos = m.end()


def from_apx(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from ASPARTIX ``arg``/``att`` facts (each attack's arguments must be
    declared, as the format requires; a missing one is an error with its line).
    ``% name NAME ID`` comments, as arggraph writes them for ids that are no apx
    names, give those arguments their ids back."""
    claims: list[str] = []
    declared: set[str] = set()
    attacks: list[tuple[str, str, int]] = []
    for line, m in _statements(text, path, "arg(NAME). or att(NAME,NAME).", _APX_STATEMENT):
        kind, a, b = m.group(1), m.group(2), m.group(3)
        if kind == "arg":
            if b is not None:
                raise fail(f"arg() takes one name, got {quoted(m.group(0))}", path, line)
            if a not in declared:
                declared.add(a)
                claims.append(a)
        else:
            if b is None:
                raise fail(f"att() takes two names, got {quoted(m.group(0))}", path, line)
            attacks.append((a, b, line))
    for a, b, line in attacks:
        for name in (a, b):
            if name not in declared:
                raise fail(
                    f"att({shorten(a, 30)},{shorten(b, 30)}) names {quoted(name)}, which no "
                    f"arg({shorten(name, 30)}). declares",
                    path,
                    line,
                )
    names = {m.group(1): m.group(2).strip() for m in _APX_NAME_COMMENT.finditer(text)}
    ids = {c: names.get(c, c) for c in claims}
    if len(set(ids.values())) != len(ids):
        ids = {c: c for c in claims}  # the comments clash: keep the names as written
    return _model(
        [ids[c] for c in claims],
        {},
        [(ids[a], ids[b]) for a, b, _ in attacks],
        path,
        graph_id,
        "apx",
    )


_APX_NAME_COMMENT = re.compile(r"^[ \t]*%[ \t]*name[ \t]+(\S+)[ \t]+(\S[^\n]*)$", re.MULTILINE)


def from_tgf(
    text: str, *, path: str | Path | None = None, graph_id: str | None = None
) -> ImportResult:
    """A graph from Trivial Graph Format: nodes (``ID [label]``), ``#``, edges
    (``SOURCE TARGET [label]``) read as attacks; node labels become claim texts. A
    blank file is the empty framework. Raises ``ImportFormatError`` with the line of a
    node listed twice, a second ``#`` line, or an edge that is not two listed nodes."""
    claims: list[str] = []
    texts: dict[str, str] = {}
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if in_edges:
                raise fail("a second '#' line; tgf has one, between nodes and edges", path, number)
            in_edges = True
            continue
        parts = line.split(None, 2)
        if not in_edges:
            name = parts[0]
            if name in texts:
                raise fail(f"node {quoted(name)} is listed twice", path, number)
            claims.append(name)
            texts[name] = " ".join(parts[1:]) if len(parts) > 1 else name
            continue
        if len(parts) < 2:
            raise fail(f"expected an edge 'SOURCE TARGET', found {quoted(line)}", path, number)
        a, b = parts[0], parts[1]
        for name in (a, b):
            if name not in texts:
                raise fail(
                    f"edge {shorten(a, 30)} {shorten(b, 30)} names {quoted(name)}, which is "
                    "not a node above the '#' line",
                    path,
                    number,
                )
        attacks.append((a, b))
    return _model(claims, texts, attacks, path, graph_id, "tgf")


_NAME_COMMENT = re.compile(r"#\s*name\s+([0-9]+)\s+(\S.*)")
_DIGITS = re.compile(r"[0-9]+")


def _count(word: str) -> int | None:
    """A number written in ASCII digits (``None`` for anything else: ``²``, ``-1``);
    more than 18 digits is read as beyond any limit, without converting it."""
    if not _DIGITS.fullmatch(word):
        return None
    return int(word) if len(word) <= 18 else 10**18


def from_i23(
    text: str,
    *,
    path: str | Path | None = None,
    graph_id: str | None = None,
    max_arguments: int = MAX_ARGUMENTS,
) -> ImportResult:
    """A graph from the ICCMA 2023 format (``p af N``, then ``i j`` attacks).

    Arguments are numbered ``1..N`` and keep their numbers as ids, unless the file
    carries ``# name N ID`` comments (as arggraph writes them), which restore the ids.
    A file of only comments and blank lines is the empty framework (``p af 0``).
    Raises ``ImportFormatError`` with the line of a missing or malformed header (``N``
    in ASCII digits), of a header declaring more than ``max_arguments`` arguments
    (:data:`MAX_ARGUMENTS` unless raised; checked before anything is built for them),
    or of an attack that is not two numbers in ``1..N``.

    >>> from_i23("p af 2000000\\n", path="big.i23")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.ImportFormatError: big.i23: line 1: 'p af 2000000' declares 2,000,000 ...
    """
    count: int | None = None
    attacks: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            m = _NAME_COMMENT.fullmatch(line)
            if m:
                names[m.group(1)] = m.group(2).strip()
            continue
        parts = line.split()
        if count is None:
            declared = _count(parts[2]) if len(parts) == 3 and parts[:2] == ["p", "af"] else None
            if declared is None:
                raise fail(f"expected the header 'p af N', found {quoted(line)}", path, number)
            if declared > max_arguments:
                shown = f"{declared:,}" if declared < 10**18 else "more than 10**18"
                raise ImportFormatError(
                    f"'p af {parts[2][:30]}' declares {shown} arguments, more than the "
                    f"{max_arguments:,} arggraph reads unless told",
                    path=path,
                    place=f"line {number}",
                    hint="give --max-arguments N (max_arguments= in Python) to read more",
                )
            count = declared
            continue
        values = [_count(p) for p in parts]
        if len(parts) != 2 or None in values:
            raise fail(
                f"expected an attack 'i j' (two argument numbers), found {quoted(line)}",
                path,
                number,
            )
        for p, n in zip(parts, values, strict=True):
            if n is None or not 1 <= n <= count:
                raise fail(
                    f"argument {p[:30]} is outside 1..{count} declared by 'p af {count}'",
                    path,
                    number,
                )
        attacks.append((str(values[0]), str(values[1])))
    count = count or 0  # nothing but comments: the empty framework
    numbers = [str(i) for i in range(1, count + 1)]
    ids = {n: names.get(n, n) for n in numbers}
    if len(set(ids.values())) != len(ids):
        ids = {n: n for n in numbers}
    return _model(
        [ids[n] for n in numbers], {}, [(ids[a], ids[b]) for a, b in attacks], path, graph_id, "i23"
    )
