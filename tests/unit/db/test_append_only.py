"""The register is never hard-deleted and its timeline and audit log never rewritten, even by raw SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.services.context import Actor
from app.services.desk import DeskServices

GUARDED = [
    ("UPDATE events SET summary = 'diubah'", "events"),
    ("DELETE FROM events", "events"),
    ("UPDATE audit_log SET username = 'orang lain'", "audit_log"),
    ("DELETE FROM audit_log", "audit_log"),
    ("DELETE FROM requests", "requests"),
    ("DELETE FROM requesters", "requesters"),
    ("DELETE FROM objections", "objections"),
]


@pytest.fixture
def filled(desk: DeskServices, officer: Actor, walk_in) -> DeskServices:
    number = desk.register.receive(officer, walk_in()).number
    desk.actions.act(officer, number, "reject", {"article": "h", "consequence_test": "x" * 25})
    desk.objections.add(officer, request_number=number, grounds="a")
    return desk


def _count(desk: DeskServices, table: str) -> int:
    with desk.ctx.db.read_engine.connect() as conn:
        value = int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        conn.rollback()
    return value


@pytest.mark.parametrize(("statement", "table"), GUARDED)
def test_raw_sql_cannot_rewrite_the_register(filled: DeskServices, statement: str, table: str) -> None:
    rows = _count(filled, table)
    assert rows > 0
    with pytest.raises(IntegrityError, match="tidak diizinkan"), filled.ctx.db.engine.begin() as conn:
        conn.execute(text(statement))
    assert _count(filled, table) == rows


def test_requests_can_still_be_updated(filled: DeskServices) -> None:
    """State changes are updates of the request row; only its deletion is forbidden."""
    with filled.ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE requests SET version = version"))
