"""The per-format editors: each turns one intended change ("remove the field at
/fields/4") into `Edit`s of the original text (see `fixer.text`). Anything an editor
cannot do without risking the rest of the file raises `CannotFix` with the reason,
and `fix` reports that finding as left alone.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Callable, Protocol

from formlint.fixer.spans import Node, NotLocatable, json_nodes, yaml_nodes
from formlint.message import msg
from formlint.fixer.text import CannotFix, Edit, apply

__all__ = ["Edit", "CannotFix", "Editor", "editor_for", "apply"]


class Editor(Protocol):
    removed: set[str]  # pointers of entries removed so far

    def remove(self, pointer: str) -> list[Edit]: ...

    def comment_out(self, pointer: str, note: str) -> list[Edit]: ...

    def make_optional(self, pointer: str) -> list[Edit]: ...

    def set_retention(self, statement: str) -> list[Edit]: ...

    def annotate(self, pointer: str | None, codes: tuple[str, ...], reason: str) -> list[Edit]: ...

    def add_notice(self, text: str) -> list[Edit]: ...

    def pending(self) -> list[Edit]:
        """Edits decided by several calls together (neighbouring removals), made last."""
        ...


def editor_for(form_format: str, text: str, newline: str, suffix: str) -> Editor:
    """The editor for a form of `form_format` read from `text` (a file ending in `suffix`)."""
    if form_format == "xlsform" and suffix == ".csv":
        return CsvEditor(text, newline)
    if form_format == "xform":
        from formlint.fixer.xform import XFormEditor

        return XFormEditor(text)
    if form_format in ("native", "json-schema", "surveyjs", "formio"):
        stripped = text.lstrip("\ufeff \t\r\n")
        if stripped.startswith(("{", "[")):
            return JsonEditor(text, newline, form_format)
        return YamlEditor(text, newline, form_format)
    raise CannotFix(msg("fix.cannot.format", format=form_format))


# ------------------------------------------------------------------------ lines


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    """The offset just after the newline ending the line that holds `pos`."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end + 1


def _indent_of(text: str, line_start: int) -> str:
    end = line_start
    while end < len(text) and text[end] in " \t":
        end += 1
    return text[line_start:end]


# ------------------------------------------------------------------------- YAML


class _MappedEditor:
    """What the YAML and JSON editors share: the text, its nodes by JSON pointer, and
    the entries removed so far."""

    def __init__(self, text: str, newline: str, form_format: str, mapper: Callable[[str], dict[str, Node]]) -> None:
        self.text = text
        self.newline = newline
        self.format = form_format
        self.removed: set[str] = set()
        try:
            self.nodes = mapper(text)
        except NotLocatable as exc:
            raise CannotFix(msg("fix.cannot.unmapped", detail=str(exc))) from None

    def node(self, pointer: str) -> Node:
        node = self.nodes.get(pointer)
        if node is None:
            raise CannotFix(msg("fix.cannot.no_node", pointer=pointer or "/"))
        return node

    def _required_items(self, pointer: str) -> tuple[str, list[str]]:
        """The JSON Schema `required` list that holds the property at `pointer`, and
        the pointers of the entries naming it."""
        owner, _, name = pointer.rpartition("/properties/")
        required = f"{owner}/required"
        return required, [p for p, n in self.nodes.items() if n.parent == required and n.value == name]


class YamlEditor(_MappedEditor):
    """Native forms and JSON Schema written as YAML: block sequences and mappings."""

    def __init__(self, text: str, newline: str, form_format: str) -> None:
        super().__init__(text, newline, form_format, yaml_nodes)

    def _content_end(self, pointer: str) -> int:
        """Where the last character of the node's own content is (block mappings end
        where the next token starts, after any trailing comments and blank lines)."""
        ends = [n.span.end for p, n in self.nodes.items()
                if (p == pointer or p.startswith(pointer + "/")) and (n.kind == "scalar" or n.flow)]
        ends += [n.key.end for p, n in self.nodes.items() if p.startswith(pointer + "/") and n.key]
        end = max(ends, default=self.node(pointer).span.end)
        while end > 0 and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end

    def _block_range(self, pointer: str) -> tuple[int, int]:
        """The whole lines of a block sequence item or mapping member, with the comment
        lines directly above it (they belong to it, as suppressions do)."""
        node = self.node(pointer)
        parent = self.node(node.parent or "")
        if parent.flow:
            raise CannotFix(msg("fix.cannot.flow_collection"))
        first = node.key.start if node.key else node.span.start
        start = _line_start(self.text, first)
        while start > 0:
            above = _line_start(self.text, start - 1)
            if not self.text[above:start].strip().startswith("#"):
                break
            start = above
        end = _line_end(self.text, self._content_end(pointer))
        return start, end

    def _siblings(self, pointer: str) -> list[str]:
        parent = self.node(pointer).parent
        return [p for p, n in self.nodes.items() if n.parent == parent]

    def _take(self, pointer: str) -> tuple[int, int]:
        if all(p in self.removed or p == pointer for p in self._siblings(pointer)):
            raise CannotFix(msg("fix.cannot.last_entry"))
        self.removed.add(pointer)
        return self._block_range(pointer)

    def pending(self) -> list[Edit]:
        return []

    def remove(self, pointer: str) -> list[Edit]:
        start, end = self._take(pointer)
        return [Edit(start, end, "")]

    def comment_out(self, pointer: str, note: str) -> list[Edit]:
        start, end = self._take(pointer)
        block = self.text[start:end]
        lines = block.splitlines(keepends=True)
        column = min(len(_indent_of(line, 0)) for line in lines if line.strip())
        out = [f"{' ' * column}# {note}{self.newline}"]
        for line in lines:
            out.append(line if not line.strip() else f"{line[:column]}# {line[column:]}")
        return [Edit(start, end, "".join(out))]

    def make_optional(self, pointer: str) -> list[Edit]:
        if self.format == "json-schema":
            return self._drop_from_required(pointer)
        required = self.nodes.get(f"{pointer}/required")
        if required is None or required.kind != "scalar":
            raise CannotFix(msg("fix.cannot.no_required_true"))
        return [Edit(required.span.start, required.span.end, "false")]

    def _drop_from_required(self, pointer: str) -> list[Edit]:
        required, items = self._required_items(pointer)
        if not items:
            raise CannotFix(msg("fix.cannot.not_required_listed"))
        if self.node(required).flow:
            raise CannotFix(msg("fix.cannot.flow_required"))
        start, end = self._block_range(items[0])
        return [Edit(start, end, "")]

    def set_retention(self, statement: str) -> list[Edit]:
        if self.format != "native":
            return self._x_formlint_retention(statement)
        existing = self.nodes.get("/notice/retention")
        if existing is not None and existing.kind == "scalar":
            return [Edit(existing.span.start, existing.span.end, _yaml_scalar(statement))]
        notice = self.nodes.get("/notice")
        if notice is None:
            return self._append_top_level(f"notice:{self.newline}  retention: {_yaml_scalar(statement)}")
        if notice.kind != "mapping" or notice.flow:
            raise CannotFix(msg("fix.cannot.plain_notice"))
        return self._add_member("/notice", "retention", statement)

    def add_notice(self, text: str) -> list[Edit]:
        slot = "/notice" if self.format == "native" else "/x-formlint"
        if f"{slot}/text" in self.nodes or (slot == "/x-formlint" and "/x-formlint/notice" in self.nodes):
            raise CannotFix(msg("fix.cannot.notice_shown"))
        owner = self.nodes.get(slot)
        key = "text" if slot == "/notice" else "notice"
        if owner is None:
            block = _literal(text, "    ", self.newline)
            return self._append_top_level(f"{slot[1:]}:{self.newline}  {key}: |-{self.newline}{block}")
        if owner.kind != "mapping" or owner.flow:
            raise CannotFix(msg("fix.cannot.plain_notice_shown"))
        members = [n for n in self.nodes.values() if n.parent == slot and n.key]
        indent = _indent_of(self.text, _line_start(self.text, members[0].key.start)) if members and members[0].key \
            else "  "
        at = _line_end(self.text, self._content_end(slot))
        prefix = "" if self.text[at - 1 : at] == "\n" else self.newline
        block = _literal(text, indent + "  ", self.newline)
        return [Edit(at, at, f"{prefix}{indent}{key}: |-{self.newline}{block}")]

    def _x_formlint_retention(self, statement: str) -> list[Edit]:
        existing = self.nodes.get("/x-formlint/retention")
        if existing is not None and existing.kind == "scalar":
            return [Edit(existing.span.start, existing.span.end, _yaml_scalar(statement))]
        if "/x-formlint" in self.nodes:
            return self._add_member("/x-formlint", "retention", statement)
        return self._append_top_level(f"x-formlint:{self.newline}  retention: {_yaml_scalar(statement)}")

    def _add_member(self, pointer: str, key: str, value: str) -> list[Edit]:
        node = self.node(pointer)
        if node.flow:
            raise CannotFix(msg("fix.cannot.flow_mapping", pointer=pointer))
        members = [n for n in self.nodes.values() if n.parent == pointer and n.key]
        if not members:
            raise CannotFix(msg("fix.cannot.empty", pointer=pointer))
        indent = _indent_of(self.text, _line_start(self.text, members[0].key.start if members[0].key else 0))
        at = _line_end(self.text, self._content_end(pointer))
        prefix = "" if self.text[at - 1 : at] == "\n" else self.newline
        return [Edit(at, at, f"{prefix}{indent}{key}: {_yaml_scalar(value)}{self.newline}")]

    def _append_top_level(self, block: str) -> list[Edit]:
        root = self.node("")
        if root.kind != "mapping" or root.flow:
            raise CannotFix(msg("fix.cannot.not_block_mapping"))
        at = _line_end(self.text, self._content_end(""))
        prefix = "" if self.text[at - 1 : at] == "\n" or at == 0 else self.newline
        return [Edit(at, at, f"{prefix}{block}{self.newline}")]

    def annotate(self, pointer: str | None, codes: tuple[str, ...], reason: str) -> list[Edit]:
        directive = f"# formlint: ignore[{','.join(codes)}] {reason}".rstrip()
        if pointer is None:
            return [Edit(0, 0, f"{directive}{self.newline}{self.newline}")]
        node = self.node(pointer)
        first = node.key.start if node.key else node.span.start
        start = _line_start(self.text, first)
        return [Edit(start, start, f"{_indent_of(self.text, start)}{directive}{self.newline}")]


def _literal(text: str, indent: str, newline: str) -> str:
    """`text` as the lines of a YAML block literal indented by `indent`."""
    return "".join(f"{indent}{line}{newline}" if line.strip() else newline for line in text.strip().splitlines())


def _yaml_scalar(value: str) -> str:
    """A YAML scalar for `value` that the next reading gives back as the same string."""
    return json.dumps(value, ensure_ascii=False)


# ------------------------------------------------------------------------- JSON


class JsonEditor(_MappedEditor):
    """JSON Schema, SurveyJS, Form.io and native forms written as JSON."""

    def __init__(self, text: str, newline: str, form_format: str) -> None:
        super().__init__(text, newline, form_format, json_nodes)

    def _entry(self, pointer: str) -> tuple[int, int]:
        node = self.node(pointer)
        return (node.key.start if node.key else node.span.start), node.span.end

    def _siblings(self, pointer: str) -> list[str]:
        parent = self.node(pointer).parent or ""
        siblings = [p for p, n in self.nodes.items() if n.parent == parent]
        return sorted(siblings, key=lambda p: self._entry(p)[0])

    def remove(self, pointer: str) -> list[Edit]:
        siblings = self._siblings(pointer)
        if all(p in self.removed or p == pointer for p in siblings):
            raise CannotFix(msg("fix.cannot.last_entry"))
        self.removed.add(pointer)
        if self.format == "json-schema" and "/properties/" in pointer:
            return self._required_entry(pointer, quiet=True)
        return []

    def pending(self) -> list[Edit]:
        """The removals, cut per run of neighbouring removed entries with one comma, so
        the layout of the lines around them is kept."""
        edits: list[Edit] = []
        parents = {self.node(p).parent or "" for p in self.removed}
        for parent in parents:
            siblings = sorted((p for p, n in self.nodes.items() if n.parent == parent),
                              key=lambda p: self._entry(p)[0])
            flags = [p in self.removed for p in siblings]
            index = 0
            while index < len(siblings):
                if not flags[index]:
                    index += 1
                    continue
                last = index
                while last + 1 < len(siblings) and flags[last + 1]:
                    last += 1
                if index > 0:
                    edits.append(Edit(self._entry(siblings[index - 1])[1], self._entry(siblings[last])[1], ""))
                else:
                    edits.append(Edit(self._entry(siblings[0])[0], self._entry(siblings[last + 1])[0], ""))
                index = last + 1
        return edits

    def comment_out(self, pointer: str, note: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.json_comments"))

    def make_optional(self, pointer: str) -> list[Edit]:
        if self.format == "json-schema":
            return self._required_entry(pointer, quiet=False)
        for flag in ("/isRequired", "/validate/required", "/required"):
            node = self.nodes.get(pointer + flag)
            if node is not None and node.value is True:
                return [Edit(node.span.start, node.span.end, "false")]
        raise CannotFix(msg("fix.cannot.no_required_flag"))

    def _required_entry(self, pointer: str, quiet: bool) -> list[Edit]:
        required, items = self._required_items(pointer)
        if not items:
            if quiet:
                return []
            raise CannotFix(msg("fix.cannot.not_required_listed"))
        siblings = [p for p, n in self.nodes.items() if n.parent == required]
        if all(p in self.removed or p == items[0] for p in siblings):
            node = self.node(required)
            self.removed.difference_update(siblings)
            return [Edit(node.span.start, node.span.end, "[]")]
        self.removed.add(items[0])
        return []

    def set_retention(self, statement: str) -> list[Edit]:
        slot = "/notice" if self.format == "native" else "/x-formlint"
        existing = self.nodes.get(f"{slot}/retention")
        value = json.dumps(statement, ensure_ascii=False)
        if existing is not None:
            return [Edit(existing.span.start, existing.span.end, value)]
        owner = self.nodes.get(slot)
        if owner is not None and owner.kind != "mapping":
            raise CannotFix(msg("fix.cannot.plain_text_slot", slot=slot[1:]))
        if owner is None:
            return self._insert_member("", slot[1:], f'{{"retention": {value}}}')
        return self._insert_member(slot, "retention", value)

    def _insert_member(self, pointer: str, key: str, value: str) -> list[Edit]:
        node = self.node(pointer)
        members = sorted((n for n in self.nodes.values() if n.parent == pointer and n.key),
                         key=lambda n: n.span.start)
        if not members:
            at = node.span.start + 1
            return [Edit(at, at, f"{json.dumps(key)}: {value}")]
        last = members[-1]
        assert last.key is not None
        indent = self.text[_line_start(self.text, last.key.start) : last.key.start]
        separator = f",{self.newline}{indent}" if indent.strip() == "" and "\n" in self.text[node.span.start:last.key.start] \
            else ", "
        return [Edit(last.span.end, last.span.end, f"{separator}{json.dumps(key)}: {value}")]

    def add_notice(self, text: str) -> list[Edit]:
        value = json.dumps(text.strip(), ensure_ascii=False)
        if self.format == "native":
            if "/notice" in self.nodes:
                raise CannotFix(msg("fix.cannot.notice_shown"))
            return self._insert_member("", "notice", value)
        if "/x-formlint/notice" in self.nodes:
            raise CannotFix(msg("fix.cannot.notice_shown"))
        if "/x-formlint" in self.nodes:
            return self._insert_member("/x-formlint", "notice", value)
        return self._insert_member("", "x-formlint", f'{{"notice": {value}}}')

    def annotate(self, pointer: str | None, codes: tuple[str, ...], reason: str) -> list[Edit]:
        directive = json.dumps(f"{' '.join(codes)} {reason}".strip(), ensure_ascii=False)
        if pointer is None:
            if self.format == "native":
                raise CannotFix(msg("fix.cannot.native_json_suppressions"))
            if "/x-formlint/ignore" in self.nodes:
                raise CannotFix(msg("fix.cannot.has_ignore"))
            if "/x-formlint" in self.nodes:
                return self._insert_member("/x-formlint", "ignore", directive)
            return self._insert_member("", "x-formlint", f'{{"ignore": {directive}}}')
        slot = {"json-schema": "x-formlint-ignore", "surveyjs": "formlintIgnore",
                "formio": "formlintIgnore"}.get(self.format)
        if slot is None:
            raise CannotFix(msg("fix.cannot.comments_only", format=self.format))
        if f"{pointer}/{slot}" in self.nodes:
            raise CannotFix(msg("fix.cannot.has_slot", slot=slot))
        return self._insert_member(pointer, slot, directive)


# -------------------------------------------------------------------------- CSV


class CsvEditor:
    """XLSForm in CSV: one row per question; `survey!N` points at row N."""

    def __init__(self, text: str, newline: str) -> None:
        self.text = text
        self.newline = newline
        self.removed: set[str] = set()
        self.rows = self._row_spans()

    def _row_spans(self) -> dict[int, tuple[int, int, list[str]]]:
        spans: dict[int, tuple[int, int, list[str]]] = {}
        starts = [0]
        for index, char in enumerate(self.text):
            if char == "\n":
                starts.append(index + 1)
        reader = csv.reader(io.StringIO(self.text, newline=""))
        line = 1
        for row in reader:
            first = line
            line = reader.line_num + 1
            end = starts[line - 1] if line - 1 < len(starts) else len(self.text)
            spans[first] = (starts[first - 1], end, row)
        return spans

    def _row(self, pointer: str) -> tuple[int, int, list[str]]:
        sheet, _, number = pointer.partition("!")
        if sheet != "survey" or not number.isdigit() or int(number) not in self.rows:
            raise CannotFix(msg("fix.cannot.no_survey_row", pointer=pointer))
        return self.rows[int(number)]

    def remove(self, pointer: str) -> list[Edit]:
        start, end, _ = self._row(pointer)
        return [Edit(start, end, "")]

    def comment_out(self, pointer: str, note: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.csv_comments"))

    def pending(self) -> list[Edit]:
        return []

    def _survey_header(self) -> list[str]:
        """The survey's column names: the first row, or the row after a `survey` marker
        when one CSV holds every sheet (sheet names in the first column)."""
        ordered = [self.rows[n][2] for n in sorted(self.rows)]
        for index, row in enumerate(ordered[:-1]):
            if row and row[0].strip().casefold() == "survey":
                return ordered[index + 1]
        return ordered[0] if ordered else []

    def make_optional(self, pointer: str) -> list[Edit]:
        columns = [c.strip().casefold() for c in self._survey_header()]
        if "required" not in columns:
            raise CannotFix(msg("fix.cannot.survey_no_required"))
        start, end, row = self._row(pointer)
        column = columns.index("required")
        if column >= len(row):
            raise CannotFix(msg("fix.cannot.no_required_cell"))
        row = [*row]
        row[column] = "no"
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(row)
        ending = self.text[start:end][len(self.text[start:end].rstrip("\r\n")):]
        return [Edit(start, end, buffer.getvalue() + ending)]

    def set_retention(self, statement: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.csv_retention"))

    def annotate(self, pointer: str | None, codes: tuple[str, ...], reason: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.ignore_column"))

    def add_notice(self, text: str) -> list[Edit]:
        raise CannotFix(msg("fix.cannot.csv_notice"))
