"""ODK XForm (.xml): the XML that pyxform, ODK Build, Enketo and CommCare produce.

Fields are the leaves of the primary instance that a body control asks for, keyed by
their path below its root (`/data/visit/arrival` -> `visit.arrival`). Each field's
label, hint and options come from its body control, translated through `jr:itext`
into every language (options of an `<itemset>` from its secondary instance); its
type from the control and its `<bind type>`; its `section` from the labels of the
groups and repeats around the control. A field points at its body control's start
tag, because that element holds the label a person reads. Read-only and calculated
controls, table-list header rows and display-only triggers (CommCare labels) are
notes: their labels are notice text, with `<h:title>` and hints, and a question
without a label takes the words of the note before it. Hidden nodes without a
control, calculations and session metadata (timestamps, username, email) are not
fields; device and SIM identifiers and the phone number, preloaded silently, and the
positions and audio that `odk:setgeopoint` and `odk:recordaudio` record, are.
XForms carry no purpose, collector or retention setting: pass --purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from formlint.errors import FormError
from formlint.formats._languages import guess_language, language_code
from formlint.formats._xml import Element, parse_xml
from formlint.formats.native import reject_duplicate_keys
from formlint.model import Field, Form, Notice
from formlint.message import msg

NAME = "xform"
XFORMS = "http://www.w3.org/2002/xforms"
XHTML = "http://www.w3.org/1999/xhtml"
JAVAROSA = "http://openrosa.org/javarosa"
_ITEXT = re.compile(r"jr:itext\(\s*['\"]?(?P<id>[^'\")]+?)['\"]?\s*\)")
_INSTANCE = re.compile(r"\s*instance\(\s*['\"](?P<id>[^'\"]+)['\"]\s*\)")
_CONTROLS = {"input": None, "select1": "select_one", "select": "select_multiple", "rank": "rank",
             "range": "range", "trigger": "acknowledge", "upload": None, "secret": "password"}
_BIND_TYPES = {"string": "text", "int": "integer", "datetime": "datetime", "boolean": "acknowledge"}
# Preloaded properties that identify the device, SIM or subscriber: personal data
# the respondent never sees being collected.
_SILENT = {"deviceid", "simserial", "subscriberid", "phonenumber"}
_TRUE = {"true()", "true", "1"}


@dataclass(frozen=True)
class _Control:
    element: Element
    kind: str
    labels: dict[str, str]
    hint: str | None
    options: tuple[str, ...]
    section: tuple[str, ...]


@dataclass
class _Model:
    path: str
    language: str
    translations: dict[str, dict[str, str]]  # language code -> itext id -> text
    binds: dict[str, Element]
    instances: dict[str, Element]  # secondary instances by id: itemsets read their choices there
    controls: dict[str, _Control] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    recorded: dict[str, str] = field(default_factory=dict)  # path -> what an action records silently


@dataclass
class _Body:
    """Where the walk over the body is: the titles of the enclosing groups, and the text
    of the note just read, which a following question without its own words takes."""

    section: tuple[str, ...] = ()
    note: dict[str, str] = field(default_factory=dict)


def sniff_raw(path: str, raw: bytes) -> bool:
    """An XForm declares the XForms namespace near its start."""
    return XFORMS.encode() in raw[:65536]


def load(path: str, raw: bytes) -> Form:
    root = parse_xml(path, raw)
    if root.name != (XHTML, "html"):
        raise FormError(path, msg("error.xform_root"), root.location.line,
                        root.location.column)
    head, model_element = _head(path, root)
    data = _primary_instance(path, model_element)
    title_element = head.find("title")
    title = title_element.all_text() if title_element is not None else None
    model = _model(path, model_element, [title or "", *_body_labels(root.find("body"))])
    _read_body(model, root.find("body"), "", _Body())
    model.recorded = _recorded(root)
    fields = [f for f in _fields(model, data) if f is not None]
    reject_duplicate_keys(path, fields)
    return Form(
        path=path, format=NAME, fields=tuple(fields), id=data.get("id"), title=title, language=model.language,
        notice=Notice(text="\n".join(([title] if title else []) + model.notes), location=root.location),
        location=root.location,
    )


# -------------------------------------------------------------------- model


def _head(path: str, root: Element) -> tuple[Element, Element]:
    head = root.find("head")
    model = head.find("model") if head is not None else None
    if head is None or model is None:
        raise FormError(path, msg("error.xform_model"), root.location.line, root.location.column)
    return head, model


def _body_labels(body: Element | None) -> Iterator[str]:
    """The text of every `<label>` and `<hint>` in the body, walked without recursion."""
    stack = [body] if body is not None else []
    while stack:
        element = stack.pop()
        if element.local in ("label", "hint"):
            yield element.all_text()
        else:
            stack.extend(element.children)


def _primary_instance(path: str, model: Element) -> Element:
    instance = next((c for c in model.children if c.local == "instance" and c.get("id") is None), None)
    if instance is None or not instance.children:
        raise FormError(path, msg("error.xform_instance"),
                        model.location.line, model.location.column)
    return instance.children[0]


def _model(path: str, model: Element, shown: list[str]) -> _Model:
    """`shown`: the title and labels written in the body, whose words tell the form's
    language when it has no translations."""
    translations, default = _translations(model)
    language = default or guess_language(" ".join(shown))
    binds = {b.get("nodeset") or "": b for b in model.children if b.local == "bind"}
    instances = {c.get("id") or "": c for c in model.children if c.local == "instance" and c.get("id")}
    return _Model(path, language, translations, binds, instances)


def _translations(model: Element) -> tuple[dict[str, dict[str, str]], str | None]:
    """jr:itext text by language, the default translation first; and its code."""
    itext = model.find("itext")
    found: list[tuple[bool, str, dict[str, str]]] = []
    for translation in itext.children if itext is not None else []:
        texts = {t.get("id") or "": _itext_value(t) for t in translation.children if t.local == "text"}
        found.append((translation.get("default") is None, language_code(translation.get("lang") or ""), texts))
    found.sort(key=lambda item: item[0])
    return {code: texts for _, code, texts in found}, (found[0][1] if found else None)


def _itext_value(text: Element) -> str:
    """The plain (not image/audio/video) value of one itext entry."""
    values = [v for v in text.children if v.local == "value" and v.get("form") in (None, "long", "short")]
    return values[0].all_text() if values else ""


# --------------------------------------------------------------------- body


def _read_body(model: _Model, parent: Element | None, context: str, body: _Body) -> None:
    for element in parent.children if parent is not None else []:
        ref = element.get("ref") or element.get("nodeset")
        path = _absolute(ref, context) if ref else context
        if element.local in ("group", "repeat"):
            title = next(iter(_texts(model, element.find("label")).values()), None)
            inner = _Body(body.section + (title,) if title else body.section)
            _read_body(model, element, path, inner)
            body.note = {}
        elif element.local in _CONTROLS and ref:
            _read_control(model, element, path, body)


def _read_control(model: _Model, element: Element, path: str, body: _Body) -> None:
    """A question becomes a control; a note or display-only label becomes notice text
    and the words of the question after it, when that one has none of its own."""
    labels = _texts(model, element.find("label"))
    hint = _texts(model, element.find("hint"))
    model.notes.extend(hint.values())
    if _displays_only(element, model.binds.get(path)):
        model.notes.extend(labels.values())
        body.note = labels
        return
    own_hint = next(iter(hint.values()), None)
    if not labels:
        labels = body.note
    elif own_hint is None:
        own_hint = next(iter(body.note.values()), None)
    body.note = {}
    model.controls[path] = _Control(element, _control_type(element), labels, own_hint,
                                    _choices(model, element), body.section)


def _displays_only(element: Element, bind: Element | None) -> bool:
    """Read-only inputs (ODK notes), read-only or calculated controls, table-list header
    rows, and triggers that
    only show text: CommCare writes its labels as triggers with an `appearance` and a
    bind without a type, where pyxform's `acknowledge` binds a string and sets none."""
    if _bound(bind, "readonly") or (bind is not None and bind.get("calculate") is not None):
        return True
    if "label" in (element.get("appearance") or "").split():
        return True  # the header row of a table-list: it shows the choices' labels
    if element.local != "trigger":
        return False
    return element.get("appearance") is not None or bind is None or bind.get("type") is None


def _choices(model: _Model, element: Element) -> tuple[str, ...]:
    """Option labels of inline `<item>`s, or of the items an `<itemset>` draws from a
    secondary instance (pyxform writes every choice list that way)."""
    items = tuple(next(iter(_texts(model, item.find("label")).values()), "")
                  for item in element.children if item.local == "item")
    itemset = element.find("itemset")
    return items or (_itemset_choices(model, itemset) if itemset is not None else ())


def _itemset_choices(model: _Model, itemset: Element) -> tuple[str, ...]:
    match = _INSTANCE.match(itemset.get("nodeset") or "")
    label = itemset.find("label")
    instance = model.instances.get(match["id"]) if match else None
    if instance is None or label is None:
        return ()
    itext = _ITEXT.search(label.get("ref") or "")
    names = itext["id"] if itext else (label.get("ref") or "label")
    found = []
    for item in _instance_items(instance):
        text = _child_text(item, names)
        found.append(_translated(model, text) if itext else text)
    return tuple(text for text in found if text)


def _instance_items(instance: Element) -> list[Element]:
    """The rows of a secondary instance: `<root><item>…</item></root>`."""
    root = instance.children[0] if instance.children else None
    return [item for item in root.children if item.children] if root is not None else []


def _child_text(item: Element, name: str) -> str:
    child = item.find(name.strip().split("/")[-1])
    return child.all_text() if child is not None else ""


def _translated(model: _Model, itext_id: str) -> str:
    return next((texts[itext_id] for texts in model.translations.values() if texts.get(itext_id)), "")


def _recorded(root: Element) -> dict[str, str]:
    """Nodes that ODK actions fill without asking: `odk:setgeopoint` (pyxform's
    start-geopoint and background-geopoint) and `odk:recordaudio` (background-audio)."""
    actions = {"setgeopoint": "geopoint", "recordaudio": "audio"}
    return {ref: actions[e.local] for e in root.iter() if e.local in actions and (ref := e.get("ref"))}


def _absolute(ref: str, context: str) -> str:
    return ref if ref.startswith("/") else f"{context}/{ref}"


def _control_type(element: Element) -> str:
    if element.local == "input" and "multiline" in (element.get("appearance") or "").split():
        return "textarea"  # a box for a paragraph, as a person sees it
    if element.local != "upload":
        return _CONTROLS[element.local] or ""
    mediatype = (element.get("mediatype") or "").split("/")[0]
    if mediatype == "image" and "signature" in (element.get("appearance") or "").split():
        return "signature"
    return mediatype if mediatype in ("image", "audio", "video") else "file"


def _texts(model: _Model, element: Element | None) -> dict[str, str]:
    """A label or hint in every language: its itext translations, or its own text."""
    if element is None:
        return {}
    match = _ITEXT.search(element.get("ref") or "")
    if match is None:
        text = element.all_text()
        return {model.language: text} if text else {}
    found = {lang: texts.get(match["id"], "") for lang, texts in model.translations.items()}
    return {lang: text for lang, text in found.items() if text}


# ------------------------------------------------------------------- fields


def _fields(model: _Model, data: Element) -> Iterator[Field | None]:
    stack = [(child, f"/{data.local}/{child.local}") for child in reversed(data.children)]
    while stack:
        node, path = stack.pop()
        if node.children:
            stack.extend((child, f"{path}/{child.local}") for child in reversed(node.children))
        else:
            yield _leaf(model, node, path, path.split("/", 2)[2].replace("/", "."))


def _leaf(model: _Model, node: Element, path: str, key: str) -> Field | None:
    """A question with a body control, or a device or SIM identifier preloaded silently.
    Hidden nodes without a control (calculations, values carried from a case, session
    timestamps and the OpenRosa `meta` block) hold no answer from anyone."""
    bind = model.binds.get(path)
    control = model.controls.get(path)
    preload = (bind.get("preloadParams", JAVAROSA) or "").lower() if bind is not None else ""
    if bind is not None and bind.get("preload", JAVAROSA):
        return _field(key, preload, bind, node, path, None) if preload in _SILENT else None
    if control is None and path in model.recorded:
        return _field(key, model.recorded[path], bind, node, path, None)
    if control is None or path.split("/")[2] == "meta":
        return None
    return _field(key, control.kind or _bind_type(bind), bind, node, path, control)


def _field(key: str, kind: str, bind: Element | None, node: Element, path: str,
           control: _Control | None) -> Field:
    anchor = control.element if control is not None else bind if bind is not None else node
    return Field(
        key=key, label=control.labels if control else {}, type=kind, required=_bound(bind, "required"),
        options=control.options if control else (), hint=control.hint if control else None,
        location=anchor.location, pointer=path, section=control.section if control else (),
    )


def _bind_type(bind: Element | None) -> str:
    raw = (bind.get("type") if bind is not None else None) or "string"
    name = raw.split(":")[-1].lower()
    return _BIND_TYPES.get(name, name)


def _bound(bind: Element | None, attribute: str) -> bool:
    return bind is not None and (bind.get(attribute) or "").strip().lower() in _TRUE
