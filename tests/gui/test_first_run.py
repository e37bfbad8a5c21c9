"""``ppid-desk`` from an empty data folder to the dashboard and back, in a process of its own.

The child (tests/gui/first_run_child.py) runs the real entry point and clicks through the windows without
holding any of them, under faulthandler, so a window freed while Qt is still using it is a failed test
with its trace, not a dead test run. It prints the stages it reaches; every one must be reached and the
program must end with status 0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the whole workstation in a real child process

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("first_run_child.py")

FIRST_RUN = [
    "wizard",
    "selesai",
    "dashboard admin",
    "lock_button",
    "unlock",
    "unlocked",
    "logout_button",
    "login",
    "dashboard admin",
    "close",
    "exit 0",
]
SIGN_IN = [
    "login",
    "dashboard admin",
    "language en",
    "english window",
    "dashboard admin",
    "lock_button",
    "switch user",
    "login",
    "dashboard admin",
    "close",
    "exit 0",
]


def _run(data_dir: Path, scenario: str) -> list[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "PYTHONFAULTHANDLER": "1",
    }
    env.pop("PPID_DESK_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, str(CHILD), str(data_dir), scenario],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=240,
    )
    fault_log = data_dir / "logs" / "faulthandler.log"
    faults = fault_log.read_text(encoding="utf-8", errors="replace") if fault_log.exists() else ""
    stages = [line.removeprefix("stage ") for line in done.stdout.splitlines() if line.startswith("stage ")]
    report = (
        f"{scenario}: exit status {done.returncode} after {stages}\n--- stderr\n{done.stderr[-4000:]}"
        f"\n--- faulthandler.log\n{faults[-4000:]}"
    )
    assert done.returncode == 0, report
    assert "Fatal Python error" not in faults, report
    assert not list((data_dir / "logs").glob("crash-*.log")), report
    return stages


def test_a_new_office_from_the_wizard_to_the_dashboard_and_back(tmp_path: Path) -> None:
    """Empty folder → wizard → Selesai (the administrator is signed in) → dashboard → lock and unlock →
    Keluar → sign in → dashboard → close; then ``ppid-desk`` again on that folder: login → dashboard →
    English (the window rebuilt) → lock → Ganti pengguna → sign in → dashboard → close."""
    data_dir = tmp_path / "kantor-baru"
    assert _run(data_dir, "first-run") == FIRST_RUN
    assert _run(data_dir, "sign-in") == SIGN_IN


@pytest.mark.parametrize("scenario", ["cancel-wizard", "cancel-login"])
def test_cancelling_the_first_window_ends_the_program_cleanly(
    tmp_path: Path, scenario: str, _desk_template
) -> None:
    data_dir = tmp_path / "kantor"
    if scenario == "cancel-login":
        shutil.copytree(_desk_template.folder, data_dir)  # an office that is set up already
    assert _run(data_dir, scenario)[-1] == "exit 0"
