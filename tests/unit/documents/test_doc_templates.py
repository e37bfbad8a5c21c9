"""Wording templates: built-ins complete, office overrides used, broken overrides reported and ignored."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from doc_samples import pdf_text, sample

from app.documents import load_template, render
from app.documents.templates import BUILTIN_DIR, KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_builtin_templates_load_without_warnings(kind: str) -> None:
    tpl, warnings = load_template(kind, None)
    assert warnings == []
    assert "page_of" in tpl.texts  # common keys merged in


def _override(data_dir: Path, name: str, text: str) -> None:
    folder = data_dir / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


def _builtin_text(name: str) -> str:
    return (BUILTIN_DIR / f"{name}.toml").read_text(encoding="utf-8")


def test_valid_override_is_used(tmp_path: Path) -> None:
    text = _builtin_text("incomplete").replace(
        'closing = "Demikian', 'closing = "Hormat kami, kantor kecamatan. Demikian'
    )
    _override(tmp_path, "incomplete", text)
    tpl, warnings = load_template("incomplete", tmp_path)
    assert warnings == []
    assert tpl.raw("closing").startswith("Hormat kami")
    snap = replace(sample("incomplete"), wording=tpl.as_wording())  # type: ignore[type-var]
    assert "Hormat kami, kantor kecamatan." in pdf_text(render(snap))


@pytest.mark.parametrize(
    "broken, reason",
    [
        ('title = "tanpa tanda kutip penutup\n', "tidak dapat dibaca"),
        ('title = "Hanya satu kunci"\n', "kunci tidak ada"),
    ],
)
def test_broken_override_is_reported_and_builtin_used(tmp_path: Path, broken: str, reason: str) -> None:
    _override(tmp_path, "rejection", broken)
    tpl, warnings = load_template("rejection", tmp_path)
    assert len(warnings) == 1
    assert reason in warnings[0] and "rejection.toml" in warnings[0] and "bawaan" in warnings[0]
    builtin, _ = load_template("rejection", None)
    assert tpl.texts == builtin.texts


def test_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    text = _builtin_text("extension").replace(
        'label_reason = "Alasan perpanjangan"', 'label_reason = "Alasan {nik}"'
    )
    _override(tmp_path, "extension", text)
    tpl, warnings = load_template("extension", tmp_path)
    assert warnings and "nik" in warnings[0]
    assert tpl.raw("label_reason") == "Alasan perpanjangan"


def test_broken_markup_is_reported(tmp_path: Path) -> None:
    text = _builtin_text("receipt").replace('title = "TANDA BUKTI', 'title = "<b>TANDA BUKTI')
    _override(tmp_path, "receipt", text)
    tpl, warnings = load_template("receipt", tmp_path)
    assert warnings and "title" in warnings[0]
    assert tpl.raw("title").startswith("TANDA BUKTI")


def test_wrong_value_type_is_reported(tmp_path: Path) -> None:
    text = _builtin_text("form").replace(
        'title = "FORMULIR PERMOHONAN INFORMASI PUBLIK"', 'title = ["A", "B"]'
    )
    _override(tmp_path, "form", text)
    _, warnings = load_template("form", tmp_path)
    assert warnings and "'title'" in warnings[0]


def test_extra_keys_are_warned_but_override_kept(tmp_path: Path) -> None:
    _override(tmp_path, "forward", _builtin_text("forward") + '\nbonus = "x"\n')
    tpl, warnings = load_template("forward", tmp_path)
    assert len(warnings) == 1 and "bonus" in warnings[0]
    assert "bonus" not in tpl.texts


def test_broken_common_override_falls_back_too(tmp_path: Path) -> None:
    _override(tmp_path, "common", "page_of = [\n")
    tpl, warnings = load_template("notice", tmp_path)
    assert warnings and "common.toml" in warnings[0]
    assert tpl.raw("page_of") == "Halaman {page} dari {pages}"


def test_frozen_wording_wins_over_a_later_template_change(tmp_path: Path) -> None:
    """A letter issued with the wording of its day reprints with that wording."""
    tpl, _ = load_template("forward", None)
    wording = {**tpl.as_wording(), "legal_basis": "Kalimat lama pada saat surat diterbitkan."}
    snap = replace(sample("forward"), wording=wording)  # type: ignore[type-var]
    assert "Kalimat lama pada saat surat diterbitkan." in pdf_text(render(snap))


def test_unknown_template_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        load_template("kuitansi", None)
