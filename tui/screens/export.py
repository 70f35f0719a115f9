"""``e``: export what is on screen as a Graphviz diagram (DOT text, or SVG): the dialog
and the flow around it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from arggraph.errors import ArggraphError

from ..viewmodels import Snapshot
from .dialogs import ChoiceScreen

__all__ = ["ExportFlow", "ExportRequest", "ExportScreen", "Say", "check_target"]

#: How a flow shows a notice: ``say(message, severity=..., timeout=...)``.
Say = Callable[..., None]

Format = Literal["svg", "dot"]


@dataclass(frozen=True)
class ExportRequest:
    """Where to write, in which format, and whether to keep only the focused claim's
    neighbourhood."""

    path: Path
    fmt: Format
    around_focus: bool


def check_target(text: str) -> str | None:
    """What is wrong with ``text`` as a file to write, or ``None``.

    >>> check_target(""), check_target("/")
    ('type a file name', '/ is a folder: add a file name')
    """
    if not text.strip():
        return "type a file name"
    path = Path(text).expanduser()
    if path.is_dir():
        return f"{text} is a folder: add a file name"
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"there is no folder {folder}"
    return None


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose the format and the file; the extension follows the format."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="export.cancel"),
    ]

    def __init__(self, stem: Path, *, focus_text: str | None, scope: str) -> None:
        super().__init__(classes="dialog")
        self.stem = stem
        self.focus_text = focus_text
        self.scope = scope

    def compose(self) -> ComposeResult:
        with Vertical(classes="box export") as box:
            box.border_title = "Export a diagram"
            box.border_subtitle = "Enter exports · Tab moves · Escape cancels"
            message = Text("Graphviz diagram of ")
            message.append(self.scope or "the whole debate", style="bold")
            message.append(", with the strengths as they are now.")
            yield Static(message, classes="message")
            with RadioSet(id="export-format"):
                yield RadioButton("SVG picture (needs Graphviz)", value=True, id="fmt-svg")
                yield RadioButton("DOT text (for Graphviz or other tools)", id="fmt-dot")
            yield Checkbox(
                "Only the focused claim and what is within 2 links of it",
                value=False,
                id="export-focus",
                disabled=self.focus_text is None,
            )
            yield Input(str(self.stem.with_suffix(".svg")), id="export-path")
            yield Static("", id="export-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _format(self) -> Format:
        pressed = self.query_one(RadioSet).pressed_button
        return "dot" if pressed is not None and pressed.id == "fmt-dot" else "svg"

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value)
        if current.suffix.lower() in (".svg", ".dot", ".gv", ""):
            path_input.value = str(current.with_suffix("." + self._format()))

    @on(Input.Submitted, "#export-path")
    def _go(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        problem = check_target(text)
        if problem is not None:
            self.query_one("#export-error", Static).update(Text(problem))
            return
        self.dismiss(
            ExportRequest(Path(text).expanduser(), self._format(), self.query_one(Checkbox).value)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportFlow:
    """``e`` from start to finish: ask (:class:`ExportScreen`), confirm an overwrite,
    write in a worker through the library's export (:func:`arggraph.formats.export_graph`,
    so the file is what ``arggraph export`` would write), and say how it went.

    ``host`` is the screen the dialogs and the worker belong to; ``say`` shows a notice.
    A failure, expected (Graphviz missing, a folder not writable) or not, becomes a notice,
    never a crash.
    """

    def __init__(self, host: Screen[Any], say: Say) -> None:
        self.host = host
        self.say = say

    def start(self, snap: Snapshot, claim: str | None, stem: Path) -> None:
        """Ask where and how, for the view in ``snap`` around ``claim`` (if focused)."""
        focus_text = snap.graph.claims[claim].text if claim is not None else None
        screen = ExportScreen(stem, focus_text=focus_text, scope=snap.scope)

        def done(request: ExportRequest | None) -> None:
            if request is None:
                return
            if not request.path.exists():
                self._run(snap, request, claim)
                return
            message = Text("There is already a file at\n")
            message.append(str(request.path), style="bold")

            def confirm(answer: str | None) -> None:
                if answer == "overwrite":
                    self._run(snap, request, claim)

            self.host.app.push_screen(
                ChoiceScreen(
                    "Overwrite?",
                    message,
                    [("overwrite", "Overwrite", "o"), ("cancel", "Cancel", "c")],
                ),
                confirm,
            )

        self.host.app.push_screen(screen, done)

    def _run(self, snap: Snapshot, request: ExportRequest, claim: str | None) -> None:
        self.host.run_worker(
            lambda: self._write(snap, request, claim),
            thread=True,
            exclusive=True,
            group="export",
            description="export",
            exit_on_error=False,
        )

    def _write(self, snap: Snapshot, request: ExportRequest, claim: str | None) -> None:
        from arggraph.atomic import atomic_write
        from arggraph.formats import export_graph
        from arggraph.views import subgraph

        app = self.host.app
        try:
            graph = subgraph(snap.graph, snap.view) if snap.restricted else snap.graph
            focus = claim if request.around_focus and claim in graph.claims else None
            data = export_graph(
                graph,
                request.fmt,
                semantics=snap.semantics,
                strengths=snap.strengths,
                focus=focus,
                depth=2 if focus else None,
            )
            atomic_write(request.path, data)
        except ArggraphError as exc:
            message = str(exc)
            if exc.hint and exc.hint not in message:
                message += f" ({exc.hint})"
            app.call_from_thread(self.say, message, severity="error", timeout=10)
            return
        except Exception as exc:  # a fault of ours: a notice, not a crash
            app.call_from_thread(
                self.say, f"Export failed: {type(exc).__name__}: {exc}", severity="error"
            )
            return
        app.call_from_thread(self.say, f"Exported to {request.path}")
