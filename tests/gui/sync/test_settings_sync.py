"""Pengaturan › Sinkronisasi: an administrator enrolls the desk against a real city server (uvicorn on
127.0.0.1); every refusal is shown in plain Indonesian next to the field it concerns."""

from __future__ import annotations

from datetime import timedelta

import keyring
import pytest
from keyring.backends import fail

from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from app.sync.secrets import SERVICE, TokenStore
from server import admin as server_admin
from ui.kit import i18n
from ui.kit.tasks import runner
from ui.settings.page import SettingsPage
from ui.shell import wiring
from ui.sync.settings_panel import SyncSettingsPanel


@pytest.fixture
def panel(qtbot, desk, admin) -> SyncSettingsPanel:
    i18n.install("id")
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    page.show_panel("sync")
    found = page.panels["sync"]
    assert isinstance(found, SyncSettingsPanel)
    qtbot.waitUntil(lambda: "belum terdaftar" in found.current.text(), timeout=10_000)
    yield found
    runner().wait()


def _enroll(qtbot, panel: SyncSettingsPanel, url: str, code: str) -> None:
    panel.server.setText(url)
    panel.code.setText(code)
    panel.enroll_button.click()
    qtbot.waitUntil(lambda: panel.enroll_button.isEnabled(), timeout=30_000)


def test_admin_enrolls_the_desk_from_the_settings_tab(qtbot, desk, panel, city, memory_keyring):
    code, _ = server_admin.new_enroll_code(city.engine, "CPJ")
    panel.label.setText("meja depan")
    panel.server.setText(city.url + "/")
    panel.code.setText(code.lower())  # the server ignores case, spaces and dashes
    with qtbot.waitSignal(panel.sync.enrolled, timeout=30_000):
        panel.enroll_button.click()
    assert (
        "huruf meja A" in panel.status.text()
        and "Nomor yang sudah terbit tetap berlaku" in panel.status.text()
    )
    assert panel.code.text() == "" and panel.form.general.isHidden()
    qtbot.waitUntil(lambda: "Terdaftar ke" in panel.current.text())
    assert city.url in panel.current.text() and "CPJ" in panel.current.text()
    assert panel.enroll_button.text() == "&Daftarkan ulang"
    enrollment = SyncEngine(desk.ctx.db, TokenStore(memory_keyring)).enrollment()
    assert enrollment is not None and enrollment.desk_letter == "A" and enrollment.server_url == city.url
    assert memory_keyring.get_password(SERVICE, enrollment.device_id)  # the token is in the keyring only
    devices = server_admin.list_devices(city.engine, "CPJ")
    assert [(d.id, d.label) for d in devices] == [(enrollment.device_id, "meja depan")]
    assert desk.office.profile().desk_letter == "A"


def test_unknown_code_is_explained_next_to_the_code(qtbot, panel, city, memory_keyring):
    _enroll(qtbot, panel, city.url, "AAAA-BBBB-CCCC")
    assert "Kode pendaftaran tidak dikenal" in panel.form.error("code")
    assert "belum terdaftar" in panel.current.text()


def test_used_and_expired_codes_are_explained(qtbot, panel, city, memory_keyring):
    code, _ = server_admin.new_enroll_code(city.engine, "CPJ")
    with SyncClient(city.url) as client:
        client.enroll(code, request_id="someone-else")
    _enroll(qtbot, panel, city.url, code)
    assert "sudah dipakai" in panel.form.error("code") and "kode pendaftaran baru" in panel.form.error("code")
    old, _ = server_admin.new_enroll_code(city.engine, "CPJ", ttl=timedelta(seconds=-1))
    _enroll(qtbot, panel, city.url, old)
    assert "kedaluwarsa" in panel.form.error("code")


def test_code_for_another_office_is_refused(qtbot, desk, panel, city, memory_keyring):
    code, _ = server_admin.new_enroll_code(city.engine, "3673.01")
    _enroll(qtbot, panel, city.url, code)
    assert "untuk kantor lain" in panel.form.error("code")
    assert SyncEngine(desk.ctx.db, TokenStore(memory_keyring)).enrollment() is None
    assert (
        server_admin.list_devices(city.engine, "3673.01") == []
    )  # checked before spending: no orphan device


def test_plain_http_to_a_remote_server_is_refused(qtbot, panel, memory_keyring):
    _enroll(qtbot, panel, "http://ppid.serangkota.go.id", "AAAA-BBBB-CCCC")
    message = panel.form.error("server")
    assert "https://" in message and "komputer ini" in message


def test_missing_keyring_is_refused_with_the_remedy(qtbot, desk, panel, city, monkeypatch):
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    code, _ = server_admin.new_enroll_code(city.engine, "CPJ")
    _enroll(qtbot, panel, city.url, code)
    message = panel.form.general.text()
    assert not panel.form.general.isHidden()
    assert "keyring" in message and "PYTHON_KEYRING_BACKEND" in message and "berkas biasa" in message
    assert server_admin.list_devices(city.engine, "CPJ") == []  # the code was not spent


def test_empty_fields_are_marked_without_contacting_anyone(qtbot, panel):
    panel.server.clear()
    panel.code.clear()
    panel.ca_bundle.setText("/tidak/ada/ca.pem")
    jobs = runner().pending  # the settings page's own (the kop preview renders on a worker)
    panel.enroll_button.click()
    assert panel.form.error("server") == "Alamat server wajib diisi."
    assert panel.form.error("code") == "Kode pendaftaran wajib diisi."
    assert panel.form.error("ca_bundle") == "Berkas sertifikat tidak ditemukan."
    assert panel.enroll_button.isEnabled() and runner().pending == jobs  # no enrolment was started


def test_only_administrators_see_the_tab(qtbot, desk, supervisor, officer):
    for actor in (supervisor, officer):
        page = SettingsPage(wiring.settings(desk), actor)
        qtbot.addWidget(page)
        assert "sync" not in page.panels
