"""Which of the desk's services each page gets, picked from ``DeskServices`` (the composition root,
app/services/desk.py), which only ui/shell/ holds.

Why: a page, dialog or panel receives only what it uses (its capability's bundle, a frozen dataclass declared
beside the page), so what it can reach reads off its constructor, and the tests build it with these same
functions. The services the desk builds on first use (export, letters, reports, sync, routing...) go in as
zero-argument providers (``lambda: desk.reports``): building a bundle neither builds them nor imports their
modules, so the start-up pays for none of them (bench/startup_modules.py). Each function imports its page's
module when called, as the page registry (pages.py) does. Each page that prints has its own
``PrintingServices``, whose print service is built on the page's first print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.dashboard import DashboardService
    from app.services.desk import DeskServices
    from ui.agenda.page import AgendaServices
    from ui.intake.dialog import IntakeServices
    from ui.objections.page import ObjectionServices
    from ui.printing.services import PrintingServices
    from ui.register.page import RegisterServices
    from ui.reports.page import ReportsServices
    from ui.request.page import RequestServices
    from ui.settings.page import SettingsServices
    from ui.sync.controller import SyncServices


def printing(desk: DeskServices) -> PrintingServices:
    from ui.printing.services import PrintingServices

    return PrintingServices(office=desk.office, letters=lambda: desk.letters)


def dashboard(desk: DeskServices) -> Callable[[], DashboardService]:
    return lambda: desk.dashboard


def register(desk: DeskServices) -> RegisterServices:
    from ui.register.page import RegisterServices

    return RegisterServices(
        query=desk.query,
        calendar=desk.calendar,
        export=lambda: desk.export,
        printing=printing(desk),
    )


def objections(desk: DeskServices) -> ObjectionServices:
    from ui.objections.page import ObjectionServices

    return ObjectionServices(
        objections=desk.objections,
        calendar=desk.calendar,
        printing=printing(desk),
    )


def request(desk: DeskServices) -> RequestServices:
    from ui.request.page import RequestServices

    return RequestServices(
        register=desk.register,
        actions=desk.actions,
        objections=desk.objections,
        calendar=desk.calendar,
        routing=lambda: desk.routing,
        information_lists=lambda: desk.information_lists,
        printing=printing(desk),
    )


def intake(desk: DeskServices) -> IntakeServices:
    from ui.intake.dialog import IntakeServices

    return IntakeServices(
        register=desk.register,
        calendar=desk.calendar,
        information_lists=lambda: desk.information_lists,
        printing=printing(desk),
    )


def reports(desk: DeskServices) -> ReportsServices:
    from ui.reports.page import ReportsServices

    return ReportsServices(
        calendar=desk.calendar,
        reports=lambda: desk.reports,
        city_reports=lambda: desk.city_reports,
        routing=lambda: desk.routing,
        printing=printing(desk),
    )


def agenda(desk: DeskServices) -> AgendaServices:
    from ui.agenda.page import AgendaServices

    return AgendaServices(
        calendar=desk.calendar,
        letter_agenda=lambda: desk.letter_agenda,
        printing=printing(desk),
    )


def sync(desk: DeskServices) -> SyncServices:
    from ui.sync.controller import SyncServices

    return SyncServices(
        sync=lambda: desk.sync,
        snapshot=desk.sync_snapshot,
        conflicts=lambda: desk.sync_conflicts,
        calendar=desk.calendar,
    )


def settings(desk: DeskServices) -> SettingsServices:
    from ui.settings.page import SettingsServices

    return SettingsServices(
        office=desk.office,
        users=desk.users,
        calendar=desk.calendar,
        information_lists=lambda: desk.information_lists,
        audit_log=lambda: desk.audit_log,
        sync=sync(desk),
    )
