"""``ppid-desk dik list`` writes dates as every CLI table does (ISO), not as a letter says them.

Seen: the SK column read ``800/12/PPID/2026, 5 Januari 2026`` and the period ``sampai dengan 31 Desember 2031``
beside tables that all write ``2026-01-05``.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run_in_process

DIK = {
    "information": "Dokumen penawaran lelang yang sedang berjalan",
    "article": "b",
    "consequence_test": "Membuka dokumen ini menghambat proses lelang yang sedang berjalan.",
    "excluded_until": "2031-12-31",
    "sk_number": "800/12/PPID/2026",
    "sk_date": "2026-01-05",
}


def test_dik_list_writes_iso_dates(desk_dir: Path) -> None:
    base = ("--data-dir", desk_dir, "--user", "admin")
    added = run_in_process(*base, "dik", "add", "--body", "-", stdin=json.dumps(DIK))
    assert added.code == 0, added.err
    listed = run_in_process(*base, "dik", "list")
    assert listed.code == 0, listed.err
    assert "800/12/PPID/2026, 2026-01-05" in listed.out and "sampai dengan 2031-12-31" in listed.out
    assert "Januari" not in listed.out and "Desember" not in listed.out
