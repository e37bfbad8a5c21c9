"""The NIK key is never silently replaced: a register with encrypted NIKs and no (or a foreign) key stops every
command with exit 2 and writes nothing, and ``check`` opens every NIK, not a sample."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import NIK, intake, run_in_process
from cryptography.fernet import Fernet

KEY = Path("keys") / "pii.key"


def _add(desk_dir: Path, nik: str = NIK) -> str:
    body = intake(requester={"nik": nik})
    result = run_in_process("--data-dir", desk_dir, "--user", "admin", "--json", "request", "add", "-",
                            stdin=json.dumps(body))  # fmt: skip
    assert result.code == 0, result.err
    return str(result.json()["number"])


def test_a_missing_key_stops_every_command_and_no_new_key_is_written(desk_dir: Path) -> None:
    number = _add(desk_dir)
    (desk_dir / KEY).unlink()
    for argv in (("request", "list"), ("request", "show", number)):
        result = run_in_process("--data-dir", desk_dir, "--user", "admin", *argv)
        assert result.code == 2, result.err
        assert "pii.key" in result.err and "cadangan" in result.err
    wrong = run_in_process("--data-dir", desk_dir, "--user", "admin", "request", "list",
                           env={"PPID_DESK_PASSWORD": "salah-sekali"})  # fmt: skip
    assert wrong.code == 2
    assert not (desk_dir / KEY).exists()  # not even a failed sign-in writes a key


def test_a_foreign_key_stops_the_desk(desk_dir: Path) -> None:
    number = _add(desk_dir)
    (desk_dir / KEY).write_bytes(Fernet.generate_key())
    result = run_in_process("--data-dir", desk_dir, "--user", "admin", "request", "show", number)
    assert result.code == 2 and "bukan kunci register ini" in result.err


def test_check_counts_every_nik_the_key_cannot_open(desk_dir: Path) -> None:
    import sqlite3

    from app.services.pii import PiiVault

    for nik in (NIK, "3673011506850002", "3673011506850003"):
        _add(desk_dir, nik)
    # A NIK taken while another key was in place (as the old desk wrote one when the file went missing):
    # the middle one, so opening the desk (first and last NIK) does not notice it, only a full check does.
    other = PiiVault.open(Path(str(desk_dir) + "-other"), create=True)
    connection = sqlite3.connect(desk_dir / "register.sqlite3")
    with connection:
        connection.execute(
            "UPDATE requesters SET nik_encrypted = ?, nik_hash = ? WHERE rowid = "
            "(SELECT rowid FROM requesters ORDER BY rowid LIMIT 1 OFFSET 1)",
            (other.encrypt("3673011506850002"), other.lookup_hash("3673011506850002")),
        )
    connection.close()
    result = run_in_process("--data-dir", desk_dir, "--json", "check")
    assert result.code == 1
    detail = {c["name"]: c for c in result.json()["checks"]}["kunci_data_pribadi"]
    assert not detail["ok"] and "1 dari 3 NIK" in detail["detail"], detail


def test_init_creates_the_key_owner_only(tmp_path: Path) -> None:
    from cli_helpers import init_args

    data_dir = tmp_path / "baru"
    assert run_in_process(*init_args(data_dir)).code == 0
    assert (data_dir / KEY).stat().st_mode & 0o077 == 0


def test_restoring_a_backup_brings_the_key_back(desk_dir: Path, tmp_path: Path) -> None:
    number = _add(desk_dir)
    copy = tmp_path / "cadangan.sqlite3"
    backup = run_in_process("--data-dir", desk_dir, "--user", "admin", "backup", "--out", copy)
    assert backup.code == 0, backup.err
    (desk_dir / KEY).unlink()
    restored = run_in_process("--data-dir", desk_dir, "--user", "admin", "restore", copy)
    assert restored.code == 0, restored.err
    shown = run_in_process("--data-dir", desk_dir, "--user", "admin", "--json", "request", "show", number)
    assert shown.code == 0 and shown.json()["requester"]["nik"] == NIK


PASSPHRASE = "kopi pagi di serang baru"


def test_a_sealed_key_travels_with_backups_and_comes_back_only_with_the_passphrase(tmp_path: Path) -> None:
    from cli_helpers import init_args

    data_dir = tmp_path / "meja"
    env = {"PPID_DESK_RECOVERY_PASSPHRASE": PASSPHRASE}
    assert run_in_process(*init_args(data_dir), "--recovery-passphrase", env=env).code == 0
    number = _add(data_dir)
    copy = tmp_path / "cadangan.sqlite3"
    assert run_in_process("--data-dir", data_dir, "--user", "admin", "backup", "--out", copy).code == 0
    key = (data_dir / KEY).read_bytes().strip()
    sealed = Path(f"{copy}.key.recovery")
    assert sealed.exists() and not Path(f"{copy}.key").exists()  # no key in the clear beside the backup
    assert key not in sealed.read_bytes()
    (data_dir / KEY).unlink()
    wrong = run_in_process("--data-dir", data_dir, "--user", "admin", "restore", copy,
                           env={"PPID_DESK_RECOVERY_PASSPHRASE": "bukan frasa yang benar"})  # fmt: skip
    assert wrong.code == 2 and "Frasa pemulihan salah" in wrong.err and not (data_dir / KEY).exists()
    restored = run_in_process("--data-dir", data_dir, "--user", "admin", "restore", copy, env=env)
    assert restored.code == 0, restored.err
    shown = run_in_process("--data-dir", data_dir, "--user", "admin", "--json", "request", "show", number)
    assert shown.code == 0 and shown.json()["requester"]["nik"] == NIK


def test_key_recover_puts_a_backup_key_back_after_checking_it(desk_dir: Path, tmp_path: Path) -> None:
    number = _add(desk_dir)
    copy = tmp_path / "cadangan.sqlite3"
    assert run_in_process("--data-dir", desk_dir, "--user", "admin", "backup", "--out", copy).code == 0
    (desk_dir / KEY).unlink()
    foreign = tmp_path / "lain.sqlite3"
    Path(f"{foreign}.key").write_bytes(Fernet.generate_key())
    refused = run_in_process("--data-dir", desk_dir, "--user", "admin", "key", "recover", foreign)
    assert refused.code == 2 and "tidak membuka 1 dari 1 NIK" in refused.err and not (desk_dir / KEY).exists()
    recovered = run_in_process("--data-dir", desk_dir, "--user", "admin", "key", "recover", copy)
    assert recovered.code == 0, recovered.err
    assert run_in_process("--data-dir", desk_dir, "--user", "admin", "request", "show", number).code == 0
    assert (desk_dir / KEY).stat().st_mode & 0o077 == 0


def test_key_passphrase_seals_later_backups(desk_dir: Path, tmp_path: Path) -> None:
    env = {"PPID_DESK_RECOVERY_PASSPHRASE": PASSPHRASE}
    short = run_in_process("--data-dir", desk_dir, "--user", "admin", "key", "passphrase",
                           env={"PPID_DESK_RECOVERY_PASSPHRASE": "pendek"})  # fmt: skip
    assert short.code == 2 and "minimal" in short.err
    assert run_in_process("--data-dir", desk_dir, "--user", "admin", "key", "passphrase", env=env).code == 0
    copy = tmp_path / "c.sqlite3"
    assert run_in_process("--data-dir", desk_dir, "--user", "admin", "backup", "--out", copy).code == 0
    assert Path(f"{copy}.key.recovery").exists() and not Path(f"{copy}.key").exists()
