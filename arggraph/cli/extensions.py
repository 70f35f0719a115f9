"""``arggraph extensions GRAPH``: the Dung extensions of a graph's attack relation.

Formats: ``text`` (one extension a line, ``{id, id}``, ids escaped for the terminal) and
``json`` (``{"semantics": NAME, "extensions": [[claim id, ...], ...]}``, each extension
sorted and the list sorted, so the same graph always prints the same way). ``--claim ID``
answers instead whether that claim is credulously (in some extension) and sceptically
(in every extension) accepted. GRAPH is an arggraph/1 file, or an abstract framework in
a format whose registry entry says so (ICCMA's apx, tgf and i23) when its name ends in
one of that format's extensions (``.apx``, ``.tgf``, ``.i23``, ``.af``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = ["framework_extensions", "load_framework_graph", "register", "run"]


def framework_extensions() -> tuple[str, ...]:
    """File name endings read as abstract frameworks (ICCMA) rather than arggraph/1 JSON,
    from the format registry.

    >>> framework_extensions()
    ('.apx', '.tgf', '.i23', '.af')
    """
    from ..formats import registry

    return tuple(ext for f in registry.imports() if f.abstract for ext in f.read_extensions)


_SEMANTICS = ("grounded", "complete", "preferred", "stable")  # as EXTENSION_SEMANTICS


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extensions",
        help="Dung extensions (grounded, complete, preferred, stable) of the attacks",
        description="List the extensions of the graph's attack relation under Dung's "
        "semantics (supports are ignored; attacks of weight 0 do not count): grounded "
        "(default, the one set every reader must accept), complete, preferred or stable. "
        "With --claim, say whether one claim is credulously (in some extension) and "
        "sceptically (in every extension) accepted instead.",
        epilog="Exit codes: 0 success (also when there is no stable extension), 2 the graph "
        "could not be read or the claim is unknown.",
    )
    p.add_argument(
        "graph",
        metavar="GRAPH",
        help="an arggraph/1 JSON file, or an abstract framework ("
        + ", ".join(framework_extensions())
        + ")",
    )
    p.add_argument(
        "--semantics",
        choices=_SEMANTICS,
        default="grounded",
        help="the extension semantics (default grounded)",
    )
    p.add_argument(
        "--format", choices=["text", "json"], default="text", help="text (default) or json"
    )
    p.add_argument(
        "--claim",
        metavar="ID",
        help="only say whether this claim is credulously and sceptically accepted",
    )
    p.add_argument(
        "--limit",
        metavar="N",
        type=_positive,
        help="stop after N extensions (complete extensions can be exponentially many)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    p.set_defaults(run=run)


def load_framework_graph(path: str) -> Graph:
    """An arggraph/1 file, or an abstract framework (ICCMA) by its file name's ending.
    Raises what :func:`~arggraph.cli.common.load_graph` or the format's reader raises."""
    from ..formats import registry
    from .common import load_graph

    fmt = registry.by_read_extension(path)
    if fmt is None or not fmt.abstract:
        return load_graph(path)
    from ..formats import import_file

    return import_file(path, fmt.name).graph()


def _braces(ids: list[str]) -> str:
    from ..text import one_line

    return "{" + ", ".join(one_line(c) for c in ids) + "}"


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..semantics.extensions import claim_acceptance, iter_extensions
    from .common import progress, write_result

    graph = load_framework_graph(args.graph)
    semantics: str = args.semantics
    if args.claim is not None:
        if args.claim not in graph.claims:
            from ..errors import UnknownIdError

            raise UnknownIdError("claim", args.claim, path=args.graph, known=list(graph.claims))
        answer = claim_acceptance(graph, args.claim, semantics)
        vacuous = semantics == "stable" and answer == {"credulous": False, "sceptical": True}
        if vacuous:
            print(
                "arggraph: note: there is no stable extension, so every claim is "
                "sceptically accepted (vacuously) and none credulously",
                file=sys.stderr,
            )
        if args.format == "json":
            text = (
                json.dumps(
                    {"semantics": semantics, "claim": args.claim, **answer},
                    ensure_ascii=False,
                    indent=2,
                )
                + "\n"
            )
        else:
            from ..text import one_line

            def yes(flag: bool) -> str:
                return "yes" if flag else "no"

            text = (
                f"{one_line(args.claim)} under {semantics} semantics: credulously "
                f"accepted: {yes(answer['credulous'])}; sceptically accepted: "
                f"{yes(answer['sceptical'])}"
                + (" (vacuously: no stable extension)" if vacuous else "")
                + "\n"
            )
        write_result(text, args.output)
        return 0

    found: list[list[str]] = []
    with progress(f"{semantics} extensions") as bar:
        for extension in iter_extensions(graph, semantics, limit=args.limit):
            found.append(sorted(extension))
            bar.advance()
    found.sort()
    if args.limit is not None and len(found) == args.limit and semantics != "grounded":
        print(
            f"arggraph: note: stopped at --limit {args.limit}; there may be more", file=sys.stderr
        )
    if args.format == "json":
        text = (
            json.dumps({"semantics": semantics, "extensions": found}, ensure_ascii=False, indent=2)
            + "\n"
        )
    elif not found:
        text = f"no {semantics} extension\n"
    else:
        text = "".join(_braces(e) + "\n" for e in found)
    write_result(text, args.output)
    return 0
