"""ODK XForm: instance paths as keys, itext translations as labels, defused XML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, run_formlint
from test_formats_xlsform import summary

from formlint.discovery import discover
from formlint.errors import FormError
from formlint.formats import load_form

XFORM = FIXTURES / "formats" / "xform"
HEAD = ('<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
        "<h:head><model><instance><data>")


def test_itext_translations_give_every_language_default_first() -> None:
    form = load_form(str(XFORM / "venue-checkin.xml"))
    assert summary(form) == [
        ("deviceid", {}, "deviceid", 51, 7, "online.device_id"),
        ("name", {"en": "Full name", "zh": "姓名", "es": "Nombre completo"}, "text", 66, 5, "identity.name"),
        ("phone", {"en": "Phone number", "zh": "联系电话", "es": "Teléfono"}, "text", 67, 5, "contact.phone"),
        ("visit.date", {"en": "Date of visit", "zh": "到访日期", "es": "Fecha de la visita"}, "date", 73, 7,
         "event.visit_time"),
        ("visit.party", {"en": "Number in party"}, "integer", 74, 7, "event.party_size"),
        ("id_number", {"en": "ID number", "zh": "身份证号", "es": "DNI"}, "text", 76, 5, "identity.government_id"),
        ("where", {"en": "Where are you?"}, "geopoint", 77, 5, "location.precise"),
        ("symptoms", {"en": "Any symptoms?"}, "select_one", 78, 5, "health.condition"),
    ]


def test_xform_title_id_language_required_hint_options_and_pointer() -> None:
    form = load_form(str(XFORM / "venue-checkin.xml"))
    fields = {f.key: f for f in form.fields}
    assert (form.format, form.id, form.title, form.language) == ("xform", "venue_checkin", "Visitor check-in", "en")
    assert (fields["phone"].required, fields["phone"].hint, fields["phone"].pointer) == \
        (True, "e.g. 07700 900000", "/data/phone")
    assert fields["symptoms"].options == ("Yes", "No")
    assert fields["visit.party"].required is False


def test_read_only_inputs_are_notice_text_not_fields() -> None:
    form = load_form(str(XFORM / "venue-checkin.xml"))
    assert "intro" not in {f.key for f in form.fields}
    assert form.notice.text.splitlines() == [
        "Visitor check-in",
        "We collect your name, phone number and time of visit for contact tracing. Records are deleted after 21 days.",
        "我们收集您的姓名、电话和到访时间，仅用于流调，21天后删除。",
        "Recogemos su nombre y teléfono para el rastreo.",
        "e.g. 07700 900000",
    ]


def test_repeats_uploads_and_silent_sim_serial_but_not_hidden_data() -> None:
    form = load_form(str(XFORM / "household.xml"))
    assert summary(form) == [
        ("members.member_name", {"zh": "家庭成员姓名"}, "text", 29, 7, "social.household"),
        ("members.relation", {"zh": "与户主关系"}, "text", 30, 7, "social.household"),
        ("photo", {"zh": "免冠照片"}, "image", 32, 5, "identity.photo"),
        ("signature", {"zh": "本人签名"}, "signature", 33, 5, "identity.signature"),
        ("sim", {}, "simserial", 23, 7, "online.device_id"),
    ]
    assert (form.language, form.title) == ("zh", "社区返回登记")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def one_error(tmp_path: Path, name: str, text: str) -> str:
    path = write(tmp_path, name, text)
    result = run_formlint("check", "--purpose", "venue-check-in", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    return lines[0].replace(str(path), "FILE")


def test_billion_laughs_is_refused_at_the_entity_declaration(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    text = f'<?xml version="1.0"?>\n<!DOCTYPE h:html [\n<!ENTITY lol0 "lol">\n{entities}]>\n{HEAD}&lol9;</data>'
    assert one_error(tmp_path, "laughs.xml", text) == \
        "FILE:3:15: error: XML entity declaration 'lol0' refused: formlint does not expand entities"


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE h:html [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
            f"{HEAD}<name>&xxe;</name></data>")
    assert one_error(tmp_path, "xxe.xml", text) == ("FILE:2:60: error: XML entity declaration 'xxe' pointing at "
                                                     "'file:///etc/passwd' refused: formlint does not expand entities")


def test_external_dtd_is_refused(tmp_path: Path) -> None:
    text = f'<?xml version="1.0"?>\n<!DOCTYPE h:html SYSTEM "http://example.invalid/x.dtd">\n{HEAD}</data>'
    assert one_error(tmp_path, "dtd.xml", text).startswith(
        "FILE:2:55: error: external XML reference pointing at 'http://example.invalid/x.dtd' refused")


def test_deep_nesting_is_refused_at_the_element_opening_level_65(tmp_path: Path) -> None:
    text = HEAD + "\n" + "<g>" * 80 + "</g>" * 80 + "</data></instance></model></h:head></h:html>"
    assert one_error(tmp_path, "deep.xml", text) == "FILE:2:178: error: XML nested deeper than 64 levels"


def test_broken_xml_reports_its_position(tmp_path: Path) -> None:
    assert one_error(tmp_path, "broken.xml", HEAD + "\n<name></data>") == "FILE:2:9: error: invalid XML: mismatched tag"


def test_xhtml_without_model_is_not_an_xform(tmp_path: Path) -> None:
    text = '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:body/></h:html>'
    with pytest.raises(FormError) as caught:
        load_form(str(write(tmp_path, "nomodel.xml", text)))
    assert caught.value.message == "not an XForm: no <h:head><model>"


def test_xml_without_the_xforms_namespace_names_the_formats_tried(tmp_path: Path) -> None:
    path = write(tmp_path, "pom.xml", "<project><version>1</version></project>")
    result = run_formlint("check", str(path))
    assert result.stderr.strip() == f"{path}:1:1: error: not a form in any format formlint reads (tried xform)"
    assert list(discover([str(tmp_path)])) == []


def test_check_xform_reports_exact_codes_and_lines() -> None:
    path = XFORM / "venue-checkin.xml"
    result = run_formlint("check", "--policy", "epidemic-registration", "--purpose", "venue-check-in", "--format", "json",
                          str(path))
    found = [(f["code"], f["line"], f["column"], f["field"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("NT302", 2, 1, None),
        ("DM101", 51, 7, "deviceid"),
        ("DM102", 76, 5, "id_number"),
        ("DM102", 77, 5, "where"),
        ("DM102", 78, 5, "symptoms"),
    ]
    assert result.returncode == 1


def test_a_multiline_input_is_a_box_for_a_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path, "story.xml", HEAD + "<events/><village/></data></instance>"
                 '<bind nodeset="/data/events" type="string"/><bind nodeset="/data/village" type="string"/>'
                 '</model></h:head><h:body><input appearance="multiline" ref="/data/events">'
                 "<label>Tell us what happened</label></input>"
                 '<input ref="/data/village"><label>Village</label></input></h:body></h:html>')
    form = load_form(str(path))
    assert [(f.key, f.type) for f in form.fields] == [("events", "textarea"), ("village", "text")]
