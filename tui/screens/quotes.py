"""``f`` on the main screen: the quotes of the focused claim (or link) in their context,
and the documents to pick a new one from.

Each attribution's quote is shown with a few lines of its document around it, read from
the documents folder (``arggraph tui --documents DIR``) in a worker thread, so a large
text never holds up the screen; a quote the text no longer holds is marked ✗, with the
text's closest passage. Enter on a document opens its text
(:class:`~tui.screens.document.DocumentScreen`); ``o`` opens a text file by its path and
adds the document's entry first (title from its first line, which the user may change).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from arggraph.checks.documents import DocumentStore
from arggraph.edit import Edit
from arggraph.errors import ArggraphError, FileAccessError
from arggraph.model import Attribution
from arggraph.passages import (
    SourceText,
    attribution_context,
    document_entry,
    first_line,
    read_source,
    source_of,
)

from ..render import fit, literal
from ..viewmodels import Item
from .dialogs import PromptScreen
from .document import DocumentScreen, Owner, owner_text
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from .edit import EditFlow

__all__ = ["QuotesScreen", "context_lines", "quote_owner"]

#: Option ids of the documents: ``document:ID``.
DOCUMENT = "document:"
#: The worker group that reads the quotes' contexts.
CONTEXTS = "quotes-contexts"


def quote_owner(item: Item | None, *, link: bool = False) -> tuple[str, Owner] | None:
    """What ``f`` quotes for a tree node: an inference's relation, a claim's link when
    ``link`` (the main screen's link mode), else the claim; ``None`` for the question.

    >>> quote_owner(Item("argument", "a", "r")), quote_owner(Item("argument", "a", "r"), link=True)
    (('a', 'claim'), ('r', 'relation'))
    >>> quote_owner(Item("inference", None, "r")), quote_owner(Item("question"))
    (('r', 'relation'), None)
    """
    if item is None:
        return None
    if item.relation is not None and (item.claim is None or link):
        return item.relation, "relation"
    if item.claim is not None:
        return item.claim, "claim"
    return None


def context_lines(store: DocumentStore | None, flow: EditFlow, att: Attribution) -> Text:
    """One attribution, and its quote in context (or why it cannot be shown)."""
    graph = flow.session.graph
    out = Text()
    actor = graph.actors.get(att.actor)
    out.append_text(literal(actor.name if actor else att.actor, "bold"))
    if att.document:
        doc = graph.documents.get(att.document)
        out.append_text(literal(f" · {doc.title if doc else att.document}"))
    if att.date:
        out.append_text(literal(f" · {att.date}", "dim"))
    out.append("\n")
    if not att.quote.strip():
        out.append("  no quote\n", style="dim")
        return out
    try:
        if store is None:
            raise FileAccessError("no documents folder (arggraph tui --documents DIR)")
        ctx = attribution_context(graph, store, att)
    except ArggraphError as exc:
        out.append_text(literal(f"  “{fit(att.quote, 200)}”\n", "italic"))
        out.append_text(literal(f"  (not checked: {exc.message})\n", "dim"))
        return out
    if ctx.found:
        out.append(f"  ✓ line {ctx.line}: ", style="green")
    elif ctx.passage:
        out.append("  ✗ not in the text: ", style="bold red")
        out.append_text(literal(f"“{fit(att.quote, 200)}”\n", "italic"))
        out.append(f"    closest passage, line {ctx.line}: ", style="dim")
    else:
        out.append("  ✗ not in the text, and no passage is close: ", style="bold red")
        out.append_text(literal(f"“{fit(att.quote, 200)}”\n", "italic"))
        return out
    out.append("\n")
    out.append_text(literal(ctx.before, "dim"))
    out.append_text(literal(ctx.passage, "reverse" if ctx.found else "underline"))
    out.append_text(literal(ctx.after, "dim"))
    out.append("\n\n")
    return out


class QuotesScreen(ModalScreen[None]):
    """The quotes of one claim or link, in context, and a new one from a document."""

    CSS_PATH = "document.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", id="quotes.close"),
        Binding("o", "open_file", "open a text file", id="quotes.open-file"),
        Binding("enter", "open_document", "quote from it", id="quotes.open"),
    ]

    def __init__(self, flow: EditFlow, owner: str, on: Owner) -> None:
        super().__init__(classes="dialog")
        self.flow = flow
        self.owner = owner
        self.on = on

    @property
    def folder(self) -> Path | None:
        """The documents folder (``--documents``, or the folder of a file opened)."""
        return self.flow.session.documents

    def _store(self) -> DocumentStore | None:
        folder = self.folder
        if folder is None:
            return None
        try:
            return DocumentStore(folder)
        except FileAccessError:
            return None

    def compose(self) -> ComposeResult:
        with Vertical(classes="box quotes") as box:
            box.border_title = "Quotes"
            box.border_subtitle = "Enter quote from the document · o open a text file · Escape"
            with VerticalScroll(id="quotes-context"):
                yield Static(self._reading(), id="quotes-list")
            yield OptionList(*self._options(), id="quotes-documents")

    def _attributions(self) -> list[Attribution]:
        graph = self.flow.session.graph
        item = graph.claims[self.owner] if self.on == "claim" else graph.relations[self.owner]
        return list(item.attributions)

    def _reading(self) -> Text:
        """What shows while the documents are read: the claim or link, and a note."""
        graph = self.flow.session.graph
        out = literal(fit(owner_text(graph, self.owner, self.on), 100), "bold")
        if self._attributions():
            out.append("\n\nReading the documents…", style="dim")
        return out

    def _show_contexts(self) -> None:
        """Read the quotes' contexts in a worker (the newest read wins)."""
        self.run_worker(
            self._quotes_text,
            name="quotes' contexts",
            group=CONTEXTS,
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    @on(Worker.StateChanged)
    def _contexts_read(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != CONTEXTS:
            return
        shown = self.query_one("#quotes-list", Static)
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Text):
            shown.update(worker.result)
        elif event.state == WorkerState.ERROR:
            out = self._reading()
            out.append_text(literal(f"\n\nThe quotes could not be shown: {worker.error}", "red"))
            shown.update(out)

    def _quotes_text(self) -> Text:
        graph = self.flow.session.graph
        out = Text()
        out.append_text(literal(fit(owner_text(graph, self.owner, self.on), 100), "bold"))
        out.append("\n\n")
        atts = self._attributions()
        if not atts:
            out.append("No quotes yet: pick a document below to quote from.\n", style="dim")
        store = self._store()
        for att in atts:
            out.append_text(context_lines(store, self.flow, att))
        return out

    def _options(self) -> list[Option]:
        graph = self.flow.session.graph
        out: list[Option] = []
        for doc in graph.documents.values():
            label = Text("quote from  ", style="magenta")
            label.append_text(literal(fit(doc.title, 60)))
            if doc.file:
                label.append_text(literal(f"  ({fit(doc.file, 30)})", "dim"))
            else:
                label.append("  (no text file)", style="dim")
            out.append(Option(label, id=DOCUMENT + doc.id))
        out.append(Option(Text("open a text file…  (o)", style="cyan"), id="file"))
        return out

    def on_mount(self) -> None:
        self._show_contexts()
        options = self.query_one(OptionList)
        options.focus()
        # the cursor starts on the first document there is a text to open for
        graph = self.flow.session.graph
        with_file = [d.id for d in graph.documents.values() if d.file is not None]
        if with_file:
            options.highlighted = list(graph.documents).index(with_file[0])

    def redraw(self) -> None:
        """Show the graph as it is now."""
        self._show_contexts()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())

    # ------------------------------------------------------------------ opening
    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "file":
            self.action_open_file()
        elif event.option.id:
            self._open(event.option.id.removeprefix(DOCUMENT))

    def action_open_document(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            options.action_select()

    def _open(self, document: str) -> None:
        doc = self.flow.session.graph.documents[document]
        if doc.file is None:
            self.flow.say(
                f"Document {document} names no text file: o opens one as a new document.",
                severity="warning",
            )
            return
        store = self._store()
        if store is None:
            self.flow.say(
                "No documents folder: start with arggraph tui --documents DIR, or o opens a "
                "text file by its path.",
                severity="warning",
                timeout=10,
            )
            return
        try:
            source = source_of(store, doc)
        except ArggraphError as exc:
            self.flow.say(f"Cannot open it: {exc}", severity="error", timeout=10)
            return
        self._show(document, source)

    def _show(self, document: str, source: SourceText) -> None:
        screen = DocumentScreen(self.flow, self.owner, self.on, document, source)

        def done(attached: bool | None) -> None:
            if attached:
                self.dismiss(None)
            else:
                self.redraw()

        self.app.push_screen(screen, done)

    def _path(self, given: str) -> Path:
        path = Path(given).expanduser()
        folder = self.folder
        if not path.is_absolute() and folder is not None and (folder / path).exists():
            return folder / path
        return path

    def action_open_file(self) -> None:
        """``o``: a text file by its path becomes a document (its entry asked first)."""
        read: dict[str, SourceText] = {}

        def check(given: str) -> str | None:
            try:
                read["source"] = read_source(self._path(given))
                if self.folder is not None:
                    document_entry(self.flow.session.graph, self._path(given), folder=self.folder)
            except ArggraphError as exc:
                return str(exc)
            return None

        def chosen(given: str | None) -> None:
            if given is not None:
                self._entry(self._path(given), read["source"])

        where = f" (in {self.folder})" if self.folder is not None else ""
        message = Text(f"The path of the document's text file{where}:")
        self.app.push_screen(PromptScreen("Open a text file", message, check=check), chosen)

    def _entry(self, path: Path, source: SourceText) -> None:
        folder = self.folder if self.folder is not None else path.resolve().parent
        made: dict[str, Edit] = {}
        fields: list[Field] = [
            ("title", "Title", first_line(source.text) or path.stem, ""),
            ("publisher", "Publisher (optional)", "", ""),
            ("published", "Published (optional)", "", "YYYY-MM-DD"),
        ]

        def check(values: Mapping[str, str]) -> str | None:
            extra = {k: values[k] for k in ("publisher", "published") if values[k]}
            try:
                made["edit"], _ = document_entry(
                    self.flow.session.graph, path, folder=folder, title=values["title"], **extra
                )
            except ArggraphError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            before = set(self.flow.session.graph.documents)
            if values is None or not self.flow.apply(made["edit"]):
                return
            if self.flow.session.documents is None:
                self.flow.session.documents = folder
                self.flow.say(
                    f"Documents are read from {folder} now: check the quotes with "
                    f"arggraph check --documents {folder}",
                    timeout=10,
                )
            [doc_id] = set(self.flow.session.graph.documents) - before
            self.redraw()
            self._show(doc_id, source)

        message = Text("The new document's entry (Enter adds it; ctrl+z undoes):")
        self.app.push_screen(FormScreen("Add the document", message, fields, check=check), done)

    def action_close(self) -> None:
        self.dismiss(None)
