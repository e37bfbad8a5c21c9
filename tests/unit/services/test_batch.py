"""The bulk path writes what the desk writes: the same intents through ``WriteBatch`` (and
``RegisterService.receive_many``) and one by one through the services leave identical registers — numbers,
rows, timelines, audit, outbox payloads, counters and the search index — and a refused intent in a batch
changes nothing, as at the desk."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import ActionRefused, DeskError, ValidationError
from app.services.batch import WriteBatch
from app.services.context import Actor
from app.services.desk import DeskServices

_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def twin(tmp_path: Path, clock: Any, _desk_template: Any) -> Iterator[DeskServices]:
    """A second desk from the same template, on the same clock: the batch writes here."""
    folder = tmp_path / "twin"
    shutil.copytree(_desk_template.folder, folder)
    services = DeskServices.open(folder, clock=clock)
    yield services
    services.close()


def _plain(value: Any) -> Any:
    """A stored value with record ids replaced, so two registers written apart compare equal."""
    return _ID.sub("<id>", value) if isinstance(value, str) else value


def register_snapshot(desk: DeskServices) -> dict[str, Any]:
    with desk.ctx.db.read_engine.connect() as conn:

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(_plain(v) for v in row) for row in conn.execute(text(sql))]

        snapshot = {
            "requests": rows("SELECT * FROM requests ORDER BY number"),
            "requesters": rows(  # the encrypted NIK differs by its random IV; its hash does not
                "SELECT kind, name, legal_number, address, phone, email, occupation, nik_hash, nik_masked, "
                "version, created_at, updated_at FROM requesters ORDER BY name, created_at"
            ),
            "objections": rows("SELECT * FROM objections ORDER BY number"),
            "events": rows(
                "SELECT coalesce(r.number, o.number), e.kind, e.at, e.recorded_at, e.username, e.summary, e.data "
                "FROM events e LEFT JOIN requests r ON r.id = e.request_id "
                "LEFT JOIN objections o ON o.id = e.objection_id ORDER BY 1, e.recorded_at, e.kind"
            ),
            "audit": rows("SELECT at, username, action, entity, details FROM audit_log ORDER BY id"),
            "outbox": rows(
                "SELECT entity, action, base_version, payload, created_at FROM outbox_ops ORDER BY seq"
            ),
            "counters": rows("SELECT key, value FROM counters ORDER BY key"),
            "search": rows(
                "SELECT r.number, s.number, s.body FROM request_search s JOIN requests r ON r.rowid = s.rowid "
                "ORDER BY r.number"
            ),
        }
        conn.rollback()
    return snapshot


class OneByOne:
    """The intents of a scenario as the desk records them: one transaction each."""

    def __init__(self, desk: DeskServices) -> None:
        self.desk = desk

    def receive(self, actor: Actor, data: dict[str, Any]) -> str:
        return self.desk.register.receive(actor, data).number

    def act(self, actor: Actor, number: str, action: str, body: dict[str, Any]) -> None:
        self.desk.actions.act(actor, number, action, body)

    def add_objection(self, actor: Actor, number: str) -> str:
        return self.desk.objections.add(actor, request_number=number, grounds="c", body=_OBJECTION).number

    def act_objection(self, actor: Actor, number: str, action: str, body: dict[str, Any]) -> None:
        self.desk.objections.act(actor, number, action, body)

    def commit(self, finished: list[str]) -> None:
        """Nothing to do: every intent committed already."""


class Batched:
    def __init__(self, batch: WriteBatch) -> None:
        self.batch = batch

    def receive(self, actor: Actor, data: dict[str, Any]) -> str:
        return self.batch.receive(actor, data)

    def act(self, actor: Actor, number: str, action: str, body: dict[str, Any]) -> None:
        self.batch.act(actor, number, action, body)

    def add_objection(self, actor: Actor, number: str) -> str:
        return self.batch.add_objection(actor, request_number=number, grounds="c", body=_OBJECTION)

    def act_objection(self, actor: Actor, number: str, action: str, body: dict[str, Any]) -> None:
        self.batch.act_objection(actor, number, action, body)

    def commit(self, finished: list[str]) -> None:
        for number in finished:
            self.batch.finish(number)
        self.batch.commit()


_OBJECTION = {"case_summary": "Permohonan tidak ditanggapi."}
_DECIDE = {"decision": "dikabulkan", "text": "Informasi diberikan.", "atasan_name": "Drs. Rahmat"}


def scenario(
    way: Any, clock: Any, officer: Actor, supervisor: Actor, walk_in: Callable[..., dict[str, Any]]
) -> list[str]:
    """Intake (new, incomplete, returning with a new phone), answers, a refusal, a keberatan with its decision,
    a commit in between, then a correction of the returning requester's phone (both requests re-indexed)."""
    outcomes: list[str] = []

    def attempt(step: Callable[[], Any]) -> None:
        try:
            step()
            outcomes.append("ok")
        except DeskError as exc:
            outcomes.append(f"{type(exc).__name__}: {exc}")

    clock.now = datetime(2026, 3, 16, 9, 0)
    first = way.receive(officer, walk_in())
    clock.now = datetime(2026, 3, 16, 9, 30)
    budi = {**walk_in()["requester"], "nik": "3673051203900007", "name": "Budi Santoso"}
    second = way.receive(officer, walk_in(complete=False, requester=budi))
    clock.now = datetime(2026, 3, 16, 10, 0)
    again = way.receive(officer, walk_in(requester={**walk_in()["requester"], "phone": "0813-1111-2222"}))
    clock.now = datetime(2026, 3, 17, 9, 0)
    attempt(lambda: way.act(officer, second, "deliver", {}))  # refused: nothing answered yet
    attempt(lambda: way.act(officer, second, "incomplete", {"missing_items": ["Fotokopi KTP"]}))
    attempt(lambda: way.act(officer, first, "respond", {"decision": "diterima", "info_form": "softcopy"}))
    clock.now = datetime(2026, 3, 17, 11, 0)
    attempt(lambda: way.act(officer, first, "deliver", {"method": "email"}))
    attempt(lambda: way.act(officer, first, "close", {}))
    attempt(lambda: way.act(officer, first, "void", {"reason": "Salah input"}))  # refused: officer may not
    way.commit([first])
    clock.now = datetime(2026, 3, 18, 9, 0)
    objection = way.add_objection(officer, again)
    clock.now = datetime(2026, 3, 19, 9, 0)
    attempt(lambda: way.act_objection(officer, objection, "close", {}))  # refused: not decided yet
    attempt(lambda: way.act_objection(supervisor, objection, "decide", _DECIDE))
    attempt(lambda: way.act(supervisor, again, "correct", {
        "field": "requester.phone", "value": "0812-9999-0000", "reason": "Nomor berganti"
    }))  # fmt: skip
    attempt(lambda: way.act(officer, again, "respond", {"decision": "diterima"}))
    attempt(lambda: way.act(officer, again, "respond", {"decision": "diterima"}))  # refused: answered
    return [first, second, again, objection, *outcomes]


def test_a_batch_writes_the_register_the_desk_writes_one_by_one(
    desk: DeskServices,
    twin: DeskServices,
    clock: Any,
    officer: Actor,
    supervisor: Actor,
    walk_in: Callable[..., dict[str, Any]],
) -> None:
    expected = scenario(OneByOne(desk), clock, officer, supervisor, walk_in)
    with WriteBatch(twin.ctx) as batch:
        actual = scenario(Batched(batch), clock, officer, supervisor, walk_in)
    assert actual == expected
    assert [o.split(":")[0] for o in expected[4:] if o != "ok"] == [
        "ActionRefused",
        "PermissionDenied",
        "ActionRefused",
        "ActionRefused",
    ]
    assert register_snapshot(twin) == register_snapshot(desk)
    # The correction reached the search index of both requests of that requester, the committed one too.
    bodies = dict(register_snapshot(twin)["search"][i][::2] for i in range(3))
    assert sum("+6281299990000" in body for body in bodies.values()) == 2


def test_receive_many_numbers_and_writes_like_receive(
    desk: DeskServices, twin: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    items = [walk_in(), walk_in(complete=False, missing_items=["Fotokopi KTP"]), walk_in(channel="email")]
    expected = [desk.register.receive(officer, item).number for item in items]
    assert twin.register.receive_many(officer, items) == expected
    assert register_snapshot(twin) == register_snapshot(desk)
    payload = json.loads(str(register_snapshot(twin)["outbox"][1][3]))
    assert payload["state"]["status"] == "tidak_lengkap"


def test_receive_many_saves_nothing_when_one_item_is_bad(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    before = register_snapshot(desk)
    with pytest.raises(ValidationError) as caught:
        desk.register.receive_many(officer, [walk_in(), walk_in(purpose="")])
    assert "purpose" in caught.value.fields
    assert register_snapshot(desk) == before


def test_a_refused_step_in_a_batch_leaves_the_record_as_it_was(
    desk: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    number = desk.register.receive(officer, walk_in()).number
    before = register_snapshot(desk)
    with WriteBatch(desk.ctx) as batch:
        with pytest.raises(ActionRefused, match="Hanya boleh saat"):
            batch.act(officer, number, "deliver", {"method": "email"})
        with pytest.raises(ValidationError):
            batch.act(officer, number, "extend", {"reason": "bukan_alasan"})
    assert register_snapshot(desk) == before


def test_a_batch_finds_a_requester_registered_before_it_opened(
    desk: DeskServices, twin: DeskServices, officer: Actor, walk_in: Callable[..., dict[str, Any]]
) -> None:
    returning = walk_in(requester={**walk_in()["requester"], "phone": "0813-1111-2222"})
    for services in (desk, twin):
        services.register.receive(officer, walk_in())
    desk.register.receive(officer, returning)
    twin.register.receive_many(officer, [returning])
    snapshot = register_snapshot(twin)
    assert snapshot == register_snapshot(desk)
    assert len(snapshot["requesters"]) == 1
    assert sum("+6281311112222" in str(row) for row in snapshot["search"]) == 2  # both requests re-indexed
