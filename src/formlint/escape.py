"""Escaping untrusted text where it is written: one function per kind of output.

Labels, keys, notices, file names and configuration values come from people
formlint does not trust. Written raw, a newline forges a line (a GitHub workflow
command such as `::error …` on stderr), an ESC sequence recolours or hides text in
a terminal (OSC 8 draws links), U+0001 makes XML ill-formed and `<img>` or
`</details>` draws into a pull-request comment. Reporters and the CLI pass every
such string through the function for the output they write:

- `terminal`, `terminal_path`, `terminal_lines`: human text (full, concise,
  stderr lines, listings)
- `github_data`, `github_property`: GitHub Actions workflow commands
- `xml`: text and attribute values given to an XML serialiser (JUnit)
- `markdown`, `code_span`, `html`: Markdown inline text, code spans, HTML blocks
- `html_text`: values printed by the HTML report's templates
- `json_text`: a JSON document about to be written

Unsafe characters are shown, not dropped, so a reviewer sees that they are there:
a newline becomes the two characters `\\n`, ESC becomes `\\x1b`.
"""

from __future__ import annotations

import html as _html
import re
from functools import lru_cache

# What may not reach any output raw: C0 controls, DEL, C1 controls, bidirectional
# overrides and isolates (they reorder what a reviewer reads), line and paragraph
# separators, lone surrogates (undecodable file names, JSON "\ud800") and the XML
# non-characters U+FFFE and U+FFFF.
_BEYOND_C0 = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
_UNSAFE = "\x00-\x1f" + _BEYOND_C0
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Characters Markdown (CommonMark + GitHub's extensions) gives a meaning to; each is
# shown literally when preceded by a backslash. `:`, `.` and `@` start autolinks,
# emoji shortcodes and lists, `$` maths; the HTML characters become entities instead.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:@$])")


@lru_cache(maxsize=None)
def _unsafe() -> re.Pattern[str]:
    return re.compile(f"[{_UNSAFE}]")


@lru_cache(maxsize=None)
def _unsafe_beyond_c0() -> re.Pattern[str]:
    return re.compile(f"[{_BEYOND_C0}]")


def _shown(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Every unsafe character as a visible escape (`\\n`, `\\x1b`, `\\u202e`)."""
    return _unsafe().sub(_shown, text)


def terminal(text: str) -> str:
    """Text for a terminal or a log: one line, no escape sequences."""
    return visible(text)


def terminal_lines(text: str) -> str:
    """A listing formlint laid out in lines, with every line made `terminal`-safe."""
    return "\n".join(terminal(line) for line in text.split("\n"))


def terminal_path(path: str) -> str:
    """A file name at the start of a terminal line. A relative name that begins with
    `:` or blank space would let the line read as a workflow command (`::error …`)
    to a CI runner that trims lines; `./` in front names the same file."""
    shown = visible(path)
    if shown[:1] == ":" or (shown[:1].isspace()):
        return f"./{shown}"
    return shown


def github_data(text: str) -> str:
    """The message of a workflow command (actions/toolkit's escapeData)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (actions/toolkit's escapeProperty)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def xml(text: str) -> str:
    """Text an XML serialiser can write as well-formed XML 1.0, one line: the
    characters XML cannot hold (U+0001, ESC) and line breaks shown visibly."""
    return visible(text)


def html(text: str) -> str:
    """Text inside an HTML block (a `<details>` summary): entities, one line."""
    return _html.escape(visible(text), quote=True)


def html_text(text: str) -> str:
    """Text for an HTML page (a template's printed value): entities for the HTML
    characters, unsafe characters shown visibly, line breaks kept as `&#10;` so
    that preformatted text still breaks but no raw line reaches the page's source
    (a page printed to a CI log cannot start a workflow command)."""
    shown = _unsafe().sub(lambda m: m.group(0) if m.group(0) in "\t\n" else _shown(m), text)
    # The entities Jinja's autoescape writes, so a page reads the same either way.
    return (shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
            .replace("'", "&#39;").replace("\n", "&#10;"))


def markdown(text: str) -> str:
    """Inline Markdown text (a table cell, a list item) that renders as exactly
    these characters: no HTML element, link, emphasis, table cell or line break.
    `@` is followed by a zero-width joiner so a label cannot mention people."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", visible(text))
    return _html.escape(escaped, quote=True).replace("@", "@\u2060")


def code_span(text: str) -> str:
    """A Markdown code span around `text`, safe inside a table cell: the fence is
    longer than any run of backticks inside, and pipes are escaped (GitHub splits
    cells before it reads code spans)."""
    shown = visible(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith(("`", " ")) or shown.endswith(("`", " ")) or not shown else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def json_text(document: str) -> str:
    """A serialised JSON document (`ensure_ascii=False`) that can be written as
    UTF-8 and read safely in a log: lone surrogates, C1 controls, separators and
    bidirectional controls (json.dumps already escapes C0) become `\\uXXXX`
    escapes. They only occur inside strings, so the document parses to the same
    strings."""
    return _unsafe_beyond_c0().sub(lambda m: f"\\u{ord(m.group(0)):04x}", document)
