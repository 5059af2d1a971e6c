"""Text analysed per field and per notice is a bounded prefix, and the run says
when it cut one: a 0.5 MB label or a 10 MB notice costs what its prefix costs."""

from __future__ import annotations

from pathlib import Path

from formlint.bounds import MAX_FIELD_TEXT, MAX_NOTICE_TEXT, bounded
from formlint.i18n import translate
from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.model import Field, Form, Location, Notice
from formlint.policy import load_policy

from conftest import run_formlint

POLICY = load_policy()
PURPOSE = next(iter(POLICY.purposes))
RETENTION = "We keep your answers for 28 days. "


def form_with(label: str = "Name", notice: str = RETENTION) -> Form:
    field = Field("contact", {"en": label}, hint=label, options=(label,), location=Location(3, 3))
    return Form("form.yaml", "native", (field,), purpose=PURPOSE, notice=Notice(text=notice))


def test_ordinary_forms_are_not_touched() -> None:
    form = form_with()
    assert bounded(form) == (form, ())


def test_a_huge_label_is_classified_by_its_prefix_and_noted() -> None:
    label = "Mobile phone number " + "一二三四五六七八九十" * 50_000
    result = check_form(form_with(label=label), FileSettings(policy=POLICY, purpose=PURPOSE))
    [field] = result.form.fields
    assert len(field.label["en"]) == len(field.hint or "") == len(field.options[0]) == MAX_FIELD_TEXT
    assert field.key == "contact" and result.classes["contact"].category == "contact.phone"
    assert tuple(translate(note) for note in result.notes) == (f"1 field(s) have a label, hint or option over {MAX_FIELD_TEXT:,} characters (first: "
                            f"`contact`); only the first {MAX_FIELD_TEXT:,} of each were analysed",)


def test_a_huge_notice_is_analysed_up_to_its_limit() -> None:
    padding = "1234567890 phone number " * (MAX_NOTICE_TEXT // 24 + 1)
    early = check_form(form_with(notice=RETENTION + padding * 20), FileSettings(policy=POLICY, purpose=PURPOSE))
    late = check_form(form_with(notice=padding + RETENTION), FileSettings(policy=POLICY, purpose=PURPOSE))
    assert early.notice.retention.days == 28 and late.notice.retention.days is None
    assert len(early.form.notice.text) == MAX_NOTICE_TEXT
    assert translate(early.notes[0]).startswith(f"the notice ({len(RETENTION + padding * 20):,} characters) was cut")


def test_the_cli_warns_when_text_was_cut_and_keeps_its_exit_code(tmp_path: Path) -> None:
    form = tmp_path / "form.yaml"
    form.write_text(f"purpose: {PURPOSE}\nnotice: \"{RETENTION}{'x' * (MAX_NOTICE_TEXT + 10)}\"\n"
                    "fields:\n  - key: name\n    label: Name\n", "utf-8")
    result = run_formlint("check", "--output-format", "concise", str(form))
    assert result.returncode in (0, 1)
    assert result.stderr.splitlines() == [f"formlint: warning: {form}: the notice ({len(RETENTION) + MAX_NOTICE_TEXT + 10:,}"
                                          f" characters) was cut: only the first {MAX_NOTICE_TEXT:,} characters of its"
                                          f" text and {MAX_FIELD_TEXT:,} of each statement were analysed"]
