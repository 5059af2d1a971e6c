"""`formlint categories`: list the personal-data taxonomy."""

from __future__ import annotations

import json
from enum import Enum

import typer

from formlint.cli.common import write_output


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def categories(
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", help="Output format."),
) -> None:
    """List category ids with their names and the regimes that make them sensitive."""
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    items = [taxonomy.get(cid) for cid in taxonomy.ids()]
    if output_format is ListFormat.json:
        data = {"version": 1, "categories": [
            {"id": c.id, "name": dict(c.name), "description": dict(c.description),
             "sensitive": dict(c.sensitive), "autocomplete": list(c.autocomplete)} for c in items]}
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    width = max(len(c.id) for c in items)
    lines = [f"{c.id:<{width}}  {c.name.get('en', '')} / {c.name.get('zh', '')}"
             + (f"  [sensitive: {', '.join(sorted(c.sensitive))}]" if c.sensitive else "") for c in items]
    write_output("\n".join(lines) + "\n")
