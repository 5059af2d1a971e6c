"""Baselines: adopt formlint on a repository without fixing everything first.

`--write-baseline FILE` records today's findings, counted per rule + file + field
key (no line numbers, so edits elsewhere in a form keep them matched); `--baseline
FILE` then reports only findings beyond those counts. Paths in the file are
relative to the baseline's folder, so it works from any working directory.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from formlint.atomic import write_text_atomic
from formlint.model import Finding, Report
from formlint.errors import ConfigError, UsageError
from formlint.escape import json_text
from formlint.source import read_text
from formlint.message import msg

VERSION = 1
Key = tuple[str, str, str]


def finding_key(item: Finding, folder: str) -> Key:
    rel = os.path.relpath(os.path.abspath(item.path), folder).replace(os.sep, "/")
    return item.code, rel, item.field_key or ""


def tally(report: Report, folder: str) -> Counter[Key]:
    return Counter(finding_key(f, folder) for f in report.findings)


def write_baseline(report: Report, path: str, force: bool) -> int:
    """Write atomically (formlint.atomic); without `force` the file is created
    exclusively, so an existing one, or one another run creates meanwhile, is
    refused. Returns the findings recorded."""
    target = Path(path)
    refusal = msg("usage.baseline_exists", path=path)
    if os.path.lexists(target) and not force:
        raise UsageError(refusal)
    counts = tally(report, str(target.resolve().parent))
    entries = [{"code": c, "path": p, "field": f or None, "count": n} for (c, p, f), n in sorted(counts.items())]
    text = json.dumps({"version": VERSION, "tool": "formlint", "findings": entries}, ensure_ascii=False, indent=2)
    try:
        write_text_atomic(target, json_text(text) + "\n", exclusive=not force)
    except FileExistsError:
        raise UsageError(refusal) from None
    except OSError as exc:
        raise UsageError(msg("usage.cannot_write", path=path, reason=exc.strerror or str(exc))) from None
    return sum(counts.values())


def load_baseline(path: str) -> Counter[Key]:
    data: Any = _parse(path)
    if not (isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("findings"), list)):
        raise ConfigError(path, msg("error.not_a_baseline", version=VERSION))
    counts: Counter[Key] = Counter()
    for entry in data["findings"]:
        try:
            counts[(entry["code"], entry["path"], entry.get("field") or "")] += int(entry["count"])
        except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: a count of Infinity
            raise ConfigError(path, msg("error.baseline_entry", entry=repr(entry))) from None
    return counts


def _parse(path: str) -> Any:
    text = read_text(path, error=ConfigError)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(path, msg("error.invalid_json", detail=exc.msg), exc.lineno, exc.colno) from None
    except RecursionError:
        raise ConfigError(path, msg("error.json_nesting")) from None
    except ValueError:  # int() refuses more than 4,300 digits (CVE-2020-10735)
        raise ConfigError(path, msg("error.json_long_number")) from None


def only_new(report: Report, path: str) -> Report:
    """The report without findings the baseline at `path` accounts for."""
    allowance = load_baseline(path)
    folder = str(Path(path).resolve().parent)

    def is_new(item: Finding) -> bool:
        key = finding_key(item, folder)
        if allowance[key] > 0:
            allowance[key] -= 1
            return False
        return True

    narrowed = report.narrowed(lambda result, item: is_new(item))
    held_back = len(report.findings) - len(narrowed.findings)
    return dataclasses.replace(narrowed, baselined=report.baselined + held_back)
