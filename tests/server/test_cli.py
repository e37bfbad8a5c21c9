"""``ppid-server`` end to end, as an admin uses it: init, offices, a code, serve, a desk enrolls, list, revoke."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.sync.client import SyncClient, SyncError
from server.testing import free_port, postgres_schema
from tests.server.conftest import make_op, require_postgres

pytestmark = pytest.mark.slow  # real `ppid-server` child processes, one of them serving


def cli(db: str, *args: str) -> Any:
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "--db", db, "--json", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def bare_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/cli.sqlite3"
        return
    require_postgres()
    with postgres_schema() as url:
        yield url


def test_cli_end_to_end(bare_url: str, tmp_path: Any) -> None:
    assert cli(bare_url, "init")["revision"] == "0006"
    assert cli(bare_url, "init")["ok"]  # idempotent
    cli(bare_url, "office", "add", "--code", "3673", "--name", "PPID Utama", "--city")
    cli(bare_url, "office", "add", "--code", "3673.01", "--name", "Kecamatan Serang")
    offices = cli(bare_url, "office", "list")
    assert [(o["code"], o["is_city"]) for o in offices] == [("3673", True), ("3673.01", False)]
    code = cli(bare_url, "enroll-code", "--office", "3673.01")["code"]

    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "--db", bare_url, "serve", "--port", str(port)],
            stderr=log, stdout=log, env={**os.environ},
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(url + "/docs", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        with SyncClient(url) as desk:
            done = desk.enroll(code, label="meja depan")
            desk.token, desk.device_id = done.token, done.device_id
            assert desk.push([make_op()]).results[0].status == "applied"
            devices = cli(bare_url, "device", "list")
            assert [(d["id"], d["desk_letter"], d["revoked_at"]) for d in devices] == [
                (done.device_id, "A", None)
            ]
            cli(bare_url, "device", "revoke", done.device_id)
            with pytest.raises(SyncError) as info:
                desk.hello()
            assert info.value.code == "device_revoked"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    assert any(rec.get("msg") == "request" and rec.get("path") == "/api/sync/v1/push" for rec in lines)
    assert any(rec.get("msg") == "push" and rec.get("ops") == 1 for rec in lines)


def test_cli_refusals_exit_1_with_a_message(tmp_path: Any) -> None:
    db = f"sqlite:///{tmp_path}/x.sqlite3"
    cli(db, "init")
    out = subprocess.run([sys.executable, "-m", "server.cli", "--db", db, "enroll-code", "--office", "9999"],
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert out.returncode == 1 and "tidak ada" in out.stderr
    fresh = f"sqlite:///{tmp_path}/fresh.sqlite3"
    out = subprocess.run([sys.executable, "-m", "server.cli", "--db", fresh, "serve", "--port", "1"],
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert out.returncode == 1 and "ppid-server init" in out.stderr
