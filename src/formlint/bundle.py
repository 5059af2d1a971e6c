"""The built-in YAML data, read from a JSON bundle derived from it.

The YAML files (language packs, taxonomy, message catalogues, children's phrases,
language names) are the source: people edit them and the schemas check them. Parsing
them with PyYAML on every run cost about a tenth of a second of start-up, most of it
PyYAML's constructor written in Python, so `tools/build_bundle.py` writes their parsed
content into `bundle.json`, which the standard library's C decoder reads in a few
milliseconds. Each entry keeps the CRC-32 of the YAML it came from: a YAML file edited
since the bundle was built is parsed instead, so an edit always takes effect, only
more slowly (the CRC detects edits, not tampering: whoever can change the bundle can
change the code beside it). The test suite checks that rebuilding gives the committed
bundle and that every entry equals its YAML.

Callers share the bundle's values: they read them and build their own structures,
never change them.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["BUNDLE_FILE", "BUNDLED", "data_file", "parse_yaml", "source_bytes"]

BUNDLE_FILE = "bundle.json"
# The package data files (globs relative to the formlint package) read at run time.
BUNDLED = (
    "languages/*/pack.yaml",
    "languages/*/lexicon.yaml",
    "languages/*/romanised.yaml",
    "languages/*/notice.yaml",
    "taxonomy/categories.yaml",
    "i18n/*.yaml",
    "rules/children.yaml",
    "formats/languages.yaml",
)


def data_file(relative: str) -> Any:
    """The parsed content of package data file `relative` ("languages/zh/lexicon.yaml"):
    from the bundle while it matches the file, else parsed from the YAML."""
    raw = source_bytes(relative)
    entry = _bundle().get(relative)
    if entry is not None and entry["crc32"] == zlib.crc32(raw):
        return entry["data"]
    return parse_yaml(raw.decode("utf-8"))


def source_bytes(relative: str) -> bytes:
    """The file's bytes; FileNotFoundError when the package has no such file."""
    return resources.files(__package__).joinpath(relative).read_bytes()


def parse_yaml(text: str) -> Any:
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


@lru_cache(maxsize=1)
def _bundle() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(BUNDLE_FILE).read_text("utf-8")
    entries: dict[str, Any] = json.loads(text)
    return entries
