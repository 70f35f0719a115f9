"""Id maps: how the ids of one version of a graph became those of the next, so score
sheets follow renamed claims and relations.

A score sheet is keyed on ids. When a new version of a map renames a claim (a paraphrase
fixed, two restatements merged) or drops one, a sheet saved against the old version
would name ids the graph no longer has, or, worse, an id the new version reuses for
something else. An *id map* (``arggraph-id-map/1``) records one step: the ids renamed
(old -> new, applied all at once, so two ids may swap), the ids removed, and the SHA-256
of the old version's file(s), so a sheet that records which file it was saved against
(``graph_sha256``) is migrated exactly when it belongs to an old version.

It ships beside the graph as ``STEM.id-map.json`` (``graphs/bakhmut.id-map.json`` for
``graphs/bakhmut.json``); :func:`id_map_for` finds it, and the sheet loaders (``--scores``
on the command line, the TUI's score book) apply it with :func:`migrate`, saying what
they changed. ``arggraph diff OLD NEW --write-id-map OUT`` writes one.

>>> from arggraph.model import ClaimScore
>>> old = "0" * 64  # the SHA-256 of the old version's file
>>> m = IdMap(graph="g", from_sha256=[old], renamed={"a": "b", "b": "a"}, removed=["x"])
>>> sheet = ScoreSheet(graph="g", graph_sha256=old,
...                    scores={"a": ClaimScore(base=0.9), "x": ClaimScore(base=0.1)})
>>> new, done = migrate(sheet, m, current_sha256=None, known={"a", "b"})
>>> {k: v.base for k, v in new.scores.items()}, done.renamed, done.removed
({'b': 0.9}, [('a', 'b')], ['x'])

A sheet that does not say which version it was saved against has only the ids the new
graph lacks carried over (here ``a`` exists, so it stays):

>>> new, done = migrate(sheet.model_copy(update={"graph_sha256": None}), m,
...                     current_sha256=None, known={"a", "b"})
>>> sorted(new.scores), done.removed
(['a'], ['x'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import InputError
from .model import Id, ScoreSheet

if TYPE_CHECKING:
    from .graph import Graph

__all__ = [
    "ID_MAP_FORMAT",
    "IdMap",
    "Migration",
    "dump_id_map",
    "follow",
    "id_map_for",
    "id_map_path",
    "load_id_map",
    "migrate",
]

V = TypeVar("V")

#: The ``format`` value of an id map file.
ID_MAP_FORMAT: Final = "arggraph-id-map/1"

_SHA = "^[0-9a-f]{64}$"


class IdMap(BaseModel):
    """One step from an old version of a graph to a new one.

    ``renamed`` maps old ids to new ones (claims and relations share one namespace in
    ``arggraph/1.1``), applied simultaneously; ``removed`` lists old ids with no
    successor; ``from_sha256`` the SHA-256 of the old version's file (several when it
    went through several byte-versions); ``to_sha256`` that of the new one, when known.
    Raises pydantic's ``ValidationError`` (an :class:`~arggraph.errors.InputError` through
    :func:`load_id_map`) when two old ids are renamed to one new id, or an id is both
    renamed and removed.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    format: Literal["arggraph-id-map/1"] = ID_MAP_FORMAT
    graph: Id = Field(description="the id of the graph both versions share")
    note: str | None = Field(default=None, description="what the new version changed")
    from_sha256: list[str] = Field(
        default_factory=list, description="SHA-256 of the old version's file(s)"
    )
    to_sha256: str | None = Field(default=None, pattern=_SHA)
    renamed: dict[Id, Id] = Field(default_factory=dict, description="old id -> new id")
    removed: list[Id] = Field(default_factory=list, description="old ids with no successor")

    @model_validator(mode="after")
    def _consistent(self) -> IdMap:
        import re

        for sha in self.from_sha256:
            if not re.fullmatch(_SHA, sha):
                raise ValueError(f"from_sha256: {sha!r} is not a lower-case hex SHA-256")
        seen: dict[str, str] = {}
        for old, new in self.renamed.items():
            if new in seen:
                raise ValueError(f"renamed: {seen[new]!r} and {old!r} both become {new!r}")
            seen[new] = old
        both = sorted(set(self.removed) & set(self.renamed))
        if both:
            raise ValueError(f"removed: {both[0]!r} is also renamed")
        return self


@dataclass(frozen=True)
class Migration:
    """What :func:`migrate` did to a sheet: the ids renamed (old, new), the ids dropped
    as removed, in sheet order, the id map's file (when it came from one), and the
    entries dropped because another took their new id (``merged``)."""

    renamed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    source: Path | None = None
    #: (old, new): entries dropped because another took the new id (merged claims).
    merged: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.renamed or self.removed or self.merged)

    def describe(self) -> str:
        """What moved, for a person: ``3 ids renamed and 1 removed, by X.id-map.json``.

        >>> Migration([("a", "b")], ["x"], Path("g.id-map.json")).describe()
        '1 id renamed and 1 removed, by g.id-map.json'
        """
        parts = []
        if self.renamed:
            parts.append(f"{len(self.renamed)} id{'s' if len(self.renamed) != 1 else ''} renamed")
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        if self.merged:
            kept = ", ".join(f"{old!r} into {new!r}" for old, new in self.merged[:3])
            more = f" and {len(self.merged) - 3} more" if len(self.merged) > 3 else ""
            parts.append(f"{len(self.merged)} merged, its score dropped ({kept}{more})")
        text = " and ".join(parts) if parts else "nothing moved"
        return text + (f", by {self.source.name}" if self.source is not None else "")


def id_map_path(graph_path: str | Path) -> Path:
    """Where the id map of the graph at ``graph_path`` lives: ``STEM.id-map.json`` beside
    it.

    >>> id_map_path("graphs/bakhmut.json").as_posix()
    'graphs/bakhmut.id-map.json'
    """
    p = Path(graph_path)
    return p.with_name(f"{p.stem}.id-map.json")


def load_id_map(path: str | Path) -> IdMap:
    """Read an ``arggraph-id-map/1`` file. Raises
    :class:`~arggraph.errors.InputError` (naming the file and the place) when it cannot be
    read or is not a valid id map."""
    from .io import parse_model, read_bytes

    return parse_model(read_bytes(path), IdMap, path, ID_MAP_FORMAT)


def dump_id_map(id_map: IdMap) -> str:
    """The JSON text of an id map (keys in a stable order, one per line)."""
    import json

    payload = id_map.model_dump(mode="json", by_alias=True, exclude_none=True)
    if not payload.get("from_sha256"):
        payload.pop("from_sha256", None)
    if not payload.get("removed"):
        payload.pop("removed", None)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def id_map_for(graph: Graph) -> IdMap | None:
    """The id map shipped beside ``graph``'s file (:func:`id_map_path`), or ``None``
    when there is none or the graph was not loaded from a file. Raises
    :class:`~arggraph.errors.InputError` for a map that cannot be read, or one for
    another graph."""
    if graph.path is None:
        return None
    path = id_map_path(graph.path)
    if not path.is_file():
        return None
    found = load_id_map(path)
    if found.graph != graph.id:
        raise InputError(
            f"this id map is for graph {found.graph!r}, not {graph.id!r}",
            path=path,
            place="graph",
            json_path=("graph",),
        )
    return found


def migrate(
    sheet: ScoreSheet,
    id_map: IdMap,
    *,
    current_sha256: str | None,
    known: set[str] | frozenset[str],
    source: Path | None = None,
) -> tuple[ScoreSheet, Migration]:
    """``sheet`` with its ids carried over by ``id_map``, and what changed.

    When the sheet records the file it was saved against (``graph_sha256``) and that is
    one of the map's old versions, every id is mapped at once (renamed, or dropped when
    removed), whatever the new graph holds. Otherwise (a sheet with no record, or saved
    against a version the map does not name) only ids the new graph does not have
    (``known``: its claim and relation ids) are mapped, so a sheet already saved against
    the new version is never moved twice. A sheet saved against ``current_sha256`` is
    returned as it is. Two sheet entries that would land on one id (claims merged) keep
    the one whose old id is the new id itself, else the first, and the other is reported
    in ``merged``. Pure: the sheet passed in is not changed.
    """
    if sheet.graph_sha256 is not None and sheet.graph_sha256 == current_sha256:
        return sheet, Migration(source=source)
    exact = sheet.graph_sha256 is not None and sheet.graph_sha256 in id_map.from_sha256
    removed = set(id_map.removed)
    done = Migration(source=source)

    def carry(ids: list[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for old in ids:
            if not exact and old in known:
                out[old] = old
            elif old in id_map.renamed:
                out[old] = id_map.renamed[old]
            elif old in removed:
                out[old] = None
            else:
                out[old] = old
        return out

    def place(entries: dict[str, V]) -> dict[str, V]:
        """Entries under their new ids: an id kept as it is holds its place first, then
        renamed ones fill the free ids in sheet order; one landing on a taken id (two
        claims merged into one) is dropped and reported as merged."""
        moves = carry(list(entries))
        out: dict[str, V] = {old: entries[old] for old, new in moves.items() if new == old}
        for old, new in moves.items():
            if new is None:
                done.removed.append(old)
            elif new != old:
                if new in out:
                    done.merged.append((old, new))
                else:
                    out[new] = entries[old]
                    done.renamed.append((old, new))
        return out

    scores = place(dict(sheet.scores))
    weights = place(dict(sheet.weights))
    if not done:
        return sheet, done
    # The sheet now speaks the new version's ids: it records that version, so following
    # it again (a command that loads it, then a panel of it) moves nothing twice.
    update: dict[str, object] = {"scores": scores, "weights": weights}
    if exact and current_sha256 is not None:
        update["graph_sha256"] = current_sha256
    moved = sheet.model_copy(update=update)
    moved._source = sheet._source
    return moved, done


def follow(sheet: ScoreSheet, graph: Graph) -> tuple[ScoreSheet, Migration]:
    """``sheet`` carried over to ``graph``'s ids by the id map shipped beside the graph
    (:func:`id_map_for`), and what changed; the sheet as it is when there is no map.
    Raises :class:`~arggraph.errors.InputError` for a map that cannot be used."""
    id_map = id_map_for(graph)
    if id_map is None:
        return sheet, Migration()
    known = set(graph.claims) | set(graph.relations)
    current = graph.stamp.sha256 if graph.stamp is not None else None
    assert graph.path is not None  # id_map_for found the map beside the graph's file
    return migrate(
        sheet, id_map, current_sha256=current, known=known, source=id_map_path(graph.path)
    )
