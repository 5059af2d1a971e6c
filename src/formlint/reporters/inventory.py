"""`formlint inventory` output: CSV, JSON, Markdown or HTML, headings in the run's language.

Pure functions of the inventory entries; every untrusted string (paths, titles,
keys, notice text) is escaped for the format it is written into. CSV cells that a
spreadsheet would read as a formula (`=`, `+`, `-`, `@`) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from formlint.escape import code_span, json_text, markdown, visible
from formlint.escape import html as _h
from formlint.i18n import t
from formlint.inventory import CategoryEntry, FormEntry

FORMATS = ("markdown", "json", "csv", "html")
VERSION = 1
CSV_COLUMNS = ("path", "title", "purpose", "purpose_origin", "category", "category_name", "fields", "sensitive",
               "retention_days", "retention", "recipients", "collector")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(entries: list[FormEntry], output_format: str, lang: str) -> str:
    if output_format == "json":
        return _json(entries, lang)
    if output_format == "csv":
        return _csv(entries, lang)
    if output_format == "html":
        return _html(entries, lang)
    return _markdown(entries, lang)


def _name(category: CategoryEntry, lang: str) -> str:
    return category.name.get(lang, category.name["en"])


def _sensitive_text(category: CategoryEntry, lang: str) -> str:
    """The citations, as readers of `lang` know the laws."""
    from formlint.i18n import cited

    return cited("; ".join(s.citation for s in category.sensitive), lang)


def _purpose_text(entry: FormEntry, lang: str) -> str:
    if entry.purpose_origin == "declared":
        return t("inventory.purpose_declared", lang, purpose=entry.purpose)
    if entry.purpose_origin == "recognised":
        return t("inventory.purpose_recognised", lang, purpose=entry.purpose, confidence=f"{entry.confidence:.2f}")
    if entry.recognised is not None:
        return t("inventory.purpose_guess", lang, purpose=entry.recognised, confidence=f"{entry.confidence:.2f}")
    return t("inventory.purpose_none", lang)


def _retention_text(entry: FormEntry, lang: str) -> str:
    if entry.retention_days is not None:
        return t("cli.days", lang, days=entry.retention_days)
    return entry.retention_text or t("inventory.not_stated", lang)


def _recipients_text(entry: FormEntry, lang: str) -> str:
    if entry.recipients is None:
        return t("inventory.not_stated", lang)
    return t("report.list_separator", lang).join(entry.recipients) or t("inventory.nobody", lang)


def _collector_text(entry: FormEntry, lang: str) -> str:
    parts = [p for p in (entry.collector, entry.collector_contact) if p]
    return t("report.list_separator", lang).join(parts) or t("inventory.not_stated", lang)


# ------------------------------------------------------------------------- JSON

def _json(entries: list[FormEntry], lang: str) -> str:
    document = {"version": VERSION, "forms": [_form_json(e, lang) for e in entries]}
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _form_json(entry: FormEntry, lang: str) -> dict[str, Any]:
    return {
        "path": entry.path, "title": entry.title, "policy": entry.policy,
        "purpose": {"id": entry.purpose, "origin": entry.purpose_origin, "recognised": entry.recognised,
                    "confidence": entry.confidence, "text": _purpose_text(entry, lang)},
        "retention": {"days": entry.retention_days, "text": entry.retention_text},
        "recipients": list(entry.recipients) if entry.recipients is not None else None,
        "collector": {"name": entry.collector, "contact": entry.collector_contact},
        "categories": [{"id": c.id, "name": _name(c, lang), "fields": list(c.fields),
                        "sensitive": [{"regime": s.regime, "citation": s.citation} for s in c.sensitive]}
                       for c in entry.categories],
        "unclassified": list(entry.unclassified),
    }


# -------------------------------------------------------------------------- CSV

def _cell(text: str) -> str:
    shown = visible(text)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def _csv(entries: list[FormEntry], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(f"inventory.column.{column}", lang) for column in CSV_COLUMNS])
    for entry in entries:
        for category in entry.categories:
            row = [entry.path, entry.title or "", entry.purpose or entry.recognised or "", entry.purpose_origin,
                   category.id, _name(category, lang), " ".join(category.fields), _sensitive_text(category, lang),
                   "" if entry.retention_days is None else str(entry.retention_days), _retention_text(entry, lang),
                   _recipients_text(entry, lang), _collector_text(entry, lang)]
            writer.writerow([_cell(value) for value in row])
    return out.getvalue()


# --------------------------------------------------------------------- Markdown

def _markdown(entries: list[FormEntry], lang: str) -> str:
    lines = [f"# {t('inventory.heading', lang)}", ""]
    for entry in entries:
        lines += _form_markdown(entry, lang)
    return "\n".join(lines)


def _form_markdown(entry: FormEntry, lang: str) -> list[str]:
    facts = [
        (t("inventory.column.purpose", lang), markdown(_purpose_text(entry, lang))),
        (t("inventory.column.retention", lang), markdown(_retention_text(entry, lang))),
        (t("inventory.column.recipients", lang), markdown(_recipients_text(entry, lang))),
        (t("inventory.column.collector", lang), markdown(_collector_text(entry, lang))),
    ]
    title = f" — {markdown(entry.title)}" if entry.title else ""
    lines = [f"## {code_span(entry.path)}{title}", "", *(f"- **{k}**: {v}" for k, v in facts), ""]
    header = [t(f"inventory.column.{c}", lang) for c in ("category", "category_name", "fields", "sensitive")]
    lines += ["| " + " | ".join(header) + " |", "|---|---|---|---|"]
    for category in entry.categories:
        cells = [code_span(category.id), markdown(_name(category, lang)),
                 " ".join(code_span(k) for k in category.fields), markdown(_sensitive_text(category, lang)) or "-"]
        lines.append("| " + " | ".join(cells) + " |")
    if entry.unclassified:
        lines += ["", f"{t('inventory.unclassified', lang)}{t('report.separator', lang)}"
                  + " ".join(code_span(k) for k in entry.unclassified)]
    return [*lines, ""]


# ------------------------------------------------------------------------- HTML

_HTML_STYLE = ("body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1a1a1a}"
               "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .6rem;"
               "text-align:left;vertical-align:top}th{background:#eee}code{font-size:.95em}"
               "caption{text-align:left;font-weight:600;padding:.3rem 0}")


def _html(entries: list[FormEntry], lang: str) -> str:
    """One standalone page (no script, no remote resource): a section per form with its
    facts and a table of its categories. Every form-supplied string is HTML-escaped."""
    heading = _h(t("inventory.heading", lang))
    parts = [f'<!DOCTYPE html>\n<html lang="{_h(lang)}">\n<head>\n<meta charset="utf-8">\n'
             f"<title>{heading}</title>\n<style>{_HTML_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{heading}</h1>\n"]
    parts += (_form_html(entry, lang) for entry in entries)
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _form_html(entry: FormEntry, lang: str) -> str:
    title = f" — {_h(entry.title)}" if entry.title else ""
    facts = "".join(f"<dt>{_h(t(f'inventory.column.{key}', lang))}</dt><dd>{_h(text)}</dd>" for key, text in (
        ("purpose", _purpose_text(entry, lang)), ("retention", _retention_text(entry, lang)),
        ("recipients", _recipients_text(entry, lang)), ("collector", _collector_text(entry, lang))))
    header = "".join(f'<th scope="col">{_h(t(f"inventory.column.{c}", lang))}</th>'
                     for c in ("category", "category_name", "fields", "sensitive"))
    rows = "".join(
        f'<tr><th scope="row"><code>{_h(c.id)}</code></th><td>{_h(_name(c, lang))}</td>'
        f"<td>{' '.join(f'<code>{_h(k)}</code>' for k in c.fields)}</td><td>{_h(_sensitive_text(c, lang)) or '-'}</td></tr>"
        for c in entry.categories)
    caption = _h(t("inventory.categories_caption", lang))
    table = f"<table>\n<caption>{caption}</caption>\n<thead><tr>{header}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n"
    unclassified = ""
    if entry.unclassified:
        keys = " ".join(f"<code>{_h(k)}</code>" for k in entry.unclassified)
        unclassified = f"<p>{_h(t('inventory.unclassified', lang))}{_h(t('report.separator', lang))}{keys}</p>\n"
    return (f"<section>\n<h2><code>{_h(entry.path)}</code>{title}</h2>\n<dl>{facts}</dl>\n"
            f"{table if entry.categories else ''}{unclassified}</section>\n")
