"""The status bar's first read (``DeskServices.sync_snapshot``, right after the sign-in: ui/sync/controller.py)
counts what waits to be sent and what is set aside without building the sync wire's pydantic models (≈ 0.15 s
of CPU, taken from the GUI thread's first paint of the main window) and without the network stack. Checked on
``sys.modules`` of a fresh interpreter, where nothing else has imported them first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.desk import DeskServices

NEVER = ("pydantic", "pydantic_core", "ppid_protocol.wire", "httpx", "keyring", "app.sync.engine")


@pytest.mark.slow  # a real child process
def test_the_first_status_read_builds_no_wire_model(desk: DeskServices, data_dir: Path) -> None:
    desk.close()
    script = f"""
import json, sys
from pathlib import Path
from app.services.desk import DeskServices
desk = DeskServices.open(Path({str(data_dir)!r}))
snapshot = desk.sync_snapshot()
desk.close()
print(json.dumps({{"pending": snapshot.pending, "modules": sorted(sys.modules)}}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["pending"] >= 0
    assert sorted(m for m in report["modules"] if m in NEVER or m.split(".")[0] in NEVER) == []
