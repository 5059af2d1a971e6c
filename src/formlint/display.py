"""Text laid out for a terminal, shared by the command line and the reporters:
column widths that count CJK characters as two, and category ids with their name in
the reader's language."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from formlint.taxonomy import Taxonomy


def category_text(taxonomy: Taxonomy, category_id: str, lang: str) -> str:
    """A category id as a reader sees it: in English the id is its own name; in
    another language the taxonomy's name there follows it, `identity.name（姓名）`."""
    category = taxonomy.categories.get(category_id)
    name = category.name.get(lang) if category is not None and lang != "en" else None
    return f"{category_id}（{name}）" if name else category_id


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two, so Chinese columns still line up."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)
