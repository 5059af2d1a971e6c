"""The documentation: generated pages are current, the site's navigation and links hold,
the README is a front page, and every console example prints what formlint prints."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_formlint

from formlint.docs import stale
from formlint.links import DOCS_URL, rule_url
from formlint.policy import builtin_names
from formlint.rules import RULES

DOCS = ROOT / "docs"
README = ROOT / "README.md"
ELLIPSIS = "…"
# What the examples read, copied for each into a temporary folder they run in.
EXAMPLE_FOLDERS = ("sample_forms", "examples", "policies")


def handwritten_pages() -> list[Path]:
    """English pages written by hand (generated folders and translations aside)."""
    return sorted(p for p in DOCS.glob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))


def test_generated_pages_are_current() -> None:
    assert stale(DOCS) == [], "run `python -m formlint.docs`"


def test_every_rule_has_a_page_where_its_links_point() -> None:
    for code in RULES:
        assert rule_url(code) == f"{DOCS_URL}rules/{code}/"
        assert rule_url(code, "zh") == f"{DOCS_URL}zh/rules/{code}/"
        assert (DOCS / "rules" / f"{code}.md").is_file() and (DOCS / "rules" / f"{code}.zh.md").is_file()


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use `!!python/name:` tags; the test reads only plain keys."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, object]:
    config: dict[str, object] = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    return config


def _nav_pages(entry: object) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [page for item in entry for page in _nav_pages(item)]
    if isinstance(entry, dict):
        return [page for value in entry.values() for page in _nav_pages(value)]
    return []


def test_site_url_is_the_one_base_url() -> None:
    assert mkdocs_config()["site_url"] == DOCS_URL


def test_every_handwritten_page_is_in_the_navigation() -> None:
    nav = set(_nav_pages(mkdocs_config()["nav"]))
    assert {p.name for p in handwritten_pages()} <= nav
    assert {"rules/index.md", "policies/index.md", "categories/index.md", "formats.md"} <= nav
    assert all((DOCS / page).is_file() for page in nav)


def test_readme_is_a_front_page() -> None:
    text = README.read_text("utf-8")
    assert len(text.encode("utf-8")) < 12 * 1024
    assert "pip install . && formlint check sample_forms/" in text
    assert "pip install -e '.[test]' && pytest" in text
    links = re.findall(r"\]\((https?://[^)]+)\)", text)
    assert links and all(link.startswith(DOCS_URL) for link in links)
    assert (DOCS / "index.md").read_text("utf-8") == '--8<-- "README.md"\n'


def test_getting_started_documents_every_command() -> None:
    text = (DOCS / "getting-started.md").read_text("utf-8")
    for command in ("formlint check", "formlint classify", "formlint categories", "formlint rule", "formlint schema",
                    "formlint policies list", "formlint policies show", "formlint policies validate",
                    "formlint purposes", "formlint init"):
        assert command in text


def test_top_level_policies_are_the_packaged_ones() -> None:
    top = sorted(p.stem for p in (ROOT / "policies").glob("*.yaml"))
    assert top == builtin_names() and "epidemic-registration" in top


def test_every_data_file_in_the_package_is_installed_as_package_data() -> None:
    import fnmatch
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["formlint"]
    package = ROOT / "src" / "formlint"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert data and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in data), data


# ---------------------------------------------------------------- console examples


def console_examples() -> list[tuple[str, str, list[str], int | None]]:
    """(page, command, expected output lines, expected exit code or None) for every
    `$ formlint …` in a ```console block of the README or a hand-written page."""
    examples = []
    for page in [README, *handwritten_pages(), *sorted(DOCS.glob("*.zh.md"))]:
        for block in re.findall(r"```console\n(.*?)```", page.read_text("utf-8"), re.S):
            examples += _commands(page.relative_to(ROOT).as_posix(), block.splitlines())
    return examples


def _commands(page: str, lines: list[str]) -> list[tuple[str, str, list[str], int | None]]:
    found: list[tuple[str, str, list[str], int | None]] = []
    remaining = iter(lines)
    for line in remaining:
        if line == "$ echo $?":  # the next line is the previous command's exit code
            found[-1] = (*found[-1][:3], int(next(remaining)))
        elif line.startswith("$ "):
            found.append((page, line[2:], [], None))
        elif found:
            found[-1][2].append(line)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a line `…` stands for any number of lines."""
    if not expected:
        return not actual
    if expected[0] == ELLIPSIS:
        return any(matches(expected[1:], actual[start:]) for start in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def test_console_examples_are_found() -> None:
    pages = {page for page, *_ in console_examples()}
    assert {"README.md", "docs/getting-started.md", "docs/writing-a-policy.md"} <= pages


@pytest.mark.parametrize("page, command, expected, code", console_examples(),
                         ids=lambda value: value if isinstance(value, str) and value.startswith("formlint") else "")
def test_console_example_prints_what_formlint_prints(page: str, command: str, expected: list[str],
                                                     code: int | None, tmp_path: Path) -> None:
    argv = shlex.split(command)
    assert argv[0] == "formlint", f"{page}: only formlint commands are run"
    for folder in EXAMPLE_FOLDERS:  # a copy: an example may write (`fix --write`)
        shutil.copytree(ROOT / folder, tmp_path / folder)
    result = run_formlint(*argv[1:], cwd=tmp_path)
    shown = result.stderr + result.stdout  # as the page shows a terminal: messages, then the output
    assert matches(expected, shown.splitlines()), f"{page}: `{command}` printed:\n{shown}"
    if code is not None:
        assert result.returncode == code


# Pages for people who change formlint, not use it, and pages that include an English file
# (the changelog, the security policy) stay in English; the Chinese site falls back to them.
ENGLISH_ONLY = {"changelog.md", "contributing.md", "development.md", "performance.md", "security.md"}


def test_every_page_for_users_has_a_chinese_version() -> None:
    missing = {page.name for page in handwritten_pages() if not page.with_name(f"{page.stem}.zh.md").is_file()}
    assert missing == ENGLISH_ONLY

