"""The form names no purpose.

What it catches: a form checked without a purpose: it names none (`x-formlint.purpose`,
a `formlint:purpose` meta tag, a `purpose` column in an XLSForm's settings sheet), and
neither `--purpose`, the configuration nor the policy's `default_purpose` gives one.
Every rule that needs no purpose still runs (notice, retention, exposure, sensitive
data, unclassified and free-text fields); excess collection (DM101-DM103) and the
retention cap (RT203) are not judged. The finding says which purpose of the policy the
form most likely serves, how sure formlint is and why. Under `--purpose auto` a form
recognised with enough confidence is checked against that purpose, and this finding
says so.

Why: data minimisation is measured against a purpose: personal data must be
adequate, relevant and limited to what is necessary for the purposes for which it is
processed (GDPR Art. 5(1)(b)-(c)); processing needs a clear and reasonable purpose and
collection is limited to the minimum scope that purpose needs (PIPL Art. 6).

How to fix: declare the purpose in the form, or pass `--purpose ID`; or pass
`--purpose auto` to check excess against the recognised purpose.
"""

from __future__ import annotations

from typing import Iterator

from formlint.context import Context
from formlint.formats import FORMATS
from formlint.i18n import msg
from formlint.model import Finding, Severity
from formlint.recognise import AUTO_THRESHOLD, recognition_message
from formlint.rules.rule import Rule


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.purpose_origin == "declared" or ctx.recognition is None:
        return
    recognised = recognition_message(ctx.recognition)
    message = (msg("DM100.message_recognised", purpose=ctx.purpose.id, recognition=recognised)
               if ctx.purpose_origin == "recognised" else msg("DM100.message", recognition=recognised))
    info = FORMATS.get(ctx.form.format)
    slot = info.purpose_slot if info is not None and info.purpose_slot else msg("DM100.slot_none")
    help_id = "DM100.help_recognised" if ctx.purpose_origin == "recognised" else "DM100.help"
    yield ctx.finding(RULE, message, msg(help_id, slot=slot, threshold=f"{AUTO_THRESHOLD:.1f}"),
                      where=ctx.form.location_of("/purpose"))


RULE = Rule(
    code="DM100", name="no-declared-purpose", severity=Severity.INFO, group="data-minimisation",
    laws={"gdpr": ("GDPR Art. 5(1)(b)-(c)",), "pipl": ("PIPL Art. 6",)},
    messages={"DM100.message": ("recognition",), "DM100.message_recognised": ("purpose", "recognition"),
              "DM100.help": ("slot", "threshold"), "DM100.help_recognised": ("slot", "threshold"),
              "DM100.slot_none": ()},
    docs=__doc__ or "", check=check)
