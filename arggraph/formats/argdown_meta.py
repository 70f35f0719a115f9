"""What arggraph's Argdown export keeps in ``{...}`` data and front matter, read back and
checked: actors and documents, attributions, and what relations carry beyond their type.

Every value is validated as arggraph/1 validates it, and a bad one is an
``ImportFormatError`` naming the file's line (the front matter's key, or the element whose
data holds it), not a place in a JSON file the user never saw.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import JSONLimitError, JSONSyntaxError
from ..jsonio import parse_json
from ..model import Actor, Attribution, Document
from .imported import fail

__all__ = ["attributions", "front_items", "relation_extra"]


def _message(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    where = ".".join(str(x) for x in err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _valid(
    model: type[BaseModel], value: Any, what: str, path: str | Path | None, line: int | None
) -> dict[str, Any]:
    try:
        return model.model_validate(value).model_dump(mode="json", exclude_none=True)
    except ValidationError as exc:
        raise fail(f"{what}: {_message(exc)}", path, line) from None


def _list(value: Any, what: str, path: str | Path | None, line: int | None) -> list[Any]:
    if not isinstance(value, list):
        raise fail(f"{what}: expected a list, found {json.dumps(value)[:40]}", path, line)
    return value


def front_items(
    front: dict[str, str], lines: dict[str, int], path: str | Path | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``actors`` and ``documents`` of the front matter (JSON lists, which YAML
    reads too), each validated; raises ``ImportFormatError`` with the key's line."""
    out: dict[str, list[dict[str, Any]]] = {"actors": [], "documents": []}
    for key, model in (("actors", Actor), ("documents", Document)):
        if key not in front:
            continue
        line = lines.get(key)
        try:
            value = parse_json(front[key])
        except JSONLimitError as exc:
            raise fail(f"front matter {key}: {exc.message}", path, line) from None
        except JSONSyntaxError:
            raise fail(f"front matter {key}: expected a JSON list", path, line) from None
        for i, item in enumerate(_list(value, f"front matter {key}", path, line)):
            out[key].append(_valid(model, item, f"front matter {key}[{i}]", path, line))
    return out["actors"], out["documents"]


def attributions(
    value: Any, what: str, path: str | Path | None, line: int | None
) -> list[dict[str, Any]]:
    """A data block's ``attributions``, each validated as an arggraph/1 attribution."""
    return [
        _valid(Attribution, item, f"{what} attribution {i + 1}", path, line)
        for i, item in enumerate(_list(value, f"{what} attributions", path, line))
    ]


def relation_extra(
    entry: Any, what: str, path: str | Path | None, line: int | None
) -> dict[str, Any]:
    """One entry of a data block's ``relations`` (``from`` and ``type`` aside): its id,
    weight, scheme, note and attributions, checked."""
    if not isinstance(entry, dict):
        raise fail(f"{what}: expected an object, found {json.dumps(entry)[:40]}", path, line)
    out: dict[str, Any] = {}
    if "id" in entry:
        if not isinstance(entry["id"], str) or not entry["id"]:
            raise fail(f"{what}: id must be a non-empty string", path, line)
        out["id"] = entry["id"]
    weight = entry.get("weight")
    if weight is not None:
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 1:
            raise fail(f"{what}: weight must be a number from 0 to 1, not {weight!r}", path, line)
        out["weight"] = float(weight)
    for key in ("scheme", "note"):
        if entry.get(key) is not None:
            if not isinstance(entry[key], str) or not entry[key]:
                raise fail(f"{what}: {key} must be a non-empty string", path, line)
            out[key] = entry[key]
    if "attributions" in entry:
        out["attributions"] = attributions(entry["attributions"], what, path, line)
    return out
