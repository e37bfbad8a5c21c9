"""The PyInstaller bundle built and used outside the source tree (tools/bundle_check.py).

Building takes several minutes on a small machine, so this runs only when PPID_BUNDLE_TEST=1; its last result
is in docs/benchmarks.md ("Bundle").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("PPID_BUNDLE_TEST") != "1", reason="set PPID_BUNDLE_TEST=1 to build the bundle"
    ),
]


@pytest.mark.timeout(3600)
def test_the_frozen_program_works_outside_the_source_tree() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bundle_check.py"), "--json", "--repeats", "1"],
        capture_output=True,
        text=True,
        timeout=3500,
        check=False,
    )
    assert completed.stdout, completed.stderr[-3000:]
    result = json.loads(completed.stdout)
    assert result["self_check"]["ok"], result["self_check"]
    assert {name: step["ok"] for name, step in result["first_steps"].items()} == {
        "init": True,
        "request add": True,
        "print receipt": True,
    }, result["first_steps"]
    assert result["size_ok"], f"{result['size_mb']} MB"
    assert completed.returncode == 0
