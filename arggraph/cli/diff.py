"""``arggraph diff OLD NEW``: what changed between two versions of a graph, in argument
terms, and what it did to the verdict.

Claims and relations added, removed, renamed (paired by evidence, with the pairing's
confidence) and changed (each field, attribution and linked premise), documents and
actors, the graph's own fields; then the verdict before and after and the largest
strength changes under a gradual semantics, with each version's own scores and, given
``--scores SHEET``, with the sheet (applied to OLD as it is and to NEW through the id
map the diff derives; a sheet saved against NEW's file goes the other way).
``--write-id-map OUT`` writes that id map (``arggraph-id-map/1``).

``--git`` makes it git's external diff driver: git passes the path and both versions'
temporary files (``PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE``, two more
on a rename); a side that is not an arggraph graph is shown as a unified line diff, with
a note on stderr when it looked like one, so ``git diff`` never stops on a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..diff import Effect, GraphDiff
    from ..graph import Graph

__all__ = ["register", "run"]

_USAGE = """arggraph diff OLD NEW [--format text|json|markdown] [--semantics NAME]
                     [--scores SHEET] [--top N] [--write-id-map OUT [--force]]
                     [--exit-code] [-o OUT]
       arggraph diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE"""


def register(sub: Any) -> None:
    from .common import add_gradual_semantics, whole_number

    p = sub.add_parser(
        "diff",
        usage=_USAGE,
        help="what changed between two versions of a graph, and what it did to the verdict",
        description="Compare two versions of a graph in argument terms: claims and "
        "relations added, removed, renamed (paired by text, position and provenance, "
        "with a confidence) and changed; attributions, documents and actors; the verdict "
        "before and after and the largest strength changes.",
        epilog="Exit codes: 0 success (with --exit-code: no changes), 1 with --exit-code: "
        "the versions differ, 2 a graph, the sheet or an option could not be used. "
        "For git: git config diff.arggraph.command 'arggraph diff --git' and "
        "'*.json diff=arggraph' in .gitattributes (see the README).",
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="OLD and NEW, two versions of a graph (with --git: the arguments git passes)",
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "markdown"],
        default="text",
        help="text (default), json, or markdown for a pull request's comment",
    )
    add_gradual_semantics(p, " of the verdict and strengths")
    p.add_argument(
        "--scores",
        metavar="SHEET",
        help="also score both versions with this sheet (OLD's; carried to NEW by the "
        "derived id map)",
    )
    p.add_argument(
        "--top",
        type=whole_number(0),
        default=10,
        metavar="N",
        help="how many of the largest strength changes to list (default 10)",
    )
    p.add_argument(
        "--write-id-map",
        metavar="OUT",
        help="write the old-to-new id map (arggraph-id-map/1) here, atomically; put it "
        "beside NEW as STEM.id-map.json for sheets to follow it",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="let --write-id-map replace a different file already at OUT",
    )
    p.add_argument(
        "--exit-code", action="store_true", help="exit 1 when the versions differ, 0 when not"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write the result here (atomic)")
    p.add_argument(
        "--git",
        action="store_true",
        help="run as git's external diff driver (diff.arggraph.command)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError

    if args.git:
        return _git(args)
    if len(args.files) != 2:
        raise UsageError(
            f"give two files, OLD and NEW (got {len(args.files)}); git passes more with --git"
        )
    from ..diff import diff_graphs, effect
    from .common import load_graph, progress, write_result

    old_path, new_path = args.files
    with progress("comparing", total=4) as bar:
        bar.describe(f"loading {old_path}")
        old = load_graph(old_path)
        bar.advance()
        bar.describe(f"loading {new_path}")
        new = load_graph(new_path)
        bar.advance()
        bar.describe("pairing claims and relations")
        diff = diff_graphs(old, new)
        bar.advance()
        bar.describe("scoring both versions")
        effects = [effect(diff, args.semantics, top=args.top)]
        if args.scores is not None:
            effects.append(_sheet_effect(diff, args))
        bar.advance()
    text = _render(diff, effects, args.format, old_path, new_path, args.output)
    write_result(text, args.output)
    if args.write_id_map is not None:
        _write_id_map(diff, args.write_id_map, force=args.force, graphs=(old_path, new_path))
    return 1 if args.exit_code and diff else 0


def _sheet_effect(diff: GraphDiff, args: argparse.Namespace) -> Effect:
    """The effect under the ``--scores`` sheet, which must be for the graph compared;
    its ids are checked against the version it is taken for."""
    from ..diff import carry_sheet, effect
    from ..errors import InputError
    from ..io import load_scores
    from .score import apply_scores

    path = args.scores
    sheet = load_scores(path)
    if sheet.graph not in (diff.old.id, diff.new.id):
        raise InputError(
            f"this score sheet is for graph {sheet.graph!r}, not {diff.old.id!r}",
            path=path,
            place="graph",
        )
    for_old, for_new, moved = carry_sheet(diff, sheet)
    backwards = for_new is sheet
    apply_scores(diff.new if backwards else diff.old, sheet, path)
    if moved:
        which = "OLD" if backwards else "NEW"
        print(
            f"arggraph: note: {path}: applied to {which} through the derived id map: "
            f"{moved.describe()}",
            file=sys.stderr,
        )
    return effect(
        diff,
        args.semantics,
        old_scores=for_old,
        new_scores=for_new,
        scores=path,
        top=args.top,
    )


def _render(
    diff: GraphDiff,
    effects: list[Effect],
    fmt: str,
    old_label: str,
    new_label: str,
    out: str | None,
) -> str:
    from ..diff.render import to_json, to_markdown, to_text

    if fmt == "json":
        import json

        data = to_json(diff, effects, old_label=old_label, new_label=new_label)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(diff, effects, old_label=old_label, new_label=new_label)
    from .common import terminal_width, to_terminal

    width = terminal_width() if to_terminal(out) else None
    return to_text(diff, effects, old_label=old_label, new_label=new_label, width=width)


def _write_id_map(diff: GraphDiff, out: str, *, force: bool, graphs: tuple[str, ...]) -> None:
    """Write the id map to ``out`` atomically; a different file already there is kept
    unless ``force``, and a graph compared is never overwritten."""
    from ..atomic import atomic_write, same_file, stamp_bytes, stamp_file
    from ..errors import StaleFileError, UsageError
    from ..renames import dump_id_map

    target = Path(out)
    for graph in graphs:
        if same_file(target, Path(graph)):
            raise UsageError(f"--write-id-map {out}: that is the graph {graph} itself")
    data = dump_id_map(diff.id_map()).encode("utf-8")
    there = stamp_file(target)
    if there is not None and there != stamp_bytes(data) and not force:
        err = StaleFileError(
            "a different file is already there; not overwritten",
            path=target,
            hint="give --force to replace it, or write the map elsewhere",
        )
        raise err
    if there != stamp_bytes(data):
        atomic_write(target, data, force=True)
    renamed, removed = len(diff.id_map().renamed), len(diff.id_map().removed)
    print(
        f"arggraph: wrote {out}: {renamed} id{'s' if renamed != 1 else ''} renamed, "
        f"{removed} removed",
        file=sys.stderr,
    )


# ------------------------------------------------------------------------- git
def _git(args: argparse.Namespace) -> int:
    """git's external diff driver: ``PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
    NEW-MODE [NEW-PATH INFO]``; git stops at a driver that fails, so this exits 0 for
    any file it can read, showing a line diff where a side is not a graph."""
    from ..diff import diff_graphs, effect
    from ..errors import ArggraphError, UsageError
    from ..io import read_bytes
    from .common import emit

    files = args.files
    if len(files) == 1:
        emit(f"* Unmerged path {files[0]}")
        return 0
    if len(files) not in (7, 9):
        raise UsageError(
            "--git takes the arguments git passes an external diff driver: PATH OLD-FILE "
            f"OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (got {len(files)})"
        )
    path, old_file, new_file = files[0], files[1], files[4]
    new_path = files[7] if len(files) == 9 else path
    old_label, new_label = f"a/{path}", f"b/{new_path}"
    old_data = b"" if old_file == "/dev/null" else read_bytes(old_file)
    new_data = b"" if new_file == "/dev/null" else read_bytes(new_file)
    try:
        old = _git_side(old_data, old_label, new_data)
        new = _git_side(new_data, new_label, old_data)
        diff = diff_graphs(old, new)
        effects = [effect(diff, args.semantics, top=args.top)]
    except ArggraphError as exc:
        if _looks_like_graph(old_data) or _looks_like_graph(new_data):
            print(f"arggraph: note: {exc}; shown as a line diff", file=sys.stderr)
        emit(_line_diff(old_data, new_data, old_label, new_label))
        return 0
    emit(f"diff --arggraph {old_label} {new_label}")
    emit(_render(diff, effects, args.format, old_label, new_label, None))
    return 0


def _git_side(data: bytes, label: str, other: bytes) -> Graph:
    """One side of a git diff as a graph; a side that does not exist (an added or a
    deleted file) is an empty graph with the other side's id."""
    from ..graph import Graph
    from ..io import loads
    from ..model import GraphModel

    if data:
        return loads(data, path=label)
    twin = loads(other, path=label) if other else None
    return Graph(GraphModel(id=twin.id if twin is not None else "graph"))


def _looks_like_graph(data: bytes) -> bool:
    """Whether a file says it is an arggraph graph, or is a bare one (JSON with claims
    and no other format), so that failing to read it deserves a note."""
    from ..errors import ArggraphError
    from ..io import decode_text
    from ..jsonio import parse_json

    try:
        value = parse_json(decode_text(data, None), data=data)
    except ArggraphError:  # malformed, not UTF-8, or past the reader's limits
        return data.lstrip().startswith(b"{")
    if not isinstance(value, dict):
        return False
    fmt = value.get("format")
    if isinstance(fmt, str):
        return fmt.startswith("arggraph/")
    return "claims" in value


def _line_diff(old: bytes, new: bytes, old_label: str, new_label: str) -> str:
    import difflib

    from ..text import terminal_safe

    a = old.decode("utf-8", errors="replace").splitlines(keepends=True)
    b = new.decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, old_label, new_label)
    return terminal_safe("".join(line if line.endswith("\n") else line + "\n" for line in lines))
