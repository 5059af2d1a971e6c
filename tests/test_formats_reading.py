"""Readers see what a person sees: sections, titles, hints, choices, notes and the rows
and controls that take no answer, in every format (fixtures built here, in the shapes
real forms have)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from formlint.errors import FormError
from formlint.formats import load_form
from formlint.model import Field, Form


def fields_of(form: Form) -> dict[str, Field]:
    return {f.key: f for f in form.fields}


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


# ------------------------------------------------------------------- XLSForm

HOUSEHOLD_CSV = """\
survey,,,,,,,,
,type,name,label::English (en),label::Français (fr),hint::English (en),appearance,calculation,read_only
,start,start,,,,,,
,deviceid,deviceid,,,,,,
,start-geopoint,where_started,,,,,,
,note,intro,Welcome to the household survey,Bienvenue,,,,
,begin group,hh,Household roster,Liste du ménage,,field-list,,
,begin repeat,member,Household member,Membre du ménage,,,,
,text,member_name,Name of the member,Nom du membre,Use the name on the ID card,,,
,note,dob_note,What is ${member_name}'s date of birth?,Date de naissance ?,,,,
,date,dob,,,,,,
,integer,age,Age in years,Âge,,,int(today() - ${dob}) div 365,
,text,region_shown,Region,Région,,,,yes
,end repeat,,,,,,,
,begin group,docs,Documents,Documents,,table-list,,
,select_one yes_no,docs_header,Does the person have these documents?,A-t-il ces documents ?,,label,,
,select_one yes_no,passport,Passport,Passeport,,list-nolabel,,
,select_one yes_no,birth_cert,,,,list-nolabel,,
,end group,,,,,,,
,end group,,,,,,,
,hidden,country,,,,,,
,calculate,total,,,,,1 + 1,
,select_one water,water,Main source of drinking water,Source d'eau,,,,
choices,,,,,,,,
,list_name,name,label::English (en),label::Français (fr),,,,
,yes_no,yes,Yes,Oui,,,,
,yes_no,no,No,Non,,,,
,water,tap,Piped water,Robinet,,,,
,water,well,Protected well,Puits protégé,,,,
settings,,,,,,,,
,form_title,form_id,default_language,,,,,
,Household survey,hh_survey,English (en),,,,,
"""


def test_xlsform_fields_carry_their_groups_and_repeats_as_section(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "household.csv", HOUSEHOLD_CSV))
    fields = fields_of(form)
    assert form.title == "Household survey"
    assert fields["hh.member.member_name"].section == ("Household roster", "Household member")
    assert fields["hh.docs.passport"].section == ("Household roster", "Documents")
    assert fields["water"].section == ()


def test_xlsform_labels_in_every_language_hint_apart_and_choices_as_options(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "household.csv", HOUSEHOLD_CSV)))
    name = fields["hh.member.member_name"]
    assert dict(name.label) == {"en": "Name of the member", "fr": "Nom du membre"}
    assert name.hint == "Use the name on the ID card"
    assert fields["water"].options == ("Piped water", "Protected well")


def test_xlsform_rows_that_take_no_answer_are_not_fields(tmp_path: Path) -> None:
    keys = [f.key for f in load_form(write(tmp_path, "household.csv", HOUSEHOLD_CSV)).fields]
    assert keys == ["deviceid", "where_started", "hh.member.member_name", "hh.member.dob",
                    "hh.docs.passport", "hh.docs.birth_cert", "water"]


def test_xlsform_question_without_words_takes_the_note_or_header_before_it(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "household.csv", HOUSEHOLD_CSV))
    fields = fields_of(form)
    assert dict(fields["hh.member.dob"].label) == {"en": "What is …'s date of birth?",  # ${member_name}: an answer
                                                   "fr": "Date de naissance ?"}
    assert dict(fields["hh.docs.birth_cert"].label) == {"en": "Does the person have these documents?",
                                                        "fr": "A-t-il ces documents ?"}
    assert fields["hh.docs.passport"].hint == "Does the person have these documents?"
    assert "Welcome to the household survey" in form.notice.text.splitlines()


def test_xlsform_metadata_is_typed_by_what_it_collects_and_takes_no_note(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "household.csv", HOUSEHOLD_CSV)))
    assert (fields["deviceid"].type, dict(fields["deviceid"].label)) == ("deviceid", {})
    assert (fields["where_started"].type, dict(fields["where_started"].label)) == ("geopoint", {})


def test_xlsform_groups_nested_past_the_cap_are_one_error(tmp_path: Path) -> None:
    rows = "type,name,label\n" + "begin group,g,G\n" * 8000 + "text,x,X\n" + "end group,,\n" * 8000
    with pytest.raises(FormError) as caught:
        load_form(write(tmp_path, "deep.csv", rows))
    assert (caught.value.message, caught.value.line) == ("groups nested deeper than 64 levels", 66)


def test_xlsform_groups_at_the_cap_still_read(tmp_path: Path) -> None:
    rows = "type,name,label\n" + "begin group,g,G\n" * 64 + "text,x,X\n" + "end group,,\n" * 64
    (field,) = load_form(write(tmp_path, "deep.csv", rows)).fields
    assert field.key == ".".join(["g"] * 64 + ["x"]) and len(field.section) == 64


# --------------------------------------------------------------------- XForm

XFORM = """\
<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
        xmlns:jr="http://openrosa.org/javarosa">
  <h:head>
    <h:title>Child consultation</h:title>
    <model>
      <itext>
        <translation lang="fra" default="">
          <text id="vitals-label"><value>Mesures</value></text>
          <text id="weight-label"><value>Poids (kg)</value></text>
          <text id="banner-label"><value>DEMANDER</value></text>
          <text id="yes"><value>Oui</value></text>
          <text id="no"><value>Non</value></text>
        </translation>
        <translation lang="eng">
          <text id="vitals-label"><value>Measurements</value></text>
          <text id="weight-label"><value>Weight (kg)</value></text>
          <text id="banner-label"><value>ASK</value></text>
          <text id="yes"><value>Yes</value></text>
          <text id="no"><value>No</value></text>
        </translation>
      </itext>
      <instance>
        <data id="consult">
          <case_name/>
          <vitals><weight/><banner/><cough/><fever/><zscore/></vitals>
          <ack/>
          <started_at/>
          <meta><instanceID/></meta>
        </data>
      </instance>
      <instance id="yes_no">
        <root>
          <item><itextId>yes</itextId><name>1</name></item>
          <item><itextId>no</itextId><name>0</name></item>
        </root>
      </instance>
      <instance id="plain">
        <root><item><label>Red</label><name>r</name></item></root>
      </instance>
      <bind nodeset="/data/case_name" calculate="instance('casedb')/name"/>
      <bind nodeset="/data/started_at" type="geopoint"/>
      <odk:setgeopoint xmlns:odk="http://www.opendatakit.org/xforms" event="odk-instance-first-load"
                       ref="/data/started_at"/>
      <bind nodeset="/data/vitals/weight" type="decimal"/>
      <bind nodeset="/data/vitals/banner"/>
      <bind nodeset="/data/vitals/cough" type="string"/>
      <bind nodeset="/data/vitals/fever" type="string"/>
      <bind nodeset="/data/vitals/zscore" type="string" calculate="1"/>
      <bind nodeset="/data/ack" type="string" required="true()"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()"/>
    </model>
  </h:head>
  <h:body>
    <group ref="/data/vitals">
      <label ref="jr:itext('vitals-label')"/>
      <input ref="/data/vitals/weight"><label ref="jr:itext('weight-label')"/></input>
      <trigger ref="/data/vitals/banner" appearance="minimal"><label ref="jr:itext('banner-label')"/></trigger>
      <select1 ref="/data/vitals/cough">
        <itemset nodeset="instance('yes_no')/root/item"><value ref="name"/><label ref="jr:itext(itextId)"/></itemset>
      </select1>
      <select1 ref="/data/vitals/fever"><label>Fever?</label>
        <itemset nodeset="instance('plain')/root/item"><value ref="name"/><label ref="label"/></itemset>
      </select1>
      <input ref="/data/vitals/zscore"><label>Weight-for-age</label></input>
    </group>
    <trigger ref="/data/ack"><label>I agree</label></trigger>
  </h:body>
</h:html>
"""


def test_xform_fields_keep_group_titles_languages_and_itemset_choices(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "consult.xml", XFORM))
    fields = fields_of(form)
    assert (form.title, form.language) == ("Child consultation", "fr")
    assert dict(fields["vitals.weight"].label) == {"fr": "Poids (kg)", "en": "Weight (kg)"}
    assert fields["vitals.weight"].section == ("Mesures",)
    assert fields["vitals.cough"].options == ("Oui", "Non")
    assert fields["vitals.fever"].options == ("Red",)


def test_xform_display_triggers_calculations_and_hidden_nodes_are_not_fields(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "consult.xml", XFORM))
    assert [f.key for f in form.fields] == ["vitals.weight", "vitals.cough", "vitals.fever", "ack", "started_at"]
    assert fields_of(form)["ack"].type == "acknowledge"
    assert fields_of(form)["started_at"].type == "geopoint"  # start-geopoint, as XLSForm reads it
    assert "DEMANDER" in form.notice.text.splitlines()


def test_xform_question_without_a_label_takes_the_note_before_it(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "consult.xml", XFORM)))
    assert dict(fields["vitals.cough"].label) == {"fr": "DEMANDER", "en": "ASK"}
    assert fields["vitals.fever"].hint is None  # a note speaks for the next question only


@pytest.mark.parametrize("unit", ["line of text\n", "&amp;", "&#233;"])
def test_xform_text_in_many_pieces_reads_whole(tmp_path: Path, unit: str) -> None:
    title = unit * 20_000
    text = XFORM.replace("<h:title>Child consultation</h:title>", f"<h:title>{title}</h:title>")
    form = load_form(write(tmp_path, "long.xml", text))
    assert form.title is not None and len(form.title.split()) == len(title.split())


@pytest.mark.parametrize("text", ["", "  ", "a", " a  b\n\tc ", "ab cd", "abc\n\n\ndef gh ", "x" * 9 + " y"])
@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_xml_text_whitespace_squeezed_a_slice_at_a_time_is_whole(
        monkeypatch: pytest.MonkeyPatch, text: str, size: int) -> None:
    from formlint.formats import _xml

    monkeypatch.setattr(_xml, "_SLICE", size)
    assert _xml._squeeze(text) == " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["line of text\n", "&amp;"])
def test_xform_of_seven_and_a_half_megabytes_of_text_pieces_reads(tmp_path: Path, unit: str) -> None:
    title = unit * (int(7.5 * 1024 * 1024) // len(unit))
    text = XFORM.replace("<h:title>Child consultation</h:title>", f"<h:title>{title}</h:title>")
    form = load_form(write(tmp_path, "huge.xml", text))
    assert [f.key for f in form.fields] == ["vitals.weight", "vitals.cough", "vitals.fever", "ack", "started_at"]


# --------------------------------------------------------------- JSON Schema

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Grant application",
    "type": "object",
    "definitions": {
        "address": {"type": "object", "title": "Address",
                    "properties": {"street": {"type": "string", "title": "Street"},
                                   "city": {"type": "string", "description": "City or town"}}},
    },
    "properties": {
        "applicant": {
            "type": "object", "description": "About you",
            "properties": {
                "name": {"type": "string", "title": "Full name", "description": "As on your passport"},
                "home": {"$ref": "#/definitions/address", "title": "Home address"},
                "work": {"allOf": [{"$ref": "#/definitions/address"}]},
            },
        },
        "help": {"type": "array", "title": "Read this first", "items": [{"title": "help.value", "type": "null"}]},
        "attachment": {"type": "object", "title": "Attachment",
                       "properties": {"fileName": {"type": "string"}, "size": {"type": "integer"},
                                      "integrationID": {"type": "string"},
                                      "description": {"type": "string", "title": "What is this file?"}}},
        "photos": {"type": "array", "title": "Photos",
                   "items": {"type": "object", "properties": {"file_id": {"type": "integer"},
                                                              "fileName": {"type": "string"}}}},
        "sector": {"type": "string", "oneOf": [{"const": "ngo", "title": "Non-profit"},
                                               {"const": "gov", "title": "Public body"}]},
        "blood": {"type": "string", "enum": ["a", "b", "o"], "enumNames": ["Group A", "Group B"]},
    },
}


def test_json_schema_sections_from_object_titles_and_descriptions(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "grant.json", json.dumps(SCHEMA)))
    fields = fields_of(form)
    assert form.title == "Grant application"
    assert fields["applicant.name"].section == ("About you",)
    assert fields["applicant.home.street"].section == ("About you", "Home address")
    assert fields["applicant.work.city"].section == ("About you", "Address")


def test_json_schema_description_is_the_label_when_there_is_no_title(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "grant.json", json.dumps(SCHEMA))))
    assert (dict(fields["applicant.name"].label), fields["applicant.name"].hint) == \
        ({"en": "Full name"}, "As on your passport")
    assert (dict(fields["applicant.home.city"].label), fields["applicant.home.city"].hint) == \
        ({"en": "City or town"}, None)
    assert fields["sector"].options == ("Non-profit", "Public body")
    assert fields["blood"].options == ("Group A", "Group B", "o")


def test_json_schema_help_arrays_and_upload_bookkeeping_are_not_fields(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "grant.json", json.dumps(SCHEMA)))
    assert [(f.key, f.type) for f in form.fields] == [
        ("applicant.name", "text"), ("applicant.home.street", "text"), ("applicant.home.city", "text"),
        ("applicant.work.street", "text"), ("applicant.work.city", "text"),
        ("attachment", "file"), ("attachment.description", "text"), ("photos", "file"), ("sector", "select_one"),
        ("blood", "select_one"),
    ]
    assert "Read this first" in form.notice.text.splitlines()


def ref_diamond(levels: int) -> dict[str, object]:
    """Each level names the next twice: 2**levels paths through `levels` definitions."""
    definitions: dict[str, object] = {
        f"d{i}": {"type": "object", "properties": {"a": {"$ref": f"#/definitions/d{i + 1}"},
                                                   "b": {"$ref": f"#/definitions/d{i + 1}"}}}
        for i in range(levels)}
    definitions[f"d{levels}"] = {"type": "object", "properties": {}}
    return {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "definitions": definitions,
            "properties": {"root": {"$ref": "#/definitions/d0"}}}


def test_json_schema_ref_diamond_is_refused_once_its_expansion_passes_the_cap(tmp_path: Path) -> None:
    with pytest.raises(FormError) as caught:
        load_form(write(tmp_path, "diamond.json", json.dumps(ref_diamond(22))))
    assert caught.value.message == "schema expands past 50,000 objects through `$ref`s and combinators"


def test_json_schema_small_ref_diamond_still_reads(tmp_path: Path) -> None:
    schema = ref_diamond(3)
    schema["definitions"]["d3"] = {"type": "string", "title": "Leaf"}  # type: ignore[index]
    form = load_form(write(tmp_path, "diamond.json", json.dumps(schema)))
    assert len(form.fields) == 8 and form.fields[0].key == "root.a.a.a"


# ------------------------------------------------------------------- Form.io

def component(key: str, label: str, kind: str = "textfield", **extra: object) -> dict[str, object]:
    return {"type": kind, "key": key, "label": label, "input": True, **extra}


FORMIO = {
    "title": "Objection", "display": "wizard",
    "components": [
        {"type": "panel", "title": "Contact details", "key": "page1", "input": False, "components": [
            component("who", "On whose behalf?", "radio", values=[{"label": "Myself", "value": "me"},
                                                                    {"label": "Someone else", "value": "other"}]),
            {"type": "fieldset", "legend": "Representative", "key": "fs", "input": False, "components": [
                component("name", "Your name", conditional={"show": True, "when": "who", "eq": "me"}),
                component("name", "Name of the person", conditional={"show": True, "when": "who", "eq": "other"}),
            ]},
            {"type": "columns", "key": "cols", "input": False, "columns": [
                {"components": [component("phone", "Phone", "phoneNumber_city")]},
                {"components": [component("mail", "E-mail", "email")]},
            ]},
            {"type": "tabs", "key": "tabs", "input": False, "components": [
                {"label": "Address", "key": "tab1", "components": [component("street", "Street")]},
            ]},
            {"type": "datagrid", "key": "members", "label": "Household members", "input": True, "components": [
                component("member_name", "Name"),
            ]},
        ]},
        component("token", "Token", "hidden"),
        component("session", "Session", hidden=True),
        component("login", "Logged-in user", customClass="loginfield hiddenfield"),
        component("fee", "Fee", "number", calculateValue="value = 10;"),
        component("total", "Total", "number", calculateValue="value = 10;", allowCalculateOverride=True),
        component("summary", "Summary", "summary"),
        component("sub", "Form", "form", form="5f0c0ffee"),
        component("agree", "I answered truthfully", "checkbox_city"),
    ],
}


def test_formio_sections_from_panels_fieldsets_tabs_and_grids(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "objection.json", json.dumps(FORMIO)))
    fields = fields_of(form)
    assert form.title == "Objection"
    assert fields["who"].section == ("Contact details",)
    assert fields["name"].section == ("Contact details", "Representative")
    assert fields["phone"].section == ("Contact details",)
    assert fields["street"].section == ("Contact details", "Address")
    assert fields["members.member_name"].section == ("Contact details", "Household members")
    assert fields["who"].options == ("Myself", "Someone else")


def test_formio_components_that_ask_nothing_are_not_fields(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "objection.json", json.dumps(FORMIO)))
    assert [(f.key, f.type) for f in form.fields] == [
        ("who", "radio"), ("name", "text"), ("phone", "tel"), ("mail", "email"), ("street", "text"),
        ("members.member_name", "text"), ("total", "number"), ("agree", "checkbox"),
    ]


def test_formio_key_repeated_in_branches_shown_together_is_still_a_duplicate(tmp_path: Path) -> None:
    shown = [component("name", "Name", conditional={"show": True, "when": "who", "eq": "me"}),
             component("name", "Name again", conditional={"show": True, "when": "who", "eq": "me"})]
    with pytest.raises(FormError) as caught:
        load_form(write(tmp_path, "dup.json", json.dumps({"components": shown})))
    assert caught.value.message.startswith("duplicate field key 'name'")
    plain = [component("name", "Name"), component("name", "Name again")]
    with pytest.raises(FormError):
        load_form(write(tmp_path, "dup.json", json.dumps({"components": plain})))


def test_formio_keys_under_separate_custom_conditions_are_one_answer(tmp_path: Path) -> None:
    branches = [component("iban", "IBAN", customConditional="show = data.pay === 'bank'"),
                component("iban", "Account", customConditional="show = data.pay === 'giro'")]
    form = load_form(write(tmp_path, "branches.json", json.dumps({"components": branches})))
    assert [(f.key, dict(f.label)) for f in form.fields] == [("iban", {"en": "IBAN"})]


# ------------------------------------------------------------------ SurveyJS

SURVEY = {
    "title": "Employee record",
    "pages": [{"name": "p1", "title": "Personal details", "elements": [
        {"type": "panel", "name": "ssn_panel", "title": "SOCIAL SECURITY NUMBER", "elements": [
            {"type": "text", "name": "ssn", "title": ""}]},
        {"type": "panel", "name": "layout", "elements": [
            {"type": "text", "name": "first", "title": "First name"}]},
        {"type": "dropdown", "name": "dept", "title": "Department",
         "choices": [{"value": "a", "text": "Administration"}, "Design"]},
    ]}],
}


def test_surveyjs_sections_from_pages_and_panels(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, "survey.json", json.dumps(SURVEY)))
    fields = fields_of(form)
    assert form.title == "Employee record"
    assert fields["ssn"].section == ("Personal details", "SOCIAL SECURITY NUMBER")
    assert fields["first"].section == ("Personal details",)
    assert fields["dept"].options == ("Administration", "Design")


def test_surveyjs_question_titled_only_by_its_panel_takes_the_panels_title(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "survey.json", json.dumps(SURVEY))))
    assert dict(fields["ssn"].label) == {"en": "SOCIAL SECURITY NUMBER"}
    assert dict(fields["first"].label) == {"en": "First name"}


# --------------------------------------------------------- notice markup

@pytest.mark.parametrize("markup, text", [
    ("<p>We keep your <b>answers</b> for 21&nbsp;days.</p>", "We keep your answers for 21 days."),
    ("<script>var x = '<p>';</script><style>p {}</style>Shown", "Shown"),
    ("<!-- hidden -->x < y, y > z", "x < y, y > z"),
    ('<a title="1>2" href=\'/x\'>link</a>', "link"),
    ("Line one<br/>Line two", "Line one Line two"),
    ("<p>cut here <a href=\"x", "cut here"),
])
def test_notice_markup_is_read_as_its_text(markup: str, text: str) -> None:
    from formlint.formats._common import strip_markup

    assert strip_markup(markup) == text


@pytest.mark.parametrize("unit", ['<a b="', "<!--", "<![CDATA[", "</", "<?", "<"])
def test_notice_markup_of_many_unclosed_openings_reads(unit: str) -> None:
    from formlint.formats._common import strip_markup

    survey = {"elements": [{"type": "html", "name": "intro", "html": "Intro " + unit * 50_000},
                           {"type": "text", "name": "q", "title": "Q"}]}
    form = load_form("survey.json", raw=json.dumps(survey).encode())
    assert form.notice.text == strip_markup("Intro " + unit * 50_000)
    assert form.notice.text.startswith("Intro")


# A registry schema whose titles repeat its keys, as generated schemas do.
KEYED_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema",
    "type": "object",
    "properties": {
        "pincode": {"type": "string", "title": "pincode"},
        "candidatePic": {"type": "string", "title": "candidate_pic", "description": "Passport size photo"},
        "iban": {"type": "string", "title": "IBAN"},
        "gender": {"type": "string", "title": "Gender"},
        "contact": {"type": "string", "title": "Contact", "pattern": "^[6-9]\\d{9}$"},
        "altContact": {"type": "string", "pattern": "^\\+?[0-9]{10,12}$"},
        "postcode": {"type": "string", "pattern": "^\\d{6}$"},
        "code": {"type": "string", "pattern": "^[A-Z]{2}\\d{9}$"},
        "story": {"type": "string", "maxLength": 4000},
        "motto": {"type": "string", "maxLength": 120},
        "plan": {"type": "string", "x-component": "Input.TextArea"},
    },
}


def test_json_schema_title_that_repeats_the_key_is_no_label(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "registry.json", json.dumps(KEYED_SCHEMA))))
    assert dict(fields["pincode"].label) == {}
    assert dict(fields["candidatePic"].label) == {"en": "Passport size photo"}
    assert (dict(fields["gender"].label), dict(fields["iban"].label)) == ({"en": "Gender"}, {"en": "IBAN"})


def test_json_schema_long_strings_are_text_areas_and_phone_patterns_telephones(tmp_path: Path) -> None:
    fields = fields_of(load_form(write(tmp_path, "registry.json", json.dumps(KEYED_SCHEMA))))
    assert {k: fields[k].type for k in ("contact", "altContact", "postcode", "code", "story", "motto", "plan")} == {
        "contact": "tel", "altContact": "tel", "postcode": "text", "code": "text",
        "story": "textarea", "motto": "text", "plan": "textarea"}


def test_formio_label_that_repeats_the_key_is_no_label(tmp_path: Path) -> None:
    form = {"display": "form", "components": [
        {"type": "textfield", "key": "pincode", "label": "pincode", "input": True},
        {"type": "textfield", "key": "city", "label": "City", "input": True}]}
    fields = fields_of(load_form(write(tmp_path, "form.json", json.dumps(form))))
    assert (dict(fields["pincode"].label), dict(fields["city"].label)) == ({}, {"en": "City"})
