"""HTML forms, server-side templates (ERB, Blade/PHP, JSP, JSF, Jinja, Handlebars, Nunjucks)
and Vue single-file components, read as a person sees them.

Every control that takes an answer is a field: `input` (not hidden, submit, button, reset or
image), `select`, `textarea`, and the component tags that render one (`el-input`,
`form:input`, `h:inputText`, `t:dictSelect`, …; see `_html_controls`). Its key is its
`name`, else the model it binds, else its `id`. Its label is what a person reads next to it:
`aria-labelledby`, `<label for>` (the nearest when several name it), a wrapping `<label>`,
a component's `label`, the enclosing form item's `label`, else the text before it — in a
table, the label cell of its row, then its column's header cell — then `aria-label`,
`placeholder`, `title`. Radio buttons and check boxes sharing a name are one field
labelled by their question (legend, form item or preceding text) with their own labels as
options; a lone check box is labelled by the statement next to it. Help text (`aria-
describedby`, `<small>`, elements classed help/hint/tip/description) is the field's hint.
Every field carries its section: the fieldset legends, headings, table captions and
header rows, and panel or card titles it sits under, outermost first.

Text in an element with a `lang` attribute is in that language. Page text outside the
controls (not scripts, styles or template code) is notice text; `<meta name="formlint:…">`
tags carry purpose, collector and the structured notice items.

Template code is blanked out before reading, keeping every line and column (see
`_html_templates`), and the markup is tokenized in linear time (see `_html_tokens`).
Nothing is fetched or run. Memory stays proportional to the file: repeated keys merge as
they are read, options and kept text are capped.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from formlint.errors import FormError
from formlint.formats import _html_controls as controls
from formlint.formats._common import MAX_FIELDS, guess_language, suppressions
from formlint.formats._html_templates import blank_templates
from formlint.formats._html_tokens import EndTag, Lines, StartTag, Token, tokens
from formlint.model import Collector, Field, Form, Location, Notice
from formlint.source import MAX_DEPTH, decode
from formlint.message import msg

__all__ = ["NAME", "blank_templates", "load", "sniff_raw"]

NAME = "html"
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr", "keygen"})
# Text never shown as page text; text that belongs to a control rather than the page.
UNSEEN = frozenset({"script", "style", "head", "title", "noscript", "xmp", "iframe", "noembed", "noframes"})
CONTROL_TEXT = frozenset({"label", "legend", "option", "optgroup", "select", "textarea", "button", "datalist"})
# Elements that flow with text: their text joins the text around them into one block.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label",
                    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "nobr",
                    "big", "tt", "strike", "center", "ruby", "rt", "rp"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Start tags that end an open element: (elements ended, elements that stop the search).
IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
    "optgroup": (frozenset({"option", "optgroup"}), frozenset({"select"})),
    "p": (frozenset({"p"}), frozenset({"div", "td", "th", "li", "table", "form", "fieldset", "section", "body"})),
}
META_SLOTS = ("id", "purpose", "collector", "collector-contact", "notice", "retention", "recipients",
              "legal-basis", "visibility", "ignore")
# Containers that title the fields inside them: a class naming a panel, card or box, and a
# child classed as its title or header.
_PANEL = re.compile(r"(?:^|[\s_-])(?:panel|card|box|portlet|widget|well|accordion|collapse|step|tab-pane|section)"
                    r"(?:$|\s)", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"(?:^|\s)[\w-]*(?:title|heading|legend|caption)(?:$|\s)|"
                          r"(?:^|\s)(?:panel|card|box|ibox|portlet|widget|section|form)-header(?:$|\s)", re.IGNORECASE)
_HINT_CLASS = re.compile(r"(?:^|[\s_-])(?:help|hint|tip|tips|tooltip|description|desc|form-text|explain|note|"
                         r"extra|instructions?)(?:$|[\s_-])", re.IGNORECASE)
# Component containers whose attribute is a section title.
_TITLED_CONTAINERS = {"el-card": "header", "el-collapse-item": "title", "el-tab-pane": "label", "a-card": "title",
                      "a-collapse-panel": "header", "a-tab-pane": "tab", "van-cell-group": "title",
                      "el-divider": "", "a-divider": "", "n-card": "title", "v-card-title": "", "p:panel": "header",
                      "p:fieldset": "legend", "h:panelgrid": "", "el-descriptions": "title"}
_CONTROL_START = re.compile(rb"<\s*(input|select|textarea|[a-z]+-(?:input|select|date-picker|radio-group|"
                            rb"checkbox-group|textarea|field|text-field)|(?:form|html|s|h|p):[a-z]+|"
                            rb"t:[a-z]*(?:select|input|date))\b", re.IGNORECASE)
MAX_OPTIONS = 1_000
MAX_TEXT = 1_000_000  # characters of page and id-target text kept per file
MAX_BLOCK = 2_000  # characters kept of one text block (a label, a cell, a title)
RECENT_BLOCKS = 6


def sniff_raw(path: str, raw: bytes) -> bool:
    """An HTML file or template is a form when it has at least one form control, also one
    written with a tag library under a prefix the page declares (`<f:input>`)."""
    if _CONTROL_START.search(raw) is not None:
        return True
    if b"taglib" not in raw and b"xmlns:" not in raw:
        return False
    text = raw.decode("latin-1")
    lowered = text.lower()
    return any(known in controls.CONTROL_LIBRARIES and f"<{prefix}:" in lowered
               for prefix, known in controls.declared_prefixes(text).items())


def load(path: str, raw: bytes) -> Form:
    decoded = decode(raw, path, FormError)
    text = blank_templates(decoded, blade=path.lower().endswith(".blade.php"))
    reader = _Reader(path, text, controls.declared_prefixes(decoded))
    for token in tokens(text):
        reader.feed(token)
    return reader.page.form(path)


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass(slots=True)
class _Text:
    """Text collected in document order, each piece with its language (None: the page's),
    up to `limit` characters."""

    parts: list[tuple[str | None, str]] = field(default_factory=list)
    size: int = 0
    limit: int = MAX_BLOCK

    def add(self, lang: str | None, data: str) -> int:
        if not data.strip() or self.size >= self.limit:
            return 0
        data = data[:self.limit - self.size]
        self.parts.append((lang, data))
        self.size += len(data)
        return len(data)

    def by_language(self, default: str, sep: str = " ") -> dict[str, str]:
        found: dict[str, list[str]] = {}
        for lang, data in self.parts:
            found.setdefault(lang or default, []).append(_clean(data))
        return {lang: sep.join(texts) for lang, texts in found.items()}

    def first(self, default: str) -> str:
        return next(iter(self.by_language(default).values()), "")


@dataclass(eq=False, slots=True)
class _Label:
    """A `<label>` (or a JSF/Spring label tag): its text, what it names, whether it wraps a control."""

    text: _Text
    for_id: str
    offset: int
    wraps: bool = False
    chosen: bool = False


@dataclass(eq=False, slots=True)
class _Block:
    """A run of text between block boundaries, with the label or title it belongs to."""

    text: _Text
    label: _Label | None
    row: int
    title: bool = False
    trailing: bool = False  # text after a control in the control's own table cell


@dataclass(eq=False, slots=True)
class _Member:
    """One control of a field: a radio button of a group, or the field's only control."""

    dom_id: str
    offset: int
    wrapping: _Label | None
    after: _Text = field(default_factory=_Text)
    label: _Label | None = None  # the `<label for>` that names it (`_choose_for_labels`)


@dataclass(eq=False)
class _Control:
    tag: str
    kind: str
    key: str
    attrs: dict[str, str]
    location: Location
    lang: str | None
    offset: int
    member: _Member
    section: tuple[str, ...]
    legend: _Text | None = None
    item_label: str = ""
    before: list[_Block] = field(default_factory=list)
    row: int = -1
    column: _Text | None = None
    plain_column: _Text | None = None
    inner: _Text = field(default_factory=_Text)
    options: list[_Text] = field(default_factory=list)
    hint: _Text = field(default_factory=_Text)
    members: list[_Member] = field(default_factory=list)
    group: bool = False  # a component group (el-radio-group): its options are its choices

    def add_option(self, text: _Text) -> None:
        if len(self.options) < MAX_OPTIONS:
            self.options.append(text)


@dataclass(eq=False, slots=True)
class _Title:
    text: _Text
    scope: int  # stack depth of the element whose end drops this title (0: the page)
    level: int = 0  # heading level; 0 for legends, captions and container titles


@dataclass(eq=False, slots=True)
class _Row:
    id: int
    cells: list[tuple[int, int, _Text, bool]] = field(default_factory=list)  # start, span, text, is header
    column: int = 0
    has_control: bool = False


@dataclass(eq=False)
class _Table:
    depth: int
    title: _Title | None = None
    columns: list[tuple[int, int, _Text]] = field(default_factory=list)  # header cells (th, thead)
    plain_columns: list[tuple[int, int, _Text]] = field(default_factory=list)  # a row of text cells
    row: _Row | None = None
    in_head: bool = False


@dataclass(eq=False, slots=True)
class _Open:
    """An open element and what it feeds."""

    tag: str
    lang: str | None
    id: str = ""
    block: bool = True
    depth: int = 0  # its place in the stack, from 1
    scope: bool = False  # its end drops the titles opened inside it
    text: _Text | None = None  # an id's text, for aria-labelledby and aria-describedby
    label: _Label | None = None
    control: _Control | None = None  # a native select or a component control
    option: _Text | None = None
    option_fallback: str = ""
    option_kept: bool = True
    title: _Title | None = None
    item: tuple[str, str] | None = None  # a form item's (label, key)
    hint: bool = False
    table: _Table | None = None
    cell: bool = False
    legend: _Text | None = None  # a fieldset's legend
    legend_seen: bool = False

    @property
    def special(self) -> bool:
        return (self.scope or self.text is not None or self.label is not None or self.control is not None
                or self.option is not None or self.title is not None or self.item is not None or self.hint
                or self.table is not None or self.cell)


@dataclass
class _Page:
    controls: dict[str, _Control] = field(default_factory=dict)
    for_labels: dict[str, list[_Label]] = field(default_factory=dict)
    by_id: dict[str, _Text] = field(default_factory=dict)
    # Page text with the ids of the elements it sits in: aria-labelledby targets are labels.
    notice: list[tuple[str | None, str, tuple[str, ...]]] = field(default_factory=list)
    title: _Text = field(default_factory=_Text)
    heading: _Text | None = None
    meta: dict[str, tuple[str, Location]] = field(default_factory=dict)
    language: str | None = None

    def form(self, path: str) -> Form:
        _choose_for_labels(self)
        language = self.language or _guess_language(list(self._label_texts()))
        fields = [self.field(c, language) for c in self.controls.values()]
        meta = {k: v for k, (v, _) in self.meta.items()}
        title = self.title if self.title.parts else self.heading or _Text()
        return Form(
            path=path,
            format=NAME,
            fields=tuple(fields),
            id=meta.get("id"),
            title=title.first(language) or None,
            language=language,
            purpose=meta.get("purpose"),
            collector=Collector(meta.get("collector"), meta.get("collector-contact")),
            notice=self.notice_of(meta, language),
            visibility=_visibility(path, self.meta),
            locations={f"/{k}": where for k, (_, where) in self.meta.items() if k in ("purpose", "notice")},
            suppressions=suppressions(meta.get("ignore"), self.where("ignore")),
        )

    def _label_texts(self) -> Iterator[str]:
        for control in self.controls.values():
            for _, text in _Resolver(self, control).label().parts:
                yield text

    def where(self, slot: str) -> Location:
        return self.meta[slot][1] if slot in self.meta else Location()

    def notice_of(self, meta: dict[str, str], language: str) -> Notice:
        recipients = meta.get("recipients")
        labelling = {i for c in self.controls.values() for i in c.attrs.get("aria-labelledby", "").split()}
        page = _Text([(lang, text) for lang, text, ids in self.notice if not labelling.intersection(ids)],
                     limit=MAX_TEXT)
        texts = [meta.get("notice", ""), *page.by_language(language, "\n").values()]
        return Notice(
            text="\n".join(t for t in texts if t),
            retention=meta.get("retention"),
            recipients=tuple(_clean(r) for r in recipients.split(";") if r.strip()) if recipients is not None else None,
            legal_basis=meta.get("legal-basis"),
            location=self.where("notice"),
        )

    def field(self, control: _Control, language: str) -> Field:
        attrs = control.attrs
        resolver = _Resolver(self, control)
        label = resolver.label()
        autocomplete = attrs.get("autocomplete", "").strip()
        options = [o.first(language) for o in resolver.options()]
        return Field(
            key=control.key,
            label=label.by_language(control.lang or language),
            type=control.kind,
            required="required" in attrs or attrs.get("aria-required") == "true",
            options=tuple(dict.fromkeys(o for o in options if o)),
            category=attrs.get("data-formlint-category") or None,
            autocomplete=autocomplete if autocomplete not in ("", "on", "off") else None,
            hint=resolver.hint(label, language) or None,
            location=control.location,
            pointer=_pointer(control),
            suppressions=suppressions(attrs.get("data-formlint-ignore"), control.location),
            section=control.section,
        )


_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile("[\u3040-\u30ff]")


def _guess_language(texts: list[str]) -> str:
    """Without a declared language: Korean or Japanese by their scripts, else the language
    the labels' script and words say (Chinese for CJK that says no more, else English)."""
    for script, language in ((_HANGUL, "ko"), (_KANA, "ja")):
        if any(script.search(text) for text in texts):
            return language
    return guess_language(texts)


def _pointer(control: _Control) -> str:
    if "name" in control.attrs:
        return f'{control.tag}[name="{control.key}"]'
    if control.attrs.get("id", "").strip() == control.key:
        return f"#{control.key}"
    return f'{control.tag}[key="{control.key}"]'


def _choose_for_labels(page: _Page) -> None:
    """Give each control the `<label for>` that names it. Pages repeat ids (a copied row,
    a template rendered twice), so several controls and labels may share one: each control
    takes the nearest free label before it, else the nearest free one after it, else (more
    controls than labels) the nearest. A label no control takes reads as the text before
    whatever control follows it. Linear in controls and labels."""
    members: dict[str, list[_Member]] = {}
    for control in page.controls.values():
        for member in control.members:
            if member.dom_id and member.dom_id in page.for_labels:
                members.setdefault(member.dom_id, []).append(member)
    for dom_id, named in members.items():
        _pair_labels(sorted(named, key=lambda m: m.offset), page.for_labels[dom_id])


def _pair_labels(members: list[_Member], labels: list[_Label]) -> None:
    """`members` and `labels` in document order: pair each member with a free label,
    the one just before it first."""
    free: list[_Label] = []
    waiting: list[_Member] = []
    position = 0
    for member in members:
        while position < len(labels) and labels[position].offset < member.offset:
            free.append(labels[position])
            position += 1
        if free:
            _take(member, free.pop())
        else:
            waiting.append(member)
    unused = iter([lab for lab in labels if not lab.chosen])
    pending = next(unused, None)
    for member in waiting:  # no free label before it: the first free one after it
        while pending is not None and pending.offset < member.offset:
            pending = next(unused, None)
        if pending is not None:
            _take(member, pending)
            pending = next(unused, None)
    offsets = [lab.offset for lab in labels]
    for member in members:
        if member.label is None:  # more controls than labels: they share the nearest
            at = bisect.bisect_left(offsets, member.offset)
            near = [labels[i] for i in (at - 1, at) if 0 <= i < len(labels)]
            _take(member, min(near, key=lambda lab: abs(lab.offset - member.offset)))


def _take(member: _Member, label: _Label) -> None:
    member.label = label
    label.chosen = True


class _Resolver:
    """What a person reads as a field's label, options and hint."""

    def __init__(self, page: _Page, control: _Control) -> None:
        self.page = page
        self.control = control

    def own(self, member: _Member) -> _Text | None:
        """A control's own label: `<label for>`, a wrapping label, or (for choices) the text after it."""
        if member.label is not None and member.label.text.parts:
            return member.label.text
        if member.wrapping is not None and member.wrapping.text.parts:
            return member.wrapping.text
        if self.control.kind in ("radio", "checkbox") and member.after.parts:
            return member.after
        return None

    def choice_group(self) -> bool:
        return self.control.kind in ("radio", "checkbox") and (len(self.control.members) > 1 or self.control.group)

    def answer_word(self) -> bool:
        """A check box whose own text is a word like "Yes" or "No" is one answer to a question
        asked around it, not a statement of its own."""
        own = self.own(self.control.member) if self.control.kind in ("radio", "checkbox") else None
        return own is not None and len(_clean(own.first("en"))) <= 3

    def label(self) -> _Text:
        """The first label source that has text."""
        for source in self._sources():
            if source is not None and source.parts:
                return source
        return _Text()

    def _sources(self) -> Iterator[_Text | None]:
        control = self.control
        yield self._labelled_by()
        if self.choice_group() or self.answer_word():
            yield from self._table_context()  # in a table, its row or column asks the question
            yield control.legend
            yield from self._context()
            yield self.own(control.member)
        else:
            yield self.own(control.member)
            yield _attr_text(control, "label")
            yield control.inner if control.kind in ("checkbox", "radio") else None
            yield from self._context()
        for name in ("aria-label", "placeholder", "title", "label"):
            yield _attr_text(control, name)
        yield self._preceding(titles=True)
        yield control.member.after if control.kind not in ("radio", "checkbox") else None

    def _labelled_by(self) -> _Text:
        ids = self.control.attrs.get("aria-labelledby", "").split()
        return _Text([p for i in ids for p in self.page.by_id.get(i, _Text()).parts])

    def _context(self) -> Iterator[_Text | None]:
        """The form item's label, then the text before the control: its table row, its
        column's header, the text before its row."""
        control = self.control
        if control.item_label:
            yield _Text([(control.lang, control.item_label)])
        yield from self._table_context()
        yield self._preceding()

    def _table_context(self) -> Iterator[_Text | None]:
        """In a table: the column's header, the row's label cell, the plain text cell above."""
        control = self.control
        if control.row >= 0:
            yield control.column
            yield self._preceding(same_row=True)
            yield control.plain_column

    def _preceding(self, same_row: bool = False, titles: bool = False) -> _Text | None:
        for block in reversed(self.control.before):
            if block.title != titles or (same_row and (block.row != self.control.row or block.trailing)):
                continue
            if block.label is not None and (block.label.chosen or block.label.wraps):
                continue
            if block.text.parts:
                return block.text
        return None

    def options(self) -> list[_Text]:
        control = self.control
        if control.kind in ("radio", "checkbox") and not control.options:
            owns = (self.own(m) for m in control.members) if self.choice_group() else ()
            return [t for t in owns if t is not None]
        return control.options

    def hint(self, label: _Text, language: str) -> str:
        control = self.control
        ids = control.attrs.get("aria-describedby", "").split()
        parts = [p for i in ids for p in self.page.by_id.get(i, _Text()).parts] + control.hint.parts
        text = _Text(parts).first(language)
        placeholder = _clean(control.attrs.get("placeholder", ""))
        if placeholder and placeholder != label.first(language) and placeholder not in text:
            text = f"{text} {placeholder}".strip()
        return text


def _attr_text(control: _Control, name: str) -> _Text | None:
    value = control.attrs.get(name, "")
    if name == "label" and not (":" in control.tag or "-" in control.tag):
        return None  # `label` on an <option>-less native control is not shown
    return _Text([(control.lang, value)], limit=len(value) + 1) if value.strip() else None


def _column(columns: list[tuple[int, int, _Text]], start: int) -> _Text | None:
    return next((text for first, span, text in columns if first <= start < first + span), None)


def _visibility(path: str, meta: dict[str, tuple[str, Location]]) -> str:
    value, where = meta.get("visibility", ("private", Location()))
    if value not in ("private", "shared"):
        raise FormError(path, msg("error.html_visibility", value=repr(value)), where.line, where.column)
    return value


_SCOPES = frozenset({"fieldset", "table", "form", "section", "article", "dialog"})
_KEEPS_OPEN = frozenset({"select", "textarea", "title", "script", "style", "xmp", "iframe", "noembed", "noframes"})


class _Reader:
    """Walks the tokens once. The stack is bounded at MAX_DEPTH; `special` holds the open
    elements that play a part (labels, controls, titles, cells, ids) so text is routed
    without walking the whole stack."""

    def __init__(self, path: str, text: str, prefixes: dict[str, str] | None = None) -> None:
        self.path = path
        # Tag-library prefixes the page declares, as formlint knows their libraries.
        self.prefixes = prefixes or {}
        self.lines = Lines(text)
        self.page = _Page()
        self.stack: list[_Open] = []
        self.special: list[_Open] = []
        self.counts: Counter[str] = Counter()
        self.unseen = 0  # open elements whose text is never shown
        self.control_text = 0  # open elements whose text belongs to a control
        self.titles: list[_Title] = []
        self.section: tuple[str, ...] = ()
        self.titles_changed = False
        self.blocks: deque[_Block] = deque(maxlen=RECENT_BLOCKS)
        self.control_cell: tuple[int, int] | None = None  # the table cell of the last control
        self.block_open = False
        # The last control's member, the depth of its container, and its control: the text
        # after it in that container is its own (a check box's statement) or its hint.
        self.after: tuple[_Member, int, _Control | None] | None = None
        self.pending_hint: tuple[_Text, int] | None = None
        self.budget = MAX_TEXT
        self.rows = 0
        self.offset = 0

    # ------------------------------------------------------------ tokens

    def feed(self, token: Token) -> None:
        self.offset = token.offset
        if isinstance(token, StartTag):
            self.start(token)
        elif isinstance(token, EndTag):
            self.end(token.name)
        else:
            self.text(token.data)

    def location(self) -> Location:
        return self.lines.location(self.offset)

    @property
    def lang(self) -> str | None:
        return self.stack[-1].lang if self.stack else None

    def start(self, tag: StartTag) -> None:
        name, attrs = self.known_name(tag.name), tag.attrs
        self.close_implied(name)
        if name == "html" and attrs.get("lang"):
            self.page.language = attrs["lang"]
        frame = _Open(name, attrs.get("lang") or self.lang, attrs.get("id", "").strip(), block=name not in INLINE,
                      depth=len(self.stack) + 1, scope=name in _SCOPES)
        if frame.block:
            self.end_block()
        self.open_element(frame, attrs)
        if name in VOID or (tag.self_closing and name not in _KEEPS_OPEN):
            self.close_frame(frame)
        else:
            self.push(frame)

    def end_block(self) -> None:
        self.block_open = False
        if self.after is not None and self.after[0].after.parts:
            self.after = None

    def close_implied(self, name: str) -> None:
        rule = IMPLIED_ENDS.get(name)
        if rule is None:
            return
        ended, stops = rule
        for depth in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[depth].tag
            if tag in ended:
                self.pop_to(depth)
                return
            if tag in stops or (name == "p" and tag not in INLINE):
                return

    def push(self, frame: _Open) -> None:
        if len(self.stack) >= MAX_DEPTH:
            where = self.location()
            raise FormError(self.path, msg("error.html_nesting", depth=MAX_DEPTH), where.line, where.column)
        if frame.id and self.budget > 0:
            frame.text = self.page.by_id.setdefault(frame.id, _Text())
        self.stack.append(frame)
        self.count(frame.tag, 1)
        if frame.special:
            self.special.append(frame)

    def count(self, tag: str, step: int) -> None:
        self.counts[tag] += step
        if tag in UNSEEN:
            self.unseen += step
        if tag in CONTROL_TEXT:
            self.control_text += step

    def known_name(self, name: str) -> str:
        """`f:input` on a page that binds `f` to Spring's form tags is `form:input`."""
        if not self.prefixes or ":" not in name:
            return name
        prefix, _, local = name.partition(":")
        known = self.prefixes.get(prefix)
        return f"{known}:{local}" if known else name

    def end(self, name: str) -> None:
        name = self.known_name(name)
        if self.counts[name] == 0:
            return  # a stray end tag: browsers ignore it too
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == name:
                self.pop_to(depth)
                return

    def pop_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            frame = self.stack.pop()
            self.count(frame.tag, -1)
            if self.special and self.special[-1] is frame:
                self.special.pop()
            self.close_frame(frame)

    def text(self, data: str) -> None:
        if self.counts["title"]:
            self.page.title.add(self.lang, data)
            return
        if self.unseen or not data.strip():
            return
        lang = self.lang
        if self.budget > 0:
            for frame in self.special:
                if frame.text is not None:
                    self.budget -= frame.text.add(lang, data)
        self.route(lang, data)

    def innermost(self, test: Callable[[_Open], bool]) -> _Open | None:
        return next((f for f in reversed(self.special) if test(f)), None)

    # ------------------------------------------------------------ where text goes

    def route(self, lang: str | None, data: str) -> None:
        frame = self.innermost(lambda f: f.option is not None or f.control is not None or f.hint)
        if frame is not None and frame.option is not None:
            frame.option.add(lang, data)
            return
        if frame is not None and frame.hint:
            self.hint_target(frame).add(lang, data)
            return
        if frame is not None and frame.control is not None:
            if frame.control.kind not in ("select_one", "select_multiple", "textarea"):
                frame.control.inner.add(lang, data)
            return
        if self.counts["button"]:
            return  # a button's caption labels no field
        self.add_to_block(lang, data)
        if not self.control_text and self.budget > 0:
            self.budget -= len(data)
            self.page.notice.append((lang, data, tuple(f.id for f in self.special if f.id)))

    def add_to_block(self, lang: str | None, data: str) -> None:
        label, title, cell = self.roles()
        if not self.block_open or not self.blocks:
            row = self.table_row() if cell else None
            trailing = row is not None and self.after is not None and self.cell_id() == self.control_cell
            self.blocks.append(_Block(_Text(), label, row.id if row else -1, title is not None, trailing))
            self.block_open = True
        self.blocks[-1].text.add(lang, data)
        if label is not None:
            label.text.add(lang, data)
        if title is not None:
            title.text.add(lang, data)
        if cell:
            self.cell_text().add(lang, data)
        if self.after is not None:
            self.after[0].after.add(lang, data)

    def roles(self) -> tuple[_Label | None, _Title | None, bool]:
        """The innermost open label and title, and whether the text is in a table cell."""
        label: _Label | None = None
        title: _Title | None = None
        cell = False
        for frame in reversed(self.special):
            label = label or frame.label
            title = title or frame.title
            cell = cell or frame.cell
        return label, title, cell

    def hint_target(self, frame: _Open) -> _Text:
        if self.after is not None and self.after[2] is not None:
            return self.after[2].hint
        if self.pending_hint is None:
            self.pending_hint = (_Text(), frame.depth - 1)
        return self.pending_hint[0]

    # ------------------------------------------------------------ elements

    def open_element(self, frame: _Open, attrs: dict[str, str]) -> None:
        name = frame.tag
        if name == "meta":
            self.meta(attrs)
        elif name in ("label", "h:outputlabel", "form:label", "p:outputlabel"):
            self.open_label(frame, attrs)
        elif name == "legend":
            self.open_legend(frame)
        elif name in HEADINGS:
            self.open_heading(frame, HEADINGS[name])
        elif name in ("table", "caption", "tr", "td", "th", "thead"):
            self.open_table_part(frame, attrs)
        elif name in ("br", "hr"):
            self.end_block()
        self.open_other(frame, attrs)

    def open_other(self, frame: _Open, attrs: dict[str, str]) -> None:
        name = frame.tag
        owner = self.innermost(lambda f: f.control is not None)
        if owner is not None and (name == "option" or controls.OPTION_TAGS.search(name)):
            self.open_option(frame, attrs)
            return
        if controls.FORM_ITEM.search(name):
            frame.item = (attrs.get("label", "").strip(), (attrs.get("prop") or attrs.get("name") or "").strip())
            frame.scope = True
            return
        if name in ("input", "select", "textarea"):
            kind = controls.native_kind(name, attrs)
        else:
            kind = controls.component_kind(name, attrs)
        if kind is not None:
            self.add_control(frame, attrs, kind)
        elif name not in ("input", "select", "textarea") and frame.label is None:
            self.open_container(frame, attrs)

    def open_option(self, frame: _Open, attrs: dict[str, str]) -> None:
        frame.option = _Text()
        frame.option_fallback = attrs.get("label") or attrs.get("itemlabel") or ""
        if frame.tag != "option" and not frame.option_fallback:
            frame.option_fallback = attrs.get("value", "")
        frame.option_kept = not ("value" in attrs and attrs["value"] == "")  # "" is a "Choose…" placeholder

    def open_container(self, frame: _Open, attrs: dict[str, str]) -> None:
        classes = attrs.get("class", "")
        title_attr = _TITLED_CONTAINERS.get(frame.tag)
        if title_attr is not None:
            frame.scope = True
            frame.title = self.add_title(attrs.get(title_attr, "") if title_attr else "", frame.depth)
        elif _PANEL.search(classes):
            frame.scope = True
        elif _TITLE_CLASS.search(classes) and frame.block and frame.tag not in ("td", "th", "tr", "table"):
            frame.title = self.add_title("", self.scope_depth(), level=7)
        if frame.tag == "small" or _HINT_CLASS.search(classes):
            frame.hint = True

    def add_title(self, text: str, scope: int, level: int = 0) -> _Title:
        if level:
            self.titles = [t for t in self.titles if not (t.level >= level and t.scope == scope)]
        title = _Title(_Text(), scope, level)
        title.text.add(self.lang, text)
        self.titles.append(title)
        self.titles_changed = True
        return title

    def scope_depth(self) -> int:
        """The depth of the innermost element whose end drops the titles opened inside it."""
        frame = self.innermost(lambda f: f.scope)
        return frame.depth if frame is not None else 0

    def open_label(self, frame: _Open, attrs: dict[str, str]) -> None:
        target = attrs.get("for", "").strip() or (attrs.get("path", "").strip() if frame.tag == "form:label" else "")
        label = _Label(_Text(), target, self.offset)
        if frame.tag != "label":
            label.text.add(self.lang, attrs.get("value", ""))
        if target:
            found = self.page.for_labels.setdefault(target, [])
            if len(found) < 8:
                found.append(label)
        frame.label = label
        self.end_block()
        if target and self.after is not None:
            self.after = None

    def open_legend(self, frame: _Open) -> None:
        fieldset = next((f for f in reversed(self.stack) if f.tag == "fieldset"), None)
        if fieldset is not None and not fieldset.legend_seen:
            fieldset.legend_seen = True
            frame.title = self.add_title("", fieldset.depth)
            fieldset.legend = frame.title.text

    def open_heading(self, frame: _Open, level: int) -> None:
        frame.title = self.add_title("", self.scope_depth(), level=level)
        if self.page.heading is None:
            self.page.heading = frame.title.text

    def meta(self, values: dict[str, str]) -> None:
        name = values.get("name", "").strip().lower()
        if not name.startswith("formlint:"):
            return
        slot = name.removeprefix("formlint:")
        where = self.location()
        if slot not in META_SLOTS:
            close = difflib.get_close_matches(slot, META_SLOTS, n=1)
            hint = msg("error.did_you_mean", name=f"formlint:{close[0]}") if close else ""
            allowed = ", ".join(f"formlint:{s}" for s in META_SLOTS)
            raise FormError(self.path, msg("error.html_meta", name=repr(name), hint=hint, allowed=allowed),
                            where.line, where.column)
        self.page.meta[slot] = (values.get("content", ""), where)

    # ------------------------------------------------------------ tables

    def table(self) -> _Table | None:
        frame = self.innermost(lambda f: f.table is not None)
        return frame.table if frame is not None else None

    def table_row(self) -> _Row | None:
        table = self.table()
        return table.row if table is not None else None

    def open_table_part(self, frame: _Open, attrs: dict[str, str]) -> None:
        if frame.tag == "table":
            frame.table = _Table(frame.depth)
            return
        table = self.table()
        if table is None:
            return
        if frame.tag == "caption":
            frame.title = self.table_title(table)
        elif frame.tag == "thead":
            table.in_head = True
        elif frame.tag == "tr":
            self.rows += 1
            table.row = _Row(self.rows)
            self.after = None
        elif table.row is not None:
            span = min(int(attrs["colspan"]), 1000) if attrs.get("colspan", "").strip().isdigit() else 1
            table.row.cells.append((table.row.column, span, _Text(), frame.tag == "th"))
            table.row.column += span
            frame.cell = True

    def table_title(self, table: _Table) -> _Title:
        if table.title in self.titles:
            self.titles.remove(table.title)
        table.title = _Title(_Text(), table.depth)
        self.titles.append(table.title)
        self.titles_changed = True
        return table.title

    def cell_id(self) -> tuple[int, int] | None:
        row = self.table_row()
        return (row.id, len(row.cells)) if row is not None else None

    def cell_text(self) -> _Text:
        row = self.table_row()
        return row.cells[-1][2] if row is not None and row.cells else _Text()

    def close_row(self, table: _Table) -> None:
        """A row without controls: one header cell (or one cell spanning columns) titles the
        rows below it; several header cells name the columns, and so, more weakly, do several
        cells that all hold text."""
        row, table.row = table.row, None
        if row is None or row.has_control or not row.cells:
            return
        cells = [(start, span, text) for start, span, text, _ in row.cells if text.parts]
        headers = table.in_head or all(header for *_, header in row.cells)
        if len(row.cells) == 1 and cells and (headers or cells[0][1] > 1):
            self.table_title(table).text.parts.extend(cells[0][2].parts)
            table.columns, table.plain_columns = [], []  # a new part of the table starts
        elif headers and cells:
            table.columns = cells
        elif len(cells) == len(row.cells) > 1:
            table.plain_columns = cells

    def column_header(self) -> tuple[_Text | None, _Text | None]:
        """The header cell and the plain text cell above the current cell, if any."""
        table = self.table()
        if table is None or table.row is None or not table.row.cells:
            return None, None
        start = table.row.cells[-1][0]
        return _column(table.columns, start), _column(table.plain_columns, start)

    # ------------------------------------------------------------ controls

    def add_control(self, frame: _Open, attrs: dict[str, str], kind: str) -> None:
        item = self.innermost(lambda f: f.item is not None) if self.special else None
        item_label, item_key = item.item if item is not None and item.item is not None else ("", "")
        key = controls.control_key(frame.tag, attrs, item_key)
        before = list(self.blocks)
        self.blocks.clear()
        self.block_open = False
        if not key:  # a control with no key submits nothing
            self.after = None
            return
        wrapping = self.innermost(lambda f: f.label is not None)
        label = wrapping.label if wrapping is not None else None
        if label is not None:
            label.wraps = True
        member = _Member(controls.dom_id(frame.tag, attrs), self.offset, label)
        row = self.table_row()
        if row is not None:
            row.has_control = True
        self.control_cell = self.cell_id()
        control = self.merge(frame, attrs, kind, key, member, item_label, before)
        if frame.tag not in VOID:
            frame.control = control
        self.after = (member, self.container_depth(), control)

    def container_depth(self) -> int:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].block:
                return depth + 1
        return 0

    def merge(self, frame: _Open, attrs: dict[str, str], kind: str, key: str, member: _Member,
              item_label: str, before: list[_Block]) -> _Control:
        existing = self.page.controls.get(key)
        if existing is not None:
            if len(existing.members) < MAX_OPTIONS:
                existing.members.append(member)
            return existing
        if len(self.page.controls) >= MAX_FIELDS:
            where = self.location()
            raise FormError(self.path, msg("error.html_fields", limit=MAX_FIELDS), where.line, where.column)
        control = self.new_control(frame, attrs, kind, key, member, before)
        control.item_label = item_label
        self.page.controls[key] = control
        return control

    def new_control(self, frame: _Open, attrs: dict[str, str], kind: str, key: str, member: _Member,
                    before: list[_Block]) -> _Control:
        fieldset = next((f for f in reversed(self.stack) if f.tag == "fieldset"), None)
        row = self.table_row()
        control = _Control(frame.tag, kind, key, attrs, self.location(), attrs.get("lang") or self.lang,
                           self.offset, member, self.current_section(),
                           legend=fieldset.legend if fieldset is not None else None,
                           before=before, row=row.id if row is not None else -1,
                           members=[member],
                           group=kind in ("radio", "checkbox") and frame.tag not in VOID
                           and ("-" in frame.tag or ":" in frame.tag) and not frame.tag.endswith("checkbox"))
        control.column, control.plain_column = self.column_header()
        if self.pending_hint is not None:
            control.hint, self.pending_hint = self.pending_hint[0], None
        return control

    def current_section(self) -> tuple[str, ...]:
        if self.titles_changed:
            language = self.page.language or "en"
            found = (_clean(t.text.first(language)) for t in self.titles)
            self.section = tuple(dict.fromkeys(t for t in found if t))
            self.titles_changed = False
        return self.section

    # ------------------------------------------------------------ closing

    def close_frame(self, frame: _Open) -> None:
        if frame.block or frame.label is not None:
            self.end_block()
        if frame.option is not None:
            self.close_option(frame)
        if frame.table is not None:
            self.close_row(frame.table)
        elif frame.tag == "tr" or frame.tag == "thead":
            self.close_table_part(frame.tag)
        if frame.title is not None:
            self.titles_changed = True
        if self.titles and frame.scope:
            self.drop_titles(frame.depth)
        if self.after is not None and frame.depth <= self.after[1]:
            self.after = None
        if self.pending_hint is not None and frame.depth <= self.pending_hint[1]:
            self.pending_hint = None

    def close_table_part(self, tag: str) -> None:
        table = self.table()
        if table is None:
            return
        if tag == "tr":
            self.close_row(table)
        else:
            table.in_head = False

    def close_option(self, frame: _Open) -> None:
        option = frame.option
        owner = self.innermost(lambda f: f.control is not None)
        if option is None or owner is None or owner.control is None or not frame.option_kept:
            return
        if not option.parts:
            option.add(frame.lang, frame.option_fallback)
        if option.parts:
            owner.control.add_option(option)

    def drop_titles(self, depth: int) -> None:
        kept = [t for t in self.titles if t.scope < depth]
        if len(kept) != len(self.titles):
            self.titles = kept
            self.titles_changed = True
