"""Small questions: pick one of a few answers, or type a value that is checked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

__all__ = ["ChoiceScreen", "PromptScreen", "parse_score"]


class ChoiceScreen(ModalScreen[str | None]):
    """A question with a few answers, each a button with its own key.

    ``choices`` are (answer id, label, key); Escape answers ``None`` (cancel).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="dialog.cancel"),
    ]

    def __init__(
        self,
        title: str,
        message: Text,
        choices: Sequence[tuple[str, str, str]],
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._message = message
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = self._title
            yield Static(self._message, classes="message")
            with Horizontal(classes="buttons"):
                for answer, label, key in self._choices:
                    yield Button(
                        f"{label} ({key})",
                        id=f"choice-{answer}",
                        variant="primary" if answer == self._choices[0][0] else "default",
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_key(self, event: events.Key) -> None:
        for answer, _label, hotkey in self._choices:
            if event.key == hotkey:
                event.stop()
                self.dismiss(answer)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("choice-"):
            self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """Type a value; ``check`` returns an error message, or ``None`` when it is fine.

    The dialog stays open and says what is wrong until the value passes or the user
    presses Escape.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="dialog.cancel"),
    ]

    def __init__(
        self,
        title: str,
        message: Text,
        value: str = "",
        *,
        check: Callable[[str], str | None] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._message = message
        self._value = value
        self._check = check
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="box") as box:
            box.border_title = self._title
            yield Static(self._message, classes="message")
            yield Input(self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="error")
            yield Static(Text("Enter to confirm · Escape to cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self._check(value) if self._check is not None else None
        if problem is not None:
            self.query_one("#prompt-error", Static).update(Text(problem))
            return
        self.dismiss(value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#prompt-error", Static).update(Text(""))

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_score(text: str) -> float | str:
    """A typed score as a number in [0, 1], or the message saying what is wrong.

    A comma is read as a decimal point, and a percentage is accepted.

    >>> parse_score("0.35"), parse_score(",5"), parse_score("70%")
    (0.35, 0.5, 0.7)
    >>> parse_score("1.5")
    'a score runs from 0 to 1; 1.5 is out of range'
    >>> parse_score("lots")
    "'lots' is not a number: type a score from 0 to 1, such as 0.35"
    """
    raw = text.strip().replace(",", ".")
    percent = raw.endswith("%")
    if percent:
        raw = raw[:-1].strip()
    try:
        value = float(raw)
    except ValueError:
        return f"{text.strip()!r} is not a number: type a score from 0 to 1, such as 0.35"
    if percent:
        value /= 100
    if value != value or not 0.0 <= value <= 1.0:  # NaN, or out of range
        return f"a score runs from 0 to 1; {text.strip()} is out of range"
    return value
