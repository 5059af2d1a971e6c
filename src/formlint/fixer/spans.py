"""Where each node of a YAML or JSON document sits in its text, by JSON pointer.

`formlint fix` edits forms as text: it cuts, comments out or rewrites exactly the
characters of the nodes it changes, so every other byte of the file (comments, key
order, indentation, quoting, line endings) stays as the author wrote it. A round
trip through a parser and an emitter cannot promise that.

YAML spans come from PyYAML's composer (the document was already read by formlint's
bounded loader, so its depth and size are known to be safe); JSON spans from a small
scanner, because minified JSON is not always valid YAML 1.1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator

import yaml

__all__ = ["Span", "Node", "yaml_nodes", "json_nodes", "NotLocatable"]


class NotLocatable(Exception):
    """The text cannot be mapped to spans (it is not the document formlint read)."""


@dataclass(frozen=True)
class Span:
    start: int  # character offsets into the text, end exclusive
    end: int


@dataclass(frozen=True)
class Node:
    """A node's span; for a mapping value also the span of its key (`key`), and for a
    sequence item or member the index of its parent container's span (`parent`)."""

    span: Span
    kind: str  # mapping | sequence | scalar
    key: Span | None = None
    parent: str | None = None
    flow: bool = False
    value: object = None


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def yaml_nodes(text: str) -> dict[str, Node]:
    """Every node of the YAML document in `text`, keyed by JSON pointer."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise NotLocatable(str(exc)) from None
    nodes: dict[str, Node] = {}
    if root is not None:
        stack: list[tuple[str, yaml.Node, Span | None, str | None]] = [("", root, None, None)]
        while stack:
            pointer, node, key, parent = stack.pop()
            nodes[pointer] = _yaml_node(node, key, parent)
            stack.extend(_yaml_children(pointer, node))
    return nodes


def _yaml_node(node: yaml.Node, key: Span | None, parent: str | None) -> Node:
    span = Span(node.start_mark.index, node.end_mark.index)
    if isinstance(node, yaml.MappingNode):
        return Node(span, "mapping", key, parent, bool(node.flow_style))
    if isinstance(node, yaml.SequenceNode):
        return Node(span, "sequence", key, parent, bool(node.flow_style))
    return Node(span, "scalar", key, parent, value=node.value)


def _yaml_children(pointer: str, node: yaml.Node) -> Iterator[tuple[str, yaml.Node, Span | None, str | None]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = Span(key_node.start_mark.index, key_node.end_mark.index)
            yield f"{pointer}/{_escape(str(key_node.value))}", value, key, pointer
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield f"{pointer}/{index}", value, None, pointer


def json_nodes(text: str) -> dict[str, Node]:
    """Every node of the JSON document in `text`, keyed by JSON pointer."""
    scanner = _JsonScanner(text)
    scanner.value("", None, None)
    return scanner.nodes


class _JsonScanner:
    """A recursive-descent pass that records spans; depth is bounded by the loader
    that read the document first, so recursion is safe here."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.nodes: dict[str, Node] = {}
        self.decoder = json.JSONDecoder()

    def skip(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\r\n\ufeff":
            pos += 1
        self.pos = pos

    def value(self, pointer: str, key: Span | None, parent: str | None) -> None:
        self.skip()
        start = self.pos
        if start >= len(self.text):
            raise NotLocatable("unexpected end of JSON")
        char = self.text[start]
        if char == "{":
            self.members(pointer)
            kind = "mapping"
            value: object = None
        elif char == "[":
            self.items(pointer)
            kind = "sequence"
            value = None
        else:
            try:
                value, self.pos = self.decoder.raw_decode(self.text, start)
            except ValueError as exc:
                raise NotLocatable(str(exc)) from None
            kind = "scalar"
        self.nodes[pointer] = Node(Span(start, self.pos), kind, key, parent, kind != "scalar", value)

    def expect(self, char: str) -> None:
        self.skip()
        if not self.text.startswith(char, self.pos):
            raise NotLocatable(f"expected {char!r} at offset {self.pos}")
        self.pos += 1

    def members(self, pointer: str) -> None:
        self.expect("{")
        self.skip()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return
        while True:
            self.skip()
            start = self.pos
            try:
                name, self.pos = self.decoder.raw_decode(self.text, start)
            except ValueError as exc:
                raise NotLocatable(str(exc)) from None
            key = Span(start, self.pos)
            self.expect(":")
            self.value(f"{pointer}/{_escape(str(name))}", key, pointer)
            if self.close("}"):
                return

    def items(self, pointer: str) -> None:
        self.expect("[")
        self.skip()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return
        index = 0
        while True:
            self.value(f"{pointer}/{index}", None, pointer)
            index += 1
            if self.close("]"):
                return

    def close(self, bracket: str) -> bool:
        self.skip()
        if self.text.startswith(",", self.pos):
            self.pos += 1
            return False
        self.expect(bracket)
        return True


def unescape_pointer(pointer: str) -> list[str]:
    return [_unescape(t) for t in pointer.split("/")[1:]]
