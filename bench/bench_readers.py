#!/usr/bin/env python3
"""Readers stay linear in their input: time each hostile shape at two sizes and print
the ratio of the times (about the ratio of the sizes when linear, its square when not).

    python bench/bench_readers.py            # 1 MB and 4 MB of each shape
    python bench/bench_readers.py --small 2 --large 7.5

Shapes: XForms whose text comes in many pieces (text lines, `&amp;` entities), an
XLSForm CSV of thousands of nested groups (refused at the nesting cap), and a JSON
Schema `$ref` diamond (each definition resolved once), a Form.io form of many labels whose
words tell its language, and an HTML page whose controls and labels all share one id.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Callable

from formlint.errors import FormError
from formlint.formats import load_form

XFORM_HEAD = ('<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:head>'
              "<h:title>")
XFORM_TAIL = ('</h:title><model><instance><data id="x"><a/></data></instance></model></h:head>'
              '<h:body><input ref="/data/a"><label>A</label></input></h:body></h:html>')


def xform(unit: str) -> Callable[[float], tuple[str, bytes]]:
    def build(megabytes: float) -> tuple[str, bytes]:
        count = int(megabytes * 1024 * 1024) // len(unit)
        return "form.xml", (XFORM_HEAD + unit * count + XFORM_TAIL).encode()
    return build


def nested_groups(megabytes: float) -> tuple[str, bytes]:
    count = int(megabytes * 1024 * 1024) // 32
    text = "type,name,label\n" + "begin group,g,G\n" * count + "text,x,X\n" + "end group,,\n" * count
    return "form.csv", text.encode()


def ref_diamond(megabytes: float) -> tuple[str, bytes]:
    levels = max(2, int(megabytes * 22))
    definitions = {f"d{i}": {"type": "object", "properties": {"a": {"$ref": f"#/definitions/d{i + 1}"},
                                                              "b": {"$ref": f"#/definitions/d{i + 1}"}}}
                   for i in range(levels)}
    definitions[f"d{levels}"] = {"type": "string", "title": "Leaf"}
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "definitions": definitions,
              "properties": {"root": {"$ref": "#/definitions/d0"}}}
    return "form.json", json.dumps(schema).encode()


def formio_dutch_labels(megabytes: float) -> tuple[str, bytes]:
    """Many labels whose words tell the form's language (read once, each word looked up once)."""
    label = "Wat is de geboortedatum van uw partner of een van uw kinderen? "
    count = int(megabytes * 1024 * 1024) // (len(label) + 60)
    components = [{"type": "textfield", "key": f"k{i}", "label": label, "input": True} for i in range(count)]
    return "form.json", json.dumps({"components": components}).encode()


def html_repeated_ids(megabytes: float) -> tuple[str, bytes]:
    """Thousands of controls and labels sharing one id (each paired once, not searched);
    fewer than the 10,000-field cap at 2 MB."""
    row = '<p><label for="x">Name of the person on row {0}</label><input id="x" name="n{0}"></p>' + " " * 160
    count = int(megabytes * 1024 * 1024) // (len(row) + 4)
    return "form.html", ("<form>" + "".join(row.format(i) for i in range(count)) + "</form>").encode()


SHAPES: dict[str, Callable[[float], tuple[str, bytes]]] = {
    "xform text lines": xform("line of text\n"),
    "xform &amp; entities": xform("&amp;"),
    "xlsform nested groups": nested_groups,
    "json-schema $ref diamond": ref_diamond,
    "formio labels, language told": formio_dutch_labels,
    "html controls sharing an id": html_repeated_ids,
}


def seconds(build: Callable[[float], tuple[str, bytes]], megabytes: float) -> float:
    name, raw = build(megabytes)
    start = time.perf_counter()
    try:
        load_form(name, raw=raw)
    except FormError:
        pass  # a refusal is an answer too: what counts is how long it took
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0, help="size of the small input (MB or scale)")
    parser.add_argument("--large", type=float, default=4.0, help="size of the large input (MB or scale)")
    args = parser.parse_args()
    print(f"{'shape':28} {'small s':>8} {'large s':>8} {'ratio':>6}  (linear: {args.large / args.small:.1f})")
    for name, build in SHAPES.items():
        small, large = seconds(build, args.small), seconds(build, args.large)
        print(f"{name:28} {small:8.3f} {large:8.3f} {large / max(small, 1e-6):6.1f}")


if __name__ == "__main__":
    main()
