"""Every page and dialog of the workstation, laid out on an office screen, checked for what an officer cannot see.

    python tests/gui/layout_child.py DATA_DIR LANGUAGE [USERNAME ...]

Run as its own process by tests/gui/test_ui_layout.py, because the screen is chosen when Qt starts: the
parent sets ``QT_QPA_PLATFORM=offscreen:configfile=…`` (a 1366×728 work area: 1366×768 less a 40 px taskbar)
and ``QT_SCALE_FACTOR`` (1 or 1.5). The data folder is a demo office (``app/demo.py``). Every window is shown as
the program shows it (the application from ``ui.app.application``, so the style and the screen fit are the real
ones), and ``tests/gui/layout_checks.py`` lists what is clipped in it. The child prints one JSON line: the
problems found, each ``"<screen>: <what>"``, and the screens visited.

Each USERNAME (the demo password; ``admin`` if none) signs in to a main window of its own, because a role sees
other tabs, notices and disabled fields: a petugas's read-only notices made Pengaturan and Sinkronisasi scroll at
100 % where an admin's pages fitted. The first one also opens every dialog; the pages of the others are named
``"<username>: page …"``.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

faulthandler.enable(all_threads=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QTabWidget, QWidget  # noqa: E402

from tests.gui.layout_checks import problems_in  # noqa: E402
from ui.shell import wiring  # noqa: E402

QUIET_MS = 1_500
#: A layout settles in a few passes; one that still moves after this many is reported, not waited on forever.
MAX_PASSES = 200


def settle() -> None:
    """Let layouts, queued signals and background reads finish (the workers run on the thread pool).

    Why passes until nothing moves rather than pauses: what a window's geometry waits for is posted events
    (layout requests, queued signals, the results of background reads). Each pass drains the thread pool, runs
    one turn of the event loop and the events that turn posted; settled means a pass in which no widget of a
    visible window moved, resized, appeared or disappeared. Four fixed 60 ms pauses per call were 15 of the
    21 s a run took; with passes every widget of every window checked ends up where it did with them
    (compared widget by widget on four screens, both languages), but for the Reports page's height, which
    differs by 1 px between two runs of the paused version as well."""
    from ui.kit.tasks import runner

    before: list[tuple[object, ...]] | None = None
    for _ in range(MAX_PASSES):
        runner().wait(QUIET_MS)
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()
        now = _geometry()
        if now == before:
            return
        before = now
    raise RuntimeError(f"the layout still moves after {MAX_PASSES} passes")


def _geometry() -> list[tuple[object, ...]]:
    """Where every widget of every visible window is, and whether it is shown."""
    return [
        (id(widget), widget.geometry().getRect(), widget.isVisible())
        for window in QApplication.topLevelWidgets()
        if window.isVisible()
        for widget in (window, *window.findChildren(QWidget))
    ]


def main(data_dir: Path, language: str, *usernames: str) -> int:
    from app.demo import DEMO_ADMIN
    from app.services.desk import DeskServices
    from ui.app import application
    from ui.kit import i18n

    app = application(["layout-child"])
    i18n.install(language)
    desk = DeskServices.open(data_dir)
    first, *others = [desk.users.authenticate(name, DEMO_ADMIN[1]) for name in usernames or ("admin",)]
    admin = first
    found: list[str] = []
    seen: list[str] = []

    def check(name: str, window: QWidget) -> None:
        settle()
        seen.append(name)
        found.extend(f"{name}: {problem}" for problem in problems_in(window))

    def dialog(
        name: str, make: Callable[[], QWidget | None], after: Callable[[QWidget], None] | None = None
    ) -> None:
        before = set(QApplication.topLevelWidgets())
        made = make()
        settle()
        opened = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        target = made if made is not None and made.isVisible() else (opened[0] if opened else None)
        if target is None:
            found.append(f"{name}: did not open")
            return
        if after is not None:
            after(target)
        check(name, target)
        if isinstance(target, QDialog):
            target.done(0)
        else:
            target.close()
        settle()

    from ui.shell.login import LoginDialog

    login = LoginDialog(desk, office_name=desk.office.profile().name)
    login.show()
    login.username.setText("admin")  # type: ignore[attr-defined]
    login.failed.emit(QCoreApplication.translate("LoginDialog", "Nama pengguna atau kata sandi salah."))
    dialog("login", lambda: login)

    from ui.shell.main_window import MainWindow

    def pages(window: MainWindow, who: str) -> None:
        """Every page of ``window``, each settings tab, and the lists of the combo boxes an officer can open
        (a disabled one, a petugas's paper size, opens no list)."""
        check(f"{who}window", window)
        for key in ("dashboard", "register", "objections", "settings", "sync", "reports", "agenda"):
            window.show_page(key)
            page = window.pages[key]
            check(f"{who}page {key}", window)
            area = window.areas[key]
            if os.environ.get("QT_SCALE_FACTOR", "1") == "1" and page.height() > area.viewport().height():
                # at 100 % a page fits the office screen: scrolling is for 125 % and 150 %
                found.append(
                    f"{who}page {key}: scrolls at 100 % ({page.height()} px in {area.viewport().height()})"
                )
            tabs = page.findChild(QTabWidget)
            if key == "settings" and tabs is not None:
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    check(f"{who}settings tab {index}", window)
                    combos(tabs.currentWidget(), 4)
        combos(window, 10)  # the last page shown, Laporan, and the settings page's language list

    def combos(inside: QWidget, most: int) -> None:
        for combo_box in [c for c in inside.findChildren(QComboBox) if c.isVisible() and c.isEnabled()][
            :most
        ]:
            seen.append("combo")
            found.extend(
                f"combo {combo_box.accessibleName()}: {p}" for p in problems_in(combo_box, popup=True)
            )

    for actor in others:
        other = MainWindow(desk, actor)
        other.show()
        pages(other, f"{actor.username}: ")
        other.open_request(other.page("register").model.row_at(0).number)  # type: ignore[attr-defined]
        check(f"{actor.username}: page request", other)
        other.close_now()
        settle()

    window = MainWindow(desk, admin)
    window.show()
    pages(window, "")

    register = window.pages["register"]
    number = register.model.row_at(0).number  # type: ignore[attr-defined]
    window.open_request(number)
    check("page request", window)
    request_page = window.pages["request"]
    from app.domain.lifecycle import Action

    for action in (Action.COMPLETE, Action.INCOMPLETE, Action.EXTEND, Action.RESPOND, Action.REJECT):
        dialog(f"action {action.value}", lambda a=action: request_page.open_action(a))  # type: ignore[attr-defined]
    dialog("route", request_page.open_route)  # type: ignore[attr-defined]
    dialog("objection filing", request_page.open_objection)  # type: ignore[attr-defined]
    dialog("intake", window.open_intake)

    objections = window.pages["objections"]
    window.show_page("objections")
    settle()
    from app.domain.lifecycle import ObjectionAction

    if objections.table.rowCount():  # type: ignore[attr-defined]
        objections.table.selectRow(0)  # type: ignore[attr-defined]
        settle()
        dialog("objection decide", lambda: objections.open_action(ObjectionAction.DECIDE))  # type: ignore[attr-defined]

    from ui.printing.actions import preview_letter

    dialog(
        "preview", lambda: preview_letter(wiring.printing(desk), admin, number, "receipt", window) and None
    )  # type: ignore[func-returns-value]

    from ui.shell.lock import LockDialog

    def wrong_password(lock: QWidget) -> None:
        lock.password.setText("salah")  # type: ignore[attr-defined]
        lock.submit()  # type: ignore[attr-defined]
        settle()

    window.set_locked(True)
    dialog("lock", lambda: _opened(LockDialog(desk, admin, window)), wrong_password)
    window.set_locked(False)

    from ui.shell.setup_wizard import SetupWizard

    def pages(wizard: QWidget) -> None:
        for page_id in wizard.pageIds()[:-1]:  # type: ignore[attr-defined]
            wizard.setCurrentId(page_id)  # type: ignore[attr-defined]
            check(f"wizard page {page_id}", wizard)

    dialog("wizard", lambda: _opened(SetupWizard(desk)), pages)
    window.close()
    desk.close()
    print(json.dumps({"problems": found, "seen": seen}))
    sys.stdout.flush()
    del app
    return 0


def _opened(widget: QWidget) -> QWidget:
    widget.show()
    return widget


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], *sys.argv[3:]))
