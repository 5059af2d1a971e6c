"""Input formats: a registry of loaders, picked by name or by sniffing the file.

Every loader turns a file into the same `Form`. Structured formats (YAML/JSON
documents) are parsed once into a `Document` and offered to each candidate's
`sniff`; the first that claims it builds the form. Loader modules are imported
only when used so start-up stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from formlint.errors import FormError
from formlint.model import Form
from formlint.source import MAX_FILE_SIZE, Document, decode, load_json, load_yaml, read_text


@dataclass(frozen=True)
class FormatInfo:
    name: str
    description: str
    extensions: tuple[str, ...]
    module: str

    def loader(self) -> ModuleType:
        return importlib.import_module(self.module)


# Order matters: for structured files the first format whose `sniff` accepts the
# document wins, so the most specific formats come first and native last.
FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo("native", "formlint's own form format (YAML or JSON)", (".yaml", ".yml", ".json"), "formlint.formats.native"),
    )
}

STRUCTURED_EXTENSIONS = {".yaml": load_yaml, ".yml": load_yaml, ".json": load_json}


def extensions() -> set[str]:
    return {ext for info in FORMATS.values() for ext in info.extensions}


def candidates(path: str) -> list[FormatInfo]:
    suffix = Path(path).suffix.lower()
    return [info for info in FORMATS.values() if suffix in info.extensions]


def parse_structured(path: str, text: str) -> Document:
    parse = STRUCTURED_EXTENSIONS.get(Path(path).suffix.lower(), load_yaml)
    if text.lstrip().startswith(("{", "[")):
        parse = load_json
    return parse(text, path, FormError)


def load_form(path: str, input_format: str | None = None, raw: bytes | None = None,
              max_size: int = MAX_FILE_SIZE) -> Form:
    """Read `path` (or `raw` bytes given for it) into a Form, or raise FormError."""
    if raw is not None and len(raw) > max_size:
        raise FormError(path, f"input is {len(raw):,} bytes, over the {max_size:,}-byte limit (--max-file-size)")
    options = [FORMATS[input_format]] if input_format else candidates(path)
    if not options:
        known = ", ".join(sorted(extensions()))
        raise FormError(path, f"unrecognised file type; formlint reads {known} (or pass --input-format)")
    text = decode(raw, path, FormError) if raw is not None else read_text(path, max_size, FormError)
    doc = parse_structured(path, text)
    for info in options:
        module = info.loader()
        if input_format or module.sniff(doc):
            form: Form = module.from_document(doc)
            return form
    tried = ", ".join(info.name for info in options)
    raise FormError(path, f"not a form in any format formlint reads (tried {tried})")
