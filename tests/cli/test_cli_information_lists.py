"""``ppid-desk dik|dip list|add|revoke``: JSON bodies validated as in the workstation (exit 2 naming the field),
supervisors only, revocation kept, and ``list --format pdf|xlsx --out FILE`` printing and exporting the list."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pypdf
from cli_helpers import run_in_process

DIK = {
    "information": "Dokumen evaluasi penawaran pengadaan yang sedang berjalan",
    "article": "b",
    "consequence_test": "Membuka dokumen sebelum penetapan pemenang mengganggu persaingan usaha.",
    "excluded_until": "2026-12-31",
    "sk_number": "800/7/PPID/2026",
    "sk_date": "2026-02-02",
}
DIP = {"title": "Profil kecamatan", "summary": "Struktur organisasi", "holder": "Sekretariat",
       "form": "Hardcopy", "location": "Meja layanan PPID"}  # fmt: skip


def _run(desk_dir: Path, *argv: str | Path, stdin: str = "", user: str = "admin"):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", user, *argv, stdin=stdin)


def test_dik_add_list_revoke_and_print(desk_dir: Path, tmp_path: Path) -> None:
    added = _run(desk_dir, "--json", "dik", "add", "--body", "-", stdin=json.dumps(DIK))
    assert added.code == 0, added.err
    entry = added.json()
    assert entry["sk_number"] == "800/7/PPID/2026" and entry["revoked_at"] is None
    listing = _run(desk_dir, "dik", "list")
    assert listing.code == 0 and entry["id"] in listing.out and "800/7/PPID/2026" in listing.out
    pdf = tmp_path / "dik.pdf"
    assert _run(desk_dir, "dik", "list", "--format", "pdf", "--out", pdf).code == 0
    text = " ".join(
        " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages).split()
    )
    assert "DAFTAR INFORMASI YANG DIKECUALIKAN" in text and "sampai dengan 31 Desember 2026" in text
    revoked = _run(desk_dir, "dik", "revoke", entry["id"], "--reason", "Pemenang sudah diumumkan")
    assert revoked.code == 0, revoked.err
    assert entry["id"] not in _run(desk_dir, "dik", "list").out
    kept = _run(desk_dir, "--json", "dik", "list", "--all").json()
    assert kept[0]["revoke_reason"] == "Pemenang sudah diumumkan" and kept[0]["revoked_by"] == "admin"


def test_bad_bodies_exit_2_naming_the_field(desk_dir: Path) -> None:
    bad = _run(desk_dir, "dik", "add", "--body", "-", stdin=json.dumps({**DIK, "article": "z"}))
    assert bad.code == 2 and "article" in bad.err
    bad = _run(desk_dir, "dip", "add", "--body", "-", stdin=json.dumps({**DIP, "lokasi": "x"}))
    assert bad.code == 2 and "lokasi" in bad.err
    bad = _run(desk_dir, "dip", "add", "--body", "-", stdin="{not json")
    assert bad.code == 2
    assert _run(desk_dir, "dik", "revoke", "tidak-ada", "--reason", "Salah entri").code == 2
    assert _run(desk_dir, "--json", "dik", "list", "--all").json() == []


def test_dip_exports_as_xlsx(desk_dir: Path, tmp_path: Path) -> None:
    assert _run(desk_dir, "dip", "add", "--body", "-", stdin=json.dumps(DIP)).code == 0
    out = tmp_path / "dip.xlsx"
    result = _run(desk_dir, "dip", "list", "--format", "xlsx", "--out", out)
    assert result.code == 0, result.err
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet["A1"].value == "DAFTAR INFORMASI PUBLIK"
    assert [c.value for c in sheet[3]] == [1, "Profil kecamatan", "Struktur organisasi", "Sekretariat", "Hardcopy",
                                           "Meja layanan PPID"]  # fmt: skip
    assert _run(desk_dir, "dip", "list", "--format", "xlsx").code == 2  # no --out


def test_a_missing_exclusion_period_names_the_fields_in_words(desk_dir: Path) -> None:
    """Issue 16 item 6: the message names *Dikecualikan sampai* and *Jangka waktu pengecualian*, not the keys in
    brackets; the key the body must carry still leads the line, as for every refused field."""
    body = {k: v for k, v in DIK.items() if k not in ("excluded_until", "excluded_period")}
    refused = _run(desk_dir, "dik", "add", "--body", "-", stdin=json.dumps(body))
    assert refused.code == 2
    assert "isi Dikecualikan sampai (tanggal) atau Jangka waktu pengecualian" in refused.err
    assert "(excluded_until)" not in refused.err and "excluded_period," not in refused.err
