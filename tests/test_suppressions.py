"""Parsing suppression directives from comments and format slots."""

from __future__ import annotations

import pytest

from formlint.model import Location
from formlint.suppressions import from_comment, from_value

HERE = Location(3, 5)


@pytest.mark.parametrize("text, codes, reason", [
    ("# formlint: ignore[DM101] the venue needs it", ("DM101",), "the venue needs it"),
    ("formlint: ignore[dm101, DM102]", ("DM101", "DM102"), None),
    ("<!-- formlint: ignore[RT201] notice is on the poster -->", ("RT201",), "notice is on the poster -->"),
])
def test_comment_directives(text: str, codes: tuple[str, ...], reason: str | None) -> None:
    found = from_comment(text, HERE)
    assert found is not None and (found.codes, found.reason, found.location) == (codes, reason, HERE)


def test_comment_without_directive_is_none() -> None:
    assert from_comment("# just a comment about formlint", HERE) is None


@pytest.mark.parametrize("value, codes, reason", [
    ("DM101 needed for delivery", ("DM101",), "needed for delivery"),
    ("DM101,DM103: kept by law", ("DM101", "DM103"), "kept by law"),
    (["DM104"], ("DM104",), None),
    ({"codes": ["DM101"], "reason": "ok"}, ("DM101",), "ok"),
    ({"codes": "EX401"}, ("EX401",), None),
])
def test_value_directives(value: object, codes: tuple[str, ...], reason: str | None) -> None:
    found = from_value(value, HERE)
    assert found is not None and (found.codes, found.reason) == (codes, reason)


@pytest.mark.parametrize("value", ["", "no codes here", [], {"reason": "x"}])
def test_values_without_codes_are_none(value: object) -> None:
    assert from_value(value, HERE) is None


def test_many_unclosed_directives_then_a_closed_one() -> None:
    found = from_comment("formlint: ignore[" * 20_000 + "formlint: ignore[DM101] kept", Location())
    assert found is not None and found.codes == ("DM101",) and found.reason == "kept"
