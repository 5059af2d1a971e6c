"""Text edits: character ranges of a form's original text and what replaces them.

Edits never overlap; `apply` makes them from the end of the text backwards, so every
offset stays valid.
"""

from __future__ import annotations

from formlint.message import Message, msg

from dataclasses import dataclass

__all__ = ["CannotFix", "Edit", "apply"]


class CannotFix(Exception):
    """This change cannot be made safely; `reason` says why (translated where it is shown)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.id)
        self.reason = reason


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def apply(text: str, edits: list[Edit]) -> str:
    """`text` with every edit made; overlapping edits are refused."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in zip(ordered, ordered[1:]):
        if second.start < first.end:
            raise CannotFix(msg("fix.cannot.overlap"))
    out = text
    for edit in reversed(ordered):
        out = out[: edit.start] + edit.text + out[edit.end :]
    return out
