"""The classifier reads what a field asks: morphology, keys as developers write them,
examples, weak words, choices, types and the sections a field sits in."""

from __future__ import annotations

import pytest

from formlint.classify import classify, explain, normalise
from formlint.model import Field


def _category(key: str = "q", label: str | None = None, lang: str = "en", **extra: object) -> str:
    field = Field(key=key, label={lang: label} if label else {}, **extra)  # type: ignore[arg-type]
    return classify(field).category


# ---------------------------------------------------------------------- morphology


@pytest.mark.parametrize(
    "lang,label,expected",
    [
        ("en", "Vaccinations received", "health.vaccination"),
        ("en", "Symptoms reported", "health.condition"),
        ("fr", "Vaccinations reçues", "health.vaccination"),
        ("es", "Síntomas", "health.condition"),
        ("nl", "Woonadres", "contact.address"),
        ("de", "Mobiltelefon", "contact.phone"),
        ("fi", "Kotiosoite", "contact.address"),
    ],
)
def test_inflections_and_compounds_match_their_lexicon_word(lang: str, label: str, expected: str) -> None:
    assert _category(label=label, lang=lang) == expected


def test_a_stem_shorter_than_four_letters_does_not_match() -> None:
    # Spanish "mesa" (table) and "meses" (months) share the stem "mes".
    assert _category(label="¿Cuántos meses?", lang="es") != "event.visit_details"


@pytest.mark.parametrize(
    "key,expected",
    [
        ("fodselsnummer", "identity.government_id"),
        ("geburtsdatum", "identity.date_of_birth"),
        ("staatsangehoerigkeit", "identity.nationality"),
        ("dateOfBirth", "identity.date_of_birth"),
        ("date-of-birth", "identity.date_of_birth"),
        ("mobile_number_2", "contact.phone"),
        ("whatIsYourHighestLevelOfEducation", "social.education"),
        ("dob", "identity.date_of_birth"),
        ("tel", "contact.phone"),
        ("addr", "contact.address"),
        ("nid", "identity.government_id"),
        ("hh_size", "social.household"),
        ("bsn", "identity.government_id"),
        ("nik", "identity.government_id"),
    ],
)
def test_keys_as_developers_write_them(key: str, expected: str) -> None:
    assert _category(key=key) == expected


@pytest.mark.parametrize(
    "key,expected",
    [
        ("xm", "identity.name"),
        ("xingming", "identity.name"),
        ("sfzh", "identity.government_id"),
        ("lxdh", "contact.phone"),
        ("yimiaoTypes", "health.vaccination"),
        ("hesuanResult", "health.condition"),
    ],
)
def test_pinyin_keys_full_and_initials(key: str, expected: str) -> None:
    result = classify(Field(key=key, label={}))
    assert (result.category, result.source) == (expected, "key")


def test_letters_without_accents_fold_as_keys_write_them() -> None:
    assert normalise("Fødselsnummer") == "fodselsnummer"
    assert normalise("Æble") == "aeble"
    assert normalise("Straße") == "strasse"


# ------------------------------------------------------------ what a field asks


def test_an_example_does_not_decide() -> None:
    assert _category(label="Main crop grown (e.g. maize, beans, the name of the variety)") == "none"


def test_a_weak_word_decides_a_short_label_not_a_question() -> None:
    assert _category(label="Household") == "social.household"
    assert _category(label="What is the main source of drinking water for your household?") == "none"


def test_none_only_when_nothing_personal_matched() -> None:
    assert _category(label="How many hectares of maize did you harvest?") == "none"
    assert _category(label="How many days did the fever last?") == "health.condition"


def test_a_quantity_with_a_unit_is_none() -> None:
    result = classify(Field(key="q", label={"en": "Volume of the tank (litres)"}))
    assert result.category == "none"


@pytest.mark.parametrize("type_", ["geopoint", "geotrace"])
def test_a_specific_type_beats_a_generic_word(type_: str) -> None:
    assert _category(label="Household", type=type_) == "location.precise"


@pytest.mark.parametrize(
    "options,expected",
    [
        (("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"), "health.blood_type"),
        (("Head", "Wife", "Son", "Daughter", "Other relative"), "social.household"),
        (("BCG", "OPV", "Penta", "Measles"), "health.vaccination"),
        (("Male", "Female"), "identity.sex"),
    ],
)
def test_choices_say_what_the_question_asks(options: tuple[str, ...], expected: str) -> None:
    result = classify(Field(key="q7", label={"en": "Select one"}, options=options))
    assert (result.category, result.source) == (expected, "options")


def test_yes_no_choices_decide_nothing() -> None:
    assert _category(key="q7", label="Select one", options=("Yes", "No", "Don't know")) == "unknown"


# -------------------------------------------------------------------- context


def test_a_section_title_decides_when_the_field_names_nothing() -> None:
    field = Field(
        key="q12",
        label={"en": "How often in the past four weeks did you feel this way?"},
        section=("Part B", "Mental health"),
    )
    result = classify(field)
    assert (result.category, result.source) == ("health.condition", "section")
    assert result.confidence < 0.6
    assert '"Mental health"' in result.evidence


def test_the_field_s_own_words_beat_its_section() -> None:
    field = Field(key="q3", label={"en": "Date of birth"}, section=("Mental health",))
    assert classify(field).category == "identity.date_of_birth"


def test_a_weak_section_title_says_nothing() -> None:
    field = Field(key="q4", label={"en": "Comments on the visit?"}, section=("Household",))
    assert classify(field).category != "social.household"


def test_the_groups_of_a_dotted_key_are_context() -> None:
    result = classify(Field(key="symptoms.q4", label={"en": "Since when?"}))
    assert (result.category, result.source) == ("health.condition", "section")


# -------------------------------------------------------------------- explain


def test_explain_lists_every_candidate_with_score_and_source() -> None:
    field = Field(key="phone", label={"en": "Emergency contact phone"}, section=("Health",))
    candidates = explain(field)
    assert candidates[0].category == classify(field).category == "contact.emergency_contact"
    sources = {(c.category, c.source) for c in candidates}
    assert ("contact.phone", "label") in sources
    assert ("contact.phone", "key") in sources
    rest = [c.score for c in candidates[1:]]
    assert rest == sorted(rest, reverse=True)


def test_explain_puts_the_verdict_first_even_when_a_higher_score_lost() -> None:
    field = Field(key="q1", label={"en": "How often in the past four weeks did you feel nervous?"},
                  section=("Mental health",))
    candidates = explain(field)
    assert (candidates[0].category, candidates[0].source) == ("health.condition", "section")
    assert ("none", "label") in {(c.category, c.source) for c in candidates}


def test_explain_of_an_unknown_field_is_empty() -> None:
    assert explain(Field(key="q7", label={"en": "Favourite colour"})) == ()


# ------------------------------------------------------- keys as grant, HR and registration forms write them


@pytest.mark.parametrize(
    "key,expected",
    [
        ("phoneWork", "contact.phone"),  # grouped by their thing first: "work phone"
        ("name_first", "identity.name"),
        ("addressHome", "contact.address"),
        ("pincode", "contact.address"),  # an Indian postal code
        ("candidatePic", "identity.photo"),
        ("emergencyPhone", "contact.emergency_contact"),
        ("eduOtherDoctorate", "social.education"),
        ("eduTradeCertificate", "social.education"),
        ("paymentStatus", "none"),
    ],
)
def test_keys_of_grant_hr_and_registration_forms(key: str, expected: str) -> None:
    assert _category(key=key) == expected


@pytest.mark.parametrize("key", ["project_name", "projectPartners"])
def test_two_word_keys_read_backwards_only_when_the_whole_key_is_a_phrase(key: str) -> None:
    assert _category(key=key) not in ("identity.name", "special.sex_life", "social.household")


def test_pin_code_written_apart_stays_a_credential() -> None:
    assert _category(label="PIN code") == "online.credentials"
    assert _category(label="Pincode", lang="nl") == "online.credentials"


@pytest.mark.parametrize(
    "key,label,expected",
    [
        ("emergencyPhone", "Phone", "contact.emergency_contact"),
        ("emergencyName", "Name", "contact.emergency_contact"),
        ("phoneWork", "Work", "contact.phone"),
        ("companyName", "Name", "social.occupation"),
        ("dateOfBirth", "Date", "identity.date_of_birth"),
    ],
)
def test_a_key_that_says_more_than_its_one_word_label_decides(key: str, label: str, expected: str) -> None:
    assert _category(key=key, label=label) == expected


def test_a_label_that_names_something_the_key_does_not_still_wins() -> None:
    assert _category(key="contact_person", label="Phone number") == "contact.phone"
    assert _category(key="name", label="Date of birth") == "identity.date_of_birth"


@pytest.mark.parametrize(
    "key",
    [
        "plan.key_risks",
        "plan.actions_and_timeline.project_actions_timeline_2027",
        "plan.grant_interim_report_2024",
        "plan.target_groups_participation",
        "plan.monitoring_of_project_implementation",
        "partners.project_partners",
    ],
)
def test_narrative_answers_of_grant_applications_are_free_text(key: str) -> None:
    assert _category(key=key) == "content.free_text"


def test_narrative_words_do_not_outweigh_what_a_question_asks() -> None:
    assert _category(label="How many people are in the target group?") == "none"
    assert _category(label="What risk factors does the patient have?") == "health.condition"
    # a weak word: a section titled "Target groups" says nothing about its fields
    assert _category(key="groups.project_name", label="Project name", section=("Target groups",)) != "content.free_text"


@pytest.mark.parametrize(
    "key,label,section,expected",
    [
        ("start", "Start date", ("Work experience",), "social.occupation"),
        ("employmentHistory.endDate", None, (), "social.occupation"),
        ("dose1", "Date", ("Vaccinations",), "health.vaccination"),
        ("course_end", "End date", ("Education",), "social.education"),
        ("visit", "Date of visit", ("Work experience",), "event.visit_time"),  # the phrase names the date
        ("d", "Date", ("Household members",), "event.visit_time"),  # a roster has no dates of its own
    ],
)
def test_a_bare_date_is_the_date_of_what_its_section_is_about(
    key: str, label: str | None, section: tuple[str, ...], expected: str
) -> None:
    assert _category(key=key, label=label, section=section) == expected


@pytest.mark.parametrize(
    "key,label,expected",
    [
        ("q", "Measles dose 1", "health.vaccination"),
        ("q", "Date of measles 2", "health.vaccination"),
        ("vac_measles2_date", None, "health.vaccination"),
        ("q", "Measles-rubella 1", "health.vaccination"),
        ("q", "Has the child had measles?", "health.condition"),  # the disease, not a dose
    ],
)
def test_measles_with_a_dose_number_is_a_vaccine_dose(key: str, label: str | None, expected: str) -> None:
    assert _category(key=key, label=label) == expected
