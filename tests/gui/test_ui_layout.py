"""ui/ is organised by capability over one kit (docs/ui.md): these keep the layout from drifting back."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"

#: Modules still reading ``desk.ctx``: the sync worker (sync is becoming a desk service) and the dashboard's
#: data (moving into app/services). Nothing may be added here.
CTX_LEFT: set[str] = set()


def _modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_folders_by_widget_type():
    assert not [name for name in ("pages", "dialogs", "models") if (UI / name).exists()]


def test_pages_read_the_desk_through_its_services_not_its_context():
    reaching = {
        str(path.relative_to(UI))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "ctx"
    }
    assert reaching <= CTX_LEFT, sorted(reaching - CTX_LEFT)


def test_one_form_kit_and_one_door_to_a_worker_thread():
    """Only ui/kit/forms.py defines a form class and only ui/kit/tasks.py starts thread-pool work."""
    forms, pools = set(), set()
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = str(path.relative_to(UI))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in ("FieldForm", "FormFields"):
                forms.add(name)
            if isinstance(node, ast.Name) and node.id == "QThreadPool":
                pools.add(name)
    assert forms == {"kit/forms.py"} and pools == {"kit/tasks.py"}
