"""A desk does not download what it just pushed (issue 15 item 6): the push answer carries the version the
server stamped, the desk records it, and its pulls ask the server to leave out records whose current version is
the one this desk pushed. Another desk's later change to such a record still arrives. Real desks, a live city
server on PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.services.desk import DeskServices
from app.sync import state
from app.sync.secrets import MemoryKeyring
from db.models import Request
from server.testing import LiveServer
from tests.sync.test_engine import RESPOND, enroll, hub, keyring_backend, second_desk  # noqa: F401


def _server_versions(services: DeskServices) -> dict[str, int]:
    with services.ctx.db.reader() as s:
        sr = state.sync_records.c
        return dict(s.execute(select(sr.entity_id, sr.server_version)).all())  # type: ignore[arg-type]


def test_a_desk_pulls_none_of_its_own_pushes_but_every_later_change_of_another_desk(
    desk: DeskServices,
    officer: Any,
    walk_in: Any,
    hub: LiveServer,  # noqa: F811
    keyring_backend: MemoryKeyring,  # noqa: F811
    second_desk: Any,  # noqa: F811
) -> None:
    numbers = [desk.register.receive(officer, walk_in()).number for _ in range(12)]
    desk.actions.act(officer, numbers[0], "respond", RESPOND)
    a = enroll(desk, hub, keyring_backend)
    first = a.sync(sleep=lambda _d: None)
    assert first.ok and first.pushed == 13
    assert first.pulled == 0  # before: all 12 came straight back
    assert first.repaired == 0  # the checksums agree: the desk holds the versions the server stamped
    with desk.ctx.db.reader() as s:
        ids = {r.number: r.id for r in s.scalars(select(Request))}
    held = _server_versions(desk)
    assert {held[ids[n]] for n in numbers[1:]} == {1} and held[ids[numbers[0]]] == 2

    other = second_desk()
    b = enroll(other, hub, keyring_backend)
    assert b.sync(sleep=lambda _d: None).pulled == 12  # another desk gets everything
    other.actions.act(officer, numbers[1], "respond", RESPOND)
    assert b.sync(sleep=lambda _d: None).pulled == 0  # and not its own change back

    again = a.sync(sleep=lambda _d: None)
    assert again.ok and again.pulled == 1 and again.repaired == 0  # the other desk's change to A's record
    with desk.ctx.db.reader() as s:
        assert s.scalar(select(Request.status).where(Request.id == ids[numbers[1]])) == "dijawab"
    assert _server_versions(desk)[ids[numbers[1]]] == 2

    desk.actions.act(officer, numbers[2], "respond", RESPOND)  # a later change of A's: not pulled back either
    later = a.sync(sleep=lambda _d: None)
    assert later.pushed == 1 and later.pulled == 0 and later.repaired == 0
    assert b.sync(sleep=lambda _d: None).pulled == 1
