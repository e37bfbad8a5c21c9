"""``ppid-desk office``, ``official`` and ``letter``: an office set up from the command line prints its kop and its
PPID on the letters, and the agenda of outgoing letters lists every number once."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import intake, run_in_process
from pdf_text import pdf_text


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _text(path: Path) -> str:
    return pdf_text(path.read_bytes())


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 30, 30)).save(path, "PNG")
    return path


def _rejected(desk_dir: Path) -> str:
    number = _run(desk_dir, "request", "add", stdin=json.dumps(intake())).out.split("\t")[0]
    body = json.dumps(
        {"article": "h", "consequence_test": "Membuka informasi ini mengungkap data pribadi warga."}
    )
    assert _run(desk_dir, "request", "act", number, "reject", "--body", "-", stdin=body).code == 0
    return number


def test_office_and_officials_set_from_the_cli_print_on_the_letter(desk_dir: Path, tmp_path: Path) -> None:
    result = _run(
        desk_dir, "office", "set", "--kop-line", "PEMERINTAH KOTA SERANG", "--kop-line", "KECAMATAN SERANG",
        "--address", "Jl. Jenderal Sudirman No. 3", "--phone", "(0254) 200100", "--email", "ppid@serang.example.id",
        "--website", "kecserang.example.id", "--postal-code", "42111", "--logo", _png(tmp_path / "logo.png"),
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    profile = result.json()
    assert profile["kop_lines"] == ["PEMERINTAH KOTA SERANG", "KECAMATAN SERANG"]
    assert Path(profile["logo_path"]).parent == desk_dir / "logos"
    result = _run(
        desk_dir, "official", "set", "--role", "ppid", "--name", "Drs. H. Ahmad Fauzi, M.Si.",
        "--jabatan", "PPID Pelaksana Kecamatan Serang", "--nip", "19680507 198712 1 001", "--pangkat", "Pembina (IV/a)",
    )  # fmt: skip
    assert result.code == 0, result.err
    result = _run(
        desk_dir, "official", "set", "--role", "atasan", "--name", "Ir. Budi Rahardjo",
        "--jabatan", "Sekretaris Daerah Kota Serang",
    )  # fmt: skip
    assert result.code == 0, result.err
    # set again: the PPID is replaced, not doubled
    assert _run(
        desk_dir, "official", "set", "--role", "ppid", "--name", "Dra. Hj. Rina Marlina",
        "--jabatan", "PPID Pelaksana Kecamatan Serang", "--nip", "197001022000032001",
    ).code == 0  # fmt: skip
    listed = _run(desk_dir, "official", "list", "--json").json()
    assert sorted(o["role"] for o in listed) == ["atasan_ppid", "ppid"]
    shown = _run(desk_dir, "office", "show", "--json").json()
    assert shown["postal_code"] == "42111" and shown["address"] == "Jl. Jenderal Sudirman No. 3"

    out = tmp_path / "sk.pdf"
    assert _run(desk_dir, "print", "rejection", _rejected(desk_dir), "--out", out).code == 0
    text = _text(out)
    assert "belum diatur" not in text
    assert "Dra. Hj. Rina Marlina" in text and "NIP. 19700102 200003 2 001" in text
    assert (
        "Ir. Budi Rahardjo" in text and "KECAMATAN SERANG" in text and "Jl. Jenderal Sudirman No. 3" in text
    )
    assert "(0254) 200100" in text and "ppid@serang.example.id" in text and "42111" in text


def test_bad_office_input_is_refused_in_indonesian_and_changes_nothing(
    desk_dir: Path, tmp_path: Path
) -> None:
    before = _run(desk_dir, "office", "show", "--json").json()
    (tmp_path / "logo.png").write_text("bukan gambar")
    result = _run(desk_dir, "office", "set", "--address", "Jl. Baru", "--logo", tmp_path / "logo.png")
    assert result.code == 2 and "PNG atau JPEG" in result.err
    result = _run(desk_dir, "office", "set", "--postal-code", "4211")
    assert result.code == 2 and "Kode pos" in result.err
    result = _run(
        desk_dir, "official", "set", "--role", "ppid", "--name", "X", "--jabatan", "Y", "--nip", "123"
    )
    assert result.code == 2 and "NIP" in result.err
    assert _run(desk_dir, "office", "show", "--json").json() == before


def test_letter_agenda_shows_and_exports_the_numbers(desk_dir: Path, tmp_path: Path) -> None:
    number = _rejected(desk_dir)
    first = _run(desk_dir, "print", "rejection", number, "--out", tmp_path / "a.pdf", "--json").json()
    second = _run(
        desk_dir, "print", "rejection", number, "--reissue", "--out", tmp_path / "b.pdf", "--json"
    ).json()
    assert first["number"] != second["number"]
    shown = _run(desk_dir, "letter", "agenda", "--year", "2026")
    assert shown.code == 0 and first["number"] in shown.out and second["number"] in shown.out
    result = _run(desk_dir, "letter", "agenda", "--year", "2026", "--out", tmp_path / "agenda.json", "--json")
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "agenda.json").read_text(encoding="utf-8"))
    assert [x["number"] for x in data["letters"]] == [first["number"], second["number"]]
    assert _run(desk_dir, "letter", "classification", "--kind", "rejection", "--code", "000.5.9.2").code == 0
    third = _run(
        desk_dir, "print", "rejection", number, "--reissue", "--out", tmp_path / "c.pdf", "--json"
    ).json()
    assert third["number"].startswith("000.5.9.2/3/")
