"""No import cycle among the modules of `cleaner`: every import counts (lazy ones in a function
too), except those only type checkers see (`if TYPE_CHECKING:`)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cleaner"
KNOWN: list[set[str]] = []


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


class _Imports(ast.NodeVisitor):
    def __init__(self, package: str) -> None:
        self.package, self.found = package, set()

    def visit_If(self, node: ast.If) -> None:
        if "TYPE_CHECKING" not in ast.unparse(node.test):
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.found.update(alias.name for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            parent = self.package.split(".")[:len(self.package.split(".")) - node.level + 1]
            base = ".".join([*parent, *([node.module] if node.module else [])])
        self.found.add(base)
        self.found.update(f"{base}.{alias.name}" for alias in node.names)


def imports_of(name: str, path: Path, names: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    visitor = _Imports(package)
    visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    found = set()
    for imported in visitor.found:
        while imported and imported not in names:
            imported = imported.rpartition(".")[0]
        if imported and imported != name:
            found.add(imported)
    return found


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module."""
    reach = {name: _reachable(graph, name) for name in graph}
    groups = {frozenset(n for n in reach[name] if name in reach[n]) | {name} for name in graph}
    return [set(group) for group in groups if len(group) > 1]


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_no_import_cycle():
    names = module_names()
    graph = {name: imports_of(name, path, names) for name, path in names.items()}
    assert [c for c in cycles(graph) if c not in KNOWN] == []


def test_a_cycle_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [{"a", "b", "c"}]
