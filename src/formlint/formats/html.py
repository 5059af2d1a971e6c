"""HTML forms and server-side templates (ERB, Blade/PHP, JSP, Jinja, Handlebars, Nunjucks).

Every `input` (hidden ones included, buttons excluded), `select` and `textarea`
with a `name` (else an `id`) is a field. Its label comes from, in order:
`aria-labelledby`, `aria-label`, `<label for>`, a wrapping `<label>`, `placeholder`,
`title`; radio buttons and check boxes sharing a name are one field labelled by
their `<fieldset>`'s `<legend>`, their own labels becoming its options. Text in an
element with a `lang` attribute is in that language. Page text outside the
controls (not scripts, styles or template code) is notice text; `<meta
name="formlint:…">` tags carry purpose, collector and the structured notice items.

Template code is blanked out before parsing, keeping every line and column, so it
never breaks the markup nor reads as a label. The standard library's parser never
runs scripts nor fetches anything.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from formlint.errors import FormError
from formlint.formats._common import guess_language, suppressions
from formlint.model import Collector, Field, Form, Location, Notice
from formlint.source import MAX_DEPTH, decode

NAME = "html"
BUTTON_TYPES = {"submit", "button", "reset", "image"}
INPUT_TYPES = {"datetime-local": "datetime", "month": "date", "week": "date", "search": "text", "range": "number"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Text never shown as page text, and text that belongs to a control rather than the page.
UNSEEN = {"script", "style", "template", "head", "title", "noscript"}
CONTROL_TEXT = {"label", "legend", "option", "optgroup", "select", "textarea", "button", "datalist"}
# Start tags that close an open element of the same name (<p>…<p>, <li>…<li>).
SELF_CLOSING_SIBLINGS = {"p", "li", "option", "optgroup", "td", "th", "tr", "dt", "dd"}
META_SLOTS = ("id", "purpose", "collector", "collector-contact", "notice", "retention", "recipients",
              "legal-basis", "visibility", "ignore")
# Template code: each opener with its closer; PHP may leave its last block open.
_TEMPLATE_OPENER = re.compile(r"<%|<\?(?:php|=)|\{\{|\{%|\{#|\$\{")
_TEMPLATE_CLOSER = {"<%": "%>", "{{": "}}", "{%": "%}", "{#": "#}", "${": "}"}
_PHP_CLOSER = "?>"
# Blade directives: @if(...), @endif, @csrf; nested parentheses one level deep.
_BLADE = re.compile(r"(?<![\w@.])@[A-Za-z]+(?:[ \t]*\((?:[^()\n]|\([^()\n]*\))*\))?")
_CONTROL = re.compile(rb"<\s*(input|select|textarea)\b", re.IGNORECASE)


def sniff_raw(path: str, raw: bytes) -> bool:
    """An HTML file or template is a form when it has at least one form control."""
    return _CONTROL.search(raw) is not None


def load(path: str, raw: bytes) -> Form:
    text = blank_templates(decode(raw, path, FormError), blade=path.lower().endswith(".blade.php"))
    parser = _FormParser(path)
    parser.feed(text)
    parser.close()
    return parser.page.form(path)


def blank_templates(text: str, blade: bool = False) -> str:
    """Template code replaced by spaces (newlines kept), so positions stay true."""
    text = _blank_delimited(text)
    return _BLADE.sub(lambda match: _spaces(match.group()), text) if blade else text


def _blank_delimited(text: str) -> str:
    """Blank each `{{ … }}`, `{% … %}`, `<% … %>`, `<?php … ?>`. An opener with no closer
    after it is text, and so is every later opener of its kind: a lazy `{{.*?}}` would
    search for the closer again from each of them (quadratic on many unclosed `{{`)."""
    parts: list[str] = []
    unclosed: set[str] = set()
    done = search_from = 0
    while (match := _TEMPLATE_OPENER.search(text, search_from)) is not None:
        opener = match.group()
        end = _template_end(text, opener, match.end()) if opener not in unclosed else -1
        if end < 0:
            unclosed.add(opener)
            search_from = match.start() + 1
            continue
        parts += [text[done:match.start()], _spaces(text[match.start():end])]
        done = search_from = end
    return "".join(parts) + text[done:]


def _template_end(text: str, opener: str, start: int) -> int:
    """Where the block opened by `opener` ends, or -1 when it is never closed."""
    closer = _TEMPLATE_CLOSER.get(opener, _PHP_CLOSER)
    at = text.find(closer, start)
    if at < 0:
        return len(text) if closer == _PHP_CLOSER else -1
    return at + len(closer)


def _spaces(code: str) -> str:
    return re.sub(r"[^\n]", " ", code)


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Text:
    """Text collected in document order, each piece with its language (None: the page's)."""

    parts: list[tuple[str | None, str]] = field(default_factory=list)

    def add(self, lang: str | None, data: str) -> None:
        if data.strip():
            self.parts.append((lang, data))

    def by_language(self, default: str, sep: str = " ") -> dict[str, str]:
        found: dict[str, list[str]] = {}
        for lang, data in self.parts:
            found.setdefault(lang or default, []).append(_clean(data))
        return {lang: sep.join(texts) for lang, texts in found.items()}


@dataclass
class _Control:
    tag: str
    attrs: dict[str, str]
    location: Location
    lang: str | None
    wrapping: _Text | None = None
    legend: _Text | None = None
    options: list[_Text] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.tag == "select":
            return "select_multiple" if "multiple" in self.attrs else "select_one"
        if self.tag == "textarea":
            return "textarea"
        kind = self.attrs.get("type", "text").lower() or "text"
        return INPUT_TYPES.get(kind, kind)

    @property
    def key(self) -> str:
        return self.attrs.get("name", "").strip() or self.attrs.get("id", "").strip()


@dataclass
class _Page:
    controls: list[_Control] = field(default_factory=list)
    for_labels: dict[str, _Text] = field(default_factory=dict)
    by_id: dict[str, _Text] = field(default_factory=dict)
    # Page text with the ids of the elements it sits in: aria-labelledby targets are labels.
    notice: list[tuple[str | None, str, tuple[str, ...]]] = field(default_factory=list)
    title: _Text = field(default_factory=_Text)
    meta: dict[str, tuple[str, Location]] = field(default_factory=dict)
    language: str | None = None

    def form(self, path: str) -> Form:
        language = self.language or guess_language(t for c in self.controls for _, t in self._label(c).parts)
        fields = _merge([self.field(c, language) for c in self.controls if c.key])
        meta = {k: v for k, (v, _) in self.meta.items()}
        title = self.title.by_language(language)
        return Form(
            path=path,
            format=NAME,
            fields=tuple(fields),
            id=meta.get("id"),
            title=next(iter(title.values()), None),
            language=language,
            purpose=meta.get("purpose"),
            collector=Collector(meta.get("collector"), meta.get("collector-contact")),
            notice=self.notice_of(meta, language),
            visibility=_visibility(path, self.meta),
            locations={f"/{k}": where for k, (_, where) in self.meta.items() if k in ("purpose", "notice")},
            suppressions=suppressions(meta.get("ignore"), self.where("ignore")),
        )

    def where(self, slot: str) -> Location:
        return self.meta[slot][1] if slot in self.meta else Location()

    def notice_of(self, meta: dict[str, str], language: str) -> Notice:
        recipients = meta.get("recipients")
        labelling = {i for c in self.controls for i in c.attrs.get("aria-labelledby", "").split()}
        page = _Text([(lang, text) for lang, text, ids in self.notice if not labelling.intersection(ids)])
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
        autocomplete = attrs.get("autocomplete", "").strip()
        return Field(
            key=control.key,
            label=self._label(control).by_language(control.lang or language),
            type=control.kind,
            required="required" in attrs,
            options=tuple(_first(o, language) for o in self._options(control) if _first(o, language)),
            category=attrs.get("data-formlint-category") or None,
            autocomplete=autocomplete if autocomplete not in ("", "on", "off") else None,
            location=control.location,
            pointer=f'{control.tag}[name="{control.key}"]' if "name" in attrs else f"#{control.key}",
            suppressions=suppressions(attrs.get("data-formlint-ignore"), control.location),
        )

    def _options(self, control: _Control) -> list[_Text]:
        """A select's options; a grouped radio button's or check box's own label."""
        if control.kind in ("radio", "checkbox") and control.legend is not None and control.legend.parts:
            return [t for t in (self._own(control),) if t is not None]
        return control.options

    def _own(self, control: _Control) -> _Text | None:
        own = self.for_labels.get(control.attrs.get("id", ""))
        return own if own is not None and own.parts else control.wrapping

    def _label(self, control: _Control) -> _Text:
        """The first label source that has text, in the order of the accessible-name rules."""
        attrs = control.attrs
        for source in self._label_sources(control):
            if source is not None and source.parts:
                return source
        for name in ("placeholder", "title"):
            if attrs.get(name, "").strip():
                return _Text([(control.lang, attrs[name])])
        return _Text()

    def _label_sources(self, control: _Control) -> Iterable[_Text | None]:
        attrs = control.attrs
        ids = attrs.get("aria-labelledby", "").split()
        yield _Text([p for i in ids for p in self.by_id.get(i, _Text()).parts])
        if attrs.get("aria-label", "").strip():
            yield _Text([(control.lang, attrs["aria-label"])])
        if control.kind in ("radio", "checkbox"):
            yield control.legend
        yield self._own(control)


def _first(text: _Text, language: str) -> str:
    return next(iter(text.by_language(language).values()), "")


def _merge(fields: list[Field]) -> list[Field]:
    """Controls sharing a name are one field (radio groups, check box lists, name="tags[]")."""
    merged: dict[str, Field] = {}
    for item in fields:
        first = merged.get(item.key)
        if first is None:
            merged[item.key] = item
            continue
        options = first.options + tuple(o for o in item.options if o not in first.options)
        merged[item.key] = replace(first, options=options, required=first.required or item.required)
    return list(merged.values())


def _visibility(path: str, meta: dict[str, tuple[str, Location]]) -> str:
    value, where = meta.get("visibility", ("private", Location()))
    if value not in ("private", "shared"):
        raise FormError(path, f"formlint:visibility must be private or shared, got {value!r}", where.line, where.column)
    return value


@dataclass
class _Open:
    """An open element: its tag, language, and the text buffer it feeds, if any."""

    tag: str
    lang: str | None
    id: str = ""
    text: _Text | None = None


class _FormParser(HTMLParser):
    """Collects controls, label texts and page text; the stack is bounded at MAX_DEPTH."""

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.page = _Page()
        self.stack: list[_Open] = []
        self.open: Counter[str] = Counter()
        self.labels: list[_Text] = []
        self.legends: list[_Text | None] = []
        self.selects: list[_Control] = []

    @property
    def lang(self) -> str | None:
        return self.stack[-1].lang if self.stack else None

    def location(self) -> Location:
        line, offset = self.getpos()
        return Location(line, offset + 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1].tag == tag:
            self.close_top()
        lang = values.get("lang") or self.lang
        if tag == "html" and values.get("lang"):
            self.page.language = values["lang"]
        getattr(self, f"start_{tag}", self.start_other)(values)
        if tag not in VOID:
            self.push(tag, lang, values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def push(self, tag: str, lang: str | None, values: dict[str, str]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            where = self.location()
            raise FormError(self.path, f"HTML nested deeper than {MAX_DEPTH} levels", where.line, where.column)
        buffer = self.buffer_for(tag, values)
        self.stack.append(_Open(tag, lang, values.get("id", ""), buffer))
        self.open[tag] += 1

    def buffer_for(self, tag: str, values: dict[str, str]) -> _Text | None:
        """The text buffer this element's text feeds (aria-labelledby targets get their own)."""
        if values.get("id"):
            return self.page.by_id.setdefault(values["id"], _Text())
        return None

    def handle_endtag(self, tag: str) -> None:
        if self.open[tag] == 0:
            return  # a stray end tag: browsers ignore it too
        while self.stack and self.stack[-1].tag != tag:
            self.close_top()
        self.close_top()

    def close_top(self) -> None:
        closed = self.stack.pop()
        self.open[closed.tag] -= 1
        getattr(self, f"end_{closed.tag}", lambda: None)()

    def handle_data(self, data: str) -> None:
        if self.open["title"]:
            self.page.title.add(self.lang, data)
            return
        if any(self.open[t] for t in UNSEEN):
            return
        lang = self.lang
        for frame in self.stack:
            if frame.text is not None:
                frame.text.add(lang, data)
        self.route(lang, data)

    def route(self, lang: str | None, data: str) -> None:
        if self.labels:
            self.labels[-1].add(lang, data)
        elif self.open["legend"] and self.legends and self.legends[-1] is not None:
            self.legends[-1].add(lang, data)
        elif self.open["option"] and self.selects:
            self.selects[-1].options[-1].add(lang, data)
        elif not any(self.open[t] for t in CONTROL_TEXT) and data.strip():
            self.page.notice.append((lang, data, tuple(f.id for f in self.stack if f.id)))

    # ------------------------------------------------------------ elements

    def start_other(self, values: dict[str, str]) -> None:
        return None

    def start_input(self, values: dict[str, str]) -> None:
        if values.get("type", "").lower() not in BUTTON_TYPES:
            self.add_control("input", values)

    def start_select(self, values: dict[str, str]) -> None:
        self.selects.append(self.add_control("select", values))

    def end_select(self) -> None:
        self.selects.pop()

    def start_option(self, values: dict[str, str]) -> None:
        if self.selects:
            self.selects[-1].options.append(_Text())

    def start_textarea(self, values: dict[str, str]) -> None:
        self.add_control("textarea", values)

    def add_control(self, tag: str, values: dict[str, str]) -> _Control:
        legend = next((t for t in reversed(self.legends) if t is not None), None)
        control = _Control(tag, values, self.location(), values.get("lang") or self.lang,
                           self.labels[-1] if self.labels else None, legend)
        self.page.controls.append(control)
        return control

    def start_label(self, values: dict[str, str]) -> None:
        text = _Text()
        if values.get("for"):
            self.page.for_labels.setdefault(values["for"], text)
        self.labels.append(text)

    def end_label(self) -> None:
        self.labels.pop()

    def start_fieldset(self, values: dict[str, str]) -> None:
        self.legends.append(None)

    def end_fieldset(self) -> None:
        self.legends.pop()

    def start_legend(self, values: dict[str, str]) -> None:
        if self.legends and self.legends[-1] is None:
            self.legends[-1] = _Text()

    def start_meta(self, values: dict[str, str]) -> None:
        name = values.get("name", "").strip().lower()
        if not name.startswith("formlint:"):
            return
        slot = name.removeprefix("formlint:")
        where = self.location()
        if slot not in META_SLOTS:
            close = difflib.get_close_matches(slot, META_SLOTS, n=1)
            hint = f" (did you mean 'formlint:{close[0]}'?)" if close else ""
            raise FormError(self.path, f"unknown meta name {name!r}{hint}; allowed: "
                            + ", ".join(f"formlint:{s}" for s in META_SLOTS), where.line, where.column)
        self.page.meta[slot] = (values.get("content", ""), where)
