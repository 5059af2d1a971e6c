"""Whether a form collects personal information of children, and whether it asks a
parent or guardian to consent (DM107). The phrases and the law per regime are data:
rules/children.yaml, validated by schemas/children.schema.json in the tests."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Field, Location, Message
from formlint.recognise import PhraseIndex, phrase_index, phrases_in

CONSENT = "consent.acknowledgement"
# Personal categories whose label may name children without collecting a child's data:
# "number of children", "children in the party".
NOT_ABOUT_A_CHILD = frozenset({"social.household", "event.party_size", CONSENT})
SHOWN_TEXT = 60
# A label longer than this is a question, whose children are often the respondent's subject
# ("I want to finish my education before I have children"), not whose data it collects.
QUESTION_LENGTH = 60


@dataclass(frozen=True)
class ChildSignal:
    """Where the form shows it is about children, as a reviewer would quote it."""

    evidence: Message
    location: Location


@lru_cache(maxsize=1)
def children_data() -> dict[str, Any]:
    from formlint.bundle import data_file

    data: dict[str, Any] = data_file("rules/children.yaml")
    return data


@lru_cache(maxsize=3)
def _index(key: str) -> PhraseIndex:
    phrases = tuple(term for terms in children_data()[key].values() for term in terms)
    return phrase_index((phrases,))


def child_signals(ctx: Context) -> Iterator[ChildSignal]:
    """The form's title, section titles and personal fields that name a child."""
    terms = _index("terms")
    if ctx.form.title and phrases_in(terms, ctx.form.title):
        yield ChildSignal(msg("recognition.title", text=_short(ctx.form.title)), ctx.form.location)
    seen: set[str] = set()
    for field in ctx.form.fields:
        for section in field.section:
            if section not in seen and phrases_in(terms, section):
                yield ChildSignal(msg("recognition.section", text=_short(section)), field.location)
            seen.add(section)
        if _names_a_child(ctx, field, terms):
            yield ChildSignal(msg("DM107.child_field", key=field.key, label=_short(field.first_label or field.key)),
                              field.location)


def _names_a_child(ctx: Context, field: Field, terms: PhraseIndex) -> bool:
    category = ctx.category_of(field).category
    if not ctx.taxonomy.is_personal(category) or category in NOT_ABOUT_A_CHILD:
        return False
    label = field.first_label if len(field.first_label) <= QUESTION_LENGTH else ""
    return any(phrases_in(terms, text) for text in (label, field.key.replace("_", " ")) if text)


def guardian_consent_asked(ctx: Context) -> bool:
    """A consent field names a parent or guardian, or the notice says they consent."""
    asks = _index("guardian_consent")
    fields = (f for f in ctx.form.fields if ctx.category_of(f).category == CONSENT)
    if any(phrases_in(asks, " ".join([*f.label.values(), f.hint or ""])) for f in fields):
        return True
    notice = ctx.form.notice.text or ""
    return bool(notice and phrases_in(asks, notice) and phrases_in(_index("consent_words"), notice))


def children_law(ctx: Context) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The articles of the policy's regimes on children's data, and the law line with
    what each says, the form's own regime first."""
    regimes = children_data()["regimes"]
    applied = [regimes[regime] for regime in ctx.regimes if regime in regimes]
    return tuple(spec["cited"] for spec in applied), tuple(line for spec in applied for line in spec["law"])


def _short(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= SHOWN_TEXT else shown[: SHOWN_TEXT - 1] + "…"
