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
# The policy schema's pattern for purpose ids.
PURPOSE_ID = r"[a-z0-9][a-z0-9-]*"


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
    if purpose is None:
        purpose = suggested if yes else click.prompt("Purpose id", default=suggested)
    _check_purpose_id(purpose)
    config_text = (f"# formlint configuration (see README, 'formlint init')\n"
                   f"policy: {POLICY_NAME}\npurpose: {purpose}\n")
    _write_both([(policy_file, _policy_text(pack, purpose, purpose in base.purposes)), (config, config_text)], force)
    from formlint.escape import terminal

    write_output(terminal(f"wrote {config} and {policy_file} (extends {pack}, purpose {purpose})") + "\n")


def _check_purpose_id(purpose: str) -> None:
    """The policy schema's purpose id: what `check` will accept in the files."""
    import re

    from formlint.errors import UsageError

    if not re.fullmatch(PURPOSE_ID, purpose):
        raise UsageError(f"--purpose {purpose!r} is not a purpose id: use lowercase letters, digits and "
                         "hyphens, starting with a letter or digit (e.g. return-to-community)")


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as the string `value`: plain when it is a
    name or a simple path, else a JSON string (a YAML double-quoted scalar), so a
    pack path holding `: `, `#` or a quote stays one string."""
    import json
    import re

    if re.fullmatch(r"[A-Za-z][A-Za-z0-9._/-]*", value) and value.lower() not in ("yes", "no", "on", "off",
                                                                                  "true", "false", "null", "y", "n"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _refuse_existing(paths: list[Path], force: bool) -> None:
    from formlint.errors import ConfigError

    for path in paths:
        if path.exists() and not force:
            raise ConfigError(str(path), "already exists; pass --force to overwrite it")


def _policy_text(pack: str, purpose: str, inherited: bool) -> str:
    from formlint.escape import visible

    shown = visible(pack)  # a file name with a line break must not end the comment
    head = (f"# Your policy: built on `{shown}`. `formlint policies show {POLICY_NAME}` prints the result.\n"
            f"id: my-policy\ntitle: My organisation's policy\n"
            f"source: \"the law or decision this policy rests on\"\nextends: [{_scalar(pack)}]\n")
    if inherited:
        return head + f"# `{purpose}` comes from {shown}; edit it here, e.g. necessary: {{add: [...], remove: [...]}}\n"
    return head + (f"default_purpose: {purpose}\npurposes:\n  {purpose}:\n    title: {purpose}\n"
                   "    source: \"the law or decision that makes these fields necessary\"\n"
                   "    necessary: [identity.name, contact.phone]   # `formlint categories` lists ids\n"
                   "    retention:\n      max_days: 28\n      source: \"why answers may be kept this long\"\n")


def _write_both(files: list[tuple[Path, str]], force: bool) -> None:
    """Each file whole, created exclusively unless --force; a failure (a file that
    appeared meanwhile, a read-only folder, a signal) removes what this run created."""
    from formlint.atomic import write_text_atomic
    from formlint.errors import ConfigError, UsageError

    created: list[Path] = []
    try:
        for path, text in files:
            existed = path.exists()
            try:
                write_text_atomic(path, text, exclusive=not force)
            except FileExistsError:
                raise ConfigError(str(path), "already exists; pass --force to overwrite it") from None
            except OSError as exc:
                raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
            if not existed:
                created.append(path)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
