"""Every key of the main screen, in the sections the help screen lists them under.

One list feeds both the screen's ``BINDINGS`` and the ``?`` help, so the help can never
miss a key. Keys handled by the tree itself (arrows, ``j``/``k``, Enter) are listed by the
help from :class:`~tui.widgets.tree.DebateTree` and Textual's ``Tree``.
"""

from __future__ import annotations

from textual.binding import Binding

from arggraph.semantics.registry import GRADUAL

__all__ = ["DIGITS", "FOOTER", "SECTIONS", "main_bindings"]

DIGITS = Binding.Group("set score", compact=True)

_digits = [
    Binding(
        str(d),
        f"set_score({d / 10})",
        "score" if d == 0 else f"set the score to 0.{d}",
        show=d == 0,
        key_display="0-9" if d == 0 else str(d),
        id=f"score.{d}",
        group=DIGITS,
    )
    for d in range(10)
]

SECTIONS: list[tuple[str, list[Binding]]] = [
    (
        "Move",
        [
            Binding(
                "backspace",
                "back",
                "back",
                show=False,
                id="move.back",
                tooltip="go back to where the last jump (Enter, search, a check) started",
            ),
            Binding(
                "slash",
                "search",
                "search",
                key_display="/",
                id="move.search",
                tooltip="search claim texts, quotes and actor names; Enter goes to the claim",
            ),
            Binding(
                "tab",
                "app.focus_next",
                "pane",
                show=False,
                id="move.pane",
                tooltip="move between the tree and the For/against list of the claim",
            ),
            Binding(
                "ctrl+down",
                "scroll_side(3)",
                "scroll down",
                show=False,
                key_display="ctrl+↓",
                id="move.side-down",
                tooltip="scroll the claim's panel down",
            ),
            Binding(
                "ctrl+up",
                "scroll_side(-3)",
                "scroll up",
                show=False,
                key_display="ctrl+↑",
                id="move.side-up",
                tooltip="scroll the claim's panel up",
            ),
        ],
    ),
    (
        "Score the focused claim (or its link, after w)",
        [
            *_digits,
            Binding(
                "=",
                "set_score(1.0)",
                "set the score to 1.0",
                show=False,
                key_display="=",
                id="score.one",
            ),
            Binding(
                "+",
                "nudge(0.05)",
                "raise the score by 0.05",
                show=False,
                key_display="+",
                id="score.up",
            ),
            Binding(
                "-",
                "nudge(-0.05)",
                "lower the score by 0.05",
                show=False,
                key_display="-",
                id="score.down",
            ),
            Binding(
                "s",
                "type_score",
                "type",
                show=False,
                id="score.type",
                tooltip="type an exact score (a number from 0 to 1)",
            ),
            Binding(
                "r",
                "reset_score",
                "back to the graph's value",
                show=False,
                id="score.reset",
                tooltip="drop your score: back to the graph's own base (or link weight)",
            ),
            Binding(
                "w",
                "toggle_link",
                "claim/link",
                id="score.mode",
                tooltip="switch the keys between scoring the claim's base (is it true?) and "
                "the weight of its link to the claim above (does it matter here?); on an "
                "inference (∴) they score its weight",
            ),
        ],
    ),
    (
        "Look at it another way",
        [
            Binding(
                "a",
                "lens",
                "lens",
                id="view.lens",
                tooltip="actor lens: mark one actor's claims and compute the verdict from "
                "them alone",
            ),
            Binding(
                "t",
                "timeline",
                "timeline",
                id="view.timeline",
                tooltip="timeline: the debate as it stood at the end of a date",
            ),
            Binding(
                "left_square_bracket",
                "step_day(-1)",
                "timeline: earlier date",
                show=False,
                key_display="[",
                id="view.earlier",
            ),
            Binding(
                "right_square_bracket",
                "step_day(1)",
                "timeline: later date",
                show=False,
                key_display="]",
                id="view.later",
            ),
            Binding(
                "m",
                "semantics",
                "semantics",
                id="view.semantics",
                tooltip="switch the gradual semantics: " + ", ".join(GRADUAL),
            ),
            Binding(
                "x",
                "extensions",
                "extensions",
                id="view.extensions",
                tooltip="Dung's grounded and preferred extensions of what is in view",
            ),
            Binding(
                "d",
                "findings",
                "checks",
                id="view.findings",
                tooltip="what arggraph check finds; Enter goes to the claim concerned",
            ),
        ],
    ),
    (
        "A panel of score sheets (--scores more than once, or a folder)",
        [
            Binding(
                "v",
                "scorer",
                "whose scores",
                show=False,
                id="panel.scorer",
                tooltip="pick whose sheet drives the strengths and the verdict: yours is the "
                "only one scored and saved, the others are read-only",
            ),
            Binding(
                "p",
                "panel",
                "panel view",
                show=False,
                id="panel.view",
                tooltip="where the sheets disagree: each claim's spread, every scorer's value, "
                "and ◆ where the disagreement alone flips the verdict",
            ),
        ],
    ),
    (
        "Edit the debate (ctrl+z undoes graph edits and scores alike)",
        [
            Binding(
                "n",
                "edit_add",
                "add claim",
                id="edit.add",
                tooltip="add a claim supporting or attacking the focused claim (backing or "
                "undercutting the focused inference ∴), or a new position",
            ),
            Binding(
                "c",
                "edit_change",
                "change claim",
                show=False,
                id="edit.change",
                tooltip="change the focused claim's text, kind, tags and date",
            ),
            Binding(
                "i",
                "edit_link",
                "link a claim",
                show=False,
                id="edit.link",
                tooltip="a claim you pick by search supports or attacks the focused one",
            ),
            Binding(
                "g",
                "edit_group",
                "link premises",
                show=False,
                id="edit.group",
                tooltip="a claim you pick by search joins the premises of the focused link: "
                "they bear on the claim above only together",
            ),
            Binding(
                "u",
                "edit_undercut",
                "undercut",
                show=False,
                id="edit.undercut",
                tooltip="add a claim that undercuts the focused link: it denies the step "
                "from the premises to the claim above, not the claim",
            ),
            Binding(
                "y",
                "edit_flip",
                "support/attack",
                show=False,
                id="edit.flip",
                tooltip="the focused link supports instead of attacking, or the other way",
            ),
            Binding(
                "delete",
                "edit_delete",
                "delete",
                show=False,
                key_display="del",
                id="edit.delete",
                tooltip="delete the focused claim or only its link, after showing what hangs on it",
            ),
            Binding(
                "o",
                "edit_sources",
                "actors & documents",
                show=False,
                id="edit.sources",
                tooltip="the actors and documents: add, change, remove; attribute the "
                "focused claim (Enter) or its link (r) to an actor; change or remove their "
                "attributions",
            ),
            Binding(
                "f",
                "edit_quote",
                "quotes",
                id="edit.quote",
                tooltip="the focused claim's quotes (its link's, after w; an inference's) in "
                "their context, ✗ where the text no longer holds one; pick a new quote from a "
                "document's text (arggraph tui --documents DIR) or a text file",
            ),
            Binding(
                "ctrl+z",
                "edit_undo",
                "undo",
                id="edit.undo",
                tooltip="undo the last change: a graph edit or a score",
            ),
            Binding(
                "ctrl+y",
                "edit_redo",
                "redo",
                show=False,
                id="edit.redo",
                tooltip="redo the last change undone",
            ),
            Binding(
                "ctrl+g",
                "edit_save",
                "save graph",
                id="edit.save",
                tooltip="save the graph file (your edits; scores go to your sheet with "
                "ctrl+s); never over a file changed on disk without asking",
            ),
        ],
    ),
    (
        "Files and the rest",
        [
            Binding(
                "e",
                "export",
                "export",
                id="file.export",
                tooltip="export what is in view as a Graphviz diagram (SVG or DOT)",
            ),
            Binding(
                "ctrl+s",
                "save",
                "save scores",
                id="file.save",
                tooltip="save your scores to your score sheet (ctrl+g saves the graph's edits)",
            ),
            Binding(
                "q",
                "app.quit",
                "quit",
                id="app.quit",
                tooltip="quit (asks first when scores are unsaved)",
            ),
            Binding(
                "question_mark",
                "app.help",
                "help",
                key_display="?",
                id="app.help",
                tooltip="this help: every key and what the marks mean",
            ),
        ],
    ),
]

#: The footer's order: what a newcomer needs first. Bindings not named here follow.
FOOTER = (
    "app.help",
    "move.search",
    "score.0",
    "score.type",
    "score.mode",
    "view.lens",
    "view.timeline",
    "view.semantics",
    "view.extensions",
    "view.findings",
    "edit.add",
    "edit.quote",
    "edit.undo",
    "file.export",
    "file.save",
    "edit.save",
    "app.quit",
)


def main_bindings() -> list[Binding]:
    """The main screen's bindings, in the footer's order."""
    every = [b for _, bindings in SECTIONS for b in bindings]
    rank = {bid: i for i, bid in enumerate(FOOTER)}
    return sorted(every, key=lambda b: rank.get(b.id or "", len(FOOTER)))
