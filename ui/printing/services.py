"""What printing needs from the desk: the office's printer settings, the letters and one print service.

Why one object: every page that prints (request, register, keberatan, intake, Laporan, Agenda Surat) issues
its documents through ``letters`` and sends them through the one ``PrintService`` here (``service``), built on
first use rather than by each page. ``letters`` is a provider: the letters service (reportlab) is built on
first use too. The printer settings are an office setting (``printer_settings``), read afresh for every
job."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ui.printing import printer_settings

if TYPE_CHECKING:
    from app.services.context import Actor
    from app.services.letters import LetterService
    from app.services.office import OfficeService
    from ui.printing.print_service import PrintService


@dataclass(eq=False)
class PrintingServices:
    """``service`` may be replaced (a test's printers); the rest is fixed for the page's life."""

    office: OfficeService
    letters: Callable[[], LetterService]

    def settings(self) -> printer_settings.PrintingSettings:
        return printer_settings.load(self.office)

    def save_settings(self, actor: Actor, settings: printer_settings.PrintingSettings) -> None:
        printer_settings.save(self.office, actor, settings)

    @cached_property
    def service(self) -> PrintService:
        """The application's print service (real printers, the system PDF viewer, background jobs)."""
        from ui.printing.print_service import PrintService

        return PrintService(self.office.data_folder(), self.settings)
