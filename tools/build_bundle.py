#!/usr/bin/env python3
"""Write src/formlint/bundle.json: the built-in YAML data, parsed, for fast start-up.

    python tools/build_bundle.py          # rewrite the committed file
    python tools/build_bundle.py --check  # exit 1 when it is out of date

Run it after editing a language pack, the taxonomy, a message catalogue or any other
file `formlint.bundle.BUNDLED` names. Until then formlint parses the edited YAML
itself (each entry carries the CRC-32 of its source), so an edit is never ignored,
and the test suite fails until the bundle is rebuilt. One file per line, so that
edits to different files merge as the YAML does.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _generated import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "formlint"
sys.path.insert(0, str(ROOT / "src"))

from formlint.bundle import BUNDLE_FILE, BUNDLED, parse_yaml  # noqa: E402

OUTPUT = PACKAGE / BUNDLE_FILE


def sources() -> list[str]:
    """Every bundled file, relative to the package, in a stable order."""
    found = {path.relative_to(PACKAGE).as_posix() for pattern in BUNDLED for path in PACKAGE.glob(pattern)}
    return sorted(found)


def entry(relative: str) -> dict[str, object]:
    raw = (PACKAGE / relative).read_bytes()
    data = parse_yaml(raw.decode("utf-8"))
    if json.loads(json.dumps(data)) != data:
        raise SystemExit(f"{relative}: holds values JSON cannot keep (dates, non-string keys); quote them")
    return {"crc32": zlib.crc32(raw), "data": data}


def current() -> str:
    lines = [f"{json.dumps(name)}: {json.dumps(entry(name), ensure_ascii=False, sort_keys=False)}"
             for name in sources()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    return write_or_check(__doc__.splitlines()[0], "tools/build_bundle.py", lambda: {OUTPUT: current()})


if __name__ == "__main__":
    sys.exit(main())
