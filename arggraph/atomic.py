"""Saving without losing anything: atomic writes that refuse to clobber.

A save goes to a temporary file in the target's own folder (so the final rename
never crosses file systems), is flushed and fsynced, then renamed over the target:
a crash leaves either the old file or the new one, never half of each. A file that
changed on disk since it was read (another editor, a ``git pull``) is not overwritten
unless the caller says so: the :class:`FileStamp` taken at load time must still match.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import FileAccessError, StaleFileError

__all__ = ["FileStamp", "atomic_write", "same_file", "stamp_bytes", "stamp_file"]


@dataclass(frozen=True)
class FileStamp:
    """What a file held when it was read: its size and the SHA-256 of its bytes."""

    size: int
    sha256: str


def stamp_bytes(data: bytes) -> FileStamp:
    """The stamp of the bytes just read from (or written to) a file.

    >>> stamp_bytes(b"{}").size
    2
    """
    return FileStamp(size=len(data), sha256=hashlib.sha256(data).hexdigest())


def stamp_file(path: Path) -> FileStamp | None:
    """The stamp of the file as it is on disk now, or ``None`` when there is none."""
    try:
        return stamp_bytes(path.read_bytes())
    except FileNotFoundError:
        return None


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (after resolving links and ``..``)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:  # pragma: no cover - resolve fails only on exotic file systems
        return a == b


def atomic_write(
    path: str | Path,
    data: bytes,
    *,
    expected: FileStamp | None = None,
    force: bool = False,
) -> FileStamp:
    """Write ``data`` to ``path`` atomically and return the new file's stamp.

    ``expected`` is the stamp of the file when it was loaded: if the file on disk no
    longer matches it, :class:`~arggraph.errors.StaleFileError` is raised and nothing is
    written, unless ``force``. A file that was deleted meanwhile is simply written.
    """
    target = Path(path)
    if target.is_dir():
        raise FileAccessError("is a directory, not a file", path=target)
    if expected is not None and not force:
        current = stamp_file(target)
        if current is not None and current != expected:
            raise StaleFileError(
                "changed on disk since it was loaded; not overwritten "
                "(reload it, or save elsewhere)",
                path=target,
            )
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()  # as open() would create it, not mkstemp's 0600
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileAccessError(f"cannot write here: {exc.strerror}", path=target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)
    return stamp_bytes(data)


def _new_file_mode() -> int:
    """The permissions a new file gets from the process umask (0666 minus the mask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
