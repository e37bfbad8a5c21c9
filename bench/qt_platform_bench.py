"""What the Linux platform check (ui/qt_platform.py) adds to the start of the workstation.

    python bench/qt_platform_bench.py [--repeats 15] [--json]

Target (docs/benchmarks.md, "Platform check"): the check on the way to the login dialog costs well under
20 ms when nothing is missing.

How: fresh ``python`` processes on the platform the environment gives (xcb under a real X server, e.g. Xvfb,
for the judged numbers), each importing what ``ui.app`` imports and then creating the ``QApplication``;
in half of them ``qt_platform.check()`` runs first, as in ``ui.app.run``. Reported, as medians: the check's
own time, the ``QApplication``'s with and without the check before it (the check's dlopen of the plugin is
work Qt then skips), and the net cost = (check + QApplication) − QApplication alone. The two kinds alternate
so a busy moment hits both. When the plugin cannot load (a library missing), the failing check's time is
reported too (it runs ``ldd``): that is what an officer waits for before the message.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, git_revision, machine  # noqa: E402

CHILD = """
import json, sys, time
from PySide6.QtWidgets import QApplication
import ui.app
from ui import qt_platform
checked = sys.argv[1] == "1"
t0 = time.perf_counter()
problem = qt_platform.check(["ppid-desk"]) if checked else None
t1 = time.perf_counter()
if problem is not None:
    print(json.dumps({"check_ms": (t1 - t0) * 1000, "problem": problem.message()}))
    sys.exit(0)
app = QApplication(["ppid-desk"])
t2 = time.perf_counter()
print(json.dumps({"check_ms": (t1 - t0) * 1000, "app_ms": (t2 - t1) * 1000,
                  "platform": app.platformName()}))
"""


def _child(checked: bool) -> dict[str, float | str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "1" if checked else "0"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with_check: list[dict[str, float | str]] = []
    without: list[dict[str, float | str]] = []
    failing = "problem" in _child(True)  # then Qt alone would abort: only the failing check is timed
    for _ in range(args.repeats):
        with_check.append(_child(True))
        if not failing:
            without.append(_child(False))
    result: dict[str, object] = {"revision": git_revision(), "machine": machine(), "repeats": args.repeats}
    if "problem" in with_check[0]:
        result["failing_check_ms"] = statistics.median(float(r["check_ms"]) for r in with_check)
        result["problem"] = with_check[0]["problem"]
    else:
        check = statistics.median(float(r["check_ms"]) for r in with_check)
        app_after = statistics.median(float(r["app_ms"]) for r in with_check)
        app_alone = statistics.median(float(r["app_ms"]) for r in without)
        total = statistics.median(float(r["check_ms"]) + float(r["app_ms"]) for r in with_check)
        result.update(
            platform=with_check[0]["platform"],
            check_ms=check,
            app_after_check_ms=app_after,
            app_alone_ms=app_alone,
            net_ms=total - app_alone,
        )
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"commit {result['revision']}, {args.repeats} starts each, medians")
    if "problem" in result:
        print(f"failing check (plugin cannot load, ldd run): {result['failing_check_ms']:.1f} ms")
        print(result["problem"])
    else:
        print(f"platform {result['platform']}")
        print(f"check alone:                 {result['check_ms']:.1f} ms")
        print(f"QApplication after check:    {result['app_after_check_ms']:.1f} ms")
        print(f"QApplication without check:  {result['app_alone_ms']:.1f} ms")
        print(f"net cost (check + app - app): {result['net_ms']:.1f} ms  (target well under 20 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
