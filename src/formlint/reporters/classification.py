"""What `formlint classify` prints: each field's category, confidence and evidence,
the titles of the sections it sits in and, with --explain, every candidate.

`json` is version 1 of a public shape (documented in docs/output.md); `text` is one
block per form with aligned columns.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from formlint.display import category_text, display_width, pad
from formlint.escape import json_text, terminal, terminal_path
from formlint.model import Classification, Classified, Field

if TYPE_CHECKING:
    from formlint.taxonomy import Taxonomy

VERSION = 1
# The category column's least width, wide enough for every taxonomy id.
CATEGORY_WIDTH = 26


def render(forms: list[Classified], output_format: str, taxonomy: Taxonomy, lang: str,
           explain: bool = False) -> str:
    """With `explain`, every field also lists the candidates `formlint.classify.explain`
    finds: each category its label, key, choices, section and type point to."""
    entries = [form_entry(item, taxonomy if explain else None) for item in forms]
    if output_format == "json":
        return json_text(json.dumps({"version": VERSION, "forms": entries}, ensure_ascii=False, indent=2)) + "\n"
    return table(entries, taxonomy, lang)


def form_entry(item: Classified, explaining: Taxonomy | None = None) -> dict[str, Any]:
    form, classes = item.form, item.classes
    return {
        "path": form.path,
        "format": form.format,
        "title": form.title,
        "fields": [_field_entry(f, classes[f.key], explaining) for f in form.fields],
    }


def _field_entry(field: Field, verdict: Classification, explaining: Taxonomy | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "key": field.key, "label": field.first_label, "section": list(field.section),
        "category": verdict.category, "confidence": round(verdict.confidence, 2),
        "evidence": verdict.evidence, "line": field.location.line,
    }
    if explaining is not None:
        from formlint.classify import explain

        entry["candidates"] = [
            {"category": c.category, "score": round(c.score, 2), "source": c.source, "evidence": c.evidence}
            for c in explain(field, explaining)
        ]
    return entry


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
        section: list[str] = []
        sectioned = any(f["section"] for f in form["fields"])
        for f, key, category in zip(form["fields"], keys, shown):
            if sectioned and f["section"] != section:
                section = f["section"]
                lines.append("  § " + (" › ".join(terminal(s) for s in section) or "—"))
            lines.append(f"  {f['line']:>4}  {pad(key, width)}  {pad(category, column)} "
                         f"{f['confidence']:.2f}  {terminal(f['evidence'])}")
            for c in f.get("candidates", ()):
                lines.append(f"  {'':>4}  {'':<{width}}    {c['score']:.2f}  {c['category']:<{CATEGORY_WIDTH}} "
                             f"{c['source']}: {terminal(c['evidence'])}")
    return "\n".join(lines) + ("\n" if lines else "")

