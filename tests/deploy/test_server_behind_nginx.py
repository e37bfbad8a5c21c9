"""The deployment as deploy/ describes it, run for real on this machine: the systemd unit's own ``serve`` command
(several uvicorn workers, PostgreSQL) behind nginx with deploy/nginx-ppid-server.conf and TLS; a desk enrolls
and pushes over HTTPS, an oversized push gets the server's own answer, plain HTTP is redirected."""

from __future__ import annotations

import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.sync.client import SyncClient
from ppid_protocol.wire import HEADER_SIGNATURE
from server import admin
from server.testing import free_port, init_db, postgres_database, standard_offices
from tests.deploy.test_server_deploy import DEPLOY, exec_start
from tests.server.conftest import make_op, require_postgres

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (shutil.which("nginx") and shutil.which("openssl")), reason="nginx or openssl is not installed"
    ),
]


def _certificate(folder: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 that the desk is told to trust (as with a city CA)."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ppid-test",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return folder / "cert.pem"


def _nginx_conf(folder: Path, app_port: int, https_port: int, http_port: int) -> Path:
    site = (DEPLOY / "nginx-ppid-server.conf").read_text(encoding="utf-8")
    site = site.replace("server 127.0.0.1:8470;", f"server 127.0.0.1:{app_port};")
    site = site.replace("    listen [::]:443 ssl;\n", "").replace("    listen [::]:80;\n", "")
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("/etc/ssl/ppid-server/fullchain.pem", str(folder / "cert.pem"))
    site = site.replace("/etc/ssl/ppid-server/privkey.pem", str(folder / "key.pem"))
    site = site.replace("/var/log/nginx/", f"{folder}/")
    assert f"127.0.0.1:{app_port}" in site and f"127.0.0.1:{https_port} ssl" in site
    (folder / "site.conf").write_text(site, encoding="utf-8")
    temp = "".join(
        f"{kind}_temp_path {folder}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = folder / "nginx.conf"
    # started as root, nginx would run its workers as "nobody", who cannot enter the test's private folder
    user = "user root root;\n" if os.geteuid() == 0 else ""
    main.write_text(
        f"daemon off;\n{user}pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\naccess_log off;\n{temp}include {folder}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    return main


@contextmanager
def _running(argv: list[str], log: Path, env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _wait_for(
    url: str, proc: subprocess.Popen[bytes], log: Path, verify: ssl.SSLContext | bool = True
) -> None:
    for _ in range(300):
        assert proc.poll() is None, log.read_text(errors="replace")
        try:
            if httpx.get(url, verify=verify, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{url} did not answer:\n{log.read_text(errors='replace')}")


def _records(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


def _started(log: Path) -> set[str]:
    """Worker processes that finished starting (uvicorn replaces one that does not answer in time)."""
    return {
        m.group(1) for r in _records(log) if (m := re.match(r"Started server process \[(\d+)\]", r["msg"]))
    }


def test_desk_syncs_through_nginx_tls_with_several_workers(tmp_path: Path) -> None:
    require_postgres()
    cert = _certificate(tmp_path)
    tls = ssl.create_default_context(cafile=str(cert))
    app_port, https_port, http_port = free_port(), free_port(), free_port()
    argv = exec_start("ppid-server.service")
    argv[0] = str(Path(sys.executable).with_name("ppid-server"))
    argv[argv.index("--port") + 1] = str(app_port)
    assert int(argv[argv.index("--workers") + 1]) >= 2
    argv[argv.index("--workers") + 1] = str(workers := 2)  # this machine's cores, not the city server's
    with postgres_database() as url:
        engine = init_db(url)
        standard_offices(engine)
        code, _ = admin.new_enroll_code(engine, "3673.01")
        env = {**os.environ, "PPID_SERVER_DB": url}
        server_log, nginx_log = tmp_path / "server.log", tmp_path / "nginx.out"
        with (
            _running(argv, server_log, env) as server,
            _running(
                [
                    "nginx",
                    "-c",
                    str(_nginx_conf(tmp_path, app_port, https_port, http_port)),
                    "-p",
                    str(tmp_path),
                ],
                nginx_log,
                env,
            ) as nginx,  # fmt: skip
        ):
            base = f"https://127.0.0.1:{https_port}"
            _wait_for(f"http://127.0.0.1:{app_port}/openapi.json", server, server_log)
            _wait_for(f"{base}/openapi.json", nginx, nginx_log, tls)
            for _ in range(600):  # every worker up (a loaded machine starts them slowly)
                if len(_started(server_log)) >= workers:
                    break
                time.sleep(0.2)

            with SyncClient(base, ca_bundle=str(cert)) as desk:
                done = desk.enroll(code, label="meja depan")
                desk.token, desk.device_id = done.token, done.device_id
                for _ in range(3):
                    assert desk.push([make_op()]).results[0].status == "applied"
                desk.hello()
                headers = desk._headers()

            # above the server's 4 MiB, below nginx's limit: the server answers, in JSON, signed
            big = httpx.post(
                f"{base}/api/sync/v1/push", content=b"x" * (5 * 1024 * 1024), verify=tls, timeout=60,
                headers={**headers, "Content-Type": "application/json", "X-Body-SHA256": "0" * 64},
            )  # fmt: skip
            assert big.status_code == 413 and big.headers.get(HEADER_SIGNATURE) is not None
            assert big.json()["error"]["code"] == "body_too_large"

            plain = httpx.get(f"http://127.0.0.1:{http_port}/api/sync/v1/hello", timeout=10)
            assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
            with pytest.raises(httpx.ConnectError):  # an untrusted certificate is refused
                httpx.get(f"{base}/openapi.json", timeout=10)

        seen = [d for d in admin.list_devices(engine) if d.id == done.device_id]
        assert seen and seen[0].last_seen is not None
        engine.dispose()
    assert len(_started(server_log)) >= workers, server_log.read_text()
    records = _records(server_log)
    pushes = [r for r in records if r.get("msg") == "request" and r.get("path") == "/api/sync/v1/push"]
    assert len(pushes) >= 3 and {r["status"] for r in pushes} >= {200, 413}
