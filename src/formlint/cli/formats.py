"""`formlint formats`: list the input formats formlint reads."""

from __future__ import annotations

import click

from formlint.cli.common import write_output


@click.command("formats")
def formats() -> None:
    """List every input format with its file extensions; pass a name to --input-format."""
    from formlint.formats import FORMATS

    width = max(len(name) for name in FORMATS)
    ext_width = max(len(" ".join(info.extensions)) for info in FORMATS.values())
    lines = [f"{info.name:<{width}}  {' '.join(info.extensions):<{ext_width}}  {info.description}"
             for info in FORMATS.values()]
    write_output("\n".join(lines) + "\n")
