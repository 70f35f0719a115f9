"""Make the app from command-line arguments: find and load the graph and the user's
score sheet. Shared by ``arggraph tui`` and the tests.

Nothing that goes wrong here raises: a graph or sheet that cannot be used gives an app
that opens on an error screen (file, place, message), never a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from arggraph.errors import ArggraphError

from .app import ArggraphApp

__all__ = ["create_app", "resolve_graph"]


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


def create_app(
    graph_path: str | None,
    *,
    scores: str | None = None,
    semantics: str = "dfquad",
    user: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ArggraphApp:
    """The app for ``arggraph tui [GRAPH] [--scores SHEET] [--semantics NAME]``.

    ``user`` and ``env`` stand in for the login name and the environment (tests pass
    them so nothing depends on who runs them). The user's existing sheet is loaded from
    ``--scores`` or from its default place (:func:`arggraph.sheets.default_sheet_path`).
    """
    from arggraph.io import load
    from arggraph.sheets import current_user, open_book

    who = user if user is not None else current_user()
    try:
        path, bundled = resolve_graph(graph_path)
        graph = load(path)
        book = open_book(graph, scores=scores, user=who, env=env)
    except ArggraphError as exc:
        return ArggraphApp(error=exc)
    return ArggraphApp(graph, book=book, semantics=semantics, bundled=bundled, user=who)
