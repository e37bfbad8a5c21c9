"""``ppid-desk enroll`` / ``ppid-desk sync [--json] [--status]`` as a scheduled task would run them (real
processes, the keyring backend chosen through PYTHON_KEYRING_BACKEND)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.services.desk import DeskServices
from server import admin
from server.models import Record
from server.testing import LiveServer


def ppid_desk(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=180, env={**os.environ, **env}, check=False,
    )  # fmt: skip


def test_enroll_and_sync_from_the_command_line(desk: DeskServices, officer: Any, walk_in: Any, server: LiveServer,
                                               tmp_path: Path) -> None:  # fmt: skip
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    number = desk.register.receive(officer, walk_in()).number
    data_dir = desk.ctx.data_dir
    desk.close()
    env = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    out = ppid_desk(data_dir, env, "sync", "--json")
    assert out.returncode == 2 and json.loads(out.stdout)["error_code"] == "not_enrolled"
    code, _ = admin.new_enroll_code(server.engine, "CPJ")
    out = ppid_desk(data_dir, env, "enroll", "--server", server.url, "--code", code)
    assert out.returncode == 0, out.stderr
    assert "huruf meja A" in out.stdout
    out = ppid_desk(data_dir, env, "sync", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and report["pushed"] == 1 and report["pending"] == 0 and report["error"] is None
    with server.engine.connect() as conn:
        numbers = [r["number"] for r in conn.execute(select(Record.data)).scalars()]
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 1
    assert numbers == [number]
    out = ppid_desk(data_dir, env, "sync", "--status")
    assert out.returncode == 0 and "Menunggu dikirim: 0" in out.stdout


def test_enroll_without_a_keyring_backend_is_refused_with_a_remedy(
    desk: DeskServices, server: LiveServer
) -> None:
    admin.add_office(server.engine, "CPJ", "Kecamatan Cipocok Jaya")
    data_dir = desk.ctx.data_dir
    desk.close()
    code, _ = admin.new_enroll_code(server.engine, "CPJ")
    out = ppid_desk(data_dir, {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
                    "enroll", "--server", server.url, "--code", code)  # fmt: skip
    assert out.returncode == 2
    assert "PYTHON_KEYRING_BACKEND" in out.stderr and "berkas biasa" in out.stderr


def test_plain_http_to_a_remote_server_is_refused(desk: DeskServices) -> None:
    data_dir = desk.ctx.data_dir
    desk.close()
    env = {"PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
    out = ppid_desk(
        data_dir, env, "enroll", "--server", "http://ppid.serangkota.go.id", "--code", "AAAA-BBBB-CCCC"
    )
    assert out.returncode == 2 and "https://" in out.stderr
