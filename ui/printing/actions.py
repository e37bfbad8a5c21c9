"""The few calls the request page, the intake dialog and the register page make to print something.

Why a facade: the pages should not know about papers, printers, QtPdf or the letters service. Each call
issues (or reprints) the document off the GUI thread through ``app.services.letters`` (so an issued letter is
a record: numbered, on the request's timeline, reprinted identically later), then either prints it silently
(the receipt right after intake, when switched on and a printer exists) or opens the preview.

Results reach ``on_done(PrintOutcome)``; failures reach ``on_error(exc)`` or, by default, a non-blocking
message box with the service's Indonesian message.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.documents.kinds import DOCUMENT_TITLES, RECORD_DOCUMENTS
from app.services.context import Actor
from app.services.letters import IssuedDocument
from ui.kit.dates import show_date, show_moment
from ui.kit.lifetime import keep
from ui.kit.tasks import submit
from ui.printing.preview_dialog import PreviewDialog
from ui.printing.print_service import PrintResult, PrintService
from ui.printing.services import PrintingServices

PREVIEW_KINDS = RECORD_DOCUMENTS


@dataclass(frozen=True)
class PrintOutcome:
    """What happened: a preview was opened (``dialog``) and/or a print or no-printer save (``result``)."""

    kind: str
    number: str
    dialog: PreviewDialog | None = None
    result: PrintResult | None = None
    document: IssuedDocument | None = None


OnDone = Callable[[PrintOutcome], None]
OnError = Callable[[BaseException], None]


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A non-blocking warning with the plain message (never a traceback)."""
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PrintActions", "Pencetakan"),
        str(exc) or QCoreApplication.translate("PrintActions", "Dokumen gagal dicetak."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    keep(box).open()  # with no parent, nothing else holds it once this function returns


def describe(doc: IssuedDocument) -> str:
    """The line above the preview: issued now (a record was made) or a reprint of the stored letter."""
    shown = doc.number or doc.request_number
    if not doc.reprint:
        text = QCoreApplication.translate(
            "PrintActions", "Diterbitkan sekarang dengan nomor {0}; tercatat pada riwayat permohonan."
        ).format(shown)
    else:
        when = show_moment(doc.issued_at)
        text = QCoreApplication.translate(
            "PrintActions", "Cetak ulang surat {0} yang diterbitkan {1} oleh {2}"
        ).format(shown, when, doc.issued_by)
        if doc.masked:  # a reader without the right to see personal data: NIK, phone, e-mail masked
            note = QCoreApplication.translate(
                "PrintActions", "NIK, telepon dan email disamarkan sesuai peran Anda."
            )
        elif doc.other_paper:
            note = QCoreApplication.translate(
                "PrintActions", "pada kertas {0}, bukan kertas terbitnya ({1}): isi sama, tata letak berbeda."
            ).format(doc.paper, doc.issued_paper)
        elif doc.identical:
            note = QCoreApplication.translate("PrintActions", "identik dengan aslinya.")
        else:
            note = QCoreApplication.translate("PrintActions", "PERINGATAN: berbeda dari sidik jari aslinya.")
        text += " — " + note
    return "<br/>".join([html.escape(text), *map(_template_warning, doc.warnings)])


def _template_warning(warning: str) -> str:
    """A broken office template override, as one escaped line of the preview's heading."""
    return html.escape(QCoreApplication.translate("PrintActions", "Peringatan templat: {0}").format(warning))


def open_preview(
    pdf: bytes,
    service: PrintService,
    *,
    kind: str,
    number: str,
    info: str = "",
    parent: QWidget | None = None,
    title: str | None = None,
) -> PreviewDialog:
    """``title``: what the preview names instead of the kind's title and ``number`` (a register: its name and
    period as people read them; ``number`` then only names the saved file)."""
    if parent is not None and not shiboken6.isValid(parent):
        parent = None  # the page or dialog that asked was closed while the document was being made
    dialog = PreviewDialog(
        pdf,
        service,
        kind=kind,
        number=number,
        title=title or DOCUMENT_TITLES.get(kind, kind),
        info=info,
        parent=parent,
        show_number=title is None,
    )
    keep(dialog).open()  # with no parent (the asker closed meanwhile) nothing else may hold it
    return dialog


def _callbacks(
    parent: QWidget | None, on_done: OnDone | None, on_error: OnError | None
) -> tuple[OnDone, OnError]:
    def done(outcome: PrintOutcome) -> None:
        if on_done is not None:
            on_done(outcome)

    def failed(exc: BaseException) -> None:
        (on_error or (lambda e: show_error(parent, e)))(exc)

    return done, failed


def print_receipt_after_intake(
    printing: PrintingServices,
    actor: Actor,
    number: str,
    parent: QWidget | None = None,
    *,
    service: PrintService | None = None,
    on_done: OnDone | None = None,
    on_error: OnError | None = None,
) -> None:
    """Issue the receipt of request ``number``; print it silently when auto-print is on and a printer
    exists, else (or when that print fails) open the preview so the requester still gets a receipt."""
    svc = service or printing.service
    settings = printing.settings()
    paper = settings.paper("receipt")
    done, failed = _callbacks(parent, on_done, on_error)

    def issued(doc: IssuedDocument) -> None:
        if not (settings.receipt_autoprint and svc.printer_for_pdf("receipt", doc.pdf)):
            dialog = open_preview(
                doc.pdf, svc, kind="receipt", number=number, info=describe(doc), parent=parent
            )
            done(PrintOutcome("receipt", number, dialog=dialog, document=doc))
            return

        def print_failed(exc: BaseException) -> None:
            dialog = open_preview(
                doc.pdf, svc, kind="receipt", number=number, info=describe(doc), parent=parent
            )
            dialog.say(str(exc), error=True)
            done(PrintOutcome("receipt", number, dialog=dialog, document=doc))

        svc.print_pdf(
            doc.pdf,
            "receipt",
            number,
            lambda result: done(PrintOutcome("receipt", number, result=result, document=doc)),
            print_failed,
        )

    submit(
        lambda: printing.letters().issue(actor, "receipt", number, paper=paper),
        issued,
        failed,
        background=svc.background,
    )


def preview_letter(
    printing: PrintingServices,
    actor: Actor,
    request_number: str,
    kind: str,
    parent: QWidget | None = None,
    *,
    service: PrintService | None = None,
    on_done: OnDone | None = None,
    on_error: OnError | None = None,
) -> None:
    """Issue (first time) or reprint the ``kind`` letter and preview it; ``dossier`` previews the file.

    For ``objection`` pass the keberatan number. Refusals (the request's facts do not allow the letter) come
    back as the service's Indonesian message.
    """
    if kind not in PREVIEW_KINDS:
        raise ValueError(f"unknown document kind: {kind}")
    svc = service or printing.service
    done, failed = _callbacks(parent, on_done, on_error)

    def fetch() -> Any:
        if kind == "dossier":
            return printing.letters().dossier_pdf(actor, request_number)
        # no paper: a new letter is issued on the kind's paper from the settings, and a letter issued before
        # is reprinted on the paper it was issued on (an F4 letter stays F4 after the settings moved to A4)
        return printing.letters().issue(actor, kind, request_number)

    def show(value: Any) -> None:
        if isinstance(value, IssuedDocument):
            pdf, info, doc = value.pdf, describe(value), value
        else:
            pdf, warnings = value
            info = "<br/>".join(map(_template_warning, warnings))
            doc = None
        dialog = open_preview(pdf, svc, kind=kind, number=request_number, info=info, parent=parent)
        done(PrintOutcome(kind, request_number, dialog=dialog, document=doc))

    submit(fetch, show, failed, background=svc.background)


def reprint_letter(
    printing: PrintingServices,
    actor: Actor,
    letter_id: str,
    parent: QWidget | None = None,
    *,
    service: PrintService | None = None,
    on_done: OnDone | None = None,
    on_error: OnError | None = None,
) -> None:
    """Preview a stored letter (from ``LetterService.letters``) exactly as issued, on its original paper."""
    svc = service or printing.service
    done, failed = _callbacks(parent, on_done, on_error)

    def show(doc: IssuedDocument) -> None:
        number = doc.number or doc.request_number
        dialog = open_preview(doc.pdf, svc, kind=doc.kind, number=number, info=describe(doc), parent=parent)
        done(PrintOutcome(doc.kind, number, dialog=dialog, document=doc))

    submit(lambda: printing.letters().reprint(actor, letter_id), show, failed, background=svc.background)


def print_register(
    printing: PrintingServices,
    actor: Actor,
    date_from: dt.date,
    date_to: dt.date,
    objections: bool = False,
    parent: QWidget | None = None,
    *,
    service: PrintService | None = None,
    on_done: OnDone | None = None,
    on_error: OnError | None = None,
) -> None:
    """Preview the Register Permohonan (or Keberatan) of the period on the configured paper (landscape)."""
    svc = service or printing.service
    paper = printing.settings().paper("register")
    done, failed = _callbacks(parent, on_done, on_error)
    period = ("keberatan-" if objections else "") + f"{date_from.isoformat()}_{date_to.isoformat()}"
    title = (
        QCoreApplication.translate("PrintActions", "Register Keberatan {0} s.d. {1}")
        if objections
        else QCoreApplication.translate("PrintActions", "Register Permohonan {0} s.d. {1}")
    )
    label = title.format(show_date(date_from), show_date(date_to))

    def show(value: tuple[bytes, list[str]]) -> None:
        pdf, warnings = value
        info = "<br/>".join(map(_template_warning, warnings))
        dialog = open_preview(pdf, svc, kind="register", number=period, info=info, parent=parent, title=label)
        done(PrintOutcome("register", period, dialog=dialog))

    submit(
        lambda: printing.letters().register_pdf(
            actor, date_from, date_to, objections=objections, paper=paper
        ),
        show,
        failed,
        background=svc.background,
    )
