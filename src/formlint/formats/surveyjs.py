"""SurveyJS survey JSON: pages -> panels -> elements.

Every question is a field keyed by its `name` (SurveyJS names are unique across
the survey, so panels add no prefix). A dynamic panel (`paneldynamic`) prefixes its
`templateElements` with its own name (`members.name`), as do the columns of
`matrixdropdown`/`matrixdynamic` and the items of `multipletext`. Titles are a
string or a locale map; `default` is the survey's `locale` (else en). The titles of
the pages and panels around a question are its `section`, and a question without a
title of its own is labelled by its panel's. `html` and `expression` elements, the
survey's and pages' `description` and `completedHtml` are notice text.
docs/formats.md has the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from formlint.errors import FormError
from formlint.formats._common import (
    Walker,
    as_list,
    as_str,
    build_form,
    category,
    check_depth,
    guess_language,
    member,
    read_meta,
    strip_markup,
    suppressions,
    texts_under,
)
from formlint.model import Field, Form
from formlint.source import Document
from formlint.message import msg

NAME = "surveyjs"
ELEMENT_TYPES = {"comment": "textarea", "checkbox": "select_multiple", "tagbox": "select_multiple",
                 "ranking": "select_multiple", "radiogroup": "select_one", "dropdown": "select_one",
                 "imagepicker": "select_one", "matrix": "select_one", "boolean": "checkbox", "file": "file",
                 "signaturepad": "signature", "rating": "integer", "text": "text"}
INPUT_TYPES = {"email": "email", "tel": "tel", "date": "date", "datetime-local": "datetime", "time": "time",
               "month": "date", "number": "number", "url": "url", "password": "password"}
NOTICE_TYPES = {"html", "expression"}
NO_ANSWER_TYPES = {"image"}
# Containers whose children are questions of their own, and where those children live.
CHILDREN = {"panel": ("elements", False), "paneldynamic": ("templateElements", True),
            "matrixdropdown": ("columns", True), "matrixdynamic": ("columns", True),
            "multipletext": ("items", True)}


def sniff(doc: Document) -> bool:
    """A `pages` list, or an `elements` list of `{type, name}` objects."""
    data = doc.data
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("pages"), list):
        return all(isinstance(page, dict) for page in data["pages"])
    elements = data.get("elements")
    return isinstance(elements, list) and bool(elements) and all(
        isinstance(e, dict) and "type" in e and "name" in e for e in elements)


def from_document(doc: Document) -> Form:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("pages", data.get("elements")), list):
        raise FormError(doc.path, msg("error.surveyjs_shape"))
    meta = read_meta(doc)
    language = meta.get("language") or str(data.get("locale") or guess_language(texts_under(data, _SHOWN)))
    walker = _Walker(doc, meta, language)
    notes = [*walker.texts(data.get("description")), *walker.texts(data.get("completedHtml"))]
    for items, pointer, page in _pages(doc, data):
        notes.extend(walker.texts(page.get("description")))
        walker.elements(items, pointer, "", 0, walker.title_of(page))
    title = next(iter(walker.locale_map(data.get("title")).values()), None)
    return build_form(doc, NAME, meta, walker.fields, notes + walker.notes, language, title,
                      "/description" if "description" in data else None)


# Survey members whose text a person reads: they tell the survey's language.
_SHOWN = frozenset({"title", "text", "description", "placeholder"})


def _pages(doc: Document, data: Mapping[str, Any]) -> Iterator[tuple[list[Any], str, Mapping[str, Any]]]:
    if "pages" not in data:
        yield data["elements"], "/elements", {}
        return
    for index, page in enumerate(data["pages"]):
        elements = page.get("elements", []) if isinstance(page, dict) else None
        if not isinstance(elements, list):
            where = doc.location(f"/pages/{index}")
            raise FormError(doc.path, msg("error.surveyjs_page"),
                            where.line, where.column)
        yield elements, f"/pages/{index}/elements", page


class _Walker(Walker):
    def elements(self, items: list[Any], pointer: str, prefix: str, depth: int, section: tuple[str, ...]) -> None:
        check_depth(self.doc, depth, pointer)
        for index, item in enumerate(items):
            here = f"{pointer}/{index}"
            name = self.name_of(item, here)
            kind = str(item.get("type", "text")).lower()
            if kind in NOTICE_TYPES:
                self.notes.extend(self.texts(item.get("html")) + self.texts(item.get("title")))
            elif kind in CHILDREN:
                where, prefixed = CHILDREN[kind]
                inner = section + self.title_of(item)
                self.elements(as_list(item.get(where)), f"{here}/{where}", f"{prefix}{name}." if prefixed else prefix,
                              depth + 1, inner)
            elif kind not in NO_ANSWER_TYPES:
                self.add(self.field(f"{prefix}{name}", item, kind, here, section))

    def title_of(self, container: Mapping[str, Any]) -> tuple[str, ...]:
        """A page's or panel's title in the survey's first language, when it has one."""
        title = next(iter(self.locale_map(container.get("title")).values()), None)
        return (title,) if title else ()

    def name_of(self, item: Any, pointer: str) -> str:
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, (str, int)) or name == "":
            self.fail(pointer, msg("error.surveyjs_name"))
        return str(name)

    def field(self, key: str, item: Mapping[str, Any], kind: str, pointer: str, section: tuple[str, ...]) -> Field:
        where = self.doc.location(pointer)
        input_type = INPUT_TYPES.get(str(item.get("inputType", "")).lower())
        cell = item.get("cellType")  # matrix columns: the cell's editor
        label = self.locale_map(item.get("title", item.get("text")))
        if not label and section:  # an untitled question in a titled panel: the panel says what it asks
            label = {self.language: section[-1]}
        return Field(
            key=key,
            label=label,
            type=input_type or ELEMENT_TYPES.get(str(cell or kind), str(cell or kind)),
            required=bool(item.get("isRequired", False)),
            options=tuple(self.option(c) for c in as_list(item.get("choices")) if c is not None),
            category=category(member(item, "formlintCategory", "x-formlint-category"), self.doc, pointer),
            autocomplete=as_str(item.get("autocomplete")),
            hint=next(iter(self.locale_map(item.get("description")).values()), None),
            location=where,
            pointer=pointer,
            suppressions=suppressions(member(item, "formlintIgnore", "x-formlint-ignore"), where),
            section=section,
        )

    def option(self, choice: Any) -> str:
        if isinstance(choice, dict):
            text = next(iter(self.locale_map(choice.get("text")).values()), None)
            return text or str(choice.get("value", ""))
        return str(choice)

    def locale_map(self, value: Any) -> dict[str, str]:
        """{lang: text}, the survey's own language first: `default` is the survey's `locale`."""
        if isinstance(value, (str, int, float)) and str(value).strip():
            return {self.language: str(value)}
        if not isinstance(value, dict):
            return {}
        texts = {str(k): str(v) for k, v in value.items() if k != "default" and isinstance(v, str) and v.strip()}
        default = value.get("default")
        if isinstance(default, str) and default.strip():
            return {self.language: texts.pop(self.language, default), **texts}
        return texts

    def texts(self, value: Any) -> list[str]:
        """Every language's text of a notice element, markup removed."""
        return [t for t in (strip_markup(v) for v in self.locale_map(value).values()) if t]
