"""Input formats: a registry of loaders, picked by name or by sniffing the file.

Every loader turns a file into the same `Form`. There are two kinds of loader
module:

- kind "document" (YAML/JSON based formats): `sniff(doc: Document) -> bool` and
  `from_document(doc: Document) -> Form`. The file is parsed once into a
  `Document` and offered to each candidate's `sniff` in registry order; the
  first that claims it builds the form.
- kind "raw" (spreadsheets, XML, HTML): `sniff_raw(path: str, raw: bytes) -> bool`
  and `load(path: str, raw: bytes) -> Form`.

Loader modules are imported only when used so start-up stays fast. Loaders raise
FormError(path, message, line, column) for anything they cannot read.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from formlint.errors import FormError, NotAForm
from formlint.model import MAX_FILE_SIZE, Form
from formlint.source import Document, decode, load_json, load_yaml, read_bytes
from formlint.message import msg


@dataclass(frozen=True)
class FormatInfo:
    name: str
    description: str
    extensions: tuple[str, ...]
    module: str
    kind: str = "document"
    # Where a form of this format names its purpose, for the "names no purpose" hint.
    purpose_slot: str | None = "`x-formlint.purpose`"

    def loader(self) -> ModuleType:
        return importlib.import_module(self.module)


# Order matters: for structured files the first format whose `sniff` accepts the
# document wins, so the most specific formats come first and native last.
FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo("xform", "ODK XForm (XML, as pyxform, ODK Build and Enketo write it)", (".xml",),
                   "formlint.formats.xform", kind="raw", purpose_slot=None),
        FormatInfo("xlsform", "XLSForm (ODK, KoboToolbox, SurveyCTO) workbook, pyxform CSV or markdown",
                   (".xlsx", ".xlsm", ".xls", ".csv", ".md"), "formlint.formats.xlsform", kind="raw",
                   purpose_slot="a `purpose` column in the settings sheet"),
        FormatInfo("html", "HTML forms, server templates (template code ignored) and Vue components",
                   (".html", ".htm", ".erb", ".php", ".jsp", ".jinja", ".j2", ".hbs", ".njk", ".twig", ".xhtml",
                    ".vue"),
                   "formlint.formats.html", "raw", '<meta name="formlint:purpose" content="…">'),
        FormatInfo("formio", "Form.io form JSON (`components`)", (".json",), "formlint.formats.formio"),
        FormatInfo("surveyjs", "SurveyJS survey JSON (`pages` or `elements`)", (".json",), "formlint.formats.surveyjs"),
        FormatInfo("json-schema", "JSON Schema, with an optional RJSF uiSchema", (".json", ".yaml", ".yml"),
                   "formlint.formats.json_schema"),
        FormatInfo("native", "formlint's own form format (YAML or JSON)", (".yaml", ".yml", ".json"), "formlint.formats.native",
                   purpose_slot="`purpose:`"),
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
              max_size: int = MAX_FILE_SIZE, walked: bool = False) -> Form:
    """Read `path` (or `raw` bytes given for it) into a Form, or raise FormError.

    A file met in a folder walk (`walked`) must look like a form to be claimed by a
    YAML/JSON format: a format may ask more of it then (`claims_in_walk`) than of a
    file named on the command line, so that a project's JSON Schemas are not forms."""
    options = [FORMATS[input_format]] if input_format else candidates(path)
    if not options:
        known = ", ".join(sorted(extensions()))
        raise FormError(path, msg("error.unknown_file_type", known=known))
    raw = read_bytes(path, max_size, FormError) if raw is None else raw
    if len(raw) > max_size:
        raise FormError(path, msg("error.input_too_large", size=len(raw), limit=max_size))
    form = _try_raw(path, raw, options, bool(input_format)) or _try_documents(path, raw, options, bool(input_format),
                                                                              walked)
    if form is None:
        tried = ", ".join(info.name for info in options)
        raise NotAForm(path, msg("error.not_a_form", tried=tried))
    return form


def _try_raw(path: str, raw: bytes, options: list[FormatInfo], forced: bool) -> Form | None:
    for info in options:
        if info.kind == "raw":
            module = info.loader()
            if forced or module.sniff_raw(path, raw):
                form: Form = module.load(path, raw)
                return form
    return None


def _try_documents(path: str, raw: bytes, options: list[FormatInfo], forced: bool, walked: bool) -> Form | None:
    documents = [info for info in options if info.kind == "document"]
    if not documents:
        return None
    doc = parse_structured(path, decode(raw, path, FormError))
    for info in documents:
        module = info.loader()
        claims = getattr(module, "claims_in_walk", module.sniff) if walked else module.sniff
        if forced or claims(doc):
            form: Form = module.from_document(doc)
            return form
    return None
