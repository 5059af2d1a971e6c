"""JSON Schema, SurveyJS, Form.io and HTML forms: what formlint reads from each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_formlint

from formlint.classify import classify
from formlint.pipeline import classify_form
from formlint.errors import FormError
from formlint.formats import load_form
from formlint.model import Field, Form
from formlint.taxonomy import load_taxonomy

FORMATS = FIXTURES / "formats"
EXPECTED = FIXTURES / "formats-expected"
TAXONOMY = load_taxonomy()

# path -> (format, language, title, purpose, [(key, label map, line, category), ...])
CASES = {
    "json-schema/venue-check-in.json": ("json-schema", "en", "Visitor check-in", "venue-check-in", [
        ("name", {"en": "Full name"}, 13, "identity.name"),
        ("phone", {"en": "Phone number"}, 14, "contact.phone"),
        ("email", {}, 15, "contact.email"),
        ("visit.arrival", {"en": "Arrival time"}, 19, "event.visit_time"),
        ("visit.table", {"en": "Table"}, 20, "event.visit_details"),
        ("party.name", {"en": "Guest name"}, 37, "identity.name"),
        ("faith", {"en": "Religion"}, 28, "special.religion"),
    ]),
    "json-schema/registro.yaml": ("json-schema", "es", "Registro de visitantes", "venue-check-in", [
        ("p1", {"es": "Nombre completo", "pt": "Nome completo"}, 17, "identity.name"),
        ("p2", {"es": "Fecha de nacimiento", "pt": "Data de nascimento"}, 20, "identity.date_of_birth"),
        ("p3", {"es": "Número de pasaporte", "pt": "Número do passaporte"}, 24, "identity.government_id"),
        ("p4.q1", {"es": "Calle", "pt": "Rua"}, 33, "contact.address"),
    ]),
    "surveyjs/health-declaration.json": ("surveyjs", "en", "Health declaration", "health-declaration", [
        ("fullName", {"en": "Full name"}, 10, "identity.name"),
        ("mobile", {"en": "Mobile"}, 11, "contact.phone"),
        ("symptoms", {"en": "Symptoms in the last 14 days"}, 13, "health.condition"),
        ("household.relation", {"en": "Relationship"}, 18, "social.household"),
        ("household.age", {"en": "Age"}, 19, "identity.age"),
        ("sig", {"en": "Done by"}, 28, "identity.signature"),
        ("cardNo", {"en": "Card number"}, 29, "identity.government_id"),
    ]),
    "surveyjs/fanhui-dengji.json": ("surveyjs", "zh-cn", "返回登记", "return-to-community", [
        ("q1", {"zh-cn": "姓名", "zh-tw": "姓名", "en": "Name"}, 7, "identity.name"),
        ("q2", {"zh-cn": "联系电话", "zh-tw": "聯絡電話", "en": "Phone number"}, 8, "contact.phone"),
        ("q3", {"zh-cn": "身份证号", "zh-tw": "身份證號", "en": "ID number"}, 9, "identity.government_id"),
        ("q4", {"zh-cn": "血型", "zh-tw": "血型", "en": "Blood type"}, 10, "health.blood_type"),
        ("q5", {"zh-cn": "现居住地址", "zh-tw": "現居住地址", "en": "Home address"}, 12, "contact.address"),
    ]),
    "formio/pharmacy.json": ("formio", "en", "Pharmacy purchase record", "pharmacy-purchase", [
        ("buyerName", {"en": "Name"}, 15, "identity.name"),
        ("buyerPhone", {"en": "Phone"}, 17, "contact.phone"),
        ("home", {"en": "Deliver to"}, 21, "contact.address"),
        ("purchase.when", {"en": "Purchase time"}, 23, "event.visit_time"),
        ("purchase.medicine", {"en": "Medicine"}, 24, "health.condition"),
        ("symptoms.kind", {"en": "Symptom"}, 28, "health.condition"),
        ("mail", {"en": "Email"}, 32, "contact.email"),
    ]),
    "formio/inscription.json": ("formio", "fr", "Inscription / Anmeldung", "venue-check-in", [
        ("f1", {"fr": "Prénom", "de": "Vorname"}, 16, "identity.name"),
        ("f2", {"fr": "Date de naissance", "de": "Geburtsdatum"}, 17, "identity.date_of_birth"),
        ("f3", {"fr": "Sexe", "de": "Geschlecht"}, 18, "identity.sex"),
        ("f4", {"fr": "Numéro de téléphone", "de": "Telefonnummer"}, 24, "contact.phone"),
        ("f5", {"fr": "Nationalité", "de": "Staatsangehörigkeit"}, 25, "identity.nationality"),
    ]),
    "html/check-in.html.erb": ("html", "en", "Visitor check-in", "venue-check-in", [
        ("visitor[name]", {"en": "Your name"}, 18, "identity.name"),
        ("visitor[phone]", {"en": "Phone"}, 19, "contact.phone"),
        ("visitor[born]", {"en": "Date of birth"}, 21, "identity.date_of_birth"),
        ("visitor[email]", {"en": "you@example.com"}, 23, "contact.email"),
        ("visitor[party]", {"en": "Group size"}, 26, "event.party_size"),
        ("visitor[area]", {"en": "Seating area"}, 29, "event.visit_details"),
        ("visitor[notes]", {"en": "Anything else?"}, 32, "content.free_text"),
    ]),
    "html/anmeldung.blade.php": ("html", "de", None, "return-to-community", [
        ("a", {"de": "Vollständiger Name", "en": "Full name", "zh-Hant": "姓名"}, 14, "identity.name"),
        ("b", {"de": "Handynummer", "en": "Mobile number", "zh-Hant": "手機號碼"}, 17, "contact.phone"),
        ("c", {"de": "Religion", "en": "Religion", "zh-Hant": "宗教信仰"}, 20, "special.religion"),
        ("d", {"de": "Blutgruppe", "en": "Blood type", "zh-Hant": "血型"}, 22, "health.blood_type"),
        ("e", {"de": "Wohnadresse", "en": "Home address", "zh-Hant": "住址"}, 25, "contact.address"),
    ]),
}


def load(relative: str, input_format: str | None = None) -> Form:
    return load_form(str(FORMATS / relative), input_format)


@pytest.mark.parametrize("relative", sorted(CASES))
def test_fixture_fields_labels_lines_and_categories(relative: str) -> None:
    name, language, title, purpose, expected = CASES[relative]
    form = load(relative)
    classes = classify_form(form, TAXONOMY)
    assert (form.format, form.language, form.title, form.purpose) == (name, language, title, purpose)
    got = [(f.key, dict(f.label), f.location.line, classes[f.key].category) for f in form.fields]
    assert got == expected


@pytest.mark.parametrize("relative", sorted(r for r, case in CASES.items()
                                            if any(len(label) > 1 for _, label, _, _ in case[4])))
def test_every_language_alone_gives_the_same_category(relative: str) -> None:
    """Each translation classifies correctly on its own, with a key that says nothing."""
    for key, labels, _, category in CASES[relative][4]:
        for lang, text in labels.items():
            verdict = classify(Field(key="q", label={lang: text}), TAXONOMY)
            assert (lang, text, verdict.category) == (lang, text, category)


def test_multilingual_fixtures_cover_six_languages() -> None:
    languages = {lang.split("-")[0].lower() for case in CASES.values() for _, labels, _, _ in case[4]
                 for lang in labels}
    scripts = {lang for case in CASES.values() for _, labels, _, _ in case[4] for lang in labels
               if lang.lower().startswith("zh")}
    assert languages == {"en", "es", "pt", "fr", "de", "zh"}
    assert scripts == {"zh-cn", "zh-tw", "zh-Hant"}


def test_types_autocomplete_options_and_required() -> None:
    schema = {f.key: f for f in load("json-schema/venue-check-in.json").fields}
    html = {f.key: f for f in load("html/check-in.html.erb").fields}
    formio = {f.key: f for f in load("formio/pharmacy.json").fields}
    survey = {f.key: f for f in load("surveyjs/health-declaration.json").fields}
    assert [(schema[k].type, schema[k].required) for k in ("name", "email", "visit.arrival")] == [
        ("text", True), ("email", False), ("datetime", False)]
    assert (schema["phone"].autocomplete, html["visitor[born]"].autocomplete) == ("tel", "bday")
    assert [html[k].type for k in ("visitor[phone]", "visitor[party]", "visitor[area]")] == [
        "tel", "radio", "select_one"]
    assert "authenticity_token" not in html  # hidden inputs take no answer
    assert (html["visitor[party]"].options, html["visitor[area]"].options) == (("Just me", "Two or more"),
                                                                               ("Inside", "Terrace"))
    assert (formio["buyerPhone"].type, formio["home"].type, formio["buyerName"].required) == ("tel", "address", True)
    assert formio["symptoms.kind"].options == ("Fever", "Cough")
    assert (survey["mobile"].type, survey["sig"].type, survey["symptoms"].options) == ("tel", "signature",
                                                                                      ("Fever", "Cough"))


def test_suppressions_are_attached_with_their_location() -> None:
    found = {}
    for relative in CASES:
        for item in load(relative).fields:
            for s in item.suppressions:
                found[(relative, item.key)] = (s.codes, s.reason, s.location.line)
    assert found == {
        ("json-schema/venue-check-in.json", "faith"): (("DM102",), "asked by the venue's chaplaincy", 28),
        ("surveyjs/health-declaration.json", "cardNo"): (("DM102",), "the clinic's registration needs it", 29),
        ("formio/pharmacy.json", "mail"): (("DM101",), "receipts are emailed", 32),
        ("html/check-in.html.erb", "visitor[born]"): (("DM101",), "proof of age for the bar", 21),
    }


def test_metadata_and_notice_text() -> None:
    formio = load("formio/pharmacy.json")
    assert (formio.collector.name, formio.notice.retention, formio.notice.recipients) == (
        "Hillside Pharmacy", "28 days", ())
    assert formio.notice.text == ("Hillside Pharmacy records cold and fever medicine sales "
                                  "for the district health office.")
    survey = load("surveyjs/fanhui-dengji.json")
    assert survey.notice.text == "信息仅用于疫情防控，14天后删除。\n資料僅用於疫情防控，14天後刪除。\n谢谢配合\n謝謝配合"
    html = load("html/check-in.html.erb")
    # Template code, the aria-labelledby target, labels, scripts and styles are not notice text.
    assert html.notice.text == "Welcome to\nWe collect these details only for NHS Test and Trace."
    assert (html.notice.retention, html.notice.recipients, html.location_of("/purpose").line) == (
        "21 days", ("NHS Test and Trace",), 5)
    blade = load("html/anmeldung.blade.php")
    assert (blade.visibility, blade.collector.name) == ("shared", "Gemeinde Bergdorf")
    schema = load("json-schema/venue-check-in.json")
    assert (schema.location_of("/purpose").line, schema.notice.location.line) == (7, 4)


@pytest.mark.parametrize("relative", sorted(CASES))
def test_input_format_overrides_detection(relative: str) -> None:
    """Forcing native makes even a well-formed foreign form fail native validation."""
    with pytest.raises(FormError):
        load(relative, "native")


def test_input_format_picks_the_reader_when_two_could_claim_a_file(tmp_path: Path) -> None:
    both = tmp_path / "both.json"
    both.write_text('{"type": "object", "properties": {"email": {"type": "string"}},\n'
                    ' "components": [{"type": "textfield", "key": "phone", "input": true}]}', "utf-8")
    assert [f.key for f in load_form(str(both)).fields] == ["phone"]
    assert [f.key for f in load_form(str(both), "json-schema").fields] == ["email"]
    result = run_formlint("classify", "--input-format", "json-schema", str(both))
    assert (result.returncode, result.stdout.split("\n")[1].split()[:2]) == (0, ["1", "email"])


def test_native_forms_are_not_claimed_by_other_readers() -> None:
    native = [load_form(str(p)).format for p in sorted((ROOT / "sample_forms").glob("*.yaml"))]
    assert set(native) == {"native"}


def test_cli_classify_on_a_folder_of_mixed_formats() -> None:
    result = run_formlint("classify", "tests/fixtures/formats")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (EXPECTED / "classify.txt").read_text("utf-8")


def test_cli_check_on_a_folder_of_mixed_formats() -> None:
    result = run_formlint("check", "--policy", "epidemic-registration", "--purpose", "venue-check-in",
                          "tests/fixtures/formats")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (EXPECTED / "check-venue-check-in.txt").read_text("utf-8")


def _error(path: Path) -> str:
    """The one diagnostic line `formlint check` prints for a hostile or broken file."""
    result = run_formlint("check", "--purpose", "venue-check-in", str(path))
    lines = result.stderr.strip().splitlines()
    assert (result.returncode, len(lines), "Traceback" in result.stderr) == (2, 1, False), result.stderr
    return lines[0].replace(str(path), "FILE")


def test_deeply_nested_json_schema_is_one_error_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"$schema": "http://json-schema.org/draft-07/schema#", "properties": '
                    + '{"a": {"properties": ' * 40 + "{}" + "}}" * 40 + "}", "utf-8")
    assert _error(deep).startswith("FILE:1:") and _error(deep).endswith("error: nesting deeper than 64 levels")


def test_json_schema_ref_cycles_stop_and_ref_fan_out_is_capped(tmp_path: Path) -> None:
    cycle = tmp_path / "cycle.json"
    cycle.write_text('{"type": "object", "properties": {"me": {"$ref": "#"}, "name": {"type": "string"}}}', "utf-8")
    assert [f.key for f in load_form(str(cycle)).fields] == ["me.me", "me.name", "name"]
    levels = {f"l{i}": {"type": "object", "properties": {f"p{j}": {"$ref": f"#/$defs/l{i + 1}"} for j in range(10)}}
              for i in range(6)}
    levels["l6"] = {"type": "string"}
    bomb = tmp_path / "fan-out.json"
    bomb.write_text(json.dumps({"type": "object", "properties": {"x": {"$ref": "#/$defs/l0"}}, "$defs": levels}),
                    "utf-8")
    assert _error(bomb).endswith(": error: form expands to more than 10,000 fields")


def test_alias_bomb_yaml_json_schema_is_one_error_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["type: object", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
              f"*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 9)]
    lines.append("properties: {name: {type: string, enum: *a8}}")
    bomb.write_text("\n".join(lines) + "\n", "utf-8")
    assert "error: document expands to more than 200,000 nodes" in _error(bomb)


def test_deep_surveyjs_panels_and_formio_components_are_one_error_line(tmp_path: Path) -> None:
    survey = tmp_path / "survey.json"
    panel = '{"type": "text", "name": "leaf"}'
    for i in range(70):
        panel = f'{{"type": "panel", "name": "p{i}", "elements": [{panel}]}}'
    survey.write_text(f'{{"elements": [{panel}]}}', "utf-8")
    assert _error(survey).endswith("error: nesting deeper than 64 levels")
    formio = tmp_path / "formio.json"
    formio.write_text('{"components": [{"type": "panel", "components": [{"type": "textfield", "input": true}]}]}',
                      "utf-8")
    assert _error(formio) == "FILE:1:50: error: a Form.io input component needs a `key`"


def test_deeply_nested_html_is_one_error_line(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>\n" * 100 + '<input name="email">' + "</div>" * 100, "utf-8")
    assert _error(page) == "FILE:65:1: error: HTML nested deeper than 64 levels"


def test_huge_attribute_and_unclosed_paragraphs_read_cleanly(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_text("<p>Intro\n" * 500 + f'<input name="email" placeholder="{"x" * 2_000_000}">\n', "utf-8")
    form = load_form(str(page))
    # The paragraph just above the input is what a person reads as its label; the placeholder is its hint.
    assert [(f.key, f.location.line, f.first_label, len(f.hint or "")) for f in form.fields] == [
        ("email", 501, "Intro", 2_000_000)]


def test_template_code_never_breaks_markup_or_reads_as_text(tmp_path: Path) -> None:
    page = tmp_path / "t.jinja"
    page.write_text('{% if x %}<p>{{ greeting }} Hello</p>{% endif %}\n'
                    '<label for="n">Name {# a comment #}</label><input id="n" name="<%= k %>n{{ s }}">\n'
                    '<?php echo "<input name=\'fake\'>"; ?><input name="p" aria-label="Phone ${x}">\n', "utf-8")
    form = load_form(str(page))
    # Markup that PHP echoes is what the browser gets: its control is read in place.
    assert [(f.key, dict(f.label), f.location.line, f.location.column) for f in form.fields] == [
        ("n", {"en": "Name"}, 2, 44), ("fake", {}, 3, 13), ("p", {"en": "Phone"}, 3, 37)]
    assert form.notice.text == "Hello"


def test_bad_x_formlint_metadata_points_at_its_line(tmp_path: Path) -> None:
    form = tmp_path / "meta.json"
    form.write_text('{"components": [],\n "x-formlint": {\n   "purpse": "venue-check-in"}}', "utf-8")
    assert _error(form) == ("FILE:3:4: error: unknown key 'purpse' (did you mean 'purpose'?); allowed: collector, "
                            "id, ignore, language, legal_basis, notice, purpose, recipients, retention, "
                            "translations, visibility")
    page = tmp_path / "meta.html"
    page.write_text('<meta name="formlint:purpse" content="x">\n<input name="a">', "utf-8")
    assert _error(page).startswith("FILE:1:1: error: unknown meta name 'formlint:purpse' (did you mean "
                                   "'formlint:purpose'?)")


def test_html_without_controls_is_not_a_form(tmp_path: Path) -> None:
    page = tmp_path / "about.html"
    page.write_text("<h1>About us</h1>", "utf-8")
    assert _error(page) == "FILE:1:1: error: not a form in any format formlint reads (tried html)"


def test_json_schema_format_that_is_not_a_string_is_ignored(tmp_path: Path) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('{"type": "object", "properties": {"mail": {"type": "string", "format": ["email"]},'
                   ' "born": {"type": "string", "format": "date"}}}', "utf-8")
    assert [(f.key, f.type) for f in load_form(str(odd)).fields] == [("mail", "text"), ("born", "date")]


def test_unclosed_template_delimiters_leave_the_html_as_it_is() -> None:
    from formlint.formats.html import blank_templates

    unclosed = "{{ <% ${ {# " * 10_000
    assert blank_templates("{{ a }} " + unclosed + "<input name=d>") == " " * 8 + unclosed + "<input name=d>"
