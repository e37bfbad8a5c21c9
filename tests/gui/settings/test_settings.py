"""Settings by role: profile and kop, officials, numbering, calendar with previewed recompute, users, language."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from app.errors import AuthenticationFailed
from app.services.changes import Changes
from tests.conftest import USER_PASSWORD
from ui.kit import i18n
from ui.kit.tasks import runner
from ui.settings.page import SettingsPage
from ui.shell import wiring
from ui.shell.lock import idle_minutes


def _page(qtbot, desk, actor) -> SettingsPage:
    page = SettingsPage(wiring.settings(desk), actor)
    qtbot.addWidget(page)
    return page


def test_tabs_follow_the_role(qtbot, desk, admin, supervisor, officer):
    admin_page = _page(qtbot, desk, admin)
    assert list(admin_page.panels) == [
        "office",
        "officials",
        "numbering",
        "calendar",
        "information_lists",
        "users",
        "sync",
        "audit",
        "printing",
        "general",
    ]
    supervisor_page = _page(qtbot, desk, supervisor)
    assert list(supervisor_page.panels) == ["calendar", "information_lists", "audit", "printing", "general"]
    officer_page = _page(qtbot, desk, officer)
    assert list(officer_page.panels) == ["calendar", "information_lists", "printing", "general"]
    calendar = officer_page.panels["calendar"]
    assert not calendar.add_button.isEnabled() or not calendar.add_button.parentWidget().isEnabled()
    assert not calendar.preview_button.parentWidget().isEnabled()


def test_office_profile_and_kop_are_saved(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    page.profile_form.edits["address"].setText("Jl. Bhayangkara No. 1")
    page.kop_form.set_lines(["PEMERINTAH KOTA SERANG", "KECAMATAN CIPOCOK JAYA", "Jl. Bhayangkara No. 1"])
    assert page.panels["office"].save()
    office = desk.office.profile()
    assert office.address == "Jl. Bhayangkara No. 1"
    assert office.kop_lines[-1] == "Jl. Bhayangkara No. 1"


def test_bad_desk_letter_and_empty_kop_are_shown_next_to_the_fields(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    page.kop_form.set_lines([])
    page.profile_form.desk_letter.setText("9")
    assert not page.panels["office"].save()
    assert page.kop_form.form.error("kop_lines") == "Kop surat minimal satu baris."
    assert "Huruf meja" in page.profile_form.form.error("desk_letter")
    assert desk.office.profile().desk_letter == "A"


def test_numbering_template_saved_and_refused(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    form = page.numbering_form
    form.edits["request_template"].setText("{office}-{desk}/{year}/{seq:05d}")
    assert page.panels["numbering"].save()
    assert desk.office.profile().request_template == "{office}-{desk}/{year}/{seq:05d}"
    form.edits["request_template"].setText("{seq}")
    assert not page.panels["numbering"].save()
    assert "harus memuat" in form.form.error("request_template")


def test_officials_added_and_validated(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    panel = page.panels["officials"]
    panel.editor.role.setCurrentIndex(panel.editor.role.findData("ppid"))
    panel.editor.name.setText("Drs. Ahmad Fauzi")
    panel.editor.jabatan.setText("Sekretaris Kecamatan")
    panel.editor.nip.setText("1234")
    panel.save()
    assert panel.editor.form.error("nip") == "NIP harus 18 digit."
    panel.editor.nip.setText("197001011990031005")
    panel.save()
    assert [o.name for o in desk.office.officials(role="ppid")] == ["Drs. Ahmad Fauzi"]
    assert panel.list.count() == 1


def test_calendar_lists_indonesian_holidays_and_local_closures(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    panel = page.panels["calendar"]
    panel.year.setValue(2026)
    names = [panel.holidays.item(r, 1).text() for r in range(panel.holidays.rowCount())]
    assert any("Idul Fitri" in n for n in names)
    assert any("Kemerdekaan" in n for n in names)
    panel.day.setDate(QDate(2026, 3, 18))
    panel.reason.setText("HUT Kota Serang")
    panel.add_closure()
    assert date(2026, 3, 18) in desk.calendar.calendar().closures
    row = next(
        r for r in range(panel.holidays.rowCount()) if panel.holidays.item(r, 1).text() == "HUT Kota Serang"
    )
    panel.holidays.selectRow(row)
    panel.holidays.setCurrentCell(row, 0)
    panel.remove_selected()
    assert date(2026, 3, 18) not in desk.calendar.calendar().closures


def test_closure_on_a_saturday_is_refused_next_to_the_date(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    panel = page.panels["calendar"]
    panel.day.setDate(QDate(2026, 3, 21))
    panel.reason.setText("Kerja bakti")
    panel.add_closure()
    assert panel.form.error("day") == "Hari Sabtu/Minggu sudah bukan hari kerja."


def test_recompute_previews_then_applies(qtbot, desk, admin, officer, intake):
    number = intake(officer, received_at=datetime(2026, 3, 16, 9, 0).isoformat()).number
    before = desk.register.get(admin, number).due_response
    desk.calendar.add(admin, day=date(2026, 3, 17), name="Banjir")
    page = _page(qtbot, desk, admin)
    panel = page.panels["calendar"]
    with qtbot.waitSignal(panel.preview_ready, timeout=30_000):
        panel.preview_button.click()
    assert panel.preview.rowCount() >= 1
    assert panel.preview.item(0, 0).text() == number
    assert desk.register.get(admin, number).due_response == before  # preview writes nothing
    assert panel.apply_button.isEnabled()
    with qtbot.waitSignal(panel.applied, timeout=30_000), qtbot.waitSignal(page.changed) as broadcast:
        panel.apply_button.click()
    assert desk.register.get(admin, number).due_response > before
    assert broadcast.args == [Changes.records(outbox=True)]  # the open register reads its deadlines again
    runner().wait()


def test_users_add_change_role_and_deactivate(qtbot, desk, admin):
    page = _page(qtbot, desk, admin)
    panel = page.panels["users"]
    panel.username.setText("rina")
    panel.full_name.setText("Rina Marlina")
    panel.add_role.setCurrentIndex(panel.add_role.findData("petugas"))
    panel.password.setText("pendek")
    panel.add_user()
    assert panel.add_form.error("password") == "Kata sandi minimal 8 karakter."
    panel.password.setText(USER_PASSWORD)
    panel.add_user()
    assert panel.current_user() is not None and panel.current_user().username == "rina"
    panel.role.setCurrentIndex(panel.role.findData("supervisor"))
    panel.save_selected()
    assert desk.users.authenticate("rina", USER_PASSWORD).role == "supervisor"
    panel.toggle_selected()
    import pytest

    with pytest.raises(AuthenticationFailed):
        desk.users.authenticate("rina", USER_PASSWORD)


def test_last_admin_cannot_be_deactivated(qtbot, desk, admin, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.settings.users.show_error", lambda _p, exc: shown.append(exc))
    page = _page(qtbot, desk, admin)
    panel = page.panels["users"]
    row = next(r for r, u in enumerate(panel.users) if u.username == "admin")
    panel.table.setCurrentCell(row, 0)
    panel.toggle_selected()
    assert "Admin aktif terakhir" in panel.edit_form.general.text()


def test_language_and_idle_lock_saved(qtbot, desk, admin):
    i18n.install("id")
    page = _page(qtbot, desk, admin)
    general = page.panels["general"]
    general.idle.setValue(3)
    general.language.setCurrentIndex(general.language.findData("en"))
    with qtbot.waitSignal(page.language_changed) as changed:
        general.save_button.click()
    assert changed.args == ["en"]
    assert idle_minutes(desk.office) == 3
    assert i18n.saved_language(desk.ctx.data_dir) == "en"


def test_inputs_have_accessible_names(qtbot, desk, admin):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    page = _page(qtbot, desk, admin)
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox)
        for w in page.findChildren(kind)
        if not w.accessibleName() and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
    ]
    assert unnamed == []


def test_a_locked_out_user_is_unlocked_from_the_users_page(qtbot, desk, admin):
    import pytest

    for _ in range(6):
        with pytest.raises(AuthenticationFailed):
            desk.users.authenticate("petugas", "salah-sekali")
    page = _page(qtbot, desk, admin)
    panel = page.panels["users"]
    row = next(r for r, u in enumerate(panel.users) if u.username == "petugas")
    panel.table.setCurrentCell(row, 0)
    assert panel.unlock.isEnabled()
    panel.unlock.click()
    assert not panel.unlock.isEnabled()
    assert desk.users.authenticate("petugas", USER_PASSWORD).username == "petugas"


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("width", [1366, 911], ids=["1366x768", "1366x768@150%"])
def test_every_section_is_in_view_on_an_office_screen(qtbot, desk, admin, language, width):
    """An administrator's ten sections in a window as wide as the office screen (911 device-independent pixels
    at 150 %) less the 184 px sidebar: each one's name is on screen whole. As Qt's row of tabs, *Tampilan &
    bahasa* (where the language is switched) and more sat behind the tab bar's scroll arrows even at 100 %."""
    from PySide6.QtWidgets import QTabBar

    from tests.gui.layout_checks import hidden_tabs

    i18n.install(language)
    try:
        page = _page(qtbot, desk, admin)
        page.resize(width - 184, 600)
        page.show()
        qtbot.waitExposed(page)
        QApplication.processEvents()
        bars = [
            bar for bar in page.findChildren(QTabBar) if bar.isVisible() and bar.count() >= len(page.panels)
        ]
        names = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        buttons = {b.text(): b for b in page.findChildren(QAbstractButton) if b.text() in names}
        assert sorted(buttons) == sorted(names)
        hidden = [bar for bar in bars if hidden_tabs(bar)] + [
            text for text, b in buttons.items()
            if not b.isVisible() or b.width() < b.sizeHint().width() or not page.rect().contains(
                b.mapTo(page, b.rect().bottomRight()))
        ]  # fmt: skip
        assert hidden == []
    finally:
        i18n.install("id")


def test_only_the_tab_shown_is_built_the_others_when_first_shown(qtbot, desk, admin):
    """Building all ten tabs took ≈ 0.9 s of the GUI thread at the first click on Pengaturan (the audit log's
    query, the printers, the lists, the sync state): a tab is built when it is first shown."""
    page = SettingsPage(wiring.settings(desk), admin)
    qtbot.addWidget(page)
    assert [key for key in page.panels if page.panels.is_built(key)] == ["office"]
    assert "audit" in page.panels and not page.panels.is_built("audit")  # asking does not build it
    page.tabs.setCurrentIndex(list(page.panels).index("users"))  # as a click or the keyboard on its tab does
    assert page.panels.is_built("users")
    assert page.tabs.currentWidget().widget() is page.panels["users"]
    page.show_panel("audit")
    assert page.panels.is_built("audit") and page.tabs.currentWidget().widget() is page.panels["audit"]
    assert not page.panels.is_built("sync")


def test_tab_goes_from_the_row_into_a_section_built_later(qtbot, desk, admin):
    """A section built when first shown is reached from its tab with Tab and left back to it with Shift+Tab, as
    the sections built with the page are (ui/kit/tabs.py)."""
    from ui.shell.main_window import MainWindow

    window = MainWindow(desk, admin)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("settings")
    page = window.pages["settings"]
    for key in ("office", "users", "numbering"):
        page.show_panel(key)
        index = list(page.panels).index(key)
        button = page.tabs.buttons[index]
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and page.panels[key].isAncestorOf(focused), (key, focused)
        if key != "users":  # a line edit first (the users' table takes Shift+Tab for its cells)
            qtbot.keyClick(focused, Qt.Key.Key_Backtab)
            assert QApplication.focusWidget() is button, key
    runner().wait()
