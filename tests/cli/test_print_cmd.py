"""``ppid-desk print`` where the PDF cannot be written: refused in Indonesian before the letter is issued.

Seen: ``print notice NUMBER --out berkas/x.pdf`` (``berkas`` a file) issued the letter — its number taken from
the year's agenda, "… diterbitkan" on the timeline — then failed with Python's English
``FileExistsError: [Errno 17] File exists`` (exit 1): a numbered letter on record that nobody holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import intake, run_in_process


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _answered(desk_dir: Path) -> str:
    result = _run(desk_dir, "request", "add", stdin=json.dumps(intake()))
    assert result.code == 0, result.err
    number = result.out.split("\t")[0]
    body = json.dumps({"decision": "diterima", "info_form": "softcopy"})
    assert _run(desk_dir, "request", "act", number, "respond", "--body", "-", stdin=body).code == 0
    return number


@pytest.mark.parametrize("where", ["file-as-folder", "folder-as-file"])
def test_an_unwritable_out_issues_nothing(desk_dir: Path, tmp_path: Path, where: str) -> None:
    number = _answered(desk_dir)
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    out = blocker / "surat.pdf" if where == "file-as-folder" else tmp_path
    result = _run(desk_dir, "print", "notice", number, "--out", out)
    assert result.code == 2, result.err
    assert "Errno" not in result.err and "Error" not in result.err
    assert ("bukan folder" in result.err) if where == "file-as-folder" else ("adalah folder" in result.err)
    letters = _run(desk_dir, "print", "letters", number, "--json")
    assert letters.json() == []  # nothing issued: the agenda and the timeline are as they were
    shown = _run(desk_dir, "request", "show", number, "--json").json()
    assert not any("diterbitkan" in e["summary"] for e in shown["events"])
    assert list(tmp_path.glob("**/*.part")) == []


def test_register_and_dossier_refuse_the_same_way(desk_dir: Path, tmp_path: Path) -> None:
    number = _answered(desk_dir)
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    for argv in (
        ("print", "register", "--from", "2026-01-01", "--to", "2026-12-31"),
        ("print", "dossier", number),
    ):
        result = _run(desk_dir, *argv, "--out", blocker / "sub" / "x.pdf")
        assert result.code == 2, result.err
        assert "bukan folder" in result.err and "Errno" not in result.err


def test_print_still_creates_missing_folders(desk_dir: Path, tmp_path: Path) -> None:
    number = _answered(desk_dir)
    out = tmp_path / "baru" / "dalam" / "surat.pdf"
    result = _run(desk_dir, "print", "notice", number, "--out", out)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["surat.pdf"]


def test_print_settings_name_the_documents(desk_dir: Path) -> None:
    """Seen: ``print settings`` listed ``receipt``, ``information_list``… as the JENIS column."""
    shown = _run(desk_dir, "print", "settings")
    assert shown.code == 0, shown.err
    assert "Tanda Bukti Penerimaan Permohonan" in shown.out
    line = next(line for line in shown.out.splitlines() if "Tanda Bukti Penerimaan" in line)
    assert line.split()[0] == "receipt"  # the --kind code stays beside the title


def test_a_printer_name_obeys_the_text_rules(desk_dir: Path) -> None:
    """Seen: ``print settings --kind receipt --printer "EPSON<ESC>X"`` was stored with the control character (the
    register's text rules refuse it in every other field), and so was a name of 5000 characters."""
    for name, said in (("EPSON\x1bX", "U+001B"), ("E" * 5000, "Terlalu panjang")):
        result = _run(desk_dir, "print", "settings", "--kind", "receipt", "--printer", name)
        assert result.code == 2, result.out
        assert said in result.err
    assert _run(desk_dir, "print", "settings", "--json").json()["receipt"]["printer"] == ""


def test_a_petugas_dossier_masks_phone_and_email(desk_dir: Path, tmp_path: Path) -> None:
    """Seen: ``print dossier`` by a petugas printed the requester's phone and e-mail in full (the NIK masked),
    while that role's receipt reprint, register and screens mask all three."""
    import io

    import pypdf
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
    out = tmp_path / "berkas.pdf"
    printed = run_in_process(
        "--data-dir", desk_dir, "--user", "siti", "print", "dossier", number, "--out", out
    )
    assert printed.code == 0, printed.err
    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    for full in ("0812-3456-7890", "budi.santoso@example.id", "0812-5555-6666", "3673011506850001"):
        assert full not in text
    assert "0812-••••-7890" in text
    whole = tmp_path / "lengkap.pdf"
    assert _run(desk_dir, "print", "dossier", number, "--out", whole).code == 0  # an admin reads them in full
    full_text = " ".join(
        p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(whole.read_bytes())).pages
    )
    assert "0812-3456-7890" in full_text


def test_print_letters_names_who_issued_by_full_name(tmp_path: Path) -> None:
    """Seen: ``print letters`` showed the account (``admin``) under OLEH, while the agenda and the request show
    the officer's full name (issue 16 item 10, *Petugas penerima*)."""
    from cli_helpers import init_args

    desk_dir = tmp_path / "meja"
    assert run_in_process(*init_args(desk_dir), "--admin-name", "Siti Rahmawati, S.Sos.").code == 0
    number = _answered(desk_dir)
    assert _run(desk_dir, "print", "notice", number, "--out", tmp_path / "n.pdf").code == 0
    listed = _run(desk_dir, "print", "letters", number)
    assert "Siti Rahmawati, S.Sos." in listed.out
    data = _run(desk_dir, "print", "letters", number, "--json").json()
    assert data[0]["issued_by"] == "admin" and data[0]["issued_by_name"] == "Siti Rahmawati, S.Sos."
