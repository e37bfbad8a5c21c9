"""``ppid-desk objection``: the kuasa of a keberatan by the intake's rules, shown as the viewer may see it, and
labels instead of codes.

Seen: ``objection add --body`` took ``{"proxy": {"name": "Rina", "phone": "12"}}`` and stored the phone "12" as
typed (the intake refuses it: *Nomor telepon tidak valid*); a valid one was kept as typed (``0812 9999 1111``),
not in the register's E.164 form; ``objection show --json`` gave a petugas the kuasa's full phone number while
the requester's own is masked for that role; ``objection list`` printed the status code (``terdaftar``).
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import PASSWORD, intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = "", user: str = "admin"):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", user, *argv, stdin=stdin)


def _request(desk_dir: Path) -> str:
    result = _run(desk_dir, "request", "add", stdin=json.dumps(intake()))
    assert result.code == 0, result.err
    return result.out.split("\t")[0]


def _file(desk_dir: Path, number: str, proxy: dict[str, str]):  # type: ignore[no-untyped-def]
    body = json.dumps({"case_summary": "Tidak ditanggapi.", "proxy": proxy})
    return _run(desk_dir, "objection", "add", "--request", number, "--ground", "c", "--body", "-", stdin=body)


def test_a_kuasa_phone_is_checked_like_the_intakes(desk_dir: Path) -> None:
    number = _request(desk_dir)
    bad = _file(desk_dir, number, {"name": "Rina Marlina", "phone": "12"})
    assert bad.code == 2
    assert "proxy.phone" in bad.err
    assert _run(desk_dir, "objection", "list", "--json").json() == []
    long_name = _file(desk_dir, number, {"name": "R" * 300})
    assert long_name.code == 2 and "Terlalu panjang" in long_name.err
    good = _file(desk_dir, number, {"name": "Rina Marlina", "phone": "0812 9999 1111"})
    assert good.code == 0, good.err
    shown = _run(desk_dir, "objection", "show", good.out.split("\t")[0], "--json").json()
    assert shown["proxy"]["phone"] == "+6281299991111"
    assert shown["proxy"]["phone_display"] == "0812-9999-1111"


def test_a_petugas_sees_the_kuasa_phone_masked(desk_dir: Path) -> None:
    env = {"PPID_DESK_NEW_PASSWORD": PASSWORD}
    made = run_in_process(
        "--data-dir", desk_dir, "--user", "admin", "user", "add", "siti", "--name", "Siti", "--role", "petugas",
        env=env,
    )  # fmt: skip
    assert made.code == 0, made.err
    number = _request(desk_dir)
    filed = _file(desk_dir, number, {"name": "Rina Marlina", "phone": "0812 9999 1111"})
    assert filed.code == 0, filed.err
    shown = _run(desk_dir, "objection", "show", filed.out.split("\t")[0], "--json", user="siti").json()
    assert shown["proxy"]["phone"] is None
    assert shown["proxy"]["phone_display"] == "0812-••••-1111"
    listed = _run(desk_dir, "objection", "list", "--json", user="siti").json()
    assert "9999" not in json.dumps(listed)


def test_objection_list_shows_the_status_label(desk_dir: Path) -> None:
    number = _request(desk_dir)
    assert _run(desk_dir, "objection", "add", "--request", number, "--ground", "c").code == 0
    listed = _run(desk_dir, "objection", "list")
    assert "Terdaftar" in listed.out and "terdaftar" not in listed.out


def test_objection_show_names_the_kuasa_and_no_codes(desk_dir: Path) -> None:
    """Seen: ``objection show`` never said the keberatan came through a kuasa (the detail pane does), and its
    status line read ``Terdaftar (menunggu tanggapan Atasan PPID) (terdaftar)``."""
    number = _request(desk_dir)
    filed = _file(
        desk_dir, number, {"name": "Rina Marlina", "address": "Jl. Veteran 5", "phone": "0812 9999 1111"}
    )
    shown = _run(desk_dir, "objection", "show", filed.out.split("\t")[0])
    assert "Kuasa        : Rina Marlina (Jl. Veteran 5, 0812-9999-1111)" in shown.out
    assert "(terdaftar)" not in shown.out
