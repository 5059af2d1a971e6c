#!/usr/bin/env python3
"""Time `formlint check` against a bare PyYAML C-loader parse and against yamllint.

    pip install -e '.[bench]'                         # yamllint, the reference linter
    python bench/bench_check.py                       # 1,000 forms, the three ratios
    python bench/bench_check.py -n 5000 --keep
    python bench/bench_check.py --xlsform-rows 1000   # one XLSForm workbook of 1,000 rows

Prints, in one run, the CPU seconds (user + system, the processes' own: steadier
than wall time on a shared machine) and wall seconds of each command and the
goals' ratios: `check --jobs 1` on N forms over a parse of the same files (goal
<= 2), `check` of one small form over `yamllint` of it (goal <= 1), `--version`
over `yamllint --version` (goal <= 1), and the default `--jobs` over `--jobs 1`
in wall time (goal <= 1: workers only when they help). The forms are ordinary:
10-20 fields with English and Chinese labels, a notice, a purpose. Every timing
runs in a fresh subprocess so import costs count the way a user sees them; each
is the best of --repeat runs. formlint's modules are compiled to bytecode first, as
pip does when it installs a package (and had done for yamllint): an editable
checkout under PYTHONDONTWRITEBYTECODE would otherwise compile every module from
source on every run, some 0.1-0.2 s that no installed formlint spends.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

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


XLSX_PARTS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/>{sheets}</Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>',
}


def xlsx_bytes(sheets: dict[str, list[list[str]]], path: Path) -> None:
    """A minimal .xlsx with inline strings, so the benchmark needs no writer library."""
    names = list(sheets)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(names) + 1))
    book = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, 1))
            + "</sheets></workbook>")
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
            + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", XLSX_PARTS["[Content_Types].xml"].format(sheets=overrides))
        archive.writestr("_rels/.rels", XLSX_PARTS["_rels/.rels"])
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, rows in enumerate(sheets.values(), 1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet_xml(rows))


def sheet_xml(rows: list[list[str]]) -> str:
    body = "".join(f'<row r="{r}">' + "".join(f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>' for v in row)
                   + "</row>" for r, row in enumerate(rows, 1))
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f"{body}</sheetData></worksheet>")


def make_xlsform(path: Path, rows: int) -> None:
    """One XLSForm of `rows` questions in groups of 20, labelled in English and Chinese."""
    survey = [["type", "name", "label::English (en)", "label::中文 (zh)", "hint::English (en)", "required"]]
    for i in range(rows):
        if i % 20 == 0:
            survey.append(["begin_group", f"section{i // 20}", f"Section {i // 20}", f"第{i // 20}部分", "", ""])
        key, zh, en = FIELDS[i % len(FIELDS)]
        survey.append(["text", f"{key}_{i}", en, zh, f"Question {i}", "yes" if i % 3 else ""])
        if i % 20 == 19 or i == rows - 1:
            survey.append(["end_group", "", "", "", "", ""])
    settings = [["form_title", "form_id", "purpose", "retention"], ["Large form", "large", PURPOSES[0], "21 days"]]
    xlsx_bytes({"survey": survey, "settings": settings}, path)


def bench_xlsform(rows: int, repeat: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="formlint-bench-xlsform-"))
    path = folder / "large.xlsx"
    make_xlsform(path, rows)
    check = best([sys.executable, "-m", "formlint", "check", "--quiet", "--exit-zero", str(path)], repeat)
    print(f"XLSForm rows: {rows} ({path.stat().st_size:,} bytes)")
    row("formlint check", check)
    shutil.rmtree(folder)


PARSE_ONLY = """
import sys, os, yaml
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8") as fh:
        yaml.load(fh.read(), Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float


def timed(cmd: list[str]) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall)


def best(cmd: list[str], repeat: int) -> Timing:
    runs = [timed(cmd) for _ in range(repeat)]
    return Timing(min(r.cpu for r in runs), min(r.wall for r in runs))


def row(name: str, timing: Timing) -> None:
    print(f"  {name:<34} cpu {timing.cpu:6.3f} s   wall {timing.wall:6.3f} s")


def compile_formlint() -> None:
    """Bytecode for the formlint that `python -m formlint` runs, as an install leaves it."""
    spec = importlib.util.find_spec("formlint")
    if spec is None or spec.origin is None:
        raise SystemExit("formlint is not importable: pip install -e .")
    compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def yamllint_command() -> list[str] | None:
    return [sys.executable, "-m", "yamllint"] if importlib.util.find_spec("yamllint") else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of forms (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best is kept")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    parser.add_argument("--xlsform-rows", type=int, metavar="N",
                        help="instead, time `formlint check` on one generated XLSForm workbook of N questions")
    args = parser.parse_args()
    compile_formlint()
    if args.xlsform_rows:
        bench_xlsform(args.xlsform_rows, args.repeat)
        return
    folder = Path(tempfile.mkdtemp(prefix="formlint-bench-"))
    generate(folder, args.n)
    formlint = [sys.executable, "-m", "formlint"]
    check = [*formlint, "check", "--quiet", "--exit-zero", "--isolated"]
    one = str(sorted(folder.iterdir())[0])
    parse = best([sys.executable, "-c", PARSE_ONLY, str(folder)], args.repeat)
    serial = best([*check, "--jobs", "1", str(folder)], args.repeat)
    default = best([*check, str(folder)], args.repeat)
    single = best([*check, one], args.repeat)
    version = best([*formlint, "--version"], args.repeat)
    print(f"{args.n:,} forms; best of {args.repeat}")
    row("PyYAML CSafeLoader parse", parse)
    row("formlint check --jobs 1", serial)
    row("formlint check (default --jobs)", default)
    row("formlint check ONE.yaml", single)
    row("formlint --version", version)
    yamllint = yamllint_command()
    if yamllint:
        lint_one = best([*yamllint, "-d", "relaxed", one], args.repeat)
        lint_version = best([*yamllint, "--version"], args.repeat)
        row("yamllint ONE.yaml", lint_one)
        row("yamllint --version", lint_version)
    print("ratios (goal)")
    print(f"  check --jobs 1 / parse, cpu        {serial.cpu / parse.cpu:5.2f}  (<= 2)")
    if yamllint:
        print(f"  check ONE / yamllint ONE, cpu      {single.cpu / lint_one.cpu:5.2f}  (<= 1)")
        print(f"  --version / yamllint --version, cpu {version.cpu / lint_version.cpu:4.2f}  (<= 1)")
    else:
        print("  (yamllint not installed: pip install -e '.[bench]' for the yamllint ratios)")
    print(f"  default --jobs / --jobs 1, wall    {default.wall / serial.wall:5.2f}  (<= 1)")
    if args.keep:
        print(f"forms kept in {folder}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
