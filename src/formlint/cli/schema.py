"""`formlint schema`: print a shipped JSON Schema."""

from __future__ import annotations

import click

from formlint.cli.common import Choice, write_output


@click.command("schema")
@click.argument("name", type=Choice(("form", "policy", "config")), metavar="NAME")
def schema(name: str) -> None:
    """Print the JSON Schema for native forms, policies or configuration files.

    NAME is form, policy or config."""
    from formlint.schemas import schema_text

    write_output(schema_text(name))
