"""Round trips on generated graphs: what a format can hold comes back unchanged.

- arggraph/1 -> AIF -> arggraph/1 is lossless with the ``arggraph`` object, and keeps
  every claim text, relation type and attribution (speaker, quote, full date) when
  only plain AIF survives (as after a trip through AIFdb or OVA);
- arggraph/1 -> GraphML -> arggraph/1 is lossless;
- arggraph/1 -> Argdown -> arggraph/1 keeps ids, texts (whitespace folded), kinds,
  base scores, dates, tags, attributions, actors, documents, and relations' ids, types,
  weights, schemes and attributions;
- apx, i23 and BAG -> arggraph/1 -> the same format gives back the same text;
- every text export of every generated graph is parsed by a real parser (the format's
  reader in arggraph, Graphviz for DOT and SVG, a strict reader of the flowchart
  statements for Mermaid) and gives back the graph's claims and relations, as far as
  the format holds them.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import pytest
from _support import needs_graphviz, relation_triples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.formats import export_graph, import_text, registry
from arggraph.formats.aif import EXTRA_KEY, from_aif, to_aif
from arggraph.formats.argdown import from_argdown, to_argdown
from arggraph.formats.bag import from_bag, to_bag
from arggraph.formats.escape import XML_FORBIDDEN, clean, xml_text
from arggraph.formats.graphml import from_graphml, to_graphml
from arggraph.formats.iccma import from_apx, from_i23, to_apx, to_i23
from arggraph.formats.palette import ATTACK, SUPPORT
from arggraph.formats.report import Report, plural
from arggraph.graph import Graph
from arggraph.model import Actor, Attribution, Claim, Document, GraphModel, Relation

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as people paste it: letters in several scripts, punctuation that means
# something to some format, quotes, backslashes, tabs and line breaks.
TEXT_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=["Cs"],
    exclude_characters="\x00",
)
texts = st.text(TEXT_CHARS, min_size=1, max_size=40)
words = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=8)
ids = st.text(st.sampled_from("abcxyz0123-_. /:#\"'<>&é"), min_size=1, max_size=10)
dates = st.one_of(st.none(), st.sampled_from(["2023", "2023-03", "2023-03-06", "2022-12-31"]))
units = st.one_of(st.just(0.5), st.just(1.0), st.floats(0, 1, allow_nan=False))
illocutions = st.one_of(
    st.none(), st.sampled_from(["Asserting", "Pure Questioning", "Reporting", "Whispering"])
)
schemes = st.one_of(
    st.none(), st.sampled_from(["Argument From Expert Opinion", "Default Inference", 'é <&> "x"'])
)


@st.composite
def graphs(draw: Any, text: Any = texts, claim_ids: Any = ids, structures: bool = False) -> Graph:
    """A random graph; with ``structures`` an arggraph/1.1 one, whose relations may run
    from linked premises and aim at other relations (in a circle too)."""
    n_actors = draw(st.integers(0, 3))
    actor_names = draw(
        st.lists(
            st.text(st.characters(whitelist_categories=("Ll", "Lu")), min_size=1, max_size=12),
            min_size=n_actors,
            max_size=n_actors,
            unique=True,
        )
    )
    actors = [
        Actor(
            id=f"actor{i}", name=name, kind=draw(st.sampled_from(["analyst", "official", "media"]))
        )
        for i, name in enumerate(actor_names)
    ]
    documents = [
        Document(
            id=f"doc{i}",
            title=draw(text),
            url=draw(st.one_of(st.none(), st.just(f"https://example.org/{i}"))),
            published=draw(dates),
        )
        for i in range(draw(st.integers(0, 2)))
    ]

    def attributions() -> list[Attribution]:
        if not actors:
            return []
        return [
            Attribution(
                actor=draw(st.sampled_from(actors)).id,
                document=draw(st.one_of(st.none(), st.sampled_from([d.id for d in documents])))
                if documents
                else None,
                quote=draw(text),
                date=draw(dates),
                illocution=draw(illocutions),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]

    cids = draw(st.lists(claim_ids, min_size=1, max_size=8, unique=True))
    claims = [
        Claim(
            id=cid,
            text=draw(text),
            kind=draw(st.sampled_from(["position", "claim", "evidence"])),
            base=draw(units),
            date=draw(dates),
            tags=draw(st.lists(words, max_size=2, unique=True)),
            attributions=attributions(),
        )
        for cid in cids
    ]
    relations = []
    n_relations = draw(st.integers(0, 10))
    for k in range(n_relations):
        premises = [draw(st.sampled_from(cids))]
        targets = list(cids)
        if structures:
            premises = draw(st.lists(st.sampled_from(cids), min_size=1, max_size=3, unique=True))
            targets += [f"r{j}" for j in range(n_relations) if j != k]  # ids no claim has
        relations.append(
            Relation(
                id=f"r{k}",
                type=draw(st.sampled_from(["support", "attack"])),
                source=premises[0] if len(premises) == 1 else None,
                sources=premises if len(premises) > 1 else None,
                target=draw(st.sampled_from(targets)),
                weight=draw(units),
                scheme=draw(schemes),
                attributions=attributions(),
            )
        )
    return Graph(
        GraphModel(
            id="gen",
            title=draw(text),
            question=draw(text),
            actors=actors,
            documents=documents,
            claims=claims,
            relations=relations,
        )
    )


def dump(g: Graph | GraphModel) -> dict[str, Any]:
    model = g.model if isinstance(g, Graph) else g
    return model.model_dump(mode="json", exclude={"schema_"})


@SETTINGS
@given(st.one_of(graphs(), graphs(structures=True)))
def test_aif_round_trip_is_lossless(g: Graph) -> None:
    result = from_aif(to_aif(g))
    assert dump(result.model) == dump(g)
    assert not result.report.lines()


def plain_view(g: Graph) -> tuple[Any, ...]:
    text_of = {cid: c.text for cid, c in g.claims.items()}

    def atts(items: list[Attribution]) -> tuple[Any, ...]:
        return tuple(
            sorted(
                (g.actors[a.actor].name, a.quote, a.date if a.date and len(a.date) == 10 else "")
                for a in items
            )
        )

    claims = sorted((c.text, atts(c.attributions)) for c in g.claims.values())
    rels = sorted(
        (r.type, text_of[r.premises[0]], text_of[r.target], atts(r.attributions))
        for r in g.relations.values()
    )
    return tuple(claims), tuple(rels)


@SETTINGS
@given(graphs())
def test_plain_aif_keeps_texts_types_and_attributions(g: Graph) -> None:
    data = json.loads(to_aif(g))
    data.pop(EXTRA_KEY)
    back = from_aif(json.dumps(data)).graph()
    assert plain_view(back) == plain_view(g)


# XML cannot carry some control characters, and its parsers read a carriage return
# as a line feed; the other characters all come back.
xml_texts = st.text(TEXT_CHARS, min_size=1, max_size=40).filter(
    lambda t: not XML_FORBIDDEN.search(t) and "\r" not in t
)
xml_ids = ids.filter(lambda t: not XML_FORBIDDEN.search(t))


@SETTINGS
@given(
    st.one_of(
        graphs(text=xml_texts, claim_ids=xml_ids),
        graphs(text=xml_texts, claim_ids=xml_ids, structures=True),
    )
)
def test_graphml_round_trip_is_lossless(g: Graph) -> None:
    report = Report()
    assert dump(from_graphml(to_graphml(g, report=report)).model) == dump(g)
    assert not report.lines()


def test_graphml_shows_what_xml_cannot_carry() -> None:
    g = Graph(
        GraphModel(
            id="g",
            claims=[
                Claim(id="a", text="bell\x07 and \ufffe", attributions=[]),
                Claim(id="b", text="fine \u202e", note="nul\x00"),
            ],
        )
    )
    report = Report()
    back = from_graphml(to_graphml(g, report=report)).model
    assert back.claims[0].text == "bell\\x07 and \\ufffe"
    assert back.claims[1].text == "fine \u202e"
    assert back.claims[1].note == "nul\\x00"
    assert report.lines() == [
        "note: 2 texts held characters XML cannot carry, shown as escapes such as \\x1f"
    ]


one_line = st.text(TEXT_CHARS, min_size=1, max_size=40).filter(lambda t: t.strip() != "")
title_ids = st.text(
    st.sampled_from("abcxyz0123-_. /:#\"'<>&é{}@*"), min_size=1, max_size=10
).filter(lambda t: " ".join(t.split()) == t and t != "")


@SETTINGS
@given(
    st.one_of(
        graphs(text=one_line, claim_ids=title_ids),
        graphs(text=one_line, claim_ids=title_ids, structures=True),
    )
)
def test_argdown_round_trip(g: Graph) -> None:
    """arggraph -> Argdown -> arggraph keeps everything Argdown can say or its data
    holds, linked premises and relations aimed at relations included (written as
    premise-conclusion structures and undercuts); a claim bearing on itself alone is
    not written."""
    back = from_argdown(to_argdown(g)).graph()

    def view(x: Graph) -> tuple[Any, ...]:
        claims = [
            (c.id, " ".join(c.text.split()), c.kind, c.base, c.date, c.tags, c.attributions)
            for c in x.claims.values()
        ]
        rels = sorted(
            (r.id, r.type, r.premises, r.target, r.weight, r.scheme, r.attributions)
            for r in x.relations.values()
            if r.premises != [r.target]
        )
        return claims, rels, x.model.actors, x.model.documents

    assert view(back) == view(g)


names = st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=3).map(lambda s: "a" + s)


@st.composite
def frameworks(draw: Any) -> tuple[list[str], list[tuple[str, str]]]:
    args = draw(st.lists(names, min_size=1, max_size=12, unique=True))
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)), max_size=30, unique=True)
    )
    return args, pairs


@SETTINGS
@given(frameworks())
def test_apx_round_trip(af: tuple[list[str], list[tuple[str, str]]]) -> None:
    args, pairs = af
    text = "".join(f"arg({a}).\n" for a in args) + "".join(f"att({a},{b}).\n" for a, b in pairs)
    assert to_apx(from_apx(text).graph()) == text


@SETTINGS
@given(
    st.integers(1, 15).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=30, unique=True),
        )
    )
)
def test_i23_round_trip(af: tuple[int, list[tuple[int, int]]]) -> None:
    n, pairs = af
    text = f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in pairs)
    assert to_i23(from_i23(text).graph()) == text


@SETTINGS
@given(frameworks(), st.data())
def test_bag_round_trip(af: tuple[list[str], list[tuple[str, str]]], data: Any) -> None:
    args, pairs = af
    bases = [data.draw(st.floats(0, 1, allow_nan=False)) for _ in args]
    kinds = [data.draw(st.sampled_from(["att", "sup"])) for _ in pairs]
    lines = [f"arg({a}, {b!r})." for a, b in zip(args, bases, strict=True)]
    seen = set()
    for (a, b), k in zip(pairs, kinds, strict=True):
        if (k, a, b) not in seen:
            seen.add((k, a, b))
            lines.append(f"{k}({a}, {b}).")
    text = "\n".join(lines) + "\n"
    assert to_bag(from_bag(text).graph()) == text


# ---------------------------------------------------------------------- every text export
# Each text export of a generated graph is parsed by a real parser, and what the parse
# gives back is compared with the graph: by the format's own reader in arggraph where
# there is one, by Graphviz for DOT and SVG. Mermaid has no reader in arggraph and no
# parser in Python, so ``read_mermaid`` below reads the flowchart statements the
# exporter writes, refusing any line it does not know.
EXPORT_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def fold(text: str) -> str:
    return " ".join(text.split())


def in_claim_order(g: Graph, back: Graph) -> dict[str, str]:
    """Claim id -> the id it came back as: readers keep the order claims were written in."""
    assert len(back.claims) == len(g.claims)
    return dict(zip(g.claims, back.claims, strict=True))


def read_back_aif(g: Graph, back: Graph) -> None:
    assert dump(back) == dump(g)


def read_back_graphml(g: Graph, back: Graph) -> None:
    # XML cannot carry some characters (written as visible escapes), and its parsers
    # read a carriage return as a line feed.
    def xml(text: str) -> str:
        return xml_text(text).replace("\r\n", "\n").replace("\r", "\n")

    assert list(back.claims) == list(g.claims)
    assert [c.text for c in back.claims.values()] == [xml(c.text) for c in g.claims.values()]
    assert [(c.kind, c.base, c.date, c.tags) for c in back.claims.values()] == [
        (c.kind, c.base, c.date, c.tags) for c in g.claims.values()
    ]

    def rels(x: Graph) -> list[tuple[str, str, str, str, float]]:
        return [(r.id, r.type, r.premises[0], r.target, r.weight) for r in x.relations.values()]

    assert rels(back) == rels(g)


def read_back_argdown(g: Graph, back: Graph) -> None:
    # Titles and texts are one line; a title that is taken gets a prime, and a blank
    # statement reads as its title. A claim bearing on itself is not written.
    as_ = in_claim_order(g, back)
    for cid, bid in as_.items():
        title = fold(cid).replace("[", "(").replace("]", ")") or "untitled"
        assert bid.startswith(title), (cid, bid)
        assert set(bid[len(title) :]) <= {"'"}, (cid, bid)
    texts = [fold(c.text) or as_[cid] for cid, c in g.claims.items()]
    assert [c.text for c in back.claims.values()] == texts
    assert [(c.kind, c.base, c.date, c.tags) for c in back.claims.values()] == [
        (c.kind, c.base, c.date, c.tags) for c in g.claims.values()
    ]
    # Relations keep their ids and weights (in Argdown's {data}).
    expected = sorted(
        (r.id, r.type, as_[r.premises[0]], as_[r.target], r.weight)
        for r in g.relations.values()
        if r.premises[0] != r.target
    )
    got = sorted((r.id, r.type, r.premises[0], r.target, r.weight) for r in back.relations.values())
    assert got == expected


def read_back_attacks(g: Graph, back: Graph) -> None:
    """apx, tgf, i23: the claims (by name or number) and each attack of weight > 0, once."""
    as_ = in_claim_order(g, back)
    expected = {
        ("attack", as_[r.premises[0]], as_[r.target])
        for r in g.relations.values()
        if r.type == "attack" and r.weight > 0
    }
    assert relation_triples(back) == expected
    assert len(back.relations) == len(expected)


def read_back_bag(g: Graph, back: Graph) -> None:
    as_ = in_claim_order(g, back)
    assert [c.base for c in back.claims.values()] == [c.base for c in g.claims.values()]
    expected = {(r.type, as_[r.premises[0]], as_[r.target]) for r in g.relations.values()}
    assert relation_triples(back) == expected
    assert len(back.relations) == len(expected)


READ_BACK: dict[str, Callable[[Graph, Graph], None]] = {
    "aif": read_back_aif,
    "graphml": read_back_graphml,
    "argdown": read_back_argdown,
    "apx": read_back_attacks,
    "tgf": read_back_attacks,
    "i23": read_back_attacks,
    "bag": read_back_bag,
}
GRAPHVIZ = ("dot", "svg")


def test_every_text_export_is_parsed_here() -> None:
    text_exports = {f.name for f in registry.exports() if not f.binary}
    assert text_exports == {*READ_BACK, *GRAPHVIZ, "mermaid"}
    readable = {f.name for f in registry.imports()}
    assert set(READ_BACK) <= readable
    assert "mermaid" not in readable  # else read it back with its reader above


@pytest.mark.parametrize("fmt", sorted(READ_BACK))
@EXPORT_SETTINGS
@given(g=graphs())
def test_each_export_is_read_back_by_its_reader(fmt: str, g: Graph) -> None:
    text = export_graph(g, fmt, semantics=None).decode()
    assert "\x00" not in text
    if fmt != "aif":  # JSON
        assert text.endswith("\n")
    READ_BACK[fmt](g, import_text(text, fmt).graph())


@pytest.mark.parametrize("fmt", ["apx", "tgf", "i23", "bag"])
@EXPORT_SETTINGS
@given(g=graphs(structures=True))
def test_bag_and_iccma_say_what_they_cannot_hold(fmt: str, g: Graph) -> None:
    """They write the relations from one claim to another (ICCMA: the attacks of weight
    above 0), and name on stderr each relation from linked premises or aimed at a
    relation they leave out, each relation once."""
    report = Report()
    text = export_graph(g, fmt, semantics=None, report=report).decode()
    back = import_text(text, fmt).graph()
    as_ = in_claim_order(g, back)
    plain = [r for r in g.relations.values() if r.source is not None and r.target in g.claims]
    if fmt != "bag":
        plain = [r for r in plain if r.type == "attack" and r.weight > 0]
    assert relation_triples(back) == {(r.type, as_[r.premises[0]], as_[r.target]) for r in plain}
    linked = sum(1 for r in g.relations.values() if r.sources is not None)
    aimed = sum(1 for r in g.relations.values() if r.sources is None and r.target not in g.claims)
    name = "BAG" if fmt == "bag" else fmt
    dropped = {line.split(" (")[0]: line for line in report.lines() if line.startswith("dropped: ")}
    if linked:
        assert dropped.pop(f"dropped: {plural(linked, 'relation with linked premises')}") == (
            f"dropped: {plural(linked, 'relation with linked premises')} "
            f"({name} joins one claim to one claim)"
        )
    if aimed:
        noun = "relation aimed at a relation|relations aimed at relations"
        assert dropped.pop(f"dropped: {plural(aimed, noun)}").endswith(
            f"({name} aims relations at claims only)"
        )
    assert not any("linked" in line or "aimed" in line for line in dropped.values())
    if fmt != "bag":  # each relation is named once: a linked support is not a support too
        supports = len(plain_supports(g))
        line = next((v for k, v in dropped.items() if "support" in k), None)
        assert line == (
            f"dropped: {plural(supports, 'support')} ({fmt} holds attacks only)"
            if supports
            else None
        )


def plain_supports(g: Graph) -> list[Relation]:
    return [
        r
        for r in g.relations.values()
        if r.type == "support" and r.source is not None and r.target in g.claims
    ]


# Graphviz's JSON output gives each attribute as the DOT text held it. A tooltip is
# written for Graphviz's two readings of it (an escString, then XML text): four
# backslashes for one, ``\"`` a double quote, ``\n`` a line break, ``&#38;`` an ``&``.
_TOOLTIP_ESCAPE = re.compile(r'\\\\\\\\|\\"|\\n|&#38;')
_TOOLTIP_TEXT = {"\\\\\\\\": "\\", '\\"': '"', "\\n": "\n", "&#38;": "&"}


def dot_unescape(text: str) -> str:
    """The text a tooltip written by ``dot_tooltip`` shows."""
    return _TOOLTIP_ESCAPE.sub(lambda m: _TOOLTIP_TEXT[m.group()], text)


def graphviz_json(dot: str) -> dict[str, Any]:
    done = subprocess.run(
        ["dot", "-Tjson"], input=dot.encode(), capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return cast(dict[str, Any], json.loads(done.stdout))


def graphviz_draws(g: Graph) -> bool:
    """Whether Graphviz (2.43) draws the graph's diagram. One known failure, reported, is
    left out of the generated graphs: labelled edges (weights other than 1) between
    positions, which share a rank (``dot`` crashes on some of those). A blank question
    and a text of nothing but ``]``, which Graphviz's label parser once refused, are
    drawn (tests/test_formats_diagram_structures.py)."""
    positions = {c.id for c in g.positions}
    return all(
        r.weight == 1.0
        for r in g.relations.values()
        if any(p in positions for p in r.premises) and r.target in positions
    )


drawable = st.one_of(graphs(), graphs(structures=True)).filter(graphviz_draws)
CLAIM_NODE = re.compile(r"n\d+")
JUNCTION = re.compile(r"j\d+")
ARROW_TAIL = {"tee": "attack", "normal": "support"}


def junctions(g: Graph) -> dict[str, str]:
    """Relation id -> the junction node a diagram draws it through: every relation from
    linked premises and every relation another aims at, numbered in file order (every
    relation of a generated graph is drawn: its ends are all there)."""
    aimed = {r.target for r in g.relations.values() if r.target not in g.claims}
    linked = [rid for rid, r in g.relations.items() if r.sources is not None or rid in aimed]
    return {rid: f"j{k}" for k, rid in enumerate(linked)}


def diagram_edges(g: Graph) -> list[tuple[str, str, str, str]]:
    """Every line a diagram draws, as (type, role, from, to) between node names:
    ``conclusion`` from a premise or a junction to a claim or a junction, ``premise``
    from a premise into its junction."""
    names = {cid: f"n{i}" for i, cid in enumerate(g.claims)}
    joint = junctions(g)
    out = []
    for rid, r in g.relations.items():
        end = names[r.target] if r.target in g.claims else joint[r.target]
        if rid in joint:
            out += [(r.type, "premise", names[p], joint[rid]) for p in r.premises]
            out.append((r.type, "conclusion", joint[rid], end))
        else:
            out.append((r.type, "conclusion", names[r.premises[0]], end))
    return sorted(out)


@pytest.mark.slow
@needs_graphviz
@EXPORT_SETTINGS
@given(g=drawable)
def test_graphviz_reads_the_dot_export(g: Graph) -> None:
    drawn = graphviz_json(
        export_graph(g, "dot", semantics=None, label="actors", cluster="actor").decode()
    )
    objects = drawn["objects"]
    assert [o["_gvid"] for o in objects] == list(range(len(objects)))
    nodes = {o["name"]: o for o in objects if "nodes" not in o}  # subgraphs list their nodes
    claims = {
        name: dot_unescape(o["tooltip"]) for name, o in nodes.items() if CLAIM_NODE.fullmatch(name)
    }
    ids = list(g.claims)
    assert claims == {f"n{i}": clean(f"{cid}: {g.claims[cid].text}") for i, cid in enumerate(ids)}
    joint = {
        name: dot_unescape(o["tooltip"]).split(":", 1)[0]
        for name, o in nodes.items()
        if JUNCTION.fullmatch(name)
    }
    assert joint == {j: rid for rid, j in junctions(g).items()}
    # Edges run from the target down to the source (dir=back); the arrow's tail tells
    # support from attack; a premise's line into its junction has no arrow (dir=none)
    # and the relation's colour.
    edges = []
    for e in drawn.get("edges", []):
        tail, head = objects[e["tail"]]["name"], objects[e["head"]]["name"]
        if not (CLAIM_NODE.fullmatch(tail) or JUNCTION.fullmatch(tail)):
            continue  # the legend's
        if e["dir"] == "none":
            assert JUNCTION.fullmatch(tail), e
            kind = "attack" if e["color"] == ATTACK else "support"
            edges.append((kind, "premise", head, tail))
        else:
            assert e["dir"] == "back"
            edges.append((ARROW_TAIL[e["arrowtail"]], "conclusion", head, tail))
    assert sorted(edges) == diagram_edges(g)


SVG = "{http://www.w3.org/2000/svg}"
STROKE = {ATTACK: "attack", SUPPORT: "support"}


@pytest.mark.slow
@needs_graphviz
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(g=drawable)
def test_the_svg_export_is_xml_with_a_node_per_claim_and_an_edge_per_relation(g: Graph) -> None:
    root = ET.fromstring(export_graph(g, "svg", semantics=None))
    nodes, edges = [], []
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if title is None or title.text is None:
            continue
        if group.get("class") == "node" and CLAIM_NODE.fullmatch(title.text):
            nodes.append(title.text)
        elif group.get("class") == "edge":
            tail, _, head = title.text.partition("->")
            path = group.find(f".//{SVG}path")
            assert path is not None
            if CLAIM_NODE.fullmatch(tail) or JUNCTION.fullmatch(tail):
                edges.append((STROKE[path.get("stroke", "")], head, tail))
    assert sorted(nodes) == sorted(f"n{i}" for i in range(len(g.claims)))
    assert sorted(edges) == sorted((kind, a, b) for kind, _, a, b in diagram_edges(g))


# ---------------------------------------------------------------------- Mermaid
_M_TITLE = re.compile(r"title: (\".*\")")
_M_NODE = re.compile(r"  (n\d+)(\(\[|\[/|\()\"(.*)\"(\]\)|/\]|\))")
_M_JUNCTION = re.compile(r'  (j\d+)\(\(" "\)\)')
_M_EDGE = re.compile(r"  ([nj]\d+) (-->|-\.-x|---|-\.-) ([nj]\d+)")
_M_STYLE = re.compile(
    r"  style n\d+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},stroke-width:\d+px,color:#000000"
)
_M_JUNCTION_STYLE = re.compile(r"  style j\d+ fill:(#[0-9a-f]{6}),stroke:\1")
_M_ARROWS = {
    "-->": ("support", "conclusion"),
    "-.-x": ("attack", "conclusion"),
    "---": ("support", "premise"),
    "-.-": ("attack", "premise"),
}
_M_LINK_STYLE = re.compile(r"  linkStyle ([\d,]+) stroke:(#[0-9a-f]{6}),stroke-width:2px.*")
_M_ENTITY = re.compile(r"#(\d+|quot|lt|gt|amp);")
_M_NAMED = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
_M_SHAPES = {("([", "])"): "position", ("[/", "/]"): "evidence", ("(", ")"): "claim"}


@dataclass
class Flowchart:
    title: str | None = None
    direction: str = ""
    nodes: list[tuple[str, str, list[str]]] = field(default_factory=list)
    junctions: list[str] = field(default_factory=list)
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)
    styled: int = 0
    link_styles: dict[str, list[int]] = field(default_factory=dict)


def read_mermaid(text: str) -> Flowchart:
    """The flowchart's title, nodes (name, kind by shape, label lines with Mermaid's
    entity codes decoded), junctions, edges (type, role as in :func:`diagram_edges`,
    source, target) and styles."""
    chart = Flowchart()
    lines = text.splitlines()
    assert text.endswith("\n")
    if lines[0] == "---":
        m = _M_TITLE.fullmatch(lines[1])
        assert m is not None, lines[1]
        assert lines[2] == "---"
        chart.title = json.loads(m.group(1))
        lines = lines[3:]
    direction = re.fullmatch(r"flowchart (BT|TB|RL|LR)", lines[0])
    assert direction is not None, lines[0]
    chart.direction = direction.group(1)
    for line in lines[1:]:
        if line.startswith("  %%"):
            continue
        if node := _M_NODE.fullmatch(line):
            name, opening, label, closing = node.groups()
            assert '"' not in label, line
            decoded = [
                _M_ENTITY.sub(lambda m: _M_NAMED.get(m[1]) or chr(int(m[1])), part)
                for part in label.split("<br/>")
            ]
            chart.nodes.append((name, _M_SHAPES[opening, closing], decoded))
        elif junction := _M_JUNCTION.fullmatch(line):
            chart.junctions.append(junction.group(1))
        elif edge := _M_EDGE.fullmatch(line):
            source, arrow, target = edge.groups()
            chart.edges.append((*_M_ARROWS[arrow], source, target))
        elif _M_STYLE.fullmatch(line) or _M_JUNCTION_STYLE.fullmatch(line):
            chart.styled += 1
        elif link := _M_LINK_STYLE.fullmatch(line):
            chart.link_styles[link.group(2)] = [int(k) for k in link.group(1).split(",")]
        else:
            raise AssertionError(f"not a Mermaid flowchart statement: {line!r}")
    return chart


@EXPORT_SETTINGS
@given(g=st.one_of(graphs(), graphs(structures=True)))
def test_the_mermaid_export_reads_back(g: Graph) -> None:
    text = export_graph(g, "mermaid", semantics=None).decode()
    assert "\x00" not in text
    chart = read_mermaid(text)
    heading = g.model.question or g.model.title
    assert chart.title == (clean(fold(heading)) if heading else None)
    assert chart.direction == "BT"
    ids = list(g.claims)
    assert [name for name, _, _ in chart.nodes] == [f"n{i}" for i in range(len(ids))]
    assert [kind for _, kind, _ in chart.nodes] == [c.kind for c in g.claims.values()]
    for (_, _, label), claim in zip(chart.nodes, g.claims.values(), strict=True):
        flat = fold(claim.text)
        if len(flat) > 280:
            flat = flat[:279] + "…"
        # The label is wrapped into lines (a word longer than a line is cut in two).
        assert "".join("".join(label).split()) == "".join(clean(flat).split())
    assert chart.junctions == sorted(junctions(g).values(), key=lambda j: int(j[1:]))
    assert sorted(chart.edges) == diagram_edges(g)
    assert chart.styled == len(ids) + len(chart.junctions)
    for colour, kind in ((SUPPORT, "support"), (ATTACK, "attack")):
        indices = [k for k, (t, _, _, _) in enumerate(chart.edges) if t == kind]
        assert chart.link_styles.get(colour, []) == indices
