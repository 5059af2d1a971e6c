"""JSON Schema forms (as rendered by react-jsonschema-form and similar), YAML or JSON.

Each property that holds an answer is a field keyed by its dotted path: nested
objects add their property name (`address.street`), and an array of objects adds
the array's name (`members.name`); an array of scalars is one field. Local `$ref`s
(`#/definitions/...`, `#/$defs/...`) are followed, each looked up once, and
properties inside `allOf`, `anyOf`, `oneOf`, `then`, `else` and schema-valued
`dependencies` count too; a form whose references expand past MAX_VISITS schema
objects (a `$ref` diamond) is refused. The label is the RJSF uiSchema's `ui:title`
when given (uiSchema embedded under a top-level `uiSchema` key), else `title`, else
`description`; a `description` beside a title is the hint. Enum values and `oneOf`
const titles are the options. A field's `section` holds the titles (else
descriptions) of the objects around it. `type: null` properties and arrays of
them are help text, and the metadata an upload widget keeps per file (name, type,
size, ids) is one file field. The schema's top-level `description` is notice text.
docs/formats.md has the rest.
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
    is_message_key,
    texts_under,
    labels,
    member,
    read_meta,
    restates_key,
    suppressions,
)
from formlint.model import Field, Form
from formlint.source import Document, pointer_join
from formlint.message import msg

NAME = "json-schema"
FORMAT_TYPES = {"email": "email", "idn-email": "email", "date": "date", "date-time": "datetime",
                "time": "time", "uri": "url", "iri": "url", "data-url": "file"}
WIDGET_TYPES = {"textarea": "textarea", "password": "password", "email": "email", "date": "date",
                "datetime": "datetime", "file": "file", "radio": "select_one", "select": "select_one",
                "checkboxes": "select_multiple", "uri": "url", "hidden": "hidden"}
OWN_KEYS = ("title", "description", "x-formlint-category", "x-formlint-ignore")
# Schema objects walked per form: a few thousand in the largest real forms.
MAX_VISITS = 50_000
# Property names of the metadata an upload widget keeps about each file.
FILE_METADATA = {"filename", "filetype", "mimetype", "contenttype", "size", "filesize", "fileid", "file_id"}
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


def claims_in_walk(doc: Document) -> bool:
    """In a folder walk most JSON Schemas are not forms (a project's API or config
    schemas): one is read as a form only when it says so, with `x-formlint` metadata
    or annotations, or carries an RJSF `uiSchema`. Named on the command line, any
    schema is read (`sniff`)."""
    return sniff(doc) and ("uiSchema" in doc.data or any(_annotates(pointer) for pointer in doc.locations))


def _annotates(pointer: str) -> bool:
    """`/x-formlint` or `/properties/name/x-formlint-category`: formlint metadata, not a
    schema that merely defines a property of that name (`/properties/x-formlint`)."""
    *parents, last = pointer.split("/")
    return last.startswith("x-formlint") and (parents[-1:] or [""])[0] not in SCHEMA_MAPS


# Keywords whose members are named schemas: a key directly under them is a name.
SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}


def from_document(doc: Document) -> Form:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("properties"), dict):
        raise FormError(doc.path, msg("error.json_schema_shape"))
    meta = read_meta(doc)
    ui = as_dict(data.get("uiSchema"))
    language = meta.get("language") or guess_language(texts_under(data, _SHOWN))
    walker = _Walker(doc, meta, language)
    walker.properties(data, "", "", ui, frozenset(), 0, ())
    notes = [data["description"]] if isinstance(data.get("description"), str) else []
    return build_form(doc, NAME, meta, walker.fields, notes + walker.notes, language, data.get("title"),
                      "/description" if notes else None)


# Schema and uiSchema members whose text a person reads: they tell the form's language.
_SHOWN = frozenset({"title", "description", "ui:title", "ui:description", "ui:help", "ui:placeholder"})


class _Walker(Walker):
    def __init__(self, doc: Document, meta: Mapping[str, Any], language: str) -> None:
        super().__init__(doc, meta, language)
        self.targets: dict[str, Any] = {}  # each local $ref looked up once
        self.visits = 0

    def properties(self, schema: Mapping[str, Any], pointer: str, prefix: str, ui: Mapping[str, Any],
                   refs: frozenset[str], depth: int, section: tuple[str, ...]) -> None:
        check_depth(self.doc, depth, pointer)
        self.visit(pointer)
        required = as_list(schema.get("required"))
        for name, prop in as_dict(schema.get("properties")).items():
            here = pointer_join(f"{pointer}/properties", name)
            self.property(str(name), prop, here, prefix, name in required, as_dict(ui.get(name)), refs, depth + 1,
                          section)
        for branch, where in _branches(schema, pointer):
            branch, where, seen = self.resolve(branch, where, refs)
            self.properties(branch, where, prefix, ui, seen, depth + 1, section + _title(branch, {}))

    def property(self, name: str, prop: Any, here: str, prefix: str, required: bool,
                 ui: Mapping[str, Any], refs: frozenset[str], depth: int, section: tuple[str, ...]) -> None:
        schema, where, seen = self.resolve(prop, here, refs)
        schema = {**schema, **_own(prop)}
        key = f"{prefix}{name}"
        items = schema.get("items")
        if _holds_no_answer(schema):
            self.notes.extend(_texts(schema))
        elif _is_upload(schema):
            self.upload(key, schema, (here, where), required, ui, seen, depth, section)
        elif _is_object(schema) or self.composes_objects(schema, where, seen):
            self.properties(schema, where, f"{key}.", ui, seen, depth, section + _title(schema, ui))
        elif schema.get("type") == "array" and isinstance(items, dict):
            self.array(key, schema, items, (here, where), required, ui, seen, depth, section)
        else:
            self.add(self.field(key, schema, here, required, ui, section))

    def array(self, key: str, schema: dict[str, Any], items: dict[str, Any], at: tuple[str, str], required: bool,
              ui: Mapping[str, Any], refs: frozenset[str], depth: int, section: tuple[str, ...]) -> None:
        """An array of objects: its items' properties are fields; an array of scalars is one."""
        here, where = at
        items, inner, seen = self.resolve(items, f"{where}/items", refs)
        if _is_object(items) and not _is_upload(items):  # uploads of several files: one field
            self.properties(items, inner, f"{key}.", as_dict(ui.get("items")), seen, depth,
                            section + _title(schema, ui))
        else:
            kind = "file" if _is_upload(items) else None
            self.add(self.field(key, {**items, **_own(schema)}, here, required, ui, section, multiple=True,
                                kind=kind))

    def upload(self, key: str, schema: dict[str, Any], at: tuple[str, str], required: bool, ui: Mapping[str, Any],
               refs: frozenset[str], depth: int, section: tuple[str, ...]) -> None:
        """One file field for the upload, plus what the person writes beside the file (a
        description); the widget's bookkeeping about the file is no field."""
        here, where = at
        self.add(self.field(key, schema, here, required, ui, section, kind="file"))
        written = {name: prop for name, prop in as_dict(schema.get("properties")).items() if _written(name, prop)}
        self.properties({"properties": written}, where, f"{key}.", ui, refs, depth, section + _title(schema, ui))

    def composes_objects(self, schema: Mapping[str, Any], pointer: str, refs: frozenset[str]) -> bool:
        """`allOf: [{$ref: ...}]` and the like: an object built from other schemas."""
        return any(_is_object(self.resolve(branch, where, refs)[0]) for branch, where in _branches(schema, pointer)
                   if isinstance(branch, dict))

    def visit(self, pointer: str) -> None:
        """Count the schema objects walked: `$ref`s reused in a diamond multiply them."""
        self.visits += 1
        if self.visits > MAX_VISITS:
            self.fail(pointer, msg("error.json_schema_visits", limit=MAX_VISITS))

    def resolve(self, schema: Any, pointer: str, refs: frozenset[str]) -> tuple[dict[str, Any], str, frozenset[str]]:
        """Follow a local `$ref` (a cycle or a remote ref stays unresolved)."""
        if not isinstance(schema, dict):
            self.fail(pointer, msg("error.json_schema_property", value=repr(schema)))
        ref = schema.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#") or ref in refs:
            return schema, pointer, refs
        if ref not in self.targets:
            self.targets[ref] = _lookup(self.doc.data, ref[1:])
        target = self.targets[ref]
        if not isinstance(target, dict):
            self.fail(pointer, msg("error.json_schema_ref", ref=repr(ref)))
        return self.resolve(target, ref[1:], refs | {ref})

    def field(self, key: str, schema: Mapping[str, Any], pointer: str, required: bool, ui: Mapping[str, Any],
              section: tuple[str, ...], multiple: bool = False, kind: str | None = None) -> Field:
        where = self.doc.location(pointer)
        title = as_str(ui.get("ui:title")) or as_str(schema.get("title"))
        description = as_str(schema.get("description"))
        if description and restates_key(title, key):
            title = None  # `pincode` titled "pincode": the description is what a person reads
        return Field(
            key=key,
            label=labels(title or description, self.language, self.meta, key),
            type=kind or _type(schema, ui, multiple),
            required=required,
            options=_options(schema, ui),
            category=category(schema.get("x-formlint-category"), self.doc, pointer),
            autocomplete=as_str(ui.get("ui:autocomplete")),
            hint=description if title else None,
            location=where,
            pointer=pointer,
            suppressions=suppressions(member(schema, "x-formlint-ignore"), where),
            section=section,
        )


def _own(prop: Any) -> dict[str, Any]:
    """What a property says beside its `$ref` or `items`: its own title and annotations win."""
    return {k: prop[k] for k in OWN_KEYS if k in prop} if isinstance(prop, dict) else {}


def _is_object(schema: Mapping[str, Any]) -> bool:
    return isinstance(schema.get("properties"), dict)


def _title(schema: Mapping[str, Any], ui: Mapping[str, Any]) -> tuple[str, ...]:
    """What a person reads above an object's fields: its title, else its description."""
    text = as_str(ui.get("ui:title")) or as_str(schema.get("title")) or as_str(schema.get("description"))
    return (text,) if text and text.strip() and not is_message_key(text) else ()


def _holds_no_answer(schema: Mapping[str, Any]) -> bool:
    """`type: null`, or an array whose items are all `type: null`: help text and markup
    that form renderers show between questions (RJSF's tuple `items` of nulls)."""
    if schema.get("type") == "null":
        return True
    items = schema.get("items")
    listed = items if isinstance(items, list) else []
    return schema.get("type") == "array" and bool(listed) and all(
        isinstance(item, dict) and item.get("type") == "null" for item in listed)


def _texts(schema: Mapping[str, Any]) -> list[str]:
    found = [schema.get("title"), schema.get("description")]
    found += [as_dict(item).get("title") for item in as_list(schema.get("items"))]
    return [text for text in found if isinstance(text, str) and text.strip()]


def _written(name: str, prop: Any) -> bool:
    """A text property of an upload that is not the widget's own: no id, flag or metadata."""
    folded = name.casefold()
    return (isinstance(prop, dict) and prop.get("type") == "string" and folded not in FILE_METADATA
            and not folded.endswith("id"))


def _is_upload(schema: Mapping[str, Any]) -> bool:
    """The object an upload widget keeps per file (name, type, size): one file, not fields."""
    names = {str(name).casefold() for name in as_dict(schema.get("properties"))}
    return len(names & FILE_METADATA) >= 2 and bool(names & {"filename", "name"})


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
    if schema.get("type") == "string":
        if _is_long_text(schema):
            return "textarea"
        if _phone_digits(as_str(schema.get("pattern"))):
            return "tel"
    return SCALAR_TYPES.get(str(schema.get("type")))


# A string allowed this many characters is written in a text area, not a line.
LONG_TEXT = 500


def _is_long_text(schema: Mapping[str, Any]) -> bool:
    """`maxLength: 2000`, or a text-area component named in the schema itself
    (Formily's `x-component: Input.TextArea`)."""
    limit = schema.get("maxLength")
    component = (as_str(schema.get("x-component")) or "").replace(".", "").replace("-", "").casefold()
    return (isinstance(limit, int) and not isinstance(limit, bool) and limit >= LONG_TEXT) or "textarea" in component


# A telephone number: 8 to 15 digits (E.164), perhaps after a "+".
PHONE_DIGITS = (8, 15)
_DIGIT_CLASSES = ("\\d", "[0-9]")


def _phone_digits(pattern: str | None) -> bool:
    """Whether a `pattern` admits only digit strings as long as a telephone number
    (`^[6-9]\\d{9}$`, `^\\+?[0-9]{10,12}$`). Read by hand, token by token: a form's regular
    expression is never compiled, and anything else in it (letters, groups, `*`) says no."""
    if not pattern:
        return False
    text = pattern.removeprefix("^").removesuffix("$")
    for plus in ("\\+?", "\\+", "+?"):
        text = text.removeprefix(plus)
    least = most = 0
    while text:
        unit = next((c for c in _DIGIT_CLASSES if text.startswith(c)), None)
        if unit is None and text.startswith("[") and "]" in text:
            inner = text[1:text.index("]")]
            unit = text[: text.index("]") + 1] if _digit_range(inner) else None
        if unit is None:
            return False
        text = text[len(unit):]
        low = high = 1
        if text.startswith("{") and "}" in text:
            bounds = text[1:text.index("}")].split(",")
            if len(bounds) > 2 or not all(b.strip().isdigit() for b in bounds):
                return False
            low, high = int(bounds[0]), int(bounds[-1])
            text = text[text.index("}") + 1:]
        elif text.startswith("?"):
            low, text = 0, text[1:]
        least, most = least + low, most + high
    return PHONE_DIGITS[0] <= least and most <= PHONE_DIGITS[1]


def _digit_range(inner: str) -> bool:
    """`0-9`, `6-9`, `1-9`: a class of digits only."""
    return len(inner) == 3 and inner[0].isdigit() and inner[1] == "-" and inner[2].isdigit()


def _options(schema: Mapping[str, Any], ui: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """What a person picks from: `enum` values under the labels RJSF shows for them
    (`ui:enumNames`, `enumNames`), or the titles of `oneOf`/`anyOf` consts."""
    if isinstance(schema.get("enum"), list):
        values = [str(v) for v in schema["enum"]]
        names = as_list(as_dict(ui).get("ui:enumNames")) or as_list(schema.get("enumNames"))
        return tuple(str(names[i]) if i < len(names) and names[i] is not None else value
                     for i, value in enumerate(values))
    choices = as_list(schema.get("oneOf")) or as_list(schema.get("anyOf"))
    return tuple(str(c.get("title", c["const"])) for c in choices if isinstance(c, dict) and "const" in c)
