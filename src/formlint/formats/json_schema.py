"""JSON Schema forms (as rendered by react-jsonschema-form and similar), YAML or JSON.

Each property that holds an answer is a field keyed by its dotted path: nested
objects add their property name (`address.street`), and an array of objects adds
the array's name (`members.name`); an array of scalars is one field. Local `$ref`s
(`#/definitions/...`, `#/$defs/...`) are followed, and properties inside `allOf`,
`anyOf`, `oneOf`, `then`, `else` and schema-valued `dependencies` count too. The
label is the RJSF uiSchema's `ui:title` when given (uiSchema embedded under a
top-level `uiSchema` key), else `title`; `description` is the hint. The schema's
top-level `description` is notice text. README.md, "Input formats", has the rest.
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
    suppressions,
)
from formlint.model import Field, Form
from formlint.source import Document, pointer_join

NAME = "json-schema"
FORMAT_TYPES = {"email": "email", "idn-email": "email", "date": "date", "date-time": "datetime",
                "time": "time", "uri": "url", "iri": "url", "data-url": "file"}
WIDGET_TYPES = {"textarea": "textarea", "password": "password", "email": "email", "date": "date",
                "datetime": "datetime", "file": "file", "radio": "select_one", "select": "select_one",
                "checkboxes": "select_multiple", "uri": "url", "hidden": "hidden"}
OWN_KEYS = ("title", "description", "x-formlint-category", "x-formlint-ignore")
SCALAR_TYPES = {"boolean": "checkbox", "integer": "integer", "number": "number", "string": "text"}


def sniff(doc: Document) -> bool:
    """`$schema` naming json-schema.org, or a top-level `type: object` with `properties`."""
    data = doc.data
    if not isinstance(data, dict):
        return False
    schema = data.get("$schema")
    if isinstance(schema, str) and "json-schema.org" in schema:
        return True
    return data.get("type") == "object" and isinstance(data.get("properties"), dict)


def from_document(doc: Document) -> Form:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("properties"), dict):
        raise FormError(doc.path, "a JSON Schema form needs a top-level `properties` object")
    meta = read_meta(doc)
    ui = as_dict(data.get("uiSchema"))
    language = meta.get("language") or guess_language(_titles(data, ui))
    walker = _Walker(doc, meta, language)
    walker.properties(data, "", "", ui, frozenset(), 0)
    notes = [data["description"]] if isinstance(data.get("description"), str) else []
    return build_form(doc, NAME, meta, walker.fields, notes, language, data.get("title"),
                      "/description" if notes else None)


def _titles(data: Mapping[str, Any], ui: Mapping[str, Any]) -> Iterator[Any]:
    for name, prop in data["properties"].items():
        yield as_dict(ui.get(name)).get("ui:title")
        yield as_dict(prop).get("title")


class _Walker(Walker):
    def properties(self, schema: Mapping[str, Any], pointer: str, prefix: str, ui: Mapping[str, Any],
                   refs: frozenset[str], depth: int) -> None:
        check_depth(self.doc, depth, pointer)
        required = as_list(schema.get("required"))
        for name, prop in as_dict(schema.get("properties")).items():
            here = pointer_join(f"{pointer}/properties", name)
            self.property(str(name), prop, here, prefix, name in required, as_dict(ui.get(name)), refs, depth + 1)
        for branch, where in _branches(schema, pointer):
            branch, where, seen = self.resolve(branch, where, refs)
            self.properties(branch, where, prefix, ui, seen, depth + 1)

    def property(self, name: str, prop: Any, here: str, prefix: str, required: bool,
                 ui: Mapping[str, Any], refs: frozenset[str], depth: int) -> None:
        schema, where, seen = self.resolve(prop, here, refs)
        key = f"{prefix}{name}"
        items = schema.get("items")
        if _is_object(schema):
            self.properties(schema, where, f"{key}.", ui, seen, depth)
        elif schema.get("type") == "array" and isinstance(items, dict):
            items, at, seen = self.resolve(items, f"{where}/items", seen)
            if _is_object(items):
                self.properties(items, at, f"{key}.", as_dict(ui.get("items")), seen, depth)
            else:
                self.add(self.field(key, {**items, **_own(schema)}, here, required, ui, multiple=True))
        else:
            self.add(self.field(key, {**schema, **_own(prop)}, here, required, ui))

    def resolve(self, schema: Any, pointer: str, refs: frozenset[str]) -> tuple[dict[str, Any], str, frozenset[str]]:
        """Follow a local `$ref` (a cycle or a remote ref stays unresolved)."""
        if not isinstance(schema, dict):
            self.fail(pointer, f"a property's schema must be an object, got {schema!r}")
        ref = schema.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#") or ref in refs:
            return schema, pointer, refs
        target = _lookup(self.doc.data, ref[1:])
        if not isinstance(target, dict):
            self.fail(pointer, f"$ref {ref!r} points at no schema")
        return self.resolve(target, ref[1:], refs | {ref})

    def field(self, key: str, schema: Mapping[str, Any], pointer: str, required: bool,
              ui: Mapping[str, Any], multiple: bool = False) -> Field:
        where = self.doc.location(pointer)
        title = ui.get("ui:title") or schema.get("title")
        return Field(
            key=key,
            label=labels(title, self.language, self.meta),
            type=_type(schema, ui, multiple),
            required=required,
            options=_options(schema),
            category=category(schema.get("x-formlint-category"), self.doc, pointer),
            autocomplete=as_str(ui.get("ui:autocomplete")),
            hint=as_str(schema.get("description")),
            location=where,
            pointer=pointer,
            suppressions=suppressions(member(schema, "x-formlint-ignore"), where),
        )


def _own(prop: Any) -> dict[str, Any]:
    """What a property says beside its `$ref` or `items`: its own title and annotations win."""
    return {k: prop[k] for k in OWN_KEYS if k in prop} if isinstance(prop, dict) else {}


def _is_object(schema: Mapping[str, Any]) -> bool:
    return isinstance(schema.get("properties"), dict)


def _branches(schema: Mapping[str, Any], pointer: str) -> Iterator[tuple[Any, str]]:
    for word in ("allOf", "anyOf", "oneOf"):
        for index, branch in enumerate(as_list(schema.get(word))):
            yield branch, f"{pointer}/{word}/{index}"
    for word in ("then", "else"):
        if isinstance(schema.get(word), dict):
            yield schema[word], f"{pointer}/{word}"
    for name, branch in as_dict(schema.get("dependencies")).items():
        if isinstance(branch, dict):
            yield branch, pointer_join(f"{pointer}/dependencies", name)


def _lookup(data: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data


def _type(schema: Mapping[str, Any], ui: Mapping[str, Any], multiple: bool) -> str | None:
    widget = WIDGET_TYPES.get(str(ui.get("ui:widget")))
    if widget:
        return widget
    if multiple and _options(schema):
        return "select_multiple"
    fmt = as_str(schema.get("format"))
    if fmt in FORMAT_TYPES:
        return FORMAT_TYPES[fmt]
    if _options(schema):
        return "select_one"
    return SCALAR_TYPES.get(str(schema.get("type")))


def _options(schema: Mapping[str, Any]) -> tuple[str, ...]:
    if isinstance(schema.get("enum"), list):
        return tuple(str(v) for v in schema["enum"])
    choices = as_list(schema.get("oneOf"))
    return tuple(str(c.get("title", c["const"])) for c in choices if isinstance(c, dict) and "const" in c)
