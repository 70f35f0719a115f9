"""Make the app from command-line arguments: find and load the graph and the user's
score sheet. Shared by ``arggraph tui`` and the tests.

Nothing that goes wrong here raises: a graph or sheet that cannot be used gives an app
that opens on an error screen (file, place, message), never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from arggraph.errors import ArggraphError
from arggraph.graph import Graph
from arggraph.sheets import ScoreBook

from .app import ArggraphApp

__all__ = ["create_app", "panel_books", "resolve_graph"]


def resolve_graph(graph_path: str | None) -> tuple[Path, bool]:
    """The graph to open and whether it is the bundled one.

    No path means the bundled Bakhmut debate, found in a source checkout or in the
    installation's shared data (:func:`arggraph.bundled.bundled_graph`); a path to that
    same file counts as the bundled graph too, so both ways of opening it behave alike.
    """
    from arggraph.atomic import same_file
    from arggraph.bundled import bundled_graph

    if graph_path is not None:
        path = Path(graph_path)
        try:
            return path, same_file(path, bundled_graph())
        except ArggraphError:  # no bundled graph installed: this one is not it
            return path, False
    return bundled_graph(), True


def panel_books(
    graph: Graph, sources: Sequence[str], own: ScoreBook
) -> tuple[list[ScoreBook], list[str]]:
    """The read-only books of the other scorers at ``sources`` (sheet files, or folders
    whose sheets for ``graph`` join), leaving out the user's ``own`` sheet; and a note
    for each file a folder held that was left out (another graph's sheet, not a sheet).

    Raises :class:`~arggraph.errors.InputError` for a named file that cannot be read as
    a sheet or that names another graph.
    """
    from arggraph.atomic import same_file
    from arggraph.io import load_scores
    from arggraph.panel import check_sheet, sheets_in

    books: list[ScoreBook] = []
    notes: list[str] = []
    seen = [own.path]
    for source in sources:
        path = Path(source)
        if path.is_dir():
            search = sheets_in(path, graph)
            notes += [f"{p}: {why}" for p, why in search.skipped]
            pairs = search.found
        else:
            sheet = load_scores(path)
            check_sheet(graph, sheet, path)
            pairs = [(path, sheet)]
        for p, sheet in pairs:
            if any(same_file(p, q) for q in seen):
                continue
            seen.append(p)
            books.append(ScoreBook(graph, path=p, scorer=sheet.scorer or p.stem, sheet=sheet))
    return books, notes


def _documents_folder(documents: str | None) -> Path | None:
    """The ``--documents`` folder; raises FileAccessError when it is not one."""
    if documents is None:
        return None
    from arggraph.checks.documents import DocumentStore

    return DocumentStore(documents).folder


def create_app(
    graph_path: str | None,
    *,
    scores: str | Sequence[str] | None = None,
    semantics: str = "dfquad",
    user: str | None = None,
    env: Mapping[str, str] | None = None,
    documents: str | None = None,
) -> ArggraphApp:
    """The app for ``arggraph tui [GRAPH] [--scores SHEET]... [--semantics NAME]``.

    ``user`` and ``env`` stand in for the login name and the environment (tests pass
    them so nothing depends on who runs them). The user's existing sheet is loaded from
    the first ``--scores`` that is a file, or from its default place
    (:func:`arggraph.sheets.default_sheet_path`). A ``graph_path`` where there is no
    file yet (in a folder that exists) gives an app that offers to create a new debate
    there (:class:`~tui.screens.create.CreateScreen`). Every other ``--scores`` (a sheet, or a
    folder of them) joins the panel read-only (:func:`panel_books`). ``documents`` is the
    folder of the documents' texts, where quotes are picked from and checked.

    The graph is read by :func:`arggraph.live.load_source`: ``arggraph/1`` JSON, or any
    format the format registry reads by the file's extension; a file in such a format
    (Argdown, ...) is a live source, watched and read again when it changes.
    """
    from arggraph.live import SourceWatcher, is_live, open_source
    from arggraph.sheets import current_user, open_book

    who = user if user is not None else current_user()
    sources = [scores] if isinstance(scores, str) else list(scores or [])
    files = [s for s in sources if not Path(s).is_dir()]
    mine = files[0] if files else None

    def books(graph: Graph) -> tuple[ScoreBook, list[ScoreBook], list[str]]:
        """The user's book for ``graph``, the panel's books and the panel's notes."""
        book = open_book(graph, scores=mine, user=who, env=env)
        others, notes = panel_books(graph, [s for s in sources if s != mine], book)
        return book, others, notes

    path: Path | None = None
    reading = False  # whether the error came from reading the graph's own file
    try:
        folder = _documents_folder(documents)
        path, bundled = resolve_graph(graph_path)
        if (
            graph_path is not None
            and path.suffix.lower() == ".json"
            and not os.path.lexists(path)
            and path.parent.is_dir()
        ):
            # Only a JSON path is offered for a new debate: a new arggraph file is JSON,
            # and a missing Argdown map is for the editor to write, not for us.
            return ArggraphApp(missing=path, semantics=semantics, user=who, documents=folder)
        reading = True
        opened = open_source(path)
        reading = False
        graph = opened.graph
        book, others, notes = books(graph)
    except ArggraphError as exc:
        if reading and path is not None and is_live(path):
            # A map being written in another tool: follow the file until it reads.
            return ArggraphApp(
                error=exc,
                watcher=SourceWatcher(path),
                reopen=books,
                semantics=semantics,
                user=who,
                documents=folder,
            )
        return ArggraphApp(error=exc)
    return ArggraphApp(
        graph,
        book=book,
        others=others,
        notes=notes,
        semantics=semantics,
        bundled=bundled,
        user=who,
        watcher=SourceWatcher(path, graph=graph, notes=opened.notes) if is_live(path) else None,
        documents=folder,
    )
