"""Fields formlint can tell ask nothing about the person are `none`, not `unknown`:
each `unknown` is a DM104 warning somebody must settle by hand."""

from __future__ import annotations

import pytest

from formlint.classify import classify, classify_all
from formlint.model import Field

# ------------------------------------------------ choices that carry no answer


@pytest.mark.parametrize(
    ("label", "options"),
    [
        # the "don't know / no response" companion of a slider question
        ("#####", ("Answered slider question", "Do not know", "No response")),
        ("-----", ("Don't know", "Refused")),
        ("", ("DK", "Prefer not to say", "Not applicable")),
        # a screen that only shows something
        ("Press OK to continue", ("OK",)),
        ("Tap to go on", ("Okay",)),
        # in the form's own language
        ("#####", ("Ne sait pas", "Refus", "Pas de réponse")),
        ("...", ("No sabe", "No responde")),
        ("###", ("不知道", "拒绝回答")),
    ],
)
def test_a_field_whose_every_choice_carries_no_answer_is_none(label: str, options: tuple[str, ...]) -> None:
    verdict = classify(Field(key="q7_dknr", label={"en": label} if label else {}, type="select_one", options=options))
    assert verdict.category == "none"
    assert verdict.source == "options" and verdict.confidence < 0.5
    assert options[0] in verdict.evidence


@pytest.mark.parametrize(
    ("label", "options", "expected"),
    [
        # one real answer among the non-answers: the hidden question may be personal
        ("#####", ("Yes", "No", "No response"), "unknown"),
        ("#####", ("Method out of stock", "Don't know"), "unknown"),
        # a label that names something personal still decides
        ("HIV status", ("Don't know", "Refused"), "health.condition"),
        # a word that only starts like a non-answer is an answer ("okra" is no "ok")
        ("#####", ("Okra", "Declined"), "unknown"),
    ],
)
def test_a_field_with_an_answer_among_its_choices_is_not_made_none(
    label: str, options: tuple[str, ...], expected: str
) -> None:
    verdict = classify(Field(key="q", label={"en": label}, type="select_one", options=options))
    assert verdict.category == expected


def test_a_field_without_choices_is_not_a_non_answer() -> None:
    assert classify(Field(key="q", label={"en": "#####"}, type="text")).category == "unknown"


def test_non_answers_do_not_overrule_the_section() -> None:
    field = Field(key="q", label={"en": "#####"}, options=("Don't know", "Refused"), section=("Mental health",))
    assert classify(field).category == "health.condition"


def test_a_follow_up_of_a_non_answer_field_is_not_made_personal() -> None:
    fields = [
        Field(key="aut001_dknr", label={"en": "#####"}, options=("Do not know", "No response")),
        Field(key="aut001_dknr_other", label={"en": "Other, specify"}),
    ]
    assert [v.category for v in classify_all(fields)] == ["none", "none"]


# ------------------------------------------------ choices that say what the question is about


def test_interview_outcome_choices_do_not_overrule_a_label_that_names_something_personal() -> None:
    field = Field(key="q", label={"en": "Vaccination status"}, options=("Completed", "Postponed", "Not at home"))
    assert classify(field).category == "health.vaccination"


def test_one_interview_outcome_among_real_answers_decides_nothing() -> None:
    field = Field(key="q", label={"en": "Stage?"}, options=("Completed", "Seedling", "Flowering", "Harvest ready"))
    assert classify(field).source != "options"


def test_where_food_came_from_is_none_under_a_nutrition_heading() -> None:
    field = Field(key="veg_source_bad", label={"en": "During the worst month?"},
                  options=("Produced on farm", "Bought", "Not eaten", "No answer"), section=("Dietary diversity",))
    verdict = classify(field)
    assert verdict.category == "none" and verdict.source == "options"
