"""JUnit XML for any CI that shows test reports (Jenkins, GitLab, Azure, CircleCI).

One `<testsuite>` per form; one `<testcase>` per (rule, field) named like
`DM101 sample_forms/x.yaml:12:5`, failing with the finding's message; a clean form
is one passing testcase. A file that could not be read is a suite with one
`<error>`. Built with xml.etree so every value is escaped; characters XML 1.0
cannot hold (U+0001, ESC) are shown visibly first (formlint.escape.xml).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from formlint.model import Finding, FormResult, Report
from formlint.errors import FormlintError
from formlint.escape import xml
from formlint.i18n import label, translate, translate_law
from formlint.reporters import RenderOptions, relative_uri, severity_name

NAME = "junit"
DESCRIPTION = "JUnit XML test report: one suite per form"


def _suite(root: ET.Element, name: str, tests: int, failures: int, errors: int = 0) -> ET.Element:
    return ET.SubElement(root, "testsuite", name=name, tests=str(tests), failures=str(failures),
                         errors=str(errors), skipped="0")


def _case(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=name, classname=classname)


def _failure(suite: ET.Element, item: Finding, path: str, lang: str) -> None:
    case = _case(suite, f"{item.code} {path}:{item.line}:{item.column}", path)
    message = xml(translate(item.message, lang))
    failure = ET.SubElement(case, "failure", message=message, type=item.severity.value)
    failure.text = (f"{item.code} [{severity_name(item.severity, lang)}] {message}\n"
                    f"{label('report.help', lang)}{xml(translate(item.help, lang))}\n"
                    f"{label('report.law', lang)}{xml(translate_law(item.law, lang))}")


def form_suite(root: ET.Element, result: FormResult, lang: str) -> None:
    path = xml(relative_uri(result.form.path))
    suite = _suite(root, path, max(len(result.findings), 1), len(result.findings))
    for item in result.findings:
        _failure(suite, item, path, lang)
    if not result.findings:
        _case(suite, f"formlint {path}", path)


def error_suite(root: ET.Element, error: FormlintError, lang: str = "en") -> None:
    path = xml(relative_uri(error.path))
    suite = _suite(root, path, 1, 0, errors=1)
    case = _case(suite, f"formlint {path}:{error.line}:{error.column}", path)
    ET.SubElement(case, "error", message=xml(error.message_in(lang)), type="input-error").text = xml(error.line_in(lang))


def render(report: Report, options: RenderOptions) -> str:
    findings = len(report.findings)
    root = ET.Element("testsuites", name="formlint", tests=str(sum(max(len(r.findings), 1) for r in report.results)
                                                              + len(report.errors)),
                      failures=str(findings), errors=str(len(report.errors)))
    for result in report.results:
        form_suite(root, result, options.lang)
    for error in report.errors:
        error_suite(root, error, options.lang)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
