"""``arggraph extensions GRAPH``: the Dung extensions of a graph's attack relation.

Formats: ``text`` (for grounded the counts of claims in, out and undecided, then each
group; for the others how many extensions, then each under a header with its number
and size; ids one a line, or wrapped to a terminal's width, never cut, escaped for the
terminal) and ``json`` (the header of :func:`~arggraph.cli.common.result_header`:
``arggraph``, ``graph``, ``graph_sha256``, ``semantics``; then ``"extensions": [[claim
id, ...], ...]``, each extension sorted and the list sorted, so the same graph always
prints the same way; for grounded also ``"labels"``: ``{"claims": {"in", "out",
"undecided"}}`` and, with attacks as arguments, ``"relations"`` the same, lists of ids;
a graph with set attacks or attacks on attacks adds ``"relations"``, for each extension
the attacks that stand in it, in the same order). With attacks as arguments of
their own, two extensions can hold the same claims and differ in which attacks stand (two
undercuts that undercut each other): they are two extensions, each listed with its
attacks, in text and JSON alike, and counted as two; the list is then sorted by claims,
then attacks. ``--claim ID`` answers instead whether that
claim is credulously (in some extension) and sceptically (in every extension) accepted.
GRAPH is an arggraph/1 file,
or an abstract framework in a format whose registry entry says so (ICCMA's apx, tgf and
i23) when its name ends in one of that format's extensions (``.apx``, ``.tgf``, ``.i23``, ``.af``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..semantics.registry import EXTENSION, extension

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = [
    "extensions_text",
    "framework_extensions",
    "grounded_text",
    "load_framework_graph",
    "register",
    "run",
]


def framework_extensions() -> tuple[str, ...]:
    """File name endings read as abstract frameworks (ICCMA) rather than arggraph/1 JSON,
    from the format registry.

    >>> framework_extensions()
    ('.apx', '.tgf', '.i23', '.af')
    """
    from ..formats import registry

    return tuple(ext for f in registry.imports() if f.abstract for ext in f.read_extensions)


def register(sub: Any) -> None:
    from .common import whole_number

    names = list(EXTENSION)  # read when the parser is built, so the table can grow
    default = names[0]
    p = sub.add_parser(
        "extensions",
        help=f"Dung extensions ({', '.join(names)}) of the attacks",
        description="List the extensions of the graph's attack relation under Dung's "
        f"semantics ({', '.join(names)}; supports are ignored and attacks of weight 0 do "
        "not count). With --claim, say whether one claim is credulously (in some "
        "extension) and sceptically (in every extension) accepted instead.",
        epilog="Exit codes: 0 success (also when there is no extension at all), 2 the graph "
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
        choices=names,
        default=default,
        help=f"the extension semantics (default {default}): "
        + "; ".join(e.summary for e in EXTENSION.values()),
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
        type=whole_number(1),
        help="stop after N extensions (complete extensions can be exponentially many)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    from .common import add_max_arguments

    add_max_arguments(p)
    p.set_defaults(run=run)


def load_framework_graph(path: str, max_arguments: int | None = None) -> Graph:
    """An arggraph/1 file, or an abstract framework (ICCMA) by its file name's ending
    (``max_arguments`` as for :func:`arggraph.formats.import_text`). Raises what
    :func:`~arggraph.cli.common.load_graph` or the format's reader raises."""
    from ..formats import registry
    from .common import load_graph

    fmt = registry.by_read_extension(path)
    if fmt is None or not fmt.abstract:
        return load_graph(path)
    from ..formats import import_file

    return import_file(path, fmt.name, max_arguments=max_arguments).graph()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _block(ids: list[str], terminal: bool) -> list[str]:
    """Ids indented under their header: one a line for a pipe or a file (to grep, to
    paste), wrapped to the width of a terminal (never cut)."""
    import textwrap

    from ..text import identifier

    shown = [identifier(c) for c in ids]
    if not terminal:
        return [f"  {c}" for c in shown]
    from .common import terminal_width

    return textwrap.wrap(
        ", ".join(shown),
        width=max(terminal_width(), 40),
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def grounded_text(
    labels: dict[str, str],
    label: str,
    terminal: bool,
    relations: dict[str, str] | None = None,
) -> str:
    """The grounded extension as text: the counts, then the claims in, out and
    undecided, each group under a header with its size. ``relations`` (a graph with
    linked premises or undercuts, where every attack is an argument of its own in the
    flattening: :func:`~arggraph.semantics.dung.grounded_relation_labels`) adds the
    attacks, grouped the same way: an undercut that is out no longer bears on its
    inference.

    >>> print(grounded_text({"a": "in", "b": "out", "c": "in"}, "grounded", False), end="")
    grounded extension: 2 in, 1 out, 0 undecided
    in (2 claims):
      a
      c
    out (1 claim):
      b
    >>> print(grounded_text({"a": "in"}, "grounded", False, {"r": "in", "x": "out"}), end="")
    grounded extension: 1 in, 0 out, 0 undecided
    in (1 claim):
      a
    attacks (arguments of their own here): 1 in, 1 out, 0 undecided
    in (1 relation):
      r
    out (1 relation):
      x
    """
    lines = _groups(labels, f"{label} extension", "claim", terminal)
    if relations:
        lines += _groups(relations, "attacks (arguments of their own here)", "relation", terminal)
    return "\n".join(lines) + "\n"


def _labelled(labels: dict[str, str]) -> dict[str, list[str]]:
    """The ids of a grounded labelling by label, as the outputs name them (``in``,
    ``out``, ``undecided``), each list sorted: what the text and the JSON both show."""
    return {
        name: sorted(c for c, v in labels.items() if v == key)
        for key, name in (("in", "in"), ("out", "out"), ("undec", "undecided"))
    }


def _groups(labels: dict[str, str], title: str, noun: str, terminal: bool) -> list[str]:
    """``TITLE: N in, N out, N undecided``, then each group under a header with its size."""
    groups = _labelled(labels)
    lines = [f"{title}: " + ", ".join(f"{len(ids)} {name}" for name, ids in groups.items())]
    for name, ids in groups.items():
        if ids:
            lines.append(f"{name} ({_plural(len(ids), noun)}):")
            lines += _block(ids, terminal)
    return lines


def extensions_text(
    found: list[list[str]],
    label: str,
    terminal: bool,
    limit: int | None = None,
    relations: list[list[str]] | None = None,
) -> str:
    """Extensions as text: how many, then each under a header with its number and
    size. ``relations`` (a graph with linked premises or undercuts: for each extension
    the attacks that stand in it) lists those under each extension's claims.

    >>> print(extensions_text([["a", "d"], []], "complete", False), end="")
    2 complete extensions
    extension 1 of 2 (2 claims):
      a
      d
    extension 2 of 2 (no claims)
    >>> print(extensions_text([["a"]], "preferred", False, relations=[["r"]]), end="")
    1 preferred extension
    extension 1 of 1 (1 claim):
      a
    attacks standing in it (1 relation):
      r
    """
    if not found:
        return f"no {label} extension\n"
    stopped = " (stopped at --limit; there may be more)" if limit == len(found) else ""
    lines = [f"{_plural(len(found), label + ' extension')}{stopped}"]
    for number, ext in enumerate(found, start=1):
        size = _plural(len(ext), "claim") if ext else "no claims"
        lines.append(f"extension {number} of {len(found)} ({size}){':' if ext else ''}")
        lines += _block(ext, terminal)
        standing = relations[number - 1] if relations is not None else []
        if standing:
            lines.append(f"attacks standing in it ({_plural(len(standing), 'relation')}):")
            lines += _block(standing, terminal)
    return "\n".join(lines) + "\n"


def _grounded_labels(graph: Graph) -> dict[str, dict[str, list[str]]]:
    """The grounded labelling as JSON gives it: ``{"claims": {"in": [...], "out": [...],
    "undecided": [...]}}``, each list sorted, and ``"relations"`` the same for the attacks
    when they are arguments of their own (set attacks, attacks on attacks)."""
    from ..semantics.dung import grounded_labels, grounded_relation_labels

    out = {"claims": _labelled(grounded_labels(graph))}
    relations = grounded_relation_labels(graph)
    if relations:
        out["relations"] = _labelled(relations)
    return out


def run(args: argparse.Namespace) -> int:
    import sys

    from ..jsonio import dumps
    from ..semantics.dung import (
        claim_acceptance,
        iter_extensions,
        iter_extensions_with_relations,
    )
    from .common import progress, result_header, write_result

    graph = load_framework_graph(args.graph, args.max_arguments)
    semantics: str = args.semantics
    entry = extension(semantics)
    if args.claim is not None:
        if args.claim not in graph.claims:
            from ..errors import UnknownIdError

            raise UnknownIdError("claim", args.claim, path=args.graph, known=list(graph.claims))
        answer = claim_acceptance(graph, args.claim, semantics)
        vacuous = entry.may_have_none and answer == {"credulous": False, "sceptical": True}
        if vacuous:
            print(
                f"arggraph: note: there is no {entry.label} extension, so every claim is "
                "sceptically accepted (vacuously) and none credulously",
                file=sys.stderr,
            )
        if args.format == "json":
            header = result_header(graph, semantics)
            text = dumps({**header, "claim": args.claim, **answer}) + "\n"
        else:
            from ..text import one_line

            def yes(flag: bool) -> str:
                return "yes" if flag else "no"

            text = (
                f"{one_line(args.claim)} under {semantics} semantics: credulously "
                f"accepted: {yes(answer['credulous'])}; sceptically accepted: "
                f"{yes(answer['sceptical'])}"
                + (f" (vacuously: no {entry.label} extension)" if vacuous else "")
                + "\n"
            )
        write_result(text, args.output)
        return 0

    if args.format == "text" and entry.load_solver is None:  # the grounded extension
        from ..semantics.dung import grounded_labels, grounded_relation_labels
        from .common import to_terminal

        labels = grounded_labels(graph)
        attacks = grounded_relation_labels(graph)
        text = grounded_text(labels, semantics, to_terminal(args.output), attacks)
        write_result(text, args.output)
        return 0
    # With set attacks or attacks on attacks, each extension also names the attacks
    # that stand in it; two extensions may hold the same claims and differ only there,
    # and then they are two extensions, both listed.
    with_relations = bool(graph.framework.k)
    pairs: list[tuple[list[str], list[str]]] = []
    with progress(f"{semantics} extensions") as bar:
        if not with_relations:
            for ext in iter_extensions(graph, semantics, limit=args.limit):
                pairs.append((sorted(ext), []))
                bar.advance()
        else:
            for ext, relations in iter_extensions_with_relations(
                graph, semantics, limit=args.limit
            ):
                pairs.append((sorted(ext), sorted(relations)))
                bar.advance()
    pairs.sort()
    found = [claims for claims, _ in pairs]
    standing = [relations for _, relations in pairs] if with_relations else None
    if args.limit is not None and len(found) == args.limit and not entry.unique:
        print(
            f"arggraph: note: stopped at --limit {args.limit}; there may be more", file=sys.stderr
        )
    if args.format == "json":
        result: dict[str, object] = {**result_header(graph, semantics), "extensions": found}
        if standing is not None:
            result["relations"] = standing
        if entry.load_solver is None:  # the grounded extension: what the text shows too
            result["labels"] = _grounded_labels(graph)
        text = dumps(result) + "\n"
    else:
        from .common import to_terminal

        limit = None if entry.unique else args.limit
        text = extensions_text(found, semantics, to_terminal(args.output), limit, standing)
    write_result(text, args.output)
    return 0
