"""app/selfcheck.py in process: a failing check is named with what failed and never stops the others."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.documents.rendering as rendering
import app.selfcheck as selfcheck
from app.documents import DOCUMENT_KINDS
from app.documents.samples import SAMPLES, sample, samples_of


def test_every_document_kind_and_variant_has_a_sample() -> None:
    for kind in DOCUMENT_KINDS:
        for variant in samples_of(kind):
            assert kind == sample(variant).KIND
    assert len(set(SAMPLES)) == len(SAMPLES)


def test_a_broken_renderer_fails_the_documents_check_naming_kind_and_paper(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object) -> bytes:
        raise OSError("font hilang")

    original = rendering.renderer
    monkeypatch.setattr(
        rendering, "renderer", lambda kind: broken if kind == "extension" else original(kind)
    )  # fmt: skip
    result = selfcheck.run_one("dokumen", selfcheck.check_documents, tmp_path)
    assert not result.ok
    assert result.detail == "; ".join(
        f"extension ({paper}): OSError: font hilang" for paper in ("A4", "F4", "A5")
    )


def test_one_failure_does_not_stop_the_other_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(scratch: Path) -> str:
        raise selfcheck.CheckFailed("sengaja gagal")

    def fine(scratch: Path) -> str:
        assert scratch.is_dir()
        return "baik"

    seen: list[str] = []
    report = selfcheck.self_check(
        [("pertama", failing), ("kedua", fine)], on_result=lambda r: seen.append(r.name)
    )
    assert seen == ["pertama", "kedua"]
    assert not report.ok and [p.name for p in report.problems] == ["pertama"]
    assert selfcheck.summary(report) == "1 pemeriksaan gagal: pertama"
    assert selfcheck.render_line(report.items[0]).startswith("  [GAGAL] pertama: sengaja gagal (")
    assert report.to_dict()["checks"][1] == {
        "name": "kedua",
        "ok": True,
        "warning": False,
        "detail": "baik",
        "seconds": report.to_dict()["checks"][1]["seconds"],
    }


def test_the_scratch_folder_is_removed_afterwards() -> None:
    used: list[Path] = []

    def remember(scratch: Path) -> str:
        (scratch / "berkas").write_text("x")
        used.append(scratch)
        return "ok"

    assert selfcheck.self_check([("sementara", remember)]).ok
    assert not used[0].exists()


def test_a_missing_desktop_package_is_a_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = selfcheck.importlib.util.find_spec
    monkeypatch.setattr(
        selfcheck.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "ui.selfcheck" else real(name, *a),
    )
    [(name, check)] = selfcheck.frontend_checks()
    result = selfcheck.run_one(name, check, tmp_path)
    assert (name, result.ok) == ("antarmuka", False) and "paket ui" in result.detail


def test_the_holiday_check_reads_the_year_of_the_desk_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The year checked is the desk's (``app.services.clock``, the clock every register runs on), not the PC's
    own ``date.today()`` read beside it."""
    import datetime as dt

    from app.services import clock

    monkeypatch.setattr(clock, "system_now", lambda: dt.datetime(2031, 3, 2, 10, 0))
    assert selfcheck.check_holidays(tmp_path).endswith("hari libur nasional 2031, nama berbahasa Indonesia")
