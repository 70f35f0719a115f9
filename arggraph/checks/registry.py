"""The rule catalogue: every check's stable code, name, severity and documentation.

Codes are an interface (scripts select, ignore and grep them), so they never change
meaning: a retired rule's code is not reused. Families share a letter: ``S`` structure
(is the graph coherent?), ``P`` provenance (is every statement sourced, and is the
source right?), ``R`` reasoning (do the actors' stances and the attacks add up?).

Selection follows ruff: a selector is a code (``S003``), a prefix of codes (``S``,
``P0``) or ``ALL``; of the selectors that match a code, the longest decides, and an
``ignore`` beats a ``select`` of the same length.

>>> rule("S003").name
'self-relation'
>>> sorted(select_rules(["P00"], ["P003", "P004"]))[:3]
['P001', 'P002', 'P005']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import UsageError
from .finding import Severity

__all__ = ["FAMILIES", "RULES", "Rule", "expand_selector", "rule", "select_rules"]

#: What each family letter stands for.
FAMILIES = {"S": "structure", "P": "provenance", "R": "reasoning"}


@dataclass(frozen=True)
class Rule:
    """One check: its code, its kebab-case name, its default severity, a one-line
    summary, the explanation ``arggraph rules CODE`` prints, and how to fix a finding.

    ``needs_documents`` rules run only when the documents' texts are given
    (``--documents DIR``).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    fix: str
    needs_documents: bool = False

    @property
    def family(self) -> str:
        """``structure``, ``provenance`` or ``reasoning``."""
        return FAMILIES[self.code[0]]


_CATALOGUE = [
    # ---------------------------------------------------------------- structure
    Rule(
        "S001",
        "unknown-reference",
        "error",
        "A relation or attribution refers to a claim, actor or document that does not exist.",
        "Every relation's source (or each of its linked sources) must be a claim of the "
        "graph, and its target a claim (or, in arggraph/1.1, a relation: a backing or an "
        "undercut); every "
        'attribution\'s actor and document must be declared under "actors" and '
        '"documents". A dangling reference is usually a typo, or an item renamed in one '
        "place only. A relation with a missing end is left out of every computation, so "
        "the graph says less than its file does.",
        "Correct the id (the hint names the closest existing ids), or add the missing item.",
    ),
    Rule(
        "S002",
        "duplicate-id",
        "error",
        "Two claims, two relations, two actors or two documents share an id.",
        "Ids are unique per kind: relations, attributions and score sheets name items by "
        "id, so of two items with one id only the first is ever used and the later one is "
        "silently ignored. A relation without an explicit id gets TYPE:SOURCE->TARGET "
        '(linked premises: TYPE+:["A","B"]->TARGET), so two identical relations without '
        "ids clash here too. In arggraph/1.1 claims and relations share one namespace, "
        "since a relation's target may name either: an id that names both is reported.",
        "Rename one of them, or merge the two into one item that keeps both attributions.",
    ),
    Rule(
        "S003",
        "self-relation",
        "error",
        "A relation joins a claim to itself.",
        "A claim cannot be a reason for itself, and a claim that attacks itself "
        "contradicts itself: in a debate map either is almost always a wrong source or "
        "target. A claim that is one of the linked premises of a relation aimed at it is "
        "reported too, and so is an arggraph/1.1 relation aimed at its own id (which "
        "loading a graph to compute on refuses). (Abstract frameworks from argumentation "
        "benchmarks do contain self-attacking arguments on purpose; ignore this rule for "
        "them.)",
        "Point the relation at the claim that was meant, or remove it.",
    ),
    Rule(
        "S004",
        "support-and-attack",
        "error",
        "Two claims are joined by both a support and an attack.",
        "If one claim supports another they stand together; if one attacks the other (in "
        "either direction) they conflict. Both at once cannot be right, and the semantics "
        "would count one claim for and against the other. Usually one relation has its "
        "type or direction wrong, or one claim says two things that should be two claims.",
        "Keep the relation the sources state, or split the claim that says two things.",
    ),
    Rule(
        "S005",
        "support-cycle",
        "error",
        "Claims support each other in a cycle.",
        "A cycle of supports (a supports b supports ... supports a) is circular reasoning: "
        "each claim in it is in the end a reason for itself, and gradual semantics then "
        "reward the circle rather than any evidence. Each premise of a linked support "
        "supports its conclusion here. Each group of claims that support "
        "one another in circles is reported once, with one cycle spelled out.",
        "Remove the support that closes the circle, usually the one from the more general "
        "claim back to the more specific one.",
    ),
    Rule(
        "S006",
        "unreachable-claim",
        "warning",
        "A claim reaches no position along relations.",
        "Every argument should bear on the question: a chain of supports and attacks "
        "should lead from each claim to a position. A claim that reaches none cannot move "
        "the verdict however it is scored: a relation is missing, or the claim does not "
        "belong to this debate. A claim that backs or undercuts a relation reaches "
        "wherever that relation leads. Not reported when the graph has no position (S008), "
        "nor for a claim that would reach one through a relation S001 or S003 reports as "
        "broken (an unknown premise or target, a relation aimed at itself): mending that "
        "relation connects it, so the one error stands for it.",
        "Add the relation that connects the claim to what it argues for or against, or "
        "remove the claim.",
    ),
    Rule(
        "S007",
        "unargued-position",
        "warning",
        "No argument bears on a position.",
        "A position that no claim supports or attacks, other than the positions it "
        "competes with, keeps its base score: no reason for or against it has been "
        "mapped. Attacks between positions say that they exclude each other, not why one "
        "is better, so they do not count as arguments here.",
        "Map the arguments for and against the position, or drop it if the debate does "
        "not consider it.",
    ),
    Rule(
        "S008",
        "no-positions",
        "warning",
        "The graph has no position.",
        "Positions are the answers to the graph's question: the verdict compares them and "
        "S006 measures every claim against them. A graph without one (an abstract "
        "framework, say) can still be scored, but nothing can be checked for relevance.",
        'Give the claims that answer the question the kind "position".',
    ),
    Rule(
        "S009",
        "duplicate-relation",
        "warning",
        "Two relations of the same type join the same two claims.",
        "Two supports (or two attacks) from one claim to another are each counted by "
        "every semantics, so the source weighs twice. Two actors making the same point "
        "is one relation with two attributions.",
        "Merge the relations into one that keeps every attribution.",
    ),
    Rule(
        "S010",
        "duplicate-claim",
        "warning",
        "Two claims have the same text.",
        "Texts that are equal up to case and spacing are usually one claim entered twice, "
        "often from two sources. Its relations are then split between two nodes, and "
        "each looks weaker than the claim is.",
        "Merge them into one claim carrying both attributions, and point their relations at it.",
    ),
    Rule(
        "S011",
        "single-linked-premise",
        "warning",
        'A relation lists one claim under "sources".',
        '"sources" holds linked premises: two or more claims that bear on the target only '
        "together (AIF's RA or CA node with several premises, Argdown's "
        "premise-conclusion structure). A list of one says no more than the relation from "
        "that claim, and is computed as one, but it usually shows a premise dropped while "
        "editing, or an importer that wrote every relation as linked.",
        'Write "source": "CLAIM" instead, or add the premises that bear on the target '
        "together with it.",
    ),
    Rule(
        "S012",
        "self-undercut",
        "error",
        "A premise of an inference attacks that inference.",
        "An attack aimed at a relation undercuts it: it disputes the step from the "
        "premises to the conclusion, not the conclusion (arggraph/1.1). When a premise of "
        "the undercutter is itself a premise of the inference it undercuts, one claim is "
        "offered both as a reason for the conclusion and as a reason why that very step "
        "fails: the map contradicts itself, or the attack is aimed at the wrong relation "
        "(often the one the claim takes part in). A linked undercutter counts when any of "
        "its premises is one. The semantics still compute it, which makes the premise "
        "weaken its own argument.",
        "Aim the attack at the relation that was meant, or take the claim out of the "
        "inference's premises if it argues against the step.",
    ),
    Rule(
        "S013",
        "control-character",
        "warning",
        "An id, a text, a name or a quote holds a control or invisible character.",
        "Control characters (escape sequences, carriage returns, bells, NUL, C1 controls, "
        "the bidirectional overrides that reorder what is shown) are invisible or obeyed "
        "where text is shown: copied out of a PDF or a web page, or put there on purpose, "
        "they make a claim read one way in a terminal or an editor and another in the "
        "file, and an id that holds one cannot be typed. arggraph shows every one as an "
        "escape (\\x1b) wherever it prints, so nothing is obeyed, but the text stays as "
        "it is. Invisible characters (zero-width space U+200B, soft hyphen U+00AD, U+FEFF, "
        "word joiner U+2060, Hangul fillers U+3164, tag characters) make two ids or texts "
        "that differ print alike, and are shown as escapes and reported too. Checked: the "
        "ids of claims, relations, actors and documents (tab and newline included, and "
        "every joiner, variation selector and blank other than the space, a trailing "
        "no-break space among them), and claims' texts, actors' names, documents' titles "
        "and quotes (tab and newline allowed there, and emoji sequences: a zero-width "
        "joiner between pictographs, a flag's tags).",
        "Delete the character, or replace it with what was meant (a space, a quote mark); "
        "the finding names it and where it is.",
    ),
    # ---------------------------------------------------------------- provenance
    Rule(
        "P001",
        "unattributed-claim",
        "warning",
        "A claim has no attribution.",
        "Every claim should say who made it, where, in which words and when: without that "
        "a reader cannot check it, and the reasoning rules cannot see who holds it. "
        "Positions are exempt: they are the question's possible answers, not anyone's "
        "statement (attribute one when an actor takes it). So are claims marked "
        '"reconstructed": premises the analyst made explicit, which nobody said.',
        "Add an attribution: actor, document, verbatim quote, date.",
    ),
    Rule(
        "P002",
        "unattributed-relation",
        "warning",
        "A relation has no attribution.",
        "That one claim supports or attacks another is itself a claim someone made; an "
        "unattributed relation is the map-maker's own inference. Relations between two "
        "positions are exempt: they only say that the positions exclude each other.",
        "Attribute the relation to the actor and the passage that draw the connection.",
    ),
    Rule(
        "P003",
        "missing-quote",
        "warning",
        "An attribution has no quote.",
        "The quote is the evidence that the actor said it: without one the attribution "
        'cannot be checked against its document. A claim marked "reconstructed" (a '
        "premise the analyst made explicit) has none to give and is exempt.",
        "Copy the shortest passage of the document that says it, verbatim.",
    ),
    Rule(
        "P004",
        "missing-date",
        "warning",
        "An attribution has no date, and its document has none either.",
        "Dates order what actors said: they tell a change of view (R002) from a "
        "contradiction (R001) and place the claim in the debate's timeline. An attribution "
        "without a date takes its document's publication date, so this fires only when "
        "neither is known.",
        "Date the attribution (when the actor said it), or give the document its publication date.",
    ),
    Rule(
        "P005",
        "missing-document",
        "warning",
        "An attribution cites no document.",
        "Without a document the quote has no source a reader can find, and nothing to be "
        "verified against.",
        'Add the source under "documents" and name it in the attribution.',
    ),
    Rule(
        "P006",
        "quote-not-found",
        "error",
        "A quote is not found in its document's text.",
        "With --documents DIR each quote is looked up in its document's text (the file "
        'the document\'s "file" names, in DIR). The comparison forgives typesetting and '
        "nothing else: runs of whitespace, curly quotes and apostrophes, dashes, the "
        'ellipsis character. Inside a quote "..." marks an omission (the parts must '
        "appear in order, close together) and a [bracketed] part an editorial insertion, "
        "which is not looked up. Letters are compared exactly: a quote is verbatim or it "
        "is not. The hint shows the passage of the document closest to the quote.",
        "Copy the quote again from the document; mark omissions with ... and insertions "
        "with [brackets].",
        needs_documents=True,
    ),
    Rule(
        "P007",
        "date-after-publication",
        "error",
        "An attribution is dated after its document was published.",
        "A document cannot report what was said after it appeared. A partial date stands "
        "for the whole period it names, and only a date surely after the publication is "
        "reported (2023-03 is not after 2023-03-06, 2023-04 is). An interval "
        "(2023-03-10/2023-03-20) is after when its start is; a publication interval ends "
        "on its last day; the message names the bounds compared. (An interval that ends "
        "before it starts is no rule's: it names no day at all, so loading refuses it "
        "with its place, as it refuses a base score of 2.)",
        "Correct the attribution's date or the document's publication date.",
    ),
    Rule(
        "P008",
        "missing-document-file",
        "error",
        "A document's text file is missing or unreadable in the documents folder.",
        'With --documents DIR, a document whose "file" is not in DIR (or is not UTF-8 '
        "text, or names a place outside DIR) leaves every quote from it unverified.",
        'Put the document\'s text in DIR under the name its "file" gives, or correct the name.',
        needs_documents=True,
    ),
    Rule(
        "P009",
        "unverifiable-document",
        "info",
        "A cited document has no text file, so its quotes cannot be verified.",
        "With --documents DIR, quotes are verified against their document's text; a "
        'document without "file" is skipped, and this says so rather than pass it '
        "silently.",
        "Save the document's text in DIR and name it in the document's \"file\".",
        needs_documents=True,
    ),
    Rule(
        "P010",
        "unused-actor",
        "info",
        "An actor is never cited.",
        "An actor that no attribution names adds nothing to the map, or shows an "
        "attribution that names someone else by mistake.",
        "Attribute their statements to them, or remove the actor.",
    ),
    Rule(
        "P011",
        "unused-document",
        "info",
        "A document is never cited.",
        "A document that no attribution names adds nothing to the map, or shows an "
        "attribution that names another document by mistake.",
        "Cite it where its statements are mapped, or remove it.",
    ),
    Rule(
        "P012",
        "duplicate-attribution",
        "warning",
        "A claim or relation carries the same attribution twice.",
        "Two attributions with the same actor, document, quote and date add nothing but "
        "weight in counts of who holds what; usually one was pasted twice.",
        "Remove the copy.",
    ),
    Rule(
        "P013",
        "document-changed",
        "warning",
        "A document's text file no longer matches the hash recorded for it.",
        'With --documents DIR, a document that records the "sha256" of its text file '
        "(the hex SHA-256 of the file's bytes, as sha256sum prints it) is compared with "
        "the file in DIR. A different hash means the text changed since the quotes were "
        "taken from it: re-fetched, edited or replaced by another version, so the quotes "
        "may no longer be verbatim even where they are still found.",
        "Check the quotes against the new text, then record its hash (the hint gives "
        'it), or put back the text that was quoted. Give "accessed" the day you read it.',
        needs_documents=True,
    ),
    Rule(
        "P014",
        "quoted-reconstruction",
        "warning",
        "A claim marked reconstructed carries a quote.",
        'A claim is "reconstructed" when the analyst made explicit a premise that nobody '
        "stated, so it has nothing to quote. A quote on it means someone did say it (then "
        "it is no reconstruction) or the quote belongs to another claim.",
        'Remove "reconstructed" if the quote says the claim, or move the quote to the '
        "claim it says.",
    ),
    Rule(
        "P015",
        "duplicate-actor",
        "warning",
        "Two actors have the same name.",
        "Actors with different ids whose names are the same, compared as a reader would "
        "(case, accents' Unicode forms and runs of spaces aside: 'Michael Kofman' and "
        "'MICHAEL KOFMAN'), are almost always one person or body entered twice, e.g. "
        "from two documents. Their attributions are then split between two ids, so "
        "counts of who holds what, and the checks that compare an actor's endorsements "
        "(R001, R002, R003), miss that they are one.",
        "Keep one id, change the other's attributions to it and remove the copy; if they "
        "really are two people of one name, tell them apart in their names "
        "('Michael Kofman (CNA)').",
    ),
    Rule(
        "P016",
        "unknown-illocution",
        "warning",
        "An attribution's illocution is not one of the IAT names.",
        "An attribution's illocution says how the actor said the claim, by the names of "
        "Inference Anchoring Theory (IAT) that AIFdb's corpora use: Asserting, Agreeing, "
        "Arguing, Restating, Assertive / Rhetorical Questioning, Popular Conceding commit "
        "the actor to the claim; Pure Questioning, Challenging, Disagreeing, Rejecting, "
        "Reporting and the others do not (README, Illocutions). A name not in that table "
        "commits the actor to nothing, so a typo ('Asertng') silently takes the claim out "
        "of what the actor endorses, and out of the reasoning checks (R001-R003).",
        "Write one of the IAT names (the hint gives the nearest; case and spaces do not "
        "matter), or remove the illocution if the actor simply said it.",
    ),
    # ---------------------------------------------------------------- reasoning
    Rule(
        "R001",
        "conflicting-endorsement",
        "error",
        "An actor endorses two claims at the same time, one attacking the other.",
        "An actor endorses a claim when one of its attributions names them and commits "
        "them to it: an attribution without an illocution does, and so does one whose "
        "illocution commits the speaker (Asserting, Agreeing, Assertive or Rhetorical "
        "Questioning...; not Pure Questioning, Challenging or Disagreeing: the table in "
        "README.md, after the IAT annotation guidelines). This rule is "
        "the conflict-freeness of each actor's endorsed claims under the attack relation, "
        "checked pair by pair so that every finding names the two claims: a set is "
        "conflict-free exactly when no member attacks another. A conflict between "
        "attributions of possibly the same day is an error: the actor contradicts "
        "themselves, or an attribution is wrong (often a claim attributed to the actor "
        "who only reported it). Dates are periods: two are at the same time unless one is "
        "surely before the other, and an undated attribution may be at any time. If every "
        "date of one claim is surely before every date of the other, it is a change of "
        "view instead (R002, info). Linked premises count together: an actor endorsing "
        "every premise of a linked attack and its target, possibly all on one day, "
        "conflicts with themselves. Attacks of weight 0 and attacks on relations "
        "(undercuts) do not count; two positions are R003's.",
        "Attribute each claim to the actor who made it; if the actor changed their mind, "
        "date both attributions so the change shows as R002.",
    ),
    Rule(
        "R002",
        "change-of-view",
        "info",
        "An actor endorsed conflicting claims at different dates: a change of view.",
        "The conflict of R001 (one endorsed claim attacks the other) or of R003 (two "
        "positions), but every date of the one is surely before every date of the other: "
        "the actor changed their view. Reported once per actor and pair of claims, with "
        "the dates of both.",
        "Nothing to fix; check that the dates are right.",
    ),
    Rule(
        "R003",
        "both-positions",
        "error",
        "An actor endorses two positions at the same time.",
        "Positions are alternative answers to the question: an actor endorsing two at "
        "once (as R001 counts endorsement) takes both sides, or an attribution is "
        "misplaced (reporting a view is not endorsing it). At dates surely apart it is a "
        "change of view (R002).",
        "Attribute each position to who takes it; date the attributions if the actor "
        "changed sides.",
    ),
    Rule(
        "R004",
        "failed-rebuttal",
        "info",
        "A claim is attacked only by claims outside the grounded extension.",
        "The grounded extension holds the claims that stand on the attack relation alone, "
        "for the most sceptical reader (Dung 1995): those nothing attacks, those defended "
        "by them, and so on. When every attacker of a claim is outside it (defeated by a "
        "claim that stands, or undecided), the rebuttals of the claim fail on their own "
        "terms: the map itself answers them. Worth knowing when reading the debate; not a "
        "fault. Attacks of weight 0 do not count; score sheets are not applied. Linked "
        "premises attack together: such an attack stands when its argument is in the "
        "grounded extension of the flattened framework, and is named by its premises "
        "('p' + 'q').",
        "Nothing to fix.",
    ),
]

#: Every rule by code, in catalogue order.
RULES: dict[str, Rule] = {r.code: r for r in _CATALOGUE}
_BY_NAME = {r.name: r for r in _CATALOGUE}


#: Letters typed for the digits they look like, in a code's number (``S0O3``).
_LOOKALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _did_you_mean(word: str) -> str:
    """The codes and names closest to ``word``; a code whose number has a letter for a
    digit it looks like comes first, and equally close codes come in catalogue order.

    >>> _did_you_mean("S0O3"), _did_you_mean("self-relatoin")
    ('; did you mean S003, S001, S002?', '; did you mean self-relation?')
    """
    upper = word.upper()
    code = upper[:1] + upper[1:].translate(_LOOKALIKE)
    scored = [(difflib.SequenceMatcher(None, code, c).ratio(), c) for c in RULES]
    close = [c for score, c in sorted(scored, key=lambda sc: -sc[0]) if score >= 0.5][:3]
    close += difflib.get_close_matches(word.lower(), list(_BY_NAME), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def rule(code: str) -> Rule:
    """The rule with this code (or kebab-case name), case-insensitively.

    >>> rule("r002").name, rule("change-of-view").code
    ('change-of-view', 'R002')
    """
    found = RULES.get(code.upper()) or _BY_NAME.get(code.lower())
    if found is None:
        raise UsageError(
            f"no rule {code!r}{_did_you_mean(code)}", hint="`arggraph rules` lists them"
        )
    return found


def expand_selector(selector: str) -> list[str]:
    """The codes a selector stands for: ``ALL``, a family letter, a code prefix, a code
    or a rule name; :class:`~arggraph.errors.UsageError` when it matches none.

    >>> expand_selector("S00")[:2], expand_selector("self-relation")
    (['S001', 'S002'], ['S003'])
    """
    sel = selector.strip()
    if sel.upper() == "ALL":
        return list(RULES)
    if sel.lower() in _BY_NAME:
        return [_BY_NAME[sel.lower()].code]
    codes = [c for c in RULES if c.startswith(sel.upper())] if sel else []
    if not codes:
        raise UsageError(
            f"unknown rule selector {selector!r}{_did_you_mean(sel)}",
            hint="a selector is a code (S003), a prefix (S, P0), a rule name "
            "(self-relation) or ALL; `arggraph rules` lists the codes and names",
        )
    return codes


def _specificity(selector: str) -> int:
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 0
    if sel.lower() in _BY_NAME:
        return 4
    return len(sel)


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
) -> frozenset[str]:
    """The codes enabled by ``select`` (default ``ALL``), ``extend_select`` and ``ignore``.

    For each code the most specific matching selector decides (``--select P006 --ignore
    P`` keeps P006); on a tie the ignore wins.

    >>> sorted(select_rules(["S00"], ["S003", "S004", "S005", "S006", "S007"]))
    ['S001', 'S002', 'S008', 'S009']
    >>> sorted(select_rules(["P006"], ["P"])), sorted(select_rules(["P"], ["P"]))
    (['P006'], [])
    """
    chosen = list(select) if select is not None else ["ALL"]
    chosen += list(extend_select)
    best: dict[str, tuple[int, bool]] = {}
    for enable, selectors in ((True, chosen), (False, list(ignore or ()))):
        for sel in selectors:
            level = _specificity(sel)
            for code in expand_selector(sel):
                old = best.get(code)
                if old is None or level > old[0] or (level == old[0] and not enable):
                    best[code] = (level, enable)
    return frozenset(code for code in RULES if best.get(code, (0, False))[1])
