"""`formlint init`: write a starter .formlint.yaml and a policy that extends a pack.

Files are never overwritten without --force, and each is written to a temporary
file in the same folder and moved into place, so an interrupted run leaves either
the old file or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from formlint.cli.common import write_output

CONFIG_NAME = ".formlint.yaml"
# Hidden, so that `formlint check .` does not try to read the policy as a form.
POLICY_NAME = ".formlint-policy.yaml"
DEFAULT_PACK = "pipl"
NEW_PURPOSE = "registration"


@click.command("init")
@click.option("--pack", metavar="POLICY", help="Built-in policy to extend (e.g. pipl, gdpr, epidemic-registration).")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id your forms use.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask; use the flags and defaults.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=Path("."), metavar="FOLDER",
              help="Folder to write the files in.")
def init(pack: Optional[str], purpose: Optional[str], yes: bool, force: bool, directory: Path) -> None:
    """Write .formlint.yaml and .formlint-policy.yaml (extending a built-in pack)."""
    from formlint.policy import load_policy

    config, policy_file = directory / CONFIG_NAME, directory / POLICY_NAME
    _refuse_existing([config, policy_file], force)
    pack = pack or (DEFAULT_PACK if yes else click.prompt("Policy to build on", default=DEFAULT_PACK))
    base = load_policy(pack)
    suggested = base.default_purpose or next(iter(base.purposes), NEW_PURPOSE)
    purpose = purpose or (suggested if yes else click.prompt("Purpose id", default=suggested))
    _write(policy_file, _policy_text(pack, purpose, purpose in base.purposes))
    _write(config, f"# formlint configuration (see README, 'formlint init')\npolicy: {POLICY_NAME}\npurpose: {purpose}\n")
    write_output(f"wrote {config} and {policy_file} (extends {pack}, purpose {purpose})\n")


def _refuse_existing(paths: list[Path], force: bool) -> None:
    from formlint.errors import ConfigError

    for path in paths:
        if path.exists() and not force:
            raise ConfigError(str(path), "already exists; pass --force to overwrite it")


def _policy_text(pack: str, purpose: str, inherited: bool) -> str:
    head = (f"# Your policy: built on `{pack}`. `formlint policies show {POLICY_NAME}` prints the result.\n"
            f"id: my-policy\ntitle: My organisation's policy\n"
            f"source: \"the law or decision this policy rests on\"\nextends: [{pack}]\n")
    if inherited:
        return head + f"# `{purpose}` comes from {pack}; edit it here, e.g. necessary: {{add: [...], remove: [...]}}\n"
    return head + (f"default_purpose: {purpose}\npurposes:\n  {purpose}:\n    title: {purpose}\n"
                   "    source: \"the law or decision that makes these fields necessary\"\n"
                   "    necessary: [identity.name, contact.phone]   # `formlint categories` lists ids\n"
                   "    retention:\n      max_days: 28\n      source: \"why answers may be kept this long\"\n")


def _write(path: Path, text: str) -> None:
    from formlint.atomic import write_text_atomic

    write_text_atomic(path, text)
