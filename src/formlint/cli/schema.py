"""`formlint schema`: print a shipped JSON Schema."""

from __future__ import annotations

from enum import Enum

import typer

from formlint.cli.common import write_output


class SchemaName(str, Enum):
    form = "form"
    policy = "policy"
    config = "config"


def schema(name: SchemaName = typer.Argument(..., help="Which schema: form, policy or config.")) -> None:
    """Print the JSON Schema for native forms, policies or configuration files."""
    from formlint.schemas import schema_text

    write_output(schema_text(name.value))
