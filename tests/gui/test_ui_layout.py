"""ui/ is organised by capability over one kit (docs/ui.md): these keep the layout from drifting back."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"


def _modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_folders_by_widget_type():
    assert not [name for name in ("pages", "dialogs", "models") if (UI / name).exists()]


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


# --- what an officer sees: every page and dialog on an office screen ----------------------------------------

#: Who signs in, one main window each: a role sees other tabs, read-only notices and disabled fields (a
#: petugas's Pengaturan and Sinkronisasi scrolled at 100 % where an admin's fitted). One child process checks
#: all three, the dialogs with the first.
ROLES = ("admin", "petugas", "supervisor")

#: (name, screen width × height in device pixels less a 40 px taskbar at that scale, scale): the common office
#: PC at 100 %, a 1920×1080 screen at the 150 % Windows picks for it (1280×680 device-independent pixels), and
#: the 1366×768 PC with its scaling raised to 125 % (1093×574) or 150 % (911×472): there the main window and the
#: taller dialogs are smaller than their contents, which must scroll rather than be squeezed or cut.
SCREENS = [
    ("1366x768", 1366, 728, "1"),
    ("1920x1080@150%", 1920, 1020, "1.5"),
    ("1366x768@125%", 1366, 718, "1.25"),
    ("1366x768@150%", 1366, 708, "1.5"),
]
CHILD = Path(__file__).with_name("layout_child.py")


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import DEMO_ADMIN, seed_demo
    from app.services.desk import DeskServices

    folder = tmp_path_factory.mktemp("layout") / "demo"
    seed_demo(folder, count=30, days=60)
    desk = DeskServices.open(
        folder
    )  # the demo has an admin and a petugas; a supervisor sees other pages again
    try:
        admin = desk.users.authenticate(*DEMO_ADMIN)
        desk.users.add(admin, username="supervisor", full_name="Siti Rahma", role="supervisor",
                       password=DEMO_ADMIN[1])  # fmt: skip
    finally:
        desk.close()
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(("screen", "width", "height", "scale"), SCREENS, ids=[s[0] for s in SCREENS])
def test_nothing_is_cut_off_on_an_office_screen(
    demo_office: Path, tmp_path: Path, screen: str, width: int, height: int, scale: str, language: str
) -> None:
    """Every page and dialog (tests/gui/layout_child.py) in each language at each scale, the pages for every
    role: no label, button or table cell cut off, no widget outside its window, no window outside the work
    area, and at 100 % no page that scrolls."""
    data = tmp_path / "office"
    shutil.copytree(demo_office, data)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": screen, "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(data), language, *ROLES],
        env=env, capture_output=True, text=True, timeout=240, cwd=UI.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"login", "window", "page register", "page objections", "preview", "lock", "intake"} <= set(
        report["seen"]
    )
    assert {
        f"{role}: {page}" for role in ROLES[1:] for page in ("page settings", "page sync", "page request")
    } <= set(report["seen"])
    assert report["problems"] == []
