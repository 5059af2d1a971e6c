#!/usr/bin/env python3
"""Print pip constraints pinning every direct dependency of pyproject.toml to its floor.

    python .ci/floors.py > floors.txt && pip install -c floors.txt -e '.[test]'

`name>=1.2,<2; marker` becomes `name==1.2; marker`: the oldest release the
project claims to work with, which the floors job then tests. A dependency
without a `>=` floor is an error, so every new one gets a tested floor.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?$")
_FLOOR = re.compile(r">=\s*([^,\s]+)")


def floors(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    lines = []
    for requirement in project["dependencies"]:
        match = _REQUIREMENT.match(requirement)
        floor = _FLOOR.search(match[3]) if match else None
        if match is None or floor is None:
            raise SystemExit(f"floors: {requirement!r} has no >= floor")
        lines.append(f"{match[1]}=={floor[1]}{match[4] or ''}")
    return lines


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    print("\n".join(floors(root / "pyproject.toml")))
