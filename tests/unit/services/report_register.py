"""A hand-built register for the report tests, driven through the real services with a controlled clock.

Period under test: 2026-S1 (1 January – 30 June 2026). The working days below were counted by hand on the
office calendar, which skips Nyepi (cuti bersama 18 March, libur 19 March), Idul Fitri (cuti bersama 20, 23 and
24 March; libur 21–22 March), Good Friday (3 April) and the weekends:

====  ==========  =============  ==================================================================  ==========
no.   received    channel/kind   what happens                                                         counted as
====  ==========  =============  ==================================================================  ==========
R0    31-12-2025  datang/orang   answered 2 Jan 2026                                                  outside
R1    02-03-2026  datang/orang   answered (diterima) Mon 9 Mar: 3,4,5,6,9 = 5 HK, due 16 Mar: on     diterima
                                 time; delivered 10 Mar = 6 HK; keberatan K1 (d, g) on 12 Mar
R2    11-03-2026  email/kelompok extended 16 Mar (due 1 Apr -> 13 Apr); answered (sebagian) 8 Apr:     sebagian
                                 12,13,16,17,25,26,27,30,31,1,2,6,7,8 = 14 HK, on time; delivered 9
                                 Apr = 15 HK
R3    16-03-2026  surat/orang    rejected (Pasal 17 h) 9 Apr: 17,25,26,27,30,31,1,2,6,7,8,9 = 12 HK,  ditolak
                                 due 7 Apr: late; keberatan K2 (a) on 10 Apr, K3 (c) on 2 Jul
R4    17-03-2026  website/orang  forwarded the same day                                               diteruskan
R5    25-03-2026  datang/orang   incomplete; window ends 30 Mar; closed 31 Mar                        tidak dapat
R6    29-06-2026  telepon/orang  answered 2 Jul (after the period's end)                              belum sel.
R7    05-03-2026  datang/orang   voided                                                               not counted
R8    30-06-2026  whatsapp/kelp. still open                                                           belum sel.
R9    01-07-2026  datang/orang   received after the period                                            outside
====  ==========  =============  ==================================================================  ==========

K1: decided (ditolak) 27 Mar, sengketa filed 30 Mar, mediasi berhasil 5 Jul (after the end: belum diputus).
K4 on R1 (e) on 15 May: late, R1's keberatan window (30 HK from the answer of 9 Mar) closed on 28 April.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.services.context import Actor
from app.services.desk import DeskServices

KELOMPOK = {
    "kind": "kelompok",
    "name": "Forum Warga Cipocok",
    "nik": "3673050512850013",
    "phone": "0813-1111-2222",
}
GROUP_DOCS = ["ktp", "surat_kuasa"]


def build(
    desk: DeskServices, who: Actor, clock: Any, walk_in: Callable[..., dict[str, Any]]
) -> dict[str, str]:
    clock.now = datetime(2026, 7, 10, 12, 0)
    act = desk.actions.act
    numbers: dict[str, str] = {}

    def receive(key: str, when: datetime, **overrides: Any) -> str:
        numbers[key] = desk.register.receive(who, walk_in(received_at=when.isoformat(), **overrides)).number
        return numbers[key]

    r0 = receive("R0", datetime(2025, 12, 31, 15, 0))
    act(who, r0, "respond", {"decision": "diterima", "info_form": "softcopy"}, at=datetime(2026, 1, 2, 9, 0))

    r1 = receive("R1", datetime(2026, 3, 2, 9, 0))
    act(who, r1, "respond", {"decision": "diterima", "info_form": "softcopy"}, at=datetime(2026, 3, 9, 10, 0))
    act(who, r1, "deliver", {"method": "email"}, at=datetime(2026, 3, 10, 10, 0))

    r2 = receive("R2", datetime(2026, 3, 11, 9, 0), channel="email", requester=KELOMPOK, documents=GROUP_DOCS)
    act(
        who,
        r2,
        "extend",
        {"reason": "belum_dikuasai", "note": "Di bagian keuangan"},
        at=datetime(2026, 3, 16, 10),
    )
    act(
        who,
        r2,
        "respond",
        {"decision": "diterima_sebagian", "info_form": "softcopy", "redaction_reason": "Pasal 17 huruf h"},
        at=datetime(2026, 4, 8, 10, 0),
    )
    act(who, r2, "deliver", {"method": "email"}, at=datetime(2026, 4, 9, 10, 0))

    r3 = receive("R3", datetime(2026, 3, 16, 9, 30), channel="surat")
    act(
        who,
        r3,
        "reject",
        {"article": "h", "consequence_test": "Membuka informasi ini mengungkap rahasia pribadi warga."},
        at=datetime(2026, 4, 9, 10, 0),
    )

    r4 = receive("R4", datetime(2026, 3, 17, 9, 0), channel="website")
    act(who, r4, "forward", {"to_body": "Dinas Kependudukan Kota Serang"}, at=datetime(2026, 3, 17, 11, 0))

    r5 = receive("R5", datetime(2026, 3, 25, 9, 0), complete=False, missing_items=["Fotokopi KTP"])
    act(who, r5, "close", {}, at=datetime(2026, 3, 31, 10, 0))

    r6 = receive("R6", datetime(2026, 6, 29, 9, 0), channel="telepon")
    act(who, r6, "respond", {"decision": "diterima", "info_form": "softcopy"}, at=datetime(2026, 7, 2, 10, 0))

    r7 = receive("R7", datetime(2026, 3, 5, 9, 0))
    act(who, r7, "void", {"reason": "Salah input, pemohon yang sama"}, at=datetime(2026, 3, 5, 12, 0))

    receive("R8", datetime(2026, 6, 30, 9, 0), channel="whatsapp", requester=KELOMPOK, documents=GROUP_DOCS)
    receive("R9", datetime(2026, 7, 1, 8, 0))

    objections = desk.objections
    k1 = objections.add(
        who, request_number=r1, grounds=["d", "g"], filed_at=datetime(2026, 3, 12, 9, 0)
    ).number
    objections.act(
        who,
        k1,
        "decide",
        {"decision": "ditolak", "text": "Menguatkan keputusan PPID.", "atasan_name": "Drs. Atasan"},
        at=datetime(2026, 3, 27, 10, 0),
    )
    objections.act(who, k1, "dispute", {"register_number": "KI/12/2026"}, at=datetime(2026, 3, 30, 10, 0))
    objections.act(
        who, k1, "dispute_outcome", {"outcome": "mediasi_berhasil"}, at=datetime(2026, 7, 5, 10, 0)
    )
    objections.add(who, request_number=r3, grounds=["a"], filed_at=datetime(2026, 4, 10, 9, 0))
    objections.add(who, request_number=r3, grounds=["c"], filed_at=datetime(2026, 7, 2, 9, 0))
    objections.add(who, request_number=r1, grounds=["e"], filed_at=datetime(2026, 5, 15, 9, 0))
    return numbers
