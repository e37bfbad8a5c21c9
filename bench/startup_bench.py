"""Start-up of every start path, and the two everyday commands, measured side by side with a bare PySide6 window.

    python bench/startup_bench.py [--repeats 7] [--register DIR | --requests 2000] [--before TREE] [--json]

Targets (issue 16, item 12; docs/benchmarks.md, "Start-up of every path and the everyday commands"):

* every start path shows its first window within 1.5x a bare PySide6 window: ``ppid-desk`` on an office (the
  login dialog), on an empty folder (the first-run splash, then the wizard) and ``ppid-desk demo`` (its splash);
* everything on the critical path back to back (services, sign-in, main window, dashboard: ``ALL_AT_ONCE`` of
  bench/ui_bench.py) within 4x; reported beside it, what an officer waits for after the last Enter on the
  login dialog (bench/ui_bench.py's ``OFFICER``: the register loads while the officer types);
* ``ppid-desk request add`` within 300 ms and ``ppid-desk print receipt`` (a first issue) within 450 ms, as
  whole processes.

How: every start is a fresh ``python`` process on the offscreen platform, run through the real entry point
(``app.__main__.main`` with the command line an officer types). The children of one round run back to back and
the rounds repeat ``--repeats`` times, so a bare window and our windows always share the machine's load of the
moment; medians are compared. A window child stops its clock when the first window has been shown and painted
(a hook around ``LoginDialog.open`` / ``StartupSplash.show`` prints "ready" and ends the process: starting, not
running, is measured). A command child is timed from spawn to exit. ``--before TREE`` runs the same children on
another source tree (e.g. ``git archive main | tar -x -C /tmp/main``) in the same rounds: before/after figures on
the same machine at the same moment. Each round also starts a bare interpreter (``python -c pass``, spawn to exit):
the commands are reported as multiples of it too, a figure the machine's load of the moment moves much less
than their milliseconds. Compile the bytecode first (``python -m compileall -q app db ui
ppid_protocol resources``), as an install has it. The machine's load average is reported with the figures: on
a busy shared machine only the ratios mean much.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import CACHE_DIR, PASSWORD, ROOT, ensure_seeded, git_revision, machine  # noqa: E402
from bench.floor import FLOOR_CHILD  # noqa: E402
from bench.ui_bench import ALL_AT_ONCE, BARE, KEY_INTERVAL_MS, OFFICER  # noqa: E402

WINDOW_TARGET = 1.5
ALL_AT_ONCE_TARGET = 4.0
ADD_TARGET_S = 0.300
RECEIPT_TARGET_S = 0.450
#: The command children (whole processes), also compared with a bare interpreter.
COMMANDS = ("request_add", "print_receipt")
#: From the officer's last Enter on the login dialog to the dashboard painted (its CPU is the whole child's,
#: typing time included, so only its wall time is reported).
SIGN_IN = "sign_in_to_dashboard"

#: The floor under "everything back to back": a bare window, then bench/floor.py's SQLAlchemy register opened and
#: one argon2id sign-in, "ready" after both (no service, no main window, no dashboard).
BACK_TO_BACK_FLOOR = (
    BARE.replace('print("ready", flush=True)', "") + FLOOR_CHILD + 'print("ready", flush=True)\n'
)


#: Runs ``ppid-desk ARGS`` through its entry point; once the first window it shows (whichever: login dialog,
#: splash, wizard, main window) is painted, ON_SHOWN runs (Python; the window is ``obj``) and the process ends.
#: The watcher sits on the QApplication that ``ui.app`` makes. tests/gui/shell/test_startup.py uses it too.
_FIRST_WINDOW_TEMPLATE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
import ui.app as ui_app

class Watcher(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            def done():
                ON_SHOWN
                os._exit(0)
            QTimer.singleShot(0, done)
        return False

watcher = Watcher()
made = ui_app.application
def application(argv=None):
    app = made(argv)
    app.installEventFilter(watcher)
    return app
ui_app.application = application

from app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def first_window_script(on_shown: str) -> str:
    """The child script above with ``on_shown`` (one line of Python) run once the first window is painted."""
    return _FIRST_WINDOW_TEMPLATE.replace("ON_SHOWN", on_shown)


#: The first window painted prints "ready".
FIRST_WINDOW = first_window_script("obj.grab(); print('ready', flush=True)")

REQUEST = {
    "channel": "datang_langsung",
    "complete": True,
    "requester": {
        "kind": "perorangan",
        "name": "Siti Aminah",
        "nik": "3673014505900001",
        "address": "Jl. Bhayangkara No. 5, Cipocok Jaya",
        "phone": "081234567890",
        "occupation": "Guru",
    },
    "documents": ["ktp"],
    "information": "Salinan DPA Kecamatan tahun anggaran 2025",
    "purpose": "Penelitian",
    "obtain_method": "salinan_softcopy",
    "delivery_method": "mengambil_langsung",
}


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(tree),
            "PPID_DESK_PASSWORD": PASSWORD, "PPID_DESK_USER": "admin"}  # fmt: skip


def _run(args: list[str], tree: Path, *, until_ready: bool) -> tuple[float, float, str]:
    """(wall seconds to "ready" or to exit, CPU seconds of the child, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], env=_env(tree), cwd=tree, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert child.stdout is not None
    wall, lines = 0.0, []
    for line in child.stdout:
        lines.append(line)
        if until_ready and line.strip() == "ready" and not wall:
            wall = time.perf_counter() - start
    stderr = child.stderr.read() if child.stderr else ""
    child.wait()
    if not until_ready:
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0 or not wall:
        raise SystemExit(f"{' '.join(args)} failed ({child.returncode}):\n{stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, "".join(lines)


def _office(tree: Path, folder: Path) -> Path:
    """A small office for the commands (init through the CLI of ``tree``)."""
    _run(["-m", "app", "init", "--data-dir", str(folder), "--office-code", "CPJ", "--office-name",
          "Kecamatan Cipocok Jaya", "--admin", "admin"], tree, until_ready=False)  # fmt: skip
    return folder


def _round(tree: Path, register: Path, scratch: Path, office: Path, body: Path, n: int,
           windows: bool = True) -> dict[str, tuple]:  # fmt: skip
    """One of each child on ``tree`` (only the two commands when ``windows`` is false)."""
    out: dict[str, tuple] = {}
    if windows:
        _windows(out, tree, register, scratch, n)
    # --meski-duplikat: every round files the same walk-in again on purpose (the retried-intake check would refuse it)
    wall, cpu, text = _run(["-m", "app", "request", "add", "--data-dir", str(office), "--confirm-warnings",
                            "--meski-duplikat", str(body)], tree, until_ready=False)  # fmt: skip
    out["request_add"] = (wall, cpu)
    number = text.split()[0]
    pdf = scratch / f"receipt-{n}.pdf"
    out["print_receipt"] = _run(["-m", "app", "print", "receipt", "--data-dir", str(office), number,
                                 "--out", str(pdf)], tree, until_ready=False)[:2]  # fmt: skip
    out["floor_command"] = _run(["-c", FLOOR_CHILD, str(office), PASSWORD], tree, until_ready=False)[:2]
    return out


def _windows(out: dict[str, tuple], tree: Path, register: Path, scratch: Path, n: int) -> None:
    out["login"] = _run(["-c", FIRST_WINDOW, "--data-dir", str(register)], tree, until_ready=True)[:2]
    empty = scratch / f"empty-{n}"
    out["wizard"] = _run(["-c", FIRST_WINDOW, "--data-dir", str(empty)], tree, until_ready=True)[:2]
    demo = scratch / f"demo-{n}"
    out["demo"] = _run(["-c", FIRST_WINDOW, "demo", "--dir", str(demo)], tree, until_ready=True)[:2]
    out["all_at_once"] = _run(["-c", ALL_AT_ONCE, str(register), PASSWORD], tree, until_ready=True)[:2]
    out["floor_all_at_once"] = _run(
        ["-c", BACK_TO_BACK_FLOOR, str(register), PASSWORD], tree, until_ready=True
    )[:2]
    # ``ppid-desk`` with an officer typing (bench/ui_bench.py's OFFICER): the register loads behind the dialog,
    # so what the officer waits for after the last Enter is the sign-in and the dashboard only
    _, cpu, text = _run(
        ["-c", OFFICER, str(register), PASSWORD, str(KEY_INTERVAL_MS)], tree, until_ready=True
    )
    fields = text.split()
    marks = {name: float(fields[fields.index(name) + 1]) for name in ("enter", "ready")}
    out[SIGN_IN] = (marks["ready"] - marks["enter"], cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--requests", type=int, default=2_000, help="size of the seeded register (cached)")
    parser.add_argument(
        "--register", type=Path, help="an existing register (admin password bench.common.PASSWORD)"
    )
    parser.add_argument("--before", type=Path, help="another source tree, measured in the same rounds")
    parser.add_argument("--commands-only", action="store_true", help="only request add and print receipt")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    register = args.register or ensure_seeded(args.requests)
    trees = {"now": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    scratch = Path(tempfile.mkdtemp(prefix="ppid-startup-bench-"))
    body = scratch / "request.json"
    body.write_text(json.dumps(REQUEST), encoding="utf-8")
    loads: list[float] = [os.getloadavg()[0]]
    try:
        offices = {name: _office(tree, scratch / f"office-{name}") for name, tree in trees.items()}
        _run(["-c", BARE], ROOT, until_ready=True)  # warm the page cache for every kind of child
        for name, tree in trees.items():
            _round(tree, register, scratch / name, offices[name], body, -1, not args.commands_only)
        bare: list[tuple[float, float]] = []
        interpreter: list[tuple[float, float]] = []
        runs: dict[str, list[dict[str, tuple]]] = {name: [] for name in trees}
        for n in range(args.repeats):
            bare.append(_run(["-c", BARE], ROOT, until_ready=True)[:2])
            interpreter.append(_run(["-c", "pass"], ROOT, until_ready=False)[:2])
            for name, tree in trees.items():
                runs[name].append(
                    _round(tree, register, scratch / name, offices[name], body, n, not args.commands_only)
                )
            loads.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    med = statistics.median
    bare_wall = med(w for w, _ in bare)
    bare_cpu = med(c for _, c in bare)
    result: dict = {"machine": machine(), "revision": git_revision(), "repeats": args.repeats,
                    "register": str(register), "load_average_1min": [round(x, 2) for x in loads],
                    "bare_wall_s": round(bare_wall, 3), "bare_cpu_s": round(med(c for _, c in bare), 3),
                    "python_wall_s": round(med(w for w, _ in interpreter), 3),
                    "python_cpu_s": round(med(c for _, c in interpreter), 3)}  # fmt: skip
    for name, rounds in runs.items():
        figures = {}
        for key in rounds[0]:
            wall = med(r[key][0] for r in rounds)
            cpu = med(r[key][1] for r in rounds)
            figures[key] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "ratio_to_bare": round(wall / bare_wall, 2),
                            "cpu_ratio_to_bare": round(cpu / bare_cpu, 2)}  # fmt: skip
        for key in COMMANDS:  # whole processes: also as multiples of a bare interpreter
            fig, interp_cpu = figures[key], max(result["python_cpu_s"], 1e-3)
            fig["ratio_to_python"] = round(fig["wall_s"] / result["python_wall_s"], 1)
            fig["cpu_ratio_to_python"] = round(fig["cpu_s"] / interp_cpu, 1)
        result[name] = figures
    now = result["now"]
    result["pass"] = {
        "request_add": now["request_add"]["wall_s"] <= ADD_TARGET_S,
        "print_receipt": now["print_receipt"]["wall_s"] <= RECEIPT_TARGET_S,
    }
    if "login" in now:
        result["pass"]["first_windows"] = all(
            now[k]["ratio_to_bare"] <= WINDOW_TARGET for k in ("login", "wizard", "demo")
        )
        result["pass"]["all_at_once"] = now["all_at_once"]["ratio_to_bare"] <= ALL_AT_ONCE_TARGET
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / "startup_bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"bare PySide6 window: median {bare_wall * 1000:.0f} ms wall, {bare_cpu * 1000:.0f} ms CPU "
          f"({args.repeats} rounds); "
          f"load average {min(loads):.1f}–{max(loads):.1f} on {result['machine']['nproc']} cores")  # fmt: skip
    print(f"bare interpreter (python -c pass): median {result['python_wall_s'] * 1000:.0f} ms wall, "
          f"{result['python_cpu_s'] * 1000:.0f} ms CPU")  # fmt: skip
    for name in trees:
        print(f"[{name}]")
        for key, fig in result[name].items():
            if key == SIGN_IN:
                print(f"  {'sign-in→dash':17} {fig['wall_s'] * 1000:7.0f} ms wall {fig['ratio_to_bare']:5.2f}x bare"
                      " (after the last Enter, the register loaded while the officer typed)")  # fmt: skip
                continue
            print(f"  {key:17} {fig['wall_s'] * 1000:7.0f} ms wall {fig['ratio_to_bare']:5.2f}x bare | "
                  f"{fig['cpu_s'] * 1000:6.0f} ms CPU {fig['cpu_ratio_to_bare']:5.2f}x bare"
                  + (f" | {fig['ratio_to_python']:5.1f}x python wall, {fig['cpu_ratio_to_python']:5.1f}x python CPU"
                     if "ratio_to_python" in fig else ""))  # fmt: skip
    print("targets:", ", ".join(f"{k} {'PASS' if v else 'FAIL'}" for k, v in result["pass"].items()))
    floor = now["floor_command"]["wall_s"] * 1000
    print(f"floors (bench/floor.py): a command {floor:.0f} ms (targets {ADD_TARGET_S * 1000:.0f} and "
          f"{RECEIPT_TARGET_S * 1000:.0f} ms)"
          + (f"; everything back to back {now['floor_all_at_once']['ratio_to_bare']:.2f}x bare (target "
             f"{ALL_AT_ONCE_TARGET:.0f}x)" if "floor_all_at_once" in now else ""))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
