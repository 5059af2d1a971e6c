"""Form.io form JSON (`display: form` or `wizard`): a tree of `components`.

Every component with `input: true` is a field keyed by its `key`, except those that
ask the person nothing: buttons, `hidden` components and ones marked `hidden: true`
or hidden by a CSS class, values computed by `calculateValue` (unless the person may
override them), review summaries, and nested forms given only by their id (nested
forms given with their components are read like panels). Custom components
(`textfield_acme`) are typed by the Form.io type they extend. Layout components
(panels, fieldsets, wells, columns, tables, tabs) add nothing to the key, and the
titles of panels, fieldsets, tabs and data grids make a field's `section`; data
components that nest (`container`, `datagrid`, `editgrid`) add their key as a prefix
(`members.name`). A key asked again in a branch that never shows together with the
first (another value of the same answer, or another custom condition) is the same
answer, not a duplicate. `content` and `htmlelement` components are notice text.
Form.io keeps translations outside the form, so other languages' labels come from
`x-formlint.translations`, which has the shape of the renderer's `i18n` option.
docs/formats.md has the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
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
    is_message_key,
    texts_under,
    labels,
    member,
    read_meta,
    strip_markup,
    suppressions,
)
from formlint.model import Field, Form
from formlint.source import Document
from formlint.message import msg

NAME = "formio"
TYPES = {"textfield": "text", "textarea": "textarea", "email": "email", "phoneNumber": "tel", "number": "number",
         "currency": "decimal", "password": "password", "url": "url", "datetime": "datetime", "day": "date",
         "time": "time", "checkbox": "checkbox", "selectboxes": "select_multiple", "select": "select_one",
         "radio": "radio", "survey": "select_one", "signature": "signature", "file": "file"}
PREFIXING_TYPES = {"container", "datagrid", "editgrid"}
NOTICE_MEMBERS = {"content": "html", "htmlelement": "content"}
# Components that take no answer from the person: buttons, hidden values, the review
# of answers some renderers add before submitting.
SKIP_TYPES = {"button", "hidden", "summary"}
# CSS classes that hide a component from the person filling in the form.
HIDING_CLASSES = {"hidden", "hide", "d-none", "hiddenfield", "hidden-field", "is-hidden", "formio-hidden"}
# Layout components and the member holding the title a person reads above their fields.
TITLES = {"panel": "title", "fieldset": "legend", "datagrid": "label", "editgrid": "label", "container": "label",
          "tab": "label"}


def sniff(doc: Document) -> bool:
    """A mapping with a `components` list."""
    return isinstance(doc.data, dict) and isinstance(doc.data.get("components"), list)


def from_document(doc: Document) -> Form:
    data = doc.data
    if not sniff(doc):
        raise FormError(doc.path, msg("error.formio_shape"))
    meta = read_meta(doc)
    language = meta.get("language") or guess_language(texts_under(data["components"], _SHOWN))
    walker = _Walker(doc, meta, language)
    walker.components(data["components"], "/components", _Scope("", (), ()), 0)
    return build_form(doc, NAME, meta, walker.fields, walker.notes, language, data.get("title"))


# Component members whose text a person reads: they tell the form's language.
_SHOWN = frozenset({"label", "title", "legend", "description", "tooltip", "placeholder"})


@dataclass(frozen=True)
class _Scope:
    """Where a component sits: the key prefix its data containers give it, the titles of
    the layout around it, and the conditions under which it is shown at all."""

    prefix: str
    section: tuple[str, ...]
    conditions: tuple[tuple[str, str], ...]  # (the key it depends on, the value that shows it)

    def inside(self, item: Mapping[str, Any], prefix: str | None = None) -> _Scope:
        title = _title(item)
        return _Scope(self.prefix if prefix is None else prefix, self.section + ((title,) if title else ()),
                      self.conditions + _condition(item))


def _children(component: Mapping[str, Any], pointer: str) -> Iterator[tuple[list[Any], str, Mapping[str, Any]]]:
    """Nested component lists: `components` (tabs: one list per tab), `columns[].components`,
    `rows[][].components`; each with the container a title may come from."""
    for index, child in enumerate(as_list(component.get("components"))):
        if component.get("type") == "tabs" and isinstance(child, dict) and isinstance(child.get("components"), list):
            yield child["components"], f"{pointer}/components/{index}/components", {**child, "type": "tab"}
    if isinstance(component.get("components"), list) and component.get("type") != "tabs":
        yield component["components"], f"{pointer}/components", {}
    for index, column in enumerate(as_list(component.get("columns"))):
        if isinstance(column, dict) and isinstance(column.get("components"), list):
            yield column["components"], f"{pointer}/columns/{index}/components", {}
    for row_index, row in enumerate(as_list(component.get("rows"))):
        for cell_index, cell in enumerate(as_list(row)):
            if isinstance(cell, dict) and isinstance(cell.get("components"), list):
                yield cell["components"], f"{pointer}/rows/{row_index}/{cell_index}/components", {}


def _title(item: Mapping[str, Any]) -> str | None:
    member_name = TITLES.get(str(item.get("type", "")))
    text = item.get(member_name) if member_name else None
    if not isinstance(text, str) or not text.strip() or is_message_key(text) or item.get("hideLabel"):
        return None
    return text.strip()


def _condition(item: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """A simple `conditional` that shows the component when another answer has a value;
    a `customConditional` or JSON-logic condition counts as one on an unknown value."""
    simple = as_dict(item.get("conditional"))
    when = simple.get("when")
    if isinstance(when, str) and when and str(simple.get("show")).lower() == "true":
        return ((when, str(simple.get("eq", ""))),)
    if simple.get("json") or (isinstance(item.get("customConditional"), str) and item["customConditional"].strip()):
        return (("", str(id(item))),)
    return ()


def _exclusive(first: tuple[tuple[str, str], ...], second: tuple[tuple[str, str], ...]) -> bool:
    """Whether two components never show together: each shows on a different value of
    the same answer, or each under its own custom condition (an author's branches)."""
    values = dict(first)
    if any(when and when in values and values[when] != value for when, value in second):
        return True
    custom = ({c for c in first if not c[0]}, {c for c in second if not c[0]})
    return all(custom) and custom[0] != custom[1]


def _skipped(item: Mapping[str, Any], kind: str) -> bool:
    """A component that asks nothing: a button or review, a hidden or calculated value,
    one hidden by its CSS class, or a nested form given only by its id."""
    classes = set(str(item.get("customClass") or "").lower().split())
    calculated = isinstance(item.get("calculateValue"), str) and item["calculateValue"].strip() \
        and not item.get("allowCalculateOverride")
    nested_by_id = kind == "form" and not isinstance(item.get("components"), list)
    return (_base_type(kind) in SKIP_TYPES or item.get("hidden") is True or bool(classes & HIDING_CLASSES)
            or bool(calculated) or nested_by_id)


def _base_type(kind: str) -> str:
    """A custom component's base type: `textfield_acme` and `checkboxacme` extend the
    textfield and checkbox of Form.io's own set."""
    if kind in TYPES or kind in SKIP_TYPES:
        return kind
    folded = kind.casefold()
    known = [name for name in (*TYPES, *SKIP_TYPES) if folded.startswith(name.casefold())]
    return max(known, key=len, default=kind)


class _Walker(Walker):
    def __init__(self, doc: Document, meta: Mapping[str, Any], language: str) -> None:
        super().__init__(doc, meta, language)
        self.conditions: dict[str, tuple[tuple[str, str], ...]] = {}

    def components(self, items: list[Any], pointer: str, scope: _Scope, depth: int) -> None:
        check_depth(self.doc, depth, pointer)
        for index, item in enumerate(items):
            here = f"{pointer}/{index}"
            if not isinstance(item, dict):
                self.fail(here, msg("error.formio_component"))
            kind = str(item.get("type", ""))
            if kind in NOTICE_MEMBERS:
                self.notes.append(strip_markup(item.get(NOTICE_MEMBERS[kind])))
            elif kind in PREFIXING_TYPES:
                self.nested(item, here, scope.inside(item, f"{scope.prefix}{self.key_of(item, here)}."), depth)
            elif item.get("input") is True and _skipped(item, kind):
                continue
            elif item.get("input") is True and kind != "form":
                self.add_field(item, kind, here, scope)
            else:  # layout, and nested forms given with their components
                self.nested(item, here, scope.inside(item), depth)

    def nested(self, item: Mapping[str, Any], pointer: str, scope: _Scope, depth: int) -> None:
        for children, where, container in _children(item, pointer):
            self.components(children, where, scope.inside(container) if container else scope, depth + 1)

    def add_field(self, item: Mapping[str, Any], kind: str, pointer: str, scope: _Scope) -> None:
        key = f"{scope.prefix}{self.key_of(item, pointer)}"
        conditions = scope.conditions + _condition(item)
        if key in self.conditions and _exclusive(self.conditions[key], conditions):
            return  # the same answer asked in another branch: the first asking stands for both
        self.conditions.setdefault(key, conditions)
        self.add(self.field(key, item, kind, pointer, scope.section))

    def key_of(self, item: Mapping[str, Any], pointer: str) -> str:
        key = item.get("key")
        if not isinstance(key, str) or not key:
            self.fail(pointer, msg("error.formio_key"))
        return key

    def field(self, key: str, item: Mapping[str, Any], kind: str, pointer: str, section: tuple[str, ...]) -> Field:
        where = self.doc.location(pointer)
        validate = as_dict(item.get("validate"))
        return Field(
            key=key,
            label=labels(item.get("label"), self.language, self.meta, key),
            type=TYPES.get(_base_type(kind), kind or None),
            required=bool(validate.get("required", False)),
            options=_options(item),
            category=category(member(item, "formlintCategory", "x-formlint-category"), self.doc, pointer),
            autocomplete=as_str(item.get("autocomplete")),
            hint=as_str(item.get("description")) or as_str(item.get("tooltip")) or None,
            location=where,
            pointer=pointer,
            suppressions=suppressions(member(item, "formlintIgnore", "x-formlint-ignore"), where),
            section=section,
        )


def _options(item: Mapping[str, Any]) -> tuple[str, ...]:
    values = item.get("values") if isinstance(item.get("values"), list) else as_dict(item.get("data")).get("values")
    return tuple(str(v.get("label", v.get("value", ""))) for v in as_list(values) if isinstance(v, dict))
