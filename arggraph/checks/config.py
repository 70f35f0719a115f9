"""Check settings from ``[tool.arggraph.check]`` in a ``pyproject.toml``.

A repository of argument graphs keeps its check settings beside its code settings, as
ruff does: the nearest ``pyproject.toml`` at or above a graph's folder that has a
``[tool.arggraph.check]`` table applies to that graph (files without the table are
passed over). Its keys::

    [tool.arggraph.check]
    select = ["ALL"]          # codes, prefixes (S, P0) or names; default ALL
    extend-select = []        # added to select
    ignore = ["P010", "P011"] # the most specific selector wins; ignore wins a tie
    fail-on = "warning"       # error (default) | warning | info
    documents = "sources"     # folder of the documents' texts, relative to this file

Command-line options override: ``--select`` replaces ``select`` and ``extend-select``,
``--ignore`` adds to ``ignore``, ``--fail-on`` and ``--documents`` replace theirs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArggraphError, InputError
from .finding import SEVERITIES, Severity
from .registry import expand_selector

__all__ = ["TABLE", "CheckConfig", "find_config", "read_config"]

#: Where the settings live in a pyproject.toml.
TABLE = "[tool.arggraph.check]"
_KEYS = ("select", "extend-select", "ignore", "fail-on", "documents")


@dataclass(frozen=True)
class CheckConfig:
    """The settings that apply to a graph (all empty when no file sets them)."""

    source: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    documents: Path | None = None


def read_config(pyproject: Path) -> CheckConfig | None:
    """The settings of one pyproject.toml, or ``None`` when it has no table for us.

    Raises :class:`~arggraph.errors.InputError` (exit 2) for a file that is not TOML, an
    unknown key, a value of the wrong type or an unknown rule selector, naming the file
    and the key.
    """
    from ..io import decode_text, read_bytes

    text = decode_text(read_bytes(pyproject, allow_empty=True), pyproject)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=pyproject) from None
    except RecursionError:
        raise InputError(
            "cannot be read: arrays or tables nested too deep for Python's TOML reader",
            path=pyproject,
        ) from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise InputError(
            "cannot be read: an integer too long for Python's TOML reader", path=pyproject
        ) from None
    table = data.get("tool", {}).get("arggraph", {}).get("check")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise InputError("must be a table", path=pyproject, place=TABLE)
    for key in table:
        if key not in _KEYS:
            raise InputError(
                f"unknown key {key!r} (known: {', '.join(_KEYS)})", path=pyproject, place=TABLE
            )

    def selectors(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(
                f'{key} must be a list of strings, such as ["S", "P001"]',
                path=pyproject,
                place=TABLE,
            )
        for v in value:
            try:
                expand_selector(v)
            except ArggraphError as exc:
                raise InputError(f"{key}: {exc.message}", path=pyproject, place=TABLE) from None
        return tuple(value)

    fail_on: Any = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise InputError(
            f"fail-on must be one of {', '.join(SEVERITIES)}, got {fail_on!r}",
            path=pyproject,
            place=TABLE,
        )
    documents = table.get("documents")
    if documents is not None and not isinstance(documents, str):
        raise InputError("documents must be a folder name (a string)", path=pyproject, place=TABLE)
    return CheckConfig(
        source=pyproject,
        select=selectors("select"),
        extend_select=selectors("extend-select") or (),
        ignore=selectors("ignore") or (),
        fail_on=fail_on,
        documents=(pyproject.parent / documents) if documents is not None else None,
    )


def find_config(
    graph_path: str | Path, cache: dict[Path, CheckConfig] | None = None
) -> CheckConfig:
    """The settings for the graph at ``graph_path``: those of the nearest pyproject.toml
    with a ``[tool.arggraph.check]`` table at or above its folder, else the defaults.

    ``cache`` (folder -> settings) saves reading the same files again when many graphs
    are checked in one run.
    """
    cache = {} if cache is None else cache
    start = Path(graph_path).resolve().parent
    visited: list[Path] = []
    folder = start
    while True:
        if folder in cache:
            found = cache[folder]
            break
        visited.append(folder)
        candidate = folder / "pyproject.toml"
        settings = read_config(candidate) if candidate.is_file() else None
        if settings is not None:
            found = settings
            break
        if folder.parent == folder:
            found = CheckConfig()
            break
        folder = folder.parent
    for seen in visited:
        cache[seen] = found
    return found
