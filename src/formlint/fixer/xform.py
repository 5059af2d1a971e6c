"""Fixing ODK XForms by cutting elements out of the XML text.

A question lives in up to four places: its node in the primary instance, its
`<bind nodeset>`, its body control (`ref`, possibly relative to an enclosing group)
and its itext translations (`id="/data/q:label"`, `:hint`). Removing the question
cuts each of those elements, and the whole line when the element stands alone on
it; nothing else in the file moves. Making a question optional sets its bind's
`required` to `false()`. Spans come from expat's byte positions; the document was
already read by formlint's defused XForm loader, and entity declarations are refused
here too.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass

from formlint.message import msg
from formlint.fixer.text import CannotFix, Edit

__all__ = ["XFormEditor"]

_CONTROLS = frozenset({"input", "select1", "select", "upload", "range", "rank", "odk:rank", "trigger", "textarea"})
_REQUIRED = re.compile(rb'\brequired\s*=\s*(["\'])(.*?)\1')


@dataclass
class _Element:
    name: str  # local name
    attrs: dict[str, str]
    start: int
    end: int = -1
    path: str = ""  # instance path for instance nodes; resolved ref for body elements
    role: str = ""  # instance | bind | control | itext | ""


class XFormEditor:
    """Edits of an XForm's text; expat's byte offsets are turned into characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.removed: set[str] = set()
        self.elements = _scan(self.data)

    def _chars(self, start: int, end: int, replacement: str) -> Edit:
        offset = len(self.data[:start].decode("utf-8"))
        return Edit(offset, offset + len(self.data[start:end].decode("utf-8")), replacement)

    def pending(self) -> list[Edit]:
        return []

    def comment_out(self, pointer: str, note: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.xform_comment_out"))

    def set_retention(self, statement: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.xform_retention"))

    def annotate(self, pointer: str | None, codes: tuple[str, ...], reason: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.xform_suppressions"))

    def add_notice(self, text: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.xform_notice"))

    def _by_role(self, role: str, path: str) -> list[_Element]:
        return [e for e in self.elements if e.role == role and e.path == path]

    def remove(self, pointer: str) -> list[Edit]:
        controls = self._by_role("control", pointer)
        nodes = self._by_role("instance", pointer)
        if not controls and not nodes:
            raise CannotFix(msg("fix.cannot.xform_no_question"))
        if controls:  # metadata (deviceid, simserial…) has no control: its node and bind go alone
            parent = pointer.rpartition("/")[0]
            siblings = [e for e in self.elements if e.role in ("control", "container")
                        and e.path.rpartition("/")[0] == parent]
            if all(e.path in self.removed or e.path == pointer for e in siblings):
                raise CannotFix(msg("fix.cannot.last_question"))
        self.removed.add(pointer)
        cut = [*nodes, *self._by_role("bind", pointer), *controls]
        cut += [e for e in self.elements if e.role == "itext" and e.path.split(":")[0] == pointer]
        return [self._whole_lines(e) for e in cut]

    def make_optional(self, pointer: str) -> list[Edit]:
        for bind in self._by_role("bind", pointer):
            tag = self.data[bind.start : bind.end]
            match = _REQUIRED.search(tag.split(b">", 1)[0])
            if match:
                return [self._chars(bind.start + match.start(2), bind.start + match.end(2), "false()")]
        raise CannotFix(msg("fix.cannot.bind_not_required"))

    def _whole_lines(self, element: _Element) -> Edit:
        start, end = element.start, element.end
        line_start = self.data.rfind(b"\n", 0, start) + 1
        line_end = self.data.find(b"\n", end)
        line_end = len(self.data) if line_end < 0 else line_end + 1
        if not self.data[line_start:start].strip() and not self.data[end:line_end].strip():
            return self._chars(line_start, line_end, "")
        return self._chars(start, end, "")


def _scan(data: bytes) -> list[_Element]:
    parser = xml.parsers.expat.ParserCreate()
    elements: list[_Element] = []
    stack: list[_Element] = []
    instances = [0]  # how many <instance> elements have started: only the first is the form's

    def refuse(*_: object) -> None:
        raise CannotFix(msg("fix.cannot.xform_entities"))

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.split(":")[-1] if not name.startswith("odk:") else name
        element = _Element(local, attrs, parser.CurrentByteIndex)
        parent_names = [e.name for e in stack]
        if "instance" in parent_names and instances[0] == 1:
            inside = parent_names[parent_names.index("instance") + 1 :]
            element.path = "/" + "/".join([*inside, local])
            element.role = "instance" if inside else ""
        elif local == "bind" and "nodeset" in attrs:
            element.path, element.role = attrs["nodeset"], "bind"
        elif local == "text" and "itext" in parent_names and "id" in attrs:
            element.path, element.role = attrs["id"], "itext"
        elif "body" in parent_names:
            ref = attrs.get("ref") or attrs.get("nodeset")
            if ref is not None:
                base = next((e.path for e in reversed(stack) if e.name in ("group", "repeat") and e.path), "")
                element.path = ref if ref.startswith("/") else f"{base}/{ref}"
                element.role = "control" if local in _CONTROLS else \
                    "container" if local in ("group", "repeat") else ""
        if local == "instance":
            instances[0] += 1
        elements.append(element)
        stack.append(element)

    def end(name: str) -> None:
        element = stack.pop()
        index = parser.CurrentByteIndex
        element.end = data.index(b">", index) + 1 if data.startswith(b"</", index) else index

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise CannotFix(msg("fix.cannot.xform_unmapped", detail=str(exc))) from None
    return [e for e in elements if e.role]

