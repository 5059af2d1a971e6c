"""The documentation site's generated pages, from the same sources the CLI uses.

    python -m formlint.docs          # rewrite docs/ (run from the repository root)

One page per rule, input format, built-in policy and category, in English
(`NAME.md`) and Chinese (`NAME.zh.md`, mkdocs-static-i18n's suffix layout), plus an
index page per kind; and the tables between `<!-- NAME:start -->` and
`<!-- NAME:end -->` markers in hand-written pages. A test fails while any of it
is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable, Iterator

from formlint.i18n import LANGUAGES, t

GENERATED = ("rules", "formats", "policies", "categories")


def suffix(lang: str) -> str:
    return "" if lang == "en" else f".{lang}"


# formats.md (how each format is read) is the formats section's landing page, so
# formats/ has no index page of its own; its table goes in formats.md. Each page's
# translation carries the same tables in its own language.
MARKED_PAGES = tuple(f"{name}{suffix(lang)}.md" for name in ("rules", "categories", "formats") for lang in LANGUAGES)


def page_lang(name: str) -> str:
    """The language of a page by its name: `NAME.zh.md` is Chinese, `NAME.md` English."""
    return next((lang for lang in LANGUAGES if lang != "en" and name.endswith(f".{lang}.md")), "en")


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in row) + " |"
              for row in rows]
    return "\n".join(lines)


def _facts(rows: list[tuple[str, str]]) -> str:
    """A two-column table of labelled facts, the labels in bold."""
    return "\n".join(["| | |", "|---|---|", *(f"| **{label}** | {value} |" for label, value in rows)])


# ---------------------------------------------------------------- rules


def _status(status: str, lang: str) -> str:
    return t(f"docs.status.{status.replace('-', '_')}", lang)


def rule_page(code: str, lang: str) -> str:
    from formlint.rules import RULES, rule_doc

    rule = RULES[code]
    laws = "<br>".join(f"{regime.upper()}: {'; '.join(cites)}" for regime, cites in rule.laws.items()) or "—"
    refines = ", ".join(f"[{other}]({other}.md)" for other in rule.refines) or "—"
    facts = _facts([
        (t("docs.severity", lang), t(f"severity.{rule.severity.value}", lang)),
        (t("docs.status", lang), _status(rule.status.value, lang)),
        (t("docs.group", lang), rule.group),
        (t("docs.law", lang), laws),
        (t("docs.refines", lang), refines),
        (t("docs.messages", lang), ", ".join(f"`{m}`" for m in rule.messages)),
    ])
    summary, _, body = rule_doc(code, lang).partition("\n")
    return f"# {code} {rule.name}\n\n{summary.strip()}\n\n{facts}\n\n{body.strip()}\n"


def rules_table(lang: str = "en", prefix: str = "") -> str:
    from formlint.rules import RULES, rule_summary

    rows = [[f"[{code}]({prefix}{code}.md)", rule.name, t(f"severity.{rule.severity.value}", lang),
             _status(rule.status.value, lang), rule_summary(code, lang)] for code, rule in RULES.items()]
    header = [t(f"docs.column.{c}", lang) for c in ("code", "name", "severity", "status", "catches")]
    return _table(header, rows)


def rules_index(lang: str) -> str:
    return f"# {t('docs.rules', lang)}\n\n{t('docs.rules.intro', lang)}\n\n{rules_table(lang)}\n"


# ---------------------------------------------------------------- formats


def format_page(name: str, lang: str) -> str:
    from formlint.formats import FORMATS

    info = FORMATS[name]
    facts = _facts([
        (t("docs.format.name", lang), f"`{info.name}`"),
        (t("docs.format.extensions", lang), ", ".join(f"`{e}`" for e in info.extensions)),
        (t("docs.format.purpose", lang), info.purpose_slot or t("docs.format.no_purpose", lang)),
    ])
    guide = t("docs.format.guide", lang)
    return f"# {name}\n\n{info.description}\n\n{facts}\n\n{guide}\n"


def formats_table(lang: str = "en", prefix: str = "") -> str:
    from formlint.formats import FORMATS

    rows = [[f"[`{name}`]({prefix}{name}.md)", info.description, ", ".join(f"`{e}`" for e in info.extensions)]
            for name, info in FORMATS.items()]
    return _table([t(f"docs.column.{c}", lang) for c in ("format", "description", "extensions")], rows)


# ---------------------------------------------------------------- policies


def policy_page(name: str, lang: str) -> str:
    from formlint.policy import load_policy

    policy = load_policy(name)
    facts = _facts([
        (t("docs.policy.name", lang), f"`{name}`"),
        (t("docs.policy.extends", lang), ", ".join(f"[`{b}`]({b}.md)" for b in _builtin_bases(policy.bases)) or "—"),
        (t("docs.policy.regimes", lang), ", ".join(policy.regimes) or "—"),
        (t("docs.policy.notice", lang), ", ".join(policy.required_notice) or "—"),
        (t("docs.policy.rules", lang), ", ".join(f"[{c}](../rules/{c}.md)" for c in sorted(policy.rules)) or "—"),
        (t("docs.policy.source", lang), "<br>".join(policy.source_in(lang)) or "—"),
    ])
    lines = [f"# {policy.title_in(lang)}", "", policy.description.strip(), "", facts, "",
             f"## {t('docs.policy.purposes', lang)}", ""]
    if not policy.purposes:
        lines += [t("docs.policy.pack", lang), ""]
    for purpose in policy.purposes.values():
        lines += [*_purpose_lines(purpose, lang), ""]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"


def _builtin_bases(bases: tuple[str, ...]) -> list[str]:
    """The built-in policies among a policy's bases, by name."""
    from formlint.policy import BUILTIN_PREFIX

    return [b.removeprefix(BUILTIN_PREFIX).removesuffix(".yaml") for b in bases if b.startswith(BUILTIN_PREFIX)]


def _purpose_lines(purpose: object, lang: str) -> Iterator[str]:
    from formlint.model import Purpose

    assert isinstance(purpose, Purpose)
    yield f"### `{purpose.id}`: {purpose.title_in(lang)}"
    yield ""
    if purpose.description:
        yield purpose.description.strip()
        yield ""
    rows = [(t("docs.policy.necessary", lang), _categories(purpose.necessary)),
            (t("docs.policy.optional", lang), _categories(purpose.optional))]
    rows += [(t("docs.policy.one_of", lang), _categories(group)) for group in purpose.alternatives]
    if purpose.max_days is not None:
        rows.append((t("docs.policy.retention", lang), t("cli.days", lang, days=purpose.max_days)))
    if purpose.government_id:
        rows.append((t("docs.policy.government_id", lang), purpose.government_id))
    rows.append((t("docs.policy.source", lang), "<br>".join(purpose.source_in(lang)) or "—"))
    yield _facts(rows)


def _categories(ids: frozenset[str]) -> str:
    return ", ".join(f"[`{c}`](../categories/{c}.md)" for c in sorted(ids)) or "—"


def policies_index(lang: str) -> str:
    from formlint.policy import builtin_names, load_policy

    rows = [[f"[`{name}`]({name}.md)", load_policy(name).title_in(lang), ", ".join(load_policy(name).purposes) or "—"]
            for name in builtin_names()]
    header = [t(f"docs.column.{c}", lang) for c in ("policy", "title", "purposes")]
    return f"# {t('docs.policies', lang)}\n\n{t('docs.policies.intro', lang)}\n\n{_table(header, rows)}\n"


# ---------------------------------------------------------------- categories


def category_page(category_id: str, lang: str) -> str:
    from formlint.taxonomy import load_taxonomy

    category = load_taxonomy().get(category_id)
    name = category.name.get(lang) or category.name.get("en", category_id)
    sensitive = "<br>".join(f"{regime.upper()}: {cite}" for regime, cite in category.sensitive.items())
    facts = _facts([
        (t("docs.category.id", lang), f"`{category.id}`"),
        (t("docs.category.group", lang), category.group),
        (t("docs.category.sensitive", lang), sensitive or t("cli.nothing", lang)),
        (t("docs.category.autocomplete", lang), ", ".join(f"`{a}`" for a in category.autocomplete) or "—"),
        (t("docs.category.types", lang), ", ".join(f"`{x}`" for x in category.types) or "—"),
    ])
    terms = _table([t("docs.column.language", lang), t("docs.column.terms", lang)],
                   [[code, ", ".join(words)] for code, words in category.terms.items()])
    description = category.description.get(lang) or category.description.get("en", "")
    return (f"# {name}\n\n{description}\n\n{facts}\n\n## {t('docs.category.terms', lang)}\n\n"
            f"{t('docs.category.terms_intro', lang)}\n\n{terms}\n")


def categories_table(lang: str = "en", prefix: str = "") -> str:
    from formlint.taxonomy import load_taxonomy

    rows = [[f"[`{c.id}`]({prefix}{c.id}.md)", c.name.get("en", ""), c.name.get("zh", ""),
             ", ".join(sorted(c.sensitive))] for c in load_taxonomy()]
    header = [t(f"docs.column.{c}", lang) for c in ("id", "name_en", "name_zh", "sensitive")]
    return _table(header, rows)


def categories_index(lang: str) -> str:
    return f"# {t('docs.categories', lang)}\n\n{t('docs.categories.intro', lang)}\n\n{categories_table(lang)}\n"


# ---------------------------------------------------------------- the site


def pages() -> dict[str, str]:
    """Every generated page: its path under docs/ and its text."""
    from formlint.formats import FORMATS
    from formlint.policy import builtin_names
    from formlint.rules import RULES
    from formlint.taxonomy import load_taxonomy

    kinds: dict[str, tuple[Callable[[str], str] | None, list[str], Callable[[str, str], str]]] = {
        "rules": (rules_index, list(RULES), rule_page),
        "formats": (None, list(FORMATS), format_page),
        "policies": (policies_index, builtin_names(), policy_page),
        "categories": (categories_index, list(load_taxonomy().ids()), category_page),
    }
    result: dict[str, str] = {}
    for folder, (index, names, page) in kinds.items():
        for lang in LANGUAGES:
            if index is not None:
                result[f"{folder}/index{suffix(lang)}.md"] = index(lang)
            result.update({f"{folder}/{name}{suffix(lang)}.md": page(name, lang) for name in names})
    return result


BLOCKS: dict[str, Callable[[str], str]] = {
    "rules": lambda lang: rules_table(lang, prefix="rules/"),
    "categories": lambda lang: categories_table(lang, prefix="categories/"),
    "formats": lambda lang: formats_table(lang, prefix="formats/"),
}


def refresh(text: str, lang: str = "en") -> str:
    """`text` with every marked block regenerated in `lang`."""
    for name, make in BLOCKS.items():
        # The block may be empty (start and end markers on adjacent lines).
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        text = pattern.sub(lambda m: m.group(1) + make(lang) + "\n" + m.group(2), text)
    return text


def stale(docs: Path) -> list[str]:
    """Generated or marked pages under `docs` that differ from what the code says,
    and generated pages that no longer have a source."""
    wanted = pages()
    problems = [name for name, text in wanted.items() if _read(docs / name) != text]
    problems += [p.relative_to(docs).as_posix() for folder in GENERATED for p in sorted((docs / folder).glob("*.md"))
                 if p.relative_to(docs).as_posix() not in wanted]
    problems += [name for name in MARKED_PAGES
                 if refresh(_read(docs / name), page_lang(name)) != _read(docs / name)]
    return problems


def _read(path: Path) -> str:
    return path.read_text("utf-8") if path.is_file() else ""


def write(docs: Path) -> None:
    for folder in GENERATED:
        for old in (docs / folder).glob("*.md"):
            old.unlink()
    for name, text in pages().items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    for name in MARKED_PAGES:
        if (docs / name).is_file():
            (docs / name).write_text(refresh(_read(docs / name), page_lang(name)), "utf-8")


def main(argv: list[str]) -> int:
    write(Path(argv[0] if argv else "docs"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
