"""Readers tell a form's language from its words when the form does not declare it, so
the right pack's phrases, stems and compounds read its labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from formlint.classify import classify
from formlint.formats import load_form
from formlint.formats._common import is_message_key
from formlint.model import Form


def _write(tmp_path: Path, name: str, text: str) -> Form:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load_form(str(path))


def _formio(labels: list[str], panel: str = "Gegevens", **extra: object) -> str:
    components = [{"type": "textfield", "key": f"f{i}", "label": text, "input": True}
                  for i, text in enumerate(labels)]
    # Nested in a panel: the words that tell the language are not all at the top.
    return json.dumps({"components": [{"type": "panel", "key": "p", "title": panel,
                                       "components": components}], **extra})


DUTCH = ["Wat is uw geboortedatum?", "Hoe wilt u dat de gemeente contact met u opneemt?",
         "Heeft u een partner?", "Woonadres"]
FINNISH = ["Mikä on nimesi?", "Onko sinulla pitkäaikaissairaus?", "Kuukausitulot ja muut tulot"]
GERMAN = ["Wie ist Ihr Familienstand?", "Name der Hochschule", "Haben Sie Kinder?"]
FRENCH = ["Quel est votre nom ?", "Quelle est la date de naissance de l'enfant ?", "Avez-vous de la fièvre ?"]


def test_a_formio_form_in_dutch_is_read_as_dutch(tmp_path: Path) -> None:
    form = _write(tmp_path, "f.json", _formio(DUTCH))
    assert form.language == "nl"
    assert [list(f.label) for f in form.fields] == [["nl"]] * len(DUTCH)


def test_a_declared_language_wins_over_the_words(tmp_path: Path) -> None:
    form = _write(tmp_path, "f.json", _formio(DUTCH, **{"x-formlint": {"language": "de"}}))
    assert form.language == "de"


def test_a_json_schema_in_finnish_is_read_as_finnish(tmp_path: Path) -> None:
    schema = {"type": "object", "title": "Hakemus", "properties": {
        f"q{i}": {"type": "string", "title": text} for i, text in enumerate(FINNISH)}}
    form = _write(tmp_path, "s.json", json.dumps(schema))
    assert (form.language, list(form.fields[0].label)) == ("fi", ["fi"])


def test_a_surveyjs_survey_without_locale_is_read_by_its_words(tmp_path: Path) -> None:
    survey = {"pages": [{"name": "p", "elements": [
        {"type": "text", "name": f"q{i}", "title": text} for i, text in enumerate(GERMAN)]}]}
    assert _write(tmp_path, "s.json", json.dumps(survey)).language == "de"
    survey["locale"] = "fr"
    assert _write(tmp_path, "t.json", json.dumps(survey)).language == "fr"


def test_an_xform_without_translations_is_read_by_its_labels(tmp_path: Path) -> None:
    body = "".join(f'<input ref="/d/q{i}"><label>{text}</label></input>' for i, text in enumerate(FRENCH))
    binds = "".join(f"<q{i}/>" for i in range(len(FRENCH)))
    xform = ('<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
             f'<h:head><h:title>Enquête</h:title><model><instance><d id="x">{binds}</d></instance></model>'
             f"</h:head><h:body>{body}</h:body></h:html>")
    assert _write(tmp_path, "x.xml", xform).language == "fr"


def test_an_xlsform_plain_label_column_is_read_by_its_words(tmp_path: Path) -> None:
    rows = ["type,name,label", "text,jina,Jina la mtoto ni nani?", "integer,umri,Umri wa mtoto ni miaka mingapi?",
            "text,kijiji,Je unaishi katika kijiji gani?"]
    form = _write(tmp_path, "sw.csv", "\n".join(rows) + "\n")
    assert (form.language, list(form.fields[0].label)) == ("sw", ["sw"])
    assert [classify(f).category for f in form.fields] == ["identity.name", "identity.age", "contact.address"]


@pytest.mark.parametrize("labels", [["Email", "Phone"], ["ID", "No."], ["Nama", "Nama"]])
def test_words_that_do_not_say_leave_english(tmp_path: Path, labels: list[str]) -> None:
    assert _write(tmp_path, "f.json", _formio(labels, panel="")).language == "en"


def test_a_dutch_form_reads_dutch_compounds_and_not_finnish_false_friends(tmp_path: Path) -> None:
    form = _write(tmp_path, "f.json", _formio([*DUTCH, "Asunto"]))
    assert classify(form.fields[3]).category == "contact.address"  # woon|adres, split as Dutch
    assert classify(form.fields[4]).category == "unknown"  # Finnish "asunto" (flat) is no Dutch word


# ------------------------------------------------- i18n message keys are no labels


@pytest.mark.parametrize("text,is_key", [
    ("form.field.name.label", True), ("other_compensation_issuer_name.title", True), ("applicant.firstName", True),
    ("Full name", False), ("e.g.", False), ("No.", False), ("1.2", False), ("Name:", False), ("www.example.com ok", False),
])
def test_message_keys_are_told_from_words(text: str, is_key: bool) -> None:
    assert is_message_key(text) is is_key


def test_a_json_schema_whose_titles_are_message_keys_is_read_by_its_keys(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"applicant": {
        "type": "object", "title": "applicant_section.title",
        "properties": {"issuer_name": {"type": "string", "title": "issuer_name.title"},
                       "email": {"type": "string", "title": "applicant.email.label"}}}}}
    form = _write(tmp_path, "s.json", json.dumps(schema))
    assert [(f.key, f.label, f.section) for f in form.fields] == [
        ("applicant.issuer_name", {}, ()), ("applicant.email", {}, ())]
    assert form.language == "en"


def test_a_formio_label_that_is_a_message_key_is_no_label_unless_translated(tmp_path: Path) -> None:
    component = {"type": "textfield", "key": "phone", "label": "contact.phone.label", "input": True}
    plain = _write(tmp_path, "f.json", json.dumps({"components": [component]}))
    translated = _write(tmp_path, "g.json", json.dumps({"components": [component], "x-formlint": {
        "translations": {"nl": {"contact.phone.label": "Telefoonnummer"}}}}))
    assert plain.fields[0].label == {}
    assert translated.fields[0].label == {"nl": "Telefoonnummer"}
