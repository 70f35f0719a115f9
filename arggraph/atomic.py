"""Saving without losing anything: atomic writes that refuse to clobber.

A save goes to a temporary file in the target's own folder (so the final rename
never crosses file systems), is flushed and fsynced, then renamed over the target:
a crash leaves either the old file or the new one, never half of each. A file that
changed on disk since it was read (another editor, a ``git pull``) is not overwritten
unless the caller says so: the :class:`FileStamp` taken at load time must still match.

Only files are replaced: a link is followed to the file it points to, a named pipe or
a character device (``-o /dev/stdout``, ``/dev/null``) is written through, and a
read-only file is refused. Every way it can fail is a
:class:`~arggraph.errors.FileAccessError` naming the path, and what a killed save left
behind is removed by a later one (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import FileAccessError, StaleFileError

__all__ = [
    "ABANDONED_AFTER",
    "STALE_AFTER",
    "FileStamp",
    "atomic_write",
    "remove_stale_temporaries",
    "same_file",
    "special_kind",
    "stamp_bytes",
    "stamp_file",
    "write_mode",
]


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
    """The stamp of the file as it is on disk now, or ``None`` when there is none (or
    it is no regular file: a pipe is not read, it could wait forever)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return stamp_bytes(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise _access_error(exc, path) from None


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

    What ``path`` is decides how it is written:

    - a regular file, or none yet: a temporary file beside it, renamed over it;
    - a symbolic link: the file it points to, the same way (the link stays a link);
    - a named pipe (FIFO) or a character device (``/dev/null``, a terminal), or one of
      this process's descriptors (``/dev/stdout``, ``/dev/fd/N``): written through,
      never replaced;
    - a read-only file (no write permission; for root, no write bit), a directory, a
      block device or a socket: refused, nothing written.

    Every failure is a :class:`~arggraph.errors.FileAccessError` naming the path (a
    part of it that is a file, a name too long, a folder that cannot be written...).
    A save also removes what killed saves of the same file left behind (see
    :func:`remove_stale_temporaries`).
    """
    given = Path(path)
    try:
        if _writes_through(given):
            return _write_through(given, data)
    except BrokenPipeError:
        raise  # the reader went away (``-o /dev/stdout | head``): not an error of the file
    except OSError as exc:
        raise _access_error(exc, given) from None
    try:
        target = Path(os.path.realpath(given)) if given.is_symlink() else given
        try:
            info: os.stat_result | None = target.stat()
        except FileNotFoundError:
            info = None
    except OSError as exc:
        raise _access_error(exc, given) from None
    if info is not None:
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise FileAccessError(f"is {kind}, not a file to write", path=given)
        if not _writable(target, info):
            raise FileAccessError("is read-only; not overwritten", path=given)
    if expected is not None and not force:
        current = stamp_file(target)
        if current is not None and current != expected:
            raise StaleFileError(
                "changed on disk since it was loaded; not overwritten "
                "(reload it, or save elsewhere)",
                path=given,
            )
    folder = target.parent if str(target.parent) else Path(".")
    mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=_temp_prefix(target.name), suffix=".tmp")
    except OSError as exc:
        raise _access_error(exc, given, folder=True) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise _access_error(exc, given) from None
        raise
    _fsync_dir(folder)
    remove_stale_temporaries(target)
    return stamp_bytes(data)


#: How old a killed save's temporary file must be before a later save removes it.
STALE_AFTER = 600.0
#: How old any temporary file of a save must be before it is removed whoever made it
#: (its process number may have been reused, or it came from another machine).
ABANDONED_AFTER = 86_400.0


def _temp_prefix(name: str) -> str:
    """``.NAME.PID.``: hidden, the file's own, and whose process made it (the name is
    cut so that the temporary file's name fits where the file's own does)."""
    return f".{name[:100]}.{os.getpid()}."


def remove_stale_temporaries(target: Path, *, now: float | None = None) -> list[Path]:
    """Remove what killed saves of ``target`` left in its folder; returns what went.

    A save writes ``.NAME.PID.RANDOM.tmp`` beside ``NAME`` and renames it over ``NAME``;
    killed before the rename, it leaves the temporary file. One is removed when it is
    more than :data:`STALE_AFTER` (ten minutes) old and process ``PID`` is not running
    here, or when it is more than :data:`ABANDONED_AFTER` (a day) old, whatever made it.
    A save in progress (a live process, a file minutes old) is left alone. Errors are
    ignored: this is housekeeping.
    """
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name[:100]}."
    removed: list[Path] = []
    when = time.time() if now is None else now
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        middle = name[len(prefix) : -len(".tmp")]
        pid_text = middle.split(".", 1)[0]
        candidate = folder / name
        try:
            info = candidate.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        age = when - info.st_mtime
        dead = not (pid_text.isdigit() and _running(int(pid_text)))
        if age > ABANDONED_AFTER or (age > STALE_AFTER and dead):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _running(pid: int) -> bool:
    """Whether process ``pid`` is running on this machine (unknown counts as running)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists, but is not ours (or the question cannot be asked)
    return True


_FD_NAMES = {"/dev/stdout": 1, "/dev/stderr": 2}
_FD_PREFIXES = ("/dev/fd/", "/proc/self/fd/")


def _own_fd(path: Path) -> int | None:
    """The file descriptor ``path`` names for this process (``/dev/stdout``,
    ``/dev/fd/3``, ``/proc/self/fd/3``), or ``None``: written there, a shell's
    redirection (``>>`` too) holds as for ``-o -``."""
    text = os.path.normpath(os.path.abspath(path))
    if text in _FD_NAMES:
        return _FD_NAMES[text]
    for prefix in _FD_PREFIXES:
        if text.startswith(prefix) and text[len(prefix) :].isdigit():
            return int(text[len(prefix) :])
    return None


def _writes_through(path: Path) -> bool:
    """Whether ``path`` is written in place rather than replaced: one of this
    process's descriptors, a named pipe or a character device (after links)."""
    if _own_fd(path) is not None:
        return True
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def write_mode(path: str | Path) -> str:
    """How :func:`atomic_write` would write ``path``: ``"through"`` (a pipe, a
    device or one of this process's descriptors, written in place) or ``"replace"`` (a
    file, renamed over). It only looks: nothing is opened.

    >>> import os
    >>> write_mode(os.devnull), write_mode("/dev/stdout"), write_mode("out.json")
    ('through', 'through', 'replace')
    """
    return "through" if _writes_through(Path(path)) else "replace"


def _write_through(path: Path, data: bytes) -> FileStamp:
    fd = _own_fd(path)
    opened = fd is None
    if fd is None:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        if opened:
            os.close(fd)
    return stamp_bytes(data)


def special_kind(mode: int) -> str | None:
    """What a file of ``mode`` (``st_mode``) is when it is not a regular file ("a
    directory", "a named pipe (FIFO)"...), ``None`` for a regular file: for messages
    that refuse to read or replace it."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _writable(path: Path, info: os.stat_result) -> bool:
    """Whether the user may write the file itself (the rename needs only the folder):
    for root, who may write anything, whether it has a write bit at all."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return bool(info.st_mode & 0o222)
    return os.access(path, os.W_OK)


def _access_error(exc: OSError, path: Path, *, folder: bool = False) -> FileAccessError:
    """The one message of each way writing ``path`` fails."""
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        message = "a part of the path is a file, not a folder"
    elif exc.errno == errno.ENAMETOOLONG:
        message = "the name is too long for the file system"
    elif isinstance(exc, FileNotFoundError):
        message = "no such folder" if folder else "no such file or folder"
    elif isinstance(exc, PermissionError):
        message = (
            "permission denied: the folder cannot be written" if folder else ("permission denied")
        )
    elif exc.errno == errno.EROFS:
        message = "the file system is read-only"
    elif exc.errno == errno.ENOSPC:
        message = "no space left on the device"
    elif isinstance(exc, IsADirectoryError):
        message = "is a directory, not a file"
    else:
        message = f"cannot write: {exc.strerror or exc}"
    return FileAccessError(message, path=path)


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
