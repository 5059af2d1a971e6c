"""What a rule is: one declared object per rule module.

Everything formlint says about a rule comes from its `Rule`: the registry, the
CLI's `rule` command and selectors, SARIF descriptors and tags, the generated
documentation pages and which rules a policy may enable. Only `check` is code.
"""

from __future__ import annotations

import enum
import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from formlint.model import Finding, Severity

if TYPE_CHECKING:
    from formlint.context import Context

# Groups, in the order rules are listed; a SARIF tag each.
GROUPS = ("data-minimisation", "retention", "notice", "exposure", "formlint")


class Status(enum.Enum):
    """When a rule runs (ruff's rule table has the same idea)."""

    STABLE = "stable"  # runs unless deselected
    OPT_IN = "opt-in"  # runs only when the policy lists it under `rules: {enable: [...]}`
    PREVIEW = "preview"  # like opt-in, and its behaviour may still change
    DEPRECATED = "deprecated"  # still runs; its documentation says what replaces it


@dataclass(frozen=True)
class Rule:
    """One rule. `laws` maps a regime (pipl, gdpr, ccpa, uk, sg, cac) to the
    citations the rule rests on there; `messages` maps each catalogue id the rule's
    findings use to its parameter names; `refines` names rules whose finding on the
    same field this rule's finding replaces, with the more specific reason."""

    code: str
    name: str
    severity: Severity
    group: str
    laws: Mapping[str, tuple[str, ...]]
    messages: Mapping[str, tuple[str, ...]]
    docs: str
    check: Callable[[Context], Iterable[Finding]]
    status: Status = Status.STABLE
    refines: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "docs", inspect.cleandoc(self.docs))
        object.__setattr__(self, "tags", (self.group, *self.law))

    @property
    def law(self) -> tuple[str, ...]:
        """Every citation, regime by regime, as a finding's law starts."""
        return tuple(citation for citations in self.laws.values() for citation in citations)

    @property
    def summary(self) -> str:
        """The first line of the English docs."""
        return self.docs.splitlines()[0]

    @property
    def needs_enabling(self) -> bool:
        """Whether the rule runs only when a policy enables it."""
        return self.status in (Status.OPT_IN, Status.PREVIEW)
