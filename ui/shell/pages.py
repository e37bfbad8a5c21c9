"""The main window's pages, each declared once: key, title, icon, shortcut and how to build it.

Why one table: the sidebar, the page stack and the Ctrl+1…5 shortcuts are all built from it, so adding or
reordering a page is one line here rather than three lists in the window that must agree. Each factory
imports its page's module when the page is first shown, not at start-up (only the dashboard is built at once).
Titles are Indonesian source strings marked for ``pyside6-lupdate`` in the ``MainWindow`` context and
translated when the sidebar is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.shell import wiring

if TYPE_CHECKING:
    from app.services.context import Actor
    from app.services.desk import DeskServices
    from ui.kit.page import Page
    from ui.sync.controller import SyncController


@dataclass(frozen=True)
class PageDeps:
    """What a page may be built with: the desk's services (each factory picks the page's own through
    ``wiring``), the signed-in officer, the window's sync."""

    desk: DeskServices
    actor: Actor
    sync: SyncController


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text; QCoreApplication.translate("MainWindow", title) when shown
    icon: str  # ui.kit.style.icon name
    shortcut: str  # "" for a page reached only through links (a request from a list)
    factory: Callable[[PageDeps], Page]
    sidebar: bool = True


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a title for ``pyside6-lupdate``; the window translates it when it builds the sidebar."""
    return text


def _dashboard(deps: PageDeps) -> Page:
    from ui.dashboard.page import DashboardPage

    return DashboardPage(wiring.dashboard(deps.desk))


def _register(deps: PageDeps) -> Page:
    from ui.register.page import RegisterPage

    return RegisterPage(wiring.register(deps.desk), deps.actor)


def _objections(deps: PageDeps) -> Page:
    from ui.objections.page import ObjectionsPage

    return ObjectionsPage(wiring.objections(deps.desk), deps.actor)


def _settings(deps: PageDeps) -> Page:
    from ui.settings.page import SettingsPage

    return SettingsPage(wiring.settings(deps.desk), deps.actor, sync=deps.sync)


def _sync(deps: PageDeps) -> Page:
    from ui.sync.page import SyncPage

    return SyncPage(wiring.sync(deps.desk), deps.actor, deps.sync)


def _reports(deps: PageDeps) -> Page:
    from ui.reports.page import ReportsPage

    return ReportsPage(wiring.reports(deps.desk), deps.actor)


def _agenda(deps: PageDeps) -> Page:
    from ui.agenda.page import AgendaPage

    return AgendaPage(wiring.agenda(deps.desk), deps.actor)


def _request(deps: PageDeps) -> Page:
    from ui.request.page import RequestPage

    return RequestPage(wiring.request(deps.desk), deps.actor)


#: In sidebar order.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dasbor"), "dashboard", "Ctrl+1", _dashboard),
    PageSpec("register", QT_TRANSLATE_NOOP("MainWindow", "Register"), "register", "Ctrl+2", _register),
    PageSpec("objections", QT_TRANSLATE_NOOP("MainWindow", "Keberatan"), "objections", "Ctrl+3", _objections),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"), "settings", "Ctrl+4", _settings),
    PageSpec("sync", QT_TRANSLATE_NOOP("MainWindow", "Sinkronisasi"), "mdi6.sync", "Ctrl+5", _sync),
    PageSpec("reports", QT_TRANSLATE_NOOP("MainWindow", "Laporan"), "report", "Ctrl+6", _reports),
    PageSpec("agenda", QT_TRANSLATE_NOOP("MainWindow", "Agenda Surat"), "agenda", "Ctrl+7", _agenda),
    PageSpec(
        "request", QT_TRANSLATE_NOOP("MainWindow", "Permohonan"), "register", "", _request, sidebar=False
    ),
)

BY_KEY: dict[str, PageSpec] = {spec.key: spec for spec in PAGES}
SIDEBAR: tuple[str, ...] = tuple(spec.key for spec in PAGES if spec.sidebar)
