#!/usr/bin/env python3
"""Time classifying the fields of N generated forms in one process, caches cold.

    python bench/bench_classify.py          # 1,000 forms of 15 fields
    python bench/bench_classify.py -n 5000

Labels are the taxonomy's own English and Chinese terms, half of them with a
per-form suffix so that most are new to the classifier's caches, like real forms.
Prints the seconds and the microseconds per field.
"""

from __future__ import annotations

import argparse
import time

from formlint import classify as classify_module
from formlint.classify import classify_all
from formlint.model import Field
from formlint.taxonomy import load_taxonomy


def synthetic_fields(forms: int) -> list[Field]:
    labels = [(lang, term) for category in load_taxonomy() for lang, terms in category.terms.items()
              for term in terms[:2]]
    fields = []
    for form in range(forms):
        for n in range(15):
            lang, label = labels[(form * 15 + n) % len(labels)]
            fields.append(Field(key=f"field_{n}", label={lang: f"{label} {form % 97}" if n % 2 else label}))
    return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of forms")
    forms = parser.parse_args().n
    fields = synthetic_fields(forms)
    classify_module._match.cache_clear()
    classify_module.normalise.cache_clear()
    started = time.perf_counter()
    classify_all(fields)
    elapsed = time.perf_counter() - started
    print(f"classified {len(fields)} fields of {forms} forms in {elapsed:.2f} s "
          f"({elapsed / len(fields) * 1e6:.0f} µs per field)")


if __name__ == "__main__":
    main()
