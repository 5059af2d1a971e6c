"""The JSON bundle of the built-in YAML data: derived, current, and never trusted over the YAML."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from formlint import bundle
from formlint.bundle import BUNDLE_FILE, data_file

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "formlint"


def _tool() -> ModuleType:
    path = ROOT / "tools" / "build_bundle.py"
    spec = importlib.util.spec_from_file_location("build_bundle", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
