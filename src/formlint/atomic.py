"""Writing files so that nothing is lost: whole or not at all, and only what was asked.

- A regular file is written to a temporary file in its folder and moved into place
  with os.replace, so a crash, a signal or a full disk never leaves half a baseline,
  report or configuration; the temporary file is removed on every exit path.
- A replaced file keeps its permissions and, where the system allows, its owner;
  a new file gets what an ordinary file would (the umask applies), not mkstemp's 0600.
- A symbolic link is written through: its target is replaced, the link stays.
- A device, FIFO or socket (`/dev/stdout`, `/dev/null`, a named pipe) is written
  directly, never replaced by a regular file.
- `exclusive` creation refuses an existing file atomically: the finished temporary
  file is hard-linked to the target name, which fails if anything took the name
  first, so of two runs creating the same file exactly one wins.

Failures raise OSError (FileExistsError for an exclusive target that exists); the
CLI turns them into one `formlint: error:` line.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

# Where names are views of open files or devices, not files to replace.
_SPECIAL_FOLDERS = ("/dev/", "/proc/")
# os.link refuses on file systems without hard links; O_EXCL is the fallback there.
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def write_text_atomic(path: str | Path, text: str, exclusive: bool = False) -> None:
    """Write `text` as UTF-8 to `path`; with `exclusive`, only if nothing is there."""
    write_bytes_atomic(path, text.encode("utf-8"), exclusive)


def write_bytes_atomic(path: str | Path, data: bytes, exclusive: bool = False) -> None:
    """Write `data` to `path`; with `exclusive`, only if nothing is there."""
    if _is_special(str(path)):
        if exclusive:
            raise _exists(str(path))
        _write_directly(str(path), data)
        return
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if exclusive and os.path.lexists(path):
        raise _exists(str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace(target, data, exclusive)


@contextmanager
def text_stream_atomic(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose whole contents replace `path` when the block ends
    without an error, for output written piece by piece (a report on a large tree);
    on an error the old file is left as it was."""
    if _is_special(str(path)):
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND), "w", encoding="utf-8", newline="") as direct:
            yield direct
        return
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _take_permissions(target, temporary)
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _exists(path: str) -> FileExistsError:
    return FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)


def _is_special(path: str) -> bool:
    """A device, FIFO or socket, or a name under /dev or /proc (`/dev/stdout` may
    lead to a regular file the shell holds open: replacing it would lose the output)."""
    if path.startswith(_SPECIAL_FOLDERS) or os.path.realpath(path).startswith(_SPECIAL_FOLDERS):
        return os.path.exists(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_directly(path: str, data: bytes) -> None:
    # O_APPEND: on /dev/stdout redirected to a file, continue after what the shell wrote.
    handle = os.open(path, os.O_WRONLY | os.O_APPEND)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _replace(target: Path, data: bytes, exclusive: bool) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _take_permissions(target, temporary)
        if exclusive:
            _link_exclusive(temporary, target, data)
        else:
            os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _take_permissions(target: Path, temporary: str) -> None:
    """The replaced file's mode and owner, or an ordinary new file's mode."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    try:
        os.chown(temporary, old.st_uid, old.st_gid)
    except PermissionError:
        pass  # only root may give a file away; the mode is kept all the same


def _link_exclusive(temporary: str, target: Path, data: bytes) -> None:
    try:
        os.link(temporary, target)
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
