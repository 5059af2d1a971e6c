"""Form.io form JSON (`display: form` or `wizard`): a tree of `components`.

Every component with `input: true` (except buttons) is a field keyed by its
`key`. Layout components (panels, fieldsets, wells, columns, tables, tabs) add
nothing to the key; data components that nest (`container`, `datagrid`,
`editgrid`) add their key as a prefix (`members.name`). `content` and
`htmlelement` components are notice text. Form.io keeps translations outside the
form, so other languages' labels come from `x-formlint.translations`, which has
the shape of the renderer's `i18n` option. README.md, "Input formats", has the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from formlint.errors import FormError
from formlint.formats._common import (
    Walker,
    as_dict,
    as_list,
    as_str,
    build_form,
    category,
    check_depth,
    guess_language,
    labels,
    member,
    read_meta,
    strip_markup,
    suppressions,
)
from formlint.model import Field, Form
from formlint.source import Document

NAME = "formio"
TYPES = {"textfield": "text", "textarea": "textarea", "email": "email", "phoneNumber": "tel", "number": "number",
         "currency": "decimal", "password": "password", "url": "url", "datetime": "datetime", "day": "date",
         "time": "time", "checkbox": "checkbox", "selectboxes": "select_multiple", "select": "select_one",
         "radio": "radio", "survey": "select_one", "signature": "signature", "file": "file"}
PREFIXING_TYPES = {"container", "datagrid", "editgrid"}
NOTICE_MEMBERS = {"content": "html", "htmlelement": "content"}
SKIP_TYPES = {"button"}


def sniff(doc: Document) -> bool:
    """A mapping with a `components` list."""
    return isinstance(doc.data, dict) and isinstance(doc.data.get("components"), list)


def from_document(doc: Document) -> Form:
    data = doc.data
    if not sniff(doc):
        raise FormError(doc.path, "a Form.io form needs a top-level `components` list")
    meta = read_meta(doc)
    language = meta.get("language") or guess_language(_labels_in(data["components"]))
    walker = _Walker(doc, meta, language)
    walker.components(data["components"], "/components", "", 0)
    return build_form(doc, NAME, meta, walker.fields, walker.notes, language, data.get("title"))


def _labels_in(components: list[Any]) -> Iterator[Any]:
    return (c.get("label") for c in components if isinstance(c, dict))


def _children(component: Mapping[str, Any], pointer: str) -> Iterator[tuple[list[Any], str]]:
    """Nested component lists: `components`, `columns[].components`, `rows[][].components`."""
    if isinstance(component.get("components"), list):
        yield component["components"], f"{pointer}/components"
    for index, column in enumerate(as_list(component.get("columns"))):
        if isinstance(column, dict) and isinstance(column.get("components"), list):
            yield column["components"], f"{pointer}/columns/{index}/components"
    for row_index, row in enumerate(as_list(component.get("rows"))):
        for cell_index, cell in enumerate(as_list(row)):
            if isinstance(cell, dict) and isinstance(cell.get("components"), list):
                yield cell["components"], f"{pointer}/rows/{row_index}/{cell_index}/components"


class _Walker(Walker):
    def components(self, items: list[Any], pointer: str, prefix: str, depth: int) -> None:
        check_depth(self.doc, depth, pointer)
        for index, item in enumerate(items):
            here = f"{pointer}/{index}"
            if not isinstance(item, dict):
                self.fail(here, "a Form.io component must be an object")
            kind = str(item.get("type", ""))
            if kind in NOTICE_MEMBERS:
                self.notes.append(strip_markup(item.get(NOTICE_MEMBERS[kind])))
            elif kind in PREFIXING_TYPES:
                self.nested(item, here, f"{prefix}{self.key_of(item, here)}.", depth)
            elif item.get("input") is True and kind not in SKIP_TYPES:
                self.add(self.field(f"{prefix}{self.key_of(item, here)}", item, kind, here))
            else:
                self.nested(item, here, prefix, depth)

    def nested(self, item: Mapping[str, Any], pointer: str, prefix: str, depth: int) -> None:
        for children, where in _children(item, pointer):
            self.components(children, where, prefix, depth + 1)

    def key_of(self, item: Mapping[str, Any], pointer: str) -> str:
        key = item.get("key")
        if not isinstance(key, str) or not key:
            self.fail(pointer, "a Form.io input component needs a `key`")
        return key

    def field(self, key: str, item: Mapping[str, Any], kind: str, pointer: str) -> Field:
        where = self.doc.location(pointer)
        validate = as_dict(item.get("validate"))
        return Field(
            key=key,
            label=labels(item.get("label"), self.language, self.meta),
            type=TYPES.get(kind, kind or None),
            required=bool(validate.get("required", False)),
            options=_options(item),
            category=category(member(item, "formlintCategory", "x-formlint-category"), self.doc, pointer),
            autocomplete=as_str(item.get("autocomplete")),
            hint=as_str(item.get("description")),
            location=where,
            pointer=pointer,
            suppressions=suppressions(member(item, "formlintIgnore", "x-formlint-ignore"), where),
        )


def _options(item: Mapping[str, Any]) -> tuple[str, ...]:
    values = item.get("values") if isinstance(item.get("values"), list) else as_dict(item.get("data")).get("values")
    return tuple(str(v.get("label", v.get("value", ""))) for v in as_list(values) if isinstance(v, dict))
