"""Drafting the notice a form should carry (PIPL Art. 17; GDPR Art. 13).

The draft has one paragraph per element the law asks a collector to tell people:
who collects and how to reach them, the purpose, the categories collected once the
excess ones are gone (in plain words), which of them are sensitive and why they are
needed, the legal basis, who else receives the answers, how long they are kept and
how they are deleted, and the respondent's rights. What the form or the policy says
fills each element; what neither says is a placeholder, clearly marked, for the
collector to complete. All wording is catalogue text (`draft.*` in i18n), so the
draft exists in every language formlint speaks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from formlint.i18n import t

if TYPE_CHECKING:
    from formlint.model import FormResult, Policy
    from formlint.taxonomy import Taxonomy

__all__ = ["Element", "Draft", "draft_notice", "render_draft", "FORMATS"]

FORMATS = ("markdown", "text", "html")
# Findings that mean a field should not be collected at all: it is left out of the draft.
EXCESS = frozenset({"DM101", "DM102"})


@dataclass(frozen=True)
class Element:
    """One paragraph of the notice; `missing` when it is only a placeholder."""

    id: str
    heading: str
    text: str
    missing: bool = False


@dataclass(frozen=True)
class Draft:
    title: str
    elements: tuple[Element, ...]
    lang: str

    @property
    def placeholders(self) -> int:
        return sum(e.missing for e in self.elements)


def draft_notice(result: "FormResult", policy: "Policy", taxonomy: "Taxonomy", lang: str) -> Draft:
    """The notice for the form in `result`, checked under `policy`, in `lang`."""
    drafter = _Drafter(result, policy, taxonomy, lang)
    elements = (drafter.collector(), drafter.purpose(), drafter.categories(), drafter.sensitive(),
                drafter.legal_basis(), drafter.recipients(), drafter.retention(), drafter.rights())
    title = result.form.title or result.form.id or result.form.path
    return Draft(t("draft.title", lang, form=title), tuple(e for e in elements if e is not None), lang)


class _Drafter:
    def __init__(self, result: "FormResult", policy: "Policy", taxonomy: "Taxonomy", lang: str) -> None:
        self.result = result
        self.policy = policy
        self.taxonomy = taxonomy
        self.lang = lang
        excess = {f.field_key for f in result.findings if f.code in EXCESS}
        self.kept = [f for f in result.form.fields if f.key not in excess]

    def _t(self, message_id: str, **params: object) -> str:
        return t(message_id, self.lang, **params)

    def _element(self, name: str, text: str | None, **params: object) -> Element:
        heading = self._t(f"draft.{name}.heading")
        if text:
            return Element(name, heading, text)
        return Element(name, heading, self._t("draft.placeholder", what=self._t(f"draft.{name}.missing", **params)), True)

    def _join(self, items: list[str]) -> str:
        return self._t("draft.list_separator").join(items)

    def collector(self) -> Element:
        collector = self.result.form.collector
        name = collector.name or self.result.notice.controller
        if name and collector.contact:
            return self._element("collector", self._t("draft.collector.text", name=name, contact=collector.contact))
        if name:
            contact = self._t("draft.placeholder", what=self._t("draft.collector.missing_contact"))
            return Element("collector", self._t("draft.collector.heading"),
                           self._t("draft.collector.text", name=name, contact=contact), True)
        return self._element("collector", None)

    def purpose(self) -> Element:
        purpose = self.result.purpose
        stated = self.result.notice.purpose if self.lang != "en" else None
        title = stated or (purpose.title_in(self.lang) if purpose is not None else None)
        if not title:
            return self._element("purpose", None)
        detail = f" {purpose.description}" if purpose is not None and purpose.description and self.lang == "en" else ""
        return self._element("purpose", self._t("draft.purpose.text", purpose=title) + detail)

    def _category_fields(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for item in self.kept:
            verdict = self.result.classes.get(item.key)
            if verdict is None or not verdict.known or not self.taxonomy.is_personal(verdict.category):
                continue
            shown = item.first_label or item.key
            if shown != self._name(verdict.category):
                grouped.setdefault(verdict.category, []).append(shown)
            else:
                grouped.setdefault(verdict.category, [])
        return grouped

    def _name(self, category: str) -> str:
        names = self.taxonomy.get(category).name
        return names.get(self.lang) or names.get("en") or category

    def categories(self) -> Element:
        grouped = self._category_fields()
        if not grouped:
            return self._element("categories", None)
        parts = [self._t("draft.categories.item", category=self._name(c), fields=self._join(f)) if f
                 else self._name(c) for c, f in grouped.items()]
        return self._element("categories", self._t("draft.categories.text", items=self._join(parts)))

    def sensitive(self) -> Element | None:
        regimes = self.policy.regimes or ("pipl", "gdpr")
        cited = [(c, self.taxonomy.is_sensitive(c, regimes)) for c in self._category_fields()]
        sensitive = [(c, citation) for c, citation in cited if citation]
        if not sensitive:
            return None
        purpose = self.result.purpose
        reasons = []
        missing = False
        for category, citation in sensitive:
            why = " ".join(purpose.sources_in(category, self.lang)) if purpose is not None else ""
            if not why:
                missing = True
                why = self._t("draft.placeholder", what=self._t("draft.sensitive.missing_reason"))
            reasons.append(self._t("draft.sensitive.item", category=self._name(category), citation=citation, why=why))
        text = self._t("draft.sensitive.text", items=self._join(reasons))
        return Element("sensitive", self._t("draft.sensitive.heading"), text, missing)

    def legal_basis(self) -> Element:
        basis = self.result.form.notice.legal_basis
        if basis:
            return self._element("legal_basis", self._t("draft.legal_basis.text", basis=basis))
        regimes = self.policy.regimes or ("pipl", "gdpr")
        return self._element("legal_basis", None, laws=self._join([self._t(f"draft.law.basis.{r}")
                                                                   for r in regimes if r in ("pipl", "gdpr", "ccpa")]))

    def recipients(self) -> Element:
        recipients = self.result.notice.recipients
        if recipients is None:
            return self._element("recipients", None)
        if not recipients:
            return self._element("recipients", self._t("draft.recipients.none"))
        return self._element("recipients", self._t("draft.recipients.text", recipients=self._join(list(recipients))))

    def retention(self) -> Element:
        purpose = self.result.purpose
        stated = self.result.notice.retention
        days = purpose.max_days if purpose is not None and purpose.max_days else None
        if stated.found and stated.days is not None and not stated.vague and (days is None or stated.days <= days):
            days = stated.days
        if days is None:
            return self._element("retention", None)
        return self._element("retention", self._t("draft.retention.text", days=days))

    def rights(self) -> Element:
        regimes = self.policy.regimes or ("pipl", "gdpr")
        laws = self._join([self._t(f"draft.law.rights.{r}") for r in regimes if r in ("pipl", "gdpr", "ccpa")])
        contact = self.result.form.collector.contact or self._t(
            "draft.placeholder", what=self._t("draft.collector.missing_contact"))
        return Element("rights", self._t("draft.rights.heading"), self._t("draft.rights.text", laws=laws, contact=contact),
                       not self.result.form.collector.contact)


def render_draft(draft: Draft, output_format: str) -> str:
    """The draft as markdown, plain text or an HTML fragment (form text escaped)."""
    if output_format == "html":
        lang = "zh-CN" if draft.lang == "zh" else draft.lang
        body = "".join(f"<h3>{html.escape(e.heading)}</h3>\n<p>{html.escape(e.text)}</p>\n" for e in draft.elements)
        return f'<section lang="{lang}">\n<h2>{html.escape(draft.title)}</h2>\n{body}</section>\n'
    if output_format == "markdown":
        body = "".join(f"**{_md(e.heading)}** {_md(e.text)}\n\n" for e in draft.elements)
        return f"## {_md(draft.title)}\n\n{body}".rstrip("\n") + "\n"
    return draft.title + "\n\n" + "".join(f"{e.heading} {e.text}\n\n" for e in draft.elements).rstrip("\n") + "\n"


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|~"})


def _md(text: str) -> str:
    """Markdown-safe form text: no markup, no HTML, one paragraph."""
    return " ".join(text.split()).translate(_MD_SPECIAL)
