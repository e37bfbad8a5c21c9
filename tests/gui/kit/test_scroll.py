"""ui/kit/scroll.py: contents larger than their window scroll, and wherever the keyboard goes is shown.

At 1366×768 and 150 % scaling a page or a long dialog gets about 911×440 device-independent pixels: these
check, on real widgets, that a field scrolled off is brought into view by Tab, by its Alt+letter and by a
shortcut that focuses it, also through a scroll area nested inside the scrolled contents, and that the main
window's pages scroll inside a window of that size instead of being squeezed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from style_changes import StyleChanges, app_style_sheet

from app.services.context import Actor
from app.services.desk import DeskServices
from ui.kit.page import Page
from ui.kit.scroll import ScrollArea, scrolled, scrolled_tab
from ui.shell.main_window import MINIMUM_SIZE, MainWindow

#: 1366×768 at 150 % less a 60 px taskbar (911×472) and a window frame.
ROOM_AT_150 = QSize(903, 436)
#: 1366×768 at 100 % less a 40 px taskbar and a title bar: a page must fit without scrolling.
ROOM_AT_100 = QSize(1366, 697)


def _in_view(area: QScrollArea, widget: QWidget) -> bool:
    viewport = area.viewport()
    shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(shown)


def _tall_form(rows: int = 40) -> tuple[QWidget, list[QLineEdit]]:
    contents = QWidget()
    form = QFormLayout(contents)
    edits = []
    for row in range(rows):
        edit = QLineEdit()
        label = QLabel("&Terakhir:" if row == rows - 1 else f"Isian {row}:")
        label.setBuddy(edit)
        form.addRow(label, edit)
        edits.append(edit)
    return contents, edits


def _window(area: QWidget, qtbot) -> QWidget:
    window = QWidget()
    QVBoxLayout(window).addWidget(area)
    window.resize(300, 200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_tab_brings_the_next_field_into_view(qtbot):
    contents, edits = _tall_form()
    area = scrolled(contents)
    window = _window(area, qtbot)  # noqa: F841 - kept alive
    edits[0].setFocus()
    for _ in range(12):
        qtbot.keyClick(area.focusWidget() or edits[0], Qt.Key.Key_Tab)
    assert edits[12].hasFocus() and _in_view(area, edits[12])


def test_an_alt_letter_or_a_shortcut_brings_a_field_scrolled_off_into_view(qtbot):
    contents, edits = _tall_form()
    area = scrolled(contents)
    window = _window(area, qtbot)
    edits[0].setFocus()
    assert not _in_view(area, edits[-1])
    qtbot.keyClick(edits[0], Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "&Terakhir:"
    qtbot.waitUntil(lambda: edits[-1].hasFocus())
    assert _in_view(area, edits[-1])

    find = QShortcut(QKeySequence("Ctrl+F"), window)
    find.setContext(Qt.ShortcutContext.WindowShortcut)
    find.activated.connect(lambda: edits[20].setFocus(Qt.FocusReason.ShortcutFocusReason))
    qtbot.keyClick(edits[-1], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert edits[20].hasFocus() and _in_view(area, edits[20])


def test_a_field_in_a_nested_scroll_area_is_shown_by_both(qtbot):
    inner_contents, inner_edits = _tall_form(20)
    inner = QScrollArea()
    inner.setWidgetResizable(True)
    inner.setWidget(inner_contents)
    inner.setFixedHeight(120)
    outer_contents, outer_edits = _tall_form(30)
    outer_contents.layout().addWidget(inner)  # type: ignore[union-attr]
    outer = ScrollArea(outer_contents)
    window = _window(outer, qtbot)  # noqa: F841 - kept alive
    outer_edits[0].setFocus()
    inner_edits[-1].setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: _in_view(outer, inner))
    inner.ensureWidgetVisible(inner_edits[-1])
    assert _in_view(inner, inner_edits[-1])


def test_the_main_window_fits_1366x768_at_150_and_its_pages_scroll(qtbot, desk: DeskServices, admin: Actor):
    assert MINIMUM_SIZE.boundedTo(ROOM_AT_150) == MINIMUM_SIZE
    window = MainWindow(desk, admin)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.resize(ROOM_AT_150.boundedTo(window.screen().availableGeometry().size()))
    for key in ("settings", "sync", "register"):
        window.show_page(key)
        page = window.pages[key]
        area = window.stack.currentWidget()
        assert isinstance(area, QScrollArea) and area.widget() is page and page.on_top()
        # the page keeps the size its layout needs; what the window lacks is scrolled, not squeezed
        assert (
            page.width() >= page.minimumSizeHint().width()
            and page.height() >= page.minimumSizeHint().height()
        )
        assert window.current_page() == key
    assert isinstance(window.pages["dashboard"], Page) and not window.pages["dashboard"].on_top()
    # the wrapper is no Tab stop of its own: Tab goes from the sidebar's widgets to the page's as before
    stops, widget = [], window.nextInFocusChain()
    while widget is not window:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    assert not set(window.areas.values()) & set(stops)


def test_a_page_with_wrapped_text_and_a_scrolled_panel_fills_the_view_instead_of_scrolling(qtbot):
    """Qt gives a page whose layout wraps text its preferred height; an area inside the page that reported its
    whole contents as its hint (Laporan's hidden Narasi tab, 1,450 px) made the page scroll at 1366×768."""
    page = Page()
    box = QVBoxLayout(page)
    note = QLabel("Pilih angka di kiri untuk melihat permohonannya. " * 3)
    note.setWordWrap(True)
    box.addWidget(note)
    tall, _ = _tall_form(60)
    box.addWidget(ScrollArea(tall), 1)
    area = scrolled(page)
    qtbot.addWidget(area)
    area.resize(700, 600)
    area.show()
    qtbot.waitUntil(lambda: page.height() > 0)
    assert page.height() <= area.viewport().height()
    assert not area.verticalScrollBar().isVisible()
    # a dialog's fields (sideways=False) still ask for their whole size, so the dialog opens showing them all
    fields, _ = _tall_form(10)
    assert ScrollArea(fields, sideways=False).sizeHint().height() >= fields.sizeHint().height()


def test_a_page_with_a_wrapped_notice_gets_its_minimum_height_for_the_width_not_its_preferred(qtbot):
    """A wrapped notice gives a page's layout height for width, and Qt then gave the page its *preferred*
    height for the viewport's width, every table at its size hint: a petugas's Sinkronisasi asked 844 px in a
    693 px view and scrolled although its minimum fitted."""
    page = Page()
    box = QVBoxLayout(page)
    note = QLabel("Hanya administrator yang dapat mengubah pengaturan sinkronisasi kantor ini. " * 2)
    note.setWordWrap(True)
    box.addWidget(note)
    tables = [QTableWidget(3, 3) for _ in range(4)]
    for table in tables:
        box.addWidget(table)
    area = scrolled(page, frame=False)
    qtbot.addWidget(area)
    area.resize(600, 500)
    area.show()
    qtbot.waitUntil(lambda: page.height() > 0)
    layout = page.layout()
    assert layout.totalMinimumHeightForWidth(600) < 500 < layout.totalHeightForWidth(600)
    assert page.height() == area.viewport().height() and not area.verticalScrollBar().isVisible()
    assert note.height() >= note.heightForWidth(note.width())  # the notice keeps every line
    # where the view is shorter than the minimum, the page keeps its minimum and scrolls
    area.resize(600, 150)
    qtbot.waitUntil(lambda: page.height() > area.viewport().height())
    assert page.height() >= layout.totalMinimumHeightForWidth(page.width())
    assert area.widget() is page


@pytest.mark.parametrize("role", ["officer", "supervisor", "admin"])
def test_no_page_scrolls_at_1366x768_and_100_percent_for_any_role(
    qtbot, desk: DeskServices, role: str, request
):
    """A role sees other tabs and notices: Pengaturan (a tab widget asks for its tallest tab's preferred
    height, the unscrolled Daftar informasi with a petugas's read-only notice) and Sinkronisasi scrolled for a
    petugas where an admin's fitted."""
    window = MainWindow(desk, request.getfixturevalue(role))
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.resize(ROOM_AT_100)
    for key in ("settings", "sync", "register", "objections"):
        window.show_page(key)
        page, area = window.pages[key], window.areas[key]
        qtbot.waitUntil(lambda p=page: p.height() > 0)
        qtbot.wait(50)
        assert page.height() <= area.viewport().height(), key
    # nor does a settings tab, but the office profile and kop (a long form, scrolled by design): a QFormLayout
    # claimed its text boxes' preferred height as its minimum, and the DIK tab scrolled inside Daftar informasi
    settings = window.pages["settings"]
    window.show_page("settings")
    for key in settings.panels:
        settings.show_panel(key)  # built now, the first time (ui/settings/page.py): laid out as events come

        def laid_out(key: str = key) -> None:
            scrolled_areas = [a for a in settings.findChildren(ScrollArea) if a.isVisible()]
            assert key == "office" or not [
                a for a in scrolled_areas if a.verticalScrollBar().maximum() > 0
            ], key
            # and the areas are no Tab stops: Tab goes from the tab bar to the panel's first field
            assert not [a for a in scrolled_areas if a.focusPolicy() & Qt.FocusPolicy.TabFocus], key

        qtbot.waitUntil(laid_out, timeout=3_000)


def _form(rows: int) -> tuple[QWidget, list[QLineEdit]]:
    body = QWidget()
    form = QFormLayout(body)
    edits = [QLineEdit() for _ in range(rows)]
    for n, edit in enumerate(edits):
        form.addRow(f"Kolom {n}", edit)
    return body, edits


def test_a_scrolled_tab_is_filled_in_place_each_field_styled_again_once(qtbot, qapp):
    """Filling a scroll area sizes and styles its contents; a filled area then moved into a tab widget styled
    every field again (the settings page: 7,212 style changes, now 3,614: tests/gui/style_changes.py)."""
    with app_style_sheet(qapp):
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        body, edits = _form(12)
        body.ensurePolished()
        changes = StyleChanges(qapp)
        area = scrolled_tab(tabs, body, "Profil")
        changes.stop()
    assert tabs.widget(0) is area and area.widget() is body
    assert max(changes.of(edit) for edit in edits) <= 1


def test_a_scroll_area_given_its_parent_is_not_moved_after_it_is_filled(qtbot, qapp):
    with app_style_sheet(qapp):
        dialog = QWidget()
        qtbot.addWidget(dialog)
        layout = QVBoxLayout(dialog)
        body, edits = _form(12)
        body.ensurePolished()
        changes = StyleChanges(qapp)
        layout.addWidget(scrolled(body, dialog, sideways=False))
        changes.stop()
    assert max(changes.of(edit) for edit in edits) <= 1
