#!/usr/bin/env python3
"""Time `formlint check` on N generated forms against a bare PyYAML C-loader parse.

    python bench/bench_check.py            # 1,000 forms
    python bench/bench_check.py -n 5000 --keep

Prints the seconds for each and their ratio. The forms are ordinary: 10-20 fields
with English and Chinese labels, a notice, a purpose. Both timings run in fresh
subprocesses so import costs count the way a user sees them.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIELDS = [
    ("name", "姓名", "Name"), ("phone", "联系电话", "Phone number"), ("id_number", "身份证号", "ID number"),
    ("address", "家庭住址", "Home address"), ("temperature", "体温", "Body temperature"),
    ("travel", "近14天行程", "Travel in the past 14 days"), ("arrival", "到访时间", "Arrival time"),
    ("party", "同行人数", "Number in party"), ("email", "电子邮箱", "E-mail"), ("job", "职业", "Occupation"),
    ("blood", "血型", "Blood type"), ("wechat", "微信号", "WeChat ID"), ("education", "文化程度", "Education"),
    ("marital", "婚姻状况", "Marital status"), ("remarks", "备注", "Remarks"), ("height", "身高", "Height"),
    ("symptoms", "症状", "Symptoms"), ("vaccinated", "疫苗接种情况", "Vaccination"),
    ("plate", "车牌号", "Licence plate"), ("emergency", "紧急联系人", "Emergency contact"),
]
PURPOSES = ["return-to-community", "venue-check-in", "health-declaration", "pharmacy-purchase"]
NOTICES = [
    "信息仅用于疫情防控，保存21天后删除。联系人：王先生 13800000000",
    "Used only for contact tracing. Kept for 21 days, then deleted. Contact: privacy@example.org",
    "信息用于疫情防控，疫情结束后销毁。",
    "For epidemic prevention.",
]


def make_form(rng: random.Random, index: int) -> str:
    chosen = rng.sample(FIELDS, rng.randint(10, min(20, len(FIELDS))))
    lines = [f"id: form-{index}", f"title: Registration {index}", "language: zh",
             f"purpose: {rng.choice(PURPOSES)}", "collector:", f"  name: Collector {index}",
             f"notice: \"{rng.choice(NOTICES)}\"", "fields:"]
    for key, zh, en in chosen:
        lines += [f"  - key: {key}", f"    label: {{zh: {zh}, en: {en}}}",
                  f"    required: {str(rng.random() < 0.6).lower()}"]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> None:
    rng = random.Random(20200209)
    for i in range(count):
        (folder / f"form-{i:05d}.yaml").write_text(make_form(rng, i), "utf-8")


PARSE_ONLY = """
import sys, os, yaml
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8") as fh:
        yaml.load(fh.read(), Loader=yaml.CSafeLoader)
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of forms (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="formlint-bench-"))
    generate(folder, args.n)
    parse = min(timed([sys.executable, "-c", PARSE_ONLY, str(folder)]) for _ in range(args.repeat))
    check = min(timed([sys.executable, "-m", "formlint", "check", "--quiet", "--exit-zero", str(folder)])
                for _ in range(args.repeat))
    print(f"forms: {args.n}")
    print(f"PyYAML C-loader parse: {parse:.3f} s")
    print(f"formlint check:        {check:.3f} s")
    print(f"ratio check/parse:     {check / parse:.2f}")
    if args.keep:
        print(f"forms kept in {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
