"""What a field asks, not every word in it: fields that hold nothing personal are not
flagged because a household, a place or a person is their subject."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from formlint.classify import classify, classify_all
from formlint.model import Field

PERSONAL_HOUSEHOLD = "social.household"


def _category(labels: Mapping[str, str], key: str = "q", **extra: object) -> str:
    return classify(Field(key=key, label=dict(labels), **extra)).category  # type: ignore[arg-type]


# ------------------------------------------------ the subject of a question, in every translation


@pytest.mark.parametrize(
    "labels",
    [
        {
            "en": "What vegetables does your household grow?",
            "sw": "Ni aina gani ya mbogamboga hulimwa na kaya yako?",
        },
        {
            "en": "Does your household collect eggs from the hens?",
            "vi": "Hộ gia đình của bạn có thu nhặt trứng từ gà không?",
        },
    ],
)
def test_a_translation_s_household_word_is_the_subject_when_the_english_one_is(
    labels: Mapping[str, str],
) -> None:
    assert _category(labels) != PERSONAL_HOUSEHOLD


def test_a_key_s_household_word_is_the_subject_when_the_label_s_is() -> None:
    labels = {"en": "Have you already sent a form for this structure and household?"}
    assert _category(labels, key="hh_duplicate_check") != PERSONAL_HOUSEHOLD


def test_a_household_question_still_names_the_household() -> None:
    labels = {
        "en": "What is the total number of persons in this household?",
        "sw": "Ni watu wangapi kwa jumla katika kaya hii?",
    }
    assert _category(labels, key="hh_size") == PERSONAL_HOUSEHOLD


def test_the_household_word_of_a_short_label_decides() -> None:
    assert _category({"en": "Children (6-18 yrs) Male"}) == PERSONAL_HOUSEHOLD


# ------------------------------------------------ each translation is read in its own language


def test_a_translation_is_not_read_with_another_language_s_short_words() -> None:
    # Vietnamese "trợ" (aid) folds to Danish "tro" (faith).
    labels = {
        "en": "About how much of the food was from aid sources?",
        "vi": "Khoảng bao nhiêu thực phẩm là từ các nguồn viện trợ?",
    }
    assert _category(labels) != "special.religion"


def test_a_translation_in_a_language_without_a_pack_is_not_read_beside_a_known_one() -> None:
    # Kinyarwanda "abo" is a blood group's name in English.
    labels = {
        "en": "What does your household use the trees for?",
        "rw": "Ibyo biti abo mu rugo rwanyu babikoresha iki?",
    }
    assert _category(labels) != "health.blood_type"


def test_english_words_are_read_from_the_english_translation_only() -> None:
    labels = {
        "en": "How did you store your crops after the harvest?",
        "fr": "Comment avez-vous stocké vos cultures après la récolte ?",
    }
    assert _category(labels) != "content.free_text"


def test_a_single_label_tagged_with_the_wrong_language_still_matches() -> None:
    assert _category({"en": "Woonadres"}) == "contact.address"


# ------------------------------------------------ stems read inflections, not derivations


@pytest.mark.parametrize(
    "label,not_expected",
    [
        ("Have you noticed leaks in the municipal water supply system?", "contact.address"),
        ("Local currency", "contact.address"),
        ("What type of medical facility is this?", "health.condition"),
        ("How much of the harvest was saved for seed?", "financial.property"),
    ],
)
def test_a_word_derived_from_a_lexicon_word_is_not_that_word(label: str, not_expected: str) -> None:
    assert _category({"en": label}) != not_expected


@pytest.mark.parametrize(
    "label,expected",
    [
        ("Vaccinations received", "health.vaccination"),
        ("During the past 7 days, did he do any work for pay?", "social.occupation"),
        ("Has she ever attended school?", "social.education"),
    ],
)
def test_an_inflected_lexicon_word_still_matches(label: str, expected: str) -> None:
    assert _category({"en": label}) == expected


# ------------------------------------------------ "Other, please specify" asks what its question asks


def _form(*fields: Field) -> list[str]:
    return [verdict.category for verdict in classify_all(fields)]


def test_a_follow_up_asks_what_the_question_it_extends_asks() -> None:
    relationship = Field(key="relationship", label={"en": "Relationship to the head of household"})
    other = Field(key="relationship_other", label={"en": "If other, please specify"})
    assert _form(relationship, other) == ["social.household", "social.household"]


def test_a_follow_up_without_a_key_of_its_own_follows_the_question_before_it() -> None:
    disease = Field(key="q4", label={"en": "Which chronic disease does she have?"}, section=("Health",))
    other = Field(key="q4b", label={"en": "Other:"}, section=("Health",))
    assert _form(disease, other) == ["health.condition", "health.condition"]


def test_a_follow_up_of_a_question_about_no_one_says_nothing_personal() -> None:
    water = Field(key="water_source", label={"en": "What is your main source of drinking water?"})
    other = Field(key="water_source_other", label={"en": "If other, please specify"})
    assert _form(water, other) == ["none", "none"]


def test_a_follow_up_that_names_its_own_topic_is_read_by_it() -> None:
    area = Field(key="land_area", label={"en": "How much land do you own?"})
    unit = Field(key="areaunits_other", label={"en": "Specify other area units:"})
    assert _form(area, unit)[1] == "none"


def test_a_label_that_opens_with_other_is_not_always_a_follow_up() -> None:
    name = Field(key="applicant_name", label={"en": "Name of the applicant"})
    amount = Field(key="other_compensation_amount", label={"en": "Other compensation amount"})
    assert _form(name, amount)[1] != "identity.name"


def test_a_follow_up_in_another_section_does_not_follow_that_section() -> None:
    name = Field(key="name", label={"en": "Your name"}, section=("Respondent",))
    other = Field(key="q9", label={"en": "Other:"}, section=("Crops",))
    assert _form(name, other)[1] != "identity.name"


# ------------------------------------------------ a section decides vague labels, not questions


def test_a_question_is_not_made_personal_by_its_household_or_education_section() -> None:
    field = Field(
        key="q4",
        label={"en": "Were there adults supervising the activities?"},
        section=("S3: Children Education",),
        options=("Yes", "No"),
    )
    assert classify(field).category == "unknown"


def test_a_question_that_names_its_section_s_topic_is_read_with_it() -> None:
    field = Field(key="q1", label={"en": "Are you the head of the household?"}, section=("Household roster",))
    assert classify(field).category == PERSONAL_HOUSEHOLD


def test_a_health_section_still_makes_a_vague_question_personal() -> None:
    field = Field(
        key="q1",
        label={"en": "How often in the past four weeks did you feel nervous?"},
        section=("Mental health",),
    )
    assert classify(field).category == "health.condition"


def test_today_in_a_question_is_not_the_date_of_the_visit() -> None:
    label = {"en": "Is the respondent present and available to be interviewed today?"}
    assert _category(label) != "event.visit_time"
    assert _category({"en": "Today"}) == "event.visit_time"


# ------------------------------------------------ checks and gates say nothing about the person


@pytest.mark.parametrize(
    "label",
    [
        "Is this date and time correct?",
        "4. Do you know the date of birth of the child?",
        "Do you want to register more household members today?",
        "007. CHECK: Have you already sent a form for this household?",
        "Is this your name?",
    ],
)
def test_a_question_that_checks_an_answer_is_none(label: str) -> None:
    assert _category({"en": label}) == "none"


def test_a_question_that_names_a_check_word_inside_is_still_read() -> None:
    assert _category({"en": "Did you check your blood pressure this week?"}) != "none"
    assert _category({"en": "Date of birth"}) == "identity.date_of_birth"


@pytest.mark.parametrize(
    "label,expected",
    [("Confirm password", "online.credentials"), ("Check-in time", "event.visit_time")],
)
def test_a_term_that_opens_like_a_check_is_the_term(label: str, expected: str) -> None:
    assert _category({"en": label}) == expected


def test_why_after_a_question_asks_about_what_that_question_asks() -> None:
    trust = Field(key="trust_office", label={"en": "Do you trust the water office?"}, options=("Yes", "No"))
    why = Field(key="trust_office_why_not", label={"en": "Why not?"})
    assert _form(trust, why) == ["none", "none"]
    test = Field(key="hiv_test", label={"en": "Do you accept an HIV test today?"}, section=("HIV testing",))
    reason = Field(key="si_nao", label={"en": "If not, why?"}, section=("HIV testing",))
    assert _form(test, reason)[1] == "health.condition"


def test_a_question_about_what_someone_has_heard_or_thinks_is_none() -> None:
    assert _category({"en": "Have you heard of HIV?"}) == "none"


def test_soil_fertility_is_not_a_health_condition() -> None:
    assert _category({"en": "Do you still have problems with soil fertility on your farm?"}) != "health.condition"


def test_livestock_a_question_is_about_is_not_livestock_owned() -> None:
    assert _category({"en": "Does your household keep any of your livestock in stables or pens?"}) != "financial.property"
    assert _category({"en": "Which livestock does your household keep?"}) == "financial.property"
    kept = Field(key="q", label={"en": "Which animals does your household keep?"}, options=("Cattle", "Goats", "Bees"))
    assert classify(kept).category == "financial.property"


def test_the_unit_of_a_land_area_is_none() -> None:
    assert _category({"en": "Unit of land area:"}) == "none"


# ------------------------------------------------ asides and the context of free text


def test_an_aside_in_brackets_does_not_decide() -> None:
    label = {"en": "What are the main sources of water used by your household (for all purposes combined)?"}
    assert _category(label) == "none"
    assert _category({"en": "(Observation): What shape is the water tank?"}) == "none"


def test_a_label_that_is_all_brackets_is_still_read() -> None:
    assert _category({"en": "(Phone number)"}) == "contact.phone"


def test_free_text_under_a_health_heading_is_health() -> None:
    remarks = Field(key="observation", label={"en": "My own observations:"}, section=("Mental health assessment",))
    assert classify(remarks).category == "health.condition"


def test_free_text_under_another_heading_is_free_text() -> None:
    remarks = Field(key="observation", label={"en": "My own observations:"}, section=("Water supply",))
    assert classify(remarks).category == "content.free_text"


def test_a_key_group_does_not_make_a_question_personal_by_its_subject() -> None:
    field = Field(
        key="hh_info.will_to_respond",
        label={"en": "Are you willing and able to respond to the questions on behalf of the household?"},
        options=("Yes", "No"),
    )
    assert classify(field).category != PERSONAL_HOUSEHOLD


def test_the_unit_of_a_price_is_none() -> None:
    field = Field(key="egg_sales_income.price_timeunits", label={"en": "per:"})
    assert classify(field).category == "none"


def test_a_label_that_is_one_weak_word_is_that_word_in_any_section() -> None:
    city = Field(key="motherCity", label={"en": "City:"}, section=("Rh immune globulin", "Mother's information"))
    assert classify(city).category == "contact.address"
    serology = Field(key="q", label={"en": "Serology mother"}, section=("HIV",))
    assert classify(serology).category == "health.condition"


def test_a_comment_under_an_obstetric_heading_is_health() -> None:
    remark = Field(key="obsHisComment", label={"en": "Comment"}, section=("Obstetrical history",))
    assert classify(remark).category == "health.condition"


# ------------------------------------------------ a closed question that names nothing personal


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("Is this a prefabricated building?", ("Yes", "No")),
        ("Was the footprint drawn correctly on the map?", ("Yes", "No")),
        ("Does it have a second storey?", ("Yes", "No", "Unsure")),
    ],
)
def test_a_closed_question_that_names_nothing_personal_is_none(label: str, options: tuple[str, ...]) -> None:
    verdict = classify(Field(key="q1", label={"en": label}, type="select_one", options=options))
    assert verdict.category == "none"
    assert verdict.source == "options" and verdict.confidence < 0.5


@pytest.mark.parametrize(
    ("label", "options", "section"),
    [
        # a short label is where unlisted words hide: it stays for a reviewer
        ("Status", ("Active", "Inactive"), ()),
        # a choice that names a person or a relation keeps the question open
        ("Who usually makes this decision in the end?", ("Respondent", "Husband/partner", "Jointly"), ()),
        # so does a section about something personal
        ("Over the last two weeks, how often were you bothered by this?", ("Never", "Several days", "Every day"),
         ("Mental health",)),
        # and a question answered in free text
        ("Why did you choose this answer in the end?", (), ()),
    ],
)
def test_a_closed_question_with_a_personal_trace_is_not_made_none(
    label: str, options: tuple[str, ...], section: tuple[str, ...]
) -> None:
    verdict = classify(Field(key="q1", label={"en": label}, type="select_one", options=options, section=section))
    assert verdict.source != "options" or verdict.category != "none"


# ------------------------------------------------ a key that says whose name it is


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        ("building_name", {"en": "If this building has a name, please write it here."}),
        ("compound_name", {"id": "Jika komplek tersebut memiliki nama, silakan masukkan di sini."}),
        ("issuer_name", {}),
    ],
)
def test_a_key_that_names_a_thing_s_name_vetoes_a_passing_name_in_the_label(
    key: str, labels: Mapping[str, str]
) -> None:
    assert _category(labels, key=key) != "identity.name"


def test_a_person_s_name_in_the_label_still_decides_whatever_the_key() -> None:
    assert _category({"en": "Full name"}, key="building_name") == "identity.name"
    assert _category({"en": "Please write the owner's full name here"}, key="building_name") == "identity.name"


@pytest.mark.parametrize("labels", [{"en": "Who are the project partners?"}, {"en": "Implementing partners"}, {}])
def test_organisations_that_are_partners_are_no_sex_life_or_household(labels: Mapping[str, str]) -> None:
    assert _category(labels, key="project_partners") not in ("special.sex_life", PERSONAL_HOUSEHOLD)


def test_sexual_partners_are_still_sex_life() -> None:
    assert _category({"en": "How many sexual partners have you had in the last 12 months?"}) == "special.sex_life"


# ------------------------------------------------ what the choices say the answer is


@pytest.mark.parametrize(
    ("label", "options"),
    [
        ("What are your suggestions to improve the water service?", ("Longer hours", "Lower prices", "Cleaner water")),
        ("How do you rate the office's response to complaints and comments?", ("Good", "Adequate", "Poor")),
        ("Avatar photo", ("Avatar 1", "Avatar 2", "Avatar 3")),
        ("Location", ("North district", "Harbour", "Old town")),
    ],
)
def test_a_written_or_captured_answer_is_never_picked_from_choices(
    label: str, options: tuple[str, ...]
) -> None:
    verdict = classify(Field(key="q", label={"en": label}, type="select_one", options=options))
    assert verdict.category not in ("content.free_text", "identity.photo", "location.precise")


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("What are your suggestions to improve the water service?", "content.free_text"),
        ("Avatar photo", "identity.photo"),
        ("Current location", "location.precise"),
    ],
)
def test_the_same_words_answered_in_writing_keep_their_category(label: str, category: str) -> None:
    assert _category({"en": label}) == category


@pytest.mark.parametrize(
    ("labels", "options"),
    [
        ({"en": "Has a phone number?", "pt": "Tem número de telefone?"}, ("Yes", "No")),
        ({"en": "Is the date of birth known?"}, ("Yes", "No", "Don't know")),
        ({"en": "Your name: …\n\nIs this your name?"}, ("Yes", "No")),
        ({"en": "Do you have any notes about this interview?"}, ("Yes", "No")),
        ({"nl": "Heeft u een e-mailadres?"}, ("Ja", "Nee")),
    ],
)
def test_a_yes_or_no_asks_whether_there_is_a_value_not_what_it_is(
    labels: Mapping[str, str], options: tuple[str, ...]
) -> None:
    verdict = classify(Field(key="q", label=dict(labels), type="select_one", options=options))
    assert verdict.category == "none"
    assert "yes or no" in verdict.evidence


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Do you have a fever?", "health.condition"),
        ("Is she currently married?", "social.marital_status"),
        ("In the past 12 months, have you used a mobile phone to make payments?", "financial.account"),
    ],
)
def test_a_yes_or_no_about_the_person_still_reveals_it(label: str, category: str) -> None:
    assert classify(Field(key="q", label={"en": label}, options=("Yes", "No"))).category == category


def test_an_annotation_or_a_recording_type_wins_over_the_choices() -> None:
    annotated = Field(key="q", label={"en": "Has a phone number?"}, options=("Yes", "No"), category="contact.phone")
    assert classify(annotated).category == "contact.phone"
    point = Field(key="q", label={"en": "Location"}, type="geopoint", options=("North", "South"))
    assert classify(point).category == "location.precise"


# ------------------------------------------------ every translation says what a question does


@pytest.mark.parametrize(
    "labels",
    [
        # the English label has a typo; the Portuguese one reads as what it is
        {"en": "Do you to see the steps to conduct the rapid test?", "pt": "Quer ver os passos para fazer o teste rápido?"},
        {"fr": "Les indices ont des valeurs extrêmes. Les mesures sont-elles correctes ?",
         "en": "The indices have extreme values. Are the measurements correct?"},
    ],
)
def test_a_translation_that_reads_as_a_check_makes_the_question_one(labels: Mapping[str, str]) -> None:
    field = Field(key="q", label=dict(labels), options=("Yes", "No"), section=("HIV testing",))
    assert classify(field).category == "none"


def test_a_question_about_what_was_entered_is_a_check() -> None:
    label = "You entered that she was … years old the first time she had sexual intercourse. Is that what she said?"
    assert _category({"en": label}) == "none"


# ------------------------------------------------ the field's own vetoes hold under any section


def test_supplies_counted_under_a_health_section_are_no_condition() -> None:
    kits = Field(key="kits_used", label={"en": "Number of test kits used"}, type="integer", section=("HIV testing",))
    assert classify(kits).category == "none"
    times = Field(key="times", label={"en": "How many times have you been tested?"}, section=("HIV testing",))
    assert classify(times).category == "health.condition"


def test_a_service_under_a_gender_based_violence_heading_is_no_sex() -> None:
    field = Field(
        key="q", label={"en": "Legal assistance"}, options=("Yes", "No", "Don't know"),
        section=("Perceptions on safety and gender-based violence",),
    )
    assert classify(field).category != "identity.sex"
    assert _category({"en": "Gender"}) == "identity.sex"


# ------------------------------------------------ a building is not a household or a person


@pytest.mark.parametrize(
    ("label", "key", "type_"),
    [
        ("How many people live in this building?", "residents", "integer"),
        ("Please take a picture of the building.", "building_photo", "image"),
        ("Is this structure permanent or temporary?", "permanence", None),
    ],
)
def test_a_question_about_the_building_surveyed_is_not_personal(label: str, key: str, type_: str | None) -> None:
    assert classify(Field(key=key, label={"en": label}, type=type_)).category == "none"


def test_people_living_in_a_household_are_still_the_household() -> None:
    assert _category({"en": "How many people live in this household?"}) == PERSONAL_HOUSEHOLD


# ------------------------------------------------ a document to enclose, ticked


@pytest.mark.parametrize(
    "labels",
    [
        {"nl": "Een bewijs van inschrijving van uw opleiding"},
        {"nl": "Brief van de organisatie waarin staat dat de schade tijdens vrijwilligerswerk is ontstaan"},
        {"en": "Copy of the lease agreement"},
        {"de": "Nachweis über das Einkommen"},
    ],
)
def test_a_tick_box_naming_a_document_to_enclose_records_only_that_it_is_enclosed(
    labels: Mapping[str, str],
) -> None:
    verdict = classify(Field(key="q", label=dict(labels), type="checkbox", section=("Bijlagen",)))
    assert verdict.category == "none"
    assert "enclose" in verdict.evidence


def test_the_document_itself_is_read_by_its_words() -> None:
    upload = Field(key="q", label={"nl": "Een bewijs van inschrijving van uw opleiding"}, type="file")
    assert classify(upload).category == "social.education"
    assert classify(Field(key="q", label={"en": "Copy of your passport"}, type="file")).category == "identity.government_id"


def test_an_organisation_in_a_question_is_no_employer() -> None:
    assert _category({"nl": "Wanneer is de organisatie gestart?"}) != "social.occupation"
    assert _category({"nl": "Naam organisatie"}) == "social.occupation"


# ------------------------------------------------ a number or a date holds no remark


@pytest.mark.parametrize("type_", ["integer", "decimal", "date", "number"])
def test_a_number_or_date_field_holds_no_free_text(type_: str) -> None:
    field = Field(key="assessment.target_groups_reached", label={}, type=type_)
    assert classify(field).category != "content.free_text"


def test_the_same_key_answered_in_words_is_free_text() -> None:
    field = Field(key="assessment.target_groups_reached", label={}, type="text")
    assert classify(field).category == "content.free_text"


# ------------------------------------------------ the group a key sits in says whose name it is


@pytest.mark.parametrize(
    ("key", "labels"),
    [
        ("buildings.name", {"en": "What is the name if there is one?"}),
        ("children.cartoons.name", {"sw": "3.4.1 Jina ya katuni"}),
        ("facility.name", {}),
    ],
)
def test_a_name_under_a_group_of_things_is_the_thing_s_name(key: str, labels: Mapping[str, str]) -> None:
    assert _category(labels, key=key) != "identity.name"


def test_a_name_under_a_group_of_people_is_a_person_s_name() -> None:
    assert _category({"en": "What is the name?"}, key="household.members.name") == "identity.name"


def test_a_group_s_own_veto_does_not_veto_its_fields() -> None:
    # "spendings" vetoes income for itself; the field under it still asks about earnings
    label = {"en": "Consider all the money earned in the last 12 months. Did more come from farm sales?"}
    field = Field(key="spendings.income_proportion", label=label, options=("Farm", "Off-farm"))
    assert classify(field).category == "financial.income"


# ------------------------------------------------ vocabulary of things, not persons


@pytest.mark.parametrize(
    ("label", "options", "not_expected"),
    [
        ("Household first priority", ("Food", "Shelter", "Health", "Cash"), PERSONAL_HOUSEHOLD),
        ("Measure the height (in cm) of the water tank", (), "health.body_measurements"),
        ("When spending the money earned from farm sales, what does your household spend it on?",
         ("Food", "School fees"), "financial.income"),
        ("Borrow food, or rely on help from friends and relatives", (), "financial.credit"),
        ("Cases of unaccompanied and separated children", ("Yes", "No"), "social.marital_status"),
        ("Is your land mostly flat, sloping or steep?", ("Flat", "Sloping", "Steep"), "contact.address"),
        ("Knows how to prevent the disease?", ("Yes", "No"), "health.condition"),
        ("Does the patient believe that a healthy-looking person can have HIV?", ("Yes", "No"), "health.condition"),
    ],
)
def test_words_for_things_are_not_the_person_s(label: str, options: tuple[str, ...], not_expected: str) -> None:
    assert classify(Field(key="q", label={"en": label}, options=options)).category != not_expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Height of the child (cm)", "health.body_measurements"),
        ("How much money did you earn from selling crops?", "financial.income"),
        ("Have you borrowed money in the last 12 months?", "financial.credit"),
        ("Marital status", "social.marital_status"),
    ],
)
def test_the_person_s_own_words_still_decide(label: str, expected: str) -> None:
    assert _category({"en": label}) == expected


def test_the_same_check_phrase_is_the_evidence_whatever_the_hash_seed() -> None:
    """Where several check phrases fit ("correct", "is that correct"), the longest is named,
    on every run: phrases are tried in a fixed order, not a set's."""
    import os
    import subprocess
    import sys

    script = (
        "from formlint.classify import classify\nfrom formlint.model import Field\n"
        "print(classify(Field(key='q', label={'en': 'The household head is Jane, is that correct?'})).evidence)"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
        for seed in range(6)
    }
    assert len(runs) == 1 and '("is that correct")' in runs.pop()


def test_a_section_about_income_and_expenditure_is_still_about_income() -> None:
    field = Field(key="q", label={"en": "Main one"}, section=("Income and expenditure",))
    assert classify(field).category == "financial.income"


def test_a_weight_asked_as_well_as_other_things_is_still_a_body_measurement() -> None:
    assert _category({"en": "How well is the child growing? Weight (kg)"}) == "health.body_measurements"


@pytest.mark.parametrize(
    "lang,question,follow_up",
    [
        ("es", "Relación con el jefe de hogar", "Si otro, especifique"),
        ("pt", "Relação com o chefe do agregado", "Se outro, especifique"),
        ("fr", "Lien de parenté avec le chef de ménage", "Si autre, précisez"),
        ("nl", "Relatie tot de hoofdbewoner", "Anders, namelijk"),
    ],
)
def test_a_follow_up_in_each_pack_s_words_asks_what_its_question_asks(
    lang: str, question: str, follow_up: str
) -> None:
    asked = Field(key="q1", label={lang: question})
    other = Field(key="q1b", label={lang: follow_up})
    assert _form(asked, other) == ["social.household", "social.household"]


@pytest.mark.parametrize(
    "lang,label",
    [
        ("fr", "Voulez-vous recevoir notre lettre d'information ?"),
        ("es", "¿Desea usted recibir noticias por correo?"),
        ("pt", "Você deseja receber notícias por e-mail?"),
        ("nl", "Wilt u de nieuwsbrief ontvangen?"),
    ],
)
def test_a_yes_or_no_gate_in_each_pack_s_words_says_nothing_personal(lang: str, label: str) -> None:
    assert _category({lang: label}) == "none"
