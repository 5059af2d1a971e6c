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
    forms, errors = classified(paths, input_format)
    for error in errors:
        report_error(error)
    write_output(render(forms, output_format, load_taxonomy(), language))
    raise SystemExit(EXIT_ERROR if errors else EXIT_CLEAN)
