"""The import graph of the project's packages, read from the source (AST): one way only.

import-linter (`lint-imports`, run by .ci/run) checks the layers of docs/architecture.md;
this test checks what a layers contract cannot: no cycle at all between modules, and no
project import hidden inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("roster", "solver", "calendars", "templates")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _project(name: str) -> bool:
    return name.split(".", maxsplit=1)[0] in PACKAGES


def _imported(node: ast.Import | ast.ImportFrom, module: str, known: set[str]) -> set[str]:
    """The project modules an import statement loads (a package's submodule when named)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if _project(alias.name)}
    base = node.module or ""
    if node.level:
        package = module.split(".")[: -node.level] if node.level else []
        base = ".".join([*package, base] if base else package)
    if not _project(base):
        return set()
    targets = set()
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        targets.add(candidate if candidate in known else base)
    return targets


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    hidden: list[str] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        top_level = {
            id(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
        }
        statements = [
            found for found in ast.walk(tree) if isinstance(found, ast.Import | ast.ImportFrom)
        ]
        for statement in statements:
            targets = _imported(statement, name, known)
            if targets and id(statement) not in top_level:
                hidden.append(f"{path.relative_to(ROOT)}:{statement.lineno}")
            graph[name] |= {target for target in targets if target != name}
    return graph, hidden


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules on it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            # a module's own package __init__ is loaded first by Python; not an edge of a cycle
            if node.startswith(f"{target}."):
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_no_import_cycle() -> None:
    graph, _ = _graph()
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_no_project_import_inside_a_function_or_type_checking_block() -> None:
    _, hidden = _graph()
    assert hidden == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"p.m": {"p"}, "p": {"p.m"}}, None),
    ],
)
def test_the_cycle_finder_finds_cycles(graph: dict[str, set[str]], expected: list[str]) -> None:
    assert _cycle(graph) == expected


def test_a_hidden_import_is_found() -> None:
    tree = ast.parse("def f():\n    from roster.domain import month\n")
    node = tree.body[0].body[0]  # type: ignore[attr-defined]
    assert _imported(node, "roster.x", {"roster.domain.month"}) == {"roster.domain.month"}
