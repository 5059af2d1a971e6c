"""The built-in taxonomy: its data is valid and consistent, and its API behaves."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from formlint.classify import _WORD, classify, normalise
from formlint.model import Field
from formlint.taxonomy import (
    Category,
    Taxonomy,
    load_taxonomy,
    parse_taxonomy,
    raw_taxonomy_text,
)

REQUIRED_IDS = [
    "identity.name",
    "identity.government_id",
    "identity.date_of_birth",
    "identity.age",
    "identity.sex",
    "identity.nationality",
    "identity.residence_status",
    "identity.photo",
    "identity.signature",
    "identity.vehicle",
    "contact.phone",
    "contact.email",
    "contact.messaging_id",
    "contact.address",
    "contact.emergency_contact",
    "location.precise",
    "location.travel_history",
    "health.condition",
    "health.vaccination",
    "health.blood_type",
    "health.body_measurements",
    "health.disability",
    "biometric.data",
    "special.ethnicity",
    "special.religion",
    "special.political",
    "special.trade_union",
    "special.sex_life",
    "special.criminal_record",
    "social.marital_status",
    "social.education",
    "social.occupation",
    "social.household",
    "financial.account",
    "financial.income",
    "financial.property",
    "online.device_id",
    "online.credentials",
    "event.visit_time",
    "event.party_size",
    "event.visit_details",
    "content.free_text",
    "consent.acknowledgement",
    "none",
]

# The same spelling meaning different things in different languages. A label tagged
# with its language picks the right one; an untagged key gets the earlier category.
KNOWN_HOMOGRAPHS = {
    "firma",  # es signature, de company
    "lon",  # en longitude, sv lön (salary)
    "asunto",  # es subject (of a message), fi flat
    "pincode",  # en (Indian) postal code, nl PIN code
}

ID_PATTERN = re.compile(r"^(none|[a-z][a-z_]*\.[a-z][a-z_]*)$")


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(raw_taxonomy_text())
    return data


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _schema() -> dict[str, Any]:
    text = (
        resources.files("formlint.schemas")
        .joinpath("taxonomy.schema.json")
        .read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def _spelling(term: str) -> str:
    """How the classifier sees a term: normalised, punctuation and spacing folded."""
    return " ".join(_WORD.findall(normalise(term)))


def _all_terms(taxonomy: Taxonomy) -> list[tuple[Category, str, str]]:
    return [
        (c, lang, t) for c in taxonomy for lang, terms in c.terms.items() for t in terms
    ]


def _params(rows: list[tuple[Category, str, str]]) -> list[Any]:
    return [pytest.param(c, lang, t, id=f"{c.id}-{lang}-{t}") for c, lang, t in rows]


# ------------------------------------------------------------------------- the data


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(_schema())


def test_yaml_validates_against_schema(raw: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(_schema()).validate(raw)


def test_schema_rejects_unknown_regime(raw: dict[str, Any]) -> None:
    bad = json.loads(json.dumps(raw))
    bad["categories"][0]["sensitive"] = {"hipaa": "45 CFR 164"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_schema()).validate(bad)


def test_ids_are_group_item_and_unique(raw: dict[str, Any]) -> None:
    ids = [c["id"] for c in raw["categories"]]
    assert [i for i in ids if not ID_PATTERN.match(i)] == []
    assert len(ids) == len(set(ids))


def test_required_ids_present(taxonomy: Taxonomy) -> None:
    assert sorted(set(REQUIRED_IDS) - set(taxonomy.ids())) == []


def test_every_category_has_en_and_zh_name_and_description(taxonomy: Taxonomy) -> None:
    for category in taxonomy:
        for texts in (category.name, category.description):
            assert texts.get("en", "").strip(), category.id
            assert re.search(r"[\u4e00-\u9fff]", texts.get("zh", "")), category.id


def test_every_category_has_en_and_zh_terms(taxonomy: Taxonomy) -> None:
    # Even `none` and `content.free_text` have terms (quantity, 备注), so no exceptions.
    missing = [
        (c.id, lang) for c in taxonomy for lang in ("en", "zh") if not c.terms.get(lang)
    ]
    assert missing == []


def test_no_term_in_two_categories_in_the_same_language(taxonomy: Taxonomy) -> None:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for category, lang, term in _all_terms(taxonomy):
        owners[(lang, _spelling(term))].add(category.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_cross_language_homographs_are_only_the_known_ones(taxonomy: Taxonomy) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for category, _, term in _all_terms(taxonomy):
        owners[_spelling(term)].add(category.id)
    assert {t for t, ids in owners.items() if len(ids) > 1} == KNOWN_HOMOGRAPHS


def test_no_duplicate_spellings_within_a_list(taxonomy: Taxonomy) -> None:
    for category in taxonomy:
        for lang, terms in category.terms.items():
            spellings = [_spelling(t) for t in terms]
            assert len(spellings) == len(set(spellings)), (category.id, lang)


def test_autocomplete_tokens_and_types_belong_to_one_category(
    taxonomy: Taxonomy,
) -> None:
    for attribute in ("autocomplete", "types", "decisive_types"):
        tokens = [t for c in taxonomy for t in getattr(c, attribute)]
        assert len(tokens) == len(set(tokens)), attribute


def test_zh_lists_carry_traditional_forms(taxonomy: Taxonomy) -> None:
    zh = {t for c in taxonomy for t in c.terms.get("zh", ())}
    for simplified, traditional in [
        ("身份证号", "身份證號"),
        ("电话", "電話"),
        ("体温", "體溫"),
    ]:
        assert {simplified, traditional} <= zh


@pytest.mark.parametrize("category,lang,term", _params(_all_terms(load_taxonomy())))
def test_every_term_alone_classifies_as_its_category(
    category: Category, lang: str, term: str
) -> None:
    result = classify(Field(key="q", label={lang: term}))
    assert (result.category, result.confidence) == (category.id, 0.9)


def _vetoes(taxonomy: Taxonomy) -> list[tuple[Category, str, str]]:
    return [
        (c, lang, t) for c in taxonomy for lang, ts in c.not_terms.items() for t in ts
    ]


@pytest.mark.parametrize("category,lang,phrase", _params(_vetoes(load_taxonomy())))
def test_every_veto_phrase_keeps_its_category_away(
    category: Category, lang: str, phrase: str
) -> None:
    assert classify(Field(key="q", label={lang: phrase})).category != category.id


# ------------------------------------------------------------------- sensitivity


@pytest.mark.parametrize(
    "category_id,regime,article",
    [
        ("health.condition", "gdpr", "Art. 9(1)"),
        ("health.blood_type", "pipl", "Art. 28"),
        ("biometric.data", "ccpa", "1798.140(ae)(2)(A)"),
        ("special.ethnicity", "gdpr", "Art. 9(1)"),
        ("special.political", "pipl", "特定身份"),
        ("special.criminal_record", "gdpr", "Art. 10"),
        ("identity.government_id", "gdpr", "Art. 87"),
        ("identity.government_id", "ccpa", "1798.140(ae)(1)(A)"),
        ("location.precise", "pipl", "行踪轨迹"),
        ("location.travel_history", "pipl", "行踪轨迹"),
        ("financial.account", "pipl", "金融账户"),
        ("social.marital_status", "pipl", "婚史"),
        ("online.credentials", "ccpa", "1798.140(ae)(1)(B)"),
    ],
)
def test_sensitive_citations(category_id: str, regime: str, article: str) -> None:
    assert article in load_taxonomy().get(category_id).sensitive[regime]


@pytest.mark.parametrize(
    "category_id,regime",
    [
        ("identity.name", "gdpr"),
        ("contact.phone", "pipl"),
        ("special.political", "ccpa"),  # CCPA lists no political opinions
        ("location.precise", "gdpr"),  # not an Art. 9 category
        ("event.party_size", "pipl"),
    ],
)
def test_not_sensitive(category_id: str, regime: str) -> None:
    assert regime not in load_taxonomy().get(category_id).sensitive


def test_citations_name_their_regime(taxonomy: Taxonomy) -> None:
    # Findings print a citation as is, so it must say which law it comes from.
    label = {
        "gdpr": "GDPR ",
        "pipl": "PIPL ",
        "ccpa": "CCPA Cal. Civ. Code 1798.140(ae)",
    }
    wrong = [
        (c.id, regime)
        for c in taxonomy
        for regime, citation in c.sensitive.items()
        if not citation.startswith(label[regime])
    ]
    assert wrong == []


def test_every_special_and_health_category_is_gdpr_sensitive(
    taxonomy: Taxonomy,
) -> None:
    ids = [
        *taxonomy.expand("special.*"),
        *taxonomy.expand("health.*"),
        "biometric.data",
    ]
    assert [i for i in ids if "gdpr" not in taxonomy.get(i).sensitive] == []


# ---------------------------------------------------------------------------- API


def test_load_taxonomy_is_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_get_and_contains(taxonomy: Taxonomy) -> None:
    assert taxonomy.get("health.blood_type").name["zh"] == "血型"
    assert taxonomy.get("health.blood_type").group == "health"
    assert "contact.phone" in taxonomy
    assert "contact.fax" not in taxonomy


def test_get_unknown_raises_key_error_with_hint(taxonomy: Taxonomy) -> None:
    with pytest.raises(KeyError, match="did you mean 'health.blood_type'"):
        taxonomy.get("health.bloodtype")


def test_ids_keep_yaml_order(taxonomy: Taxonomy, raw: dict[str, Any]) -> None:
    assert taxonomy.ids() == tuple(c["id"] for c in raw["categories"])


def test_expand_group(taxonomy: Taxonomy) -> None:
    assert set(taxonomy.expand("event.*")) == {
        "event.visit_time",
        "event.party_size",
        "event.visit_details",
    }


def test_expand_single_id(taxonomy: Taxonomy) -> None:
    assert taxonomy.expand("contact.email") == ("contact.email",)


@pytest.mark.parametrize("pattern", ["contact.fax", "nothing.*", "contact"])
def test_expand_unknown_raises(taxonomy: Taxonomy, pattern: str) -> None:
    with pytest.raises(KeyError):
        taxonomy.expand(pattern)


def test_suggest(taxonomy: Taxonomy) -> None:
    assert taxonomy.suggest("contact.phon") == "contact.phone"
    assert taxonomy.suggest("helth.*") == "health.*"
    assert taxonomy.suggest("zzzzzz") is None


def test_is_personal(taxonomy: Taxonomy) -> None:
    assert taxonomy.is_personal("contact.phone")
    assert taxonomy.is_personal("content.free_text")  # free text can hold anything
    assert not taxonomy.is_personal("none")
    assert not taxonomy.is_personal("consent.acknowledgement")
    assert not taxonomy.is_personal("unknown")


def test_only_none_and_consent_are_not_personal(taxonomy: Taxonomy) -> None:
    assert {c.id for c in taxonomy if not c.personal} == {
        "none",
        "consent.acknowledgement",
    }


def test_is_sensitive_returns_first_matching_regime(taxonomy: Taxonomy) -> None:
    blood = taxonomy.get("health.blood_type").sensitive
    assert taxonomy.is_sensitive("health.blood_type", ["pipl", "gdpr"]) == blood["pipl"]
    assert taxonomy.is_sensitive("health.blood_type", ["gdpr", "pipl"]) == blood["gdpr"]
    assert (
        taxonomy.is_sensitive("special.political", ["ccpa", "gdpr"])
        == (taxonomy.get("special.political").sensitive["gdpr"])
    )
    assert taxonomy.is_sensitive("contact.phone", ["gdpr", "pipl", "ccpa"]) is None
    assert taxonomy.is_sensitive("health.blood_type", []) is None


def test_category_mappings_are_read_only(taxonomy: Taxonomy) -> None:
    with pytest.raises(TypeError):
        taxonomy.get("identity.name").terms["en"] = ()  # type: ignore[index]


def test_parse_taxonomy_from_data() -> None:
    taxonomy = parse_taxonomy(
        {
            "version": 1,
            "languages": ["en", "zh"],
            "regimes": {},
            "categories": [
                {
                    "id": "pets.name",
                    "name": {"en": "Pet name", "zh": "宠物名"},
                    "description": {"en": "d", "zh": "d"},
                    "terms": {"en": ["pet name"], "zh": ["宠物名"]},
                }
            ],
        }
    )
    assert taxonomy.ids() == ("pets.name",)
    assert taxonomy.get("pets.name").sensitive == {}
    assert taxonomy.expand("pets.*") == ("pets.name",)


def test_loading_does_not_import_jsonschema() -> None:
    code = (
        "import sys, formlint.taxonomy as t, formlint.classify as c; "
        "t.load_taxonomy(); print('jsonschema' in sys.modules)"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert out.stdout.strip() == "False"


def test_fast_and_full_schema_validators_agree_on_broken_and_valid_forms() -> None:
    from formlint.schemas import _validator, is_valid

    cases = [
        {"fields": []},
        {"fields": [{"key": "a", "label": {"en": "A"}, "type": "text"}]},
        {"fields": [{"key": "a", "lable": "A"}]},
        {"fields": [{"key": "a.b"}]},
        {"fields": [{"key": "a", "type": "txt"}]},
        {"visibility": "public", "fields": []},
        {"notice": {"text": "x", "retention": 21, "recipients": []}, "fields": []},
        {"notice": {"recipients": "police"}, "fields": []},
    ]
    for data in cases:
        assert is_valid(data, "form") == _validator("form").is_valid(data), data
    assert [is_valid(d, "form") for d in cases] == [True, True, False, False, False, False, True, False]
