"""A private, throwaway PostgreSQL cluster for tests that must stop or restart the database server.

The shared cluster at 127.0.0.1:5432 is used by everyone during development and must never be restarted by a
test. This one lives in a temporary folder, listens on a free 127.0.0.1 port (and a Unix socket in that
folder), trusts local connections, and is deleted afterwards. ``initdb`` refuses to run as root, so under root
every PostgreSQL binary runs as the ``postgres`` system user (``subprocess``'s ``user=``), in a folder that
user owns. ``fsync`` is off to keep it quick; commits still go through the WAL, so a crash restart
(``-m immediate``) recovers every committed transaction as a real server would.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from server.testing import free_port


class PrivatePostgresUnavailable(RuntimeError):
    """The binaries, a non-root user or ``initdb`` itself are missing or failed here (the reason is the text)."""


def find_bindir() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb and pg_ctl, else the one on PATH."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]), reverse=True
    )
    found = shutil.which("initdb")
    for path in [*candidates, *([found] if found else [])]:
        bindir = Path(path).resolve().parent
        if (bindir / "pg_ctl").exists() and (bindir / "postgres").exists():
            return bindir
    raise PrivatePostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) were not found")


class PrivatePostgres:
    """One cluster: ``start()``, ``stop(mode)``, ``restart(mode)``, ``url(dbname)``, ``create_database()``."""

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PrivatePostgresUnavailable("running as root and there is no 'postgres' user") from exc
            self.user = "postgres"
        # under root the folder must be reachable by the postgres user: /tmp, not a private TMPDIR
        self.folder = Path(
            tempfile.mkdtemp(prefix="ppid-pg-", dir="/tmp" if self.user and Path("/tmp").is_dir() else None)
        )
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = free_port()
        self.running = False

    # ------------------------------------------------------------------ plumbing
    def _run(self, tool: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        extra: dict[str, object] = {}
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            extra = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PGTZ": "UTC"}
        return subprocess.run(  # type: ignore[call-overload]
            [str(self.bindir / tool), *args], capture_output=True, text=True, timeout=timeout, check=False,
            cwd=self.folder, env=env, **extra,
        )  # fmt: skip

    def _checked(self, tool: str, *args: str) -> None:
        out = self._run(tool, *args)
        if out.returncode != 0:
            tail = "\n".join((out.stderr or out.stdout).strip().splitlines()[-5:])
            log = self.log.read_text(errors="replace")[-1500:] if self.log.exists() else ""
            raise PrivatePostgresUnavailable(f"{tool} {' '.join(args[:2])} failed: {tail}\n{log}")

    # ------------------------------------------------------------------ life cycle
    def init(self) -> PrivatePostgres:
        self._checked(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=60 -c shared_buffers=16MB"
        )
        self._checked(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
        )
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """``fast``: active transactions are rolled back and clients cut; ``immediate``: a crash (recovery on
        the next start replays the WAL)."""
        self._checked("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        self.running = False

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def destroy(self) -> None:
        if self.running:
            with contextlib.suppress(Exception):
                self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ databases
    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str = "ppid") -> str:
        import psycopg

        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A started private cluster, destroyed afterwards. Raises ``PrivatePostgresUnavailable`` when this
    machine cannot run one (the caller decides between skipping and failing)."""
    cluster = PrivatePostgres()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()
