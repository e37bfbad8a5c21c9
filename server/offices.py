"""``GET /api/sync/v1/offices``: the offices a city desk may route a request to, each with its active desks and
when each last reached the server (the city-wide report's "which desks have gone quiet"; docs/sync-protocol.md).

Only a city device may ask: it is the only one allowed to route (``route_forbidden`` otherwise), so an office
desk gets ``403 city_only``. The same version gate and token check as every other authenticated call apply.
"""

# No "from __future__ import annotations": FastAPI must see the real Annotated types of the local dependency.
from typing import Annotated

from fastapi import APIRouter, Depends, Header
from sqlalchemy import Engine, select

from ppid_protocol.wire import API_PREFIX, OFFICES_PATH, DeskEntry, OfficeEntry, OfficesResponse
from server.admin import as_aware, utcnow
from server.auth import ApiError, authenticate, check_versions
from server.context import DeviceCtx
from server.db import reader
from server.models import Device, Office


def offices_router(engine: Engine, min_app_version: str) -> APIRouter:
    """The router to include in the app (``create_app``); ``min_app_version`` as for the other calls."""
    router = APIRouter(prefix=API_PREFIX)

    def device(
        authorization: Annotated[str | None, Header()] = None,
        x_device_id: Annotated[str | None, Header()] = None,
        x_app_version: Annotated[str | None, Header()] = None,
        x_ppid_protocol: Annotated[str | None, Header()] = None,
    ) -> DeviceCtx:
        check_versions(x_app_version, x_ppid_protocol, min_app_version)
        return authenticate(engine, authorization, x_device_id, x_app_version or "")

    @router.get(OFFICES_PATH, response_model=OfficesResponse)
    def offices(dev: Annotated[DeviceCtx, Depends(device)]) -> OfficesResponse:
        if not dev.is_city:
            raise ApiError(
                403,
                "city_only",
                "Daftar kantor hanya untuk meja PPID kota, yang dapat meneruskan permohonan.",
            )
        with reader(engine).connect() as conn:
            rows = conn.execute(
                select(Office.id, Office.code, Office.name, Office.is_city).order_by(Office.code)
            ).all()
            devices = conn.execute(
                select(Device.office_id, Device.desk_letter, Device.label, Device.last_seen)
                .where(Device.revoked_at.is_(None))
                .order_by(Device.desk_letter)
            ).all()
        desks: dict[int, list[DeskEntry]] = {}
        for row in devices:
            seen = as_aware(row.last_seen).isoformat() if row.last_seen else ""
            desks.setdefault(row.office_id, []).append(
                DeskEntry(desk_letter=row.desk_letter, label=row.label, last_seen=seen)
            )
        return OfficesResponse(
            offices=[
                OfficeEntry(code=r.code, name=r.name, is_city=r.is_city, desks=desks.get(r.id, []))
                for r in rows
            ],
            server_time=utcnow().isoformat(),
        )

    return router
