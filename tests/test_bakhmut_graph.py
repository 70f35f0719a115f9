"""The bundled graph, graphs/bakhmut.json: complete, consistent and sourced to the word.

The quote checks read the source articles from ``../shared/seeds`` next to the
repository when that folder is present, and are skipped otherwise.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from _support import BAKHMUT, seeds

from arggraph import load
from arggraph.dates import date_bounds
from arggraph.quotes import find_quote

# Every actor the issue asks for, by id.
REQUIRED_ACTORS = {
    "kofman",
    "isw",
    "austin",
    "goemans",
    "us-officials",
    "biden-official",
    "pentagon",
    "zelensky",
    "ukrainian-top-brass",
    "ukrainian-commanders",
    "syrskyi",
    "cherevaty",
    "kukharchuk",
    "andrei",
    "prigozhin",
    "danilov",
    "muzyka",
    "uk-mod",
    "bnd",
    "washington-post",
    "economist",
    "webber",
}


@pytest.fixture(scope="module")
def graph():
    return load(BAKHMUT)


@pytest.fixture(scope="module")
def model(graph):
    return graph.model


def _attributed(model):
    """(owner id, attribution) for every attribution of every claim and relation."""
    for claim in model.claims:
        for att in claim.attributions:
            yield claim.id, att
    for rel in model.relations:
        for att in rel.attributions:
            yield rel.id, att


def test_identity(model):
    assert model.id == "bakhmut-2023"
    assert model.format == "arggraph/1"
    assert model.title
    assert model.question


def test_two_positions_attack_each_other(model):
    positions = {c.id for c in model.claims if c.kind == "position"}
    assert positions == {"withdraw", "hold"}
    attacks = {(r.source, r.target) for r in model.relations if r.type == "attack"}
    assert ("withdraw", "hold") in attacks
    assert ("hold", "withdraw") in attacks


def test_references_resolve(model):
    claims = {c.id for c in model.claims}
    actors = {a.id for a in model.actors}
    documents = {d.id for d in model.documents}
    for rel in model.relations:
        assert rel.source in claims, rel.id
        assert rel.target in claims, rel.id
    for owner, att in _attributed(model):
        assert att.actor in actors, owner
        assert att.document in documents, owner


def test_ids_unique(model):
    for items in (model.claims, model.relations, model.actors, model.documents):
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids))


def test_every_claim_reaches_a_position(model):
    out = defaultdict(set)
    for rel in model.relations:
        out[rel.source].add(rel.target)
    positions = {c.id for c in model.claims if c.kind == "position"}
    for claim in model.claims:
        seen, stack = {claim.id}, [claim.id]
        while stack:
            for nxt in out[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        assert seen & positions, f"{claim.id} reaches no position"


def test_relations_well_formed(model):
    types = defaultdict(set)
    for rel in model.relations:
        assert rel.source != rel.target, rel.id
        types[rel.source, rel.target].add(rel.type)
    both = [pair for pair, kinds in types.items() if len(kinds) > 1]
    assert not both, f"both support and attack: {both}"


def test_no_cycle_of_supports(model):
    out = defaultdict(list)
    for rel in model.relations:
        if rel.type == "support":
            out[rel.source].append(rel.target)
    state: dict[str, int] = {}

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in out[node]:
            assert state.get(nxt) != 1, f"support cycle through {node} -> {nxt}"
            if nxt not in state:
                visit(nxt)
        state[node] = 2

    for claim in model.claims:
        if claim.id not in state:
            visit(claim.id)


def test_every_item_is_attributed_with_quote_and_date(model):
    for item in [*model.claims, *model.relations]:
        assert item.attributions, f"{item.id} has no attribution"
        for att in item.attributions:
            assert att.document, item.id
            assert att.quote.strip(), item.id
            assert att.date, item.id


def test_attribution_dates_not_after_their_document(model):
    published = {d.id: d.published for d in model.documents}
    for owner, att in _attributed(model):
        assert date_bounds(att.date)[0] <= date_bounds(published[att.document])[1], owner


def test_documents_name_their_seed_files(model):
    for doc in model.documents:
        assert doc.file, doc.id
        assert doc.published, doc.id
        assert doc.title, doc.id
        assert doc.publisher or doc.author or doc.note, doc.id


def test_neutral_scores(model):
    assert all(c.base == 0.5 for c in model.claims)
    assert all(r.weight == 1.0 for r in model.relations)


def test_size(model):
    assert 60 <= len(model.claims) <= 100
    assert len(model.relations) > len(model.claims)
    kinds = {r.type for r in model.relations}
    assert kinds == {"support", "attack"}
    assert any(c.kind == "evidence" for c in model.claims)


def test_required_actors_present(model):
    missing = REQUIRED_ACTORS - {a.id for a in model.actors}
    assert not missing, f"missing actors: {sorted(missing)}"


def test_every_actor_is_cited(model):
    cited = {att.actor for _, att in _attributed(model)}
    unused = {a.id for a in model.actors} - cited
    assert not unused, f"actors never cited: {sorted(unused)}"


def test_isw_change_of_view_is_dated(model):
    isw = [c for c in model.claims if any(a.actor == "isw" for a in c.attributions)]
    dated = {c.id: {a.date for a in c.attributions if a.actor == "isw"} for c in isw}
    views = [
        "isw-2023-01-defence-sound",
        "isw-2023-01-opportunity-costs",
        "isw-2023-03-withdraw-smartest",
    ]
    for view in views:
        assert len(dated[view]) == 1, view
    assert len({next(iter(dated[v])) for v in views}) == 3
    attacks = {(r.source, r.target) for r in model.relations if r.type == "attack"}
    assert ("isw-2023-03-withdraw-smartest", "isw-2023-01-defence-sound") in attacks


def test_no_actor_contradicts_itself_on_one_date(model):
    attacks = {(r.source, r.target) for r in model.relations if r.type == "attack"}
    said = defaultdict(list)
    for claim in model.claims:
        for att in claim.attributions:
            said[att.actor].append((claim.id, date_bounds(att.date)))
    for actor, items in said.items():
        for a, (a0, a1) in items:
            for b, (b0, b1) in items:
                overlap = a0 <= b1 and b0 <= a1
                if overlap:
                    assert (a, b) not in attacks, f"{actor}: {a} attacks {b}"


def test_kofman_thread_is_cited_from_both_reports(model):
    claim = next(c for c in model.claims if c.id == "kofman-impede-offensive")
    assert {a.document for a in claim.attributions if a.actor == "kofman"} == {
        "report-2023-03-06",
        "wire-2023-03-06",
    }
    assert all(a.date == "2023-03-05" for a in claim.attributions)


@pytest.fixture(scope="module")
def seed_texts(model):
    folder = seeds()
    texts = {}
    for doc in model.documents:
        path = folder / doc.file
        assert path.is_file(), f"{doc.id}: no file {doc.file} in {folder}"
        texts[doc.id] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.realdata
def test_every_quote_is_verbatim_in_its_document(model, seed_texts):
    missing = [
        (owner, att.document, att.quote)
        for owner, att in _attributed(model)
        if find_quote(att.quote, seed_texts[att.document]) is None
    ]
    assert not missing, "quotes not found:\n" + "\n".join(map(str, missing))


def test_quotes_are_short(model):
    for owner, att in _attributed(model):
        assert len(att.quote) <= 320, f"{owner}: quote of {len(att.quote)} characters"
