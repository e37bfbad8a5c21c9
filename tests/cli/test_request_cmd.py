"""``ppid-desk request`` text output shows labels, never stored codes (issue 16, item 6).

Seen: ``request list`` printed the STATUS column as codes (``tidak_lengkap``, ``tidak_dapat_diproses``), while
``request show`` and the export read *Tidak lengkap (menunggu pemohon)*.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def test_request_list_shows_the_status_label(desk_dir: Path) -> None:
    body = intake(complete=False, missing_items=["Fotokopi KTP"])
    added = _run(desk_dir, "request", "add", stdin=json.dumps(body))
    assert added.code == 0, added.err
    listed = _run(desk_dir, "request", "list")
    assert listed.code == 0, listed.err
    assert "Tidak lengkap (menunggu pemohon)" in listed.out
    assert "tidak_lengkap" not in listed.out
    data = _run(desk_dir, "request", "list", "--json").json()
    assert data[0]["status"] == "tidak_lengkap"  # scripts keep the code


def test_a_petugas_sees_the_kuasa_phone_masked(desk_dir: Path) -> None:
    """Seen: ``request show --json`` gave a petugas the kuasa's full phone (``+6281255556666``) while the
    requester's own phone was ``null`` for that role."""
    from cli_helpers import PASSWORD

    made = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert made.code == 0, made.err
    body = intake(
        requester={"proxy": {"name": "Andi Kuasa", "phone": "0812 5555 6666", "address": "Jl. A"}},
        documents=["ktp", "surat_kuasa"],
    )
    number = _run(desk_dir, "request", "add", stdin=json.dumps(body)).out.split("\t")[0]
    seen = run_in_process(
        "--data-dir", desk_dir, "--user", "siti", "request", "show", number, "--json"
    ).json()
    assert seen["requester"]["phone"] is None
    assert seen["proxy"]["phone"] is None and seen["proxy"]["phone_display"] == "0812-••••-6666"
    full = _run(desk_dir, "request", "show", number, "--json").json()
    assert full["proxy"]["phone"] == "+6281255556666" and full["proxy"]["phone_display"] == "0812-5555-6666"


def test_respond_refuses_costs_and_days_the_dialog_cannot_hold(desk_dir: Path) -> None:
    """Seen: ``respond`` with ``{"costs": {"pages": 10**20, "price_per_page": 10**20}}`` was recorded (a total
    of 10**40 rupiah), and ``print notice`` then failed with ``InvalidOperation`` (exit 1); the respond dialog
    holds 0–100.000.000 per cost and 0–365 days of provision."""
    number = _run(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    for body, field in (
        ({"costs": {"pages": 10**20, "price_per_page": 10**20}}, "costs.pages"),
        ({"costs": {"pages": 2, "price_per_page": 100_000_001}}, "costs.price_per_page"),
        ({"provision_days": 1000}, "provision_days"),
        ({"provision_days": True}, "provision_days"),
    ):
        full = {"decision": "diterima", "info_form": "softcopy", **body}
        result = _run(desk_dir, "request", "act", number, "respond", "--body", "-", stdin=json.dumps(full))
        assert result.code == 2, (body, result.err)
        assert field in result.err
    assert _run(desk_dir, "request", "show", number, "--json").json()["status"] == "diproses"
    fine = {"decision": "diterima", "info_form": "softcopy", "costs": {"pages": 40, "price_per_page": 500}}
    assert (
        _run(desk_dir, "request", "act", number, "respond", "--body", "-", stdin=json.dumps(fine)).code == 0
    )


def test_request_show_names_the_kuasa_and_no_status_code(desk_dir: Path) -> None:
    """Seen: ``request show`` left out the kuasa entirely and read ``Status : Diproses (diproses)``."""
    body = intake(
        requester={"proxy": {"name": "Andi Kuasa", "phone": "0812 5555 6666", "address": "Jl. A"}},
        documents=["ktp", "surat_kuasa"],
    )
    number = _run(desk_dir, "request", "add", stdin=json.dumps(body)).out.split("\t")[0]
    shown = _run(desk_dir, "request", "show", number)
    assert "Kuasa        : Andi Kuasa (Jl. A, 0812-5555-6666)" in shown.out
    assert "(diproses)" not in shown.out and "Status       : Diproses" in shown.out


def test_a_petugas_sees_corrected_contacts_masked_on_the_timeline(desk_dir: Path) -> None:
    """Seen: after ``correct requester.phone``, ``request show --json`` gave a petugas the old and the new phone
    in full in the event's data (``"old": "+6281234567890"``), while the requester's phone is ``null`` for that
    role (a corrected NIK was already masked)."""
    from cli_helpers import PASSWORD

    made = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert made.code == 0, made.err
    number = _run(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    for field, value in (("requester.phone", "0812 7777 8888"), ("requester.email", "budi.baru@example.id")):
        body = {"field": field, "value": value, "reason": "Salah ketik saat penerimaan"}
        assert (
            _run(desk_dir, "request", "act", number, "correct", "--body", "-", stdin=json.dumps(body)).code
            == 0
        )
    seen = run_in_process(
        "--data-dir", desk_dir, "--user", "siti", "request", "show", number, "--json"
    ).json()
    text = json.dumps(seen["events"], ensure_ascii=False)
    for full in ("6281234567890", "6281277778888", "budi.santoso@example.id", "budi.baru@example.id"):
        assert full not in text
    phone = next(e for e in seen["events"] if e["data"].get("field") == "requester.phone")["data"]
    assert phone["old"] == "0812-••••-7890" and phone["new"] == "0812-••••-8888"
    full_view = _run(desk_dir, "request", "show", number, "--json").json()
    assert "+6281277778888" in json.dumps(full_view["events"])  # a supervisor or admin still reads them


def test_a_petugas_sees_a_returning_requesters_new_contacts_masked(desk_dir: Path) -> None:
    """The sibling in the intake's line: a returning requester's changed phone is in ``requester_updated``."""
    from cli_helpers import PASSWORD

    made = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env={"PPID_DESK_NEW_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert made.code == 0, made.err
    assert _run(desk_dir, "request", "add", stdin=json.dumps(intake())).code == 0
    again = intake(
        received_at="2026-03-17T10:00:00",
        information="Data lain sama sekali",
        requester={"phone": "0813 2222 3333"},
    )
    number = _run(desk_dir, "request", "add", stdin=json.dumps(again)).out.split("\t")[0]
    full = _run(desk_dir, "request", "show", number, "--json").json()
    assert "+6281322223333" in json.dumps(full["events"])  # the line records the change
    seen = run_in_process(
        "--data-dir", desk_dir, "--user", "siti", "request", "show", number, "--json"
    ).json()
    text = json.dumps(seen["events"], ensure_ascii=False)
    assert "6281322223333" not in text and "6281234567890" not in text


def test_lists_in_a_body_are_bounded_and_without_repeats(desk_dir: Path) -> None:
    """Seen: an intake with ``"missing_items"`` of 20.000 entries, or ``"documents": ["ktp"] * 50000``, was
    registered as it came (a 350 kB request that every view, letter and sync then carries)."""
    many = intake(complete=False, missing_items=[f"Berkas {i}" for i in range(20_000)])
    refused = _run(desk_dir, "request", "add", stdin=json.dumps(many))
    assert refused.code == 2 and "missing_items" in refused.err and "paling banyak" in refused.err
    repeated = intake(documents=["ktp"] * 50_000)
    added = _run(desk_dir, "request", "add", stdin=json.dumps(repeated))
    assert added.code == 0, added.err
    number = added.out.split("\t")[0]
    assert _run(desk_dir, "request", "show", number, "--json").json()["documents"] == ["ktp"]
