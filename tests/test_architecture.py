"""The shape of the code: no module of formlint imports, directly or through
others, a module that imports it back. Imports inside functions and under
TYPE_CHECKING count too: they hide a cycle from the interpreter, not from a reader."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SOURCE = ROOT / "src"


def module_files() -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, whether it is a package's __init__)."""
    modules = {}
    for path in (SOURCE / "formlint").rglob("*.py"):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if package else parts)] = (path, package)
    return modules


def imported(tree: ast.AST, here: str, modules: dict[str, tuple[Path, bool]]) -> set[str]:
    """The formlint modules a module's source names in any import statement."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, here)
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else _known(base, modules)
                         for alias in node.names)
    return {name for name in found if name.startswith("formlint")} - {here}


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
    return f"{parent}.{node.module}" if node.module else parent


def _known(name: str, modules: dict[str, tuple[Path, bool]]) -> str:
    """The module itself, or the closest package that exists (a name imported from it)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    graph = {}
    for name, (path, package) in modules.items():
        here = name if package else name.rpartition(".")[0]
        graph[name] = imported(ast.parse(path.read_text("utf-8")), here, modules)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_graph_sees_imports_inside_functions() -> None:
    modules = {"formlint": (Path(), True), "formlint.pipeline": (Path(), False)}
    tree = ast.parse("def f():\n    from formlint.pipeline import check_form\n")
    assert imported(tree, "formlint", modules) == {"formlint.pipeline"}


def test_formlint_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "formlint.model" in graph and graph["formlint.reporters.json_report"]
    assert cycles(graph) == []


def test_reporters_and_rules_do_not_import_upward() -> None:
    upward = ("formlint.pipeline", "formlint.settings", "formlint.cli", "formlint.config")
    for name, targets in import_graph().items():
        if name.startswith(("formlint.reporters", "formlint.rules", "formlint.model")):
            assert not [t for t in targets if t.startswith(upward)], name


def test_public_class_names_say_one_thing() -> None:
    """A class name in a public module names one class: `Settings` is the run's
    settings, not also what `formlint serve` was started with."""
    seen: dict[str, list[str]] = {}
    for name, (path, _) in module_files().items():
        if any(part.startswith("_") and part != "__init__" for part in name.split(".")):
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                seen.setdefault(node.name, []).append(name)
    assert {cls: where for cls, where in seen.items() if len(where) > 1} == {}
