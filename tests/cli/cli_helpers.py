"""Helpers for the CLI tests (imported as ``cli_helpers``): run ``ppid-desk`` in this process or in a real
subprocess, and build valid intake JSON.

Why both: the subprocess runs prove the installed entry point, exit codes, stdin handling and that Qt is never
imported; the in-process runs cover every command's behaviour quickly (the holiday tables and the imports are
paid once per test session instead of once per command).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.cli.main import main

PASSWORD = "rahasia123"
OFFICE_CODE = "KEC-SRG"
#: 36 73 01 (Kota Serang, Kec. Serang), 15 June 1985, man, serial 0001.
NIK = "3673011506850001"
#: Same, but kecamatan 99 does not exist: a warning the officer must confirm.
NIK_UNKNOWN_REGION = "3673991506850001"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def intake(**overrides: Any) -> dict[str, Any]:
    """A valid walk-in intake, complete at the desk, received Monday 16 March 2026 09:30."""
    data: dict[str, Any] = {
        "received_at": "2026-03-16T09:30:00",
        "channel": "datang_langsung",
        "complete": True,
        "requester": {
            "kind": "perorangan",
            "name": "Budi Santoso",
            "nik": NIK,
            "address": "Jl. Ahmad Yani No. 10, Cimuncang, Serang",
            "phone": "0812-3456-7890",
            "email": "budi.santoso@example.id",
            "occupation": "Wiraswasta",
        },
        "information": "Salinan DPA Kecamatan Serang tahun anggaran 2025",
        "purpose": "Penelitian skripsi",
        "obtain_method": "salinan_softcopy",
        "delivery_method": "email",
    }
    requester = overrides.pop("requester", None)
    if requester is not None:
        data["requester"] = {**data["requester"], **requester}
    data.update(overrides)
    return data


def run_in_process(
    *argv: str | Path,
    stdin: str = "",
    env: dict[str, str | None] | None = None,
) -> Result:
    """``ppid-desk ARGV`` inside this process, with the given stdin and environment overrides."""
    settings: dict[str, str | None] = {"PPID_DESK_PASSWORD": PASSWORD, "PPID_DESK_DATA_DIR": None}
    settings.update(env or {})
    saved = {key: os.environ.get(key) for key in settings}
    saved_stdin = sys.stdin
    out, err = io.StringIO(), io.StringIO()
    try:
        for key, value in settings.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        sys.stdin = io.StringIO(stdin)
        code = main([str(a) for a in argv], stdout=out, stderr=err)
    finally:
        sys.stdin = saved_stdin
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Result(code, out.getvalue(), err.getvalue())


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PPID_DESK_")}
    env["PPID_DESK_PASSWORD"] = PASSWORD
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run_subprocess(
    *argv: str | Path, stdin: str = "", env: dict[str, str] | None = None, python_flags: tuple[str, ...] = ()
) -> Result:
    """``python -m app ARGV`` in a real child process (the same entry point as the ``ppid-desk`` script)."""
    completed = subprocess.run(
        [sys.executable, *python_flags, "-m", "app", *[str(a) for a in argv]],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or subprocess_env(),
        timeout=120,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def init_args(data_dir: Path) -> list[str | Path]:
    return [
        "--data-dir",
        data_dir,
        "init",
        "--office-code",
        OFFICE_CODE,
        "--office-name",
        "Kecamatan Serang",
        "--admin",
        "admin",
    ]


def petugas_and_a_kuasa_request(desk_dir: Path) -> str:
    """A petugas ``siti`` (password ``PASSWORD``) added by the admin, and a request filed through a kuasa with
    a phone: its number. For what a petugas may see of the kuasa's contacts."""
    made = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert made.code == 0, made.err
    body = intake(
        requester={"proxy": {"name": "Andi Kuasa", "phone": "0812 5555 6666", "address": "Jl. A"}},
        documents=["ktp", "surat_kuasa"],
    )
    added = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "request", "add", stdin=json.dumps(body)
    )
    assert added.code == 0, added.err
    return added.out.split("\t")[0]
