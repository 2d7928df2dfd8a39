"""The house keeps its rooms small: no module of `cleaner` or `bench` over 400 lines and no
function over 50 (issue 9's goals), so that each reads in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def sources() -> list[Path]:
    return sorted([*ROOT.joinpath("cleaner").rglob("*.py"), *ROOT.joinpath("bench").rglob("*.py")])


def long_functions(source: str, limit: int) -> list[tuple[str, int]]:
    """(name, lines) of every function or method in `source` longer than `limit` lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = node.end_lineno - node.lineno + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_too_long_nor_any_function(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    assert long_functions(source, MAX_FUNCTION_LINES) == []


def test_a_long_function_is_found():
    body = "\n".join(f"    x = {n}" for n in range(51))
    assert long_functions(f"def f():\n{body}\n", 50) == [("f", 52)]
    assert long_functions("def g():\n    return 1\n", 50) == []
