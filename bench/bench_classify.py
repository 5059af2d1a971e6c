#!/usr/bin/env python3
"""Fields classified per second, and whether the cost per field stays flat as forms grow.

    python bench/bench_classify.py            # 1,000 forms of 15 fields
    python bench/bench_classify.py -n 4000

Fields are ordinary: labels in several languages, keys as developers write them, choice
lists and section titles; a per-form suffix keeps most labels new to the caches, like
real forms. Prints fields/second for N and 4N forms and the ratio of their per-field
costs (about 1.0 means linear). The lexicons are compiled before timing starts, once.
A timing, not a test: on a shared machine it varies, so it never fails a build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from formlint.classify import classify_all  # noqa: E402
from formlint.model import Field  # noqa: E402
from formlint.taxonomy import load_taxonomy  # noqa: E402

SAMPLES: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("en", "first_name", "What is your first name?", (), ("Respondent",)),
    ("en", "dob", "Date of birth of the child", (), ("Household roster",)),
    ("en", "hh_size", "How many people live in your household?", (), ("Household",)),
    ("en", "water_source", "What is the main source of drinking water?", ("Piped", "Well"), ()),
    ("en", "bloodGroup", "Blood group", ("A+", "B+", "O-", "AB+"), ("Health",)),
    ("fr", "vaccin_vpo", "Le enfant a-t-il reçu le VPO ?", ("Oui", "Non"), ("Vaccination",)),
    ("es", "telefono_movil", "Número de teléfono móvil", (), ()),
    ("pt", "escolaridade", "Qual é a sua escolaridade?", (), ()),
    ("de", "geburtsdatum", "Geburtsdatum", (), ("Angaben zur Person",)),
    ("nl", "woonadres", "Woonadres", (), ("Uw gegevens",)),
    ("fi", "postinumero", "Postinumero", (), ()),
    ("zh", "sfzh", "身份证号码", (), ("基本信息",)),
    ("zh", "hesuanResult", "核酸检测结果", ("阴性", "阳性"), ()),
    ("ko", "mb_hp", "휴대폰번호", (), ()),
    ("id", "tanggal_lahir", "Tanggal Lahir", (), ()),
]


def synthetic_fields(forms: int) -> list[Field]:
    fields = []
    for form in range(forms):
        for n, (lang, key, label, options, section) in enumerate(SAMPLES):
            text = f"{label} {form % 97}" if n % 2 else label
            fields.append(Field(key=key, label={lang: text}, options=options, section=section))
    return fields


def fields_per_second(forms: int) -> float:
    fields = synthetic_fields(forms)
    started = time.perf_counter()
    classify_all(fields)
    return len(fields) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="forms in the smaller run")
    args = parser.parse_args()
    started = time.perf_counter()
    load_taxonomy()
    classify_all(synthetic_fields(1))  # compiles the lexicons
    print(f"lexicons loaded and compiled in {time.perf_counter() - started:.2f} s")
    small = fields_per_second(args.n)
    large = fields_per_second(4 * args.n)
    print(f"{args.n * len(SAMPLES):>8} fields: {small:>9,.0f} fields/s")
    print(f"{4 * args.n * len(SAMPLES):>8} fields: {large:>9,.0f} fields/s")
    print(f"cost per field, 4N vs N: {small / large:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
