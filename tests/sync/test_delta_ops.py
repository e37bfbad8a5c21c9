"""Field changes on the wire, end to end (issue 15 item 7): a desk works requests and a keberatan through their
lifecycles, pushes every later step as its changes only, and a second desk of the office pulls records equal,
field for field, to the first desk's; the same with a server that does not offer deltas (whole states).

Over loopback HTTP against a live server on PostgreSQL, real registers, the real engine; the push bodies are
read as they go out (gunzipped), so the test sees what really crossed the wire.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.paths import db_path
from app.services.context import Actor
from app.services.desk import DeskServices
from app.services.sync_state import objection_state, request_state
from app.sync.client import SyncClient
from app.sync.engine import SyncEngine
from app.sync.secrets import MemoryKeyring, TokenStore
from db.models import Event, Objection, OutboxOp, Request, Requester
from ppid_protocol.delta import FEATURE_COMPACT
from server import admin
from server.models import Record
from server.testing import LiveServer
from tests.conftest import FakeClock

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
OFFICE = "3673.01"


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every op of every push body, as it went out."""
    ops: list[dict[str, Any]] = []
    real = SyncClient.push_body

    def spy(self: SyncClient, body: bytes, **kw: Any) -> Any:
        ops.extend(json.loads(gzip.decompress(body))["ops"])
        return real(self, body, **kw)

    monkeypatch.setattr(SyncClient, "push_body", spy)
    return ops


@pytest.fixture
def desks(
    tmp_path: Path, clock: FakeClock, _desk_template: Any, hub: LiveServer
) -> Iterator[Callable[[], Any]]:
    opened: list[DeskServices] = []
    keyring = MemoryKeyring()
    name = {o.code: o.name for o in admin.list_offices(hub.engine)}[OFFICE]

    def make() -> tuple[DeskServices, SyncEngine]:
        folder = tmp_path / f"desk-{len(opened)}"
        shutil.copytree(_desk_template.folder, folder)
        with sqlite3.connect(db_path(folder)) as conn:
            conn.execute("UPDATE office SET code = ?, name = ?", (OFFICE, name))
        services = DeskServices.open(folder, clock=clock)
        opened.append(services)
        engine = SyncEngine(services.ctx.db, TokenStore(keyring), clock=clock)
        code, _ = admin.new_enroll_code(hub.engine, OFFICE)
        engine.enroll(hub.url, code)
        return services, engine

    yield make
    for s in opened:
        s.close()


def lifecycles(desk: DeskServices, officer: Actor, supervisor: Actor, walk_in: Callable[..., Any]) -> None:
    answered = desk.register.receive(officer, walk_in()).number
    for action, body in (
        ("extend", {"reason": "belum_dikuasai", "note": "Dokumen masih di bagian keuangan"}),
        ("respond", {"decision": "diterima", "info_form": "softcopy"}),
        ("deliver", {"method": "email"}),
        ("close", {}),
    ):
        desk.actions.act(officer, answered, action, body)
    rejected = desk.register.receive(officer, walk_in(information="Data NIK warga RT 03")).number
    desk.actions.act(
        officer, rejected, "reject",
        {"article": "h", "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga."},
    )  # fmt: skip
    objection = desk.objections.add(officer, request_number=rejected, grounds="a").number
    desk.objections.act(
        supervisor, objection, "decide",
        {"decision": "ditolak", "text": "Menguatkan keputusan PPID.", "atasan_name": "Drs. H. Ahmad Syaukani",
         "atasan_position": "Camat Cipocok Jaya"},
    )  # fmt: skip
    desk.actions.act(
        supervisor, answered, "correct",
        {"field": "purpose", "value": "Bahan tugas kuliah", "reason": "Salah ketik tujuan"},
    )  # fmt: skip


def states(desk: DeskServices) -> dict[str, dict[str, Any]]:
    """Every record as it travels (request with its requester, keberatan), by id."""
    with desk.ctx.db.reader() as s:
        out = {}
        for row in s.scalars(select(Request)):
            requester = s.get(Requester, row.requester_id)
            assert requester is not None
            out[row.id] = request_state(row, requester)
        for obj in s.scalars(select(Objection)):
            number = s.scalar(select(Request.number).where(Request.id == obj.request_id)) or ""
            out[obj.id] = objection_state(obj, number)
        return out


def timelines(desk: DeskServices) -> list[tuple[Any, ...]]:
    with desk.ctx.db.reader() as s:
        return [
            (e.id, e.request_id, e.objection_id, e.kind, e.at, e.recorded_at, e.username, e.summary, e.data)
            for e in s.scalars(select(Event).order_by(Event.id))
        ]


def test_later_steps_travel_as_changes_and_the_other_desk_gets_the_same_records(
    desks: Callable[[], Any], sent: list[dict[str, Any]], supervisor: Actor, officer: Actor,
    walk_in: Callable[..., Any],
) -> None:  # fmt: skip
    (a, a_sync), (b, b_sync) = desks(), desks()
    lifecycles(a, officer, supervisor, walk_in)
    report = a_sync.sync(sleep=lambda _d: None, max_attempts=1)
    assert report.ok and report.pushed == 10 and report.conflicts == report.rejected == 0, report
    later = [op for op in sent if op["base_version"] > 0]
    assert len(later) == 7
    assert all("state" not in op["payload"] and "changes" in op["payload"] for op in later)
    respond = next(op for op in later if op["action"] == "respond")["payload"]["changes"]
    assert respond["status"] == "dijawab" and "information" not in respond and "requester" not in respond
    assert all("state" in op["payload"] for op in sent if op["base_version"] == 0)
    # compact wire: whole states without their null fields, no created_at equal to the event's ``at``
    assert all(None not in op["payload"]["state"].values() for op in sent if op["base_version"] == 0)
    assert not any("created_at" in op for op in sent)
    # the answer adds a due date to those before it: only the new one travels (``patch``)
    answer = next(op for op in later if op["action"] == "respond")["payload"]
    assert "deadlines" not in answer["changes"] and list(answer["patch"]["deadlines"]) == ["objection_filing"]

    requests = [op for op in sent if op["entity"] == "request"]
    assert all("kind" not in op["payload"]["event"] for op in requests)  # the op's action says it
    assert all("version" not in op["payload"]["changes"] for op in later)

    assert b_sync.sync(sleep=lambda _d: None, max_attempts=1).ok
    assert states(b) == states(a)
    assert timelines(b) == timelines(a)
    assert timelines(b) == timelines(a)

    with a.ctx.db.reader() as s:  # acknowledged: the whole state is gone from the outbox, the op row stays
        rows = s.execute(select(OutboxOp.acked_at, OutboxOp.payload)).all()
    assert len(rows) == 10 and all(acked is not None and "state" not in p for acked, p in rows)


def test_a_server_without_deltas_gets_whole_states(
    desks: Callable[[], Any], sent: list[dict[str, Any]], supervisor: Actor, officer: Actor,
    walk_in: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    (a, a_sync), (b, b_sync) = desks(), desks()
    real = SyncClient.hello

    def old_server(self: SyncClient) -> Any:
        hello, clock = real(self)
        hello.features = []
        self.delta_ops = False
        return hello, clock

    monkeypatch.setattr(SyncClient, "hello", old_server)
    lifecycles(a, officer, supervisor, walk_in)
    assert a_sync.sync(sleep=lambda _d: None, max_attempts=1).ok
    assert len(sent) == 10 and all("state" in op["payload"] and "changes" not in op["payload"] for op in sent)
    assert b_sync.sync(sleep=lambda _d: None, max_attempts=1).ok
    assert states(b) == states(a)
    assert timelines(b) == timelines(a)


def test_a_server_without_the_compact_wire_gets_every_field(
    desks: Callable[[], Any], sent: list[dict[str, Any]], supervisor: Actor, officer: Actor,
    walk_in: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A server that lists ``delta_ops`` but not ``compact_wire`` (the release before) gets the nulls and
    ``created_at`` as before and answers with op ids; the records arrive the same."""
    (a, a_sync), (b, b_sync) = desks(), desks()
    real = SyncClient.hello

    def older_server(self: SyncClient) -> Any:
        hello, clock = real(self)
        hello.features = [f for f in hello.features if f != FEATURE_COMPACT]
        self.compact_wire = False
        return hello, clock

    monkeypatch.setattr(SyncClient, "hello", older_server)
    lifecycles(a, officer, supervisor, walk_in)
    assert a_sync.sync(sleep=lambda _d: None, max_attempts=1).ok
    assert all(op["created_at"] for op in sent)
    assert all("decision" in op["payload"]["state"] for op in sent if op["base_version"] == 0)
    assert not any("patch" in op["payload"] for op in sent)
    assert "deadlines" in next(op for op in sent if op["action"] == "respond")["payload"]["changes"]
    assert b_sync.sync(sleep=lambda _d: None, max_attempts=1).ok
    assert states(b) == states(a)
    assert timelines(b) == timelines(a)


def test_interleaved_lifecycles_in_small_batches_reach_the_server_in_desk_order(
    desks: Callable[[], Any], hub: LiveServer, officer: Actor, walk_in: Callable[..., Any]
) -> None:
    """Batches open together skip records that have an op in flight (the engine's ``stage``): with every
    record's steps spread over the outbox and tiny batches, nothing arrives out of order (no ``base_ahead``,
    no conflict) and every record ends at its desk version."""
    (a, a_sync), _ = desks(), None
    numbers = [a.register.receive(officer, walk_in()).number for _ in range(8)]
    for action, body in (("extend", {"reason": "belum_dikuasai"}), ("respond", {"decision": "diterima",
                         "info_form": "softcopy"}), ("deliver", {"method": "email"})):  # fmt: skip
        for number in numbers:
            a.actions.act(officer, number, action, body)
    a_sync.batch_cap, a_sync.batch = 3, 3
    report = a_sync.sync(sleep=lambda _d: None, max_attempts=1)
    assert report.ok and report.pushed == 32 and report.conflicts == report.rejected == 0, report
    with a.ctx.db.reader() as s:
        local = dict(s.execute(select(Request.id, Request.version)).all())
    with hub.engine.connect() as conn:
        server = dict(conn.execute(select(Record.entity_id, Record.version)).all())
    assert server == local and set(local.values()) == {4}
