"""The terminal UI's speed: first paint, and the time from a score key to the screen.

Run: ``python benchmarks/bench_tui.py [--repeat N] [--claims N]``

Each case opens the app headless with Textual's Pilot at 120x40 and presses keys. The
time of a key is measured from the moment the key is sent to the first frame the
compositor produces after the screen's handler has applied the change (the frame is
also turned into terminal escape codes, as a real terminal would receive them, so the
figure includes drawing). "settled" adds the time until the slower panels (why, the
flip points, the lever, computed in worker threads) are on screen too.

Cases: the 12-claim test fixture (the baseline every ratio is against), the bundled
Bakhmut graph (81 claims), and a generated graph of 10k claims and ~15k relations
(seeded, two positions that attack each other, every other claim supporting or
attacking an earlier one): a base score key, a link weight key, and a switch of
semantics (a full recomputation). Peak memory is measured in a separate pass with
tracemalloc (Python allocations, NumPy's included), and the process's peak RSS last.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import RenderableType  # noqa: E402
from textual.app import App  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.screen import Screen  # noqa: E402

from arggraph.graph import Graph  # noqa: E402
from arggraph.io import load  # noqa: E402
from arggraph.model import Claim, GraphModel, Relation  # noqa: E402
from arggraph.sheets import ScoreBook  # noqa: E402
from tui.app import ArggraphApp  # noqa: E402
from tui.screens.main import MainScreen  # noqa: E402

SIZE = (120, 40)


def generated(n: int, seed: int = 1) -> Graph:
    """Two positions attacking each other; claim ``i`` bears on one or two earlier claims."""
    rng = random.Random(seed)
    claims = [
        Claim(id="p0", text="Position zero", kind="position"),
        Claim(id="p1", text="Position one", kind="position"),
    ]
    relations = [
        Relation(type="attack", source="p0", target="p1"),
        Relation(type="attack", source="p1", target="p0"),
    ]
    for i in range(2, n):
        claims.append(
            Claim(id=f"c{i}", text=f"Generated claim number {i}", base=round(rng.random(), 3))
        )
        targets = {rng.randrange(0, i) for _ in range(1 if rng.random() < 0.5 else 2)}
        for t in sorted(targets):
            target = f"p{t}" if t < 2 else f"c{t}"
            relations.append(
                Relation(
                    type=rng.choice(("support", "attack")),
                    source=f"c{i}",
                    target=target,
                    weight=round(rng.uniform(0.2, 1.0), 3),
                )
            )
    return Graph(
        GraphModel(
            id=f"generated-{n}", question="Which position?", claims=claims, relations=relations
        )
    )


class Clock:
    """Timestamps of frames and of handled score changes, from hooks on the app."""

    def __init__(self) -> None:
        self.frames: list[float] = []
        self.handled: list[float] = []

    def install(self) -> Callable[[], None]:
        from textual._compositor import CompositorUpdate

        display = App._display
        after = MainScreen.after_change
        view = MainScreen.after_view_change
        semantics = MainScreen.action_semantics
        clock = self

        def spy_display(
            app: App[Any], screen: Screen[Any], renderable: RenderableType | None
        ) -> None:
            if renderable is not None:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)
                clock.frames.append(time.perf_counter())
            display(app, screen, renderable)

        def spy_after(screen: MainScreen, *args: Any, **kwargs: Any) -> None:
            after(screen, *args, **kwargs)
            clock.handled.append(time.perf_counter())

        def spy_semantics(screen: MainScreen) -> None:
            semantics(screen)
            clock.handled.append(time.perf_counter())

        # The hooks replace methods on the classes, so setattr (a plain assignment to a
        # method is a type error).
        setattr(App, "_display", spy_display)  # noqa: B010
        setattr(MainScreen, "after_change", spy_after)  # noqa: B010
        setattr(MainScreen, "action_semantics", spy_semantics)  # noqa: B010

        def undo() -> None:
            setattr(App, "_display", display)  # noqa: B010
            setattr(MainScreen, "after_change", after)  # noqa: B010
            setattr(MainScreen, "action_semantics", semantics)  # noqa: B010
            setattr(MainScreen, "after_view_change", view)  # noqa: B010

        return undo

    def frame_after(self, moment: float) -> float:
        return next(t for t in self.frames if t >= moment)


async def settle(app: App[Any]) -> None:
    """Wait until no panel is being computed or waiting to start."""
    screen = app.screen
    while isinstance(screen, MainScreen) and screen.working:
        await asyncio.sleep(0.002)


async def measure_keys(
    pilot: Pilot[Any],
    clock: Clock,
    keys: list[str],
) -> tuple[list[float], list[float]]:
    """Per key: (ms to the first frame after the change, ms until the panels settle)."""
    app = pilot.app
    first: list[float] = []
    settled: list[float] = []
    for key in keys:
        await settle(app)
        await pilot.pause()
        handled_before = len(clock.handled)
        start = time.perf_counter()
        await pilot.press(key)
        while len(clock.handled) == handled_before:
            await asyncio.sleep(0.001)
        done = clock.handled[handled_before]
        while not clock.frames or clock.frames[-1] < done:
            await asyncio.sleep(0.001)
        first.append((clock.frame_after(done) - start) * 1000)
        await settle(app)
        await pilot.pause()
        settled.append((clock.frames[-1] - start) * 1000)
    return first, settled


async def open_and_score(
    graph: Graph,
    keys: list[str],
    before: list[str] | None = None,
) -> tuple[float, list[float], list[float]]:
    clock = Clock()
    undo = clock.install()
    try:
        book = ScoreBook(graph, path=Path("/nonexistent/bench.scores.json"), scorer="bench")
        app = ArggraphApp(graph, book=book, user="bench")
        start = time.perf_counter()
        async with app.run_test(size=SIZE) as pilot:
            while not clock.frames:
                await asyncio.sleep(0.001)
            paint = (clock.frames[0] - start) * 1000
            if before:
                await pilot.press(*before)
            first, settled = await measure_keys(pilot, clock, keys)
            await settle(app)
        return paint, first, settled
    finally:
        undo()


def score_keys(repeat: int) -> list[str]:
    return [str((i * 3) % 10) for i in range(repeat)]


def row(name: str, values: list[float], base: float | None) -> str:
    med = statistics.median(values)
    p90 = sorted(values)[max(0, int(len(values) * 0.9) - 1)]
    ratio = f"{med / base:6.1f}x" if base else "   1.0x"
    return f"{name:<52} {med:9.1f} {p90:9.1f} {ratio:>8}"


async def main(repeat: int, n: int) -> None:
    fixture = load(ROOT / "tests" / "fixtures" / "bypass.json")
    bundled_path = ROOT / "graphs" / "bakhmut.json"
    big = generated(n)
    print(
        f"arggraph TUI, {SIZE[0]}x{SIZE[1]}, Python {sys.version.split()[0]}, "
        f"{repeat} presses per case; times in ms (median, 90th percentile)\n"
    )
    print(f"{'case':<52} {'median':>9} {'p90':>9} {'ratio':>8}")
    print("-" * 81)

    paint_f, first_f, settled_f = await open_and_score(fixture, score_keys(repeat), ["j"])
    base_first = statistics.median(first_f)
    base_settled = statistics.median(settled_f)
    print(row("12 claims: score key -> screen (baseline)", first_f, None))
    print(row("12 claims: score key -> why/lever settled", settled_f, base_settled))

    if bundled_path.is_file():
        bundled = load(bundled_path)
        paint_b, first_b, settled_b = await open_and_score(bundled, score_keys(repeat), ["j", "j"])
        print(
            row(f"bundled ({len(bundled.claims)} claims): score key -> screen", first_b, base_first)
        )
        print(row("bundled: score key -> why/lever settled", settled_b, base_settled))

    paint_n, first_n, settled_n = await open_and_score(big, score_keys(repeat), ["j"])
    print(row(f"{n} claims: score key -> screen", first_n, base_first))
    print(row(f"{n} claims: score key -> why/lever settled", settled_n, base_settled))
    _, first_w, _ = await open_and_score(big, score_keys(repeat), ["j", "w"])
    print(row(f"{n} claims: link weight key -> screen", first_w, base_first))
    _, first_m, _ = await open_and_score(big, ["m"] * max(4, repeat // 4))
    print(row(f"{n} claims: m (switch semantics, full recompute) -> screen", first_m, base_first))

    print("\nfirst paint (app start to first frame), ms")
    print(f"  12-claim fixture {paint_f:8.1f}")
    if bundled_path.is_file():
        print(f"  bundled graph    {paint_b:8.1f}")
    print(f"  {n} claims     {paint_n:8.1f}")

    print(
        "\nfirst paint from a cold start (a new Python process: imports, loading the "
        "graph, computing, the first frame), ms"
    )
    for label, graph_arg in (
        ("bundled graph", None),
        ("12-claim fixture", str(ROOT / "tests" / "fixtures" / "bypass.json")),
    ):
        runs = [cold_first_paint(graph_arg) for _ in range(3)]
        print(
            f"  {label:<16} {statistics.median(runs):8.1f}  (runs: "
            + ", ".join(f"{r:.0f}" for r in runs)
            + ")"
        )

    tracemalloc.start()
    await open_and_score(big, score_keys(5), ["j"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak traced memory, {n}-claim session with 5 score keys: {peak / 2**20:.1f} MiB")
    print(f"peak RSS of the whole run: {rss:.0f} MiB")


def cold_first_paint(graph: str | None) -> float:
    """Milliseconds from starting a new Python process to its first frame."""
    import subprocess

    start = time.time()
    cmd = [sys.executable, __file__, "--child-first-paint", str(start)]
    if graph is not None:
        cmd += ["--graph", graph]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


async def child_first_paint(start: float, graph: str | None) -> None:
    """In the child: open the app as ``arggraph tui`` does and report the first frame."""
    import tempfile

    from tui.factory import create_app

    frames: list[float] = []
    display = App._display

    def spy(app: App[Any], screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None and not frames:
            frames.append(time.time())
        display(app, screen, renderable)

    setattr(App, "_display", spy)  # noqa: B010
    with tempfile.TemporaryDirectory() as home:
        app = create_app(graph, user="bench", env={"HOME": home})
        async with app.run_test(size=SIZE):
            while not frames:
                await asyncio.sleep(0.001)
    print((frames[0] - start) * 1000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child-first-paint", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--graph", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=20, help="key presses per case")
    parser.add_argument("--claims", type=int, default=10_000, help="size of the big graph")
    args = parser.parse_args()
    if args.child_first_paint is not None:
        asyncio.run(child_first_paint(args.child_first_paint, args.graph))
    else:
        asyncio.run(main(args.repeat, args.claims))
