"""The dependency arrows between the top-level packages, checked on the source (every import, also those
inside functions: a lazy import is still a dependency).

One row of ``RULES`` per rule: the modules it applies to, the imports they must not make, and why. A new
rule is a new row; a module named by more than one row must obey all of them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "db", "ui", "server", "ppid_protocol", "resources")
"""The packages the distributions ship (pyproject.toml); tests, bench and tools may import anything."""


@dataclass(frozen=True)
class Rule:
    applies_to: tuple[str, ...]
    """Module prefixes the rule covers ("app" covers "app" and "app.sync.engine")."""
    forbidden: tuple[str, ...]
    """Module prefixes they must not import."""
    why: str
    exempt: tuple[str, ...] = ()
    """Module prefixes inside ``applies_to`` the rule does not cover."""

    def covers(self, module: str) -> bool:
        return _under(module, self.applies_to) and not _under(module, self.exempt)


RULES = (
    Rule(("ppid_protocol",), ("app", "db", "ui", "server"),
         "the wire protocol is shared by the desk and the server and depends on neither"),
    Rule(("server",), ("app", "db", "ui"), "the city server installs and runs without the desk (no Qt, no reportlab)"),
    Rule(("app",), ("ui", "server"), "the core runs headless (CLI, tests) and never reaches into the city server"),
    Rule(("app.sync",), ("app.services", "app.cli"),
         "the services build on the sync transport (desk.sync), never the other way round"),
    Rule(("app.domain",), ("app.services", "app.sync", "app.cli", "db"), "the domain rules are pure"),
    Rule(("db",), ("ui", "server", "app.services", "app.sync", "app.cli"),
         "the register's models and migrations sit below every service"),
    Rule(PACKAGES, ("PySide6.QtWidgets",), "only ui/ builds widgets", exempt=("ui",)),
    Rule(("ui",), ("db",), "the UI reaches the register through the services only"),
    Rule(("ui",), ("app.services.desk", "app.services.context.DeskContext"),
         "pages, dialogs and panels get the services they use, picked by the shell (ui/shell/wiring.py)",
         exempt=("ui.shell",)),
)  # fmt: skip


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> Iterator[tuple[str, Path]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations/versions" not in path.as_posix():
                yield _module_name(path), path


def imports_of(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports, absolute; ``from a import b`` counts as both ``a`` and ``a.b``."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = dict(_modules())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{'+'.join(r.applies_to[:2])}-not-{r.forbidden[0]}")
def test_dependency_rule(rule: Rule) -> None:
    covered = [m for m in MODULES if rule.covers(m)]
    assert covered, f"no module is covered by {rule}"
    broken = sorted(
        f"{module} imports {target}"
        for module in covered
        for target in imports_of(module, MODULES[module])
        if _under(target, rule.forbidden)
    )
    assert not broken, f"{rule.why}:\n" + "\n".join(broken)


def test_the_import_walk_sees_lazy_relative_and_from_imports(tmp_path: Path) -> None:
    """The check above is only as good as ``imports_of``: it must see what a module really imports."""
    source = tmp_path / "pkg" / "sub" / "mod.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "import os.path\n"
        "from . import sibling\n"
        "from ..other import thing\n"
        "def later():\n"
        "    from PySide6 import QtWidgets\n"
    )
    found = imports_of("pkg.sub.mod", source)
    assert {"os.path", "pkg.sub.sibling", "pkg.other", "pkg.other.thing", "PySide6.QtWidgets"} <= found
    assert _under("PySide6.QtWidgets", ("PySide6.QtWidgets",)) and not _under("application", ("app",))


def ctx_uses(path: Path) -> list[int]:
    """The lines where ``path`` reads an attribute named ``ctx`` (the services' ``DeskContext``: the database,
    the key vault, the data folder), however the object holding it is named."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return sorted(
        {node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "ctx"}
    )


def test_no_ui_module_reaches_the_desk_context() -> None:
    """Not even the shell: it hands out services (ui/shell/wiring.py), never the database or the key vault."""
    covered = [m for m in MODULES if _under(m, ("ui",))]
    broken = [f"{module}:{line}" for module in covered for line in ctx_uses(MODULES[module])]
    assert not broken, "the UI reads the desk through its services, never .ctx:\n" + "\n".join(broken)


def test_the_ctx_walk_sees_every_spelling(tmp_path: Path) -> None:
    source = tmp_path / "page.py"
    source.write_text(
        "def load(self, desk):\n    a = self.desk.ctx.db\n    b = desk.ctx\n    c = getattr(x, 'y').ctx\n"
    )
    assert ctx_uses(source) == [2, 3, 4]
