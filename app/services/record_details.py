"""The rows of a detail pane, built from the field tables: what the request page, the keberatan page and the
dossier's "Penanganan Permohonan" show of a record.

Which fields have a row, under which label, in which section and order, and whether an empty one is still
shown, is declared once in ``record_fields/``; here is only how a value reads (a code as its text, a date, an
amount). A field that needs more than its own value (the kuasa's contact, the delivery with its method) has a
text function in ``TEXTS``; the others read by their type and ``options``. Kept free of Qt: the pages translate
the labels under ``DETAIL_CONTEXTS`` and may replace a text where the page knows more (today's calendar, the
viewer's steps), and the dossier prints the same rows in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.domain.formatting import format_date_long, rupiah
from app.domain.identity import printed_phone
from app.domain.lifecycle import PASAL_17
from app.services.record_fields import SECTIONS, Pane, RecordField, field_of, pane_fields

When = Callable[[datetime], str]
#: A row's text from the record's view (``None``: no row, whatever ``always`` says).
Text = Callable[[Any, When], "str | None"]


def short_when(value: datetime) -> str:
    """A moment as the pages show it: ``16-03-2026 10.00``."""
    return value.strftime("%d-%m-%Y %H.%M")


@dataclass(frozen=True)
class Row:
    field: RecordField
    label: str  # the table's Indonesian label (the pages translate it)
    text: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # Indonesian (the pages translate it)
    rows: list[Row]


def _plain(value: Any, spec: RecordField, when: When) -> str:
    """A stored value as text: codes by ``options``, moments by ``when``, lists joined, nothing as ''."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, list):
        return ", ".join(_plain(item, spec, when) for item in value)
    if spec.options is not None:
        return spec.options.get(value, str(value.value if isinstance(value, Enum) else value))
    if isinstance(value, datetime):
        return when(value)
    if isinstance(value, date):
        return format_date_long(value)
    return str(value.value if isinstance(value, Enum) else value)


def kuasa_text(proxy: Mapping[str, Any] | None) -> str | None:
    """A kuasa in one line, ``Rina Marlina (Jl. Veteran 5, 0812-9999-1111)``: the detail pane's and the CLI's."""
    if not proxy:
        return None
    # As the viewer may see it (``views.shown_proxy``): national, or masked for a role without personal data.
    phone = proxy.get("phone_display") or printed_phone(str(proxy.get("phone") or ""))
    contact = ", ".join(str(v) for v in (proxy.get("address"), phone) if v)
    return f"{proxy.get('name')}" + (f" ({contact})" if contact else "")


def _proxy(view: Any, when: When) -> str | None:
    return kuasa_text(view.proxy)


def _rejection(view: Any, when: When) -> str | None:
    article = view.rejection_article
    return f"Pasal 17 huruf {article}: {PASAL_17.get(article, '')}" if article else None


def _delivered(view: Any, when: When) -> str | None:
    if not view.delivered_at:
        return None
    method = _plain(view.delivered_method, field_of("request", "delivered_method"), when)
    return f"{when(view.delivered_at)} ({method})"


def _received_by(view: Any, when: When) -> str:
    """The receiving officer's full name (the account when the officer is not known on this desk)."""
    return str(view.received_by_name or view.received_by)


def _with(field: str, text: Callable[[Any, When], str]) -> Text:
    """A row shown only together with ``field`` (e.g. the date of a decision, only with the decision)."""
    return lambda view, when: text(view, when) if getattr(view, field) else None


#: Per pane, the fields whose text is more than their own value (key: ``RecordField.key``).
TEXTS: dict[Pane, dict[str, Text]] = {
    "request": {
        "proxy": _proxy,
        "received_by": _received_by,
        "missing_items": lambda v, when: "; ".join(v.missing_items),
        "decided_at": _with("decision", lambda v, when: when(v.decided_at) if v.decided_at else ""),
        "costs": lambda v, when: rupiah(int(v.costs.get("total", 0))) if v.costs else None,
        "rejection_article": _rejection,
        "consequence_test": _with("rejection_article", lambda v, when: v.consequence_test or ""),
        "delivered_at": _delivered,
        "voided_at": lambda v, when: f"{when(v.voided_at)}: {v.void_reason or ''}" if v.voided_at else None,
    },
    "objection": {
        "received_by": _received_by,
        "case_summary": lambda v, when: v.case_summary or "–",
        "proxy": lambda v, when: str(v.proxy.get("name") or "") if v.proxy else None,
        "decision_text": _with("decision", lambda v, when: v.decision_text or ""),
        "atasan_name": _with(
            "decision", lambda v, when: f"{v.atasan_name or ''} {v.atasan_position or ''}".strip()
        ),
        "dispute_filed_at": lambda v, when: (
            f"{v.dispute_filed_at.strftime('%d-%m-%Y')} {v.dispute_register or ''}"
            if v.dispute_filed_at
            else None
        ),
        "dispute_outcome": lambda v, when: (
            _plain(v.dispute_outcome, field_of("objection", "dispute_outcome"), when)
            + (f" – {v.dispute_outcome_text}" if v.dispute_outcome_text else "")
            if v.dispute_outcome
            else None
        ),
        # The dispute's filing deadline is shown by the page, which knows whether a dispute is still open.
        "deadlines": lambda v, when: None,
    },
}


def sections(
    pane: Pane,
    view: Any,
    *,
    when: When = short_when,
    texts: Mapping[str, Text] | None = None,
    only: Callable[[RecordField], bool] | None = None,
) -> list[Section]:
    """The pane's sections with their rows for ``view`` (a ``RequestView`` or an ``ObjectionView``); sections
    without a row are left out. ``texts`` replaces the text of some fields (by key); ``only`` keeps some rows."""
    own = {**TEXTS[pane], **(texts or {})}
    rows: dict[str, list[Row]] = {key: [] for key, _ in SECTIONS[pane]}
    for spec in pane_fields(pane):
        assert spec.detail is not None
        if only is not None and not only(spec):
            continue
        owner = view.requester if spec.entity == "requester" and pane == "request" else view
        text_of = own.get(spec.key)
        text = text_of(view, when) if text_of else _plain(getattr(owner, spec.name), spec, when)
        if text is None or (text == "" and not spec.detail.always):
            continue
        rows[spec.detail.section].append(Row(spec, spec.detail.label, text))
    return [Section(key, title, rows[key]) for key, title in SECTIONS[pane] if rows[key]]
