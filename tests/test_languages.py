"""Language packs: each folder is a complete language, and a new folder is a new one."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import jsonschema
import pytest
import snowballstemmer
import yaml

from formlint.classify import classify
from formlint.formats._languages import language_code
from formlint.languages import (
    LEXICON_FILE,
    PACK_FILE,
    load_pack,
    pack_codes,
    parse_pack,
    raw_pack_text,
    script_language,
)
from formlint.languages import notice
from formlint.languages.detect import detect_language
from formlint.model import Field, Notice
from formlint.notice import analyse_notice
from formlint.taxonomy import load_taxonomy, parse_taxonomy, raw_taxonomy_text

SHIPPED = {
    "en", "zh", "es", "pt", "fr", "de", "it", "nl", "nb", "da", "sv", "fi", "pl",
    "ru", "tr", "ar", "hi", "id", "ms", "vi", "ja", "ko", "sw",
}
EXAMPLES_FILE = "examples.yaml"


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("formlint.schemas").joinpath(name).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _data(code: str, file_name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(raw_pack_text(code, file_name))
    return data


def _examples() -> list[Any]:
    return [
        pytest.param(code, example, id=f"{code}-{example.get('label') or example['key']}")
        for code in pack_codes()
        for example in _data(code, EXAMPLES_FILE)["examples"]
    ]


def test_the_packs_listed_are_the_folders_shipped() -> None:
    assert set(pack_codes()) == SHIPPED


@pytest.mark.parametrize(
    "schema_name",
    ["language-pack.schema.json", "lexicon.schema.json", "language-examples.schema.json",
     "notice-patterns.schema.json"],
)
def test_pack_schemas_are_valid_draft_2020_12(schema_name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(_schema(schema_name))


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_every_pack_is_complete(code: str) -> None:
    pack_data = _data(code, PACK_FILE)
    jsonschema.Draft202012Validator(_schema("language-pack.schema.json")).validate(pack_data)
    lexicon = _data(code, LEXICON_FILE)
    jsonschema.Draft202012Validator(_schema("lexicon.schema.json")).validate(lexicon)
    examples = _data(code, EXAMPLES_FILE)
    jsonschema.Draft202012Validator(_schema("language-examples.schema.json")).validate(examples)
    assert pack_data["code"] == code
    taxonomy = load_taxonomy()
    # Every category has a phrase in every language, and the lexicon names no other ids.
    assert set(lexicon["terms"]) == set(taxonomy.ids())
    for table in ("not", "weak", "options"):
        assert set(lexicon.get(table) or {}) <= set(taxonomy.ids()), table
    pack = load_pack(code)
    if pack.stemmer is not None:
        assert pack.stemmer in snowballstemmer.algorithms()
    for name in pack.header_names:
        assert language_code(name) == code, name


@pytest.mark.parametrize("code,example", _examples())
def test_every_pack_example_classifies_as_its_reviewer_said(
    code: str, example: dict[str, Any]
) -> None:
    field = Field(
        key=example.get("key", "q"),
        label={code: example["label"]} if "label" in example else {},
        type=example.get("type"),
        options=tuple(example.get("options", ())),
        section=tuple(example.get("section", ())),
    )
    assert classify(field).category == example["category"]


@pytest.mark.parametrize(
    "text,code",
    [("생년월일", "ko"), ("お名前をご記入ください", "ja"), ("出生日期", "zh"), ("Дата рождения", "ru"),
     ("تاريخ الميلاد", "ar"), ("जन्म तिथि", "hi"), ("Date of birth", None), ("12345", None)],
)
def test_a_script_only_one_pack_uses_names_the_language(text: str, code: str | None) -> None:
    assert script_language(text) == code


def test_adding_a_language_is_adding_its_pack() -> None:
    """An Esperanto pack, as its folder's two files would hold it, makes Esperanto
    labels classify: nothing else in formlint names the languages."""
    pack = parse_pack(
        {
            "code": "eo", "name": "Esperanto", "native": "Esperanto", "script": "latin",
            "header_names": ["esperanto"], "stemmer": None, "compounds": False,
            "numbers": ["unu", "du"], "units": ["kilogramo"], "example_markers": ["ekzemple"],
        },
        {"terms": {"identity.date_of_birth": ["naskiĝdato"], "contact.phone": ["telefonnumero"]}},
    )
    taxonomy = parse_taxonomy(yaml.safe_load(raw_taxonomy_text()), [pack])
    assert "eo" in taxonomy.languages
    field = Field(key="q", label={"eo": "Naskiĝdato"})
    assert classify(field, taxonomy).category == "identity.date_of_birth"
    assert classify(field, parse_taxonomy(yaml.safe_load(raw_taxonomy_text()))).category == "unknown"


# ------------------------------------------------------------ reading a notice


NOTICE_LANGUAGES = {"en", "zh", "es", "pt", "fr", "de"}


def test_the_languages_that_read_notices_are_the_packs_with_a_notice_file() -> None:
    packs = notice.notice_packs()
    assert {pack.code for pack in packs} == NOTICE_LANGUAGES
    # English, then Chinese, then the others: the order first matches are decided in.
    assert [pack.code for pack in packs][:2] == ["en", "zh"]
    assert len({pack.order for pack in packs}) == len(packs)


@pytest.mark.parametrize("code", sorted(NOTICE_LANGUAGES))
def test_every_notice_file_matches_its_schema_and_compiles(code: str) -> None:
    data = _data(code, notice.NOTICE_FILE)
    jsonschema.Draft202012Validator(_schema("notice-patterns.schema.json")).validate(data)
    pack = notice.parse_notice_pack(code, data)
    for concept in _NOTICE_CONCEPTS:
        for source in pack.words(*concept):
            re.compile(source.replace("{clause_after_colon}", "").replace("{clause}", "").replace("{to}", "to"))


_NOTICE_CONCEPTS = [
    ("retention", key) for key in ("context", "not_before", "not_after", "since", "onset", "not_indefinite",
                                   "deleted", "manner", "for_good", "for_good_before", "indefinite", "vague",
                                   "criteria", "after", "ended")
] + [("purpose", key) for key in ("other_use_denied", "only_use", "statement")] + [
    ("recipients", key) for key in ("named", "verbs", "to", "verb_last", "negation", "none", "except", "stop",
                                    "separators", "not_a_recipient")
] + [("controller",), ("rights",), ("separate_consent",), ("publication",), ("publication_denied",)]


ITALIAN_NOTICE = {
    "order": 7, "accents_optional": True, "phrases_start_words": True,
    "retention": {"context": [r"conserv\w*", r"cancell\w*"]},
    "durations": {"numbers": {"trenta": 30}, "units": {"day": ["giorni", "giorno"]}},
    "purpose": {"statement": [r"(?:al\s+fine\s+di|finalità\s*:)"]},
    "recipients": {"verbs": [r"comunicat[ie]"], "to": ["al", "alla"], "negation": [r"\bnon\b"]},
}


def test_adding_notice_reading_for_a_language_is_adding_its_notice_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """An Italian notice.yaml, added to the shipped ones, makes Italian notices read:
    nothing else in formlint names the languages whose notices it reads."""
    text = "I dati saranno conservati per trenta giorni al fine di tracciare i contatti e comunicati al Comune."
    assert analyse_notice(Notice(text=text)).retention.days is None
    shipped = notice.notice_packs()
    italian = notice.parse_notice_pack("it", ITALIAN_NOTICE)
    jsonschema.Draft202012Validator(_schema("notice-patterns.schema.json")).validate(ITALIAN_NOTICE)
    _forget_notice_patterns()
    monkeypatch.setattr(notice, "notice_packs", lambda: (*shipped, italian))
    try:
        facts = analyse_notice(Notice(text=text))
        assert facts.retention.days == 30
        assert facts.purpose is not None and facts.purpose.startswith("al fine di tracciare")
        assert facts.recipients == ("Comune",)
    finally:
        _forget_notice_patterns()


def _forget_notice_patterns() -> None:
    from formlint import notice as reading

    for cached in (notice.pattern, notice.recipient_patterns, notice._to, notice._numerals, notice._units,
                   notice._any_unit, notice._duration, reading._remembered):
        cached.cache_clear()


def test_packs_are_parsed_once_per_process() -> None:
    assert load_pack("nl") is load_pack("nl")


def test_an_unshipped_language_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        load_pack("xx")


def test_regenerating_the_pinyin_table_gives_the_committed_file() -> None:
    pytest.importorskip("pypinyin")
    from conftest import load_tool

    assert load_tool("build_romanised").current() == raw_pack_text("zh", "romanised.yaml")


def test_the_pinyin_table_matches_its_schema() -> None:
    data = _data("zh", "romanised.yaml")
    jsonschema.Draft202012Validator(_schema("romanised.schema.json")).validate(data)
    assert set(category for category, _ in data["spellings"].values()) <= set(load_taxonomy().ids())


# ------------------------------------------------------------ telling a text's language


@pytest.mark.parametrize(
    "texts,code",
    [
        (["Wat is uw naam?", "Heeft u kinderen?"], "nl"),
        (["Mikä on nimesi?", "Onko sinulla lapsia?"], "fi"),
        (["Je kaya yako ina watoto wangapi?"], "sw"),
        (["Wie ist Ihr Name?", "Haben Sie Kinder?"], "de"),
        (["¿Cuál es su nombre?", "¿Tiene hijos?"], "es"),
        (["Quel est votre nom ?", "Avez-vous des enfants ?"], "fr"),
        (["What is your name?", "Do you have children?"], "en"),
        (["Hvad er dit navn?", "Hvornår er du født?"], "da"),
        (["Hva er navnet ditt?", "Når er du født?"], "nb"),
        (["姓名", "联系电话"], "zh"),
        (["이름", "전화번호"], "ko"),
    ],
)
def test_a_text_s_words_or_script_tell_its_language(texts: list[str], code: str) -> None:
    assert detect_language(texts) == code


def test_capitals_without_accents_still_tell_the_language() -> None:
    assert detect_language(["NOMBRE", "PRIMER APELLIDO o SIGLA", "DIRECCION", "TELEFONO"]) == "es"


@pytest.mark.parametrize("texts", [[], ["12345"], ["Email"], ["ID", "OK"]])
def test_too_few_words_say_no_language(texts: list[str]) -> None:
    assert detect_language(texts) is None


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_every_pack_s_function_words_tell_its_own_language(code: str) -> None:
    """A pack's own commonest words name it (or, for the close pairs id/ms and
    da/nb, at least not some unrelated language)."""
    pack = load_pack(code)
    close = {"id": "ms", "ms": "id", "da": "nb", "nb": "da"}
    assert detect_language([" ".join(pack.function_words)]) in {code, close.get(code, code)}


def test_a_label_in_another_language_than_english_matches_only_its_own_pack() -> None:
    # Finnish "asunto" (flat) is a Spanish subject line; Danish "børn" is no English "born".
    assert classify(Field(key="q", label={"es": "Asunto"})).category == "content.free_text"
    assert classify(Field(key="q", label={"nl": "Asunto"})).category == "unknown"


def test_a_key_is_read_in_its_form_s_languages_and_english() -> None:
    # Danish "land" (country) is no address in an English form's `till_land`.
    labels = {"en": "Did your household till the field?"}
    assert classify(Field(key="till_land", label=labels)).category != "contact.address"
    # Without labels the key's language is unknown: any pack may read it.
    assert classify(Field(key="till_land", label={})).category == "contact.address"


@pytest.mark.parametrize("text,category", [
    ("社区活动", "unknown"), ("社区名称", "contact.address"), ("所在社区：", "contact.address"),
    ("学校活动", "unknown"), ("您的手机号是多少", "contact.phone"), ("身高体重", "health.body_measurements"),
])
def test_a_chinese_phrase_is_what_is_asked_only_where_its_word_ends(text: str, category: str) -> None:
    assert classify(Field(key="q", label={"zh": text})).category == category


def test_a_label_in_another_language_is_stemmed_in_that_language_only() -> None:
    # Dutch "partner" is no English "partners" (sex life); "IBAN" still matches as written.
    assert classify(Field(key="q", label={"nl": "IBAN van partner"})).category == "financial.account"
    assert classify(Field(key="q", label={"en": "Number of sexual partners"})).category == "special.sex_life"
