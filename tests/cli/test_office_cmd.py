"""``ppid-desk office`` and ``official``: the workstation's rules, and labels for people.

Seen: ``office set --name ""`` emptied the office's name (the settings page refuses it: *Nama kantor wajib
diisi*), so every letter's kop lost it; ``official set --nip "abc196805071987121001"`` saved the NIP with the
letters silently dropped; ``office show`` listed the stored keys (``parent_name``, ``postal_code``,
``kop_lines``); ``official list`` and ``official set`` printed the role codes (``atasan_ppid``).
"""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_in_process


def _run(desk_dir: Path, *argv: str | Path):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv)


def test_the_office_name_cannot_be_emptied(desk_dir: Path) -> None:
    result = _run(desk_dir, "office", "set", "--name", "  ")
    assert result.code == 2
    assert "Nama kantor wajib diisi" in result.err
    assert _run(desk_dir, "office", "show", "--json").json()["name"] == "Kecamatan Serang"


def test_a_nip_with_letters_is_refused_not_stripped(desk_dir: Path) -> None:
    result = _run(
        desk_dir, "official", "set", "--role", "ppid", "--name", "Drs. Ahmad", "--jabatan", "PPID",
        "--nip", "abc196805071987121001",
    )  # fmt: skip
    assert result.code == 2
    assert "NIP hanya boleh berisi angka" in result.err
    assert _run(desk_dir, "official", "list", "--json").json() == []
    spaced = _run(
        desk_dir, "official", "set", "--role", "ppid", "--name", "Drs. Ahmad", "--jabatan", "PPID",
        "--nip", "19680507 198712 1 001",
    )  # fmt: skip
    assert spaced.code == 0, spaced.err


def test_office_show_reads_labels(desk_dir: Path) -> None:
    shown = _run(desk_dir, "office", "show")
    assert shown.code == 0, shown.err
    assert "Nama kantor" in shown.out and "Baris kop" in shown.out
    for key in ("parent_name", "postal_code", "kop_lines", "desk_letter"):
        assert key not in shown.out
    assert "parent_name" in _run(desk_dir, "office", "show", "--json").json()


def test_official_roles_read_as_labels(desk_dir: Path) -> None:
    saved = _run(desk_dir, "official", "set", "--role", "atasan", "--name", "Ir. Budi", "--jabatan", "Sekda")
    assert saved.code == 0, saved.err
    assert "Atasan PPID" in saved.out and "atasan_ppid" not in saved.out
    listed = _run(desk_dir, "official", "list")
    assert "Atasan PPID" in listed.out and "atasan_ppid" not in listed.out
    assert _run(desk_dir, "official", "list", "--json").json()[0]["role"] == "atasan_ppid"
