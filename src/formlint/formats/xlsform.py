"""XLSForm (ODK, KoboToolbox, SurveyCTO): .xlsx/.xlsm/.xls workbooks, pyxform's CSV and
markdown layouts.

The `survey` sheet gives the fields: its `name` column is the key (groups and
repeats make dotted keys, and their labels the field's `section`), `label` and
`label::<language>` columns the labels, `hint` columns the hint, `type` the type,
normalised to formlint's vocabulary, and the choices sheet the options. Rows a
person reads but does not answer are notice text, with the settings sheet's
`form_title`: notes, read-only and calculated rows, and table-list header rows
(appearance `label`); a question without a label takes the words of the note or
header before it. Calculations, hidden values and the metadata that describes the
session (start, end, today, username, email, audit) are not fields; device and SIM
identifiers and the phone number, which ODK Collect records silently, are, typed
by what they collect. Groups nest at most source.MAX_DEPTH deep. formlint's own
columns: `category` and `formlint_ignore` on the survey sheet; `purpose`,
`collector`, `collector_contact`, `visibility` and `retention` on the settings
sheet. Documented in docs/formats.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from formlint.errors import FormError
from formlint.formats._languages import guess_language, language_code
from formlint.formats._sheets import Cell, Row, read_sheets
from formlint.formats.native import reject_duplicate_keys
from formlint.model import Collector, Field, Form, Location, Notice
from formlint.source import MAX_DEPTH
from formlint.suppressions import from_value
from formlint.message import msg

NAME = "xlsform"
_GROUP_OPEN = {"begin_group", "begin group", "begin_repeat", "begin repeat"}
_GROUP_CLOSE = {"end_group", "end group", "end_repeat", "end repeat"}
# Rows that hold no answer from the respondent: computed values, metadata about the
# enumerator's session, and attached data files.
_NOT_FIELDS = {"calculate", "hidden", "start", "end", "today", "username", "email", "audit",
               "xml-external", "csv-external"}
# Metadata recorded without being shown: they take no note's words.
_UNSEEN = {"deviceid", "imei", "phonenumber", "subscriberid", "simserial", "start-geopoint",
           "background-geopoint", "background-audio"}
_TWO_WORDS = {"begin group", "end group", "begin repeat", "end repeat", "select one", "select multiple"}
# XLSForm type (lower case) -> formlint type, where the names differ.
_TYPES = {
    "select one": "select_one", "select_one_from_file": "select_one", "select_one_external": "select_one",
    "select multiple": "select_multiple", "select_multiple_from_file": "select_multiple",
    "int": "integer", "string": "text", "imei": "deviceid", "start-geopoint": "geopoint",
    "background-geopoint": "geopoint", "background-audio": "audio", "trigger": "acknowledge",
}
_TRUE = {"yes", "true", "true()", "1"}
_SNIFF_BYTES = 65536
_REFERENCE = re.compile(r"\$\{[^}\n]{0,200}\}")


@dataclass(frozen=True)
class _Table:
    """A sheet as rows of header -> cell; `languages` lists `label` columns in order."""

    rows: list[dict[str, Cell]]
    languages: list[str]


@dataclass
class _Context:
    path: str
    language: str
    plain_language: str
    choices: dict[str, list[str]]
    notes: list[str]


@dataclass
class _Group:
    """An open group or repeat: its name (a key segment), its title (a section), and the
    text of a note or table-list header inside it that questions without words take."""

    name: str
    title: str | None
    note: dict[str, str] = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)


def sniff_raw(path: str, raw: bytes) -> bool:
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return raw.startswith(b"PK\x03\x04")
    if suffix == ".xls":
        return raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    head = raw[:_SNIFF_BYTES]
    head = head[: head.rfind(b"\n") + 1] or head  # whole lines: the header rows are near the top
    try:
        return {"type", "name"} <= _header_names(read_sheets(path, head).get("survey", []))
    except FormError:
        return False


def load(path: str, raw: bytes) -> Form:
    sheets = read_sheets(path, raw)
    if "survey" not in sheets:
        raise FormError(path, msg("error.xlsform_no_survey", found=", ".join(sheets) or "-"))
    _require_columns(path, sheets["survey"])
    survey = _table(sheets["survey"])
    settings = _settings(sheets.get("settings", []))
    language = _form_language(settings, survey)
    title = _text(settings.get("form_title"))
    ctx = _Context(path, language, _plain_language(settings, survey, language),
                   _choices(sheets.get("choices", []), language), [title] if title else [])
    fields = list(_fields(ctx, survey))
    reject_duplicate_keys(path, fields)
    return Form(
        path=path, format=NAME, fields=tuple(fields), id=_text(settings.get("form_id")), title=title,
        language=language, purpose=_text(settings.get("purpose")),
        collector=Collector(_text(settings.get("collector")), _text(settings.get("collector_contact"))),
        notice=_notice(settings, ctx), visibility=_visibility(path, settings.get("visibility")),
        locations=_locations(settings),
    )


# ------------------------------------------------------------------- sheets


def _table(rows: list[Row]) -> _Table:
    """The first row is the header; header names are lower-cased except languages."""
    if not rows:
        return _Table([], [])
    header = {cell.index: _header_name(cell.value) for cell in rows[0]}
    body = [{header[c.index]: c for c in row if c.index in header} for row in rows[1:]]
    languages = [name.split("::", 1)[1] for name in header.values() if name.startswith("label::")]
    return _Table(body, languages)


def _header_names(rows: list[Row]) -> set[str]:
    return {_header_name(c.value) for c in rows[0]} if rows else set()


def _header_name(value: str) -> str:
    base, sep, lang = value.partition("::")
    return f"{base.strip().lower()}::{lang.strip()}" if sep else value.strip().lower()


def _require_columns(path: str, rows: list[Row]) -> None:
    missing = [name for name in ("type", "name") if name not in _header_names(rows)]
    if missing:
        where = rows[0][0].location if rows else Location()
        raise FormError(path, msg("error.xlsform_columns", columns=" / ".join(f"`{m}`" for m in missing)),
                        where.line, where.column)


def _settings(rows: list[Row]) -> dict[str, Cell]:
    table = _table(rows)
    return table.rows[0] if table.rows else {}


def _choices(rows: list[Row], language: str) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for row in _table(rows).rows:
        list_name = _text(row.get("list_name") or row.get("list name"))
        if list_name:
            labels = _labels(row, language, language)
            lists.setdefault(list_name, []).append(next(iter(labels.values()), _text(row.get("name")) or ""))
    return lists


def _text(cell: Cell | None) -> str | None:
    return cell.value if cell is not None and cell.value else None


# ---------------------------------------------------------------- languages


def _form_language(settings: dict[str, Cell], survey: _Table) -> str:
    """`default_language`, else the first labelled language, else the labels' script."""
    default = _text(settings.get("default_language"))
    if default:
        return language_code(default)
    if survey.languages:
        return language_code(survey.languages[0])
    return guess_language(" ".join(_text(row.get("label")) or "" for row in survey.rows))


def _plain_language(settings: dict[str, Cell], survey: _Table, language: str) -> str:
    """The language of a plain `label` column: pyxform's "default" language."""
    if _text(settings.get("default_language")) or not survey.languages:
        return language
    return guess_language(" ".join(_text(row.get("label")) or "" for row in survey.rows))


def _labels(row: dict[str, Cell], language: str, plain: str, column: str = "label") -> dict[str, str]:
    """{language code: text} from `label` and `label::<language>` columns, `language` first.
    A `${name}` reference shows the person an earlier answer, not the question's name:
    it reads as an ellipsis, as an XForm's `<output/>` reads as nothing."""
    texts: dict[str, str] = {}
    for name, cell in row.items():
        base, _, lang = name.partition("::")
        text = _REFERENCE.sub("…", cell.value) if base == column else ""
        if text.strip():
            texts.setdefault(language_code(lang) if lang else plain, text)
    first = {language: texts[language]} if language in texts else {}
    return {**first, **texts}


# ------------------------------------------------------------------ fields


def _fields(ctx: _Context, survey: _Table) -> Iterator[Field]:
    groups = [_Group("", None)]
    for row in survey.rows:
        kind = _text(row.get("type")) or ""
        word = _type_word(kind)
        if word in _GROUP_OPEN:
            _open_group(ctx, row, kind, groups)
        elif word in _GROUP_CLOSE:
            _close_group(ctx, row, groups)
        elif word == "note" or _displays_only(row):
            _read_note(ctx, row, groups[-1])
        elif word and word not in _NOT_FIELDS:
            yield _question(ctx, row, kind, word, groups)
        ctx.notes.extend(_labels(row, ctx.language, ctx.plain_language, "hint").values())


def _open_group(ctx: _Context, row: dict[str, Cell], kind: str, groups: list[_Group]) -> None:
    if len(groups) > MAX_DEPTH:
        where = row["type"].location
        raise FormError(ctx.path, msg("error.groups_nesting", depth=MAX_DEPTH), where.line, where.column)
    title = next(iter(_labels(row, ctx.language, ctx.plain_language).values()), None)
    groups.append(_Group(_name(ctx, row, kind), title))


def _displays_only(row: dict[str, Cell]) -> bool:
    """Rows a person reads but does not answer: read-only rows, rows whose value is
    calculated, and the header row of a table-list (appearance `label`)."""
    appearance = (_text(row.get("appearance")) or "").lower().split()
    read_only = (_text(row.get("read_only") or row.get("readonly")) or "").lower() in _TRUE
    return read_only or bool(_text(row.get("calculation"))) or "label" in appearance


def _read_note(ctx: _Context, row: dict[str, Cell], group: _Group) -> None:
    labels = _labels(row, ctx.language, ctx.plain_language)
    ctx.notes.extend(labels.values())
    if "label" in (_text(row.get("appearance")) or "").lower().split():
        group.header = labels
    else:
        group.note = labels


def _type_word(kind: str) -> str:
    """`select_one yes_no` -> select_one; the spaced aliases keep two words (`begin group`)."""
    words = kind.lower().split()
    two = " ".join(words[:2])
    return two if two in _TWO_WORDS else (words[0] if words else "")


def _close_group(ctx: _Context, row: dict[str, Cell], groups: list[_Group]) -> None:
    if len(groups) == 1:
        where = row["type"].location
        raise FormError(ctx.path, msg("error.xlsform_end_group"), where.line, where.column)
    groups.pop()
    groups[-1].note = {}


def _question(ctx: _Context, row: dict[str, Cell], kind: str, word: str, groups: list[_Group]) -> Field:
    name_cell = row.get("name")
    name = _name(ctx, row, kind)
    where = name_cell.location if name_cell else row["type"].location
    ignore = row.get("formlint_ignore")
    suppression = from_value(ignore.value, ignore.location) if ignore else None
    label, hint = _words(ctx, row, groups[-1]) if word not in _UNSEEN else ({}, None)
    return Field(
        key=".".join([g.name for g in groups[1:]] + [name]), label=label,
        type=_field_type(row, word),
        required=(_text(row.get("required")) or "").lower() in _TRUE,
        options=tuple(ctx.choices.get(_list_name(kind, word), [])),
        category=_text(row.get("category")),
        hint=hint, location=where, pointer=f"survey!{where.line}",
        suppressions=(suppression,) if suppression else (),
        section=tuple(g.title for g in groups[1:] if g.title),
    )


def _words(ctx: _Context, row: dict[str, Cell], group: _Group) -> tuple[dict[str, str], str | None]:
    """The question's label and hint. A question with no label of its own takes the note
    just before it, or its table-list header; one without a hint takes that text as hint."""
    label = _labels(row, ctx.language, ctx.plain_language)
    hint = next(iter(_labels(row, ctx.language, ctx.plain_language, "hint").values()), None)
    context = group.note or group.header
    group.note = {}
    if not label:
        return context, hint
    return label, hint if hint is not None else next(iter(context.values()), None)


def _name(ctx: _Context, row: dict[str, Cell], kind: str) -> str:
    name = _text(row.get("name"))
    if not name:
        where = row["type"].location
        raise FormError(ctx.path, msg("error.xlsform_no_name", kind=kind), where.line, where.column)
    return name


def _list_name(kind: str, word: str) -> str:
    """The choice list a select names: `select_one yes_no` and `select one yes_no` -> yes_no."""
    words = kind.split()
    return words[len(word.split())] if len(words) > len(word.split()) else ""


def _field_type(row: dict[str, Cell], word: str) -> str:
    appearance = (_text(row.get("appearance")) or "").lower()
    if word == "image" and "signature" in appearance.split():
        return "signature"
    if word == "text" and "multiline" in appearance.split():
        return "textarea"  # a box for a paragraph, as a person sees it
    return _TYPES.get(word, word)


# -------------------------------------------------------------- the notice


def _notice(settings: dict[str, Cell], ctx: _Context) -> Notice:
    retention = _text(settings.get("retention"))
    if retention is not None and retention.isdigit():
        retention = f"{retention} days"
    return Notice(text="\n".join(ctx.notes), retention=retention, location=_notice_location(settings))


def _notice_location(settings: dict[str, Cell]) -> Location:
    cell = settings.get("retention") or settings.get("form_title")
    return cell.location if cell else Location()


def _visibility(path: str, cell: Cell | None) -> str:
    value = (_text(cell) or "private").lower()
    if value not in ("private", "shared") and cell is not None:
        raise FormError(path, msg("error.xlsform_visibility", value=repr(cell.value)),
                        cell.location.line, cell.location.column)
    return value


def _locations(settings: dict[str, Cell]) -> dict[str, Location]:
    places = {"/purpose": settings.get("purpose"), "/visibility": settings.get("visibility")}
    return {pointer: cell.location for pointer, cell in places.items() if cell is not None}
