"""The package's import structure: every module imports on its own, and no two modules import each other."""

from __future__ import annotations

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "planlint"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(p) for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


def imports_of(path: Path) -> set[str]:
    """The planlint modules a file imports when it is imported (at module level, not under `if TYPE_CHECKING:`),
    with the packages each import runs first (but not the file's own packages, which are already running)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in _module_level(tree.body):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    named = {m for m in found if m in MODULES}
    own = module_name(path).split(".")
    ancestors = {".".join(own[:i]) for i in range(1, len(own) + (path.name == "__init__.py"))}
    packages = {".".join(m.split(".")[:i]) for m in named for i in range(2, m.count(".") + 1)}
    return named | (packages - ancestors)


def _module_level(body: list[ast.stmt]):
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            yield from _module_level(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from _module_level(node.body + [n for h in node.handlers for n in h.body])
        else:
            yield node


@pytest.mark.slow
def test_every_module_imports_in_a_fresh_interpreter():
    def attempt(module: str) -> str | None:
        done = subprocess.run(
            [sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        return None if done.returncode == 0 else f"{module}: {done.stderr.strip().splitlines()[-1]}"

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(attempt, MODULES) if f]
    assert not failures, "\n".join(failures)


def test_no_import_cycles():
    graph = {module_name(p): imports_of(p) - {module_name(p)} for p in PACKAGE.rglob("*.py")}
    graph = {m: {d for d in deps if d != "planlint"} for m, deps in graph.items()}
    cycles = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph.get(module, ())):
            if state.get(dep) == 1:
                cycles.append(" → ".join([*path[path.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(cycles)


def test_loading_a_pack_imports_no_language_code():
    code = (
        "import sys, planlint.rulepack.pack as p, planlint.rulepack.docs, planlint.result; p.load_pack(); "
        "print(sorted(m for m in sys.modules if m.startswith(('planlint.analysis', 'planlint.checks', 'spacy'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
