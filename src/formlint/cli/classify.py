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
@click.option("--no-ignore", is_flag=True, help="Walk folders without honouring git's ignore files.")
@click.option("--config", metavar="FILE", help="Use this configuration file (its `exclude` and `forms`) instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
@click.option("--explain", is_flag=True,
              help="Under each field, list every category its label, key, choices, section and type point to, "
                   "with score and source.")
def classify(paths: tuple[str, ...], output_format: str, input_format: Optional[str], no_ignore: bool,
             config: Optional[str], isolated: bool, lang: Optional[str], explain: bool) -> None:
    """Print each field's personal-data category, confidence and evidence, under the
    titles of the sections it sits in.

    PATH is a form file or a folder, searched recursively as `check` searches it
    (git's ignore files, the configuration's `exclude` and `forms`)."""
    from formlint.pipeline import classified
    from formlint.reporters.classification import render
    from formlint.settings import Request, check_input_format, walk_of
    from formlint.taxonomy import load_taxonomy

    language = resolve_lang(lang)
    check_input_format(input_format)
    walk = walk_of(Request(paths=list(paths), config=config, isolated=isolated, gitignore=not no_ignore))
    forms, errors = classified(paths, input_format, walk)
    for error in errors:
        report_error(error)
    write_output(render(forms, output_format, load_taxonomy(), language, explain))
    raise SystemExit(EXIT_ERROR if errors else EXIT_CLEAN)
