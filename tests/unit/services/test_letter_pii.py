"""Letters keep no personal data in the clear: the stored snapshot holds NIK, phone, address and e-mail
encrypted; a reprint shows them per the reader's role, the full view audited (``app/services/letter_pii.py``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from pdf_text import pdf_text as _text
from sqlalchemy import text

from app.domain.identity import mask_nik
from app.paths import db_path
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.letter_pii import SEALED_SETTING, unseal
from db.models import IssuedLetter, Setting
from tests.conftest import VALID_NIK


def _stored_letters(desk: DeskServices) -> str:
    with sqlite3.connect(db_path(desk.ctx.data_dir)) as conn:
        return "\n".join(str(r[0]) for r in conn.execute("SELECT snapshot FROM issued_letters"))


def test_a_printed_form_stores_no_nik_phone_or_email(
    desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    issued = desk.letters.issue(supervisor, "form", number)
    assert VALID_NIK in _text(issued.pdf)  # the person at the desk gets the form as filled in
    stored = _stored_letters(desk)
    assert stored and VALID_NIK not in stored
    assert "3456" not in stored and "siti.aminah@" not in stored and "Bhayangkara" not in stored


def test_a_petugas_reprint_is_masked_and_a_supervisors_is_full_and_audited(
    desk: DeskServices, supervisor: Actor, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(supervisor, walk_in()).number
    issued = desk.letters.issue(supervisor, "form", number)

    masked = desk.letters.reprint(officer, issued.id)
    shown = _text(masked.pdf)
    assert masked.masked and VALID_NIK not in shown and mask_nik(VALID_NIK) in shown
    assert "0812-3456-7890" not in shown and "Bhayangkara" in shown  # the address is not masked for petugas

    full = desk.letters.reprint(supervisor, issued.id)
    assert not full.masked and full.identical and full.pdf == issued.pdf and VALID_NIK in _text(full.pdf)
    with desk.ctx.db.read_engine.connect() as conn:
        views = conn.execute(
            text("SELECT username FROM audit_log WHERE action = 'view_personal_data' AND entity_id = :i"),
            {"i": issued.id},
        ).all()
    assert [v[0] for v in views] == [supervisor.username]


def test_letters_stored_in_the_clear_are_sealed_once_at_the_next_start(
    desk: DeskServices, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    """A register from before sealing: its plaintext snapshot is sealed when the desk opens with the key."""
    number = desk.register.receive(supervisor, walk_in()).number
    issued = desk.letters.issue(supervisor, "form", number)
    with desk.ctx.db.transaction() as session:  # the letter as an older release stored it
        row = session.get(IssuedLetter, issued.id)
        assert row is not None
        clear = unseal(dict(row.snapshot), desk.ctx.vault, full=True)
        session.execute(text("DROP TRIGGER issued_letters_no_update"))
        session.execute(text("UPDATE issued_letters SET snapshot = :s WHERE id = :i"),
                        {"s": json.dumps(clear), "i": issued.id})  # fmt: skip
        done = session.get(Setting, SEALED_SETTING)
        if done is not None:
            session.delete(done)
    assert VALID_NIK in _stored_letters(desk)
    desk.close()

    again = DeskServices.open(desk.ctx.data_dir, clock=desk.ctx.clock)
    try:
        assert VALID_NIK not in _stored_letters(again)
        register = db_path(again.ctx.data_dir)
        for part in (register, register.with_name(register.name + "-wal")):  # not even in freed space
            assert not part.exists() or VALID_NIK.encode() not in part.read_bytes(), part
        assert again.letters.reprint(supervisor, issued.id).pdf == issued.pdf
    finally:
        again.close()
