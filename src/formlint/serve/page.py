"""The page itself, rendered with Jinja2 (autoescaping on) in the chosen language,
and the Content-Security-Policy that keeps every request on this computer."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from formlint import __version__
from formlint.i18n import LANGUAGES, t
from formlint.serve.checking import AS_DECLARED, RECOGNISE, SAMPLES, ServerSetup

if TYPE_CHECKING:
    from jinja2 import Environment

HTML_LANG = {"en": "en", "zh": "zh-Hans"}
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
# Words the page's script shows; the rest of the page is rendered here.
SCRIPT_WORDS = ("checking", "network")


def page_csp() -> str:
    """Same-origin script, style and requests only; the report shown in the page
    keeps its own inline style and script, allowed by hash."""
    from formlint.reporters.html import asset, csp_hash

    return (f"default-src 'none'; script-src 'self' {csp_hash(asset('report.js'))}; "
            f"style-src 'self' {csp_hash(asset('report.css'))}; connect-src 'self'; img-src 'self' data:; "
            "frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@lru_cache(maxsize=1)
def environment() -> "Environment":
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("formlint.serve", "templates"),
                       autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
                       undefined=StrictUndefined)


def policy_menu(setup: ServerSetup, lang: str) -> dict[str, Any]:
    """Each policy's title and purposes in `lang`, for the page's two menus."""
    return {pid: {"title": p.title_in(lang), "purposes": [[q.id, q.title_in(lang)] for q in p.purposes.values()]}
            for pid, p in setup.policies.items()}


def render_page(setup: ServerSetup, lang: str) -> str:
    from formlint.formats import extensions

    def say(message_id: str, **params: Any) -> str:
        return t(f"serve.{message_id}", lang, **params)

    context = {
        "_": say, "lang": lang, "html_lang": HTML_LANG.get(lang, lang), "version": __version__,
        "languages": [(code, LANGUAGE_NAMES.get(code, code)) for code in LANGUAGES],
        "policies": policy_menu(setup, lang), "default_policy": setup.default_policy,
        "as_declared": AS_DECLARED, "recognise": RECOGNISE, "samples": SAMPLES, "extensions": " ".join(sorted(extensions())),
        "max_mib": setup.max_size / (1024 * 1024),
        "script_words": {word: say(f"script.{word}") for word in SCRIPT_WORDS},
    }
    return environment().get_template("page.html.j2").render(context)
