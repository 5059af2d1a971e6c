"""Data derived at build time for start-up (the JSON bundle of the built-in YAML, the schemas'
validators): current, and never trusted over its source."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from conftest import load_tool

from formlint import bundle, schemas
from formlint.bundle import BUNDLE_FILE, data_file
from formlint.schemas import GENERATED_VALIDATORS, _fast_validator, is_valid, schema_text, validator_module

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "formlint"


def _tool() -> ModuleType:
    return load_tool("build_bundle")


def _committed() -> dict[str, dict[str, object]]:
    entries: dict[str, dict[str, object]] = json.loads((PACKAGE / BUNDLE_FILE).read_text("utf-8"))
    return entries


def test_rebuilding_the_bundle_gives_the_committed_file() -> None:
    assert _tool().current() == (PACKAGE / BUNDLE_FILE).read_text("utf-8"), "run tools/build_bundle.py"


def test_the_bundle_holds_every_file_it_names_and_no_other() -> None:
    expected = {p.relative_to(PACKAGE).as_posix() for pattern in bundle.BUNDLED for p in PACKAGE.glob(pattern)}
    assert "languages/zh/lexicon.yaml" in expected and "taxonomy/categories.yaml" in expected
    assert set(_committed()) == expected


@pytest.mark.parametrize("relative", sorted(_committed()))
def test_each_entry_is_its_yaml_parsed(relative: str) -> None:
    # PyYAML's pure-Python loader, not the C one the tool uses: two readings agree.
    assert _committed()[relative]["data"] == yaml.safe_load((PACKAGE / relative).read_text("utf-8"))


def test_an_unchanged_file_is_read_from_the_bundle() -> None:
    entry = bundle._bundle()["taxonomy/categories.yaml"]
    assert data_file("taxonomy/categories.yaml") is entry["data"]


def test_a_file_edited_since_the_bundle_was_built_is_parsed_from_its_yaml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = bundle.source_bytes("formats/languages.yaml")
    edited = original + "klingon: tlh\n".encode()
    monkeypatch.setattr(bundle, "source_bytes", lambda relative: edited)
    data = data_file("formats/languages.yaml")
    assert data["klingon"] == "tlh"
    assert data == {**yaml.safe_load(original.decode("utf-8")), "klingon": "tlh"}


def test_a_file_the_package_lacks_is_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        data_file("languages/xx/lexicon.yaml")


# ------------------------------------------------- the schemas' generated validators


def _validators_tool() -> ModuleType:
    return load_tool("build_validators")


@pytest.mark.parametrize("name", GENERATED_VALIDATORS)
def test_regenerating_a_validator_gives_the_committed_module(name: str) -> None:
    import fastjsonschema

    module = importlib.import_module(validator_module(name))
    if module.VERSION != fastjsonschema.VERSION:
        pytest.skip(f"generated with fastjsonschema {module.VERSION}, {fastjsonschema.VERSION} installed")
    tool = _validators_tool()
    assert tool.target(name).read_text("utf-8") == tool.current(name), "run tools/build_validators.py"


@pytest.mark.parametrize("name", GENERATED_VALIDATORS)
def test_a_run_validates_with_the_generated_module(name: str) -> None:
    _fast_validator.cache_clear()
    assert _fast_validator(name) is importlib.import_module(validator_module(name)).validate


def test_a_schema_edited_since_its_validator_was_generated_is_compiled() -> None:
    edited = json.loads(schema_text("form"))
    edited["required"] = ["fields", "id"]
    _fast_validator.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(schemas, "schema_text", lambda name: json.dumps(edited))
            assert not is_valid({"fields": []}, "form")
            assert is_valid({"id": "f", "fields": []}, "form")
    finally:
        _fast_validator.cache_clear()
    assert is_valid({"fields": []}, "form")
