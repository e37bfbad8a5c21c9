"""ui/selfcheck.py: the Qt checks on the offscreen platform, and a missing translation named."""

from __future__ import annotations

from pathlib import Path

import pytest

import ui.selfcheck as qt_checks
from app.selfcheck import run_one
from ui.kit import i18n


def test_the_qt_checks_pass(qapp: object, tmp_path: Path) -> None:
    results = [run_one(name, check, tmp_path) for name, check in qt_checks.CHECKS]
    assert [(r.name, r.ok) for r in results if not r.ok] == []
    assert (
        i18n.current_language() == i18n.DEFAULT_LANGUAGE
    )  # the check leaves the officer's language as it was


def test_a_missing_translation_is_named(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = i18n.catalogues

    def with_a_missing_file(language: str) -> list[tuple[str, tuple[Path, ...]]]:
        found = real(language)
        return [*found, ("ppid_desk_xx.qm", (tmp_path,))] if language == "en" else found

    monkeypatch.setattr(i18n, "catalogues", with_a_missing_file)
    result = run_one("terjemahan", qt_checks.check_translations, tmp_path)
    assert not result.ok
    assert result.detail == f"terjemahan tidak termuat: ppid_desk_xx.qm (dicari di {tmp_path})"
