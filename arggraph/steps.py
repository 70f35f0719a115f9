"""How long work tells its caller how far it has got: a progress bar, or a test.

The library draws nothing: a long computation (every exact removal of ``explain``,
every flip point of a verdict) takes a :class:`Steps` and reports to it; the command
line passes a Rich progress bar on a terminal (``arggraph.cli.common.progress``), a
test a list. A computation that knows how many steps it has says so first.

>>> class Count:
...     def __init__(self) -> None:
...         self.done, self.of = 0, None
...     def total(self, count: int) -> None:
...         self.of = count
...     def advance(self, steps: int = 1) -> None:
...         self.done += steps
>>> from arggraph.framework import Framework
>>> from arggraph.semantics.explain import explain
>>> fw = Framework.from_edges(["t", "a", "b"], [0.5, 0.6, 0.4], attacks=[("a", "t"), ("b", "t")])
>>> seen = Count(); _ = explain(fw, "t", progress=seen); (seen.done, seen.of)
(2, 2)
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["Steps"]


class Steps(Protocol):
    """What a long computation reports its progress to."""

    def total(self, count: int) -> None:
        """How many steps the work has (once known; a bar shows ``done/count``)."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more are done."""
