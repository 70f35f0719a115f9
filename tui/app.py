"""The arggraph terminal application.

:class:`ArggraphApp` takes a graph that is already loaded (or the error that stopped it
from loading), so tests hand it small fixture graphs and the factory
(:func:`tui.factory.create_app`) does the file work for the command line.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.live import SourceWatcher
from arggraph.sheets import ScoreBook, current_user, default_sheet_path

from .render import flat
from .screens.dialogs import ChoiceScreen
from .screens.error import ErrorScreen
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .state import Session

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
    ) -> None:
        super().__init__()
        if graph is None and error is None:
            raise ValueError("give a graph, or the error that kept it from loading")
        self.graph = graph
        self.error = error
        self.bundled = bundled
        #: Watches the file the graph was read from, when it is a live source (a format
        #: another tool writes: Argdown...): the map follows its changes.
        self.watcher = watcher
        self.session: Session | None = None
        #: What the main screen says on opening about the panel's sheets (files of a
        #: folder left out, and why).
        self.notes = tuple(notes)
        if graph is not None and error is None:
            who = user if user is not None else current_user()
            if book is None:
                path = default_sheet_path(graph.id, user=who)
                book = ScoreBook(graph, path=path, scorer=who)
            try:
                self.session = Session(graph, book, semantics, others=others)
            except ArggraphError as exc:
                self.error = exc
        if graph is not None:
            # The title may reach the terminal's own title bar: control characters in it
            # must be shown, not obeyed.
            self.title = flat(graph.model.title or graph.id)

    def get_default_screen(self) -> Screen[None]:
        if self.session is None:
            assert self.error is not None
            return ErrorScreen(self.error)
        return MainScreen(
            self.session, bundled=self.bundled, notes=self.notes, watcher=self.watcher
        )

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
        if self.session is None or main is None or not self.session.own.dirty:
            self.exit()
            return
        if isinstance(self.screen, ChoiceScreen):
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

    def action_quit_now(self, code: int = 0) -> None:
        """Leave at once with exit ``code`` (the error screen's ``q``)."""
        self.exit(return_code=code)

    def action_help(self) -> None:
        """``?``: every key and what the marks mean."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
