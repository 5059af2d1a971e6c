"""The built-in personal-data taxonomy: categories, their sensitivity and lexicon.

The categories live in `categories.yaml` (package data, validated against
`schemas/taxonomy.schema.json` by the test suite); the phrases that name them live in
the language packs (`formlint.languages`), one folder per language, and are merged in
here. This module only parses: jsonschema is deliberately not imported, so loading
stays cheap at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any


from formlint.languages import LanguagePack

__all__ = [
    "FREE_TEXT",
    "GOVERNMENT_ID",
    "Category",
    "Taxonomy",
    "load_taxonomy",
    "parse_taxonomy",
    "raw_taxonomy_text",
]

# Categories that rules and policies name in code: DM105 reports free text, DM106
# and a purpose's `government_id` setting concern government ID numbers.
FREE_TEXT = "content.free_text"
GOVERNMENT_ID = "identity.government_id"

_DATA_FILE = "categories.yaml"


@dataclass(frozen=True)
class Category:
    """One taxonomy entry. `sensitive` holds only the regimes where it IS sensitive."""

    id: str
    group: str
    name: Mapping[str, str]
    description: Mapping[str, str]
    sensitive: Mapping[str, str]
    autocomplete: tuple[str, ...]
    types: tuple[str, ...]
    terms: Mapping[str, tuple[str, ...]]
    decisive_types: tuple[str, ...] = ()
    not_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weak_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    option_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    personal: bool = True  # False for `none` and consent tick boxes: never excess
    # "written": never picked from choices; "text": nor a number or a date;
    # "value": not answered by yes or no
    answer: str | None = None


# eq=False: taxonomies compare and hash by identity, so caches can key on them.
@dataclass(frozen=True, eq=False)
class Taxonomy:
    categories: Mapping[str, Category]
    languages: tuple[str, ...] = ("en", "zh")
    regimes: Mapping[str, str] = field(default_factory=dict)
    packs: tuple[LanguagePack, ...] = ()

    def __contains__(self, category_id: object) -> bool:
        return category_id in self.categories

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories.values())

    def __len__(self) -> int:
        return len(self.categories)

    def ids(self) -> tuple[str, ...]:
        return tuple(self.categories)

    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.group for c in self.categories.values()))

    def get(self, category_id: str) -> Category:
        """The category, or KeyError whose message carries a "did you mean"."""
        try:
            return self.categories[category_id]
        except KeyError:
            raise KeyError(self._unknown(category_id)) from None

    def expand(self, pattern: str) -> tuple[str, ...]:
        """Ids matched by an id, `group.*` or `*`; KeyError when nothing matches."""
        if pattern in self.categories:
            return (pattern,)
        if pattern == "*":
            return self.ids()
        if pattern.endswith(".*"):
            group = pattern[:-2]
            ids = tuple(c.id for c in self.categories.values() if c.group == group)
            if ids:
                return ids
        raise KeyError(self._unknown(pattern))

    def suggest(self, category_id: str) -> str | None:
        """The closest known id or `group.*` pattern, for "did you mean" hints."""
        candidates = [*self.categories, *(f"{g}.*" for g in self.groups())]
        import difflib

        close = difflib.get_close_matches(category_id, candidates, n=1, cutoff=0.6)
        return close[0] if close else None

    def is_personal(self, category_id: str) -> bool:
        """Whether a field of this category collects personal data a purpose must
        justify; False for "unknown" and other ids outside the taxonomy."""
        category = self.categories.get(category_id)
        return category is not None and category.personal

    def is_sensitive(self, category_id: str, regimes: Iterable[str]) -> str | None:
        """The citation of the first regime in `regimes` under which it is sensitive."""
        sensitive = self.get(category_id).sensitive
        return next((sensitive[r] for r in regimes if r in sensitive), None)

    def _unknown(self, category_id: str) -> str:
        hint = self.suggest(category_id)
        return f"unknown category {category_id!r}" + (
            f" (did you mean {hint!r}?)" if hint else ""
        )


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The built-in taxonomy with every language pack's lexicon, parsed once per process."""
    from formlint.bundle import data_file
    from formlint.languages import load_packs

    data = data_file(f"taxonomy/{_DATA_FILE}")
    return parse_taxonomy(data, tuple(load_packs().values()))


def raw_taxonomy_text() -> str:
    return resources.files(__package__).joinpath(_DATA_FILE).read_text("utf-8")


def parse_taxonomy(
    data: Mapping[str, Any], packs: Iterable[LanguagePack] = ()
) -> Taxonomy:
    """Build a Taxonomy from already schema-valid data (the YAML's structure), with
    the phrases the language `packs` give its categories."""
    packs = tuple(packs)
    categories = (_category(entry, packs) for entry in data["categories"])
    own = tuple(data.get("languages", ()))
    return Taxonomy(
        categories=MappingProxyType({c.id: c for c in categories}),
        languages=tuple(dict.fromkeys((*own, *(p.code for p in packs)))),
        regimes=MappingProxyType(dict(data.get("regimes", {}))),
        packs=packs,
    )


def _category(entry: Mapping[str, Any], packs: tuple[LanguagePack, ...]) -> Category:
    category_id: str = entry["id"]

    def merged(own: Any, attribute: str) -> Mapping[str, tuple[str, ...]]:
        table = dict(_phrases(own))
        for pack in packs:
            phrases = getattr(pack, attribute).get(category_id)
            if phrases:
                table[pack.code] = (*table.get(pack.code, ()), *phrases)
        return MappingProxyType(table)

    return Category(
        id=category_id,
        group=category_id.partition(".")[0],
        name=MappingProxyType(dict(entry["name"])),
        description=MappingProxyType(dict(entry["description"])),
        sensitive=MappingProxyType(dict(entry.get("sensitive") or {})),
        autocomplete=tuple(entry.get("autocomplete") or ()),
        types=tuple(entry.get("types") or ()),
        decisive_types=tuple(entry.get("decisive_types") or ()),
        terms=merged(entry.get("terms"), "terms"),
        not_terms=merged(entry.get("not"), "not_terms"),
        weak_terms=merged(None, "weak"),
        option_terms=merged(None, "options"),
        personal=bool(entry.get("personal", True)),
        answer=entry.get("answer"),
    )


def _phrases(raw: Mapping[str, Iterable[str]] | None) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({lang: tuple(items) for lang, items in (raw or {}).items()})
