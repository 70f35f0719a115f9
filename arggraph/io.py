"""Reading and writing graph files and score sheets.

Loading never lets bad input through and never crashes on it: every failure is an
:class:`~arggraph.errors.InputError` naming the file and the place (line and column
for malformed JSON, the JSON path and the offending value for a schema violation,
the id for clashing or dangling ids). Saving is atomic and refuses to overwrite a
file that changed on disk since it was loaded (see :mod:`arggraph.atomic`).

JSON is read by :func:`arggraph.jsonio.parse_json`, as every JSON file arggraph reads
is, within its stated limits (nesting, integer digits; no NaN, duplicate keys or lone
surrogates), then validated by the pydantic models; each failure says where. A file is
first tried on a fast path that accepts only what those would accept, with equal values,
and builds the models only when asked for: a plain file (:mod:`arggraph._columns`)
checked in bulk, any other (:mod:`arggraph._document`) a key's values at a time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._gc import paused_collector
from .atomic import atomic_write, same_file, special_kind, stamp_bytes
from .errors import (
    FileAccessError,
    SchemaError,
    SchemaProblem,
    json_path_text,
)
from .graph import Graph
from .jsonio import dumps, parse_json, quick_parse, written_keys

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from .model import GraphModel, ScoreSheet

# The models (and pydantic) are imported where a file needs them: a plain graph file
# read on the fast path never does.

__all__ = [
    "dump_graph",
    "needed_format",
    "dump_scores",
    "load",
    "load_scores",
    "loads",
    "read_bytes",
    "save",
    "save_scores",
]

M = TypeVar("M", bound="BaseModel")


def read_bytes(path: str | Path, *, allow_empty: bool = False) -> bytes:
    """The bytes of a file that is meant to hold text, with a clear error for each way
    it can fail: missing, a directory, not a regular file, unreadable, empty (unless
    ``allow_empty``).

    Only regular files are read: a named pipe (FIFO), a device or a socket is refused
    by name before anything is read from it, so no read waits forever (``-`` for stdin
    is the commands' business, where they take it).
    """
    p = Path(path)
    try:
        kind = special_kind(os.stat(p).st_mode)
        if kind is None:
            fd = os.open(p, os.O_RDONLY | _NONBLOCK | _CLOEXEC)
            try:
                kind = special_kind(os.fstat(fd).st_mode)  # swapped since the stat?
                if kind is None:
                    with os.fdopen(fd, "rb", closefd=False) as handle:
                        data = handle.read()
            finally:
                os.close(fd)
    except FileNotFoundError:
        raise FileAccessError("no such file", path=p) from None
    except IsADirectoryError:
        raise FileAccessError("is a directory, not a file", path=p) from None
    except PermissionError:
        raise FileAccessError("permission denied", path=p) from None
    except OSError as exc:
        raise FileAccessError(f"cannot read: {exc.strerror or exc}", path=p) from None
    if kind == "a directory":
        raise FileAccessError("is a directory, not a file", path=p)
    if kind is not None:
        raise FileAccessError(f"is {kind}, not a regular file", path=p)
    if not allow_empty and (not data or data.isspace()):
        raise FileAccessError("the file is empty", path=p)
    return data


def file_kind(path: str | Path) -> str | None:
    """``None`` for a regular file (after links), else what the path is, for messages:
    ``"a named pipe (FIFO), not a regular file"``, ``"no such file"``... Never opens it.

    >>> file_kind(__file__) is None, file_kind("/nonexistent/x.json")
    (True, 'no such file')
    """
    try:
        kind = special_kind(os.stat(path).st_mode)
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None if kind is None else f"{kind}, not a regular file"


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def decode_text(data: bytes, path: str | Path | None) -> str:
    """UTF-8 text (a leading byte-order mark is dropped), or where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileAccessError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column {column})",
            path=path,
        ) from None


def _json_path(loc: tuple[int | str, ...]) -> str:
    """``('claims', 3, 'base')`` -> ``claims[3].base`` (:func:`~.errors.json_path_text`)."""
    return json_path_text(loc)


def _item_label(raw: Any, loc: tuple[int | str, ...]) -> str:
    """`` (claim 'x')`` for an error inside ``claims[i]`` whose item has an id."""
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(raw, dict):
        items = raw.get(str(loc[0]))
        if isinstance(items, list) and 0 <= loc[1] < len(items):
            item = items[loc[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return f" ({str(loc[0]).rstrip('s')} {item['id']!r})"
    return ""


def _short(value: Any) -> str:
    """A value as a message quotes it, at most 60 characters: a string as
    :func:`~arggraph.text.quoted` writes it (cut before it is quoted, so no escape is
    cut in half), anything else as JSON, cut with an ellipsis.

    >>> print(_short("\\x00" * 40))
    '\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00…'
    >>> print(_short([1] * 40))
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,...
    """
    if isinstance(value, str):
        from .text import quoted

        return quoted(value)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _problems(
    exc: ValidationError, raw: Any, expected_format: str, text: str
) -> list[SchemaProblem]:
    """Each validation error as a :class:`~arggraph.errors.SchemaProblem`: its JSON path
    (as text and as steps), the message, and the line and column in ``text``."""
    from .locate import JsonLocator

    locator = JsonLocator(text)
    problems: list[SchemaProblem] = []

    def add(loc: tuple[int | str, ...], message: str) -> None:
        line, column = locator.position(loc)
        problems.append(SchemaProblem(_json_path(loc), message, loc, line, column))

    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            key = str(loc[-1]) if loc else "?"
            where = _json_path(loc[:-1])
            message = f"unknown key {key!r}" if not where else f"unknown key {key!r} in {where}"
            add(loc, message + _item_label(raw, loc))
            continue
        if kind == "missing":
            add(loc, f"required key {str(loc[-1])!r} is missing" + _item_label(raw, loc))
            continue
        if kind == "model_type" and not loc:
            add(loc, f"the top level must be a JSON object, not {_json_type(value)}")
            continue
        if loc == ("format",) and kind == "literal_error":
            add(
                loc,
                f"format {_short(value)} is not {expected_format} "
                f"(what this version of arggraph reads)",
            )
            continue
        if kind.startswith("arggraph_"):  # the models' own rules: the message says it all
            add(loc, err["msg"] + _item_label(raw, loc))
            continue
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        add(loc, f"{message}, got {_short(value)}" + _item_label(raw, loc))
    return problems


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "null"
    return type(value).__name__


def parse_model(data: bytes, model: type[M], path: str | Path | None, expected_format: str) -> M:
    """Validate ``data`` as ``model``, turning every failure into an InputError."""
    return parse_model_text(decode_text(data, path), model, path, expected_format, data=data)


def parse_model_text(
    text: str,
    model: type[M],
    path: str | Path | None,
    expected_format: str,
    *,
    data: bytes | None = None,
) -> M:
    """Validate the JSON ``text`` as ``model``: read by :func:`~arggraph.jsonio.parse_json`
    (malformed JSON and what it refuses raise with line and column), then validated,
    each violation a :class:`~arggraph.errors.SchemaProblem` with its place. ``data``:
    the text's UTF-8 bytes, when the caller has them."""
    from pydantic import ValidationError

    raw = parse_json(text, path=path, data=data)
    _refuse_other_kind(raw, expected_format, text, path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise SchemaError(_problems(exc, raw, expected_format, text), path=path) from None


#: The formats arggraph writes, by what a file of each is, so a file of one given where
#: another is read is named for what it is (not with a list of its keys the other lacks).
_KINDS = {
    "arggraph/1": "a graph",
    "arggraph/1.1": "a graph",
    "arggraph-scores/1": "a score sheet",
}


def _refuse_other_kind(raw: Any, expected_format: str, text: str, path: str | Path | None) -> None:
    """Raise one :class:`~arggraph.errors.SchemaError` when ``raw`` says a format of
    another kind of arggraph file than ``expected_format`` names (a graph given as a
    score sheet, or a sheet as a graph).

    >>> _refuse_other_kind({"format": "arggraph/1.1"}, "arggraph-scores/1", "{}", "g.json")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.SchemaError: g.json: format: this is a graph (format ...), not a score sheet ...
    """
    if not isinstance(raw, dict):
        return
    given = raw.get("format")
    if not isinstance(given, str) or given not in _KINDS or given in expected_format:
        return
    wanted = next((kind for fmt, kind in _KINDS.items() if fmt in expected_format), None)
    if wanted is None or wanted == _KINDS[given]:
        return
    from .locate import JsonLocator

    line, column = JsonLocator(text).position(("format",))
    message = f"this is {_KINDS[given]} (format {given!r}), not {wanted} ({expected_format})"
    raise SchemaError([SchemaProblem("format", message, ("format",), line, column)], path=path)


def needed_format(model: GraphModel) -> str:
    """The format a model is written as (:func:`arggraph.serialize.needed_format`, kept
    here for callers of the first release)."""
    from .serialize import needed_format as needed

    return needed(model)


def loads(
    data: str | bytes,
    *,
    path: str | Path | None = None,
    strict: bool = True,
    provenance: bool = False,
) -> Graph:
    """A graph from the text of an ``arggraph/1`` or ``arggraph/1.1`` file.

    ``data`` is the JSON text, as ``str`` or as UTF-8 ``bytes`` (a leading byte-order
    mark is allowed); ``path`` only names the file in errors and becomes ``graph.path``.
    ``strict`` and ``provenance`` as for :func:`load`. A file without ``"id"`` (a bare
    framework of claims and relations) gets the file's name without its extension,
    ``"graph"`` when no ``path`` is given. Returns a :class:`~arggraph.graph.Graph`: claims,
    relations, actors and documents by id, in file order; base scores and relation
    weights are numbers in [0, 1] (defaults 0.5 and 1); dates are ``YYYY``, ``YYYY-MM``
    or ``YYYY-MM-DD`` (in ``arggraph/1.1`` also an interval ``START/END`` of them).

    Raises, each an :class:`~arggraph.errors.InputError` with the file and the place:

    - :class:`~arggraph.errors.FileAccessError`: ``data`` is empty or not UTF-8;
    - :class:`~arggraph.errors.JSONSyntaxError`: not well-formed JSON, or (its subclass
      :class:`~arggraph.errors.JSONLimitError`) JSON beyond what arggraph reads
      (:mod:`arggraph.jsonio`), each with ``line`` and ``column``;
    - :class:`~arggraph.errors.SchemaError`: values that violate the format, each in
      ``problems`` with its JSON path (as text and as steps), line and column;
    - :class:`~arggraph.errors.DuplicateIdError`,
      :class:`~arggraph.errors.DanglingReferenceError` (``strict`` only): ids that clash
      or point nowhere, with the JSON path, line and column of the first.

    References: T. Bray (ed.), The JavaScript Object Notation (JSON) Data Interchange
    Format, RFC 8259 (2017); the format's JSON Schema (draft 2020-12) ships as
    ``arggraph/schema/arggraph-1.json``.

    >>> g = loads('{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
    >>> g.claim("a").base
    0.5
    >>> loads('{"format": "arggraph/1", "id": "g",\\n "claims": [{"id": "a", "text": "A",'
    ...       ' "base": 2}]}', path="g.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.SchemaError: g.json: claims[0].base: Input should be ... 1, got 2 (claim 'a')
    >>> from arggraph.errors import SchemaError
    >>> try:
    ...     loads('{"format": "arggraph/1", "id": "g",\\n "claims": [{"id": "a", "text": "A",'
    ...           ' "base": 2}]}')
    ... except SchemaError as err:
    ...     print(err.json_path, err.line, err.column)
    ('claims', 0, 'base') 2 46
    """
    given = data if isinstance(data, bytes) else None
    text = data.removeprefix("\ufeff") if isinstance(data, str) else None
    # Validation allocates hundreds of thousands of objects and no reference cycles:
    # the cyclic garbage collector would rescan them all many times over (it more than
    # doubled the load time of a 100k-claim file), so it waits until we are done.
    with paused_collector():
        # A large plain file is read straight from its bytes; the text is decoded only
        # for the models, which need it to say where a problem is.
        fast = _fast_graph(text, given, path, whole=not provenance)
        if fast is not None:
            return fast
        if text is None:
            assert given is not None
            text = decode_text(given, path)
        if not text or text.isspace():  # (strip() would copy a text that ends in a newline)
            raise FileAccessError("the file is empty", path=path)
        from .model import FORMATS, GraphModel

        model = parse_model_text(
            text, GraphModel, path, " or ".join(map(repr, FORMATS)), data=given
        )
        if path is not None and "id" not in model.model_fields_set:
            model.id = Path(path).stem or model.id  # a bare framework: named after its file
        # The text holds no lone surrogate (parse_json refuses them), so it encodes.
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        graph = Graph(model, path=path, stamp=stamp_bytes(raw), strict=False)
        if strict and graph.problems:
            raise graph.integrity_error(text)
        return graph


# Keys a plain file (:mod:`arggraph._columns`) never has: a file whose start holds one
# of them (as a key or as text: this only picks the path) is read as a whole file
# (:mod:`arggraph._document`).
_NOT_PLAIN = (b'"attributions"', b'"actors"', b'"documents"', b'"sources"', b'"meta"')
_START = 1 << 16


def _fast_graph(
    text: str | None, data: bytes | None, path: str | Path | None, *, whole: bool
) -> Graph | None:
    """The graph of a file read on the fast path (parsed by the C parser alone, or from
    1 MiB on by msgspec's from the bytes: :func:`~arggraph.jsonio.quick_parse`; checked
    by hand, a plain file in bulk (:mod:`arggraph._columns`), any other key by key
    (:mod:`arggraph._document`); its models built only when asked for), or ``None``
    when the file is not valid or not surely so: then the models read it and say what
    is wrong, and where. ``text`` may be ``None`` when ``data`` is given: it is decoded
    only if needed. Without ``whole``, only a plain file is read here."""
    if data is not None:
        raw_bytes = data
    else:
        assert text is not None
        try:
            raw_bytes = text.encode("utf-8")
        except UnicodeEncodeError:  # a raw lone surrogate: parse_json says where
            return None
    start = raw_bytes[:_START]
    plain = not any(marker in start for marker in _NOT_PLAIN)
    if not plain and not whole:
        return None
    # With no \u escape in a plain file, the keys written are counted from its colons and
    # its strings' (string_colons), without a pass over the bytes to find the strings.
    escapes = b"\\" in raw_bytes and b"\\u" in raw_bytes
    quick = quick_parse(text, raw_bytes, count_keys=escapes or not plain)
    if quick is None:
        return None

    raw, keys = quick
    cols = None
    if plain:
        from ._columns import columns, key_count, string_colons  # (NumPy, as the engine)

        cols = columns(raw)
    if cols is not None:
        if keys is None:
            keys = raw_bytes.count(b":") - string_colons(raw, cols)
        if key_count(raw) != keys:
            return None  # a key written twice
    elif not whole:
        return None
    else:
        from ._document import document_columns
        from ._document import key_count as document_keys

        cols = document_columns(raw)
        if cols is None:
            return None  # not valid, or not surely
        if keys is None:
            keys = written_keys(raw_bytes)
        if document_keys(raw) != keys:
            return None  # a key written twice, or a meta value beyond what is read
    graph_id = raw["id"] if "id" in raw else (Path(path).stem if path is not None else "")
    return Graph.from_columns(
        raw, cols, graph_id=graph_id or "graph", path=path, stamp=stamp_bytes(raw_bytes)
    )


def load(path: str | Path, *, strict: bool = True, provenance: bool = False) -> Graph:
    """Load an ``arggraph/1`` or ``arggraph/1.1`` file (a path to a JSON file in UTF-8).

    With ``strict`` (default) duplicate ids and references to absent claims, actors or
    documents raise; with ``strict=False`` they are kept in ``graph.problems`` for the
    checks to report. ``provenance``: the caller reads the actors, documents and
    attributions (a summary, the checks): a file that has them is then validated by the
    models at once, not first on the fast path for whole files
    (:mod:`arggraph._document`), which would only add its own pass. Returns a
    :class:`~arggraph.graph.Graph` as :func:`loads` does; it
    remembers the file's stamp so that :func:`save` will not overwrite it if it changes on
    disk meanwhile. A 100,000-claim file takes about 3.3 times a bare ``json.loads``; a
    *plain* one (claims of ``id``, ``text``, ``kind``, ``base`` only; relations of ``id``,
    ``type``, ``source``, ``target``, ``weight`` only) is read on a fast path
    (:mod:`arggraph._columns`) whose models are built when first asked for.

    Raises :class:`~arggraph.errors.FileAccessError` when the file is missing, is a
    directory, cannot be read, is empty or is not UTF-8, and otherwise what :func:`loads`
    raises: :class:`~arggraph.errors.JSONSyntaxError`,
    :class:`~arggraph.errors.SchemaError`, :class:`~arggraph.errors.DuplicateIdError`,
    :class:`~arggraph.errors.DanglingReferenceError`, each naming the file.

    References: RFC 8259 (JSON); the format's JSON Schema,
    ``arggraph/schema/arggraph-1.json``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.json").write_text(
    ...     '{"format": "arggraph/1", "id": "g", "claims": [{"id": "a", "text": "A"}]}')
    >>> [c.id for c in load(folder / "g.json").claims.values()]
    ['a']
    >>> load(folder / "absent.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.FileAccessError: .../absent.json: no such file
    >>> _ = (folder / "dup.json").write_text('{"format": "arggraph/1", "id": "g", "claims": '
    ...     '[{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}')
    >>> load(folder / "dup.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    arggraph.errors.DuplicateIdError: .../dup.json: claims[1].id: duplicate claim id 'a', at ...
    >>> len(load(folder / "dup.json", strict=False).problems)
    1
    >>> import shutil; shutil.rmtree(folder)
    """
    data = read_bytes(path)
    return loads(data, path=path, strict=strict, provenance=provenance)


def dump_graph(model: GraphModel) -> str:
    """The canonical JSON text of a graph (:func:`arggraph.serialize.canonical_json`):
    two-space indented, keys in the format's order, relation ids only where they are not
    the default, and the format it needs (:func:`needed_format`)."""
    from .serialize import canonical_json

    return canonical_json(model)


def save(graph: Graph | GraphModel, path: str | Path | None = None, *, force: bool = False) -> Path:
    """Save a graph atomically; returns where it went.

    ``path`` defaults to the file the graph was loaded from. Saving over that file
    raises :class:`~arggraph.errors.StaleFileError` if it changed on disk since it was
    loaded, unless ``force``.
    """
    from .model import GraphModel

    if isinstance(graph, GraphModel):
        graph = Graph(graph, strict=False)
    target = Path(path) if path is not None else graph.path
    if target is None:
        raise FileAccessError("the graph was not loaded from a file; give a path to save to")
    expected = graph.stamp if graph.path is not None and same_file(target, graph.path) else None
    graph.stamp = atomic_write(
        target, dump_graph(graph.model).encode("utf-8"), expected=expected, force=force
    )
    graph.path = target
    return target


def load_scores(path: str | Path) -> ScoreSheet:
    """Load an ``arggraph-scores/1`` sheet (same errors as :func:`load`).

    The sheet remembers the file and its stamp so that :func:`save_scores`
    refuses to overwrite it if it changes on disk meanwhile.
    """
    from .model import SCORES_FORMAT, ScoreSheet

    data = read_bytes(path)
    sheet = parse_model(data, ScoreSheet, path, SCORES_FORMAT)
    sheet._source = (Path(path), stamp_bytes(data))
    return sheet


def dump_scores(sheet: ScoreSheet) -> str:
    """The JSON text of a score sheet."""
    payload = sheet.model_dump(mode="json", by_alias=True, exclude_none=True)
    return dumps(payload) + "\n"


def save_scores(sheet: ScoreSheet, path: str | Path, *, force: bool = False) -> Path:
    """Save a score sheet atomically, refusing to clobber a sheet changed on disk since it
    was loaded with :func:`load_scores` (or last saved here), unless ``force``."""
    target = Path(path)
    known = sheet._source
    expected = known[1] if known is not None and same_file(target, known[0]) else None
    stamp = atomic_write(target, dump_scores(sheet).encode("utf-8"), expected=expected, force=force)
    sheet._source = (target, stamp)
    return target
