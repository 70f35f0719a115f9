"""Which ways of saying something commit the speaker to it: the one table of illocutions.

Argument corpora annotated in Inference Anchoring Theory (IAT), as AIFdb's are (QT30,
US2016, the Moral Maze), tie each utterance to what it says by an *illocutionary
connection* (an AIF YA node): the speaker asserted it, or only asked about it, or
challenged it. An attribution keeps that as its ``illocution``
(:class:`~arggraph.model.Attribution`); the AIF import fills it in, and the checks
(``R001``-``R003``) count an actor as endorsing a claim only when one of its attributions
commits them: an attribution without an illocution (a plain "who said it") commits, and
so does one whose illocution this table lists as committing. A name the table does not
know commits no one.

The commitments follow the IAT annotation guidelines of the Centre for Argument
Technology (https://arg-tech.org), by which AIFdb's corpora were annotated, and the model
they rest on: K. Budzynska, M. Janier, C. Reed, P. Saint-Dizier, M. Stede and
O. Yaskorska, "A Model for Processing Illocutionary Structures and Argumentation in
Debates", Proceedings of LREC 2014; their use in J. Visser et al., "Argumentation in the
2016 US presidential elections: annotated corpora of television debates and social media
reaction", Language Resources and Evaluation 54 (2020), and in A. Hautli-Janisz et al.,
"QT30: A Corpus of Argument and Conflict in Broadcast Debate", Proceedings of LREC 2022.
*Reporting* is arggraph's name for the reporter's side of reported speech (an AIF
L -> YA -> L chain): IAT reads the reporter as committed to the report, not to what it
reports.

>>> commits(None), commits("Asserting"), commits("PureQuestioning"), commits("Ironising")
(True, True, False, False)
>>> canonical("AssertiveQuestioning"), canonical("Something else ")
('Assertive Questioning', 'Something else')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ILLOCUTIONS", "Illocution", "canonical", "commits", "lookup"]


@dataclass(frozen=True)
class Illocution:
    """One illocutionary connection: its IAT name, whether it commits the speaker to
    the claim it anchors, and what the speaker does."""

    name: str
    commits: bool
    meaning: str


#: The table: committing illocutions first, then those that commit the speaker to
#: nothing they anchor. README.md shows the same table (a test keeps them equal).
ILLOCUTIONS: tuple[Illocution, ...] = (
    Illocution("Asserting", True, "states the claim as their own opinion"),
    Illocution("Agreeing", True, "says they share the other speaker's opinion"),
    Illocution("Arguing", True, "gives one claim as a reason for another"),
    Illocution("Restating", True, "says the claim again in other words"),
    Illocution(
        "Assertive Questioning", True, "asks about the claim and gives their own opinion on it"
    ),
    Illocution("Rhetorical Questioning", True, "states their opinion in the form of a question"),
    Illocution(
        "Popular Conceding", True, "grants the claim as common knowledge, needing no defence"
    ),
    Illocution("Pure Questioning", False, "asks for the other's opinion without giving theirs"),
    Illocution("Questioning", False, "asks about the claim (read as Pure Questioning)"),
    Illocution("Pure Challenging", False, "asks the other for their reasons for the claim"),
    Illocution("Challenging", False, "asks for reasons (read as Pure Challenging)"),
    Illocution("Assertive Challenging", False, "asks for reasons and gives the opposite opinion"),
    Illocution(
        "Rhetorical Challenging", False, "states the opposite opinion in the form of a challenge"
    ),
    Illocution(
        "Disagreeing",
        False,
        "says they do not share the opinion: on a conflict (CA) it is who attacks, "
        "on the claim itself no endorsement",
    ),
    Illocution("Rejecting", False, "rejects the claim"),
    Illocution("Default Illocuting", False, "an anchor whose force the analyst left unnamed"),
    Illocution("Reporting", False, "reports what someone else said (reported speech)"),
)


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name).lower()


_BY_KEY = {_key(i.name): i for i in ILLOCUTIONS}


def lookup(name: str) -> Illocution | None:
    """The table's entry for ``name``, however it is spaced or cased (AIFdb writes both
    ``Pure Questioning`` and ``PureQuestioning``), or ``None``."""
    return _BY_KEY.get(_key(name))


def canonical(name: str) -> str:
    """The table's spelling of ``name`` if it knows it, else ``name`` stripped."""
    entry = lookup(name)
    return entry.name if entry is not None else name.strip()


def commits(illocution: str | None) -> bool:
    """Whether an attribution with this illocution makes its actor endorse what it is
    attached to: ``None`` (no illocution given) does; a name does when the table says
    so; a name the table does not know does not."""
    if illocution is None:
        return True
    entry = lookup(illocution)
    return entry is not None and entry.commits
