"""``ppid-desk --self-check`` from a source install, in real child processes without a display."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_subprocess, subprocess_env

from app.documents.kinds import DOCUMENT_KINDS

pytestmark = pytest.mark.slow  # real ppid-desk child processes

APP_CHECKS = ["register", "keamanan", "identitas", "hari_libur", "templat", "dokumen", "keyring"]
QT_CHECKS = ["qt_platform", "dialog_masuk", "huruf_dan_ikon", "terjemahan", "pratinjau_pdf", "printer"]


def _headless_env(home: Path, **extra: str) -> dict[str, str]:
    """No display and no platform chosen: the self-check must pick offscreen by itself. A home of its own, so
    that a data folder written by mistake would show."""
    env = subprocess_env(HOME=str(home), XDG_DATA_HOME=str(home / "data"), **extra)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def test_self_check_passes_headless_and_touches_no_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_subprocess("--self-check", "--json", env=_headless_env(home))
    assert result.code == 0, result.out + result.err
    report = json.loads(result.out)
    assert report["ok"] is True and report["frozen"] is False
    checks = {check["name"]: check for check in report["checks"]}
    assert list(checks) == QT_CHECKS + APP_CHECKS
    assert checks["qt_platform"]["detail"].startswith("offscreen")
    assert f"{len(DOCUMENT_KINDS)} jenis dokumen" in checks["dokumen"]["detail"]
    assert "ppid_desk_en.qm" in checks["terjemahan"]["detail"]
    assert checks["hari_libur"]["detail"].startswith("holidays ")
    assert checks["keyring"]["detail"]  # the backend is named, usable or not
    assert not (home / "data" / "ppid-desk").exists()


def test_a_failing_check_exits_1_and_says_what_failed(tmp_path: Path) -> None:
    """A keyring backend named in PYTHON_KEYRING_BACKEND that does not exist (a misconfigured PC)."""
    result = run_subprocess(
        "--self-check", env=_headless_env(tmp_path / "home", PYTHON_KEYRING_BACKEND="tidak_ada.Keyring")
    )
    assert result.code == 1, result.out + result.err
    assert "[GAGAL] keyring: ModuleNotFoundError: No module named 'tidak_ada'" in result.out
    assert "[OK] dokumen:" in result.out and "[OK] register:" in result.out  # the others still ran
    assert result.out.rstrip().endswith("1 pemeriksaan gagal: keyring")
    assert "Pemeriksaan mandiri gagal: keyring:" in result.err


def test_self_check_is_listed_in_the_help() -> None:
    result = run_subprocess("--help")
    assert result.code == 0 and "--self-check" in result.out
