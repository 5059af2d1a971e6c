"""`formlint inventory`: what each form collects, in CSV, JSON, Markdown and HTML, en and zh."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import SAMPLES, run_formlint

PHARMACY = str(SAMPLES / "pharmacy-real-name.yaml")
NO_PURPOSE = """title: Make a complaint
collector: {name: "=HYPERLINK(\\"http://x.example\\")", contact: complaints@example.org}
notice: We reply within 20 working days and keep complaints for 365 days. We do not share them.
fields:
  - {key: name, label: Full name}
  - {key: email, label: Email, type: email}
  - {key: complaint, label: What is your complaint about?, type: textarea}
  - {key: religion, label: Religion}
"""


def _inventory(*args: str, cwd: Path | None = None) -> str:
    result = run_formlint("inventory", *args, cwd=cwd)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_json_lists_categories_with_fields_sensitivity_purpose_retention_and_collector() -> None:
    [form] = json.loads(_inventory("--output-format", "json", PHARMACY))["forms"]
    assert form["purpose"]["id"] == "pharmacy-purchase" and form["purpose"]["origin"] == "declared"
    assert form["retention"]["days"] == 365 and form["recipients"] is None
    by_id = {c["id"]: c for c in form["categories"]}
    assert by_id["identity.government_id"]["fields"] == ["id_number"]
    # A form in Chinese: PIPL first, then the policy's order.
    assert [s["regime"] for s in by_id["identity.government_id"]["sensitive"]] == ["pipl", "gdpr", "ccpa"]
    assert by_id["contact.phone"]["sensitive"] == []
    assert form["collector"]["name"].startswith("某大药房")


def test_json_names_the_recognised_purpose_of_a_form_that_declares_none(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text(NO_PURPOSE, "utf-8")
    [form] = json.loads(_inventory("--output-format", "json", "form.yaml", cwd=tmp_path))["forms"]
    assert form["purpose"]["id"] is None and form["purpose"]["recognised"] == "complaint"
    assert form["purpose"]["text"].startswith("none declared; looks like complaint (confidence ")
    auto = json.loads(_inventory("--output-format", "json", "--purpose", "auto", "form.yaml", cwd=tmp_path))
    assert auto["forms"][0]["purpose"]["origin"] == "recognised"


@pytest.mark.parametrize("lang, header", [("en", "path"), ("zh", "路径")])
def test_csv_has_one_row_per_category_and_defuses_formulas(tmp_path: Path, lang: str, header: str) -> None:
    (tmp_path / "form.yaml").write_text(NO_PURPOSE, "utf-8")
    rows = list(csv.reader(io.StringIO(_inventory("--output-format", "csv", "--lang", lang, "form.yaml",
                                                  cwd=tmp_path))))
    assert rows[0][0] == header and len(rows[0]) == 12
    categories = [row[4] for row in rows[1:]]
    assert categories == ["identity.name", "contact.email", "special.religion", "content.free_text"]  # a textarea is free text
    religion = rows[1 + categories.index("special.religion")]
    if lang == "en":
        assert "GDPR Art. 9(1)" in religion[7] and "PIPL Art. 28" in religion[7]
    else:  # the laws as Chinese readers know them
        assert "GDPR 第9条第1款" in religion[7] and "《个人信息保护法》第二十八条" in religion[7] and "Art." not in religion[7]
    assert all(row[11].startswith("'=HYPERLINK") for row in rows[1:])  # no formula reaches a spreadsheet


@pytest.mark.parametrize("lang, heading, retention", [("en", "# Data inventory", "**retention**: 365 days"),
                                                       ("zh", "# 个人信息清单", "**保存期限**: 365 天")])
def test_markdown_has_a_section_per_form_in_the_chosen_language(lang: str, heading: str, retention: str) -> None:
    text = _inventory("--lang", lang, PHARMACY, str(SAMPLES / "venue-check-in-minimal.yaml"))
    assert text.startswith(heading + "\n")
    assert text.count("\n## `") == 2 and retention in text
    assert "| `identity.government_id` |" in text


def test_markdown_escapes_titles_and_keys(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text("title: '<img src=x onerror=alert(1)>'\npurpose: newsletter\n"
                                        "fields:\n  - {key: 'a|b', label: Email, type: email}\n", "utf-8")
    text = _inventory("form.yaml", cwd=tmp_path)
    assert "<img" not in text and "&lt;img" in text and "`a\\|b`" in text


def test_output_file_is_written_once_and_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "inventory.csv"
    assert run_formlint("inventory", "--output-format", "csv", "-o", str(target), PHARMACY).returncode == 0
    first = target.read_text("utf-8")
    assert first.startswith("path,title,purpose")
    again = run_formlint("inventory", "-o", str(target), PHARMACY)
    assert again.returncode == 2 and "already exists; pass --force" in again.stderr
    assert target.read_text("utf-8") == first


def test_an_unreadable_file_is_one_error_line_and_the_others_are_listed(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("fields: [\n", "utf-8")
    result = run_formlint("inventory", "--output-format", "json", "broken.yaml", PHARMACY, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("error:") == 1 and "broken.yaml" in result.stderr
    assert len(json.loads(result.stdout)["forms"]) == 1


@pytest.mark.parametrize("lang, heading, retention", [("en", "Data inventory", "365 days"), ("zh", "个人信息清单", "365 天")])
def test_html_is_one_standalone_page_with_a_section_per_form(lang: str, heading: str, retention: str) -> None:
    from html.parser import HTMLParser

    text = _inventory("--output-format", "html", "--lang", lang, PHARMACY, str(SAMPLES / "venue-check-in-minimal.yaml"))
    assert text.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in text
    assert f"<h1>{heading}</h1>" in text and text.count("<section>") == 2 and retention in text
    assert "<script" not in text and "http" not in text.split("<main>")[0]  # nothing runs, nothing is fetched

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.row_headers: list[str] = []
            self.in_row_header = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("th", "td"):
                self.in_row_header = tag == "th" and ("scope", "row") in attrs

        def handle_data(self, data: str) -> None:
            if self.in_row_header and data.strip():
                self.row_headers.append(data.strip())
                self.in_row_header = False

    cells = Cells()
    cells.feed(text)
    assert "identity.government_id" in cells.row_headers


def test_html_escapes_what_the_form_says(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text("title: '<img src=x onerror=alert(1)>'\npurpose: newsletter\n"
                                        "fields:\n  - {key: '<b>k</b>', label: Email, type: email}\n", "utf-8")
    text = _inventory("--output-format", "html", "form.yaml", cwd=tmp_path)
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<b>k</b>" not in text and "&lt;b&gt;k&lt;/b&gt;" in text
