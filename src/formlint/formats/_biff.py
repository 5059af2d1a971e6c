"""The budget of a legacy .xls workbook, read from its BIFF8 records before calamine.

calamine copies a shared string into every cell that names it (a LABELSST record of
14 bytes naming a string of up to 32,767 characters), so a 6 MB .xls asks it for
tens of gigabytes and the interpreter aborts. Here the `Workbook` stream is taken out
of the compound file with olefile, the shared-string table (SST, continued over
CONTINUE records) is walked for each string's length, and the cell records give the
sheets' extent and the strings they copy. Only lengths are read: no text is decoded.
(The extent is taken over all sheets together: a safe over-estimate of any one.)
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass

from formlint.errors import FormError
from formlint.message import msg

_SST = 0x00FC
_CONTINUE = 0x003C
_LABELSST = 0x00FD
# Records that hold a cell and start with its row and column (BIFF8): FORMULA, BLANK,
# NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING, and the runs MULRK and MULBLANK.
_CELL_RUNS = {0x00BD, 0x00BE}
_CELLS = {0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6} | _CELL_RUNS
_HEADER = struct.Struct("<HH")


@dataclass
class Budget:
    """What calamine will allocate for the workbook: the largest sheet's extent (rows x
    columns holding cells) and the characters of shared strings its cells copy."""

    rows: int = 0
    columns: int = 0
    shared_text: int = 0


def budget(path: str, raw: bytes) -> Budget:
    found = Budget()
    lengths: list[int] = []
    for kind, body, continued in _records(_workbook_stream(path, raw)):
        if kind == _SST:
            lengths = _string_lengths(body, continued)
        elif kind in _CELLS and len(body) >= 4:
            row, column = int.from_bytes(body[0:2], "little"), int.from_bytes(body[2:4], "little")
            if kind in _CELL_RUNS and len(body) >= 6:
                column = max(column, int.from_bytes(body[-2:], "little"))  # MULRK/MULBLANK end at colLast
            found.rows, found.columns = max(found.rows, row + 1), max(found.columns, column + 1)
            if kind == _LABELSST and len(body) >= 10:
                index = int.from_bytes(body[6:10], "little")
                found.shared_text += lengths[index] if index < len(lengths) else 0
    return found


def _workbook_stream(path: str, raw: bytes) -> bytes:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(raw)) as compound:
            name = next((n for n in ("Workbook", "Book") if compound.exists(n)), None)
            if name is None:
                raise FormError(path, msg("error.xls_no_workbook"))
            data: bytes = compound.openstream(name).read()
            return data
    except FormError:
        raise
    except Exception as exc:  # noqa: BLE001 -- olefile raises OSError, ValueError and its own types
        raise FormError(path, msg("error.xls_unreadable", detail=str(exc))) from None


def _records(stream: bytes) -> Iterator[tuple[int, bytes, list[bytes]]]:
    """(record type, body, the bodies of the CONTINUE records that follow it)."""
    pending: tuple[int, bytes] | None = None
    continued: list[bytes] = []
    for kind, body in _raw_records(stream):
        if kind == _CONTINUE and pending is not None:
            continued.append(body)
            continue
        if pending is not None:
            yield pending[0], pending[1], continued
        pending, continued = (kind, body), []
    if pending is not None:
        yield pending[0], pending[1], continued


def _raw_records(stream: bytes) -> Iterator[tuple[int, bytes]]:
    offset = 0
    while offset + _HEADER.size <= len(stream):
        kind, size = _HEADER.unpack_from(stream, offset)
        offset += _HEADER.size
        yield kind, stream[offset:offset + size]
        offset += size


def _string_lengths(body: bytes, continued: list[bytes]) -> list[int]:
    """The character count of each string in an SST record and its CONTINUE records.

    Each string is cch (2 bytes), flags (1: bit 0 two-byte characters, bit 2 phonetic
    block, bit 3 rich-text runs), [runs (2)], [phonetic size (4)], the characters, the
    runs (4 bytes each) and the phonetic block. Characters that cross into a CONTINUE
    record start it with a fresh flags byte."""
    reader = _Segments([body[8:], *continued])
    count = int.from_bytes(body[4:8], "little") if len(body) >= 8 else 0
    lengths: list[int] = []
    while len(lengths) < count and not reader.done():
        characters = reader.number(2)
        flags = reader.number(1)
        runs = reader.number(2) if flags & 0x08 else 0
        phonetic = reader.number(4) if flags & 0x04 else 0
        reader.characters(characters, wide=bool(flags & 0x01))
        reader.skip(4 * runs + phonetic)
        lengths.append(characters)
    return lengths


class _Segments:
    """A read position across an SST body and its CONTINUE bodies."""

    def __init__(self, segments: list[bytes]) -> None:
        self.segments = [s for s in segments if s] or [b""]
        self.index = 0
        self.offset = 0

    def done(self) -> bool:
        return self.index >= len(self.segments)

    def _advance(self) -> bool:
        """Move to the next segment when this one is used up; whether one began."""
        if self.index < len(self.segments) and self.offset >= len(self.segments[self.index]):
            self.index += 1
            self.offset = 0
            return True
        return False

    def number(self, size: int) -> int:
        data = bytearray()
        while len(data) < size and not self.done():
            self._advance()
            if self.done():
                break
            segment = self.segments[self.index]
            take = segment[self.offset:self.offset + size - len(data)]
            data += take
            self.offset += len(take)
        return int.from_bytes(bytes(data), "little")

    def skip(self, size: int) -> None:
        while size > 0 and not self.done():
            self._advance()
            if self.done():
                return
            step = min(size, len(self.segments[self.index]) - self.offset)
            self.offset += step
            size -= step

    def characters(self, count: int, wide: bool) -> None:
        while count > 0 and not self.done():
            if self._advance() and not self.done():
                wide = bool(self.segments[self.index][0] & 0x01)  # a CONTINUE restates the width
                self.offset = 1
            if self.done():
                return
            width = 2 if wide else 1
            available = (len(self.segments[self.index]) - self.offset) // width
            if available == 0:
                self.offset = len(self.segments[self.index])
                continue
            step = min(count, available)
            self.offset += step * width
            count -= step
