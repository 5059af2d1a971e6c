"""`formlint fix`: turn findings into edits of the form's own file.

For each checked form, `plan` decides what answers each finding:

| finding | change |
|---|---|
| DM101 excess field | the field is removed (or commented out with `--comment-out`) |
| DM102 excess sensitive field | removed; with `--keep-sensitive` kept and marked for a separate consent |
| DM103 optional field made required | the field is made optional |
| RT201 / RT202 / RT203 retention | the notice states the purpose's retention cap |
| any, with `--add-suppressions REASON` | a suppression directive with the reason |

Every change names the rule it answers; a finding no change answers, or whose change
would risk the rest of the file, is listed as left with the reason. The edits are
made on the file's text (see `fixer.edits`), so what is not changed stays byte for
byte as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from formlint.fixer.edits import Editor, editor_for
from formlint.fixer.text import CannotFix, Edit, apply
from formlint.i18n import msg
from formlint.model import Finding, Message, Purpose

__all__ = ["FixOptions", "Change", "Outcome", "plan", "EXCESS", "RETENTION", "FIXABLE"]

EXCESS = frozenset({"DM101", "DM102"})
RETENTION = frozenset({"RT201", "RT202", "RT203"})
OPTIONAL = frozenset({"DM103"})
# Who collects and who else receives the answers are facts only the collector knows:
# `fix` never writes them, and a placeholder would not answer the rule.
NOTICE_FACTS = frozenset({"NT302", "NT303"})
FIXABLE = EXCESS | RETENTION | OPTIONAL
# Rules whose findings a suppression cannot silence.
UNSUPPRESSIBLE = frozenset({"FL001"})

CONSENT_NOTE = "kept: sensitive, ask a separate consent (PIPL Art. 29; GDPR Art. 9(2)(a))"
REMOVED = frozenset({"fix.removed", "fix.commented_out"})
# The code of the change `fix --notice` makes: not a rule, a drafted notice.
NOTICE = "notice"


@dataclass(frozen=True)
class FixOptions:
    comment_out: bool = False
    keep_sensitive: bool = False
    add_suppressions: str | None = None  # the reason, when suppressing instead of fixing
    notice: str | None = None  # a drafted notice to insert where the form has none


@dataclass(frozen=True)
class Change:
    """One finding and what `fix` did about it (a message id and its parameters, so
    the CLI says it in the run's language): `done` false means it was left."""

    code: str
    line: int
    field_key: str | None
    action: Message
    done: bool


@dataclass(frozen=True)
class Outcome:
    text: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return any(c.done for c in self.changes)

    @property
    def remaining(self) -> int:
        return sum(not c.done for c in self.changes)


def plan(text: str, form_format: str, suffix: str, findings: Iterable[Finding],
         purpose: Purpose | None, options: FixOptions) -> Outcome:
    """The fixed text of one form and the change made (or not) for each finding."""
    findings = list(findings)
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        editor = editor_for(form_format, text, newline, suffix)
    except CannotFix as exc:
        return Outcome(text, tuple(_left(f, exc.reason) for f in findings))
    if options.add_suppressions is not None:
        return _suppress(text, editor, findings, options.add_suppressions)
    outcome = _fix(text, editor, findings, purpose, options)
    if options.notice is None:
        return outcome
    return _with_notice(outcome, form_format, newline, suffix, options.notice)


def _with_notice(outcome: Outcome, form_format: str, newline: str, suffix: str, notice: str) -> Outcome:
    """The drafted notice added to a form that shows none (`fix --notice`)."""
    try:
        # The notice goes into the text the fixes produced, so that text is mapped afresh.
        editor = editor_for(form_format, outcome.text, newline, suffix)
        text = apply(outcome.text, editor.add_notice(notice))
        change = Change(NOTICE, 1, None, msg("fix.notice"), True)
    except CannotFix as exc:
        text = outcome.text
        change = Change(NOTICE, 1, None, exc.reason, False)
    return Outcome(text, (change, *outcome.changes))


def _left(finding: Finding, why: Message) -> Change:
    return Change(finding.code, finding.line, finding.field_key, why, False)


def _fix(text: str, editor: Editor, findings: list[Finding], purpose: Purpose | None,
         options: FixOptions) -> Outcome:
    edits: list[Edit] = []
    changes: list[Change] = []
    removed: set[str] = set()
    retention_done: Change | None = None
    for finding in sorted(findings, key=_order):
        if finding.pointer in removed and finding.field_key:
            changes.append(Change(finding.code, finding.line, finding.field_key, msg("fix.answered"), True))
            continue
        if finding.code in RETENTION and retention_done is not None:
            changes.append(Change(finding.code, finding.line, None, retention_done.action, True))
            continue
        removed_before = set(editor.removed)
        try:
            action, made = _answer(editor, finding, purpose, options)
            apply(text, edits + made + editor.pending())  # refuses overlapping edits before we keep them
        except CannotFix as exc:
            editor.removed = removed_before
            changes.append(_left(finding, exc.reason))
            continue
        edits += made
        change = Change(finding.code, finding.line, finding.field_key, action, True)
        changes.append(change)
        if finding.code in RETENTION:
            retention_done = change
        if action.id in REMOVED:
            removed.add(finding.pointer)
    changes.sort(key=lambda c: (c.line, c.code))
    return Outcome(apply(text, edits + editor.pending()), tuple(changes))


def _order(finding: Finding) -> tuple[int, int, str]:
    # Removals first, so a DM103 on a removed field is known to be answered.
    return (0 if finding.code in EXCESS else 1, finding.line, finding.code)


def _answer(editor: Editor, finding: Finding, purpose: Purpose | None,
            options: FixOptions) -> tuple[Message, list[Edit]]:
    code = finding.code
    if code == "DM102" and options.keep_sensitive:
        return msg("fix.kept_sensitive"), editor.annotate(finding.pointer, (code,), CONSENT_NOTE)
    if code in EXCESS:
        if options.comment_out:
            note = f"formlint: {code} removed by `formlint fix --comment-out`"
            return msg("fix.commented_out"), editor.comment_out(finding.pointer, note)
        return msg("fix.removed"), editor.remove(finding.pointer)
    if code in OPTIONAL:
        return msg("fix.made_optional"), editor.make_optional(finding.pointer)
    if code in RETENTION:
        statement = _retention(purpose)
        return msg("fix.retention", statement=statement), editor.set_retention(statement)
    if code in NOTICE_FACTS:
        raise CannotFix(msg(f"fix.cannot.{code}"))
    raise CannotFix(msg("fix.no_fix", code=code))


def _retention(purpose: Purpose | None) -> str:
    if purpose is None or purpose.max_days is None:
        name = f"`{purpose.id}`" if purpose else "the form"
        raise CannotFix(msg("fix.cannot.no_cap", purpose=name))
    return f"{purpose.max_days} days"


def _suppress(text: str, editor: Editor, findings: list[Finding], reason: str) -> Outcome:
    """One directive per field (and one for the form) naming every code found there."""
    groups: dict[str | None, list[Finding]] = {}
    changes: list[Change] = []
    for finding in findings:
        if finding.code in UNSUPPRESSIBLE:
            changes.append(_left(finding, msg("fix.cannot.unsuppressible")))
            continue
        groups.setdefault(finding.pointer if finding.field_key else None, []).append(finding)
    edits: list[Edit] = []
    for pointer, members in groups.items():
        codes = tuple(sorted({f.code for f in members}))
        try:
            made = editor.annotate(pointer, codes, reason)
            apply(text, edits + made)
        except CannotFix as exc:
            changes += [_left(f, exc.reason) for f in members]
            continue
        edits += made
        changes += [Change(f.code, f.line, f.field_key, msg("fix.suppressed", reason=reason), True)
                    for f in members]
    changes.sort(key=lambda c: (c.line, c.code))
    return Outcome(apply(text, edits), tuple(changes))
