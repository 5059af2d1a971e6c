"""`formlint classify`: show which category each field falls into, and why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Optional

import click

from formlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, LANG_HELP, Choice, category_text, display_width, pad,
                                 report_error, resolve_lang, write_output)

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.taxonomy import Taxonomy

# The category column's least width, wide enough for every taxonomy id.
CATEGORY_WIDTH = 26


@click.command("classify")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output-format", "--format", "output_format", type=Choice(("text", "json")), default="text",
              metavar="FORMAT", help="Output format: text (default) or json.")
@click.option("--input-format", metavar="FORMAT", help="Read every file as this format.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def classify(paths: tuple[str, ...], output_format: str, input_format: Optional[str], lang: Optional[str]) -> None:
    """Print each field's personal-data category, confidence and evidence.

    PATH is a form file or a folder (searched recursively)."""
    from formlint.discovery import discover_named
    from formlint.engine import classify_form
    from formlint.errors import FormlintError, NotAForm
    from formlint.formats import load_form
    from formlint.taxonomy import load_taxonomy

    language = resolve_lang(lang)
    taxonomy = load_taxonomy()
    forms: list[dict[str, Any]] = []
    failed = False
    for path, walked in discover_named(paths):
        try:
            form = load_form(path, input_format)
            forms.append(_form_entry(form, classify_form(form, taxonomy)))
        except NotAForm as exc:
            if not walked:
                report_error(exc)
                failed = True
        except FormlintError as exc:
            report_error(exc)
            failed = True
    text = json.dumps({"version": 1, "forms": forms}, ensure_ascii=False, indent=2) + "\n" \
        if output_format == "json" else _table(forms, taxonomy, language)
    write_output(text)
    raise SystemExit(EXIT_ERROR if failed else EXIT_CLEAN)


def _form_entry(form: Any, classes: dict[str, Any]) -> dict[str, Any]:
    return {
        "path": form.path,
        "format": form.format,
        "title": form.title,
        "fields": [
            {"key": f.key, "label": f.first_label, "category": classes[f.key].category,
             "confidence": round(classes[f.key].confidence, 2), "evidence": classes[f.key].evidence,
             "line": f.location.line}
            for f in form.fields
        ],
    }


def _table(forms: list[dict[str, Any]], taxonomy: "Taxonomy", lang: str) -> str:
    """One block per form; under a language other than English each category id is
    followed by its name there. Evidence stays as the classifier wrote it (English)."""
    lines = []
    for form in forms:
        lines.append(f"{form['path']} ({form['format']}): {form['title'] or ''}")
        width = max((len(f["key"]) for f in form["fields"]), default=3)
        shown = [category_text(taxonomy, f["category"], lang) for f in form["fields"]]
        column = max([CATEGORY_WIDTH, *(display_width(c) for c in shown)])
        for f, category in zip(form["fields"], shown):
            lines.append(f"  {f['line']:>4}  {f['key']:<{width}}  {pad(category, column)} "
                         f"{f['confidence']:.2f}  {f['evidence']}")
    return "\n".join(lines) + ("\n" if lines else "")
