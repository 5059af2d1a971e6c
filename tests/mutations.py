"""Deterministic mutations of valid inputs, for the hostile-input tests.

Each mutator takes a `random.Random` and the bytes of a valid file and returns
the bytes of a broken one. Only the stdlib is used and every seed is fixed, so a
failure reproduces exactly: the test id names the file and the mutant number.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from typing import Any, Callable

Mutator = Callable[[random.Random, bytes], bytes]

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf")
INVALID_UTF8 = (b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80")
ODD_VALUES: tuple[Any, ...] = ("", None, 0, -1, 1e308, True, [], {}, [None], {"": None}, "x" * 5000,
                                "𝕏\u202e\u0000", 10**30, ["a", {"b": [1]}], "../../etc/passwd")


# Byte-level mutations: any reader.

def truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def flip_bytes(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def insert(rng: random.Random, raw: bytes, piece: bytes) -> bytes:
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + piece + raw[at:]


def nul_bytes(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, b"\x00" * rng.randint(1, 3))


def invalid_utf8(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, rng.choice(INVALID_UTF8))


def bom(rng: random.Random, raw: bytes) -> bytes:
    return rng.choice(BOMS) + raw


def long_line(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, rng.choice([b"a", b"\xe5\xa7\x93", b"@", b"9", b" ", b"\"", b"<"]) * 60_000)


def duplicate_chunk(rng: random.Random, raw: bytes) -> bytes:
    start = rng.randrange(len(raw) + 1)
    chunk = raw[start: start + rng.randint(1, 200)]
    return insert(rng, raw, chunk * rng.randint(2, 50))


BYTE_MUTATORS: tuple[Mutator, ...] = (truncate, flip_bytes, nul_bytes, invalid_utf8, bom, long_line,
                                      duplicate_chunk)


# Structured mutations: YAML and JSON documents.

def _pointers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _pointers(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _pointers(child, (*path, index))
    return found


def _replace(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new
    return doc


def type_swap(rng: random.Random, doc: Any) -> Any:
    return _replace(doc, rng.choice(_pointers(doc)), rng.choice(ODD_VALUES))


def delete_key(rng: random.Random, doc: Any) -> Any:
    mappings = [p for p in _pointers(doc) if p and isinstance(_at(doc, p[:-1]), dict)]
    if mappings:
        path = rng.choice(mappings)
        del _at(doc, path[:-1])[path[-1]]
    return doc


def deep_nesting(rng: random.Random, doc: Any) -> Any:
    value: Any = "deep"
    for _ in range(rng.choice([30, 63, 65, 200, 3000])):
        value = [value] if rng.random() < 0.5 else {"k": value}
    return _replace(doc, rng.choice(_pointers(doc)), value)


def wide_value(rng: random.Random, doc: Any) -> Any:
    new = rng.choice([["x"] * 2_000, {f"k{i}": i for i in range(1_000)}, "y" * 200_000])
    return _replace(doc, rng.choice(_pointers(doc)), new)


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


DOC_MUTATORS = (type_swap, type_swap, type_swap, delete_key, delete_key, deep_nesting, wide_value)


def mutate_document(rng: random.Random, raw: bytes, as_json: bool) -> bytes | None:
    """Parse `raw` (YAML or JSON), change it structurally and dump it again."""
    import yaml

    try:
        doc = json.loads(raw) if as_json else yaml.safe_load(raw)
    except (ValueError, yaml.YAMLError):
        return None
    doc = rng.choice(DOC_MUTATORS)(rng, doc)
    try:
        text = json.dumps(doc, ensure_ascii=False) if as_json else yaml.safe_dump(doc, allow_unicode=True)
    except RecursionError:
        return None  # too deep for the dumper: the byte-level nesting mutator covers it
    return text.encode("utf-8")


YAML_SNIPPETS = (
    b"&a key: value\n",
    b"? [a, b]\n: value\n",
    b"<<: {purpose: x}\n",
    b"<<: *nowhere\n",
    b"base: &b {label: x}\nother:\n  <<: *b\n",
    b"x: !!python/object/apply:os.system ['echo pwned']\n",
    b"x: !!binary aGVsbG8=\n",
    b"x: !custom 1\n",
    b"x: !!timestamp 2001-12-14\n",
    b"---\nsecond: doc\n",
    b"...\n",
    b"%YAML 1.1\n---\n",
    b"a: &a [*a]\n",
    b"a: &a ['x','x']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e]\n",
    b"x: 1e999\n",
    b"x: 0x1F\n",
    b"x: 1_000_\n",
    b"x: .inf\n",
    b"x: -.nan\n",
    b"x: 0o17\n",
    b"x: 190:20:30\n",
    b"x: 2001-12-14t21:59:43.10-05:00\n",
    b"{[1]: 2}\n",
    b"\t- tab\n",
    b"x: \"\\ud800\"\n",
    b"x: \"\\x00\"\n",
    b"? |\n  block key\n: v\n",
)


def yaml_oddity(rng: random.Random, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    at = rng.randrange(len(lines) + 1)
    snippet = rng.choice(YAML_SNIPPETS)
    if rng.random() < 0.5:  # keep the snippet's own indentation or take the line's
        indent = lines[at - 1][: len(lines[at - 1]) - len(lines[at - 1].lstrip())] if at else b""
        snippet = b"\n".join(indent + s for s in snippet.split(b"\n"))
    return b"\n".join([*lines[:at], snippet, *lines[at:]])


def nest_text(rng: random.Random, raw: bytes) -> bytes:
    depth = rng.choice([65, 500, 100_000])
    opener, closer = rng.choice([(b"[", b"]"), (b"{a: ", b"}"), (b"{\"a\": ", b"}")])
    return opener * depth + b"1" + closer * depth


JSON_SNIPPETS = (b"NaN", b"Infinity", b"-Infinity", b"1e999", b"\"\\ud800\"", b"\"\\u0000\"",
                 b"{\"a\":1,\"a\":2}", b"[", b"}", b"/* c */", b"\"a\" \"b\"", b"123456789" * 500,
                 b"[" * 100_000 + b"]" * 100_000)


def json_oddity(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, rng.choice(JSON_SNIPPETS))


TOML_SNIPPETS = (
    b"a = " + b"[" * 2000 + b"]" * 2000, b"a = " + b"{b = " * 70 + b"1" + b"}" * 70, b"[tool.formlint]",
    b"[[tool.formlint]]", b"policy = 1979-05-27T07:32:00Z", b"policy = 1979-02-30", b"select = \"DM\"",
    b"x = 1e99999", b"policy = " + b"9" * 5000, b"a.b.c.d = 1", b"per-file-ignores = 3", b"\"\\ud800\" = 1",
    b"policy-map = {\"*\" = {}}", b"lang = [\"zh\"]", b"exclude = [1, [2]]", b"x = '''", b"[tool]\nformlint = 1",
)


def toml_oddity(rng: random.Random, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    at = rng.randrange(len(lines) + 1)
    return b"\n".join([*lines[:at], rng.choice(TOML_SNIPPETS), *lines[at:]])


# Markup mutations: XML (XForm, xlsx parts) and HTML.

MARKUP_SNIPPETS = (
    b"<unclosed>", b"</stray>", b"<![CDATA[ <input name=x> ]]>", b"<!-- comment -- -->",
    b"<?php echo 1; ?>", b"<?xml-stylesheet href='x'?>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    b"<!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;'>"
    b"<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;'>]><lolz>&lol3;</lolz>",
    b"&undefined;", b"&#0;", b"&#x110000;", b"<a b='1' b='2'>", b"<input name='\x00'>",
    b"<script>document.write('<input name=y>')</script>", b"<svg><foreignObject><input></svg>",
    b"<select name=s>" + b"<option>o" * 2000 + b"</select>", b"<input " + b"a " * 5000 + b">",
    b"<textarea name=t>", b"<label for=", b"<form><form><form>", b"{{ x }}{% if %}<%= y %>",
    b"<div>" * 5000,
)


def markup_oddity(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, rng.choice(MARKUP_SNIPPETS))


def unclose(rng: random.Random, raw: bytes) -> bytes:
    closers = [i for i in range(len(raw)) if raw.startswith(b"</", i)]
    if not closers:
        return truncate(rng, raw)
    at = rng.choice(closers)
    end = raw.find(b">", at)
    return raw[:at] + raw[end + 1:] if end > 0 else raw[:at]


# Delimited text: XLSForm CSV and markdown tables.

def ragged(rng: random.Random, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    at = rng.randrange(len(lines))
    sep = b"|" if b"|" in lines[at] else b","
    cells = lines[at].split(sep)
    cells = cells[: rng.randrange(len(cells) + 1)] if rng.random() < 0.5 else cells + [b"extra"] * rng.randint(1, 40)
    lines[at] = sep.join(cells)
    return b"\n".join(lines)


def quotes(rng: random.Random, raw: bytes) -> bytes:
    return insert(rng, raw, rng.choice([b"\"", b"\"\"\"", b"\"a,b\"", b"'", b"\"\n\"", b"\\|", b"`"]))


def drop_header(rng: random.Random, raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    keep = [line for line in lines if b"type" not in line.lower()]
    return b"\n".join(keep if rng.random() < 0.5 else lines[rng.randint(1, 3):])


def wide_table(rng: random.Random, raw: bytes) -> bytes:
    return raw + (b"\n" + b"text,x,y" * 3000) * rng.randint(1, 3)


# Spreadsheet archives.

def _rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_member(rng: random.Random, raw: bytes) -> bytes:
    """Break one part of the workbook: drop it, truncate it, or fill it with noise."""
    members = _members(raw)
    name = rng.choice(sorted(members))
    choice = rng.randrange(5)
    if choice == 0:
        del members[name]
    elif choice == 1:
        members[name] = truncate(rng, members[name])
    elif choice == 2:
        members[name] = markup_oddity(rng, members[name])
    elif choice == 3:
        members[name] = flip_bytes(rng, members[name])
    else:
        members[name] = rng.choice([b"", b"\x00" * 100, b"<x>" * 100_000])
    return _rezip(members)


def zip_bomb(rng: random.Random, raw: bytes) -> bytes:
    members = _members(raw)
    sheets = sorted(n for n in members if n.startswith("xl/worksheets/")) or sorted(members)
    members[rng.choice(sheets)] = b" " * rng.choice([5_000_000, 101 * 1024 * 1024])  # the cap is 100 MB
    return _rezip(members)


def many_cells(rng: random.Random, raw: bytes) -> bytes:
    members = _members(raw)
    sheets = sorted(n for n in members if n.startswith("xl/worksheets/"))
    if not sheets:
        return raw
    rows = b"".join(b"<row r='%d'><c r='A%d' t='inlineStr'><is><t>x</t></is></c></row>" % (i, i)
                    for i in range(1, 2_000))
    far = rng.choice([b"", b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>"])  # a sparse giant grid
    members[rng.choice(sheets)] = (b"<?xml version='1.0'?><worksheet xmlns='http://schemas.openxmlformats.org/"
                                   b"spreadsheetml/2006/main'><sheetData>" + rows + far + b"</sheetData></worksheet>")
    return _rezip(members)


def not_a_zip(rng: random.Random, raw: bytes) -> bytes:
    return rng.choice([b"PK\x03\x04" + raw[4:200], b"", b"PK", raw[: len(raw) // 2], b"\xd0\xcf\x11\xe0" + raw[4:]])


ZIP_MUTATORS: tuple[Mutator, ...] = (zip_member, zip_member, zip_member, zip_member, zip_bomb, many_cells,
                                     not_a_zip, truncate, flip_bytes)
MARKUP_MUTATORS: tuple[Mutator, ...] = (*BYTE_MUTATORS, markup_oddity, markup_oddity, markup_oddity, unclose)
TABLE_MUTATORS: tuple[Mutator, ...] = (*BYTE_MUTATORS, ragged, ragged, quotes, drop_header, wide_table)
TEXT_MUTATORS: tuple[Mutator, ...] = (*BYTE_MUTATORS, yaml_oddity, yaml_oddity, yaml_oddity, nest_text)
TOML_MUTATORS: tuple[Mutator, ...] = (*BYTE_MUTATORS, toml_oddity, toml_oddity, toml_oddity, toml_oddity)


def mutants(name: str, raw: bytes, count: int, seed: int) -> list[bytes]:
    """`count` broken variants of the file `name` (its suffix picks the mutators)."""
    rng = random.Random(seed)
    suffix = name.rsplit(".", 1)[-1].lower()
    found: list[bytes] = []
    while len(found) < count:
        variant = _one(rng, suffix, raw)
        if variant is not None and variant != raw:
            found.append(variant)
    return found


def _one(rng: random.Random, suffix: str, raw: bytes) -> bytes | None:
    if suffix in ("xlsx", "xlsm"):
        return rng.choice(ZIP_MUTATORS)(rng, raw)
    if suffix in ("yaml", "yml", "json") and rng.random() < 0.5:
        return mutate_document(rng, raw, suffix == "json")
    if suffix == "json" and rng.random() < 0.3:
        return json_oddity(rng, raw)
    table = {"csv": TABLE_MUTATORS, "md": TABLE_MUTATORS, "xml": MARKUP_MUTATORS, "yaml": TEXT_MUTATORS,
             "yml": TEXT_MUTATORS, "json": TEXT_MUTATORS, "toml": TOML_MUTATORS}
    return rng.choice(table.get(suffix, MARKUP_MUTATORS))(rng, raw)
