"""The bundled graph, graphs/bakhmut.json (second edition): complete, consistent, sourced
to the word, and modelled as its articles argue.

The quote and hash checks read the source articles from ``../shared/seeds`` next to the
repository when that folder is present, and are skipped otherwise. The tests named after
an editorial fix hold the second edition to it (graphs/README.md lists the fixes by kind).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from _support import BAKHMUT, BAKHMUT_FIRST_EDITION, seeds

from arggraph import load, save, verdict
from arggraph.dates import date_bounds
from arggraph.graph import Graph
from arggraph.model import Attribution, GraphModel, Relation, ScoreSheet, WeightScore
from arggraph.quotes import find_quote

# Every actor the map cites, by id.
REQUIRED_ACTORS = {
    "kofman",
    "isw",
    "austin",
    "goemans",
    "us-officials",
    "biden-official",
    "pentagon",
    "zelensky",
    "zelensky-office",
    "kyiv-officials",
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
    "analysts",
    "western-analysts",
}

README = BAKHMUT.parent / "README.md"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load(BAKHMUT)


@pytest.fixture(scope="module")
def model(graph: Graph) -> GraphModel:
    return graph.model


def _attributed(model: GraphModel) -> Iterator[tuple[str, Attribution]]:
    """(owner id, attribution) for every attribution of every claim and relation."""
    for claim in model.claims:
        for att in claim.attributions:
            yield claim.id, att
    for rel in model.relations:
        for att in rel.attributions:
            yield rel.id, att


def _positions(model: GraphModel) -> set[str]:
    return {c.id for c in model.claims if c.kind == "position"}


def _between_positions(rel: Relation, positions: set[str]) -> bool:
    return {*rel.premises, rel.target} <= positions


def _by_id(model: GraphModel) -> dict[str, Relation]:
    return {r.id: r for r in model.relations}


def test_identity(model: GraphModel) -> None:
    assert model.id == "bakhmut-2023"
    assert model.format == "arggraph/1.1"
    assert model.title
    assert model.question


def test_two_positions_attack_each_other(model: GraphModel) -> None:
    assert _positions(model) == {"withdraw", "hold"}
    attacks = {(tuple(r.premises), r.target) for r in model.relations if r.type == "attack"}
    assert (("withdraw",), "hold") in attacks
    assert (("hold",), "withdraw") in attacks


def test_references_resolve(model: GraphModel) -> None:
    claims = {c.id for c in model.claims}
    relations = {r.id for r in model.relations}
    actors = {a.id for a in model.actors}
    documents = {d.id for d in model.documents}
    for rel in model.relations:
        assert set(rel.premises) <= claims, rel.id
        assert rel.target in claims | relations, rel.id
    for owner, att in _attributed(model):
        assert att.actor in actors, owner
        assert att.document in documents, owner


def test_ids_unique_in_one_namespace(model: GraphModel) -> None:
    ids = [c.id for c in model.claims] + [r.id for r in model.relations]
    assert len(ids) == len(set(ids))
    actors = [a.id for a in model.actors]
    documents = [d.id for d in model.documents]
    assert len(actors) == len(set(actors))
    assert len(documents) == len(set(documents))


def test_every_claim_reaches_a_position(model: GraphModel) -> None:
    """Along relations: a premise reaches its relation's target, and a claim that
    undercuts or backs a relation reaches what that relation bears on."""
    rels = _by_id(model)
    out: defaultdict[str, set[str]] = defaultdict(set)
    for rel in model.relations:
        for premise in rel.premises:
            out[premise].add(rel.target)
        out[rel.id].add(rel.target)
    positions = _positions(model)
    for claim in model.claims:
        seen, stack = {claim.id}, [claim.id]
        while stack:
            for nxt in out[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        assert seen & positions, f"{claim.id} reaches no position"
    assert rels  # the map has relations at all


def test_relations_well_formed(model: GraphModel) -> None:
    types: defaultdict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)
    for rel in model.relations:
        assert rel.target not in rel.premises, rel.id
        assert rel.target != rel.id, rel.id
        types[tuple(rel.premises), rel.target].add(rel.type)
    both = [pair for pair, kinds in types.items() if len(kinds) > 1]
    assert not both, f"both support and attack: {both}"


def test_no_cycle_of_supports(model: GraphModel) -> None:
    out: defaultdict[str, list[str]] = defaultdict(list)
    for rel in model.relations:
        if rel.type == "support":
            for premise in rel.premises:
                out[premise].append(rel.target)
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


def test_every_item_is_attributed_with_quote_and_date(model: GraphModel) -> None:
    """Every claim and relation but the positions' mutual attacks and the reconstructed
    premises cites a document and a quote, and is dated (its own date or its
    document's: an undated attribution is one the article does not date)."""
    positions = _positions(model)
    published = {d.id: d.published for d in model.documents}
    for claim in model.claims:
        if claim.reconstructed:
            assert not claim.attributions, claim.id
            assert claim.note, claim.id
            continue
        assert claim.attributions, f"{claim.id} has no attribution"
    for rel in model.relations:
        if _between_positions(rel, positions):
            assert rel.note, rel.id
            continue
        assert rel.attributions, f"{rel.id} has no attribution"
    for owner, att in _attributed(model):
        assert att.document, owner
        assert att.quote.strip(), owner
        assert att.date or published[att.document], owner


def test_attribution_dates_not_after_their_document(model: GraphModel) -> None:
    published = {d.id: d.published for d in model.documents}
    for owner, att in _attributed(model):
        assert att.document is not None, owner
        document_date = published[att.document]
        assert document_date is not None, att.document
        if att.date is not None:
            assert date_bounds(att.date)[0] <= date_bounds(document_date)[1], owner


def test_documents_name_their_seed_files_hashes_and_access(model: GraphModel) -> None:
    for doc in model.documents:
        assert doc.file, doc.id
        assert doc.published, doc.id
        assert doc.title, doc.id
        assert doc.publisher or doc.author or doc.note, doc.id
        assert doc.sha256, doc.id
        assert doc.accessed, doc.id


@pytest.mark.realdata
def test_document_hashes_match_the_seed_files(model: GraphModel) -> None:
    folder = seeds()
    for doc in model.documents:
        assert doc.file is not None, doc.id
        digest = hashlib.sha256((folder / doc.file).read_bytes()).hexdigest()
        assert digest == doc.sha256, doc.id


def test_neutral_scores(model: GraphModel) -> None:
    assert all(c.base == 0.5 for c in model.claims)
    assert all(r.weight == 1.0 for r in model.relations)


def test_size(model: GraphModel) -> None:
    assert 60 <= len(model.claims) <= 100
    assert len(model.relations) > len(model.claims)
    kinds = {r.type for r in model.relations}
    assert kinds == {"support", "attack"}
    assert any(c.kind == "evidence" for c in model.claims)


def test_the_new_structures_are_used(graph: Graph, model: GraphModel) -> None:
    linked = [r for r in model.relations if len(r.premises) > 1]
    aimed_at_relations = [r for r in model.relations if r.target in graph.relations]
    assert len(linked) >= 3
    assert len(aimed_at_relations) >= 3
    assert all(r.type == "attack" for r in aimed_at_relations)  # undercuts, no backings
    assert any(c.reconstructed for c in model.claims)
    assert any("/" in (att.date or "") for _, att in _attributed(model))


def test_relations_that_need_a_note_have_one(graph: Graph, model: GraphModel) -> None:
    """A relation whose paragraph or sign the quote alone does not make plain carries a
    note: undercuts, linked premises, and links between claims no article shares."""
    positions = _positions(model)  # a position is every article's question
    docs = {c.id: {a.document for a in c.attributions} for c in model.claims}
    for rel in model.relations:
        if rel.target in positions:
            continue
        if rel.target in graph.relations or len(rel.premises) > 1:
            assert rel.note, rel.id
            continue
        source_docs = set().union(*(docs[p] for p in rel.premises))
        if source_docs and docs[rel.target] and not source_docs & docs[rel.target]:
            assert rel.note, f"{rel.id} joins claims of different articles without a note"


def test_required_actors_present(model: GraphModel) -> None:
    missing = REQUIRED_ACTORS - {a.id for a in model.actors}
    assert not missing, f"missing actors: {sorted(missing)}"


def test_every_actor_is_cited(model: GraphModel) -> None:
    cited = {att.actor for _, att in _attributed(model)}
    unused = {a.id for a in model.actors} - cited
    assert not unused, f"actors never cited: {sorted(unused)}"


def test_isw_views_are_set_against_each_other_as_dated(model: GraphModel) -> None:
    published = {d.id: d.published for d in model.documents}
    claims = {c.id: c for c in model.claims}

    def when(cid: str) -> set[str | None]:
        return {a.date or published[a.document or ""] for a in claims[cid].attributions}

    assert when("isw-2023-01-defence-sound") == {"2023-01-26"}
    assert when("isw-2023-01-opportunity-costs") == {"2023-01-26"}
    assert when("isw-2023-03-withdraw-smartest") == {"2023-03-06"}
    attacks = {(tuple(r.premises), r.target) for r in model.relations if r.type == "attack"}
    assert (("isw-2023-03-withdraw-smartest",), "isw-2023-01-defence-sound") in attacks


def test_no_actor_contradicts_itself_on_one_date(model: GraphModel) -> None:
    published = {d.id: d.published for d in model.documents}
    attacks = {
        (r.premises[0], r.target) for r in model.relations if r.type == "attack" and r.source
    }
    said: defaultdict[str, list[tuple[str, tuple[date, date]]]] = defaultdict(list)
    for claim in model.claims:
        for att in claim.attributions:
            when = att.date or published[att.document or ""]
            assert when is not None, claim.id
            said[att.actor].append((claim.id, date_bounds(when)))
    for actor, items in said.items():
        for a, (a0, a1) in items:
            for b, (b0, b1) in items:
                overlap = a0 <= b1 and b0 <= a1
                if overlap:
                    assert (a, b) not in attacks, f"{actor}: {a} attacks {b}"


def test_kofman_thread_is_cited_from_both_reports(model: GraphModel) -> None:
    claim = next(c for c in model.claims if c.id == "kofman-impede-offensive")
    assert {a.document for a in claim.attributions if a.actor == "kofman"} == {
        "report-2023-03-06",
        "wire-2023-03-06",
    }
    assert all(a.date == "2023-03-05" for a in claim.attributions)


def test_load_and_save_is_a_fixed_point(graph: Graph, tmp_path: Path) -> None:
    once = tmp_path / "bakhmut.json"
    save(graph, once)
    again = load(once)
    assert again.model == graph.model
    assert again.model.format == "arggraph/1.1"


# ------------------------------------------------------------------ the editorial fixes
def test_attacks_on_inferences_where_the_articles_make_them(model: GraphModel) -> None:
    rels = _by_id(model)
    undercuts = {r.premises[0]: r.target for r in model.relations if r.target in rels}
    # Kofman grants the attrition and denies that it still justifies holding.
    assert undercuts["kofman-diminishing-returns"] == "support:goemans-attrition->hold"
    # Rationing would explain the shortage, not deny it.
    assert (
        undercuts["rationing-deliberate"]
        == "support:prigozhin-ammo-short->russia-offensive-potential-spent"
    )
    # A Pyrrhic win weakens the step from denying Russia a win to holding.
    assert undercuts["economist-pyrrhic"] == "support:deny-russia-win->hold"
    on_claims = {(r.premises[0], r.target) for r in model.relations if r.target not in rels}
    assert ("kofman-diminishing-returns", "goemans-attrition") not in on_claims
    assert ("kofman-diminishing-returns", "russia-bled-heavily") not in on_claims
    assert ("rationing-deliberate", "prigozhin-ammo-short") not in on_claims


def test_relations_aim_where_their_articles_aim(model: GraphModel) -> None:
    pairs = {(r.type, tuple(r.premises), r.target) for r in model.relations}
    # The Economist's criticism is of holding; the same paragraph affirms the symbol.
    assert ("attack", ("political-weight-over-necessity",), "hold") in pairs
    assert not any(
        t == "symbol-of-defiance" and p[0] == "political-weight-over-necessity" for _, p, t in pairs
    )
    symbol = next(c for c in model.claims if c.id == "symbol-of-defiance")
    assert "economist" in {a.actor for a in symbol.attributions}
    # Muzyka's parity speaks of Ukraine's losses matching Russia's.
    assert ("support", ("muzyka-parity",), "ukraine-losses-heavy") in pairs
    assert not any(p == ("muzyka-parity",) and t == "russia-bled-heavily" for _, p, t in pairs)


def test_figures_stay_in_their_context(model: GraphModel) -> None:
    """The July report's figures on the summer, when Ukraine attacked, bear on nothing
    about the winter defence."""
    ids = {c.id for c in model.claims}
    assert not {"syrskyi-eight-to-ten", "attacker-loses-more", "ukraine-conserving-lives"} & ids
    into_losses = {r.premises[0] for r in model.relations if r.target == "russia-bled-heavily"}
    assert "russian-morale-mutinies" not in into_losses


def test_reports_of_what_happens_are_no_reasons(model: GraphModel) -> None:
    ids = {c.id for c in model.claims}
    gone = {"zelensky-meeting", "withdrawal-may-be-underway", "troops-still-holding"}
    assert not gone & ids
    positions = _positions(model)
    into_positions = {r.premises[0] for r in model.relations if r.target in positions and r.source}
    assert "isw-gradual-withdrawal" not in into_positions


def test_paraphrases_hedge_as_their_sources_hedge(model: GraphModel) -> None:
    text = {c.id: c.text for c in model.claims}
    assert "does not appear" in text["not-encircled-yet"]
    assert "high possibility" in text["washington-expects-fall"]
    assert "suggests" in text["russia-surge-for-victory-day"]
    assert "may focus attention" in text["economist-pyrrhic"]
    assert "'ordinary bureaucracy or a betrayal'" in text["prigozhin-accuses-command"]
    quotes = [a.quote for c in model.claims for a in c.attributions if a.actor == "kukharchuk"]
    assert any("practically at their own soldiers" in q for q in quotes)
    austin = [a.quote for c in model.claims for a in c.attributions if a.actor == "austin"]
    assert "“building combat power”" in austin


def test_speakers_are_whom_the_articles_name(model: GraphModel) -> None:
    hold = next(c for c in model.claims if c.id == "hold")
    assert "ukrainian-top-brass" not in {a.actor for a in hold.attributions}
    for owner, att in _attributed(model):
        if att.actor == "western-analysts":
            assert "West" in att.quote, owner  # only where the article says Western


def test_last_week_is_a_range(model: GraphModel) -> None:
    bnd = next(c for c in model.claims if c.id == "bnd-hundreds-a-day")
    (att,) = bnd.attributions
    assert att.date is not None
    start, end = date_bounds(att.date)
    assert (start, end) == (date(2023, 1, 15), date(2023, 1, 22))


# ------------------------------------------------------------------ the verdict recorded
def _verdict_line(path: Path, semantics: str) -> str:
    g = load(path)
    sheet = None
    if semantics == "hcat":  # attacks only: every support weighted 0
        weights = {
            rid: WeightScore(weight=0.0) for rid, r in g.relations.items() if r.type == "support"
        }
        sheet = ScoreSheet(graph=g.id, scorer="attacks-only", weights=weights)
    v = verdict(g, semantics, sheet)
    w, h = v.strengths["withdraw"], v.strengths["hold"]
    return f"{v.leader} by {v.margin:.4f} ({w:.4f} to {h:.4f})"


@pytest.mark.parametrize("semantics", ["dfquad", "qe", "euler", "hcat"])
def test_graphs_readme_records_the_verdicts_before_and_after(semantics: str) -> None:
    row = next(
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `{semantics}`")
    )
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == _verdict_line(BAKHMUT_FIRST_EDITION, semantics)
    assert cells[2] == _verdict_line(BAKHMUT, semantics)


def test_graphs_readme_counts_are_the_maps() -> None:
    text = README.read_text(encoding="utf-8")
    first, second = load(BAKHMUT_FIRST_EDITION).model, load(BAKHMUT).model
    for m in (first, second):
        assert re.search(rf"\b{len(m.claims)} claims\b", text), len(m.claims)
        assert re.search(rf"\b{len(m.relations)} relations\b", text), len(m.relations)


# ------------------------------------------------------------------ quotes
@pytest.fixture(scope="module")
def seed_texts(model: GraphModel) -> dict[str, str]:
    folder = seeds()
    texts: dict[str, str] = {}
    for doc in model.documents:
        assert doc.file is not None, doc.id
        path = folder / doc.file
        assert path.is_file(), f"{doc.id}: no file {doc.file} in {folder}"
        texts[doc.id] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.realdata
def test_every_quote_is_verbatim_in_its_document(
    model: GraphModel, seed_texts: dict[str, str]
) -> None:
    missing = []
    for owner, att in _attributed(model):
        assert att.document is not None, owner
        if find_quote(att.quote, seed_texts[att.document]) is None:
            missing.append((owner, att.document, att.quote))
    assert not missing, "quotes not found:\n" + "\n".join(map(str, missing))


def test_quotes_are_short(model: GraphModel) -> None:
    for owner, att in _attributed(model):
        assert len(att.quote) <= 320, f"{owner}: quote of {len(att.quote)} characters"
