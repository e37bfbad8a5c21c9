"""``ppid-desk request route`` as an administrator runs it: real processes, a live server, the keyring backend
chosen through PYTHON_KEYRING_BACKEND. The city desk lists the offices and routes; a kecamatan desk is refused."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.paths import db_path
from app.services.desk import DeskServices
from server import admin
from server.models import Record
from server.testing import LiveServer
from tests.conftest import USER_PASSWORD

REASON = "Informasi dikuasai Kecamatan Cipocok Jaya"


def ppid_desk(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=180, check=False,
        env={**os.environ, **env, "PPID_DESK_USER": "petugas", "PPID_DESK_PASSWORD": USER_PASSWORD},
    )  # fmt: skip


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the CLI's part; PostgreSQL: test_city_desk.py
def test_city_desk_routes_from_the_command_line(
    desk: DeskServices, officer: Any, walk_in: Any, server: LiveServer, tmp_path: Path, _desk_template: Any
) -> None:
    admin.add_office(server.engine, "CPJ", "Kecamatan Uji")
    number = desk.register.receive(officer, walk_in()).number
    kec = desk.ctx.data_dir
    desk.close()
    city = tmp_path / "kota"
    shutil.copytree(_desk_template.folder, city)
    with sqlite3.connect(db_path(city)) as conn:
        conn.execute("UPDATE office SET code = '3673', name = 'PPID Utama Kota Serang'")
    env = {
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    for folder, office in ((kec, "CPJ"), (city, "3673")):
        code, _ = admin.new_enroll_code(server.engine, office)
        out = ppid_desk(folder, env, "enroll", "--server", server.url, "--code", code)
        assert out.returncode == 0, out.stderr
        out = ppid_desk(folder, env, "sync")
        assert out.returncode == 0, out.stderr

    # a kecamatan desk is refused plainly (exit 2), nothing queued
    out = ppid_desk(kec, env, "request", "route", number, "--to", "3673.02", "--reason", REASON)
    assert out.returncode == 2 and "Hanya meja PPID kota" in out.stderr and "Traceback" not in out.stderr

    # the city lists where it may go (the list comes from the server), then routes
    out = ppid_desk(city, env, "request", "route", number, "--list", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert listed["current"] == {"code": "CPJ", "name": "Kecamatan Uji", "is_city": False}
    assert [o["code"] for o in listed["targets"]] == ["3673", "3673.01", "3673.02"]
    out = ppid_desk(city, env, "request", "route", number, "--to", "9999", "--reason", REASON)
    assert out.returncode == 2 and "Kantor 9999 tidak dikenal" in out.stderr
    out = ppid_desk(city, env, "request", "route", number, "--to", "3673.02")
    assert out.returncode == 2 and "--reason" in out.stderr
    out = ppid_desk(city, env, "request", "route", number, "--to", "3673.02", "--reason", REASON)
    assert out.returncode == 0, out.stderr
    assert f"Diteruskan ke Kecamatan Cipocok Jaya (3673.02) dari Kecamatan Uji: {REASON}" in out.stdout
    out = ppid_desk(city, env, "sync", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["pushed"] == 1
    with server.engine.connect() as conn:
        offices = [r["office_code"] for r in conn.execute(select(Record.data)).scalars()]
    assert offices == ["3673.02"]
    out = ppid_desk(kec, env, "sync", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["removed"] == 1
