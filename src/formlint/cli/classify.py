"""`formlint classify`: show which category each field falls into, and why."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, List, Optional

import typer

from formlint.cli.common import EXIT_CLEAN, EXIT_ERROR, report_error, write_output


class ClassifyFormat(str, Enum):
    text = "text"
    json = "json"


def classify(
    paths: List[str] = typer.Argument(..., help="Form files or folders (searched recursively)."),
    output_format: ClassifyFormat = typer.Option(ClassifyFormat.text, "--format", help="Output format."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read every file as this format."),
) -> None:
    """Print each field's personal-data category, confidence and evidence."""
    from formlint.engine import classify_form, discover
    from formlint.errors import FormlintError
    from formlint.formats import load_form
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    forms: list[dict[str, Any]] = []
    failed = False
    for path in discover(paths):
        try:
            form = load_form(path, input_format)
            forms.append(_form_entry(form, classify_form(form, taxonomy)))
        except FormlintError as exc:
            report_error(exc)
            failed = True
    text = json.dumps({"version": 1, "forms": forms}, ensure_ascii=False, indent=2) + "\n" \
        if output_format is ClassifyFormat.json else _table(forms)
    write_output(text)
    raise typer.Exit(EXIT_ERROR if failed else EXIT_CLEAN)


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


def _table(forms: list[dict[str, Any]]) -> str:
    lines = []
    for form in forms:
        lines.append(f"{form['path']} ({form['format']}): {form['title'] or ''}")
        width = max((len(f["key"]) for f in form["fields"]), default=3)
        for f in form["fields"]:
            lines.append(f"  {f['line']:>4}  {f['key']:<{width}}  {f['category']:<26} "
                         f"{f['confidence']:.2f}  {f['evidence']}")
    return "\n".join(lines) + ("\n" if lines else "")
