"""What every tools/build_*.py does with the files it generates: write them, or with --check
only say whether the committed ones are what the sources give now."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path


def write_or_check(description: str, tool: str, outputs: Callable[[], Mapping[Path, str]]) -> int:
    """Exit status of a build tool: `outputs()` maps each generated file to its text."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only say whether the files are up to date")
    args = parser.parse_args()
    wanted = outputs()
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text("utf-8") != text]
    if args.check:
        print("up to date" if not stale else f"out of date: {', '.join(map(str, stale))}: run {tool}")
        return 1 if stale else 0
    for path, text in wanted.items():
        path.write_text(text, "utf-8")
        print(f"wrote {path}")
    return 0
