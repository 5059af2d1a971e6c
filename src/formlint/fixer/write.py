"""Replacing a form's file with its fixed text: whole or not at all.

The new bytes go to a temporary file in the same folder, are flushed to disk, get
the old file's mode (and owner, where allowed), and then replace it with one
`os.replace`. Before that, the file is read again: if it is no longer what was
checked, nothing is written, so an editor's unsaved-then-saved change is never lost.
A failure at any step removes the temporary file and leaves the original intact.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

__all__ = ["StaleFile", "replace_checked", "create_new"]


class StaleFile(Exception):
    """The file changed between being read and being written."""


def replace_checked(path: str, data: bytes, expected: bytes) -> None:
    """Replace `path` with `data` if it still holds `expected`; keep its mode."""
    target = Path(os.path.realpath(path))  # a symlinked form is fixed where it lives
    info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path} is not a regular file")
    if target.read_bytes() != expected:
        raise StaleFile(path)
    _write_replacing(target, data, info)


def create_new(path: str, data: bytes, force: bool) -> None:
    """Write a new file at `path` (its folders made); an existing one only with `force`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not force:
        # O_EXCL: of two runs writing the same copy, exactly one wins.
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        os.close(handle)
    info = target.stat() if target.exists() else None
    try:
        _write_replacing(target, data, info)
    except BaseException:
        if not force and target.exists() and target.stat().st_size == 0:
            target.unlink()
        raise


def _write_replacing(target: Path, data: bytes, info: os.stat_result | None) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".formlint-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed for a non-root user: the file keeps the writer's owner
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
