"""``ctrl+s`` (and quitting with unsaved scores): save the score sheet, safely.

The sheet is written atomically by :meth:`arggraph.sheets.ScoreBook.save`, which refuses
to overwrite a file changed on disk since it was loaded; this flow then asks the user:
overwrite it, save elsewhere, or cancel. It never overwrites silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.screen import Screen

from arggraph.errors import ArggraphError, StaleFileError
from arggraph.sheets import ScoreBook

from .dialogs import ChoiceScreen, PromptScreen
from .export import Say, check_target

__all__ = ["SaveFlow"]


class SaveFlow:
    """Save a score book from a screen: ``host`` owns the dialogs, ``say`` shows notices,
    ``after`` runs once the flow ends (to redraw the unsaved count), ``reloaded`` after
    the user chose to take the sheet on disk instead of their changes."""

    def __init__(
        self,
        host: Screen[Any],
        book: ScoreBook,
        say: Say,
        after: Callable[[], None],
        reloaded: Callable[[], None],
    ):
        self.host = host
        self.book = book
        self.say = say
        self.after = after
        self.reloaded = reloaded

    def save(
        self,
        then: Callable[[bool], None] | None,
        path: Path | None = None,
        force: bool = False,
        *,
        elsewhere: bool = False,
    ) -> None:
        """Save; on a sheet changed on disk ask: overwrite, save elsewhere, or cancel.

        ``then`` is called with whether the scores were saved in the end. ``elsewhere``:
        ``path`` becomes this graph's sheet from now on, and the user is told so.
        """

        def finish(ok: bool) -> None:
            self.after()
            if then is not None:
                then(ok)

        try:
            if elsewhere and path is not None:
                where = self.book.save_elsewhere(path, force=force)
            else:
                where = self.book.save(path, force=force)
        except StaleFileError as exc:
            target = Path(exc.path) if exc.path else self.book.path
            message = Text()
            message.append_text(Text(str(target), style="bold"))
            message.append(
                f"\n{exc.message}.\nOverwrite it with your scores, save them to another "
                "file, reload it (your unsaved changes are dropped), or cancel?"
            )

            def answer(choice: str | None) -> None:
                if choice == "overwrite":
                    self.save(then, target, force=True, elsewhere=elsewhere)
                elif choice == "elsewhere":
                    self._elsewhere(then, target)
                elif choice == "reload":
                    self._reload(then)
                else:
                    finish(False)

            self.host.app.push_screen(
                ChoiceScreen(
                    "The score sheet changed on disk",
                    message,
                    [
                        ("overwrite", "Overwrite", "o"),
                        ("elsewhere", "Save elsewhere", "e"),
                        ("reload", "Reload", "r"),
                        ("cancel", "Cancel", "c"),
                    ],
                ),
                answer,
            )
            return
        except ArggraphError as exc:
            self.say(f"Not saved: {exc}", severity="error", timeout=10)
            finish(False)
            return
        if elsewhere:
            self.say(f"Scores saved to {where}; from now on this is your sheet for this graph.")
        else:
            self.say(f"Scores saved to {where}")
        finish(True)

    def _reload(self, then: Callable[[bool], None] | None) -> None:
        try:
            self.book.reload()
        except ArggraphError as exc:
            self.say(f"Not reloaded: {exc}", severity="error", timeout=10)
        else:
            self.reloaded()
            self.say(f"Reloaded {self.book.path}: your unsaved changes were dropped.")
        self.after()
        if then is not None:
            then(False)

    def _elsewhere(self, then: Callable[[bool], None] | None, near: Path) -> None:
        suggestion = near.with_name(near.stem.removesuffix(".scores") + ".2.scores.json")

        def done(text: str | None) -> None:
            if text is None:
                if then is not None:
                    then(False)
                return
            self.save(then, Path(text).expanduser(), elsewhere=True)

        self.host.app.push_screen(
            PromptScreen(
                "Save the score sheet as", Text("File name:"), str(suggestion), check=check_target
            ),
            done,
        )
