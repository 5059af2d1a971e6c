"""formlint's native form format: one YAML or JSON form per file.

The format is documented in README.md ("Native form format") and by the JSON
Schema `formlint schema form` prints.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from formlint.errors import FormError
from formlint.model import Collector, Field, Form, Location, Notice, Suppression
from formlint.schemas import validate
from formlint.source import Document, pointer_join
from formlint.suppressions import from_comment
from formlint.message import msg

NAME = "native"
# Types whose elements show text but take no answer: their text is notice text.
DISPLAY_TYPES = {"note", "heading"}
GROUP_TYPES = {"group", "repeat"}


def sniff(doc: Document) -> bool:
    """A native form is a mapping with a `fields` list."""
    return isinstance(doc.data, dict) and isinstance(doc.data.get("fields"), list)


def from_document(doc: Document) -> Form:
    if not isinstance(doc.data, dict):
        raise FormError(doc.path, msg("error.native_shape"))
    validate(doc, "form", FormError)
    data: dict[str, Any] = doc.data
    language = data.get("language") or _guess_language(data)
    fields, notes = _collect(doc, data["fields"], "/fields", "", language)
    reject_duplicate_keys(doc.path, fields)
    fields, form_suppressions = attach_comment_suppressions(doc.text, fields)
    return Form(
        path=doc.path,
        format=NAME,
        fields=tuple(fields),
        suppressions=form_suppressions,
        id=data.get("id"),
        title=_first_text(data.get("title"), language),
        language=language,
        purpose=data.get("purpose"),
        collector=Collector(**data.get("collector", {})),
        notice=_notice(doc, data.get("notice"), notes, language),
        visibility=data.get("visibility", "private"),
        location=doc.location(""),
        locations=doc.locations,
    )


def attach_comment_suppressions(text: str, fields: list[Field]) -> tuple[list[Field], tuple[Suppression, ...]]:
    """`# formlint: ignore[CODE] reason` comments: on a field's first line or in the
    comment lines directly above it, they belong to that field; before the first
    field and not directly above it, to the whole form. PyYAML's events carry no
    comments, so the source lines are scanned."""
    lines = text.splitlines()
    directives = _comment_directives(lines)
    if not directives:
        return fields, ()
    claimed: set[int] = set()
    attached = []
    for item in fields:
        own = _comment_block(lines, item.location.line)
        claimed.update(own)
        found = tuple(directives[n] for n in own if n in directives)
        attached.append(dataclasses.replace(item, suppressions=item.suppressions + found) if found else item)
    first = min((f.location.line for f in fields), default=len(lines) + 1)
    form_level = tuple(d for n, d in sorted(directives.items()) if n < first and n not in claimed)
    return attached, form_level


def _comment_directives(lines: list[str]) -> dict[int, Suppression]:
    found = {}
    for number, line in enumerate(lines, 1):
        start = line.find("#")
        if start >= 0 and "formlint" in line[start:]:
            directive = from_comment(line[start:], Location(number, start + 1))
            if directive is not None:
                found[number] = directive
    return found


def _comment_block(lines: list[str], line: int) -> list[int]:
    """The field's own line and the comment-only lines right above it (1-based)."""
    block = [line]
    above = line - 1
    while above >= 1 and lines[above - 1].lstrip().startswith("#"):
        block.append(above)
        above -= 1
    return block


def text_map(value: Any, language: str) -> dict[str, str]:
    """A label given as a string or as a per-language mapping, as a mapping."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return {language: str(value)}


def _first_text(value: Any, language: str) -> str | None:
    texts = text_map(value, language)
    return texts.get(language) or next(iter(texts.values()), None)


def _guess_language(data: Mapping[str, Any]) -> str:
    """Without `language`, the first label map's first language, else script."""
    for item in data.get("fields", []):
        label = item.get("label") if isinstance(item, Mapping) else None
        if isinstance(label, Mapping) and label:
            return str(next(iter(label)))
        if isinstance(label, str):
            return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in label) else "en"
    return "en"


def _collect(doc: Document, items: list[Any], pointer: str, prefix: str,
             language: str) -> tuple[list[Field], list[str]]:
    fields: list[Field] = []
    notes: list[str] = []
    for index, item in enumerate(items):
        here = pointer_join(pointer, index)
        kind = item.get("type")
        if kind in DISPLAY_TYPES:
            notes.extend(text_map(item.get("label"), language).values())
        elif "fields" in item or kind in GROUP_TYPES:
            inner, inner_notes = _collect(doc, item.get("fields", []), f"{here}/fields",
                                          f"{prefix}{item['key']}.", language)
            fields.extend(inner)
            notes.extend(inner_notes)
        else:
            fields.append(_field(doc, item, here, prefix, language))
    return fields, notes


def _field(doc: Document, item: Mapping[str, Any], pointer: str, prefix: str, language: str) -> Field:
    return Field(
        key=f"{prefix}{item['key']}",
        label=text_map(item.get("label"), language),
        type=item.get("type"),
        required=bool(item.get("required", False)),
        options=tuple(_option_text(o, language) for o in item.get("options", [])),
        category=item.get("category"),
        reason=item.get("reason"),
        autocomplete=item.get("autocomplete"),
        hint=_first_text(item.get("hint"), language),
        location=doc.location(pointer),
        pointer=pointer,
    )


def _option_text(option: Any, language: str) -> str:
    if isinstance(option, Mapping):
        return _first_text(option.get("label"), language) or str(option["value"])
    return str(option)


def reject_duplicate_keys(path: str, fields: list[Field]) -> None:
    """Two fields with one key would merge their answers; every format refuses it."""
    seen: dict[str, Field] = {}
    for item in fields:
        if item.key in seen:
            first = seen[item.key].location
            raise FormError(path, msg("error.duplicate_field", key=repr(item.key), first=first.line),
                            item.location.line, item.location.column)
        seen[item.key] = item


def _notice(doc: Document, value: Any, notes: list[str], language: str) -> Notice:
    where = doc.location("/notice") if value is not None else Location()
    if not isinstance(value, Mapping):
        return Notice(text=_join([value] + notes), location=where)
    retention = value.get("retention")
    if isinstance(retention, int):  # the schema allows a bare number of days
        retention = f"{retention} days"
    recipients = value.get("recipients")
    return Notice(
        text=_join(list(text_map(value.get("text"), language).values()) + notes),
        retention=retention,
        recipients=tuple(recipients) if recipients is not None else None,
        legal_basis=value.get("legal_basis"),
        location=where,
    )


def _join(parts: list[Any]) -> str:
    return "\n".join(str(p) for p in parts if p)
