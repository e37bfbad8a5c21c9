"""Build the one-folder bundle and use it the way a desk PC would, outside the source tree.

    python tools/bundle_check.py [--skip-build] [--repeats 5] [--json]

Steps: ``pyinstaller build_spec/ppid_desk.spec`` (unless ``--skip-build``: the existing ``dist/ppid-desk``);
copy ``dist/ppid-desk`` to a temporary folder; from another temporary folder, with a clean environment (no
PYTHONPATH, no virtualenv, a home of its own, no display), run the frozen program: ``--version``,
``--self-check``, ``init``, ``request add``, ``print receipt`` (README "First steps"). Then it measures the
size on disk and the cold start against the source install (``ppid-desk`` of the interpreter running this
script): ``--version`` (process start to exit) and ``--self-check`` up to the login dialog painted (the
self-check's ``dialog_masuk`` line, printed once the dialog is on screen) and to the end. Medians of
``--repeats`` runs, frozen and source alternating; the very first frozen run is reported on its own.

Exit status 0 when every step worked; the raw result is kept in bench/out/bundle_check.json, the figures go to
docs/benchmarks.md ("Bundle"). tests/bundle runs this
when PPID_BUNDLE_TEST=1 (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build_spec" / "ppid_desk.spec"
DIST = ROOT / "dist" / "ppid-desk"
SIZE_GOAL_MB = 200.0
OUT = ROOT / "bench" / "out" / "bundle_check.json"  # the last result, raw (git-ignored)
PASSWORD = "rahasia-admin-2026"
EXE = "ppid-desk.exe" if sys.platform == "win32" else "ppid-desk"
# On Windows the windowed ppid-desk.exe has no console: the command line is ppid-desk-cli.exe.
CLI_EXE = "ppid-desk-cli.exe" if sys.platform == "win32" else "ppid-desk"


def clean_env(home: Path) -> dict[str, str]:
    """What a desk PC's shell has: no Python variables, no display, a home of its own."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TEMP", "TMP", "TMPDIR")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.setdefault("LANG", "C.UTF-8")
    env.update(HOME=str(home), USERPROFILE=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"))
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def build() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", str(SPEC)], cwd=ROOT, check=True)
    return time.perf_counter() - started


def size_on_disk(folder: Path) -> tuple[float, int]:
    """MB (10^6 bytes) of the files (symlinks counted once, as links) and the number of files."""
    total, count = 0, 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        total += path.stat().st_size
        count += 1
    return total / 1e6, count


def run(
    argv: list[str], *, cwd: Path, env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600)


def timed_self_check(argv: list[str], *, cwd: Path, env: dict[str, str]) -> tuple[float | None, float, int]:
    """Seconds from process start to the ``dialog_masuk`` line, to exit, and the exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*argv, "--self-check"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    dialog: float | None = None
    assert process.stdout is not None
    for line in process.stdout:
        if dialog is None and "] dialog_masuk:" in line:
            dialog = time.perf_counter() - started
    code = process.wait()
    return dialog, time.perf_counter() - started, code


def timed_version(argv: list[str], *, cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([*argv, "--version"], cwd=cwd, env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def first_steps(cli: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """README "First steps" with the frozen program: init, request add, print receipt."""
    data = work / "meja"
    env = {**env, "PPID_DESK_PASSWORD": PASSWORD}
    steps: dict[str, Any] = {}
    init = run(
        [
            str(cli),
            "--data-dir",
            str(data),
            "init",
            "--office-code",
            "KEC-SRG",
            "--office-name",
            "Kecamatan Serang",
            "--admin",
            "admin",
        ],
        cwd=work,
        env=env,
    )
    steps["init"] = {
        "ok": init.returncode == 0,
        "detail": " / ".join((init.stdout + init.stderr).split("\n"))[-300:],
    }
    received = (datetime.now() - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    body = {
        "received_at": received,
        "channel": "datang_langsung",
        "complete": True,
        "requester": {
            "kind": "perorangan",
            "name": "Budi Santoso",
            "nik": "3673011506850001",
            "address": "Jl. Ahmad Yani No. 10, Cimuncang, Serang",
            "phone": "0812-3456-7890",
        },
        "information": "Salinan DPA Kecamatan Serang tahun anggaran 2025",
        "purpose": "Penelitian skripsi",
        "obtain_method": "salinan_softcopy",
        "delivery_method": "email",
    }
    added = run(
        [
            str(cli),
            "--data-dir",
            str(data),
            "--user",
            "admin",
            "request",
            "add",
            "-",
            "--confirm-warnings",
            "--json",
        ],
        cwd=work,
        env=env,
        stdin=json.dumps(body),
    )
    number = json.loads(added.stdout)["number"] if added.returncode == 0 else None
    steps["request add"] = {"ok": number is not None, "detail": number or added.stderr.strip()[-300:]}
    if number is None:
        return steps
    out = work / "struk.pdf"
    printed = run(
        [
            str(cli),
            "--data-dir",
            str(data),
            "--user",
            "admin",
            "print",
            "receipt",
            number,
            "--paper",
            "thermal80",
            "--out",
            str(out),
        ],
        cwd=work,
        env=env,
    )
    ok = printed.returncode == 0 and out.exists() and out.read_bytes().startswith(b"%PDF-")
    detail = printed.stdout.strip() or printed.stderr.strip()
    try:  # the number must be on the paper (pypdf is a development dependency)
        import pypdf

        text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(out).pages) if ok else ""
        ok = ok and number in " ".join(text.split())
    except ImportError:
        pass
    steps["print receipt"] = {"ok": ok, "detail": detail[-300:]}
    return steps


def check(repeats: int, skip_build: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
        "load": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    if not skip_build:
        result["build_seconds"] = round(build(), 1)
    if not (DIST / EXE).exists():
        raise SystemExit(f"{DIST / EXE} tidak ada: bangun dulu (tanpa --skip-build)")
    with tempfile.TemporaryDirectory(prefix="ppid-bundle-") as tmp:
        place, work, home = Path(tmp) / "terpasang", Path(tmp) / "kerja", Path(tmp) / "home"
        shutil.copytree(DIST, place / "ppid-desk", symlinks=True)
        work.mkdir()
        home.mkdir()
        env = clean_env(home)
        frozen = place / "ppid-desk" / CLI_EXE
        source = Path(sys.executable).with_name("ppid-desk.exe" if sys.platform == "win32" else "ppid-desk")
        size_mb, files = size_on_disk(place / "ppid-desk")
        result.update(size_mb=round(size_mb, 1), files=files, size_ok=size_mb <= SIZE_GOAL_MB)

        first_dialog, first_total, code = timed_self_check([str(frozen)], cwd=work, env=env)
        result["first_self_check"] = {
            "dialog_s": first_dialog and round(first_dialog, 2),
            "total_s": round(first_total, 2),
            "code": code,
        }
        version = run([str(frozen), "--version"], cwd=work, env=env)
        result["version"] = version.stdout.strip()
        report = run([str(frozen), "--self-check", "--json"], cwd=work, env=env)
        try:
            checks = json.loads(report.stdout)
        except ValueError:
            checks = {"ok": False, "checks": [], "stderr": report.stderr[-2000:]}
        result["self_check"] = {
            "ok": report.returncode == 0 and checks.get("ok") is True and checks.get("frozen") is True,
            "checks": {c["name"]: f"[{_label(c)}] {c['detail']}" for c in checks["checks"]},
            **({"stderr": checks["stderr"]} if "stderr" in checks else {}),
        }
        result["first_steps"] = first_steps(frozen, work, env)

        samples: dict[str, list[float]] = {k: [] for k in ("fv", "sv", "fd", "sd", "ft", "st")}
        for _ in range(repeats):
            for kind, argv in (("f", [str(frozen)]), ("s", [str(source)])):
                samples[f"{kind}v"].append(
                    timed_version(argv, cwd=work, env=env if kind == "f" else os.environ.copy())
                )
                dialog, total, _code = timed_self_check(
                    argv, cwd=work, env=env if kind == "f" else _source_env(home)
                )
                samples[f"{kind}d"].append(dialog or float("nan"))
                samples[f"{kind}t"].append(total)
        med = {key: round(statistics.median(values), 2) for key, values in samples.items() if values}
        result["cold_start"] = {
            "version_s": {"frozen": med.get("fv"), "source": med.get("sv")},
            "login_dialog_s": {"frozen": med.get("fd"), "source": med.get("sd")},
            "self_check_s": {"frozen": med.get("ft"), "source": med.get("st")},
            "repeats": repeats,
        }
    result["ok"] = bool(
        result["self_check"]["ok"]
        and all(step["ok"] for step in result["first_steps"].values())
        and len(result["first_steps"]) == 3
        and result["version"].startswith("ppid-desk ")
    )
    return result


def _label(check: dict[str, Any]) -> str:
    return "GAGAL" if not check["ok"] else "PERINGATAN" if check.get("warning") else "OK"


def _source_env(home: Path) -> dict[str, str]:
    """The source install's environment for the same measurement: this interpreter's, without a display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    return env


def render(result: dict[str, Any]) -> str:
    cold = result["cold_start"]
    lines = [
        f"Bundle check ({result['machine']}, load {result['load']}):",
        f"  build: {str(result['build_seconds']) + ' s' if 'build_seconds' in result else 'skipped (--skip-build)'}",
        f"  version: {result['version']}",
        f"  size on disk: {result['size_mb']} MB in {result['files']} files (goal <= {SIZE_GOAL_MB:.0f} MB: "
        f"{'met' if result['size_ok'] else 'MISSED'})",
        f"  self-check in the bundle: {'passed' if result['self_check']['ok'] else 'FAILED'}",
        *[f"    {name}: {text}" for name, text in result["self_check"]["checks"].items()],
        *([f"    stderr: {result['self_check']['stderr']}"] if "stderr" in result["self_check"] else []),
        "  first steps with the frozen program (copied elsewhere, clean environment):",
        *[
            f"    {name}: {'ok' if step['ok'] else 'FAILED'} - {step['detail']}"
            for name, step in result["first_steps"].items()
        ],
        f"  first frozen self-check after copying: dialog painted {result['first_self_check']['dialog_s']} s,"
        f" total {result['first_self_check']['total_s']} s",
        f"  cold start, median of {cold['repeats']} (frozen / source install):",
        f"    --version: {cold['version_s']['frozen']} s / {cold['version_s']['source']} s",
        f"    login dialog painted (--self-check): {cold['login_dialog_s']['frozen']} s / "
        f"{cold['login_dialog_s']['source']} s",
        f"    whole --self-check: {cold['self_check_s']['frozen']} s / {cold['self_check_s']['source']} s",
        "OK" if result["ok"] else "FAILED",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skip-build", action="store_true", help="use the existing dist/ppid-desk")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = check(args.repeats, args.skip_build)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else render(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
