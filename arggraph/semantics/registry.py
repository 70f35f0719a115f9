"""The semantics arggraph computes, one table per family: every surface reads these.

A semantics is one entry here. The engine, the incremental engine, ``explain``, the
plain-Python reference, the CLI's ``--semantics`` choices and help, the TUI's semantics
cycle and the legends of exported diagrams all take their names, labels, references and
formulas from :data:`GRADUAL` and :data:`EXTENSION`; nothing else spells a semantics'
name out to dispatch on it. This module imports no NumPy, so ``arggraph --help`` and the
CLI's argument parsing stay fast: the array kernels an entry points to are imported on
first use (:meth:`GradualSemantics.kernels`).

A gradual semantics, in the modular view of Mossakowski and Neuhaus (2018), is an
*aggregation* (how the weighted strengths of a claim's attackers, and of its supporters,
combine into one number each) and an *influence* function (how the base score and the two
aggregates give the strength). Each entry names both, and its kernels compute the
influence on arrays, on scalars, and its partial derivatives.

>>> [s.name for s in GRADUAL.values()]
['dfquad', 'qe', 'euler', 'hcat']
>>> gradual("qe").label, gradual("qe").aggregation.name
('quadratic energy', 'sum')
>>> [s.name for s in EXTENSION.values() if s.unique]
['grounded']
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar, get_args

from ..errors import SemanticsError

if TYPE_CHECKING:
    from ..framework import FloatArray
    from .sat import SatSemantics

__all__ = [
    "Aggregation",
    "EXTENSION",
    "ExtensionName",
    "ExtensionSemantics",
    "GRADUAL",
    "GradualName",
    "GradualSemantics",
    "Kernels",
    "MEAN",
    "PROBABILISTIC_SUM",
    "SUM",
    "extension",
    "gradual",
]

#: The names of the built-in gradual semantics, the default first (kept equal to
#: :data:`GRADUAL` by a test, so type checkers know the valid names).
GradualName = Literal["dfquad", "qe", "euler", "hcat"]
#: The names of the built-in extension semantics, the default first.
ExtensionName = Literal["grounded", "complete", "preferred", "stable"]


# ---------------------------------------------------------------------- gradual
@dataclass(frozen=True)
class Aggregation:
    """How the weighted strengths ``x`` of a claim's attackers (or supporters) combine.

    ``kind`` is what the engine implements, once each:

    - ``"product"``: the probabilistic sum ``1 - prod(1 - x)`` (0 for no terms), which the
      engine keeps as the product of the complements while it accumulates;
    - ``"sum"``: ``sum(x)`` (0 for no terms);
    - ``"mean"``: ``sum(x) / len(x)`` over the relations into the claim (0 for none).

    ``premises`` is how the members of a linked set of premises (premises that bear on
    their conclusion only together) combine into the one ``x`` of their relation before
    the aggregation: the weakest member, as in the set-attack frameworks of Nielsen and
    Parsons (2006) and the weighted bipolar SETAFs of Yun and Vesic (2021).
    """

    name: str
    kind: Literal["product", "sum", "mean"]
    formula: str
    premises: Literal["min"] = "min"


PROBABILISTIC_SUM = Aggregation("probabilistic sum", "product", "1 - prod(1 - x)")
SUM = Aggregation("sum", "sum", "sum(x)")
MEAN = Aggregation("mean", "mean", "sum(x) / len(x)")


@dataclass(frozen=True)
class Kernels:
    """A gradual semantics' influence function, computed three ways.

    Each takes the base score ``b`` and the aggregates ``va`` of the attackers and ``vs``
    of the supporters (already combined by the entry's :class:`Aggregation`), all in
    [0, 1] for the probabilistic sum and the mean, in [0, inf) for the sum:

    - ``vector(b, va, vs)``: arrays of equal shape (float64) to the strengths;
    - ``scalar(b, va, vs)``: the same for one claim, for the plain-Python paths (an
      edit's small cone, the reference), where NumPy's per-call cost would dominate;
    - ``derivatives(b, va, vs)``: ``(d/db, d/dva, d/dvs)`` of the strength, arrays of the
      same shape, for ``explain``'s reverse pass and the implicit differentiation on
      cycles. At a kink (DF-QuAD at ``va == vs``) they are the derivatives of the branch
      the formula takes there.
    - ``lipschitz(b)`` (optional): for bases ``b``, a bound on ``|d strength / d va|`` and
      ``|d strength / d vs|`` over every ``va``, ``vs`` (a global Lipschitz constant of
      the influence). ``explain`` bounds each claim's removal effect with it in one pass
      and computes exact removals only where a bound says they may matter; without it
      every removal is computed exactly.
    """

    vector: Callable[[FloatArray, FloatArray, FloatArray], FloatArray]
    scalar: Callable[[float, float, float], float]
    derivatives: Callable[
        [FloatArray, FloatArray, FloatArray], tuple[FloatArray, FloatArray, FloatArray]
    ]
    lipschitz: Callable[[FloatArray], FloatArray] | None = None


def _lazy(module: str, name: str) -> Callable[[], Kernels]:
    """A loader of ``module.name``, imported on first call (keeps NumPy out of start-up)."""

    def load() -> Kernels:
        kernels = getattr(importlib.import_module(module), name)
        assert isinstance(kernels, Kernels)
        return kernels

    return load


@dataclass(frozen=True)
class GradualSemantics:
    """One gradual semantics: what people call it, where it comes from, how it computes.

    ``supports`` says whether it takes supports at all (h-categorizer does not: a
    support of weight above 0 is refused with the reason). ``influence`` is the formula of
    the strength from base ``w`` and aggregates ``va``/``vs``, as help texts show it.
    ``load_kernels`` returns its :class:`Kernels` (imported on first use).
    """

    name: str
    label: str
    citation: str
    reference: str
    supports: bool
    aggregation: Aggregation
    influence: str
    load_kernels: Callable[[], Kernels]

    def kernels(self) -> Kernels:
        """The influence function's array, scalar and derivative kernels."""
        return self.load_kernels()

    @property
    def summary(self) -> str:
        """One line for help texts: label, paper and what it takes."""
        takes = "attacks and supports" if self.supports else "attacks only"
        return f"{self.name}: {self.label} ({self.citation}; {takes})"


_KERNELS = "arggraph.semantics._kernels"

#: The gradual semantics, by name, the default (DF-QuAD) first.
GRADUAL: Mapping[str, GradualSemantics] = {
    s.name: s
    for s in (
        GradualSemantics(
            "dfquad",
            "DF-QuAD",
            "Rago et al. 2016",
            "A. Rago, F. Toni, M. Aurisicchio and P. Baroni. Discontinuity-free decision "
            "support with quantitative argumentation debates. Proc. KR 2016, 63-72.",
            True,
            PROBABILISTIC_SUM,
            "w - w*(va - vs) if va >= vs, else w + (1 - w)*(vs - va)",
            _lazy(_KERNELS, "DFQUAD"),
        ),
        GradualSemantics(
            "qe",
            "quadratic energy",
            "Potyka 2018",
            "N. Potyka. Continuous dynamical systems for weighted bipolar argumentation. "
            "Proc. KR 2018, 148-157.",
            True,
            SUM,
            "w - w*h(va - vs) + (1 - w)*h(vs - va), h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)",
            _lazy(_KERNELS, "QE"),
        ),
        GradualSemantics(
            "euler",
            "Euler-based",
            "Amgoud and Ben-Naim 2018",
            "L. Amgoud and J. Ben-Naim. Evaluation of arguments in weighted bipolar graphs. "
            "International Journal of Approximate Reasoning 99 (2018), 39-55.",
            True,
            SUM,
            "1 - (1 - w^2) / (1 + w*exp(vs - va))",
            _lazy(_KERNELS, "EULER"),
        ),
        GradualSemantics(
            "hcat",
            "weighted h-categorizer",
            "Amgoud et al. 2017",
            "L. Amgoud, J. Ben-Naim, D. Doder and S. Vesic. Acceptability semantics for "
            "weighted argumentation frameworks. Proc. IJCAI 2017, 56-62 (after the "
            "h-categorizer of P. Besnard and A. Hunter, Artificial Intelligence 128 (2001)).",
            False,
            SUM,
            "w / (1 + va)",
            _lazy(_KERNELS, "HCAT"),
        ),
    )
}


# ---------------------------------------------------------------------- extensions
@dataclass(frozen=True)
class ExtensionSemantics:
    """One of Dung's extension semantics (Dung 1995), on the attack relation.

    ``unique``: it always has exactly one extension (grounded). ``may_have_none``: a
    framework may have no extension at all (stable), so sceptical acceptance can hold
    vacuously. ``sceptical_is_grounded``: a claim is in every extension exactly when it
    is in the grounded one (complete), so no solver is asked.

    How :mod:`arggraph.semantics.dung` computes it: ``load_solver`` returns the
    :class:`~arggraph.semantics.sat.SatSemantics` (an encoding and how to search it),
    imported on first use; ``None`` means the only extension is the grounded one,
    computed without a solver. ``refines_grounded``: every extension agrees with the
    grounded labelling on the claims it decides (true of complete and of every semantics
    made of complete extensions: preferred, stable), so only the claims grounded leaves
    undecided go to the solver; an entry for which that fails (admissible, naive) says
    ``False`` and the solver sees the whole framework.
    """

    name: str
    label: str
    definition: str
    reference: str
    unique: bool = False
    may_have_none: bool = False
    sceptical_is_grounded: bool = False
    load_solver: Callable[[], SatSemantics] | None = None
    refines_grounded: bool = True

    def solver(self) -> SatSemantics | None:
        """The solver's view of this semantics, or None for the grounded extension."""
        return None if self.load_solver is None else self.load_solver()

    @property
    def summary(self) -> str:
        """One line for help texts."""
        return f"{self.name}: {self.definition}"


def _sat(name: str) -> Callable[[], SatSemantics]:
    """A loader of ``arggraph.semantics.sat.<name>``, imported on first call."""

    def load() -> SatSemantics:
        from . import sat

        found = getattr(sat, name)
        assert isinstance(found, sat.SatSemantics)
        return found

    return load


_DUNG = (
    "P. M. Dung. On the acceptability of arguments and its fundamental role in "
    "nonmonotonic reasoning, logic programming and n-person games. Artificial "
    "Intelligence 77 (1995), 321-357."
)

#: The extension semantics, by name, the default (grounded) first.
EXTENSION: Mapping[str, ExtensionSemantics] = {
    s.name: s
    for s in (
        ExtensionSemantics(
            "grounded",
            "grounded",
            "the least complete extension: what every reader must accept",
            _DUNG,
            unique=True,
        ),
        ExtensionSemantics(
            "complete",
            "complete",
            "admissible sets that hold every claim they defend",
            _DUNG,
            sceptical_is_grounded=True,
            load_solver=_sat("COMPLETE"),
        ),
        ExtensionSemantics(
            "preferred",
            "preferred",
            "maximal admissible sets: the positions one can consistently hold",
            _DUNG,
            load_solver=_sat("PREFERRED"),
        ),
        ExtensionSemantics(
            "stable",
            "stable",
            "conflict-free sets that attack every claim outside them (there may be none)",
            _DUNG,
            may_have_none=True,
            load_solver=_sat("STABLE"),
        ),
    )
}


# ---------------------------------------------------------------------- lookup
_Entry = TypeVar("_Entry", GradualSemantics, ExtensionSemantics)


def _find(table: Mapping[str, _Entry], name: str, family: str) -> _Entry:
    try:
        return table[name]
    except (KeyError, TypeError):
        pass
    close = difflib.get_close_matches(str(name), list(table), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise SemanticsError(
        f"unknown semantics {name!r}{hint} (the {family} semantics are {', '.join(table)})"
    )


def gradual(name: str) -> GradualSemantics:
    """The gradual semantics called ``name``.

    Raises :class:`~arggraph.errors.SemanticsError` (with the nearest name as a hint)
    for an unknown name.

    >>> gradual("dfquad").citation
    'Rago et al. 2016'
    >>> gradual("dfqad")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.SemanticsError: unknown semantics 'dfqad'; did you mean 'dfquad'? ...
    """
    return _find(GRADUAL, name, "gradual")


def extension(name: str) -> ExtensionSemantics:
    """The extension semantics called ``name`` (:class:`~arggraph.errors.SemanticsError`
    for an unknown one).

    >>> extension("stable").may_have_none
    True
    """
    return _find(EXTENSION, name, "extension")


def _names(literal: object) -> Iterator[str]:
    """The strings of a ``Literal`` type (for the test that keeps the table and it equal)."""
    yield from (str(x) for x in get_args(literal))
