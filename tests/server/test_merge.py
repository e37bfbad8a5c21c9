"""Field-level merge rules (server/merge.py): disjoint merges, legal fields held, soft fields overwritten."""

from __future__ import annotations

from server.merge import diff, merge, state_at


def test_diff_ignores_bookkeeping_fields() -> None:
    assert diff({"a": 1, "version": 1}, {"a": 2, "version": 5, "b": None}) == {"a": [1, 2]}


def test_state_at_undoes_later_changes_in_order() -> None:
    current = {"status": "dijawab", "note": "x"}
    later = [{"status": ["verifikasi", "diproses"]}, {"status": ["diproses", "dijawab"], "note": [None, "x"]}]
    assert state_at(current, later) == {"status": "verifikasi"}


def test_disjoint_changes_merge_and_report_server_fields() -> None:
    current = {"status": "diproses", "response_note": "", "purpose": "riset"}
    later = [{"status": ["verifikasi", "diproses"]}]
    desk = {"status": "verifikasi", "response_note": "", "purpose": "skripsi"}
    out = merge("request", current, desk, later)
    assert not out.is_conflict
    assert out.data == {"status": "diproses", "response_note": "", "purpose": "skripsi"}
    assert out.server_kept == ["status"]


def test_same_legal_field_changed_differently_is_a_conflict() -> None:
    current = {"status": "ditolak"}
    later = [{"status": ["diproses", "ditolak"]}]
    out = merge("request", current, {"status": "dijawab"}, later)
    assert out.conflicts == {"status": {"server": "ditolak", "desk": "dijawab", "base": "diproses"}}


def test_same_change_on_both_sides_is_not_a_conflict() -> None:
    out = merge(
        "request", {"status": "dijawab"}, {"status": "dijawab"}, [{"status": ["diproses", "dijawab"]}]
    )
    assert not out.is_conflict and out.data == {"status": "dijawab"}


def test_soft_field_changed_on_both_sides_takes_desk_value_and_is_logged() -> None:
    out = merge(
        "request", {"response_note": "server"}, {"response_note": "desk"}, [{"response_note": ["", "server"]}]
    )
    assert not out.is_conflict
    assert out.data["response_note"] == "desk"
    assert out.overwritten == ["response_note"]


def test_requester_identity_is_legally_significant() -> None:
    out = merge("requester", {"name": "Budi S."}, {"name": "Budi Santoso"}, [{"name": ["Budi", "Budi S."]}])
    assert "name" in out.conflicts


def test_keberatan_filing_time_is_legally_significant() -> None:
    """A keberatan's filing time starts the Atasan PPID's 30 working days: a concurrent change is held."""
    out = merge(
        "objection",
        {"filed_at": "2026-03-17T09:00:00"},
        {"filed_at": "2026-03-18T09:00:00"},
        [{"filed_at": ["2026-03-16T09:00:00", "2026-03-17T09:00:00"]}],
    )
    assert "filed_at" in out.conflicts
