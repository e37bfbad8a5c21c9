"""The fields of a request, grouped as on the paper forms, as (label, text) rows for the request page.

Which fields have a row, and its label, is declared in the field table (``app/services/record_fields.py``);
here is only how the rows are grouped and when an optional one is left out.

Why a separate function: it is plain data shaping (no widgets), easy to test, and keeps the page small.
Personal data arrives already masked or revealed by the service according to the viewer's role.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain.formatting import rupiah
from app.domain.identity import printed_phone
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
from app.services.record_fields import DETAIL_CONTEXT, Entity, detail_label
from app.services.views import RequestView

Rows = list[tuple[str, str]]


def _label(name: str, entity: Entity = "request") -> str:
    """The row label the field table declares for ``name`` (``app/services/record_fields.py``), translated."""
    return QCoreApplication.translate(DETAIL_CONTEXT, detail_label(name, entity))


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
        (_label("kind", "requester"), kinds.get(who.kind, who.kind)),
        (_label("name", "requester"), who.name),
        (_label("nik", "requester"), who.nik or ""),
    ]
    if who.legal_number:
        requester.append((_label("legal_number", "requester"), who.legal_number))
    requester += [
        (_label("address", "requester"), who.address),
        (_label("occupation", "requester"), who.occupation or ""),
        (_label("phone_display", "requester"), who.phone_display or ""),
        (_label("email_display", "requester"), who.email_display or ""),
    ]
    if view.proxy:
        proxy = view.proxy
        phone = printed_phone(str(proxy.get("phone") or ""))  # stored E.164, read in the national form
        contact = ", ".join(str(v) for v in (proxy.get("address"), phone) if v)
        requester.append(
            (
                _label("proxy"),
                f"{proxy.get('name')}" + (f" ({contact})" if contact else ""),
            )
        )
    request: Rows = [
        (_label("received_at"), _when(view.received_at)),
        (_label("channel"), CHANNELS.get(view.channel, view.channel)),
        (_label("received_by"), view.received_by_name or view.received_by),
        (_label("information"), view.information),
        (_label("purpose"), view.purpose),
        (
            _label("obtain_method"),
            OBTAIN_METHODS.get(view.obtain_method, view.obtain_method),
        ),
        (
            _label("delivery_method"),
            DELIVERY_METHODS.get(view.delivery_method, view.delivery_method),
        ),
        (
            _label("documents"),
            ", ".join(DOCUMENT_KINDS.get(d, d) for d in view.documents),
        ),
        (_label("completed_at"), _when(view.completed_at)),
    ]
    if view.missing_items:
        request.append((_label("missing_items"), "; ".join(view.missing_items)))
    outcome: Rows = []
    if view.extension_reason:
        outcome.append(
            (
                _label("extension_reason"),
                EXTENSION_REASONS.get(view.extension_reason, ""),
            )
        )
    if view.decision:
        outcome.append((_label("decision"), DECISION_LABELS[view.decision]))
        outcome.append((_label("decided_at"), _when(view.decided_at)))
    if view.info_form:
        outcome.append(
            (
                _label("info_form"),
                INFO_FORMS.get(view.info_form, view.info_form),
            )
        )
    if view.redaction_reason:
        outcome.append((_label("redaction_reason"), view.redaction_reason))
    if view.holder_body:
        outcome.append((_label("holder_body"), view.holder_body))
    if view.costs:
        outcome.append((_label("costs"), rupiah(int(view.costs.get("total", 0)))))
    if view.payment_method:
        outcome.append((_label("payment_method"), view.payment_method))
    if view.rejection_article:
        article = view.rejection_article
        outcome.append(
            (
                _label("rejection_article"),
                f"Pasal 17 huruf {article}: {PASAL_17.get(article, '')}",
            )
        )
        outcome.append((_label("consequence_test"), view.consequence_test or ""))
    if view.forwarded_to:
        outcome.append((_label("forwarded_to"), view.forwarded_to))
    if view.delivered_at:
        method = DELIVERY_METHODS.get(view.delivered_method or "", view.delivered_method or "")
        outcome.append(
            (
                _label("delivered_at"),
                f"{_when(view.delivered_at)} ({method})",
            )
        )
    if view.closed_at:
        outcome.append((_label("closed_at"), _when(view.closed_at)))
    if view.voided_at:
        outcome.append(
            (
                _label("voided_at"),
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
