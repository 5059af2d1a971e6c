"""Government ID number where the purpose allows a partial one or none (opt-in).

What it catches: a government ID field (`identity.government_id`) on a purpose
whose policy says `government_id: partial` when the field's label or hint does not
limit it to part of the number ("last 4 digits", "partial NRIC", "后四位", "尾号"),
and any government ID field on a purpose with `government_id: none`. Enabled by
`rules: {enable: [DM106]}` (the venue check-in policies); for `none` purposes it
reports the field instead of DM101/DM102.

Why: Singapore's PDPC Advisory Guidelines on the PDPA for NRIC and other national
identification numbers (2018, in force 1 September 2019) bar collecting the full
NRIC number unless the law requires it or identity must be verified to a high
degree, and accept a partial number (the last three digits and the checksum
letter); the ICO's 2020 guidance on collecting visitor details for contact
tracing says venues should not ask for ID. GDPR Art. 87 and 5(1)(c); PIPL Art. 6.

How to fix: ask only for the part of the number the purpose allows ("NRIC, last 3
digits and letter" / "身份证号后四位"), or remove the field.
"""

from __future__ import annotations

import re
from typing import Iterator

from formlint.context import Context
from formlint.i18n import msg
from formlint.model import Finding, Severity
from formlint.rules._excess import policy_severity, silenced
from formlint.rules.rule import Rule, Status
from formlint.taxonomy import GOVERNMENT_ID


_PARTIAL = re.compile(
    r"\b(?:last|final)\s+(?:[1-6]|one|two|three|four|five|six)\s+(?:digits?|characters?|numbers?)"
    r"|\bpartial\b|\bmasked\b|(?:后|後|末)\s*[1-6一二三四五六]\s*位|尾号|尾號",
    re.IGNORECASE,
)


def check(ctx: Context) -> Iterator[Finding]:
    allowed = ctx.purpose.government_id
    if allowed not in ("partial", "none"):
        return
    for field in ctx.form.fields:
        if ctx.category_of(field).category != GOVERNMENT_ID or silenced(ctx, field):
            continue
        if allowed == "partial" and _PARTIAL.search(" ".join([*field.label.values(), field.hint or ""])):
            continue
        yield ctx.finding(
            RULE,
            msg(f"DM106.message.{allowed}", field=ctx.describe(field), purpose=ctx.purpose.id),
            msg(f"DM106.help.{allowed}"), field=field,
            severity=policy_severity(ctx, field))


RULE = Rule(
    code="DM106", name="full-government-id", severity=Severity.ERROR, group="data-minimisation",
    status=Status.OPT_IN, refines=("DM101", "DM102", "DM107"),
    laws={"sg": ("PDPC Advisory Guidelines on NRIC numbers (2018)",), "uk": ("ICO contact-tracing guidance (2020)",),
          "gdpr": ("GDPR Art. 5(1)(c), 87",), "pipl": ("PIPL Art. 6",)},
    messages={"DM106.message.partial": ("field", "purpose"), "DM106.message.none": ("field", "purpose"),
              "DM106.help.partial": (), "DM106.help.none": ()},
    docs=__doc__ or "", check=check)
