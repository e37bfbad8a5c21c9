"""deploy/: the systemd units, the environment file, nginx and logrotate agree with each other and with the
server's own command line; the backup script and the restore drill work on a real PostgreSQL database."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from server import admin
from server.app import ServerConfig
from server.cli import build_parser
from server.db import make_engine, upgrade
from server.testing import PG_ADMIN_DB, PG_HOST, PG_PORT, postgres_database
from tests.server.conftest import require_postgres

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENV_FILE = "/etc/ppid-server/ppid-server.env"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


def env_example() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "ppid-server.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def exec_start(name: str) -> list[str]:
    """ExecStart of ``name`` with ``${VAR}`` taken from the example environment file, as systemd expands it."""
    env = env_example()
    line = unit(name)["Service"]["ExecStart"]
    missing = set(re.findall(r"\$\{(\w+)\}", line)) - set(env)
    assert not missing, f"{name} uses variables the environment file does not define: {missing}"
    return shlex.split(re.sub(r"\$\{(\w+)\}", lambda m: env[m.group(1)], line))


def nginx_upstream_port() -> int:
    conf = (DEPLOY / "nginx-ppid-server.conf").read_text(encoding="utf-8")
    found = re.search(r"upstream ppid_server \{[^}]*?server 127\.0\.0\.1:(\d+);", conf, re.S)
    assert found
    return int(found.group(1))


def test_server_unit_runs_a_serve_command_the_server_accepts() -> None:
    argv = exec_start("ppid-server.service")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert Path(argv[0]).name in scripts and scripts[Path(argv[0]).name] == "server.cli:main"
    args = build_parser().parse_args(argv[1:])
    assert args.command == "serve" and args.host == "127.0.0.1"
    assert args.workers >= 2 and args.port == nginx_upstream_port()
    assert not hasattr(args, "db")  # the URL comes from PPID_SERVER_DB, not the process list
    service = unit("ppid-server.service")["Service"]
    assert service["User"] == "ppid" and service["EnvironmentFile"] == ENV_FILE


def test_environment_file_names_a_postgresql_url_over_the_socket() -> None:
    env = env_example()
    url = make_url(env["PPID_SERVER_DB"])
    assert url.drivername == "postgresql+psycopg" and url.password is None  # peer authentication
    assert url.username == "ppid" == unit("ppid-server.service")["Service"]["User"]
    assert str(url.query["host"]).startswith("/")
    assert int(env["PPID_WORKERS"]) * 24 + 10 <= 150  # the max_connections the guide sets


def test_backup_units_call_the_shipped_script_with_the_same_settings() -> None:
    service = unit("ppid-backup.service")["Service"]
    assert service["EnvironmentFile"] == ENV_FILE and service["User"] == "ppid"
    assert service["ExecStart"] == "/opt/ppid-server/bin/ppid-backup"
    assert env_example()["PPID_BACKUP_DIR"] in service["ReadWritePaths"].split()
    assert unit("ppid-backup.timer")["Timer"]["Persistent"] == "true"
    for script in ("ppid-backup.sh", "ppid-restore-drill.sh"):
        assert os.access(DEPLOY / script, os.X_OK), script
        subprocess.run(["bash", "-n", str(DEPLOY / script)], check=True)


def test_nginx_lets_the_server_answer_oversized_pushes_itself() -> None:
    conf = (DEPLOY / "nginx-ppid-server.conf").read_text(encoding="utf-8")
    limit = re.search(r"client_max_body_size (\d+)m;", conf)
    assert limit and int(limit.group(1)) * 1024 * 1024 > ServerConfig.max_body_bytes
    assert "proxy_pass http://ppid_server;" in conf and "listen 443 ssl;" in conf


def _local_copy(tmp_path: Path, name: str) -> Path:
    """``name`` with the installed paths pointed at this checkout, for tools that check they exist."""
    text = (DEPLOY / name).read_text(encoding="utf-8")
    text = text.replace(
        "/opt/ppid-server/venv/bin/ppid-server", str(Path(sys.executable).with_name("ppid-server"))
    )
    text = text.replace("/opt/ppid-server/bin/ppid-backup", str(DEPLOY / "ppid-backup.sh"))
    text = text.replace(ENV_FILE, str(DEPLOY / "ppid-server.env.example"))
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    names = ["ppid-server.service", "ppid-backup.service", "ppid-backup.timer"]
    for name in names:
        _local_copy(tmp_path, name)
    out = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    complaints = [line for line in out.stderr.splitlines() if str(tmp_path) in line]
    assert out.returncode == 0 and not complaints, out.stderr


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_config_passes_nginx_t(tmp_path: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ppid.test",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = (DEPLOY / "nginx-ppid-server.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/ssl/ppid-server/fullchain.pem", str(tmp_path / "cert.pem"))
    site = site.replace("/etc/ssl/ppid-server/privkey.pem", str(tmp_path / "key.pem"))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; include {tmp_path}/site.conf; }}\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert out.returncode == 0 and "test is successful" in out.stderr, out.stderr


@pytest.mark.skipif(shutil.which("logrotate") is None, reason="logrotate is not installed")
def test_logrotate_config_parses_and_names_the_units_log(tmp_path: Path) -> None:
    out = subprocess.run(
        ["logrotate", "-d", "-s", str(tmp_path / "state"), str(DEPLOY / "logrotate-ppid-server")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert out.returncode == 0 and "error" not in out.stderr.lower(), out.stderr
    log = unit("ppid-server.service")["Service"]["StandardError"].removeprefix("append:")
    assert f"considering log {log}" in out.stderr


# --- backup and restore drill on PostgreSQL ------------------------------------------------------------------

PG_TOOLS = all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "psql", "createdb", "dropdb"))


def _pg_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PGHOST": PG_HOST, "PGPORT": str(PG_PORT), **extra}


def _databases() -> set[str]:
    """The restore drill's scratch databases: other tests create and drop their own databases at the same time
    (pytest-xdist), so only the drill's are compared; the drill tests share one xdist group."""
    with psycopg.connect(f"host={PG_HOST} port={PG_PORT} dbname={PG_ADMIN_DB}") as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'ppid\\_drill\\_%'")
        return {row[0] for row in rows}


@pytest.mark.slow  # the shipped backup and drill scripts on a real PostgreSQL (pg_dump, ppid-server)
@pytest.mark.postgres
@pytest.mark.xdist_group("restore_drill")
@pytest.mark.skipif(not PG_TOOLS, reason="the PostgreSQL client programs are not installed")
def test_backup_then_restore_drill_on_postgresql(tmp_path: Path) -> None:
    require_postgres()
    backups = tmp_path / "backups"
    backups.mkdir()
    day = 24 * 3600
    for name, age in (("ppid-server-old.dump", 40 * day), ("ppid-server-recent.dump", 10 * day),
                      ("notes.txt", 40 * day)):  # fmt: skip
        (backups / name).write_text("x")
        os.utime(backups / name, (time.time() - age, time.time() - age))
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        admin.add_office(engine, "3673", "PPID Utama Kota Serang", is_city=True)
        admin.add_office(engine, "3673.01", "Kecamatan Serang")
        code, _ = admin.new_enroll_code(engine, "3673.01")
        device = admin.enroll(engine, code, request_id="drill-1", label="meja depan").device_id
        engine.dispose()
        backup = subprocess.run(
            [str(DEPLOY / "ppid-backup.sh")], capture_output=True, text=True, timeout=300, check=False,
            env=_pg_env(PPID_SERVER_DB=url, PPID_BACKUP_DIR=str(backups), PPID_BACKUP_KEEP_DAYS="30"),
        )  # fmt: skip
    assert backup.returncode == 0, backup.stderr
    dumps = sorted(p.name for p in backups.iterdir())
    made = [n for n in dumps if re.fullmatch(r"ppid-server-\d{8}-\d{6}\.dump", n)]
    assert len(made) == 1 and dumps == sorted([*made, "ppid-server-recent.dump", "notes.txt"])  # old one gone

    before = _databases()
    drill = subprocess.run(
        [str(DEPLOY / "ppid-restore-drill.sh")], capture_output=True, text=True, timeout=300, check=False,
        env=_pg_env(PPID_BACKUP_DIR=str(backups), PPID_SERVER_BIN=str(Path(sys.executable).with_name("ppid-server"))),
    )  # fmt: skip
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert made[0] in drill.stdout and "restore drill passed" in drill.stdout
    assert "3673.01\tkantor\tKecamatan Serang" in drill.stdout and device in drill.stdout
    assert re.search(r"^devices 1$", drill.stdout, re.M) and re.search(r"^offices 2$", drill.stdout, re.M)
    assert _databases() == before  # the scratch database is gone again

    with open(
        backups / made[0], "rb"
    ) as dump:  # as the guide runs it: root reads the file, postgres restores
        piped = subprocess.run(
            [str(DEPLOY / "ppid-restore-drill.sh"), "-"], stdin=dump, capture_output=True, text=True, timeout=300,
            check=False, env=_pg_env(PPID_SERVER_BIN=str(Path(sys.executable).with_name("ppid-server"))),
        )  # fmt: skip
    assert piped.returncode == 0 and device in piped.stdout, piped.stdout + piped.stderr
    assert "restore drill passed: the dump on standard input" in piped.stdout
    assert _databases() == before


@pytest.mark.slow  # the shipped backup and drill scripts on a real PostgreSQL (pg_dump, ppid-server)
@pytest.mark.postgres
@pytest.mark.xdist_group("restore_drill")
@pytest.mark.skipif(not PG_TOOLS, reason="the PostgreSQL client programs are not installed")
def test_failed_backup_and_damaged_dump_are_reported(tmp_path: Path) -> None:
    require_postgres()
    backups = tmp_path / "backups"
    failed = subprocess.run(
        [str(DEPLOY / "ppid-backup.sh")], capture_output=True, text=True, timeout=120, check=False,
        env=_pg_env(PPID_SERVER_DB=f"postgresql+psycopg://{PG_HOST}:{PG_PORT}/no_such_db_ppid",
                    PPID_BACKUP_DIR=str(backups)),
    )  # fmt: skip
    assert failed.returncode != 0 and list(backups.iterdir()) == []  # no half-written dump left behind
    sqlite = subprocess.run(
        [str(DEPLOY / "ppid-backup.sh")], capture_output=True, text=True, timeout=60, check=False,
        env=_pg_env(PPID_SERVER_DB="sqlite:///server.sqlite3", PPID_BACKUP_DIR=str(backups)),
    )  # fmt: skip
    assert sqlite.returncode == 2 and "SQLite" in sqlite.stderr

    damaged = backups / "ppid-server-20260101-000000.dump"
    damaged.write_bytes(b"PGDMP" + b"\0" * 64)
    before = _databases()
    drill = subprocess.run(
        [str(DEPLOY / "ppid-restore-drill.sh"), str(damaged)], capture_output=True, text=True, timeout=120,
        check=False, env=_pg_env(),
    )  # fmt: skip
    assert drill.returncode != 0 and "restore drill passed" not in drill.stdout
    assert _databases() == before


def test_deployment_guide_covers_every_deploy_file_and_names_the_package_once() -> None:
    guide = (ROOT / "docs" / "deploy-server.md").read_text(encoding="utf-8")
    for path in sorted(DEPLOY.iterdir()):
        assert f"deploy/{path.name}" in guide, path.name
    assert guide.count("SERVER_PACKAGE='") == 1  # the one place to change when the server has its own package
    assert (
        "ppid-desk[server]" not in guide
    )  # the server's own distribution, without the desk's Qt and reportlab
    assert "pip wheel --no-deps ./packaging/server" in guide
    assert "--stale-days" in guide
