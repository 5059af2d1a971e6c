#!/usr/bin/env python3
"""Time the classifier alone on 1,000 forms of 15 fields (15,000 fields).

    python bench/bench_classify.py
    python bench/bench_classify.py -n 5000

Most labels carry a per-form suffix so that they are new to the classifier's
caches, as in real forms. Prints seconds and fields per second; a timing, not a
test: on a shared machine it varies, so it never fails a build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import FIELDS  # noqa: E402

from formlint import classify as classify_module  # noqa: E402
from formlint.classify import classify_all  # noqa: E402
from formlint.model import Field  # noqa: E402


def synthetic_fields(forms: int) -> list[Field]:
    labels = [(lang, text) for _, zh, en in FIELDS for lang, text in (("zh", zh), ("en", en))]
    fields = []
    for form in range(forms):
        for n in range(15):
            lang, label = labels[(form * 15 + n) % len(labels)]
            text = f"{label} {form % 97}" if n % 2 else label
            fields.append(Field(key=f"field_{n}", label={lang: text}))
    return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of forms (default 1000)")
    forms = parser.parse_args().n
    fields = synthetic_fields(forms)
    classify_all(fields[:1])  # the taxonomy and lexicons load once per process: not what is measured
    classify_module._match.cache_clear()
    classify_module.normalise.cache_clear()
    started = time.perf_counter()
    classify_all(fields)
    elapsed = time.perf_counter() - started
    print(f"classify {len(fields):,} fields ({forms:,} forms): {elapsed:.2f} s, {len(fields) / elapsed:,.0f} fields/s")


if __name__ == "__main__":
    main()
