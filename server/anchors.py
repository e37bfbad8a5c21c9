"""Audit-chain heads sent by the desks (``POST /anchor``): the city's copy of where each register's chain stood.

Why on the server: a desk's chain proves nothing against someone who rewrites the whole register file, chain
included. A head the city recorded cannot be rewritten from the desk: a chain that no longer reaches it, or a
head that goes back, is evidence. Every head is kept (append-only history per device); one that is shorter
than, or differs at the same length from, the last one accepted is stored as not accepted and logged, and the
desk is told so.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, insert, select

from ppid_protocol.wire import AnchorRequest, AnchorResponse
from server.admin import utcnow
from server.context import DeviceCtx
from server.models import AuditAnchor

log = logging.getLogger("ppid.server.anchor")


def record_anchor(engine: Engine, device: DeviceCtx, body: AnchorRequest) -> AnchorResponse:
    with engine.begin() as conn:
        last = conn.execute(
            select(AuditAnchor.seq, AuditAnchor.hash)
            .where(AuditAnchor.device_id == device.id, AuditAnchor.accepted.is_(True))
            .order_by(AuditAnchor.id.desc())
            .limit(1)
        ).first()
        accepted = last is None or body.seq > last.seq or (body.seq == last.seq and body.hash == last.hash)
        if last is not None and body.seq == last.seq and body.hash == last.hash:
            return AnchorResponse(accepted=True, seq=body.seq, hash=body.hash, previous_seq=last.seq)
        conn.execute(
            insert(AuditAnchor).values(
                device_id=device.id, seq=body.seq, hash=body.hash, audit_id=body.audit_id,
                received_at=utcnow(), accepted=accepted,
            )
        )  # fmt: skip
    if accepted:
        return AnchorResponse(
            accepted=True, seq=body.seq, hash=body.hash, previous_seq=last.seq if last else None
        )
    assert last is not None
    log.warning(
        "audit chain went back", extra={"device": device.id, "seq": body.seq, "previous_seq": last.seq}
    )
    return AnchorResponse(
        accepted=False, seq=body.seq, hash=body.hash, previous_seq=last.seq,
        message=(
            f"Rantai audit meja ini (mata rantai #{body.seq}) tidak memuat kepala yang tercatat di server kota "
            f"(mata rantai #{last.seq}): register mungkin diubah di luar aplikasi. Jalankan ppid-desk check."
        ),
    )  # fmt: skip
