"""What `formlint classify` prints: each field's category, confidence and evidence.

`json` is version 1 of a public shape (documented in docs/output.md); `text` is one
block per form with aligned columns.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from formlint.display import category_text, display_width, pad
from formlint.escape import json_text, terminal, terminal_path
from formlint.model import Classified

if TYPE_CHECKING:
    from formlint.taxonomy import Taxonomy

VERSION = 1
# The category column's least width, wide enough for every taxonomy id.
CATEGORY_WIDTH = 26


def render(forms: list[Classified], output_format: str, taxonomy: Taxonomy, lang: str) -> str:
    entries = [form_entry(item) for item in forms]
    if output_format == "json":
        return json_text(json.dumps({"version": VERSION, "forms": entries}, ensure_ascii=False, indent=2)) + "\n"
    return table(entries, taxonomy, lang)


def form_entry(item: Classified) -> dict[str, Any]:
    form, classes = item.form, item.classes
    return {
        "path": form.path,
        "format": form.format,
        "title": form.title,
        "fields": [
            {"key": f.key, "label": f.first_label, "category": classes[f.key].category,
             "confidence": round(classes[f.key].confidence, 2), "evidence": classes[f.key].evidence,
             "line": f.location.line}
            for f in form.fields
        ],
    }


def table(forms: list[dict[str, Any]], taxonomy: Taxonomy, lang: str) -> str:
    """One block per form; under a language other than English each category id is
    followed by its name there. Evidence stays as the classifier wrote it (English)."""
    lines = []
    for form in forms:
        lines.append(f"{terminal_path(form['path'])} ({form['format']}): {terminal(form['title'] or '')}")
        keys = [terminal(f["key"]) for f in form["fields"]]
        width = max((display_width(key) for key in keys), default=3)
        shown = [category_text(taxonomy, f["category"], lang) for f in form["fields"]]
        column = max([CATEGORY_WIDTH, *(display_width(c) for c in shown)])
        for f, key, category in zip(form["fields"], keys, shown):
            lines.append(f"  {f['line']:>4}  {pad(key, width)}  {pad(category, column)} "
                         f"{f['confidence']:.2f}  {terminal(f['evidence'])}")
    return "\n".join(lines) + ("\n" if lines else "")
