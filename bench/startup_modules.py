"""Which modules the start-up imports: at the login dialog and once the main window's dashboard has loaded.

    python bench/startup_modules.py [--before TREE] [--repeats 3] [--json]

Why: the services ``DeskServices`` builds on first use (export, letters, reports, sync...) are kept off the
start path so their imports (reportlab, openpyxl, httpx) are not paid by every start; a change to how pages
are wired must not pull them back. Each child is a fresh ``python`` on the offscreen platform over a small
office made with ``ppid-desk init``: ``login`` runs ``ppid-desk`` through its entry point and lists
``sys.modules`` when the first window (the login dialog) is shown, as bench/startup_bench.py times it;
``window`` opens the services, signs in, shows the ``MainWindow`` and lists them when its dashboard has
loaded. A background read (the sync status) may or may not have finished by then, so each child runs
``--repeats`` times and only the modules loaded in every run count; the others are reported as "sometimes".
``--before TREE`` (e.g. ``git archive main | tar -x -C /tmp/main``) runs the same children on another source
tree and prints the difference; the modules either tree loads only sometimes are left out of both counts and
of the difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PASSWORD, ROOT, machine  # noqa: E402
from bench.startup_bench import first_window_script  # noqa: E402

#: ``ppid-desk --data-dir OFFICE`` through its entry point; the modules loaded once its login dialog is painted.
LOGIN = first_window_script('print("\\n".join(sorted(sys.modules)), flush=True)')

WINDOW = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import application
from app.services.desk import DeskServices
from ui.kit import i18n
from ui.shell.main_window import MainWindow

app = application()
i18n.install("id")
desk = DeskServices.open(Path(sys.argv[1]))
window = MainWindow(desk, desk.users.authenticate("admin", sys.argv[2]))
window.show()

def done():
    print("\\n".join(sorted(sys.modules)), flush=True)
    os._exit(0)

window.dashboard.loaded.connect(lambda: QTimer.singleShot(0, done))
app.exec()
"""


def _env(tree: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tree)}
    for name in ("PPID_DESK_USER", "PPID_DESK_PASSWORD"):  # the login dialog must be shown, not skipped
        env.pop(name, None)
    return env


def _office(folder: Path) -> Path:
    env = {**_env(ROOT), "PPID_DESK_PASSWORD": PASSWORD, "PPID_DESK_USER": "admin"}
    subprocess.run([sys.executable, "-m", "app", "init", "--data-dir", str(folder), "--office-code", "CPJ",
                    "--office-name", "Kecamatan Cipocok Jaya", "--admin", "admin"],
                   env=env, cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    return folder


def _modules(tree: Path, child: str, args: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", child, *args], env=_env(tree), cwd=tree,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"child failed in {tree} ({done.returncode}):\n{done.stderr[-3000:]}")
    return set(done.stdout.split())


def measure(tree: Path, office: Path, repeats: int) -> dict[str, tuple[set[str], set[str]]]:
    """Per child: (the modules every run loaded, the ones only some runs loaded)."""
    out = {}
    children = (("login", LOGIN, ["--data-dir", str(office)]), ("window", WINDOW, [str(office), PASSWORD]))
    for name, child, args in children:
        runs = [_modules(tree, child, args) for _ in range(repeats)]
        always = set.intersection(*runs)
        out[name] = (always, set.union(*runs) - always)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another source tree, measured on the same office")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ppid-modules-") as scratch:
        office = _office(Path(scratch) / "office")
        after = measure(ROOT, office, args.repeats)
        before = measure(args.before.resolve(), office, args.repeats) if args.before else None
    rows: dict[str, dict[str, Any]] = {}
    for name, (always, sometimes) in after.items():
        row: dict[str, Any] = {"modules": len(always), "sometimes": sorted(sometimes)}
        if before is not None:
            old, old_sometimes = before[name]
            timing = sometimes | old_sometimes  # loaded by some runs of either tree: not the change's doing
            row |= {"modules": len(always - timing), "before": len(old - timing),
                    "added": sorted(always - old - timing), "removed": sorted(old - always - timing),
                    "sometimes": sorted(timing)}  # fmt: skip
        rows[name] = row
    if args.json:
        print(json.dumps({"machine": machine(), **rows}, indent=1))
        return 0
    print(f"machine: {machine()}")
    for name, row in rows.items():
        line = f"{name:7} {row['modules']} modules"
        if before is not None:
            added, removed = row["added"] or "none", row["removed"] or "none"
            line += f" (before: {row['before']}; added {added}; removed {removed})"
        print(line + (f"; sometimes: {', '.join(row['sometimes'])}" if row["sometimes"] else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
