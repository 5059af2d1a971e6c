"""`formlint notice`: draft the privacy notice a form should carry."""

from __future__ import annotations

from typing import Optional

import click

from formlint.cli.common import (EXIT_CLEAN, EXIT_ERROR, LANG_HELP, Choice, report_error, report_problem, resolve_lang,
                                 write_output)
from formlint.message import msg


@click.command("notice")
@click.argument("form", metavar="FORM")
@click.option("--policy", "-p", multiple=True, metavar="POLICY", help="Built-in policy name or policy file; repeatable, as for check.")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id, overriding the form's `purpose`.")
@click.option("--output-format", "--format", "output_format", type=Choice(("markdown", "text", "html")), default="markdown",
              metavar="FORMAT", help="markdown, text or html (a fragment to paste into a page).")
@click.option("--output", "-o", metavar="FILE", help="Write the draft to this file instead of stdout (never replaces a file without --force).")
@click.option("--force", is_flag=True, help="Let --output replace an existing file.")
@click.option("--input-format", metavar="FORMAT", help="Read the form as this format instead of detecting it.")
@click.option("--config", metavar="FILE", help="Use this configuration file instead of discovering one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def notice(form: str, policy: tuple[str, ...], purpose: Optional[str], output_format: str, output: Optional[str],
           force: bool, input_format: Optional[str], config: Optional[str], isolated: bool, lang: Optional[str]) -> None:
    """Draft the privacy notice the form should carry, in English or Chinese.

    It has the elements PIPL Art. 17 and GDPR Art. 13 ask for: collector,
    purpose, the data kept after minimisation, sensitive data, legal basis,
    recipients, retention and rights. What neither the form nor the policy says
    is a marked placeholder."""
    from formlint.errors import UsageError
    from formlint.notice_draft import draft_notice, render_draft
    from formlint.pipeline import check_paths
    from formlint.settings import Request, resolve
    from formlint.taxonomy import load_taxonomy

    language = resolve_lang(lang)
    settings = resolve(Request(paths=[form], policy=tuple(policy) if policy else None, purpose=purpose,
                               input_format=input_format, config=config, isolated=isolated), language)
    report = check_paths([form], settings.for_file)
    for error in report.errors:
        report_error(error)
    if report.errors or not report.results:
        raise SystemExit(EXIT_ERROR)
    if len(report.results) > 1:
        raise UsageError(msg("usage.notice_one_form"))
    result = report.results[0]
    text = render_draft(draft_notice(result, result.policy, load_taxonomy(), language), output_format)
    if output is None:
        write_output(text)
    else:
        _save(output, text, force)
    raise SystemExit(EXIT_CLEAN)


def _save(path: str, text: str, force: bool) -> None:
    from formlint.fixer.write import create_new

    try:
        create_new(path, text.encode("utf-8"), force)
    except FileExistsError:
        report_problem(path, msg("error.exists"))
        raise SystemExit(EXIT_ERROR) from None
    except OSError as exc:
        report_problem(path, msg("error.notice_cannot_write", reason=exc.strerror or str(exc)))
        raise SystemExit(EXIT_ERROR) from None
