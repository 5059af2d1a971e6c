"""Reading YAML and JSON documents safely, keeping where every node starts.

PyYAML's composer recurses (the C one crashes the interpreter on deeply nested
input) and expands aliases without limit, so documents are built here from the
parser's event stream with an explicit stack: nesting depth, alias expansion and
input size are bounded, duplicate keys are errors, and each node's JSON pointer is
mapped to its 1-based line and column.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, NoReturn

import yaml

from formlint.errors import FormlintError
from formlint.model import MAX_FILE_SIZE, Location
from formlint.message import Message, msg

# Opening a FIFO for reading waits for a writer; without blocking it opens at once.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
MAX_DEPTH = 64
# An alias bomb turns a few lines into billions of nodes once walked; real forms
# stay far below this even when they reuse anchors.
MAX_NODES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
_SAFE_TAGS: dict[str, Callable[[str], Any]] = {
    _STR_TAG: str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda v: v.lower() in ("true", "yes", "on", "y"),
    "tag:yaml.org,2002:null": lambda v: None,
}
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")
# First characters with which a plain scalar may be something other than a string.
_SPECIAL_STARTS = frozenset("~nNtTfFyYoO+-.0123456789")
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


@dataclass(frozen=True)
class Document:
    """A parsed document with the start of every node, keyed by JSON pointer."""

    path: str
    data: Any
    locations: dict[str, Location]
    text: str = ""  # the source, for formats that read comments

    def location(self, pointer: str) -> Location:
        return self.locations.get(pointer, Location())


def read_bytes(path: str | Path, max_size: int = MAX_FILE_SIZE, error: type[FormlintError] = FormlintError) -> bytes:
    """Read a regular file (after following links) of at most `max_size` bytes.

    Forms, policies, configurations and baselines all come through here, so that
    none of them can make formlint read forever: `/dev/zero` or `/dev/urandom`
    (named, or behind a symbolic link) and sockets are refused, and a FIFO is opened
    without blocking and refused. At most `max_size` + 1 bytes are read even from a
    file that grows while it is read."""
    name = str(path)
    try:
        handle = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError:
        raise error(name, msg("error.no_such_file")) from None
    except OSError as exc:
        raise error(name, msg("error.cannot_read", reason=exc.strerror or str(exc))) from None
    try:
        return _read_regular(handle, name, max_size, error)
    except OSError as exc:
        raise error(name, msg("error.cannot_read", reason=exc.strerror or str(exc))) from None
    finally:
        os.close(handle)


def _read_regular(handle: int, name: str, max_size: int, error: type[FormlintError]) -> bytes:
    mode = os.fstat(handle).st_mode
    if stat.S_ISDIR(mode):
        raise error(name, msg("error.is_directory"))
    if not stat.S_ISREG(mode):
        raise error(name, msg("error.not_regular_file"))
    size = os.fstat(handle).st_size
    if size > max_size:
        raise error(name, msg("error.file_too_large", size=size, limit=max_size))
    with os.fdopen(os.dup(handle), "rb") as stream:
        raw = stream.read(max_size + 1)
    if len(raw) > max_size:
        raise error(name, msg("error.file_over_limit", limit=max_size))
    return raw


def is_regular_file(path: str) -> bool:
    """A regular file once links are followed; what a folder walk may read."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_text(path: str | Path, max_size: int = MAX_FILE_SIZE, error: type[FormlintError] = FormlintError) -> str:
    """Read a UTF-8 text file, refusing missing, unreadable or oversized files."""
    return decode(read_bytes(path, max_size, error), str(path), error)


def decode(raw: bytes, name: str, error: type[FormlintError] = FormlintError) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(name, msg("error.not_utf8", byte=exc.start), line) from None


def pointer_join(parent: str, key: object) -> str:
    token = str(key)
    if "~" in token or "/" in token:
        token = token.replace("~", "~0").replace("/", "~1")
    return f"{parent}/{token}"


# Locations are frozen values, so one object serves every node at the same place:
# forms of one tree share most of their (line, column) pairs, and building a frozen
# dataclass costs more than looking one up.
_location = lru_cache(maxsize=65536)(Location)
_NOWHERE = Location()


def load_json(text: str, path: str, error: type[FormlintError] = FormlintError) -> Document:
    """Parse JSON strictly, then take node positions from the YAML event stream."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(path, msg("error.invalid_json", detail=exc.msg), exc.lineno, exc.colno) from None
    except RecursionError:
        raise error(path, msg("error.nesting", depth=MAX_DEPTH)) from None
    except ValueError:
        # A number too long for int(): json cannot say where, the YAML reading can.
        load_yaml(text, path, error)
        raise error(path, msg("error.json_long_number")) from None
    try:
        return load_yaml(text, path, error)
    except FormlintError as exc:
        if "nesting" in exc.message or "aliases" in exc.message:
            raise
        # JSON that YAML 1.1 cannot read (rare escapes): keep the data, lose positions.
        return Document(path, data, {}, text)


def load_yaml(text: str, path: str, error: type[FormlintError] = FormlintError) -> Document:
    """Parse one YAML document into plain Python values with node locations."""
    builder = _Builder(path, error)
    parser = _Loader(text)
    try:
        # The parser's own get_event until it has none (yaml.parse wraps the same
        # calls in a generator that also asks check_event before each event).
        builder.run(iter(parser.get_event, None))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise error(path, msg("error.invalid_yaml", detail=str(exc.problem or exc.context)), line, col) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(text, path, error, exc) from None
    except yaml.YAMLError as exc:
        raise error(path, msg("error.invalid_yaml", detail=str(exc))) from None
    finally:
        parser.dispose()
    return Document(path, builder.result, builder.locations, text)


def _reader_error(text: str, path: str, error: type[FormlintError], exc: yaml.reader.ReaderError) -> FormlintError:
    """A character YAML refuses (NUL, most control characters), at its line and column.

    The reader's own message spans two lines and its position counts bytes in the C
    parser but characters in the Python one; the reader stops at the first such
    character, so its first occurrence in the text is the one it met.
    """
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    at = max(text.find(char), 0)
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return error(path, msg("error.invalid_yaml", detail=f"{exc.reason} (U+{ord(char):04X})"), line, column)


class _Frame:
    """One open mapping or sequence: where it is and what it waits for."""

    __slots__ = ("container", "pointer", "key", "key_at", "start", "first")

    def __init__(self, container: Any, pointer: str, start: Any, first: int) -> None:
        self.container = container
        self.pointer = pointer
        self.key: Any = _NO_KEY  # a mapping's key waiting for its value
        self.key_at = _NOWHERE
        self.start = start
        self.first = first


class _Builder:
    """Turns parser events into values, one explicit stack frame per open node.

    Scalars are by far the most frequent event, so `run` handles them inline.
    """

    def __init__(self, path: str, error: type[FormlintError]) -> None:
        self.path = path
        self.error = error
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.locations: dict[str, Location] = {}
        self.result: Any = None
        self.nodes = 0
        self.documents = 0

    def run(self, events: Iterable[Any]) -> None:
        for event in events:
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                self._scalar(event)
            elif kind is yaml.MappingStartEvent:
                self._open(event, {})
            elif kind is yaml.SequenceStartEvent:
                self._open(event, [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._end()
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self._document(event)

    def _fail(self, event: Any, message: Message) -> NoReturn:
        mark = event.start_mark
        raise self.error(self.path, message, mark.line + 1, mark.column + 1)

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self._fail(event, msg("error.yaml_documents"))

    def _count(self, event: Any, amount: int = 1) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            self._fail(event, msg("error.yaml_nodes", limit=MAX_NODES))

    def _scalar(self, event: Any) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.key is _NO_KEY and type(frame.container) is dict:
            # Keys stay strings ("yes", "1") unless explicitly tagged: forms are JSON-like.
            self._take_key(event, frame, self._resolve(event) if event.tag else event.value)
            return
        self._count(event)
        value = self._resolve(event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._attach(event, frame, value)

    def _attach(self, event: Any, frame: _Frame | None, value: Any) -> None:
        """Record where a finished node starts and put it into its parent."""
        if frame is None:
            self.locations[""] = _location(event.start_mark.line + 1, event.start_mark.column + 1)
            self.result = value
            return
        container = frame.container
        if type(container) is list:
            mark = event.start_mark
            self.locations[pointer_join(frame.pointer, len(container))] = _location(mark.line + 1, mark.column + 1)
            container.append(value)
        else:
            # A mapping value is located at its key: that is the line people read.
            self.locations[pointer_join(frame.pointer, frame.key)] = frame.key_at
            container[frame.key] = value
            frame.key = _NO_KEY

    def _take_key(self, event: Any, frame: _Frame, key: Any) -> None:
        if key in frame.container:
            self._fail(event, msg("error.duplicate_key", key=repr(key)))
        frame.key = key
        mark = event.start_mark
        frame.key_at = _location(mark.line + 1, mark.column + 1)

    def _resolve(self, event: Any) -> Any:
        value = event.value
        if event.tag and event.tag != "!":
            convert = _SAFE_TAGS.get(event.tag)
            if convert is None:
                self._fail(event, msg("error.yaml_tag", tag=event.tag))
            try:
                return convert(value)
            except ValueError:
                self._fail(event, msg("error.yaml_bad_value", value=repr(_excerpt(value)), tag=event.tag))
        if not event.implicit[0]:
            return value  # quoted: always a string
        try:
            return _plain_scalar(value)
        except ValueError:  # int() refuses more than 4,300 digits (CVE-2020-10735)
            self._fail(event, msg("error.yaml_long_number", value=repr(_excerpt(value)), digits=len(value)))

    def _child_pointer(self) -> str:
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if type(frame.container) is list:
            return pointer_join(frame.pointer, len(frame.container))
        return pointer_join(frame.pointer, frame.key)

    def _open(self, event: Any, container: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self._fail(event, msg("error.nesting", depth=MAX_DEPTH))
        if self.stack and self.stack[-1].key is _NO_KEY and type(self.stack[-1].container) is dict:
            self._fail(event, msg("error.yaml_key_not_scalar"))
        if event.tag and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self._fail(event, msg("error.yaml_tag", tag=event.tag))
        self._count(event)
        self.stack.append(_Frame(container, self._child_pointer(), event, self.nodes))

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.start.anchor:
            self.anchors[frame.start.anchor] = (frame.container, self.nodes - frame.first + 1)
        self._attach(frame.start, self.stack[-1] if self.stack else None, frame.container)

    def _alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            self._fail(event, msg("error.yaml_alias", anchor=event.anchor))
        value, size = self.anchors[event.anchor]
        self._count(event, size)  # walking the result walks the alias's whole subtree again
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.key is _NO_KEY and type(frame.container) is dict:
            self._fail(event, msg("error.yaml_key_not_scalar"))
        self._attach(event, frame, value)


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()


def _excerpt(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else f"{value[:limit]}…"


def _plain_scalar(value: str) -> Any:
    """Resolve an unquoted scalar the way YAML 1.1's core types do (no timestamps)."""
    if value and value[0] not in _SPECIAL_STARTS:
        return value  # most labels and keys: nothing else can start this way
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    lowered = value.lower()
    if lowered in _BOOLS and value in (lowered, lowered.capitalize(), value.upper()):
        return _BOOLS[lowered]
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value.replace("_", ""))
    return value
