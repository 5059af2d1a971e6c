"""`formlint classify`: show which category each field falls into, and why.

It runs the pipeline's first stages (discover, load, classify) and hands the
result to its reporter, formlint.reporters.classification."""

from __future__ import annotations

from typing import Optional

import click

from formlint.cli.common import EXIT_CLEAN, EXIT_ERROR, LANG_HELP, Choice, report_error, resolve_lang, write_output


@click.command("classify")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output-format", "--format", "output_format", type=Choice(("text", "json")), default="text",
              metavar="FORMAT", help="Output format: text (default) or json.")
@click.option("--input-format", metavar="FORMAT", help="Read every file as this format.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def classify(paths: tuple[str, ...], output_format: str, input_format: Optional[str], lang: Optional[str]) -> None:
    """Print each field's personal-data category, confidence and evidence.

    PATH is a form file or a folder (searched recursively)."""
    from formlint.pipeline import classified
    from formlint.reporters.classification import render
    from formlint.taxonomy import load_taxonomy

    language = resolve_lang(lang)
<<<<<<< HEAD
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
    from formlint.escape import json_text, terminal_lines

    text = json_text(json.dumps({"version": 1, "forms": forms}, ensure_ascii=False, indent=2)) + "\n" \
        if output_format == "json" else terminal_lines(_table(forms, taxonomy, language))
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
=======
    forms, errors = classified(paths, input_format)
    for error in errors:
        report_error(error)
    write_output(render(forms, output_format, load_taxonomy(), language))
    raise SystemExit(EXIT_ERROR if errors else EXIT_CLEAN)
>>>>>>> main
