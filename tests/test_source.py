"""Bounded YAML/JSON reading: values, locations and refusals."""

from __future__ import annotations

import sys

import pytest

from formlint.errors import FormlintError
from formlint.model import Location
from formlint.source import MAX_DEPTH, load_json, load_yaml

TEXT = """id: x
fields:
  - key: name   # a comment
    label: {en: Name, zh: 姓名}
    required: yes
    size: 1.5
  - key: "007"
    options: [~, 1_000, -3, .5, on, No, "true"]
shared: &s [a, b]
again: *s
"""


def test_values_follow_yaml_core_types_without_timestamps() -> None:
    data = load_yaml(TEXT + "when: 2020-02-09\n", "t.yaml").data
    assert data["fields"][0] == {"key": "name", "label": {"en": "Name", "zh": "姓名"}, "required": True, "size": 1.5}
    assert data["fields"][1]["options"] == [None, 1000, -3, 0.5, True, False, "true"]
    assert data["fields"][1]["key"] == "007" and data["again"] == ["a", "b"] and data["when"] == "2020-02-09"


def test_mapping_values_are_located_at_their_key_and_items_at_themselves() -> None:
    doc = load_yaml(TEXT, "t.yaml")
    assert doc.location("/fields/0") == Location(3, 5)
    assert doc.location("/fields/0/label") == Location(4, 5)
    assert doc.location("/fields/1/options/2") == Location(8, 25)
    assert doc.location("/again") == Location(10, 1)
    assert doc.location("/nowhere") == Location(1, 1)


def test_keys_stay_strings() -> None:
    assert load_yaml("yes: 1\n1: 2\n", "k.yaml").data == {"yes": 1, "1": 2}


@pytest.mark.parametrize("text, message, line", [
    ("a: 1\na: 2\n", "duplicate key 'a'", 2),
    ("a: !!python/object:os.system x\n", "unsupported YAML tag", 1),
    ("a: !!binary aGk=\n", "unsupported YAML tag", 1),
    ("a: *nope\n", "unknown alias", 1),
    ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
    ("? [a, b]\n: 1\n", "mapping keys must be scalars", 1),
    ("a: !!int abc\n", "not a valid", 1),
    ("a: [1,\n", "invalid YAML", 2),
])
def test_refusals_name_their_line(text: str, message: str, line: int) -> None:
    with pytest.raises(FormlintError) as caught:
        load_yaml(text, "bad.yaml")
    assert message in caught.value.message and caught.value.line == line


def test_depth_cap_is_exact() -> None:
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert load_yaml(ok, "ok.yaml").data is not None
    with pytest.raises(FormlintError, match="nesting deeper"):
        load_yaml("[" + ok + "]", "deep.yaml")


def test_json_positions_and_strict_errors() -> None:
    doc = load_json('{"fields": [\n  {"key": "a"}\n]}', "f.json")
    assert doc.location("/fields/0/key") == Location(2, 4)
    with pytest.raises(FormlintError) as caught:
        load_json('{"a": 1,}', "f.json")
    assert (caught.value.line, caught.value.column) == (1, 9)


def test_control_character_is_one_line_at_its_position() -> None:
    with pytest.raises(FormlintError) as caught:
        load_yaml("a: 姓名\nc: x\x00", "bad.yaml")
    assert str(caught.value) == "bad.yaml:2:5: error: invalid YAML: control characters are not allowed (U+0000)"


needs_digit_limit = pytest.mark.skipif(not hasattr(sys, "get_int_max_str_digits"),
                                       reason="int() limits digits from Python 3.11 (and 3.10.7)")


@needs_digit_limit
def test_yaml_number_too_long_for_int_is_located() -> None:
    with pytest.raises(FormlintError) as caught:
        load_yaml("a:\n  b: " + "9" * 5000, "big.yaml")
    assert str(caught.value) == f"big.yaml:2:6: error: number '{'9' * 40}…' has too many digits (5,000)"


@needs_digit_limit
def test_json_number_too_long_for_int_is_located() -> None:
    with pytest.raises(FormlintError) as caught:
        load_json('{"a":\n  [1, ' + "9" * 5000 + "]}", "big.json")
    assert str(caught.value) == f"big.json:2:7: error: number '{'9' * 40}…' has too many digits (5,000)"
