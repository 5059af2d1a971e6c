"""Which tags are form controls, what they collect, and the key each submits under.

Besides `input`, `select` and `textarea`, forms are written with component tags that render a
control: Vue/React UI kits (Element UI `el-input`, Ant Design `a-select`, Vant `van-field`,
Vuetify `v-text-field`, …), JSP tag libraries (Spring `form:input path=`, Struts
`html:text property=`, Struts 2 `s:textfield name=`), JSF (`h:inputText`, PrimeFaces
`p:calendar`) and project tag libraries such as `t:dictSelect field=`. Their key is the model
they bind (`v-model`, `path`, `property`, `field`) and their label may sit on an enclosing
form item (`el-form-item label=`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Input types that take no answer from the person filling in the form.
NOT_ANSWERS = frozenset({"hidden", "submit", "button", "reset", "image"})
INPUT_TYPES = {"datetime-local": "datetime", "month": "date", "week": "date", "search": "text", "range": "number"}
# UI kits: a prefix, then the control's name.
_UI_TAG = re.compile(r"(?:el|a|n|i|van|v|q|t|b|md|vs|u|nut|ivu|mt|ion|p|ant|mat)-(.+)")
_UI_KINDS = {
    "input": "text", "text-field": "text", "field": "text", "autocomplete": "text", "auto-complete": "text",
    "input-tag": "text", "mention": "text", "color-picker": "text", "textarea": "textarea",
    "input-password": "password", "password": "password", "input-number": "number", "stepper": "number",
    "rate": "number", "slider": "number", "select": "select_one", "tree-select": "select_one",
    "cascader": "select_one", "picker": "select_one", "transfer": "select_multiple",
    "date-picker": "date", "range-picker": "date", "month-picker": "date", "week-picker": "date",
    "datetime-picker": "datetime", "time-picker": "time", "time-select": "time", "calendar": "date",
    "radio-group": "radio", "checkbox-group": "checkbox", "checkbox": "checkbox", "switch": "checkbox",
    "upload": "file", "uploader": "file",
}
# JSP and JSF tag libraries: prefix -> (key attribute, {tag: kind}); hidden fields are left out.
_TAGLIBS: dict[str, tuple[str, dict[str, str]]] = {
    "form": ("path", {"input": "text", "password": "password", "textarea": "textarea", "select": "select_one",
                      "checkbox": "checkbox", "checkboxes": "checkbox", "radiobutton": "radio",
                      "radiobuttons": "radio"}),
    "html": ("property", {"text": "text", "password": "password", "textarea": "textarea", "select": "select_one",
                          "checkbox": "checkbox", "multibox": "checkbox", "radio": "radio", "file": "file"}),
    "s": ("name", {"textfield": "text", "password": "password", "textarea": "textarea", "select": "select_one",
                   "radio": "radio", "checkbox": "checkbox", "checkboxlist": "checkbox", "file": "file",
                   "datetimepicker": "date", "combobox": "select_one"}),
    "h": ("id", {"inputtext": "text", "inputsecret": "password", "inputtextarea": "textarea",
                 "selectonemenu": "select_one", "selectonelistbox": "select_one", "selectoneradio": "radio",
                 "selectmanycheckbox": "checkbox", "selectmanylistbox": "select_multiple",
                 "selectmanymenu": "select_multiple", "selectbooleancheckbox": "checkbox", "inputfile": "file"}),
    "p": ("id", {"inputtext": "text", "inputtextarea": "textarea", "password": "password", "calendar": "date",
                 "datepicker": "date", "inputmask": "text", "inputnumber": "number", "selectonemenu": "select_one",
                 "selectoneradio": "radio", "selectmanycheckbox": "checkbox", "selectbooleancheckbox": "checkbox",
                 "autocomplete": "text", "fileupload": "file", "chips": "text", "spinner": "number"}),
}
# The libraries above, and those that render none, by the URI a page declares them with; a
# page may bind any prefix to them (`<%@ taglib uri="…/tags/form" prefix="f" %>`,
# `xmlns:p="http://primefaces.org/ui"`).
_LIBRARY_URIS = (
    ("springframework.org/tags/form", "form"), ("springframework.org/tags", "spring"),
    ("struts/tags-html", "html"), ("struts.apache.org/tags-html", "html"), ("/struts-tags", "s"),
    ("jsf/html", "h"), ("faces/html", "h"), ("primefaces.org/ui", "p"), ("jsf/core", "f"), ("faces/core", "f"),
    ("jsf/facelets", "ui"), ("jsp/jstl/core", "c"), ("jsp/jstl/fmt", "fmt"), ("jsp/jstl/functions", "fn"),
)
_TAGLIB_DIRECTIVE = re.compile(r"<%@\s*taglib\b([^%>]{0,600})%>", re.IGNORECASE)
_XMLNS = re.compile(r"""\bxmlns:([\w.-]{1,40})\s*=\s*["']([^"'<>]{1,300})["']""", re.IGNORECASE)
_DIRECTIVE_ATTR = re.compile(r"""\b(uri|prefix)\s*=\s*["']([^"'<>]{1,300})["']""", re.IGNORECASE)


def declared_prefixes(text: str) -> dict[str, str]:
    """The prefixes a page binds to a known tag library, mapped to the prefix formlint knows
    that library by, when they differ."""
    found: dict[str, str] = {}
    for directive in _TAGLIB_DIRECTIVE.finditer(text):
        attrs = {k.lower(): v.strip() for k, v in _DIRECTIVE_ATTR.findall(directive.group(1))}
        _bind(found, attrs.get("prefix", ""), attrs.get("uri", ""))
    for prefix, uri in _XMLNS.findall(text):
        _bind(found, prefix, uri)
    return found


def _bind(found: dict[str, str], prefix: str, uri: str) -> None:
    known = next((name for part, name in _LIBRARY_URIS if part in uri.lower()), None)
    if known is not None and prefix and prefix.lower() != known:
        found[prefix.lower()] = known


CONTROL_LIBRARIES = frozenset(_TAGLIBS)
# Tag libraries that never render a control (JSTL, Thymeleaf, security, layout).
_NOT_CONTROLS = frozenset({"c", "fn", "fmt", "th", "sec", "security", "spring", "sql", "x", "tiles", "layout", "f",
                           "ui", "jsp", "bean", "logic"})
# Project tag libraries (`t:dictSelect field=`): what the tag's name says it renders.
_CUSTOM_KINDS = (("select", "select_one"), ("date", "date"), ("calendar", "date"), ("time", "time"),
                 ("upload", "file"), ("radio", "radio"), ("checkbox", "checkbox"), ("textarea", "textarea"),
                 ("input", "text"), ("text", "text"))
_CUSTOM_TYPES = {"radio": "radio", "checkbox": "checkbox", "list": "select_one", "select": "select_one"}
_CUSTOM_KEYS = ("field", "name", "property", "path")
# Children of a component group or select that are its choices, by the end of their name.
OPTION_TAGS = re.compile(r"(?:^|[-:])(?:option|radio|radio-button|checkbox|checkbox-button|select-option|selectitem)$")
# Wrappers that give the controls inside them a label (and sometimes the key).
FORM_ITEM = re.compile(r"(?:^|-)form(?:-model)?-item$|^formitem$")
# Bound model attributes, in the order they name a key.
_MODELS = ("v-model", "v-model:value", "v-model.trim", "v-model.number", "v-model.lazy", "formcontrolname",
           "[(ngmodel)]", "ng-model", "th:field", "x-model", "wire:model", "bind:value")
_KEY_ATTRIBUTES = ("name", *_MODELS)
_EXPRESSION = re.compile(r"^[*#$@]?\{(.*)\}$", re.DOTALL)
_DECORATOR = re.compile(r"""^\s*\[\s*['"]([^'"]+)['"]""")


def native_kind(tag: str, attrs: Mapping[str, str]) -> str | None:
    """The kind of an `input`, `select` or `textarea`; None for controls that take no answer."""
    if tag == "select":
        return "select_multiple" if "multiple" in attrs else "select_one"
    if tag == "textarea":
        return "textarea"
    kind = attrs.get("type", "text").strip().lower() or "text"
    return None if kind in NOT_ANSWERS else INPUT_TYPES.get(kind, kind)


def component_kind(tag: str, attrs: Mapping[str, str]) -> str | None:
    """The kind of a component tag that renders a control, else None."""
    if ":" in tag:
        prefix, _, local = tag.partition(":")
        return _taglib_kind(prefix, local, attrs)
    ui = _UI_TAG.fullmatch(tag)
    if ui is None:
        return None
    kind = _UI_KINDS.get(ui.group(1))
    if kind == "select_one" and "multiple" in attrs:
        return "select_multiple"
    if kind == "text" and attrs.get("type", "").lower() in ("textarea", "password", "number"):
        return attrs["type"].lower()
    return kind


def _taglib_kind(prefix: str, local: str, attrs: Mapping[str, str]) -> str | None:
    if prefix in _TAGLIBS:
        return _TAGLIBS[prefix][1].get(local)
    if prefix in _NOT_CONTROLS or not any(attrs.get(k, "").strip() for k in _CUSTOM_KEYS):
        return None
    declared = _CUSTOM_TYPES.get(attrs.get("type", "").strip().lower())
    named = next((kind for word, kind in _CUSTOM_KINDS if word in local), None)
    return declared if declared and named == "select_one" else named


def control_key(tag: str, attrs: Mapping[str, str], item_key: str = "") -> str:
    """The key a control submits under: its name, the model it binds, its form item's
    key, then its id."""
    if not attrs:
        return _plain(item_key)
    if ":" in tag:
        prefix = tag.partition(":")[0]
        attr = _TAGLIBS[prefix][0] if prefix in _TAGLIBS else next((k for k in _CUSTOM_KEYS if k in attrs), "")
        found = _first_plain(attrs.get(attr, ""), attrs.get("name", ""), _bound_value(attrs))
    else:
        found = _first_plain(*(attrs.get(name, "") for name in _KEY_ATTRIBUTES if name in attrs))
        found = found or _first_plain(_decorated(attrs), item_key)
    return found or _plain(attrs.get("id", ""))


def _first_plain(*values: str) -> str:
    return next((key for key in map(_plain, values) if key), "")


def dom_id(tag: str, attrs: Mapping[str, str]) -> str:
    """The id a `<label for>` points at: `id`, Struts' `styleId`, Spring's `path`."""
    return (attrs.get("id") or attrs.get("styleid") or (attrs.get("path", "") if tag.startswith("form:") else "")).strip()


def _bound_value(attrs: Mapping[str, str]) -> str:
    """JSF binds a control with `value="#{bean.field}"`."""
    value = attrs.get("value", "")
    return value if value.strip().startswith("#{") else ""


def _decorated(attrs: Mapping[str, str]) -> str:
    """Ant Design 1 names a field in `v-decorator="['name', {...}]"`."""
    found = _DECORATOR.match(attrs.get("v-decorator", ""))
    return found.group(1) if found else ""


def _plain(value: str) -> str:
    """`*{name}`, `#{bean.name}` -> `name`, `bean.name`."""
    value = value.strip()
    if "{" not in value:
        return value
    found = _EXPRESSION.match(value)
    return found.group(1).strip() if found else value
