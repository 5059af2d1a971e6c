"""`formlint inventory`: what each form collects, for a record of processing."""

from __future__ import annotations

from typing import Optional

import click

from formlint.cli.common import EXIT_CLEAN, EXIT_ERROR, LANG_HELP, Choice, report_error, resolve_lang, write_output

INVENTORY_FORMATS = ("markdown", "json", "csv", "html")


@click.command("inventory")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--policy", "-p", multiple=True, metavar="POLICY", help="Built-in policy name or policy file; repeatable, as for check. Default: general.")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id for every form, or `auto` to use the recognised one where a form names none.")
@click.option("--output-format", "--format", "output_format", type=Choice(INVENTORY_FORMATS), default="markdown",
              metavar="FORMAT", help="markdown (default), json, csv or html.")
@click.option("--output", "-o", metavar="FILE", help="Write the inventory to this file instead of stdout (never replaces a file without --force).")
@click.option("--force", is_flag=True, help="Let --output replace an existing file.")
@click.option("--input-format", metavar="FORMAT", help="Read every file as this format instead of detecting it.")
@click.option("--no-ignore", is_flag=True, help="Walk folders without honouring git's ignore files.")
@click.option("--config", metavar="FILE", help="Use this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def inventory(paths: tuple[str, ...], policy: tuple[str, ...], purpose: Optional[str], output_format: str,
              output: Optional[str], force: bool, input_format: Optional[str], no_ignore: bool,
              config: Optional[str], isolated: bool, lang: Optional[str]) -> None:
    """List what each form collects: categories with their fields, sensitive ones with
    the regime that makes them so, purpose, retention, recipients and collector (the
    inputs of a GDPR Art. 30 record and a PIPL Art. 55-56 impact assessment).

    PATH is a form file or a folder (searched recursively)."""
    from formlint.inventory import inventory_of
    from formlint.pipeline import check_paths
    from formlint.reporters.inventory import render
    from formlint.settings import Request, resolve
    from formlint.taxonomy import load_taxonomy

    language = resolve_lang(lang)
    settings = resolve(Request(paths=list(paths), policy=tuple(policy) if policy else None, purpose=purpose,
                               input_format=input_format, config=config, isolated=isolated,
                               gitignore=not no_ignore), language)
    report = check_paths(settings.paths, settings.for_file, walk=settings.walk())
    for error in report.errors:
        report_error(error)
    taxonomy = load_taxonomy()
    text = render([inventory_of(r, taxonomy) for r in report.results], output_format, language)
    if output is None:
        write_output(text)
    else:
        _save(output, text, force)
    raise SystemExit(EXIT_ERROR if report.errors else EXIT_CLEAN)


def _save(path: str, text: str, force: bool) -> None:
    from formlint.cli.common import report_problem
    from formlint.fixer.write import create_new
    from formlint.message import msg

    try:
        create_new(path, text.encode("utf-8"), force)
    except FileExistsError:
        report_problem(path, msg("error.exists"))
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:
        report_problem(path, msg("error.inventory_cannot_write", reason=exc.strerror or str(exc)))
        raise SystemExit(EXIT_ERROR) from None
