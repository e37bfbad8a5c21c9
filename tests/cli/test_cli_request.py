"""``ppid-desk request ...`` and ``objection ...`` in-process: output, exit codes and "nothing changed"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from cli_helpers import NIK, NIK_UNKNOWN_REGION, intake, run_in_process

from app.domain import deadlines as dl
from app.domain.calendar import WorkingCalendar


def _add(desk_dir: Path, data: dict, *extra: str):  # type: ignore[no-untyped-def]
    return run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "request", "add", *extra, stdin=json.dumps(data)
    )


def _count(desk_dir: Path) -> int:
    result = run_in_process(
        "request", "list", "--json", "--limit", "1000", "--data-dir", desk_dir, "--user", "admin"
    )
    assert result.code == 0, result.err
    return len(result.json())


def test_add_prints_the_number_after_intake_and_the_legal_due_date(desk_dir: Path) -> None:
    result = _add(desk_dir, intake())
    assert result.code == 0, result.err
    number, status, due = result.out.strip().split("\t")
    assert number == "KEC-SRG/2026/A-0001"
    assert status == "diproses"
    # The issue's example: received Monday 16 March 2026, complete at the desk -> due Tuesday 7 April 2026.
    assert due == "2026-04-07"


def test_add_json_carries_the_contract_fields(desk_dir: Path) -> None:
    result = _add(desk_dir, intake(complete=False), "--json")
    assert result.code == 0, result.err
    obj = result.json()
    for key in (
        "id",
        "number",
        "status",
        "received_at",
        "completed_at",
        "due",
        "requester",
        "information",
        "purpose",
        "events",
    ):
        assert key in obj
    assert obj["status"] == "verifikasi"
    assert obj["completed_at"] is None
    assert obj["due"]["response"] is None and obj["due"]["extended"] is None
    expected = dl.completeness_due(WorkingCalendar(), date(2026, 3, 16))
    assert obj["due"]["completeness"] == expected.due.isoformat()
    assert obj["due"]["explanations"]["completeness"]
    assert obj["requester"]["nik"] == NIK  # an admin may see personal data
    assert [e["kind"] for e in obj["events"]] == ["receive"]


def test_add_reads_a_file_and_accepts_data_dir_after_the_subcommand(desk_dir: Path, tmp_path: Path) -> None:
    body = tmp_path / "permohonan.json"
    body.write_text(json.dumps(intake()), encoding="utf-8")
    result = run_in_process("request", "add", body, "--data-dir", desk_dir, "--user", "admin")
    assert result.code == 0, result.err
    assert result.out.startswith("KEC-SRG/2026/A-0001")


def test_unknown_nik_region_needs_confirmation(desk_dir: Path) -> None:
    data = intake(requester={"nik": NIK_UNKNOWN_REGION})
    refused = _add(desk_dir, data)
    assert refused.code == 2
    assert "36.73.99" in refused.err and "--confirm-warnings" in refused.err
    assert refused.out == ""
    assert _count(desk_dir) == 0
    confirmed = _add(desk_dir, data, "--confirm-warnings")
    assert confirmed.code == 0, confirmed.err
    assert _count(desk_dir) == 1


def test_bad_input_exits_2_lists_every_problem_and_saves_nothing(desk_dir: Path) -> None:
    broken = run_in_process("--data-dir", desk_dir, "--user", "admin", "request", "add", stdin="{not json")
    assert broken.code == 2 and "JSON tidak valid" in broken.err
    incomplete = _add(desk_dir, intake(information="", requester={"nik": "123"}))
    assert incomplete.code == 2
    assert "information" in incomplete.err and "requester.nik" in incomplete.err
    assert "Traceback" not in incomplete.err
    assert _count(desk_dir) == 0


def test_sign_in_problems_exit_2(desk_dir: Path) -> None:
    wrong = run_in_process(
        "--data-dir",
        desk_dir,
        "--user",
        "admin",
        "request",
        "list",
        env={"PPID_DESK_PASSWORD": "salah-sekali"},
    )
    assert wrong.code == 2 and "kata sandi salah" in wrong.err
    nobody = run_in_process("--data-dir", desk_dir, "request", "list")
    assert nobody.code == 2 and "--user" in nobody.err


def test_add_reports_the_deadline_in_force_for_an_incomplete_request(desk_dir: Path) -> None:
    result = _add(desk_dir, intake(complete=False, missing_items=["Fotokopi KTP"]))
    assert result.code == 0, result.err
    number, status, due = result.out.strip().split("\t")
    assert status == "tidak_lengkap"
    shown = run_in_process(
        "request", "show", number, "--json", "--data-dir", desk_dir, "--user", "admin"
    ).json()
    assert due == shown["due"]["completion"] is not None


def test_jsonl_issues_one_number_per_line(desk_dir: Path) -> None:
    lines = "\n".join(json.dumps(intake(information=f"Dokumen nomor {i}")) for i in range(3))
    result = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "request", "add", "--jsonl", stdin=lines
    )
    assert result.code == 0, result.err
    numbers = [line.split("\t")[0] for line in result.out.splitlines()]
    assert numbers == [f"KEC-SRG/2026/A-000{i}" for i in (1, 2, 3)]


def test_jsonl_reports_a_bad_line_and_goes_on(desk_dir: Path) -> None:
    """A migration of many lines: each bad line is reported by its number and skipped, the others are saved
    (seen: the run stopped at the first bad line, so everything after it had to be cut out and sent again)."""
    lines = "\n".join(
        [
            json.dumps(intake(information="Dokumen pertama")),
            json.dumps(intake(purpose="", information="Dokumen kedua")),
            '{"information": "tanpa penutup"',
            json.dumps(intake(information="Dokumen keempat, berbeda")),
            json.dumps(intake(information="Dokumen pertama")),  # the same as line 1 within the hour
        ]
    )
    result = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "request", "add", "--jsonl", stdin=lines
    )
    assert result.code == 2
    assert [line.split("\t")[0] for line in result.out.splitlines()] == [
        "KEC-SRG/2026/A-0001",
        "KEC-SRG/2026/A-0002",
    ]
    err = result.err
    assert "baris 2:" in err and "purpose" in err
    assert "baris 3:" in err and "JSON tidak valid" in err
    assert "baris 5:" in err and "--meski-duplikat" in err
    assert "2 permohonan tersimpan, 3 baris ditolak (baris 2, 3, 5)" in err
    assert _count(desk_dir) == 2


def test_list_filters(desk_dir: Path) -> None:
    assert _add(desk_dir, intake()).code == 0
    other = intake(
        received_at="2026-05-04T10:00:00", complete=False, information="Daftar penerima bansos 2025"
    )
    assert _add(desk_dir, other).code == 0
    base = ("request", "list", "--json", "--data-dir", desk_dir, "--user", "admin")
    by_status = run_in_process(*base, "--status", "verifikasi").json()
    assert [r["information"] for r in by_status] == ["Daftar penerima bansos 2025"]
    by_text = run_in_process(*base, "--text", "bansos").json()
    assert len(by_text) == 1
    by_date = run_in_process(*base, "--from", "2026-03-01", "--to", "2026-03-31").json()
    assert [r["number"] for r in by_date] == ["KEC-SRG/2026/A-0001"]
    assert len(run_in_process(*base, "--limit", "1").json()) == 1
    overdue = run_in_process(*base, "--overdue").json()
    assert {r["number"] for r in overdue} == {"KEC-SRG/2026/A-0001", "KEC-SRG/2026/A-0002"}
    assert all(r["nik_masked"] != NIK for r in by_date)
    table = run_in_process("request", "list", "--data-dir", desk_dir, "--user", "admin")
    assert "KEC-SRG/2026/A-0002" in table.out and "NOMOR" in table.out
    bad = run_in_process("request", "list", "--from", "16-03-2026", "--data-dir", desk_dir, "--user", "admin")
    assert bad.code == 2


def test_act_records_and_refuses_without_changing_anything(desk_dir: Path) -> None:
    number = _add(desk_dir, intake()).out.split("\t")[0]
    base = ("--data-dir", desk_dir, "--user", "admin", "request")
    extended = run_in_process(
        *base,
        "act",
        number,
        "extend",
        "--body",
        "-",
        "--at",
        "2026-03-20T10:00",
        "--json",
        stdin=json.dumps({"reason": "belum_dikuasai", "note": "Arsip masih di bagian keuangan"}),
    )
    assert extended.code == 0, extended.err
    obj = extended.json()
    assert obj["status"] == "diperpanjang"
    assert obj["due"]["extended"] > obj["due"]["response"]
    assert obj["events"][-1]["kind"] == "extend" and obj["events"][-1]["at"] == "2026-03-20T10:00:00"

    before = run_in_process(*base, "show", number, "--json").json()
    again = run_in_process(
        *base, "act", number, "extend", "--body", "-", stdin='{"reason": "belum_dikuasai"}'
    )
    assert again.code == 2 and again.err.strip()
    deliver = run_in_process(*base, "act", number, "deliver")
    assert deliver.code == 2
    assert run_in_process(*base, "show", number, "--json").json() == before

    missing = run_in_process(*base, "show", "KEC-SRG/2026/A-9999")
    assert missing.code == 2 and "tidak ditemukan" in missing.err
    unknown_action = run_in_process(*base, "act", number, "terbang")
    assert unknown_action.code == 2

    text = run_in_process(*base, "show", number)
    assert "Diperpanjang" in text.out and "Riwayat:" in text.out and "Tenggat:" in text.out


def test_objection_add_list_show_act(desk_dir: Path, tmp_path: Path) -> None:
    number = _add(desk_dir, intake()).out.split("\t")[0]
    body = tmp_path / "keberatan.json"
    body.write_text(json.dumps({"case_summary": "Permohonan tidak ditanggapi sampai batas waktu."}), "utf-8")
    base = ("--data-dir", desk_dir, "--user", "admin", "objection")
    added = run_in_process(
        *base,
        "add",
        "--request",
        number,
        "--ground",
        "c",
        "--filed-at",
        "2026-04-10T09:00",
        "--body",
        body,
        "--json",
    )
    assert added.code == 0, added.err
    obj = added.json()
    assert obj["number"].startswith("KEB/KEC-SRG/2026/A-")
    assert obj["request_number"] == number and obj["ground"] == "c"
    assert obj["filed_at"] == "2026-04-10T09:00:00" and obj["due"]["response"]

    listed = run_in_process(*base, "list", "--json").json()
    assert [o["number"] for o in listed] == [obj["number"]]
    decided = run_in_process(
        *base,
        "act",
        obj["number"],
        "decide",
        "--body",
        "-",
        "--at",
        "2026-04-20T10:00",
        "--json",
        stdin=json.dumps(
            {
                "decision": "dikabulkan",
                "text": "Informasi diberikan dalam 7 hari.",
                "atasan_name": "Drs. H. Ahmad Fauzi",
            }
        ),
    )
    assert decided.code == 0, decided.err
    assert decided.json()["status"] == "diputus"
    shown = run_in_process(*base, "show", obj["number"])
    assert "Keputusan" in shown.out
    bad_ground = run_in_process(*base, "add", "--request", number, "--ground", "z")
    assert bad_ground.code == 2 and "a sampai g" in bad_ground.err
    assert len(run_in_process(*base, "list", "--json").json()) == 1


def test_add_refuses_a_retried_intake_of_the_last_hour_unless_told_it_is_new(desk_dir: Path) -> None:
    """Issue 13 item 9: a retry after an intake whose number was never shown must not register twice."""
    first = _add(desk_dir, intake())
    assert first.code == 0, first.err
    number = first.out.split("\t")[0]
    again = _add(desk_dir, intake())
    assert again.code == 2 and again.out == ""
    assert number in again.err and "satu jam terakhir" in again.err and "--meski-duplikat" in again.err
    assert _count(desk_dir) == 1
    forced = _add(desk_dir, intake(), "--meski-duplikat", "--json")
    assert forced.code == 0, forced.err
    assert number in forced.json()["events"][0]["summary"]
    assert _count(desk_dir) == 2


def test_add_asks_when_the_nik_is_registered_under_another_name(desk_dir: Path) -> None:
    """Issue 12 item 3: a NIK under another name is the officer's question, answered with a flag each way."""
    first = _add(desk_dir, intake())
    assert first.code == 0, first.err
    renamed = intake(requester={"name": "Budi Santoso Wijaya"}, information="Salinan RKA kecamatan 2026")
    asked = _add(desk_dir, renamed)
    assert asked.code == 2 and asked.out == ""
    assert "Budi Santoso" in asked.err and "Budi Santoso Wijaya" in asked.err
    assert "--orang-sama" in asked.err and "--nik-diperbaiki" in asked.err
    assert _count(desk_dir) == 1
    # "NIK corrected" with the same NIK: still another name, so still asked
    assert _add(desk_dir, renamed, "--nik-diperbaiki").code == 2
    same = _add(desk_dir, renamed, "--orang-sama", "--json")
    assert same.code == 0, same.err
    event = same.json()["events"][0]
    assert event["data"]["identity"]["answer"] == "same_person" and "orang yang sama" in event["summary"]
    other = intake(requester={"name": "Ani Rahayu", "nik": "3673050101900003"}, information="Data lain 2026")
    fixed = _add(desk_dir, other, "--nik-diperbaiki", "--json")
    assert fixed.code == 0, fixed.err
    assert "NIK diperbaiki" in fixed.json()["events"][0]["summary"]
    both = _add(desk_dir, renamed, "--orang-sama", "--nik-diperbaiki")
    assert both.code == 2  # one answer at a time
    shown = run_in_process(
        "request", "show", first.out.split("\t")[0], "--json", "--data-dir", desk_dir, "--user", "admin"
    )
    assert shown.code == 0, shown.err
    assert shown.json()["requester"]["name"] == "Budi Santoso"  # the first request keeps its recorded name
