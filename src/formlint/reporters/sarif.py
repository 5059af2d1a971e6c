"""SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` holds the rules that produced results, with their
docs, and each result points at them by `ruleIndex`. Locations are relative to
the current directory (the repository root in CI) with forward slashes,
percent-encoded as RFC 3986 URI references.
`partialFingerprints` come from rule, file and field, so a finding keeps its
identity when lines move. Files that could not be read are
`toolExecutionNotifications`.

Under `--lang zh` the rules' descriptions and help are the Chinese docs and each
result's message is the localised finding; ids, levels, law tags and fingerprints
stay the same in every language, so uploads from either language match. `helpUri`
is the rule's page on the documentation site, in the run's language.
"""

from __future__ import annotations

import json
from typing import Any

from formlint import __version__
from formlint.escape import json_text
from formlint.errors import FormlintError
from formlint.i18n import translate_law
from formlint.links import rule_url
from formlint.model import Finding, Report, Severity
from formlint.reporters import RenderOptions, fingerprints, message_with_help, relative_uri

NAME = "sarif"
DESCRIPTION = "SARIF 2.1.0 for GitHub code scanning"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/formlint/"
FINGERPRINT_KEY = "formlint/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(code: str, lang: str = "en") -> dict[str, Any]:
    """The rule's docs in `lang`; its tags (group and citations, as the rule declares
    them) are the same in every language, so a viewer's tag filter works in each."""
    from formlint.rules import RULES, rule_doc, rule_summary

    rule = RULES[code]
    doc = rule_doc(code, lang)
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule_summary(code, lang)},
        "fullDescription": {"text": doc.split("\n\n")[1] if "\n\n" in doc else doc},
        "help": {"text": doc, "markdown": doc},
        "helpUri": rule_url(code, lang),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": list(rule.tags)},
    }


def result(item: Finding, index: int, fingerprint: str, lang: str = "en") -> dict[str, Any]:
    properties = {k: v for k, v in (("field", item.field_key), ("category", item.category),
                                    ("law", translate_law(item.law, lang))) if v}
    return {
        "ruleId": item.code,
        "ruleIndex": index,
        "level": LEVELS[item.severity],
        "message": {"text": message_with_help(item, lang)},
        "locations": [_location(item.path, item.line, item.column)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": properties,
    }


def _location(path: str, line: int, column: int) -> dict[str, Any]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}}


def artifact_uri(path: str) -> str:
    """The path as an RFC 3986 relative reference: every byte of its UTF-8 form but
    unreserved characters and `/` percent-encoded, so a space, `#`, `?`, `%`, a `:`
    in the first segment or a non-ASCII name reads back as the same file. A name that
    is not valid UTF-8 (a surrogate-escaped byte) is encoded as its original byte,
    and a lone surrogate from a JSON string as the bytes that carry it."""
    from urllib.parse import quote

    text = relative_uri(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def notification(error: FormlintError, lang: str = "en") -> dict[str, Any]:
    return {"level": "error", "message": {"text": error.message_in(lang)},
            "locations": [_location(error.path, error.line, error.column)]}


def render(report: Report, options: RenderOptions) -> str:
    findings = report.findings
    codes = sorted({f.code for f in findings})
    index = {code: n for n, code in enumerate(codes)}
    run = {
        "tool": {"driver": {"name": "formlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [rule_descriptor(c, options.lang) for c in codes]}},
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": [notification(e, options.lang) for e in report.errors]}],
        "results": [result(f, index[f.code], fp, options.lang) for f, fp in zip(findings, fingerprints(findings))],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
