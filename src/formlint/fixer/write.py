"""Writing what `fix`, `notice` and `inventory` produce, on top of `formlint.atomic`.

`replace_checked` replaces a form with its fixed text only if the file still holds
what was checked, so a change saved in an editor meanwhile is never lost; the write
itself is `formlint.atomic`'s: whole or not at all, mode and owner kept, symlinks
written through. `create_new` writes a new file and refuses an existing one unless
told to replace it.
"""

from __future__ import annotations

import os
import stat

from formlint.atomic import write_bytes_atomic

__all__ = ["StaleFile", "replace_checked", "create_new"]


class StaleFile(Exception):
    """The file changed between being read and being written."""


def replace_checked(path: str, data: bytes, expected: bytes) -> None:
    """Replace `path` with `data` if it still holds `expected`."""
    target = os.path.realpath(path)  # a symlinked form is fixed where it lives
    if not stat.S_ISREG(os.stat(target).st_mode):
        raise OSError(f"{path} is not a regular file")
    with open(target, "rb") as stream:
        if stream.read() != expected:
            raise StaleFile(path)
    write_bytes_atomic(target, data)


def create_new(path: str, data: bytes, force: bool) -> None:
    """Write a new file at `path` (its folders made); an existing one only with `force`."""
    write_bytes_atomic(path, data, exclusive=not force)
