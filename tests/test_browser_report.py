"""The HTML report in a real browser: the counts it shows, filters that hide and
show the right rows from the keyboard, no console error, hostile labels shown as text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser import Watched, browser, screenshot  # noqa: F401 -- `browser` is a fixture
from conftest import SAMPLES, run_formlint

HOSTILE_FORM = """\
title: Hostile labels
purpose: return-to-community
fields:
  - key: name
    label: "<script>alert('label')</script>"
  - key: blood
    label: "<img src=x onerror=alert('img')> blood type"
"""


def write_report(target: Path, *args: str) -> Path:
    result = run_formlint("check", "--exit-zero", "--output-format", f"html:{target}", *args)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(tmp_path_factory.mktemp("report") / "samples.html", str(SAMPLES))


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:  # noqa: F811
    page = Watched(browser)
    yield page
    page.close()


def visible_rows(page: Any, verdict: str | None = None) -> int:
    selector = f"tr[data-verdict='{verdict}']" if verdict else "tr[data-verdict]"
    return int(page.eval_on_selector_all(selector, "rows => rows.filter(r => !r.hidden).length"))


def test_the_report_shows_the_run_counts(watched: Watched, samples_report: Path) -> None:
    summary = json.loads(run_formlint("check", "--exit-zero", "--output-format", "json", str(SAMPLES)).stdout)["summary"]
    page = watched.page
    page.goto(samples_report.as_uri())
    assert page.inner_text("[data-stat=forms]") == str(summary["forms"])
    assert page.inner_text("[data-stat=fields]") == str(summary["fields"])
    assert page.inner_text("[data-stat=findings]") == str(summary["findings"])
    assert page.inner_text("[data-stat=error]") == str(summary["by_severity"]["error"])
    assert page.inner_text("#filter-status") == f"Showing {summary['fields']} of {summary['fields']} fields."
    screenshot(page, "report", full_page=False)
    assert watched.errors == []
    assert all(url.startswith("file://") for url in watched.requests), watched.requests


def test_filters_hide_and_show_rows_from_the_keyboard(watched: Watched, samples_report: Path) -> None:
    page = watched.page
    page.goto(samples_report.as_uri())
    total = visible_rows(page)
    necessary = visible_rows(page, "necessary")
    assert 0 < necessary < total
    page.focus("input[name=verdict][value=necessary]")
    page.keyboard.press("Space")
    assert visible_rows(page, "necessary") == 0
    assert visible_rows(page) == total - necessary
    assert page.inner_text("#filter-status") == f"Showing {total - necessary} of {total} fields."

    without_findings = page.eval_on_selector_all(
        "tr[data-verdict][data-severity=none]", "rows => rows.filter(r => !r.hidden).length")
    page.focus("input[name=severity][value=none]")
    page.keyboard.press("Space")
    assert visible_rows(page) == total - necessary - without_findings
    assert page.eval_on_selector_all("tr[data-severity=none]", "rows => rows.every(r => r.hidden)")

    page.focus("#filter-reset")
    page.keyboard.press("Enter")
    assert visible_rows(page) == total
    assert watched.errors == []


def test_a_hostile_label_is_shown_as_text(watched: Watched, tmp_path: Path) -> None:
    form = tmp_path / "hostile.yaml"
    form.write_text(HOSTILE_FORM, "utf-8")
    page = watched.page
    page.goto(write_report(tmp_path / "hostile.html", str(form)).as_uri())
    labels = page.eval_on_selector_all("tr[data-verdict] td:first-of-type", "cells => cells.map(c => c.textContent)")
    assert "<script>alert('label')</script>" in labels
    assert "<img src=x onerror=alert('img')> blood type" in labels
    assert page.eval_on_selector_all("img", "images => images.length") == 0
    assert watched.dialogs == [] and watched.errors == []


def test_the_chinese_report_in_the_browser(watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(write_report(tmp_path / "zh.html", "--lang", "zh", str(SAMPLES)).as_uri())
    assert page.inner_text("h1") == "formlint 检查报告"
    assert page.inner_text("#filter-status").startswith("显示")
    assert watched.errors == []
