"""`formlint init`: write a starter .formlint.yaml and a policy that extends a pack.

Asked interactively, it lists the choices first (the built-in policies, then the
chosen policy's purposes by domain) and asks again after a wrong answer. The
policy it writes holds the chosen purpose's real `necessary`, `optional` and
`alternatives` lists, ready to edit; a new purpose may start from the lists of one
of `general`'s purposes.

Files are never overwritten without --force, and each is written to a temporary
file in the same folder and moved into place, so an interrupted run leaves either
the old file or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import click

from formlint.cli.common import LANG_HELP, write_output
from formlint.message import msg

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.model import Policy, Purpose

CONFIG_NAME = ".formlint.yaml"
# Hidden, so that `formlint check .` does not try to read the policy as a form.
POLICY_NAME = ".formlint-policy.yaml"
DEFAULT_PACK = "general"
# Where a new purpose may copy its lists from.
TEMPLATES = "general"
NO_TEMPLATE = "none"
NEW_PURPOSE = "registration"
# The policy schema's pattern for purpose ids.
PURPOSE_ID = r"[a-z0-9][a-z0-9-]*"


@click.command("init")
@click.option("--pack", metavar="POLICY", help="Built-in policy to extend (e.g. general, pipl, gdpr). Default: general.")
@click.option("--purpose", metavar="PURPOSE", help="Purpose id your forms use: one of the pack's, or a new one.")
@click.option("--like", metavar="PURPOSE", help=f"For a new purpose: copy the lists of this purpose of `{TEMPLATES}`.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask; use the flags and defaults.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=Path("."), metavar="FOLDER",
              help="Folder to write the files in.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
def init(pack: Optional[str], purpose: Optional[str], like: Optional[str], yes: bool, force: bool,
         directory: Path, lang: Optional[str]) -> None:
    """Write .formlint.yaml and .formlint-policy.yaml (extending a built-in policy)."""
    from formlint.cli.common import resolve_lang

    language = resolve_lang(lang)
    config, policy_file = directory / CONFIG_NAME, directory / POLICY_NAME
    _refuse_existing([config, policy_file], force)
    try:
        pack, base = _choose_pack(pack, yes, language)
        purpose = _choose_purpose(base, purpose, yes, language)
        model = None if purpose is None else _choose_model(base, purpose, like, yes, language)
    except click.exceptions.Abort:
        from formlint.errors import UsageError

        raise UsageError(msg("usage.init_input_ended")) from None
    config_text = (f"# formlint configuration (see README, 'formlint init')\npolicy: {POLICY_NAME}\n"
                   + (f"purpose: {_scalar(purpose)}\n" if purpose else ""))
    _write_both([(policy_file, _policy_text(pack, purpose, base, model)), (config, config_text)], force)
    from formlint.escape import terminal
    from formlint.i18n import translate

    chosen = msg("init.chosen_purpose", purpose=purpose) if purpose else msg("init.no_purpose")
    wrote = msg("init.wrote", config=str(config), policy=str(policy_file), pack=pack, chosen=chosen)
    write_output(terminal(translate(wrote, language)) + "\n")


def _ask(question: str, default: str, check: Callable[[str], object]) -> str:
    """Ask until `check` accepts the answer; a wrong one is explained and asked again."""
    def accepted(answer: str) -> str:
        from formlint.cli.common import state
        from formlint.errors import FormlintError, UsageError

        try:
            check(answer.strip())
        except (FormlintError, UsageError) as exc:
            raise click.UsageError(exc.message_in(state.lang)) from None
        return answer.strip()

    answer: str = click.prompt(question, default=default, show_default=bool(default), value_proc=accepted)
    return answer


def _choose_pack(pack: Optional[str], yes: bool, lang: str) -> tuple[str, "Policy"]:
    from formlint.i18n import t
    from formlint.policy import load_policy

    if pack is None and not yes:
        write_output(_policy_menu(lang))
        pack = _ask(t("init.ask_policy", lang), DEFAULT_PACK, load_policy)
    pack = pack or DEFAULT_PACK
    return pack, load_policy(pack)


def _choose_purpose(base: "Policy", purpose: Optional[str], yes: bool, lang: str) -> Optional[str]:
    """The purpose id, or None: each form then names its own or is judged against
    the purpose formlint recognises."""
    from formlint.i18n import t

    only = next(iter(base.purposes)) if len(base.purposes) == 1 else None
    suggested = base.default_purpose or only or ("" if base.purposes else NEW_PURPOSE)
    if purpose is None and not yes:
        if base.purposes:
            write_output(_purpose_menu(base, lang))
        question = "init.ask_new_purpose" if not base.purposes else "init.ask_purpose" if suggested else "init.ask_any"
        purpose = _ask(t(question, lang), suggested, _check_purpose_answer)
    purpose = suggested if purpose is None else purpose
    if purpose == "" and base.purposes and suggested == "":
        return None
    _check_purpose_id(purpose)
    return purpose


def _choose_model(base: "Policy", purpose: str, like: Optional[str], yes: bool, lang: str) -> Optional["Purpose"]:
    """The purpose whose lists the policy file starts from: the chosen one when the
    pack has it, else a purpose of `general` named by --like or by the answer."""
    from formlint.i18n import t
    from formlint.policy import load_policy

    if purpose in base.purposes:
        return base.purposes[purpose]
    templates = load_policy(TEMPLATES)

    def known(answer: str) -> None:
        if answer != NO_TEMPLATE and answer not in templates.purposes:
            from formlint.errors import UsageError

            raise UsageError(msg("init.no_such_purpose", purpose=answer, policy=TEMPLATES, none=NO_TEMPLATE))

    if like is None and not yes:
        write_output(_purpose_menu(templates, lang))
        like = _ask(t("init.ask_like", lang, policy=TEMPLATES, none=NO_TEMPLATE), NO_TEMPLATE, known)
    like = like or NO_TEMPLATE
    known(like)
    return None if like == NO_TEMPLATE else templates.purposes[like]


def _policy_menu(lang: str) -> str:
    from formlint.escape import terminal_lines
    from formlint.i18n import t
    from formlint.policy import builtin_names, load_policy

    policies = [load_policy(name) for name in builtin_names()]
    width = max(len(p.id) for p in policies)
    lines = [f"  {p.id:<{width}}  {p.title_in(lang)}" + (f" ({t('init.purposes', lang, count=len(p.purposes))})"
                                                 if p.purposes else "") for p in policies]
    return terminal_lines("\n".join([t("init.policies", lang), *lines]) + "\n")


def _purpose_menu(policy: "Policy", lang: str) -> str:
    from formlint.cli.purposes import by_domain
    from formlint.escape import terminal_lines
    from formlint.i18n import t

    width = max(len(pid) for pid in policy.purposes)
    lines = [t("init.purposes_of", lang, policy=policy.id)]
    for domain, members in by_domain(policy, lang):
        lines += [f"  [{domain}]"] if domain else []
        lines += [f"    {p.id:<{width}}  {p.title_in(lang)}" for p in members]
    return terminal_lines("\n".join(lines) + "\n")


def _check_purpose_answer(answer: str) -> None:
    """An empty answer keeps the suggested purpose; anything else must be a purpose id."""
    if answer:
        _check_purpose_id(answer)


def _check_purpose_id(purpose: str) -> None:
    """The policy schema's purpose id: what `check` will accept in the files."""
    import re

    from formlint.errors import UsageError

    if not re.fullmatch(PURPOSE_ID, purpose):
        raise UsageError(msg("usage.purpose_id", purpose=purpose))


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
            raise ConfigError(str(path), msg("error.exists_overwrite"))


def _policy_text(pack: str, purpose: Optional[str], base: "Policy", model: Optional["Purpose"]) -> str:
    """The policy file: a head naming the pack, then the purpose with its lists."""
    from formlint.escape import visible

    shown = visible(pack)  # a file name with a line break must not end the comment
    head = (f"# Your policy: built on `{shown}`. `formlint policies show {POLICY_NAME}` prints the result.\n"
            f"id: my-policy\ntitle: My organisation's policy\n"
            f"source: \"the law or decision this policy rests on\"\nextends: [{_scalar(pack)}]\n")
    if purpose is None:
        return head + ("# No purpose chosen: a form that declares none is judged against the purpose formlint\n"
                       "# recognises (`formlint check --purpose auto`). To judge every form against one, add:\n"
                       f"# default_purpose: {next(iter(base.purposes), NEW_PURPOSE)}\n")
    inherited = purpose in base.purposes
    body = [f"default_purpose: {_scalar(purpose)}", "purposes:", f"  {_scalar(purpose)}:"]
    if inherited:
        body.append(f"    # From {shown}: edit the lists below; `formlint categories` lists the ids.")
    else:
        body += [f"    title: {_scalar(purpose)}", "    source: \"the law or decision that makes these fields necessary\""]
        body.append(f"    # Copied from {TEMPLATES}'s `{model.id}`; edit the lists below." if model else
                    "    # List the categories this purpose needs; `formlint categories` lists the ids.")
    body += _lists(model)
    if not inherited:
        body += _retention(model)
    return head + "\n".join(body) + "\n"


def _lists(model: Optional["Purpose"]) -> list[str]:
    """`necessary`, `optional` and `alternatives` as flow lists, sorted."""
    necessary = sorted(model.necessary) if model else []
    lines = [f"    necessary: [{', '.join(necessary)}]"]
    if model and model.optional:
        lines.append(f"    optional: [{', '.join(sorted(model.optional))}]")
    if model and model.alternatives:
        lines += ["    alternatives:   # one category of each group is necessary",
                  *(f"      - [{', '.join(sorted(group))}]" for group in model.alternatives)]
    return lines


def _retention(model: Optional["Purpose"]) -> list[str]:
    import json

    if model is None or model.max_days is None:
        return ["    # retention: {max_days: 30, source: \"why answers may be kept this long\"}"]
    reason = "; ".join(model.retention_source) or "why answers may be kept this long"
    return ["    retention:", f"      max_days: {model.max_days}",
            f"      source: {json.dumps(reason, ensure_ascii=False)}"]


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
                raise ConfigError(str(path), msg("error.exists_overwrite")) from None
            except OSError as exc:
                raise UsageError(msg("usage.cannot_write", path=str(path), reason=exc.strerror or str(exc))) from None
            if not existed:
                created.append(path)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
