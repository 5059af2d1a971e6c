"""What a field asks, not every word in it: fields that hold nothing personal are not
flagged because a household, a place or a person is their subject."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from formlint.classify import classify
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
