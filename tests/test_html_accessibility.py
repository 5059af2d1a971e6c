"""An automated accessibility check of the HTML report and the `formlint serve` page,
written as assertions over the rendered HTML (parsed with the standard library): the
document has a language, every control and image has a name, headings do not skip a
level, tables have captions and header cells, ids are unique and referenced ids exist,
and severities and verdicts are written in words beside their colour."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SAMPLES, run_formlint

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CONTROLS = {"input", "select", "textarea"}
COLOURED = ("badge", "swatch")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return "".join(self.text) + "".join(child.all_text() for child in self.children)

    def walk(self) -> "list[Node]":
        return [self, *(node for child in self.children for node in child.walk())]

    def ancestors(self) -> "list[Node]":
        return [self.parent, *self.parent.ancestors()] if self.parent else []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Tree(HTMLParser):
    """The document as nodes, enough to ask accessibility questions of it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        open_node: Node | None = self.current
        while open_node is not None and open_node.tag != tag:
            open_node = open_node.parent
        if open_node is not None and open_node.parent is not None:
            self.current = open_node.parent

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)

    def nodes(self, *tags: str) -> list[Node]:
        return [node for node in self.root.walk() if node.tag in tags]


def problems(html: str) -> list[str]:
    """Every accessibility problem found in `html`, one line each."""
    tree = Tree(html)
    ids = [node.attrs["id"] for node in tree.root.walk() if "id" in node.attrs]
    found = [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    found += ["<html> without lang" for node in tree.nodes("html") if not node.attrs.get("lang")]
    found += unnamed_controls(tree, set(ids)) + unnamed_images(tree, set(ids)) + heading_jumps(tree)
    found += table_problems(tree) + colour_only(tree) + dangling_references(tree, set(ids))
    found += [f"link without text to {a.attrs.get('href')}" for a in tree.nodes("a")
              if not a.all_text().strip() and not a.attrs.get("aria-label")]
    return found


def named_by(node: Node, ids: set[str]) -> bool:
    return bool(node.attrs.get("aria-label", "").strip()) or any(
        ref in ids for ref in node.attrs.get("aria-labelledby", "").split())


def unnamed_controls(tree: Tree, ids: set[str]) -> list[str]:
    labelled = {label.attrs["for"] for label in tree.nodes("label") if "for" in label.attrs}
    return [f"<{node.tag} id={node.attrs.get('id')!r}> without a label" for node in tree.nodes(*CONTROLS)
            if node.attrs.get("type") != "hidden" and node.attrs.get("id") not in labelled
            and not named_by(node, ids) and not any(up.tag == "label" for up in node.ancestors())]


def unnamed_images(tree: Tree, ids: set[str]) -> list[str]:
    found = [f"<img src={node.attrs.get('src')!r}> without alt" for node in tree.nodes("img")
             if "alt" not in node.attrs]
    for svg in tree.nodes("svg"):
        hidden = svg.attrs.get("aria-hidden") == "true"
        titled = any(child.tag == "title" and child.all_text().strip() for child in svg.children)
        if not hidden and not (named_by(svg, ids) or titled):
            found.append("<svg> without an accessible name")
    found += [f"<iframe id={node.attrs.get('id')!r}> without a title" for node in tree.nodes("iframe")
              if not node.attrs.get("title", "").strip()]
    return found


def heading_jumps(tree: Tree) -> list[str]:
    levels = [int(node.tag[1]) for node in tree.nodes("h1", "h2", "h3", "h4", "h5", "h6")]
    found = [] if levels[:1] == [1] and levels.count(1) == 1 else [f"headings start {levels[:3]}, want one h1 first"]
    return found + [f"heading h{b} after h{a}" for a, b in zip(levels, levels[1:]) if b > a + 1]


def table_problems(tree: Tree) -> list[str]:
    found = []
    for table in tree.nodes("table"):
        inside = table.walk()
        if not any(node.tag == "caption" and node.all_text().strip() for node in inside):
            found.append("table without a caption")
        if not any(node.tag == "th" for node in inside):
            found.append("table without header cells")
        found += [f"<th> {node.all_text().strip()!r} without scope" for node in inside
                  if node.tag == "th" and node.attrs.get("scope") not in ("col", "row", "colgroup", "rowgroup")]
    return found


def colour_only(tree: Tree) -> list[str]:
    """A badge's colour always comes with its words; a swatch is hidden from
    assistive technology and has its words right beside it; a chart, whose bars
    differ by colour, has its numbers as a table in the same figure."""
    found = [f"chart {figure.attrs.get('aria-labelledby')!r} without a data table" for figure in tree.nodes("figure")
             if any(n.tag == "svg" for n in figure.walk()) and not any(n.tag == "table" for n in figure.walk())]
    for node in tree.root.walk():
        kind = node.classes() & set(COLOURED)
        if "badge" in kind and not node.all_text().strip():
            found.append(f"badge {sorted(node.classes())} without words")
        if "swatch" in kind and (node.attrs.get("aria-hidden") != "true" or not node.parent or
                                 not node.parent.all_text().strip()):
            found.append(f"swatch {sorted(node.classes())} without words beside it")
    return found


def dangling_references(tree: Tree, ids: set[str]) -> list[str]:
    found = []
    for node in tree.root.walk():
        for name in ("aria-labelledby", "aria-describedby", "for"):
            found += [f"{name}={ref!r} names no element" for ref in node.attrs.get(name, "").split() if ref not in ids]
        href = node.attrs.get("href", "") if node.tag == "a" else ""
        if href.startswith("#") and len(href) > 1 and href[1:] not in ids:
            found.append(f"link to missing #{href[1:]}")
    return found


HOSTILE = """\
title: "<h1>Injected heading</h1>"
purpose: return-to-community
fields:
  - key: name
    label: "<img src=x> <input id=x> name"
  - key: blood
    label: blood type
"""


def report_of(*args: str) -> str:
    result = run_formlint("check", "--exit-zero", "--output-format", "html", *args)
    assert result.stdout.startswith("<!DOCTYPE html>"), result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_of_the_samples_passes_the_accessibility_check(lang: str) -> None:
    assert problems(report_of("--lang", lang, str(SAMPLES))) == []


def test_a_report_with_unreadable_files_and_hostile_text_passes_the_accessibility_check(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("fields: [\n", "utf-8")
    (tmp_path / "hostile.yaml").write_text(HOSTILE, "utf-8")
    html = report_of(str(tmp_path))
    assert 'data-stat="unreadable">1<' in html and "Injected heading" in html
    assert problems(html) == []


def test_the_serve_page_passes_the_accessibility_check() -> None:
    pytest.importorskip("jinja2")
    from formlint.serve.checking import server_setup
    from formlint.serve.page import render_page

    for lang in ("en", "zh"):
        assert problems(render_page(server_setup((), lang, 10**6), lang)) == []


@pytest.mark.parametrize("sound, broken, problem", [
    ('<html lang="en">', "<html>", "<html> without lang"),
    ('<label for="policy">', "<label>", "without a label"),
    ('<h2 id="howto-heading">', '<h3 id="howto-heading">', "heading h3 after h1"),
    ('<span class="swatch f-error" aria-hidden="true"></span>', '<span class="swatch f-error"></span>', "swatch"),
    ('<caption class="visually-hidden">', "<span>", "table without a caption"),
    ('<a href="#rule-DM102">DM102</a>', '<a href="#rule-DM102"></a>', "link without text"),
    ('<span class="badge s-error">', '<span class="badge s-error"></span><span>', "badge"),
])
def test_the_check_finds_what_it_looks_for(sound: str, broken: str, problem: str) -> None:
    """Each check fails once its fault is put into a page that passes it, so a clean
    result means something."""
    from formlint.serve.checking import server_setup
    from formlint.serve.page import render_page

    report = report_of(str(SAMPLES / "qingdao-property-return.yaml"))
    html = report if sound in report else render_page(server_setup((), "en", 10**6), "en")
    assert sound in html
    assert not any(problem in line for line in problems(html))
    assert any(problem in line for line in problems(html.replace(sound, broken)))


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of `#rrggbb`."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_badge_words_meet_wcag_aa_contrast_on_their_colour() -> None:
    """Severity and verdict badges (`.s-*`, `.v-*`) as the report's stylesheet colours them."""
    import re

    from formlint.reporters.html import asset

    rule = r"\.([sv]-[a-z_]+) \{ color: (#[0-9a-f]{6}); background: (#[0-9a-f]{6}); \}"
    badges = re.findall(rule, asset("report.css"))
    assert {name for name, _, _ in badges} >= {"s-error", "s-warning", "s-info", "v-sensitive_excess", "v-necessary"}
    assert [name for name, ink, paper in badges if contrast(ink, paper) < 4.5] == []
    assert contrast("#000000", "#ffffff") == pytest.approx(21)


def test_chart_fills_meet_wcag_non_text_contrast_on_the_page() -> None:
    """Bars and legend swatches (`.f-*`) are graphical objects: 3:1 against the white page (WCAG 1.4.11)."""
    import re

    from formlint.reporters.html import asset

    fills = re.findall(r"(?:svg|span)\.(f-[a-z_]+) \{ (?:fill|background): (#[0-9a-f]{6}); \}", asset("report.css"))
    assert {name for name, _ in fills} >= {"f-error", "f-warning", "f-info", "f-optional", "f-necessary", "f-excess"}
    assert sorted({name for name, colour in fills if contrast(colour, "#ffffff") < 3}) == []
