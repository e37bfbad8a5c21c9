"""Sync in the workstation against a real city server (uvicorn on 127.0.0.1, SQLite-backed): the controller's
worker thread, the status bar, the plain reasons after a failure, the clock banner and the Sinkronisasi page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.errors import ConfirmationRequired
from app.services.changes import Changes
from server import admin as server_admin
from server.models import Record
from tests.conftest import VALID_NIK
from ui.intake.dialog import IntakeDialog
from ui.kit import i18n
from ui.kit.tasks import runner
from ui.shell import wiring
from ui.shell.main_window import MainWindow
from ui.sync.controller import SyncController


@pytest.fixture
def open_window(qtbot, desk):
    i18n.install("id")
    windows: list[MainWindow] = []

    def make(actor) -> MainWindow:
        window = MainWindow(desk, actor, sync=SyncController(wiring.sync(desk), attempts=1, start_delay_ms=0))
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.sync.stop()
    runner().wait()


def first_round(qtbot, window: MainWindow):
    """The worker syncs as soon as it starts; wait for that round's report."""
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=30_000)
    return window.sync.last_report


def sync_now(qtbot, window: MainWindow):
    qtbot.waitUntil(lambda: not window.sync.busy, timeout=30_000)
    with qtbot.waitSignal(window.sync.report_received, timeout=30_000) as blocker:
        window.sync_action.trigger()  # Ctrl+Shift+S
    return blocker.args[0]


def test_not_enrolled_desk_says_so_and_starts_no_worker(qtbot, desk, officer, open_window):
    window = open_window(officer)
    qtbot.waitUntil(lambda: window.sync.status() is not None, timeout=10_000)
    assert window.sync.worker is None
    assert window.sync_status.text() == "Sinkronisasi: belum terdaftar ke server kota · 0 menunggu"
    assert "Pengaturan › Sinkronisasi" in window.sync_status.toolTip()
    report = sync_now(qtbot, window)
    assert report.error_code == "not_enrolled"


def test_status_bar_after_a_successful_sync(qtbot, desk, officer, intake, city, enroll_desk, open_window):
    number = intake(officer).number
    enroll_desk()
    window = open_window(officer)
    report = first_round(qtbot, window)
    assert report.ok and report.pushed == 1, report
    snap = window.sync.status()
    assert snap.pending == 0 and snap.open_conflicts == 0 and snap.last_success
    assert window.sync_status.text() == "Sinkron baru saja · 0 menunggu · 0 konflik"
    assert "Sinkron terakhir yang berhasil: 16-03-2026 10.00" in window.sync_status.toolTip()
    assert window.clock_banner.isHidden()
    with city.engine.connect() as conn:
        assert [r["number"] for r in conn.execute(select(Record.data)).scalars()] == [number]
    # new work is counted at once, and the relative time follows the clock
    window.broadcast(Changes.records(outbox=True))
    intake(officer)
    window.broadcast(Changes.records(outbox=True))
    qtbot.waitUntil(lambda: window.sync.status().pending == 1, timeout=10_000)
    desk.ctx.clock.now += timedelta(minutes=7)
    window.sync_status.render()
    assert window.sync_status.text() == "Sinkron 7 menit lalu · 1 menunggu · 0 konflik"


def test_stopped_server_reads_as_no_network(qtbot, desk, officer, intake, city, enroll_desk, open_window):
    enroll_desk()
    window = open_window(officer)
    assert first_round(qtbot, window).ok
    city.stop()
    intake(officer)
    report = sync_now(qtbot, window)
    assert not report.ok and report.error_code == "network"
    text = window.sync_status.text()
    assert (
        text
        == "Sinkronisasi gagal: Tidak ada jaringan atau server kota tidak terjangkau · 1 menunggu · 0 konflik"
    )
    assert "Periksa sambungan internet" in window.sync_status.toolTip()
    assert "16-03-2026 10.00" in window.sync_status.toolTip()  # the last success is still shown


def test_revoked_device_reads_as_token_revoked(qtbot, desk, officer, city, enroll_desk, open_window):
    enrollment = enroll_desk()
    window = open_window(officer)
    assert first_round(qtbot, window).ok
    server_admin.revoke_device(city.engine, enrollment.device_id)
    report = sync_now(qtbot, window)
    assert report.error_code == "device_revoked"
    assert window.sync_status.text().startswith("Sinkronisasi gagal: Token perangkat dicabut oleh admin kota")
    assert "Hubungi PPID Utama" in window.sync_status.toolTip()


def test_clock_banner_appears_with_a_skewed_clock_and_goes_after_a_good_sync(
    qtbot, desk, officer, walk_in, city, enroll_desk, open_window, monkeypatch
):
    enroll_desk()
    real_utcnow = server_admin.utcnow
    monkeypatch.setattr(server_admin, "utcnow", lambda: real_utcnow() + timedelta(minutes=30))
    window = open_window(officer)
    assert first_round(qtbot, window).ok
    qtbot.waitUntil(lambda: not window.clock_banner.isHidden(), timeout=10_000)
    text = window.clock_banner.text.text()
    assert "lebih lambat sekitar 30 menit" in text and "nomor registrasi baru menunggu" in text
    # what the banner promises: the intake form holds the number until the officer confirms the date
    dialog = IntakeDialog(wiring.intake(desk), officer, background=False, print_receipt=False)
    qtbot.addWidget(dialog)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    dialog.name.setText("Siti Aminah")  # the walk-in's own name: her NIK is already registered under it
    dialog.nik.setText(VALID_NIK)
    dialog.address.setPlainText("Jl. Ki Ajurum No. 2, Serang")
    dialog.phone.setText("081234567890")
    dialog.information.setPlainText("Daftar penerima bantuan sosial 2025")
    dialog.purpose.setText("Pengawasan warga")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    assert saved == [] and "Jam komputer ini lebih lambat" in dialog.g.error("received_at")
    assert "Ctrl+Enter sekali lagi" in dialog.general_error.text()
    dialog.save()  # the second Ctrl+Enter: confirmed
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=10_000)
    with pytest.raises(ConfirmationRequired):  # the same rule in the services
        desk.register.receive(officer, walk_in())
    monkeypatch.setattr(server_admin, "utcnow", real_utcnow)
    assert sync_now(qtbot, window).ok
    qtbot.waitUntil(window.clock_banner.isHidden, timeout=10_000)
    desk.register.receive(officer, walk_in())  # the clock is fine again: no confirmation needed


def test_sync_page_syncs_now(qtbot, desk, officer, intake, city, enroll_desk, open_window):
    enroll_desk()
    window = open_window(officer)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert first_round(qtbot, window).ok
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "sync"
    page = window.pages["sync"]
    assert page.values["server"].text() == city.url and page.values["desk_letter"].text() == "A"
    assert page.values["last_error"].text() == "tidak ada" and not page.enroll_button.isVisible()
    intake(officer)
    window.broadcast(Changes.records(outbox=True))
    qtbot.waitUntil(lambda: page.values["pending"].text() == "1", timeout=10_000)
    with qtbot.waitSignal(window.sync.busy_changed, timeout=30_000) as started:
        page.sync_button.click()
    assert started.args == [True] and not page.sync_button.isEnabled() and page.progress.isVisible()
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=30_000)
    assert page.values["pending"].text() == "0"
    assert page.result.text().startswith("Selesai: 1 operasi dikirim,")
    assert page.result.text().endswith(", 0 konflik baru.")
    with city.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == 1


def test_unenrolled_desk_is_enrolled_from_settings_and_starts_syncing(
    qtbot, desk, admin, city, memory_keyring, open_window
):
    window = open_window(admin)
    window.show()
    window.show_page("sync")
    page = window.pages["sync"]
    qtbot.waitUntil(lambda: page.enroll_button.isVisible(), timeout=10_000)
    assert "Belum terdaftar ke server kota" in page.not_enrolled.text()
    page.sync_button.click()
    qtbot.waitUntil(lambda: "Gagal: Belum terdaftar" in page.result.text(), timeout=10_000)
    page.enroll_button.click()
    assert window.current_page() == "settings"
    settings = window.pages["settings"]
    assert settings.tabs.currentWidget().widget() is settings.panels["sync"]
    panel = settings.panels["sync"]
    assert panel.sync is window.sync  # enrolling there starts this window's worker
    assert window.sync.worker is None
    code, _ = server_admin.new_enroll_code(city.engine, "CPJ")
    panel.server.setText(city.url)
    panel.code.setText(code)
    panel.enroll_button.click()
    qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=30_000)
    qtbot.waitUntil(
        lambda: window.sync.last_report is not None and window.sync.last_report.ok, timeout=30_000
    )
    assert window.sync_status.text() == "Sinkron baru saja · 0 menunggu · 0 konflik"  # the old reason is gone
    assert page.values["desk_letter"].text() == "A" and not page.not_enrolled.isVisible()


def test_closing_the_window_stops_the_worker(qtbot, desk, officer, city, enroll_desk, open_window):
    enroll_desk()
    window = open_window(officer)
    assert first_round(qtbot, window).ok
    worker = window.sync.worker
    assert worker is not None and worker.thread is not None and worker.thread.is_alive()
    window.sync_status.click()  # the status bar opens the Sinkronisasi page
    assert window.current_page() == "sync"
    window.close()  # logout, language switch and quitting all close the window
    assert window.sync.stopped and not worker.thread.is_alive()


def test_logout_stops_the_sessions_sync(qtbot, desk, city, enroll_desk):
    from tests.conftest import USER_PASSWORD
    from ui.shell.session import DeskApp

    enroll_desk()
    session = DeskApp(desk)
    try:
        session.start(sign_in=("petugas", USER_PASSWORD))
        window = session.window
        qtbot.waitUntil(lambda: window.sync.worker is not None, timeout=30_000)
        controller, worker = window.sync, window.sync.worker
        qtbot.waitUntil(lambda: controller.last_report is not None, timeout=30_000)
        assert controller.last_report.ok
        session.logout()
        assert controller.stopped and not worker.thread.is_alive()
    finally:
        session.shutdown()
        runner().wait()
        if session.dialog is not None:
            session.dialog.close()


def test_sync_page_shows_what_was_quarantined(qtbot, desk, officer, open_window):
    from app.sync.quarantine import quarantine_item
    from ppid_protocol.wire import PullItem

    bad = PullItem(
        seq=7, entity="request", entity_id="req-kemarin", version=1, record={"received_at": "kemarin sore"}
    )
    with desk.ctx.db.transaction() as s:
        quarantine_item(
            s, bad, "Isi tidak sah: record.received_at: bukan tanggal-waktu ISO 8601", now=desk.ctx.clock()
        )
    window = open_window(officer)
    window.show_page("sync")
    page = window.pages["sync"]
    page.show_status(desk.sync.snapshot())
    text = page.values["quarantined"].text()
    assert text.startswith("1 data dari server tidak dapat disimpan meja ini")
    assert "request req-kemarin: Isi tidak sah: record.received_at" in text
