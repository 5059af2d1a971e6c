"""What the page does with one upload: check it in memory under the chosen policy,
purpose and language, and return the HTML report, JSON and SARIF, or one error line.

Nothing here imports a web framework, so it is tested like the rest of formlint.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from formlint.errors import FormError, FormlintError, UsageError
from formlint.model import MAX_FILE_SIZE, Policy, Report
from formlint.message import msg

AS_DECLARED = ""  # the purpose the form declares, else the policy's default
RECOGNISE = "recognise"  # the purpose formlint recognises from the form (formlint.recognise)
SAMPLES = ("qingdao-property-return.yaml", "beijing-wechat-group-return.yaml", "venue-check-in-minimal.yaml")
MAX_NAME = 200


@dataclass(frozen=True)
class ServerSetup:
    """What `formlint serve` was started with."""

    policies: dict[str, Policy] = field(default_factory=dict)  # id -> policy, in menu order
    default_policy: str = ""
    lang: str = "en"
    max_size: int = MAX_FILE_SIZE


@dataclass(frozen=True)
class Pick:
    """What the person picked on the page for one check."""

    name: str
    policy: str
    purpose: str = AS_DECLARED
    lang: str = "en"


def server_setup(policy_refs: tuple[str, ...], lang: str, max_size: int) -> ServerSetup:
    """The policy named on the command line (several combine, as for `check`) first,
    then every built-in policy that has purposes; the first is the page's default."""
    from formlint.policy import DEFAULT_POLICY, builtin_names, load_policy

    named = load_policy(policy_refs) if policy_refs else None
    if named is not None and not named.purposes:
        from formlint.policy import purposes_hint

        raise UsageError(purposes_hint(named))
    policies: dict[str, Policy] = {}
    for policy in (*([named] if named else []), *(load_policy(n) for n in builtin_names())):
        if policy.purposes and policy.id not in policies:
            policies[policy.id] = policy
    return ServerSetup(policies, named.id if named else DEFAULT_POLICY, lang, max_size)


def safe_name(raw: str) -> str:
    """The upload's base name without control characters, or `form` when none is left."""
    base = os.path.basename(raw.replace("\\", "/"))
    clean = "".join(c for c in base if unicodedata.category(c)[0] != "C")[:MAX_NAME]
    return clean.strip() or "form"


def too_large(name: str, size: int, limit: int, lang: str) -> str:
    return FormError(name, msg("error.input_too_large", size=size, limit=limit)).line_in(lang)


def check_upload(raw: bytes, pick: Pick, setup: ServerSetup) -> dict[str, Any]:
    """{"ok": True, report, json, sarif, summary[, recognition]} or {"ok": False, "error": line}."""
    from formlint.pipeline import AUTO, check_source
    from formlint.settings import FileSettings

    policy = setup.policies.get(pick.policy)
    if policy is None:
        unknown = UsageError(msg("usage.unknown_policy", policy=pick.policy))
        return {"ok": False, "error": f"formlint: error: {unknown.message_in(pick.lang)}"}
    purpose = AUTO if pick.purpose == RECOGNISE else (pick.purpose or None)
    try:
        report = check_source(pick.name, raw, FileSettings(policy=policy, purpose=purpose, max_size=setup.max_size))
    except FormlintError as exc:
        return {"ok": False, "error": exc.line_in(pick.lang)}
    if report.errors:
        return {"ok": False, "error": report.errors[0].line_in(pick.lang)}
    answer = {"ok": True, **outputs(report, policy, pick.lang)}
    if pick.purpose == RECOGNISE:
        answer["recognition"] = recognition_text(report, pick.lang)
    return answer


def recognition_text(report: Report, lang: str) -> str:
    """What recognition found and, when the form names no purpose, whether it was used."""
    from formlint.recognise import explain

    result = report.results[0]
    return explain(result.recognition, lang) if result.recognition is not None else ""


def outputs(report: Report, policy: Policy, lang: str) -> dict[str, str]:
    from formlint.reporters import RenderOptions, renderer
    from formlint.reporters.text import summary

    options = RenderOptions(policy, lang=lang)
    return {"summary": summary(report, lang), "report": renderer("html")(report, options),
            "json": renderer("json")(report, options), "sarif": renderer("sarif")(report, options)}


@lru_cache(maxsize=None)
def sample_text(name: str) -> str | None:
    if name not in SAMPLES:
        return None
    return resources.files(__package__).joinpath("samples", name).read_text("utf-8")
