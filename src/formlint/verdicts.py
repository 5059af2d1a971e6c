"""What a field is for its purpose, in one word: the verdict the HTML report shows.

A verdict follows from the field's category, the purpose's lists and the policy's
regimes, exactly as DM101/DM102 decide excess, so the report's words agree with
the findings beside them.
"""

from __future__ import annotations

import enum

from formlint.model import Policy, Purpose
from formlint.taxonomy import Taxonomy


class Verdict(enum.Enum):
    """Gravest first: the order the report's legend and filters use."""

    SENSITIVE_EXCESS = "sensitive_excess"
    EXCESS = "excess"
    UNCLASSIFIED = "unclassified"
    OPTIONAL = "optional"
    NECESSARY = "necessary"
    NOT_PERSONAL = "not_personal"


def field_verdict(category: str, purpose: Purpose, policy: Policy, taxonomy: Taxonomy) -> Verdict:
    if category not in taxonomy:
        return Verdict.UNCLASSIFIED
    if not taxonomy.is_personal(category):
        return Verdict.NOT_PERSONAL
    if purpose.is_optional(category):
        return Verdict.OPTIONAL
    if purpose.allows(category):
        return Verdict.NECESSARY
    if taxonomy.is_sensitive(category, policy.regimes):
        return Verdict.SENSITIVE_EXCESS
    return Verdict.EXCESS
