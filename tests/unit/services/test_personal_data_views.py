"""Personal contacts per role: a petugas sees the e-mail masked like the phone (screens, lists, the printed
register); a supervisor's list of full phones and e-mails, and the returning-requester lookup that shows full
NIKs, are audited like the full-NIK view of one request."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pypdf
from sqlalchemy import text

from app.domain.identity import mask_email
from app.services.context import Actor
from app.services.desk import DeskServices

EMAIL = "siti.aminah@example.id"


def _views_of_personal_data(desk: DeskServices) -> list[str]:
    with desk.ctx.db.read_engine.connect() as conn:
        rows = conn.execute(
            text("SELECT entity FROM audit_log WHERE action = 'view_personal_data' ORDER BY id")
        )
        return [r[0] for r in rows]


def test_mask_email_keeps_only_the_ends_of_the_local_part() -> None:
    assert mask_email(EMAIL) == "s•••h@example.id"
    assert mask_email("ab@x.id") == "a•••@x.id"


def test_a_petugas_sees_the_email_masked_everywhere(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    view = desk.register.receive(officer, walk_in())
    shown = desk.register.get(officer, view.number).requester
    assert shown.email is None and shown.email_display == "s•••h@example.id"
    row = desk.query.rows(officer)[0]
    assert EMAIL not in row.contact and "s•••h@example.id" in row.contact
    pdf, _ = desk.letters.register_pdf(officer, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    printed = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert EMAIL not in printed and "81234567890" not in printed.replace(" ", "").replace("-", "")
    assert _views_of_personal_data(desk) == []  # nothing in full was shown


def test_a_supervisors_full_contact_list_and_lookup_are_audited(
    desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    view = desk.register.receive(officer, walk_in())
    row = desk.query.rows(supervisor)[0]
    assert EMAIL in row.contact
    assert desk.register.get(supervisor, view.number).requester.email == EMAIL
    desk.register.find_requesters(supervisor, "Siti")
    assert _views_of_personal_data(desk) == ["register", "request", "requester"]
    with desk.ctx.db.read_engine.connect() as conn:
        details = conn.execute(
            text("SELECT details FROM audit_log WHERE entity = 'register' AND action = 'view_personal_data'")
        ).scalar_one()
    assert view.number in details
