"""Property-based tests (hypothesis) of every loader, the notice parser and the
classifier: whatever the input, the result is a value of the documented shape or
one FormError, never another exception.

Examples are bounded (FORMLINT_PROPERTY_EXAMPLES, default 40 per property) so CI
stays fast; run with a larger number locally to search further.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formlint.classify import classify
from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.errors import FormError
from formlint.formats import FORMATS, load_form
from formlint.model import Field, Form, Notice
from formlint.notice import analyse_notice
from formlint.policy import load_policy
from formlint.taxonomy import load_taxonomy

from conftest import FIXTURES, SAMPLES

EXAMPLES = int(os.environ.get("FORMLINT_PROPERTY_EXAMPLES", "40"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
POLICY = load_policy()
PURPOSE = next(iter(POLICY.purposes))
SEEDS = sorted([*SAMPLES.glob("*.yaml"), *(FIXTURES / "formats").rglob("*.*")])
SEEDS = [p for p in SEEDS if p.suffix != ".py"]
# Pieces each format gives a meaning to, so mutations reach past the parser.
TOKENS = [b"<", b">", b"</", b"<!--", b"<![CDATA[", b"&amp;", b"&#10;", b"&#x0;", b"<input name=\"a\">",
          b"<select>", b"<form>", b"{", b"}", b"[", b"]", b":", b",", b"\"", b"'", b"\n", b"\r", b"\t", b"- ",
          b"  ", b"|", b"---", b"&a", b"*a", b"!!python/object", b"fields:", b"key:", b"label:", b"type:",
          b"components", b"pages", b"elements", b"properties", b"$ref", b"#/definitions/a", b"begin group",
          b"end group", b"select_one", b"\xff", b"\x00", b"\xef\xbb\xbf", "血型".encode(), b"\\u0000", b"1e999",
          b"9" * 5000]


def _mutate(raw: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = raw
    for position, length, piece in edits:
        at = position % (len(data) + 1)
        data = data[:at] + piece + data[at + length:]
    return data


EDITS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 64),
                           st.one_of(st.sampled_from(TOKENS), st.binary(max_size=16))), min_size=1, max_size=8)


def assert_form_or_form_error(path: str, raw: bytes, input_format: str | None = None) -> None:
    """The loader's contract, and the rest of the pipeline's on what it returns."""
    try:
        form = load_form(path, input_format, raw=raw)
    except FormError as error:
        assert error.line >= 1 and error.column >= 1 and error.message
        return
    assert isinstance(form, Form) and all(isinstance(f, Field) for f in form.fields)
    assert all(f.location.line >= 1 for f in form.fields)
    try:
        result = check_form(form, FileSettings(policy=POLICY, purpose=PURPOSE))
    except FormError:
        return
    assert all(finding.line >= 1 for finding in result.findings)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@BOUNDED
@given(edits=EDITS)
def test_property_every_loader_gives_a_form_or_one_form_error(seed: Path, edits: list[tuple[int, int, bytes]]) -> None:
    assert_form_or_form_error(seed.name, _mutate(seed.read_bytes(), edits))


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(["fields", "key", "label", "type", "components", "pages",
                                                   "elements", "name", "title", "properties", "required", "$ref",
                                                   "input", "purpose", "notice", "options", "x-formlint",
                                                   "definitions", "items", "choices"]), st.text(max_size=8)),
                        inner, max_size=5)),
    max_leaves=30)


@pytest.mark.parametrize("name", [n for n, info in FORMATS.items() if info.kind == "document"])
@BOUNDED
@given(document=JSON_VALUES)
def test_property_structured_loaders_take_any_json_value(name: str, document: object) -> None:
    raw = json.dumps(document).encode("utf-8")
    assert_form_or_form_error("form.json", raw, name)
    assert_form_or_form_error("form.yaml", raw, name)


@pytest.mark.parametrize("name", [n for n, info in FORMATS.items() if info.kind == "raw"])
@BOUNDED
@given(raw=st.lists(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=12)), max_size=40).map(b"".join))
def test_property_raw_loaders_take_any_bytes(name: str, raw: bytes) -> None:
    extension = FORMATS[name].extensions[0]
    assert_form_or_form_error(f"form{extension}", raw, name)


TEXT = st.text(st.characters(exclude_categories=()), max_size=300)
NOTICE_TEXT = st.lists(st.one_of(TEXT, st.sampled_from([
    "We keep your answers for 28 days.", "保存期限为14天", "until the end of the pandemic", "permanently",
    "30 days", "三十天", "二十八日", "the controller is ACME Ltd, contact dpo@example.com", "shared with",
    "used only for", "you may withdraw consent", "separate consent", "will be published", "not published",
    "9" * 400, "一二三四五六七八九十" * 30, " days " * 50])), max_size=12).map(" ".join)


@BOUNDED
@given(text=NOTICE_TEXT, retention=st.one_of(st.none(), NOTICE_TEXT))
def test_property_notice_parser_gives_facts_of_the_documented_shape(text: str, retention: str | None) -> None:
    facts = analyse_notice(Notice(text=text, retention=retention))
    fact = facts.retention
    assert fact.kind in (None, "period", "criteria", "vague", "indefinite")
    assert fact.days is None or (isinstance(fact.days, int) and fact.days >= 0)
    assert fact.found == (fact.kind is not None) or fact.found
    for statement in (facts.purpose, facts.controller, facts.rights, facts.separate_consent, facts.publication):
        assert statement is None or isinstance(statement, str)


TAXONOMY = load_taxonomy()


@BOUNDED
@given(key=st.text(max_size=60), label=TEXT, lang=st.sampled_from(["en", "zh", "de", "fr", "es", "x"]),
       kind=st.one_of(st.none(), st.sampled_from(["text", "tel", "email", "date", "select_one", "integer"])),
       autocomplete=st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["tel", "email", "bday", "name"])))
def test_property_classifier_gives_a_known_category_and_a_bounded_confidence(
        key: str, label: str, lang: str, kind: str | None, autocomplete: str | None) -> None:
    verdict = classify(Field(key or "k", {lang: label}, type=kind, autocomplete=autocomplete), TAXONOMY)
    assert verdict.category == "unknown" or verdict.category in TAXONOMY
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.source in ("annotation", "autocomplete", "key", "label", "type", "none")
