"""`formlint categories`: list the personal-data taxonomy."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

import click

from formlint.cli.common import LANG_HELP, Choice, resolve_lang, write_output

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.taxonomy import Category


@click.command("categories")
@click.option("--output-format", "--format", "output_format", type=Choice(("text", "json")), default="text",
              metavar="FORMAT", help="Output format: text (default) or json.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def categories(output_format: str, lang: Optional[str]) -> None:
    """List category ids with their names and the regimes that make them sensitive."""
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    items = [taxonomy.get(cid) for cid in taxonomy.ids()]
    if output_format == "json":
        data = {"version": 1, "categories": [
            {"id": c.id, "name": dict(c.name), "description": dict(c.description),
             "sensitive": dict(c.sensitive), "autocomplete": list(c.autocomplete)} for c in items]}
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    language = resolve_lang(lang)
    width = max(len(c.id) for c in items)
    write_output("".join(f"{c.id:<{width}}  {_names(c, language)}{_sensitive(c, language)}\n" for c in items))


def _names(category: "Category", lang: str) -> str:
    """Both names in English (the Chinese one is what forms often say); the run's
    language's name otherwise."""
    if lang == "en":
        return f"{category.name.get('en', '')} / {category.name.get('zh', '')}"
    return category.name.get(lang, category.name.get("en", ""))


def _sensitive(category: "Category", lang: str) -> str:
    from formlint.i18n import t

    regimes = t("report.list_separator", lang).join(sorted(category.sensitive))
    return f"  [{t('cli.sensitive', lang, regimes=regimes)}]" if category.sensitive else ""
