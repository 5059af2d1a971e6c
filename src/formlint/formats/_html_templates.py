"""Template code blanked out of server templates, every line and column kept.

`{{ … }}`, `{% … %}`, `{# … #}`, `<% … %>`, `${ … }`, `#{ … }`, `{!! … !!}`, `<?php … ?>`,
`<?= … ?>`, `<? … ?>` and Blade `@directives(…)` become spaces (newlines kept), so template
code never breaks the markup nor reads as a label. Markup that PHP writes out
(`echo "<input name='x'>"`) is what the browser gets, so string literals in PHP blocks that
hold a tag are kept in place. Every scan moves forward: an opener whose closer never comes is
text, and so is every later opener of its kind, instead of a search from each of them.
"""

from __future__ import annotations

import re

_OPENER = re.compile(r"<%|<\?(?:php\b|=|(?=\s))|\{\{|\{%|\{#|\{!!|\$\{|#\{")
_CLOSER = {"<%": "%>", "{{": "}}", "{%": "%}", "{#": "#}", "{!!": "!!}", "${": "}", "#{": "}"}
_PHP_CLOSER = "?>"
_NOT_NEWLINE = re.compile(r"[^\n]")
# Blade directives: @name, then optional arguments in parentheses (one level of nesting).
_DIRECTIVE = re.compile(r"(?<![\w@.])@[A-Za-z]+[ \t]*")
_DIRECTIVE_ARGS = re.compile(r"\((?:[^()\n]|\([^()\n]*\))*\)")
# PHP string literals, and what inside a double-quoted one is interpolated.
_QUOTE = re.compile(r"[\"']")
_STRING_REST = {'"': re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL), "'": re.compile(r"(?:[^'\\]|\\.)*'", re.DOTALL)}
_INTERPOLATION = re.compile(r"\{\$[^}\n]*\}|\$[A-Za-z_][\w]*(?:->\w+|\[[^\]\n]*\])*")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z/!]")


def blank_templates(text: str, blade: bool = False) -> str:
    """Template code replaced by spaces (newlines kept), so positions stay true."""
    text = _blank_delimited(text)
    return _blank_directives(text) if blade else text


def spaces(code: str) -> str:
    return _NOT_NEWLINE.sub(" ", code)


def _blank_delimited(text: str) -> str:
    parts: list[str] = []
    unclosed: set[str] = set()
    done = search_from = 0
    while (match := _OPENER.search(text, search_from)) is not None:
        opener = match.group()
        kind = opener if opener in _CLOSER else "<?"
        end = _block_end(text, kind, match.end()) if kind not in unclosed else -1
        if end < 0:
            unclosed.add(kind)
            search_from = match.start() + 1
            continue
        block = text[match.start():end]
        parts += [text[done:match.start()], _php_output(block) if kind == "<?" else spaces(block)]
        done = search_from = end
    return "".join(parts) + text[done:]


def _block_end(text: str, kind: str, start: int) -> int:
    """Where the block opened by `kind` ends, or -1 when it is never closed (PHP may run to the end)."""
    closer = _CLOSER.get(kind, _PHP_CLOSER)
    at = text.find(closer, start)
    if at < 0:
        return len(text) if closer == _PHP_CLOSER else -1
    return at + len(closer)


def _php_output(block: str) -> str:
    """A PHP block blanked except the markup its string literals hold; a string that never
    closes ends the scan (the rest is blanked), so the block is read once."""
    out: list[str] = []
    done = at = 0
    while (quote := _QUOTE.search(block, at)) is not None:
        rest = _STRING_REST[quote.group()].match(block, quote.end())
        if rest is None:
            break
        body = block[quote.end():rest.end() - 1]
        at = rest.end()
        if _TAG.search(body) is None:
            continue
        out += [spaces(block[done:quote.end()]), _string_markup(body, quote.group()), " "]
        done = at
    out.append(spaces(block[done:]))
    return "".join(out)


def _string_markup(body: str, quote: str) -> str:
    """A string literal's text as the browser receives it, each character in its place:
    escapes keep their character (padded with a space), interpolated variables are blanked."""
    if quote == '"':
        body = _INTERPOLATION.sub(lambda m: spaces(m.group()), body)
    return _ESCAPE.sub(lambda m: " " + (m.group(1) if m.group(1) in "\"'\\$" else " "), body)


def _blank_directives(text: str) -> str:
    """Blank Blade directives. Arguments are matched on their own line; once a directive's
    arguments fail to close on a line, later directives on that line are taken without
    arguments, so no stretch of a line is scanned twice."""
    parts: list[str] = []
    done = 0
    no_args_before = -1
    for directive in _DIRECTIVE.finditer(text):
        if directive.start() < done:
            continue
        end = directive.end()
        if end > no_args_before and text.startswith("(", end):
            args = _DIRECTIVE_ARGS.match(text, end)
            if args is not None:
                end = args.end()
            else:
                line_end = text.find("\n", end)
                no_args_before = len(text) if line_end < 0 else line_end
        parts += [text[done:directive.start()], spaces(text[directive.start():end])]
        done = end
    return "".join(parts) + text[done:]
