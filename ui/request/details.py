"""The fields of a request, grouped as on the paper forms, as (label, text) rows for the request page.

Why a separate function: it is plain data shaping (no widgets), easy to test, and keeps the page small.
Personal data arrives already masked or revealed by the service according to the viewer's role.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain.formatting import rupiah
from app.domain.lifecycle import (
    CHANNELS,
    DECISION_LABELS,
    DELIVERY_METHODS,
    EXTENSION_REASONS,
    INFO_FORMS,
    OBTAIN_METHODS,
    PASAL_17,
)
from app.domain.requester import DOCUMENT_KINDS
from app.services.views import RequestView

Rows = list[tuple[str, str]]


def _when(value: datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H.%M") if value else ""


def detail_sections(view: RequestView) -> list[tuple[str, Rows]]:
    who = view.requester
    kinds = {
        "perorangan": QCoreApplication.translate("RequestDetails", "Perorangan"),
        "badan_hukum": QCoreApplication.translate("RequestDetails", "Badan hukum"),
        "kelompok": QCoreApplication.translate("RequestDetails", "Kelompok orang"),
    }
    requester: Rows = [
        (QCoreApplication.translate("RequestDetails", "Jenis pemohon"), kinds.get(who.kind, who.kind)),
        (QCoreApplication.translate("RequestDetails", "Nama"), who.name),
        (QCoreApplication.translate("RequestDetails", "NIK"), who.nik or ""),
    ]
    if who.legal_number:
        requester.append(
            (QCoreApplication.translate("RequestDetails", "No. SK pengesahan"), who.legal_number)
        )
    requester += [
        (QCoreApplication.translate("RequestDetails", "Alamat"), who.address),
        (QCoreApplication.translate("RequestDetails", "Pekerjaan"), who.occupation or ""),
        (QCoreApplication.translate("RequestDetails", "Telepon"), who.phone_display or ""),
        (QCoreApplication.translate("RequestDetails", "Email"), who.email or ""),
    ]
    if view.proxy:
        proxy = view.proxy
        contact = ", ".join(str(v) for v in (proxy.get("address"), proxy.get("phone")) if v)
        requester.append(
            (
                QCoreApplication.translate("RequestDetails", "Kuasa"),
                f"{proxy.get('name')}" + (f" ({contact})" if contact else ""),
            )
        )
    request: Rows = [
        (QCoreApplication.translate("RequestDetails", "Diterima"), _when(view.received_at)),
        (QCoreApplication.translate("RequestDetails", "Saluran"), CHANNELS.get(view.channel, view.channel)),
        (QCoreApplication.translate("RequestDetails", "Petugas penerima"), view.received_by),
        (QCoreApplication.translate("RequestDetails", "Rincian informasi"), view.information),
        (QCoreApplication.translate("RequestDetails", "Tujuan penggunaan"), view.purpose),
        (
            QCoreApplication.translate("RequestDetails", "Cara memperoleh"),
            OBTAIN_METHODS.get(view.obtain_method, view.obtain_method),
        ),
        (
            QCoreApplication.translate("RequestDetails", "Cara mendapatkan salinan"),
            DELIVERY_METHODS.get(view.delivery_method, view.delivery_method),
        ),
        (
            QCoreApplication.translate("RequestDetails", "Berkas diterima"),
            ", ".join(DOCUMENT_KINDS.get(d, d) for d in view.documents),
        ),
        (QCoreApplication.translate("RequestDetails", "Dinyatakan lengkap"), _when(view.completed_at)),
    ]
    if view.missing_items:
        request.append(
            (QCoreApplication.translate("RequestDetails", "Kekurangan"), "; ".join(view.missing_items))
        )
    outcome: Rows = []
    if view.extension_reason:
        outcome.append(
            (
                QCoreApplication.translate("RequestDetails", "Alasan perpanjangan"),
                EXTENSION_REASONS.get(view.extension_reason, ""),
            )
        )
    if view.decision:
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Keputusan"), DECISION_LABELS[view.decision])
        )
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Tanggal pemberitahuan"), _when(view.decided_at))
        )
    if view.info_form:
        outcome.append(
            (
                QCoreApplication.translate("RequestDetails", "Bentuk informasi"),
                INFO_FORMS.get(view.info_form, view.info_form),
            )
        )
    if view.redaction_reason:
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Alasan penghitaman"), view.redaction_reason)
        )
    if view.holder_body:
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Badan publik yang menguasai"), view.holder_body)
        )
    if view.costs:
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Biaya"), rupiah(int(view.costs.get("total", 0))))
        )
    if view.payment_method:
        outcome.append((QCoreApplication.translate("RequestDetails", "Cara pembayaran"), view.payment_method))
    if view.rejection_article:
        article = view.rejection_article
        outcome.append(
            (
                QCoreApplication.translate("RequestDetails", "Dasar penolakan"),
                f"Pasal 17 huruf {article}: {PASAL_17.get(article, '')}",
            )
        )
        outcome.append(
            (QCoreApplication.translate("RequestDetails", "Uji konsekuensi"), view.consequence_test or "")
        )
    if view.forwarded_to:
        outcome.append((QCoreApplication.translate("RequestDetails", "Diteruskan ke"), view.forwarded_to))
    if view.delivered_at:
        method = DELIVERY_METHODS.get(view.delivered_method or "", view.delivered_method or "")
        outcome.append(
            (
                QCoreApplication.translate("RequestDetails", "Informasi diserahkan"),
                f"{_when(view.delivered_at)} ({method})",
            )
        )
    if view.closed_at:
        outcome.append((QCoreApplication.translate("RequestDetails", "Ditutup"), _when(view.closed_at)))
    if view.voided_at:
        outcome.append(
            (
                QCoreApplication.translate("RequestDetails", "Dibatalkan"),
                f"{_when(view.voided_at)}: {view.void_reason or ''}",
            )
        )
    sections = [
        (QCoreApplication.translate("RequestDetails", "Pemohon"), requester),
        (QCoreApplication.translate("RequestDetails", "Permohonan"), request),
    ]
    if outcome:
        sections.append((QCoreApplication.translate("RequestDetails", "Keputusan dan penyelesaian"), outcome))
    return sections
