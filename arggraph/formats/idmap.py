"""Id maps: the claim ids an export had to rename, saved so an import can restore them.

apx, tgf and BAG accept only some names (apx: ``a1``, ``cost_of_lives``; tgf and BAG:
no spaces, commas or parentheses), so their writers rename the other ids (``a3`` for
the third claim) and say so in their :class:`~arggraph.formats.report.Report`. apx keeps
the ids in ``% name`` comments and i23 in ``# name`` comments, which their readers read
back; tgf and BAG have no comments a solver would accept, so ``arggraph export --id-map
FILE.json`` writes the renames to a file of their own, and ``arggraph import --id-map
FILE.json`` restores them::

    {"format": "arggraph-id-map/1", "graph": "bakhmut-2023", "to": "tgf",
     "ids": {"a3": "cost of lives", ...}}

``ids`` maps each name written to the claim id it stands for; names written as they
were are not listed.

>>> text = id_map_text({"cost of lives": "a3"}, graph="g", fmt="tgf")
>>> ids = parse_id_map(text, "map.json")
>>> ids
{'a3': 'cost of lives'}
>>> from arggraph.formats.iccma import from_tgf
>>> back = restore_ids(from_tgf("withdraw\\na3\\n#\\na3 withdraw\\n"), ids, "map.json")
>>> [c.id for c in back.model.claims], [r.id for r in back.model.relations]
(['withdraw', 'cost of lives'], ['attack:cost of lives->withdraw'])
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import default_relation_id
from .imported import ImportResult, model_from

__all__ = ["ID_MAP_FORMAT", "id_map_text", "load_id_map", "parse_id_map", "restore_ids"]

ID_MAP_FORMAT = "arggraph-id-map/1"


def id_map_text(renames: Mapping[str, str], *, graph: str, fmt: str) -> str:
    """The JSON text of an id map from a writer's renames (claim id -> name written)."""
    payload = {
        "format": ID_MAP_FORMAT,
        "graph": graph,
        "to": fmt,
        "ids": {name: cid for cid, name in renames.items()},
    }
    from ..jsonio import dumps

    return dumps(payload) + "\n"


def load_id_map(path: str | Path) -> dict[str, str]:
    """The ``ids`` of an id map file (name written -> claim id); an
    :class:`~arggraph.errors.InputError` naming the file and the place otherwise."""
    from ..io import decode_text, read_bytes

    return parse_id_map(decode_text(read_bytes(path), path), path)


def parse_id_map(text: str, path: str | Path) -> dict[str, str]:
    """The ``ids`` of an id map's JSON text (``path`` names it in errors)."""
    from ..jsonio import parse_json

    data: Any = parse_json(text, path=path)
    if not isinstance(data, dict) or data.get("format") != ID_MAP_FORMAT:
        raise InputError(
            f'not an id map: expected an object with "format": "{ID_MAP_FORMAT}", as '
            "`arggraph export --id-map` writes it",
            path=path,
            place="format" if isinstance(data, dict) else None,
        )
    ids = data.get("ids")
    if not isinstance(ids, dict):
        raise InputError('"ids" must be an object of names and ids', path=path, place="ids")
    for name, cid in ids.items():
        if not isinstance(cid, str) or not cid:
            raise InputError(
                f"the id of {name!r} must be a non-empty string, got {json.dumps(cid)}",
                path=path,
                json_path=("ids", name),
            )
    return dict(ids)


def restore_ids(result: ImportResult, ids: Mapping[str, str], path: str | Path) -> ImportResult:
    """``result`` with each claim named in ``ids`` given its id back (and its text, where
    the reader made the name its text); relations follow. A name the import has no claim
    of, or an id that would then be used twice, is an error naming the map ``path``."""
    model = result.model.model_copy(deep=True)
    claims = {c.id for c in model.claims}
    for name in ids:
        if name not in claims:
            raise InputError(
                f"names {name!r}, which the imported file has no argument of: is this the "
                "map written with it?",
                path=path,
                json_path=("ids", name),
            )
    final = [ids.get(c.id, c.id) for c in model.claims]
    seen: set[str] = set()
    for cid in final:
        if cid in seen:
            raise InputError(
                f"restoring the ids would give two claims the id {cid!r}",
                path=path,
                place="ids",
            )
        seen.add(cid)
    for claim in model.claims:
        if claim.id in ids:
            if claim.text == claim.id:
                claim.text = ids[claim.id]
            claim.id = ids[claim.id]
    # The formats with id maps (tgf, bag) join one claim to one claim: no relation of
    # theirs runs from linked premises or aims at a relation.
    for rel in model.relations:
        default = rel.id == default_relation_id(rel.type, rel.premises, rel.target)
        if rel.source is not None:
            rel.source = ids.get(rel.source, rel.source)
        if rel.sources is not None:
            rel.sources = [ids.get(p, p) for p in rel.sources]
        rel.target = ids.get(rel.target, rel.target)
        if default or not rel.id:
            rel.id = default_relation_id(rel.type, rel.premises, rel.target)
    return ImportResult(model_from(model.model_dump(by_alias=True), path), result.report)
