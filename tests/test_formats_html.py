"""HTML forms and templates read as a person sees them: labels, choices, hints and sections;
component tags; and linear reading of hostile markup."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from formlint.errors import FormError
from formlint.formats import candidates, load_form
from formlint.formats._html_templates import blank_templates
from formlint.formats._html_tokens import EndTag, StartTag, Text, tokens
from formlint.model import Field, Form


def read(tmp_path: Path, markup: str, name: str = "form.html") -> Form:
    page = tmp_path / name
    page.write_text(markup, "utf-8")
    return load_form(str(page))


def fields(form: Form) -> dict[str, Field]:
    return {f.key: f for f in form.fields}


# ------------------------------------------------------------ labels


def test_label_cells_of_a_table_row(tmp_path: Path) -> None:
    form = read(tmp_path, """
<table>
  <tr><td>Name of physician</td><td><label><input name="doctor"></label></td></tr>
  <tr><th><div>Telephone number</div></th><td><input name="tel"></td></tr>
</table>""")
    assert [(f.key, f.first_label) for f in form.fields] == [("doctor", "Name of physician"),
                                                            ("tel", "Telephone number")]


def test_column_headers_label_the_cells_below_them(tmp_path: Path) -> None:
    form = read(tmp_path, """
<table>
  <tr><th>Document</th><th>Surname</th><th>Email</th></tr>
  <tr><td><input name="doc1"></td><td><input name="surname1"></td><td><input name="mail1"></td></tr>
</table>""")
    assert [f.first_label for f in form.fields] == ["Document", "Surname", "Email"]


def test_a_row_of_text_cells_names_the_columns_below_it_after_any_label_cell(tmp_path: Path) -> None:
    form = read(tmp_path, """
<table>
  <tr><td colspan="3">Data for the record</td></tr>
  <tr><td>User</td><td>Document</td><td>Surname</td></tr>
  <tr><td></td><td><input name="doc1"></td><td><input name="surname1"></td></tr>
  <tr><td>Second</td><td><input name="doc2"></td><td><input name="surname2"></td></tr>
</table>
<div><label>Department</label><button type="button">Go!</button><select name="dept"><option>A</select></div>""")
    assert [(f.key, f.first_label) for f in form.fields] == [
        ("doc1", "Document"), ("surname1", "Surname"), ("doc2", "Second"), ("surname2", "Surname"),
        ("dept", "Department")]
    assert form.fields[0].section == ("Data for the record",)


def test_option_text_after_a_radio_does_not_label_the_next_cell_and_the_column_asks(tmp_path: Path) -> None:
    form = read(tmp_path, """
<fieldset><legend>Applicant</legend>
<table>
  <tr><td>Sex</td><td>Age</td><td>Weight</td></tr>
  <tr><td><input type="radio" name="sex" value="F">Female <input type="radio" name="sex" value="M">Male</td>
      <td><input name="age"></td><td><input name="weight"> kg</td></tr>
  <tr><td colspan="3">Conditions</td></tr>
  <tr><td><input type="checkbox" name="cond" value="a">Asthma</td>
      <td><input type="checkbox" name="cond" value="d">Diabetes</td><td></td></tr>
</table></fieldset>""")
    got = fields(form)
    assert [got[k].first_label for k in ("sex", "age", "weight")] == ["Sex", "Age", "Weight"]
    assert got["cond"].first_label == "Applicant"  # the old columns end where a title row starts
    assert got["cond"].section == ("Applicant", "Conditions")


def test_text_before_a_control_is_its_label_when_nothing_else_names_it(tmp_path: Path) -> None:
    form = read(tmp_path, """
<div class="row"><div class="col-3"><label class="control-label">Full name</label></div>
<div class="col-9"><input name="a" placeholder="As in your passport"></div></div>
<p>My own observations:</p>
<textarea name="notes"></textarea>
Postcode: <input name="pc"><br>
City: <input name="city">""")
    got = fields(form)
    assert [(k, f.first_label) for k, f in got.items()] == [
        ("a", "Full name"), ("notes", "My own observations:"), ("pc", "Postcode:"), ("city", "City:")]
    assert got["a"].hint == "As in your passport"


def test_the_nearest_of_two_labels_for_one_id_wins_and_the_other_labels_what_follows(tmp_path: Path) -> None:
    form = read(tmp_path, """
<div><label for="status">Date of birth</label><my-date v-model="born"></my-date>
<el-date-picker v-model="person.born"></el-date-picker></div>
<div><label for="status">Political status</label><select id="status" name="status"><option>A</option></select></div>""")
    assert [(f.key, f.first_label) for f in form.fields] == [
        ("person.born", "Date of birth"), ("status", "Political status")]


def test_controls_that_repeat_an_id_each_take_their_own_label(tmp_path: Path) -> None:
    # A copied row keeps its id: each control is named by the label just before it, a
    # control with none before it by the next free one, never by its twin's.
    form = read(tmp_path, """<form>
<p><label for="x">Full name</label><input id="x" name="name"></p>
<p><label for="x">Blood type</label><input id="x" name="blood"></p>
<p><input id="y" name="first"><label for="y">Phone</label></p>
<p><label for="y">Religion</label><input id="y" name="religion"></p>
<p><input id="z" name="z1"><input id="z" name="z2"><label for="z">Email</label></p></form>""")
    assert [(f.key, f.first_label) for f in form.fields] == [
        ("name", "Full name"), ("blood", "Blood type"), ("first", "Phone"), ("religion", "Religion"),
        ("z1", "Email"), ("z2", "Email")]


def test_radio_group_is_labelled_by_its_question_and_options_by_their_labels(tmp_path: Path) -> None:
    form = read(tmp_path, """
<p>Sex</p>
<input type="radio" name="sex" value="m" id="m"><label for="m">Male</label>
<input type="radio" name="sex" value="f"> Female
<fieldset><legend>Do you smoke?</legend>
  <label><input type="radio" name="smoke" value="1"> Yes</label>
  <label><input type="radio" name="smoke" value="0"> No</label>
</fieldset>""")
    got = fields(form)
    assert [(k, f.first_label, f.options, f.type) for k, f in got.items()] == [
        ("sex", "Sex", ("Male", "Female"), "radio"), ("smoke", "Do you smoke?", ("Yes", "No"), "radio")]


def test_a_lone_check_box_is_labelled_by_its_statement(tmp_path: Path) -> None:
    form = read(tmp_path, """
<table><tr><td>I believe that the person:</td></tr>
<tr><td><label><input type="checkbox" name="threat"></label> has threatened to cause bodily harm</td></tr>
<tr><td><label><input type="checkbox" name="care"></label> cannot care for himself</td></tr></table>
<fieldset><legend>Past medical history</legend>
<input type="checkbox" name="bleedYes">Yes <input type="checkbox" name="bleedNo">No
<label>Any bleeding disorder?</label></fieldset>""")
    got = fields(form)
    assert (got["threat"].first_label, got["care"].first_label) == (
        "has threatened to cause bodily harm", "cannot care for himself")
    # "Yes" alone is an answer, not a question: the check box takes its fieldset's question
    assert got["bleedYes"].first_label == "Past medical history"
    assert got["bleedYes"].section == ("Past medical history",)


def test_select_options_skip_the_placeholder_and_hints_stay_apart(tmp_path: Path) -> None:
    form = read(tmp_path, """
<label for="edu">Education</label>
<select id="edu" name="edu" aria-describedby="edu-help"><option value="">Choose…</option>
<option>Primary<option>Secondary<option label="Tertiary"></select>
<span id="edu-help">Highest level completed</span>
<label for="ph">Phone</label><input id="ph" name="ph"><span class="help-block">Mobile preferred</span>""")
    got = fields(form)
    assert got["edu"].options == ("Primary", "Secondary", "Tertiary")
    assert (got["edu"].first_label, got["edu"].hint) == ("Education", "Highest level completed")
    assert (got["ph"].first_label, got["ph"].hint) == ("Phone", "Mobile preferred")


def test_hidden_submit_and_button_inputs_are_not_fields_and_ids_name_the_rest(tmp_path: Path) -> None:
    form = read(tmp_path, """
<input type="hidden" name="token"><input type="submit" name="go"><input type="button" name="b">
<input type="reset" name="r"><input type="image" name="i">
<label for="q">Question</label><input id="q">
<input name="dup" placeholder="First"><input name="dup" placeholder="Second">""")
    assert [(f.key, f.first_label, f.pointer) for f in form.fields] == [
        ("q", "Question", "#q"), ("dup", "First", 'input[name="dup"]')]


# ------------------------------------------------------------ sections and title


def test_sections_from_headings_fieldsets_captions_header_rows_and_panels(tmp_path: Path) -> None:
    form = read(tmp_path, """
<h1>Registration</h1>
<h2>Applicant</h2>
<fieldset><legend>Contact</legend><label>Email <input name="email"></label></fieldset>
<h2>Health</h2>
<table><caption>Symptoms</caption><tr><td>Fever</td><td><input name="fever"></td></tr></table>
<table><tr><th colspan="2">Box A - Serious harm test</th></tr>
<tr><td>Observations</td><td><textarea name="obs"></textarea></td></tr></table>
<div class="panel"><div class="panel-heading">Household</div><label>Members <input name="members"></label></div>
<el-card header="Work"><el-form-item label="Employer"><el-input v-model="job.employer"></el-input></el-form-item>
</el-card>
<label>Remarks <input name="remarks"></label>""")
    assert form.title == "Registration"
    assert {k: f.section for k, f in fields(form).items()} == {
        "email": ("Registration", "Applicant", "Contact"),
        "fever": ("Registration", "Health", "Symptoms"),
        "obs": ("Registration", "Health", "Box A - Serious harm test"),
        "members": ("Registration", "Health", "Household"),
        "job.employer": ("Registration", "Health", "Work"),
        "remarks": ("Registration", "Health"),
    }


def test_page_title_wins_over_the_first_heading(tmp_path: Path) -> None:
    form = read(tmp_path, "<title>Sign up</title><h1>Welcome</h1><input name='a'>")
    assert form.title == "Sign up"


# ------------------------------------------------------------ component tags


def test_element_ui_and_ant_design_components(tmp_path: Path) -> None:
    form = read(tmp_path, """
<el-form :model="form">
  <el-form-item label="姓名" prop="name"><el-input v-model="form.name" placeholder="请输入"></el-input></el-form-item>
  <el-form-item label="性别" prop="sex">
    <el-radio-group v-model="form.sex"><el-radio label="1">男</el-radio><el-radio label="2">女</el-radio></el-radio-group>
  </el-form-item>
  <el-form-item label="学历"><el-select v-model="form.edu"><el-option label="本科" value="1"></el-option>
    <el-option label="硕士" value="2"></el-option></el-select></el-form-item>
  <el-form-item label="出生日期"><el-date-picker v-model="form.birth" type="date"></el-date-picker></el-form-item>
  <el-checkbox v-model="form.agree">我同意隐私政策</el-checkbox>
</el-form>
<a-form-item label="Phone"><a-input v-decorator="['phone', {rules: []}]" /></a-form-item>
<a-form-item label="Notes" name="notes"><a-textarea /></a-form-item>""")
    got = {k: (f.type, f.first_label, f.options) for k, f in fields(form).items()}
    assert got == {
        "form.name": ("text", "姓名", ()),
        "form.sex": ("radio", "性别", ("男", "女")),
        "form.edu": ("select_one", "学历", ("本科", "硕士")),
        "form.birth": ("date", "出生日期", ()),
        "form.agree": ("checkbox", "我同意隐私政策", ()),
        "phone": ("text", "Phone", ()),
        "notes": ("textarea", "Notes", ()),
    }


def test_jsp_and_jsf_tag_libraries(tmp_path: Path) -> None:
    form = read(tmp_path, """
<form:form modelAttribute="user">
  <form:label path="email">E-mail</form:label> <form:input path="email"/>
  <form:select path="country"><form:option value="nl" label="Netherlands"/></form:select>
  <form:hidden path="id"/>
</form:form>
<html:form action="/save"><td>Surname</td><td><html:text property="surname"/></td></html:form>
<s:textfield name="city" label="City"/>
<h:outputLabel for="age" value="Age"/><h:inputText id="age" value="#{person.age}"/>
<h:inputHidden id="secret"/>
<t:dictSelect field="sex" type="radio" typeGroupCode="sex" title="Sex"></t:dictSelect>
<c:if test="x"><fmt:message key="k"/></c:if>""", name="form.jsp")
    got = {k: (f.type, f.first_label) for k, f in fields(form).items()}
    assert got == {"email": ("text", "E-mail"), "country": ("select_one", ""), "surname": ("text", "Surname"),
                   "city": ("text", "City"), "age": ("text", "Age"), "sex": ("radio", "Sex")}
    assert fields(form)["country"].options == ("Netherlands",)


def test_tag_library_prefixes_are_read_from_the_page_declarations(tmp_path: Path) -> None:
    """A page may bind any prefix to a tag library: Spring's form tags as `f`, PrimeFaces as
    `pf`; JSF core bound to another prefix still renders no control."""
    form = read(tmp_path, """<%@ taglib uri="http://www.springframework.org/tags/form" prefix="f" %>
<%@taglib prefix="st" uri="/struts-tags"%>
<html xmlns:pf="http://primefaces.org/ui" xmlns:core="http://xmlns.jcp.org/jsf/core">
<table><tr><td>Enter Last Name:</td><td><f:input path="lastName"/></td></tr>
<tr><td>History</td><td><f:textarea path="history"/></td></tr></table>
<st:textfield name="town" label="Town"/>
<pf:outputLabel for="dob" value="Born"/><pf:calendar id="dob"/>
<core:param name="skip" value="1"/>
</html>""", name="signup.jsp")
    got = {k: (f.type, f.first_label) for k, f in fields(form).items()}
    assert got == {"lastName": ("text", "Enter Last Name:"), "history": ("textarea", "History"),
                   "town": ("text", "Town"), "dob": ("date", "Born")}


def test_thymeleaf_angular_and_vue_models_name_native_controls(tmp_path: Path) -> None:
    form = read(tmp_path, """
<label>Name <input th:field="*{fullName}"></label>
<label>Mail <input formControlName="mail"></label>
<label>Tel <input [(ngModel)]="user.tel"></label>
<label>City <input v-model.trim="addr.city"></label>""")
    assert [f.key for f in form.fields] == ["fullName", "mail", "user.tel", "addr.city"]


def test_controls_echoed_by_php_are_read_in_place(tmp_path: Path) -> None:
    form = read(tmp_path, """<table>
<?php foreach ($rows as $r) { ?>
<tr><td>Phone</td><td><?php echo "<input type=\\"text\\" name=\\"hp\\" value=\\"$r[hp]\\">"; ?></td></tr>
<?php } ?>
<? echo '<tr><td>Address</td><td><input name="addr"></td></tr>'; $x = "plain"; ?>
</table>""", name="form.php")
    assert [(f.key, f.first_label, f.location.line) for f in form.fields] == [
        ("hp", "Phone", 3), ("addr", "Address", 5)]


def test_vue_single_file_components_are_forms(tmp_path: Path) -> None:
    assert [c.name for c in candidates("Profile.vue")] == ["html"]
    form = read(tmp_path, """<template>
  <el-form><el-form-item label="Email"><el-input v-model="form.email" /></el-form-item></el-form>
</template>
<script setup lang="ts">
const rules = { email: [{ required: true }] }  // a < b && "<input name='fake'>"
</script>
<style scoped>.x > .y { color: red }</style>""", name="Profile.vue")
    assert [(f.key, f.first_label, f.location.line) for f in form.fields] == [("form.email", "Email", 2)]
    assert "required" not in form.notice.text


# ------------------------------------------------------------ tokenizer and templates


def test_tokenizer_follows_the_html_rules_that_decide_what_is_seen() -> None:
    text = ('<p class=a>x &amp; y<!-- <input name=c> --><![CDATA[<input name=d>]]>'
            '<script>if (a<b) "</p>"</script><textarea>&lt;b&gt;</textarea></P><br/>')
    got = [(type(t).__name__, getattr(t, "name", getattr(t, "data", ""))) for t in tokens(text)]
    assert got == [("StartTag", "p"), ("Text", "x & y"), ("Text", "]]>"), ("StartTag", "script"),
                   ("Text", 'if (a<b) "</p>"'), ("EndTag", "script"), ("StartTag", "textarea"), ("Text", "<b>"),
                   ("EndTag", "textarea"), ("EndTag", "p"), ("StartTag", "br")]
    first = next(tokens('<input NAME="a" Type=text disabled>'))
    assert isinstance(first, StartTag) and first.attrs == {"name": "a", "type": "text", "disabled": ""}


@pytest.mark.parametrize("tail", ['<input name="b', "<!-- <input name=b>", "<![CDATA[ <input name=b>",
                                  "<? <input name=b>", "</ <input name=b>", "<input name=b"])
def test_what_the_end_of_the_file_cuts_off_is_not_read(tail: str) -> None:
    found = [t for t in tokens('<input name="a">' + tail) if isinstance(t, StartTag)]
    assert [t.attrs.get("name") for t in found] == ["a"]


def test_end_tags_and_text_keep_their_offsets() -> None:
    assert [(type(t), t.offset) for t in tokens("ab<i>c</i>")] == [(Text, 0), (StartTag, 2), (Text, 5), (EndTag, 6)]


def test_blade_directives_and_unclosed_arguments_are_blanked_linearly() -> None:
    text = "@if($a(1)) <input name=x> @endif a@b.c " + "@x(" * 5 + "\n@csrf"
    assert blank_templates(text, blade=True) == (" " * 11 + "<input name=x>" + " " * 8 + "a@b.c " + "  (" * 5
                                                 + "\n" + " " * 5)


# ------------------------------------------------------------ hostile shapes

SEED = '<label>Email <input name="email"></label>\n'
SHAPES = {
    "lt": "<", "lt-bang": "<!", "lt-slash": "</", "lt-question": "<?", "comment": "<!--x",
    "cdata": "<![CDATA[x", "inputs": "<input>", "unclosed-attribute": '<input name="a', "options": "<option>a",
    "labels": "<label>a</label>", "charrefs": "&amp;&#x41;&#65;&nbsp;", "erb": "<% x %><td><%= y %>",
    "blade": "@if($x) <p>{{ $y }}</p> @endif\n",
}


def _hostile(shape: str, size: int) -> tuple[str, bytes]:
    unit = SHAPES[shape]
    name = {"erb": "form.html.erb", "blade": "form.blade.php"}.get(shape, "form.html")
    return name, (SEED + unit * (size // len(unit))).encode()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shapes_read_the_form_before_them(tmp_path: Path, shape: str) -> None:
    name, raw = _hostile(shape, 100_000)
    page = tmp_path / name
    page.write_bytes(raw)
    form = load_form(str(page))
    assert [(f.key, f.first_label) for f in form.fields][:1] == [("email", "Email")]


def test_too_many_distinct_fields_is_one_error_line(tmp_path: Path) -> None:
    page = tmp_path / "many.html"
    page.write_text("".join(f"<input name=f{i}>" for i in range(10_001)), "utf-8")
    with pytest.raises(FormError, match="more than 10,000 fields"):
        load_form(str(page))


_MEASURE = """
import resource, sys
from formlint.formats import load_form
raw = open(sys.argv[2], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
form = load_form(sys.argv[1], raw=raw)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before + len(raw)
print(form.fields[0].key, grown)
"""


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shapes_at_the_size_cap_stay_within_twenty_times_their_size(tmp_path: Path, shape: str) -> None:
    name, raw = _hostile(shape, 10 * 1024 * 1024 - 1024)
    page = tmp_path / "page.bin"
    page.write_bytes(raw)
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", _MEASURE, name, str(page)], capture_output=True, text=True,
                            env=environment, check=True)
    key, grown = result.stdout.split()
    assert key == "email"
    assert int(grown) <= 20 * len(raw)
