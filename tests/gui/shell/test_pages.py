"""The page table (ui/shell/pages.py) builds the sidebar, the stack and the shortcuts; what a write changed
is broadcast and each page decides whether to read again (ui/kit/page.py, app/services/changes.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from app.services.changes import Changes
from ui.kit.page import Page
from ui.kit.tasks import runner
from ui.shell.main_window import MainWindow
from ui.shell.pages import BY_KEY, PAGES, SIDEBAR


def _window(qtbot, desk, actor) -> MainWindow:
    window = MainWindow(desk, actor)
    qtbot.addWidget(window)
    runner().wait()
    return window


def test_sidebar_and_shortcuts_come_from_the_page_table(qtbot, desk, officer):
    window = _window(qtbot, desk, officer)
    items = [window.sidebar.item(row) for row in range(window.sidebar.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == list(SIDEBAR) == list(window.PAGES)
    assert [item.text() for item in items] == [
        "Dasbor",
        "Register",
        "Keberatan",
        "Pengaturan",
        "Sinkronisasi",
        "Laporan",
        "Agenda Surat",
    ]
    assert [item.toolTip() for item in items][0] == "Dasbor (Ctrl+1)"
    bound = {
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.actions()
        for sequence in action.shortcuts()
    }
    assert {BY_KEY[key].shortcut for key in SIDEBAR} <= bound
    assert "request" not in SIDEBAR and BY_KEY["request"].shortcut == ""
    assert [spec.key for spec in PAGES if spec.sidebar] == list(SIDEBAR)


def test_every_page_is_built_from_its_factory_and_speaks_the_page_signals(qtbot, desk, admin):
    window = _window(qtbot, desk, admin)
    for spec in PAGES:
        page = window.page(spec.key)
        assert isinstance(page, Page) and window.pages[spec.key] is page
        assert window.stack.indexOf(window.areas[spec.key]) >= 0 and window.areas[spec.key].widget() is page
    runner().wait()


def test_a_write_reloads_the_lists_it_concerns_and_not_the_others(qtbot, desk, officer, intake):
    window = _window(qtbot, desk, officer)
    register = window.page("register")
    runner().wait()
    loads: list[bool] = []
    register.model.loading_changed.connect(lambda loading: loads.append(loading))
    window.broadcast(Changes.of(settings=True))
    window.broadcast(Changes())
    runner().wait()
    assert loads == []  # nothing the register shows changed
    number = intake(officer).number
    window.broadcast(Changes.recorded(requests=[number]))
    qtbot.waitUntil(lambda: register.model.total == 1, timeout=10_000)
    assert True in loads
    runner().wait()


def test_saving_an_intake_is_broadcast_to_the_open_lists(qtbot, desk, officer, walk_in):
    window = _window(qtbot, desk, officer)
    register, objections = window.page("register"), window.page("objections")
    runner().wait()
    heard: list[Changes] = []
    window.changed.connect(heard.append)
    dialog = window.open_intake()
    number = desk.register.receive(officer, walk_in()).number
    dialog.saved.emit(number)  # what the dialog emits once the service has saved
    assert heard == [Changes.recorded(requests=[number])]
    qtbot.waitUntil(lambda: register.model.total == 1, timeout=10_000)
    dialog.close()
    runner().wait()
    assert objections.listing is not None


def test_sync_page_enroll_button_opens_the_settings_sync_tab(qtbot, desk, admin):
    window = _window(qtbot, desk, admin)
    window.show_page("sync")
    window.pages["sync"].enroll_button.click()
    assert window.current_page() == "settings"
    settings = window.pages["settings"]
    assert settings.tabs.currentWidget().widget() is settings.panels["sync"]
    runner().wait()


def test_an_officer_without_the_sync_tab_lands_on_settings(qtbot, desk, officer):
    window = _window(qtbot, desk, officer)
    window.open_panel("settings", "sync")  # officers have no Sinkronisasi tab: the page opens as it is
    assert window.current_page() == "settings" and "sync" not in window.pages["settings"].panels
    runner().wait()
