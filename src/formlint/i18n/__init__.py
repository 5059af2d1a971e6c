"""Message catalogues: every user-facing sentence formlint prints, in English and Chinese.

Catalogues are YAML package data (`en.yaml`, `zh.yaml`), flat maps from a message
id to a `str.format` template, validated by `i18n.schema.json` in the tests. Rules
and reporters name messages by id (`Msg`), so a finding is rendered in the
language chosen for the run. English rule documentation stays in each rule's
docstring; other languages carry `rule.CODE.doc` entries.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

LANGUAGES = ("en", "zh")
DEFAULT = "en"


class Msg(NamedTuple):
    """A message by id with its parameters, rendered later in the run's language."""

    id: str
    params: dict[str, Any]


def msg(message_id: str, **params: Any) -> Msg:
    return Msg(message_id, params)


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The first of LC_ALL, LC_MESSAGES, LANG that is set; zh_* means Chinese."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else DEFAULT
    return DEFAULT


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files(__package__).joinpath(f"{lang}.yaml").read_text("utf-8")
    data: dict[str, str] = yaml.load(text, Loader=loader)
    return data


def t(message_id: str, lang: str = DEFAULT, **params: Any) -> str:
    """The message in `lang`, falling back to English for an id not yet translated."""
    template = catalogue(lang).get(message_id)
    if template is None:
        template = catalogue(DEFAULT)[message_id]
    return template.format(**params)


def label(message_id: str, lang: str = DEFAULT) -> str:
    """A label with its separator: `help: ` in English, `建议：` in Chinese."""
    return t(message_id, lang) + t("report.separator", lang)


def render(text: str | Msg, lang: str = DEFAULT) -> str:
    return text if isinstance(text, str) else t(text.id, lang, **text.params)


def has(message_id: str, lang: str) -> bool:
    return message_id in catalogue(lang)
