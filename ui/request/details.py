"""The fields of a request, grouped as on the paper forms, as (label, text) rows for the request page.

Which fields have a row, their labels, sections and order are declared in the field table
(``app/services/record_fields/``) and the rows are built from it by ``app/services/record_details.py``; here
they are only translated (the requester's kind also reads in the viewer's language).

Why a separate function: it is plain data shaping (no widgets), easy to test, and keeps the page small.
Personal data arrives already masked or revealed by the service according to the viewer's role.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.record_details import When, sections
from app.services.views import RequestView
from ui.kit.details import Rows, translated


def _kind(view: RequestView, when: When) -> str:
    kinds = {
        "perorangan": QCoreApplication.translate("RequestDetails", "Perorangan"),
        "badan_hukum": QCoreApplication.translate("RequestDetails", "Badan hukum"),
        "kelompok": QCoreApplication.translate("RequestDetails", "Kelompok orang"),
    }
    return kinds.get(view.requester.kind, view.requester.kind)


def detail_sections(view: RequestView) -> list[tuple[str, Rows]]:
    return translated("request", sections("request", view, texts={"requester.kind": _kind}))
