"""Message catalogues: every user-facing sentence formlint prints, in English and Chinese.

Catalogues are YAML package data (`en.yaml`, `zh.yaml`), flat maps from a message
id to a `str.format` template, validated by `i18n.schema.json` in the tests. Rules
name messages by id (`Message`, built with `msg`) and only reporters translate
them, once, into the language chosen for the run. English rule documentation
stays in each rule's docstring; other languages carry `rule.CODE.doc` entries.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Callable, TypeVar

from formlint.message import Law, Localised, Message, Param, msg as msg  # rules and reporters name messages through i18n

_T = TypeVar("_T")

LANGUAGES = ("en", "zh")
DEFAULT = "en"
# Parts of a finding's law are joined with this in every language: citations are
# not translated.
LAW_SEPARATOR = "; "


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
    from formlint.bundle import data_file

    data: dict[str, str] = data_file(f"i18n/{lang}.yaml")
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


def translate(text: str | Message, lang: str = DEFAULT) -> str:
    """A message in `lang`, its parameters rendered first; a citation parameter names
    the law as readers of `lang` know it."""
    if isinstance(text, str):
        return cited(text, lang)
    return _once(_translated, _translate_message, text, lang)


def _once(cached: Callable[[_T, str], str], plain: Callable[[_T, str], str], value: _T, lang: str) -> str:
    """`cached(value, lang)`, or `plain` for a value that cannot be a cache key (a
    parameter no formlint rule makes, such as a list)."""
    try:
        return cached(value, lang)
    except TypeError:
        return plain(value, lang)


# Findings of one rule repeat their message, help and law parts from form to form,
# and the catalogues do not change during a run: each distinct message is
# translated once per language.
@lru_cache(maxsize=8192)
def _translated(message: Message, lang: str) -> str:
    return _translate_message(message, lang)


def _translate_message(message: Message, lang: str) -> str:
    return t(message.id, lang, **{name: _param(value, lang) for name, value in message.params})


def cited(text: str, lang: str) -> str:
    """Text with every citation in it ("PIPL Art. 28") in `lang`'s usual form."""
    if lang != "zh":
        return text
    from formlint.i18n.laws import zh_citation

    return zh_citation(text)


def _param(value: Param, lang: str) -> str | int:
    if isinstance(value, Message):
        return translate(value, lang)
    if isinstance(value, Localised):
        return cited(value.in_lang(lang), lang)
    if isinstance(value, tuple):
        return t("report.list_separator", lang).join(translate(part, lang) for part in value)
    return cited(value, lang) if isinstance(value, str) else value


def translate_law(law: Law, lang: str = DEFAULT) -> str:
    """The law line: each citation once, in `lang`'s usual form. A citation that
    another part of the line already cites ("PIPL Art. 6" beside a purpose basis
    naming "PIPL Art. 6, 13(4)") is replaced by that part. Findings of one rule and
    purpose share their law, so each distinct line is built once."""
    return _once(_law_line, _joined_law, law, lang)


@lru_cache(maxsize=4096)
def _law_line(law: Law, lang: str) -> str:
    return _joined_law(law, lang)


def _joined_law(law: Law, lang: str) -> str:
    parts = list(dict.fromkeys(translate(part, lang) for part in law))
    # The part citing it takes the place of the citation it repeats, so the line keeps its order.
    kept = dict.fromkeys(next((other for other in parts if other != part and _cites(other, part)), part)
                         for part in parts)
    return (t("report.law_separator", lang) if has("report.law_separator", lang) else LAW_SEPARATOR).join(kept)


def _cites(text: str, citation: str) -> bool:
    """Whether `citation` occurs in `text` as a whole reference: not followed by a
    digit or a decimal point ("PIPL Art. 6" is not cited by "PIPL Art. 61")."""
    start = text.find(citation)
    while start >= 0:
        after = text[start + len(citation): start + len(citation) + 1]
        if not (after.isdigit() or after == "." and text[start + len(citation) + 1:][:1].isdigit()):
            return True
        start = text.find(citation, start + 1)
    return False


def has(message_id: str, lang: str) -> bool:
    return message_id in catalogue(lang)
