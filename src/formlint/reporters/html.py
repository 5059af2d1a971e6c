"""A self-contained HTML report to open, print and forward: run overview, charts,
every field of every form with its verdict, findings, help and law.

Rendered with Jinja2 with autoescaping on, because a form is untrusted input: every
label, key, notice and path is escaped where the template writes it. The report's
own stylesheet and script are inlined and pinned by hash in a Content-Security-
Policy, so the file loads nothing from elsewhere and runs no other script.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable

from formlint import __version__
from formlint.model import Report
from formlint.i18n import has, t, translate, translate_law
from formlint.reporters import RenderOptions
from formlint.reporters.charts import stacked_bars
from formlint.reporters.html_view import (NO_FINDING, SEVERITIES, fields_by_group, findings_by_rule, form_view,
                                          overview)
from formlint.verdicts import Verdict

if TYPE_CHECKING:
    from jinja2 import Environment

NAME = "html"
DESCRIPTION = "a self-contained HTML report to open, print and forward"
HTML_LANG = {"en": "en", "zh": "zh-Hans"}


def asset(name: str) -> str:
    return resources.files("formlint.reporters").joinpath("templates", name).read_text("utf-8")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def report_csp() -> str:
    """The report's own policy: only its inline style and script, nothing fetched."""
    return (f"default-src 'none'; style-src {csp_hash(asset('report.css'))}; "
            f"script-src {csp_hash(asset('report.js'))}; img-src data:; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=1)
def environment() -> "Environment":
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("formlint.reporters", "templates"),
                       autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
                       undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False, finalize=_shown)


def _shown(value: Any) -> Any:
    """Every plain string a template prints, escaped by formlint.escape.html_text
    (entities, control characters shown, line breaks as `&#10;`); Markup (the
    report's own CSS and script) is kept as it is."""
    from markupsafe import Markup

    from formlint.escape import html_text

    return Markup(html_text(value)) if type(value) is str else value


def words(lang: str) -> dict[str, Callable[..., str]]:
    """The template's ways of saying things in `lang`."""
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()

    def say(message_id: str, **params: Any) -> str:
        return t(f"html.{message_id}", lang, **params)

    def category(category_id: str) -> str:
        known = taxonomy.categories.get(category_id)
        name = (known.name.get(lang) or known.name.get("en")) if known else say("category.unknown")
        return f"{name} · {category_id}" if name and name != category_id else category_id

    def group_name(group: str) -> str:
        return say(f"group.{group}") if has(f"html.group.{group}", "en") else group

    def severity(level: str) -> str:
        return say("severity.none") if level == NO_FINDING else t(f"severity.{level}", lang)

    return {"_": say, "category": category, "group_name": group_name, "severity": severity,
            "verdict": lambda value: say(f"verdict.{value}"), "rule_label": lambda code: code,
            "message": lambda message: translate(message, lang), "law": lambda law: translate_law(law, lang)}


def rule_docs(report: Report, lang: str) -> list[dict[str, str]]:
    from formlint.links import rule_url
    from formlint.rules import RULES, rule_doc

    fired = dict.fromkeys(f.code for f in report.findings)
    return [{"code": code, "name": RULES[code].name, "doc": rule_doc(code, lang), "url": rule_url(code, lang)}
            for code in fired if code in RULES]


def render(report: Report, options: RenderOptions) -> str:
    from markupsafe import Markup
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    forms = [form_view(i, r, taxonomy, options.lang) for i, r in enumerate(report.results, 1)]
    context = {
        **words(options.lang), "html_lang": HTML_LANG.get(options.lang, options.lang), "version": __version__,
        "csp": report_csp(), "css": Markup(asset("report.css")), "js": Markup(asset("report.js")),
        "policy": options.policy, "policy_title": options.policy.title_in(options.lang), "overview": overview(report, forms), "forms": forms,
        "rules_chart": stacked_bars(findings_by_rule(report)), "groups_chart": stacked_bars(fields_by_group(forms)),
        "severities": (*SEVERITIES, NO_FINDING), "verdicts": list(Verdict),
        "errors": [e.line_in(options.lang) for e in report.errors], "rules": rule_docs(report, options.lang),
    }
    return environment().get_template("report.html.j2").render(context)
