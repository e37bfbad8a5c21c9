"""Cost of the content rules (``ppid_protocol.content``) per pushed op, which the server now runs on every op
before applying a batch: median microseconds per op over a full-width request with its deadline explanations
and an event, the shape the desk sends (``app.services.sync_state.request_state``).

    .venv/bin/python bench/content_rules_bench.py
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from ppid_protocol.content import check_event, check_record


def _deadline(kind: str) -> dict[str, Any]:
    skipped = [
        {"day": f"2026-03-{d:02d}", "reason": "Sabtu" if d % 7 == 0 else "Minggu"} for d in range(14, 30, 3)
    ]
    return {"kind": kind, "start": "2026-03-16", "due": "2026-03-30", "days": 10, "skipped": skipped,
            "explanation": "10 hari kerja sejak permohonan lengkap (Pasal 22 ayat (7) UU 14/2008)"}  # fmt: skip


RECORD: dict[str, Any] = {
    "id": "01a24db5-67fa-706b-98ae-69b76077d83a", "number": "3673.01/2026/A-0001", "office_code": "3673.01",
    "desk_letter": "A", "year": 2026, "seq": 1, "received_at": "2026-03-16T10:00:00", "channel": "langsung",
    "requester_id": "01a24db5-67fa-706b-98ae-69b76077d83b", "proxy": None, "documents": ["ktp", "surat_kuasa"],
    "information": "Salinan dokumen APBD Kota Serang tahun anggaran 2025 beserta lampirannya, rinci per OPD.",
    "purpose": "Penelitian skripsi tentang transparansi anggaran daerah.", "obtain_method": "salinan",
    "delivery_method": "email", "status": "diproses", "completed_at": "2026-03-16T10:00:00",
    "missing_items": [], "incomplete_notice_at": None, "due_completeness": "2026-03-19",
    "due_completion": None, "due_response": "2026-03-30", "due_extended": None, "due_current": "2026-03-30",
    "deadlines": {k: _deadline(k) for k in ("completeness", "response", "extended")},
    "extended_at": None, "extension_reason": None, "extension_note": None, "decision": None, "decided_at": None,
    "info_held": None, "holder_body": None, "info_form": None, "redaction_reason": None, "costs": None,
    "payment_method": None, "provision_days": None, "response_note": None, "rejection_article": None,
    "rejection_other_basis": None, "consequence_test": None, "forwarded_to": None, "forwarded_at": None,
    "delivered_at": None, "delivered_method": None, "closed_at": None, "voided_at": None, "void_reason": None,
    "voided_by": None, "received_by": "petugas", "version": 1, "created_at": "2026-03-16T10:00:00",
    "updated_at": "2026-03-16T10:00:00",
    "requester": {"id": "01a24db5-67fa-706b-98ae-69b76077d83b", "kind": "perorangan", "name": "Siti Aminah",
                  "nik_masked": "3673••••••••0001", "legal_number": None, "address": "Jl. Veteran No. 1, Serang",
                  "phone": "081234567890", "email": "siti@example.id", "occupation": "Mahasiswa", "version": 1,
                  "created_at": "2026-03-16T10:00:00", "updated_at": "2026-03-16T10:00:00"},
}  # fmt: skip
EVENT = {"id": "01a24db5-67fa-706b-98ae-69b76077d83c", "kind": "receive", "at": "2026-03-16T10:00:00",
         "recorded_at": "2026-03-16T10:00:00", "user": "petugas", "summary": "Permohonan diterima", "data": {}}  # fmt: skip


def main(rounds: int = 15, ops: int = 500) -> None:
    per_op = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(ops):
            check_record("request", RECORD)
            check_event(EVENT)
        per_op.append((time.perf_counter() - start) / ops * 1e6)
    print(f"content rules: median {statistics.median(per_op):.1f} µs per op "
          f"(min {min(per_op):.1f}, max {max(per_op):.1f}; {rounds} rounds of {ops} ops)")  # fmt: skip


if __name__ == "__main__":
    main()
