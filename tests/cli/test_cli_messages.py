"""Messages that help (issue 16, items 6, 7 and 10): the CLI speaks Indonesian from usage line to error, shows
labels instead of codes, refuses what it would otherwise silently drop, and marks a late keberatan."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from cli_helpers import init_args, intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _request(desk_dir: Path, **overrides: object) -> str:
    # --meski-duplikat: these tests file the same person's intake again on purpose
    result = _run(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake(**overrides)))
    assert result.code == 0, result.err
    return result.out.split("\t")[0]


def _count(desk_dir: Path) -> int:
    return len(_run(desk_dir, "request", "list", "--json", "--limit", "1000").json())


# --- item 10: messages that help ------------------------------------------------------------------------------


def test_a_nik_with_a_letter_says_only_digits_are_allowed(desk_dir: Path) -> None:
    result = _run(desk_dir, "request", "add", stdin=json.dumps(intake(requester={"nik": "36730115O6850001"})))
    assert result.code == 2
    assert "hanya boleh berisi angka" in result.err and "'O'" in result.err
    assert "16 angka (yang diisi: 16" not in result.err  # not the misleading length message


def test_export_and_list_refuse_from_after_to_like_print_register(desk_dir: Path, tmp_path: Path) -> None:
    _request(desk_dir)
    out = tmp_path / "register.csv"
    export = _run(desk_dir, "export", "--out", out, "--from", "2026-04-01", "--to", "2026-03-01")
    assert export.code == 2 and "tidak boleh sebelum tanggal awal" in export.err
    assert not out.exists()
    listed = _run(desk_dir, "request", "list", "--from", "2026-04-01", "--to", "2026-03-01")
    assert listed.code == 2 and "tidak boleh sebelum tanggal awal" in listed.err


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"purpse": "Penelitian"}, "purpse"),
        ({"requester": {"nama": "Budi"}}, "nama"),
        ({"requester": {"proxy": {"name": "Ani", "telepon": "0812"}}}, "telepon"),
    ],
)
def test_intake_refuses_unknown_keys_by_name_and_saves_nothing(
    desk_dir: Path, overrides: dict, named: str
) -> None:
    # --meski-duplikat: these tests file the same person's intake again on purpose
    result = _run(desk_dir, "request", "add", "--meski-duplikat", stdin=json.dumps(intake(**overrides)))
    assert result.code == 2, result.out
    assert "Kunci tidak dikenal" in result.err and named in result.err
    assert _count(desk_dir) == 0


def test_action_and_keberatan_bodies_refuse_unknown_keys(desk_dir: Path) -> None:
    number = _request(desk_dir)
    before = _run(desk_dir, "request", "show", number, "--json").json()
    typo = _run(
        desk_dir,
        "request", "act", number, "extend", "--body", "-",
        stdin=json.dumps({"reason": "belum_dikuasai", "notes": "arsip di bagian keuangan"}),
    )  # fmt: skip
    assert typo.code == 2 and "notes" in typo.err
    costs = _run(
        desk_dir,
        "request", "act", number, "respond", "--body", "-",
        stdin=json.dumps({"decision": "diterima", "costs": {"page": 3, "price_per_page": 500}}),
    )  # fmt: skip
    assert costs.code == 2 and "page" in costs.err
    assert _run(desk_dir, "request", "show", number, "--json").json() == before

    filed = _run(
        desk_dir,
        "objection", "add", "--request", number, "--ground", "c", "--body", "-",
        stdin=json.dumps({"kasus": "tidak ditanggapi"}),
    )  # fmt: skip
    assert filed.code == 2 and "kasus" in filed.err
    proxy = _run(
        desk_dir,
        "objection", "add", "--request", number, "--ground", "c", "--body", "-",
        stdin=json.dumps({"proxy": {"name": "Ani", "nik": "3673011506850001"}}),
    )  # fmt: skip
    assert proxy.code == 2 and "nik" in proxy.err
    assert _run(desk_dir, "objection", "list", "--json").json() == []

    added = _run(desk_dir, "objection", "add", "--request", number, "--ground", "c", "--json")
    assert added.code == 0, added.err
    keberatan = added.json()["number"]
    decided = _run(
        desk_dir,
        "objection", "act", keberatan, "decide", "--body", "-",
        stdin=json.dumps({"decision": "dikabulkan", "text": "Diberikan.", "atasan": "Drs. Ahmad"}),
    )  # fmt: skip
    assert decided.code == 2 and "atasan" in decided.err
    assert _run(desk_dir, "objection", "show", keberatan, "--json").json()["status"] == "terdaftar"


def test_a_failed_init_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    fresh = tmp_path / "baru" / "meja"
    args = ["--office-name", "Kecamatan Serang", "--admin", "admin"]
    result = run_in_process(
        "--data-dir", fresh, "init", "--office-code", "KEC-SRG", "--desk-letter", "11", *args
    )
    assert result.code == 2 and "Huruf meja" in result.err
    assert not (tmp_path / "baru").exists()

    existing = tmp_path / "ada"
    existing.mkdir()
    (existing / "catatan.txt").write_text("milik petugas", "utf-8")
    result = run_in_process("--data-dir", existing, "init", "--office-code", "kec serang!", *args)
    assert result.code == 2 and "Kode kantor" in result.err
    assert sorted(p.name for p in existing.iterdir()) == ["catatan.txt"]
    again = run_in_process("--data-dir", existing, "init", "--office-code", "KEC-SRG", *args)
    assert again.code == 0, again.err  # not "sudah disiapkan": nothing half-made was left behind


def test_print_receipt_json_returns_the_number(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    result = _run(desk_dir, "print", "receipt", number, "--out", tmp_path / "r.pdf", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["number"] == number and data["letter_number"] is None
    listed = _run(desk_dir, "print", "letters", number).out
    assert "Tanda Bukti Penerimaan Permohonan" in listed and "receipt" not in listed


def test_request_show_names_the_officer_and_shows_labels_not_codes(tmp_path: Path) -> None:
    desk_dir = tmp_path / "meja"
    made = run_in_process(*init_args(desk_dir), "--admin-name", "Siti Rahmawati, S.Sos.")
    assert made.code == 0, made.err
    number = _request(desk_dir)
    shown = _run(desk_dir, "request", "show", number)
    assert shown.code == 0, shown.err
    assert "melalui Datang langsung oleh Siti Rahmawati, S.Sos." in shown.out
    assert "datang_langsung" not in shown.out
    assert "(Perorangan)" in shown.out and "Pemberitahuan tertulis:" in shown.out
    data = _run(desk_dir, "request", "show", number, "--json").json()
    assert data["received_by"] == "admin" and data["received_by_name"] == "Siti Rahmawati, S.Sos."
    filed = _run(desk_dir, "objection", "add", "--request", number, "--ground", "c", "--json").json()
    assert filed["received_by_name"] == "Siti Rahmawati, S.Sos."
    assert "oleh petugas Siti Rahmawati, S.Sos." in _run(desk_dir, "objection", "show", filed["number"]).out


# --- item 6: one language -------------------------------------------------------------------------------------


def test_usage_and_argparse_errors_are_indonesian() -> None:
    missing = run_in_process("request", "act")
    assert missing.code == 2
    assert "penggunaan:" in missing.err and "argumen berikut wajib diisi: NUMBER, ACTION" in missing.err
    assert "usage:" not in missing.err and "required" not in missing.err
    choice = run_in_process("export", "--out", "x.csv", "--format", "pdf")
    assert "pilihan 'pdf' tidak dikenal" in choice.err and "invalid choice" not in choice.err
    number = run_in_process("request", "list", "--limit", "banyak")
    assert "tidak sah (harus bilangan bulat)" in number.err and "invalid int" not in number.err
    unknown = run_in_process("request", "list", "--frm", "2026-01-01")
    assert "argumen tidak dikenal: --frm" in unknown.err
    helped = run_in_process("request", "add", "--help")
    assert helped.code == 0 and "penggunaan:" in helped.out and "opsi" in helped.out
    assert "show this help" not in helped.out and "options:" not in helped.out


def test_bad_json_is_explained_without_pythons_english(desk_dir: Path) -> None:
    result = _run(desk_dir, "request", "add", stdin='{"information": "DPA", }')
    assert result.code == 2
    assert "JSON tidak valid (baris 1" in result.err and "tanda kutip ganda" in result.err
    assert "Expecting" not in result.err


def test_objection_show_labels_deadlines_and_grounds(desk_dir: Path) -> None:
    number = _request(desk_dir)
    added = _run(desk_dir, "objection", "add", "--request", number, "--ground", "c", "--json").json()
    shown = _run(desk_dir, "objection", "show", added["number"])
    assert "Batas tanggapan Atasan PPID:" in shown.out
    assert "response:" not in shown.out and "dispute_filing" not in shown.out
    assert "c. Tidak ditanggapinya permintaan informasi" in shown.out


def test_export_csv_writes_labels_and_national_phones(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    responded = _run(
        desk_dir, "request", "act", number, "respond", "--at", "2026-03-18T10:00", "--body", "-",
        stdin=json.dumps({"decision": "diterima", "info_form": "softcopy"}),
    )  # fmt: skip
    assert responded.code == 0, responded.err
    out = tmp_path / "register.csv"
    assert _run(desk_dir, "export", "--out", out).code == 0
    row = next(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    assert row["Bentuk Informasi"] == "Softcopy"
    assert row["Jenis Pemohon"] == "Perorangan"
    assert "0812-3456-7890" in row["Nomor Kontak"] and "+62" not in row["Nomor Kontak"]


# --- item 7: a late keberatan is visible -----------------------------------------------------------------------


def test_a_keberatan_filed_after_its_window_is_marked_late(desk_dir: Path) -> None:
    number = _request(desk_dir)  # received and complete on Monday 16 March 2026
    responded = _run(
        desk_dir, "request", "act", number, "respond", "--at", "2026-03-18T10:00", "--body", "-",
        stdin=json.dumps({"decision": "diterima"}),
    )  # fmt: skip
    assert responded.code == 0, responded.err
    late = _run(
        desk_dir, "objection", "add", "--request", number, "--ground", "d", "--filed-at", "2026-07-01T09:00"
    )
    assert late.code == 0, late.err
    keberatan = late.out.split("\t")[0]
    assert "TERLAMBAT" in late.err and "tetap terdaftar" in late.err
    data = _run(desk_dir, "objection", "show", keberatan, "--json").json()
    assert data["late_filing"] is True and data["filing_due"] < "2026-07-01"
    shown = _run(desk_dir, "objection", "show", keberatan).out
    assert "TERLAMBAT" in shown and "terlambat: batas pengajuan keberatan" in shown  # the timeline line too
    listed = _run(desk_dir, "objection", "list").out
    assert "2026-07-01 TERLAMBAT" in listed
    request_timeline = _run(desk_dir, "request", "show", number).out
    assert "terlambat: batas pengajuan keberatan" in request_timeline


def test_in_time_and_unanswered_requests(desk_dir: Path) -> None:
    answered = _request(desk_dir)
    _run(
        desk_dir, "request", "act", answered, "respond", "--at", "2026-03-18T10:00", "--body", "-",
        stdin=json.dumps({"decision": "diterima"}),
    )  # fmt: skip
    in_time = _run(
        desk_dir, "objection", "add", "--request", answered, "--ground", "d", "--filed-at", "2026-03-25T09:00"
    )
    assert in_time.code == 0 and "TERLAMBAT" not in in_time.err
    assert "TERLAMBAT" not in _run(desk_dir, "objection", "list").out

    silent = _request(desk_dir)  # never answered: the window runs from the lapse of the response deadline
    late = _run(
        desk_dir, "objection", "add", "--request", silent, "--ground", "c", "--filed-at", "2026-09-01T09:00",
        "--json",
    )  # fmt: skip
    assert late.code == 0, late.err
    assert late.json()["late_filing"] is True and "TERLAMBAT" in late.err
