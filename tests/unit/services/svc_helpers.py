"""Helpers shared by the service tests (imported as ``svc_helpers``): drive a request into any state through the real services, and read the
register's raw rows so "nothing changed" can be asserted on the whole stored record, not on a view.

Why the raw reads: a refused action must leave the row, the timeline, the audit log and the outbox exactly as
they were; comparing the full ``requests`` row (every column) catches a half-applied change that a view hides.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import text

from app.domain.lifecycle import Status
from app.services.context import Actor
from app.services.desk import DeskServices

#: A valid body for each action (the refusal tests must fail on the state, not on the body).
BODIES: dict[str, dict[str, Any]] = {
    "complete": {},
    "incomplete": {"missing_items": ["Fotokopi KTP"]},
    "extend": {"reason": "belum_dikuasai", "note": "Dokumen masih di bagian keuangan"},
    "respond": {"decision": "diterima", "info_form": "softcopy"},
    "reject": {"article": "h", "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga."},
    "forward": {"to_body": "Dinas Kependudukan dan Pencatatan Sipil Kota Serang"},
    "deliver": {"method": "email"},
    "close": {},
    "void": {"reason": "Salah input, pemohon yang sama"},
    "correct": {"field": "purpose", "value": "Bahan tugas kuliah", "reason": "Salah ketik tujuan"},
}

#: How to reach each status from intake: (intake overrides, actions to run in order).
PATHS: dict[Status, tuple[dict[str, Any], tuple[str, ...]]] = {
    Status.VERIFICATION: ({"complete": False}, ()),
    Status.INCOMPLETE: ({"complete": False}, ("incomplete",)),
    Status.IN_PROCESS: ({}, ()),
    Status.EXTENDED: ({}, ("extend",)),
    Status.ANSWERED: ({}, ("respond",)),
    Status.REJECTED: ({}, ("reject",)),
    Status.FORWARDED: ({}, ("forward",)),
    Status.DELIVERED: ({}, ("respond", "deliver")),
    Status.CLOSED: ({}, ("respond", "deliver", "close")),
    Status.NOT_PROCESSABLE: ({"complete": False}, ("incomplete", "close")),
    Status.VOID: ({}, ("void",)),
}

#: The first day after the 3-working-day completion window of a notice given on Monday 16 March 2026
#: (Nyepi and Idul Fitri 2026 push it to Thursday 26 March).
AFTER_COMPLETION_WINDOW = datetime(2026, 3, 27, 9, 0)


def counts(desk: DeskServices, number: str | None = None) -> dict[str, int]:
    """Rows in the journal tables (and the request's own events when ``number`` is given)."""
    with desk.ctx.db.read_engine.connect() as conn:
        out = {
            table: int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("requests", "requesters", "events", "audit_log", "outbox_ops", "objections")
        }
        if number is not None:
            out["request_events"] = int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM events e JOIN requests r ON e.request_id = r.id "
                        "WHERE r.number = :n"
                    ),
                    {"n": number},
                ).scalar_one()
            )
        counter = conn.execute(text("SELECT coalesce(sum(value), 0) FROM counters")).scalar_one()
        out["counters"] = int(counter)
        conn.rollback()
    return out


def request_row(desk: DeskServices, number: str) -> dict[str, Any]:
    """Every stored column of one request (plus its requester), as the database holds it."""
    with desk.ctx.db.read_engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM requests WHERE number = :n"), {"n": number}).mappings().one()
        who = (
            conn.execute(text("SELECT * FROM requesters WHERE id = :i"), {"i": row["requester_id"]})
            .mappings()
            .one()
        )
        conn.rollback()
    return {**dict(row), "requester": dict(who)}


def drive(
    desk: DeskServices, actor: Actor, clock: Any, walk_in: Callable[..., dict[str, Any]], status: Status
) -> str:
    """Receive a request and act on it until it is in ``status``; returns its number. May move the clock."""
    overrides, actions = PATHS[status]
    number = desk.register.receive(actor, walk_in(**overrides)).number
    for action in actions:
        if action == "close" and status == Status.NOT_PROCESSABLE:
            clock.now = AFTER_COMPLETION_WINDOW
        desk.actions.act(actor, number, action, BODIES[action])
    assert desk.register.get(actor, number).status == status
    return number
