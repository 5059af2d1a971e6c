"""A linear-time HTML tokenizer: start tags, end tags and text, each with its offset.

It follows the HTML tokenizer's rules where they decide what a person sees (comments,
`<!…>` and `<?…>` are skipped up to the next `>`, `script`/`style` hold raw text,
`textarea`/`title` hold text without markup, an unclosed comment, quote or tag runs to
the end of the file) and never looks at a character twice except to skip blanks: every
step either consumes what it scanned or ends the input. Python's `html.parser` rescans
unfinished constructs, which is quadratic on input such as thousands of `<!--` or
unclosed attribute values; this module has no such path. Nothing is fetched or run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from formlint.model import Location

# Where markup may start: "<" followed by a letter, "!", "/" or "?". Any other "<" is text.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_BLANKS = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"=?[^\s/>=]*")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
# Elements whose content is text up to their own end tag: raw (no character references)
# or escapable (character references decoded, no markup).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
ESCAPABLE_TEXT = frozenset({"textarea", "title"})
_END_OF: dict[str, re.Pattern[str]] = {}


@dataclass(frozen=True)
class StartTag:
    name: str
    attrs: dict[str, str]
    offset: int
    self_closing: bool = False


@dataclass(frozen=True)
class EndTag:
    name: str
    offset: int


@dataclass(frozen=True)
class Text:
    data: str
    offset: int


Token = StartTag | EndTag | Text


def tokens(text: str) -> Iterator[Token]:
    """The tokens of `text`, in order; each scan advances past what it read."""
    at, size = 0, len(text)
    while at < size:
        found = _MARKUP.search(text, at)
        start = found.start() if found is not None else size
        if start > at:
            yield Text(_unescape(text[at:start]), at)
        if found is None:
            return
        token, at = _markup(text, start)
        if token is None:
            continue
        yield token
        if isinstance(token, StartTag) and token.name in RAW_TEXT | ESCAPABLE_TEXT:
            end = _raw_text_end(text, token.name, at)
            if end > at:
                data = text[at:end]
                yield Text(data if token.name in RAW_TEXT else _unescape(data), at)
            at = end


def _markup(text: str, start: int) -> tuple[Token | None, int]:
    """The token that starts at `start` (a "<" followed by a letter, !, / or ?) and where it ends."""
    second = text[start + 1]
    if second == "!":
        if text.startswith("<!--", start):
            return None, _comment_end(text, start + 4)
        return None, _after_gt(text, start + 2)
    if second == "?":
        return None, _after_gt(text, start + 2)
    if second == "/":
        name = _TAG_NAME.match(text, start + 2)
        if name is None:
            return None, start + 3 if text.startswith("</>", start) else _after_gt(text, start + 2)
        _, end, _ = _attributes(text, name.end())
        return (EndTag(name.group().lower(), start) if end > 0 else None), abs(end)
    name = _TAG_NAME.match(text, start + 1)
    assert name is not None  # _MARKUP guarantees a letter
    attrs, end, self_closing = _attributes(text, name.end())
    if end < 0:
        return None, -end  # a tag cut off by the end of the file is dropped, as browsers do
    return StartTag(name.group().lower(), attrs, start, self_closing), end


def _attributes(text: str, at: int) -> tuple[dict[str, str], int, bool]:
    """Attributes from `at` to the tag's closing ">": (attributes, end, self-closing), the end
    negated when the file ends first (an attribute value whose quote never closes runs on)."""
    attrs: dict[str, str] = {}
    size = len(text)
    while True:
        blanks = _BLANKS.match(text, at)
        assert blanks is not None
        at = blanks.end()
        if at >= size:
            return attrs, -size, False
        if text[at] == ">":
            return attrs, at + 1, text[at - 1] == "/"
        name_match = _ATTR_NAME.match(text, at)
        assert name_match is not None
        name, at = name_match.group().lower(), name_match.end()
        value, at = _value(text, at)
        if at > size:
            return attrs, -size, False
        attrs.setdefault(name, value)


def _value(text: str, at: int) -> tuple[str, int]:
    """An attribute's value after its name (empty when it has none); past the end when unclosed."""
    equals = _EQUALS.match(text, at)
    if equals is None:
        return "", at
    at = equals.end()
    if at < len(text) and text[at] in "\"'":
        close = text.find(text[at], at + 1)
        if close < 0:
            return "", len(text) + 1
        return _unescape(text[at + 1:close]), close + 1
    unquoted = _UNQUOTED.match(text, at)
    assert unquoted is not None
    return _unescape(unquoted.group()), unquoted.end()


def _comment_end(text: str, at: int) -> int:
    """After a comment's "-->" ("<!-->" and "<!--->" are empty comments); else the end."""
    for empty in (">", "->"):
        if text.startswith(empty, at):
            return at + len(empty)
    close = text.find("-->", at)
    return len(text) if close < 0 else close + 3


def _after_gt(text: str, at: int) -> int:
    close = text.find(">", at)
    return len(text) if close < 0 else close + 1


def _raw_text_end(text: str, name: str, at: int) -> int:
    """Where a raw-text element's content ends: its end tag, else the end of the file."""
    pattern = _END_OF.get(name)
    if pattern is None:
        pattern = _END_OF[name] = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE)
    found = pattern.search(text, at)
    return len(text) if found is None else found.start()


def _unescape(data: str) -> str:
    return html.unescape(data) if "&" in data else data


class Lines:
    """Offsets to 1-based line and column, for offsets asked in increasing order (linear);
    an earlier offset is counted from the start again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1
        self.line_start = 0

    def location(self, offset: int) -> Location:
        if offset < self.offset:
            self.offset, self.line, self.line_start = 0, 1, 0
        self.line += self.text.count("\n", self.offset, offset)
        newline = self.text.rfind("\n", self.offset, offset)
        if newline >= 0:
            self.line_start = newline + 1
        self.offset = offset
        return Location(self.line, offset - self.line_start + 1)
