"""``ppid-desk user add --nip``: the NIP by the same rule as an official's (18 digits, only digits and spaces).

Seen: ``user add rudi ... --nip 123`` was saved (the help says "NIP (18 digit)"; ``official set`` refuses it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import PASSWORD, run_in_process


@pytest.mark.parametrize(
    ("nip", "message"), [("123", "NIP harus 18 digit"), ("19680507x198712100", "hanya boleh berisi angka")]
)
def test_a_bad_nip_is_refused(desk_dir: Path, nip: str, message: str) -> None:
    result = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "rudi", "--name", "Rudi", "--role", "petugas",
        "--nip", nip, env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert result.code == 2
    assert message in result.err
    listed = run_in_process("--data-dir", desk_dir, "--user", "admin", "user", "list", "--json").json()
    assert [u["username"] for u in listed] == ["admin"]


def test_a_spaced_nip_is_kept_as_digits(desk_dir: Path) -> None:
    result = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "rudi", "--name", "Rudi", "--role", "petugas",
        "--nip", "19680507 198712 1 001", "--json", env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["nip"] == "196805071987121001"


def test_user_list_writes_moments_like_every_other_table(desk_dir: Path) -> None:
    """Seen: MASUK TERAKHIR read ``2026-12-07 08:33:13`` (seconds) where every other table writes
    ``2026-03-16 09:30``."""
    import re

    listed = run_in_process("--data-dir", desk_dir, "--user", "admin", "user", "list")
    line = next(line for line in listed.out.splitlines() if line.startswith("admin"))
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", line) and not re.search(r":\d{2}:\d{2}$", line)
