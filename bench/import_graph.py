"""Which rectify module imports which, read from the source with `ast` (nothing is imported).

    python -m bench.import_graph            # layers, cycles and every module's imports
    python -m bench.import_graph --top-level   # only imports made when a module loads

An import inside a function (made late, to save start-up time or to dodge a cycle) is still a
dependency of the module, so it counts unless --top-level is given; it is marked "late" below.
Migrations and tests are left out. rectify/tests/test_architecture.py asserts the layering rules on
the same graph.
"""

from __future__ import annotations

import argparse
import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "rectify"
LEFT_OUT = {"migrations", "tests"}


@dataclass
class Module:
    name: str
    path: Path
    imports: set[str] = field(default_factory=set)  # made when the module loads
    late: set[str] = field(default_factory=set)  # made inside a function only


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def find_modules(root: Path = ROOT) -> dict[str, Module]:
    modules = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        if LEFT_OUT.isdisjoint(path.relative_to(root).parts):
            name = module_name(path, root)
            modules[name] = Module(name, path)
    return modules


def _owning_module(name: str, modules: dict[str, Module]) -> str | None:
    """The module that defines `name` (a module, or something in one); None outside rectify."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imported_modules(node: ast.Import | ast.ImportFrom, module: Module, modules: dict[str, Module]) -> set[str]:
    """The rectify modules an import statement loads: `from a import b` loads a.b if b is a module, else a."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            here = module.name.split(".")
            if module.path.name != "__init__.py":
                here = here[:-1]
            base = ".".join(here[: len(here) - (node.level - 1)] + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
    return {found for found in map(lambda name: _owning_module(name, modules), names) if found} - {module.name}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _collect(module: Module, body: list[ast.stmt], modules: dict[str, Module], *, late: bool) -> None:
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            (module.late if late else module.imports).update(_imported_modules(node, module, modules))
        elif isinstance(node, ast.If) and _is_type_checking(node):
            continue  # for the type checker only: never imported at run time
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                inner = late or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                _collect(module, [child], modules, late=inner)


def import_graph(root: Path = ROOT, *, late: bool = True) -> dict[str, set[str]]:
    """Each rectify module and the rectify modules it imports (late imports too unless late=False)."""
    modules = find_modules(root)
    for module in modules.values():
        _collect(module, ast.parse(module.path.read_text(encoding="utf-8")).body, modules, late=False)
        module.late -= module.imports
    return {name: module.imports | (module.late if late else set()) for name, module in modules.items()}


def late_imports(root: Path = ROOT) -> dict[str, set[str]]:
    modules = find_modules(root)
    for module in modules.values():
        _collect(module, ast.parse(module.path.read_text(encoding="utf-8")).body, modules, late=False)
    return {name: module.late - module.imports for name, module in modules.items()}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        for name in graph[todo.pop()]:
            if name not in seen:
                seen.add(name)
                todo.append(name)
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a loop (Tarjan's components)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for other in sorted(graph[name]):
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def layers(graph: dict[str, set[str]]) -> list[list[str]]:
    """Modules by height: layer 0 imports no rectify module, layer n only from layers below n
    (a cycle's modules share the layer of the highest of them)."""
    together = {name: set(group) for group in cycles(graph) for name in group}
    height: dict[str, int] = {}

    def height_of(name: str) -> int:
        if name not in height:
            height[name] = 0  # provisional, for a loop back into a cycle
            group = together.get(name, {name})
            below = {other for member in group for other in graph[member]} - group
            value = 1 + max((height_of(other) for other in below), default=-1)
            for member in group:
                height[member] = value
        return height[name]

    for name in graph:
        height_of(name)
    return [sorted(name for name, level in height.items() if level == n) for n in range(max(height.values()) + 1)]


def short(name: str) -> str:
    return name.removeprefix(f"{PACKAGE}.")


def describe(root: Path = ROOT, *, late: bool = True) -> str:
    graph = import_graph(root, late=late)
    made_late = late_imports(root) if late else {}
    lines = ["Layers (a module imports only from the layers numbered below its own):"]
    for n, names in enumerate(layers(graph)):
        lines.append(f"  {n}: {', '.join(short(name) for name in names)}")
    loops = cycles(graph)
    lines.append(
        "Cycles: " + ("; ".join(" <-> ".join(short(n) for n in group) for group in loops) if loops else "none")
    )
    lines.append("Imports (late: inside a function):")
    for name in sorted(graph):
        if graph[name]:
            names = [
                short(other) + (" (late)" if other in made_late.get(name, ()) else "") for other in sorted(graph[name])
            ]
            lines.append(f"  {short(name)} -> {', '.join(names)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top-level", action="store_true", help="leave out imports made inside functions")
    args = parser.parse_args(argv)
    print(describe(late=not args.top_level))


if __name__ == "__main__":
    main()
