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


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestDetails", text)


def _when(value: datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H.%M") if value else ""


def detail_sections(view: RequestView) -> list[tuple[str, Rows]]:
    who = view.requester
    kinds = {
        "perorangan": _tr("Perorangan"),
        "badan_hukum": _tr("Badan hukum"),
        "kelompok": _tr("Kelompok orang"),
    }
    requester: Rows = [
        (_tr("Jenis pemohon"), kinds.get(who.kind, who.kind)),
        (_tr("Nama"), who.name),
        (_tr("NIK"), who.nik or ""),
    ]
    if who.legal_number:
        requester.append((_tr("No. SK pengesahan"), who.legal_number))
    requester += [
        (_tr("Alamat"), who.address),
        (_tr("Pekerjaan"), who.occupation or ""),
        (_tr("Telepon"), who.phone_display or ""),
        (_tr("Email"), who.email or ""),
    ]
    if view.proxy:
        proxy = view.proxy
        contact = ", ".join(str(v) for v in (proxy.get("address"), proxy.get("phone")) if v)
        requester.append((_tr("Kuasa"), f"{proxy.get('name')}" + (f" ({contact})" if contact else "")))
    request: Rows = [
        (_tr("Diterima"), _when(view.received_at)),
        (_tr("Saluran"), CHANNELS.get(view.channel, view.channel)),
        (_tr("Petugas penerima"), view.received_by),
        (_tr("Rincian informasi"), view.information),
        (_tr("Tujuan penggunaan"), view.purpose),
        (_tr("Cara memperoleh"), OBTAIN_METHODS.get(view.obtain_method, view.obtain_method)),
        (_tr("Cara mendapatkan salinan"), DELIVERY_METHODS.get(view.delivery_method, view.delivery_method)),
        (_tr("Berkas diterima"), ", ".join(DOCUMENT_KINDS.get(d, d) for d in view.documents)),
        (_tr("Dinyatakan lengkap"), _when(view.completed_at)),
    ]
    if view.missing_items:
        request.append((_tr("Kekurangan"), "; ".join(view.missing_items)))
    outcome: Rows = []
    if view.extension_reason:
        outcome.append((_tr("Alasan perpanjangan"), EXTENSION_REASONS.get(view.extension_reason, "")))
    if view.decision:
        outcome.append((_tr("Keputusan"), DECISION_LABELS[view.decision]))
        outcome.append((_tr("Tanggal pemberitahuan"), _when(view.decided_at)))
    if view.info_form:
        outcome.append((_tr("Bentuk informasi"), INFO_FORMS.get(view.info_form, view.info_form)))
    if view.redaction_reason:
        outcome.append((_tr("Alasan penghitaman"), view.redaction_reason))
    if view.holder_body:
        outcome.append((_tr("Badan publik yang menguasai"), view.holder_body))
    if view.costs:
        outcome.append((_tr("Biaya"), rupiah(int(view.costs.get("total", 0)))))
    if view.payment_method:
        outcome.append((_tr("Cara pembayaran"), view.payment_method))
    if view.rejection_article:
        article = view.rejection_article
        outcome.append((_tr("Dasar penolakan"), f"Pasal 17 huruf {article}: {PASAL_17.get(article, '')}"))
        outcome.append((_tr("Uji konsekuensi"), view.consequence_test or ""))
    if view.forwarded_to:
        outcome.append((_tr("Diteruskan ke"), view.forwarded_to))
    if view.delivered_at:
        method = DELIVERY_METHODS.get(view.delivered_method or "", view.delivered_method or "")
        outcome.append((_tr("Informasi diserahkan"), f"{_when(view.delivered_at)} ({method})"))
    if view.closed_at:
        outcome.append((_tr("Ditutup"), _when(view.closed_at)))
    if view.voided_at:
        outcome.append((_tr("Dibatalkan"), f"{_when(view.voided_at)}: {view.void_reason or ''}"))
    sections = [(_tr("Pemohon"), requester), (_tr("Permohonan"), request)]
    if outcome:
        sections.append((_tr("Keputusan dan penyelesaian"), outcome))
    return sections
