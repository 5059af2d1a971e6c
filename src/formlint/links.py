"""Where formlint's documentation site lives. One base URL: SARIF `helpUri`,
`formlint rule` and mkdocs.yml's `site_url` all use it (a test keeps them equal),
so a fork or a mirror changes one line here and one in mkdocs.yml."""

from __future__ import annotations

DOCS_URL = "https://formlint.readthedocs.io/en/latest/"
# Languages with their own copy of the site, under DOCS_URL + code + "/".
DOCS_LANGUAGES = ("en", "zh")
DEFAULT_DOCS_LANGUAGE = "en"


def page_url(page: str, lang: str = DEFAULT_DOCS_LANGUAGE) -> str:
    """The URL of a site page (`rules/DM101/`) in `lang`, English when the site has no copy."""
    prefix = f"{lang}/" if lang in DOCS_LANGUAGES and lang != DEFAULT_DOCS_LANGUAGE else ""
    return f"{DOCS_URL}{prefix}{page}"


def rule_url(code: str, lang: str = DEFAULT_DOCS_LANGUAGE) -> str:
    return page_url(f"rules/{code}/", lang)
