"""`formlint serve` in a real browser: every input format uploads, Chinese works,
the report downloads, bad and oversized uploads show one error line and the page
keeps working, and no request leaves the page's own origin."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from browser import Watched, browser, screenshot, server  # noqa: F401 -- fixtures
from conftest import FIXTURES, SAMPLES

FORMATS = FIXTURES / "formats"
# One form per format formlint reads, each checked for a venue check-in.
UPLOADS = [
    SAMPLES / "venue-check-in-minimal.yaml",
    FORMATS / "json-schema" / "venue-check-in.json",
    FORMATS / "surveyjs" / "health-declaration.json",
    FORMATS / "formio" / "pharmacy.json",
    FORMATS / "xform" / "venue-checkin.xml",
    FORMATS / "xlsform" / "venue-checkin.xlsx",
    FORMATS / "xlsform" / "health.csv",
    FORMATS / "html" / "check-in.html.erb",
]
NATIVE_JSON = '{"title": "Pasted", "purpose": "venue-check-in", "fields": [{"key": "name", "label": "Name"}]}'


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[Watched]:  # noqa: F811
    page = Watched(browser, accept_downloads=True)
    page.page.goto(server)
    yield page
    offsite = [url for url in page.requests if not url.startswith((server, "blob:", "about:", "data:"))]
    assert offsite == []
    assert page.errors == []
    page.close()


def answers(page: Any) -> int:
    return int(page.get_attribute("#status", "data-answers") or 0)


def upload(page: Any, path: Path) -> None:
    """Send a file and wait for formlint's answer to it (not an earlier one)."""
    before = answers(page)
    page.set_input_files("#file", str(path))
    page.wait_for_function("before => Number(document.getElementById('status').dataset.answers) > before", arg=before)


def report_rows(page: Any) -> int:
    """Field rows in the report frame, once the frame has rendered its first one."""
    rows = page.frame_locator("#report").locator("tr[data-verdict]")
    rows.first.wait_for()
    return int(rows.count())


@pytest.mark.parametrize("path", UPLOADS, ids=lambda p: p.name)
def test_each_format_uploads_and_shows_its_report(watched: Watched, path: Path) -> None:
    page = watched.page
    page.select_option("#purpose", "venue-check-in")
    upload(page, path)
    assert page.is_hidden("#error"), page.inner_text("#error")
    assert page.inner_text("#summary").startswith("Checked 1 form(s)")
    assert report_rows(page) > 0


def test_pasted_json_is_checked(watched: Watched) -> None:
    page = watched.page
    page.fill("#paste", NATIVE_JSON)
    page.click("#check-paste")
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#summary").startswith("Checked 1 form(s), 1 field(s)")


def test_chinese_page_sample_and_download(watched: Watched) -> None:
    page = watched.page
    page.select_option("#lang", "zh")
    page.wait_for_url("**/?lang=zh")
    assert page.inner_text("h1") == "formlint：检查表单"
    assert page.inner_text("#howto-heading") == "使用说明"
    page.click("button[data-sample='qingdao-property-return.yaml']")
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#summary").startswith("已检查 1 个表单、13 个字段")
    assert report_rows(page) == 13
    assert page.frame_locator("#report").locator("h1").inner_text() == "formlint 检查报告"
    page.set_viewport_size({"width": 1200, "height": 1700})
    page.locator("h1").scroll_into_view_if_needed()
    screenshot(page, "serve")
    with page.expect_download() as download:
        page.click("#download-html")
    assert download.value.suggested_filename == "qingdao-property-return.formlint.html"
    saved = Path(download.value.path()).read_text("utf-8")
    assert saved.startswith("<!DOCTYPE html>") and 'lang="zh-Hans"' in saved and "blood_type" in saved


def test_bad_uploads_show_one_error_line_and_the_page_keeps_working(watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    broken = tmp_path / "broken.yaml"
    broken.write_text("fields: [\n  - key: name\n", "utf-8")
    upload(page, broken)
    assert page.inner_text("#error").startswith("broken.yaml:")
    assert ": error: " in page.inner_text("#error") and "\n" not in page.inner_text("#error")
    assert page.is_hidden("#result")

    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * (20 * 1024 * 1024))
    upload(page, huge)
    assert page.inner_text("#error") == ("huge.yaml:1:1: error: input is 20,971,520 bytes, "
                                         "over the 10,485,760-byte limit (--max-file-size)")

    upload(page, SAMPLES / "venue-check-in-minimal.yaml")
    assert page.is_hidden("#error")
    assert page.inner_text("#summary").startswith("Checked 1 form(s), 6 field(s)")


def test_recognise_shows_the_purpose_it_chose(watched: Watched) -> None:
    page = watched.page
    page.select_option("#policy", "general")
    page.select_option("#purpose", "recognise")
    page.fill("#paste", "title: Subscribe to our newsletter\nfields:\n  - key: email\n    label: Email address\n")
    page.click("#check-paste")
    page.wait_for_selector("#recognition:not([hidden])")
    assert page.inner_text("#recognition").startswith("looks like newsletter")
    assert page.inner_text("#summary").startswith("Checked 1 form(s), 1 field(s)")
