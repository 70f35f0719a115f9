"""Names a package re-exports, imported when first asked for (PEP 562).

A package's ``__init__`` gives the table of its public names by the submodule that
defines them; ``import arggraph`` then costs nothing, and ``arggraph.score`` imports the
semantics (and NumPy) the first time it is read. Type checkers see the same names
through the package's ``if TYPE_CHECKING:`` imports.

>>> import sys, types
>>> pkg = types.ModuleType("demo")
>>> sys.modules["demo"] = pkg
>>> pkg.__getattr__, pkg.__dir__ = lazy_exports("demo", {"json": ("dumps",)})
>>> pkg.dumps([1])
'[1]'
>>> "dumps" in vars(pkg), "dumps" in dir(pkg)
(True, True)
>>> del sys.modules["demo"]
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, table: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: ``table`` maps a module (a
    name relative to the package, such as ``".io"``, or an absolute one) to the names it
    gives; each is imported on first use and then kept in the package's namespace.
    Raises :class:`AttributeError` for a name the table lacks."""
    where = {name: module for module, names in table.items() for name in names}
    home = sys.modules[package]
    # A name may also be a submodule's (``semantics.explain`` the function, and the
    # module that defines it): importing the module sets the package's attribute to
    # the module, so the package keeps the name's value instead.
    home.__class__ = type(
        "LazyModule", (type(home),), {"__setattr__": _keeping(package, frozenset(where))}
    )

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module's hook
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        vars(sys.modules[package])[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the module's hook
        return sorted(set(vars(sys.modules[package])) | set(where))

    return __getattr__, __dir__


def _keeping(package: str, names: frozenset[str]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: types.ModuleType, name: str, value: Any) -> None:
        if (
            name in names
            and isinstance(value, types.ModuleType)
            and value.__name__ == f"{package}.{name}"
        ):
            value = getattr(value, name)
        types.ModuleType.__setattr__(self, name, value)

    return __setattr__
