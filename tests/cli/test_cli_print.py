"""``ppid-desk print ...`` in-process: PDFs written, letters issued once and reprinted identically."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
from cli_helpers import intake, run_in_process


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def _run(desk_dir: Path, *argv: str | Path, stdin: str = ""):  # type: ignore[no-untyped-def]
    return run_in_process("--data-dir", desk_dir, "--user", "admin", *argv, stdin=stdin)


def _request(desk_dir: Path) -> str:
    result = _run(desk_dir, "request", "add", stdin=json.dumps(intake()))
    assert result.code == 0, result.err
    return result.out.split("\t")[0]


def test_receipt_pdf_then_identical_reprint(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    result = _run(desk_dir, "print", "receipt", number, "--out", first)
    assert result.code == 0, result.err
    assert "diterbitkan" in result.out
    text = _text(first)
    assert number in text and "Budi Santoso" in text and "TANDA BUKTI PENERIMAAN" in text
    result = _run(desk_dir, "print", "receipt", number, "--out", second, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["reprint"] is True and data["identical"] is True and data["out"] == str(second)
    assert first.read_bytes() == second.read_bytes()


def test_thermal_receipt(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    out = tmp_path / "struk.pdf"
    assert _run(desk_dir, "print", "receipt", number, "--paper", "thermal80", "--out", out).code == 0
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 80


def test_rejection_letter_gets_a_number(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    body = json.dumps(
        {"article": "h", "consequence_test": "Membuka informasi ini mengungkap data pribadi warga."}
    )
    assert _run(desk_dir, "request", "act", number, "reject", "--body", "-", stdin=body).code == 0
    out = tmp_path / "sk.pdf"
    result = _run(desk_dir, "print", "rejection", number, "--out", out, "--json")
    assert result.code == 0, result.err
    letter_no = result.json()["number"]
    assert letter_no.endswith("/2026") and letter_no in _text(out)
    assert "Pasal 17 huruf h" in _text(out)


def test_refused_letter_exits_2_and_writes_nothing(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    out = tmp_path / "x.pdf"
    result = _run(desk_dir, "print", "extension", number, "--out", out)
    assert result.code == 2
    assert "tidak diperpanjang" in result.err
    assert not out.exists()


def test_register_and_dossier(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    out = tmp_path / "reg.pdf"
    result = _run(desk_dir, "print", "register", "--from", "2026-03-01", "--to", "2026-03-31", "--out", out)
    assert result.code == 0, result.err
    text = _text(out)
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in text and number in text.replace(" ", "")
    out = tmp_path / "keb.pdf"
    result = _run(
        desk_dir,
        "print",
        "register",
        "--objections",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--paper",
        "F4",
        "--out",
        out,
    )
    assert result.code == 0 and "REGISTER KEBERATAN" in _text(out)
    out = tmp_path / "berkas.pdf"
    assert _run(desk_dir, "print", "dossier", number, "--out", out).code == 0
    assert "BERKAS PERMOHONAN INFORMASI PUBLIK" in _text(out)


def test_bad_period_is_refused(desk_dir: Path, tmp_path: Path) -> None:
    result = _run(
        desk_dir,
        "print",
        "register",
        "--from",
        "2026-03-31",
        "--to",
        "2026-03-01",
        "--out",
        tmp_path / "r.pdf",
    )
    assert result.code == 2
    result = _run(
        desk_dir,
        "print",
        "register",
        "--from",
        "31-03-2026",
        "--to",
        "2026-03-01",
        "--out",
        tmp_path / "r.pdf",
    )
    assert result.code == 2 and "tidak valid" in result.err


def test_letters_list_reprint_by_id_and_settings(desk_dir: Path, tmp_path: Path) -> None:
    number = _request(desk_dir)
    result = _run(
        desk_dir,
        "print",
        "settings",
        "--kind",
        "receipt",
        "--paper",
        "thermal80",
        "--printer",
        "TM-T82",
        "--json",
    )
    assert result.code == 0, result.err
    assert result.json()["receipt"] == {"paper": "thermal80", "printer": "TM-T82"}
    assert _run(desk_dir, "print", "settings", "--kind", "receipt", "--paper", "Letter").code == 2
    first = tmp_path / "a.pdf"
    assert _run(desk_dir, "print", "receipt", number, "--out", first).code == 0
    box = pypdf.PdfReader(first).pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 80  # the configured paper for receipts
    listed = _run(desk_dir, "print", "letters", number, "--json")
    assert listed.code == 0, listed.err
    letters = listed.json()
    assert [d["kind"] for d in letters] == ["receipt"]
    again = tmp_path / "b.pdf"
    result = _run(desk_dir, "print", "reprint", letters[0]["id"], "--out", again)
    assert result.code == 0, result.err
    assert again.read_bytes() == first.read_bytes()
    assert "identik" in result.out
