"""Inline suppressions: `formlint: ignore[DM101,DM102] reason` and its equivalents.

Loaders attach `Suppression`s to fields (or to the form) from whatever slot their
format offers: a YAML comment, an `x-formlint-ignore` member in JSON formats, an
HTML `data-formlint-ignore` attribute. This module only parses the directive text;
applying suppressions to findings happens after the rules run.
"""

from __future__ import annotations

import re
from typing import Any

from formlint.model import Location, Suppression

# `formlint: ignore[DM101, DM102] reason`, as written in comments. The codes stop at the
# next `[` too: with `[^\]]*` each of many unclosed `ignore[` would scan to the end (quadratic).
_COMMENT = re.compile(r"formlint:\s*ignore\s*\[(?P<codes>[^\[\]]*)\]\s*(?P<reason>.*)", re.IGNORECASE)
# `DM101,DM102: reason` or `DM101 reason`, as written in attribute/member values.
_VALUE = re.compile(r"^\s*(?:ignore\s*\[)?(?P<codes>[A-Za-z]{2}\d{3}(?:\s*,\s*[A-Za-z]{2}\d{3})*)\]?\s*:?\s*(?P<reason>.*)$",
                    re.IGNORECASE)


def _split(codes: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in codes.split(",") if c.strip())


def from_comment(text: str, where: Location) -> Suppression | None:
    """A suppression from a comment's text, or None when it holds no directive."""
    match = _COMMENT.search(text)
    if match is None:
        return None
    return Suppression(_split(match["codes"]), match["reason"].strip() or None, where)


def from_value(value: Any, where: Location) -> Suppression | None:
    """A suppression from a format's own slot: "DM101 reason", ["DM101"], or
    {"codes": [...], "reason": "..."}; None when the value holds no codes."""
    if isinstance(value, dict):
        codes = value.get("codes", [])
        codes = [codes] if isinstance(codes, str) else codes
        reason = value.get("reason")
        return Suppression(_split(",".join(map(str, codes))), str(reason) if reason else None, where) if codes else None
    if isinstance(value, list):
        return Suppression(_split(",".join(map(str, value))), None, where) if value else None
    match = _VALUE.match(str(value))
    if match is None:
        return None
    return Suppression(_split(match["codes"]), match["reason"].strip() or None, where)
