#!/usr/bin/env python3
"""How often `formlint classify` agrees with reviewers on the labelled corpus of real forms.

    python bench/accuracy.py                       # corpus at ../shared/corpus (or further up)
    python bench/accuracy.py --corpus DIR          # a corpus with score.py, forms/, labels/
    python bench/accuracy.py --markdown            # the table as docs/classification.md shows it

Runs the corpus's own `score.py` on formlint from this source tree and prints the
headline figures (accuracy, personal fields flagged, false alarms on non-personal
fields, fields left unknown) and accuracy per format and per language, with the
number of fields behind each. A measurement, not a test: the corpus is not part of
the repository, and the goal figures are in docs/classification.md.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The corpus sits beside the repository (../shared/corpus), or beside a folder of checkouts.
DEFAULT_CORPUS = next(
    (p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
    ROOT.parent / "shared" / "corpus",
)
HEADLINE = (
    ("accuracy", "accuracy"),
    ("flagged", "personal fields flagged"),
    ("false_alarm", "false alarms on non-personal fields"),
    ("unknown", "left unknown"),
    ("macro", "macro accuracy (mean per form)"),
)


def score(corpus: Path) -> dict[str, object]:
    formlint = f"{shlex.quote(sys.executable)} -m formlint"
    with tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "figures.json"
        env_path = str(ROOT / "src")
        subprocess.run(
            [sys.executable, str(corpus / "score.py"), "--formlint", formlint, "--json", str(figures)],
            check=True, capture_output=True, text=True, cwd=corpus,
            env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        )
        data: dict[str, object] = json.loads(figures.read_text("utf-8"))
    return data


def table(data: dict[str, object], markdown: bool) -> str:
    rows = [(name, f"{float(data[key]):.2f}", "") for key, name in HEADLINE]  # type: ignore[arg-type]
    by: dict[str, dict[str, float]] = data["by"]  # type: ignore[assignment]
    for group in ("format", "lang"):
        for label, figures in sorted((k, v) for k, v in by.items() if k.startswith(group + " ")):
            rows.append((label, f"{figures['accuracy']:.2f}", f"{int(figures['fields'])}"))
    if markdown:
        lines = ["| measure | value | fields |", "| --- | ---: | ---: |"]
        lines += [f"| {name} | {value} | {fields} |" for name, value, fields in rows]
    else:
        width = max(len(name) for name, _, _ in rows)
        lines = [f"{name:<{width}}  {value:>5}  {fields:>5}" for name, value, fields in rows]
    lines.append(f"{data['fields']} fields in {data['forms']} forms")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with score.py")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    if not (args.corpus / "score.py").is_file():
        print(f"accuracy.py: no score.py in {args.corpus}", file=sys.stderr)
        return 2
    print(table(score(args.corpus), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
