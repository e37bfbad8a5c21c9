"""The status bar's sync item shows the real state from the first second (issue 16, item 11): the last successful
sync and what waits to be sent, read without the sync engine, while the engine itself still starts later."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.sync import state
from ui.kit import i18n
from ui.kit.tasks import runner
from ui.shell import wiring
from ui.shell.main_window import MainWindow
from ui.sync.controller import SyncController

#: The controller's own delay before the engine starts (its default); the state must show well before it.
ENGINE_DELAY_MS = 5_000


@pytest.fixture
def window_of(qtbot, desk):
    i18n.install("id")
    made: list[MainWindow] = []

    def make(actor) -> MainWindow:
        window = MainWindow(
            desk, actor, sync=SyncController(wiring.sync(desk), start_delay_ms=ENGINE_DELAY_MS)
        )
        qtbot.addWidget(window)
        made.append(window)
        window.show()
        return window

    yield make
    for window in made:
        window.sync.stop()
    runner().wait()


def test_unenrolled_desk_shows_what_waits_at_once(qtbot, desk, officer, intake, window_of):
    intake(officer)
    intake(officer)
    window = window_of(officer)
    qtbot.waitUntil(lambda: "membaca" not in window.sync_status.text(), timeout=1_000)
    assert window.sync_status.text() == "Sinkronisasi: belum terdaftar ke server kota · 2 menunggu"
    assert "Operasi menunggu dikirim: 2" in window.sync_status.toolTip()
    assert window.sync.session is None  # the engine has not been built: the state came without it


def test_enrolled_desk_shows_its_last_sync_and_what_waits_at_once(
    qtbot, desk, officer, intake, window_of, clock
):
    intake(officer)
    last = datetime(2026, 3, 16, 9, 30)
    with desk.ctx.db.transaction() as s:
        state.put(s, "enrollment", {"server_url": "https://127.0.0.1:9", "device_id": "d1", "office_code": "CPJ",
                                    "office_name": "Kecamatan Cipocok Jaya", "is_city": False,
                                    "desk_letter": "A"})  # fmt: skip
        state.put(s, "last_success", last.isoformat())
    window = window_of(officer)
    qtbot.waitUntil(lambda: "membaca" not in window.sync_status.text(), timeout=1_000)
    minutes = int((clock.now - last).total_seconds() // 60)
    assert window.sync_status.text() == f"Sinkron {minutes} menit lalu · 1 menunggu · 0 konflik"
    assert "Sinkron terakhir yang berhasil: 16-03-2026 09.30" in window.sync_status.toolTip()
    assert window.sync.worker is None  # nothing has tried the network yet
