"""Reading YAML and JSON documents safely, keeping where every node starts.

PyYAML's composer recurses (the C one crashes the interpreter on deeply nested
input) and expands aliases without limit, so documents are built here from the
parser's event stream with an explicit stack: nesting depth, alias expansion and
input size are bounded, duplicate keys are errors, and each node's JSON pointer is
mapped to its 1-based line and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from formlint.errors import FormlintError
from formlint.model import Location

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_DEPTH = 64
# An alias bomb turns a few lines into billions of nodes once walked; real forms
# stay far below this even when they reuse anchors.
MAX_NODES = 200_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
_SAFE_TAGS = {
    _STR_TAG: str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda v: v.lower() in ("true", "yes", "on", "y"),
    "tag:yaml.org,2002:null": lambda v: None,
}
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$")
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


def read_text(path: str | Path, max_size: int = MAX_FILE_SIZE, error: type[FormlintError] = FormlintError) -> str:
    """Read a UTF-8 text file, refusing missing, unreadable or oversized files."""
    name = str(path)
    try:
        p = Path(path)
        size = p.stat().st_size
        if size > max_size:
            raise error(name, f"file is {size:,} bytes, over the {max_size:,}-byte limit (--max-file-size)")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise error(name, "no such file") from None
    except IsADirectoryError:
        raise error(name, "is a directory, expected a file") from None
    except OSError as exc:
        raise error(name, f"cannot read file: {exc.strerror or exc}") from None
    return decode(raw, name, error)


def decode(raw: bytes, name: str, error: type[FormlintError] = FormlintError) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(name, f"not valid UTF-8 (byte {exc.start})", line) from None


def pointer_join(parent: str, key: object) -> str:
    token = str(key).replace("~", "~0").replace("/", "~1")
    return f"{parent}/{token}"


def load_json(text: str, path: str, error: type[FormlintError] = FormlintError) -> Document:
    """Parse JSON strictly, then take node positions from the YAML event stream."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(path, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise error(path, f"nesting deeper than {MAX_DEPTH} levels") from None
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
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise error(path, f"invalid YAML: {exc.problem or exc.context}", line, col) from None
    except yaml.YAMLError as exc:
        raise error(path, f"invalid YAML: {exc}") from None
    return Document(path, builder.result, builder.locations, text)


class _Builder:
    """Turns parser events into values, one explicit stack frame per open node."""

    def __init__(self, path: str, error: type[FormlintError]) -> None:
        self.path = path
        self.error = error
        self.stack: list[list[Any]] = []  # [container, pointer, pending_key, key_location, start_event, first_node]
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.locations: dict[str, Location] = {}
        self.result: Any = None
        self.nodes = 0
        self.documents = 0
        self._handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start_mapping,
            yaml.SequenceStartEvent: self._start_sequence,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }

    def feed(self, event: yaml.Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(event)

    def _fail(self, event: yaml.Event, message: str) -> None:
        mark = event.start_mark
        raise self.error(self.path, message, mark.line + 1, mark.column + 1)

    def _document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            self._fail(event, "more than one YAML document in the file; formlint reads one form per file")

    def _count(self, event: yaml.Event, amount: int = 1) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            self._fail(event, f"document expands to more than {MAX_NODES:,} nodes (aliases or sheer size)")

    def _pointer_for_child(self) -> str:
        if not self.stack:
            return ""
        container, pointer, pending = self.stack[-1][:3]
        if isinstance(container, list):
            return pointer_join(pointer, len(container))
        return pointer_join(pointer, pending)

    def _place(self, event: yaml.Event, value: Any, size: int = 1) -> None:
        """Attach a finished value to the open container (or make it the result)."""
        anchor = getattr(event, "anchor", None)
        if anchor and not isinstance(event, yaml.AliasEvent):
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        elif frame[2] is _NO_KEY:
            self._set_key(event, frame, value)
        else:
            container[frame[2]] = value
            frame[2] = _NO_KEY

    def _set_key(self, event: yaml.Event, frame: list[Any], key: Any) -> None:
        if isinstance(key, (dict, list)):
            self._fail(event, "mapping keys must be scalars")
        if key in frame[0]:
            self._fail(event, f"duplicate key {key!r}")
        frame[2] = key
        mark = event.start_mark
        frame[3] = Location(mark.line + 1, mark.column + 1)

    def _record(self, event: yaml.Event) -> None:
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is _NO_KEY:
            return  # a key, not a node of its own
        mark = event.start_mark
        where = Location(mark.line + 1, mark.column + 1)
        if self.stack and isinstance(self.stack[-1][0], dict):
            where = self.stack[-1][3]  # point at the key: that is the line people read
        self.locations[self._pointer_for_child()] = where

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._count(event)
        self._record(event)
        self._place(event, self._resolve(event))

    def _resolve(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if event.tag and event.tag != "!":
            convert = _SAFE_TAGS.get(event.tag)
            if convert is None:
                self._fail(event, f"unsupported YAML tag {event.tag}")
            try:
                return convert(value)  # type: ignore[misc]
            except ValueError:
                self._fail(event, f"{value!r} is not a valid {event.tag}")
        if not event.implicit[0]:
            return value  # quoted: always a string
        return _plain_scalar(value)

    def _open(self, event: yaml.Event, container: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self._fail(event, f"nesting deeper than {MAX_DEPTH} levels")
        if event.tag and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self._fail(event, f"unsupported YAML tag {event.tag}")
        self._count(event)
        self._record(event)
        pointer = self._pointer_for_child()
        self.stack.append([container, pointer, _NO_KEY, Location(), event, self.nodes])

    def _start_mapping(self, event: yaml.Event) -> None:
        self._open(event, {})

    def _start_sequence(self, event: yaml.Event) -> None:
        self._open(event, [])

    def _end(self, event: yaml.Event) -> None:
        container, _, _, _, start, first = self.stack.pop()
        self._place(start, container, self.nodes - first + 1)

    def _alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor not in self.anchors:
            self._fail(event, f"unknown alias *{event.anchor}")
        value, size = self.anchors[event.anchor]
        self._count(event, size)  # walking the result walks the alias's whole subtree again
        self._record(event)
        self._place(event, value)


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()


def _plain_scalar(value: str) -> Any:
    """Resolve an unquoted scalar the way YAML 1.1's core types do (no timestamps)."""
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
