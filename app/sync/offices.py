"""The list of offices a city desk may route a request to: ``GET /api/sync/v1/offices`` (city devices only).

Why a separate module: the list is not part of a sync round (the engine stays as it is); the city desk fetches
it when the officer routes a request and keeps the last answer in ``sync_state`` (key ``offices``), so the
route dialog and ``ppid-desk request route`` still work offline with the list last seen. The wire models
(``OfficeEntry``, ``OfficesResponse``) are in ``ppid_protocol.wire``, which ``server/offices.py`` answers with.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.sync import state
from ppid_protocol.wire import OFFICES_PATH, OfficeEntry, OfficesResponse

if TYPE_CHECKING:
    from app.sync.client import SyncClient
    from app.sync.engine import ClientFactory
    from app.sync.secrets import TokenStore
    from db.engine import Database

STATE_KEY = "offices"


class OfficeList(BaseModel):
    """What the desk keeps: the offices and when they were fetched (ISO local time; empty = never)."""

    offices: list[OfficeEntry] = Field(default_factory=list)
    fetched_at: str = ""

    def by_code(self) -> dict[str, OfficeEntry]:
        return {o.code: o for o in self.offices}


def fetch(client: SyncClient) -> list[OfficeEntry]:
    """One ``GET /offices`` with the client's credentials; ``SyncError`` on any failure (403 ``city_only``
    for an office desk)."""
    resp = client._send("GET", OFFICES_PATH, expect=16 * 1024)
    return client._parse(resp, OfficesResponse).offices


def store(session: Session, offices: list[OfficeEntry], now: datetime) -> OfficeList:
    kept = OfficeList(offices=sorted(offices, key=lambda o: o.code), fetched_at=state.now_iso(now))
    state.put(session, STATE_KEY, kept.model_dump(mode="json"))
    return kept


#: Re-exported: the enrollment is read where the sync state is (``app.sync.state``), without this module's wire
#: models, by everything that only asks whether and how this desk is enrolled (issuing a letter does).
enrollment = state.enrollment


def cached(session: Session) -> OfficeList:
    if not state.has_state_table(session):
        return OfficeList()
    data = state.get(session, STATE_KEY)
    return OfficeList.model_validate(data) if isinstance(data, dict) else OfficeList()


def refresh(
    db: Database,
    now: datetime,
    *,
    tokens: TokenStore | None = None,
    client_factory: ClientFactory | None = None,
) -> OfficeList:
    """Fetch the list with this desk's enrollment and token, and keep it. Raises ``SyncError`` (network,
    refusal, not enrolled) or ``SecretStoreUnavailable``; the caller decides whether the cache will do."""
    from app.sync.client import SyncError
    from app.sync.engine import Enrollment, default_client
    from app.sync.secrets import TokenStore

    with db.reader() as s:
        data = enrollment(s)
    if data is None:
        raise SyncError("not_enrolled", "Meja ini belum didaftarkan ke server kota (ppid-desk enroll).")
    enr = Enrollment(**data)
    token = (tokens or TokenStore()).load(enr.device_id)
    if not token:
        raise SyncError("auth_missing", "Token perangkat tidak ada di keyring; daftarkan ulang meja ini.")
    with (client_factory or default_client)(enr, token) as client:
        offices = fetch(client)
    with db.transaction() as s:
        return store(s, offices, now)
