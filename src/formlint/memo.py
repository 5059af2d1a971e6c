"""What a large tree works out again and again, worked out once.

Real trees ask the same questions on form after form, and findings of one rule
repeat their message, help and law (`formlint.context` keeps equal values as one
object): the classifier's verdict on a field, a finding on a field and the text a
reporter renders for a finding are each worked out once and then looked up.
"""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

_V = TypeVar("_V")


class Memo(Generic[_V]):
    """A bounded cache of values worked out from a few objects found by identity
    (policies, taxonomies and messages, which are costly to hash or cannot be) and
    a hashable `key` of plain values. The objects are kept with the value, so an id
    that a later object reuses is told apart: an equal object gets the value too (what
    is worked out depends only on values), a different one has its own worked out."""

    def __init__(self, limit: int = 65536) -> None:
        self._kept: dict[tuple[tuple[int, ...], Hashable], tuple[tuple[object, ...], _V]] = {}
        self._limit = limit

    def get(self, owners: tuple[object, ...], make: Callable[[], _V], key: Hashable = ()) -> _V:
        """The value for `owners` and `key`: `make()` the first time."""
        slot = (tuple(map(id, owners)), key)
        kept = self._kept.get(slot)
        if kept is not None and kept[0] == owners:
            return kept[1]
        value = make()
        if len(self._kept) >= self._limit:
            self._kept.clear()
        self._kept[slot] = (owners, value)
        return value
