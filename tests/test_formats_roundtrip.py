"""Round trips on generated graphs: what a format can hold comes back unchanged.

- arggraph/1 -> AIF -> arggraph/1 is lossless with the ``arggraph`` object, and keeps
  every claim text, relation type and attribution (speaker, quote, full date) when
  only plain AIF survives (as after a trip through AIFdb or OVA);
- arggraph/1 -> GraphML -> arggraph/1 is lossless;
- arggraph/1 -> Argdown -> arggraph/1 keeps ids, texts (whitespace folded), kinds,
  base scores, dates, tags, attributions, actors, documents, and relations' ids, types,
  weights, schemes and attributions;
- apx, i23 and BAG -> arggraph/1 -> the same format gives back the same text;
- every export of every generated graph parses (DOT with pydot, AIF as JSON...).
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pydot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.formats import export_graph
from arggraph.formats.aif import EXTRA_KEY, from_aif, to_aif
from arggraph.formats.argdown import from_argdown, to_argdown
from arggraph.formats.bag import from_bag, to_bag
from arggraph.formats.escape import XML_FORBIDDEN
from arggraph.formats.graphml import from_graphml, to_graphml
from arggraph.formats.iccma import from_apx, from_i23, to_apx, to_i23
from arggraph.formats.report import Report
from arggraph.graph import Graph
from arggraph.model import Actor, Attribution, Claim, Document, GraphModel, Relation

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as people paste it: letters in several scripts, punctuation that means
# something to some format, quotes, backslashes, tabs and line breaks.
TEXT_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
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
def graphs(draw: Any, text: Any = texts, claim_ids: Any = ids) -> Graph:
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
    for k in range(draw(st.integers(0, 10))):
        relations.append(
            Relation(
                id=f"r{k}",
                type=draw(st.sampled_from(["support", "attack"])),
                source=draw(st.sampled_from(cids)),
                target=draw(st.sampled_from(cids)),
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
@given(graphs())
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
        (r.type, text_of[r.source], text_of[r.target], atts(r.attributions))
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
@given(graphs(text=xml_texts, claim_ids=xml_ids))
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
    assert back.claims[1].text == "fine \u202e" and back.claims[1].note == "nul\\x00"
    assert report.lines() == [
        "note: 2 texts held characters XML cannot carry, shown as escapes such as \\x1f"
    ]


one_line = st.text(TEXT_CHARS, min_size=1, max_size=40).filter(lambda t: t.strip() != "")
title_ids = st.text(
    st.sampled_from("abcxyz0123-_. /:#\"'<>&é{}@*"), min_size=1, max_size=10
).filter(lambda t: " ".join(t.split()) == t and t != "")


@SETTINGS
@given(graphs(text=one_line, claim_ids=title_ids))
def test_argdown_round_trip(g: Graph) -> None:
    back = from_argdown(to_argdown(g)).graph()

    def view(x: Graph) -> tuple[Any, ...]:
        claims = [
            (c.id, " ".join(c.text.split()), c.kind, c.base, c.date, c.tags, c.attributions)
            for c in x.claims.values()
        ]
        rels = sorted(
            (r.id, r.type, r.source, r.target, r.weight, r.scheme, r.attributions)
            for r in x.relations.values()
            if r.source != r.target
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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_every_text_export_parses(g: Graph) -> None:
    dot = export_graph(g, "dot", semantics=None, label="actors", cluster="actor").decode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = pydot.graph_from_dot_data(dot)
    assert parsed is not None and len(parsed) == 1
    json.loads(export_graph(g, "aif"))
    for fmt in ("mermaid", "argdown", "apx", "tgf", "i23", "bag", "graphml"):
        out = export_graph(g, fmt, semantics=None).decode()
        assert out.endswith("\n")
        assert "\x00" not in out
