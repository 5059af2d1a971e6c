"""Reading XML safely into a small element tree that keeps every element's position.

defusedxml's SAX parser refuses entity declarations (billion laughs) and external
entities and DTD references (XXE, network fetches); SAX rather than ElementTree
because its locator gives the line and column of each start tag, which findings
point at. Nesting is capped like YAML/JSON nesting (source.MAX_DEPTH).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import Locator

from formlint.errors import FormError
from formlint.model import Location
from formlint.source import MAX_DEPTH
from formlint.message import Message, msg

Name = tuple[str, str]  # (namespace URI or "", local name)
_PIECES_PER_CHUNK = 1024
_SLICE = 65536


@dataclass
class Element:
    name: Name
    attrs: dict[Name, str]
    location: Location
    children: list[Element] = field(default_factory=list)
    # SAX hands text over in pieces (one per line, one per entity). Appending to a string
    # attribute copies it every time (quadratic); keeping every piece costs some 60 bytes
    # each: pieces are joined a thousand at a time into chunks, and the chunks once.
    chunks: list[str] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chunks + self.pieces)

    def add_text(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) >= _PIECES_PER_CHUNK:
            self.chunks.append("".join(self.pieces))
            self.pieces.clear()

    @property
    def local(self) -> str:
        return self.name[1]

    def get(self, local: str, namespace: str = "") -> str | None:
        return self.attrs.get((namespace, local))

    def find(self, local: str) -> Element | None:
        return next((c for c in self.children if c.local == local), None)

    def iter(self) -> Iterator[Element]:
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def all_text(self) -> str:
        """The element's text with its descendants' text, as a reader sees it."""
        texts = (_squeeze(part.text) for part in self.iter())
        return " ".join(text for text in texts if text)


def _squeeze(text: str) -> str:
    """`text` with each run of whitespace made one space, stripped. Done a slice at a
    time: splitting megabytes of short words at once holds a string object per word."""
    out: list[str] = []
    gap = False  # whitespace seen since the last word
    for start in range(0, len(text), _SLICE):
        piece = text[start:start + _SLICE]
        squeezed = " ".join(piece.split())
        if squeezed:
            if out and (gap or piece[0].isspace()):
                out.append(" ")
            out.append(squeezed)
            gap = piece[-1].isspace()
        else:
            gap = True
    return "".join(out)


class _Builder(ContentHandler):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.locator: Locator | None = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def here(self) -> Location:
        if self.locator is None:
            return Location()
        return Location(self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1)

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            where = self.here()
            raise FormError(self.path, msg("error.xml_nesting", depth=MAX_DEPTH), where.line, where.column)
        element = Element((name[0] or "", name[1]), {(k[0] or "", k[1]): v for k, v in attrs.items()}, self.here())
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].add_text(content)


def parse_xml(path: str, raw: bytes) -> Element:
    """The document's root element, or FormError at the offending line and column."""
    from xml.sax import SAXParseException

    from defusedxml import DefusedXmlException

    builder = _Builder(path)
    try:
        parse_sax(raw, builder)
    except DefusedXmlException as exc:
        where = builder.here()
        raise FormError(path, _refusal(exc), where.line, where.column) from None
    except SAXParseException as exc:
        raise FormError(path, msg("error.invalid_xml", detail=exc.getMessage()), exc.getLineNumber() or 1,
                        (exc.getColumnNumber() or 0) + 1) from None
    if builder.root is None:
        raise FormError(path, msg("error.xml_no_root"))
    return builder.root


def parse_sax(raw: bytes, handler: ContentHandler, forbid_dtd: bool = False) -> None:
    """Feed `raw` to `handler` (namespace-aware) through defusedxml's expat reader;
    raises SAXParseException for malformed XML, DefusedXmlException for refused entities."""
    from defusedxml.expatreader import DefusedExpatParser

    parser = DefusedExpatParser(forbid_dtd=forbid_dtd, forbid_entities=True, forbid_external=True)
    parser.setFeature("http://xml.org/sax/features/namespaces", True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(raw))


def _refusal(exc: Exception) -> Message:
    """Why a defused construct was refused; formlint never expands or fetches entities."""
    name = getattr(exc, "name", None) or getattr(exc, "context", None)
    sysid = getattr(exc, "sysid", None)
    target = msg("error.xml_pointing_at", target=repr(sysid)) if sysid else ""
    if type(exc).__name__ == "EntitiesForbidden":
        return msg("error.xml_entity", name=repr(name), target=target)
    return msg("error.xml_external", target=target)
