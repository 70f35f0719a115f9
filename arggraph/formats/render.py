"""Running Graphviz to turn DOT text into SVG, PNG or PDF.

Graphviz runs as a subprocess with an argument list (never through a shell), the DOT
text on its stdin and the picture on its stdout, so nothing in a graph can reach a
command line. Which engine lays the graph out matters more than anything else for
speed: ``dot`` draws the clearest layered argument maps but its crossing
minimisation grows steeply with the number of edges (over two minutes for 1,000
claims with three relations each), while ``sfdp`` lays out the same graph in a
fraction of a second. ``layout="auto"`` therefore keeps ``dot`` for small graphs
and for trees (where it stays fast) and switches to ``sfdp`` otherwise, so that no
export hangs.

>>> choose_layout("// arggraph-diagram: nodes=40 edges=55 cycles=16\\ndigraph {}")
'dot'
>>> choose_layout("// arggraph-diagram: nodes=1000 edges=3000 cycles=2001\\ndigraph {}")
'sfdp'
>>> choose_layout("// arggraph-diagram: nodes=2000 edges=2010 cycles=11\\ndigraph {}")
'dot'
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

from ..errors import ArggraphError, ToolMissingError, UsageError
from .dot import DiagramStats, read_stats, to_dot

if TYPE_CHECKING:
    from ..graph import Graph

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "RenderError",
    "choose_layout",
    "draw",
    "engine_args",
    "graphviz_available",
    "render",
    "to_pdf",
    "to_png",
    "to_svg",
]

#: Output formats Graphviz is asked for.
FORMATS = ("svg", "png", "pdf")
#: Layout engines a user can pick; ``auto`` chooses one of the others.
LAYOUTS = ("auto", "dot", "sfdp", "neato")

#: Up to this many edges ``dot`` runs with its default effort (well under a second).
DOT_FULL_EDGES = 250
#: Up to this many edges (and :data:`DOT_MAX_NODES` nodes) ``dot`` still runs, with
#: its network-simplex passes capped (about two seconds at the limit).
DOT_MAX_EDGES = 500
DOT_MAX_NODES = 400
#: Trees (with a few cross-links) up to this many nodes still go to ``dot``, which
#: ranks them fast (1,000 claims in half a second, 3,000 in 1.5 s; 10,000 take 23 s).
DOT_MAX_TREE = 3000

# Extra settings per engine. The force-directed ones get straight edges (spline
# routing around thousands of nodes costs more than the layout) and overlap removal
# so boxes do not sit on each other; 20 rounds of it (prism20) leave no overlap on
# these diagrams and take half the time of the default 1000 at 10k claims.
_ENGINE_ARGS = {
    "sfdp": [
        "-Goverlap=prism20",
        "-Gsplines=line",
        "-Gsep=+6",
        "-GK=1.2",
        "-Goutputorder=edgesfirst",
    ],
    "neato": ["-Goverlap=prism20", "-Gsplines=line", "-Gsep=+6", "-Goutputorder=edgesfirst"],
}

_INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install "
    "graphviz; Windows: winget install graphviz), or export the DOT text with --to dot, "
    "which needs no Graphviz"
)


class RenderError(ArggraphError):
    """Graphviz ran but failed (its own message is included)."""


def graphviz_available(engine: str = "dot") -> bool:
    """Whether the Graphviz program ``engine`` is on the PATH."""
    return shutil.which(engine) is not None


def _estimate(dot_text: str) -> DiagramStats:
    """Rough size of a DOT text not made by :func:`arggraph.formats.dot.to_dot`."""
    edges = len(re.findall(r"->|--", dot_text))
    nodes = len(re.findall(r"^\s*(?:\"[^\"]*\"|[\w.]+)\s*\[", dot_text, re.MULTILINE))
    nodes = max(nodes, 1)
    return DiagramStats(nodes=nodes, edges=edges, cycles=max(0, edges - nodes + 1))


def choose_layout(dot_text: str) -> str:
    """The engine ``auto`` picks for this diagram: ``dot`` or ``sfdp``.

    ``dot``'s running time follows the number of edges and cycles rather than of
    nodes (measured here: 150 claims with 440 relations took 22 s at default effort,
    2 s with capped passes; 500 claims with 1,000 relations 25 s even capped), so
    the rule counts edges, and lets trees through up to a few thousand nodes.
    """
    stats = _stats(dot_text)
    if stats.edges <= DOT_MAX_EDGES and stats.nodes <= DOT_MAX_NODES:
        return "dot"
    if stats.tree_like and stats.nodes <= DOT_MAX_TREE:
        return "dot"
    return "sfdp"


def _stats(dot_text: str) -> DiagramStats:
    return read_stats(dot_text) or _estimate(dot_text)


def engine_args(engine: str, dot_text: str) -> list[str]:
    """The extra command-line settings ``engine`` gets for this diagram."""
    args = list(_ENGINE_ARGS.get(engine, []))
    if engine == "dot":
        stats = _stats(dot_text)
        if stats.edges > DOT_FULL_EDGES and not stats.tree_like:
            args += ["-Gnslimit=1", "-Gnslimit1=1"]
    return args


def render(dot_text: str, fmt: str, layout: str = "auto", *, timeout: float | None = None) -> bytes:
    """The picture of ``dot_text`` in ``fmt`` (``svg``, ``png`` or ``pdf``).

    ``layout`` is ``auto`` (see :func:`choose_layout`), ``dot``, ``sfdp`` or ``neato``.
    Raises :class:`~arggraph.errors.ToolMissingError` when Graphviz is not installed
    (saying how to install it), :class:`RenderError` when it fails, and
    :class:`~arggraph.errors.UsageError` for an unknown format or layout.
    """
    if fmt not in FORMATS:
        raise UsageError(
            f"cannot render to {fmt!r}; Graphviz output formats here are " + ", ".join(FORMATS)
        )
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}; choose one of " + ", ".join(LAYOUTS))
    engine = choose_layout(dot_text) if layout == "auto" else layout
    program = shutil.which(engine)
    if program is None:
        raise ToolMissingError(f"Graphviz's {engine!r} program is not installed: " + _INSTALL_HINT)
    # cairo gives antialiased PNG and PDF with embedded fonts; fall back to the
    # core renderers where this Graphviz build has no cairo.
    device = fmt if fmt == "svg" else f"{fmt}:cairo"
    args = [program, f"-T{device}", *engine_args(engine, dot_text)]
    try:
        done = subprocess.run(
            args, input=dot_text.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
        if done.returncode != 0 and device != fmt and b"not recognized" in done.stderr:
            args[1] = f"-T{fmt}"
            done = subprocess.run(
                args,
                input=dot_text.encode("utf-8"),
                capture_output=True,
                timeout=timeout,
                check=False,
            )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz {engine} took longer than {timeout:g} s; try "
            "--layout sfdp, or --focus CLAIM for a smaller diagram"
        ) from None
    except OSError as exc:
        raise ToolMissingError(
            f"cannot run Graphviz's {engine!r} ({exc.strerror or exc}): " + _INSTALL_HINT
        ) from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {done.returncode}"
        raise RenderError(f"Graphviz {engine} failed: {detail}")
    return done.stdout


def draw(graph: Graph, fmt: str, *, layout: str = "auto", **options: Any) -> bytes:
    """The argument map of ``graph`` drawn by Graphviz in ``fmt`` (``svg``, ``png`` or
    ``pdf``): the diagram :func:`~arggraph.formats.dot.to_dot` makes with ``options``,
    laid out by ``layout``. Raises what :func:`render` and ``to_dot`` raise."""
    return render(to_dot(graph, **options), fmt, layout)


def to_svg(graph: Graph, *, layout: str = "auto", **options: Any) -> bytes:
    """The argument map as SVG (see :func:`draw`)."""
    return draw(graph, "svg", layout=layout, **options)


def to_png(graph: Graph, *, layout: str = "auto", **options: Any) -> bytes:
    """The argument map as PNG (see :func:`draw`)."""
    return draw(graph, "png", layout=layout, **options)


def to_pdf(graph: Graph, *, layout: str = "auto", **options: Any) -> bytes:
    """The argument map as PDF (see :func:`draw`)."""
    return draw(graph, "pdf", layout=layout, **options)
