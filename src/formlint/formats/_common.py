"""What the JSON-based input formats share: the top-level `x-formlint` metadata
object, per-language label maps, annotation and suppression slots, and building
the Form from the fields a loader found.

The `x-formlint` object is validated against `schemas/x-formlint.schema.json`;
its errors point at the offending line like any other schema error.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NoReturn

from formlint.errors import FormError
from formlint.formats.native import reject_duplicate_keys
from formlint.model import Collector, Field, Form, Location, Notice, Suppression
from formlint.schemas import validate
from formlint.source import MAX_DEPTH, Document
from formlint.suppressions import from_value
from formlint.message import Message, msg

META = "x-formlint"
# A $ref or template fan-out can multiply fields far beyond the file's size.
MAX_FIELDS = 10_000
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TAG_STOP = re.compile("[>\"']")
_TAG_OPEN = re.compile("<(?=[A-Za-z/!?])")  # a `<` before anything else is text


def read_meta(doc: Document) -> Mapping[str, Any]:
    """The validated `x-formlint` object, or {} when the form has none."""
    data = doc.data.get(META) if isinstance(doc.data, dict) else None
    if data is None:
        return {}
    prefix = f"/{META}"
    inner = {p[len(prefix):]: loc for p, loc in doc.locations.items() if p == prefix or p.startswith(prefix + "/")}
    validate(Document(doc.path, data, inner), "x-formlint", FormError)
    return dict(data)


def guess_language(texts: Iterable[Any]) -> str:
    """Without a declared language: the one the texts are written in, by their script and
    words (`formlint.languages.detect`); Chinese when they say only that they are CJK;
    else English."""
    from formlint.languages.detect import detect_language

    seen = [t for t in texts if isinstance(t, str) and not is_message_key(t)]
    found = detect_language(seen)
    if found is not None:
        return found
    return "zh" if any(_CJK.search(t) for t in seen) else "en"


def texts_under(data: Any, names: frozenset[str]) -> Iterator[str]:
    """Every string held under one of `names` anywhere in `data` (of a locale map, its
    `default` text: the others name their language), the words a form shows, to tell its
    language. Iterative, so a deep document is the reader's error to report, not a
    RecursionError here."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for name, value in item.items():
                text = value.get("default") if name in names and isinstance(value, dict) else value
                if name in names and isinstance(text, str):
                    yield text
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))


# `form.field.name.label`, `other_compensation_issuer_name.title`: the key a translation
# file looks a label up by, shown in place of one when the form keeps its words elsewhere.
_MESSAGE_KEY = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+")


def is_message_key(text: str) -> bool:
    """Whether `text` is an i18n message key rather than words a person reads. The reader
    drops it: the field's own key says the same, and it is no label in any language."""
    return _MESSAGE_KEY.fullmatch(text.strip()) is not None


def restates_key(text: Any, key: str) -> bool:
    """Whether a title only repeats its field's key as the key is written (`pincode`
    titled "pincode", `candidatePic` titled "candidate_pic"): a key, not words a person
    reads, so it is read as a key, in any language, rather than as a label in the
    form's. Words written for people ("Gender" over `gender`, "IBAN" over `iban`) stay
    labels."""
    if not isinstance(text, str) or not key:
        return False
    shown, leaf = text.strip(), key.rsplit(".", 1)[-1]
    if shown == leaf:
        return True
    as_key = "_" in shown or _CAMEL_HUMP.search(shown) is not None
    return as_key and not any(ch.isspace() for ch in shown) and _alnum(shown) == _alnum(leaf)


_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def labels(text: Any, language: str, meta: Mapping[str, Any], key: str = "") -> dict[str, str]:
    """{language: text}, followed by the translations `x-formlint.translations` gives for
    it. An i18n message key (`is_message_key`) and a title that restates the field's
    `key` (`restates_key`) are no text of their own: only their translations, if any."""
    if not isinstance(text, str) or not text.strip():
        return {}
    found = {} if is_message_key(text) or restates_key(text, key) else {language: text}
    for lang, table in meta.get("translations", {}).items():
        if text in table and lang not in found:
            found[lang] = table[text]
    return found


def as_dict(value: Any) -> dict[str, Any]:
    """`value` when it is a mapping, else {}: forms in the wild put anything anywhere."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def member(item: Mapping[str, Any], *names: str) -> Any:
    """The first of `names` that `item` has, looking inside a Form.io-style `properties` too."""
    inner = item.get("properties")
    for name in names:
        if name in item:
            return item[name]
        if isinstance(inner, Mapping) and name in inner:
            return inner[name]
    return None


def suppressions(value: Any, where: Location) -> tuple[Suppression, ...]:
    found = from_value(value, where) if value is not None else None
    return (found,) if found is not None else ()


def category(value: Any, doc: Document, pointer: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        where = doc.location(pointer)
        raise FormError(doc.path, msg("error.category_annotation", value=repr(value)), where.line, where.column)
    return value


def check_depth(doc: Document, depth: int, pointer: str) -> None:
    if depth > MAX_DEPTH:
        where = doc.location(pointer)
        raise FormError(doc.path, msg("error.fields_nesting", depth=MAX_DEPTH), where.line, where.column)


class Walker:
    """What each JSON-based reader's walk over its tree of questions collects."""

    def __init__(self, doc: Document, meta: Mapping[str, Any], language: str) -> None:
        self.doc = doc
        self.meta = meta
        self.language = language
        self.fields: list[Field] = []
        self.notes: list[str] = []

    def fail(self, pointer: str, message: Message) -> NoReturn:
        where = self.doc.location(pointer)
        raise FormError(self.doc.path, message, where.line, where.column)

    def add(self, item: Field) -> None:
        self.fields.append(item)
        if len(self.fields) > MAX_FIELDS:
            self.fail(item.pointer, msg("error.too_many_fields", limit=MAX_FIELDS))


def strip_markup(markup: Any) -> str:
    """The text of an HTML fragment (notice paragraphs in SurveyJS and Form.io), tags,
    comments, scripts and styles dropped, entities decoded, whitespace squeezed.

    A scan that only moves forward, not html.parser: that one rescans an unclosed
    attribute or comment from its start at every `<` after it, and 50 KB of `<a b="`
    took it 40 s. An unclosed tag or comment ends the text, as it ends what a browser shows."""
    if not isinstance(markup, str):
        return ""
    return " ".join(html.unescape("".join(_text_parts(markup))).split())


def _text_parts(markup: str) -> Iterator[str]:
    folded = markup.lower()
    position = 0
    while (opening := _TAG_OPEN.search(markup, position)) is not None:
        start = opening.start()
        yield markup[position:start]
        if markup.startswith("<!--", start):
            end = markup.find("-->", start + 4)
            position = end + 3 if end >= 0 else len(markup)
            continue
        end = _tag_end(markup, start + 1)
        if end < 0:
            return
        position = _after_raw_text(folded, start, end + 1)
        yield " "  # a tag separates words, as a block or line break does on screen
    yield markup[position:]


def _tag_end(markup: str, position: int) -> int:
    """Where the tag that starts before `position` closes: the first `>` outside quotes."""
    while (stop := _TAG_STOP.search(markup, position)) is not None:
        if stop.group() == ">":
            return stop.start()
        close = markup.find(stop.group(), stop.end())
        if close < 0:
            return -1
        position = close + 1
    return -1


def _after_raw_text(folded: str, start: int, position: int) -> int:
    """Past the end of a `<script>` or `<style>` element, whose content is no text."""
    for name in ("script", "style"):
        if folded.startswith(name, start + 1) and not folded[start + 1 + len(name)].isalnum():
            end = folded.find(f"</{name}", position)
            close = folded.find(">", end) if end >= 0 else -1
            return close + 1 if close >= 0 else len(folded)
    return position


def build_form(doc: Document, name: str, meta: Mapping[str, Any], fields: list[Field],
               notes: list[str], language: str, title: Any, notice_at: str | None = None) -> Form:
    """The Form for a JSON-based format: its fields plus what `x-formlint` says.

    `notice_at` is the pointer of the form's own notice text, when it has some."""
    reject_duplicate_keys(doc.path, fields)
    locations = dict(doc.locations)
    for slot in ("purpose", "notice"):
        locations.pop(f"/{slot}", None)
        if slot in meta:
            locations[f"/{slot}"] = doc.location(f"/{META}/{slot}")
    return Form(
        path=doc.path,
        format=name,
        fields=tuple(fields),
        id=meta.get("id"),
        title=title if isinstance(title, str) else None,
        language=language,
        purpose=meta.get("purpose"),
        collector=Collector(**meta.get("collector", {})),
        notice=_notice(doc, meta, notes, notice_at),
        visibility=meta.get("visibility", "private"),
        location=doc.location(""),
        locations=locations,
        suppressions=suppressions(meta.get("ignore"), doc.location(f"/{META}/ignore")),
    )


def _notice(doc: Document, meta: Mapping[str, Any], notes: list[str], notice_at: str | None) -> Notice:
    text = meta.get("notice")
    texts = list(text.values()) if isinstance(text, Mapping) else [text]
    retention = meta.get("retention")
    if isinstance(retention, int) and not isinstance(retention, bool):
        retention = f"{retention} days"
    retention = as_str(retention)
    recipients = meta.get("recipients")
    where = f"/{META}/notice" if "notice" in meta else notice_at if notice_at is not None else f"/{META}" if meta else ""
    return Notice(
        text="\n".join(str(t) for t in texts + notes if t),
        retention=retention,
        recipients=tuple(recipients) if recipients is not None else None,
        legal_basis=meta.get("legal_basis"),
        location=doc.location(where),
    )
