"""The arggraph terminal application.

:class:`ArggraphApp` takes a graph that is already loaded (or the error that stopped it
from loading), so tests hand it small fixture graphs and the factory
(:func:`tui.factory.create_app`) does the file work for the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App
from textual.screen import Screen

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.live import SourceWatcher
from arggraph.sheets import ScoreBook, current_user, default_sheet_path

from .render import flat, home_short, literal
from .screens.create import CreateScreen
from .screens.dialogs import ChoiceScreen
from .screens.error import ErrorScreen
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .state import Session

#: What opens a graph that loaded late (a live source fixed while its error showed): the
#: user's score book, the panel's books and the panel's notes.
Opener = Callable[[Graph], tuple[ScoreBook, Sequence[ScoreBook], Sequence[str]]]

__all__ = ["ArggraphApp"]


class ArggraphApp(App[None]):
    """Walk a debate, score its arguments, watch the verdict move."""

    CSS_PATH = "app.tcss"
    #: Screens narrower than 100 columns get ``-narrow``: the tree and the dialogs take
    #: more of the width there (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    TITLE = "arggraph"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        graph: Graph | None = None,
        *,
        book: ScoreBook | None = None,
        others: Sequence[ScoreBook] = (),
        notes: Sequence[str] = (),
        semantics: str = "dfquad",
        error: ArggraphError | None = None,
        bundled: bool = False,
        user: str | None = None,
        watcher: SourceWatcher | None = None,
        missing: Path | None = None,
        documents: Path | None = None,
        reopen: Opener | None = None,
    ) -> None:
        super().__init__()
        if graph is None and error is None and missing is None:
            raise ValueError("give a graph, the error that kept it from loading, or a path")
        #: A graph file to offer to create (``arggraph tui NEW.json``).
        self.missing = missing
        self._semantics = semantics
        self._user = user
        #: The folder of the documents' texts (``arggraph tui --documents DIR``).
        self._documents = documents
        self.graph = graph
        self.error = error
        self.bundled = bundled
        #: Watches the file the graph was read from, when it is a live source (a format
        #: another tool writes: Argdown...): the map follows its changes.
        self.watcher = watcher
        #: With an ``error`` and a ``watcher``: the source did not read at start; the
        #: error screen follows the file and this opens the graph once it reads.
        self._reopen = reopen
        self.session: Session | None = None
        #: What the main screen says on opening about the panel's sheets (files of a
        #: folder left out, and why).
        self.notes = tuple(notes)
        #: The user chose to quit without saving the graph's edits.
        self._leave_graph = False
        if graph is not None and error is None:
            who = user if user is not None else current_user()
            if book is None:
                path = default_sheet_path(graph.id, user=who)
                book = ScoreBook(graph, path=path, scorer=who)
            try:
                self.session = Session(graph, book, semantics, others=others)
                self.session.documents = documents
            except ArggraphError as exc:
                self.error = exc
        if graph is not None:
            # The title may reach the terminal's own title bar: control characters in it
            # must be shown, not obeyed.
            self.title = flat(graph.model.title or graph.id)

    def get_default_screen(self) -> Screen[None]:
        if self.session is None and self.missing is not None and self.error is None:
            return CreateScreen(self.missing)
        if self.session is None:
            assert self.error is not None
            following = self.watcher if self._reopen is not None and self.graph is None else None
            return ErrorScreen(self.error, watcher=following)
        return MainScreen(
            self.session, bundled=self.bundled, notes=self.notes, watcher=self.watcher
        )

    @on(CreateScreen.Created)
    def _created(self, message: CreateScreen.Created) -> None:
        """The new debate is on disk: open it as if it had been given."""
        graph = message.graph
        who = self._user if self._user is not None else current_user()
        book = ScoreBook(graph, path=default_sheet_path(graph.id, user=who), scorer=who)
        self._show(graph, Session(graph, book, self._semantics))
        self.notify(
            flat(f"Created {graph.path}: n adds a claim, c renames a position, ctrl+g saves."),
            markup=False,
        )

    @on(ErrorScreen.Recovered)
    def _recovered(self, message: ErrorScreen.Recovered) -> None:
        """The live source reads now: open its map in place of the error."""
        assert self._reopen is not None
        graph = message.graph
        try:
            book, others, notes = self._reopen(graph)
            session = Session(graph, book, self._semantics, others=others)
        except ArggraphError as exc:  # the sheet, not the file: the screen says so
            self.error = exc
            if isinstance(self.screen, ErrorScreen):
                self.screen.show(exc)
            return
        self.error, self.notes = None, tuple(notes)
        self._show(graph, session, watcher=self.watcher)

    def _show(self, graph: Graph, session: Session, watcher: SourceWatcher | None = None) -> None:
        """Open ``graph``'s ``session`` on the main screen, over the screen that was
        shown instead (a new debate's form, a live source's error)."""
        session.documents = self._documents
        self.graph, self.session = graph, session
        self.title = flat(graph.model.title or graph.id)
        self.push_screen(MainScreen(session, notes=self.notes, watcher=watcher))

    @property
    def main_screen(self) -> MainScreen | None:
        """The main screen, when the graph loaded."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    async def action_quit(self) -> None:
        """``q``: quit, asking first when there are unsaved scores."""
        main = self.main_screen
        if isinstance(self.screen, ChoiceScreen):
            return
        graph_dirty = self.session is not None and self.session.editor.dirty
        if graph_dirty and main is not None and not self._leave_graph:
            self._ask_graph(main)
            return
        if self.session is None or main is None or not self.session.own.dirty:
            self.exit()
            return
        count = self.session.own.unsaved
        message = Text(
            f"You have {count} unsaved score change{'s' if count != 1 else ''}.\n"
            "Save them to your score sheet before quitting?"
        )

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.exit()
            elif choice == "save":
                main.save_scores(lambda ok: self.exit() if ok else None)

        self.push_screen(
            ChoiceScreen(
                "Unsaved scores",
                message,
                [
                    ("save", "Save and quit", "s"),
                    ("discard", "Quit without saving", "d"),
                    ("cancel", "Cancel", "c"),
                ],
            ),
            answer,
        )

    def _ask_graph(self, main: MainScreen) -> None:
        """Quitting with unsaved edits to the graph: save them, drop them, or stay."""
        assert self.session is not None
        editor = self.session.editor
        where = home_short(editor.graph.path) if editor.graph.path is not None else "a new file"
        message = literal(f"The graph has unsaved edits.\nSave them to {where} before quitting?")

        def answer(choice: str | None) -> None:
            if choice == "save":
                main.editing.save()
                if not editor.dirty:
                    self.call_later(self.action_quit)
            elif choice == "discard":
                self._leave_graph = True
                self.call_later(self.action_quit)

        self.push_screen(
            ChoiceScreen(
                "Unsaved edits",
                message,
                [
                    ("save", "Save the graph", "s"),
                    ("discard", "Do not save it", "d"),
                    ("cancel", "Cancel", "c"),
                ],
            ),
            answer,
        )

    def action_quit_now(self, code: int = 0) -> None:
        """Leave at once with exit ``code`` (the error screen's ``q``)."""
        self.exit(return_code=code)

    def action_help(self) -> None:
        """``?``: every key and what the marks mean."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
