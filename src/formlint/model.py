"""The data formlint passes between loaders, the classifier, rules and reporters.

Everything here is a frozen dataclass: a loader builds a `Form`, the classifier
annotates each `Field` with a `Classification`, rules yield complete `Finding`s and
reporters only read them.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Callable, Mapping, Union

from formlint.errors import FormlintError
from formlint.message import Law as Law, Localised as Localised, Message as Message, Param as Param  # apart, so errors can carry one


# The largest file read as a form (or policy, or configuration) unless --max-file-size says otherwise.
MAX_FILE_SIZE = 10 * 1024 * 1024

# A policy reference: a built-in name or a file path, or several combined in order.
PolicyRef = Union[str, tuple[str, ...]]


class Severity(enum.Enum):
    """How serious a finding is; ordered so that `>=` compares gravity."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Location:
    """A 1-based line and column in a source file (line = row for spreadsheets)."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Field:
    """One question on a form that holds an answer.

    `key` is the field's key as written in the form; nested fields use a dotted path
    (`household.members.name`). `label` maps a language code to the label text, the
    form's first language first. `pointer` is the JSON pointer of the field's node in
    the source document (for YAML/JSON formats) or a format-specific path.
    `section` holds the titles of the groups, pages, panels, fieldsets and headings the
    field sits in, outermost first, as a respondent sees them.
    """

    key: str
    label: Mapping[str, str]
    type: str | None = None
    required: bool = False
    options: tuple[str, ...] = ()
    category: str | None = None
    reason: str | None = None
    autocomplete: str | None = None
    hint: str | None = None
    location: Location = Location()
    pointer: str = ""
    suppressions: tuple["Suppression", ...] = ()
    section: tuple[str, ...] = ()

    @property
    def first_label(self) -> str:
        return next(iter(self.label.values()), "")

    @property
    def description(self) -> tuple[object, ...]:
        """Everything the field says, without where it is: equal for the same question
        on two forms, so that what is worked out from it can be worked out once."""
        return (self.key, tuple(self.label.items()), self.type, self.required, self.options, self.category,
                self.reason, self.autocomplete, self.hint, self.section)


@dataclass(frozen=True)
class Suppression:
    """An inline `formlint: ignore[CODE] reason` attached to a field or form."""

    codes: tuple[str, ...]
    reason: str | None
    location: Location


@dataclass(frozen=True)
class Collector:
    name: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Notice:
    """What respondents are told: free text plus optional structured items.

    Structured items (`retention`, `recipients`, `legal_basis`) win over what the text
    analysis finds. `None` means "not given"; an empty tuple of recipients means the
    form states that nobody else receives the data.
    """

    text: str = ""
    retention: str | None = None
    recipients: tuple[str, ...] | None = None
    legal_basis: str | None = None
    location: Location = Location()


@dataclass(frozen=True)
class Form:
    path: str
    format: str
    fields: tuple[Field, ...]
    id: str | None = None
    title: str | None = None
    language: str | None = None
    purpose: str | None = None
    collector: Collector = Collector()
    notice: Notice = Notice()
    visibility: str = "private"
    location: Location = Location()
    locations: Mapping[str, Location] = field(default_factory=dict)
    suppressions: tuple[Suppression, ...] = ()

    def location_of(self, pointer: str) -> Location:
        """Where the node at `pointer` starts, falling back to the form's start."""
        return self.locations.get(pointer, self.location)


@dataclass(frozen=True)
class Classification:
    """The classifier's verdict on one field.

    `category` is a taxonomy id, or "unknown" when nothing matched. `evidence` says
    which term matched where, e.g. `label "血型" matched term "血型"`.
    """

    category: str
    confidence: float
    evidence: str
    source: str  # annotation | autocomplete | key | label | type | none

    @property
    def known(self) -> bool:
        return self.category != UNKNOWN


UNKNOWN = "unknown"


def in_lang(texts: tuple[str, ...], translated: Mapping[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    """A policy's texts in `lang` when it translates them, else as written."""
    return translated.get(lang, texts)


@dataclass(frozen=True)
class Finding:
    """A complete report of one problem: reporters never look anything up, they
    only translate its message, help and law."""

    code: str
    severity: Severity
    message: Message
    path: str
    line: int
    column: int
    help: Message
    law: Law
    field_key: str | None = None
    pointer: str = ""
    category: str | None = None
    evidence: str | None = None
    rule_name: str = ""


@dataclass(frozen=True)
class RecognitionCues:
    """What tells a form serves a purpose: phrases (any language, as written in the
    policy) found in its title, sections, notice or labels, and typical categories."""

    terms: tuple[str, ...] = ()
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Purpose:
    """What one purpose of collection needs, with the law it rests on.

    `necessary`, `optional` and each group of `alternatives` hold expanded
    category ids (`group.*` already resolved against the taxonomy). `sources` cites
    the law per category; `government_id` is full, partial or none (DM106).
    """

    id: str
    title: str
    description: str = ""
    source: tuple[str, ...] = ()
    necessary: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    alternatives: tuple[frozenset[str], ...] = ()
    max_days: int | None = None
    retention_source: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    government_id: str | None = None
    judged: bool = True  # False for NO_PURPOSE: nothing to judge excess against
    domain: str | None = None
    titles: Mapping[str, str] = field(default_factory=dict)
    recognition: RecognitionCues = RecognitionCues()
    # `source` and `retention_source` in other languages (`source_in` in the policy).
    source_translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    retention_source_translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # `sources` in other languages, by language then category (`sources_in` in the policy).
    sources_translations: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    def title_in(self, lang: str) -> str:
        """The title in `lang` when the policy gives one, else the English title."""
        return self.titles.get(lang, self.title)

    def source_in(self, lang: str) -> tuple[str, ...]:
        return in_lang(self.source, self.source_translations, lang)

    def sources_in(self, category: str, lang: str) -> tuple[str, ...]:
        """Why the purpose needs `category`, in `lang` when the policy translates it."""
        return self.sources_translations.get(lang, {}).get(category, self.sources.get(category, ()))

    def retention_source_in(self, lang: str) -> tuple[str, ...]:
        return in_lang(self.retention_source, self.retention_source_translations, lang)

    def basis(self, retention: bool = False) -> Localised:
        """The purpose's (or its retention cap's) sources as one text, with their translations."""
        texts, translated = ((self.retention_source, self.retention_source_translations) if retention
                             else (self.source, self.source_translations))
        return Localised("; ".join(texts), tuple((lang, "; ".join(t)) for lang, t in translated.items()))

    def typical(self) -> frozenset[str]:
        """The categories that mark a form as serving this purpose: the recognition
        cues' own list, else everything the purpose needs or allows."""
        if self.recognition.categories:
            return self.recognition.categories
        return self.necessary | frozenset(c for group in self.alternatives for c in group)

    def allows(self, category: str) -> bool:
        return category in self.necessary or category in self.optional or any(
            category in group for group in self.alternatives)

    def is_optional(self, category: str) -> bool:
        return category in self.optional and category not in self.necessary


@dataclass(frozen=True)
class Policy:
    """A resolved policy: `extends` already merged; `bases` names what it was built on."""

    id: str
    title: str
    path: str
    source: tuple[str, ...]
    purposes: Mapping[str, Purpose]
    regimes: tuple[str, ...] = ()
    required_notice: tuple[str, ...] = ("retention", "purpose", "controller")
    severity: Mapping[str, str] = field(default_factory=dict)
    default_purpose: str | None = None
    rules: frozenset[str] = frozenset()
    bases: tuple[str, ...] = ()
    description: str = ""
    domains: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    source_translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)

    def source_in(self, lang: str) -> tuple[str, ...]:
        return in_lang(self.source, self.source_translations, lang)

    def title_in(self, lang: str) -> str:
        """The title in `lang` when the policy gives one, else the English title."""
        return self.titles.get(lang, self.title)

    def domain_title(self, domain: str | None, lang: str) -> str | None:
        """A domain's title in `lang` (English when not translated); None for none."""
        titles = self.domains.get(domain or "")
        return None if titles is None else titles.get(lang, titles["en"])

    def enables(self, code: str) -> bool:
        """Whether the policy turns on the opt-in rule `code`."""
        return code in self.rules

    def severity_for(self, purpose: Purpose, category: str) -> str | None:
        """The purpose's override for `category`, else the policy's, else None."""
        return purpose.severity.get(category) or self.severity.get(category)


@dataclass(frozen=True)
class RetentionFact:
    """How long the notice says answers are kept (GDPR Art. 13(2)(a), PIPL Art. 17)."""

    found: bool
    days: int | None
    vague: bool
    kind: str | None  # period | criteria | vague | indefinite | None
    evidence: str
    source: str  # structured | text | ""


@dataclass(frozen=True)
class NoticeFacts:
    retention: RetentionFact
    purpose: str | None
    controller: str | None
    recipients: tuple[str, ...] | None
    no_other_use: bool
    rights: str | None = None  # how to access, correct, delete or withdraw consent
    separate_consent: str | None = None  # a statement of separate consent for sensitive data
    publication: str | None = None  # a statement that answers will be published


@dataclass(frozen=True)
class Classified:
    """A form and the category of each of its fields, by key: what `classify` shows."""

    form: Form
    classes: Mapping[str, Classification]


@dataclass(frozen=True)
class Suppressed:
    """A finding an inline `formlint: ignore[...]` silenced, with the directive."""

    finding: Finding
    suppression: Suppression


# What a form is checked under when it names no purpose and none is recognised: the
# rules that need a purpose (excess, optional-required, retention cap) stay silent.
NO_PURPOSE = Purpose(id="", title="no purpose", judged=False)


@dataclass(frozen=True)
class Clue:
    """One phrase of a purpose found in a form: where, the text shown, the phrase."""

    place: str  # title | section | notice | label
    text: str
    phrase: str


@dataclass(frozen=True)
class Recognition:
    """The purpose of the policy a form most likely serves (None when nothing
    fits), how sure recognition is, and why."""

    purpose: str | None
    confidence: float
    clues: tuple[Clue, ...] = ()
    typical_fields: int = 0
    personal_fields: int = 0
    typical_categories: tuple[str, ...] = ()
    runner_up: str | None = None
    threshold: float = 0.5

    @property
    def confident(self) -> bool:
        return self.purpose is not None and self.confidence >= self.threshold


@dataclass(frozen=True)
class FormResult:
    """One checked form: the policy and purpose it was checked under (a `policy-map`
    may give each form its own), what the classifier and notice analysis found, and
    the findings."""

    form: Form
    policy: Policy
    purpose: Purpose
    classes: Mapping[str, Classification]
    notice: NoticeFacts
    findings: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...] = ()
    # What the run should tell about how the form was read, e.g. text cut to its
    # analysed prefix (formlint.bounds); the CLI prints each as a warning.
    notes: tuple[Message, ...] = ()
    # declared (form, --purpose, configuration or the policy's default), recognised
    # (--purpose auto), or none; and what recognition found either way.
    purpose_origin: str = "declared"
    recognition: Recognition | None = None


@dataclass
class Report:
    """Every checked form of a run, and the files that could not be read."""

    results: list[FormResult] = field(default_factory=list)
    errors: list[FormlintError] = field(default_factory=list)
    baselined: int = 0  # findings a --baseline file accounted for and that are not shown
    skipped: int = 0  # files met in a folder walk that do not look like forms

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def suppressed(self) -> list[Suppressed]:
        return [s for r in self.results for s in r.suppressed]

    def narrowed(self, keep: Callable[[FormResult, Finding], bool]) -> Report:
        """The same forms and errors with only the findings `keep` accepts."""
        results = [dataclasses.replace(r, findings=tuple(f for f in r.findings if keep(r, f))) for r in self.results]
        return Report(results, list(self.errors), self.baselined, self.skipped)
