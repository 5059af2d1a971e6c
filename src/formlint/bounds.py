"""How much of a form's text is analysed: a bounded prefix per field and per notice.

The classifier and the notice analysis are linear, but at tens of microseconds a
character a hostile 0.5 MB label took seconds and a 10 MB notice minutes. Real labels
are a sentence and real notices a few pages, so each text is cut to a prefix well
beyond them before any analysis, and the run says what was cut. Keys are never cut:
they identify fields in suppressions and baselines.
"""

from __future__ import annotations

import dataclasses

from formlint.model import Field, Form, Notice
from formlint.message import Message, msg

# Characters of each label, hint and option: a long question is a few hundred.
MAX_FIELD_TEXT = 2_000
# Characters of the notice text: a long privacy notice is 20,000-40,000.
MAX_NOTICE_TEXT = 50_000


def bounded(form: Form) -> tuple[Form, tuple[Message, ...]]:
    """The form with every over-long text cut to its limit, and one note per kind of
    cut (for a warning), empty when nothing was cut."""
    fields = tuple(bounded_field(item) for item in form.fields)
    cut_fields = [old.key for old, new in zip(form.fields, fields) if old is not new]
    notice = _bounded_notice(form.notice)
    notes: list[Message] = []
    if cut_fields:
        notes.append(msg("warning.fields_cut", count=len(cut_fields), limit=MAX_FIELD_TEXT, first=cut_fields[0]))
    if notice is not form.notice:
        notes.append(msg("warning.notice_cut", length=len(form.notice.text), limit=MAX_NOTICE_TEXT,
                         statement_limit=MAX_FIELD_TEXT))
    if not notes:
        return form, ()
    return dataclasses.replace(form, fields=fields, notice=notice), tuple(notes)


def _cut(text: str | None, limit: int = MAX_FIELD_TEXT) -> str | None:
    return text[:limit] if text is not None and len(text) > limit else text


def bounded_field(item: Field) -> Field:
    texts = [*item.label.values(), item.hint or "", *item.options]
    if all(len(text) <= MAX_FIELD_TEXT for text in texts):
        return item
    return dataclasses.replace(item, label={lang: text[:MAX_FIELD_TEXT] for lang, text in item.label.items()},
                               hint=_cut(item.hint), options=tuple(o[:MAX_FIELD_TEXT] for o in item.options))


def _bounded_notice(notice: Notice) -> Notice:
    """The text cut like a document, the structured retention and legal-basis
    statements like labels (they are sentences)."""
    text, retention, basis = _cut(notice.text, MAX_NOTICE_TEXT), _cut(notice.retention), _cut(notice.legal_basis)
    if (text, retention, basis) == (notice.text, notice.retention, notice.legal_basis):
        return notice
    return dataclasses.replace(notice, text=text or "", retention=retention, legal_basis=basis)
